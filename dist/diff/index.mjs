import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-OPVDL7E2.mjs";
import "../chunks/chunk-FER7TEWY.mjs";
import "../chunks/chunk-BW5CCGJA.mjs";
import "../chunks/chunk-AWA55FNE.mjs";
import "../chunks/chunk-GC2MSKRT.mjs";
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
