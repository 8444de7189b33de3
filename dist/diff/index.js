import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-SA5G57O3.js";
import "../chunks/chunk-OVJQYROW.js";
import "../chunks/chunk-SSAMQMNT.js";
import "../chunks/chunk-4POHDVFK.js";
import "../chunks/chunk-7ZJFWUJF.js";
import {
  gitHubApiFor,
  nodeRuntime,
  runAction
} from "../chunks/chunk-5YNZIT3R.js";
import {
  nodeIo
} from "../chunks/chunk-37MEGJJU.js";

// src/action/entries/diff.ts
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
