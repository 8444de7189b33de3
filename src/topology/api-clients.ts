import { compareStrings, DEFAULT_NAMESPACE, workloadKey, type Cluster } from '../manifests/cluster.js';
import { originRef, type K8sObject } from '../manifests/objects.js';
import type { Unresolved } from './links.js';

type Binding = Extract<K8sObject, { kind: 'RoleBinding' | 'ClusterRoleBinding' }>;

/**
 * Workloads that call the Kubernetes API server because RBAC lets them: their ServiceAccount (or
 * a group it is in) is a subject of a RoleBinding or ClusterRoleBinding. Controllers, operators,
 * scrapers and config sidecars find the API server through the variables the kubelet injects
 * (KUBERNETES_SERVICE_HOST), so no manifest value names it; yet a default-deny egress policy
 * would cut them off without a word. Each such workload gets one `api-server` gap, at the binding
 * that grants it, via its `serviceAccountName`. A pod that does not mount a token
 * (`automountServiceAccountToken: false`) is not counted.
 */
export function apiServerClients(cluster: Cluster, already: ReadonlySet<string>): Unresolved[] {
  const bindings = cluster.objects
    .filter((o): o is Binding => o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding')
    .sort((a, b) => compareStrings(a.origin.document.file, b.origin.document.file) || a.origin.document.doc - b.origin.document.doc);
  if (bindings.length === 0) return [];
  const grants = grantIndex(bindings);
  const out: Unresolved[] = [];
  for (const w of cluster.workloads) {
    if (already.has(workloadKey(w.ref))) continue;
    const spec = (w.spec ?? {}) as { serviceAccountName?: unknown; serviceAccount?: unknown; automountServiceAccountToken?: unknown };
    if (spec.automountServiceAccountToken === false) continue;
    const named = typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '' ? 'serviceAccountName' : typeof spec.serviceAccount === 'string' && spec.serviceAccount !== '' ? 'serviceAccount' : undefined;
    const account = named ? (spec[named] as string) : 'default';
    const found = [...(grants.get(`${w.ref.namespace}/${account}`) ?? []), ...(grants.get(`${w.ref.namespace}/*`) ?? []), ...(grants.get('*') ?? [])];
    const first = found[0];
    if (!first) continue;
    const binding = `${first.binding.kind} ${first.binding.kind === 'RoleBinding' ? `${first.binding.object.metadata.namespace || DEFAULT_NAMESPACE}/` : ''}${first.binding.object.metadata.name ?? ''}`;
    const more = found.length > 1 ? ` (and ${found.length - 1} more binding${found.length > 2 ? 's' : ''})` : '';
    out.push({
      workload: w.ref,
      value: 'kubernetes.default.svc:443',
      at: originRef(first.binding.origin, ['subjects', first.index]),
      ...(named ? { via: originRef(w.origin, [...w.specPath, named]) } : {}),
      reason: 'api-server',
      detail: `${workloadKey(w.ref)} runs as ServiceAccount ${w.ref.namespace}/${account}, bound to ${first.binding.object.roleRef.kind} ${first.binding.object.roleRef.name} by ${binding}${more}, so it calls the Kubernetes API server, whose address the manifests do not hold`,
    });
  }
  return out;
}

/**
 * Each binding's subjects by whom they grant: `ns/account` for a ServiceAccount (a RoleBinding's
 * subject without a namespace is in the binding's own; also the User `system:serviceaccount:ns:name`), `ns/*` for the group
 * `system:serviceaccounts:ns`, `*` for `system:serviceaccounts`. A RoleBinding grants rights in
 * its own namespace, but to an account of any namespace: that account's pods call the API server.
 */
function grantIndex(bindings: readonly Binding[]): Map<string, { binding: Binding; index: number }[]> {
  const out = new Map<string, { binding: Binding; index: number }[]>();
  const add = (key: string, g: { binding: Binding; index: number }) => out.set(key, [...(out.get(key) ?? []), g]);
  for (const b of bindings) {
    const bindingNs = b.object.metadata.namespace || DEFAULT_NAMESPACE;
    (b.object.subjects ?? []).forEach((s, index) => {
      if (s.kind === 'ServiceAccount') {
        const ns = s.namespace || (b.kind === 'RoleBinding' ? bindingNs : undefined);
        if (ns) add(`${ns}/${s.name}`, { binding: b, index });
      } else if (s.kind === 'User' && /^system:serviceaccount:[^:]+:[^:]+$/.test(s.name)) {
        // the user name the API server gives a ServiceAccount's token
        const [, , ns, name] = s.name.split(':') as [string, string, string, string];
        add(`${ns}/${name}`, { binding: b, index });
      } else if (s.kind === 'Group' && s.name === 'system:serviceaccounts') add('*', { binding: b, index });
      else if (s.kind === 'Group' && s.name.startsWith('system:serviceaccounts:')) add(`${s.name.slice('system:serviceaccounts:'.length)}/*`, { binding: b, index });
    });
  }
  return out;
}

/** Workloads (as `ns/name[Kind]`) that already have an api-server gap from an address they name. */
export function apiServerGapHolders(unresolved: readonly Unresolved[]): Set<string> {
  return new Set(unresolved.filter((u) => u.reason === 'api-server').map((u) => workloadKey(u.workload)));
}
