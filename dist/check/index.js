import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-U2QP5RK7.js";
import "../chunks/chunk-PXVTCDOQ.js";
import "../chunks/chunk-R4O3WRN6.js";
import "../chunks/chunk-VHQD54EV.js";
import "../chunks/chunk-CKV4RBTY.js";
import "../chunks/chunk-AUDNUALW.js";
import "../chunks/chunk-MZ4T6OCY.js";
import "../chunks/chunk-PDIL7NEE.js";
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
