import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-L3XRTAYO.mjs";
import "../chunks/chunk-JKAXPHVS.mjs";
import "../chunks/chunk-7UEF5OO5.mjs";
import "../chunks/chunk-7GOG5Q6Y.mjs";
import "../chunks/chunk-KXOMYUHC.mjs";
import "../chunks/chunk-AINFEIVD.mjs";
import "../chunks/chunk-TGDGKRI5.mjs";
import "../chunks/chunk-BV4APZ6K.mjs";
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

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
