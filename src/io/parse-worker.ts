/**
 * The parse worker (dist/parse-worker.mjs): parses the files it is given, exactly as the main
 * thread would (parseManifestFile), and answers their stored form as JSON text (parsed-store.ts:
 * structured clone keeps no IntegralFloat prototype and no shared objects, the stored form carries
 * both), through io/threads.ts.
 */
import { parseManifestFile, type ManifestFile } from '../manifests/documents.js';
import { encodeParse } from '../manifests/parsed-store.js';
import { answerThreadJob } from './threads.js';

answerThreadJob((files) => JSON.stringify((files as readonly ManifestFile[]).map((f) => encodeParse(f, parseManifestFile(f)))));
