import { ConnectionSet } from '../model/connection-set.js';
import { targetConns } from '../manifests/service-ports.js';
import { backendByTargetPortWarning, backendServicePorts, ingressBackends, serviceWorkloads, workloadsByNamespace, type BackendKind, type ServicePortRef } from '../connectivity/exposure.js';
import { fullRange, parseCidr } from '../model/ip.js';
import type { Diagnostic, SourceRef } from '../diagnostics/diagnostic.js';
import { compareStrings, DEFAULT_NAMESPACE, type Cluster, type Workload } from '../manifests/cluster.js';
import type { ManifestFile } from '../manifests/documents.js';
import { originRef, type K8sObject, type ObjectOf, type ObjectOrigin } from '../manifests/objects.js';
import { findAddresses, isIpLiteral, isLocalAddress, looksExternalHost, type AddressCandidate } from './addresses.js';
import { type Evidence, type Link, type Topology, type Unresolved } from './links.js';
import { peerKey, type Peer } from '../model/peer.js';

type ServiceEntry = { readonly object: ObjectOf<'Service'>; readonly origin: ObjectOrigin; readonly workloads: readonly Workload[] };

const CLUSTER_SUFFIXES = ['.svc.cluster.local', '.svc'];

/**
 * The links an application needs, read from its manifests with cluster-topology-analyzer's
 * approach and more: addresses in env values (and the ConfigMap keys they reference), args and
 * command of every container; exposure through Ingress, Route, Gateway API routes and
 * LoadBalancer/NodePort Services. Every link carries where it came from.
 */
/** The values files of a rendered chart, whose rendered files are named `<chart>/templates/...`. */
export interface ChartValuesFiles {
  readonly chart: string;
  readonly files: readonly ManifestFile[];
}

export interface ScanOptions {
  readonly values?: readonly ChartValuesFiles[];
}

/** Finds the values-file line that holds `text` (or its host), for a value rendered from a chart. */
function traceValue(at: SourceRef, c: AddressCandidate, values: readonly ChartValuesFiles[]): SourceRef | undefined {
  const chart = values.find((v) => at.file.startsWith(`${v.chart}/`));
  if (!chart) return undefined;
  // the whole address, or a qualified host; a bare name like `api` would match unrelated keys
  for (const needle of c.host.includes('.') ? [c.text, c.host] : [c.text]) {
    for (const f of chart.files) {
      const lines = f.text.split('\n');
      const i = lines.findIndex((l) => !l.trimStart().startsWith('#') && l.toLowerCase().includes(needle.toLowerCase()));
      if (i >= 0) return { file: f.path, doc: 0, line: i + 1, column: (lines[i] as string).toLowerCase().indexOf(needle.toLowerCase()) + 1 };
    }
  }
  return undefined;
}

export function scanTopology(cluster: Cluster, options: ScanOptions = {}): { value: Topology; diagnostics: Diagnostic[] } {
  const values = options.values ?? [];
  const services = new Map<string, ServiceEntry>();
  const configMaps = new Map<string, Extract<K8sObject, { kind: 'ConfigMap' }>>();
  const byNamespace = workloadsByNamespace(cluster.workloads);
  for (const o of cluster.objects) {
    const ns = ('metadata' in o.object && o.object.metadata.namespace) || DEFAULT_NAMESPACE;
    if (o.kind === 'Service') services.set(`${ns}/${o.object.metadata.name}`, { object: o.object, origin: o.origin, workloads: serviceWorkloads(o.object, byNamespace) });
    else if (o.kind === 'ConfigMap') configMaps.set(`${ns}/${o.object.metadata.name}`, o);
  }
  const links = new LinkSet();
  const unresolved: Unresolved[] = [];

  for (const w of cluster.workloads) {
    const src: Peer = { kind: 'workload', ref: w.ref };
    const visit = (value: string, at: () => SourceRef, via?: () => SourceRef) => {
      for (const c of findAddresses(value)) resolveAddress(c, w, services, links, unresolved, src, at, via, values);
    };
    const scanConfigMap = (name: string, via: () => SourceRef) => {
      const cm = configMaps.get(`${w.ref.namespace}/${name}`);
      if (!cm) return;
      for (const [key, v] of Object.entries(cm.object.data ?? {}).sort(([a], [b]) => compareStrings(a, b))) {
        if (typeof v === 'string') visit(v, () => originRef(cm.origin, ['data', key]), via);
      }
    };
    // ConfigMaps mounted as volumes hold configuration files the containers read
    (w.spec?.volumes ?? []).forEach((v, vi) => {
      if (v.configMap) scanConfigMap(v.configMap.name, () => originRef(w.origin, [...w.specPath, 'volumes', vi, 'configMap']));
      (v.projected?.sources ?? []).forEach((src, si) => {
        if (src.configMap) scanConfigMap(src.configMap.name, () => originRef(w.origin, [...w.specPath, 'volumes', vi, 'projected', 'sources', si, 'configMap']));
      });
    });
    for (const field of ['initContainers', 'containers'] as const) {
      (w.spec?.[field] ?? []).forEach((container, ci) => {
        const base = [...w.specPath, field, ci];
        (container.env ?? []).forEach((env, ei) => {
          if (typeof env.value === 'string') visit(env.value, () => originRef(w.origin, [...base, 'env', ei, 'value']));
          const ref = env.valueFrom?.configMapKeyRef;
          if (ref) {
            const cm = configMaps.get(`${w.ref.namespace}/${ref.name}`);
            const v = cm?.object.data?.[ref.key];
            if (cm && typeof v === 'string')
              visit(v, () => originRef(cm.origin, ['data', ref.key]), () => originRef(w.origin, [...base, 'env', ei, 'valueFrom', 'configMapKeyRef']));
          }
        });
        (container.envFrom ?? []).forEach((ef, fi) => {
          if (ef.configMapRef) scanConfigMap(ef.configMapRef.name, () => originRef(w.origin, [...base, 'envFrom', fi, 'configMapRef']));
        });
        for (const list of ['command', 'args'] as const) {
          (container[list] ?? []).forEach((arg, ai) => {
            if (typeof arg === 'string') visit(arg, () => originRef(w.origin, [...base, list, ai]));
          });
        }
      });
    }
  }
  const diagnostics = addExposures(cluster, services, links);
  const sortedUnresolved = unresolved.sort(
    (a, b) => compareStrings(a.at.file, b.at.file) || (a.at.line ?? 0) - (b.at.line ?? 0) || compareStrings(a.value, b.value),
  );
  return { value: { links: links.sorted(), unresolved: dedupeUnresolved(sortedUnresolved) }, diagnostics };
}

function resolveAddress(
  c: AddressCandidate,
  w: Workload,
  services: ReadonlyMap<string, ServiceEntry>,
  links: LinkSet,
  unresolved: Unresolved[],
  src: Peer,
  at: () => SourceRef,
  via: (() => SourceRef) | undefined,
  values: readonly ChartValuesFiles[],
): void {
  const report = (reason: Unresolved['reason'], detail: string) =>
    unresolved.push({ workload: w.ref, value: c.text, at: at(), ...(via ? { via: via() } : {}), reason, detail });
  if (isLocalAddress(c.host)) return;
  const port = c.port !== undefined && /^\d+$/.test(c.port) ? Number(c.port) : undefined;
  if (port !== undefined && (port < 1 || port > 65535)) {
    report('no-such-port', `port ${c.port} is outside 1-65535`);
    return;
  }
  if (isIpLiteral(c.host)) {
    const range = parseCidr(c.host);
    if (!range) return;
    const conns = port !== undefined ? ConnectionSet.port('TCP', port) : ConnectionSet.ALL;
    links.add(src, { kind: 'external', range }, conns, evidence(c, at, via, undefined, values));
    return;
  }
  const target = serviceFor(c.host, w.ref.namespace, services);
  if (isApiServerHost(c.host, w.ref.namespace) && (!target || target.key === 'default/kubernetes')) {
    report('api-server', `${c.host} is the Kubernetes API server; an egress rule needs the cluster's API server address, which the manifests do not hold`);
    return;
  }
  if (!target) {
    if (looksExternalHost(c.host)) report('external-hostname', `${c.host} is outside the cluster; NetworkPolicy cannot name hosts, only address blocks`);
    else if (c.explicit) report('no-such-service', `no Service matches ${c.host}`);
    return;
  }
  const svc = target.entry;
  if (svc.object.spec?.type === 'ExternalName') {
    const name = (svc.object.spec as { externalName?: unknown }).externalName;
    report('external-hostname', `Service ${target.key} is an ExternalName for ${typeof name === 'string' ? name : '?'}, outside the cluster; NetworkPolicy cannot name hosts`);
    return;
  }
  const ports = (svc.object.spec?.ports ?? []).filter((sp) => c.port === undefined || String(sp.port) === c.port || (sp.name ?? undefined) === c.port);
  if (ports.length === 0) {
    report('no-such-port', `Service ${target.key} has no port ${c.port}`);
    return;
  }
  if (svc.workloads.length === 0) {
    report('no-endpoints', `Service ${target.key} selects no workload in the manifests`);
    return;
  }
  for (const dw of svc.workloads) {
    if (dw === w) continue;
    const conns = targetConns(ports, dw.pods);
    if (!conns.isEmpty) links.add(src, { kind: 'workload', ref: dw.ref }, conns, evidence(c, at, via, target.key, values));
  }
}

/** `kubernetes.default[.svc[.cluster.local]]`, or `kubernetes` from the default namespace: the API server's Service. */
function isApiServerHost(host: string, namespace: string): boolean {
  return /^kubernetes\.default(\.svc(\.cluster\.local)?)?$/.test(host) || (host === 'kubernetes' && namespace === 'default');
}

function evidence(c: AddressCandidate, at: () => SourceRef, via: (() => SourceRef) | undefined, service: string | undefined, values: readonly ChartValuesFiles[]): Evidence {
  const where = at();
  const traced = values.length > 0 ? traceValue(where, c, values) : undefined;
  return { kind: 'address', at: where, value: c.text, ...(via ? { via: via() } : {}), ...(service ? { service } : {}), ...(traced ? { traced } : {}) };
}

/**
 * `svc` (same namespace), `svc.ns`, `svc.ns.svc`, `svc.ns.svc.cluster.local`, and a pod of a
 * headless Service (`db-0.db.ns.svc.cluster.local`, a StatefulSet's stable name).
 */
function serviceFor(host: string, namespace: string, services: ReadonlyMap<string, ServiceEntry>): { key: string; entry: ServiceEntry } | undefined {
  let h = host;
  let suffixed = false;
  for (const s of CLUSTER_SUFFIXES) {
    if (h.endsWith(s)) {
      h = h.slice(0, -s.length);
      suffixed = true;
    }
  }
  const parts = h.split('.');
  const key =
    parts.length === 1 ? `${namespace}/${parts[0]}` : parts.length === 2 ? `${parts[1]}/${parts[0]}` : parts.length === 3 && suffixed ? `${parts[2]}/${parts[1]}` : undefined;
  const entry = key ? services.get(key) : undefined;
  return key && entry ? { key, entry } : undefined;
}

function addExposures(cluster: Cluster, services: ReadonlyMap<string, ServiceEntry>, links: LinkSet): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const expose = (src: Peer, ns: string, name: string, port: ServicePortRef, kind: BackendKind, object: string, at: () => SourceRef) => {
    const svc = services.get(`${ns}/${name}`);
    if (!svc) return;
    const picked = backendServicePorts(svc.object.spec?.ports ?? [], port, kind);
    if (picked.byTargetPort) warnings.push(backendByTargetPortWarning(object, port, name, at()));
    const ports = picked.ports;
    for (const w of svc.workloads) {
      const reached = targetConns(ports, w.pods);
      // Ingress and Route carry HTTP(S) only; Gateway routes may carry UDP too (UDPRoute).
      const conns = src.kind === 'ingress-controller' ? reached.intersect(ConnectionSet.of('TCP')) : reached;
      if (!conns.isEmpty) links.add(src, { kind: 'workload', ref: w.ref }, conns, { kind: 'exposure', object, at: at() });
    }
  };
  const ic: Peer = { kind: 'ingress-controller' };
  const ingress = ingressBackends(cluster.objects);
  for (const b of ingress.backends) expose(ic, b.namespace, b.service, b.port, b.kind, b.via, () => originRef(b.origin, b.path));
  for (const o of cluster.objects) {
    const ns = ('metadata' in o.object && o.object.metadata.namespace) || DEFAULT_NAMESPACE;
    switch (o.kind) {
      case 'HTTPRoute':
      case 'GRPCRoute':
      case 'TCPRoute':
      case 'TLSRoute':
      case 'UDPRoute': {
        const object = `${o.kind} ${ns}/${o.object.metadata.name}`;
        const parents = (o.object.spec?.parentRefs ?? []).filter((p) => !p.kind || p.kind === 'Gateway');
        (o.object.spec?.rules ?? []).forEach((rule, ri) =>
          (rule.backendRefs ?? []).forEach((b, bi) => {
            if (b.kind && b.kind !== 'Service') return;
            for (const p of parents) {
              const gw: Peer = { kind: 'gateway', namespace: p.namespace || ns, name: p.name };
              expose(gw, b.namespace || ns, b.name, b.port ? { number: b.port } : undefined, 'gateway', object, () => originRef(o.origin, ['spec', 'rules', ri, 'backendRefs', bi]));
            }
          }),
        );
        break;
      }
      case 'Service': {
        const type = o.object.spec?.type;
        if (type !== 'LoadBalancer' && type !== 'NodePort') break;
        const svc = services.get(`${ns}/${o.object.metadata.name}`);
        for (const w of svc?.workloads ?? []) {
          const conns = targetConns(o.object.spec?.ports ?? [], w.pods);
          if (!conns.isEmpty)
            links.add({ kind: 'external', range: fullRange(4) }, { kind: 'workload', ref: w.ref }, conns, {
              kind: 'exposure',
              object: `Service ${ns}/${o.object.metadata.name} (${type})`,
              at: originRef(o.origin, ['spec', 'type']),
            });
        }
        break;
      }
      default:
        break;
    }
  }
  return [...ingress.diagnostics, ...warnings];
}

/** Links keyed by (src, dst): connections are unioned and evidence accumulated. */
class LinkSet {
  private readonly map = new Map<string, { src: Peer; dst: Peer; conns: ConnectionSet; evidence: Evidence[] }>();

  add(src: Peer, dst: Peer, conns: ConnectionSet, ev: Evidence): void {
    const key = `${peerKey(src)}\u0000${peerKey(dst)}`;
    const cur = this.map.get(key);
    if (cur) {
      cur.conns = cur.conns.union(conns);
      cur.evidence.push(ev);
    } else this.map.set(key, { src, dst, conns, evidence: [ev] });
  }

  sorted(): Link[] {
    return [...this.map.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, l]) => l);
  }
}

function dedupeUnresolved(list: Unresolved[]): Unresolved[] {
  const seen = new Set<string>();
  return list.filter((u) => {
    const k = `${u.workload.namespace}/${u.workload.name}[${u.workload.kind}]:${u.at.file}:${u.at.line}:${u.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

