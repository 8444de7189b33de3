import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-5V3ZRQ5V.js";
import "../chunks/chunk-PVQKQRSX.js";
import "../chunks/chunk-2LSKVTDR.js";
import "../chunks/chunk-HORD2WWR.js";
import "../chunks/chunk-LGPXONYK.js";
import "../chunks/chunk-AEAE5NAV.js";
import "../chunks/chunk-WPVWU4S5.js";
import "../chunks/chunk-BRZITOAE.js";
import "../chunks/chunk-UBPA7HOJ.js";
import "../chunks/chunk-WDDZ4EJN.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-4TTSEGA3.js";
import {
  yieldBackgroundThreads
} from "../chunks/chunk-TX2NFAD4.js";
import "../chunks/chunk-OTMXQFQ4.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
