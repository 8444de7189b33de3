import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-P2TH36FV.mjs";
import "./chunks/chunk-CA4SJ6LF.mjs";
import "./chunks/chunk-UNL3D2LC.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-FRUALAJ6.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
