import { spawnSync } from './builtins.js';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NcaRun, NcaTool } from './types.js';

/**
 * IBM's network-config-analyzer (nca) as a subprocess. Found at NCA_PATH, else `nca` on PATH.
 * Every run happens in a fresh temporary folder, so relative names in the scheme resolve there
 * and nothing is left behind.
 */
export function ncaBinary(env: NodeJS.ProcessEnv = process.env): string {
  return env.NCA_PATH || 'nca';
}

export function findNca(env: NodeJS.ProcessEnv = process.env): NcaTool | undefined {
  const bin = ncaBinary(env);
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error || r.status !== 0) return undefined;
  const version = /(\d+\.\d+\.\d+)/.exec(`${r.stdout}${r.stderr}`)?.[1] ?? 'unknown';
  return { path: bin, version };
}

export function runNcaScheme(
  files: readonly { readonly name: string; readonly text: string }[],
  scheme: string,
  outputs: readonly string[],
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): NcaRun {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-nca-'));
  try {
    for (const f of files) writeFileSync(path.join(dir, f.name), f.text);
    const started = process.hrtime.bigint();
    const r = spawnSync(ncaBinary(env), ['--scheme', scheme], {
      cwd: dir,
      encoding: 'utf8',
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
      maxBuffer: 512 * 1024 * 1024,
      env: { ...env, PYTHONHASHSEED: '0' },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const read = new Map<string, string>();
    for (const o of outputs) {
      const p = path.join(dir, o);
      if (existsSync(p)) read.set(o, readFileSync(p, 'utf8'));
    }
    const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || (r.signal === 'SIGKILL' && r.status === null);
    const failure = r.error && !timedOut ? r.error.message : /Traceback|Error:/.test(r.stderr ?? '') && read.size < outputs.length ? lastLines(r.stderr) : undefined;
    return { outputs: read, timedOut, status: r.status ?? undefined, ...(failure ? { error: failure } : {}), seconds };
  } finally {
    // NETPOL_CI_KEEP_NCA=1 keeps the scheme, its files and nca's answers for a look by hand
    if (env.NETPOL_CI_KEEP_NCA) process.stderr.write(`nca work folder kept: ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ');
}
