import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { MessagePort, Worker } from 'node:worker_threads';
import { workerThreads } from './builtins.js';
import type { ThreadJob, ThreadName } from './types.js';

// Work computed on another thread while this one does the rest: the PR check's base side
// (src/pipeline/check/base-thread.ts), shares of the manifests' parse (parse-workers.ts) and the
// second half of a large trace (traffic-workers.ts). The use-cases are synchronous, so the answer is
// waited for with Atomics.wait and read with receiveMessageOnPort: no event loop turns in between.
// Workers answer what a structured clone carries; large graphs are better sent as JSON text (read
// back faster than a clone). Whatever goes wrong (no script, a worker that cannot start, throws or
// never answers) makes `collect` return undefined, and the caller computes the piece itself: the
// answer is the same either way, only slower.

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

/** What a worker sends back: its answer, or why it has none. */
type Answer = { readonly value: unknown } | { readonly error: string };


/**
 * `<name>-worker.mjs` beside the bundled chunk (dist/chunks/) or entry (dist/, or a benchmark's
 * bundle) this code is in; undefined when running from sources (tests of src/ compute on their own
 * thread: there is no such file beside them).
 */
export function threadScript(name: string, from: string = import.meta.url): string | undefined {
  for (const rel of [`../${name}-worker.mjs`, `./${name}-worker.mjs`]) {
    const file = fileURLToPath(new URL(rel, from));
    if (existsSync(file)) return file;
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
 * `collect(patienceMs)` then waits for the answer: up to `startTimeoutMs` (from now) for the worker
 * to start, then until `patienceMs` after the call for it to finish; undefined when it failed or
 * took longer. Neither the worker nor its port keeps the process alive if the caller never collects.
 */
export function startThreadJob<T = unknown>(script: string, input: unknown, startTimeoutMs: number = START_TIMEOUT_MS): ThreadJob<T> {
  const { MessageChannel, Worker } = workerThreads();
  const { port1, port2 } = new MessageChannel();
  const state = new Int32Array(new SharedArrayBuffer(4));
  const data: JobData = { input, port: port2, state };
  let worker: Worker | undefined;
  try {
    worker = new Worker(script, { workerData: data, transferList: [port2] });
    // a failing worker is not an error of the run: collect() answers undefined and the caller computes
    worker.on('error', () => undefined);
    worker.unref();
    port1.unref();
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
      const giveUpAt = Date.now() + patienceMs;
      try {
        if (Atomics.load(state, 0) === 0) Atomics.wait(state, 0, 0, Math.max(0, Math.min(startedAt + startTimeoutMs, giveUpAt) - Date.now()));
        if (Atomics.load(state, 0) === 0) return undefined;
        Atomics.wait(state, 0, STARTED, Math.max(0, giveUpAt - Date.now()));
        if (Atomics.load(state, 0) !== ANSWERED) return undefined;
        const received = workerThreads().receiveMessageOnPort(port1) as { message: Answer } | undefined;
        return received && 'value' in received.message ? (received.message.value as T) : undefined;
      } finally {
        finish();
      }
    },
    cancel() {
      if (!done) finish();
    },
  };
}

/** Whether this thread was started by `startThreadJob` (a worker script's module may also be imported for its types). */
export function isThreadJob(): boolean {
  const { workerData } = workerThreads();
  return typeof workerData === 'object' && workerData !== null && 'state' in workerData && 'port' in workerData;
}

/**
 * The worker's side: computes the answer to the job's input and hands it over. Called once by a
 * thread script (src/pipeline/check/base-worker.ts, io/parse-worker.ts, pipeline/traffic-worker.ts).
 */
export function answerThreadJob(compute: (input: unknown) => unknown): void {
  const job = workerThreads().workerData as JobData;
  Atomics.store(job.state, 0, STARTED);
  Atomics.notify(job.state, 0);
  let answer: Answer;
  try {
    answer = { value: compute(job.input) };
  } catch (e) {
    answer = { error: (e as Error).stack ?? String(e) };
  }
  job.port.postMessage(answer);
  Atomics.store(job.state, 0, ANSWERED);
  Atomics.notify(job.state, 0);
}
