import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import type { Topology } from '../../src/topology/links.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * kube-proxy answers a Service's external IPs and its load balancer's address as it answers its
 * ClusterIP (kubernetes.io/docs/reference/networking/virtual-ips/): a pod connecting to one reaches
 * the Service's pods. A load balancer ingress with `ipMode: Proxy` is the exception: the traffic
 * goes out to the load balancer (KEP-1860).
 */
function scan(text: string): Topology {
  const load = loadManifests([{ path: 'app.yaml', text }]);
  expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scanTopology(load.cluster).value;
}
/** The links of the workload that connects (the LoadBalancer's own exposure link aside). */
const linkLines = (t: Topology) => t.links.filter((l) => peerKey(l.src) === 'shop/probe[Deployment]').map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`).sort();

const app = (ip: string, serviceExtra: string) => `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
${serviceExtra}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: x, ports: [{containerPort: 8080}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: probe, namespace: shop}
spec:
  selector: {matchLabels: {app: probe}}
  template:
    metadata: {labels: {app: probe}}
    spec: {containers: [{name: probe, image: x, env: [{name: TARGET_URL, value: "http://${ip}:80/health"}]}]}
`;

describe('a Service named by an address kube-proxy answers for it', () => {
  it('an external IP, spec.loadBalancerIP and a load balancer ingress IP reach the Service\'s pods on the target port', () => {
    for (const [ip, extra] of [
      ['203.0.113.10', '  externalIPs: [203.0.113.10]'],
      ['203.0.113.11', '  loadBalancerIP: 203.0.113.11'],
      ['203.0.113.12', 'status: {loadBalancer: {ingress: [{ip: 203.0.113.12}]}}'],
    ]) {
      expect(linkLines(scan(app(ip as string, extra as string))), extra).toEqual(['shop/probe[Deployment] => shop/web[Deployment] : TCP 8080']);
    }
  });

  it('a load balancer ingress with ipMode: Proxy is the load balancer itself: an address outside the cluster', () => {
    const t = scan(app('203.0.113.13', 'status: {loadBalancer: {ingress: [{ip: 203.0.113.13, ipMode: Proxy}]}}'));
    expect(linkLines(t)).toEqual(['shop/probe[Deployment] => 203.0.113.13-203.0.113.13[External] : TCP 80']);
  });
});
