import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-LDWXXNQH.mjs";
import "../chunks/chunk-MLQJZDKZ.mjs";
import "../chunks/chunk-APSJ7GWO.mjs";
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

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
