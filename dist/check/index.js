import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-N3O2ZJOY.js";
import "../chunks/chunk-P7R2FA4W.js";
import "../chunks/chunk-H76MLCW5.js";
import "../chunks/chunk-HRAR3VVD.js";
import "../chunks/chunk-G3S2MLCN.js";
import "../chunks/chunk-RGMMZDZQ.js";
import "../chunks/chunk-TJG4TOCP.js";
import "../chunks/chunk-PRNEPLNZ.js";
import "../chunks/chunk-C57VKOKB.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-RFSJZUIP.js";
import {
  yieldBackgroundThreads
} from "../chunks/chunk-TX2NFAD4.js";
import "../chunks/chunk-QP74P37M.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
