import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-7UEF5OO5.mjs";
import "../chunks/chunk-7GOG5Q6Y.mjs";
import "../chunks/chunk-AINFEIVD.mjs";
import "../chunks/chunk-PS4KBBQ3.mjs";
import "../chunks/chunk-MRLWCIXK.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-LCYZV35M.mjs";
import "../chunks/chunk-VO7Q2ZXL.mjs";

// src/action/entries/diff.ts
yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
