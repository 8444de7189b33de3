import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-26TIRC7B.js";
import "./chunks/chunk-FO7LXTW4.js";
import "./chunks/chunk-ZAFBLR44.js";
import "./chunks/chunk-U2VMM7EM.js";
import "./chunks/chunk-3CBGW5E2.js";
import {
  answerThreadJob
} from "./chunks/chunk-BFPPO3AS.js";
import "./chunks/chunk-OD23WYWX.js";
import "./chunks/chunk-LJ56FUY6.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
