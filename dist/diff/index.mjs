import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-2TKHOVEI.mjs";
import "../chunks/chunk-NCJXKOEP.mjs";
import "../chunks/chunk-FOQMNGQD.mjs";
import "../chunks/chunk-AC6DMKWR.mjs";
import "../chunks/chunk-NFHNAHNP.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-IEURITV7.mjs";
import "../chunks/chunk-SMZDXYOG.mjs";

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
