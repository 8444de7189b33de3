import { ConnectionSet } from '../model/connection-set.js';
import { compareStrings, DEFAULT_NAMESPACE, type Cluster, type Workload } from '../manifests/cluster.js';
import { originRef, rawAt, type ObjectOrigin } from '../manifests/objects.js';
import type { SourceRef } from '../diagnostics/diagnostic.js';
import type { Unresolved } from './links.js';

/**
 * Workloads that a service mesh injects a proxy into. The proxy must reach the mesh's control
 * plane before the pod serves (certificates, routes): Istio's istiod on 15012 in istio-system,
 * Linkerd's identity (8080), destination (8086) and policy (8090) controllers in linkerd. No
 * manifest value names them (the injector adds the proxy at admission), so a default-deny egress
 * policy would keep every meshed pod from starting without a word: each such workload gets one
 * `mesh-control-plane` gap, at the label or annotation that asks for injection, closed by
 * `--gaps=namespace` with egress to the control plane's namespace on its ports.
 *
 * Asked for by the pod template (Istio: label or annotation `sidecar.istio.io/inject: "true"`,
 * label `istio.io/rev`; Linkerd: annotation `linkerd.io/inject: enabled|ingress`; Dapr's sidecar:
 * annotation `dapr.io/enabled: "true"`, whose daprd reaches Dapr's control plane in dapr-system) or by the
 * workload's Namespace in the input (label `istio-injection: enabled` or `istio.io/rev`;
 * annotation `linkerd.io/inject: enabled`), unless the pod template opts out (`"false"`, `disabled`).
 * Control planes installed elsewhere than the default namespaces are not known to the manifests.
 */
export interface Mesh {
  readonly name: 'Istio' | 'Linkerd' | 'Dapr';
  readonly namespace: string;
  readonly conns: ConnectionSet;
  readonly ports: string;
}

export const ISTIO: Mesh = { name: 'Istio', namespace: 'istio-system', conns: ConnectionSet.port('TCP', 15012), ports: 'istiod TCP 15012' };
export const LINKERD: Mesh = {
  name: 'Linkerd',
  namespace: 'linkerd',
  conns: ConnectionSet.port('TCP', 8080).union(ConnectionSet.port('TCP', 8086)).union(ConnectionSet.port('TCP', 8090)),
  ports: 'identity TCP 8080, destination TCP 8086, policy TCP 8090',
};

/** Dapr's sidecar (daprd): sentry (50001), the operator's API (6500), placement (50005), scheduler (50006), behind their Services' 443/50005/50006. */
export const DAPR: Mesh = {
  name: 'Dapr',
  namespace: 'dapr-system',
  conns: [6500, 50001, 50005, 50006].reduce((c, p) => c.union(ConnectionSet.port('TCP', p)), ConnectionSet.NONE),
  ports: 'operator TCP 6500, sentry TCP 50001, placement TCP 50005, scheduler TCP 50006',
};

type Meta = { labels?: unknown; annotations?: unknown };

/** What Dapr's injector takes for "on" (its utils.IsTruthy: any case). */
const TRUTHY: ReadonlySet<string> = new Set(['y', 'yes', 'true', 't', 'on', '1']);
type Found = { mesh: Mesh; at: SourceRef; value: string };

const str = (m: unknown, key: string): string | undefined => {
  const v = m && typeof m === 'object' ? (m as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : typeof v === 'boolean' ? String(v) : undefined;
};

/**
 * The injection a pod template's or a Namespace's metadata asks for: a mesh, an opt-out per mesh,
 * or nothing. `veto`: meshes a Namespace turns off even for pods that ask for them (Istio's
 * `istio-injection: disabled`: no injector webhook's namespaceSelector matches that namespace,
 * whatever the pod's `sidecar.istio.io/inject`; a Linkerd pod annotation does override its Namespace).
 */
function asked(meta: Meta | undefined, origin: ObjectOrigin, metaPath: readonly (string | number)[], forPod: boolean): { inject: Found[]; optOut: Set<string>; veto: Set<string> } {
  const inject: Found[] = [];
  const optOut = new Set<string>();
  const veto = new Set<string>();
  const at = (field: 'labels' | 'annotations', key: string) => originRef(origin, [...metaPath, field, key]);
  for (const field of ['labels', 'annotations'] as const) {
    const m = meta?.[field];
    const istio = str(m, 'sidecar.istio.io/inject');
    if (istio !== undefined && (forPod || field === 'labels')) {
      if (istio === 'true') inject.push({ mesh: ISTIO, at: at(field, 'sidecar.istio.io/inject'), value: `sidecar.istio.io/inject: "true"` });
      else if (istio === 'false') optOut.add(ISTIO.name);
    }
    const rev = field === 'labels' ? str(m, 'istio.io/rev') : undefined;
    if (rev !== undefined && rev !== '') inject.push({ mesh: ISTIO, at: at('labels', 'istio.io/rev'), value: `istio.io/rev: ${rev}` });
    if (!forPod && field === 'labels' && str(m, 'istio-injection') === 'enabled') inject.push({ mesh: ISTIO, at: at('labels', 'istio-injection'), value: 'istio-injection: enabled' });
    if (!forPod && field === 'labels' && str(m, 'istio-injection') === 'disabled') {
      optOut.add(ISTIO.name);
      veto.add(ISTIO.name);
    }
    const linkerd = field === 'annotations' ? str(m, 'linkerd.io/inject') : undefined;
    if (linkerd === 'enabled' || (forPod && linkerd === 'ingress')) inject.push({ mesh: LINKERD, at: at('annotations', 'linkerd.io/inject'), value: `linkerd.io/inject: ${linkerd}` });
    else if (linkerd === 'disabled') optOut.add(LINKERD.name);
    const dapr = forPod && field === 'annotations' ? str(m, 'dapr.io/enabled') : undefined;
    if (dapr !== undefined && TRUTHY.has(dapr.toLowerCase())) inject.push({ mesh: DAPR, at: at('annotations', 'dapr.io/enabled'), value: `dapr.io/enabled: ${JSON.stringify(dapr)}` });
  }
  return { inject, optOut, veto };
}

/** The meshes whose proxy each workload gets, with where the manifests ask for it. */
export function meshedWorkloads(cluster: Cluster): { workload: Workload; found: Found }[] {
  const byNamespace = new Map<string, { inject: Found[]; optOut: Set<string>; veto: Set<string> }>();
  for (const o of cluster.objects) {
    if (o.kind !== 'Namespace') continue;
    const raw = rawAt(o.origin) as { metadata?: Meta & { name?: unknown } } | undefined;
    const name = typeof raw?.metadata?.name === 'string' ? raw.metadata.name : undefined;
    if (name !== undefined) byNamespace.set(name, asked(raw?.metadata, o.origin, ['metadata'], false));
  }
  const out: { workload: Workload; found: Found }[] = [];
  for (const w of cluster.workloads) {
    // the pod template's metadata sits beside its spec (a bare Pod's is the object's own)
    const metaPath = [...w.specPath.slice(0, -1), 'metadata'];
    const pod = asked(rawAt(w.origin, metaPath) as Meta | undefined, w.origin, metaPath, true);
    const ns = byNamespace.get(w.ref.namespace || DEFAULT_NAMESPACE);
    const seen = new Set<string>();
    const fromPod = pod.inject.filter((f) => !ns?.veto.has(f.mesh.name));
    for (const f of [...fromPod, ...(ns?.inject ?? []).filter((f) => !pod.optOut.has(f.mesh.name) && !ns?.optOut.has(f.mesh.name))]) {
      if (seen.has(f.mesh.name)) continue;
      seen.add(f.mesh.name);
      out.push({ workload: w, found: f });
    }
  }
  return out;
}

/** One `mesh-control-plane` gap per meshed workload and mesh (see the module comment). */
export function meshControlPlaneGaps(cluster: Cluster): Unresolved[] {
  return meshedWorkloads(cluster)
    .map(({ workload: w, found: f }): Unresolved => ({
      workload: w.ref,
      value: f.value,
      at: f.at,
      reason: 'mesh-control-plane',
      detail: `the ${f.mesh.name} sidecar injected into its pods must reach the control plane in namespace ${f.mesh.namespace} (${f.mesh.ports}); the injector adds it at admission, so no manifest value names that address`,
      conns: f.mesh.conns,
      namespace: f.mesh.namespace,
    }))
    .sort((a, b) => compareStrings(a.at.file, b.at.file) || (a.at.line ?? 0) - (b.at.line ?? 0));
}

/** Dapr's service invocation: a caller's daprd reaches the callee's daprd on its internal gRPC port. */
export const DAPR_INVOCATION = ConnectionSet.port('TCP', 50002);

/**
 * The Dapr apps that serve (`dapr.io/app-port` beside `dapr.io/enabled: "true"`): other apps
 * invoke them through their sidecars (`/v1.0/invoke/<app-id>/method/...` on localhost:3500), which
 * connect to the callee's daprd on TCP 50002, a port no container declares; who invokes whom is in
 * application code. Each is an ingress gap on that port, at its app-port annotation.
 */
export function daprInvocationTargets(cluster: Cluster): { workload: Workload; at: SourceRef; appId: string }[] {
  const out: { workload: Workload; at: SourceRef; appId: string }[] = [];
  for (const { workload: w, found } of meshedWorkloads(cluster)) {
    if (found.mesh !== DAPR) continue;
    const metaPath = [...w.specPath.slice(0, -1), 'metadata'];
    const annotations = (rawAt(w.origin, metaPath) as Meta | undefined)?.annotations;
    if (str(annotations, 'dapr.io/app-port') === undefined) continue;
    out.push({ workload: w, at: originRef(w.origin, [...metaPath, 'annotations', 'dapr.io/app-port']), appId: str(annotations, 'dapr.io/app-id') ?? w.ref.name });
  }
  return out;
}
