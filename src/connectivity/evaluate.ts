import { ConnectionSet } from '../model/connection-set.js';
import type { BoundRule, DirectionRules, EvalPeer } from './binding.js';
import type { PodClass } from './classes.js';
import type { Policy, PortMatcher } from './policy.js';

/** One step of a verdict chain, for explanations: `[ANP] Pass -> [NP] Allow`. */
export interface VerdictStep {
  readonly layer: 'ANP' | 'NP' | 'BANP' | 'default';
  readonly verdict: 'Allow' | 'Deny' | 'Pass' | 'Isolated';
  readonly rule?: BoundRule['rule'];
  readonly policy?: Policy;
  readonly conns: ConnectionSet;
}

/** A rule's ports for one destination: named ports resolve against the destination pods' container ports. */
function resolvePorts(ports: PortMatcher, dst: EvalPeer): ConnectionSet {
  if (ports.named.length === 0 || dst.kind === 'atom') return ports.fixed;
  let out = ports.fixed;
  const named = ports.named;
  const declared = dst.cls.ports;
  for (let i = 0; i < named.length; i++) {
    const np = named[i] as PortMatcher['named'][number];
    for (let j = 0; j < declared.length; j++) {
      const p = declared[j] as PodClass['ports'][number];
      if (p.name === np.name && (np.protocol === undefined || p.protocol === np.protocol)) out = out.union(ConnectionSet.port(p.protocol, p.port));
    }
  }
  return out;
}

function matches(b: BoundRule, peer: EvalPeer): boolean {
  return peer.kind === 'class' ? b.classes.has(peer.cls.id) : b.atoms.has(peer.atom);
}

const adminVerdict = (action: BoundRule['rule']['action']) => (action === 'allow' ? 'Allow' : action === 'deny' ? 'Deny' : 'Pass');

/**
 * What `subject` allows in one direction with `peer`, given the rules that apply to it (`dr`;
 * undefined when no policy selects it), layered as the network-policy-api says: admin rules by
 * priority (Allow and Deny final, Pass goes on), then NetworkPolicies if any selects the subject,
 * else baseline rules, else allow. With `trace`, each deciding step is recorded.
 */
export function evaluateRules(dr: DirectionRules | undefined, subject: PodClass, direction: 'ingress' | 'egress', peer: EvalPeer, trace?: VerdictStep[]): ConnectionSet {
  if (!dr) {
    trace?.push({ layer: 'default', verdict: 'Allow', conns: ConnectionSet.ALL });
    return ConnectionSet.ALL;
  }
  const dst: EvalPeer = direction === 'ingress' ? { kind: 'class', cls: subject } : peer;
  let allowed = ConnectionSet.NONE;
  let undecided = ConnectionSet.ALL;
  let passed = ConnectionSet.NONE;
  // indexed loops here and below: until V8 optimises this function (it runs once per evaluated
  // pair), a for-of allocates an iterator and a result object per step
  const admin = dr.admin;
  for (let i = 0; i < admin.length; i++) {
    const b = admin[i] as BoundRule;
    if (undecided.isEmpty) break;
    if (!matches(b, peer)) continue;
    const conns = resolvePorts(b.rule.ports, dst).intersect(undecided);
    if (conns.isEmpty) continue;
    undecided = undecided.subtract(conns);
    if (b.rule.action === 'allow') allowed = allowed.union(conns);
    else if (b.rule.action === 'pass') passed = passed.union(conns);
    trace?.push({ layer: 'ANP', verdict: adminVerdict(b.rule.action), rule: b.rule, policy: b.policy, conns });
  }
  let rest = undecided.union(passed);
  if (rest.isEmpty) return allowed;
  if (dr.isolatedBy.length > 0) {
    let npAllowed = ConnectionSet.NONE;
    const np = dr.np;
    for (let i = 0; i < np.length; i++) {
      const b = np[i] as BoundRule;
      if (!matches(b, peer)) continue;
      const conns = resolvePorts(b.rule.ports, dst).intersect(rest);
      if (conns.isEmpty) continue;
      npAllowed = npAllowed.union(conns);
      trace?.push({ layer: 'NP', verdict: 'Allow', rule: b.rule, policy: b.policy, conns });
    }
    const denied = rest.subtract(npAllowed);
    if (trace && !denied.isEmpty) for (const policy of dr.isolatedBy) trace.push({ layer: 'NP', verdict: 'Isolated', conns: denied, policy });
    return allowed.union(npAllowed);
  }
  const baseline = dr.baseline;
  for (let i = 0; i < baseline.length; i++) {
    const b = baseline[i] as BoundRule;
    if (rest.isEmpty) break;
    if (!matches(b, peer)) continue;
    const conns = resolvePorts(b.rule.ports, dst).intersect(rest);
    if (conns.isEmpty) continue;
    rest = rest.subtract(conns);
    // A baseline-tier Pass skips the remaining baseline rules: the default (allow) applies.
    if (b.rule.action !== 'deny') allowed = allowed.union(conns);
    trace?.push({ layer: 'BANP', verdict: adminVerdict(b.rule.action), rule: b.rule, policy: b.policy, conns });
  }
  if (trace && !rest.isEmpty) trace.push({ layer: 'default', verdict: 'Allow', conns: rest });
  return allowed.union(rest);
}

/**
 * Verdicts remembered per subject and direction by the set of its rules that the peer matches.
 * The answer depends on the peer only through which rules match it, and through named ports,
 * which resolve against the destination: the subject itself on ingress (fixed), the peer on
 * egress (then nothing is remembered). Thousands of peers of one subject usually match the same
 * few rules, so they share one evaluation.
 */
export class VerdictMemo {
  /** By subject class id, then direction (0 ingress, 1 egress). */
  private readonly bySubject: ({ readonly peerPorts: boolean; readonly results: Map<number | string, ConnectionSet> } | undefined)[] = [];

  evaluate(dr: DirectionRules, subject: PodClass, direction: 'ingress' | 'egress', peer: EvalPeer): ConnectionSet {
    const slot = subject.id * 2 + (direction === 'egress' ? 1 : 0);
    let memo = this.bySubject[slot];
    if (!memo) {
      const peerPorts = direction === 'egress' && [dr.admin, dr.np, dr.baseline].some((list) => list.some((b) => b.rule.ports.named.length > 0));
      memo = { peerPorts, results: new Map() };
      this.bySubject[slot] = memo;
    }
    if (memo.peerPorts) return evaluateRules(dr, subject, direction, peer);
    const key = matchSignature(dr, peer);
    let out = memo.results.get(key);
    if (out === undefined) {
      out = evaluateRules(dr, subject, direction, peer);
      memo.results.set(key, out);
    }
    return out;
  }
}

/** Which of the rules (admin, then NetworkPolicy, then baseline) match the peer: a bit mask while they fit in 31 bits, else their indices. */
function matchSignature(dr: DirectionRules, peer: EvalPeer): number | string {
  const n = dr.admin.length + dr.np.length + dr.baseline.length;
  if (n <= 31) return maskOf(dr.baseline, peer, maskOf(dr.np, peer, maskOf(dr.admin, peer, 0, 0), dr.admin.length), dr.admin.length + dr.np.length);
  const hits: number[] = [];
  let i = 0;
  for (const list of [dr.admin, dr.np, dr.baseline]) {
    for (const b of list) {
      if (matches(b, peer)) hits.push(i);
      i++;
    }
  }
  return hits.join(',');
}

/** `mask` with bit `first + i` set for each rule i of `list` that matches the peer (no allocation: this runs per evaluated pair). */
function maskOf(list: readonly BoundRule[], peer: EvalPeer, mask: number, first: number): number {
  for (let i = 0; i < list.length; i++) if (matches(list[i] as BoundRule, peer)) mask |= 1 << (first + i);
  return mask;
}
