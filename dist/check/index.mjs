import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-IV46FRQD.mjs";
import "../chunks/chunk-OEGOSAB6.mjs";
import "../chunks/chunk-LH2H3CRN.mjs";
import "../chunks/chunk-P2V4QLCS.mjs";
import "../chunks/chunk-ODEVHHO5.mjs";
import "../chunks/chunk-M2CAB4KV.mjs";
import "../chunks/chunk-4M7XKRX7.mjs";
import "../chunks/chunk-53BGGRIK.mjs";
import "../chunks/chunk-LDHXM7AC.mjs";
import "../chunks/chunk-WR2EC4QH.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-BNZARLDN.mjs";
import "../chunks/chunk-CSYVZ22Y.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
