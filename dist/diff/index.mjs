import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-AIEWRON5.mjs";
import "../chunks/chunk-F7XDUJM5.mjs";
import "../chunks/chunk-NGEEWTPG.mjs";
import "../chunks/chunk-5GI6OURF.mjs";
import "../chunks/chunk-NT2B7VGE.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-VG62EKUA.mjs";
import "../chunks/chunk-ZJKMC27E.mjs";

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
