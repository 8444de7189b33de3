import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-N2I37TX2.mjs";
import "../chunks/chunk-AJQWI2EP.mjs";
import "../chunks/chunk-F5UXVM46.mjs";
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

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
