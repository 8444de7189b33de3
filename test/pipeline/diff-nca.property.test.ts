import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { nodeIo } from '../../src/io/node-io.js';
import { ConnectionSet, parseConns } from '../../src/model/connection-set.js';
import { runDiff } from '../../src/pipeline/diff.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { renderDiffJson } from '../../src/report/diff.js';
import { findNcaForTests } from '../helpers/nca.js';
import { differingPairs, parseListing, type Row } from '../helpers/peer-pairs.js';
import { ncaForm, type Doc } from '../helpers/random-config.js';
import { applyMutation, randomPullRequest, type MutationKind } from '../helpers/random-pr.js';

/**
 * Random pull requests (test/helpers/random-pr.ts: a random configuration and one realistic edit
 * of it) through our `diff --format json` and through nca 2.1.0's `--semantic_diff`, compared in
 * one shape: per pair of endpoints (external addresses cut into the pieces both answers cut
 * them into), the connections the PR grants and the connections it takes away, and which
 * workloads the PR added or removed.
 *
 * nca says what changed, not what was there before: it lists lost and new connections per
 * category (removed peers, persistent peers, added peers, ipBlocks). Our entries carry both sides
 * (`ref1`, `ref2`); gained is ref2 minus ref1, lost is ref1 minus ref2, and the two must agree
 * pair by pair. A workload nca counts among its "removed peers" ("added peers") must be one our
 * `workloads_diff_info` names as removed (added), and the other way round.
 *
 * Deliberate differences, both of naming, not of meaning:
 * - nca reads the configuration in `ncaForm` (test/helpers/random-config.ts: its four readings
 *   that differ from Kubernetes'), and the first property checks that ours gives the same diff
 *   for both forms, so the comparison is of the same PR;
 * - nca adds simulated pods (`kube-system/kube-dns-livesim`) that are not in the manifests: their
 *   pairs are left out.
 *
 * FC_NUM_RUNS (in-process property), FC_PEER_RUNS (two nca analyses each, about half a second)
 * and FC_SEED override the defaults.
 */
const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 200);
const PEER_RUNS = Number(process.env.FC_PEER_RUNS ?? 40);
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;

const toYaml = (docs: readonly Doc[]): string => docs.map((d) => stringify(d, { aliasDuplicateObjects: false })).join('---\n');

function write(dir: string, docs: readonly Doc[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'all.yaml'), toYaml(docs));
}

interface JsonDiff {
  added_workloads: string[];
  removed_workloads: string[];
  entries: { diff_type: string; src: string; dst: string; ref1: string; ref2: string; workloads_diff_info?: string }[];
}

function oursJson(before: string, after: string): JsonDiff {
  const out = runDiff(nodeIo(), { kind: 'paths', before, after }, DEFAULT_READ_SETTINGS);
  return JSON.parse(renderDiffJson({ diff: out.diff, refs: { before: 'base', after: 'head' } })) as JsonDiff;
}

/** One comparable shape of a semantic diff. */
interface Delta {
  readonly gained: Row[];
  readonly lost: Row[];
}

const conns = (text: string): ConnectionSet => {
  const c = parseConns(text);
  if (c === undefined) throw new Error(`unreadable connections: ${text}`);
  return c;
};
const row = (src: string, dst: string, c: ConnectionSet): Row[] => (c.isEmpty ? [] : parseListing(`${src} => ${dst} : ${c.toString()}`, 'netpol-analyzer'));

/** Gained and lost per pair, and the workloads our entries name as added or removed. */
function ourDelta(d: JsonDiff): Delta & { readonly oneSided: { readonly added: Set<string>; readonly removed: Set<string> } } {
  const gained: Row[] = [];
  const lost: Row[] = [];
  const added = new Set<string>();
  const removed = new Set<string>();
  for (const e of d.entries) {
    const [a, b] = [conns(e.ref1), conns(e.ref2)];
    gained.push(...row(e.src, e.dst, b.subtract(a)));
    lost.push(...row(e.src, e.dst, a.subtract(b)));
    // `workload X added`, `workload X and Y removed`
    const m = /^workload (.+) (added|removed)$/.exec(e.workloads_diff_info ?? '');
    if (m) for (const w of (m[1] as string).split(' and ')) (m[2] === 'added' ? added : removed).add(w);
  }
  return { gained, lost, oneSided: { added, removed } };
}

const NCA_HEADER = /^(Lost|Removed|Added|New) connections between (.*) \(based on topology from config: .*\) :$/;
const isSimulated = (name: string) => /-livesim\[/.test(name);
const isWorkload = (name: string) => !name.includes('[External]') && !/^[0-9.]+[-/,]/.test(name) && !isSimulated(name);

/** One line of nca's answer, with the category it was listed under. */
interface NcaLine {
  readonly category: string;
  readonly src: string;
  readonly dst: string;
}

/** nca's `txt_no_fw_rules` semantic diff: `src => dst : conns` lines under one header per category. */
function ncaDelta(stdout: string): Delta & { readonly lines: NcaLine[] } {
  const gained: Row[] = [];
  const lost: Row[] = [];
  const lines: NcaLine[] = [];
  let header: RegExpExecArray | undefined;
  for (const line of stdout.split('\n')) {
    const h = NCA_HEADER.exec(line.trim());
    if (h) {
      header = h;
      continue;
    }
    const rows = parseListing(line, 'nca');
    if (rows.length === 0 || !header) continue;
    (header[1] === 'Added' || header[1] === 'New' ? gained : lost).push(...rows);
    const m = /^(\S+) => (\S+) : /.exec(line.trim()) as RegExpExecArray;
    lines.push({ category: header[2] as string, src: m[1] as string, dst: m[2] as string });
  }
  return { gained, lost, lines };
}

/**
 * The differences between our diff and nca's. Connections: gained and lost must be equal per
 * pair. Workloads: nca sorts each line into a category by the peers' existence ("removed peers",
 * "removed peers and persistent peers", "persistent peers", ...); a line of a removed (added)
 * category must have its workload endpoints among the workloads our entries name as removed
 * (added), both of them when the category is between removed (added) peers only, none of a
 * persistent category; and every workload we name must be in one of nca's lines of its category.
 */
function compare(ours: ReturnType<typeof ourDelta>, theirs: ReturnType<typeof ncaDelta>): string[] {
  const out = [
    ...differingPairs(ours.gained, theirs.gained, isSimulated).map((d) => `gained ${d}`),
    ...differingPairs(ours.lost, theirs.lost, isSimulated).map((d) => `lost ${d}`),
  ];
  const seen = { added: new Set<string>(), removed: new Set<string>() };
  for (const l of theirs.lines) {
    const ends = [l.src, l.dst].filter(isWorkload);
    const side = /removed peers/.test(l.category) ? 'removed' : /added peers/.test(l.category) ? 'added' : undefined;
    if (!side) {
      const wrong = ends.filter((w) => ours.oneSided.added.has(w) || ours.oneSided.removed.has(w));
      if (wrong.length > 0) out.push(`nca "${l.category}" ${l.src} => ${l.dst}: we name ${wrong.join(', ')} added or removed`);
      continue;
    }
    const named = ends.filter((w) => ours.oneSided[side].has(w));
    for (const w of named) seen[side].add(w);
    const only = new RegExp(`^${side} peers$`).test(l.category);
    if (named.length === 0 || (only && named.length < ends.length)) out.push(`nca "${l.category}" ${l.src} => ${l.dst}: we name ${named.join(', ') || 'none'} ${side}`);
  }
  for (const side of ['added', 'removed'] as const) {
    for (const w of ours.oneSided[side]) if (!seen[side].has(w)) out.push(`we name ${w} ${side}; nca lists it under no "${side} peers" category`);
  }
  return out;
}

function withDir<T>(prefix: string, f: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    return f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('random pull requests: our semantic diff against nca --semantic_diff', () => {
  it('ours gives the same diff for a PR and for its nca form', () => {
    withDir('netpol-ci-pr-form-', (dir) => {
      const [b, h, nb, nh] = ['b', 'h', 'nb', 'nh'].map((x) => path.join(dir, x)) as [string, string, string, string];
      fc.assert(
        fc.property(randomPullRequest, ({ base, mutation }) => {
          const { head } = applyMutation(base, mutation);
          write(b, base);
          write(h, head);
          write(nb, ncaForm(base));
          write(nh, ncaForm(head));
          const x = oursJson(b, h);
          const y = oursJson(nb, nh);
          expect(differingPairs(ourDelta(x).gained, ourDelta(y).gained)).toEqual([]);
          expect(differingPairs(ourDelta(x).lost, ourDelta(y).lost)).toEqual([]);
          expect([x.added_workloads, x.removed_workloads]).toEqual([y.added_workloads, y.removed_workloads]);
        }),
        { numRuns: NUM_RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    });
  }, 300_000);

  it('our diff equals nca 2.1.0 --semantic_diff, pair by pair, on every kind of edit', () => {
    const nca = findNcaForTests();
    const kinds = new Map<MutationKind, number>();
    let changedPairs = 0;
    withDir('netpol-ci-pr-nca-', (dir) => {
      const [b, h, nb, nh] = ['b', 'h', 'nb', 'nh'].map((x) => path.join(dir, x)) as [string, string, string, string];
      fc.assert(
        fc.property(randomPullRequest, ({ base, mutation }) => {
          const { head, applied } = applyMutation(base, mutation);
          if (applied) kinds.set(mutation.kind, (kinds.get(mutation.kind) ?? 0) + 1);
          write(b, base);
          write(h, head);
          write(nb, ncaForm(base));
          write(nh, ncaForm(head));
          const ours = oursJson(b, h);
          changedPairs += ours.entries.length;
          const r = spawnSync(nca, ['--semantic_diff', nh, '-r', nh, '--base_np_list', nb, '-rb', nb, '-o', 'txt_no_fw_rules'], { encoding: 'utf8', timeout: 120_000 });
          // nca exits 0 when equivalent, 1 when it found a difference
          expect([0, 1], r.stderr).toContain(r.status);
          const diffs = compare(ourDelta(ours), ncaDelta(r.stdout));
          if (diffs.length > 0) {
            // kept for a look: both sides as ours read them, and nca's forms
            const kept = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-pr-nca-diff-'));
            for (const [name, docs] of [['base.yaml', base], ['head.yaml', head], ['nca-base.yaml', ncaForm(base)], ['nca-head.yaml', ncaForm(head)]] as const) writeFileSync(path.join(kept, name), toYaml(docs));
            writeFileSync(path.join(kept, 'mutation.json'), `${JSON.stringify(mutation, null, 2)}\n`);
            diffs.unshift(`(ours | nca; ${mutation.kind}; PR kept in ${kept})`);
          }
          expect(diffs).toEqual([]);
        }),
        // no shrinking: each step is two more nca analyses; the case is kept instead
        { numRuns: PEER_RUNS, endOnFailure: true, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    });
    // the PRs are not all no-ops: most edit kinds were applied, and some changed connectivity
    expect(kinds.size).toBeGreaterThanOrEqual(Math.min(10, Math.floor(PEER_RUNS / 3)));
    expect(changedPairs).toBeGreaterThan(0);
  }, 600_000);
});
