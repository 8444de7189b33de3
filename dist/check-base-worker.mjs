import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-2IMQIUES.mjs";
import "./chunks/chunk-HM4COL5A.mjs";
import "./chunks/chunk-O73IRBZ3.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-TBLT5FKE.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
