import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { workloadKey } from '../../src/model/peer.js';
import { findGaps } from '../../src/topology/gaps.js';
import { scanTopology } from '../../src/topology/scan.js';
import { lines } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * A workload a service mesh injects a proxy into must let the proxy reach the control plane
 * (istiod 15012 in istio-system; Linkerd's identity 8080, destination 8086, policy 8090 in
 * linkerd): a gap at the label or annotation that asks for injection, never a silent block.
 * --gaps=namespace opens egress to that namespace on those ports, and nothing more.
 */
afterAll(cleanupTempDirs);

const deployment = (name: string, ns: string, meta: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  template:
    metadata:
      labels: {app: ${name}}
${meta}
    spec:
      containers: [{name: c, image: x}]
`;

function meshGaps(text: string): string[] {
  const r = loadManifests([{ path: 'app.yaml', text }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const lineOf = (n: number | undefined) => text.split('\n')[(n ?? 0) - 1]?.trim();
  return findGaps(r.cluster, scanTopology(r.cluster).value)
    .filter((g) => g.reason === 'mesh-control-plane')
    .map((g) => `${workloadKey(g.workload)} ${g.namespace ?? '-'} ${g.conns.toString()} ${JSON.stringify(g.value)} @ ${lineOf(g.at.line)}`);
}

describe('mesh control-plane gaps', () => {
  it('asked for by the pod template (Linkerd annotation, Istio label or annotation, istio.io/rev); opted out or absent: none', () => {
    const text = [
      deployment('a', 'shop', '      annotations: {linkerd.io/inject: enabled}'),
      deployment('b', 'shop', '      annotations: {sidecar.istio.io/inject: "true"}'),
      deployment('c', 'shop', '      annotations: {linkerd.io/inject: disabled}'),
      deployment('d', 'shop', '      annotations: {sidecar.istio.io/statsInclusionRegexps: "http.*"}'),
      deployment('e', 'other', '      annotations: {example.com/x: "1"}').replace('labels: {app: e}', 'labels: {app: e, istio.io/rev: canary}'),
      deployment('f', 'shop', '      annotations: {dapr.io/enabled: "true", dapr.io/app-id: f}'),
    ].join('---\n');
    expect(meshGaps(text)).toEqual([
      'other/e[Deployment] istio-system TCP 15012 "istio.io/rev: canary" @ labels: {app: e, istio.io/rev: canary}',
      'shop/a[Deployment] linkerd TCP 8080,8086,8090 "linkerd.io/inject: enabled" @ annotations: {linkerd.io/inject: enabled}',
      'shop/b[Deployment] istio-system TCP 15012 "sidecar.istio.io/inject: \\"true\\"" @ annotations: {sidecar.istio.io/inject: "true"}',
      'shop/f[Deployment] dapr-system TCP 6500,50001,50005-50006 "dapr.io/enabled: \\"true\\"" @ annotations: {dapr.io/enabled: "true", dapr.io/app-id: f}',
    ]);
  });

  it('asked for by the Namespace (istio-injection label, Linkerd annotation), unless the pod opts out', () => {
    const text = [
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: mesh\n  annotations:\n    linkerd.io/inject: enabled\n',
      deployment('a', 'shop', '      annotations: {}'),
      deployment('b', 'shop', '      annotations: {sidecar.istio.io/inject: "false"}'),
      deployment('c', 'mesh', '      annotations: {}'),
      deployment('d', 'mesh', '      annotations: {linkerd.io/inject: disabled}'),
    ].join('---\n');
    expect(meshGaps(text)).toEqual([
      'mesh/c[Deployment] linkerd TCP 8080,8086,8090 "linkerd.io/inject: enabled" @ linkerd.io/inject: enabled',
      'shop/a[Deployment] istio-system TCP 15012 "istio-injection: enabled" @ istio-injection: enabled',
    ]);
  });

  it('synthesize --gaps=namespace lets the meshed workload reach the control plane on its ports only; the default leaves it closed', () => {
    const dir = tempDir();
    const app = path.join(dir, 'app.yaml');
    writeFileSync(app, deployment('web', 'shop', '      annotations: {linkerd.io/inject: enabled}'));
    // the control plane, installed apart: given to connectivity only
    const cp = tempDir();
    writeFileSync(path.join(cp, 'linkerd.yaml'), deployment('linkerd-destination', 'linkerd', '      annotations: {}').replace('containers: [{name: c, image: x}]', 'containers: [{name: c, image: x, ports: [{containerPort: 8086}, {containerPort: 9996}]}]'));
    const allowed = (gaps: string[]) => {
      const s = runWithTools(['synthesize', app, ...gaps]);
      expect(s.code).toBe(0);
      writeFileSync(path.join(cp, 'policies.yaml'), s.stdout);
      const c = runWithTools(['connectivity', app, cp]);
      expect(c.code).toBe(0);
      return lines(c.stdout).filter((l) => l.startsWith('shop/web'));
    };
    expect(allowed([])).toEqual([]);
    // the control plane's ports (the destination has no policy of its own, so every one of them), not its admin port 9996
    expect(allowed(['--gaps=namespace'])).toEqual(['shop/web[Deployment] => linkerd/linkerd-destination[Deployment] : TCP 8080,8086,8090']);
  });
});

describe('Dapr service invocation', () => {
  it('a Dapr app with an app-port is an ingress gap on daprd\'s TCP 50002 at that annotation; one without (a pure client) is none', () => {
    const text = [
      deployment('node', 'shop', '      annotations: {dapr.io/enabled: "true", dapr.io/app-id: nodeapp, dapr.io/app-port: "3000"}'),
      deployment('py', 'shop', '      annotations: {dapr.io/enabled: "true", dapr.io/app-id: pythonapp}'),
    ].join('---\n');
    const r = loadManifests([{ path: 'app.yaml', text }]);
    const gaps = findGaps(r.cluster, scanTopology(r.cluster).value).filter((g) => g.direction === 'ingress');
    expect(gaps.map((g) => `${workloadKey(g.workload)} ${g.reason} ${g.conns.toString()} @ ${text.split('\n')[(g.at.line ?? 0) - 1]?.trim()}`)).toEqual([
      'shop/node[Deployment] dapr-invocation TCP 50002 @ annotations: {dapr.io/enabled: "true", dapr.io/app-id: nodeapp, dapr.io/app-port: "3000"}',
    ]);
    expect(gaps[0]?.detail).toContain('Dapr app nodeapp');
  });
});
