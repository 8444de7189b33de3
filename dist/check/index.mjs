import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-SBUP454Q.mjs";
import "../chunks/chunk-QOXHYRWV.mjs";
import "../chunks/chunk-2TKHOVEI.mjs";
import "../chunks/chunk-NCJXKOEP.mjs";
import "../chunks/chunk-IBKAJHS7.mjs";
import "../chunks/chunk-FOQMNGQD.mjs";
import "../chunks/chunk-7NT3V7XO.mjs";
import "../chunks/chunk-KIICBHH3.mjs";
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

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
