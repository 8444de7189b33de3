import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * Gitea's chart keeps app.ini one section per key (Secret `gitea-inline-config`: `server`,
 * `database`, `cache`, ...; its init container's environment-to-ini writes each under `[key]`). A
 * key named as a section, whose value has no section header, is read as that section: `server`
 * with DOMAIN, ROOT_URL, SSH_DOMAIN is Gitea's own public name, as Grafana's `[server]` root_url
 * is (no destination, no gap), while `database`'s HOST stays where it connects, and a `server`
 * key naming where a client connects (`HOST=api:8080`) stays a destination.
 */
const app = (server: string) => `apiVersion: v1
kind: Secret
metadata: {name: inline-config, namespace: git}
stringData:
  server: |-
${server.replace(/^/gm, '    ')}
  database: |-
    DB_TYPE=postgres
    HOST=db.git.svc.cluster.local:5432
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: gitea, namespace: git}
spec:
  selector: {matchLabels: {app: gitea}}
  template:
    metadata: {labels: {app: gitea}}
    spec:
      containers: [{name: gitea, image: gitea, ports: [{containerPort: 3000}]}]
      volumes: [{name: config, secret: {secretName: inline-config}}]
---
${['db', 'api']
  .map(
    (n) => `apiVersion: v1
kind: Service
metadata: {name: ${n}, namespace: git}
spec:
  selector: {app: ${n}}
  ports: [{port: ${n === 'db' ? 5432 : 8080}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${n}, namespace: git}
spec:
  selector: {matchLabels: {app: ${n}}}
  template:
    metadata: {labels: {app: ${n}}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: ${n === 'db' ? 5432 : 8080}}]}]
`,
  )
  .join('---\n')}`;

function scan(server: string) {
  const load = loadManifests([{ path: 'gitea.yaml', text: app(server) }]);
  expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const t = scanTopology(load.cluster).value;
  return { links: t.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`), unresolved: t.unresolved.map((u) => u.value) };
}

describe('a ConfigMap or Secret key named as an INI section', () => {
  it("`server` with DOMAIN, ROOT_URL, SSH_DOMAIN: Gitea's own public name, no gap; `database`'s HOST a link", () => {
    expect(scan('APP_DATA_PATH=/data\nDOMAIN=git.example.com\nHTTP_PORT=3000\nROOT_URL=http://git.example.com\nSSH_DOMAIN=git.example.com\nSSH_LISTEN_PORT=2222')).toEqual({
      links: ['git/gitea[Deployment] => git/db[Deployment] : TCP 5432'],
      unresolved: [],
    });
  });

  it('`server` naming where a client connects (HOST=api:8080) stays a destination', () => {
    expect(scan('HOST=api:8080').links).toEqual(['git/gitea[Deployment] => git/api[Deployment] : TCP 8080', 'git/gitea[Deployment] => git/db[Deployment] : TCP 5432']);
  });
});
