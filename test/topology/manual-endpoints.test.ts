import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import type { Topology } from '../../src/topology/links.js';
import { scanTopology } from '../../src/topology/scan.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * A Service without a selector, with its Endpoints (or EndpointSlices) written in the manifests:
 * the usual way to give an outside database a cluster name. Kubernetes sends the connection to the
 * listed addresses, on the endpoint port named like the Service port (targetPort plays no part for
 * such a Service: kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors).
 */
afterAll(cleanupTempDirs);

function scan(text: string): Topology {
  const load = loadManifests([{ path: 'app.yaml', text }]);
  expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scanTopology(load.cluster).value;
}
const linkLines = (t: Topology) => t.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`).sort();

const service = (selector = '') => `apiVersion: v1
kind: Service
metadata: {name: legacy-db, namespace: shop}
spec:
  ${selector}ports: [{name: pg, port: 5432, targetPort: 9999}]
`;
const endpoints = (portName = 'pg') => `---
apiVersion: v1
kind: Endpoints
metadata: {name: legacy-db, namespace: shop}
subsets:
  - addresses: [{ip: 10.20.0.5}]
    notReadyAddresses: [{ip: 10.20.0.6}]
    ports: [{name: ${portName}, port: 15432}]
`;
const slice = (addressType = 'IPv4') => `---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: legacy-db-abc, namespace: shop, labels: {kubernetes.io/service-name: legacy-db}}
addressType: ${addressType}
endpoints: [{addresses: ["${addressType === 'FQDN' ? 'db.example.com' : '10.20.0.7'}"]}]
ports: [{name: pg, port: 15432, protocol: TCP}]
`;
const api = `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: x
          env: [{name: DATABASE_URL, value: "postgres://legacy-db:5432/app"}]
`;
const db = `---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: postgres, ports: [{containerPort: 9999}]}]}
`;

describe('a Service without a selector reaches the endpoints the manifests write for it', () => {
  it('Endpoints: every address (not-ready ones too: they take traffic once ready) on the endpoint port of the Service port\'s name; no gap', () => {
    const t = scan(service() + endpoints() + api);
    // contiguous addresses are one range (one ipBlock rule, not one per address)
    expect(linkLines(t)).toEqual(['shop/api[Deployment] => 10.20.0.5-10.20.0.6[External] : TCP 15432']);
    expect(t.unresolved).toEqual([]);
  });

  it('EndpointSlices by their kubernetes.io/service-name label; an FQDN slice names hosts, which no ipBlock can: still a gap', () => {
    expect(linkLines(scan(service() + slice() + api))).toEqual(['shop/api[Deployment] => 10.20.0.7-10.20.0.7[External] : TCP 15432']);
    const fqdn = scan(service() + slice('FQDN') + api);
    expect(linkLines(fqdn)).toEqual([]);
    expect(fqdn.unresolved.map((u) => u.detail)).toEqual(['Service shop/legacy-db selects no workload in the manifests']);
  });

  it('endpoints that name no port of the Service are a gap that says so', () => {
    const t = scan(service() + endpoints('postgres') + api);
    expect(linkLines(t)).toEqual([]);
    expect(t.unresolved.map((u) => u.detail)).toEqual(['the Endpoints of Service shop/legacy-db list no port "pg"/TCP (paired by name and protocol)']);
  });

  it('a Service with a selector is read from its selector, whatever Endpoints object a dump of the cluster holds', () => {
    const t = scan(service('selector: {app: db}\n  ') + endpoints() + api + db);
    expect(linkLines(t)).toEqual(['shop/api[Deployment] => shop/db[StatefulSet] : TCP 9999']);
  });

  it('synthesize: the egress rule is an ipBlock of each address on the endpoint port', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'app'));
    writeFileSync(path.join(dir, 'app', 'all.yaml'), service() + endpoints() + api);
    const r = runCli(['synthesize', path.join(dir, 'app'), '-q']);
    expect(r.code, r.stderr).toBe(0);
    const egress = r.stdout.slice(r.stdout.indexOf('egress:'));
    expect(egress).toMatch(/cidr: 10\.20\.0\.5\/32[\s\S]*port: 15432/);
    expect(egress).toMatch(/cidr: 10\.20\.0\.6\/32/);
    expect(egress).not.toMatch(/10\.20\.0\.4|10\.20\.0\.7/);
    expect(r.stdout).not.toMatch(/port: 5432\b|port: 9999/);
  });

  it('an address the API server refuses (no IP, padded, loopback, link-local) is left out and warned at its line; the others still count', () => {
    const text = service() + endpoints().replace('[{ip: 10.20.0.5}]', '[{ip: db.example.com}, {ip: " 10.20.0.9"}, {ip: 127.0.0.1}, {ip: 169.254.169.254}]') + api;
    const load = loadManifests([{ path: 'app.yaml', text }]);
    const result = scanTopology(load.cluster);
    expect(linkLines(result.value)).toEqual(['shop/api[Deployment] => 10.20.0.6-10.20.0.6[External] : TCP 15432']);
    const warned = result.diagnostics.filter((d) => d.code === 'NPC300');
    expect(warned.map((d) => [d.severity, d.at?.file, d.at?.line, d.message])).toEqual([
      ['warning', 'app.yaml', 11, '"db.example.com" is no IP address; left out of the endpoints of its Service'],
      ['warning', 'app.yaml', 11, '" 10.20.0.9" is no IP address; left out of the endpoints of its Service'],
      ['warning', 'app.yaml', 11, '"127.0.0.1" is an address the API server refuses for an endpoint (loopback, link-local or unspecified); left out of the endpoints of its Service'],
      ['warning', 'app.yaml', 11, '"169.254.169.254" is an address the API server refuses for an endpoint (loopback, link-local or unspecified); left out of the endpoints of its Service'],
    ]);
  });

  it('a headless Service without a selector resolves to the endpoint addresses, dialed on the port as written (no proxy maps it)', () => {
    const headless = service().replace('spec:\n', 'spec:\n  clusterIP: None\n');
    expect(linkLines(scan(headless + endpoints() + api))).toEqual(['shop/api[Deployment] => 10.20.0.5-10.20.0.6[External] : TCP 5432']);
    const otherPort = api.replace('legacy-db:5432', 'legacy-db:7777');
    expect(linkLines(scan(headless + endpoints() + otherPort))).toEqual(['shop/api[Deployment] => 10.20.0.5-10.20.0.6[External] : TCP 7777']);
  });

  it('as kube-proxy reads them: ports paired by name and protocol, a slice endpoint by its first address, a slice port without a number skipped (warned), a skip-mirror Endpoints never routed', () => {
    const udp = scan(service() + endpoints().replace('{name: pg, port: 15432}', '{name: pg, port: 15432, protocol: UDP}') + api);
    expect(linkLines(udp)).toEqual([]);
    const firstOnly = scan(service() + slice().replace('addresses: ["10.20.0.7"]', 'addresses: ["10.20.0.7", "10.20.0.99"]') + api);
    expect(linkLines(firstOnly)).toEqual(['shop/api[Deployment] => 10.20.0.7-10.20.0.7[External] : TCP 15432']);
    const load = loadManifests([{ path: 'app.yaml', text: service() + slice().replace('ports: [{name: pg, port: 15432, protocol: TCP}]', 'ports: [{name: pg, protocol: TCP}]') + api }]);
    const noNumber = scanTopology(load.cluster);
    expect(linkLines(noNumber.value)).toEqual([]);
    expect(noNumber.diagnostics.filter((d) => d.code === 'NPC301').map((d) => d.at?.line)).toEqual([12]);
    const skipped = scan(service() + endpoints().replace('metadata: {name: legacy-db, namespace: shop}\nsubsets', 'metadata: {name: legacy-db, namespace: shop, labels: {endpointslice.kubernetes.io/skip-mirror: "true"}}\nsubsets') + api);
    expect(linkLines(skipped)).toEqual([]);
  });
});
