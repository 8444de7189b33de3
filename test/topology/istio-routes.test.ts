import { describe, expect, it } from 'vitest';
import { Codes } from '../../src/diagnostics/diagnostic.js';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';
import { meshControlPlaneGaps } from '../../src/topology/mesh.js';

// Istio's own rules (istio.io reference: VirtualService HTTPRoute, HTTPMatchRequest.gateways;
// "Controlling the injection policy"), on fixtures of ours.

const deployment = (name: string, labels = '') => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}${labels}}}\n    spec: {containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}\n---\n`;
const service = (name: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: shop}\nspec: {selector: {app: ${name}}, ports: [{port: 80, targetPort: 8080}]}\n---\n`;
const app = (...names: string[]) => names.map((n) => deployment(n) + service(n)).join('');

function exposed(text: string): string[] {
  const { cluster } = loadManifests([{ path: 'm.yaml', text }]);
  return scanTopology(cluster)
    .value.links.filter((l) => l.src.kind === 'ingress-controller')
    .map((l) => `${peerKey(l.dst)} ${l.conns.toString()}`);
}

describe('VirtualService routes served by an ingress gateway', () => {
  it('a rule whose match names only the mesh gateway is no gateway route (match gateways override the top-level ones)', () => {
    const vs = `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: routes, namespace: shop}\nspec:\n  hosts: [shop.example.com, internal]\n  gateways: [istio-system/public, mesh]\n  http:\n  - match: [{gateways: [mesh]}]\n    route: [{destination: {host: internal, port: {number: 80}}}]\n  - match: [{gateways: [mesh]}, {uri: {prefix: /pub}}]\n    route: [{destination: {host: both}}]\n  - route: [{destination: {host: web, port: {number: 80}}}]\n---\n`;
    expect(exposed(vs + app('web', 'internal', 'both'))).toEqual(['shop/both[Deployment] TCP 8080', 'shop/web[Deployment] TCP 8080']);
  });

  it('a VirtualService whose rules name a gateway in their match is served there even without top-level gateways', () => {
    const vs = `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: routes, namespace: shop}\nspec:\n  hosts: [shop.example.com]\n  http:\n  - match: [{gateways: [istio-system/public]}]\n    route: [{destination: {host: web}}]\n---\n`;
    expect(exposed(vs + app('web'))).toEqual(['shop/web[Deployment] TCP 8080']);
  });

  it('mirror and mirrors destinations, and the routes of a delegate VirtualService, get the gateway’s traffic too', () => {
    const vs = `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: front, namespace: shop}\nspec:\n  hosts: [shop.example.com]\n  gateways: [istio-system/public]\n  http:\n  - match: [{uri: {prefix: /api}}]\n    delegate: {name: api-routes}\n  - route: [{destination: {host: web}}]\n    mirror: {host: shadow}\n    mirrors: [{destination: {host: shadow2.shop.svc.cluster.local}}]\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: api-routes, namespace: shop}\nspec:\n  http:\n  - route: [{destination: {host: api}}]\n---\n`;
    expect(exposed(vs + app('web', 'api', 'shadow', 'shadow2', 'unrelated'))).toEqual([
      'shop/api[Deployment] TCP 8080',
      'shop/shadow2[Deployment] TCP 8080',
      'shop/shadow[Deployment] TCP 8080',
      'shop/web[Deployment] TCP 8080',
    ]);
  });

  it('a VirtualService under a wrong apiVersion or a misspelt kind is reported like every modelled kind', () => {
    const wrongGroup = loadManifests([{ path: 'm.yaml', text: `apiVersion: v1\nkind: VirtualService\nmetadata: {name: r, namespace: shop}\nspec: {gateways: [gw], http: []}\n` }]);
    expect(wrongGroup.diagnostics.map((d) => d.code)).toContain(Codes.apiVersionMismatch);
    const misspelt = loadManifests([{ path: 'm.yaml', text: `apiVersion: networking.istio.io/v1\nkind: Virtualservice\nmetadata: {name: r, namespace: shop}\nspec: {gateways: [gw], http: []}\n` }]);
    expect(misspelt.diagnostics.map((d) => d.code)).toContain(Codes.kindMisspelt);
  });
});

describe('Istio injection policy', () => {
  const ns = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {${labels}}}\n---\n`;
  const gaps = (text: string) => meshControlPlaneGaps(loadManifests([{ path: 'm.yaml', text }]).cluster).map((g) => g.workload.name);

  it('a Namespace with istio-injection: disabled turns off a pod’s sidecar.istio.io/inject: "true"', () => {
    expect(gaps(ns('istio-injection: disabled') + deployment('web', ', sidecar.istio.io/inject: "true"'))).toEqual([]);
  });

  it('elsewhere the pod’s own label asks for the proxy', () => {
    expect(gaps(ns('team: a') + deployment('web', ', sidecar.istio.io/inject: "true"'))).toEqual(['web']);
    expect(gaps(ns('istio-injection: enabled') + deployment('web') + deployment('off', ', sidecar.istio.io/inject: "false"'))).toEqual(['web']);
  });
});

describe('VirtualService destinations that name no Service', () => {
  it('are said so at the host, never dropped silently', () => {
    const vs = `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: routes, namespace: shop}\nspec:\n  gateways: [istio-system/public]\n  http:\n  - route: [{destination: {host: web.shop.svc.corp.local}}, {destination: {host: web}}]\n---\n`;
    const { cluster } = loadManifests([{ path: 'm.yaml', text: vs + app('web') }]);
    const scan = scanTopology(cluster);
    expect(scan.value.links.filter((l) => l.src.kind === 'ingress-controller').map((l) => peerKey(l.dst))).toEqual(['shop/web[Deployment]']);
    const w = scan.diagnostics.filter((d) => d.code === Codes.danglingReference);
    expect(w.map((d) => [d.at?.line, d.message])).toEqual([[7, 'VirtualService shop/routes: destination host "web.shop.svc.corp.local" names no Service (a short name, or name.namespace.svc.cluster.local, as Istio resolves it); not a link from the ingress gateway']]);
  });
});

describe('check lists a warning the engine and the scan both give once', () => {
  it('on a folder checked against itself', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { runCli } = await import('../helpers/cli.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'npc-vs-'));
    const vs = `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: routes, namespace: shop}\nspec:\n  gateways: [istio-system/public]\n  http:\n  - route: [{destination: {host: web.example.com}}, {destination: {host: web}}]\n---\n`;
    writeFileSync(path.join(dir, 'a.yaml'), vs + app('web'));
    const r = runCli(['check', '--base', dir, '--head', dir, '--format', 'txt']);
    expect(r.stderr.split('\n').filter((l) => l.includes('"web.example.com"'))).toHaveLength(1);
  });
});

describe('Dapr injection', () => {
  it('dapr.io/enabled takes every value Dapr’s injector reads as on (y, yes, true, t, on, 1, any case)', () => {
    const dapr = (name: string, v: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n      annotations: {dapr.io/enabled: "${v}", dapr.io/app-port: "3000"}\n    spec: {containers: [{name: c, image: x}]}\n---\n`;
    const text = [dapr('a', 'true'), dapr('b', 'True'), dapr('c', 'yes'), dapr('d', 'ON'), dapr('e', '1'), dapr('f', 'false'), dapr('g', 'enabled')].join('');
    const names = meshControlPlaneGaps(loadManifests([{ path: 'm.yaml', text }]).cluster).map((g) => g.workload.name);
    expect(names.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('VirtualService hosts as Istio resolves them', () => {
  it('a short name and name.namespace.svc.cluster.local are Services; name.namespace is a fully qualified name of none', () => {
    const vs = `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: routes, namespace: shop}\nspec:\n  gateways: [istio-system/public]\n  http:\n  - route: [{destination: {host: web}}, {destination: {host: api.shop.svc.cluster.local}}, {destination: {host: db.shop}}]\n---\n`;
    const { cluster } = loadManifests([{ path: 'm.yaml', text: vs + app('web', 'api', 'db') }]);
    const scan = scanTopology(cluster);
    expect(scan.value.links.filter((l) => l.src.kind === 'ingress-controller').map((l) => peerKey(l.dst))).toEqual(['shop/api[Deployment]', 'shop/web[Deployment]']);
    expect(scan.diagnostics.filter((d) => d.code === Codes.danglingReference).map((d) => d.message)).toEqual([expect.stringContaining('destination host "db.shop" names no Service')]);
  });
});

describe('a delegate VirtualService that is not in the manifests', () => {
  it('is warned at the delegate, never dropped silently', () => {
    const vs = `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: front, namespace: shop}\nspec:\n  gateways: [istio-system/public]\n  http:\n  - delegate: {name: missing, namespace: other}\n---\n`;
    const scan = scanTopology(loadManifests([{ path: 'm.yaml', text: vs }]).cluster);
    expect(scan.diagnostics.filter((d) => d.code === Codes.danglingReference).map((d) => [d.at?.line, d.message])).toEqual([[7, 'VirtualService shop/front: delegate VirtualService other/missing not found; its routes are not read']]);
  });
});
