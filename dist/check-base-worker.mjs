import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-MLZQ3S6A.mjs";
import "./chunks/chunk-4QZRTK2X.mjs";
import "./chunks/chunk-YIJRSAEM.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-X7WBLDRP.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
