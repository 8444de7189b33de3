import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-5KRTIGV7.js";
import "../chunks/chunk-6CJOSANB.js";
import "../chunks/chunk-BWRTLTGN.js";
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

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
