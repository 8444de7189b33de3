import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { workloadKey } from '../../src/model/peer.js';
import { findGaps } from '../../src/topology/gaps.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * A Service that no link reaches, over a workload that other links do reach, is an ingress gap on
 * that Service's target ports: it exists to be called, and no manifest names who calls it.
 * JupyterHub's proxy is reached from outside on 8000 (proxy-public), while its `proxy-api`
 * Service (8001) is called by the hub from code (jupyterhub_config.py reads the kubelet's
 * PROXY_API_SERVICE_HOST/PORT): without a gap, least privilege cut the hub off from the proxy's API
 * without a word. A Service some link reaches on any of its ports is no gap (a headless twin of a
 * reached Service, or one port of several).
 */

const APP = (hubArgs: string) => `apiVersion: v1
kind: Service
metadata: {name: proxy-public, namespace: jh}
spec:
  type: LoadBalancer
  selector: {app: proxy}
  ports: [{name: http, port: 80, targetPort: 8000}]
---
apiVersion: v1
kind: Service
metadata: {name: proxy-api, namespace: jh}
spec:
  selector: {app: proxy}
  ports: [{port: 8001, targetPort: 8001}]
---
apiVersion: v1
kind: Service
metadata: {name: proxy-headless, namespace: jh}
spec:
  clusterIP: None
  selector: {app: proxy}
  ports: [{port: 8000}, {port: 8001}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: proxy, namespace: jh}
spec:
  template:
    metadata: {labels: {app: proxy}}
    spec:
      containers: [{name: chp, image: x, ports: [{containerPort: 8000}, {containerPort: 8001}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: hub, namespace: jh}
spec:
  template:
    metadata: {labels: {app: hub}}
    spec:
      containers: [{name: hub, image: x, args: ${hubArgs}}]
`;

function gaps(text: string) {
  const r = loadManifests([{ path: 'app.yaml', text }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return findGaps(r.cluster, scanTopology(r.cluster).value).filter((g) => g.direction === 'ingress');
}

describe('a Service no link reaches, over a reached workload', () => {
  it('proxy-api (8001) beside the reached proxy-public (8000): an ingress gap on TCP 8001, at the Service', () => {
    const found = gaps(APP('[]'));
    expect(found.map((g) => `${workloadKey(g.workload)} ${g.reason} ${g.conns.toString()} @ ${g.at.line}`)).toEqual(['jh/proxy[Deployment] no-ingress-source TCP 8001 @ 11']);
    expect(found[0]?.detail).toBe('Service jh/proxy-api selects it on TCP 8001, but no manifest names a caller of that Service');
  });

  it('once a link reaches it (the hub names http://proxy-api:8001), no gap', () => {
    expect(gaps(APP('["--proxy=http://proxy-api:8001"]'))).toEqual([]);
  });
});
