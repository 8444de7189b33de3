import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeIo } from '../../src/io/node-io.js';
import { runConnectivity } from '../../src/pipeline/connectivity.js';
import { loadInputs } from '../../src/pipeline/load.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { ConnectionSet } from '../../src/model/connection-set.js';
import { IntervalSet } from '../../src/model/interval-set.js';
import { formatRange, parseCidr, type IpRange } from '../../src/model/ip.js';
import { peerKey } from '../../src/model/peer.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { findNcaForTests } from '../helpers/nca.js';

/**
 * Our connectivity against nca's (`nca --connectivity -o txt_no_fw_rules`), pair by pair, on
 * every shared conformance connlist app that nca supports (no AdminNetworkPolicy or
 * BaselineAdminNetworkPolicy). Address ranges are refined into the common pieces of both answers.
 *
 * Left out of the comparison, with why:
 * - the ingress controller: nca simulates it as a pod (`ingress-controller-livesim`) that also
 *   takes part in plain connectivity, with L7 hosts; ours is `{ingress-controller}`, reaching only
 *   exposed backends. Both are models of something the manifests do not contain;
 * - nca's simulated kube-dns pods (`*-livesim`), which it adds when policies name kube-dns;
 * - pairs inside one static-pod group (nca folds a node's static pods into one endpoint).
 */
const CONNLIST = path.resolve(REPO_ROOT, '..', 'shared', 'conformance', 'connlist');

/**
 * Apps nca refuses to read, with its reason (our loader reports the same names as warnings and
 * analyses the rest, as netpol-analyzer does): nothing to compare.
 */
const NCA_REJECTS: Record<string, RegExp> = {
  // metadata.name "use_common_labels_same_values" is not a DNS subdomain name
  example_pods_w_same_owner_and_labels_gap_with_good_match_expression: /invalid DNS subdomain name/,
  example_pods_w_same_owner_and_labels_gap_with_policy_selector_not_in_gap: /invalid DNS subdomain name/,
};

function cases(): string[] {
  return readdirSync(CONNLIST)
    .filter((c) => (JSON.parse(readFileSync(path.join(CONNLIST, c, 'meta.json'), 'utf8')) as { category: string }).category !== 'anp')
    .sort();
}

type Pairs = Map<string, ConnectionSet>;

function parseNcaConn(text: string): ConnectionSet {
  if (/^All connections$/i.test(text.trim())) return ConnectionSet.ALL;
  let out = ConnectionSet.NONE;
  for (const m of text.matchAll(/\{protocols:([A-Z, ]+?)(?:,dst_ports:([0-9,-]+?))?(?:,hosts:[^}]*)?\}/g)) {
    const ports = m[2] ? IntervalSet.of(m[2].split(',').map((p) => { const [a, b] = p.split('-'); return [Number(a), Number(b ?? a)] as [number, number]; })) : IntervalSet.range(1, 65535);
    for (const p of (m[1] as string).split(',').map((s) => s.trim())) if (p === 'TCP' || p === 'UDP' || p === 'SCTP') out = out.union(ConnectionSet.of(p, ports));
  }
  return out;
}

/** `a.b.c.d-e.f.g.h` (possibly comma-separated) or `ns/name[Kind]`. */
function endpoints(text: string): ({ kind: 'workload'; key: string } | { kind: 'external'; range: IpRange })[] {
  if (/^[0-9.]+([-/,]|$)/.test(text)) {
    return text.split(',').map((r) => {
      const [lo, hi] = r.split('-') as [string, string | undefined];
      const a = parseCidr(lo) as IpRange;
      const b = hi ? (parseCidr(hi) as IpRange) : a;
      return { kind: 'external', range: { family: 4, lo: a.lo, hi: b.hi } };
    });
  }
  return [{ kind: 'workload', key: text }];
}

function addRefined(out: Pairs, src: ReturnType<typeof endpoints>[number], dst: ReturnType<typeof endpoints>[number], conns: ConnectionSet, cuts: readonly bigint[]): void {
  const pieces = (e: typeof src): string[] => {
    if (e.kind === 'workload') return [e.key];
    const keys: string[] = [];
    let lo = e.range.lo;
    for (const c of cuts) {
      if (c > lo && c <= e.range.hi) {
        keys.push(`${formatRange({ family: 4, lo, hi: c - 1n })}[External]`);
        lo = c;
      }
    }
    keys.push(`${formatRange({ family: 4, lo, hi: e.range.hi })}[External]`);
    return keys;
  };
  for (const s of pieces(src)) for (const d of pieces(dst)) {
    if (s === d) continue; // self-pairs are omitted (and pairs within one folded group)
    const k = `${s} => ${d}`;
    out.set(k, (out.get(k) ?? ConnectionSet.NONE).union(conns));
  }
}

const skipped = (key: string) => key.includes('{ingress-controller}') || /-livesim\[/.test(key);

describe('our connectivity equals nca 2.1.0 connectivity on the conformance apps it supports', () => {
  const nca = findNcaForTests();
  it.each(cases())('%s', (name) => {
    const input = path.join(CONNLIST, name, 'input');
    const ours = runConnectivity(nodeIo(), [input], DEFAULT_READ_SETTINGS).connectivity.connections;
    const r = spawnSync(nca, ['--connectivity', input, '-r', input, '-o', 'txt_no_fw_rules'], { encoding: 'utf8', timeout: 300_000 });
    const rejected = NCA_REJECTS[name];
    if (rejected) {
      expect(r.status).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`).toMatch(rejected);
      return;
    }
    expect(r.status, r.stderr).toBe(0);
    // nca names a static pod (owned by a Node) after its node; we keep each static pod a workload
    // of its own (DESIGN.md "Workloads and pods"): ours are folded under nca's name to compare
    const alias = new Map<string, string>();
    for (const w of loadInputs(nodeIo(), [input], DEFAULT_READ_SETTINGS).load.cluster.objects) {
      if (w.kind !== 'Pod') continue;
      const node = (w.object.metadata.ownerReferences ?? []).find((o) => o.kind === 'Node');
      const ns = w.object.metadata.namespace || 'default';
      if (node) alias.set(`${ns}/${w.object.metadata.name}[Pod]`, `${ns}/${node.name}[Node]`);
    }
    const ncaLines = r.stdout.split('\n').filter((l) => l.includes(' => '));
    // the cut points of both answers' address ranges
    const cutSet = new Set<bigint>();
    const raw: [ReturnType<typeof endpoints>, ReturnType<typeof endpoints>, ConnectionSet][] = [];
    for (const l of ncaLines) {
      const m = /^(\S+) => (\S+) : (.*)$/.exec(l.trim());
      if (!m) continue;
      const e = [endpoints(m[1] as string), endpoints(m[2] as string)] as const;
      raw.push([e[0], e[1], parseNcaConn(m[3] as string)]);
    }
    const name1 = (k: string) => alias.get(k) ?? k;
    const oursRaw = ours.map((c) => [endpoints(c.src.kind === 'external' ? formatRange(c.src.range) : name1(peerKey(c.src))), endpoints(c.dst.kind === 'external' ? formatRange(c.dst.range) : name1(peerKey(c.dst))), c.conns] as const);
    for (const [s, d] of [...raw, ...oursRaw]) for (const e of [...s, ...d]) if (e.kind === 'external') {
      cutSet.add(e.range.lo);
      cutSet.add(e.range.hi + 1n);
    }
    const cuts = [...cutSet].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const theirs: Pairs = new Map();
    const mine: Pairs = new Map();
    for (const [s, d, c] of raw) for (const a of s) for (const b of d) addRefined(theirs, a, b, c, cuts);
    for (const [s, d, c] of oursRaw) for (const a of s) for (const b of d) addRefined(mine, a, b, c, cuts);
    const diffs: string[] = [];
    for (const k of [...new Set([...theirs.keys(), ...mine.keys()])].sort()) {
      if (skipped(k)) continue;
      const a = mine.get(k) ?? ConnectionSet.NONE;
      const b = theirs.get(k) ?? ConnectionSet.NONE;
      if (!a.equals(b)) diffs.push(`${k} : ours ${a.toString()}, nca ${b.toString()}`);
    }
    expect(diffs).toEqual([]);
    expect(mine.size).toBeGreaterThan(0);
  });
});
