import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-YMK46PNP.mjs";
import "../chunks/chunk-CT6A5KUJ.mjs";
import "../chunks/chunk-PIHVVN25.mjs";
import "../chunks/chunk-TTEDSDYB.mjs";
import "../chunks/chunk-WIK4SEUB.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-BF3BQBQC.mjs";
import "../chunks/chunk-CSYVZ22Y.mjs";

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
