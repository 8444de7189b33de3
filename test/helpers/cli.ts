import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/program.js';
import { nodeIo } from '../../src/io/node-io.js';

/** The repository root (test/helpers/../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Working directory; diagnostics show paths relative to it. Default: the repository root. */
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Runs the CLI in-process, as `node dist/cli.js` would: `main(argv, context)` with the Node I/O,
 * captured output, and the working directory and environment of the run (restored afterwards;
 * tests in one file run one after another). CI is set and stderr is no terminal, so progress stays off.
 */
export function runCli(args: readonly string[], options: RunOptions = {}): CliResult {
  const cwd = process.cwd();
  const saved = { ...process.env };
  const env = { ...process.env, CI: 'true', NO_COLOR: '1', ...options.env };
  let stdout = '';
  let stderr = '';
  try {
    process.chdir(options.cwd ?? REPO_ROOT);
    for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
    const code = main(args, { io: nodeIo(), stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env, interactive: false });
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

// `npm run bundle` deletes and rewrites dist/ while it runs: a run that finds no bundle (or half
// of one) is retried, never reported as a CLI failure.
const BUNDLE_MISSING = /Cannot find module '[^']*dist[\\/]cli\.js'|SyntaxError: /;
const RETRIES = 30;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs the real, bundled CLI (`node dist/cli.js ...`) as a child process: the smoke tests. */
export function runBundledCli(args: readonly string[], options: RunOptions & { readonly node?: string } = {}): CliResult {
  for (let attempt = 0; ; attempt++) {
    if (!existsSync(CLI) && attempt < RETRIES) {
      sleep(2000);
      continue;
    }
    const r = spawnSync(options.node ?? process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, CI: 'true', NO_COLOR: '1', ...options.env },
      input: '',
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
    });
    if (r.error) throw r.error;
    const result: CliResult = { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    if (result.code === 1 && BUNDLE_MISSING.test(result.stderr) && attempt < RETRIES) {
      sleep(2000);
      continue;
    }
    return result;
  }
}

/** The lines of a text, without the empty line after the final newline. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
}
