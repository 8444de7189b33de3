import { ConnectionSet } from '../model/connection-set.js';
import type { PodShape } from './cluster.js';
import type { ObjectOf } from './objects.js';

export type ServicePort = NonNullable<NonNullable<ObjectOf<'Service'>['spec']>['ports']>[number];

/**
 * The ONE place that says which container port a Service port reaches on a pod, with the
 * Kubernetes semantics (core/v1 ServicePort.targetPort, and what kube-proxy and the endpoints
 * controller do with it):
 *
 * - `targetPort` absent or `0` means the Service port's own `port` (the API server defaults an
 *   absent value to `port`; `0` is how a cleared int-or-string reads, and is treated the same);
 * - a number is that port on the pod, whether or not a container declares it: `containerPort` is
 *   informational, traffic reaches whatever listens there;
 * - a name is resolved per pod, to the container port of that name and the Service port's
 *   protocol; a pod that declares no such port is not an endpoint of this Service port.
 *
 * Used by the connectivity engine's exposure (src/connectivity/exposure.ts) and by the scan
 * (src/topology/scan.ts), so that both always agree.
 */
export function resolveTargetPort(sp: ServicePort, pod: PodShape): number | undefined {
  const target = effectiveTarget(sp);
  if (typeof target === 'number') return target;
  const protocol = sp.protocol ?? 'TCP';
  return pod.ports.find((p) => p.name === target && p.protocol === protocol)?.port;
}

/** `targetPort` with absent and 0 read as `port`; numeric strings read as numbers. */
function effectiveTarget(sp: ServicePort): number | string {
  const t = sp.targetPort;
  if (t === undefined || t === null || t === 0 || t === '0' || t === '') return sp.port;
  if (typeof t === 'number') return t;
  return /^\d+$/.test(t) ? Number(t) : t;
}

/** The container ports (with protocols) that the Service ports reach on any of the pods. */
export function targetConns(ports: readonly ServicePort[], pods: readonly PodShape[]): ConnectionSet {
  let conns = ConnectionSet.NONE;
  for (const sp of ports) {
    const protocol = sp.protocol ?? 'TCP';
    for (const pod of pods) {
      const p = resolveTargetPort(sp, pod);
      if (p !== undefined && p >= 1 && p <= 65535) conns = conns.union(ConnectionSet.port(protocol, p));
    }
  }
  return conns;
}
