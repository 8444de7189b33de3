import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { workloadKey } from '../../src/model/peer.js';
import { findGaps, type Gap } from '../../src/topology/gaps.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * A front end reached from outside the cluster that names nothing it calls in the cluster: its
 * upstreams are built into its image (AKS Store's store-front, Robot Shop's web, the Kubernetes
 * guestbook's frontend). When those upstreams also have a caller the manifests name, no ingress
 * gap tells; the front end's own egress gap does, so least privilege never cuts it off silently.
 */

function gaps(text: string): string[] {
  const r = loadManifests([{ path: 'app.yaml', text }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const topology = scanTopology(r.cluster).value;
  return findGaps(r.cluster, topology).map((g: Gap) => `${workloadKey(g.workload)} ${g.direction} ${g.reason} ${g.conns.toString()} @ ${text.split('\n')[(g.at.line ?? 0) - 1]?.trim()}`);
}

const workload = (name: string, env = '[]') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 8080}], env: ${env}}]
`;
const service = (name: string, type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec: {type: ${type}, selector: {app: ${name}}, ports: [{port: 80, targetPort: 8080}]}
`;
const doc = (...parts: string[]) => parts.join('---\n');

describe('egress gaps of front ends that name no callee', () => {
  it('a LoadBalancer front end with no address is an egress gap on every port, at its name; its callee reached by another workload has none', () => {
    const text = doc(
      workload('front'),
      service('front', 'LoadBalancer'),
      workload('orders'),
      service('orders'),
      workload('robot', '[{name: ORDERS_URL, value: "http://orders:80"}]'),
    );
    expect(gaps(text)).toEqual([
      'default/front[Deployment] egress no-egress-target All Connections @ metadata: {name: front}',
      // robot is not exposed and names orders: no gap of its own (it listens on 8080, and nobody calls it)
      'default/robot[Deployment] ingress no-ingress-source TCP 8080 @ metadata: {name: robot}',
    ]);
  });

  it('a front end exposed by a NodePort or an Ingress counts too; one that names a callee, or only a ClusterIP workload, does not', () => {
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
`;
    const out = gaps(doc(workload('np'), service('np', 'NodePort'), workload('web'), service('web'), ingress, workload('api', '[{name: DB_HOST, value: db}]'), service('api', 'LoadBalancer'), workload('db'), service('db'), workload('batch')));
    expect(out.filter((g) => g.includes('egress'))).toEqual([
      'default/np[Deployment] egress no-egress-target All Connections @ metadata: {name: np}',
      'default/web[Deployment] egress no-egress-target All Connections @ metadata: {name: web}',
    ]);
  });

  it('a front end whose only address is outside the cluster still names nothing it calls inside: the gap stays; an unresolved in-cluster address is gap enough', () => {
    const out = gaps(
      doc(
        workload('pay', '[{name: GATEWAY_URL, value: "https://www.paypal.com"}]'),
        service('pay', 'LoadBalancer'),
        workload('shop', '[{name: CART_URL, value: "http://cart:8080"}]'),
        service('shop', 'LoadBalancer'),
      ),
    );
    expect(out.filter((g) => g.includes('egress'))).toEqual([
      'default/pay[Deployment] egress no-egress-target All Connections @ metadata: {name: pay}',
      // https without a port: on https's port, 443 (RFC 9110 §4.2.2), the one a client connects to
      'default/pay[Deployment] egress external-hostname TCP 443 @ containers: [{name: c, image: x, ports: [{containerPort: 8080}], env: [{name: GATEWAY_URL, value: "https://www.paypal.com"}]}]',
      'default/shop[Deployment] egress no-such-service TCP 8080 @ containers: [{name: c, image: x, ports: [{containerPort: 8080}], env: [{name: CART_URL, value: "http://cart:8080"}]}]',
    ]);
  });
});
