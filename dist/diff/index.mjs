import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-I6YSLM2F.mjs";
import "../chunks/chunk-ULJYJHZW.mjs";
import "../chunks/chunk-BYOPE4DM.mjs";
import "../chunks/chunk-7UMWLVUS.mjs";
import "../chunks/chunk-QIFZJIEF.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-BF3BQBQC.mjs";
import "../chunks/chunk-CSYVZ22Y.mjs";

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
