import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-RFAGUILH.mjs";
import "./chunks/chunk-VICHYA4J.mjs";
import "./chunks/chunk-EMVQS2RA.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-VO7Q2ZXL.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
