import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-O5RMGA4E.mjs";
import "../chunks/chunk-YCDTMGKA.mjs";
import "../chunks/chunk-QTNYGMCW.mjs";
import "../chunks/chunk-5M5K5ZKC.mjs";
import "../chunks/chunk-VDEMJ3YM.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-LCYZV35M.mjs";
import "../chunks/chunk-VO7Q2ZXL.mjs";

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
