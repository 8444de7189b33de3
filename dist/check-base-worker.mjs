import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-3SVFAYHS.mjs";
import "./chunks/chunk-QSB3CYCU.mjs";
import "./chunks/chunk-ZACDTIXR.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-DOHNXV3I.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
