import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import type { Topology } from '../../src/topology/links.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * A pod's hostAliases are lines of its /etc/hosts, which the resolver reads before DNS
 * (kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/): a host named there is that
 * address, whatever DNS or a Service of the same name would say.
 */
function scan(text: string): Topology {
  const load = loadManifests([{ path: 'app.yaml', text }]);
  expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scanTopology(load.cluster).value;
}
const linkLines = (t: Topology) => t.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`).sort();

const api = (env: string, aliases: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      hostAliases: ${aliases}
      containers:
        - name: api
          image: x
          env: [${env}]
`;
const cache = `---
apiVersion: v1
kind: Service
metadata: {name: cache, namespace: shop}
spec:
  clusterIP: 10.96.5.5
  selector: {app: cache}
  ports: [{port: 6379}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cache, namespace: shop}
spec:
  selector: {matchLabels: {app: cache}}
  template:
    metadata: {labels: {app: cache}}
    spec: {containers: [{name: redis, image: redis, ports: [{containerPort: 6379}]}]}
`;

describe('hostAliases', () => {
  it('a host the pod\'s /etc/hosts names is that address (it was a gap: a host outside the cluster), names matched without regard to case', () => {
    const t = scan(api('{name: DATABASE_URL, value: "postgres://DB.Internal:5432/app"}', '[{ip: 10.1.2.3, hostnames: [db.internal, db]}]'));
    expect(linkLines(t)).toEqual(['shop/api[Deployment] => 10.1.2.3-10.1.2.3[External] : TCP 5432']);
    expect(t.unresolved).toEqual([]);
  });

  it('it wins over a Service of the same name; an alias to a Service\'s ClusterIP reaches that Service\'s pods', () => {
    const aliasedAway = scan(api('{name: REDIS_URL, value: "redis://cache:6379"}', '[{ip: 192.168.7.7, hostnames: [cache]}]') + cache);
    expect(linkLines(aliasedAway)).toEqual(['shop/api[Deployment] => 192.168.7.7-192.168.7.7[External] : TCP 6379']);
    const toClusterIp = scan(api('{name: REDIS_URL, value: "redis://redis.local:6379"}', '[{ip: 10.96.5.5, hostnames: [redis.local]}]') + cache);
    expect(linkLines(toClusterIp)).toEqual(['shop/api[Deployment] => shop/cache[Deployment] : TCP 6379']);
  });

  it('the first entry for a name wins (the resolver returns the first /etc/hosts match); malformed entries are skipped, never a crash', () => {
    const t = scan(api('{name: DB_HOST, value: db}, {name: DB_PORT, value: "5432"}', '[{ip: 7}, {ip: 10.0.0.1}, {ip: 10.0.0.2, hostnames: db}, null, {ip: 10.0.0.3, hostnames: [db, 4]}, {ip: 10.0.0.4, hostnames: [db]}]'));
    expect(linkLines(t)).toEqual(['shop/api[Deployment] => 10.0.0.3-10.0.0.3[External] : TCP 5432']);
  });
});
