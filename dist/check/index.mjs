import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-72LOWYY2.mjs";
import "../chunks/chunk-EHR4QHCV.mjs";
import "../chunks/chunk-75QHI7WS.mjs";
import "../chunks/chunk-UUGVTJDE.mjs";
import "../chunks/chunk-VDZQKRYV.mjs";
import "../chunks/chunk-LYIU6A5N.mjs";
import "../chunks/chunk-OQ2VRAMX.mjs";
import "../chunks/chunk-YLB7TNJ7.mjs";
import "../chunks/chunk-I4ZPXHV5.mjs";
import "../chunks/chunk-ZACDTIXR.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-BTODNKDR.mjs";
import "../chunks/chunk-DOHNXV3I.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
