import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-3NRENBW2.mjs";
import "../chunks/chunk-M7XWH2MY.mjs";
import "../chunks/chunk-N2I37TX2.mjs";
import "../chunks/chunk-AJQWI2EP.mjs";
import "../chunks/chunk-R3CALV2C.mjs";
import "../chunks/chunk-F5UXVM46.mjs";
import "../chunks/chunk-27YUG7GO.mjs";
import "../chunks/chunk-37RXLXB3.mjs";
import "../chunks/chunk-CRMSKUNH.mjs";
import "../chunks/chunk-M5UMNYA3.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-KKOF7SBX.mjs";
import "../chunks/chunk-KPPM6KO7.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
