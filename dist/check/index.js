import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-I3EQQ5UJ.js";
import "../chunks/chunk-WC4B3GHA.js";
import "../chunks/chunk-EEBSOKEF.js";
import "../chunks/chunk-FXWRWVQO.js";
import "../chunks/chunk-N7YIGXFW.js";
import "../chunks/chunk-VL4UGOU7.js";
import "../chunks/chunk-KHQPUAUM.js";
import "../chunks/chunk-QCWWYCP3.js";
import "../chunks/chunk-BLHQSVZG.js";
import "../chunks/chunk-7FAF75ZY.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-AKP5WFPH.js";
import {
  yieldBackgroundThreads
} from "../chunks/chunk-TX2NFAD4.js";
import "../chunks/chunk-OTMXQFQ4.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
