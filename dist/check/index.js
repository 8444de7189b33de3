import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-TVDGWQBH.js";
import "../chunks/chunk-F6EGLC5U.js";
import "../chunks/chunk-R4O3WRN6.js";
import "../chunks/chunk-VHQD54EV.js";
import "../chunks/chunk-4PY2Y3KJ.js";
import "../chunks/chunk-AUDNUALW.js";
import "../chunks/chunk-E43DD4YC.js";
import "../chunks/chunk-7M5YB6EZ.js";
import "../chunks/chunk-RQ6IUFHH.js";
import "../chunks/chunk-X7FFN63Z.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-EKOZBAPX.js";
import {
  yieldBackgroundThreads
} from "../chunks/chunk-TX2NFAD4.js";
import "../chunks/chunk-TDELY7YA.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
