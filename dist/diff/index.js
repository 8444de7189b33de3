import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-R3NGZDEE.js";
import "../chunks/chunk-D255VNEW.js";
import "../chunks/chunk-VFXDJJS4.js";
import "../chunks/chunk-W5GPRM7E.js";
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
