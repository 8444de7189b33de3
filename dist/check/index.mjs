import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-PZFM5C3O.mjs";
import "../chunks/chunk-LX4NQ6EI.mjs";
import "../chunks/chunk-GSARL4SO.mjs";
import "../chunks/chunk-L5WH77FC.mjs";
import "../chunks/chunk-O2FEYY6S.mjs";
import "../chunks/chunk-KVNWOL6W.mjs";
import "../chunks/chunk-FHCJY3FD.mjs";
import "../chunks/chunk-CEGXETZL.mjs";
import "../chunks/chunk-QG2ILMBA.mjs";
import "../chunks/chunk-HV2HZ65X.mjs";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  yieldBackgroundThreads
} from "../chunks/chunk-KKOF7SBX.mjs";
import "../chunks/chunk-KPPM6KO7.mjs";

// src/action/entries/check.ts
yieldBackgroundThreads();
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
