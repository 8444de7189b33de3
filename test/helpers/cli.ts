import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (test/helpers/../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Working directory of the child; diagnostics show paths relative to it. Default: the repository root. */
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly input?: string;
}

// `npm run bundle` deletes and rewrites dist/ while other developers rebuild: a run that finds no
// bundle (or half of one) is retried, never reported as a CLI failure.
const BUNDLE_MISSING = /Cannot find module '[^']*dist[\\/]cli\.js'|SyntaxError: /;
const RETRIES = 30;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs the real, bundled CLI (`node dist/cli.js ...`) as a child process. */
export function runCli(args: readonly string[], options: RunOptions = {}): CliResult {
  for (let attempt = 0; ; attempt++) {
    if (!existsSync(CLI) && attempt < RETRIES) {
      sleep(2000);
      continue;
    }
    const r = spawnSync(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      // no CI-specific behaviour, no terminal: progress output stays off
      env: { ...process.env, CI: 'true', NO_COLOR: '1', ...options.env },
      input: options.input ?? '',
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
