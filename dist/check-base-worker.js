import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-NLWINY5N.js";
import "./chunks/chunk-3ABRQBOJ.js";
import "./chunks/chunk-BTYONLX7.js";
import {
  answerThreadJob
} from "./chunks/chunk-EEBPC6OY.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
