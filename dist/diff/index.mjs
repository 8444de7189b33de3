import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-3N6V3I6K.mjs";
import "../chunks/chunk-5SVSGEBV.mjs";
import "../chunks/chunk-2UA7RANH.mjs";
import "../chunks/chunk-YGLJKPBZ.mjs";
import "../chunks/chunk-3OEYWNRU.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-MNAUNBI6.mjs";
import "../chunks/chunk-ITANGD63.mjs";

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
