import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-KXJI64IB.js";
import "./chunks/chunk-PVK7JBRQ.js";
import "./chunks/chunk-JW3IB5LA.js";
import {
  answerThreadJob
} from "./chunks/chunk-QP74P37M.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
