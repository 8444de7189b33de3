import { startThreadJob, threadScript } from './threads.js';

/**
 * Starts the trace worker (dist/traffic-worker.mjs, or the one beside a benchmark's bundle) on a job
 * and returns at once: the caller reads its own part meanwhile, then `collect()` waits for the
 * answer (synchronously: the use-cases are synchronous). A worker that fails, or has not answered
 * within `deadlineMs` of its start, answers undefined (io/threads.ts).
 */
export function startTraceWorker(job: object, deadlineMs: number, script: string | undefined = threadScript('traffic')): { collect(): unknown } | undefined {
  if (!script) return undefined;
  const started = Date.now();
  const thread = startThreadJob(script, job, deadlineMs);
  return { collect: () => thread.collect(started + deadlineMs - Date.now()) };
}
