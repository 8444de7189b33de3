import { Command, CommanderError } from 'commander';
import { ConfigError, ExitCode } from '../diagnostics/errors.js';
import { safeLine, safeLines } from '../diagnostics/sanitize.js';
import { checkCommand } from './commands/check.js';
import { baselineCommand } from './commands/baseline.js';
import { connectivityCommand } from './commands/connectivity.js';
import { diffCommand } from './commands/diff.js';
import { linksCommand } from './commands/links.js';
import { lintCommand } from './commands/lint.js';
import { pruneCommand } from './commands/prune.js';
import { scanCommand } from './commands/scan.js';
import { synthesizeCommand } from './commands/synthesize.js';
import { verifyCommand } from './commands/verify.js';
import type { CliContext } from './context.js';

import { VERSION } from './version.js';

export { VERSION };

/** Usage errors echo arguments, which may hold line breaks or `::` (a forged workflow command): made safe line by line. */
const OUTPUT = (ctx: CliContext) => ({
  writeOut: ctx.stdout,
  writeErr: ctx.stderr,
  outputError: (text: string, write: (t: string) => void) => write(`${safeLines(text.replace(/\n$/, ''))}\n`),
});

export function buildProgram(ctx: CliContext, done: (code: number) => void): Command {
  const program = new Command('netpol-ci')
    .description('Kubernetes NetworkPolicies shift-left, in CI: exact connectivity, semantic diffs, least-privilege policies')
    .version(VERSION)
    .showHelpAfterError()
    .configureOutput(OUTPUT(ctx))
    .exitOverride();
  for (const make of [checkCommand, connectivityCommand, diffCommand, scanCommand, synthesizeCommand, verifyCommand, linksCommand, lintCommand, pruneCommand]) {
    program.addCommand(make(ctx, done).configureOutput(OUTPUT(ctx)));
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
      ctx.stderr(`${safeLine(`netpol-ci: configuration error: ${e.message}`)}\n`);
      return ExitCode.badInput;
    }
    ctx.stderr(`${safeLines(`netpol-ci: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)}\n`);
    return ExitCode.internal;
  }
}
