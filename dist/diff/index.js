import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-SSKCD43S.js";
import "../chunks/chunk-53CHSXPR.js";
import "../chunks/chunk-LATYBFEM.js";
import "../chunks/chunk-FRC7G7MB.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-3O7BJIME.js";
import {
  yieldBackgroundThreads
} from "../chunks/chunk-TX2NFAD4.js";
import "../chunks/chunk-L6SWB32J.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
