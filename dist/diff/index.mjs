import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-QAFPHXAT.mjs";
import "../chunks/chunk-JMHW22Y7.mjs";
import "../chunks/chunk-2VSGTOXP.mjs";
import "../chunks/chunk-QXXSNLJ7.mjs";
import "../chunks/chunk-7CZOSDM3.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-RNKFRZPJ.mjs";
import "../chunks/chunk-77CWBPOV.mjs";

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
