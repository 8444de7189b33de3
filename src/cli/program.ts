import type { Command } from 'commander';
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
import { buildProgramOf, runProgram, type CommandEntry } from './run.js';

import { VERSION } from './version.js';

export { VERSION };

/** Every command, loaded at once, in the order of COMMAND_NAMES (commands.ts loads them one by one for the bundled CLI). */
export const ALL_COMMANDS: readonly CommandEntry[] = [
  { name: 'check', make: checkCommand },
  { name: 'connectivity', make: connectivityCommand },
  { name: 'diff', make: diffCommand },
  { name: 'scan', make: scanCommand },
  { name: 'synthesize', make: synthesizeCommand },
  { name: 'verify', make: verifyCommand },
  { name: 'links', make: linksCommand },
  { name: 'lint', make: lintCommand },
  { name: 'prune', make: pruneCommand },
  { name: 'baseline', make: (ctx, done) => baselineCommand(ctx, done, VERSION), plainOutput: true },
];

export function buildProgram(ctx: CliContext, done: (code: number) => void): Command {
  return buildProgramOf(ctx, done, ALL_COMMANDS);
}

/**
 * Runs the CLI with every command; returns the exit code. Usage errors exit 2, like bad input; a
 * crash exits 3. Synchronous: every use-case is (external tools run as child processes and are waited for).
 */
export function main(argv: readonly string[], ctx: CliContext): number {
  return runProgram(argv, ctx, ALL_COMMANDS);
}
