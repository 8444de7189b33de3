import { Codes, diag, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js';
import { originRef } from '../manifests/objects.js';
import { compareStrings, NAMESPACE_NAME_LABEL, type Cluster, type Namespace, type Workload } from '../manifests/cluster.js';
import type { LabelSelector } from '../manifests/schemas.js';
import { ConnectionSet } from '../model/connection-set.js';
import { peerKey, workloadKey, type WorkloadRef } from '../model/peer.js';
import type { RepresentedPods } from './classes.js';
import { PolicyEngine, type EngineOptions } from './engine.js';
import { compilePolicies, type NamespaceMatch } from './policy.js';
import { isEmptySelector, selectorKey, selectorMatches } from './selector.js';

/**
 * Exposure (netpol-analyzer `--exposure`): which workloads are reachable from, or reach, peers the
 * manifests do not hold: any pod of any namespace ("entire-cluster"), pods a rule's selectors
 * could match in namespaces that are not in the manifests, and external addresses.
 *
 * Method: representative peers. One hypothetical pod without labels in a new, unlabelled
 * namespace stands for "entire-cluster"; for every pod peer of every rule, one hypothetical pod
 * whose namespace and labels satisfy the peer's selectors (the fewest labels that do) stands for
 * the pods it could match. The engine then evaluates the cluster plus these pods, with two
 * differences from real pods: a rule's peer matches a representative only if it matches every
 * pod the representative stands for (selector containment, classes.ts), so what is reported for
 * `entire-cluster` or `[pod with {app NotIn (x)}]` holds for all such pods, not for one lucky
 * witness; and a representative is no policy's subject (binding.ts), so what is reported is what
 * the real workload's own policies let in and out. As in netpol-analyzer:
 * - a representative whose selectors (labels only, naming a namespace) a real pod of the
 *   manifests matches is dropped: that pod's own lines already tell;
 * - a representative's answer equal to the workload's entire-cluster answer is not repeated,
 *   and one that differs is, even when empty (`No Connections`): entire-cluster then excludes it.
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
  readonly represents: RepresentedPods;
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
  const add = (key: string, label: string, namespace: Namespace, podLabels: Record<string, string>, represents: RepresentedPods) => {
    if (seen.has(key)) return;
    seen.add(key);
    reps.push({ label, namespace, podLabels, represents });
  };
  add('', ENTIRE_CLUSTER, newNamespace({}), {}, { pods: {}, namespaces: {} });
  const diagnostics: Diagnostic[] = [];
  for (const p of policies) {
    for (const d of ['ingress', 'egress'] as const) {
      for (const r of p.rules[d]) {
        // a named port resolves against the destination's containers; a representative has none,
        // so what an egress rule opens on named ports to pods outside the manifests is not listed
        if (d === 'egress' && r.ports.named.length > 0 && r.peers.some((peer) => peer.kind === 'pods' || peer.kind === 'any')) {
          const names = [...new Set(r.ports.named.map((n) => n.name))].sort(compareStrings).join(', ');
          diagnostics.push(
            diag(
              Codes.exposureNamedPortsOmitted,
              'warning',
              `egress to named port${r.ports.named.length === 1 ? '' : 's'} ${names}: the exposure does not list it towards pods outside the manifests (their port numbers are unknown)`,
              originRef(p.origin, ['spec', 'egress', r.ref.index]),
            ),
          );
        }
        for (const peer of r.peers) {
          if (peer.kind !== 'pods') continue;
          const pods = labelsFor(peer.pods);
          if (!pods) continue;
          const ns = representativeNamespace(peer.namespaces, cluster, newNamespace);
          if (!ns) continue;
          if (matchedByRealPod(peer.namespaces, peer.pods, cluster)) continue;
          const named = peer.namespaces.kind === 'named';
          const nsLabel = named ? peer.namespaces.name : `[namespace with ${describeSelector(peer.namespaces.selector)}]`;
          const key = `${named ? `=${peer.namespaces.name}` : `~${selectorKey(peer.namespaces.selector)}`}\u0000${selectorKey(peer.pods)}`;
          add(key, `${nsLabel}/${describePods(peer.pods)}`, ns, pods, named ? { pods: peer.pods } : { pods: peer.pods, namespaces: peer.namespaces.selector });
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
  const representatives = new Map(hypothetical.map((w, i) => [w.ref, (reps[i] as Representative).represents]));
  const engine = new PolicyEngine({ ...cluster, namespaces, workloads: [...real, ...hypothetical] }, { ...options, representatives });
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
  // a representative the workload does not reach (or is not reached by) at all is an exclusion
  // from entire-cluster when the workload is exposed to entire-cluster: listed, with no connections
  const labels = reps.map((r) => r.label).filter((l) => l !== ENTIRE_CLUSTER);
  for (const m of [egress, ingress]) {
    for (const peers of m.values()) {
      if (!peers.has(ENTIRE_CLUSTER)) continue;
      for (const l of labels) if (!peers.has(l)) peers.set(l, ConnectionSet.NONE);
    }
  }
  return { value: { egress: entries(egress), ingress: entries(ingress) }, diagnostics };
}

/** Sorted entries; a representative with the same connections as entire-cluster is left out. */
function entries(m: Map<string, Map<string, ConnectionSet>>): ExposureEntry[] {
  const out: ExposureEntry[] = [];
  for (const [workload, peers] of [...m].sort(([a], [b]) => compareStrings(a, b))) {
    const everyone = peers.get(ENTIRE_CLUSTER) ?? ConnectionSet.NONE;
    for (const [peer, conns] of [...peers].sort(([a], [b]) => compareStrings(a, b))) {
      // address ranges end in [External]; representatives other than entire-cluster may repeat it
      const representative = peer !== ENTIRE_CLUSTER && !peer.endsWith('[External]');
      if (representative && conns.equals(everyone)) continue;
      out.push({ workload, peer, conns });
    }
  }
  return out;
}

/**
 * netpol-analyzer's refinement: a rule peer given by labels only (no expressions), naming pods and
 * a namespace (by name, or by labels), that a real pod of the manifests matches, needs no
 * representative: the real pod's connections already show it.
 */
function matchedByRealPod(ns: NamespaceMatch, pods: LabelSelector, cluster: Cluster): boolean {
  if ((pods.matchExpressions ?? []).length > 0 || isEmptySelector(pods)) return false;
  if (ns.kind === 'selector' && ((ns.selector.matchExpressions ?? []).length > 0 || isEmptySelector(ns.selector))) return false;
  return cluster.workloads.some((w) => {
    const nsLabels = cluster.namespaces.get(w.ref.namespace)?.labels ?? { [NAMESPACE_NAME_LABEL]: w.ref.namespace };
    const inNamespace = ns.kind === 'named' ? w.ref.namespace === ns.name : selectorMatches(ns.selector, nsLabels);
    return inNamespace && w.pods.some((p) => selectorMatches(pods, p.labels));
  });
}

function representativeNamespace(match: NamespaceMatch, cluster: Cluster, newNamespace: (labels: Record<string, string>) => Namespace): Namespace | undefined {
  if (match.kind === 'named') return cluster.namespaces.get(match.name) ?? { name: match.name, labels: { [NAMESPACE_NAME_LABEL]: match.name }, declared: false };
  const labels = labelsFor(match.selector);
  return labels ? newNamespace(labels) : undefined;
}

export type { WorkloadRef };
