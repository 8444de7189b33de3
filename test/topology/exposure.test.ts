import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { type Evidence, type Link, type Topology } from '../../src/topology/links.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * Exposure links: Ingress (networking.k8s.io/v1 and the old serviceName/servicePort form) and
 * OpenShift Routes from `{ingress-controller}`, Gateway API routes from `{gateway ns/name}`,
 * LoadBalancer and NodePort Services from 0.0.0.0/0; always on the target container ports, each
 * with the exposing object and its file:line.
 */

function scan(files: Record<string, string>): Topology {
  const load = loadManifests(Object.entries(files).map(([path, text]) => ({ path, text })));
  expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scanTopology(load.cluster).value;
}

function lineOf(text: string, needle: string, nth = 0): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] as string).includes(needle) && seen++ === nth) return i + 1;
  }
  throw new Error(`${JSON.stringify(needle)} not found`);
}

const linkLine = (l: Link) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`;
const exposures = (l: Link | undefined) =>
  (l?.evidence ?? []).filter((e): e is Extract<Evidence, { kind: 'exposure' }> => e.kind === 'exposure').map((e) => ({ object: e.object, at: `${e.at.file}:${e.at.line}`, path: e.at.path }));
const find = (t: Topology, src: string, dst: string) => t.links.find((l) => peerKey(l.src) === src && peerKey(l.dst) === dst);

// web: Service ports http 80 -> named `http` (8080 on the pod), admin 9000 -> 9090, dns 53/UDP -> 5353/UDP.
const APP = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
    - name: admin
      port: 9000
      targetPort: 9090
    - name: dns
      port: 53
      targetPort: 5353
      protocol: UDP
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: web
          ports:
            - name: http
              containerPort: 8080
            - containerPort: 9090
            - containerPort: 5353
              protocol: UDP
`;
const WEB = 'shop/web[Deployment]';
const IC = '{ingress-controller}';

describe('Ingress', () => {
  it('networking.k8s.io/v1: backend by port number, by port name, and the default backend', () => {
    const ing = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: public
  namespace: shop
spec:
  defaultBackend:
    service:
      name: web
      port:
        number: 9000
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
          - path: /nothing
            pathType: Prefix
            backend:
              service:
                name: missing
                port:
                  number: 80
`;
    const t = scan({ 'app.yaml': APP, 'ing.yaml': ing });
    expect(t.links.map(linkLine)).toEqual([`${IC} => ${WEB} : TCP 8080,9090`]);
    expect(exposures(find(t, IC, WEB))).toEqual([
      { object: 'Ingress shop/public', at: `ing.yaml:${lineOf(ing, 'defaultBackend:')}`, path: ['spec', 'defaultBackend'] },
      { object: 'Ingress shop/public', at: `ing.yaml:${lineOf(ing, '            backend:')}`, path: ['spec', 'rules', 0, 'http', 'paths', 0, 'backend'] },
    ]);
  });

  it('the old serviceName/servicePort form (number and name)', () => {
    const ing = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: legacy
  namespace: shop
spec:
  rules:
    - http:
        paths:
          - path: /admin
            backend:
              serviceName: web
              servicePort: 9000
          - path: /
            backend:
              serviceName: web
              servicePort: http
`;
    const t = scan({ 'app.yaml': APP, 'ing.yaml': ing });
    expect(t.links.map(linkLine)).toEqual([`${IC} => ${WEB} : TCP 8080,9090`]);
    expect(exposures(find(t, IC, WEB))).toEqual([
      { object: 'Ingress shop/legacy', at: `ing.yaml:${lineOf(ing, 'backend:')}`, path: ['spec', 'rules', 0, 'http', 'paths', 0, 'backend'] },
      { object: 'Ingress shop/legacy', at: `ing.yaml:${lineOf(ing, 'backend:', 1)}`, path: ['spec', 'rules', 0, 'http', 'paths', 1, 'backend'] },
    ]);
  });

  it('an Ingress carries TCP only, and only the backend port it names', () => {
    const ing = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: dns
  namespace: shop
spec:
  defaultBackend:
    service:
      name: web
      port:
        number: 53
`;
    const t = scan({ 'app.yaml': APP, 'ing.yaml': ing });
    expect(t.links.map(linkLine)).toEqual([]);
  });
});

describe('Ingress backend port matching (bugs, reported)', () => {
  // Service `pair`: http 80 -> 8080; metrics 9000 (no targetPort, so 9000); alt 8080 -> 9090.
  const pair = `apiVersion: v1
kind: Service
metadata:
  name: pair
  namespace: shop
spec:
  selector:
    app: pair
  ports:
    - name: http
      port: 80
      targetPort: 8080
    - name: metrics
      port: 9000
    - name: alt
      port: 8080
      targetPort: 9090
---
apiVersion: v1
kind: Pod
metadata:
  name: pair
  namespace: shop
  labels:
    app: pair
spec:
  containers:
    - name: main
      image: pair
      ports:
        - containerPort: 8080
        - containerPort: 9000
        - containerPort: 9090
`;
  const ingress = (port: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: pair
  namespace: shop
spec:
  defaultBackend:
    service:
      name: pair
      port:
        ${port}
`;

  // BUG: in scan.ts addExposures, `sp.targetPort === port.number` is `undefined === undefined` for
  // a backend given by name and a Service port without targetPort: metrics (9000) is exposed too,
  // and the synthesized policy opens it to every namespace.
  it('a backend by port name exposes only that Service port', () => {
    const t = scan({ 'pair.yaml': pair, 'ing.yaml': ingress('name: http') });
    expect(t.links.map(linkLine)).toEqual([`${IC} => shop/pair[Pod] : TCP 8080`]);
  });

  // BUG (scan.ts addExposures and connectivity/exposure.ts matchesBackendPort, whose comment says
  // targetPort matching is "for Routes"): an Ingress backend port is a Service port, but a Service
  // port whose targetPort equals the number matches too: 8080 (http's target) is exposed besides 9090.
  it('a backend by port number matches the Service port, not another port\'s targetPort', () => {
    const t = scan({ 'pair.yaml': pair, 'ing.yaml': ingress('number: 8080') });
    expect(t.links.map(linkLine)).toEqual([`${IC} => shop/pair[Pod] : TCP 9090`]);
  });

  it('a backend by name where every Service port has a targetPort', () => {
    const t = scan({ 'app.yaml': APP, 'ing.yaml': ingress('name: admin').replace(/pair/g, 'web') });
    expect(t.links.map(linkLine)).toEqual([`${IC} => ${WEB} : TCP 9090`]);
  });
});

describe('OpenShift Route', () => {
  it('targetPort by name and by number; alternateBackends', () => {
    const route = `apiVersion: route.openshift.io/v1
kind: Route
metadata:
  name: web
  namespace: shop
spec:
  host: web.apps.example.com
  to:
    kind: Service
    name: web
  port:
    targetPort: http
---
apiVersion: route.openshift.io/v1
kind: Route
metadata:
  name: admin
  namespace: shop
spec:
  to:
    kind: Service
    name: nothing
  alternateBackends:
    - kind: Service
      name: web
  port:
    targetPort: 9090
`;
    const t = scan({ 'app.yaml': APP, 'route.yaml': route });
    expect(t.links.map(linkLine)).toEqual([`${IC} => ${WEB} : TCP 8080,9090`]);
    expect(exposures(find(t, IC, WEB))).toEqual([
      { object: 'Route shop/web', at: `route.yaml:${lineOf(route, '  to:')}`, path: ['spec', 'to'] },
      { object: 'Route shop/admin', at: `route.yaml:${lineOf(route, '    - kind: Service')}`, path: ['spec', 'alternateBackends', 0] },
    ]);
  });

  it('a Route without a port exposes every TCP port of the Service', () => {
    const route = `apiVersion: route.openshift.io/v1
kind: Route
metadata:
  name: all
  namespace: shop
spec:
  to:
    name: web
`;
    const t = scan({ 'app.yaml': APP, 'route.yaml': route });
    expect(t.links.map(linkLine)).toEqual([`${IC} => ${WEB} : TCP 8080,9090`]);
  });
});

describe('Gateway API routes', () => {
  const routes = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: http
  namespace: shop
spec:
  parentRefs:
    - name: public
      namespace: infra
  rules:
    - backendRefs:
        - name: web
          port: 80
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata:
  name: tcp
  namespace: shop
spec:
  parentRefs:
    - name: internal
  rules:
    - backendRefs:
        - name: web
          port: 9000
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: UDPRoute
metadata:
  name: udp
  namespace: shop
spec:
  parentRefs:
    - name: internal
  rules:
    - backendRefs:
        - name: web
          port: 53
`;

  it('HTTPRoute, TCPRoute and UDPRoute backends are reachable from their Gateway on the target ports', () => {
    const t = scan({ 'app.yaml': APP, 'routes.yaml': routes });
    expect(t.links.map(linkLine)).toEqual([`{gateway infra/public} => ${WEB} : TCP 8080`, `{gateway shop/internal} => ${WEB} : TCP 9090,UDP 5353`]);
    expect(exposures(find(t, '{gateway infra/public}', WEB))).toEqual([
      { object: 'HTTPRoute shop/http', at: `routes.yaml:${lineOf(routes, '- name: web')}`, path: ['spec', 'rules', 0, 'backendRefs', 0] },
    ]);
    expect(exposures(find(t, '{gateway shop/internal}', WEB))).toEqual([
      { object: 'TCPRoute shop/tcp', at: `routes.yaml:${lineOf(routes, '- name: web', 1)}`, path: ['spec', 'rules', 0, 'backendRefs', 0] },
      { object: 'UDPRoute shop/udp', at: `routes.yaml:${lineOf(routes, '- name: web', 2)}`, path: ['spec', 'rules', 0, 'backendRefs', 0] },
    ]);
  });

  it('GRPCRoute and TLSRoute; a backendRef in another namespace; a non-Service backend is ignored', () => {
    const more = `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: grpc
  namespace: edge
spec:
  parentRefs:
    - name: gw
  rules:
    - backendRefs:
        - name: web
          namespace: shop
          port: 9000
        - name: bucket
          kind: StorageBucket
          group: example.com
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata:
  name: tls
  namespace: shop
spec:
  parentRefs:
    - name: gw
      namespace: edge
  rules:
    - backendRefs:
        - name: web
`;
    const t = scan({ 'app.yaml': APP, 'more.yaml': more });
    expect(t.links.map(linkLine)).toEqual([`{gateway edge/gw} => ${WEB} : TCP 8080,9090,UDP 5353`]);
    expect(exposures(find(t, '{gateway edge/gw}', WEB)).map((e) => e.object)).toEqual(['GRPCRoute edge/grpc', 'TLSRoute shop/tls']);
  });
});

describe('LoadBalancer and NodePort Services', () => {
  it('are reachable from 0.0.0.0/0 on their target ports; ClusterIP is not', () => {
    const svcs = `apiVersion: v1
kind: Service
metadata:
  name: web-lb
  namespace: shop
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 443
      targetPort: http
---
apiVersion: v1
kind: Service
metadata:
  name: web-np
  namespace: shop
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 53
      targetPort: 5353
      protocol: UDP
      nodePort: 30053
---
apiVersion: v1
kind: Service
metadata:
  name: web-internal
  namespace: shop
spec:
  type: ClusterIP
  selector:
    app: web
  ports:
    - port: 9000
      targetPort: 9090
`;
    const t = scan({ 'app.yaml': APP, 'svcs.yaml': svcs });
    const EXT = '0.0.0.0-255.255.255.255[External]';
    expect(t.links.map(linkLine)).toEqual([`${EXT} => ${WEB} : TCP 8080,UDP 5353`]);
    expect(exposures(find(t, EXT, WEB))).toEqual([
      { object: 'Service shop/web-lb (LoadBalancer)', at: `svcs.yaml:${lineOf(svcs, 'type: LoadBalancer')}`, path: ['spec', 'type'] },
      { object: 'Service shop/web-np (NodePort)', at: `svcs.yaml:${lineOf(svcs, 'type: NodePort')}`, path: ['spec', 'type'] },
    ]);
    expect(t.links[0]?.src).toEqual({ kind: 'external', range: { family: 4, lo: 0n, hi: 0xffffffffn } });
  });
});

describe('Istio VirtualService bound to a gateway', () => {
  const vs = (gateways: string, host: string, port = '') => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: web
  namespace: shop
spec:
  hosts: ["*"]
  gateways: ${gateways}
  http:
    - route:
        - destination:
            host: ${host}${port ? `\n            port: {number: ${port}}` : ''}
`;

  it('exposes its destination Service from the ingress controller, on the port it names (TCP only), at the destination\'s line', () => {
    const text = vs('[web-gateway]', 'web', '80');
    const t = scan({ 'app.yaml': APP, 'vs.yaml': text });
    expect(t.links.map(linkLine)).toEqual([`${IC} => ${WEB} : TCP 8080`]);
    expect(exposures(find(t, IC, WEB))).toEqual([{ object: 'VirtualService shop/web', at: `vs.yaml:${lineOf(text, 'destination:')}`, path: ['spec', 'http', 0, 'route', 0, 'destination'] }]);
  });

  it('a fully qualified host, and no port (every TCP port of the Service); only the mesh, or a host outside the cluster: nothing', () => {
    expect(scan({ 'app.yaml': APP, 'vs.yaml': vs('[istio-system/gw]', 'web.shop.svc.cluster.local') }).links.map(linkLine)).toEqual([`${IC} => ${WEB} : TCP 8080,9090`]);
    expect(scan({ 'app.yaml': APP, 'vs.yaml': vs('[mesh]', 'web', '80') }).links).toEqual([]);
    expect(scan({ 'app.yaml': APP, 'vs.yaml': vs('[]', 'web', '80') }).links).toEqual([]);
    expect(scan({ 'app.yaml': APP, 'vs.yaml': vs('[gw]', 'api.example.com', '443') }).links).toEqual([]);
  });
});
