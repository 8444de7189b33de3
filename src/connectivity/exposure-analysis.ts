import type { StageResult } from '../diagnostics/diagnostic.js';
import { compareStrings, NAMESPACE_NAME_LABEL, type Cluster, type Namespace, type Workload } from '../manifests/cluster.js';
import type { LabelSelector } from '../manifests/schemas.js';
import { ConnectionSet } from '../model/connection-set.js';
import { peerKey, workloadKey, type WorkloadRef } from '../model/peer.js';
import { PolicyEngine, type EngineOptions } from './engine.js';
import { compilePolicies, type NamespaceMatch } from './policy.js';
import { selectorMatches } from './selector.js';

/**
 * Exposure (netpol-analyzer `--exposure`): which workloads are reachable from, or reach, peers the
 * manifests do not hold: any pod of any namespace ("entire-cluster"), pods a rule's selectors
 * could match in namespaces that are not in the manifests, and external addresses.
 *
 * Method: representative peers. One hypothetical pod without labels in a new, unlabelled
 * namespace stands for "entire-cluster"; for every pod peer of every rule, one hypothetical pod
 * whose namespace and labels satisfy the peer's selectors (the fewest labels that do) stands for
 * the pods it could match. The engine then evaluates the cluster plus these pods, exactly as it
 * evaluates real ones (their own policies included); a representative's answer that the
 * entire-cluster answer already covers is not repeated.
 */
export interface ExposureEntry {
  /** The workload of the manifests. */
  readonly workload: string;
  /** `entire-cluster`, `[namespace with {k=v}]/[pod with {k=v}]`, `ns/[all pods]`, or an address range. */
  readonly peer: string;
  readonly conns: ConnectionSet;
}

export interface Exposure {
  /** The workload reaches the peer. */
  readonly egress: readonly ExposureEntry[];
  /** The peer reaches the workload. */
  readonly ingress: readonly ExposureEntry[];
}

export const ENTIRE_CLUSTER = 'entire-cluster';
const HYPOTHETICAL_KIND = 'Pod';

interface Representative {
  readonly label: string;
  readonly namespace: Namespace;
  readonly podLabels: Record<string, string>;
}

/** The fewest labels that satisfy a selector (In: its first value; Exists: a placeholder value); undefined if none can. */
function labelsFor(selector: LabelSelector): Record<string, string> | undefined {
  const out: Record<string, string> = { ...(selector.matchLabels ?? {}) };
  for (const e of selector.matchExpressions ?? []) {
    if (e.operator === 'In') {
      const v = e.values?.[0];
      if (v === undefined) return undefined;
      if (out[e.key] === undefined) out[e.key] = v;
    } else if (e.operator === 'Exists' && out[e.key] === undefined) out[e.key] = 'any';
  }
  return selectorMatches(selector, out) ? out : undefined;
}

function describeSelector(s: LabelSelector): string {
  const parts = [
    ...Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(s.matchExpressions ?? []).map((e) => (e.operator === 'Exists' || e.operator === 'DoesNotExist' ? `${e.key} ${e.operator}` : `${e.key} ${e.operator} (${(e.values ?? []).join(',')})`)),
  ].sort(compareStrings);
  return `{${parts.join(',')}}`;
}

function describePods(s: LabelSelector): string {
  return Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0 ? '[all pods]' : `[pod with ${describeSelector(s)}]`;
}

export function analyzeExposure(cluster: Cluster, options: EngineOptions = {}): StageResult<Exposure> {
  const real = cluster.workloads;
  const first = real[0];
  if (!first) return { value: { egress: [], ingress: [] }, diagnostics: [] };
  const { policies } = compilePolicies(cluster.objects);
  const reps: Representative[] = [];
  const seen = new Set<string>();
  let fresh = 0;
  const newNamespace = (labels: Record<string, string>): Namespace => {
    const named = labels[NAMESPACE_NAME_LABEL];
    if (named !== undefined) return cluster.namespaces.get(named) ?? { name: named, labels: { ...labels }, declared: false };
    // braces cannot occur in a Kubernetes name: no collision with a real namespace
    const name = `{new-namespace-${++fresh}}`;
    return { name, labels: { ...labels, [NAMESPACE_NAME_LABEL]: name }, declared: false };
  };
  const add = (label: string, namespace: Namespace, podLabels: Record<string, string>) => {
    const key = `${namespace.name}\u0000${JSON.stringify(Object.entries(podLabels).sort())}`;
    if (seen.has(key)) return;
    seen.add(key);
    reps.push({ label, namespace, podLabels });
  };
  add(ENTIRE_CLUSTER, newNamespace({}), {});
  for (const p of policies) {
    for (const d of ['ingress', 'egress'] as const) {
      for (const r of p.rules[d]) {
        for (const peer of r.peers) {
          if (peer.kind !== 'pods') continue;
          const pods = labelsFor(peer.pods);
          if (!pods) continue;
          const ns = representativeNamespace(peer.namespaces, cluster, newNamespace);
          if (!ns) continue;
          const nsLabel = peer.namespaces.kind === 'named' ? peer.namespaces.name : `[namespace with ${describeSelector(peer.namespaces.selector)}]`;
          add(`${nsLabel}/${describePods(peer.pods)}`, ns, pods);
        }
      }
    }
  }
  const hypothetical: Workload[] = reps.map((r, i) => ({
    ref: { namespace: r.namespace.name, kind: HYPOTHETICAL_KIND, name: `{representative-${i}}` },
    pods: [{ labels: r.podLabels, ports: [], hostNetwork: false }],
    spec: undefined,
    // never shown: hypothetical pods have no source
    origin: first.origin,
    specPath: [],
  }));
  const namespaces = new Map(cluster.namespaces);
  for (const r of reps) if (!namespaces.has(r.namespace.name)) namespaces.set(r.namespace.name, r.namespace);
  const engine = new PolicyEngine({ ...cluster, namespaces, workloads: [...real, ...hypothetical] }, options);
  const labelOf = new Map<string, string>(hypothetical.map((w, i) => [workloadKey(w.ref), (reps[i] as Representative).label]));
  const realKeys = new Set(real.map((w) => workloadKey(w.ref)));
  const egress = new Map<string, Map<string, ConnectionSet>>();
  const ingress = new Map<string, Map<string, ConnectionSet>>();
  const put = (m: Map<string, Map<string, ConnectionSet>>, workload: string, peer: string, conns: ConnectionSet) => {
    let inner = m.get(workload);
    if (!inner) m.set(workload, (inner = new Map()));
    inner.set(peer, (inner.get(peer) ?? ConnectionSet.NONE).union(conns));
  };
  for (const c of engine.connectivity().connections) {
    const src = c.src.kind === 'workload' ? workloadKey(c.src.ref) : undefined;
    const dst = c.dst.kind === 'workload' ? workloadKey(c.dst.ref) : undefined;
    if (src && realKeys.has(src)) {
      if (dst && labelOf.has(dst)) put(egress, peerKey(c.src), labelOf.get(dst) as string, c.conns);
      else if (c.dst.kind === 'external') put(egress, peerKey(c.src), peerKey(c.dst), c.conns);
    }
    if (dst && realKeys.has(dst)) {
      if (src && labelOf.has(src)) put(ingress, peerKey(c.dst), labelOf.get(src) as string, c.conns);
      else if (c.src.kind === 'external') put(ingress, peerKey(c.dst), peerKey(c.src), c.conns);
    }
  }
  return { value: { egress: entries(egress), ingress: entries(ingress) }, diagnostics: [] };
}

/** Sorted entries; a representative whose connections entire-cluster already has is left out. */
function entries(m: Map<string, Map<string, ConnectionSet>>): ExposureEntry[] {
  const out: ExposureEntry[] = [];
  for (const [workload, peers] of [...m].sort(([a], [b]) => compareStrings(a, b))) {
    const everyone = peers.get(ENTIRE_CLUSTER) ?? ConnectionSet.NONE;
    for (const [peer, conns] of [...peers].sort(([a], [b]) => compareStrings(a, b))) {
      // address ranges end in [External]; representatives other than entire-cluster may be covered by it
      const representative = peer !== ENTIRE_CLUSTER && !peer.endsWith('[External]');
      if (representative && conns.isSubsetOf(everyone)) continue;
      out.push({ workload, peer, conns });
    }
  }
  return out;
}

function representativeNamespace(match: NamespaceMatch, cluster: Cluster, newNamespace: (labels: Record<string, string>) => Namespace): Namespace | undefined {
  if (match.kind === 'named') return cluster.namespaces.get(match.name) ?? { name: match.name, labels: { [NAMESPACE_NAME_LABEL]: match.name }, declared: false };
  const labels = labelsFor(match.selector);
  return labels ? newNamespace(labels) : undefined;
}

export type { WorkloadRef };
