import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-HFJ75BGM.mjs";
import "../chunks/chunk-I64YF3UK.mjs";
import "../chunks/chunk-W7ZTQNL2.mjs";
import "../chunks/chunk-CCDEGVC4.mjs";
import "../chunks/chunk-XOAERWBW.mjs";
import "../chunks/chunk-HXOGRB4R.mjs";
import "../chunks/chunk-LSRGAWFM.mjs";
import "../chunks/chunk-NCA6VZ56.mjs";
import "../chunks/chunk-QID5K7Z5.mjs";
import "../chunks/chunk-ZVY7ZZVC.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-5BKCPFG2.mjs";
import "../chunks/chunk-JPUBLRZD.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
