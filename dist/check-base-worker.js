import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-AQNQ6XGQ.js";
import "./chunks/chunk-LZ2KVWL2.js";
import "./chunks/chunk-DFXF3IWQ.js";
import {
  answerThreadJob
} from "./chunks/chunk-AAXQ3H2U.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
