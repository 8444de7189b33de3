import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-ILX7LO4H.mjs";
import "../chunks/chunk-3SVFAYHS.mjs";
import "../chunks/chunk-75QHI7WS.mjs";
import "../chunks/chunk-UUGVTJDE.mjs";
import "../chunks/chunk-LIX4UDY4.mjs";
import "../chunks/chunk-LYIU6A5N.mjs";
import "../chunks/chunk-L62AY5KV.mjs";
import "../chunks/chunk-QSB3CYCU.mjs";
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
