import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-FB6GPRFR.mjs";
import "./chunks/chunk-OMYS5WIJ.mjs";
import "./chunks/chunk-CXH4K6PE.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-SOLCU4BK.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
