import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-CXYTHU44.mjs";
import "../chunks/chunk-FQUYQUZ4.mjs";
import "../chunks/chunk-IQFZBPEC.mjs";
import "../chunks/chunk-Q3JDW5DG.mjs";
import "../chunks/chunk-7C2PJ2SV.mjs";
import "../chunks/chunk-O6R5GR53.mjs";
import "../chunks/chunk-SJTMG26P.mjs";
import "../chunks/chunk-PTKPQVPC.mjs";
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
