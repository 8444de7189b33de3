import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-DU6TYVNY.mjs";
import "../chunks/chunk-E6EBHE7A.mjs";
import "../chunks/chunk-NU3FGBHQ.mjs";
import "../chunks/chunk-4EV36LRG.mjs";
import "../chunks/chunk-2SKGICJQ.mjs";
import "../chunks/chunk-OLLUINQN.mjs";
import "../chunks/chunk-A2KY4GLM.mjs";
import "../chunks/chunk-NUI66PDE.mjs";
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

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
