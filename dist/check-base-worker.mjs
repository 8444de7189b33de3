import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-6IUGB4G3.mjs";
import "./chunks/chunk-SHCDCICH.mjs";
import "./chunks/chunk-QYD764U5.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-5BLVOF62.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
