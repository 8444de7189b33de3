import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-QOXHYRWV.mjs";
import "./chunks/chunk-KIICBHH3.mjs";
import "./chunks/chunk-NFHNAHNP.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-SMZDXYOG.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
