import os from 'node:os';
import type { ManifestFile } from '../manifests/documents.js';
import type { StoredParse } from '../manifests/parsed-store.js';
import { startThreadJob, threadScript } from './threads.js';
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

/**
 * Splits the files between this thread and the workers by size (largest first, each to the
 * least loaded), starts the workers on their shares and returns at once: the caller parses
 * `here` meanwhile, then `collect()` waits for the workers (synchronously: the use-cases are
 * synchronous) and returns their parses. A worker that fails leaves its files out of the answer,
 * and the caller parses them itself.
 */
export function startParseWorkers(files: readonly ManifestFile[], env: NodeJS.ProcessEnv = process.env, script: string | undefined = threadScript('parse')): ParseShare | undefined {
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
  // a worker that could not start or answer leaves its files to this thread: past far longer than its
  // share can take (js-yaml reads about 10 MB/s)
  const patienceMs = 5000 + total / 1000;
  const startedAt = Date.now();
  const running = theirs.filter((s) => s.files.length > 0).map((s) => ({ files: s.files, job: startThreadJob<string>(script, s.files, patienceMs) }));
  return {
    here: mine.files,
    collect() {
      const out = new Map<ManifestFile, StoredParse>();
      for (const r of running) {
        // the parses as JSON text: read back about twice as fast as a structured clone (parsed-store.ts's specials carry what JSON loses)
        const json = r.job.collect(startedAt + patienceMs - Date.now());
        if (json === undefined) continue;
        (JSON.parse(json) as StoredParse[]).forEach((p, i) => out.set(r.files[i] as ManifestFile, p));
      }
      return out;
    },
  };
}
