import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { originRef } from '../manifests/objects.js';
import { rangeContains, type IpRange } from '../model/ip.js';
import { IdSet } from './id-set.js';
import { coversPodNetwork } from './cluster-ranges.js';
import type { PodClass, PodClasses } from './classes.js';
import { DIRECTIONS, type Direction, type Policy, type Rule } from './policy.js';

/** A peer as the evaluator sees it: a pod class or an external address atom. */
export type EvalPeer = { readonly kind: 'class'; readonly cls: PodClass } | { readonly kind: 'atom'; readonly atom: number };

/** A rule bound to what its peers match: pod classes and address atoms, as bitsets. */
export interface BoundRule {
  readonly rule: Rule;
  readonly policy: Policy;
  /** Class ids the rule's peers match. */
  readonly classes: IdSet;
  /** Atom ids the rule's peers match. */
  readonly atoms: IdSet;
}

/** The rules that apply to one pod class in one direction, by layer. */
export interface DirectionRules {
  readonly admin: BoundRule[];
  readonly np: BoundRule[];
  readonly baseline: BoundRule[];
  /** NetworkPolicies that select the pod for this direction; if any, they decide what admin rules pass. */
  readonly isolatedBy: Policy[];
}

export interface Binding {
  /** Per class id: its rules in each direction (absent: no policy selects the class). */
  readonly rules: ReadonlyMap<number, Record<Direction, DirectionRules>>;
  /** Ingress rules that may allow (NetworkPolicy and admin Allow/Pass) with the classes they select: the inverse index for open sources. */
  readonly ingressAllowers: readonly { readonly classes: IdSet; readonly subjects: readonly number[] }[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Binds sorted policies to pod classes and address atoms: for each class and direction, the rules
 * that apply to it, each with the classes and atoms its peers match. Rules with the same peers
 * share one bitset (a cluster has far fewer distinct selectors than rules).
 */
export function bindPolicies(policies: readonly Policy[], classes: PodClasses, atoms: readonly IpRange[], podNetwork?: readonly IpRange[]): Binding {
  const rules = new Map<number, Record<Direction, DirectionRules>>();
  const ingressAllowers: { classes: IdSet; subjects: readonly number[] }[] = [];
  const diagnostics: Diagnostic[] = [];
  const nClasses = classes.all.length;
  const nAtoms = atoms.length;
  const allClasses = IdSet.full(nClasses);
  const allAtoms = IdSet.full(nAtoms);
  const noAtoms = IdSet.empty(nAtoms);
  const noClasses = IdSet.empty(nClasses);
  // select() memoises its answers, so the same array means the same selection: one set each
  const selected = new Map<readonly number[], IdSet>();
  const classSet = (ids: readonly number[]) => {
    let b = selected.get(ids);
    if (!b) selected.set(ids, (b = IdSet.of(nClasses, ids)));
    return b;
  };
  const rulesOf = (cls: PodClass): Record<Direction, DirectionRules> => {
    let r = rules.get(cls.id);
    if (!r) {
      r = { ingress: { admin: [], np: [], baseline: [], isolatedBy: [] }, egress: { admin: [], np: [], baseline: [], isolatedBy: [] } };
      rules.set(cls.id, r);
    }
    return r;
  };
  // indexed loops in this function: it runs once per policy, mostly before V8 optimises it, and a
  // for-of allocates an iterator result per step until then
  const bindRule = (rule: Rule, policy: Policy): BoundRule => {
    const peers = rule.peers;
    for (let i = 0; i < peers.length; i++) if ((peers[i] as Rule['peers'][number]).kind === 'any') return { rule, policy, classes: allClasses, atoms: allAtoms };
    const classParts: IdSet[] = [];
    let atomSet = noAtoms;
    for (let i = 0; i < peers.length; i++) {
      const peer = peers[i] as Rule['peers'][number];
      if (peer.kind === 'pods') classParts.push(classSet(classes.select(peer.namespaces, peer.pods, true)));
      else if (peer.kind === 'ip') {
        // with the pod network known, an address peer covering all of it matches every pod (cluster-ranges.ts)
        if (podNetwork && coversPodNetwork(peer, podNetwork)) classParts.push(allClasses);
        const ids = atoms.flatMap((atom, i) => (peer.include.some((r) => rangeContains(r, atom)) && !peer.exclude.some((r) => rangeContains(r, atom)) ? [i] : []));
        atomSet = atomSet.union(IdSet.of(nAtoms, ids));
      }
    }
    const classBits = classParts.length === 0 ? noClasses : IdSet.unionAll(nClasses, classParts);
    return { rule, policy, classes: classBits, atoms: atomSet };
  };
  for (let pi = 0; pi < policies.length; pi++) {
    const policy = policies[pi] as Policy;
    const subjects = classes.select(policy.subject.namespaces, policy.subject.pods);
    const subjectIds = subjects.filter((id) => {
      const c = classes.all[id] as PodClass;
      // the ingress controller's egress answers to cluster-wide admin policies, as any pod's does
      if (c.ingressController) return policy.layer !== 'np';
      // exposure's representatives are no policy's subject: the exposure says what the real
      // workloads' own policies let in and out (netpol-analyzer: "where a policy can be tightened"),
      // the same for entire-cluster as for every representative
      return !c.represents;
    });
    for (let di = 0; di < DIRECTIONS.length; di++) {
      const direction = DIRECTIONS[di] as Direction;
      if (!policy.governs[direction]) continue;
      const rules = policy.rules[direction];
      const bound: BoundRule[] = new Array<BoundRule>(rules.length);
      for (let i = 0; i < rules.length; i++) bound[i] = bindRule(rules[i] as Rule, policy);
      for (let si = 0; si < subjectIds.length; si++) {
        const dr = rulesOf(classes.all[subjectIds[si] as number] as PodClass)[direction];
        const list = policy.layer === 'admin' ? dr.admin : policy.layer === 'np' ? dr.np : dr.baseline;
        for (let i = 0; i < bound.length; i++) list.push(bound[i] as BoundRule);
        if (policy.layer === 'np') dr.isolatedBy.push(policy);
      }
      if (direction === 'ingress' && policy.layer !== 'baseline') {
        for (let i = 0; i < bound.length; i++) {
          const b = bound[i] as BoundRule;
          if (b.rule.action !== 'deny') ingressAllowers.push({ classes: b.classes, subjects: subjectIds });
        }
      }
      unresolvedNamedPorts(bound, subjects, direction, classes, diagnostics);
    }
  }
  return { rules, ingressAllowers, diagnostics };
}

/** A named port that no destination pod declares allows nothing: say so (into `out`), at the rule's ports. */
function unresolvedNamedPorts(bound: readonly BoundRule[], subjects: readonly number[], direction: Direction, classes: PodClasses, out: Diagnostic[]): void {
  for (let i = 0; i < bound.length; i++) {
    const b = bound[i] as BoundRule;
    if (b.rule.ports.named.length === 0) continue;
    const dsts = direction === 'ingress' ? subjects : [...b.classes];
    for (const np of b.rule.ports.named) {
      const resolved = dsts.some((id) => (classes.all[id] as PodClass).ports.some((p) => p.name === np.name && (np.protocol === undefined || p.protocol === np.protocol)));
      if (!resolved) {
        out.push(
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
