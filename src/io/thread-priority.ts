import { readdirSync, readlinkSync } from 'node:fs';
import os from 'node:os';

/**
 * How much lower than the main thread the process's other threads run: enough that they take a
 * core only when the main thread does not need it, not so much that their work (optimised code,
 * the collector's share of a garbage collection, which the main thread then waits for) is starved.
 * Measured on the 2-core machine of the benchmark (README, Performance): 5 gave the best `check`
 * and `connectivity` times of 2, 5, 10 and 19.
 */
export const BACKGROUND_NICENESS = 5;

/**
 * Lets the main thread keep its core. All of an analysis runs on the main thread, and V8's
 * background threads (four by default: the optimising compiler, parallel and concurrent garbage
 * collection) run at the same priority: on a 2-core runner they took the main thread's core for
 * a fifth of a `connectivity` run and of a `check` (its wait in the run queue, measured through
 * /proc/self/task/<tid>/schedstat), which this gives back. It lowers the scheduling priority of
 * every thread of the process but the main one (called elsewhere, it does nothing), to
 * BACKGROUND_NICENESS more than the process's own. Threads started later (worker threads, the
 * thread pool) inherit the main thread's priority.
 *
 * Linux only: there a thread id names that thread alone for setpriority(2), and /proc/self/task
 * lists the process's own threads; elsewhere a thread id may be another process's id, so nothing
 * is done. A thread that has ended or that may not be changed is left as it is: this changes only
 * how fast an answer comes, never the answer.
 */
export function yieldBackgroundThreads(platform: NodeJS.Platform = process.platform): number {
  if (platform !== 'linux') return 0;
  let tasks: string[];
  let own: number;
  try {
    if (!onMainThread()) return 0;
    tasks = readdirSync('/proc/self/task');
    own = os.getPriority();
  } catch {
    return 0;
  }
  const niceness = Math.min(own + BACKGROUND_NICENESS, 19);
  let lowered = 0;
  for (const task of tasks) {
    const tid = Number(task);
    if (!Number.isSafeInteger(tid) || tid === process.pid) continue;
    try {
      if (os.getPriority(tid) >= niceness) continue;
      os.setPriority(tid, niceness);
      lowered++;
    } catch {
      // ended meanwhile, or not ours to change
    }
  }
  return lowered;
}

/**
 * Whether the calling thread is the process's main thread: on Linux, the one whose thread id is the
 * process id (`/proc/thread-self` names `<pid>/task/<tid>`). Asked of the kernel rather than of
 * node:worker_threads, which this would load (with its internal modules) in every run.
 */
function onMainThread(): boolean {
  return readlinkSync('/proc/thread-self').split('/')[2] === String(process.pid);
}
