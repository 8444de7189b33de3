import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-MN4XFCMS.mjs";
import "./chunks/chunk-J5PRVEUY.mjs";
import "./chunks/chunk-VDEMJ3YM.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-VO7Q2ZXL.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
