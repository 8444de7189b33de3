import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { findAddressesIn } from '../../src/topology/addresses.js';
import type { Topology } from '../../src/topology/links.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * The gaps that the real applications of test/cli/real-apps-apps10.test.ts showed in scan, each
 * reduced to the smallest manifests that show it (the app test keeps the real case).
 */

function scan(files: Record<string, string>): Topology {
  const load = loadManifests(Object.entries(files).map(([path, text]) => ({ path, text })));
  expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scanTopology(load.cluster).value;
}
const linkLines = (t: Topology) => t.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`);
const unresolvedValues = (t: Topology) => t.unresolved.map((u) => u.value);

const service = (name: string, port: number) => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  selector: {app: ${name}}
  ports: [{port: ${port}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: main, image: x, ports: [{containerPort: ${port}}]}]}
`;

describe('a URI with a scheme and a relative path is no host:port (booksapp: DATABASE_URL=sqlite3:db/db.sqlite3)', () => {
  it('`sqlite3:db/db.sqlite3`, `file:data/app.db` are local files: no candidate, so no gap', () => {
    for (const value of ['sqlite3:db/db.sqlite3', 'file:data/app.db', 'jdbc:h2:mem/test']) expect(findAddressesIn(value, 'address'), value).toEqual([]);
  });

  it('a host with a numeric port before a path, and a host with a named port alone, are still addresses', () => {
    expect(findAddressesIn('db:5432/app', 'address').map((c) => `${c.host}:${c.port}`)).toEqual(['db:5432']);
    expect(findAddressesIn('db:pg', 'address').map((c) => `${c.host}:${c.port}`)).toEqual(['db:pg']);
    expect(findAddressesIn('mysql2://u:p@mysql:3306/books', 'address').map((c) => `${c.host}:${c.port}`)).toEqual(['mysql:3306']);
  });

  it('scan: the webapp with a SQLite DATABASE_URL has no egress gap', () => {
    const t = scan({
      'app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: webapp}
spec:
  selector: {matchLabels: {app: webapp}}
  template:
    metadata: {labels: {app: webapp}}
    spec:
      containers:
        - name: service
          image: x
          env:
            - {name: DATABASE_URL, value: "sqlite3:db/db.sqlite3"}
            - {name: BOOKS_SITE, value: "http://books:7002"}
${service('books', 7002)}`,
    });
    expect(linkLines(t)).toEqual(['default/webapp[Deployment] => default/books[Deployment] : TCP 7002']);
    expect(unresolvedValues(t)).toEqual([]);
  });
});

describe('a ConfigMap volume with `items` mounts only the keys it lists (harbor core: envFrom the ConfigMap, and a volume of its app.conf)', () => {
  const files = (items: string, mount = '{name: config, mountPath: /etc/core/app.conf, subPath: app.conf}') => ({
    'core.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: core}
data:
  POSTGRESQL_HOST: 192.168.0.1
  POSTGRESQL_PORT: "5432"
  app.conf: |
    appname = core
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: core}
spec:
  selector: {matchLabels: {app: core}}
  template:
    metadata: {labels: {app: core}}
    spec:
      containers:
        - name: core
          image: x
          envFrom: [{configMapRef: {name: core}}]
          volumeMounts: [${mount}]
      volumes:
        - name: config
          configMap:
            name: core
${items}
`,
  });

  it('the host read from the environment keeps its paired port; the volume, which holds only app.conf, adds no portless link', () => {
    const t = scan(files('            items: [{key: app.conf, path: app.conf}]'));
    expect(linkLines(t)).toEqual(['default/core[Deployment] => 192.168.0.1-192.168.0.1[External] : TCP 5432']);
  });

  it('without `items` (or with an empty list, which the kubelet treats alike) the volume holds every key, the host among them (a file without its port: all connections), when the container mounts the whole volume', () => {
    for (const items of ['', '            items: []']) {
      const t = scan(files(items, '{name: config, mountPath: /etc/core}'));
      expect(linkLines(t), items).toEqual(['default/core[Deployment] => 192.168.0.1-192.168.0.1[External] : All Connections']);
    }
  });

  it('without `items`, a mount with `subPath: app.conf` still shows that one file: the host file is read by no container', () => {
    for (const items of ['', '            items: []']) {
      const t = scan(files(items));
      expect(linkLines(t), items).toEqual(['default/core[Deployment] => 192.168.0.1-192.168.0.1[External] : TCP 5432']);
    }
  });

  it('projected sources and Secret volumes honour `items` too', () => {
    const t = scan({
      'app.yaml': `apiVersion: v1
kind: Secret
metadata: {name: keys}
stringData:
  REDIS_URL: redis://10.1.2.3:6379
  other: x
---
apiVersion: v1
kind: ConfigMap
metadata: {name: conf}
data:
  UPSTREAM_URL: http://10.1.2.4:8080
  app.conf: appname = x
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: x}]
      volumes:
        - name: a
          secret: {secretName: keys, items: [{key: other, path: other}]}
        - name: b
          projected: {sources: [{configMap: {name: conf, items: [{key: app.conf, path: app.conf}]}}]}
`,
    });
    expect(linkLines(t)).toEqual([]);
  });
});

describe('nginx `upstream NAME { server host:port; }`: `proxy_pass http://NAME` names the block, not a host (harbor nginx)', () => {
  const conf = `upstream core {
  server harbor-core:80;
}
upstream portal {
  server harbor-portal:80;
}
server {
  location / { proxy_pass http://portal/; }
  location /api/ { proxy_pass http://core/api/; }
  location /ext/ { proxy_pass http://elsewhere:8080/; }
}`;

  it('the upstream names are no candidates; the servers in the blocks and a direct proxy_pass are', () => {
    expect(findAddressesIn(conf, 'text').map((c) => c.text)).toEqual(['harbor-core:80', 'harbor-portal:80', 'http://elsewhere:8080']);
  });

  it('scan: nginx reaches the two servers of its upstreams and reports no gap for the block names', () => {
    const t = scan({
      'nginx.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: nginx}
data:
  nginx.conf: |
${conf
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: nginx}
spec:
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: nginx}]
      volumes: [{name: config, configMap: {name: nginx}}]
${service('harbor-core', 8080).replace('ports: [{port: 8080}]', 'ports: [{port: 80, targetPort: 8080}]')}${service('harbor-portal', 8080).replace('ports: [{port: 8080}]', 'ports: [{port: 80, targetPort: 8080}]')}`,
    });
    expect(linkLines(t)).toEqual(['default/nginx[Deployment] => default/harbor-core[Deployment] : TCP 8080', 'default/nginx[Deployment] => default/harbor-portal[Deployment] : TCP 8080']);
    expect(unresolvedValues(t)).toEqual(['http://elsewhere:8080']);
  });
});

describe("a workload's own public host (an Ingress or Route host that routes to it) is where it is reached, not a peer (harbor core: EXT_ENDPOINT=https://core.harbor.domain)", () => {
  const app = (ingressBackend: string) => ({
    'app.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: core}
data:
  EXT_ENDPOINT: https://core.harbor.domain
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: core}
spec:
  selector: {matchLabels: {app: core}}
  template:
    metadata: {labels: {app: core}}
    spec:
      containers: [{name: core, image: x, envFrom: [{configMapRef: {name: core}}], ports: [{containerPort: 8080}]}]
${service('portal', 8080)}---
apiVersion: v1
kind: Service
metadata: {name: core}
spec:
  selector: {app: core}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: harbor}
spec:
  rules:
    - host: Core.Harbor.Domain
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: ${ingressBackend}, port: {number: 80}}}}
`,
  });

  it('the Ingress routes the host to core: core naming it is no gap, and the Ingress still exposes core', () => {
    const t = scan(app('core'));
    expect(unresolvedValues(t)).toEqual([]);
    expect(linkLines(t)).toEqual(['{ingress-controller} => default/core[Deployment] : TCP 8080']);
  });

  it('a Gateway API route\'s hostnames count as an Ingress host does (harbor\'s expose.type=route)', () => {
    const route = app('portal')['app.yaml'].replace(
      /---\napiVersion: networking\.k8s\.io\/v1\nkind: Ingress[\s\S]*$/,
      `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: harbor}
spec:
  parentRefs: [{name: gw}]
  hostnames: [core.harbor.domain]
  rules:
    - backendRefs: [{name: core, port: 80}]
`,
    );
    const t = scan({ 'app.yaml': route });
    expect(unresolvedValues(t)).toEqual([]);
    expect(linkLines(t)).toEqual([expect.stringMatching(/ => default\/core\[Deployment\] : TCP 8080$/)]);
  });

  it('the host routes to another workload only: still a gap (the traffic would go out through the ingress controller)', () => {
    const t = scan(app('portal'));
    expect(unresolvedValues(t)).toEqual(['https://core.harbor.domain']);
  });

  // one host, two workloads by path: a URL whose path is routed to another workload is a call through the ingress controller
  const shop = (url: string) => ({
    'app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: x, env: [{name: API_URL, value: "${url}"}], ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 8080}]
${service('api', 8080)}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 8080}}}}
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 8080}}}}
`,
  });

  it('a host routing to several workloads: the URL\'s path decides (/api routed to api is a gap for web; /, /shop and no path are web\'s own)', () => {
    expect(unresolvedValues(scan(shop('https://shop.example.com/api/v1/orders')))).toEqual(['https://shop.example.com']);
    expect(unresolvedValues(scan(shop('https://shop.example.com/api')))).toEqual(['https://shop.example.com']);
    for (const own of ['https://shop.example.com', 'https://shop.example.com/', 'https://shop.example.com/shop/cart', 'https://shop.example.com/apis']) expect(unresolvedValues(scan(shop(own))), own).toEqual([]);
  });
});
