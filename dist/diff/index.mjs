import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-FO4TWHD5.mjs";
import "../chunks/chunk-2KZ5UROQ.mjs";
import "../chunks/chunk-PS3KE5KH.mjs";
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

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
