import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { originRef, type K8sObject } from '../manifests/objects.js';
import { ConnectionSet, type Protocol } from '../model/connection-set.js';
import { mergeRanges, parseCidr, rangeContains, type IpRange } from '../model/ip.js';
import { isIpLiteral } from './addresses.js';

/**
 * The endpoints of Services without a selector, as the manifests write them: an `Endpoints` object
 * of the Service's name, or `EndpointSlice`s labelled `kubernetes.io/service-name` with it. Such a
 * Service is how an application reaches a database outside the cluster by a cluster name
 * (`legacy-db` -> 10.20.0.5:15432): the connection goes to those addresses and ports, which an
 * egress rule must allow as an ipBlock (NetworkPolicy sees the packet after the Service's address
 * is translated). A Service with a selector has endpoints the controller writes from its pods:
 * those are read from the selector, never from objects in the manifests.
 *
 * Read as kube-proxy reads them: from EndpointSlices, which the mirroring controller makes of an
 * Endpoints object unless it is labelled `endpointslice.kubernetes.io/skip-mirror: "true"` (then
 * nothing routes by it); a slice endpoint by its first address (the API: "clients may choose to
 * only use the first element"); a slice port without a number skipped (kube-proxy's
 * endpointslicecache: "TODO: handle nil ports to mean all"), with a warning.
 */
export interface ManualEndpoint {
  /**
   * What wrote it: an `Endpoints` object, an EndpointSlice written by hand (or by any manager but the
   * EndpointSlice controller), or one of the EndpointSlice controller's own (a cluster dump's). For a
   * Service WITH a selector only the hand-written slices add endpoints (endpointsFromSlices).
   */
  readonly from: 'Endpoints' | 'EndpointSlice' | 'controller-slice';
  readonly addresses: readonly IpRange[];
  /** Each port with its name ('' for an unnamed one) and protocol. */
  readonly ports: readonly { readonly name: string; readonly port: number; readonly protocol: Protocol }[];
}

/** `ns/service` -> the endpoint sets written for it. */
export type ManualEndpoints = ReadonlyMap<string, readonly ManualEndpoint[]>;

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
/** The EndpointSlice controller's own name: it writes (and rewrites) the slices of a Service with a selector from its pods. */
const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';

/**
 * The endpoints a Service WITH a selector has beyond its pods: the EndpointSlices written for it by
 * hand. kube-proxy groups every slice by its `kubernetes.io/service-name` label, whoever manages it
 * (pkg/proxy/endpointslicecache.go endpointSliceCacheKeys), and the EndpointSlice controller leaves
 * alone a slice it does not manage. An `Endpoints` object of such a Service is the endpoints
 * controller's, rewritten from the pods (and never mirrored); the controller's own slices are the
 * pods, which the selector already gives.
 */
export function endpointsFromSlices(endpoints: readonly ManualEndpoint[] | undefined): readonly ManualEndpoint[] {
  return (endpoints ?? []).filter((e) => e.from === 'EndpointSlice');
}

/** Addresses the API server refuses in an Endpoints object (ValidateEndpointIP): unspecified, loopback, link-local, link-local multicast. */
const REFUSED: readonly IpRange[] = ['0.0.0.0/32', '127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/24', '::/128', '::1/128', 'fe80::/10', 'ff02::/16'].map((c) => parseCidr(c) as IpRange);

export function manualEndpoints(objects: readonly K8sObject[], defaultNamespace: string, diagnostics: Diagnostic[]): ManualEndpoints {
  const out = new Map<string, ManualEndpoint[]>();
  /** One address, or none (warned at its line: the API server refuses it). */
  const addressRange = (o: K8sObject, ip: string, path: readonly (string | number)[]): IpRange[] => {
    const r = isIpLiteral(ip) ? parseCidr(ip) : undefined;
    const refused = r !== undefined && REFUSED.some((x) => rangeContains(x, r));
    if (r && r.lo === r.hi && !refused) return [r];
    const why = refused ? 'an address the API server refuses for an endpoint (loopback, link-local or unspecified)' : 'no IP address';
    diagnostics.push(diag(Codes.endpointAddressInvalid, 'warning', `${JSON.stringify(ip)} is ${why}; left out of the endpoints of its Service`, originRef(o.origin, path)));
    return [];
  };
  const put = (key: string, e: ManualEndpoint) => {
    if (e.addresses.length === 0) return;
    const list = out.get(key);
    if (list) list.push(e);
    else out.set(key, [e]);
  };
  for (const o of objects) {
    if (o.kind === 'Endpoints') {
      if (o.object.metadata.labels?.[SKIP_MIRROR_LABEL] === 'true') continue;
      const key = `${o.object.metadata.namespace || defaultNamespace}/${o.object.metadata.name}`;
      (o.object.subsets ?? []).forEach((s, si) => {
        // not-ready addresses take traffic once ready: a policy written now must allow them too
        const addresses = (['addresses', 'notReadyAddresses'] as const).flatMap((field) => (s[field] ?? []).flatMap((a, ai) => addressRange(o, a.ip, ['subsets', si, field, ai, 'ip'])));
        put(key, { from: 'Endpoints', addresses, ports: (s.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })) });
      });
    } else if (o.kind === 'EndpointSlice') {
      const service = o.object.metadata.labels?.[SERVICE_NAME_LABEL];
      // an FQDN slice names hosts, which no ipBlock can
      if (!service || (o.object.addressType !== 'IPv4' && o.object.addressType !== 'IPv6')) continue;
      const addresses = (o.object.endpoints ?? []).flatMap((e, ei) => (e.addresses.length > 0 ? addressRange(o, e.addresses[0] as string, ['endpoints', ei, 'addresses', 0]) : []));
      const ports: ManualEndpoint['ports'][number][] = [];
      (o.object.ports ?? []).forEach((p, pi) => {
        if (typeof p.port === 'number') ports.push({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' });
        else diagnostics.push(diag(Codes.endpointPortWithoutNumber, 'warning', 'an EndpointSlice port without a number is skipped by kube-proxy: no traffic reaches it', originRef(o.origin, ['ports', pi])));
      });
      const from = o.object.metadata.labels?.[MANAGED_BY_LABEL] === SLICE_CONTROLLER ? 'controller-slice' : 'EndpointSlice';
      put(`${o.object.metadata.namespace || defaultNamespace}/${service}`, { from, addresses, ports });
    }
  }
  return out;
}

/**
 * Where a connection to the Service port `servicePort` goes: each endpoint address with the
 * endpoint port of the same name and protocol (kube-proxy pairs a selector-less Service's ports
 * with its endpoints' ports so; targetPort plays no part), contiguous addresses joined in one range (mergeRanges).
 */
export function manualTargets(endpoints: readonly ManualEndpoint[], servicePort: { readonly name: string; readonly protocol: Protocol }): { range: IpRange; conns: ConnectionSet }[] {
  const byConns = new Map<string, { conns: ConnectionSet; ranges: IpRange[] }>();
  for (const e of endpoints) {
    const ports = e.ports.filter((p) => p.name === servicePort.name && p.protocol === servicePort.protocol);
    if (ports.length === 0) continue;
    const conns = ports.reduce((acc, p) => acc.union(ConnectionSet.port(p.protocol, p.port)), ConnectionSet.NONE);
    const k = conns.toString();
    const entry = byConns.get(k) ?? { conns, ranges: [] };
    entry.ranges.push(...e.addresses);
    byConns.set(k, entry);
  }
  return [...byConns.values()].flatMap(({ conns, ranges }) => mergeRanges(ranges).map((range) => ({ range, conns })));
}

/** Every endpoint address on the port the client dialed (a headless Service's name resolves to its endpoints' addresses, no proxy in between). */
export function dialedTargets(endpoints: readonly ManualEndpoint[], conns: ConnectionSet): { range: IpRange; conns: ConnectionSet }[] {
  return mergeRanges(endpoints.flatMap((e) => e.addresses)).map((range) => ({ range, conns }));
}
