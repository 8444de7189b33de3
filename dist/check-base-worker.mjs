import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-LX4NQ6EI.mjs";
import "./chunks/chunk-CEGXETZL.mjs";
import "./chunks/chunk-HV2HZ65X.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-KPPM6KO7.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
