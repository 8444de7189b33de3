import type { Io } from '../io/types.js';

/**
 * What a CLI run talks to: the use-cases' I/O, the two output streams and the environment. The
 * entry (src/cli.ts) passes the process's; tests run `main(argv, context)` in-process with their own.
 */
export interface CliContext {
  readonly io: Io;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (progress is shown only there). */
  readonly interactive: boolean;
  /** Whether stdout is a terminal (`--format tree` is coloured only there, unless NO_COLOR is set). */
  readonly stdoutTerminal?: boolean;
  /** Binary output (`--format png` without -o); absent: binary formats need -o FILE. */
  readonly stdoutBytes?: (bytes: Uint8Array) => void;
}
