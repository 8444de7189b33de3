import type { IpRange } from '../model/ip.js';
import { placeText } from '../diagnostics/diagnostic.js';
import { ConnectionSet } from '../model/connection-set.js';
import { workloadKey, type WorkloadRef } from '../model/peer.js';
import { compareStrings, type Cluster, type Workload } from '../manifests/cluster.js';
import { originRef } from '../manifests/objects.js';
import { targetConns } from '../manifests/service-ports.js';
import { serviceWorkloads, workloadsByNamespace } from '../connectivity/exposure.js';
import type { SourceRef } from '../diagnostics/diagnostic.js';
import { findAddresses } from './addresses.js';
import { selfLinks, type Topology, type Unresolved } from './links.js';
import { DAPR_INVOCATION, daprInvocationTargets } from './mesh.js';

/**
 * A gap is what the manifests cannot tell, where a least-privilege policy would otherwise block
 * traffic without a word:
 *
 * - `ingress`: a workload that listens (declares a container port, or a Service selects it) but
 *   that no link reaches: its callers name it in application code, or live outside the input; and
 *   a Service no link reaches on any port, over a workload others reach, or one port of a reached
 *   Service whose container port no link reaches (uncalledServices);
 * - `egress`: an address-like value the scan could not resolve to a peer (no such Service or
 *   port, a Service without endpoints in the input, a hostname outside the cluster, the API server,
 *   the node's own address where a node-local agent listens, the control plane of an injected mesh proxy).
 *
 * - `egress` of a front end: a workload reached from outside the cluster (a LoadBalancer or
 *   NodePort Service, an Ingress, a Route, a Gateway) that names no destination in the cluster
 *   (no link to a workload, no unresolved in-cluster address). A front end that serves the public
 *   almost always calls the app behind it, from addresses built into its image (AKS Store's
 *   store-front calls order-service and product-service, Robot Shop's web proxies to six
 *   services); when those callees also have a caller the manifests name, no ingress gap says so,
 *   and least privilege would cut the front end off without a word.
 *
 * A workload that declares no port and that no Service selects is not listening: it is no gap.
 */
export interface Gap {
  readonly direction: 'ingress' | 'egress';
  readonly workload: WorkloadRef;
  readonly reason: 'no-ingress-source' | 'no-egress-target' | 'dapr-invocation' | Unresolved['reason'];
  /** One line on what is unknown. */
  readonly detail: string;
  /** Where: the workload (ingress gaps) or the value that did not resolve (egress gaps). */
  readonly at: SourceRef;
  readonly via?: SourceRef;
  /** For egress gaps of a rendered chart: the values-file line and key the value came from, where exact. */
  readonly traced?: SourceRef;
  /** For egress gaps: the value as written. */
  readonly value?: string;
  /** The connections concerned: the ports the workload listens on, or the address's port; all when unknown. */
  readonly conns: ConnectionSet;
  /** For egress gaps whose destination's namespace is known (a mesh's control plane): that namespace. */
  readonly namespace?: string;
  /** For egress gaps whose destination's address is known (a link-local address): closures open that address only. */
  readonly range?: IpRange;
  /** How to close it. */
  readonly close: string;
}

const CLOSE_INGRESS = 'add the callers as reviewed links (scan --format yaml, edit, synthesize --links FILE), or observed traffic (--traffic), or close with --gaps=namespace|open';
const CLOSE_EGRESS = 'add the destination as a reviewed link (synthesize --links FILE), or observed traffic (--traffic), or close with --gaps=namespace|open';
const CLOSE_NODE = 'add a reviewed link to the nodes\' address block (synthesize --links FILE, dst: <node CIDR>), or close with --gaps=namespace|open';
const CLOSE_MESH = 'add a reviewed link to the control plane (synthesize --links FILE), or close with --gaps=namespace (egress to its namespace on its ports) or --gaps=open';
const CLOSE_API = 'add a reviewed link to the API server address block (synthesize --links FILE, dst: <control-plane CIDR>), or close with --gaps=namespace|open';

/** The ports a workload listens on: its Services' target ports and its declared container ports. */
export function listeningConns(w: Workload, selectedBy: readonly { ports: Parameters<typeof targetConns>[0] }[]): ConnectionSet {
  let conns = ConnectionSet.NONE;
  for (const s of selectedBy) conns = conns.union(targetConns(s.ports, w.pods));
  for (const pod of w.pods) for (const p of pod.ports) conns = conns.union(ConnectionSet.port(p.protocol, p.port));
  return conns;
}

/** Every gap of the cluster given what the scan (or a links file) found, sorted by workload, direction, place. */
export function findGaps(cluster: Cluster, topology: Topology): Gap[] {
  const gaps: Gap[] = [];
  // the ports each workload is reached on (a workload no link reaches has none): for its Services that no link reaches
  const reachedOn = new Map<string, ConnectionSet>();
  // a workload's own pods calling each other are callers of those ports too (a self use)
  for (const l of [...topology.links, ...selfLinks(topology.self)]) if (l.dst.kind === 'workload') reachedOn.set(workloadKey(l.dst.ref), (reachedOn.get(workloadKey(l.dst.ref)) ?? ConnectionSet.NONE).union(l.conns));
  const byNs = workloadsByNamespace(cluster.workloads);
  const selectedBy = new Map<string, SelectingService[]>();
  const called = apiServerCalls(cluster);
  for (const o of cluster.objects) {
    if (o.kind !== 'Service') continue;
    for (const w of serviceWorkloads(o.object, byNs)) {
      const list = selectedBy.get(workloadKey(w.ref)) ?? [];
      const name = `${w.ref.namespace}/${o.object.metadata.name}`;
      const headless = (o.object.spec as { clusterIP?: unknown } | null | undefined)?.clusterIP === 'None';
      list.push({ ports: o.object.spec?.ports ?? [], name, at: originRef(o.origin, ['metadata', 'name']), portAt: (i) => originRef(o.origin, ['spec', 'ports', i]), headless, ...(called.has(name) ? { calledBy: called.get(name) } : {}) });
      selectedBy.set(workloadKey(w.ref), list);
    }
  }
  for (const w of cluster.workloads) {
    const key = workloadKey(w.ref);
    const reached = reachedOn.get(key);
    if (reached) {
      gaps.push(...uncalledServices(w, selectedBy.get(key) ?? [], reached));
      continue;
    }
    const services = selectedBy.get(key) ?? [];
    const conns = listeningConns(w, services);
    if (conns.isEmpty && services.length === 0) continue;
    const apiServer = services.find((x) => x.calledBy);
    const listens = `listens on ${conns.isEmpty ? 'ports no container declares' : conns.toString()}`;
    gaps.push({
      direction: 'ingress',
      workload: w.ref,
      reason: 'no-ingress-source',
      detail: apiServer ? `${apiServerDetail(w, apiServer)}; ${listens}` : `${listens} but no manifest names a caller`,
      at: apiServer?.calledBy?.at ?? originRef(w.origin, ['metadata', 'name']),
      conns: conns.isEmpty ? ConnectionSet.ALL : conns,
      close: CLOSE_INGRESS,
    });
  }
  gaps.push(...frontEndGaps(cluster, topology));
  // Dapr apps that serve are invoked sidecar to sidecar, on a port no manifest ties to a caller
  for (const t of daprInvocationTargets(cluster)) {
    gaps.push({
      direction: 'ingress',
      workload: t.workload.ref,
      reason: 'dapr-invocation',
      detail: `Dapr app ${t.appId} is invoked through the Dapr sidecars (daprd to daprd on ${DAPR_INVOCATION.toString()}); which apps invoke it is in application code`,
      at: t.at,
      conns: DAPR_INVOCATION,
      close: CLOSE_INGRESS,
    });
  }
  for (const u of topology.unresolved) {
    const conns = unresolvedConns(u) ?? ConnectionSet.ALL;
    gaps.push({
      direction: 'egress',
      workload: u.workload,
      reason: u.reason,
      detail: u.detail,
      at: u.at,
      ...(u.via ? { via: u.via } : {}),
      ...(u.traced ? { traced: u.traced } : {}),
      value: u.value,
      conns,
      ...(u.namespace !== undefined ? { namespace: u.namespace } : {}),
      ...(u.range !== undefined ? { range: u.range } : {}),
      close: u.reason === 'api-server' ? CLOSE_API : u.reason === 'node-address' ? CLOSE_NODE : u.reason === 'mesh-control-plane' ? CLOSE_MESH : CLOSE_EGRESS,
    });
  }
  return gaps.sort(
    (a, b) =>
      compareStrings(workloadKey(a.workload), workloadKey(b.workload)) ||
      compareStrings(a.direction, b.direction) ||
      compareStrings(a.at.file, b.at.file) ||
      (a.at.line ?? 0) - (b.at.line ?? 0) ||
      compareStrings(a.value ?? '', b.value ?? ''),
  );
}

/**
 * Unresolved reasons that stand for an address in the cluster (a mesh's control plane is in a namespace of its own: neither set).
 * An address kept in a Secret (`secret-value`) is unknown, like an undefined variable, and read as the backend of the app's own namespace it most often is.
 */
export const IN_CLUSTER_REASONS: ReadonlySet<Unresolved['reason']> = new Set(['no-such-service', 'no-such-port', 'no-endpoints', 'undefined-variable', 'secret-value']);

/** Unresolved reasons whose destination lies outside the cluster: a host, the API server, a node. */
export const OUTSIDE_REASONS: ReadonlySet<Unresolved['reason']> = new Set(['external-hostname', 'api-server', 'node-address']);

/** The port an unresolved address needs: its own (also a paired variable's), else the one written in its value; undefined when unknown. */
export function unresolvedConns(u: Unresolved): ConnectionSet | undefined {
  if (u.conns !== undefined) return u.conns;
  const port = findAddresses(u.value).find((c) => c.port !== undefined && /^\d+$/.test(c.port))?.port;
  const n = Number(port);
  return port !== undefined && n >= 1 && n <= 65535 ? ConnectionSet.port('TCP', n) : undefined;
}

/**
 * What a gap's connections are at the destination's pods: the API server's Service port is 443;
 * behind it (after kube-proxy's DNAT, which is what policies see) kubeadm clusters listen on 6443.
 */
export function connsAtDestination(reason: Gap['reason'], conns: ConnectionSet): ConnectionSet {
  return reason === 'api-server' && conns.allows('TCP', 443) ? conns.union(ConnectionSet.port('TCP', 6443)) : conns;
}

/** A Service over a workload: its ports, `ns/name`, where it is defined, and what has the API server call it. */
interface SelectingService {
  readonly ports: Parameters<typeof targetConns>[0];
  readonly name: string;
  readonly at: SourceRef;
  /** Where its port `i` is defined. */
  readonly portAt: (i: number) => SourceRef;
  readonly calledBy?: ApiServerCall;
  /** `clusterIP: None`: no proxy maps its ports, so a client reaches the pods on the port it dials (headless.ts). */
  readonly headless: boolean;
}

/** An object that has the Kubernetes API server call a Service: which (`APIService v1beta1.metrics.k8s.io`), where it names it, on which Service port. */
interface ApiServerCall {
  readonly by: string;
  readonly at: SourceRef;
  readonly port: number;
}

/**
 * The Services the Kubernetes API server calls, by `ns/name`: an aggregated API's (APIService
 * `spec.service`) and each admission webhook's (`webhooks[].clientConfig.service`), on the port
 * written, else 443 (the API's default). The caller is known; its address, the control plane's, is
 * outside the manifests.
 */
function apiServerCalls(cluster: Cluster): Map<string, ApiServerCall> {
  const out = new Map<string, ApiServerCall>();
  const add = (service: { name: string; namespace?: string | null; port?: number | null } | null | undefined, by: string, at: SourceRef) => {
    if (!service) return;
    const key = `${service.namespace || 'default'}/${service.name}`;
    if (!out.has(key)) out.set(key, { by, at, port: service.port ?? 443 });
  };
  for (const o of cluster.objects) {
    if (o.kind === 'APIService') add(o.object.spec?.service, `APIService ${o.object.metadata.name}`, originRef(o.origin, ['spec', 'service']));
    else if (o.kind === 'ValidatingWebhookConfiguration' || o.kind === 'MutatingWebhookConfiguration') {
      (o.object.webhooks ?? []).forEach((h, i) => add(h.clientConfig?.service, `${o.kind} ${o.object.metadata.name}`, originRef(o.origin, ['webhooks', i, 'clientConfig', 'service'])));
    }
  }
  return out;
}

/** What a gap says of a workload behind a Service the API server calls. */
function apiServerDetail(w: Workload, s: SelectingService): string {
  const call = s.calledBy as ApiServerCall;
  const on = targetConns(
    s.ports.filter((p) => p.port === call.port),
    w.pods,
  );
  return `the Kubernetes API server calls it (${call.by} names Service ${s.name}) on ${on.isEmpty ? `port ${call.port}, which the Service does not have` : on.toString()}, from the control plane's address, which the manifests do not hold`;
}

/**
 * The pod ports a Service port is called on: its target port; through a headless Service also its
 * own number, which a client that resolves the name to the pods' addresses dials as it is (an SRV
 * lookup gives the target port).
 */
function calledOn(s: SelectingService, sp: SelectingService['ports'][number], w: Workload): ConnectionSet {
  const target = targetConns([sp], w.pods);
  return s.headless ? target.union(ConnectionSet.port(sp.protocol ?? 'TCP', sp.port)) : target;
}

/**
 * The Services of a reached workload that no link reaches on any of their ports (JupyterHub's
 * `proxy-api`, called by the hub from code, beside the `proxy-public` the outside reaches): each is
 * there to be called, by callers no manifest names. A Service a link reaches on one of its ports
 * (a headless twin of a reached Service, one port of several) is no such gap; but each of its
 * ports whose container port no link reaches (a `metrics` port beside the called `http`) is a gap
 * of its own, at that port, unless a gap above already names the container port.
 */
function uncalledServices(w: Workload, services: readonly SelectingService[], reachedOn: ConnectionSet): Gap[] {
  const gaps: Gap[] = [];
  let named = reachedOn;
  const partly: SelectingService[] = [];
  for (const s of services) {
    const conns = targetConns(s.ports, w.pods);
    if (conns.isEmpty) continue;
    if (s.ports.some((sp) => !calledOn(s, sp, w).intersect(reachedOn).isEmpty)) {
      partly.push(s);
      continue;
    }
    named = named.union(conns);
    if (s.calledBy) gaps.push({ direction: 'ingress', workload: w.ref, reason: 'no-ingress-source', detail: `${apiServerDetail(w, s)}; Service ${s.name} selects it on ${conns.toString()}`, at: s.calledBy.at, conns, close: CLOSE_INGRESS });
    else gaps.push({ direction: 'ingress', workload: w.ref, reason: 'no-ingress-source', detail: `Service ${s.name} selects it on ${conns.toString()}, but no manifest names a caller of that Service`, at: s.at, conns, close: CLOSE_INGRESS });
  }
  for (const s of partly) {
    s.ports.forEach((sp, i) => {
      // a headless Service's port dialed by its number is called, whatever its target
      if (s.headless && !ConnectionSet.port(sp.protocol ?? 'TCP', sp.port).intersect(reachedOn).isEmpty) return;
      const conns = targetConns([sp], w.pods).subtract(named);
      if (conns.isEmpty) return;
      named = named.union(conns);
      const port = sp.name ? `${sp.name} (${sp.port})` : String(sp.port);
      gaps.push({ direction: 'ingress', workload: w.ref, reason: 'no-ingress-source', detail: `Service ${s.name} port ${port} selects it on ${conns.toString()}, but no manifest names a caller of that port`, at: s.portAt(i), conns, close: CLOSE_INGRESS });
    });
  }
  return gaps;
}

/** The egress gaps of front ends that name nothing they call in the cluster (see Gap). */
function frontEndGaps(cluster: Cluster, topology: Topology): Gap[] {
  const exposed = new Set<string>();
  const calls = new Set<string>();
  for (const l of topology.links) {
    if (l.dst.kind === 'workload' && l.src.kind !== 'workload') exposed.add(workloadKey(l.dst.ref));
    if (l.src.kind === 'workload' && l.dst.kind === 'workload') calls.add(workloadKey(l.src.ref));
  }
  for (const u of topology.unresolved) if (IN_CLUSTER_REASONS.has(u.reason)) calls.add(workloadKey(u.workload));
  return cluster.workloads
    .filter((w) => exposed.has(workloadKey(w.ref)) && !calls.has(workloadKey(w.ref)))
    .map((w) => ({
      direction: 'egress',
      workload: w.ref,
      reason: 'no-egress-target',
      detail: 'is reached from outside the cluster but no manifest names anything it calls in the cluster; a front end\'s upstreams, if any, are built into its image or code',
      at: originRef(w.origin, ['metadata', 'name']),
      conns: ConnectionSet.ALL,
      close: CLOSE_EGRESS,
    }));
}

/** `file:line ns/name[Kind] ingress|egress "value": detail` */
export function gapText(g: Gap): string {
  const values = g.traced ? ` (values ${placeText(g.traced)}${g.traced.path && g.traced.path.length > 0 ? ` ${g.traced.path.join('.')}` : ''})` : '';
  return `${placeText(g.at)} ${workloadKey(g.workload)} ${g.direction}${g.value !== undefined ? ` ${JSON.stringify(g.value)}` : ''}${values}: ${g.detail}`;
}
