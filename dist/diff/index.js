import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-N6LEBT73.js";
import "../chunks/chunk-CYV5ZGJF.js";
import "../chunks/chunk-UJAGTF2Y.js";
import "../chunks/chunk-3VTXIBNX.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-SIFT6HVS.js";
import "../chunks/chunk-TPEX7SKJ.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/diff.ts
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
