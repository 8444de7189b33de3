import { ConnectionSet, type Protocol } from '../../model/connection-set.js';
import { CONTROLLER_UID_LABELS, JOB_NAME_LABELS, UNKNOWN_VALUE } from '../../manifests/job-labels.js';

import { formatRange, parseCidr, type IpRange } from '../../model/ip.js';
import { peerKey, type Peer, type WorkloadRef } from '../../model/peer.js';
import { Codes, diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { PodShape } from '../../manifests/cluster.js';
import { selectorMatches } from '../../connectivity/selector.js';
import type { Evidence, Link } from '../links.js';
import { aliasFor, type CidrAlias } from './alias-match.js';
import type { TraceEndpoint, TraceEvent } from './events.js';
import { DNS_NAMES, DNS_NAMESPACE, isDnsPod, isIngressControllerPod, OWNER_SUFFIX, pick, POD_SUFFIX, targetPorts } from './pods.js';
import { EMPTY_SNAPSHOT, type ClusterSnapshot, type SnapshotPod, type SnapshotServicePort } from './snapshot-model.js';

/** The labels the API server adds to a Job's pods: a trace need not carry them. */
const GENERATED_KEYS: ReadonlySet<string> = new Set([...JOB_NAME_LABELS, ...CONTROLLER_UID_LABELS]);

/** Observed traffic that resolves to no workload and no alias: listed for review, never allowed silently. */
export interface TrafficUnresolved {
  /** The source and destination as far as they resolved (`ns/name[Kind]`, `pod ns/name`, an address). */
  readonly src: string;
  readonly dst: string;
  readonly conns: ConnectionSet;
  readonly reason: 'external-address' | 'unknown-pod' | 'unknown-service' | 'no-service-port';
  readonly detail: string;
  readonly file: string;
  readonly line: number;
  readonly count: number;
}

/** What was dropped as noise, and why (the summary line says so). */
export interface TrafficSummary {
  readonly files: number;
  /** Connection starts read (connect / accept / packets of a connection). */
  readonly starts: number;
  readonly closes: number;
  readonly loopback: number;
  /** From the node's own address to its pods: kubelet probes. */
  readonly nodeLocal: number;
  readonly dns: number;
  /** Between pods of one workload. */
  readonly sameWorkload: number;
  readonly skipped: number;
  readonly malformed: number;
  readonly unknown: number;
}

export interface ObservedTraffic {
  readonly links: readonly Link[];
  readonly unresolved: readonly TrafficUnresolved[];
  readonly summary: TrafficSummary;
}

/** A workload as the resolver sees it: its reference, and its pods' labels and container ports. */
export interface TrafficWorkload {
  readonly ref: WorkloadRef;
  readonly pods: readonly Pick<PodShape, 'labels' | 'ports'>[];
}

/** A Service of the manifests as the resolver sees it. */
export interface TrafficService {
  readonly namespace: string;
  readonly name: string;
  readonly selector?: Readonly<Record<string, string>> | undefined;
  readonly ports: readonly SnapshotServicePort[];
  readonly clusterIps: readonly string[];
}

/**
 * What the resolver needs of the manifests, as plain data: a worker thread reading part of a
 * trace (see ingest.ts) gets a copy of it, not the whole cluster with its files and positions.
 */
export interface TrafficBasis {
  readonly workloads: readonly TrafficWorkload[];
  readonly services: readonly TrafficService[];
}

/** The basis as its smallest plain copy (what a worker thread is sent): pods keep their labels and ports only. */
export function portableBasis(basis: TrafficBasis): TrafficBasis {
  return { workloads: basis.workloads.map((w) => ({ ref: w.ref, pods: w.pods.map((p) => ({ labels: p.labels, ports: p.ports })) })), services: basis.services };
}

/** Everything a resolver aggregated (flows and unresolved observations by key, counts, files, warnings by key): see `TrafficResolver.absorb`. */
export interface ResolverPartial {
  readonly flows: readonly (readonly [string, Flow])[];
  readonly pending: readonly (readonly [string, Pending])[];
  readonly counts: Omit<TrafficSummary, 'files'>;
  readonly files: readonly string[];
  readonly warned: readonly (readonly [string, Diagnostic])[];
  /** Each name resolved (kind, namespace, name) with what it resolved to (resolvedKey). */
  readonly named: readonly (readonly [string, string])[];
}

type Resolved =
  | { readonly kind: 'peer'; readonly peer: Peer; readonly key: string; readonly workload?: TrafficWorkload; readonly alias?: string }
  | { readonly kind: 'service'; readonly key: string; readonly ports: readonly SnapshotServicePort[]; readonly workloads: readonly TrafficWorkload[] }
  | { readonly kind: 'loopback' }
  | { readonly kind: 'node' }
  /** `text`: the DNS pod as the first event that named it shows it (when it is a source). */
  | { readonly kind: 'dns'; readonly text?: string }
  | { readonly kind: 'unresolved'; readonly text: string; readonly reason: TrafficUnresolved['reason']; readonly detail: string };

/** A Service by name: which workloads its selector picks is worked out when a trace first reaches it (most Services of a large app never are). */
interface ServiceInfo {
  readonly key: string;
  readonly ports: readonly SnapshotServicePort[];
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>> | undefined;
}

/** One (source, destination, protocol, port, file, why) observed: count, first line, first and last time. */
export interface Flow {
  readonly src: Peer;
  readonly dst: Peer;
  readonly proto: Protocol;
  readonly port: number;
  readonly file: string;
  readonly line: number;
  count: number;
  first?: string;
  last?: string;
  readonly via: string;
}

/** One observation that resolved to nothing allowed, aggregated like a flow. */
export interface Pending {
  readonly src: string;
  readonly dst: string;
  readonly proto: Protocol;
  readonly port: number;
  readonly reason: TrafficUnresolved['reason'];
  readonly detail: string;
  readonly file: string;
  readonly line: number;
  count: number;
}

/** What one (source, destination, protocol, port) of a file came to: replayed for every later event like it. */
interface Plan {
  /** (protocol, port) as one number: protocol * 65536 + port. */
  readonly portKey: number;
  readonly flows: Flow[];
  readonly pending: Pending[];
  same: number;
}

/** The plans of one (source, destination): the first (protocol, port) seen, and the others. */
interface PairPlans {
  readonly first: Plan;
  more?: Map<number, Plan>;
}

function bump(f: Flow, e: TraceEvent): void {
  f.count++;
  if (e.time !== undefined) {
    if (f.first === undefined || earlier(e.time, f.first)) f.first = e.time;
    if (f.last === undefined || earlier(f.last, e.time)) f.last = e.time;
  }
}

function isLoopback(r: IpRange): boolean {
  return r.family === 4 ? r.lo >> 24n === 127n : r.lo === 1n;
}

/**
 * Turns trace events into links between the workloads of the manifests, as the events stream in
 * (`add` per event, `finish` once). Pods fold into their owner: by the trace's own metadata
 * (owner, pod name, labels), else through the cluster snapshot (pod and Service IPs, owner
 * references). A Service destination becomes the workloads it selects, on the container port its
 * targetPort names. Resolutions are cached per endpoint, so a long trace costs one map lookup
 * per event.
 */
export class TrafficResolver {
  private readonly basisWorkloads: readonly TrafficWorkload[];
  private readonly byNamespace = new Map<string, TrafficWorkload[]>();
  private readonly byName = new Map<string, TrafficWorkload[]>();
  private readonly services = new Map<string, ServiceInfo>();
  private readonly ipIndex = new Map<string, { pod?: SnapshotPod; service?: ServiceInfo }>();
  private readonly podIndex = new Map<string, SnapshotPod>();
  private readonly nodeIps: Set<string>;
  private readonly flows = new Map<string, Flow>();
  private readonly pending = new Map<string, Pending>();
  /**
   * The plans of the file being read, by source then destination (a Map per source: the
   * identity hash of a cached resolution is the cheapest key there is), then by (protocol, port):
   * most pairs see one port, kept without a Map. Cleared when the next file starts, since a
   * plan's flows carry their file.
   */
  private readonly plans = new Map<Resolved, Map<Resolved, PairPlans>>();
  private plansFile: string | undefined;
  private current: Plan | undefined;
  private readonly counts = { starts: 0, closes: 0, loopback: 0, nodeLocal: 0, dns: 0, sameWorkload: 0, skipped: 0, malformed: 0, unknown: 0 };
  private readonly files = new Set<string>();
  /** One warning per Service port the Service does not declare, in the order they were first seen. */
  private readonly warned = new Map<string, Diagnostic>();

  constructor(
    basis: TrafficBasis,
    private readonly snapshot: ClusterSnapshot = EMPTY_SNAPSHOT,
    private readonly aliases: readonly CidrAlias[] = [],
  ) {
    this.basisWorkloads = basis.workloads;
    for (const w of basis.workloads) {
      for (const [index, k] of [
        [this.byNamespace, w.ref.namespace],
        [this.byName, `${w.ref.namespace}/${w.ref.name}`],
      ] as const) {
        const list = index.get(k);
        if (list) list.push(w);
        else index.set(k, [w]);
      }
    }
    // the manifests' Services first; a snapshot Service of the same name adds its cluster IPs
    for (const s of basis.services) {
      const info: ServiceInfo = { key: `${s.namespace}/${s.name}`, ports: s.ports, namespace: s.namespace, selector: s.selector };
      this.services.set(info.key, info);
      for (const ip of s.clusterIps) this.ipIndex.set(ip, { service: info });
    }
    for (const s of snapshot.services) {
      const key = `${s.namespace}/${s.name}`;
      const info = this.services.get(key) ?? { key, ports: s.ports, namespace: s.namespace, selector: s.selector };
      if (!this.services.has(key)) this.services.set(key, info);
      for (const ip of s.clusterIps) this.ipIndex.set(ip, { service: info });
    }
    for (const p of snapshot.pods) {
      this.podIndex.set(`${p.namespace}/${p.name}`, p);
      if (!p.hostNetwork) for (const ip of p.ips) this.ipIndex.set(ip, { pod: p });
    }
    this.nodeIps = new Set(snapshot.nodeIps);
  }

  private selectWorkloads(ns: string, selector: Readonly<Record<string, string>> | undefined): TrafficWorkload[] {
    if (!selector || Object.keys(selector).length === 0) return [];
    return (this.byNamespace.get(ns) ?? []).filter((w) => w.pods.some((p) => selectorMatches({ matchLabels: selector }, p.labels)));
  }

  /** Counts lines the readers skipped, so the summary tells the whole story. */
  noteLine(kind: 'skipped' | 'malformed' | 'unknown'): void {
    this.counts[kind]++;
  }

  /** A trace file being read (for the summary's file count). */
  noteFile(file: string): void {
    this.files.add(file);
  }

  add(file: string, e: TraceEvent): void {
    if (e.phase === 'close') {
      this.counts.closes++;
      return;
    }
    this.counts.starts++;
    const src = this.resolve(e.src, e);
    const dst = this.resolve(e.dst, e);
    if (src.kind === 'loopback' || dst.kind === 'loopback' || (e.src.addr !== undefined && e.src.addr === e.dst.addr)) {
      this.counts.loopback++;
      return;
    }
    if (src.kind === 'node' || (e.dst.hostIp !== undefined && e.src.addr === e.dst.hostIp)) {
      this.counts.nodeLocal++;
      return;
    }
    if (dst.kind === 'dns' || (dst.kind === 'node' && e.port === 53)) {
      this.counts.dns++;
      return;
    }
    // the decision for one (file, source, destination, protocol, port) is made once, then replayed
    if (file !== this.plansFile) {
      this.plans.clear();
      this.plansFile = file;
    }
    let byDst = this.plans.get(src);
    if (!byDst) this.plans.set(src, (byDst = new Map()));
    const pair = byDst.get(dst);
    const portKey = (e.proto === 'TCP' ? 0 : e.proto === 'UDP' ? 1 : 2) * 65536 + e.port;
    const known = pair === undefined ? undefined : pair.first.portKey === portKey ? pair.first : pair.more?.get(portKey);
    if (known) {
      for (let j = 0; j < known.flows.length; j++) bump(known.flows[j] as Flow, e);
      for (let j = 0; j < known.pending.length; j++) (known.pending[j] as Pending).count++;
      this.counts.sameWorkload += known.same;
      return;
    }
    const plan: Plan = { portKey, flows: [], pending: [], same: 0 };
    this.current = plan;
    this.decide(file, e, src, dst);
    this.current = undefined;
    if (pair === undefined) byDst.set(dst, { first: plan });
    else (pair.more ??= new Map()).set(portKey, plan);
  }

  private sameWorkload(): void {
    this.counts.sameWorkload++;
    if (this.current) this.current.same++;
  }

  private decide(file: string, e: TraceEvent, src: Resolved, dst: Resolved): void {
    const proto = e.proto;
    if (src.kind !== 'peer') {
      const text = src.kind === 'unresolved' ? src.text : src.kind === 'service' ? `Service ${src.key}` : src.kind === 'dns' && src.text !== undefined ? src.text : endpointText(e.src);
      this.unresolved(file, e, text, dst, src.kind === 'unresolved' ? src.reason : 'unknown-service', src.kind === 'unresolved' ? src.detail : 'a Service as a source');
      return;
    }
    if (dst.kind === 'node') {
      this.unresolved(file, e, peerKey(src.peer), { kind: 'unresolved', text: `${endpointText(e.dst)}`, reason: 'external-address', detail: 'a node address (host network)' }, 'external-address', 'a node address (host network)');
      return;
    }
    if (dst.kind === 'unresolved') {
      this.unresolved(file, e, peerKey(src.peer), dst, dst.reason, dst.detail);
      return;
    }
    if (dst.kind === 'peer') {
      if (src.workload && src.workload === dst.workload) {
        this.sameWorkload();
        return;
      }
      this.flow(file, e, src, dst, proto, e.port, dst.alias ? `to alias ${dst.alias}` : src.alias ? `from alias ${src.alias}` : '');
      return;
    }
    if (dst.kind !== 'service') return;
    // a Service address: its port -> the container port on each selected workload
    const sp = dst.ports.find((p) => p.port === e.port && (p.protocol ?? 'TCP') === proto);
    if (dst.workloads.length === 0) {
      this.unresolved(file, e, peerKey(src.peer), { kind: 'unresolved', text: `Service ${dst.key}`, reason: 'unknown-service', detail: '' }, 'unknown-service', `Service ${dst.key} selects no workload in the manifests`);
      return;
    }
    if (!sp) {
      const k = `${dst.key}:${proto}/${e.port}`;
      if (!this.warned.has(k)) {
        this.warned.set(k, diag(Codes.traceServicePort, 'warning', `traffic to Service ${dst.key} on ${proto} ${e.port}, a port the Service does not declare; kept for review`, { file, doc: 0, line: e.line }));
      }
      this.unresolved(file, e, peerKey(src.peer), { kind: 'unresolved', text: `Service ${dst.key}`, reason: 'no-service-port', detail: '' }, 'no-service-port', `Service ${dst.key} has no ${proto} port ${e.port}`);
      return;
    }
    for (const w of dst.workloads) {
      if (src.workload === w) {
        this.sameWorkload();
        continue;
      }
      const to = this.workloadPeer(w);
      for (const target of targetPorts(sp, w)) this.flow(file, e, src, to, proto, target, `via Service ${dst.key}:${e.port}`);
    }
  }

  private readonly workloadPeers = new Map<TrafficWorkload, PeerResolved>();
  private readonly otherPeers = new Map<string, PeerResolved>();

  /**
   * One resolution object per workload: every pod of a workload resolves to the same object, so
   * the per-(source, destination) decisions are made once per workload pair, not per pod pair.
   */
  private workloadPeer(w: TrafficWorkload): PeerResolved {
    let p = this.workloadPeers.get(w);
    if (!p) this.workloadPeers.set(w, (p = peerOf({ kind: 'workload', ref: w.ref }, w)));
    return p;
  }

  private readonly servicePeers = new Map<ServiceInfo, Resolved>();

  private servicePeer(svc: ServiceInfo): Resolved {
    let r = this.servicePeers.get(svc);
    if (!r) this.servicePeers.set(svc, (r = { kind: 'service', key: svc.key, ports: svc.ports, workloads: this.selectWorkloads(svc.namespace, svc.selector) }));
    return r;
  }

  private canonical(peer: Peer, alias?: string): PeerResolved {
    const key = `${peerKey(peer)}|${alias ?? ''}`;
    let p = this.otherPeers.get(key);
    if (!p) this.otherPeers.set(key, (p = peerOf(peer, undefined, alias)));
    return p;
  }

  private flow(file: string, e: TraceEvent, from: PeerResolved, to: PeerResolved, proto: Protocol, port: number, via: string): void {
    const src = from.peer;
    const dst = to.peer;
    const key = `${from.key}\u0000${to.key}\u0000${proto}${port}\u0000${file}\u0000${via}`;
    let cur = this.flows.get(key);
    if (cur) bump(cur, e);
    else this.flows.set(key, (cur = { src, dst, proto, port, file, line: e.line, count: 1, ...(e.time !== undefined ? { first: e.time, last: e.time } : {}), via }));
    this.current?.flows.push(cur);
  }

  private unresolved(file: string, e: TraceEvent, src: string, dst: Resolved, reason: TrafficUnresolved['reason'], detail: string): void {
    const dstText = dst.kind === 'unresolved' ? dst.text : dst.kind === 'peer' ? peerKey(dst.peer) : dst.kind === 'service' ? `Service ${dst.key}` : endpointText(e.dst);
    const key = `${src}\u0000${dstText}\u0000${e.proto}\u0000${e.port}\u0000${reason}\u0000${file}`;
    let cur = this.pending.get(key);
    if (cur) cur.count++;
    else this.pending.set(key, (cur = { src, dst: dstText, proto: e.proto, port: e.port, reason, detail, file, line: e.line, count: 1 }));
    this.current?.pending.push(cur);
  }

  /** Named endpoints by kind (and DNS port or not), namespace and pod/Service name (or owner): no string is built per event. */
  private readonly byIdentity = new Map<string, Map<string, Map<string, Resolved>>>();
  /** The common case (a pod, not a DNS lookup), one lookup less. */
  private readonly pods = new Map<string, Map<string, Resolved>>();
  private readonly byAddr = new Map<string, Map<string, Resolved>>();

  /**
   * Cached per endpoint identity. A named pod resolves by name alone, as the first event that
   * names it describes it (its owner, labels); its address is not part of the key: a long trace of
   * one pod costs one entry whatever its ports and IPs. The cache holds one entry per pod, Service
   * and address seen. Other endpoints resolve by a key that holds every field their resolution
   * reads. (Two threads reading two halves of a trace may see a name first with other metadata:
   * `sameNamedResolutions` checks that they resolved it alike.)
   */
  private resolve(ep: TraceEndpoint, e: TraceEvent): Resolved {
    const variant = e.port === 53 ? (ep.kind === 'pod' ? 'pod53' : ep.kind === 'svc' ? 'svc53' : 'x53') : ep.kind;
    const id = ep.name ?? (ep.owner !== undefined ? `owner:${ep.owner}` : undefined);
    if ((ep.kind === 'pod' || ep.kind === 'svc') && ep.namespace !== undefined && id !== undefined) {
      let byNs = variant === 'pod' ? this.pods : this.byIdentity.get(variant);
      if (!byNs) this.byIdentity.set(variant, (byNs = new Map()));
      let byName = byNs.get(ep.namespace);
      if (!byName) byNs.set(ep.namespace, (byName = new Map()));
      let r = byName.get(id);
      if (!r) {
        r = this.resolveUncached({ ...ep, addr: undefined }, e.port);
        // a DNS pod as a source is named as this first event shows it
        if (r.kind === 'dns') r = { kind: 'dns', text: endpointText(ep) };
        byName.set(id, r);
      }
      // a pod the manifests do not know may still be known by its address (a snapshot pod of another name)
      if (r.kind !== 'unresolved' || ep.addr === undefined || !this.ipIndex.has(ep.addr)) return r;
    }
    // an address alone, unless labels may name the pod's workload
    const addrOnly = ep.addr !== undefined && ep.name === undefined && ep.owner === undefined && !(ep.kind === 'pod' && ep.namespace && ep.labels);
    const key = addrOnly ? (ep.addr as string) : `${ep.namespace ?? ''}|${ep.name ?? ''}|${ep.owner ?? ''}|${ep.addr ?? ''}|${ep.name || ep.owner ? '' : labelsKey(ep.labels)}`;
    let byKey = this.byAddr.get(variant);
    if (!byKey) this.byAddr.set(variant, (byKey = new Map()));
    let r = byKey.get(key);
    if (!r) {
      r = this.resolveUncached(ep, e.port);
      byKey.set(key, r);
    }
    return r;
  }

  private resolveUncached(ep: TraceEndpoint, port: number): Resolved {
    const range = ep.addr !== undefined ? parseCidr(ep.addr) : undefined;
    if (range && isLoopback(range)) return { kind: 'loopback' };
    if (ep.addr !== undefined && this.nodeIps.has(ep.addr)) return { kind: 'node' };
    if (ep.kind === 'svc' && ep.namespace && ep.name) {
      if (port === 53 && ep.namespace === DNS_NAMESPACE && DNS_NAMES.has(ep.name)) return { kind: 'dns' };
      const svc = this.services.get(`${ep.namespace}/${ep.name}`);
      if (svc) return this.servicePeer(svc);
      return { kind: 'unresolved', text: `Service ${ep.namespace}/${ep.name}`, reason: 'unknown-service', detail: `Service ${ep.namespace}/${ep.name} is not in the manifests or the snapshot` };
    }
    if (ep.kind === 'pod' && ep.namespace && (ep.name || ep.owner || ep.labels)) {
      if (port === 53 && ep.namespace === DNS_NAMESPACE && isDnsPod(ep.labels, ep.name)) return { kind: 'dns' };
      const w = this.podWorkload(ep.namespace, ep.name, ep.owner, ep.ownerKind, ep.labels);
      if (w) return this.workloadPeer(w);
      if (isIngressControllerPod(ep.labels ?? this.podIndex.get(`${ep.namespace}/${ep.name ?? ''}`)?.labels)) return this.canonical({ kind: 'ingress-controller' });
      if (!ep.addr || !this.ipIndex.has(ep.addr)) {
        const text = `pod ${ep.namespace}/${ep.name ?? ep.owner ?? '?'}`;
        return { kind: 'unresolved', text, reason: 'unknown-pod', detail: `${text} belongs to no workload of the manifests` };
      }
    }
    if (ep.addr !== undefined) {
      const hit = this.ipIndex.get(ep.addr);
      if (hit?.service) {
        const [ns, name] = hit.service.key.split('/') as [string, string];
        if (port === 53 && ns === DNS_NAMESPACE && DNS_NAMES.has(name)) return { kind: 'dns' };
        return this.servicePeer(hit.service);
      }
      if (hit?.pod) {
        const p = hit.pod;
        if (port === 53 && p.namespace === DNS_NAMESPACE && isDnsPod(p.labels, p.name)) return { kind: 'dns' };
        const w = this.podWorkload(p.namespace, p.name, p.owner?.name, p.owner?.kind, p.labels);
        if (w) return this.workloadPeer(w);
        if (isIngressControllerPod(p.labels)) return this.canonical({ kind: 'ingress-controller' });
        return { kind: 'unresolved', text: `pod ${p.namespace}/${p.name}`, reason: 'unknown-pod', detail: `pod ${p.namespace}/${p.name} (${ep.addr}) belongs to no workload of the manifests` };
      }
      if (!range) return { kind: 'unresolved', text: ep.addr, reason: 'external-address', detail: `${JSON.stringify(ep.addr)} is not an IP address` };
      const alias = aliasFor(this.aliases, range);
      if (alias) return this.canonical({ kind: 'external', range: alias.range }, alias.alias);
      return { kind: 'unresolved', text: `${formatRange(range)}[External]`, reason: 'external-address', detail: `${ep.addr} is no pod or Service of the snapshot and in no --cidr-aliases block` };
    }
    return { kind: 'unresolved', text: endpointText(ep), reason: 'unknown-pod', detail: 'no address and no Kubernetes name in the event' };
  }

  /** The manifests' workload a pod belongs to: its owner (folded: ReplicaSet -> Deployment, Job -> CronJob), its name, else its labels. */
  private podWorkload(ns: string, podName: string | undefined, owner: string | undefined, ownerKind: string | undefined, labels: Readonly<Record<string, string>> | undefined): TrafficWorkload | undefined {
    const snap = podName ? this.podIndex.get(`${ns}/${podName}`) : undefined;
    for (const [o, kind] of [
      [owner, ownerKind],
      [snap?.owner?.name, snap?.owner?.kind],
    ] as const) {
      if (!o) continue;
      const exact = this.byName.get(`${ns}/${o}`);
      if (exact) return pick(exact, kind);
      const folded = this.byPrefix(ns, o, OWNER_SUFFIX);
      if (folded) return folded;
    }
    if (podName) {
      const exact = this.byName.get(`${ns}/${podName}`)?.find((w) => w.ref.kind === 'Pod');
      if (exact) return exact;
      const named = this.byPrefix(ns, podName, POD_SUFFIX);
      if (named) return named;
    }
    const l = labels ?? snap?.labels;
    if (l && Object.keys(l).length > 0) {
      // the workloads whose pod template labels the pod carries; ambiguity resolves to nothing
      // (a label whose value no manifest knows, a Job's UID, is carried with its real value: not compared;
      // a label the API server adds is compared only when the trace has it: a cluster before 1.27 sets
      // no batch.kubernetes.io/ keys, and a trace may list some labels only)
      const carries = (k: string, v: string) => {
        const has = Object.prototype.hasOwnProperty.call(l, k);
        if (!has) return GENERATED_KEYS.has(k);
        return v === UNKNOWN_VALUE || l[k] === v;
      };
      const matches = (this.byNamespace.get(ns) ?? []).filter((w) => w.pods.some((p) => Object.keys(p.labels).length > 0 && Object.entries(p.labels).every(([k, v]) => carries(k, v))));
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  }

  /** `<workload>-<suffix>` where the suffix is what the workload's kind adds; the longest workload name wins. */
  private byPrefix(ns: string, name: string, suffixes: Record<string, RegExp>): TrafficWorkload | undefined {
    for (let i = name.lastIndexOf('-'); i > 0; i = name.lastIndexOf('-', i - 1)) {
      const cands = this.byName.get(`${ns}/${name.slice(0, i)}`);
      const rest = name.slice(i + 1);
      const hit = cands?.find((w) => suffixes[w.ref.kind]?.test(rest));
      if (hit) return hit;
    }
    return undefined;
  }

  /** What this resolver read, as plain data (a worker thread's answer): see `absorb`. */
  partial(): ResolverPartial {
    const named: [string, string][] = [];
    for (const [variant, byNs] of [['pod', this.pods] as const, ...this.byIdentity]) {
      for (const [ns, byName] of byNs) for (const [id, r] of byName) named.push([`${variant}\u0000${ns}\u0000${id}`, resolvedKey(r)]);
    }
    return { flows: [...this.flows], pending: [...this.pending], counts: { ...this.counts }, files: [...this.files], warned: [...this.warned], named };
  }

  /**
   * Whether the other resolver resolved every name it shares with this one as this one did. A name
   * resolves as the first event naming it describes the pod; an event of the other part naming it
   * first with other metadata (another owner, other labels) may resolve it otherwise, and then
   * the parts cannot be merged into what one read gives.
   */
  sameNamedResolutions(p: ResolverPartial): boolean {
    for (const [key, resolved] of p.named) {
      const [variant, ns, id] = key.split('\u0000') as [string, string, string];
      const mine = (variant === 'pod' ? this.pods : this.byIdentity.get(variant))?.get(ns)?.get(id);
      if (mine !== undefined && resolvedKey(mine) !== resolved) return false;
    }
    return true;
  }

  /**
   * Adds what another resolver read from the lines right after the ones read here, as if this one
   * had read them: counts add; a flow or unresolved observation seen on both sides keeps this
   * side's first line, the earliest first and the latest last time; one seen only there comes after
   * this side's, in its order, its lines shifted by `lineOffset` (the other side counted its lines
   * from 1); a Service port warned about on both sides is warned once, here. Resolution depends
   * on nothing but the event (see `resolve`), so both sides decide every event as one would.
   */
  absorb(p: ResolverPartial, lineOffset: number): void {
    for (const [key, f] of p.flows) {
      const cur = this.flows.get(key);
      if (!cur) this.flows.set(key, { ...f, src: this.samePeer(f.src), dst: this.samePeer(f.dst), line: f.line + lineOffset });
      else {
        cur.count += f.count;
        if (f.first !== undefined && (cur.first === undefined || earlier(f.first, cur.first))) cur.first = f.first;
        if (f.last !== undefined && (cur.last === undefined || earlier(cur.last, f.last))) cur.last = f.last;
      }
    }
    for (const [key, u] of p.pending) {
      const cur = this.pending.get(key);
      if (cur) cur.count += u.count;
      else this.pending.set(key, { ...u, line: u.line + lineOffset });
    }
    for (const k of Object.keys(this.counts) as (keyof typeof this.counts)[]) this.counts[k] += p.counts[k];
    for (const f of p.files) this.files.add(f);
    for (const [key, d] of p.warned) if (!this.warned.has(key)) this.warned.set(key, d.at?.line !== undefined ? { ...d, at: { ...d.at, line: d.at.line + lineOffset } } : d);
  }

  private workloadByKey: Map<string, TrafficWorkload> | undefined;

  /** This resolver's own peer for a copy from another thread (workload references are this side's objects). */
  private samePeer(peer: Peer): Peer {
    if (peer.kind !== 'workload') return peer;
    this.workloadByKey ??= new Map(this.basisWorkloads.map((w) => [peerKey({ kind: 'workload', ref: w.ref }), w]));
    const w = this.workloadByKey.get(peerKey(peer));
    return w ? this.workloadPeer(w).peer : peer;
  }

  finish(): { value: ObservedTraffic; diagnostics: Diagnostic[] } {
    const byPair = new Map<string, { src: Peer; dst: Peer; conns: ConnectionSet; evidence: Evidence[] }>();
    const flows = [...this.flows.values()].sort((a, b) => compareText(a.file, b.file) || a.line - b.line || compareText(a.proto, b.proto) || a.port - b.port);
    for (const f of flows) {
      const key = `${peerKey(f.src)}\u0000${peerKey(f.dst)}`;
      const conns = ConnectionSet.port(f.proto, f.port);
      const ev: Evidence = { kind: 'trace', event: `${f.proto} ${f.port}${f.via ? ` ${f.via}` : ''}`, file: f.file, line: f.line, count: f.count, ...(f.first !== undefined ? { firstSeen: f.first, lastSeen: f.last as string } : {}) };
      const cur = byPair.get(key);
      if (cur) {
        cur.conns = cur.conns.union(conns);
        cur.evidence.push(ev);
      } else byPair.set(key, { src: f.src, dst: f.dst, conns, evidence: [ev] });
    }
    const links = [...byPair.entries()].sort(([a], [b]) => compareText(a, b)).map(([, l]) => l);
    const unresolved = [...this.pending.values()]
      .map((u) => ({ src: u.src, dst: u.dst, conns: ConnectionSet.port(u.proto, u.port), reason: u.reason, detail: u.detail, file: u.file, line: u.line, count: u.count }))
      .sort((a, b) => compareText(a.src, b.src) || compareText(a.dst, b.dst) || compareText(a.conns.toString(), b.conns.toString()) || compareText(a.file, b.file) || a.line - b.line);
    const summary: TrafficSummary = { files: this.files.size, ...this.counts };
    const diagnostics = [...this.warned.values()];
    const noise = summaryText(summary);
    if (noise) diagnostics.push(diag(Codes.trafficFiltered, 'info', noise));
    return { value: { links, unresolved, summary }, diagnostics };
  }
}

/** One line that says what was read and what was filtered. */
export function summaryText(s: TrafficSummary): string {
  const parts = [
    [s.loopback, 'loopback'],
    [s.nodeLocal, 'node-local (kubelet probes)'],
    [s.dns, 'DNS (synthesize allows DNS itself)'],
    [s.sameWorkload, 'within one workload'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${n} ${what}`);
  const lines = [s.skipped > 0 ? `${s.skipped} skipped` : '', s.malformed > 0 ? `${s.malformed} malformed` : '', s.unknown > 0 ? `${s.unknown} unreadable` : ''].filter(Boolean);
  return `traffic: ${s.starts} connection starts read${s.closes > 0 ? ` (${s.closes} closes ignored)` : ''}; filtered ${parts.length > 0 ? parts.join(', ') : 'nothing'}${lines.length > 0 ? `; lines ${lines.join(', ')}` : ''}`;
}

/** A resolved peer with its key computed once (events reuse cached resolutions). */
type PeerResolved = Extract<Resolved, { kind: 'peer' }>;

function peerOf(peer: Peer, workload?: TrafficWorkload, alias?: string): PeerResolved {
  return { kind: 'peer', peer, key: peerKey(peer), ...(workload ? { workload } : {}), ...(alias ? { alias } : {}) };
}

/** What a resolution stands for, as text: two resolutions with one key decide every event alike. */
function resolvedKey(r: Resolved): string {
  switch (r.kind) {
    case 'peer':
      return `peer\u0000${r.key}\u0000${r.alias ?? ''}`;
    case 'service':
      return `service\u0000${r.key}`;
    case 'unresolved':
      return `unresolved\u0000${r.text}\u0000${r.reason}\u0000${r.detail}`;
    case 'dns':
      return `dns\u0000${r.text ?? ''}`;
    default:
      return r.kind;
  }
}

function endpointText(ep: TraceEndpoint): string {
  if (ep.namespace && ep.name) return `${ep.kind === 'svc' ? 'Service' : 'pod'} ${ep.namespace}/${ep.name}`;
  return ep.addr ?? '?';
}

/**
 * Timestamps in one total order, so that first and last seen do not depend on the order events
 * are read in: nanosecond counts compare as numbers and come before text; text (ISO 8601) compares
 * as text.
 */
function earlier(a: string, b: string): boolean {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na !== nb) return na;
  if (na && a.length !== b.length) return a.length < b.length;
  return a < b;
}

/** Labels as a key: no labels and empty labels differ (the resolver tells them apart), key order does not. */
function labelsKey(labels: Readonly<Record<string, string>> | undefined): string {
  return labels === undefined ? '-' : JSON.stringify(Object.entries(labels).sort(([a], [b]) => compareText(a, b)));
}


/**
 * manifests/cluster.ts's compareStrings, written here: the trace worker loads this module without
 * the manifest readers that one comes with.
 */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
