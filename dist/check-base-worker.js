import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-3OPJDBLQ.js";
import "./chunks/chunk-Q3H5W6AR.js";
import "./chunks/chunk-PQ74P5P2.js";
import {
  answerThreadJob
} from "./chunks/chunk-HOS46HMG.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
