import { Codes, diag, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import { DEFAULT_NAMESPACE, type Cluster, type Workload, workloadKey } from '../manifests/cluster.js';
import { originRef, rawAt, type K8sObject, type ObjectOf, type ObjectOrigin } from '../manifests/objects.js';
import type { IngressBackend } from '../manifests/schemas.js';
import { IntegralFloat } from '../manifests/documents.js';
import { ConnectionSet } from '../model/connection-set.js';
import { resolveTargetPort, type ServicePort } from '../manifests/service-ports.js';
import { selectorMatches } from './selector.js';

/**
 * Which workloads an Ingress or OpenShift Route exposes to the ingress controller, and on which
 * TCP container ports. A backend names a Service and one of its ports (by number or name; none
 * means all); the Service port's targetPort is resolved per pod by the one resolver
 * (src/manifests/service-ports.ts). The controller speaks HTTP(S): TCP Service ports only.
 */
export interface IngressExposure {
  /** workloadKey -> TCP ports the ingress controller needs. */
  readonly ports: ReadonlyMap<string, ConnectionSet>;
  /** workloadKey -> `Ingress ns/name` / `Route ns/name` objects that expose it. */
  readonly exposedBy: ReadonlyMap<string, readonly string[]>;
}

export type ServicePortRef = { number?: number; name?: string } | undefined;

interface BackendRef {
  readonly kind: BackendKind;
  readonly namespace: string;
  readonly service: string;
  readonly port: ServicePortRef;
  readonly via: string;
}

type ServiceObj = ObjectOf<'Service'>;

export function servicesByName(objects: readonly K8sObject[]): Map<string, Extract<K8sObject, { kind: 'Service' }>> {
  const map = new Map<string, Extract<K8sObject, { kind: 'Service' }>>();
  for (const o of objects) if (o.kind === 'Service') map.set(`${o.object.metadata.namespace || DEFAULT_NAMESPACE}/${o.object.metadata.name}`, o);
  return map;
}

/** The grouping of each workload list (a cluster's), so that its users (scan, exposure, gaps) share one, and one label index. */
const groupings = new WeakMap<readonly Workload[], ReadonlyMap<string, readonly Workload[]>>();

/** Workloads grouped by namespace, so that each Service looks only at its own namespace; one grouping per list. */
export function workloadsByNamespace(workloads: readonly Workload[]): ReadonlyMap<string, readonly Workload[]> {
  const known = groupings.get(workloads);
  if (known) return known;
  const out = new Map<string, Workload[]>();
  for (const w of workloads) {
    const list = out.get(w.ref.namespace);
    if (list) list.push(w);
    else out.set(w.ref.namespace, [w]);
  }
  groupings.set(workloads, out);
  return out;
}

/** The workloads a Service selects (same namespace, selector over pod labels). */
export function serviceWorkloads(svc: ServiceObj, byNamespace: ReadonlyMap<string, readonly Workload[]>): Workload[] {
  const selector = svc.spec?.selector;
  if (!selector) return [];
  const keys = Object.keys(selector);
  if (keys.length === 0) return [];
  const ns = svc.metadata.namespace || DEFAULT_NAMESPACE;
  const candidates = workloadsWithLabels(byNamespace, ns, selector, keys);
  const asSelector = { matchLabels: selector };
  return candidates.filter((w) => selectsWorkload(asSelector, w));
}

/** Whether a Service's selector (`{matchLabels: spec.selector}`) selects a pod of the workload (namespaces aside). */
export function selectsWorkload(selector: { readonly matchLabels: Readonly<Record<string, string>> }, w: Workload): boolean {
  return w.pods.some((p) => selectorMatches(selector, p.labels) || selectsStatefulSetPod(selector.matchLabels, w, p.labels));
}

/** Per grouping of workloads (one per analysis): namespace -> `key\0value` -> the workloads with a pod carrying that label, in the grouping's order. */
const labelIndexes = new WeakMap<ReadonlyMap<string, readonly Workload[]>, Map<string, Map<string, Workload[]>>>();

/**
 * The workloads of `ns` that may have a pod the selector matches: those carrying its rarest label
 * (every Service is matched against its namespace: without the index that is Services times
 * workloads). Labels the StatefulSet controller adds to pods (selectsStatefulSetPod) are in no
 * template, so they never narrow the candidates. In the grouping's order, as a filter would give.
 */
function workloadsWithLabels(byNamespace: ReadonlyMap<string, readonly Workload[]>, ns: string, selector: Readonly<Record<string, string>>, keys: readonly string[]): readonly Workload[] {
  const all = byNamespace.get(ns) ?? [];
  let rarest: readonly Workload[] | undefined;
  for (const k of keys) {
    if (k === POD_NAME_LABEL || k === POD_INDEX_LABEL) continue;
    const carrying = labelIndex(byNamespace, ns).get(`${k}\0${selector[k]}`) ?? [];
    if (rarest === undefined || carrying.length < rarest.length) rarest = carrying;
  }
  return rarest ?? all;
}

function labelIndex(byNamespace: ReadonlyMap<string, readonly Workload[]>, ns: string): Map<string, Workload[]> {
  let byNs = labelIndexes.get(byNamespace);
  if (!byNs) labelIndexes.set(byNamespace, (byNs = new Map()));
  let index = byNs.get(ns);
  if (index) return index;
  index = new Map();
  for (const w of byNamespace.get(ns) ?? []) {
    for (const p of w.pods) {
      for (const k of Object.keys(p.labels)) {
        const label = `${k}\0${p.labels[k]}`;
        const list = index.get(label);
        if (!list) index.set(label, [w]);
        else if (list[list.length - 1] !== w) list.push(w);
      }
    }
  }
  byNs.set(ns, index);
  return index;
}

/** Labels the StatefulSet controller adds to each of its pods: `<name>-<ordinal>`, and the ordinal. */
const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/**
 * A Service that selects one pod of a StatefulSet by the labels its controller adds
 * (`statefulset.kubernetes.io/pod-name: db-0`, `apps.kubernetes.io/pod-index: "0"`), as per-pod
 * Services do (Redis HA's announce Services, Kafka's per-broker external Services): the template
 * never carries them, yet the pod exists when its ordinal is below `spec.replicas` (default 1; a
 * value the manifests do not fix, such as a template expression, counts as any).
 */
function selectsStatefulSetPod(selector: Readonly<Record<string, string>>, w: Workload, labels: Readonly<Record<string, string>>): boolean {
  if (w.ref.kind !== 'StatefulSet') return false;
  const name = labels[POD_NAME_LABEL] === undefined ? selector[POD_NAME_LABEL] : undefined;
  const index = labels[POD_INDEX_LABEL] === undefined ? selector[POD_INDEX_LABEL] : undefined;
  if (name === undefined && index === undefined) return false;
  const ordinals = [
    ...(name !== undefined ? [name.startsWith(`${w.ref.name}-`) && /^\d+$/.test(name.slice(w.ref.name.length + 1)) ? Number(name.slice(w.ref.name.length + 1)) : -1] : []),
    ...(index !== undefined ? [/^\d+$/.test(index) ? Number(index) : -1] : []),
  ];
  const ordinal = ordinals[0] as number;
  if (ordinal < 0 || ordinals.some((o) => o !== ordinal)) return false;
  // pods are numbered from spec.ordinals.start (0 unless set; GA in Kubernetes 1.31)
  const { replicas, start } = ordinalsOf(w);
  if (start !== undefined && ordinal < start) return false;
  if (replicas !== undefined && start !== undefined && ordinal >= start + replicas) return false;
  const rest = Object.fromEntries(Object.entries(selector).filter(([k]) => !((k === POD_NAME_LABEL && name !== undefined) || (k === POD_INDEX_LABEL && index !== undefined))));
  return selectorMatches({ matchLabels: rest }, labels);
}

/**
 * `spec.replicas` and `spec.ordinals.start` of a workload's object: 1 and 0 when absent (the API
 * defaults), undefined when not a number (a value the manifests do not fix counts as any).
 */
function ordinalsOf(w: Workload): { replicas: number | undefined; start: number | undefined } {
  const node = rawAt(w.origin, ['spec']);
  const spec = (node && typeof node === 'object' ? node : {}) as { replicas?: unknown; ordinals?: unknown };
  // `3.0` is 3 to the API server (kubectl sends YAML through JSON): see asKubectlSends in schemas.ts
  const whole = (v: unknown, absent: number) =>
    v === undefined || v === null ? absent : typeof v === 'number' && Number.isInteger(v) ? v : v instanceof IntegralFloat && Number.isSafeInteger(v.value) ? v.value : undefined;
  const ordinals = spec.ordinals && typeof spec.ordinals === 'object' ? (spec.ordinals as { start?: unknown }) : {};
  return { replicas: whole(spec.replicas, 1), start: whole(ordinals.start, 0) };
}

function backendOf(b: IngressBackend | null | undefined, namespace: string, via: string): BackendRef | undefined {
  if (!b) return undefined;
  if (b.service) {
    const port = b.service.port ? { ...(b.service.port.number ? { number: b.service.port.number } : {}), ...(b.service.port.name ? { name: b.service.port.name } : {}) } : undefined;
    return { kind: 'ingress', namespace, service: b.service.name, port, via };
  }
  if (b.serviceName) {
    const sp = b.servicePort;
    const port = sp === undefined || sp === null ? undefined : typeof sp === 'number' ? { number: sp } : /^\d+$/.test(sp) ? { number: Number(sp) } : { name: sp };
    return { kind: 'ingress', namespace, service: b.serviceName, port, via };
  }
  return undefined;
}

/** An Ingress or Route backend, with where it is written (for provenance). */
export interface IngressBackendRef extends BackendRef {
  readonly origin: ObjectOrigin;
  readonly path: readonly (string | number)[];
}

/**
 * Every backend of every Ingress (v1 `service`, and v1beta1 `serviceName`/`servicePort`) and
 * OpenShift Route (`to` and `alternateBackends`). Route backends of another kind than Service are
 * reported and left out.
 */
export function ingressBackends(objects: readonly K8sObject[]): { backends: IngressBackendRef[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const backends: IngressBackendRef[] = [];
  for (const o of objects) {
    if (o.kind === 'Ingress') {
      const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
      const via = `Ingress ${ns}/${o.object.metadata.name}`;
      const spec = o.object.spec;
      const candidates = [
        { b: spec?.defaultBackend ?? spec?.backend, path: ['spec', spec?.defaultBackend ? 'defaultBackend' : 'backend'] },
        ...(spec?.rules ?? []).flatMap((r, ri) => (r.http?.paths ?? []).map((p, pi) => ({ b: p.backend, path: ['spec', 'rules', ri, 'http', 'paths', pi, 'backend'] }))),
      ];
      for (const { b, path } of candidates) {
        const ref = backendOf(b, ns, via);
        if (ref) backends.push({ ...ref, origin: o.origin, path });
      }
    } else if (o.kind === 'Route') {
      const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
      const via = `Route ${ns}/${o.object.metadata.name}`;
      const spec = o.object.spec;
      const tp = spec.port?.targetPort;
      const port: ServicePortRef = tp === undefined ? undefined : typeof tp === 'number' ? { number: tp } : { name: tp };
      [spec.to, ...(spec.alternateBackends ?? [])].forEach((target, i) => {
        const path = i === 0 ? ['spec', 'to'] : ['spec', 'alternateBackends', i - 1];
        if (target.kind && target.kind !== 'Service') {
          diagnostics.push(diag(Codes.unsupportedValue, 'warning', `${via}: backend kind ${target.kind} is not a Service; ignored`, originRef(o.origin, path)));
          return;
        }
        backends.push({ kind: 'route', namespace: ns, service: target.name, port, via, origin: o.origin, path });
      });
    } else if (o.kind === 'VirtualService') {
      backends.push(...virtualServiceBackends(o, virtualServices(objects), diagnostics));
    }
  }
  return { backends, diagnostics };
}

type VirtualServiceObject = Extract<K8sObject, { kind: 'VirtualService' }>;
type VirtualServiceRule = NonNullable<NonNullable<ObjectOf<'VirtualService'>['spec']>['http']>[number];

/** VirtualServices by `ns/name` (for delegation), once per object list. */
const virtualServiceIndexes = new WeakMap<readonly K8sObject[], ReadonlyMap<string, VirtualServiceObject>>();

function virtualServices(objects: readonly K8sObject[]): ReadonlyMap<string, VirtualServiceObject> {
  let index = virtualServiceIndexes.get(objects);
  if (!index) {
    const m = new Map<string, VirtualServiceObject>();
    for (const o of objects) if (o.kind === 'VirtualService') m.set(`${o.object.metadata.namespace || DEFAULT_NAMESPACE}/${o.object.metadata.name}`, o);
    virtualServiceIndexes.set(objects, (index = m));
  }
  return index;
}

/**
 * Istio: the destinations a gateway's proxy sends traffic to through one VirtualService. A rule
 * applies at the gateways of its `match` entries (each entry's own `gateways`, else the
 * VirtualService's), so a rule bound only to the sidecars' `mesh` brings no gateway traffic; HTTP
 * rules also send to their `mirror`/`mirrors` destinations, and a `delegate` rule hands the
 * request to the routes of another VirtualService (its namespace defaults to this one's).
 */
function virtualServiceBackends(o: VirtualServiceObject, index: ReadonlyMap<string, VirtualServiceObject>, diagnostics: Diagnostic[]): IngressBackendRef[] {
  const out: IngressBackendRef[] = [];
  const top = o.object.spec?.gateways ?? [];
  const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
  const via = `VirtualService ${ns}/${o.object.metadata.name}`;
  const atGateway = (rule: VirtualServiceRule) => {
    const matches = rule.match ?? [];
    const gateways = matches.length === 0 ? top : matches.flatMap((m) => (m.gateways && m.gateways.length > 0 ? m.gateways : top));
    return gateways.some((g) => g !== 'mesh');
  };
  const destinations = (owner: VirtualServiceObject, section: 'http' | 'tcp' | 'tls', rule: VirtualServiceRule, ri: number, ownerNs: string, depth: number) => {
    const push = (d: { host: string; port?: { number?: number | null } | null } | null | undefined, path: (string | number)[]) => {
      if (!d) return;
      const target = virtualServiceHost(d.host, ownerNs);
      if (!target) {
        // a ServiceEntry's host, or a cluster domain other than cluster.local: no Service of the manifests
        diagnostics.push(diag(Codes.danglingReference, 'warning', `${via}: destination host ${JSON.stringify(d.host)} names no Service (a short name, or name.namespace.svc.cluster.local, as Istio resolves it); not a link from the ingress gateway`, originRef(owner.origin, [...path, 'host'])));
        return;
      }
      const number = d?.port?.number ?? undefined;
      out.push({ kind: 'gateway', namespace: target.namespace, service: target.name, port: number !== undefined ? { number } : undefined, via, origin: owner.origin, path });
    };
    (rule.route ?? []).forEach((d, di) => push(d.destination, ['spec', section, ri, 'route', di, 'destination']));
    if (section !== 'http') return;
    push(rule.mirror, ['spec', section, ri, 'mirror']);
    (rule.mirrors ?? []).forEach((m, mi) => push(m.destination, ['spec', section, ri, 'mirrors', mi, 'destination']));
    // Istio delegates one level only: a delegate's own `delegate` rules are not followed
    if (rule.delegate && depth === 0) {
      const delegateKey = `${rule.delegate.namespace || ownerNs}/${rule.delegate.name}`;
      const delegate = index.get(delegateKey);
      if (!delegate) diagnostics.push(diag(Codes.danglingReference, 'warning', `${via}: delegate VirtualService ${delegateKey} not found; its routes are not read`, originRef(owner.origin, ['spec', section, ri, 'delegate'])));
      const dns = delegate ? delegate.object.metadata.namespace || DEFAULT_NAMESPACE : ownerNs;
      (delegate?.object.spec?.http ?? []).forEach((r, i) => destinations(delegate as VirtualServiceObject, 'http', r, i, dns, depth + 1));
    }
  };
  for (const section of ['http', 'tcp', 'tls'] as const) {
    (o.object.spec?.[section] ?? []).forEach((rule, ri) => {
      if (atGateway(rule)) destinations(o, section, rule, ri, ns, 0);
    });
  }
  return out;
}

/**
 * A VirtualService destination host as a Service, as Istio resolves it: a short name (no dot) is a
 * Service of the VirtualService's namespace; `name.ns.svc.cluster.local` is Service `name` of `ns`.
 * Any other host (`name.ns`, a ServiceEntry's host, another cluster domain) is taken as written, a
 * fully qualified name no Service of the manifests has.
 */
function virtualServiceHost(host: string, namespace: string): { namespace: string; name: string } | undefined {
  if (!host.includes('.')) return { namespace, name: host };
  const m = /^([^.]+)\.([^.]+)\.svc\.cluster\.local$/.exec(host);
  return m ? { namespace: m[2] as string, name: m[1] as string } : undefined;
}

export function ingressExposure(cluster: Cluster): { exposure: IngressExposure; diagnostics: Diagnostic[] } {
  const { backends, diagnostics } = ingressBackends(cluster.objects);
  const services = servicesByName(cluster.objects);
  const byNamespace = workloadsByNamespace(cluster.workloads);
  const ports = new Map<string, ConnectionSet>();
  const exposedBy = new Map<string, string[]>();
  for (const b of backends) {
    const svc = services.get(`${b.namespace}/${b.service}`);
    if (!svc) {
      diagnostics.push(diag(Codes.danglingReference, 'warning', `${b.via}: Service ${b.namespace}/${b.service} not found; backend ignored`));
      continue;
    }
    const picked = backendServicePorts(svc.object.spec?.ports ?? [], b.port, b.kind);
    if (picked.byTargetPort) diagnostics.push(backendByTargetPortWarning(b.via, b.port, b.service, originRef(b.origin, [...b.path, 'service', 'port', 'number'])));
    const svcPorts = picked.ports.filter((sp) => (sp.protocol ?? 'TCP') === 'TCP');
    for (const w of serviceWorkloads(svc.object, byNamespace)) {
      let conns = ConnectionSet.NONE;
      for (const pod of w.pods) {
        for (const sp of svcPorts) {
          const p = resolveTargetPort(sp, pod);
          if (p !== undefined) conns = conns.union(ConnectionSet.port('TCP', p));
        }
      }
      if (conns.isEmpty) continue;
      const key = workloadKey(w.ref);
      ports.set(key, (ports.get(key) ?? ConnectionSet.NONE).union(conns));
      const list = exposedBy.get(key) ?? [];
      if (!list.includes(b.via)) list.push(b.via);
      exposedBy.set(key, list);
    }
  }
  return { exposure: { ports, exposedBy }, diagnostics };
}

export type BackendKind = 'ingress' | 'route' | 'gateway';

/**
 * The Service ports a backend asks for. No port means all of them. A Gateway backend names a
 * Service port by number. An Ingress backend's `service.port.number` is matched as ingress-nginx
 * and netpol-analyzer match it: the Service port's number, else a port whose name is that number,
 * else a port whose targetPort is that number (`byTargetPort`: callers warn, the manifest most
 * likely meant the Service port). A name matches the port's name. A Route's `port.targetPort`
 * names the target port (a number, or a name looked up among the port names and target ports).
 */
export function backendServicePorts(ports: readonly ServicePort[], want: ServicePortRef, kind: BackendKind): { ports: ServicePort[]; byTargetPort: boolean } {
  if (!want || (want.number === undefined && want.name === undefined)) return { ports: [...ports], byTargetPort: false };
  const target = (sp: ServicePort) => (sp.targetPort === undefined || sp.targetPort === null || sp.targetPort === 0 ? sp.port : sp.targetPort);
  if (want.number !== undefined) {
    const n = want.number;
    const exact = ports.filter((sp) => sp.port === n || (kind === 'route' && Number(target(sp)) === n));
    if (exact.length > 0 || kind === 'gateway') return { ports: exact, byTargetPort: false };
    const named = ports.filter((sp) => sp.name === String(n));
    if (named.length > 0) return { ports: named, byTargetPort: false };
    const byTarget = ports.filter((sp) => Number(target(sp)) === n);
    return { ports: byTarget, byTargetPort: byTarget.length > 0 };
  }
  return { ports: ports.filter((sp) => (sp.name !== undefined && sp.name !== null && sp.name === want.name) || (kind === 'route' && sp.targetPort === want.name)), byTargetPort: false };
}

/** An Ingress backend that names a Service's targetPort instead of its port. */
export function backendByTargetPortWarning(via: string, port: ServicePortRef, service: string, at: SourceRef | undefined): Diagnostic {
  return diag(
    Codes.backendTargetPort,
    'warning',
    `${via}: Service ${service} has no port ${port?.number}; matched the port whose targetPort is ${port?.number}, as ingress-nginx does`,
    at,
    `name the Service port (${service}'s port), not the container port`,
  );
}
