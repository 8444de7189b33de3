import { ConnectionSet, type Protocol } from '../model/connection-set.js';
import { formatIp, type IpRange } from '../model/ip.js';
import { Codes, diag, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js';
import { compareStrings, NAMESPACE_NAME_LABEL, type Cluster, type Workload, workloadKey } from '../manifests/cluster.js';
import { originRef } from '../manifests/objects.js';
import { evidenceText, type Link } from '../topology/links.js';
import { peerKey, type Peer } from '../model/peer.js';
import type { LabelSelector } from '../manifests/schemas.js';
import { presetFor, presetRules, type Preset } from './presets.js';
import { minimalSelector, type WorkloadSelector } from './selectors.js';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'netpol-ci';
export const RULES_ANNOTATION = 'netpol-ci.io/rules';

export interface PodPeerSelector {
  readonly namespaceLabels?: Readonly<Record<string, string>>;
  readonly podLabels?: Readonly<Record<string, string>>;
}

export interface SynthesisOptions {
  readonly defaultDeny: boolean;
  /** Port DNS listens on (53; OpenShift's DNS pods listen on 5353). */
  readonly dnsPort: number;
  /** Where DNS runs. */
  readonly dns: { readonly namespace: string; readonly podLabels: Readonly<Record<string, string>> };
  /** Where the ingress controller (and Gateway implementations) run; undefined: any namespace. */
  readonly ingressController?: PodPeerSelector;
  readonly namePrefix: string;
  /** Stances per namespace or workload, applied before the links (presets.ts). */
  readonly presets?: readonly Preset[];
  /** Peer-only rules: no ports (ACS' exclude ports and protocols). */
  readonly noPorts?: boolean;
  /** Workloads left untouched (synthesize --existing): workloadKey -> why (existing.ts). */
  readonly skip?: ReadonlyMap<string, string>;
}

export const DEFAULT_SYNTHESIS_OPTIONS: SynthesisOptions = {
  defaultDeny: true,
  dnsPort: 53,
  dns: { namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } },
  namePrefix: '',
};

/** One entry of a rule's `from` / `to`, as the NetworkPolicy API spells it. */
export interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

/** One entry of a rule's `ports`: a port, a range (`endPort`), or the whole protocol. */
export interface PolicyPort {
  protocol: Protocol;
  port?: number;
  endPort?: number;
}

export interface IngressRule {
  from: PolicyPeer[];
  ports?: PolicyPort[];
}

export interface EgressRule {
  to: PolicyPeer[];
  ports?: PolicyPort[];
}

/** A NetworkPolicy manifest, as typed data in the order Kubernetes prints its fields. */
export interface NetworkPolicyManifest {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'NetworkPolicy';
  metadata: { name: string; namespace: string; labels: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    podSelector: LabelSelector;
    policyTypes: ('Ingress' | 'Egress')[];
    ingress?: IngressRule[];
    egress?: EgressRule[];
  };
}

export interface Synthesized {
  /** Sorted by namespace, then name (default-deny first in each namespace). */
  readonly policies: readonly NetworkPolicyManifest[];
}

/** ConnectionSet -> NetworkPolicy `ports`: one entry per interval, `port`+`endPort` for ranges; undefined for all. */
export function portsOf(conns: ConnectionSet): PolicyPort[] | undefined {
  if (conns.isAll) return undefined;
  const out: PolicyPort[] = [];
  for (const [protocol, ports] of conns.entries()) {
    if (ports.size === 65535) {
      out.push({ protocol });
      continue;
    }
    for (const [lo, hi] of ports.intervals()) out.push(lo === hi ? { protocol, port: lo } : { protocol, port: lo, endPort: hi });
  }
  return out;
}

function cidrsOf(range: IpRange): string[] {
  // the smallest set of CIDR blocks covering exactly the range
  const bits = range.family === 4 ? 32 : 128;
  const out: string[] = [];
  let lo = range.lo;
  while (lo <= range.hi) {
    let size = 0;
    while (size < bits && (lo & ((1n << BigInt(size + 1)) - 1n)) === 0n && lo + (1n << BigInt(size + 1)) - 1n <= range.hi) size++;
    out.push(`${formatIp(range.family, lo)}/${bits - size}`);
    lo += 1n << BigInt(size);
  }
  return out;
}

/**
 * Least-privilege NetworkPolicies for the links: one per workload (selecting exactly its pods),
 * ingress one rule per source, egress one rule per destination plus DNS, and a default deny per
 * namespace. Each policy's annotation says, per rule, which links it serves and where they came from.
 */
export function synthesizePolicies(cluster: Cluster, links: readonly Link[], options: SynthesisOptions = DEFAULT_SYNTHESIS_OPTIONS): StageResult<Synthesized> {
  const diagnostics: Diagnostic[] = [];
  const byNs = new Map<string, Workload[]>();
  for (const w of cluster.workloads) {
    const list = byNs.get(w.ref.namespace) ?? [];
    list.push(w);
    byNs.set(w.ref.namespace, list);
  }
  const selectors = new Map<string, WorkloadSelector>();
  for (const w of cluster.workloads) {
    const sel = minimalSelector(w, byNs.get(w.ref.namespace) ?? []);
    selectors.set(workloadKey(w.ref), sel);
    if (!sel.unique) {
      diagnostics.push(
        diag(
          Codes.unsupportedValue,
          'warning',
          `no label selector picks only ${workloadKey(w.ref)}; its rules also apply to other pods matching ${JSON.stringify(sel.selector)}`,
          originRef(w.origin, ['metadata', 'name']),
        ),
      );
    }
  }
  const peerFor = (p: Peer, fromNamespace: string): PolicyPeer[] | undefined => {
    switch (p.kind) {
      case 'workload': {
        const sel = selectors.get(workloadKey(p.ref));
        const podSelector = copySelector(sel?.selector ?? {});
        return p.ref.namespace === fromNamespace
          ? [{ podSelector }]
          : [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: p.ref.namespace } }, podSelector }];
      }
      case 'ingress-controller':
      case 'gateway': {
        const ic = options.ingressController;
        if (!ic) return [{ namespaceSelector: {} }];
        return [
          {
            namespaceSelector: ic.namespaceLabels ? { matchLabels: { ...ic.namespaceLabels } } : {},
            ...(ic.podLabels ? { podSelector: { matchLabels: { ...ic.podLabels } } } : {}),
          },
        ];
      }
      case 'external':
        return cidrsOf(p.range).map((cidr) => ({ ipBlock: { cidr } }));
    }
  };

  const linksTo = new Map<string, Link[]>();
  const linksFrom = new Map<string, Link[]>();
  const known = new Set(cluster.workloads.map((w) => workloadKey(w.ref)));
  // rules follow the links in a stable order, whatever order a links file lists them in
  const ordered = [...links].sort((a, b) => compareStrings(peerKey(a.src), peerKey(b.src)) || compareStrings(peerKey(a.dst), peerKey(b.dst)));
  for (const l of ordered) {
    const unknown = [l.src, l.dst].find((p) => p.kind === 'workload' && !known.has(workloadKey(p.ref)));
    if (unknown) {
      const intent = l.evidence.find((e) => e.kind === 'intent');
      diagnostics.push(
        diag(
          Codes.danglingReference,
          'error',
          `link ${peerKey(l.src)} => ${peerKey(l.dst)} names ${peerKey(unknown)}, which is not in the manifests; link ignored`,
          intent && 'at' in intent ? intent.at : undefined,
        ),
      );
      continue;
    }
    if (l.dst.kind === 'workload') push(linksTo, workloadKey(l.dst.ref), l);
    if (l.src.kind === 'workload') push(linksFrom, workloadKey(l.src.ref), l);
  }
  const policies: NetworkPolicyManifest[] = [];
  for (const [ns, workloads] of [...byNs].sort(([a], [b]) => compareStrings(a, b))) {
    // a namespace holding a workload left untouched gets no default deny: it would isolate that workload
    const untouched = workloads.some((w) => options.skip?.has(workloadKey(w.ref)));
    if (options.defaultDeny && !untouched) {
      policies.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: `${options.namePrefix}default-deny`, namespace: ns, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
        spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
      });
    }
    const names = new Map<string, number>();
    for (const w of workloads) names.set(w.ref.name, (names.get(w.ref.name) ?? 0) + 1);
    for (const w of [...workloads].sort((a, b) => compareStrings(workloadKey(a.ref), workloadKey(b.ref)))) {
      const key = workloadKey(w.ref);
      if (options.skip?.has(key)) continue;
      const sel = selectors.get(key) as WorkloadSelector;
      // presets come first, before the link rules
      const preset = presetRules(presetFor(w, options.presets ?? []));
      const ingress: IngressRule[] = [...preset.ingress];
      const egress: EgressRule[] = [...preset.egress];
      const notes: string[] = [...preset.notes];
      const wanted = (other: Peer) => preset.links === 'all' || (preset.links === 'other-namespaces' && !(other.kind === 'workload' && other.ref.namespace === ns));
      const rule = (direction: 'ingress' | 'egress', l: Link, peers: PolicyPeer[]) => {
        const ports = options.noPorts ? undefined : portsOf(l.conns);
        const list: { from?: PolicyPeer[]; to?: PolicyPeer[]; ports?: PolicyPort[] }[] = direction === 'ingress' ? ingress : egress;
        const other = direction === 'ingress' ? l.src : l.dst;
        const why = `${direction === 'ingress' ? '<-' : '->'} ${peerKey(other)} ${l.conns.toString()}: ${l.evidence.map(evidenceText).join('; ')}`;
        // peer-only rules: links to the same peers share one rule
        const same = options.noPorts ? list.findIndex((r) => !r.ports && JSON.stringify(r.from ?? r.to) === JSON.stringify(peers)) : -1;
        if (same >= 0) {
          notes.push(`${direction}[${same}] ${why}`);
          return;
        }
        if (direction === 'ingress') ingress.push({ from: peers, ...(ports ? { ports } : {}) });
        else egress.push({ to: peers, ...(ports ? { ports } : {}) });
        notes.push(`${direction}[${list.length - 1}] ${why}`);
      };
      // a link the preset decides keeps its provenance: which preset rule covers it, or that it is blocked
      const decided = (direction: 'ingress' | 'egress', l: Link) => {
        const other = direction === 'ingress' ? l.src : l.dst;
        const covered = (direction === 'ingress' ? preset.ingress : preset.egress).length > 0;
        notes.push(`${covered ? `${direction}[0]` : `(${direction} not allowed)`} ${direction === 'ingress' ? '<-' : '->'} ${peerKey(other)} ${l.conns.toString()}: ${covered ? 'covered by the preset' : 'blocked by the preset'}; ${l.evidence.map(evidenceText).join('; ')}`);
      };
      for (const l of linksTo.get(key) ?? []) {
        if (!wanted(l.src)) {
          decided('ingress', l);
          continue;
        }
        const peers = peerFor(l.src, ns);
        if (peers) rule('ingress', l, peers);
      }
      for (const l of linksFrom.get(key) ?? []) {
        if (l.dst.kind === 'ingress-controller' || l.dst.kind === 'gateway') continue;
        if (!wanted(l.dst)) {
          decided('egress', l);
          continue;
        }
        const peers = peerFor(l.dst, ns);
        if (peers) rule('egress', l, peers);
      }
      if (egress.length > 0 && preset.dns) {
        const dnsConns = ConnectionSet.port('UDP' as Protocol, options.dnsPort).union(ConnectionSet.port('TCP', options.dnsPort));
        egress.push({
          to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: options.dns.namespace } }, podSelector: { matchLabels: { ...options.dns.podLabels } } }],
          ...(options.noPorts ? {} : { ports: portsOf(dnsConns) as PolicyPort[] }),
        });
        notes.push(`egress[${egress.length - 1}] -> DNS (${options.dns.namespace}, ${Object.entries(options.dns.podLabels).map(([k, v]) => `${k}=${v}`).join(',')}) ${dnsConns.toString()}: needed by every workload with egress${options.noPorts ? ' (the rule names no ports: --no-ports)' : ''}`);
      }
      const base = (names.get(w.ref.name) ?? 0) > 1 ? `${w.ref.name}-${w.ref.kind.toLowerCase()}` : w.ref.name;
      policies.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: {
          name: `${options.namePrefix}${base}-netpol`,
          namespace: ns,
          labels: { [MANAGED_BY_LABEL]: MANAGED_BY },
          ...(notes.length > 0 ? { annotations: { [RULES_ANNOTATION]: notes.join('\n') } } : {}),
        },
        spec: {
          podSelector: copySelector(sel.selector),
          policyTypes: ['Ingress', 'Egress'],
          ...(ingress.length > 0 ? { ingress } : {}),
          ...(egress.length > 0 ? { egress } : {}),
        },
      });
    }
  }
  return { value: { policies }, diagnostics };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A fresh copy, so that the emitted YAML never shares (and aliases) one object. */
function copySelector(s: LabelSelector): LabelSelector {
  return {
    ...(s.matchLabels ? { matchLabels: { ...s.matchLabels } } : {}),
    ...(s.matchExpressions ? { matchExpressions: s.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...(e.values ? { values: [...e.values] } : {}) })) } : {}),
  };
}
