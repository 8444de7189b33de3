#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { isCommandName } from './cli/command-names.js';
import { codeCacheDir, requireWithCodeCache } from './io/code-cache.js';
import { endRun } from './io/exit.js';
import { yieldBackgroundThreads } from './io/thread-priority.js';
import { startShortRunTuning } from './io/v8-tuning.js';

// The entry, bundled as CommonJS (dist/cli.js: Node starts it without its ES module loader;
// scripts/bundle.mjs). The CLI proper (src/cli-main.ts) is bundled as one CommonJS file,
// dist/cli/main.cjs, compiled through the code cache (io/code-cache.ts), which Node 20 can give
// only to scripts it compiles itself; this file stays small, so that what it costs on every run is
// next to nothing.
// V8's background threads yield the core the analysis runs on (io/thread-priority.ts), and the
// process ends when the run does, without waiting for their queued work (io/exit.ts)
yieldBackgroundThreads();
// before the CLI's code is compiled: TurboFan without inlining, until a large input (io/v8-tuning.ts)
startShortRunTuning();
const argv = process.argv.slice(2);
const first = argv[0];
const tag = isCommandName(first) ? (argv.some((a) => a === '--help' || a === '-h') ? `${first}-help` : first) : 'other';
const cli = requireWithCodeCache(fileURLToPath(new URL('./cli/main.cjs', import.meta.url)), codeCacheDir(argv, process.env), tag) as typeof import('./cli-main.js');
void cli.start(argv).then(() => endRun());
