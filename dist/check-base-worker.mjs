import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-7QZBB4QZ.mjs";
import "./chunks/chunk-E3QM3JOE.mjs";
import "./chunks/chunk-47GGEN5G.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-LPAUOXR6.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
