import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-I6WH4D67.js";
import "./chunks/chunk-DOWTFV6A.js";
import "./chunks/chunk-YYWHCO2H.js";
import {
  answerThreadJob
} from "./chunks/chunk-EEBPC6OY.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
