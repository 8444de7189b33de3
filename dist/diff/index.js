import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-4OGLQJYJ.js";
import "../chunks/chunk-OC5CHR5W.js";
import "../chunks/chunk-PCFMI7SY.js";
import "../chunks/chunk-CZXJABXB.js";
import {
  gitHubApiFor,
  nodeRuntime,
  runAction
} from "../chunks/chunk-LL6R6OLP.js";
import {
  nodeIo
} from "../chunks/chunk-S45YRK77.js";

// src/action/entries/diff.ts
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
