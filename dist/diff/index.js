import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-EOO5KPV5.js";
import "../chunks/chunk-P62MTZJF.js";
import "../chunks/chunk-AJTV66DW.js";
import "../chunks/chunk-YYWHCO2H.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-QWB2L4PT.js";
import "../chunks/chunk-EEBPC6OY.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/diff.ts
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
