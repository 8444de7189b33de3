import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-BFANTMSR.mjs";
import "./chunks/chunk-IPBQVUWG.mjs";
import "./chunks/chunk-HGTN5PAW.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-V4XXCSCD.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
