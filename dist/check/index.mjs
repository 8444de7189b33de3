import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-H4UAQ6SD.mjs";
import "../chunks/chunk-ZYEV7UUB.mjs";
import "../chunks/chunk-SQLZHJHL.mjs";
import "../chunks/chunk-WRZGP5BR.mjs";
import "../chunks/chunk-DABCISWH.mjs";
import "../chunks/chunk-JYRBYPEK.mjs";
import "../chunks/chunk-H2JO7WQU.mjs";
import "../chunks/chunk-S56PFZEL.mjs";
import "../chunks/chunk-2YEXSSSP.mjs";
import "../chunks/chunk-47GGEN5G.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-WAU3TW76.mjs";
import "../chunks/chunk-LPAUOXR6.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
