import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * Per-pod Services select one StatefulSet pod by the labels its controller adds
 * (`statefulset.kubernetes.io/pod-name`, `apps.kubernetes.io/pod-index`), which the template never
 * carries. Argo CD's HA install (the redis-ha chart) points HAProxy at
 * `argocd-redis-ha-announce-{0,1,2}`, each such a Service: the scan said "selects no workload" and
 * the HAProxy -> Redis links were gaps instead of links.
 */
const sts = (replicas: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: redis-ha-server, namespace: argocd}
spec:
${replicas}  selector: {matchLabels: {app: redis-ha}}
  template:
    metadata: {labels: {app: redis-ha}}
    spec:
      containers: [{name: redis, image: redis, ports: [{name: redis, containerPort: 6379}, {name: sentinel, containerPort: 26379}]}]
`;
const announce = (i: number, extra = '') => `apiVersion: v1
kind: Service
metadata: {name: redis-ha-announce-${i}, namespace: argocd}
spec:
  selector: {app: redis-ha, statefulset.kubernetes.io/pod-name: redis-ha-server-${i}${extra}}
  ports: [{name: server, port: 6379, targetPort: redis}, {name: sentinel, port: 26379, targetPort: sentinel}]
`;
const PROXY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: haproxy, namespace: argocd}
spec:
  selector: {matchLabels: {app: haproxy}}
  template:
    metadata: {labels: {app: haproxy}}
    spec:
      containers:
        - name: haproxy
          image: haproxy
          args: ["--servers=redis-ha-announce-0:6379,redis-ha-announce-1:26379,redis-ha-announce-2:6379"]
`;

function scan(...docs: string[]) {
  const load = loadManifests([{ path: 'app.yaml', text: docs.join('---\n') }]);
  const t = scanTopology(load.cluster).value;
  return { load, links: t.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`), unresolved: t.unresolved.map((u) => `${u.value} ${u.reason}`) };
}

describe('Services that select a StatefulSet pod by its controller-added labels', () => {
  it('reach the StatefulSet when the ordinal is below spec.replicas', () => {
    const r = scan(sts('  replicas: 3\n'), announce(0), announce(1), announce(2), PROXY);
    expect(r.links).toEqual(['argocd/haproxy[Deployment] => argocd/redis-ha-server[StatefulSet] : TCP 6379,26379']);
    expect(r.unresolved).toEqual([]);
  });

  it('an ordinal at or above spec.replicas (default 1) selects nothing, and says so', () => {
    const r = scan(sts(''), announce(0), announce(1), announce(2), PROXY);
    expect(r.links).toEqual(['argocd/haproxy[Deployment] => argocd/redis-ha-server[StatefulSet] : TCP 6379']);
    expect(r.unresolved).toEqual(['redis-ha-announce-1:26379 no-endpoints', 'redis-ha-announce-2:6379 no-endpoints']);
  });

  it('pods are numbered from spec.ordinals.start: with start 1 and 2 replicas, pods 1 and 2 exist and 0 does not (found in review)', () => {
    const r = scan(sts('  replicas: 2\n  ordinals: {start: 1}\n'), announce(0), announce(1), announce(2), PROXY);
    expect(r.links).toEqual(['argocd/haproxy[Deployment] => argocd/redis-ha-server[StatefulSet] : TCP 6379,26379']);
    expect(r.unresolved).toEqual(['redis-ha-announce-0:6379 no-endpoints']);
  });

  it('the other labels still have to match, and the pod name must be this StatefulSet\'s', () => {
    const wrongApp = announce(0).replace('app: redis-ha,', 'app: other,');
    const r = scan(sts('  replicas: 3\n'), wrongApp, announce(1).replace('redis-ha-server-1', 'redis-ha-serverx-1'), announce(2, ', apps.kubernetes.io/pod-index: "1"'), PROXY);
    expect(r.links).toEqual([]);
    expect(r.unresolved.every((u) => u.endsWith('no-endpoints'))).toBe(true);
  });

  it('a per-pod LoadBalancer Service (Kafka\'s per-broker external access) exposes the StatefulSet', () => {
    const lb = announce(0).replace('spec:\n', 'spec:\n  type: LoadBalancer\n');
    const load = loadManifests([{ path: 'app.yaml', text: [sts('  replicas: 2\n'), lb].join('---\n') }]);
    const r = scanTopology(load.cluster).value;
    expect(r.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`)).toEqual(['0.0.0.0-255.255.255.255[External] => argocd/redis-ha-server[StatefulSet] : TCP 6379,26379']);
  });
});
