import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-QQZSEHNM.mjs";
import "../chunks/chunk-MRQTZUG3.mjs";
import "../chunks/chunk-TKAM5TVI.mjs";
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

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
