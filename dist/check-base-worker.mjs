import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-JWZEZCZ2.mjs";
import "./chunks/chunk-PFCN2FGJ.mjs";
import "./chunks/chunk-GC2MSKRT.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-IO5GZOVN.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
