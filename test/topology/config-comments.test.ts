import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * A configuration file mounted from a ConfigMap says what the program does in its lines, not in
 * its comments: Bitnami's redis.conf carries `# Enable AOF https://redis.io/topics/persistence`,
 * an nginx.conf keeps an old upstream commented out. Neither is a destination (no link, no gap);
 * the same address on a live line still is.
 */
const app = (conf: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: conf, namespace: shop}
data:
  app.conf: |-
${conf
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{port: 8080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: api, ports: [{containerPort: 8080}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx
          volumeMounts: [{name: conf, mountPath: /etc/app}]
      volumes: [{name: conf, configMap: {name: conf}}]
`;

function scan(conf: string) {
  const load = loadManifests([{ path: 'app.yaml', text: app(conf) }]);
  const topo = scanTopology(load.cluster).value;
  return { links: topo.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`), unresolved: topo.unresolved.map((u) => `${u.value} ${u.reason}`) };
}

describe('addresses in the comments of a mounted configuration file', () => {
  it('a URL in a `#` comment is neither a link nor a gap', () => {
    expect(scan('# Enable AOF https://redis.io/topics/persistence#append-only-file\nappendonly yes\n  # indented: http://api:8080/old')).toEqual({ links: [], unresolved: [] });
  });

  it('the same addresses on live lines are a link and a gap', () => {
    expect(scan('upstream http://api:8080;\nfetch https://redis.io/topics # a trailing comment keeps its line')).toEqual({
      links: ['shop/web[Deployment] => shop/api[Deployment] : TCP 8080'],
      unresolved: ['https://redis.io external-hostname'],
    });
  });
});
