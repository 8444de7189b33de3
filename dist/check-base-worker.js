import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-P7R2FA4W.js";
import "./chunks/chunk-TJG4TOCP.js";
import "./chunks/chunk-C57VKOKB.js";
import {
  answerThreadJob
} from "./chunks/chunk-QP74P37M.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
