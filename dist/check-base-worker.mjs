import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-V2S4FV4L.mjs";
import "./chunks/chunk-FDA5QIPK.mjs";
import "./chunks/chunk-F35H2FPZ.mjs";
import {
  answerThreadJob
} from "./chunks/chunk-LPAUOXR6.mjs";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
