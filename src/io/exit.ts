/** The part of `process` that `endRun` uses (a parameter, so that tests can hand it a stand-in). */
export interface RunningProcess {
  readonly stdout: { readonly writableLength: number };
  readonly stderr: { readonly writableLength: number };
  exit(): void;
}

/**
 * Ends the process as soon as the run is over and everything it wrote has left the process: with
 * the exit code the run set (process.exitCode), after the 'exit' listeners (the code cache's
 * writer, io/code-cache.ts).
 *
 * Why: when the event loop empties, Node waits for every task queued for V8's background threads
 * before it exits: optimised code for functions that will never run again, the collector's
 * concurrent marking and sweeping of a heap about to be freed. On the 2-core machine of the
 * benchmark that wait was 15-60 ms after the last line of a `connectivity` run, a tenth of a run
 * at 300 workloads (the main thread sat idle in it: README, Performance). `process.exit` drops
 * the queued tasks.
 *
 * Only when nothing is still buffered for stdout and stderr: writes to files and terminals are
 * synchronous, and the CLI makes its pipe writes so (io/stdio.ts), so nothing is; where a write
 * is asynchronous and still pending, the process ends as it would have, when the write is done. Call it only
 * when no other work is pending: the CLI's run is synchronous once its command is loaded.
 */
export function endRun(proc: RunningProcess = process): boolean {
  if (proc.stdout.writableLength !== 0 || proc.stderr.writableLength !== 0) return false;
  proc.exit();
  return true;
}
