import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-PUWJQIJF.mjs";
import "./chunks/chunk-XDMYRBE5.mjs";
import "./chunks/chunk-TV2MZURB.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-OXJ566IQ.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
