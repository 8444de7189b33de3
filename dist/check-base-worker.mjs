import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-32MIAAM2.mjs";
import "./chunks/chunk-MT7EAPAM.mjs";
import "./chunks/chunk-QIFZJIEF.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-CSYVZ22Y.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
