import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-DRRNPIAV.mjs";
import "../chunks/chunk-CAOERQYC.mjs";
import "../chunks/chunk-5SLZEI6J.mjs";
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

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
