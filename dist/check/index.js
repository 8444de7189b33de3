import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-PWDXWOHE.js";
import "../chunks/chunk-U2OAAHIU.js";
import "../chunks/chunk-FGKIYIB2.js";
import "../chunks/chunk-L3ULZOJW.js";
import "../chunks/chunk-2PRGJCPP.js";
import "../chunks/chunk-X2Q2CCJC.js";
import "../chunks/chunk-MA43MP6U.js";
import "../chunks/chunk-JINELLTB.js";
import "../chunks/chunk-UEFEOPBB.js";
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
