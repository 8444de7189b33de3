import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-QHBG2XWW.mjs";
import "./chunks/chunk-PRFCGJ3R.mjs";
import "./chunks/chunk-3OEYWNRU.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-ITANGD63.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
