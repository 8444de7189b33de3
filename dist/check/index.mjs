import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-SA23HMG7.mjs";
import "../chunks/chunk-RIOAAYDK.mjs";
import "../chunks/chunk-TP4FJW6D.mjs";
import "../chunks/chunk-XCSC7L3L.mjs";
import "../chunks/chunk-66JMM7FY.mjs";
import "../chunks/chunk-VGHF2K43.mjs";
import "../chunks/chunk-VBOB7ZMY.mjs";
import "../chunks/chunk-UL65IHMC.mjs";
import "../chunks/chunk-KVLCAWQ4.mjs";
import "../chunks/chunk-5EWUN5FZ.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-N4VVLHPP.mjs";
import "../chunks/chunk-TYVINMDF.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
