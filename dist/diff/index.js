import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-OJW5OPH7.js";
import "../chunks/chunk-NUXIERXO.js";
import "../chunks/chunk-KRE4KSM2.js";
import "../chunks/chunk-Z6JEST27.js";
import {
  gitHubApiFor,
  nodeRuntime,
  runAction
} from "../chunks/chunk-3CVNR27Y.js";
import {
  nodeIo
} from "../chunks/chunk-JYW7THQ5.js";

// src/action/entries/diff.ts
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
