import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { originRef, type K8sObject } from '../manifests/objects.js';
import { ConnectionSet, type Protocol } from '../model/connection-set.js';
import { parseCidr, type IpRange } from '../model/ip.js';

/**
 * The endpoints of Services without a selector, as the manifests write them: an `Endpoints` object
 * of the Service's name, or `EndpointSlice`s labelled `kubernetes.io/service-name` with it. Such a
 * Service is how an application reaches a database outside the cluster by a cluster name
 * (`legacy-db` -> 10.20.0.5:15432): the connection goes to those addresses and ports, which an
 * egress rule must allow as an ipBlock (NetworkPolicy sees the packet after the Service's address
 * is translated). A Service with a selector has endpoints the controller writes from its pods:
 * those are read from the selector, never from objects in the manifests.
 */
export interface ManualEndpoint {
  readonly addresses: readonly IpRange[];
  /** Each port with its name ('' for an unnamed one) and protocol; `port` undefined: every port (an EndpointSlice port without a number). */
  readonly ports: readonly { readonly name: string; readonly port: number | undefined; readonly protocol: Protocol }[];
}

/** `ns/service` -> the endpoint sets written for it. */
export type ManualEndpoints = ReadonlyMap<string, readonly ManualEndpoint[]>;

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export function manualEndpoints(objects: readonly K8sObject[], defaultNamespace: string, diagnostics: Diagnostic[]): ManualEndpoints {
  const out = new Map<string, ManualEndpoint[]>();
  /** One address, or none (warned at its line: the API server refuses an Endpoints address that is no IP). */
  const addressRange = (o: K8sObject, ip: string, path: readonly (string | number)[]): IpRange[] => {
    const r = parseCidr(ip.trim());
    if (r && r.lo === r.hi && !ip.includes('/')) return [r];
    diagnostics.push(diag(Codes.endpointAddressInvalid, 'warning', `${JSON.stringify(ip)} is no IP address; left out of the endpoints of its Service`, originRef(o.origin, path)));
    return [];
  };
  const put = (key: string, e: ManualEndpoint) => {
    if (e.addresses.length > 0) out.set(key, [...(out.get(key) ?? []), e]);
  };
  for (const o of objects) {
    if (o.kind === 'Endpoints') {
      const key = `${o.object.metadata.namespace || defaultNamespace}/${o.object.metadata.name}`;
      (o.object.subsets ?? []).forEach((s, si) => {
        // not-ready addresses take traffic once ready: a policy written now must allow them too
        const addresses = (['addresses', 'notReadyAddresses'] as const).flatMap((field) => (s[field] ?? []).flatMap((a, ai) => addressRange(o, a.ip, ['subsets', si, field, ai, 'ip'])));
        put(key, { addresses, ports: (s.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })) });
      });
    } else if (o.kind === 'EndpointSlice') {
      const service = o.object.metadata.labels?.[SERVICE_NAME_LABEL];
      // an FQDN slice names hosts, which no ipBlock can
      if (!service || (o.object.addressType !== 'IPv4' && o.object.addressType !== 'IPv6')) continue;
      const addresses = (o.object.endpoints ?? []).flatMap((e, ei) => e.addresses.flatMap((a, ai) => addressRange(o, a, ['endpoints', ei, 'addresses', ai])));
      put(`${o.object.metadata.namespace || defaultNamespace}/${service}`, { addresses, ports: (o.object.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port ?? undefined, protocol: p.protocol ?? 'TCP' })) });
    }
  }
  return out;
}

/**
 * Where a connection to the Service port named `portName` ('' for an unnamed one) goes: each
 * endpoint address with the endpoint port of the same name (Kubernetes pairs a selector-less
 * Service's ports with its endpoints' ports by name; targetPort plays no part).
 */
export function manualTargets(endpoints: readonly ManualEndpoint[], portName: string): { range: IpRange; conns: ConnectionSet }[] {
  const out: { range: IpRange; conns: ConnectionSet }[] = [];
  for (const e of endpoints) {
    const ports = e.ports.filter((p) => p.name === portName);
    if (ports.length === 0) continue;
    const conns = ports.reduce((acc, p) => acc.union(p.port === undefined ? ConnectionSet.of(p.protocol) : ConnectionSet.port(p.protocol, p.port)), ConnectionSet.NONE);
    for (const range of e.addresses) out.push({ range, conns });
  }
  return out;
}
