import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-NNPPFBLX.mjs";
import "./chunks/chunk-QYMCIDT4.mjs";
import "./chunks/chunk-JIRPWN7E.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-TYVINMDF.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
