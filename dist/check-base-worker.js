import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-S7XALZ7B.js";
import "./chunks/chunk-AV2U6Z46.js";
import "./chunks/chunk-ZAFBLR44.js";
import "./chunks/chunk-3HQQSEID.js";
import "./chunks/chunk-YS4F6JR5.js";
import {
  answerThreadJob
} from "./chunks/chunk-CWFLCEMJ.js";
import "./chunks/chunk-TZ6IWUHF.js";
import "./chunks/chunk-LJ56FUY6.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
