import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-N5COS4MI.js";
import "../chunks/chunk-NLWINY5N.js";
import "../chunks/chunk-RK7NW5G7.js";
import "../chunks/chunk-GMLIY7S3.js";
import "../chunks/chunk-PUZ4HOS2.js";
import "../chunks/chunk-HBM66GIY.js";
import "../chunks/chunk-3ABRQBOJ.js";
import "../chunks/chunk-3IMT4DB2.js";
import "../chunks/chunk-BTYONLX7.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-Z5Z4UOV6.js";
import "../chunks/chunk-EEBPC6OY.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/check.ts
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
