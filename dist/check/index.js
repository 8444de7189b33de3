import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-I4OCJNYB.js";
import "../chunks/chunk-Q6AX24RO.js";
import "../chunks/chunk-SSKCD43S.js";
import "../chunks/chunk-QGF7G74Y.js";
import "../chunks/chunk-53CHSXPR.js";
import "../chunks/chunk-46UYKBPK.js";
import "../chunks/chunk-VREAUM4C.js";
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

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
