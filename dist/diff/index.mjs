import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-QSK3PVRW.mjs";
import "../chunks/chunk-4VRZL5M3.mjs";
import "../chunks/chunk-XNMSKBPY.mjs";
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

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
