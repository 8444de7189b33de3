import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-H76MLCW5.js";
import "../chunks/chunk-G3S2MLCN.js";
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

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
