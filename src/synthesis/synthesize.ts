import { ConnectionSet, type Protocol } from '../model/connection-set.js';
import { rangesToBlocks, rangeToCidrs, type IpFamily, type IpRange } from '../model/ip.js';
import { everywhereCidrs, isEverywhere } from './everywhere.js';
import { Codes, diag, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js';
import { compareStrings, DEFAULT_NAMESPACE, NAMESPACE_NAME_LABEL, type Cluster, type Workload, workloadKey } from '../manifests/cluster.js';
import { dnsLabelErrors, dnsSubdomainErrors } from '../manifests/k8s-names.js';
import { originRef, rawAt } from '../manifests/objects.js';
import { evidenceText, type Evidence, type Link } from '../topology/links.js';
import { resolvesThroughClusterDns } from '../topology/scan.js';
import { peerKey, type Peer } from '../model/peer.js';
import { linkKey } from '../connectivity/needs.js';
import type { LabelSelector } from '../manifests/schemas.js';
import { chooseSelector, type WorkloadSelector } from './selectors.js';
import { gapRules, type GapMode } from './gap-rules.js';
import type { Gap } from '../topology/gaps.js';
import { presetFor, presetRules, type Preset } from './presets.js';
import { policyNames } from './names.js';

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
  /** The gaps of the input and how to close them (src/synthesis/gap-rules.ts); none: nothing is closed. */
  readonly gaps?: { readonly mode: GapMode; readonly list: readonly Gap[] };
  /** Stances per namespace or workload, applied before the links (presets.ts). */
  readonly presets?: readonly Preset[];
  /** Peer-only rules: no ports (ACS' exclude ports and protocols). */
  readonly noPorts?: boolean;
  /**
   * With noPorts: the links (linkKey) whose rules keep their ports all the same, because a baseline
   * deny rule forbids other connections between the pair, which a peer-only rule would open.
   */
  readonly portsKept?: ReadonlySet<string>;
  /** Workloads left untouched (synthesize --existing): workloadKey -> why (existing.ts). */
  readonly skip?: ReadonlyMap<string, string>;
  /**
   * The cluster's address families (--ip-family; default IPv4): "every outside address" (a
   * LoadBalancer's clients, a gap closure, a link to 0.0.0.0/0) is written in each of them.
   */
  readonly ipFamilies?: readonly IpFamily[];
  /**
   * The links already name every outside address in each family (inEveryFamily): a whole-IPv4
   * peer is then written as it is. Set where baseline rules were applied to the links per family,
   * so that a deny on part of another family's space is not undone here.
   */
  readonly linksInEveryFamily?: boolean;
  /**
   * The workloads that name the cluster DNS Service themselves (scan's DnsUse, workloadKey -> where):
   * they get the DNS rule even with no other egress, and its note cites where they name it.
   */
  readonly dnsClients?: ReadonlyMap<string, readonly Evidence[]>;
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
  const undeclared = cluster.workloads.filter((w) => w.ref.namespace === DEFAULT_NAMESPACE && !declaredNamespace(w));
  if (undeclared.length > 0) {
    diagnostics.push(
      diag(
        Codes.defaultNamespace,
        'warning',
        `${undeclared.length} workload${undeclared.length === 1 ? '' : 's'} (${undeclared.map((w) => workloadKey(w.ref)).join(', ')}) name${undeclared.length === 1 ? 's' : ''} no namespace, so ${undeclared.length === 1 ? 'its policy' : 'their policies'} and the namespace's default-deny land in "default"`,
        originRef((undeclared[0] as Workload).origin, ['metadata']),
        'pass --namespace NS (as kubectl apply -n NS) if the application is deployed elsewhere',
      ),
    );
  }
  const selectors = new Map<string, WorkloadSelector>();
  for (const w of cluster.workloads) {
    const sel = chooseSelector(w, byNs.get(w.ref.namespace) ?? []);
    selectors.set(workloadKey(w.ref), sel);
    if (!sel.unique) {
      diagnostics.push(
        diag(
          Codes.sharedSelector,
          'warning',
          `the policy selector of ${workloadKey(w.ref)} (${JSON.stringify(sel.selector)}) also selects the pods of ${sel.alsoMatches.join(', ')}; its rules apply to them too`,
          originRef(w.origin, ['metadata', 'name']),
          'give each workload a label of its own (app.kubernetes.io/name or app)',
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
        // the whole IPv4 space is "every outside address": in a dual-stack or IPv6 cluster, those of each family
        return (isEverywhere(p.range) && !options.linksInEveryFamily ? everywhereCidrs(options.ipFamilies) : rangeToCidrs(p.range)).map((cidr) => ({ ipBlock: { cidr } }));
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
  const closures = options.gaps
    ? gapRules(cluster.workloads, options.gaps.list, options.gaps.mode, (ref, fromNs) => peerFor({ kind: 'workload', ref }, fromNs) ?? [], options.ipFamilies)
    : new Map<string, never[]>();
  const policies: NetworkPolicyManifest[] = [];
  for (const [ns, workloads] of [...byNs].sort(([a], [b]) => compareStrings(a, b))) {
    // a namespace becomes a file name and a policy's namespace: one kubectl would reject is never written
    const nsErrors = dnsLabelErrors(ns);
    if (nsErrors.length > 0) {
      for (const w of workloads) {
        diagnostics.push(
          diag(Codes.unsafeOutputName, 'error', `namespace ${JSON.stringify(ns)} ${nsErrors[0]}; no policy synthesized for ${workloadKey(w.ref)}`, originRef(w.origin, ['metadata', 'namespace'])),
        );
      }
      continue;
    }
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
    const names = policyNames(
      workloads.map((w) => w.ref),
      options.namePrefix,
    );
    for (const w of [...workloads].sort((a, b) => compareStrings(workloadKey(a.ref), workloadKey(b.ref)))) {
      const key = workloadKey(w.ref);
      if (options.skip?.has(key)) continue;
      const sel = selectors.get(key) as WorkloadSelector;
      // presets come first, before the link rules
      const preset = presetRules(presetFor(w, options.presets ?? []));
      const ingress: IngressRule[] = [...preset.ingress];
      const egress: EgressRule[] = [...preset.egress];
      const notes: string[] = [...preset.notes];
      // the address pieces of one cut gap closure (cutByDenyRules) share their evidence: one rule, by rule index
      const closurePieces = new Map<number, { evidence: Link['evidence']; conns: ConnectionSet; ranges: IpRange[] }>();
      const wanted = (other: Peer) => preset.links === 'all' || (preset.links === 'other-namespaces' && !(other.kind === 'workload' && other.ref.namespace === ns));
      const rule = (direction: 'ingress' | 'egress', l: Link, peers: PolicyPeer[]) => {
        const kept = options.noPorts === true && options.portsKept?.has(linkKey(l)) === true;
        const ports = options.noPorts && !kept ? undefined : portsOf(l.conns);
        const list: { from?: PolicyPeer[]; to?: PolicyPeer[]; ports?: PolicyPort[] }[] = direction === 'ingress' ? ingress : egress;
        const other = direction === 'ingress' ? l.src : l.dst;
        // a self use (its pods calling each other) is said as such, as gap closures say it
        const whom = `${peerKey(other)}${peerKey(l.src) === peerKey(l.dst) ? ' (its own pods)' : ''}`;
        const why = `${direction === 'ingress' ? '<-' : '->'} ${whom} ${l.conns.toString()}: ${l.evidence.map(evidenceText).join('; ')}${kept ? ' (ports kept despite --no-ports: a baseline deny rule forbids other connections of this pair)' : ''}`;
        // the pieces of a gap closure cut around a baseline deny: joined into the rule of the first, the cut-out blocks as `except`
        const piece = other.kind === 'external' && l.evidence.some((e) => e.kind === 'gap') ? other.range : undefined;
        if (piece) {
          const at = [...closurePieces].find(([i, r]) => r.evidence === l.evidence && r.conns.equals(l.conns) && i < list.length && i >= 0 && (list[i]?.from ?? list[i]?.to)?.every((p) => p.ipBlock))?.[0];
          const joined = at !== undefined ? closurePieces.get(at) : undefined;
          if (at !== undefined && joined) {
            joined.ranges.push(piece);
            const blocks = rangesToBlocks(joined.ranges).map((b) => ({ ipBlock: { cidr: b.cidr, ...(b.except ? { except: [...b.except] } : {}) } }));
            const r = list[at] as { from?: PolicyPeer[]; to?: PolicyPeer[] };
            if (direction === 'ingress') r.from = blocks;
            else r.to = blocks;
            notes.push(`${direction}[${at}] ${why}`);
            return;
          }
        }
        // peer-only rules: links to the same peers share one rule
        const same = options.noPorts && !kept ? list.findIndex((r) => !r.ports && JSON.stringify(r.from ?? r.to) === JSON.stringify(peers)) : -1;
        if (same >= 0) {
          notes.push(`${direction}[${same}] ${why}`);
          return;
        }
        if (direction === 'ingress') ingress.push({ from: peers, ...(ports ? { ports } : {}) });
        else egress.push({ to: peers, ...(ports ? { ports } : {}) });
        if (piece) closurePieces.set(list.length - 1, { evidence: l.evidence, conns: l.conns, ranges: [piece] });
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
      if (isDnsWorkload(w, options)) {
        // the DNS pods are in the manifests: their policy must admit the DNS egress every other policy allows
        const dnsConns = ConnectionSet.port('UDP' as Protocol, options.dnsPort).union(ConnectionSet.port('TCP', options.dnsPort));
        ingress.push({ from: [{ namespaceSelector: {} }], ...(options.noPorts ? {} : { ports: portsOf(dnsConns) as PolicyPort[] }) });
        notes.push(`ingress[${ingress.length - 1}] <- DNS clients (every namespace) ${dnsConns.toString()}: every workload with egress needs DNS${noPortsNote(options)}`);
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
      for (const g of closures.get(key) ?? []) {
        // --no-ports holds for gap closures too: a peer-only closure, shared with a peer-only rule to the same peers
        const ports = options.noPorts ? undefined : portsOf(g.conns);
        const list: { from?: PolicyPeer[]; to?: PolicyPeer[]; ports?: PolicyPort[] }[] = g.direction === 'ingress' ? ingress : egress;
        const same = options.noPorts ? list.findIndex((r) => !r.ports && JSON.stringify(r.from ?? r.to) === JSON.stringify(g.peers)) : -1;
        if (same >= 0) {
          notes.push(`${g.direction}[${same}] ${g.note}${g.conns.isAll ? '' : noPortsNote(options)}`);
          continue;
        }
        if (g.direction === 'ingress') ingress.push({ from: g.peers, ...(ports ? { ports } : {}) });
        else egress.push({ to: g.peers, ...(ports ? { ports } : {}) });
        notes.push(`${g.direction}[${list.length - 1}] ${g.note}${g.conns.isAll ? '' : noPortsNote(options)}`);
      }
      const namedDns = options.dnsClients?.get(key) ?? [];
      // a pod that resolves through its node (dnsPolicy Default, hostNetwork) or only its own dnsConfig servers (None) never asks the cluster DNS
      if (((egress.length > 0 && resolvesThroughClusterDns(w)) || namedDns.length > 0) && preset.dns) {
        const dnsConns = ConnectionSet.port('UDP' as Protocol, options.dnsPort).union(ConnectionSet.port('TCP', options.dnsPort));
        egress.push({
          to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: options.dns.namespace } }, podSelector: { matchLabels: { ...options.dns.podLabels } } }],
          ...(options.noPorts ? {} : { ports: portsOf(dnsConns) as PolicyPort[] }),
        });
        notes.push(`egress[${egress.length - 1}] -> DNS (${options.dns.namespace}, ${Object.entries(options.dns.podLabels).map(([k, v]) => `${k}=${v}`).join(',')}) ${dnsConns.toString()}: ${namedDns.length > 0 ? `names the cluster DNS Service: ${namedDns.map(evidenceText).join('; ')}` : 'needed by every workload with egress'}${noPortsNote(options)}`);
      }
      const name = names.get(key) as string;
      const nameErrors = dnsSubdomainErrors(name);
      if (nameErrors.length > 0) {
        diagnostics.push(diag(Codes.unsafeOutputName, 'error', `policy name ${JSON.stringify(name)} ${nameErrors[0]}; no policy synthesized for ${key}`, originRef(w.origin, ['metadata', 'name'])));
        continue;
      }
      policies.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: {
          name,
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

/** Said in the provenance note of a rule that names fewer ports than its links need, so a reviewer knows why it is wider. */
function noPortsNote(options: SynthesisOptions): string {
  return options.noPorts ? ' (the rule names no ports: --no-ports)' : '';
}

/** The namespace the workload's manifest names itself (before any --namespace default). */
function declaredNamespace(w: Workload): string | undefined {
  const ns = (rawAt(w.origin) as { metadata?: { namespace?: unknown } } | undefined)?.metadata?.namespace;
  return typeof ns === 'string' && ns !== '' ? ns : undefined;
}

/** Whether a workload is where synthesized egress rules send DNS (the --dns-namespace and --dns-selector pods). */
function isDnsWorkload(w: Workload, options: SynthesisOptions): boolean {
  return w.ref.namespace === options.dns.namespace && w.pods.some((p) => Object.entries(options.dns.podLabels).every(([k, v]) => p.labels[k] === v));
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
