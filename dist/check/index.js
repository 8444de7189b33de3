import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-WVR5FOLS.js";
import "../chunks/chunk-27YIP6TG.js";
import "../chunks/chunk-MZTPDZR4.js";
import "../chunks/chunk-XJQEIC6H.js";
import "../chunks/chunk-6M4EUF5B.js";
import "../chunks/chunk-JBZWDLI2.js";
import "../chunks/chunk-6GE6NAXJ.js";
import "../chunks/chunk-RAMNGDNX.js";
import "../chunks/chunk-LYG3EMSF.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-3O7BJIME.js";
import "../chunks/chunk-L6SWB32J.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/check.ts
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
