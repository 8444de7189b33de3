/**
 * The parse worker (dist/parse-worker.mjs): takes files from the queues it shares with the main
 * thread and parses each exactly as the main thread would (parseManifestFile), answering its stored
 * form as JSON text (parsed-store.ts: structured clone keeps no IntegralFloat prototype and no
 * shared objects, the stored form carries both; and JSON text is read back faster than a clone).
 */
import { parseManifestFile } from '../manifests/documents.js';
import { encodeParse } from '../manifests/parsed-store.js';
import { workerThreads } from './builtins.js';
import { serveParsePool, type ParsePoolData } from './parse-workers.js';

serveParsePool(workerThreads().workerData as ParsePoolData, (file) => encodeParse(file, parseManifestFile(file)));
