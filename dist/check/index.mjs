import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-NPAON6MY.mjs";
import "../chunks/chunk-7QZBB4QZ.mjs";
import "../chunks/chunk-SQLZHJHL.mjs";
import "../chunks/chunk-WRZGP5BR.mjs";
import "../chunks/chunk-KSISBWZK.mjs";
import "../chunks/chunk-JYRBYPEK.mjs";
import "../chunks/chunk-WGHPOZLV.mjs";
import "../chunks/chunk-E3QM3JOE.mjs";
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
