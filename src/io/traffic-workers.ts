import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** What the trace worker is handed besides its job: where to answer, and the flag it raises when it has. */
export interface TraceWorkerChannel {
  readonly port: MessagePort;
  /** [0] is set to 1 when the answer is on the port. */
  readonly done: Int32Array;
}

/** The worker's answer: its result, or why it failed (then the caller reads that part itself). */
export type TraceWorkerAnswer = { readonly result: unknown } | { readonly error: string };

/**
 * dist/traffic-worker.js, beside the bundled chunk (dist/chunks/) or entry (dist/) this code is in,
 * or beside a benchmark bundle; undefined when running from sources (there is no such file).
 */
export function traceWorkerScript(): string | undefined {
  for (const rel of ['../traffic-worker.js', './traffic-worker.js']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}

/**
 * Starts the trace worker on a job and returns at once: the caller reads its own part meanwhile,
 * then `collect()` waits for the answer (synchronously: the use-cases are synchronous). A worker
 * that fails, or has not answered within `deadlineMs`, answers undefined.
 */
export function startTraceWorker(job: object, deadlineMs: number, script: string | undefined = traceWorkerScript()): { collect(): unknown } | undefined {
  if (!script) return undefined;
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const channel: TraceWorkerChannel = { port: port2, done };
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { ...job, ...channel }, transferList: [port2] });
  } catch {
    port1.close();
    return undefined;
  }
  // a worker that fails is not an error of the run: the caller reads its part itself; neither it nor
  // its port keeps the process alive if the caller stops before collecting (an unreadable first half)
  worker.on('error', () => undefined);
  worker.unref();
  port1.unref();
  const started = Date.now();
  return {
    collect() {
      Atomics.wait(done, 0, 0, Math.max(0, started + deadlineMs - Date.now()));
      const message = receiveMessageOnPort(port1) as { message: TraceWorkerAnswer } | undefined;
      port1.close();
      void worker.terminate();
      return message && 'result' in message.message ? message.message.result : undefined;
    },
  };
}
