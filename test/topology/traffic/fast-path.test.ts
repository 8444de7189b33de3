import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/cli.js';
import { formatDiagnostic } from '../../../src/diagnostics/diagnostic.js';
import { loadManifests } from '../../../src/manifests/load.js';
import { parseCidrAliases } from '../../../src/topology/traffic/aliases.js';
import { observeTraffic, type LineSource } from '../../../src/topology/traffic/ingest.js';
import { readClusterSnapshot } from '../../../src/topology/traffic/snapshot.js';
import { evidenceText } from '../../../src/topology/links.js';
import { peerKey } from '../../../src/model/peer.js';

/**
 * The fast path (a repeated JSON line is read once and its outcome replayed) against the full
 * path (every line parsed and resolved): the same links, evidence (first line and count), the
 * same unresolved list, summary, and every reported line with its own file:line, on every trace
 * fixture and on traces made of their lines repeated in any order, messy lines included.
 */

const read = (rel: string) => readFileSync(path.join(REPO_ROOT, rel), 'utf8');
const manifestFiles = (dir: string) =>
  readdirSync(path.join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)))
    .sort()
    .map((p) => ({ path: p, text: read(p) }));

const EX = 'fixtures/traffic/example-app';
const APPS = [
  { manifests: 'fixtures/example-app/manifests', traces: `${EX}/traces`, snapshot: `${EX}/snapshot`, aliases: `${EX}/cidr-aliases.yaml` },
  { manifests: 'fixtures/traffic/bookinfo/manifests', traces: 'fixtures/traffic/bookinfo/traces' },
];

/** Every observable result, as text: what the reports print. */
function observe(app: (typeof APPS)[number], files: Record<string, string>, noMemo: boolean) {
  const cluster = loadManifests(manifestFiles(app.manifests)).cluster;
  const snapshot = app.snapshot ? readClusterSnapshot(manifestFiles(app.snapshot)).snapshot : undefined;
  const aliases = app.aliases ? parseCidrAliases(app.aliases, read(app.aliases)).aliases : undefined;
  const lines: LineSource = (file, onLine) => {
    const all = (files[file] as string).split('\n');
    if (all[all.length - 1] === '') all.pop();
    all.forEach((t, i) => onLine(t, i + 1));
    return all.length;
  };
  const r = observeTraffic(cluster, { files: Object.keys(files), ...(snapshot ? { snapshot } : {}), ...(aliases ? { aliases } : {}), noMemo }, lines);
  return {
    links: r.value.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()} ${l.evidence.map(evidenceText).join(' | ')}`),
    unresolved: r.value.unresolved.map((u) => `${u.file}:${u.line} ${u.src} -> ${u.dst} : ${u.conns.toString()} x${u.count} ${u.reason}`),
    summary: r.value.summary,
    diagnostics: r.diagnostics.map(formatDiagnostic),
  };
}

const traces = (dir: string) =>
  readdirSync(path.join(REPO_ROOT, dir))
    .sort()
    .map((f) => `${dir}/${f}`);

describe('fast path = full path', () => {
  for (const app of APPS) {
    for (const file of traces(app.traces)) {
      it(`${file}, as it is and every line three times`, () => {
        const text = read(file);
        const full = observe(app, { [file]: text }, true);
        expect(observe(app, { [file]: text }, false)).toEqual(full);
        // each line three times in a row: the repeats are replayed (a JSON array's elements never are)
        const tripled = text
          .split('\n')
          .flatMap((l) => [l, l, l])
          .join('\n');
        const fullTripled = observe(app, { [file]: tripled }, true);
        expect(observe(app, { [file]: tripled }, false)).toEqual(fullTripled);
      });
    }
  }

  it('the messy trace repeated: the error lines are reported with their own line numbers on both paths', () => {
    const file = `${EX}/traces/messy.ndjson`;
    const text = `${read(file)}${read(file)}`;
    const fast = observe(APPS[0] as (typeof APPS)[number], { [file]: text }, false);
    expect(fast).toEqual(observe(APPS[0] as (typeof APPS)[number], { [file]: text }, true));
    const n = read(file).split('\n').length - 1;
    // the truncated line (2) and its repeat (n + 2) are both reported
    expect(fast.diagnostics).toContain(`${file}:2 warning NPC161 skipped: truncated or invalid JSON (Unterminated string)`);
    expect(fast.diagnostics).toContain(`${file}:${n + 2} warning NPC161 skipped: truncated or invalid JSON (Unterminated string)`);
  });

  it('a file whose lines stop repeating turns the memo off, and one that repeats later is still read the same', () => {
    const app = APPS[0] as (typeof APPS)[number];
    const first = read(`${EX}/traces/gadget-network.ndjson`).split('\n')[0] as string;
    expect(first).toContain('"port":8080');
    // 600 distinct lines (distinct ports), then repeats of the first ten, then a repeated messy line
    const distinct = Array.from({ length: 600 }, (_, i) => first.replace('"port":8080', `"port":${1000 + i}`));
    const text = [...distinct, ...Array.from({ length: 300 }, (_, i) => distinct[i % 10]), ...Array.from({ length: 5 }, () => '{"type":"normal","pod":'), ''].join('\n');
    const file = 'unique-then-repeats.ndjson';
    const fast = observe(app, { [file]: text }, false);
    expect(fast).toEqual(observe(app, { [file]: text }, true));
    expect(fast.summary.starts).toBe(900);
    expect(fast.diagnostics.filter((d) => d.includes('NPC161'))).toHaveLength(5);
  });

  it('any trace made of fixture lines (every format, messy ones too) in any order and repeat', () => {
    const app = APPS[0] as (typeof APPS)[number];
    // NDJSON, plain and columns lines: a JSON array's lines mixed into others make other lines, equally compared
    const pool = traces(app.traces).flatMap((f) => read(f).split('\n').filter((l) => l !== ''));
    fc.assert(
      fc.property(fc.array(fc.nat({ max: pool.length - 1 }), { minLength: 1, maxLength: 120 }), (picks) => {
        const text = `${picks.map((i) => pool[i]).join('\n')}\n`;
        const file = 'generated.ndjson';
        expect(observe(app, { [file]: text }, false)).toEqual(observe(app, { [file]: text }, true));
      }),
      { numRuns: 60 },
    );
  });
});
