import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/cli.js';
import { formatDiagnostic } from '../../../src/diagnostics/diagnostic.js';
import { loadManifests } from '../../../src/manifests/load.js';
import type { Cluster } from '../../../src/manifests/cluster.js';
import { parseCidrAliases, type CidrAlias } from '../../../src/topology/traffic/aliases.js';
import { observeTracePart, observeTraffic, trafficBasis, type ByteRange, type LineSource, type TraceSplitter } from '../../../src/topology/traffic/ingest.js';
import { portableBasis } from '../../../src/topology/traffic/resolve.js';
import { readClusterSnapshot, type ClusterSnapshot } from '../../../src/topology/traffic/snapshot.js';
import { evidenceText } from '../../../src/topology/links.js';
import { peerKey } from '../../../src/model/peer.js';

/**
 * A trace read by two readers (this thread up to a line boundary, the trace worker from there:
 * observeTracePart) and merged gives exactly what one sequential read gives: the same links,
 * evidence (first file:line, count, first and last time), unresolved list, summary, and reported
 * lines in line order with the per-code limit, on every fixture cut at every line boundary, and
 * on generated traces (mixed formats, bad lines, timestamps, names with changing metadata)
 * cut anywhere. The second reader's answer goes through structuredClone, as a worker's does.
 */

const read = (rel: string) => readFileSync(path.join(REPO_ROOT, rel), 'utf8');
const manifestFiles = (dir: string) =>
  readdirSync(path.join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)))
    .sort()
    .map((p) => ({ path: p, text: read(p) }));

const EX = 'fixtures/traffic/example-app';

interface App {
  readonly cluster: Cluster;
  readonly snapshot?: ClusterSnapshot;
  readonly aliases?: readonly CidrAlias[];
  readonly traces: string;
}

const APPS: App[] = [
  {
    cluster: loadManifests(manifestFiles('fixtures/example-app/manifests')).cluster,
    snapshot: readClusterSnapshot(manifestFiles(`${EX}/snapshot`)).snapshot,
    aliases: parseCidrAliases(`${EX}/cidr-aliases.yaml`, read(`${EX}/cidr-aliases.yaml`)).aliases,
    traces: `${EX}/traces`,
  },
  { cluster: loadManifests(manifestFiles('fixtures/traffic/bookinfo/manifests')).cluster, traces: 'fixtures/traffic/bookinfo/traces' },
];

/** Lines of the bytes `[start, end)` of a text, as io/traffic.ts's forEachLine gives them. */
function linesOf(text: string, onLine: (text: string, line: number) => void, range?: ByteRange): number {
  const bytes = Buffer.from(text, 'utf8');
  const part = bytes.subarray(range?.start ?? 0, Math.min(range?.end ?? bytes.length, bytes.length)).toString('utf8');
  const all = part.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (all[all.length - 1] === '') all.pop();
  all.forEach((t, i) => onLine(t, i + 1));
  return all.length;
}

/** Every observable result, as text: what the reports print. */
function observe(app: App, files: Record<string, string>, cuts: Record<string, number> = {}) {
  const lines: LineSource = (file, onLine, range) => linesOf(files[file] as string, onLine, range);
  const basis = structuredClone(portableBasis(trafficBasis(app.cluster)));
  const split: TraceSplitter = (file) => {
    const cut = cuts[file];
    if (cut === undefined) return undefined;
    const inputs = { file, ...(app.snapshot ? { snapshot: app.snapshot } : {}), ...(app.aliases ? { aliases: app.aliases } : {}) };
    return { cut, collect: () => structuredClone(observeTracePart(basis, inputs, (onLine) => linesOf(files[file] as string, onLine, { start: cut, end: Number.POSITIVE_INFINITY }))) };
  };
  const r = observeTraffic(app.cluster, { files: Object.keys(files), ...(app.snapshot ? { snapshot: app.snapshot } : {}), ...(app.aliases ? { aliases: app.aliases } : {}) }, lines, split);
  return {
    links: r.value.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()} ${l.evidence.map(evidenceText).join(' | ')}`),
    unresolved: r.value.unresolved.map((u) => `${u.file}:${u.line} ${u.src} -> ${u.dst} : ${u.conns.toString()} x${u.count} ${u.reason} ${u.detail}`),
    summary: r.value.summary,
    diagnostics: r.diagnostics.map(formatDiagnostic),
  };
}

/** The byte offsets just after each newline but the last: where a trace may be cut. */
function lineBoundaries(text: string): number[] {
  const bytes = Buffer.from(text, 'utf8');
  const out: number[] = [];
  for (let i = bytes.indexOf(10); i >= 0 && i + 1 < bytes.length; i = bytes.indexOf(10, i + 1)) out.push(i + 1);
  return out;
}

const traces = (dir: string) =>
  readdirSync(path.join(REPO_ROOT, dir))
    .sort()
    .map((f) => `${dir}/${f}`);

const EXAMPLE = APPS[0] as App;
const pool = traces(EXAMPLE.traces).flatMap((f) => read(f).split('\n').filter((l) => l !== ''));
const gadgetLine = read(`${EX}/traces/gadget-network.ndjson`).split('\n')[0] as string;
/** Lines of one pod with times of both kinds and owners that resolve it differently (or not at all). */
const variants = (() => {
  const base = JSON.parse(gadgetLine) as Record<string, unknown>;
  const out: string[] = [];
  for (const owner of ['web', 'nothing-of-the-app', '']) {
    for (const timestamp of ['1700000000000000500', '2024-05-01T10:00:00Z', '999', undefined]) {
      out.push(JSON.stringify({ ...base, pod: 'stray-7c9d8f6b5-x2k4p', podIP: '10.244.9.99', podLabels: undefined, podOwner: owner, timestamp }));
      out.push(JSON.stringify({ ...base, timestamp }));
    }
  }
  return out;
})();

describe('a trace read in two parts = read at once', () => {
  for (const app of APPS) {
    for (const file of traces(app.traces)) {
      it(`${file}, cut at every line boundary`, () => {
        const text = read(file);
        const whole = observe(app, { [file]: text });
        expect(whole.summary.starts).toBeGreaterThan(0);
        for (const cut of lineBoundaries(text)) expect(observe(app, { [file]: text }, { [file]: cut }), `cut at byte ${cut}`).toEqual(whole);
      });
    }
  }

  it('reported lines past the per-code limit: the first 20 in line order across the cut, the rest counted', () => {
    const bad = '{"type":"normal","pod":';
    const text = [...Array.from({ length: 15 }, () => bad), gadgetLine, ...Array.from({ length: 15 }, () => bad), 'not a trace line', gadgetLine, ''].join('\n');
    const whole = observe(EXAMPLE, { 'bad.ndjson': text });
    expect(whole.diagnostics.filter((d) => d.includes('NPC161'))).toHaveLength(21);
    expect(whole.diagnostics).toContain('bad.ndjson warning NPC161 10 more such lines not shown');
    for (const cut of lineBoundaries(text)) expect(observe(EXAMPLE, { 'bad.ndjson': text }, { 'bad.ndjson': cut })).toEqual(whole);
  });

  it('first and last seen across the cut: nanoseconds and ISO times in one order, whichever part holds them', () => {
    const base = JSON.parse(gadgetLine) as Record<string, unknown>;
    const times = ['1700000000000000500', '2024-05-01T10:00:00Z', '999', '1700000000000000400', '2023-01-01T00:00:00Z', '99999999999999999999'];
    const text = `${times.map((t) => JSON.stringify({ ...base, timestamp: t })).join('\n')}\n`;
    const whole = observe(EXAMPLE, { 't.ndjson': text });
    expect(whole.links.join('\n')).toContain('x6 (999 .. 2024-05-01T10:00:00Z)');
    for (const cut of lineBoundaries(text)) expect(observe(EXAMPLE, { 't.ndjson': text }, { 't.ndjson': cut })).toEqual(whole);
  });

  it('a name first seen with other metadata after the cut: the parts are read again in one (the result is still the sequential one)', () => {
    const base = JSON.parse(gadgetLine) as Record<string, unknown>;
    // one pod name, first with an owner the app does not have (unresolved), then owned by web
    const stray = { ...base, pod: 'stray-7c9d8f6b5-x2k4p', podIP: '10.244.9.99', podLabels: undefined };
    const text = `${[{ ...stray, podOwner: 'nothing-of-the-app' }, { ...stray, podOwner: 'web' }, { ...stray, podOwner: 'web' }].map((e) => JSON.stringify(e)).join('\n')}\n`;
    const whole = observe(EXAMPLE, { 'o.ndjson': text });
    expect(whole.unresolved).toHaveLength(1);
    expect(whole.unresolved[0]).toContain('x3 unknown-pod');
    for (const cut of lineBoundaries(text)) expect(observe(EXAMPLE, { 'o.ndjson': text }, { 'o.ndjson': cut })).toEqual(whole);
  });

  it('trace_tcp columns rows after the cut under a header before it', () => {
    const text = read(`${EX}/traces/trace-tcp.columns.txt`);
    const doubled = `${text}${text.split('\n').slice(1).join('\n')}`;
    const whole = observe(EXAMPLE, { 'c.txt': doubled });
    for (const cut of lineBoundaries(doubled)) expect(observe(EXAMPLE, { 'c.txt': doubled }, { 'c.txt': cut })).toEqual(whole);
  });

  it('several files, some cut and some not; the same file twice', () => {
    const a = read(`${EX}/traces/gadget-network.ndjson`);
    const b = read(`${EX}/traces/messy.ndjson`);
    const whole = observe(EXAMPLE, { 'a.ndjson': a, 'b.ndjson': b, 'c.ndjson': a });
    const ca = lineBoundaries(a);
    const cb = lineBoundaries(b);
    expect(observe(EXAMPLE, { 'a.ndjson': a, 'b.ndjson': b, 'c.ndjson': a }, { 'a.ndjson': ca[1] as number, 'c.ndjson': ca[ca.length - 1] as number })).toEqual(whole);
    expect(observe(EXAMPLE, { 'a.ndjson': a, 'b.ndjson': b, 'c.ndjson': a }, { 'b.ndjson': cb[2] as number })).toEqual(whole);
  });

  it('any trace of fixture lines (every format, bad lines, repeats, times, changing owners), cut at any line boundary', () => {
    const lines = [...pool, ...variants];
    fc.assert(
      fc.property(fc.array(fc.nat({ max: lines.length - 1 }), { minLength: 2, maxLength: 150 }), fc.nat(), fc.boolean(), (picks, at, crlf) => {
        const text = `${picks.map((i) => lines[i]).join(crlf ? '\r\n' : '\n')}\n`;
        const cuts = lineBoundaries(text);
        fc.pre(cuts.length > 0);
        const cut = cuts[at % cuts.length] as number;
        expect(observe(EXAMPLE, { 'g.ndjson': text }, { 'g.ndjson': cut })).toEqual(observe(EXAMPLE, { 'g.ndjson': text }));
      }),
      { numRuns: 200 },
    );
  });
});
