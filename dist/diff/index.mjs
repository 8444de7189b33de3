import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-NU3FGBHQ.mjs";
import "../chunks/chunk-4EV36LRG.mjs";
import "../chunks/chunk-OLLUINQN.mjs";
import "../chunks/chunk-LQ5GD2TC.mjs";
import "../chunks/chunk-Z6DHXPBG.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-7P4NEYGH.mjs";
import "../chunks/chunk-SWBTNRIT.mjs";

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
