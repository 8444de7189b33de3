import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-OSZPJ3YB.mjs";
import "../chunks/chunk-MN4XFCMS.mjs";
import "../chunks/chunk-O5RMGA4E.mjs";
import "../chunks/chunk-YCDTMGKA.mjs";
import "../chunks/chunk-X6TIGACQ.mjs";
import "../chunks/chunk-QTNYGMCW.mjs";
import "../chunks/chunk-EXGIQTPF.mjs";
import "../chunks/chunk-J5PRVEUY.mjs";
import "../chunks/chunk-5M5K5ZKC.mjs";
import "../chunks/chunk-VDEMJ3YM.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-LCYZV35M.mjs";
import "../chunks/chunk-VO7Q2ZXL.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
