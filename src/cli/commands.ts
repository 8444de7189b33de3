import type { CommandEntry } from './run.js';
import { COMMAND_NAMES, isCommandName, type CommandName } from './command-names.js';
import { VERSION } from './version.js';

export { COMMAND_NAMES };

// The CLI's commands, in the order help lists them, each loaded only when a run needs it: a run of
// `connectivity` does not set up the check's explanations, the baseline's nca driver or the
// traffic readers, and `--version` none of them (src/cli-main.ts; in the bundle, a module is
// evaluated, and its functions compiled, only once imported). program.ts has the same list loaded
// at once, for the in-process `main` of tests.

const LOADERS: Readonly<Record<CommandName, () => Promise<CommandEntry>>> = {
  check: async () => ({ name: 'check', make: (await import('./commands/check.js')).checkCommand }),
  connectivity: async () => ({ name: 'connectivity', make: (await import('./commands/connectivity.js')).connectivityCommand }),
  diff: async () => ({ name: 'diff', make: (await import('./commands/diff.js')).diffCommand }),
  scan: async () => ({ name: 'scan', make: (await import('./commands/scan.js')).scanCommand }),
  synthesize: async () => ({ name: 'synthesize', make: (await import('./commands/synthesize.js')).synthesizeCommand }),
  verify: async () => ({ name: 'verify', make: (await import('./commands/verify.js')).verifyCommand }),
  links: async () => ({ name: 'links', make: (await import('./commands/links.js')).linksCommand }),
  lint: async () => ({ name: 'lint', make: (await import('./commands/lint.js')).lintCommand }),
  prune: async () => ({ name: 'prune', make: (await import('./commands/prune.js')).pruneCommand }),
  baseline: async () => {
    const { baselineCommand } = await import('./commands/baseline.js');
    return { name: 'baseline', make: (ctx, done) => baselineCommand(ctx, done, VERSION), plainOutput: true };
  },
};


/**
 * The commands a command line needs: the one it names first, or none for `--version`/`-V` alone;
 * anything else (help, no command, an unknown one commander suggests a name for, options first)
 * gets all of them, in order.
 */
export async function commandsFor(argv: readonly string[]): Promise<CommandEntry[]> {
  const first = argv[0];
  if (isCommandName(first)) return [await LOADERS[first]()];
  if (argv.length === 1 && (first === '--version' || first === '-V')) return [];
  return Promise.all(COMMAND_NAMES.map((n) => LOADERS[n]()));
}
