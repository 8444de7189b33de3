import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThreadJob, threadScript } from '../../src/io/threads.js';
import { REPO_ROOT, runBundledCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { deleteDocument, makePr, replace, type Pr } from '../helpers/pr.js';
import { CASES } from '../hostile/cases.js';
import { APP } from '../hostile/harness.js';
import { TOOL_ENV } from '../helpers/tools.js';
import { nodeIo } from '../../src/io/node-io.js';
import { analyzeBase, baseThreadInput, decodeBaseAnalysis } from '../../src/pipeline/check/base-thread.js';
import { readInputs } from '../../src/pipeline/load.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';

/**
 * The PR check's base thread in the bundle (dist/check-base-worker.mjs, io/threads.ts): the bundled
 * CLI prints the same bytes, exit code and diagnostics with the thread forced on
 * (`NETPOL_CI_CHECK_THREAD=1`) as with it off, on fixture PRs and on every input of the hostile
 * corpus as base and as head; a worker that cannot start leaves the job to this thread.
 * (`npm run bundle` first, as for every test of dist/.)
 */
const SCRIPT = path.join(REPO_ROOT, 'dist', 'check-base-worker.mjs');
const prs: Pr[] = [];
afterAll(() => {
  for (const p of prs) p.dispose();
  cleanupTempDirs();
});
beforeAll(() => {
  if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run npm run bundle first`);
});

const run = (args: readonly string[], thread: '0' | '1', cwd?: string, env: NodeJS.ProcessEnv = {}) => runBundledCli(args, { ...(cwd ? { cwd } : {}), env: { ...env, NETPOL_CI_CHECK_THREAD: thread } });

describe('check base thread (bundled)', () => {
  it('is found beside the bundle', () => {
    expect(threadScript('check-base', new URL(`file://${path.join(REPO_ROOT, 'dist', 'chunks', 'x.mjs')}`).href)).toBe(SCRIPT);
    expect(threadScript('check-base', new URL(`file://${path.join(REPO_ROOT, 'src', 'io', 'threads.ts')}`).href)).toBeUndefined();
  });

  it('prints the same bytes with the thread on and off, on fixture PRs, in every format and with --lint --exposure', () => {
    const pr = makePr('fixtures/check/boutique/base', {
      'policies/network-policies.yaml': deleteDocument('  name: paymentservice\n'),
      'workloads/cartservice.yaml': replace('app: cartservice', 'app: cartservice-v2'),
    });
    prs.push(pr);
    const pairs = [
      [pr.base, pr.head],
      [pr.head, pr.base],
      ['fixtures/example-pr/base', 'fixtures/example-pr/head'],
    ];
    for (const [base, head] of pairs) {
      for (const extra of [['--format', 'md'], ['--format', 'txt'], ['--format', 'json', '--lint', '--exposure']]) {
        const args = ['check', '--base', base as string, '--head', head as string, ...extra];
        const off = run(args, '0');
        const on = run(args, '1');
        expect(off.stdout.length, args.join(' ')).toBeGreaterThan(100);
        expect(on, args.join(' ')).toEqual(off);
      }
    }
  }, 300_000);

  it('prints the same bytes with the thread on and off on the hostile corpus, as base and as head', () => {
    const differ: string[] = [];
    let compared = 0;
    for (const hc of CASES) {
      const args = hc.args({ dir: '', outside: '' });
      // the inputs of the corpus: the cases that read a folder or files (the others attack writing)
      if (args[0] !== 'connectivity' && args[0] !== 'scan') continue;
      for (const role of ['base', 'head'] as const) {
        const runs = (['0', '1'] as const).map((thread) => {
          const root = tempDir('netpol-ci-hostile-thread-');
          const ctx = { dir: path.join(root, 'repo'), outside: path.join(root, 'outside') };
          mkdirSync(ctx.dir);
          mkdirSync(ctx.outside);
          if (!hc.noApp) writeFileSync(path.join(ctx.dir, 'app.yaml'), APP);
          hc.setup(ctx);
          const clean = path.join(root, 'clean');
          mkdirSync(clean);
          writeFileSync(path.join(clean, 'app.yaml'), APP);
          const sides = role === 'base' ? ['--base', '.', '--head', '../clean'] : ['--base', '../clean', '--head', '.'];
          const r = run(['check', ...sides, '--format', 'txt'], thread, ctx.dir, { ...TOOL_ENV, ...hc.env });
          const mask = (t: string) => t.split(root).join('<root>');
          return `${r.code}\n${mask(r.stdout)}\n${mask(r.stderr)}`;
        });
        compared++;
        if (runs[0] !== runs[1]) differ.push(`${hc.name} (${role})`);
      }
    }
    expect(compared).toBeGreaterThan(40);
    expect(differ).toEqual([]);
  }, 900_000);

  it('the real worker answers exactly what this thread computes', () => {
    const read = readInputs(nodeIo(), ['fixtures/check/boutique/base'], DEFAULT_READ_SETTINGS);
    const input = baseThreadInput(read.files, read.values, DEFAULT_READ_SETTINGS);
    const text = startThreadJob(SCRIPT, input).collect(60_000);
    expect(text).toBeDefined();
    expect(decodeBaseAnalysis(text as string)).toStrictEqual(analyzeBase(input));
  });

  it('a worker that cannot start leaves the job to this thread', () => {
    const broken = path.join(tempDir(), 'dist', 'check-base-worker.mjs');
    mkdirSync(path.dirname(broken), { recursive: true });
    writeFileSync(broken, 'throw new Error("no analysis here");\n');
    const started = Date.now();
    expect(startThreadJob(broken, { files: [] }, 2000).collect(60_000)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(30_000);
    // a worker that answers (the real script) but fails on its input answers nothing either
    expect(startThreadJob(SCRIPT, { files: 'not a list' }).collect(60_000)).toBeUndefined();
  });
});
