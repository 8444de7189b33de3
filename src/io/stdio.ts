/**
 * Makes the process's writes to stdout and stderr wait until the kernel has taken them, when they
 * are pipes, as they already do for files and terminals.
 *
 * Why: Node writes to a pipe what the pipe takes at once and queues the rest, to go out when the
 * reader has drained it. When stdout and stderr are one pipe (`2>&1 | tee log`, a CI step's log)
 * and the reader is slower than the report, the diagnostics written after the report went out
 * while part of it still waited in the queue: a report line cut in two by a warning. Blocking
 * writes keep the program's order, line by line; the cost is the wait the reader imposes, which
 * the run paid at its end anyway. (Node itself does this for pipes on Windows.) A handle without
 * `setBlocking` (a file, a terminal, a closed stream) is left as it is.
 */
export function blockingStdio(streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    const handle = (stream as unknown as { _handle?: { setBlocking?: (blocking: boolean) => number } })._handle;
    handle?.setBlocking?.(true);
    // a reader that stopped reading (`| head -1`) is no failure of the run: the process ends with
    // the exit code the run set, without the stack trace of an unhandled EPIPE
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit();
    });
  }
}
