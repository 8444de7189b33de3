import type { PodShape } from '../../manifests/cluster.js';
import type { WorkloadRef } from '../../model/peer.js';
import type { SnapshotServicePort } from './snapshot.js';

/**
 * How Kubernetes names and labels the pods of a workload, and which pods are infrastructure
 * (DNS, ingress controllers): the rules the resolver folds pods by.
 */

export const DNS_NAMES = new Set(['kube-dns', 'coredns']);
export const DNS_NAMESPACE = 'kube-system';

/** Pod-name suffixes each controller adds, after `<workload>-`. */
export const POD_SUFFIX: Record<string, RegExp> = {
  Deployment: /^[a-z0-9]{1,10}-[a-z0-9]{5}$/,
  ReplicaSet: /^[a-z0-9]{5}$/,
  ReplicationController: /^[a-z0-9]{5}$/,
  DaemonSet: /^[a-z0-9]{5}$/,
  Job: /^[a-z0-9]{5}$/,
  StatefulSet: /^\d+$/,
  CronJob: /^\d+-[a-z0-9]{5}$/,
};
/** Owner-name suffixes: a Deployment's pods are owned by `<deployment>-<hash>` (a ReplicaSet), a CronJob's by `<cronjob>-<n>` (a Job). */
export const OWNER_SUFFIX: Record<string, RegExp> = { Deployment: /^[a-z0-9]{1,10}$/, CronJob: /^\d+$/ };

/** Of several workloads of one name, the one of the owner kind named, else not a bare Pod. */
export function pick<W extends { readonly ref: WorkloadRef }>(ws: readonly W[], kind: string | undefined): W | undefined {
  return ws.find((w) => w.ref.kind === kind) ?? ws.find((w) => w.ref.kind !== 'Pod') ?? ws[0];
}

/**
 * The pods of the common ingress controllers, by their charts' standard `app.kubernetes.io/name`
 * label: their traffic is `{ingress-controller}`'s, the peer Ingress objects declare.
 */
const INGRESS_CONTROLLERS = new Set(['ingress-nginx', 'nginx-ingress', 'traefik', 'haproxy-ingress', 'kubernetes-ingress', 'contour', 'kong', 'istio-ingressgateway', 'emissary-ingress']);

export function isIngressControllerPod(labels: Readonly<Record<string, string>> | undefined): boolean {
  const name = labels?.['app.kubernetes.io/name'] ?? labels?.app;
  return name !== undefined && INGRESS_CONTROLLERS.has(name);
}

export function isDnsPod(labels: Readonly<Record<string, string>> | undefined, name: string | undefined): boolean {
  return labels?.['k8s-app'] === 'kube-dns' || (name !== undefined && /^(coredns|kube-dns)-/.test(name));
}

/** The container ports a Service port reaches on a workload: a numeric targetPort, a named one resolved per pod template, else the port. */
export function targetPorts(sp: SnapshotServicePort, w: { readonly pods: readonly Pick<PodShape, 'ports'>[] }): number[] {
  const t = sp.targetPort ?? sp.port;
  if (typeof t === 'number' || /^\d+$/.test(t)) return [Number(t)];
  const protocol = sp.protocol ?? 'TCP';
  return [...new Set(w.pods.flatMap((p) => p.ports.filter((cp) => cp.name === t && cp.protocol === protocol).map((cp) => cp.port)))].sort((a, b) => a - b);
}
