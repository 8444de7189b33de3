import type { SourceRef } from '../diagnostics/diagnostic.js';
import { compareStrings, DEFAULT_NAMESPACE, type ContainerPort, type Workload } from '../manifests/cluster.js';
import { originRef, type K8sObject } from '../manifests/objects.js';
import { knownLabels } from '../manifests/job-labels.js';
import { workloadKey, type Peer } from '../model/peer.js';
import type { ConnectivityDiffEntry } from './diff.js';
import type { PolicyEngine } from './engine.js';
import { decisions } from './decisions.js';
import type { EntryExplanation, ExplainedStep } from './explain.js';
import { policyKey, type Policy } from './policy.js';
import { selectorMatches, type Labels } from './selector.js';

/**
 * Why a diff entry changed, in the reviewer's terms: which object of the configuration changed
 * between the sides and touches this pair. Each cause names the object and where it is written
 * (on the side that still has it, preferring head), so the report can name the file the PR changed.
 */
export type Cause =
  | { readonly kind: 'policy-added' | 'policy-removed' | 'policy-edited'; readonly policy: string; readonly at: SourceRef }
  | {
      readonly kind: 'labels-changed';
      readonly workload: string;
      readonly before: Labels;
      readonly after: Labels;
      readonly at: SourceRef;
      /** Selectors of rules that decided this pair on base and match the workload no longer (or now do). */
      readonly selectors: readonly SelectorChange[];
    }
  | {
      readonly kind: 'ports-changed';
      readonly workload: string;
      readonly before: readonly ContainerPort[];
      readonly after: readonly ContainerPort[];
      /** Named ports the workload no longer declares (rules naming them stop matching it). */
      readonly lostNames: readonly string[];
      readonly at: SourceRef;
    }
  | {
      readonly kind: 'namespace-labels-changed';
      readonly namespace: string;
      readonly before: Labels;
      readonly after: Labels;
      readonly at: SourceRef | undefined;
      readonly selectors: readonly SelectorChange[];
    }
  | { readonly kind: 'workload-added' | 'workload-removed'; readonly workload: string; readonly at: SourceRef }
  | { readonly kind: 'exposure-changed'; readonly workload: string; readonly before: readonly string[]; readonly after: readonly string[]; readonly at: SourceRef | undefined };

/** A selector that matched on one side and not on the other: a rule's peer, or (rule `subject`) the pods the policy applies to. */
export interface SelectorChange {
  readonly policy: string;
  /** `ingress rule 0`, or `subject` for the policy's own podSelector. */
  readonly rule: string;
  readonly field: 'namespaceSelector' | 'podSelector';
  readonly nowMatches: boolean;
}

/** A stable identity for grouping entries that share causes. */
export function causeId(c: Cause): string {
  switch (c.kind) {
    case 'policy-added':
    case 'policy-removed':
    case 'policy-edited':
      return `${c.kind}|${c.policy}`;
    case 'labels-changed':
    case 'ports-changed':
    case 'workload-added':
    case 'workload-removed':
    case 'exposure-changed':
      return `${c.kind}|${c.workload}`;
    case 'namespace-labels-changed':
      return `${c.kind}|${c.namespace}`;
  }
}

/**
 * Whether two parsed values hold the same data: arrays item by item, mappings key by key whatever
 * their order (an undefined value counts as absent), leaves as JSON writes them. Answered at the
 * first difference, without writing either value out.
 */
function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], b[i])) return false;
    return true;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const keys = Object.keys(x).filter((k) => x[k] !== undefined);
    if (keys.length !== Object.keys(y).filter((k) => y[k] !== undefined).length) return false;
    for (const k of keys) if (!Object.hasOwn(y, k) || !sameContent(x[k], y[k])) return false;
    return true;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What the causes are computed from: both sides' engines, indexed once. */
export class CauseFinder {
  /** Each side's policies by key. */
  readonly policies: { readonly before: ReadonlyMap<string, Policy>; readonly after: ReadonlyMap<string, Policy> };
  private readonly workloads: { readonly before: Map<string, Workload>; readonly after: Map<string, Workload> };
  private readonly namespaceObjects: { readonly before: Map<string, K8sObject>; readonly after: Map<string, K8sObject> };
  private readonly changedPolicies = new Map<string, Cause>();

  constructor(
    private readonly before: PolicyEngine,
    private readonly after: PolicyEngine,
  ) {
    const byKey = (e: PolicyEngine) => new Map(e.policies.map((p) => [policyKey(p.ref), p]));
    this.policies = { before: byKey(before), after: byKey(after) };
    const wl = (e: PolicyEngine) => new Map(e.cluster.workloads.map((w) => [workloadKey(w.ref), w]));
    this.workloads = { before: wl(before), after: wl(after) };
    const nsObjects = (e: PolicyEngine) => {
      const m = new Map<string, K8sObject>();
      for (const o of e.cluster.objects) if (o.kind === 'Namespace') m.set(o.object.metadata.name ?? '', o);
      return m;
    };
    this.namespaceObjects = { before: nsObjects(before), after: nsObjects(after) };
    const objects = (e: PolicyEngine) => new Map(e.cluster.objects.map((o) => [o.origin, o]));
    const beforeObjects = objects(before);
    const afterObjects = objects(after);
    for (const [key, p] of this.policies.after) {
      const q = this.policies.before.get(key);
      if (!q) this.changedPolicies.set(key, { kind: 'policy-added', policy: key, at: originRef(p.origin) });
      else if (!samePolicy(beforeObjects.get(q.origin), afterObjects.get(p.origin))) this.changedPolicies.set(key, { kind: 'policy-edited', policy: key, at: originRef(p.origin) });
    }
    for (const [key, q] of this.policies.before) {
      if (!this.policies.after.has(key)) this.changedPolicies.set(key, { kind: 'policy-removed', policy: key, at: originRef(q.origin) });
    }
  }

  /** Every policy that was added, removed or edited, by key. */
  get policyChanges(): ReadonlyMap<string, Cause> {
    return this.changedPolicies;
  }

  /** The causes of one entry, sorted by identity. */
  causesOf(e: ConnectivityDiffEntry, x: EntryExplanation | undefined): Cause[] {
    const out = new Map<string, Cause>();
    const add = (c: Cause | undefined) => {
      if (c) out.set(causeId(c), c);
    };
    // A changed policy is a cause when it decides this pair's changed connections on one side and
    // not in the same way on the other (a rule that allows now, a default-deny that isolates now);
    // one that decides both sides alike, or only isolates alongside a default-deny, is not.
    const interest = e.gained.union(e.lost);
    const decisive = (policies: ReadonlyMap<string, Policy>, side: EntryExplanation['before']) => decisions(policies, side, interest).flatMap((d) => d.steps);
    const id = (s: ExplainedStep) => `${s.layer}|${s.verdict}|${s.policy ?? ''}|${s.rule ? `${s.rule.direction}#${s.rule.index}` : ''}|${s.conns.key}`;
    const before = decisive(this.policies.before, x?.before);
    const after = decisive(this.policies.after, x?.after);
    const inBefore = new Set(before.map(id));
    const inAfter = new Set(after.map(id));
    for (const s of before) if (s.policy && !inAfter.has(id(s))) add(this.changedPolicies.get(s.policy));
    for (const s of after) if (s.policy && !inBefore.has(id(s))) add(this.changedPolicies.get(s.policy));
    for (const p of [e.src, e.dst]) {
      if (p.kind !== 'workload') continue;
      const key = workloadKey(p.ref);
      const b = this.workloads.before.get(key);
      const a = this.workloads.after.get(key);
      if (!b && a) add({ kind: 'workload-added', workload: key, at: originRef(a.origin) });
      else if (b && !a) add({ kind: 'workload-removed', workload: key, at: originRef(b.origin) });
      else if (a && b) {
        add(this.labelChange(key, b, a, x));
        if (p === e.dst) add(portChange(key, b, a));
      }
      add(this.namespaceChange(p.ref.namespace, x));
    }
    if (e.src.kind === 'ingress-controller' && e.dst.kind === 'workload') add(this.exposureChange(e.dst));
    return [...out.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, c]) => c);
  }

  private labelChange(key: string, b: Workload, a: Workload, x: EntryExplanation | undefined): Cause | undefined {
    const before = mergedLabels(b);
    const after = mergedLabels(a);
    if (sameLabels(before, after)) return undefined;
    const ns = a.ref.namespace;
    const selectors = this.selectorChanges(x, (field, side) => (field === 'podSelector' ? { ns, labels: side === 'before' ? before : after } : undefined));
    // the policies of the pair's verdicts whose own podSelector selects the pod on one side only
    const subjects = new Map<string, SelectorChange>();
    for (const side of [x?.before, x?.after]) {
      for (const st of [...(side?.egress ?? []), ...(side?.ingress ?? [])]) {
        if (!st.policy || subjects.has(st.policy)) continue;
        const p = this.policies.after.get(st.policy) ?? this.policies.before.get(st.policy);
        if (!p || p.layer !== 'np' || p.subject.namespaces.kind !== 'named' || p.subject.namespaces.name !== ns) continue;
        const was = selectorMatches(p.subject.pods, before);
        const now = selectorMatches(p.subject.pods, after);
        if (was !== now) subjects.set(st.policy, { policy: st.policy, rule: 'subject', field: 'podSelector', nowMatches: now });
      }
    }
    const all = [...[...subjects.entries()].sort(([m], [n]) => compareStrings(m, n)).map(([, v]) => v), ...selectors];
    // shown as the manifests set them: the API server's labels of unknown value (controller-uid, a CronJob run's job-name) are no value to read
    return { kind: 'labels-changed', workload: key, before: knownLabels(before), after: knownLabels(after), at: originRef(a.origin, [...a.specPath.slice(0, -1), 'metadata', 'labels']), selectors: all };
  }

  private namespaceChange(ns: string, x: EntryExplanation | undefined): Cause | undefined {
    const b = this.before.cluster.namespaces.get(ns);
    const a = this.after.cluster.namespaces.get(ns);
    if (!a || !b || sameLabels(a.labels, b.labels)) return undefined;
    const obj = this.namespaceObjects.after.get(ns) ?? this.namespaceObjects.before.get(ns);
    const selectors = this.selectorChanges(x, (field, side) => (field === 'namespaceSelector' ? { ns, labels: side === 'before' ? b.labels : a.labels } : undefined));
    return { kind: 'namespace-labels-changed', namespace: ns, before: b.labels, after: a.labels, at: obj ? originRef(obj.origin, ['metadata', 'labels']) : undefined, selectors };
  }

  /**
   * The selectors of the rules that decided the pair (on either side) whose answer for the given
   * labels differs between base and head: "the namespaceSelector of rule 0 no longer matches".
   */
  private selectorChanges(
    x: EntryExplanation | undefined,
    labelsFor: (field: 'namespaceSelector' | 'podSelector', side: 'before' | 'after') => { ns: string; labels: Labels } | undefined,
  ): SelectorChange[] {
    const out = new Map<string, SelectorChange>();
    const sides = [
      ['before', x?.before] as const,
      ['after', x?.after] as const,
    ];
    for (const [sideName, side] of sides) {
      for (const s of [...(side?.egress ?? []), ...(side?.ingress ?? [])]) {
        if (!s.policy || !s.rule) continue;
        const policy = (sideName === 'before' ? this.policies.before : this.policies.after).get(s.policy);
        const rule = policy?.rules[s.rule.direction][s.rule.index];
        if (!policy || !rule) continue;
        for (const m of rule.peers) {
          if (m.kind !== 'pods') continue;
          for (const field of ['namespaceSelector', 'podSelector'] as const) {
            const lb = labelsFor(field, 'before');
            const la = labelsFor(field, 'after');
            if (!lb || !la) continue;
            const matches = (labels: Labels) => (field === 'podSelector' ? selectorMatches(m.pods, labels) : m.namespaces.kind === 'named' ? m.namespaces.name === lb.ns : selectorMatches(m.namespaces.selector, labels));
            if (field === 'namespaceSelector' && m.namespaces.kind === 'named') continue;
            const was = matches(lb.labels);
            const now = matches(la.labels);
            if (was === now) continue;
            const ruleName = `${s.rule.direction} rule ${s.rule.index}`;
            out.set(`${s.policy}|${ruleName}|${field}`, { policy: s.policy, rule: ruleName, field, nowMatches: now });
          }
        }
      }
    }
    return [...out.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, v]) => v);
  }

  private exposureChange(dst: Extract<Peer, { kind: 'workload' }>): Cause | undefined {
    const key = workloadKey(dst.ref);
    const b = this.before.exposure.exposedBy.get(key) ?? [];
    const a = this.after.exposure.exposedBy.get(key) ?? [];
    const pb = this.before.exposure.ports.get(key);
    const pa = this.after.exposure.ports.get(key);
    if (b.join('\n') === a.join('\n') && (pb?.key ?? '') === (pa?.key ?? '')) return undefined;
    const name = a[0] ?? b[0];
    const engine = a[0] ? this.after : this.before;
    const obj = name ? findExposing(engine, name) : undefined;
    return { kind: 'exposure-changed', workload: key, before: b, after: a, at: obj ? originRef(obj.origin) : undefined };
  }
}

/** Same spec; an identical document (the common case in a PR) needs no comparison of the parsed objects. */
function samePolicy(a: K8sObject | undefined, b: K8sObject | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.origin.path.length === 0 && b.origin.path.length === 0 && a.origin.document.text === b.origin.document.text) return true;
  return a.kind === b.kind && sameContent((a.object as { spec?: unknown }).spec ?? null, (b.object as { spec?: unknown }).spec ?? null);
}

function findExposing(engine: PolicyEngine, name: string): K8sObject | undefined {
  const m = /^(\w+) ([^/]+)\/(.+)$/.exec(name);
  if (!m) return undefined;
  return engine.cluster.objects.find((o) => o.kind === m[1] && ((o.object.metadata as { namespace?: string | null }).namespace || DEFAULT_NAMESPACE) === m[2] && o.object.metadata.name === m[3]);
}

function mergedLabels(w: Workload): Labels {
  const out: Record<string, string> = {};
  for (const p of w.pods) Object.assign(out, p.labels);
  return out;
}

function sameLabels(a: Labels, b: Labels): boolean {
  return sameContent(a, b);
}

function portChange(key: string, b: Workload, a: Workload): Cause | undefined {
  const ports = (w: Workload) => {
    const seen = new Map<string, ContainerPort>();
    for (const p of w.pods.flatMap((x) => x.ports)) seen.set(`${p.protocol}/${p.port}/${p.name ?? ''}`, p);
    return [...seen.entries()].sort(([x], [y]) => compareStrings(x, y)).map(([, p]) => p);
  };
  const before = ports(b);
  const after = ports(a);
  if (sameContent(before, after)) return undefined;
  const names = (ps: readonly ContainerPort[]) => new Set(ps.flatMap((p) => (p.name ? [`${p.protocol}/${p.name}`] : [])));
  const na = names(after);
  const lostNames = [...names(before)].filter((n) => !na.has(n)).map((n) => n.split('/')[1] as string);
  return { kind: 'ports-changed', workload: key, before, after, lostNames, at: originRef(a.origin, [...a.specPath, 'containers']) };
}

export { decisions, type Decision } from './decisions.js';
