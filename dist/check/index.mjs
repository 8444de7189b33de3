import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-ZABI62JN.mjs";
import "../chunks/chunk-MRYDD6KZ.mjs";
import "../chunks/chunk-QSK3PVRW.mjs";
import "../chunks/chunk-4VRZL5M3.mjs";
import "../chunks/chunk-XS4GO5DC.mjs";
import "../chunks/chunk-XNMSKBPY.mjs";
import "../chunks/chunk-KHC7NBYL.mjs";
import "../chunks/chunk-DAWSXEW3.mjs";
import "../chunks/chunk-BHAWKYTL.mjs";
import "../chunks/chunk-GZ7YEVX4.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-GT27BB4T.mjs";
import "../chunks/chunk-MDSEROZX.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
