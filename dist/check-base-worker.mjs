import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-VL2UO7GF.mjs";
import "./chunks/chunk-BGWOOTMN.mjs";
import "./chunks/chunk-IO5DEDRS.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-IO5GZOVN.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
