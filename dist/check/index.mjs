import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-MCCJEV23.mjs";
import "../chunks/chunk-NNPPFBLX.mjs";
import "../chunks/chunk-IQFZBPEC.mjs";
import "../chunks/chunk-Q3JDW5DG.mjs";
import "../chunks/chunk-2UJA6SN2.mjs";
import "../chunks/chunk-O6R5GR53.mjs";
import "../chunks/chunk-LGJXW4LE.mjs";
import "../chunks/chunk-QYMCIDT4.mjs";
import "../chunks/chunk-SF56WDB6.mjs";
import "../chunks/chunk-JIRPWN7E.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-N4VVLHPP.mjs";
import "../chunks/chunk-TYVINMDF.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
