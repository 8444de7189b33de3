import { Codes, diag, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js';
import { appendAll } from '../model/append.js';
import type { Cluster, WorkloadRef } from '../manifests/cluster.js';
import { originRef } from '../manifests/objects.js';
import { ConnectionSet } from '../model/connection-set.js';
import { atomize, type IpFamily, type IpRange } from '../model/ip.js';
import type { Peer } from '../model/peer.js';
import { IdSet } from './id-set.js';
import { bindPolicies, type Binding, type EvalPeer } from './binding.js';
import { PodClasses, type IngressControllerPlace, type PodClass, type RepresentedPods } from './classes.js';
import { enumerateConnections } from './enumerate.js';
import { evaluateRules, VerdictMemo, type VerdictStep } from './evaluate.js';
import { ingressExposure, type IngressExposure } from './exposure.js';
import { clusterRangeWarnings, insideCluster, type ClusterRanges } from './cluster-ranges.js';
import { compilePolicies, DIRECTIONS, sortPolicies, type Direction, type Policy, type Rule } from './policy.js';

export { peerKey, type Peer } from '../model/peer.js';
export type { EvalPeer } from './binding.js';
export type { VerdictStep } from './evaluate.js';

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

export interface EngineOptions {
  /**
   * The address families of the cluster. Manifests do not say whether a cluster is IPv4, IPv6
   * or dual-stack; the default is IPv4, as netpol-analyzer assumes.
   */
  readonly ipFamilies?: readonly IpFamily[];
  /**
   * The pod and Service networks (--pod-cidr, --service-cidr). Unset (the default), address peers
   * match only external addresses; set, peers covering the pod network match pods too, and the
   * cluster's ranges are not external (cluster-ranges.ts).
   */
  readonly clusterRanges?: ClusterRanges;
  /** Exposure analysis: the hypothetical workloads that stand for sets of pods (classes.ts). */
  readonly representatives?: ReadonlyMap<WorkloadRef, RepresentedPods>;
  /** Where the ingress controller runs (--ingress-controller); unset, in a namespace of its own that only selectors of every namespace admit. */
  readonly ingressController?: IngressControllerPlace;
}

/**
 * One configuration, compiled for evaluation, in four steps each in its own file: policies
 * compiled (policy.ts), pods grouped into classes that behave alike (classes.ts), address space
 * cut into atoms, and rules bound to classes and atoms (binding.ts). `evaluate` answers one
 * (subject, direction, peer) question (evaluate.ts); `connectivity` enumerates every allowed
 * pair (enumerate.ts).
 */
export class PolicyEngine {
  readonly policies: readonly Policy[];
  readonly exposure: IngressExposure;
  readonly classes: PodClasses;
  readonly families: readonly IpFamily[];
  /** Every address range the policies mention, in the analysed families. */
  readonly ipRanges: readonly IpRange[];
  readonly atoms: readonly IpRange[];
  readonly binding: Binding;
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
    this.classes = new PodClasses(cluster, this.exposure.ports.size > 0, options.representatives, options.ingressController);
    this.families = options.ipFamilies ?? [4];
    const ranged: { policy: Policy; rules: ReturnType<typeof ruleRanges> }[] = [];
    for (let i = 0; i < this.policies.length; i++) {
      const policy = this.policies[i] as Policy;
      const rules = ruleRanges(policy);
      if (rules.length > 0) ranged.push({ policy, rules });
    }
    appendAll(this.diagnostics, otherFamilyWarnings(ranged, this.families));
    appendAll(this.diagnostics, clusterRangeWarnings(this.policies, this.families, options.clusterRanges));
    const cluster_ = options.clusterRanges;
    const own = cluster_ ? [...cluster_.pods, ...cluster_.services].filter((r) => this.families.includes(r.family)) : [];
    this.ipRanges = [...policyRanges(ranged, this.families), ...own];
    // the pod and Service networks are not external addresses
    this.atoms = atomize(this.ipRanges, this.families).filter((a) => !insideCluster(a, cluster_));
    this.binding = bindPolicies(this.policies, this.classes, this.atoms, cluster_?.pods);
    appendAll(this.diagnostics, this.binding.diagnostics);
  }

  /** The parts of `range` that lie in different atoms, each clipped to the range. */
  atomsWithin(range: IpRange): IpRange[] {
    return this.atoms
      .filter((a) => a.family === range.family && a.hi >= range.lo && a.lo <= range.hi)
      .map((a) => ({ family: a.family, lo: a.lo > range.lo ? a.lo : range.lo, hi: a.hi < range.hi ? a.hi : range.hi }));
  }

  /** What `subject` allows in `direction` with `peer` (see evaluateRules); memoised by the rules the peer matches. */
  evaluate(subject: PodClass, direction: Direction, peer: EvalPeer, trace?: VerdictStep[]): ConnectionSet {
    const dr = this.binding.rules.get(subject.id)?.[direction];
    if (trace || !dr || subject.ingressController) return evaluateRules(dr, subject, direction, peer, trace);
    return this.verdicts.evaluate(dr, subject, direction, peer);
  }

  private readonly verdicts = new VerdictMemo();

  /** Whether a peer matched by no rule would be allowed: true unless NetworkPolicies isolate the subject. */
  openByDefault(cls: PodClass, direction: Direction): boolean {
    return (this.binding.rules.get(cls.id)?.[direction].isolatedBy.length ?? 0) === 0;
  }

  /** Classes that the allow-capable rules of `cls` in `direction` match. */
  allowCandidates(cls: PodClass, direction: Direction): IdSet {
    const dr = this.binding.rules.get(cls.id)?.[direction];
    if (!dr) return IdSet.empty(this.classes.all.length);
    const sets: IdSet[] = [];
    for (const b of dr.admin) if (b.rule.action !== 'deny') sets.push(b.classes);
    for (const b of dr.np) sets.push(b.classes);
    return IdSet.unionAll(this.classes.all.length, sets);
  }

  /** Class-to-class allowed connections: egress at the source and ingress at the destination. */
  pairConns(src: PodClass, dst: PodClass): ConnectionSet {
    const egress = this.evaluate(src, 'egress', this.classPeer(dst));
    if (egress.isEmpty) return egress;
    return egress.intersect(this.evaluate(dst, 'ingress', this.classPeer(src)));
  }

  private readonly classPeers: EvalPeer[] = [];

  /** The class as a peer, one object per class (pairs are evaluated by the hundred thousand). */
  private classPeer(cls: PodClass): EvalPeer {
    let p = this.classPeers[cls.id];
    if (!p) this.classPeers[cls.id] = p = { kind: 'class', cls };
    return p;
  }

  /**
   * The class's answer for every address atom. When none of its rules in this direction names an
   * address range, every atom gets the same answer, so it is computed once.
   */
  perAtom(c: PodClass, direction: Direction): ConnectionSet[] {
    const dr = this.binding.rules.get(c.id)?.[direction];
    const namesAddresses = dr !== undefined && [dr.admin, dr.np, dr.baseline].some((list) => list.some((b) => !b.atoms.isEmpty));
    if (!namesAddresses && this.atoms.length > 0) {
      const same = this.evaluate(c, direction, { kind: 'atom', atom: 0 });
      return this.atoms.map(() => same);
    }
    return this.atoms.map((_, i) => this.evaluate(c, direction, { kind: 'atom', atom: i }));
  }

  connectivity(): Connectivity {
    return { connections: enumerateConnections(this), workloads: this.cluster.workloads.map((w) => w.ref), ipRanges: this.ipRanges };
  }
}

const NO_RULE_RANGES: readonly { direction: Direction; index: number; ranges: IpRange[] }[] = [];

/**
 * The rules of `p` that name address ranges, with their ranges. Plain indexed loops, nothing
 * allocated for a policy naming none: this runs once per policy, mostly before V8 optimises it.
 */
function ruleRanges(p: Policy): readonly { direction: Direction; index: number; ranges: IpRange[] }[] {
  let out: { direction: Direction; index: number; ranges: IpRange[] }[] | undefined;
  for (let di = 0; di < DIRECTIONS.length; di++) {
    const d = DIRECTIONS[di] as Direction;
    const rules = p.rules[d];
    for (let ri = 0; ri < rules.length; ri++) {
      const r = rules[ri] as Rule;
      let ranges: IpRange[] | undefined;
      for (let i = 0; i < r.peers.length; i++) {
        const m = r.peers[i] as Rule['peers'][number];
        if (m.kind === 'ip') (ranges ??= []).push(...m.include, ...m.exclude);
      }
      if (ranges && ranges.length > 0) (out ??= []).push({ direction: d, index: r.ref.index, ranges });
    }
  }
  return out ?? NO_RULE_RANGES;
}

/** Policies with the rules of theirs that name address ranges. */
type RangedPolicies = readonly { readonly policy: Policy; readonly rules: ReturnType<typeof ruleRanges> }[];

function policyRanges(ranged: RangedPolicies, families: readonly IpFamily[]): IpRange[] {
  const out: IpRange[] = [];
  for (const { rules } of ranged) for (const r of rules) for (const x of r.ranges) if (families.includes(x.family)) out.push(x);
  return out;
}

/** A range of a family that is not analysed matches nothing; say so once per rule. */
function otherFamilyWarnings(ranged: RangedPolicies, families: readonly IpFamily[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { policy: p, rules } of ranged) {
    for (const r of rules) {
      const other = r.ranges.filter((x) => !families.includes(x.family));
      if (other.length === 0) continue;
      const family = other[0]?.family;
      out.push(
        diag(Codes.unsupportedValue, 'warning', `IPv${family} ranges are outside the analysed address space; they match nothing`, originRef(p.origin, ['spec', r.direction, r.index]), `use --ip-family ${family === 6 ? 'dual' : '4'} to analyse them`),
      );
    }
  }
  return out;
}

export function analyzeConnectivity(cluster: Cluster, options: EngineOptions = {}): StageResult<Connectivity> & { readonly engine: PolicyEngine } {
  const engine = new PolicyEngine(cluster, options);
  const value = engine.connectivity();
  return { value, diagnostics: engine.diagnostics, engine };
}
