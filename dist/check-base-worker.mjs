import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-I64YF3UK.mjs";
import "./chunks/chunk-NCA6VZ56.mjs";
import "./chunks/chunk-ZVY7ZZVC.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-JPUBLRZD.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
