import { commandsFor } from './cli/commands.js';
import { runProgram } from './cli/run.js';
import { nodeIo } from './io/node-io.js';
import { blockingStdio } from './io/stdio.js';

/**
 * The CLI proper, on this process's arguments, streams and environment: only the command the run
 * names is loaded (cli/commands.ts). Bundled as dist/cli/main.cjs, which dist/cli.js loads through the
 * code cache (io/code-cache.ts).
 */
export async function start(argv: readonly string[]): Promise<void> {
  const commands = await commandsFor(argv);
  blockingStdio();
  process.exitCode = runProgram(
    argv,
    {
      io: nodeIo(),
      stdout: (text) => void process.stdout.write(text),
      stderr: (text) => void process.stderr.write(text),
      env: process.env,
      interactive: Boolean(process.stderr.isTTY),
      stdoutTerminal: Boolean(process.stdout.isTTY),
      stdoutBytes: (bytes) => void process.stdout.write(bytes),
    },
    commands,
  );
}
