import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-HL66JMX5.mjs";
import "../chunks/chunk-744CM7KQ.mjs";
import "../chunks/chunk-WGLHIIPA.mjs";
import "../chunks/chunk-YHK6W4FL.mjs";
import "../chunks/chunk-QPQKFWI7.mjs";
import "../chunks/chunk-LTTOXGE5.mjs";
import "../chunks/chunk-T4VUOTEN.mjs";
import "../chunks/chunk-3MN5RMWY.mjs";
import "../chunks/chunk-MEDOINWG.mjs";
import "../chunks/chunk-3UWSCT7T.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-NA47SXWS.mjs";
import "../chunks/chunk-FIPXIYTF.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
