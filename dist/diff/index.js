import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-YAYPSIH5.js";
import "../chunks/chunk-ZSCCUJPY.js";
import "../chunks/chunk-NAGPBG5F.js";
import "../chunks/chunk-RI4RY7BV.js";
import {
  gitHubApiFor,
  nodeRuntime,
  runAction
} from "../chunks/chunk-V3DV5JOP.js";
import {
  nodeIo
} from "../chunks/chunk-H2VFODTW.js";

// src/action/entries/diff.ts
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
