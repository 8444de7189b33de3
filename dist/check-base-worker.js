import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-F6EGLC5U.js";
import "./chunks/chunk-7M5YB6EZ.js";
import "./chunks/chunk-X7FFN63Z.js";
import {
  answerThreadJob
} from "./chunks/chunk-TDELY7YA.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
