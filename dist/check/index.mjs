import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-RISL33L7.mjs";
import "../chunks/chunk-WWMZ5BLV.mjs";
import "../chunks/chunk-YMK46PNP.mjs";
import "../chunks/chunk-CT6A5KUJ.mjs";
import "../chunks/chunk-A3KCDZNW.mjs";
import "../chunks/chunk-PIHVVN25.mjs";
import "../chunks/chunk-4UTNOSRM.mjs";
import "../chunks/chunk-V6DZCLGC.mjs";
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

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
