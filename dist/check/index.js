import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-6HH2SOSG.js";
import "../chunks/chunk-F7KEZBZV.js";
import "../chunks/chunk-R3NGZDEE.js";
import "../chunks/chunk-D255VNEW.js";
import "../chunks/chunk-D72JR64T.js";
import "../chunks/chunk-QRYFGKCP.js";
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

// src/action/entries/check.ts
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
