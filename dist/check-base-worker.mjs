import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-SOFD736A.mjs";
import "./chunks/chunk-NMRV35D4.mjs";
import "./chunks/chunk-CM3G2MDO.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-WPYYF4CE.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
