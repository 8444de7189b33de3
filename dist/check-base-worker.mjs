import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-OEGOSAB6.mjs";
import "./chunks/chunk-53BGGRIK.mjs";
import "./chunks/chunk-WR2EC4QH.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-CSYVZ22Y.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
