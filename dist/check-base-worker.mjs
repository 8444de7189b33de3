import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-MRYDD6KZ.mjs";
import "./chunks/chunk-DAWSXEW3.mjs";
import "./chunks/chunk-GZ7YEVX4.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-MDSEROZX.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
