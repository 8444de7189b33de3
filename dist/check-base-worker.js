import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-CF3CIRCZ.js";
import "./chunks/chunk-2UVAC5C7.js";
import "./chunks/chunk-DPHEAA4F.js";
import {
  answerThreadJob
} from "./chunks/chunk-TDELY7YA.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
