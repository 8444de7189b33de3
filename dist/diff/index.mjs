import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-V2E2SBM2.mjs";
import "../chunks/chunk-QF5LS466.mjs";
import "../chunks/chunk-7JO5KOIW.mjs";
import "../chunks/chunk-6J34EOG3.mjs";
import "../chunks/chunk-F35H2FPZ.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-WAU3TW76.mjs";
import "../chunks/chunk-LPAUOXR6.mjs";

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
