/**
 * The thread script of the PR check's base side (bundled as dist/check-base-worker.mjs): analyses
 * base's files and hands the answer back as text (base-thread.ts says what and why).
 */
import { answerThreadJob } from '../../io/threads.js';
import { analyzeBase, encodeBaseAnalysis, type BaseThreadInput } from './base-thread.js';

answerThreadJob((input) => encodeBaseAnalysis(analyzeBase(input as BaseThreadInput)));
