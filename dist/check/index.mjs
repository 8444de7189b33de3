import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-7RAHTWF7.mjs";
import "../chunks/chunk-VL2UO7GF.mjs";
import "../chunks/chunk-DRRNPIAV.mjs";
import "../chunks/chunk-CAOERQYC.mjs";
import "../chunks/chunk-3AMERAP4.mjs";
import "../chunks/chunk-5SLZEI6J.mjs";
import "../chunks/chunk-MQLXNNKG.mjs";
import "../chunks/chunk-BGWOOTMN.mjs";
import "../chunks/chunk-JMZNCGUQ.mjs";
import "../chunks/chunk-IO5DEDRS.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-NXC763CU.mjs";
import "../chunks/chunk-IO5GZOVN.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
