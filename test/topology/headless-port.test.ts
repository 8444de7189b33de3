import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * A headless Service's names (`db`, `db-0.db`) resolve to the pods themselves: no proxy maps a
 * Service port to a target port, so a port that no Service port names is the pod's own port, dialed
 * as written. It was reported as "Service has no port" (a gap), and a deny policy blocked the call.
 */

const DB = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: d}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 15432, name: pg}, {containerPort: 8008}]}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db-replica, namespace: d}
spec:
  serviceName: db
  selector: {matchLabels: {app: db, role: replica}}
  template:
    metadata: {labels: {app: db, role: replica}}
    spec:
      containers: [{name: c, image: x}]
`;
const service = (clusterIP: string) => `apiVersion: v1
kind: Service
metadata: {name: db, namespace: d}
spec:
  clusterIP: ${clusterIP}
  selector: {app: db}
  ports: [{port: 5432, targetPort: pg}]
`;
const client = (value: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: c, namespace: d}
spec:
  selector: {matchLabels: {app: c}}
  template:
    metadata: {labels: {app: c}}
    spec:
      containers: [{name: c, image: x, env: [{name: DB_URL, value: "${value}"}]}]
`;

function scan(svc: string, value: string) {
  const loaded = loadManifests([{ path: 'app.yaml', text: [DB, svc, client(value)].join('---\n') }]);
  const t = scanTopology(loaded.cluster).value;
  return { links: t.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`), unresolved: t.unresolved.map((u) => `${u.value}: ${u.detail}`) };
}

describe('a port no Service port names, through a headless Service', () => {
  it('`db-0.db:8008` is the pod db-0 on 8008 (its own port), not a gap', () => {
    expect(scan(service('None'), 'http://db-0.db:8008/patroni')).toEqual({ links: ['d/c[Deployment] => d/db[StatefulSet] : TCP 8008'], unresolved: [] });
  });

  it('`db:15432` reaches every pod of the Service on 15432', () => {
    expect(scan(service('None'), 'db:15432').links).toEqual(['d/c[Deployment] => d/db-replica[StatefulSet] : TCP 15432', 'd/c[Deployment] => d/db[StatefulSet] : TCP 15432']);
  });

  it('a Service port is not mapped to its target port either (no proxy: headless-selector-ports.test.ts), and a ClusterIP Service without that port is still a gap', () => {
    // `db:5432` is pod port 5432, on every pod the Service selects (it was mapped to targetPort pg, 15432)
    expect(scan(service('None'), 'db:5432').links).toEqual(['d/c[Deployment] => d/db-replica[StatefulSet] : TCP 5432', 'd/c[Deployment] => d/db[StatefulSet] : TCP 5432']);
    expect(scan(service('10.96.0.20'), 'db:8008')).toEqual({ links: [], unresolved: ['db:8008: Service d/db has no port 8008'] });
  });
});
