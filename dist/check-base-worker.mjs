import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-27BA3425.mjs";
import "./chunks/chunk-RO4LJ4P2.mjs";
import "./chunks/chunk-7CZOSDM3.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-77CWBPOV.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
