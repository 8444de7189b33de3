import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-M7XWH2MY.mjs";
import "./chunks/chunk-37RXLXB3.mjs";
import "./chunks/chunk-M5UMNYA3.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-KPPM6KO7.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
