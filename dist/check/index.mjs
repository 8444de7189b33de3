import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-RWFRWBQ3.mjs";
import "../chunks/chunk-E55LS3PX.mjs";
import "../chunks/chunk-7LMHFXHK.mjs";
import "../chunks/chunk-4EV36LRG.mjs";
import "../chunks/chunk-YA6VABBF.mjs";
import "../chunks/chunk-OLLUINQN.mjs";
import "../chunks/chunk-66KRGA24.mjs";
import "../chunks/chunk-4CUABLD6.mjs";
import "../chunks/chunk-LQ5GD2TC.mjs";
import "../chunks/chunk-Z6DHXPBG.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-ONUMRHTW.mjs";
import "../chunks/chunk-SWBTNRIT.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
