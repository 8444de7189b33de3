import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachLine, traceCut, TRACE_SPLIT_BYTES } from '../../src/io/traffic.js';
import { startTraceWorker } from '../../src/io/traffic-workers.js';
import { loadManifests } from '../../src/manifests/load.js';
import { parseCidrAliases } from '../../src/topology/traffic/aliases.js';
import { observeTracePart, trafficBasis, type TracePart } from '../../src/topology/traffic/ingest.js';
import { portableBasis } from '../../src/topology/traffic/resolve.js';
import { readClusterSnapshot } from '../../src/topology/traffic/snapshot.js';
import type { TraceWorkerJob } from '../../src/pipeline/traffic-worker.js';
import { REPO_ROOT, runBundledCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * The trace worker (dist/traffic-worker.mjs) and where a trace is cut (io/traffic.ts): the real
 * worker thread answers exactly what observeTracePart gives in this thread, and the bundled CLI
 * prints the same bytes with the split forced on (`NETPOL_CI_TRAFFIC_WORKERS=1`) as with it off.
 * (`npm run bundle` first, as for every test of dist/.)
 */
const WORKER = path.join(REPO_ROOT, 'dist', 'traffic-worker.mjs');
afterAll(cleanupTempDirs);
beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run bundle first`);
});

const EX = 'fixtures/traffic/example-app';
const read = (rel: string) => readFileSync(path.join(REPO_ROOT, rel), 'utf8');
const manifestFiles = (dir: string) =>
  readdirSync(path.join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)))
    .sort()
    .map((p) => ({ path: p, text: read(p) }));

/** A trace of every fixture line (all formats but the JSON array ones, bad lines included), `times` times over. */
function mixedTrace(times: number): string {
  const pool = readdirSync(path.join(REPO_ROOT, EX, 'traces'))
    .filter((f) => f.endsWith('.ndjson') || f.endsWith('.txt'))
    .sort()
    .flatMap((f) => read(`${EX}/traces/${f}`).split('\n').filter((l) => l !== ''));
  return `${Array.from({ length: times }, (_, i) => pool.map((l, j) => ((i + j) % 3 === 0 ? l : l.replace('"port":8080', `"port":${8080 + (i % 4)}`)))).flat().join('\n')}\n`;
}

describe('traceCut', () => {
  const dir = tempDir('netpol-ci-cut-');
  const small = path.join(dir, 'small.ndjson');
  writeFileSync(small, 'a\nbb\nccc\ndddd\n');

  it('off with NETPOL_CI_TRAFFIC_WORKERS=0, and below the size limit, on one core or on a machine this busy unless forced', () => {
    expect(traceCut(small, { NETPOL_CI_TRAFFIC_WORKERS: '0' })).toBeUndefined();
    expect(traceCut(small, {}, 2, 0)).toBeUndefined();
    const big = path.join(dir, 'big.ndjson');
    writeFileSync(big, `${'{"x":1}\n'.repeat(Math.ceil(TRACE_SPLIT_BYTES / 8) + 10)}`);
    const cut = traceCut(big, {}, 2, 3.1) as number;
    expect(cut).toBeGreaterThanOrEqual(TRACE_SPLIT_BYTES / 2);
    expect(cut % 8).toBe(0);
    expect(traceCut(big, {}, 1, 0)).toBeUndefined();
    expect(traceCut(big, {}, 2, 4.2)).toBeUndefined();
    expect(traceCut(big, {}, 8, 4.2)).toBe(cut);
    expect(traceCut(big, { NETPOL_CI_TRAFFIC_WORKERS: '1' }, 2, 9)).toBe(cut);
  });

  it('forced: just after the first newline past the middle; never in a JSON array, never after the last line', () => {
    // 14 bytes: the middle, byte 7, is in "ccc\n"; the cut is just after that newline, where "dddd" begins
    expect(traceCut(small, { NETPOL_CI_TRAFFIC_WORKERS: '1' })).toBe(9);
    const array = path.join(dir, 'array.json');
    writeFileSync(array, '\uFEFF \n[\n{"a":1},\n{"a":2}\n]\n');
    expect(traceCut(array, { NETPOL_CI_TRAFFIC_WORKERS: '1' })).toBeUndefined();
    const one = path.join(dir, 'one.ndjson');
    writeFileSync(one, '{"a":1}\n');
    expect(traceCut(one, { NETPOL_CI_TRAFFIC_WORKERS: '1' })).toBeUndefined();
    expect(traceCut(path.join(dir, 'missing'), { NETPOL_CI_TRAFFIC_WORKERS: '1' })).toBeUndefined();
    // a device or pipe is never opened to look for a cut
    expect(traceCut('/dev/null', { NETPOL_CI_TRAFFIC_WORKERS: '1' })).toBeUndefined();
  });

  it('forEachLine over [0, cut) and [cut, end) gives the lines of the whole file', () => {
    const file = path.join(dir, 'mixed.ndjson');
    writeFileSync(file, mixedTrace(3).replace(/\n/g, (m, at: number) => (at % 7 === 0 ? '\r\n' : m)));
    const all: string[] = [];
    forEachLine(file, 't', (t) => all.push(t));
    const cut = traceCut(file, { NETPOL_CI_TRAFFIC_WORKERS: '1' }) as number;
    const parts: string[] = [];
    const first = forEachLine(file, 't', (t) => parts.push(t), 7, { start: 0, end: cut });
    const second = forEachLine(file, 't', (t) => parts.push(t), 4096, { start: cut, end: Number.POSITIVE_INFINITY });
    expect(parts).toEqual(all);
    expect(first + second).toBe(all.length);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
  });
});

describe('the trace worker (the real thread of the bundle)', () => {
  it('answers exactly what observeTracePart gives here', () => {
    const dir = tempDir('netpol-ci-worker-');
    const file = path.join(dir, 'mixed.ndjson');
    writeFileSync(file, mixedTrace(20));
    const cluster = loadManifests(manifestFiles('fixtures/example-app/manifests')).cluster;
    const snapshot = readClusterSnapshot(manifestFiles(`${EX}/snapshot`)).snapshot;
    const aliases = parseCidrAliases(`${EX}/cidr-aliases.yaml`, read(`${EX}/cidr-aliases.yaml`)).aliases;
    const cut = traceCut(file, { NETPOL_CI_TRAFFIC_WORKERS: '1' }) as number;
    const basis = portableBasis(trafficBasis(cluster));
    const job: TraceWorkerJob = { file, start: cut, basis: JSON.stringify(basis), snapshot, aliases };
    const answer = startTraceWorker(job, 60_000, WORKER)?.collect() as TracePart | undefined;
    const here = observeTracePart(basis, { file, snapshot, aliases }, (onLine) => forEachLine(file, '--traffic', onLine, undefined, { start: cut, end: Number.POSITIVE_INFINITY }));
    expect(answer).toBeDefined();
    expect(answer?.lines).toBeGreaterThan(100);
    expect(answer?.resolver.flows.length).toBeGreaterThan(0);
    expect(answer).toEqual(structuredClone(here));
  });

  it('a job it cannot do answers undefined (the caller reads that part itself)', () => {
    expect(startTraceWorker({ file: '/nonexistent/trace', start: 0 }, 60_000, WORKER)?.collect()).toBeUndefined();
  });
});

describe('the bundled CLI with the split forced on prints what it prints with it off', () => {
  const dir = tempDir('netpol-ci-split-cli-');
  const mixed = path.join(dir, 'mixed.ndjson');
  writeFileSync(mixed, mixedTrace(15));
  const cases: [string, string[]][] = [
    ['scan json, snapshot and aliases, a mixed trace and the messy one', ['scan', 'fixtures/example-app/manifests', '--traffic', mixed, '--traffic', `${EX}/traces/messy.ndjson`, '--cluster-snapshot', `${EX}/snapshot`, '--cidr-aliases', `${EX}/cidr-aliases.yaml`, '--format', 'json']],
    ['scan md without a snapshot', ['scan', 'fixtures/example-app/manifests', '--traffic', mixed, '--format', 'md']],
    ['synthesize --dry-run, a trace_tcp trace', ['synthesize', 'fixtures/traffic/bookinfo/manifests', '--traffic', 'fixtures/traffic/bookinfo/traces/trace-tcp.ndjson', '--dry-run']],
  ];
  for (const [name, args] of cases) {
    it(name, () => {
      const off = runBundledCli(args, { env: { NETPOL_CI_TRAFFIC_WORKERS: '0' } });
      const on = runBundledCli(args, { env: { NETPOL_CI_TRAFFIC_WORKERS: '1' } });
      expect(off.stdout.length).toBeGreaterThan(100);
      expect(on).toEqual(off);
    });
  }
});
