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
export type PublicHosts = ReadonlyMap<string, ReadonlySet<string>>;

/** Host (lower-cased) -> the `workloadKey`s it routes to; wildcard hosts (`*.example.org`) name no one host and are left out. */
export function publicHosts(cluster: Cluster, serviceWorkloads: (key: string) => readonly Workload[]): PublicHosts {
  const out = new Map<string, Set<string>>();
  const add = (host: string | null | undefined, ns: string, service: string | null | undefined) => {
    if (!host || host.includes('*') || !service) return;
    const h = host.toLowerCase();
    const set = out.get(h) ?? new Set<string>();
    for (const w of serviceWorkloads(`${ns}/${service}`)) set.add(workloadKey(w.ref));
    out.set(h, set);
  };
  for (const o of cluster.objects) {
    if (o.kind === 'Ingress') {
      const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
      for (const rule of o.object.spec?.rules ?? []) {
        for (const p of rule.http?.paths ?? []) add(rule.host, ns, p.backend?.service?.name ?? p.backend?.serviceName);
      }
    } else if (o.kind === 'HTTPRoute' || o.kind === 'GRPCRoute' || o.kind === 'TLSRoute') {
      const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
      for (const rule of o.object.spec?.rules ?? []) {
        for (const b of rule.backendRefs ?? []) if (!b.kind || b.kind === 'Service') for (const host of o.object.spec?.hostnames ?? []) add(host, b.namespace || ns, b.name);
      }
    } else if (o.kind === 'Route') {
      const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
      for (const target of [o.object.spec.to, ...(o.object.spec.alternateBackends ?? [])]) if (!target.kind || target.kind === 'Service') add(o.object.spec.host, ns, target.name);
    }
  }
  return out;
}

/** Whether `host` is a public host that routes to `w` (see publicHosts). */
export function isOwnPublicHost(hosts: PublicHosts, host: string, w: Workload): boolean {
  return hosts.get(host.toLowerCase())?.has(workloadKey(w.ref)) ?? false;
}
