import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-6SCQ6RDN.mjs";
import "../chunks/chunk-FB6GPRFR.mjs";
import "../chunks/chunk-H4PS5LZN.mjs";
import "../chunks/chunk-MFTTSIWT.mjs";
import "../chunks/chunk-Y6WJBVFL.mjs";
import "../chunks/chunk-44IWMOMT.mjs";
import "../chunks/chunk-CXA36N7X.mjs";
import "../chunks/chunk-OMYS5WIJ.mjs";
import "../chunks/chunk-XR6WQY3P.mjs";
import "../chunks/chunk-CXH4K6PE.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-SLKE6JN4.mjs";
import "../chunks/chunk-SOLCU4BK.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
