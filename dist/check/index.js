import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-IPENGVF7.js";
import "../chunks/chunk-6MKLWQYF.js";
import "../chunks/chunk-UMDFYKMJ.js";
import "../chunks/chunk-5SRV5TAB.js";
import "../chunks/chunk-YULPW44Y.js";
import "../chunks/chunk-FV4AEPNN.js";
import "../chunks/chunk-PQPULCAW.js";
import "../chunks/chunk-3XV4S4AN.js";
import "../chunks/chunk-UMTN2JNT.js";
import {
  gitHubApiFor,
  nodeRuntime,
  runAction
} from "../chunks/chunk-OWK4E7W6.js";
import {
  nodeIo
} from "../chunks/chunk-ZD7TFN3B.js";

// src/action/entries/check.ts
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
