import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-7GKTHPAS.js";
import "../chunks/chunk-RA6HHYRB.js";
import "../chunks/chunk-MCAWNEB3.js";
import "../chunks/chunk-DSFXLOT5.js";
import "../chunks/chunk-474KPJTR.js";
import {
  gitHubApiFor,
  nodeRuntime,
  runAction
} from "../chunks/chunk-OWK4E7W6.js";
import {
  nodeIo
} from "../chunks/chunk-ZD7TFN3B.js";

// src/action/entries/diff.ts
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
