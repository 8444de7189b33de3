import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-QKJ5L2JP.js";
import "../chunks/chunk-KXJI64IB.js";
import "../chunks/chunk-4DXEEER2.js";
import "../chunks/chunk-YMTGEFB3.js";
import "../chunks/chunk-NVUKBJSL.js";
import "../chunks/chunk-DUVVUA3Q.js";
import "../chunks/chunk-PVK7JBRQ.js";
import "../chunks/chunk-HU5ISJQL.js";
import "../chunks/chunk-JW3IB5LA.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-RFSJZUIP.js";
import {
  yieldBackgroundThreads
} from "../chunks/chunk-TX2NFAD4.js";
import "../chunks/chunk-QP74P37M.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
