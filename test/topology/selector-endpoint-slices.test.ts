import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * An EndpointSlice written by hand for a Service WITH a selector. kube-proxy groups every
 * EndpointSlice by its `kubernetes.io/service-name` label, whoever manages it
 * (kubernetes pkg/proxy/endpointslicecache.go endpointSliceCacheKeys: the label alone names the
 * Service), so the slice's addresses join the endpoints the controller writes from the pods; the
 * EndpointSlice controller leaves alone a slice it does not manage (label
 * `endpointslice.kubernetes.io/managed-by` other than `endpointslice-controller.k8s.io`). An
 * `Endpoints` object is different: for a Service with a selector the endpoints controller owns and
 * rewrites it, and the mirroring controller mirrors Endpoints of selector-less Services only.
 */
const SERVICE = (extra = '') => `apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec:
  ${extra}selector: {app: db}
  ports: [{name: pg, port: 5432}]
`;
const DB = `---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: x, ports: [{containerPort: 5432}]}]}
`;
const API = `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: c, image: x, env: [{name: DB, value: "postgres://db:5432/app"}]}]}
`;
const SLICE = (labels = '') => `---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: db-outside, namespace: shop, labels: {kubernetes.io/service-name: db${labels}}}
addressType: IPv4
endpoints: [{addresses: ["10.20.0.5"]}]
ports: [{name: pg, port: 15432, protocol: TCP}]
`;
const ENDPOINTS = `---
apiVersion: v1
kind: Endpoints
metadata: {name: db, namespace: shop}
subsets: [{addresses: [{ip: 10.20.0.6}], ports: [{name: pg, port: 15432}]}]
`;

function links(text: string): string[] {
  const load = loadManifests([{ path: 'app.yaml', text }]);
  expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scanTopology(load.cluster).value.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`).sort();
}

describe('a hand-written EndpointSlice of a Service with a selector', () => {
  it('adds its addresses, on the endpoint port of the Service port\'s name, beside the selected pods', () => {
    expect(links(SERVICE() + DB + API + SLICE())).toEqual(['shop/api[Deployment] => 10.20.0.5-10.20.0.5[External] : TCP 15432', 'shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432']);
  });

  it('a headless Service: its name resolves to the slice\'s addresses too, dialed on the port as written', () => {
    expect(links(SERVICE('clusterIP: None\n  ') + DB + API + SLICE())).toEqual(['shop/api[Deployment] => 10.20.0.5-10.20.0.5[External] : TCP 5432', 'shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432']);
  });

  it('the controller\'s own slices (a cluster dump) and an Endpoints object add nothing: the selector says it', () => {
    const pods = ['shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432'];
    expect(links(SERVICE() + DB + API + SLICE(', endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io'))).toEqual(pods);
    expect(links(SERVICE() + DB + API + ENDPOINTS)).toEqual(pods);
  });
});
