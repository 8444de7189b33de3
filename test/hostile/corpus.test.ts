import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TOOL_ENV } from '../helpers/tools.js';
import { CASES as BASE_CASES } from './cases.js';
import { HUNT_CASES } from './hunt-cases.js';
import { HUNT2_CASES } from './hunt2-cases.js';
import { HUNT3_CASES } from './hunt3-cases.js';
import { APP, commonProblems, type Problem } from './harness.js';

/**
 * The hostile-repository corpus (README "Running on untrusted pull requests"): every case is a
 * repository built by test code, run through the real CLI with the real helm and kubectl, and
 * judged by the same checks (harness.ts). One summary line, which must show zeros.
 */
const LIMIT_MS = 10_000;
const CASES = [...BASE_CASES, ...HUNT_CASES, ...HUNT2_CASES, ...HUNT3_CASES];
const roots: string[] = [];
const tally: Record<Problem | 'slow', number> = { crash: 0, unlocated: 0, dropped: 0, escape: 0, slow: 0 };
const failures: string[] = [];
let ran = 0;

afterAll(() => {
  for (const r of roots) {
    // unreadable folders a case made must be made readable again to be removed
    spawnChmod(r);
    rmSync(r, { recursive: true, force: true });
  }
});

function spawnChmod(root: string): void {
  try {
    chmodSync(path.join(root, 'repo', 'locked'), 0o755);
  } catch {
    // not that case
  }
}

describe('hostile-repository corpus', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(60);
  expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);

  for (const hc of CASES) {
    it(hc.name, () => {
      const root = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-hostile-'));
      roots.push(root);
      const ctx = { dir: path.join(root, 'repo'), outside: path.join(root, 'outside') };
      mkdirSync(ctx.dir);
      mkdirSync(ctx.outside);
      if (!hc.noApp) writeFileSync(path.join(ctx.dir, 'app.yaml'), APP);
      hc.setup(ctx);
      const started = performance.now();
      let result;
      try {
        result = runCli(hc.args(ctx), { cwd: ctx.dir, env: { ...TOOL_ENV, ...hc.env } });
      } catch (e) {
        result = { code: 3, stdout: '', stderr: `internal error (thrown out of main): ${(e as Error).stack ?? String(e)}` };
      }
      const ms = performance.now() - started;
      ran++;
      const found = [...commonProblems(hc, result, ctx), ...(hc.check ? hc.check(result, ctx) : [])];
      if (ms > LIMIT_MS) found.push({ problem: 'slow' as Problem, why: `${(ms / 1000).toFixed(1)} s` });
      for (const f of found) {
        tally[f.problem as Problem | 'slow']++;
        failures.push(`[${hc.kind}] ${hc.name}: ${f.problem}: ${f.why}`);
      }
      expect(found.map((f) => `${f.problem}: ${f.why}`)).toEqual([]);
    });
  }

  it('summary', () => {
    const line = `hostile corpus: ${ran} cases, ${tally.crash} crashes, ${tally.unlocated} unlocated, ${tally.dropped} dropped, ${tally.escape} escapes, ${tally.slow} over 10 s`;
    console.log(line);
    for (const f of failures) console.log(`  ${f}`);
    expect(ran).toBe(CASES.length);
    expect(line).toBe(`hostile corpus: ${CASES.length} cases, 0 crashes, 0 unlocated, 0 dropped, 0 escapes, 0 over 10 s`);
  });
});
