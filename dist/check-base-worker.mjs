import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-Z6WY3ZU2.mjs";
import "./chunks/chunk-REMTFGK4.mjs";
import "./chunks/chunk-NT2B7VGE.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-ZJKMC27E.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
