import { ConnectionSet } from '../model/connection-set.js';
import { IntervalSet } from '../model/interval-set.js';
import type { IpRange } from '../model/ip.js';
import { peerKey, type Peer } from '../model/peer.js';
import { ruleRefKey, ruleRefOrigin, type RuleRef, type Violation } from './violation.js';

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function peerOrder(p: Peer): string {
  // address ranges sort by value, not by text
  return p.kind === 'external' ? `~${p.range.family}:${p.range.lo.toString(16).padStart(32, '0')}` : peerKey(p);
}

/** Rules in file order: file, document, line (numerically). */
export function compareRuleRefs(a: RuleRef, b: RuleRef): number {
  const x = ruleRefOrigin(a);
  const y = ruleRefOrigin(b);
  return cmp(x.file, y.file) || x.doc - y.doc || (x.line ?? 0) - (y.line ?? 0) || cmp(ruleRefKey(a), ruleRefKey(b));
}

/** Rule (file, line), then source, destination. */
export function compareViolations(a: Violation, b: Violation): number {
  return compareRuleRefs(a.rule, b.rule) || cmp(peerOrder(a.src), peerOrder(b.src)) || cmp(peerOrder(a.dst), peerOrder(b.dst)) || cmp(a.engine, b.engine);
}

/** Where the two engines answer a rule differently. */
export interface Disagreement {
  readonly rule: RuleRef;
  /** Whether each engine says the rule holds. */
  readonly builtinHolds: boolean;
  readonly ncaHolds: boolean;
  /** Every (source, destination) whose violating connections differ, with each engine's answer. */
  readonly pairs: readonly DisagreeingPair[];
  /** The smallest pair that differs: one source, one destination, one protocol and port. */
  readonly witness: DisagreeingPair;
}

export interface DisagreeingPair {
  readonly src: Peer;
  readonly dst: Peer;
  /** The violating connections each engine reports for the pair (empty = no violation). */
  readonly builtin: ConnectionSet;
  readonly nca: ConnectionSet;
}

/**
 * The two engines' violations of one rule, compared pair by pair. Address ranges are refined
 * into the common pieces of both answers first (each engine splits external space its own way).
 */
export function compareEngines(rule: RuleRef, builtin: readonly Violation[], nca: readonly Violation[]): Disagreement | undefined {
  const ranges = [...builtin, ...nca].flatMap((v) => [v.src, v.dst]).flatMap((p) => (p.kind === 'external' ? [p.range] : []));
  const cuts = boundaries(ranges);
  const collect = (vs: readonly Violation[]) => {
    const m = new Map<string, { src: Peer; dst: Peer; conns: ConnectionSet }>();
    for (const v of vs) {
      for (const src of refine(v.src, cuts)) {
        for (const dst of refine(v.dst, cuts)) {
          const k = `${peerOrder(src)}\u0000${peerOrder(dst)}`;
          const cur = m.get(k);
          m.set(k, { src, dst, conns: cur ? cur.conns.union(v.conns) : v.conns });
        }
      }
    }
    return m;
  };
  const a = collect(builtin);
  const b = collect(nca);
  const pairs: DisagreeingPair[] = [];
  for (const k of [...new Set([...a.keys(), ...b.keys()])].sort(cmp)) {
    const x = a.get(k);
    const y = b.get(k);
    const bc = x?.conns ?? ConnectionSet.NONE;
    const nc = y?.conns ?? ConnectionSet.NONE;
    if (bc.equals(nc)) continue;
    const any = (x ?? y) as { src: Peer; dst: Peer };
    pairs.push({ src: any.src, dst: any.dst, builtin: bc, nca: nc });
  }
  if (pairs.length === 0) return undefined;
  return { rule, builtinHolds: builtin.length === 0, ncaHolds: nca.length === 0, pairs, witness: smallest(pairs) };
}

/** The pair with the fewest differing connections, narrowed to its first differing protocol and port. */
function smallest(pairs: readonly DisagreeingPair[]): DisagreeingPair {
  let best: { p: DisagreeingPair; size: number } | undefined;
  for (const p of pairs) {
    const diff = p.builtin.subtract(p.nca).union(p.nca.subtract(p.builtin));
    let size = 0;
    for (const [, ports] of diff.entries()) size += ports.size;
    if (!best || size < best.size) best = { p, size };
  }
  const p = (best as { p: DisagreeingPair }).p;
  const diff = p.builtin.subtract(p.nca).union(p.nca.subtract(p.builtin));
  const [proto, ports] = diff.entries().next().value as [Parameters<typeof ConnectionSet.of>[0], IntervalSet];
  const first = ports.intervals().next().value as [number, number];
  const one = ConnectionSet.port(proto, first[0]);
  return { src: narrowPeer(p.src), dst: narrowPeer(p.dst), builtin: p.builtin.intersect(one), nca: p.nca.intersect(one) };
}

function narrowPeer(p: Peer): Peer {
  return p.kind === 'external' ? { kind: 'external', range: { family: p.range.family, lo: p.range.lo, hi: p.range.lo } } : p;
}

function boundaries(ranges: readonly IpRange[]): Map<number, bigint[]> {
  const m = new Map<number, Set<bigint>>();
  for (const r of ranges) {
    let s = m.get(r.family);
    if (!s) m.set(r.family, (s = new Set()));
    s.add(r.lo);
    s.add(r.hi + 1n);
  }
  return new Map([...m].map(([f, s]) => [f, [...s].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))]));
}

function refine(p: Peer, cuts: ReadonlyMap<number, readonly bigint[]>): Peer[] {
  if (p.kind !== 'external') return [p];
  const out: Peer[] = [];
  let lo = p.range.lo;
  for (const c of cuts.get(p.range.family) ?? []) {
    if (c > lo && c <= p.range.hi) {
      out.push({ kind: 'external', range: { family: p.range.family, lo, hi: c - 1n } });
      lo = c;
    }
  }
  out.push({ kind: 'external', range: { family: p.range.family, lo, hi: p.range.hi } });
  return out;
}
