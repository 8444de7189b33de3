import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-W6RFUDFE.js";
import "../chunks/chunk-YVA6NCJE.js";
import "../chunks/chunk-5KRTIGV7.js";
import "../chunks/chunk-6CJOSANB.js";
import "../chunks/chunk-S6FUDMHW.js";
import "../chunks/chunk-BWRTLTGN.js";
import "../chunks/chunk-4X4HKI36.js";
import "../chunks/chunk-TX7ZNDAT.js";
import "../chunks/chunk-ZZ6ETZOP.js";
import "../chunks/chunk-LPIVBN24.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-AKP5WFPH.js";
import {
  yieldBackgroundThreads
} from "../chunks/chunk-TX2NFAD4.js";
import "../chunks/chunk-OTMXQFQ4.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
