import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-Q5TI23EN.mjs";
import "../chunks/chunk-V2S4FV4L.mjs";
import "../chunks/chunk-V2E2SBM2.mjs";
import "../chunks/chunk-QF5LS466.mjs";
import "../chunks/chunk-2AWLTW5N.mjs";
import "../chunks/chunk-7JO5KOIW.mjs";
import "../chunks/chunk-YLG3CZF5.mjs";
import "../chunks/chunk-FDA5QIPK.mjs";
import "../chunks/chunk-6J34EOG3.mjs";
import "../chunks/chunk-F35H2FPZ.mjs";
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
