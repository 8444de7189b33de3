import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-744CM7KQ.mjs";
import "./chunks/chunk-3MN5RMWY.mjs";
import "./chunks/chunk-3UWSCT7T.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-FIPXIYTF.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
