import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-4ILQBC6C.mjs";
import "../chunks/chunk-BXBYGVBK.mjs";
import "../chunks/chunk-JEAC2MFO.mjs";
import "../chunks/chunk-ULJYJHZW.mjs";
import "../chunks/chunk-2D3A2LZM.mjs";
import "../chunks/chunk-BYOPE4DM.mjs";
import "../chunks/chunk-CUUGMPNR.mjs";
import "../chunks/chunk-3PRXVV3R.mjs";
import "../chunks/chunk-7UMWLVUS.mjs";
import "../chunks/chunk-QIFZJIEF.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-BNZARLDN.mjs";
import "../chunks/chunk-CSYVZ22Y.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
