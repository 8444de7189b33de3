import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-IFO3I5KU.mjs";
import "../chunks/chunk-PUWJQIJF.mjs";
import "../chunks/chunk-FO4TWHD5.mjs";
import "../chunks/chunk-2KZ5UROQ.mjs";
import "../chunks/chunk-RVTY6DFR.mjs";
import "../chunks/chunk-PS3KE5KH.mjs";
import "../chunks/chunk-AU2F2XWG.mjs";
import "../chunks/chunk-XDMYRBE5.mjs";
import "../chunks/chunk-GETLUJG4.mjs";
import "../chunks/chunk-TV2MZURB.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-OO4BZVDX.mjs";
import "../chunks/chunk-OXJ566IQ.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
