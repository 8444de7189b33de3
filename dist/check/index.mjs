import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-FAQ7NQ5H.mjs";
import "../chunks/chunk-O72G34E3.mjs";
import "../chunks/chunk-I6YSLM2F.mjs";
import "../chunks/chunk-ULJYJHZW.mjs";
import "../chunks/chunk-7EREQTQ6.mjs";
import "../chunks/chunk-BYOPE4DM.mjs";
import "../chunks/chunk-WPTGH2TD.mjs";
import "../chunks/chunk-4KZOXNEF.mjs";
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

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
