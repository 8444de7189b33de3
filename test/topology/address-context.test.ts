import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { type Link, type Topology } from '../../src/topology/links.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * Where a value stands decides whether it names a peer. Found by comparing `scan` with
 * cluster-topology-analyzer over its test apps, netpol-analyzer's example clusters and generated
 * variants: addresses after a `key:` prefix and namespace-qualified names ending in a digit that
 * were missed; address blocks and the workload's own listen/advertise addresses taken for
 * destinations.
 */

function scan(files: Record<string, string>): { t: Topology; diagnostics: readonly Diagnostic[] } {
  const load = loadManifests(Object.entries(files).map(([path, text]) => ({ path, text })));
  expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const r = scanTopology(load.cluster);
  return { t: r.value, diagnostics: r.diagnostics };
}

function lineOf(text: string, needle: string, nth = 0): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] as string).includes(needle) && seen++ === nth) return i + 1;
  }
  throw new Error(`${JSON.stringify(needle)} not found`);
}

const linkLine = (l: Link) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`;

/** A server Deployment and its Service (one TCP port, same number on the pod). */
function server(ns: string, name: string, port: number, service = name, labels: Record<string, string> = { app: name }): string {
  const sel = Object.entries(labels).map(([k, v]) => `      ${k}: ${v}`).join('\n');
  return `apiVersion: v1
kind: Service
metadata:
  name: ${service}
  namespace: ${ns}
spec:
  selector:
${sel.replace(/^ {6}/gm, '    ')}
  ports:
    - name: main
      port: ${port}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    matchLabels:
${sel}
  template:
    metadata:
      labels:
${sel.replace(/^ {6}/gm, '        ')}
    spec:
      containers:
        - name: main
          image: ${name}
          ports:
            - containerPort: ${port}
`;
}

const SERVERS = [server('team1', 'db', 5432), server('team2', 'cache', 6379), server('team1', 'kafka', 9092)].join('---\n');

/** A client Deployment in team1 with the given env entries and args. */
function client(env: Record<string, string>, args: readonly string[] = []): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: client
  namespace: team1
spec:
  selector:
    matchLabels:
      app: client
  template:
    metadata:
      labels:
        app: client
    spec:
      containers:
        - name: main
          image: client
          env:
${Object.entries(env).map(([name, value]) => `            - name: ${name}\n              value: ${JSON.stringify(value)}`).join('\n') || '            []'}
          args:
${args.map((a) => `            - ${JSON.stringify(a)}`).join('\n') || '            []'}
`;
}

const CLIENT = 'team1/client[Deployment]';

describe('addresses after a `key:` prefix', () => {
  it('`server:db:5432`, `upstream:http://cache.team2` and `jdbc:postgresql://...` name their Services', () => {
    const yaml = client({}, ['server:db:5432', 'upstream:http://cache.team2', 'jdbc:postgresql://kafka:9092/x']);
    const { t } = scan({ 'servers.yaml': SERVERS, 'client.yaml': yaml });
    expect(t.links.map(linkLine)).toEqual([
      `${CLIENT} => team1/db[Deployment] : TCP 5432`,
      `${CLIENT} => team1/kafka[Deployment] : TCP 9092`,
      `${CLIENT} => team2/cache[Deployment] : TCP 6379`,
    ]);
    const values = t.links.flatMap((l) => l.evidence.map((e) => (e.kind === 'address' ? e.value : '')));
    expect(values.sort()).toEqual(['db:5432', 'http://cache.team2', 'postgresql://kafka:9092']);
    expect(t.unresolved).toEqual([]);
  });

  it('a digest, a time or a bare word after a colon is not an address', () => {
    const { t } = scan({ 'servers.yaml': SERVERS, 'client.yaml': client({}, ['image=app@sha256:0a1b2c', 'at:12:30:45', 'role:db']) });
    expect(t.links).toEqual([]);
    expect(t.unresolved).toEqual([]);
  });
});

describe('a whole value that is one namespace-qualified name', () => {
  it('links even where the namespace ends in a digit (`cache.team2`)', () => {
    const yaml = client({ CACHE: 'cache.team2' });
    const { t } = scan({ 'servers.yaml': SERVERS, 'client.yaml': yaml });
    expect(t.links.map(linkLine)).toEqual([`${CLIENT} => team2/cache[Deployment] : TCP 6379`]);
    expect(t.links[0]?.evidence[0]).toMatchObject({ kind: 'address', value: 'cache.team2', at: { file: 'client.yaml', line: lineOf(yaml, '"cache.team2"') } });
  });

  it('so is all that follows a `--flag=` or `key:` prefix (`--peer=cache.team2`, `server:db.team1`)', () => {
    const { t } = scan({ 'servers.yaml': SERVERS, 'client.yaml': client({}, ['--peer=cache.team2', 'server:db.team1']) });
    expect(t.links.map(linkLine)).toEqual([`${CLIENT} => team1/db[Deployment] : TCP 5432`, `${CLIENT} => team2/cache[Deployment] : TCP 6379`]);
  });

  it('after a prefix, a public host name is configuration, not a peer to report (`--domain=example.com`)', () => {
    const { t } = scan({ 'servers.yaml': SERVERS, 'client.yaml': client({}, ['--domain=example.com', 'issuer:accounts.example.org']) });
    expect(t.links).toEqual([]);
    expect(t.unresolved).toEqual([]);
  });

  it('a version (`1.2`, `v1.2`, `--version=v1.2`) is not a name', () => {
    const { t } = scan({ 'servers.yaml': SERVERS, 'client.yaml': client({ VERSION: '1.2', TAG: 'v1.2' }, ['--version=v1.2', 'release:2.1']) });
    expect(t.links).toEqual([]);
    expect(t.unresolved).toEqual([]);
  });
});

describe('address blocks are not addresses', () => {
  it('a CIDR in env or a flag gives no link and nothing unresolved', () => {
    const yaml = client({ CALICO_IPV4POOL_CIDR: '172.30.0.0/16', POD_CIDR: '10.244.0.0/16' }, ['--service-cluster-ip-range=10.96.0.0/12', '--cluster-cidr', '10.244.0.0/16']);
    const { t } = scan({ 'servers.yaml': SERVERS, 'client.yaml': yaml });
    expect(t.links).toEqual([]);
    expect(t.unresolved).toEqual([]);
  });

  it('an IP in a URL whose path is a number is still an address', () => {
    const { t } = scan({ 'servers.yaml': SERVERS, 'client.yaml': client({ API_URL: 'http://203.0.113.7/24' }) });
    // on http's port (RFC 9110 §4.2.1): `/24` is its path, not a prefix length
    expect(t.links.map(linkLine)).toEqual([`${CLIENT} => 203.0.113.7-203.0.113.7[External] : TCP 80`]);
  });
});

describe("the workload's own address is not a destination", () => {
  it('listen, bind, advertise and virtual-IP names, in env, `--flag=value` and `--flag value`', () => {
    const yaml = client(
      { LISTEN_ADDR: '203.0.113.5:8080', VIRTUAL_IP: '169.60.164.14', KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://kafka:9092', BIND_ADDRESS: 'db:5432' },
      [
        '--advertise-client-urls=https://192.168.49.2:2379',
        '--listen-peer-urls=https://192.168.49.2:2380',
        '--advertise-address=192.168.49.2',
        '--bind-address',
        '198.51.100.3',
        'etcd --listen-client-urls=https://cache.team2:6379 --initial-advertise-peer-urls=http://db:5432',
      ],
    );
    const { t } = scan({ 'servers.yaml': SERVERS, 'client.yaml': yaml });
    expect(t.links).toEqual([]);
    expect(t.unresolved).toEqual([]);
  });

  it('peers named beside them still link: `--initial-cluster=m1=https://203.0.113.9:2380`, `--kafka-servers kafka:9092`, `LISTEN_QUEUE_URL`', () => {
    const yaml = client({ LISTEN_PORT: '8080', LISTEN_QUEUE_URL: 'amqp://cache.team2:6379' }, ['--listen-client-urls=https://0.0.0.0:2379', '--initial-cluster=m1=https://203.0.113.9:2380', '--kafka-servers', 'kafka:9092']);
    const { t } = scan({ 'servers.yaml': SERVERS, 'client.yaml': yaml });
    expect(t.links.map(linkLine)).toEqual([
      `${CLIENT} => 203.0.113.9-203.0.113.9[External] : TCP 2380`,
      `${CLIENT} => team1/kafka[Deployment] : TCP 9092`,
      `${CLIENT} => team2/cache[Deployment] : TCP 6379`,
    ]);
  });

  it('a switch before a flag does not make that flag its value: `--listen --upstream=http://db:5432` (found in review)', () => {
    const { t } = scan({ 'servers.yaml': SERVERS, 'client.yaml': client({}, ['--listen', '--upstream=http://db:5432', '--bind-address', '--peer=kafka:9092']) });
    expect(t.links.map(linkLine)).toEqual([`${CLIENT} => team1/db[Deployment] : TCP 5432`, `${CLIENT} => team1/kafka[Deployment] : TCP 9092`]);
  });

  it("a peer's VIP is a destination: `DB_VIP` (only VIRTUAL_IP names the workload's own; found in review)", () => {
    const { t } = scan({ 'servers.yaml': SERVERS, 'client.yaml': client({ DB_VIP: '203.0.113.7' }) });
    expect(t.links.map(linkLine)).toEqual([`${CLIENT} => 203.0.113.7-203.0.113.7[External] : All Connections`]);
  });

  it('a ConfigMap key named so, imported with envFrom, is the workload\'s own too', () => {
    const cm = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: team1
data:
  listen.address: "kafka:9092"
  upstream: "db:5432"
`;
    const yaml = client({}).replace('          env:\n            []\n', '          envFrom:\n            - configMapRef:\n                name: settings\n');
    const { t } = scan({ 'servers.yaml': SERVERS, 'cm.yaml': cm, 'client.yaml': yaml });
    expect(t.links.map(linkLine)).toEqual([`${CLIENT} => team1/db[Deployment] : TCP 5432`]);
  });
});

describe('a pod of a headless Service', () => {
  // db and db-replica: two StatefulSets behind one headless Service `db`; cache: a ClusterIP Service
  const sts = (name: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
  namespace: team1
spec:
  serviceName: db
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
        tier: db
    spec:
      containers:
        - name: main
          image: postgres
          ports:
            - containerPort: 5432
`;
  const headless = `apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: team1
spec:
  clusterIP: None
  selector:
    tier: db
  ports:
    - port: 5432
---
${sts('db')}---
${sts('db-replica')}---
${server('team2', 'cache', 6379)}`;

  it('`db-0.db` is the pod of the headless Service `db` of the client\'s namespace before Service `db-0` of a namespace `db`, as the search path tries them (found in review)', () => {
    const otherNs = server('db', 'other', 5432, 'db-0');
    const yaml = client({ PRIMARY_HOST: 'db-0.db:5432' });
    const { t } = scan({ 'db.yaml': headless, 'other.yaml': otherNs, 'client.yaml': yaml });
    expect(t.links.map(linkLine)).toEqual([`${CLIENT} => team1/db[StatefulSet] : TCP 5432`]);
  });

  it('`db-0.db`, `db-1.db.team1` and a URL name the pod, as its DNS search path completes them', () => {
    const yaml = client({ PRIMARY_HOST: 'db-0.db', REPLICA_URL: 'postgres://db-replica-1.db.team1:5432/x' });
    const { t } = scan({ 'db.yaml': headless, 'client.yaml': yaml });
    expect(t.links.map(linkLine)).toEqual([`${CLIENT} => team1/db-replica[StatefulSet] : TCP 5432`, `${CLIENT} => team1/db[StatefulSet] : TCP 5432`]);
    expect(t.links[1]?.evidence[0]).toMatchObject({ kind: 'address', value: 'db-0.db', service: 'team1/db', at: { file: 'client.yaml', line: lineOf(yaml, '"db-0.db"') } });
    expect(t.unresolved).toEqual([]);
  });

  it('a pod name no workload has reaches every workload of the Service; a ClusterIP Service has no pod names', () => {
    const { t } = scan({ 'db.yaml': headless, 'client.yaml': client({ DB_HOST: 'primary.db', CACHE_HOST: 'cache-0.cache.team2' }) });
    expect(t.links.map(linkLine)).toEqual([`${CLIENT} => team1/db-replica[StatefulSet] : TCP 5432`, `${CLIENT} => team1/db[StatefulSet] : TCP 5432`]);
  });
});
