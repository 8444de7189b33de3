import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { workloadKey } from '../../src/model/peer.js';
import { findGaps } from '../../src/topology/gaps.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * A Service port no link reaches, on a Service that links reach on another port: the port exists
 * to be called (a Service port is how callers reach a pod port; NetworkPolicy sees the target
 * port), and no manifest names who calls it (a metrics scraper configured elsewhere, an admin
 * client). Least privilege would block it without a word, so it is an ingress gap of its own, on
 * its container port, at the Service port's line; unless a link reaches that container port by
 * another route (another Service, a pod address), or a whole-Service gap already names it.
 */

const APP = (client: string, extra = '') => `apiVersion: v1
kind: Service
metadata: {name: api, namespace: n}
spec:
  selector: {app: api}
  ports:
  - name: http
    port: 80
    targetPort: 8080
  - name: metrics
    port: 9090
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: n}
spec:
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 8080}, {containerPort: 9090}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: n}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: x, args: ${client}}]
${extra}`;

function ingressGaps(text: string): string[] {
  const r = loadManifests([{ path: 'app.yaml', text }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return findGaps(r.cluster, scanTopology(r.cluster).value)
    .filter((g) => g.direction === 'ingress')
    .map((g) => `${workloadKey(g.workload)} ${g.reason} ${g.conns.toString()} @ ${g.at.line}: ${g.detail}`);
}

describe('a Service port no link reaches, on a Service reached on another port', () => {
  it('api reached on http (80 -> 8080): its metrics port 9090 is a gap of its own, at that port\'s line', () => {
    expect(ingressGaps(APP('["--api=http://api:80"]'))).toEqual([
      'n/api[Deployment] no-ingress-source TCP 9090 @ 10: Service n/api port metrics (9090) selects it on TCP 9090, but no manifest names a caller of that port',
    ]);
  });

  it('no gap once a link reaches the port: by the Service, or by another route to the same container port', () => {
    expect(ingressGaps(APP('["--api=http://api:80", "--metrics=api:9090"]'))).toEqual([]);
    const metricsService = `---
apiVersion: v1
kind: Service
metadata: {name: api-metrics, namespace: n}
spec:
  selector: {app: api}
  ports: [{port: 19090, targetPort: 9090}]
`;
    expect(ingressGaps(APP('["--api=http://api:80", "--scrape=api-metrics:19090"]', metricsService))).toEqual([]);
  });

  it('a headless Service reached on the port the client dials (pod port 80, not targetPort 8080) is called: only its other port is a gap', () => {
    const headless = APP('["--api=http://api:80"]').replace('  selector: {app: api}\n', '  clusterIP: None\n  selector: {app: api}\n').replace('{containerPort: 8080}', '{containerPort: 80}, {containerPort: 8080}');
    // app.yaml: `- name: metrics` is line 11 now (clusterIP adds one)
    expect(ingressGaps(headless)).toEqual([
      'n/api[Deployment] no-ingress-source TCP 9090 @ 11: Service n/api port metrics (9090) selects it on TCP 9090, but no manifest names a caller of that port',
    ]);
  });

  it('an address without a port, nor a scheme that fixes one, reaches every port of the Service: no gap', () => {
    expect(ingressGaps(APP('["--api=api.n.svc.cluster.local"]'))).toEqual([]);
  });

  it('http:// without a port dials 80 alone (scheme-ports.test.ts): the metrics port is a gap', () => {
    expect(ingressGaps(APP('["--api=http://api.n.svc.cluster.local"]'))).toEqual([
      'n/api[Deployment] no-ingress-source TCP 9090 @ 10: Service n/api port metrics (9090) selects it on TCP 9090, but no manifest names a caller of that port',
    ]);
  });
});
