import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-JKAXPHVS.mjs";
import "./chunks/chunk-BV4APZ6K.mjs";
import "./chunks/chunk-MRLWCIXK.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-VO7Q2ZXL.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
