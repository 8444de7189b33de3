import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-GSARL4SO.mjs";
import "../chunks/chunk-L5WH77FC.mjs";
import "../chunks/chunk-KVNWOL6W.mjs";
import "../chunks/chunk-QG2ILMBA.mjs";
import "../chunks/chunk-HV2HZ65X.mjs";
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
