import { Command, CommanderError } from 'commander';
import { ConfigError, ExitCode } from '../diagnostics/errors.js';
import { baselineCommand } from './commands/baseline.js';
import { connectivityCommand } from './commands/connectivity.js';
import { diffCommand } from './commands/diff.js';
import { scanCommand } from './commands/scan.js';
import { synthesizeCommand } from './commands/synthesize.js';
import type { CliContext } from './context.js';

export const VERSION = '0.1.0';

export function buildProgram(ctx: CliContext, done: (code: number) => void): Command {
  const program = new Command('netpol-ci')
    .description('Kubernetes NetworkPolicies shift-left, in CI: exact connectivity, semantic diffs, least-privilege policies')
    .version(VERSION)
    .showHelpAfterError()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr })
    .exitOverride();
  for (const make of [connectivityCommand, diffCommand, scanCommand, synthesizeCommand]) {
    program.addCommand(make(ctx, done).configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr }));
  }
  program.addCommand(baselineCommand(ctx, done, VERSION).configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr }));
  for (const c of program.commands) c.exitOverride();
  return program;
}

/**
 * Runs the CLI; returns the exit code. Usage errors exit 2, like bad input; a crash exits 3.
 * Synchronous: every use-case is (external tools run as child processes and are waited for).
 */
export function main(argv: readonly string[], ctx: CliContext): number {
  let code: number = ExitCode.ok;
  const program = buildProgram(ctx, (c) => {
    code = c;
  });
  try {
    program.parse(argv as string[], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return ExitCode.ok;
      return ExitCode.badInput;
    }
    if (e instanceof ConfigError) {
      ctx.stderr(`netpol-ci: configuration error: ${e.message}\n`);
      return ExitCode.badInput;
    }
    ctx.stderr(`netpol-ci: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return ExitCode.internal;
  }
}
