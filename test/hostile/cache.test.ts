import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TOOL_ENV } from '../helpers/tools.js';
import { CASES } from './cases.js';
import { APP } from './harness.js';

/**
 * The hostile corpus with parsed documents kept across runs (`NETPOL_CI_CACHE_DIR`, as the
 * Actions set it): for every case, a run without the cache, a cold run and a warm run print the
 * same bytes and exit the same way. Each run gets a fresh copy of the case's repository.
 */
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) {
    try {
      chmodSync(path.join(r, 'repo', 'locked'), 0o755);
    } catch {
      // not that case
    }
    rmSync(r, { recursive: true, force: true });
  }
});

function run(hc: (typeof CASES)[number], env: NodeJS.ProcessEnv) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-hostile-cache-'));
  roots.push(root);
  const ctx = { dir: path.join(root, 'repo'), outside: path.join(root, 'outside') };
  mkdirSync(ctx.dir);
  mkdirSync(ctx.outside);
  if (!hc.noApp) writeFileSync(path.join(ctx.dir, 'app.yaml'), APP);
  hc.setup(ctx);
  // the temporary folder's name differs between runs: it is shown as <root>
  const r = runCli(hc.args(ctx), { cwd: ctx.dir, env: { ...TOOL_ENV, ...hc.env, ...env } });
  const mask = (t: string) => t.split(root).join('<root>');
  return { code: r.code, stdout: mask(r.stdout), stderr: mask(r.stderr) };
}

describe('hostile corpus: cold, warm and uncached runs agree', () => {
  const cache = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-hostile-parsed-'));
  roots.push(cache);
  for (const hc of CASES) {
    it(hc.name, () => {
      const plain = run(hc, {});
      const cold = run(hc, { NETPOL_CI_CACHE_DIR: cache });
      const warm = run(hc, { NETPOL_CI_CACHE_DIR: cache });
      expect(cold).toEqual(plain);
      expect(warm).toEqual(plain);
    });
  }
  it('kept parses', () => {
    expect(existsSync(path.join(cache, 'parsed'))).toBe(true);
    expect(readdirSync(path.join(cache, 'parsed'), { recursive: true }).length).toBeGreaterThan(20);
  });
});
