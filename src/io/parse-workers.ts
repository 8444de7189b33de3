import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ManifestFile } from '../manifests/documents.js';
import type { StoredParse } from '../manifests/parsed-store.js';
import type { ParseAnswer, ParseJob } from './parse-worker.js';
import type { ParseShare } from './types.js';

/** With `NETPOL_CI_WORKERS=auto`: below this much text, starting a worker costs more than the parse it saves. */
export const WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;

/**
 * Without NETPOL_CI_WORKERS the workers are off: on the shared 2-core machine they were measured on,
 * the JSON hand-over and a second JIT and heap cost more CPU than the parse they took off the main
 * thread (README, Performance). `auto` uses them above WORKER_THRESHOLD_BYTES on several cores.
 */
const DEFAULT_MODE: string = '0';

/**
 * How many parse workers for this much text. `NETPOL_CI_WORKERS=0` (the default) turns them off,
 * `N` forces N whatever the size (tests, benchmarks), `auto` uses one per other core (at most 3)
 * for inputs over the threshold. Never more workers than files besides this thread's.
 */
export function parseWorkerCount(totalChars: number, fileCount: number, env: NodeJS.ProcessEnv = process.env): number {
  const mode = (env.NETPOL_CI_WORKERS ?? DEFAULT_MODE).trim();
  const most = Math.max(fileCount - 1, 0);
  if (/^\d+$/.test(mode)) return Math.min(Number(mode), 16, most);
  if (mode !== 'auto' || totalChars < WORKER_THRESHOLD_BYTES) return 0;
  return Math.min(os.availableParallelism() - 1, 3, most);
}

/** dist/parse-worker.js, from the bundled chunk (dist/chunks/) or entry (dist/) this code is in; undefined when running from sources. */
export function workerScript(): string | undefined {
  for (const rel of ['../parse-worker.js', './parse-worker.js']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (path.basename(path.dirname(file)) === 'dist' && existsSync(file)) return file;
  }
  return undefined;
}

/**
 * Splits the files between this thread and the workers by size (largest first, each to the
 * least loaded), starts the workers on their shares and returns at once: the caller parses
 * `here` meanwhile, then `collect()` waits for the workers (synchronously: the use-cases are
 * synchronous) and returns their parses. A worker that fails leaves its files out of the answer,
 * and the caller parses them itself.
 */
export function startParseWorkers(files: readonly ManifestFile[], env: NodeJS.ProcessEnv = process.env, script: string | undefined = workerScript()): ParseShare | undefined {
  const total = files.reduce((n, f) => n + f.text.length, 0);
  const count = parseWorkerCount(total, files.length, env);
  if (count === 0 || !script) return undefined;
  const shares: { files: ManifestFile[]; chars: number }[] = Array.from({ length: count + 1 }, () => ({ files: [], chars: 0 }));
  for (const f of [...files].sort((a, b) => b.text.length - a.text.length)) {
    const least = shares.reduce((m, s) => (s.chars < m.chars ? s : m));
    least.files.push(f);
    least.chars += f.text.length;
  }
  // this thread also builds the model afterwards: it takes the smallest share
  shares.sort((a, b) => a.chars - b.chars);
  const [mine, ...theirs] = shares as [(typeof shares)[number], ...typeof shares];
  const running = theirs
    .filter((s) => s.files.length > 0)
    .map((s) => {
      const { port1, port2 } = new MessageChannel();
      const done = new Int32Array(new SharedArrayBuffer(4));
      const job: ParseJob = { files: s.files, port: port2, done };
      const worker = new Worker(script, { workerData: job, transferList: [port2] });
      // a worker that fails is not an error of the run: its files are parsed here (see collect)
      worker.on('error', () => undefined);
      worker.unref();
      return { files: s.files, chars: s.chars, port: port1, done, worker };
    });
  return {
    here: mine.files,
    collect() {
      const out = new Map<ManifestFile, StoredParse>();
      // a worker that could not start never sets its flag: past far longer than its share can take (js-yaml reads
      // about 10 MB/s), this thread parses its files
      const deadline = Date.now() + 5000 + total / 1000;
      for (const r of running) {
        Atomics.wait(r.done, 0, 0, Math.max(0, deadline - Date.now()));
        const message = receiveMessageOnPort(r.port) as { message: ParseAnswer } | undefined;
        r.port.close();
        void r.worker.terminate();
        if (!message || !('json' in message.message)) continue;
        (JSON.parse(message.message.json) as StoredParse[]).forEach((p, i) => out.set(r.files[i] as ManifestFile, p));
      }
      return out;
    },
  };
}
