import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-WGLHIIPA.mjs";
import "../chunks/chunk-YHK6W4FL.mjs";
import "../chunks/chunk-LTTOXGE5.mjs";
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

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
