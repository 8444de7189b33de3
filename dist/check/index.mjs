import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-ZFD6WEZ3.mjs";
import "../chunks/chunk-MLZQ3S6A.mjs";
import "../chunks/chunk-LDWXXNQH.mjs";
import "../chunks/chunk-MLQJZDKZ.mjs";
import "../chunks/chunk-QX4EDDQI.mjs";
import "../chunks/chunk-APSJ7GWO.mjs";
import "../chunks/chunk-XGFDMZQN.mjs";
import "../chunks/chunk-4QZRTK2X.mjs";
import "../chunks/chunk-VXMJISFO.mjs";
import "../chunks/chunk-YIJRSAEM.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-YUBFCI2E.mjs";
import "../chunks/chunk-X7WBLDRP.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
