import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-4EM6NXRN.js";
import "../chunks/chunk-4J2A33PW.js";
import "../chunks/chunk-MUONATKF.js";
import "../chunks/chunk-HBEHRVUV.js";
import "../chunks/chunk-IWLQSRAR.js";
import "../chunks/chunk-AIUABIFL.js";
import "../chunks/chunk-J3TOZEXN.js";
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

// src/action/entries/check.ts
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
