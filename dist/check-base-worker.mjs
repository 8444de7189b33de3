import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-E6EBHE7A.mjs";
import "./chunks/chunk-NUI66PDE.mjs";
import "./chunks/chunk-Z6DHXPBG.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-SWBTNRIT.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
