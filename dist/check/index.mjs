import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-7TVLORBH.mjs";
import "../chunks/chunk-Z6WY3ZU2.mjs";
import "../chunks/chunk-AIEWRON5.mjs";
import "../chunks/chunk-F7XDUJM5.mjs";
import "../chunks/chunk-AGAYC3II.mjs";
import "../chunks/chunk-NGEEWTPG.mjs";
import "../chunks/chunk-OR2GUAL7.mjs";
import "../chunks/chunk-REMTFGK4.mjs";
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

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
