import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-LJJ5GLMR.mjs";
import "../chunks/chunk-BFANTMSR.mjs";
import "../chunks/chunk-EBOQ5TGE.mjs";
import "../chunks/chunk-HG7AMRJN.mjs";
import "../chunks/chunk-UT3MC22F.mjs";
import "../chunks/chunk-NFIJT4GT.mjs";
import "../chunks/chunk-AV3KNJ4X.mjs";
import "../chunks/chunk-IPBQVUWG.mjs";
import "../chunks/chunk-Q6JT7U5D.mjs";
import "../chunks/chunk-HGTN5PAW.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-OIFXUPXJ.mjs";
import "../chunks/chunk-V4XXCSCD.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
