import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-O72G34E3.mjs";
import "./chunks/chunk-4KZOXNEF.mjs";
import "./chunks/chunk-QIFZJIEF.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-CSYVZ22Y.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
