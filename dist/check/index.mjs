import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-GGCSCUAM.mjs";
import "../chunks/chunk-27BA3425.mjs";
import "../chunks/chunk-QAFPHXAT.mjs";
import "../chunks/chunk-JMHW22Y7.mjs";
import "../chunks/chunk-5LS5IQNO.mjs";
import "../chunks/chunk-2VSGTOXP.mjs";
import "../chunks/chunk-CCJR2LG6.mjs";
import "../chunks/chunk-RO4LJ4P2.mjs";
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

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
