import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-NTVN5XVN.js";
import "../chunks/chunk-3OPJDBLQ.js";
import "../chunks/chunk-QOWCRVGB.js";
import "../chunks/chunk-VCE3MSDA.js";
import "../chunks/chunk-N4FESEUA.js";
import "../chunks/chunk-Z2CQAB53.js";
import "../chunks/chunk-Q3H5W6AR.js";
import "../chunks/chunk-QFSIQCDJ.js";
import "../chunks/chunk-PQ74P5P2.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-7X5GMJ7V.js";
import {
  yieldBackgroundThreads
} from "../chunks/chunk-TX2NFAD4.js";
import "../chunks/chunk-HOS46HMG.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
