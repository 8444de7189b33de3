import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * A headless Service WITH a selector: no proxy stands between client and pod, so no Service port is
 * mapped to a targetPort. Kubernetes' own words:
 * - "For headless Services, a cluster IP is not allocated, kube-proxy does not handle these
 *   Services, and there is no load balancing or proxying done by the platform for them" and, with
 *   selectors, DNS returns "A or AAAA records ... that point directly to the Pods backing the
 *   Service" (https://kubernetes.io/docs/concepts/services-networking/service/#headless-services);
 * - the DNS specification (kubernetes/dns docs/specification.md, "Records for a Headless Service"):
 *   `<service>.<ns>.svc.<zone>. IN A <endpoint-ip>`, addresses only, no port;
 * - a port NAME is looked up as an SRV record `_<port>._<proto>.<service>...`, which CoreDNS answers
 *   for a headless Service with the endpoint's port (plugin/kubernetes/kubernetes.go findServices:
 *   `msg.Service{Host: addr.IP, Port: int(p.Port)}` over the Endpoints' ports), and the endpoints
 *   controller writes the Service port's targetPort resolved on the pod there.
 * So `http://db:80` reaches pod port 80 whatever `targetPort` says; `db:web` reaches the target port.
 */

const DB = (ports: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: d}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: c, image: x${ports}}]
`;
const HEADLESS = `apiVersion: v1
kind: Service
metadata: {name: db, namespace: d}
spec:
  clusterIP: None
  selector: {app: db}
  ports:
  - name: web
    port: 80
    targetPort: 8080
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

function scan(ports: string, value: string, svc = HEADLESS) {
  const loaded = loadManifests([{ path: 'app.yaml', text: [DB(ports), svc, client(value)].join('---\n') }]);
  const r = scanTopology(loaded.cluster);
  return {
    links: r.value.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`),
    unresolved: r.value.unresolved.map((u) => u.value),
    diagnostics: r.diagnostics.map((d) => `${d.code} ${d.at?.file}:${d.at?.line}`),
  };
}

const LINK = (conns: string) => [`d/c[Deployment] => d/db[StatefulSet] : ${conns}`];
const BOTH = ', ports: [{containerPort: 80}, {containerPort: 8080, name: http}]';

describe('a headless Service with a selector: the client dials the pod itself', () => {
  it('`http://db:80` reaches pod port 80, not targetPort 8080 (no proxy maps it)', () => {
    expect(scan(BOTH, 'http://db:80')).toEqual({ links: LINK('TCP 80'), unresolved: [], diagnostics: [] });
    expect(scan(BOTH, 'http://db-0.db:80').links).toEqual(LINK('TCP 80'));
  });

  it('a pod that declares ports but not the dialed one: the link stands, and a warning names the Service port line', () => {
    // app.yaml: the StatefulSet is lines 1-10, the Service 12-21 (its `port: 80` on line 20), the client's value on line 31
    expect(scan(', ports: [{containerPort: 8080, name: http}]', 'http://db:80')).toEqual({ links: LINK('TCP 80'), unresolved: [], diagnostics: ['NPC319 app.yaml:20'] });
    // a pod that declares no port may listen anywhere: nothing to say
    expect(scan('', 'http://db:80')).toEqual({ links: LINK('TCP 80'), unresolved: [], diagnostics: [] });
  });

  it('a port that no Service port has is dialed as written; when no container declares it, the warning is at the Service name', () => {
    expect(scan(', ports: [{containerPort: 8080}]', 'db:9000')).toEqual({ links: LINK('TCP 9000'), unresolved: [], diagnostics: ['NPC319 app.yaml:14'] });
  });

  it('a port NAME is an SRV lookup, answered with the endpoint port: the target port', () => {
    expect(scan(BOTH, 'db:web')).toEqual({ links: LINK('TCP 8080'), unresolved: [], diagnostics: [] });
  });

  it('no port: a URL dials its scheme\'s port; a bare name dials the client\'s default, read as the Service port number, and said so', () => {
    expect(scan(BOTH, 'http://db.d.svc.cluster.local/api').links).toEqual(LINK('TCP 80'));
    const svc9 = HEADLESS.replace('port: 80', 'port: 9000');
    expect(scan(', ports: [{containerPort: 9000}, {containerPort: 8080}]', 'db.d.svc.cluster.local', svc9)).toEqual({ links: LINK('TCP 9000'), unresolved: [], diagnostics: ['NPC318 app.yaml:31'] });
  });

  it("a database URL without a port dials its client's default on the pod (postgres://db: 5432), not every Service port", () => {
    const pg = HEADLESS.replace('  - name: web\n    port: 80\n    targetPort: 8080\n', '  - name: pg\n    port: 5432\n  - name: metrics\n    port: 9187\n');
    expect(scan(', ports: [{containerPort: 5432}, {containerPort: 9187}]', 'postgres://app@db/orders', pg)).toEqual({ links: LINK('TCP 5432'), unresolved: [], diagnostics: [] });
  });

  it('a ClusterIP Service still maps its port to the target port (kube-proxy does)', () => {
    const clusterIp = HEADLESS.replace('clusterIP: None', 'clusterIP: 10.96.0.20');
    expect(scan(BOTH, 'http://db:80', clusterIp).links).toEqual(LINK('TCP 8080'));
  });
});
