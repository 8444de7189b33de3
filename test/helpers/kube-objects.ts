import type { KubeObject } from './kube-api-server.js';

/** Objects as a live cluster holds them, for the fake API server and export folders. */

let uid = 0;

/** What the API server adds to every object: none of it may matter to the comparison. */
export function served(o: KubeObject): KubeObject {
  uid++;
  return {
    ...o,
    metadata: {
      ...o.metadata,
      uid: `00000000-0000-0000-0000-${String(uid).padStart(12, '0')}`,
      resourceVersion: String(1000 + uid),
      creationTimestamp: '2026-11-01T10:00:00Z',
      managedFields: [{ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: o.apiVersion }],
      annotations: { ...(o.metadata.annotations as Record<string, string> | undefined), 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(o) },
    },
    status: {},
  };
}

export interface WorkloadExtras {
  readonly portName?: string;
  readonly env?: readonly { readonly name: string; readonly value: string }[];
  /** Pod template annotations. */
  readonly annotations?: Readonly<Record<string, string>>;
  readonly image?: string;
}

function podSpec(name: string, port: number, extra: WorkloadExtras) {
  return {
    containers: [
      {
        name,
        image: extra.image ?? `example/${name}:1`,
        ports: [{ containerPort: port, protocol: 'TCP', ...(extra.portName ? { name: extra.portName } : {}) }],
        ...(extra.env ? { env: extra.env } : {}),
      },
    ],
  };
}

/** A Deployment as a cluster holds it: the Deployment, its ReplicaSet and a running Pod, chained by ownerReferences. */
export function deployment(ns: string, name: string, port: number, extra: WorkloadExtras = {}): KubeObject[] {
  const labels = { app: name };
  const spec = podSpec(name, port, extra);
  const meta = (l: Record<string, string>) => ({ labels: l, ...(extra.annotations ? { annotations: extra.annotations } : {}) });
  const rs = `${name}-5d9f7c`;
  const rsLabels = { ...labels, 'pod-template-hash': '5d9f7c' };
  return [
    served({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns, labels }, spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: meta(labels), spec } } }),
    served({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: rs, namespace: ns, labels: rsLabels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: 'x', controller: true }] },
      spec: { replicas: 1, selector: { matchLabels: rsLabels }, template: { metadata: meta(rsLabels), spec } },
    }),
    served({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${rs}-abcde`, namespace: ns, ...meta(rsLabels), ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs, uid: 'y', controller: true }] },
      spec,
      status: { phase: 'Running' },
    }),
  ];
}

/** A StatefulSet and its first pod. */
export function statefulSet(ns: string, name: string, port: number, extra: WorkloadExtras = {}): KubeObject[] {
  const labels = { app: name };
  const spec = podSpec(name, port, extra);
  return [
    served({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace: ns, labels }, spec: { serviceName: name, selector: { matchLabels: labels }, template: { metadata: { labels }, spec } } }),
    served({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `${name}-0`, namespace: ns, labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name, uid: 'z', controller: true }] }, spec }),
  ];
}

export function service(ns: string, name: string, port: number, targetPort = port): KubeObject {
  return served({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { selector: { app: name }, ports: [{ name: 'http', port, targetPort, protocol: 'TCP' }] } });
}

export const namespace = (name: string): KubeObject => served({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } });
