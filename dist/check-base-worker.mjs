import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-E55LS3PX.mjs";
import "./chunks/chunk-4CUABLD6.mjs";
import "./chunks/chunk-Z6DHXPBG.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-SWBTNRIT.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
