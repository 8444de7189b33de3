/**
 * The parse worker (dist/parse-worker.js): parses the files it is given, exactly as the main
 * thread would (parseManifestFile), and sends back their stored form (parsed-store.ts: structured
 * clone keeps no IntegralFloat prototype and no shared objects, the stored form carries both).
 * It answers on the port it was handed, then wakes the main thread, which waits synchronously.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { parseManifestFile, type ManifestFile } from '../manifests/documents.js';
import { encodeParse, type StoredParse } from '../manifests/parsed-store.js';

export interface ParseJob {
  readonly files: readonly ManifestFile[];
  readonly port: MessagePort;
  /** [0] is set to 1 when the answer is on the port. */
  readonly done: Int32Array;
}

/** The parses as JSON text: JSON.parse reads it back about twice as fast as structured clone would (specials carry what JSON loses). */
export type ParseAnswer = { readonly json: string } | { readonly error: string };

const job = workerData as ParseJob;
let answer: ParseAnswer;
try {
  const parses: StoredParse[] = job.files.map((f) => encodeParse(f, parseManifestFile(f)));
  answer = { json: JSON.stringify(parses) };
} catch (e) {
  answer = { error: (e as Error).stack ?? String(e) };
}
job.port.postMessage(answer);
Atomics.store(job.done, 0, 1);
Atomics.notify(job.done, 0);
