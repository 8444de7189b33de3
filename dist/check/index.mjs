import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-NSQOB5DB.mjs";
import "../chunks/chunk-RFAGUILH.mjs";
import "../chunks/chunk-DFQEUQ6X.mjs";
import "../chunks/chunk-QMPVCIJI.mjs";
import "../chunks/chunk-IJXPUPOS.mjs";
import "../chunks/chunk-VZSFOICV.mjs";
import "../chunks/chunk-XVXVCNTO.mjs";
import "../chunks/chunk-VICHYA4J.mjs";
import "../chunks/chunk-A66GAWTZ.mjs";
import "../chunks/chunk-EMVQS2RA.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-3F77M3JT.mjs";
import "../chunks/chunk-VO7Q2ZXL.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
