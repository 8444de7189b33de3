import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-LH2H3CRN.mjs";
import "../chunks/chunk-P2V4QLCS.mjs";
import "../chunks/chunk-M2CAB4KV.mjs";
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

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
