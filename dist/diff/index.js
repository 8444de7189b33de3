import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-AOQRBJI4.js";
import "../chunks/chunk-VYZ5M34V.js";
import "../chunks/chunk-XYU26QAZ.js";
import "../chunks/chunk-FI44ZZ6X.js";
import "../chunks/chunk-DPHEAA4F.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-EKOZBAPX.js";
import {
  yieldBackgroundThreads
} from "../chunks/chunk-TX2NFAD4.js";
import "../chunks/chunk-TDELY7YA.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
