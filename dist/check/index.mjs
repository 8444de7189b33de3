import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-DYA7MGAV.mjs";
import "../chunks/chunk-2IMQIUES.mjs";
import "../chunks/chunk-5AKXMKSF.mjs";
import "../chunks/chunk-YD76DOL6.mjs";
import "../chunks/chunk-MGBJX6MS.mjs";
import "../chunks/chunk-WCR5MJTX.mjs";
import "../chunks/chunk-L2SJDA3H.mjs";
import "../chunks/chunk-HM4COL5A.mjs";
import "../chunks/chunk-LJ6KWNZ7.mjs";
import "../chunks/chunk-O73IRBZ3.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-MX7AUN24.mjs";
import "../chunks/chunk-TBLT5FKE.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
