import { Command, CommanderError } from 'commander';
import { ConfigError, ExitCode } from '../diagnostics/errors.js';
import { safeLine, safeLines } from '../diagnostics/sanitize.js';
import type { CliContext } from './context.js';
import { VERSION } from './version.js';

/** One command of the CLI: its name and how to make it (see commands.ts for the list). */
export interface CommandEntry {
  readonly name: string;
  readonly make: (ctx: CliContext, done: (code: number) => void) => Command;
  /** Its own output is written as is (its messages are its own), not made safe line by line. */
  readonly plainOutput?: boolean;
}

/** Usage errors echo arguments, which may hold line breaks or `::` (a forged workflow command): made safe line by line. */
const OUTPUT = (ctx: CliContext) => ({
  writeOut: ctx.stdout,
  writeErr: ctx.stderr,
  outputError: (text: string, write: (t: string) => void) => write(`${safeLines(text.replace(/\n$/, ''))}\n`),
});

/** The program with the given commands (all of them, or only the one a run names: src/cli/commands.ts). */
export function buildProgramOf(ctx: CliContext, done: (code: number) => void, commands: readonly CommandEntry[]): Command {
  const program = new Command('netpol-ci')
    .description('Kubernetes NetworkPolicies shift-left, in CI: exact connectivity, semantic diffs, least-privilege policies')
    .version(VERSION)
    .showHelpAfterError()
    .configureOutput(OUTPUT(ctx))
    .exitOverride();
  for (const c of commands) program.addCommand(c.make(ctx, done).configureOutput(c.plainOutput ? { writeOut: ctx.stdout, writeErr: ctx.stderr } : OUTPUT(ctx)));
  for (const c of program.commands) c.exitOverride();
  return program;
}

/**
 * Runs the CLI with the given commands; returns the exit code. Usage errors exit 2, like bad input;
 * a crash exits 3. Synchronous: every use-case is (external tools run as child processes and are waited for).
 */
export function runProgram(argv: readonly string[], ctx: CliContext, commands: readonly CommandEntry[]): number {
  let code: number = ExitCode.ok;
  const program = buildProgramOf(ctx, (c) => {
    code = c;
  }, commands);
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
