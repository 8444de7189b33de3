import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-WWMZ5BLV.mjs";
import "./chunks/chunk-V6DZCLGC.mjs";
import "./chunks/chunk-WIK4SEUB.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-CSYVZ22Y.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
