import type { Connectivity, PolicyEngine } from '../connectivity/engine.js';
import { explainPair, type ExplainedStep } from '../connectivity/explain.js';
import type { PodClass } from '../connectivity/classes.js';
import type { Cluster } from '../manifests/cluster.js';
import { ConnectionSet } from '../model/connection-set.js';
import { type IpRange } from '../model/ip.js';
import { peerKey, type Peer } from '../model/peer.js';
import { RuleMatcher } from './match.js';
import type { BaselineRule, DefaultDeny, RuleSet } from './rules.js';
import { compareViolations } from './compare.js';
import type { Cause, RuleRef, Violation, ViolationKind } from './violation.js';

/**
 * The built-in engine: each rule evaluated on the connectivity engine's answer.
 *
 * - deny: every allowed connection the rule matches is a violation, named with the policy rules
 *   that allow it;
 * - allow: every (source, destination) the rule covers whose connections are not all allowed is
 *   a violation, named with the policies that isolate the destination or the source;
 * - default: deny: every allowed connection (or part of it) no allow rule of the file covers.
 *
 * External address space is split at every boundary the policies mention (the engine's atoms),
 * so within one piece the answer is the same for every address; a rule's CIDR clips the piece.
 */
export function checkBaseline(cluster: Cluster, engine: PolicyEngine, connectivity: Connectivity, rules: RuleSet): Violation[] {
  const matcher = new RuleMatcher(cluster);
  // what the policies allow to and from outside addresses, by `src\0dst` key (allow rules naming addresses need it)
  let external: Map<string, ConnectionSet> | undefined;
  const conns = (): Map<string, ConnectionSet> => {
    if (!external) {
      external = new Map();
      for (const c of connectivity.connections) if (c.src.kind === 'external' || c.dst.kind === 'external') external.set(`${peerKey(c.src)}\u0000${peerKey(c.dst)}`, c.conns);
    }
    return external;
  };
  const out: Violation[] = [];
  const explainer = new Explainer(engine);
  // each connection's workload keys, once (a deny rule first filters on them, cheaply)
  const keys = connectivity.connections.map((c) => [c.src.kind === 'workload' ? matcher.keyOf(c.src.ref) : undefined, c.dst.kind === 'workload' ? matcher.keyOf(c.dst.ref) : undefined] as const);
  const sideFilter = (e: BaselineRule['from']): ((key: string | undefined, p: Peer) => boolean) => {
    if (e.kind === 'any') return (_k, p) => p.kind === 'workload' || p.kind === 'external';
    if (e.kind === 'cidr') return (_k, p) => p.kind === 'external';
    const set = matcher.workloads(e);
    return (k) => k !== undefined && set.has(k);
  };
  for (const rule of rules.rules) {
    const ref: RuleRef = { kind: 'rule', rule };
    if (rule.action === 'deny') {
      const fromOk = sideFilter(rule.from);
      const toOk = sideFilter(rule.to);
      for (let i = 0; i < connectivity.connections.length; i++) {
        const c = connectivity.connections[i] as Connectivity['connections'][number];
        const [sk, dk] = keys[i] as readonly [string | undefined, string | undefined];
        if (!fromOk(sk, c.src) || !toOk(dk, c.dst)) continue;
        const bad = c.conns.intersect(rule.conns);
        if (bad.isEmpty) continue;
        const p = matcher.pair(rule, c.src, c.dst);
        if (!p) continue;
        out.push(violation(ref, 'forbidden-allowed', p.src, p.dst, bad, explainer.causes(p.src, p.dst, bad, 'allows')));
      }
    } else {
      for (const { src, dst, allowed } of coveredPairs(rule, matcher, engine, conns)) {
        const missing = rule.conns.subtract(allowed);
        if (missing.isEmpty) continue;
        out.push(violation(ref, 'required-blocked', src, dst, missing, explainer.causes(src, dst, missing, 'blocks')));
      }
    }
  }
  for (const d of rules.defaults) out.push(...checkDefaultDeny(d, matcher, connectivity, explainer));
  return out.sort(compareViolations);
}

function violation(rule: RuleRef, kind: ViolationKind, src: Peer, dst: Peer, conns: ConnectionSet, causes: Cause[]): Violation {
  return { rule, kind, src, dst, conns, engine: 'builtin', causes };
}

/**
 * Every (source, destination) an allow rule covers, with what the policies allow between them.
 * Workload pairs are evaluated once per pair of pod classes (workloads whose pods the same
 * policies select behave the same).
 */
function* coveredPairs(
  rule: BaselineRule,
  matcher: RuleMatcher,
  engine: PolicyEngine,
  conns: () => ReadonlyMap<string, ConnectionSet>,
): Generator<{ src: Peer; dst: Peer; allowed: ConnectionSet }> {
  const srcs = [...matcher.workloads(rule.from)].sort();
  const dsts = [...matcher.workloads(rule.to)].sort();
  const memo = new Map<string, ConnectionSet>();
  const classesOf = (k: string): readonly PodClass[] => engine.classes.byWorkload.get(k) ?? [];
  const between = (s: string, d: string): ConnectionSet => {
    const sc = classesOf(s);
    const dc = classesOf(d);
    const key = `${sc.map((c) => c.id).join(',')}>${dc.map((c) => c.id).join(',')}`;
    let r = memo.get(key);
    if (!r) {
      r = ConnectionSet.NONE;
      for (const a of sc) for (const b of dc) r = r.union(engine.pairConns(a, b));
      memo.set(key, r);
    }
    return r;
  };
  for (const s of srcs) {
    const src = matcher.workload(s);
    if (!src) continue;
    for (const d of dsts) {
      if (s === d) continue;
      const dst = matcher.workload(d);
      if (!dst) continue;
      yield { src: { kind: 'workload', ref: src.ref }, dst: { kind: 'workload', ref: dst.ref }, allowed: between(s, d) };
    }
  }
  // address space outside the cluster: one piece per engine atom, clipped to the rule's CIDR
  const atoms = engine.atoms;
  const pieces = (side: BaselineRule['from']): { atom: IpRange; piece: IpRange }[] =>
    side.kind === 'pods' ? [] : atoms.flatMap((atom) => {
      const piece = matcher.narrow(side, { kind: 'external', range: atom });
      return piece && piece.kind === 'external' ? [{ atom, piece: piece.range }] : [];
    });
  for (const { atom, piece } of pieces(rule.from)) {
    for (const d of dsts) {
      const dst = matcher.workload(d);
      if (!dst) continue;
      const allowed = conns().get(`${peerKey({ kind: 'external', range: atom })}\u0000${d}`) ?? ConnectionSet.NONE;
      yield { src: { kind: 'external', range: piece }, dst: { kind: 'workload', ref: dst.ref }, allowed };
    }
  }
  for (const { atom, piece } of pieces(rule.to)) {
    for (const s of srcs) {
      const src = matcher.workload(s);
      if (!src) continue;
      const allowed = conns().get(`${s}\u0000${peerKey({ kind: 'external', range: atom })}`) ?? ConnectionSet.NONE;
      yield { src: { kind: 'workload', ref: src.ref }, dst: { kind: 'external', range: piece }, allowed };
    }
  }
}

/**
 * `default: deny` on another engine's connectivity (nca's): the same coverage, the connections
 * as that engine gives them, without the built-in explanations.
 */
export function checkDefaultDenyOn(cluster: Cluster, d: DefaultDeny, connections: Connectivity['connections'], engine: Violation['engine']): Violation[] {
  return checkDefaultDeny(d, new RuleMatcher(cluster), { connections, workloads: [], ipRanges: [] }, undefined).map((v) => ({ ...v, engine }));
}

/** Allowed connections of the file's scope that no allow rule of the file covers. */
function checkDefaultDeny(d: DefaultDeny, matcher: RuleMatcher, connectivity: Connectivity, explainer: Explainer | undefined): Violation[] {
  const ref: RuleRef = { kind: 'default-deny', file: d.file, origin: d.origin };
  const out: Violation[] = [];
  // cut external ranges at the allow rules' CIDR boundaries, so each piece is inside or outside each rule
  const cuts = d.allowRules.flatMap((r) => [r.from, r.to]).flatMap((e) => (e.kind === 'cidr' ? [e.range] : []));
  for (const c of connectivity.connections) {
    if (c.src.kind === 'ingress-controller' || c.src.kind === 'gateway' || c.dst.kind === 'gateway') continue;
    for (const src of splitPeer(c.src, cuts)) {
      for (const dst of splitPeer(c.dst, cuts)) {
        let rest = c.conns;
        for (const r of d.allowRules) {
          if (rest.isEmpty) break;
          if (matcher.pair(r, src, dst)) rest = rest.subtract(r.conns);
        }
        if (!rest.isEmpty) out.push(violation(ref, 'outside-allow-rules', src, dst, rest, explainer ? explainer.causes(src, dst, rest, 'allows') : []));
      }
    }
  }
  return out;
}

function splitPeer(p: Peer, cuts: readonly IpRange[]): Peer[] {
  if (p.kind !== 'external') return [p];
  const points = new Set<bigint>();
  for (const c of cuts) {
    if (c.family !== p.range.family) continue;
    if (c.lo > p.range.lo && c.lo <= p.range.hi) points.add(c.lo);
    if (c.hi >= p.range.lo && c.hi < p.range.hi) points.add(c.hi + 1n);
  }
  if (points.size === 0) return [p];
  const sorted = [...points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Peer[] = [];
  let lo = p.range.lo;
  for (const x of sorted) {
    out.push({ kind: 'external', range: { family: p.range.family, lo, hi: x - 1n } });
    lo = x;
  }
  out.push({ kind: 'external', range: { family: p.range.family, lo, hi: p.range.hi } });
  return out;
}

/** The policy rules behind a verdict, from the engine's verdict chain (connectivity/explain.ts). */
class Explainer {
  /** Explanations by the pod classes (or address atoms) of the pair: workloads of one class share them, and locating steps is not free. */
  private readonly cache = new Map<string, ReturnType<typeof explainPair>>();

  constructor(private readonly engine: PolicyEngine) {}

  private signature(p: Peer): string {
    if (p.kind === 'workload') return (this.engine.classes.byWorkload.get(peerKey(p)) ?? []).map((c) => c.id).join(',');
    if (p.kind === 'external') return `@${this.engine.atoms.findIndex((a) => a.family === p.range.family && a.lo <= p.range.lo && p.range.lo <= a.hi)}`;
    return p.kind;
  }

  private explain(src: Peer, dst: Peer): ReturnType<typeof explainPair> {
    const key = `${this.signature(src)}>${this.signature(dst)}`;
    if (!this.cache.has(key)) this.cache.set(key, explainPair(this.engine, src, dst));
    return this.cache.get(key);
  }

  causes(src: Peer, dst: Peer, conns: ConnectionSet, why: 'allows' | 'blocks'): Cause[] {
    const x = this.explain(src, dst);
    if (!x) return [];
    const out: Cause[] = [];
    const add = (steps: readonly ExplainedStep[] | undefined, direction: 'ingress' | 'egress') => {
      for (const s of steps ?? []) {
        const c = s.conns.intersect(conns);
        if (c.isEmpty) continue;
        if (why === 'allows' && s.verdict === 'Allow') {
          out.push({ verdict: s.policy ? 'allows' : 'unrestricted', direction, ...(s.policy ? { policy: s.policy } : {}), ...(s.at ? { at: s.at } : {}), conns: c });
        }
        if (why === 'blocks' && (s.verdict === 'Isolated' || s.verdict === 'Deny')) {
          out.push({ verdict: s.verdict === 'Isolated' ? 'isolates' : 'denies', direction, ...(s.policy ? { policy: s.policy } : {}), ...(s.at ? { at: s.at } : {}), conns: c });
        }
      }
    };
    add(x.egress, 'egress');
    add(x.ingress, 'ingress');
    return out;
  }
}
