import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-PVQKQRSX.js";
import "./chunks/chunk-BRZITOAE.js";
import "./chunks/chunk-WDDZ4EJN.js";
import {
  answerThreadJob
} from "./chunks/chunk-OTMXQFQ4.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
