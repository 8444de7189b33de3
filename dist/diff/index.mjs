import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-5AKXMKSF.mjs";
import "../chunks/chunk-YD76DOL6.mjs";
import "../chunks/chunk-WCR5MJTX.mjs";
import "../chunks/chunk-LJ6KWNZ7.mjs";
import "../chunks/chunk-O73IRBZ3.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-MX7AUN24.mjs";
import "../chunks/chunk-TBLT5FKE.mjs";

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
