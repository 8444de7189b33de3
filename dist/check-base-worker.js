import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-WC4B3GHA.js";
import "./chunks/chunk-QCWWYCP3.js";
import "./chunks/chunk-7FAF75ZY.js";
import {
  answerThreadJob
} from "./chunks/chunk-OTMXQFQ4.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
