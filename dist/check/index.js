import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-WQJHPP7Z.js";
import "../chunks/chunk-AQNQ6XGQ.js";
import "../chunks/chunk-2KGAL6TN.js";
import "../chunks/chunk-NCPXZRBH.js";
import "../chunks/chunk-SXZDRXO6.js";
import "../chunks/chunk-BAA5SH2C.js";
import "../chunks/chunk-FDAHF62K.js";
import "../chunks/chunk-LZ2KVWL2.js";
import "../chunks/chunk-DY2M6SL5.js";
import "../chunks/chunk-DFXF3IWQ.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-XXWSIRCN.js";
import {
  yieldBackgroundThreads
} from "../chunks/chunk-TX2NFAD4.js";
import "../chunks/chunk-AAXQ3H2U.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
