import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  analyzeBase,
  encodeBaseAnalysis
} from "./chunks/chunk-774YX6HZ.js";
import "./chunks/chunk-FO2GRC3I.js";
import "./chunks/chunk-S2WSBLV4.js";
import {
  answerThreadJob
} from "./chunks/chunk-ZJ4JOIE2.js";
import "./chunks/chunk-UQ363SVG.js";

// src/pipeline/check/base-worker.ts
answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input)));
