import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-RSYYUMDD.js";
import "../chunks/chunk-PC3PPTHX.js";
import "../chunks/chunk-R44XIBZT.js";
import "../chunks/chunk-MFQFQFHD.js";
import {
  gitHubApiFor,
  nodeRuntime,
  runAction
} from "../chunks/chunk-YHYGKXPM.js";
import {
  nodeIo
} from "../chunks/chunk-QXHSBAJ4.js";

// src/action/entries/diff.ts
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
