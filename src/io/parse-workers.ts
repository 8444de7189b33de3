import os from 'node:os';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { ManifestFile } from '../manifests/documents.js';
import type { StoredParse } from '../manifests/parsed-store.js';
import { workerThreads } from './builtins.js';
import { threadScript } from './threads.js';
import type { ParseShare } from './types.js';

/** With `NETPOL_CI_WORKERS=auto`: below this much text, starting a worker costs more than the parse it saves. */
export const WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;

/**
 * Off unless asked for (`NETPOL_CI_WORKERS=auto` or `N`). Measured on the benchmark's 2-core
 * machine with nothing else running (README, Performance): with one worker taking 40% of the files,
 * the main thread's share took as long as the whole parse alone (each thread ran at about half
 * speed beside the other, V8's collector and compiler threads losing their core too), so
 * `connectivity` at 5,000 workloads and `check` gained nothing and cost 15-20% more CPU. On a
 * machine with cores to spare `auto` may pay; measure there before turning it on.
 */
const DEFAULT_MODE: string = '0';

/**
 * How many parse workers for this much text. `NETPOL_CI_WORKERS=0` (the default) turns them off,
 * `N` forces N whatever the size and load (tests, benchmarks), `auto` uses one per other core (at
 * most 3) for inputs over the threshold when the machine is not already busy (a 1-minute load
 * average under its cores). Never more workers than files besides one for this thread.
 */
export function parseWorkerCount(totalChars: number, fileCount: number, env: NodeJS.ProcessEnv = process.env, machine?: { cores: number; load: number }): number {
  const mode = (env.NETPOL_CI_WORKERS ?? DEFAULT_MODE).trim();
  const most = Math.max(fileCount - 1, 0);
  if (/^\d+$/.test(mode)) return Math.min(Number(mode), 16, most);
  if (mode !== 'auto' || totalChars < WORKER_THRESHOLD_BYTES) return 0;
  const { cores, load } = machine ?? { cores: os.availableParallelism(), load: os.loadavg()[0] ?? 0 };
  return load >= cores ? 0 : Math.min(cores - 1, 3, most);
}

/** The words of a worker's control array (shared memory). */
const POSTED = 0; // jobs posted to the worker so far; the worker waits on it for the next
const FINISHED = 1; // the last job the worker has taken every file of (jobs are numbered from 1)
const TAKING = 2; // the job the worker is taking files of, set before it takes its first

/** What a worker is started with (dist/parse-worker.mjs reads it as its workerData). */
export interface ParsePoolData {
  readonly control: Int32Array;
  readonly port: MessagePort;
}

/** One job: files to parse, largest first, taken from `queue` by every thread alike. */
export interface ParseJob {
  readonly id: number;
  readonly files: readonly ManifestFile[];
  /** [0]: the next position in `files` to take (Atomics.add). */
  readonly queue: Int32Array;
}

/** A worker's message: one file's parse (its position in its job's queue) as JSON text, or why there is none. */
export type ParsePoolMessage = { readonly job: number; readonly at: number; readonly json: string } | { readonly job: number; readonly at: number; readonly error: string };

/**
 * Worker threads that parse manifest files beside this one, kept for the whole run: the PR check
 * parses two sides, and the second finds its workers started and their code optimised.
 *
 * Each `share(files)` is one queue, largest file first, that this thread and the workers take from
 * alike (an atomic counter in shared memory): the caller parses what `next()` gives it while the
 * workers take theirs, so a worker that starts late or runs slower takes fewer files instead of
 * being waited for, and the last files taken are the smallest. `collect()` waits only for the file
 * each worker is still parsing. A file a worker took and did not answer (it failed, or took longer
 * than any parse should) is missing from the answer, and the caller parses it itself.
 */
export class ParsePool {
  private readonly workers: { worker: Worker; port: MessagePort; control: Int32Array }[] = [];
  private jobs = 0;

  private constructor(script: string, count: number) {
    const { MessageChannel, Worker } = workerThreads();
    for (let w = 0; w < count; w++) {
      const { port1, port2 } = new MessageChannel();
      const control = new Int32Array(new SharedArrayBuffer(12));
      const data: ParsePoolData = { control, port: port2 };
      try {
        const worker = new Worker(script, { workerData: data, transferList: [port2] });
        // a failing worker is not an error of the run: its files are parsed here
        worker.on('error', () => undefined);
        worker.unref();
        port1.unref();
        this.workers.push({ worker, port: port1, control });
      } catch {
        port1.close();
      }
    }
  }

  /** A pool of `count` workers running `script`; undefined when none could be started. */
  static start(count: number, script: string | undefined = threadScript('parse')): ParsePool | undefined {
    if (count === 0 || !script) return undefined;
    const pool = new ParsePool(script, count);
    return pool.workers.length > 0 ? pool : undefined;
  }

  get size(): number {
    return this.workers.length;
  }

  /** Hands `files` to the workers and returns at once; the caller takes its own with `next()`. */
  share(files: readonly ManifestFile[]): ParseShare {
    let total = 0;
    for (const f of files) total += f.text.length;
    const ordered = files.map((file, i) => ({ file, i })).sort((a, b) => b.file.text.length - a.file.text.length || a.i - b.i).map((e) => e.file);
    const job: ParseJob = { id: ++this.jobs, files: ordered, queue: new Int32Array(new SharedArrayBuffer(4)) };
    for (const { port, control } of this.workers) {
      port.postMessage(job);
      Atomics.store(control, POSTED, job.id);
      Atomics.notify(control, POSTED);
    }
    // past far longer than one file can take (js-yaml, the slowest reader, does about 10 MB/s)
    const patienceMs = 5000 + total / 1000;
    return {
      next() {
        const at = Atomics.add(job.queue, 0, 1);
        return at < ordered.length ? ordered[at] : undefined;
      },
      collect: () => this.collect(job, patienceMs),
    };
  }

  private collect(job: ParseJob, patienceMs: number): Map<ManifestFile, StoredParse> {
    // nothing is left to take: a worker that has not come to this job yet will take no file of it
    Atomics.store(job.queue, 0, job.files.length);
    const out = new Map<ManifestFile, StoredParse>();
    const giveUpAt = Date.now() + patienceMs;
    const { receiveMessageOnPort } = workerThreads();
    for (const w of this.workers) {
      // a worker that has not come to this job (not started yet, or dead) takes none of its files now: no wait for it
      if (Atomics.load(w.control, TAKING) < job.id) continue;
      for (let done = Atomics.load(w.control, FINISHED); done < job.id; done = Atomics.load(w.control, FINISHED)) {
        const left = giveUpAt - Date.now();
        if (left <= 0 || Atomics.wait(w.control, FINISHED, done, left) === 'timed-out') break;
      }
      for (let m = receiveMessageOnPort(w.port); m !== undefined; m = receiveMessageOnPort(w.port)) {
        const message = m.message as ParsePoolMessage;
        if (message.job === job.id && 'json' in message) out.set(job.files[message.at] as ManifestFile, JSON.parse(message.json) as StoredParse);
      }
    }
    return out;
  }
}

/**
 * The worker's side (dist/parse-worker.mjs): waits for each job, takes files from its queue until
 * it is empty, answering each file's parse as it goes, then marks the job finished. Never returns
 * (the thread ends with the process).
 */
export function serveParsePool(data: ParsePoolData, parse: (file: ManifestFile) => StoredParse): void {
  const { receiveMessageOnPort } = workerThreads();
  for (let served = 0; ; ) {
    Atomics.wait(data.control, POSTED, served);
    const received = receiveMessageOnPort(data.port);
    if (received === undefined) continue;
    const job = received.message as ParseJob;
    Atomics.store(data.control, TAKING, job.id);
    try {
      for (let at = Atomics.add(job.queue, 0, 1); at < job.files.length; at = Atomics.add(job.queue, 0, 1)) {
        let message: ParsePoolMessage;
        try {
          message = { job: job.id, at, json: JSON.stringify(parse(job.files[at] as ManifestFile)) };
        } catch (e) {
          message = { job: job.id, at, error: (e as Error).stack ?? String(e) };
        }
        data.port.postMessage(message);
      }
    } finally {
      served = job.id;
      Atomics.store(data.control, FINISHED, job.id);
      Atomics.notify(data.control, FINISHED);
    }
  }
}
