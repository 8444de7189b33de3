import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-IFOF7EVG.mjs";
import "../chunks/chunk-3ZVYIIUG.mjs";
import "../chunks/chunk-QVZ6F4A4.mjs";
import "../chunks/chunk-VO5TFLGD.mjs";
import "../chunks/chunk-CM3G2MDO.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-7PWP3URO.mjs";
import "../chunks/chunk-WPYYF4CE.mjs";

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
