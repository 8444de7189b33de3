import { ConnectionSet } from '../model/connection-set.js';
import { rangeToCidrs, type IpFamily } from '../model/ip.js';
import { everywhereCidrs, everywherePeers } from './everywhere.js';
import { workloadKey, type Peer, type WorkloadRef } from '../model/peer.js';
import { compareStrings, type Workload } from '../manifests/cluster.js';
import { connsAtDestination, IN_CLUSTER_REASONS, type Gap } from '../topology/gaps.js';
import type { Evidence, Link } from '../topology/links.js';
import type { PolicyPeer } from './synthesize.js';

/**
 * How `synthesize` closes gaps (what the manifests cannot tell):
 *
 * - `deny` (the default): strict least privilege, gaps stay closed and are reported (the gap
 *   summary names each with file:line), so the policies allow exactly the links found: what
 *   reviewers and the conformance goldens expect of a generator;
 * - `namespace`: a workload with no known caller accepts its listening ports from
 *   every workload of its own namespace (and each of them may reach it, itself included); a
 *   workload with an unresolved in-cluster address may reach every workload of its namespace
 *   (and each accepts it, itself included); an unresolved address outside the cluster (a
 *   hostname, the API server) opens egress to any address (0.0.0.0/0) on that address's port;
 *   a destination in a known namespace (a mesh's control plane) opens egress to that namespace
 *   on its ports. Nothing else crosses a namespace.
 * - `open`: the workload is left unrestricted in that direction: anyone (any namespace, any
 *   address) may reach a workload without a known caller, and a workload with an unresolved
 *   address may reach anything; every workload's rules (its own too) let that traffic through.
 *
 * A policy only allows a connection when the source's egress AND the destination's ingress do,
 * so every closure writes both sides. Each rule's provenance note starts with `gap`.
 */
export const GAP_MODES = ['namespace', 'deny', 'open'] as const;
export type GapMode = (typeof GAP_MODES)[number];

export interface GapRule {
  readonly direction: 'ingress' | 'egress';
  readonly peers: PolicyPeer[];
  readonly conns: ConnectionSet;
  readonly note: string;
}

const outside = (families: readonly IpFamily[] | undefined): PolicyPeer[] => everywhereCidrs(families).map((cidr) => ({ ipBlock: { cidr } }));
const anywhere = (families: readonly IpFamily[] | undefined): PolicyPeer[] => [{ namespaceSelector: {} }, ...outside(families)];
// a front end naming no callee (no-egress-target) calls in-cluster upstreams, if any
const inCluster = (reason: Gap['reason']) => reason === 'no-egress-target' || (IN_CLUSTER_REASONS as ReadonlySet<string>).has(reason);

/**
 * The extra rules each workload gets (workloadKey -> rules). `podPeer(ref, fromNamespace)` is the
 * peer selecting exactly that workload's pods as seen from a policy in `fromNamespace`.
 */
export function gapRules(
  workloads: readonly Workload[],
  gaps: readonly Gap[],
  mode: GapMode,
  podPeer: (ref: WorkloadRef, fromNamespace: string) => PolicyPeer[],
  families?: readonly IpFamily[],
): Map<string, GapRule[]> {
  const out = new Map<string, GapRule[]>();
  if (mode === 'deny' || gaps.length === 0) return out;
  const add = (ref: WorkloadRef, r: GapRule) => {
    const k = workloadKey(ref);
    const list = out.get(k) ?? [];
    list.push(r);
    out.set(k, list);
  };
  const tag = `gap (--gaps=${mode})`;
  // one closure per workload and kind of gap, over the union of the gaps' ports
  const merged = new Map<string, { workload: WorkloadRef; kind: 'ingress' | 'egress-cluster' | 'egress-outside' | 'egress-namespace' | 'egress-address'; target?: string; conns: ConnectionSet; details: string[] }>();
  for (const g of gaps) {
    // a destination whose namespace is known (a mesh's control plane) is closed towards that namespace only
    // and one whose address is known (a link-local address) towards that address only
    const kind = g.direction === 'ingress' ? 'ingress' : g.namespace !== undefined ? 'egress-namespace' : g.range !== undefined ? 'egress-address' : inCluster(g.reason) ? 'egress-cluster' : 'egress-outside';
    const target = g.namespace ?? (g.range !== undefined ? rangeToCidrs(g.range).join(',') : undefined);
    const k = `${workloadKey(g.workload)}\u0000${kind}\u0000${target ?? ''}`;
    const cur = merged.get(k) ?? { workload: g.workload, kind, ...(target !== undefined ? { target } : {}), conns: ConnectionSet.NONE, details: [] };
    cur.conns = cur.conns.union(connsAtDestination(g.reason, g.conns));
    cur.details.push(g.value !== undefined ? `${JSON.stringify(g.value)}: ${g.detail}` : g.detail);
    merged.set(k, cur);
  }
  // by workload and kind of gap, never by where the gaps were written: the rules' order is the same whatever the document order
  for (const m of [...merged].sort(([a], [b]) => compareStrings(a, b)).map(([, v]) => v)) {
    const w = m.workload;
    const ns = w.namespace;
    const why = m.details.join('; ');
    // the workload itself is one of "the workloads of its namespace" (and of everyone): Kubernetes has no
    // same-workload allowance, a policy isolates one workload's replicas from each other like any pods,
    // so its own pods get the other end of the closure too (a Valkey cluster bus, etcd's peer port)
    const sameNs = workloads.filter((x) => x.ref.namespace === ns);
    const whom = (x: Workload) => `${workloadKey(w)}${workloadKey(x.ref) === workloadKey(w) ? ' (its own pods)' : ''}`;
    if (m.kind === 'ingress') {
      if (mode === 'namespace') {
        add(w, { direction: 'ingress', peers: [{ podSelector: {} }], conns: m.conns, note: `${tag} <- namespace ${ns}: ${why}` });
        for (const x of sameNs) add(x.ref, { direction: 'egress', peers: podPeer(w, ns), conns: m.conns, note: `${tag} -> ${whom(x)}: it has no known caller in the manifests` });
      } else {
        add(w, { direction: 'ingress', peers: anywhere(families), conns: ConnectionSet.ALL, note: `${tag} <- anywhere: ${why}` });
        for (const x of workloads) add(x.ref, { direction: 'egress', peers: podPeer(w, x.ref.namespace), conns: ConnectionSet.ALL, note: `${tag} -> ${whom(x)}: it has no known caller in the manifests` });
      }
    } else if (mode === 'open') {
      add(w, { direction: 'egress', peers: anywhere(families), conns: ConnectionSet.ALL, note: `${tag} -> anywhere: ${why}` });
      for (const x of workloads) add(x.ref, { direction: 'ingress', peers: podPeer(w, x.ref.namespace), conns: ConnectionSet.ALL, note: `${tag} <- ${whom(x)}: it has an unresolved destination` });
    } else if (m.kind === 'egress-namespace') {
      const target = m.target as string;
      add(w, { direction: 'egress', peers: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': target } } }], conns: m.conns, note: `${tag} -> namespace ${target}: ${why}` });
      // the destination's side too, for the workloads of that namespace the input holds (a connection needs both)
      for (const x of workloads) {
        if (x.ref.namespace === target) add(x.ref, { direction: 'ingress', peers: podPeer(w, target), conns: m.conns, note: `${tag} <- ${whom(x)}: it has an unresolved destination in namespace ${target}` });
      }
    } else if (m.kind === 'egress-address') {
      const cidrs = (m.target as string).split(',');
      add(w, { direction: 'egress', peers: cidrs.map((cidr) => ({ ipBlock: { cidr } })), conns: m.conns, note: `${tag} -> ${cidrs.join(', ')}: ${why}` });
    } else if (m.kind === 'egress-cluster') {
      add(w, { direction: 'egress', peers: [{ podSelector: {} }], conns: m.conns, note: `${tag} -> namespace ${ns}: ${why}` });
      for (const x of sameNs) add(x.ref, { direction: 'ingress', peers: podPeer(w, ns), conns: m.conns, note: `${tag} <- ${whom(x)}: it has an unresolved destination in the namespace` });
    } else {
      add(w, { direction: 'egress', peers: outside(families), conns: m.conns, note: `${tag} -> ${everywhereCidrs(families).join(', ')}: ${why}` });
    }
  }
  return out;
}


/**
 * What `gapRules` opens, as links between the workloads (and outside addresses): the needs that
 * `verify --gaps MODE` adds, so that policies synthesized with that mode verify clean and
 * `verify --fix` keeps the openings. Mirrors gapRules case by case:
 *
 * - ingress gap of W: `namespace`, each workload of W's namespace (W too) reaches W on the gap's
 *   ports; `open`, every workload and every outside address reaches W on everything;
 * - in-cluster egress gap of W: `namespace`, W reaches each workload of its namespace (itself too)
 *   on the address's port (of the gap's own namespace when it names one: a mesh's control plane);
 *   `open`, W reaches every workload and address;
 *
 * W -> W is a link from a workload to itself: synthesize writes it (a baseline-cut closure keeps it),
 * while drift cannot judge it (connectivity has no self-pairs) and gives it no row (drift/repo.ts).
 * - egress gap outside the cluster (a hostname, the API server): `namespace`, W reaches 0.0.0.0/0 on
 *   the address's port (and 6443 beside the API server's 443); `open`, as above.
 */
export function gapLinks(workloads: readonly Workload[], gaps: readonly Gap[], mode: GapMode, families?: readonly IpFamily[]): Link[] {
  if (mode === 'deny') return [];
  const everywhere = everywherePeers(families);
  const out: Link[] = [];
  const self = (ref: WorkloadRef): Peer => ({ kind: 'workload', ref });
  for (const g of gaps) {
    const w = g.workload;
    const evidence: Evidence[] = [{ kind: 'gap', mode, at: g.at, detail: g.value !== undefined ? `${JSON.stringify(g.value)}: ${g.detail}` : g.detail }];
    // W itself among them, as in gapRules: its replicas reach each other through the closure (a self link)
    const others = workloads.filter((x) => mode === 'open' || x.ref.namespace === w.namespace);
    const conns = mode === 'open' ? ConnectionSet.ALL : g.conns;
    if (g.direction === 'ingress') {
      for (const x of others) out.push({ src: self(x.ref), dst: self(w), conns, evidence });
      if (mode === 'open') for (const a of everywhere) out.push({ src: a, dst: self(w), conns, evidence });
    } else if (mode === 'namespace' && g.range !== undefined) {
      // a known address (a link-local one): that address only
      out.push({ src: self(w), dst: { kind: 'external', range: g.range }, conns, evidence });
    } else if (mode === 'namespace' && g.namespace !== undefined) {
      // a destination whose namespace is known: W reaches the workloads of that namespace the input holds
      for (const x of workloads) if (x.ref.namespace === g.namespace) out.push({ src: self(w), dst: self(x.ref), conns, evidence });
    } else if (mode === 'open' || inCluster(g.reason)) {
      for (const x of others) out.push({ src: self(w), dst: self(x.ref), conns, evidence });
      if (mode === 'open') for (const a of everywhere) out.push({ src: self(w), dst: a, conns, evidence });
    } else {
      for (const a of everywhere) out.push({ src: self(w), dst: a, conns: connsAtDestination(g.reason, conns), evidence });
    }
  }
  return out;
}
