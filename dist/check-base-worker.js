import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-U2OAAHIU.js";
import "./chunks/chunk-MA43MP6U.js";
import "./chunks/chunk-UEFEOPBB.js";
import {
  answerThreadJob
} from "./chunks/chunk-HOS46HMG.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
