import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-Q6AX24RO.js";
import "./chunks/chunk-VREAUM4C.js";
import "./chunks/chunk-FRC7G7MB.js";
import {
  answerThreadJob
} from "./chunks/chunk-L6SWB32J.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
