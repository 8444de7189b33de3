import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-URLHFRNY.mjs";
import "../chunks/chunk-6IUGB4G3.mjs";
import "../chunks/chunk-7BKEMJMX.mjs";
import "../chunks/chunk-GB7OX77R.mjs";
import "../chunks/chunk-B3VJNIUN.mjs";
import "../chunks/chunk-UKKMJB5Z.mjs";
import "../chunks/chunk-K2QWRLWS.mjs";
import "../chunks/chunk-SHCDCICH.mjs";
import "../chunks/chunk-D3BEVPST.mjs";
import "../chunks/chunk-QYD764U5.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-H6J2BC2I.mjs";
import "../chunks/chunk-5BLVOF62.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
