import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-A7C65RRH.js";
import "../chunks/chunk-I6WH4D67.js";
import "../chunks/chunk-EOO5KPV5.js";
import "../chunks/chunk-7HU4AE4C.js";
import "../chunks/chunk-P62MTZJF.js";
import "../chunks/chunk-EN2M2YD6.js";
import "../chunks/chunk-DOWTFV6A.js";
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

// src/action/entries/check.ts
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
