import { DEFAULT_NAMESPACE, type Cluster, type Workload } from '../manifests/cluster.js';
import { workloadKey } from '../model/peer.js';

/**
 * The public host names of the workloads: an Ingress rule's `host` (an OpenShift Route's
 * `spec.host`, a Gateway API route's `hostnames`) names where the ingress controller (or gateway)
 * reaches the workloads behind the Services it routes to. A workload that names its own public host (harbor core's `EXT_ENDPOINT`, gitea's
 * `ROOT_URL`, a `PUBLIC_URL`) announces where it is reached, as `ADVERTISED_LISTENERS` does: no
 * peer. A host that routes to other workloads only stays a gap: calling it goes out through the
 * ingress controller, which the manifests do not place.
 */
export type PublicHosts = ReadonlyMap<string, HostRoutes>;

/** Where one public host routes: every workload behind it, and by path (an Ingress path, a Route's path, an HTTPRoute's path match). */
interface HostRoutes {
  readonly all: Set<string>;
  readonly byPath: { readonly path: string; readonly workloads: Set<string> }[];
}

/** Host (lower-cased) -> the `workloadKey`s it routes to; wildcard hosts (`*.example.org`) name no one host and are left out. */
export function publicHosts(cluster: Cluster, serviceWorkloads: (key: string) => readonly Workload[]): PublicHosts {
  const out = new Map<string, HostRoutes>();
  const add = (host: string | null | undefined, ns: string, service: string | null | undefined, path: string | null | undefined) => {
    if (!host || host.includes('*') || !service) return;
    const h = host.toLowerCase();
    const routes = out.get(h) ?? { all: new Set<string>(), byPath: [] };
    const at = path || '/';
    let entry = routes.byPath.find((r) => r.path === at);
    if (!entry) routes.byPath.push((entry = { path: at, workloads: new Set<string>() }));
    for (const w of serviceWorkloads(`${ns}/${service}`)) {
      routes.all.add(workloadKey(w.ref));
      entry.workloads.add(workloadKey(w.ref));
    }
    out.set(h, routes);
  };
  for (const o of cluster.objects) {
    if (o.kind === 'Ingress') {
      const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
      for (const rule of o.object.spec?.rules ?? []) {
        for (const p of rule.http?.paths ?? []) add(rule.host, ns, p.backend?.service?.name ?? p.backend?.serviceName, p.path);
      }
    } else if (o.kind === 'HTTPRoute' || o.kind === 'GRPCRoute' || o.kind === 'TLSRoute') {
      const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
      for (const rule of o.object.spec?.rules ?? []) {
        // path matches (kept as written: the schema leaves them loose); a rule without one matches every path
        const paths = ((rule as { matches?: { path?: { value?: unknown } }[] }).matches ?? []).flatMap((m) => (typeof m.path?.value === 'string' ? [m.path.value] : []));
        for (const b of rule.backendRefs ?? []) {
          if (b.kind && b.kind !== 'Service') continue;
          for (const host of o.object.spec?.hostnames ?? []) for (const path of paths.length > 0 ? paths : ['/']) add(host, b.namespace || ns, b.name, path);
        }
      }
    } else if (o.kind === 'Route') {
      const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
      const path = (o.object.spec as { path?: unknown }).path;
      for (const target of [o.object.spec.to, ...(o.object.spec.alternateBackends ?? [])]) if (!target.kind || target.kind === 'Service') add(o.object.spec.host, ns, target.name, typeof path === 'string' ? path : undefined);
    }
  }
  return out;
}

/** Whether `path` falls under a route's `prefix`, element by element (`/api` covers `/api` and `/api/v1`, not `/apis`). */
function under(prefix: string, path: string): boolean {
  return prefix === '/' || path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/**
 * Whether an address of `host` (with `urlPath`, the path of the URL written, if any) is `w`'s own
 * public address (see publicHosts): the host routes to `w` alone; or the URL's path is routed to `w`
 * (the longest route path it falls under); or, with no path, `w` is one of the host's workloads (the
 * public base URL it announces). A path routed to another workload is a call through the ingress
 * controller: no own address, a gap.
 */
export function isOwnPublicHost(hosts: PublicHosts, host: string, w: Workload, urlPath?: string): boolean {
  const routes = hosts.get(host.toLowerCase());
  const me = workloadKey(w.ref);
  if (!routes?.all.has(me)) return false;
  if (routes.all.size === 1 || urlPath === undefined || urlPath === '' || urlPath === '/') return true;
  let best: HostRoutes['byPath'][number] | undefined;
  for (const r of routes.byPath) if (under(r.path, urlPath) && (best === undefined || r.path.length > best.path.length)) best = r;
  return best?.workloads.has(me) ?? false;
}
