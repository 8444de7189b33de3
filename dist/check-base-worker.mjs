import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-RIOAAYDK.mjs";
import "./chunks/chunk-UL65IHMC.mjs";
import "./chunks/chunk-5EWUN5FZ.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-TYVINMDF.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
