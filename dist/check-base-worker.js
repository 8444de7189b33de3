import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-27YIP6TG.js";
import "./chunks/chunk-6GE6NAXJ.js";
import "./chunks/chunk-LYG3EMSF.js";
import {
  answerThreadJob
} from "./chunks/chunk-L6SWB32J.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
