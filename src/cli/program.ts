import { Command, CommanderError } from 'commander';
import { connectivityCommand } from './commands/connectivity.js';
import { diffCommand } from './commands/diff.js';
import { scanCommand } from './commands/scan.js';
import { synthesizeCommand } from './commands/synthesize.js';
import { ConfigError, ExitCode } from './errors.js';

export const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command('netpol-ci')
    .description('Kubernetes NetworkPolicies shift-left, in CI: exact connectivity, semantic diffs, least-privilege policies')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  program.addCommand(connectivityCommand());
  program.addCommand(diffCommand());
  program.addCommand(scanCommand());
  program.addCommand(synthesizeCommand());
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs the CLI; returns the exit code. Usage errors exit 2, like bad input. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return ExitCode.ok;
      return ExitCode.badInput;
    }
    if (e instanceof ConfigError) {
      process.stderr.write(`netpol-ci: configuration error: ${e.message}\n`);
      return ExitCode.badInput;
    }
    process.stderr.write(`netpol-ci: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 3;
  }
}
