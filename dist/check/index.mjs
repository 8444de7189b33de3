import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-SCI6PKXB.mjs";
import "../chunks/chunk-JWZEZCZ2.mjs";
import "../chunks/chunk-OPVDL7E2.mjs";
import "../chunks/chunk-FER7TEWY.mjs";
import "../chunks/chunk-P7TSUYWD.mjs";
import "../chunks/chunk-BW5CCGJA.mjs";
import "../chunks/chunk-OETYJWX7.mjs";
import "../chunks/chunk-PFCN2FGJ.mjs";
import "../chunks/chunk-AWA55FNE.mjs";
import "../chunks/chunk-GC2MSKRT.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-NXC763CU.mjs";
import "../chunks/chunk-IO5GZOVN.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
