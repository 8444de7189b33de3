import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-VWKEHIAN.js";
import "./chunks/chunk-NLHFSQGL.js";
import "./chunks/chunk-3VTXIBNX.js";
import {
  answerThreadJob
} from "./chunks/chunk-TPEX7SKJ.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
