import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-MUONATKF.js";
import "../chunks/chunk-HBEHRVUV.js";
import "../chunks/chunk-AIUABIFL.js";
import "../chunks/chunk-4IEHQKVY.js";
import "../chunks/chunk-ISRMVCTR.js";
import {
  gitHubApiFor,
  nodeRuntime,
  runAction
} from "../chunks/chunk-EJRGSB66.js";
import {
  nodeIo
} from "../chunks/chunk-5H3LHJPL.js";

// src/action/entries/diff.ts
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
