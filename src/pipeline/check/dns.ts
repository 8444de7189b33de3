import { PolicyEngine } from '../../connectivity/engine.js';
import type { UnmetLink } from '../../connectivity/needs.js';
import { buildCluster, type Workload } from '../../manifests/cluster.js';
import { loadObjects } from '../../manifests/load.js';
import { ConnectionSet } from '../../model/connection-set.js';
import { peerKey, workloadKey, type Peer } from '../../model/peer.js';
import type { Evidence, Link } from '../../topology/links.js';
import { resolvesThroughClusterDns } from '../../topology/scan.js';
import { engineOptions, type ReadSettings } from '../settings.js';
import { dnsProbe } from '../verify.js';
import type { LoadedSide } from './sides.js';

/** Where the cluster DNS runs, as `synthesize` and `verify` take it (`--dns-namespace`, `--dns-selector`, `--dns-port`). */
export interface DnsBasis {
  readonly namespace: string;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly port: number;
}

/**
 * A workload's DNS need that one side's policies block. `named`: the workload names the cluster
 * DNS Service itself (scan's DNS use, cited in the link's evidence); `egress`: it has egress needs,
 * so it resolves names (the rule `synthesize` writes the DNS rule by, and `verify` judges by).
 */
export interface UnmetDns extends UnmetLink {
  readonly dns: 'named' | 'egress';
}

/**
 * The DNS needs of one side that its own policies (those in its manifests) block: from every
 * workload with an egress need or a DNS use whose pods resolve through the cluster DNS, UDP and TCP
 * on the DNS port to each DNS pod. The DNS pods are the manifests' own when they hold them (their
 * connectivity answers); else a stand-in pod, as `verify` assumes, in an engine of its own, so that
 * it never shows in the side's connectivity or diff. `only` limits the judgement to those workloads
 * (base is asked only about what head blocks).
 */
export function unmetDnsNeeds(side: LoadedSide, basis: DnsBasis, settings: ReadSettings, only?: ReadonlySet<string>): UnmetDns[] {
  const clients = dnsClients(side, only);
  if (clients.size === 0) return [];
  const conns = ConnectionSet.port('UDP', basis.port).union(ConnectionSet.port('TCP', basis.port));
  const isDnsPod = (w: Workload) => w.ref.namespace === basis.namespace && w.pods.some((p) => Object.entries(basis.podLabels).every(([k, v]) => p.labels[k] === v));
  const own = side.cluster.workloads.filter(isDnsPod);
  let allowed: (src: Peer, dst: Peer) => ConnectionSet;
  let dnsPods: readonly Peer[];
  if (own.length > 0) {
    const pairs = new Map<string, ConnectionSet>();
    const keys = new Set(own.map((w) => peerKey({ kind: 'workload', ref: w.ref })));
    for (const c of side.connectivity.connections) if (keys.has(peerKey(c.dst))) pairs.set(`${peerKey(c.src)}\u0000${peerKey(c.dst)}`, c.conns);
    allowed = (src, dst) => pairs.get(`${peerKey(src)}\u0000${peerKey(dst)}`) ?? ConnectionSet.NONE;
    dnsPods = own.map((w) => ({ kind: 'workload', ref: w.ref }));
  } else {
    // no policy at all: nothing is blocked (and no engine is worth building)
    if (side.engine.policies.length === 0) return [];
    const probe = loadObjects([dnsProbe({ namespace: basis.namespace, podLabels: { ...basis.podLabels } }, basis.port)]).objects;
    const cluster = buildCluster([...side.cluster.objects, ...probe]).cluster;
    const engine = new PolicyEngine(cluster, engineOptions(settings));
    const stand = cluster.workloads.find((w) => isDnsPod(w) && !side.cluster.workloads.some((o) => workloadKey(o.ref) === workloadKey(w.ref)));
    if (!stand) return [];
    allowed = (src, dst) => {
      // a workload whose pods carry different labels is the union of its classes, as in `connectivity`
      let out = ConnectionSet.NONE;
      const srcClasses = src.kind === 'workload' ? (engine.classes.byWorkload.get(workloadKey(src.ref)) ?? []) : [];
      const dstClasses = dst.kind === 'workload' ? (engine.classes.byWorkload.get(workloadKey(dst.ref)) ?? []) : [];
      for (const s of srcClasses) for (const d of dstClasses) out = out.union(engine.pairConns(s, d));
      return out;
    };
    dnsPods = [{ kind: 'workload', ref: stand.ref }];
  }
  const out: UnmetDns[] = [];
  for (const [, client] of [...clients].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const src: Peer = { kind: 'workload', ref: client.workload.ref };
    for (const dst of dnsPods) {
      if (peerKey(dst) === peerKey(src)) continue;
      const have = allowed(src, dst).intersect(conns);
      const missing = conns.subtract(have);
      if (missing.isEmpty) continue;
      const link: Link = { src, dst, conns, evidence: client.evidence };
      out.push({ link, allowed: have, missing, dns: client.evidence.length > 0 ? 'named' : 'egress' });
    }
  }
  return out;
}

/** The workloads that need the cluster DNS, by workload key, with where they name it (none: they need it for their egress). */
function dnsClients(side: LoadedSide, only: ReadonlySet<string> | undefined): Map<string, { workload: Workload; evidence: Evidence[] }> {
  const byKey = new Map(side.cluster.workloads.map((w) => [workloadKey(w.ref), w]));
  const out = new Map<string, { workload: Workload; evidence: Evidence[] }>();
  const add = (key: string, evidence?: Evidence) => {
    if (only && !only.has(key)) return;
    const w = byKey.get(key);
    if (!w) return;
    let entry = out.get(key);
    if (!entry) out.set(key, (entry = { workload: w, evidence: [] }));
    if (evidence) entry.evidence.push(evidence);
  };
  // a DNS use names the cluster DNS Service itself (its own dnsConfig included): it queries it whatever its DNS policy
  for (const u of side.topology.dns ?? []) add(workloadKey(u.workload), u.evidence);
  for (const l of side.topology.links) {
    // the ingress controller and Gateways are no destinations a policy's egress names (as in verify)
    if (l.src.kind !== 'workload' || l.dst.kind === 'ingress-controller' || l.dst.kind === 'gateway') continue;
    const key = workloadKey(l.src.ref);
    const w = byKey.get(key);
    // pods that resolve through their node (dnsPolicy Default, hostNetwork) or only their own servers (None) never query the cluster DNS
    if (w && resolvesThroughClusterDns(w)) add(key);
  }
  return out;
}
