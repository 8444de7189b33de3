import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-75QHI7WS.mjs";
import "../chunks/chunk-UUGVTJDE.mjs";
import "../chunks/chunk-LYIU6A5N.mjs";
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

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
