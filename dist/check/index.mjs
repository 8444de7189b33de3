import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-BVQPTG72.mjs";
import "../chunks/chunk-OT7E7FJL.mjs";
import "../chunks/chunk-JEAC2MFO.mjs";
import "../chunks/chunk-ULJYJHZW.mjs";
import "../chunks/chunk-7AYHQNUJ.mjs";
import "../chunks/chunk-BYOPE4DM.mjs";
import "../chunks/chunk-EC2BFTTG.mjs";
import "../chunks/chunk-4NIJCEHR.mjs";
import "../chunks/chunk-7UMWLVUS.mjs";
import "../chunks/chunk-QIFZJIEF.mjs";
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
