import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-FGKIYIB2.js";
import "../chunks/chunk-2PRGJCPP.js";
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

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
