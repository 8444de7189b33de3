import { Codes, diag, type Diagnostic, type DiagnosticCode, type SourceRef } from '../diagnostics/diagnostic.js';
import { originRef } from '../manifests/objects.js';
import { ConnectionSet } from '../model/connection-set.js';
import { workloadKey } from '../model/peer.js';
import type { BoundRule, DirectionRules, EvalPeer } from './binding.js';
import type { PodClass } from './classes.js';
import type { PolicyEngine } from './engine.js';
import { evaluateRules, type VerdictStep } from './evaluate.js';
import { isEmptySelector } from './selector.js';
import { DIRECTIONS, policyKey, type Direction, type Policy, type Rule, type RuleRef } from './policy.js';
import { misspeltNamespace, unmodelledReach } from './unmodelled-peers.js';

/**
 * Policy sanity (nca `--sanity`'s questions), answered with the engine itself:
 * - a policy that selects no pod;
 * - a rule that can never match: its peers select nothing, or it names only ports that no
 *   destination pod declares;
 * - an admin or baseline rule shadowed by higher priorities: it never decides anything;
 * - a policy or rule that is redundant: without it, every connection stays the same.
 * "Nothing" and "every connection" are over the workloads and addresses of the manifests, as
 * `connectivity` computes them (pods of namespaces not in the manifests are not imagined). So a
 * rule one of whose peers matches no pod of the manifests but may match pods outside them (the DNS
 * rule towards kube-system), and a policy whose subject does (one of kube-system's), are not judged: an info
 * diagnostic says so (unmodelled-peers.ts), and a policy with such a rule is never redundant.
 */
export type LintKind = 'selects-nothing' | 'never-matches' | 'shadowed-rule' | 'redundant-policy' | 'redundant-rule';

export interface LintFinding {
  readonly kind: LintKind;
  readonly code: DiagnosticCode;
  /** `NetworkPolicy ns/name` or `AdminNetworkPolicy name`. */
  readonly policy: string;
  /** The rule, for rule findings: `ingress[0]` (with its name for admin rules). */
  readonly rule?: string;
  readonly at: SourceRef;
  readonly message: string;
  /** The rules (or policies) that cover it, for shadowed and redundant findings. */
  readonly coveredBy: readonly string[];
}

export interface LintResult {
  /** Sorted by file, document, line. */
  readonly findings: readonly LintFinding[];
  /** What lint left unjudged, and why (info). */
  readonly diagnostics: readonly Diagnostic[];
}

export function ruleLabel(ref: RuleRef): string {
  return `${ref.direction}[${ref.index}]${ref.name ? ` "${ref.name}"` : ''}`;
}

const describeRule = (policy: Policy, rule: Rule) => `${policyKey(policy.ref)} ${ruleLabel(rule.ref)}`;

/** What is left out when re-evaluating: one whole policy, or one rule. */
type Exclusion = { readonly policy: Policy } | { readonly rule: Rule };


export function lintPolicies(engine: PolicyEngine): LintResult {
  const findings: LintFinding[] = [];
  const diagnostics: Diagnostic[] = [];
  const { classes, binding } = engine;
  const seen = { held: new Set(engine.cluster.workloads.map((w) => w.ref.namespace)), operated: engine.cluster.operatorNamespaces };
  /** Where a rule may match pods the manifests do not hold, when one of its peers matches none of theirs. */
  const beyondManifests = (rule: Rule): string | undefined => {
    for (const p of rule.peers) {
      if (p.kind === 'pods' && classes.select(p.namespaces, p.pods, true).length > 0) continue;
      // a misspelt system namespace (`kube-sytem`) is judged: it is a mistake, not a namespace elsewhere
      if (misspeltNamespace(p)) continue;
      const reach = unmodelledReach(p, seen);
      if (reach) return reach;
    }
    return undefined;
  };

  const boundOf = (policy: Policy, direction: Direction): BoundRule[] => {
    // the same BoundRule objects the binding holds for every subject of the policy
    for (const id of classes.select(policy.subject.namespaces, policy.subject.pods)) {
      const dr = binding.rules.get(id)?.[direction];
      if (!dr) continue;
      const list = policy.layer === 'admin' ? dr.admin : policy.layer === 'np' ? dr.np : dr.baseline;
      return list.filter((b) => b.policy === policy);
    }
    return [];
  };
  const subjectsOf = (policy: Policy): PodClass[] => classes.select(policy.subject.namespaces, policy.subject.pods).map((id) => classes.all[id] as PodClass).filter((c) => !c.ingressController);

  // --- re-evaluation without a policy or a rule ---
  const filteredCache = new Map<string, DirectionRules | undefined>();
  let cacheOwner: Exclusion | undefined;
  const rulesFor = (cls: PodClass, direction: Direction, ex: Exclusion | undefined): DirectionRules | undefined => {
    const dr = binding.rules.get(cls.id)?.[direction];
    if (!ex || !dr) return dr;
    if (cacheOwner !== ex) {
      filteredCache.clear();
      cacheOwner = ex;
    }
    const key = `${cls.id}${direction}`;
    if (filteredCache.has(key)) return filteredCache.get(key);
    const keep = (b: BoundRule) => ('policy' in ex ? b.policy !== ex.policy : b.rule !== ex.rule);
    const out: DirectionRules = {
      admin: dr.admin.filter(keep),
      np: dr.np.filter(keep),
      baseline: dr.baseline.filter(keep),
      isolatedBy: 'policy' in ex ? dr.isolatedBy.filter((p) => p !== ex.policy) : dr.isolatedBy,
    };
    filteredCache.set(key, out);
    return out;
  };
  const verdict = (cls: PodClass, direction: Direction, peer: EvalPeer, ex?: Exclusion, trace?: VerdictStep[]) => evaluateRules(rulesFor(cls, direction, ex), cls, direction, peer, trace);
  const pairConns = (src: PodClass, dst: PodClass, ex?: Exclusion): ConnectionSet => {
    const out = verdict(src, 'egress', { kind: 'class', cls: dst }, ex);
    return out.isEmpty ? out : out.intersect(verdict(dst, 'ingress', { kind: 'class', cls: src }, ex));
  };
  const exposedPorts = (cls: PodClass): ConnectionSet => {
    let out = ConnectionSet.NONE;
    for (const w of cls.workloads) out = out.union(engine.exposure.ports.get(workloadKey(w)) ?? ConnectionSet.NONE);
    return out;
  };
  /** True when leaving `ex` out changes some connection of the subjects in the directions. */
  const changesSomething = (ex: Exclusion, subjects: readonly PodClass[], directions: readonly Direction[], rulesOut: (cls: PodClass, d: Direction) => readonly BoundRule[]): boolean => {
    for (const s of subjects) {
      for (const d of directions) {
        const before = binding.rules.get(s.id)?.[d];
        const after = rulesFor(s, d, ex);
        // a peer's answer can change only if a rule left out matches it, or isolation ends
        const isolationEnds = (before?.isolatedBy.length ?? 0) > 0 && (after?.isolatedBy.length ?? 0) === 0;
        const out = rulesOut(s, d);
        const matchesClass = (id: number) => isolationEnds || out.some((b) => b.classes.has(id));
        const matchesAtom = (i: number) => isolationEnds || out.some((b) => b.atoms.has(i));
        for (const p of classes.all) {
          if (!matchesClass(p.id)) continue;
          if (p.ingressController) {
            if (d !== 'ingress') continue;
            const ports = exposedPorts(s);
            if (ports.isEmpty) continue;
            if (!ports.intersect(verdict(s, d, { kind: 'class', cls: p })).equals(ports.intersect(verdict(s, d, { kind: 'class', cls: p }, ex)))) return true;
            continue;
          }
          // a class holding a single workload does not talk to itself (self-pairs are omitted)
          if (p === s && s.workloads.length <= 1) continue;
          const [src, dst] = d === 'egress' ? [s, p] : [p, s];
          if (!pairConns(src, dst).equals(pairConns(src, dst, ex))) return true;
        }
        for (let i = 0; i < engine.atoms.length; i++) {
          if (!matchesAtom(i)) continue;
          if (!verdict(s, d, { kind: 'atom', atom: i }).equals(verdict(s, d, { kind: 'atom', atom: i }, ex))) return true;
        }
      }
    }
    return false;
  };

  /** Who decides, without the rule, what the rule would have matched: the rules in the verdict chains. */
  const coverersOf = (policy: Policy, b: BoundRule, subjects: readonly PodClass[]): string[] => {
    const out = new Set<string>();
    const d = b.rule.ref.direction;
    const ex: Exclusion = { rule: b.rule };
    for (const s of subjects) {
      const peers: EvalPeer[] = [...[...b.classes].map((id) => ({ kind: 'class', cls: classes.all[id] as PodClass }) as EvalPeer), ...[...b.atoms].map((atom) => ({ kind: 'atom', atom }) as EvalPeer)];
      for (const p of peers) {
        const trace: VerdictStep[] = [];
        verdict(s, d, p, ex, trace);
        for (const step of trace) {
          if (step.rule && step.policy && step.rule !== b.rule) out.add(describeRule(step.policy, step.rule));
          else if (step.verdict === 'Isolated' && step.policy && step.policy !== policy) out.add(`${policyKey(step.policy.ref)} (isolation)`);
        }
        if (out.size >= 3) return [...out].sort();
      }
    }
    if (out.size === 0) out.add(d === 'egress' ? 'the destinations’ ingress policies (they never admit it)' : 'the sources’ egress policies (they never send it)');
    return [...out].sort();
  };

  for (const policy of engine.policies) {
    const subjects = subjectsOf(policy);
    const where = policy.layer === 'np' ? ['spec', 'podSelector'] : ['spec', 'subject'];
    if (subjects.length === 0) {
      const reach = unmodelledReach(policy.subject, seen);
      if (reach) {
        diagnostics.push(diag(Codes.lintNotJudged, 'info', `${policyKey(policy.ref)} is not judged: it selects no pod of the manifests, and may select ${reach} outside them`, originRef(policy.origin, where)));
        continue;
      }
      findings.push({
        kind: 'selects-nothing',
        code: Codes.lintSelectsNothing,
        policy: policyKey(policy.ref),
        at: originRef(policy.origin, where),
        message: `${policyKey(policy.ref)} selects no pod of the manifests; it has no effect`,
        coveredBy: [],
      });
      continue;
    }
    const directions = DIRECTIONS.filter((d) => policy.governs[d]);
    const bound = directions.flatMap((d) => boundOf(policy, d));
    const ruleFinding = (b: BoundRule) => ({ policy: policyKey(policy.ref), rule: ruleLabel(b.rule.ref), at: originRef(policy.origin, ['spec', b.rule.ref.direction, b.rule.ref.index]) });
    // the most specific finding first: a rule that never matches, an admin rule shadowed by higher priorities
    const settled = new Set<BoundRule>();
    let unjudged = false;
    for (const b of bound) {
      const reach = beyondManifests(b.rule);
      if (reach) {
        diagnostics.push(diag(Codes.lintNotJudged, 'info', `${describeRule(policy, b.rule)} is not judged: a peer of it matches no pod of the manifests, and may match ${reach} outside them`, ruleFinding(b).at));
        settled.add(b);
        unjudged = true;
        continue;
      }
      const never = neverMatches(b, subjects, classes.all);
      if (never) {
        findings.push({ ...ruleFinding(b), kind: 'never-matches', code: Codes.lintNeverMatches, message: `${describeRule(policy, b.rule)} can never match: ${never}`, coveredBy: [] });
        settled.add(b);
      } else if (policy.layer !== 'np' && neverDecides(b, subjects, classes.all, b.rule.ref.direction, verdict)) {
        findings.push({
          ...ruleFinding(b),
          kind: 'shadowed-rule',
          code: Codes.lintShadowedRule,
          message: `${describeRule(policy, b.rule)} is shadowed: higher-priority rules decide everything it matches`,
          coveredBy: coverersOf(policy, b, subjects).filter((c) => !c.startsWith('the ')),
        });
        settled.add(b);
      }
    }
    // a policy made only of such rules is already explained by them
    if (bound.length > 0 && bound.every((b) => settled.has(b))) continue;
    // a NetworkPolicy selecting every pod of its namespace (a default deny, a namespace-wide allow)
    // also applies to the pods of that namespace the manifests do not show and to those added later:
    // that its pods of the manifests are covered otherwise does not make it, or a rule of it, redundant
    if (policy.layer === 'np' && policy.subject.namespaces.kind === 'named' && isEmptySelector(policy.subject.pods)) {
      const ns = policy.subject.namespaces.name;
      const why = `it selects every pod of namespace ${ns}, also those the manifests do not show and those added later`;
      if (!unjudged && !changesSomething({ policy }, subjects, directions, (s, d) => boundOf(policy, d))) {
        diagnostics.push(diag(Codes.lintNotJudged, 'info', `${policyKey(policy.ref)} is not judged for redundancy: ${why}`, originRef(policy.origin, ['metadata', 'name'])));
        continue;
      }
      for (const b of bound) {
        if (settled.has(b) || changesSomething({ rule: b.rule }, subjects, [b.rule.ref.direction], () => [b])) continue;
        diagnostics.push(diag(Codes.lintNotJudged, 'info', `${describeRule(policy, b.rule)} is not judged for redundancy: ${why}`, ruleFinding(b).at));
      }
      continue;
    }
    // without the policy, what its unjudged rule lets through outside the manifests would change
    if (!unjudged && !changesSomething({ policy }, subjects, directions, (s, d) => boundOf(policy, d))) {
      const empty = directions.every((d) => policy.rules[d].length === 0);
      findings.push({
        kind: 'redundant-policy',
        code: Codes.lintRedundantPolicy,
        policy: policyKey(policy.ref),
        at: originRef(policy.origin, ['metadata', 'name']),
        message: `${policyKey(policy.ref)} is redundant: without it, every connection stays the same${empty ? ' (its pods are already isolated by other policies)' : ''}`,
        coveredBy: policyCoverers(engine, policy, subjects, directions),
      });
      continue;
    }
    for (const b of bound) {
      if (settled.has(b)) continue;
      if (!changesSomething({ rule: b.rule }, subjects, [b.rule.ref.direction], () => [b])) {
        findings.push({
          ...ruleFinding(b),
          kind: 'redundant-rule',
          code: Codes.lintRedundantRule,
          message: `${describeRule(policy, b.rule)} is redundant: without it, every connection stays the same`,
          coveredBy: coverersOf(policy, b, subjects),
        });
      }
    }
  }
  findings.sort(compareFindings);
  return { findings, diagnostics };
}

/** Why a rule can never match, or undefined. */
function neverMatches(b: BoundRule, subjects: readonly PodClass[], all: readonly PodClass[]): string | undefined {
  if (b.classes.isEmpty && b.atoms.isEmpty) {
    const typo = b.rule.peers.map(misspeltNamespace).find((t) => t !== undefined);
    if (typo) return `namespace "${typo.written}" is ${typo.edits === 1 ? 'one edit' : 'two edits'} from ${typo.meant}, which every cluster has: a typo? its peers select no pod of the manifests and no address`;
    return 'its peers select no pod of the manifests and no address';
  }
  const { fixed, named } = b.rule.ports;
  if (fixed.isEmpty && named.length > 0) {
    const dsts = b.rule.ref.direction === 'ingress' ? subjects : [...b.classes].map((id) => all[id] as PodClass);
    const resolved = named.some((np) => dsts.some((c) => c.ports.some((p) => p.name === np.name && (np.protocol === undefined || p.protocol === np.protocol))));
    if (!resolved) return `no ${b.rule.ref.direction === 'ingress' ? 'selected' : 'destination'} pod declares the named port${named.length > 1 ? 's' : ''} ${named.map((n) => `"${n.name}"`).join(', ')}`;
  }
  return undefined;
}

/** An admin or baseline rule that never appears in a verdict chain, for any subject and peer it matches. */
function neverDecides(b: BoundRule, subjects: readonly PodClass[], all: readonly PodClass[], d: Direction, verdict: (cls: PodClass, direction: Direction, peer: EvalPeer, ex?: Exclusion, trace?: VerdictStep[]) => ConnectionSet): boolean {
  for (const s of subjects) {
    const peers: EvalPeer[] = [];
    for (const id of b.classes) peers.push({ kind: 'class', cls: all[id] as PodClass });
    for (const atom of b.atoms) peers.push({ kind: 'atom', atom });
    for (const p of peers) {
      const trace: VerdictStep[] = [];
      verdict(s, d, p, undefined, trace);
      if (trace.some((t) => t.rule === b.rule)) return false;
    }
  }
  return true;
}

/** For a redundant policy: the other policies selecting the same pods in the same directions. */
function policyCoverers(engine: PolicyEngine, policy: Policy, subjects: readonly PodClass[], directions: readonly Direction[]): string[] {
  const out = new Set<string>();
  for (const s of subjects) {
    for (const d of directions) {
      const dr = engine.binding.rules.get(s.id)?.[d];
      if (!dr) continue;
      for (const p of dr.isolatedBy) if (p !== policy) out.add(policyKey(p.ref));
      for (const b of [...dr.admin, ...dr.baseline]) if (b.policy !== policy) out.add(policyKey(b.policy.ref));
    }
  }
  return [...out].sort().slice(0, 5);
}

function compareFindings(a: LintFinding, b: LintFinding): number {
  const fa = a.at.file;
  const fb = b.at.file;
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.at.doc - b.at.doc || (a.at.line ?? 0) - (b.at.line ?? 0) || (a.at.column ?? 0) - (b.at.column ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
