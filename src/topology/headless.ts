import { ConnectionSet } from '../model/connection-set.js';
import { targetConns, type ServicePort } from '../manifests/service-ports.js';
import type { Workload } from '../manifests/cluster.js';

/**
 * What a client dials through a headless Service (`clusterIP: None`) WITH a selector. No proxy
 * stands between them ("kube-proxy does not handle these Services, and there is no load balancing
 * or proxying done by the platform for them", Kubernetes' Service documentation, Headless
 * Services): the Service's name resolves to the pods' own addresses (an A record per ready
 * endpoint, kubernetes/dns specification "Records for a Headless Service"), so a Service port is
 * never mapped to its targetPort. The port the pod is reached on is the one the client dials:
 *
 * - `written`: a number written with the address (`db:80`, a paired `DB_PORT`): that port on the
 *   pod, whether or not a Service port has that number;
 * - `srv`: a port NAME (`db:web`) is an SRV lookup (`_web._tcp.db...`), which the cluster DNS
 *   answers for a headless Service with the endpoint's port (CoreDNS plugin/kubernetes findServices
 *   reads the Endpoints' ports), the targetPort the endpoints controller resolved on each pod;
 * - `scheme`: no port, but a URL whose scheme fixes one (`http://db`: 80);
 * - `service-port`: no port at all (`db.ns.svc`): the client's own default port, which the manifests
 *   do not hold; the Service port's number is what a Service port is written to mirror, so that is
 *   the reading, and it is said (a diagnostic) where a targetPort differs from it.
 */
export type HeadlessDial =
  | { readonly kind: 'written' | 'scheme'; readonly conns: ConnectionSet }
  | { readonly kind: 'srv'; readonly ports: readonly ServicePort[] }
  | { readonly kind: 'service-port'; readonly ports: readonly ServicePort[]; readonly conns: ConnectionSet };

/** The dial through one headless Service's ports; undefined for a port name no Service port has (no SRV record). */
export function headlessDial(ports: readonly ServicePort[], written: string | undefined, schemePort: number | undefined): HeadlessDial | undefined {
  const numbered = (n: number) => {
    // a Service port of that number says the protocol (DNS's 53 on UDP and TCP); else TCP, the default
    const same = ports.filter((sp) => sp.port === n);
    return same.length > 0 ? same.reduce((acc, sp) => acc.union(ConnectionSet.port(sp.protocol ?? 'TCP', n)), ConnectionSet.NONE) : ConnectionSet.port('TCP', n);
  };
  if (written !== undefined && /^\d+$/.test(written)) return { kind: 'written', conns: numbered(Number(written)) };
  if (written !== undefined) {
    const named = ports.filter((sp) => sp.name === written);
    return named.length > 0 ? { kind: 'srv', ports: named } : undefined;
  }
  if (schemePort !== undefined) return { kind: 'scheme', conns: numbered(schemePort) };
  return { kind: 'service-port', ports, conns: ports.reduce((acc, sp) => acc.union(ConnectionSet.port(sp.protocol ?? 'TCP', sp.port)), ConnectionSet.NONE) };
}

/** The connections a workload is reached on by a dial: the dialed ports, or for an SRV lookup the target ports on its pods. */
export function dialedConns(dial: HeadlessDial, w: Workload): ConnectionSet {
  return dial.kind === 'srv' ? targetConns(dial.ports, w.pods) : dial.conns;
}

/** The Service ports whose targetPort, on some pod of the workloads, is not the port's own number: where reading the number is a choice. */
export function remappedPorts(ports: readonly ServicePort[], workloads: readonly Workload[]): ServicePort[] {
  return ports.filter((sp) => workloads.some((w) => !targetConns([sp], w.pods).isSubsetOf(ConnectionSet.port(sp.protocol ?? 'TCP', sp.port))));
}

/**
 * The dialed connections no container of the workload declares, when its containers declare ports
 * (a pod that declares none may listen anywhere: `containerPort` is informational). Through a
 * headless Service that is a client dialing a port the app does not serve: a broken app, not a policy.
 */
export function undeclared(conns: ConnectionSet, w: Workload): ConnectionSet {
  let declared = ConnectionSet.NONE;
  for (const pod of w.pods) for (const p of pod.ports) declared = declared.union(ConnectionSet.port(p.protocol, p.port));
  return declared.isEmpty ? ConnectionSet.NONE : conns.subtract(declared);
}
