import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { findGaps } from '../../src/topology/gaps.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * An ExternalName Service is a CNAME (the Service docs: "the cluster DNS Service returns a CNAME
 * record with the value my.database.example.com"). When its externalName is another Service's
 * cluster name (`postgres.data.svc.cluster.local`, an alias across namespaces), the client's
 * resolver follows the CNAME to that Service's cluster IP: the connection goes to that Service's
 * pods, on the port dialed (an ExternalName has no ports of its own to map). A CNAME target is an
 * absolute name, so only the full `<svc>.<ns>.svc.cluster.local` form is a Service; a chain of
 * aliases is followed as far as resolvers do, and a loop ends.
 */
function scan(extra: string, client: string) {
  const r = loadManifests([
    {
      path: 'app.yaml',
      text: `apiVersion: v1
kind: Service
metadata: {name: postgres, namespace: data}
spec:
  selector: {app: postgres}
  ports: [{port: 5432}, {name: metrics, port: 9187}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: postgres, namespace: data}
spec:
  template:
    metadata: {labels: {app: postgres}}
    spec: {containers: [{name: c, image: x, ports: [{containerPort: 5432}, {containerPort: 9187}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: x, env: [{name: DB, value: "${client}"}]}]}
---
${extra}`,
    },
  ]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const topology = scanTopology(r.cluster).value;
  return { links: topology.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`), gaps: findGaps(r.cluster, topology).filter((g) => g.direction === 'egress').map((g) => `${g.reason} ${g.detail}`) };
}

const alias = (name: string, ns: string, target: string) => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {type: ExternalName, externalName: ${target}}
---
`;

describe('an ExternalName Service that names a Service of the cluster', () => {
  it('is that Service: db:5432 in shop, an alias of postgres.data, reaches data/postgres on 5432, no gap', () => {
    const { links, gaps } = scan(alias('db', 'shop', 'postgres.data.svc.cluster.local'), 'db:5432');
    expect(links).toEqual(['shop/web[Deployment] => data/postgres[Deployment] : TCP 5432']);
    expect(gaps).toEqual([]);
  });

  it('a URL without a port dials its scheme default through the alias (postgres://db: 5432, not the exporter)', () => {
    expect(scan(alias('db', 'shop', 'postgres.data.svc.cluster.local.'), 'postgres://app@db/orders').links).toEqual(['shop/web[Deployment] => data/postgres[Deployment] : TCP 5432']);
  });

  it('a chain of aliases is followed; a loop is a gap, not a hang', () => {
    const chain = alias('db', 'shop', 'pg.shared.svc.cluster.local') + alias('pg', 'shared', 'postgres.data.svc.cluster.local');
    expect(scan(chain, 'db:5432').links).toEqual(['shop/web[Deployment] => data/postgres[Deployment] : TCP 5432']);
    const loop = alias('db', 'shop', 'a.shop.svc.cluster.local') + alias('a', 'shop', 'db.shop.svc.cluster.local');
    const { links, gaps } = scan(loop, 'db:5432');
    expect(links).toEqual([]);
    expect(gaps).toHaveLength(1);
  });

  it('an external name, or a short name a CNAME cannot mean (postgres.data), stays outside the cluster', () => {
    expect(scan(alias('db', 'shop', 'db.example.com'), 'db:5432').gaps).toEqual(['external-hostname Service shop/db is an ExternalName for db.example.com, outside the cluster; NetworkPolicy cannot name hosts']);
    expect(scan(alias('db', 'shop', 'postgres.data'), 'db:5432').links).toEqual([]);
  });
});
