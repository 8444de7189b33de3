import { appendAll } from '../model/append.js';
import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { type Cluster, type WorkloadRef, workloadKey, compareStrings } from '../manifests/cluster.js';
import { originRef } from '../manifests/objects.js';
import { Bitset } from './bitset.js';
import { PodClasses, type PodClass } from './classes.js';
import { ConnectionSet } from '../model/connection-set.js';
import { ingressExposure, type IngressExposure } from './exposure.js';
import { atomize, rangeContains, type IpFamily, type IpRange } from '../model/ip.js';
import { compilePolicies, sortPolicies, type Direction, type Policy, type PortMatcher, type Rule } from './policy.js';

export { peerKey, type Peer } from '../model/peer.js';
import { peerKey, type Peer } from '../model/peer.js';

export interface Connection {
  readonly src: Peer;
  readonly dst: Peer;
  readonly conns: ConnectionSet;
}

export interface Connectivity {
  /** Non-empty connections, sorted by source then destination key. */
  readonly connections: readonly Connection[];
  readonly workloads: readonly WorkloadRef[];
  /** IP boundaries in play (for refining the address space of a diff). */
  readonly ipRanges: readonly IpRange[];
}

const IC_KEY_OBJECT = {};

export interface EngineOptions {
  /**
   * The address families of the cluster. Manifests do not say whether a cluster is IPv4, IPv6
   * or dual-stack; the default is IPv4, as netpol-analyzer assumes.
   */
  readonly ipFamilies?: readonly IpFamily[];
}

/** A peer as the evaluator sees it: a pod class or an external address atom. */
type EvalPeer = { readonly kind: 'class'; readonly cls: PodClass } | { readonly kind: 'atom'; readonly atom: number };

interface BoundRule {
  readonly rule: Rule;
  readonly policy: Policy;
  /** Class ids the rule's peers match. */
  readonly classes: Bitset;
  /** Atom ids the rule's peers match. */
  readonly atoms: Bitset;
}

interface DirectionRules {
  readonly admin: BoundRule[];
  readonly np: BoundRule[];
  readonly baseline: BoundRule[];
  /** NetworkPolicies that select the pod for this direction; if any, they decide what admin rules pass. */
  readonly isolatedBy: Policy[];
}

/** One step of a verdict chain, for explanations: `[ANP] Pass -> [NP] Allow`. */
export interface VerdictStep {
  readonly layer: 'ANP' | 'NP' | 'BANP' | 'default';
  readonly verdict: 'Allow' | 'Deny' | 'Pass' | 'Isolated';
  readonly rule?: BoundRule['rule'];
  readonly policy?: Policy;
  readonly conns: ConnectionSet;
}

/**
 * The compiled evaluator: policies bound to pod classes and address atoms. `evaluate` answers one
 * (subject, direction, peer) question; `connectivity` enumerates every allowed pair, visiting
 * only candidate pairs that some rule or an unisolated side makes possible.
 */
export class PolicyEngine {
  readonly classes: PodClasses;
  readonly atoms: IpRange[];
  readonly exposure: IngressExposure;
  readonly policies: readonly Policy[];
  private readonly rules: Map<number, Record<Direction, DirectionRules>> = new Map();
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly cluster: Cluster,
    readonly options: EngineOptions = {},
  ) {
    const compiled = compilePolicies(cluster.objects);
    appendAll(this.diagnostics, compiled.diagnostics);
    this.policies = sortPolicies(compiled.policies);
    const exp = ingressExposure(cluster);
    this.exposure = exp.exposure;
    appendAll(this.diagnostics, exp.diagnostics);
    this.classes = new PodClasses(cluster, this.exposure.ports.size > 0);
    this.families = options.ipFamilies ?? [4];
    this.warnOtherFamilies();
    this.atoms = atomize(this.ipRanges, this.families);
    this.bind();
  }

  readonly families: readonly IpFamily[];

  /** The parts of `range` that lie in different atoms, each clipped to the range. */
  atomsWithin(range: IpRange): IpRange[] {
    return this.atoms
      .filter((a) => a.family === range.family && a.hi >= range.lo && a.lo <= range.hi)
      .map((a) => ({ family: a.family, lo: a.lo > range.lo ? a.lo : range.lo, hi: a.hi < range.hi ? a.hi : range.hi }));
  }

  private ipRangesCache: IpRange[] | undefined;

  /** Every address range the policies mention, in the analysed families. */
  get ipRanges(): IpRange[] {
    if (!this.ipRangesCache) {
      const out: IpRange[] = [];
      for (const p of this.policies)
        for (const d of ['ingress', 'egress'] as const)
          for (const r of p.rules[d]) for (const m of r.peers) if (m.kind === 'ip') for (const x of [...m.include, ...m.exclude]) if (this.families.includes(x.family)) out.push(x);
      this.ipRangesCache = out;
    }
    return this.ipRangesCache;
  }

  /** A range of a family that is not analysed matches nothing; say so once per rule. */
  private warnOtherFamilies(): void {
    for (const p of this.policies)
      for (const d of ['ingress', 'egress'] as const)
        for (const r of p.rules[d]) {
          const other = r.peers.flatMap((m) => (m.kind === 'ip' ? [...m.include, ...m.exclude] : [])).filter((x) => !this.families.includes(x.family));
          if (other.length === 0) continue;
          this.diagnostics.push(
            diag(
              Codes.unsupportedValue,
              'warning',
              `IPv${other[0]?.family} ranges are outside the analysed address space; they match nothing`,
              originRef(p.origin, ['spec', d, r.ref.index]),
              `use --ip-family ${other[0]?.family === 6 ? 'dual' : '4'} to analyse them`,
            ),
          );
        }
  }

  private rulesOf(cls: PodClass): Record<Direction, DirectionRules> {
    let r = this.rules.get(cls.id);
    if (!r) {
      r = {
        ingress: { admin: [], np: [], baseline: [], isolatedBy: [] },
        egress: { admin: [], np: [], baseline: [], isolatedBy: [] },
      };
      this.rules.set(cls.id, r);
    }
    return r;
  }

  private bind(): void {
    const nClasses = this.classes.all.length;
    const nAtoms = this.atoms.length;
    const allClasses = Bitset.full(nClasses);
    const allAtoms = Bitset.full(nAtoms);
    const noAtoms = Bitset.empty(nAtoms);
    const noClasses = Bitset.empty(nClasses);
    // rules with the same peers share one bitset (a cluster has far fewer distinct selectors than rules)
    const selected = new Map<readonly number[], Bitset>();
    const classSet = (ids: readonly number[]) => {
      let b = selected.get(ids);
      if (!b) selected.set(ids, (b = Bitset.of(nClasses, ids)));
      return b;
    };
    const bindRule = (rule: Rule, policy: Policy): BoundRule => {
      if (rule.peers.some((p) => p.kind === 'any')) return { rule, policy, classes: allClasses, atoms: allAtoms };
      const classParts: Bitset[] = [];
      let atoms = noAtoms;
      for (const peer of rule.peers) {
        if (peer.kind === 'pods') classParts.push(classSet(this.classes.select(peer.namespaces, peer.pods)));
        else if (peer.kind === 'ip') {
          const ids = this.atoms.flatMap((atom, i) =>
            peer.include.some((r) => rangeContains(r, atom)) && !peer.exclude.some((r) => rangeContains(r, atom)) ? [i] : [],
          );
          atoms = atoms.union(Bitset.of(nAtoms, ids));
        }
      }
      const classes = classParts.length === 0 ? noClasses : classParts.length === 1 ? (classParts[0] as Bitset) : classParts.reduce((a, b) => a.union(b));
      return { rule, policy, classes, atoms };
    };
    for (const policy of this.policies) {
      const subjects = this.classes.select(policy.subject.namespaces, policy.subject.pods);
      for (const direction of ['ingress', 'egress'] as const) {
        if (!policy.governs[direction]) continue;
        const bound = policy.rules[direction].map((r) => bindRule(r, policy));
        const subjectIds = subjects.filter((id) => !(this.classes.all[id] as PodClass).ingressController);
        for (const id of subjectIds) {
          const dr = this.rulesOf(this.classes.all[id] as PodClass)[direction];
          const list = policy.layer === 'admin' ? dr.admin : policy.layer === 'np' ? dr.np : dr.baseline;
          for (const b of bound) list.push(b);
          if (policy.layer === 'np') dr.isolatedBy.push(policy);
        }
        if (direction === 'ingress' && policy.layer !== 'baseline') {
          for (const b of bound) if (b.rule.action !== 'deny') this.ingressAllowers.push({ classes: b.classes, subjects: subjectIds });
        }
        this.warnUnresolvedNamedPorts(bound, subjects, direction);
      }
    }
  }

  /** Ingress rules that may allow (NetworkPolicy and admin Allow/Pass) with the classes they select: the inverse index for open sources. */
  private readonly ingressAllowers: { readonly classes: Bitset; readonly subjects: readonly number[] }[] = [];

  private warnUnresolvedNamedPorts(bound: readonly BoundRule[], subjects: readonly number[], direction: Direction): void {
    for (const b of bound) {
      const dsts = direction === 'ingress' ? subjects : [...b.classes];
      for (const np of b.rule.ports.named) {
        const resolved = dsts.some((id) => (this.classes.all[id] as PodClass).ports.some((p) => p.name === np.name && (np.protocol === undefined || p.protocol === np.protocol)));
        if (!resolved) {
          this.diagnostics.push(
            diag(
              Codes.unresolvedNamedPort,
              'warning',
              `named port "${np.name}" matches no container port of the ${direction === 'ingress' ? 'selected pods' : 'destination pods'}; it allows nothing`,
              originRef(b.policy.origin, ['spec', direction, b.rule.ref.index, 'ports']),
            ),
          );
        }
      }
    }
  }

  private static resolve(ports: PortMatcher, dst: EvalPeer): ConnectionSet {
    if (ports.named.length === 0 || dst.kind === 'atom') return ports.fixed;
    let out = ports.fixed;
    for (const np of ports.named) {
      for (const p of dst.cls.ports) {
        if (p.name === np.name && (np.protocol === undefined || p.protocol === np.protocol)) out = out.union(ConnectionSet.port(p.protocol, p.port));
      }
    }
    return out;
  }

  private static matches(b: BoundRule, peer: EvalPeer): boolean {
    return peer.kind === 'class' ? b.classes.has(peer.cls.id) : b.atoms.has(peer.atom);
  }

  /**
   * What `subject` allows in `direction` with `peer`, layered as the network-policy-api says:
   * admin rules by priority (Allow and Deny final, Pass goes on), then NetworkPolicies if any
   * selects the subject, else baseline rules, else allow.
   */
  evaluate(subject: PodClass, direction: Direction, peer: EvalPeer, trace?: VerdictStep[]): ConnectionSet {
    if (subject.ingressController) return ConnectionSet.ALL;
    const dr = this.rules.get(subject.id)?.[direction];
    if (!dr) {
      trace?.push({ layer: 'default', verdict: 'Allow', conns: ConnectionSet.ALL });
      return ConnectionSet.ALL;
    }
    const dst: EvalPeer = direction === 'ingress' ? { kind: 'class', cls: subject } : peer;
    let allowed = ConnectionSet.NONE;
    let undecided = ConnectionSet.ALL;
    let passed = ConnectionSet.NONE;
    for (const b of dr.admin) {
      if (undecided.isEmpty) break;
      if (!PolicyEngine.matches(b, peer)) continue;
      const conns = PolicyEngine.resolve(b.rule.ports, dst).intersect(undecided);
      if (conns.isEmpty) continue;
      undecided = undecided.subtract(conns);
      if (b.rule.action === 'allow') allowed = allowed.union(conns);
      else if (b.rule.action === 'pass') passed = passed.union(conns);
      trace?.push({ layer: 'ANP', verdict: b.rule.action === 'allow' ? 'Allow' : b.rule.action === 'deny' ? 'Deny' : 'Pass', rule: b.rule, policy: b.policy, conns });
    }
    let rest = undecided.union(passed);
    if (rest.isEmpty) return allowed;
    if (dr.isolatedBy.length > 0) {
      let npAllowed = ConnectionSet.NONE;
      for (const b of dr.np) {
        if (!PolicyEngine.matches(b, peer)) continue;
        const conns = PolicyEngine.resolve(b.rule.ports, dst).intersect(rest);
        if (conns.isEmpty) continue;
        npAllowed = npAllowed.union(conns);
        trace?.push({ layer: 'NP', verdict: 'Allow', rule: b.rule, policy: b.policy, conns });
      }
      const denied = rest.subtract(npAllowed);
      if (trace && !denied.isEmpty) for (const policy of dr.isolatedBy) trace.push({ layer: 'NP', verdict: 'Isolated', conns: denied, policy });
      return allowed.union(npAllowed);
    }
    for (const b of dr.baseline) {
      if (rest.isEmpty) break;
      if (!PolicyEngine.matches(b, peer)) continue;
      const conns = PolicyEngine.resolve(b.rule.ports, dst).intersect(rest);
      if (conns.isEmpty) continue;
      rest = rest.subtract(conns);
      // A baseline-tier Pass skips the remaining baseline rules: the default (allow) applies.
      if (b.rule.action !== 'deny') allowed = allowed.union(conns);
      trace?.push({ layer: 'BANP', verdict: b.rule.action === 'allow' ? 'Allow' : b.rule.action === 'deny' ? 'Deny' : 'Pass', rule: b.rule, policy: b.policy, conns });
    }
    if (trace && !rest.isEmpty) trace.push({ layer: 'default', verdict: 'Allow', conns: rest });
    return allowed.union(rest);
  }

  /** Whether a peer matched by no rule would be allowed: true unless NetworkPolicies isolate the subject. */
  private openByDefault(cls: PodClass, direction: Direction): boolean {
    return (this.rules.get(cls.id)?.[direction].isolatedBy.length ?? 0) === 0;
  }

  /** Classes that the allow-capable rules of `cls` in `direction` match. */
  private allowCandidates(cls: PodClass, direction: Direction): Iterable<number> {
    const dr = this.rules.get(cls.id)?.[direction];
    if (!dr) return [];
    const out = Bitset.empty(this.classes.all.length);
    for (const b of dr.admin) if (b.rule.action !== 'deny') out.addAll(b.classes);
    for (const b of dr.np) out.addAll(b.classes);
    return out;
  }

  /** Class-to-class allowed connections: egress at the source and ingress at the destination. */
  pairConns(src: PodClass, dst: PodClass): ConnectionSet {
    const egress = this.evaluate(src, 'egress', { kind: 'class', cls: dst });
    if (egress.isEmpty) return egress;
    return egress.intersect(this.evaluate(dst, 'ingress', { kind: 'class', cls: src }));
  }

  connectivity(): Connectivity {
    const classes = this.classes.all.filter((c) => !c.ingressController);
    const openIngress = Bitset.of(
      this.classes.all.length,
      classes.filter((d) => this.openByDefault(d, 'ingress')).map((d) => d.id),
    );
    const pairs = new Map<string, { src: Peer; dst: Peer; conns: ConnectionSet }>();
    // peer keys are built once per workload or range object, not once per pair
    const keys = new Map<object, string>();
    const keyOf = (p: Peer): string => {
      const obj = p.kind === 'workload' ? p.ref : p.kind === 'external' ? p.range : IC_KEY_OBJECT;
      let k = keys.get(obj);
      if (k === undefined) keys.set(obj, (k = peerKey(p)));
      return k;
    };
    const add = (src: Peer, dst: Peer, conns: ConnectionSet) => {
      if (conns.isEmpty) return;
      const key = `${keyOf(src)}\u0000${keyOf(dst)}`;
      const cur = pairs.get(key);
      if (cur) cur.conns = cur.conns.union(conns);
      else pairs.set(key, { src, dst, conns });
    };
    for (const s of classes) {
      let candidates: Iterable<number>;
      if (this.openByDefault(s, 'egress')) {
        // an unrestricted source reaches destinations that are open, or whose ingress rules select it
        const set = openIngress.copy();
        for (const a of this.ingressAllowers) if (a.classes.has(s.id)) for (const id of a.subjects) set.add(id);
        candidates = set;
      } else {
        candidates = this.allowCandidates(s, 'egress');
      }
      for (const id of candidates) {
        const d = this.classes.all[id] as PodClass;
        if (d.ingressController) continue;
        const conns = this.pairConns(s, d);
        if (conns.isEmpty) continue;
        for (const w1 of s.workloads)
          for (const w2 of d.workloads) if (w1 !== w2) add({ kind: 'workload', ref: w1 }, { kind: 'workload', ref: w2 }, conns);
      }
    }
    this.addExternal(classes, add);
    this.addIngressController(add);
    // the map keys are `src\0dst`, and '\0' sorts before every other character: sorting the keys sorts by src, then dst
    const connections = [...pairs.keys()].sort(compareStrings).map((k) => {
      const { src, dst, conns } = pairs.get(k) as { src: Peer; dst: Peer; conns: ConnectionSet };
      return { src, dst, conns };
    });
    return {
      connections,
      workloads: this.cluster.workloads.map((w) => w.ref),
      ipRanges: this.ipRanges,
    };
  }

  /** Workload <-> address atoms. */
  /**
   * The class's answer for every address atom. When none of its rules in this direction names an
   * address range, every atom gets the same answer, so it is computed once.
   */
  private perAtom(c: PodClass, direction: Direction): ConnectionSet[] {
    const dr = this.rules.get(c.id)?.[direction];
    const namesAddresses = dr !== undefined && [dr.admin, dr.np, dr.baseline].some((list) => list.some((b) => !b.atoms.isEmpty));
    if (!namesAddresses && this.atoms.length > 0) {
      const same = this.evaluate(c, direction, { kind: 'atom', atom: 0 });
      return this.atoms.map(() => same);
    }
    return this.atoms.map((_, i) => this.evaluate(c, direction, { kind: 'atom', atom: i }));
  }

  private addExternal(classes: readonly PodClass[], add: (src: Peer, dst: Peer, conns: ConnectionSet) => void): void {
    const perWorkload = new Map<string, { ref: WorkloadRef; out: ConnectionSet[]; in: ConnectionSet[] }>();
    for (const c of classes) {
      const out = this.perAtom(c, 'egress');
      const inn = this.perAtom(c, 'ingress');
      for (const w of c.workloads) {
        const key = workloadKey(w);
        const cur = perWorkload.get(key);
        if (!cur) perWorkload.set(key, { ref: w, out, in: inn });
        else {
          cur.out = cur.out.map((x, i) => x.union(out[i] as ConnectionSet));
          cur.in = cur.in.map((x, i) => x.union(inn[i] as ConnectionSet));
        }
      }
    }
    for (const { ref, out, in: inn } of perWorkload.values()) {
      // one line per atom: external space is shown split at every boundary the policies mention
      this.atoms.forEach((range, i) => {
        add({ kind: 'workload', ref }, { kind: 'external', range }, out[i] as ConnectionSet);
        add({ kind: 'external', range }, { kind: 'workload', ref }, inn[i] as ConnectionSet);
      });
    }
  }

  private addIngressController(add: (src: Peer, dst: Peer, conns: ConnectionSet) => void): void {
    const ic = this.classes.ingressController;
    if (!ic) return;
    for (const w of this.cluster.workloads) {
      const ports = this.exposure.ports.get(workloadKey(w.ref));
      if (!ports) continue;
      for (const d of this.classes.byWorkload.get(workloadKey(w.ref)) ?? []) {
        add({ kind: 'ingress-controller' }, { kind: 'workload', ref: w.ref }, ports.intersect(this.evaluate(d, 'ingress', { kind: 'class', cls: ic })));
      }
    }
  }
}

export function analyzeConnectivity(cluster: Cluster, options: EngineOptions = {}): { value: Connectivity; diagnostics: Diagnostic[]; engine: PolicyEngine } {
  const engine = new PolicyEngine(cluster, options);
  const value = engine.connectivity();
  return { value, diagnostics: engine.diagnostics, engine };
}
