import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { findGaps } from '../../src/topology/gaps.js';
import { type Link } from '../../src/topology/links.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * An http or https URL without a port is on its scheme's default port (RFC 9110 §4.2.1, §4.2.2:
 * 80 and 443; RFC 6455 §3 the same for ws and wss). Outside the cluster, where no Service says which
 * ports: an IP's link and a host name's gap are on that port, not on All Connections (which
 * `--gaps=open` would open to every port). JupyterHub's hub holds
 * `https://acme-v02.api.letsencrypt.org/directory` among its values.
 */

function scan(env: string) {
  const r = loadManifests([
    {
      path: 'app.yaml',
      text: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: c
          image: x
          env:
${env}`,
    },
  ]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const topology = scanTopology(r.cluster).value;
  return { topology, gaps: findGaps(r.cluster, topology) };
}

const linkLine = (l: Link) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`;

describe("a URL's scheme gives its port where nothing else does", () => {
  it('https://host/path: an external-hostname gap on TCP 443; http:// on 80; wss:// on 443', () => {
    const { gaps } = scan(`            - {name: ACME, value: "https://acme-v02.api.letsencrypt.org/directory"}
            - {name: HOOK, value: "http://hooks.example.com/x"}
            - {name: FEED, value: "wss://stream.example.com"}
`);
    expect(gaps.map((g) => `${g.value} ${g.conns.toString()}`).sort()).toEqual([
      'http://hooks.example.com TCP 80',
      'https://acme-v02.api.letsencrypt.org TCP 443',
      'wss://stream.example.com TCP 443',
    ]);
  });

  it('https://203.0.113.7: a link to that address on TCP 443; a written port wins; another scheme (redis://) keeps All Connections', () => {
    const { topology } = scan(`            - {name: API, value: "https://203.0.113.7/v1"}
            - {name: ALT, value: "http://203.0.113.8:8080/"}
            - {name: CACHE, value: "redis://203.0.113.9"}
`);
    expect(topology.links.map(linkLine)).toEqual([
      'shop/web[Deployment] => 203.0.113.7-203.0.113.7[External] : TCP 443',
      'shop/web[Deployment] => 203.0.113.8-203.0.113.8[External] : TCP 8080',
      'shop/web[Deployment] => 203.0.113.9-203.0.113.9[External] : All Connections',
    ]);
  });

  it('https:// to an ExternalName Service: its external-hostname gap is on 443 as for the host itself', () => {
    const r = loadManifests([
      {
        path: 'app.yaml',
        text: `apiVersion: v1
kind: Service
metadata: {name: payments, namespace: shop}
spec: {type: ExternalName, externalName: api.payments.example.com}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: x, env: [{name: PAYMENTS_URL, value: "https://payments/v1"}]}]}
`,
      },
    ]);
    const gaps = findGaps(r.cluster, scanTopology(r.cluster).value);
    expect(gaps.map((g) => `${g.reason} ${g.conns.toString()}`)).toEqual(['external-hostname TCP 443']);
  });

  it('http://api to a Service with port 80 among others: port 80 only (a ClusterIP forwards only the ports it has), with no "without a port" warning', () => {
    // kube-proxy programs the Service's address for each Service port alone: an http client without a
    // port dials 80, which reaches the targetPort of the Service's port 80 and nothing else (its
    // metrics port 9090 is not what the URL dials). A Service without the scheme's port keeps every
    // port and the warning: the port is somewhere the manifests do not say.
    const r = loadManifests([
      {
        path: 'app.yaml',
        text: `apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{name: http, port: 80, targetPort: http}, {name: metrics, port: 9090, targetPort: metrics}]
---
apiVersion: v1
kind: Service
metadata: {name: admin, namespace: shop}
spec:
  selector: {app: admin}
  ports: [{name: web, port: 8080}, {name: metrics, port: 9090}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: c, image: x, ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: admin, namespace: shop}
spec:
  template:
    metadata: {labels: {app: admin}}
    spec: {containers: [{name: c, image: x, ports: [{containerPort: 8080}, {containerPort: 9090}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: x, env: [{name: API_URL, value: "http://api/v1"}, {name: ADMIN_URL, value: "https://admin"}]}]}
`,
      },
    ]);
    const scanned = scanTopology(r.cluster);
    expect(scanned.value.links.map(linkLine)).toEqual(['shop/web[Deployment] => shop/admin[Deployment] : TCP 8080,9090', 'shop/web[Deployment] => shop/api[Deployment] : TCP 8080']);
    expect(scanned.diagnostics.filter((d) => d.code === 'NPC074').map((d) => d.message)).toEqual([
      '"https://admin" names Service shop/admin without a port; it has 2 ports (web/8080, metrics/9090), so shop/web[Deployment] may reach all of them',
    ]);
  });

  it("a database URL without a port dials its client's documented default: a Service with that port is reached there alone", () => {
    // PostgreSQL's connection URIs (libpq, "Connection URIs": port defaults to 5432), the MongoDB
    // connection string spec (27017), Redis' URI scheme (IANA: 6379), RabbitMQ's AMQP URI spec (5672):
    // beside an exporter's port on the same Service, the URL reaches the database's port only
    const svc = (name: string, ports: string) => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: shop}
spec: {selector: {app: ${name}}, ports: ${ports}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: c, image: x}]}
---
`;
    const r = loadManifests([
      {
        path: 'app.yaml',
        text: `${svc('db', '[{name: pg, port: 5432}, {name: exporter, port: 9187}]')}${svc('mongo', '[{port: 27017}, {port: 9216}]')}${svc('cache', '[{port: 6379}, {port: 9121}]')}${svc('mq', '[{port: 5672}, {port: 15692}]')}${svc('other', '[{port: 5433}, {port: 9187}]')}apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: c
          image: x
          env:
            - {name: A, value: "postgresql://app@db/orders"}
            - {name: B, value: "mongodb://mongo/app"}
            - {name: C, value: "redis://cache"}
            - {name: D, value: "amqp://guest@mq/vhost"}
            - {name: E, value: "postgres://other/x"}
`,
      },
    ]);
    const scanned = scanTopology(r.cluster);
    expect(scanned.value.links.map(linkLine)).toEqual([
      'shop/web[Deployment] => shop/cache[Deployment] : TCP 6379',
      'shop/web[Deployment] => shop/db[Deployment] : TCP 5432',
      'shop/web[Deployment] => shop/mongo[Deployment] : TCP 27017',
      'shop/web[Deployment] => shop/mq[Deployment] : TCP 5672',
      // a Service without the default port: every port, and the warning
      'shop/web[Deployment] => shop/other[Deployment] : TCP 5433,9187',
    ]);
    expect(scanned.diagnostics.filter((d) => d.code === 'NPC074').map((d) => d.message.slice(0, 40))).toEqual(['"postgres://other" names Service shop/ot']);
  });
});
