import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { ThreadJob, ThreadName } from './types.js';

// One piece of a use-case computed on another thread while this one does the rest (the PR check's
// base side: src/pipeline/check/base-thread.ts). The use-cases are synchronous, so the answer is
// waited for with Atomics.wait and read with receiveMessageOnPort, as the parse workers do: no
// event loop turns in between. The worker answers text (JSON: read back faster than a structured
// clone of a large object graph). Whatever goes wrong (no script, a worker that cannot start,
// throws or never answers) makes `collect` return undefined, and the caller computes the piece
// itself: the answer is the same either way, only slower.

/** Flag values in the shared Int32Array. */
const STARTED = 1;
const ANSWERED = 2;

/** A worker that has not even started after this long is taken as one that cannot (a machine far too busy to gain from it anyway). */
const START_TIMEOUT_MS = 10_000;

interface JobData {
  readonly input: unknown;
  readonly port: MessagePort;
  /** [0]: 0 until the worker runs, STARTED, then ANSWERED when the answer is on the port. */
  readonly state: Int32Array;
}

/** What a worker sends back: its answer as text, or why it has none. */
type Answer = { readonly text: string } | { readonly error: string };

/**
 * `dist/<name>-worker.js`, from the bundled chunk (dist/chunks/) or entry (dist/) this code is in;
 * undefined when running from sources (tests of src/ compute on their own thread).
 */
export function threadScript(name: ThreadName, from: string = import.meta.url): string | undefined {
  for (const rel of [`../${name}-worker.js`, `./${name}-worker.js`]) {
    const file = fileURLToPath(new URL(rel, from));
    if (path.basename(path.dirname(file)) === 'dist' && existsSync(file)) return file;
  }
  return undefined;
}

/** With `NETPOL_CI_CHECK_THREAD=auto`: the input size from which a job's thread may pay (below it, starting the thread and handing its answer over cost more than computing here). */
export const THREAD_THRESHOLD_CHARS: Readonly<Record<ThreadName, number>> = { 'check-base': 1024 * 1024 };

/** With `auto`: the cores a machine needs for the thread to have one of its own (see DEFAULT_MODE). */
export const THREAD_MIN_CORES = 4;

/**
 * Off unless asked for. Measured on the 2-core machine of the benchmark (README, Performance): a
 * check already keeps both cores busy (the main thread, and V8's own threads compiling optimised
 * code and collecting garbage, about as much CPU again), so a second analysis thread adds 40-65%
 * CPU and takes help from the main thread's collector: the main thread's CPU time stayed the same
 * at 1,000, 5,000 and 20,000 workloads, and the wall time grew.
 */
const DEFAULT_MODE: string = '0';

/**
 * Whether to start a job's thread for an input of `chars` characters: `NETPOL_CI_CHECK_THREAD=0`
 * (the default) never, `1` always when there is a script (tests, benchmarks), `auto` above the
 * job's threshold on a machine with at least THREAD_MIN_CORES cores.
 */
export function threadWanted(name: ThreadName, chars: number, env: NodeJS.ProcessEnv = process.env): boolean {
  const mode = (env.NETPOL_CI_CHECK_THREAD ?? DEFAULT_MODE).trim();
  if (mode === '1') return true;
  if (mode !== 'auto') return false;
  return chars >= THREAD_THRESHOLD_CHARS[name] && os.availableParallelism() >= THREAD_MIN_CORES;
}

/**
 * Starts `script` on `input` (structured-cloned: plain data, strings, bigints) and returns at once.
 * `collect(patienceMs)` then waits for the answer: up to `startTimeoutMs` for the worker to start,
 * then up to `patienceMs` for it to finish; undefined when it failed or took longer.
 */
export function startThreadJob(script: string, input: unknown, startTimeoutMs: number = START_TIMEOUT_MS): ThreadJob {
  const { port1, port2 } = new MessageChannel();
  const state = new Int32Array(new SharedArrayBuffer(4));
  const data: JobData = { input, port: port2, state };
  let worker: Worker | undefined;
  try {
    worker = new Worker(script, { workerData: data, transferList: [port2] });
    // a failing worker is not an error of the run: collect() answers undefined and the caller computes
    worker.on('error', () => undefined);
    worker.unref();
  } catch {
    worker = undefined;
  }
  const startedAt = Date.now();
  let done = false;
  const finish = () => {
    done = true;
    port1.close();
    void worker?.terminate();
  };
  return {
    collect(patienceMs) {
      if (done || !worker) return undefined;
      try {
        if (Atomics.load(state, 0) === 0) Atomics.wait(state, 0, 0, Math.max(0, startedAt + startTimeoutMs - Date.now()));
        if (Atomics.load(state, 0) === 0) return undefined;
        Atomics.wait(state, 0, STARTED, Math.max(0, patienceMs));
        if (Atomics.load(state, 0) !== ANSWERED) return undefined;
        const received = receiveMessageOnPort(port1) as { message: Answer } | undefined;
        return received && 'text' in received.message ? received.message.text : undefined;
      } finally {
        finish();
      }
    },
    cancel() {
      if (!done) finish();
    },
  };
}

/**
 * The worker's side: computes the answer to the job's input and hands it over. Called once by a
 * thread script (e.g. src/pipeline/check/base-worker.ts).
 */
export function answerThreadJob(compute: (input: unknown) => string): void {
  const job = workerData as JobData;
  Atomics.store(job.state, 0, STARTED);
  Atomics.notify(job.state, 0);
  let answer: Answer;
  try {
    answer = { text: compute(job.input) };
  } catch (e) {
    answer = { error: (e as Error).stack ?? String(e) };
  }
  job.port.postMessage(answer);
  Atomics.store(job.state, 0, ANSWERED);
  Atomics.notify(job.state, 0);
}
