import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-YVA6NCJE.js";
import "./chunks/chunk-TX7ZNDAT.js";
import "./chunks/chunk-LPIVBN24.js";
import {
  answerThreadJob
} from "./chunks/chunk-OTMXQFQ4.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
