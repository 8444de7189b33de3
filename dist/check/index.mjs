import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-5KYKP6FP.mjs";
import "../chunks/chunk-P2TH36FV.mjs";
import "../chunks/chunk-QQZSEHNM.mjs";
import "../chunks/chunk-MRQTZUG3.mjs";
import "../chunks/chunk-5QKZMBPS.mjs";
import "../chunks/chunk-TKAM5TVI.mjs";
import "../chunks/chunk-G6KM2FQ3.mjs";
import "../chunks/chunk-CA4SJ6LF.mjs";
import "../chunks/chunk-PL2AEZZM.mjs";
import "../chunks/chunk-UNL3D2LC.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-JHV2F3EO.mjs";
import "../chunks/chunk-FRUALAJ6.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
