import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParsePool, parseWorkerCount, WORKER_THRESHOLD_BYTES } from '../../src/io/parse-workers.js';
import { parseManifestFile, type ManifestFile } from '../../src/manifests/documents.js';
import { decodeParse } from '../../src/manifests/parsed-store.js';
import { REPO_ROOT, runBundledCli } from '../helpers/cli.js';
import { BAD_INPUT, FIXTURES, cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { CASES } from '../hostile/cases.js';
import { APP } from '../hostile/harness.js';
import { TOOL_ENV } from '../helpers/tools.js';

/**
 * Parse workers (io/parse-workers.ts, dist/parse-worker.mjs): the real worker threads of the
 * bundle give exactly the parses of this thread, and the bundled CLI prints the same bytes with
 * workers forced on (`NETPOL_CI_WORKERS=N`) as with them off, on fixtures and the hostile corpus.
 * (`npm run bundle` first, as for every test of dist/.)
 */
const WORKER = path.join(REPO_ROOT, 'dist', 'parse-worker.mjs');
afterAll(cleanupTempDirs);
beforeAll(() => {
  // like the other tests of dist/, these need `npm run bundle` first
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run bundle first`);
});

function fixtureFiles(): ManifestFile[] {
  const out: ManifestFile[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.(ya?ml|json)$/.test(e.name)) out.push({ path: path.relative(REPO_ROOT, p), text: readFileSync(p, 'utf8') });
    }
  };
  walk(FIXTURES);
  return out;
}

describe('parse workers', () => {
  it('are off unless asked for; auto uses them for large inputs on a machine with a core to spare; N forces N', () => {
    const big = 10 * WORKER_THRESHOLD_BYTES;
    expect(parseWorkerCount(big, 100, {}, { cores: 8, load: 0 })).toBe(0);
    expect(parseWorkerCount(big, 100, { NETPOL_CI_WORKERS: 'auto' }, { cores: 2, load: 0.5 })).toBe(1);
    expect(parseWorkerCount(big, 100, { NETPOL_CI_WORKERS: 'auto' }, { cores: 8, load: 1 })).toBe(3);
    expect(parseWorkerCount(big, 100, { NETPOL_CI_WORKERS: '0' }, { cores: 8, load: 0 })).toBe(0);
    // small inputs, one core, a machine already busy: none
    const auto = { NETPOL_CI_WORKERS: 'auto' };
    expect(parseWorkerCount(WORKER_THRESHOLD_BYTES - 1, 100, auto, { cores: 8, load: 0 })).toBe(0);
    expect(parseWorkerCount(big, 100, auto, { cores: 1, load: 0 })).toBe(0);
    expect(parseWorkerCount(big, 100, auto, { cores: 2, load: 2.5 })).toBe(0);
    // forced: whatever the size and load
    expect(parseWorkerCount(10, 100, { NETPOL_CI_WORKERS: '3' }, { cores: 2, load: 9 })).toBe(3);
    // never more workers than files besides this thread's
    expect(parseWorkerCount(10, 2, { NETPOL_CI_WORKERS: '3' })).toBe(1);
  });

  it('share one queue with this thread and give exactly its parses (real threads of the bundled worker)', () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(100);
    const pool = ParsePool.start(3, WORKER);
    expect(pool?.size).toBe(3);
    // two jobs, as the PR check's two sides: the second finds the workers waiting
    for (const job of [files, [...files].reverse().slice(0, 60)]) {
      const share = pool!.share(job);
      // this thread takes a file now and then, so that the workers, once started, take most
      const here: ManifestFile[] = [];
      const pause = new Int32Array(new SharedArrayBuffer(4));
      for (let f = share.next(); f !== undefined; f = share.next()) {
        here.push(f);
        Atomics.wait(pause, 0, 0, 50);
      }
      const fromWorkers = share.collect();
      // every file taken once: by this thread or by a worker
      expect(new Set([...here, ...fromWorkers.keys()]).size).toBe(job.length);
      expect(here.length + fromWorkers.size).toBe(job.length);
      expect(fromWorkers.size).toBeGreaterThan(0);
      for (const [file, stored] of fromWorkers) expect(decodeParse(file, stored), file.path).toStrictEqual(parseManifestFile(file));
    }
  });

  it('leave the files of a worker that fails to this thread', () => {
    const broken = path.join(tempDir(), 'dist', 'parse-worker.mjs');
    mkdirSync(path.dirname(broken), { recursive: true });
    writeFileSync(broken, 'throw new Error("no parser here");\n');
    const files = fixtureFiles().slice(0, 10);
    const share = ParsePool.start(2, broken)!.share(files);
    const here: ManifestFile[] = [];
    for (let f = share.next(); f !== undefined; f = share.next()) here.push(f);
    expect(here).toHaveLength(10);
    // a worker that never took a file of the job is not waited for (the patience is over 5 s)
    const asked = Date.now();
    expect(share.collect().size).toBe(0);
    expect(Date.now() - asked).toBeLessThan(4000);
  });

  it('the bundled CLI prints the same bytes with workers forced on and off', () => {
    const big = tempDir();
    // a folder big enough for `auto` too: fixtures copied many times over
    const files = fixtureFiles().filter((f) => f.path.startsWith(`fixtures${path.sep}bad-input`) || f.path.startsWith(`fixtures${path.sep}real-apps`));
    let size = 0;
    for (let copy = 0; size < WORKER_THRESHOLD_BYTES + 1; copy++) {
      for (const f of files) {
        const target = path.join(big, `copy-${copy}`, f.path);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, f.text);
        size += f.text.length;
      }
    }
    for (const [args, workers] of [
      [['connectivity', big], ['3', 'auto']],
      [['connectivity', BAD_INPUT, '--format', 'json'], ['3']],
    ] as const) {
      const off = runBundledCli(args, { env: { NETPOL_CI_WORKERS: '0' } });
      for (const on of workers.map((w) => runBundledCli(args, { env: { NETPOL_CI_WORKERS: w } }))) {
        expect(on.code, args.join(' ')).toBe(off.code);
        expect(on.stdout, args.join(' ')).toBe(off.stdout);
        expect(on.stderr, args.join(' ')).toBe(off.stderr);
      }
    }
  }, 120_000);

  it('the bundled CLI prints the same bytes with workers forced on and off on the hostile corpus', () => {
    const differ: string[] = [];
    for (const hc of CASES) {
      const runs = ['0', '2'].map((workers) => {
        const root = tempDir('netpol-ci-hostile-workers-');
        const ctx = { dir: path.join(root, 'repo'), outside: path.join(root, 'outside') };
        mkdirSync(ctx.dir);
        mkdirSync(ctx.outside);
        if (!hc.noApp) writeFileSync(path.join(ctx.dir, 'app.yaml'), APP);
        hc.setup(ctx);
        const r = runBundledCli(hc.args(ctx), { cwd: ctx.dir, env: { ...TOOL_ENV, ...hc.env, NETPOL_CI_WORKERS: workers } });
        const mask = (t: string) => t.split(root).join('<root>');
        return `${r.code}\n${mask(r.stdout)}\n${mask(r.stderr)}`;
      });
      if (runs[0] !== runs[1]) differ.push(hc.name);
    }
    expect(differ).toEqual([]);
  }, 600_000);
});
