import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { MAX_CONFIG_DOCUMENT } from '../../src/manifests/documents.js';
import { configValueAddresses, readConfigDocument } from '../../src/topology/config-documents.js';
import { scanTopology } from '../../src/topology/scan.js';
import { findAddressesIn } from '../../src/topology/addresses.js';
import { peerKey } from '../../src/model/peer.js';

/**
 * Addresses in config files held by ConfigMaps and Secrets, read by their structure: a host key
 * with its sibling port key is one address; the app's own listener is none.
 */
const read = (value: string) => configValueAddresses(value, 'text', new Map()).map((c) => `${c.host}${c.port !== undefined ? `:${c.port}` : ''}${c.explicit ? '' : ' (bare)'}`);
const texts = (value: string) => configValueAddresses(value, 'text', new Map()).map((c) => c.text);
const lineOf = (value: string, offset: number) => value.slice(0, offset).split('\n').length;

describe('YAML and JSON documents', () => {
  const ARGO = `connectionPool:
  maxIdleConns: 100
archive: true
postgresql:
  host: postgres
  port: 5432
  database: postgres
  userNameSecret:
    name: argo-postgres-config
    key: username
`;
  it('Argo persistence: `postgresql: {host: postgres, port: 5432}` is postgres:5432, at the host line', () => {
    const found = configValueAddresses(ARGO, 'text', new Map());
    expect(found.map((c) => [c.host, c.port, c.text, c.explicit])).toEqual([['postgres', '5432', 'host: postgres (port: 5432)', true]]);
    expect(lineOf(ARGO, found[0]?.offset ?? -1)).toBe(5);
  });

  it('the text reading alone sees no address in it (a bare host is no address in text); a port that is no number leaves the host alone', () => {
    expect(findAddressesIn(ARGO, 'text')).toEqual([]);
    expect(read(ARGO.replace('port: 5432', 'port: http'))).toEqual(['postgres (bare)']);
  });

  it('an `address`/`server`/`hostname` key and prefixed pairs (`db_host` + `db_port`); the port written with the host wins', () => {
    expect(read('cache:\n  address: memcached\n  port: 11211\n')).toEqual(['memcached:11211']);
    expect(read('ldap:\n  server: ldap.auth\n  port: 389\n')).toEqual(['ldap.auth:389']);
    expect(read('db:\n  hostname: mysql\n  port: "3306"\n')).toEqual(['mysql:3306']);
    expect(read('db_host: pg\ndb_port: 5433\nredis-host: cache\nredis-port: 6380\n')).toEqual(['pg:5433', 'cache:6380']);
    expect(read('s3:\n  address: minio:9000\n  port: 80\n')).toEqual(['minio:9000']);
  });

  it("`addr` is no host key: DeathStarBench's service-config.json, a directory of every service's addr/port, gives no address", () => {
    expect(read('{\n  "social-graph-service": {\n    "addr": "social-graph-service",\n    "port": 9090\n  },\n  "user-service": {"addr": "user-service", "port": 9090}\n}')).toEqual([]);
  });

  it('JSON: `"host": "db", "port": 5432`, inside the quotes', () => {
    const json = '{\n  "database": {\n    "host": "db",\n    "port": 5432\n  }\n}';
    const found = configValueAddresses(json, 'text', new Map());
    expect(found.map((c) => `${c.host}:${c.port} ${json.slice(c.offset, c.offset + 2)}`)).toEqual(['db:5432 db']);
    expect(lineOf(json, found[0]?.offset ?? -1)).toBe(3);
  });

  it('Spring application.yml: nested (`spring.redis.host` + `.port`) and dotted keys; `spring.datasource.url` as a URL, as before', () => {
    const spring = 'spring:\n  redis:\n    host: redis\n    port: 6379\n  datasource:\n    url: jdbc:postgresql://db:5432/app\n';
    expect(read(spring)).toEqual(['redis:6379', 'db:5432']);
    expect(read('spring.redis.host: cache\nspring.redis.port: 6380\nspring.rabbitmq.host: mq\n')).toEqual(['cache:6380', 'mq (bare)']);
  });

  it('Rails database.yml: `host:` with or without `port:`; a host alone is a bare name (a link only where a Service answers)', () => {
    const rails = 'production:\n  adapter: postgresql\n  host: db\n  port: 5432\ndevelopment:\n  adapter: postgresql\n  host: pg.dev.svc\n';
    expect(read(rails)).toEqual(['db:5432', 'pg.dev.svc']);
    // `server:`/`address:` alone say too little (a name, a mail address): only a host key stands alone
    expect(read('mail:\n  address: ops\nsmtp:\n  server: relay\n')).toEqual([]);
  });

  it('a listen address and the app\'s own keys are no destination: listen, bind, http_listen_port, advertise_addr, the root `server` section', () => {
    expect(read('server:\n  http_listen_port: 3100\n  host: api\n  port: 8080\nmemberlist:\n  advertise_addr: loki-0.loki:7946\n  join_members: [loki-memberlist:7946]\n')).toEqual(['loki-memberlist:7946']);
    expect(read('listen: proxy:8080\nbind: 10.0.0.5:9000\nupstream:\n  host: api\n  port: 80\n')).toEqual(['api:80']);
    expect(read('server.port: 8080\nserver.address: api.local:80\n')).toEqual([]);
    // Elasticsearch/OpenSearch: the node's own bind and publish addresses, nested or dotted; seed hosts are peers
    expect(read('network:\n  host: es-0.es\nhttp.publish_host: es.example.org\ndiscovery:\n  seed_hosts: es-1.es:9300\n')).toEqual(['es-1.es:9300']);
    // a root `server` that names where to connect is a client's destination, not the app's listener
    expect(read('server: api:8080\ntimeout: 5\n')).toEqual(['api:8080']);
    expect(read('{"server": "api:8080", "timeout": 5}')).toEqual(['api:8080']);
    expect(read('server:\n  host: api\n  port: 8080\n')).toEqual(['api:8080']);
    expect(read('[server]\nhost = api\nport = 8080\n')).toEqual(['api:8080']);
    expect(read('server.host=api\nserver.port=8080\n')).toEqual(['api:8080']);
    // Grafana's own [server] and Spring's server.* stay the app's
    expect(read('[server]\nhttp_port = 3000\ndomain = grafana.example.org\n')).toEqual([]);
    expect(read('server.port=8080\nserver.address=10.0.0.5\nspring.redis.host=redis\nspring.redis.port=6379\n')).toEqual(['redis:6379']);
    // a nested `server` is a destination (an LDAP server), only the root one is the app's
    expect(read('auth:\n  server:\n    host: ldap\n    port: 389\n')).toEqual(['ldap:389']);
    // the scan drops local ones; here they are read, and scan.ts's isLocalAddress keeps them from links
    expect(read('db:\n  host: 0.0.0.0\n  port: 5432\n')).toEqual(['0.0.0.0:5432']);
  });

  it("a `hosts` key (Temporal's Cassandra store, gocql: `hosts: \"h1,h2\"` beside `port: 9042`): each host of the list with the sibling port", () => {
    const cassandra = 'cassandra:\n  hosts: "cassandra.default.svc.cluster.local"\n  port: 9042\n  keyspace: temporal\n';
    expect(read(cassandra)).toEqual(['cassandra.default.svc.cluster.local:9042']);
    expect(texts(cassandra)).toEqual(['hosts: cassandra.default.svc.cluster.local (port: 9042)']);
    const two = 'cassandra:\n  hosts: "cass-0.cass, cass-1.cass"\n  port: 9042\n';
    const found = configValueAddresses(two, 'text', new Map());
    expect(found.map((c) => `${c.host}:${c.port} ${two.slice(c.offset, c.offset + c.host.length)}`)).toEqual(['cass-0.cass:9042 cass-0.cass', 'cass-1.cass:9042 cass-1.cass']);
    // alone, as `host:` alone: a bare name is a link where a Service answers
    expect(read('cassandra:\n  hosts: cassandra\n')).toEqual(['cassandra (bare)']);
    // Django's ALLOWED_HOSTS, a proxy's trusted_hosts: the names the app answers to, no peers
    expect(read('allowed_hosts: "app.example.com,api.example.com"\ntrusted-hosts: "10.0.0.0/8"\n')).toEqual([]);
    expect(read('db_hosts: "pg-0.pg,pg-1.pg"\ndb_port: 5432\n')).toEqual(['pg-0.pg:5432', 'pg-1.pg:5432']);
  });

  it('templated or listed hosts, numbers and ports out of range are no pair', () => {
    const pairs = (value: string) => readConfigDocument(value)?.addresses.map((c) => c.text) ?? [];
    expect(pairs('db:\n  host: ${DB_HOST:db}\n  port: 5432\n')).toEqual([]);
    expect(pairs('db:\n  host: "{{ .Values.db }}"\n  port: 5432\n')).toEqual([]);
    expect(pairs('db:\n  host: [a, b]\n  port: 5432\n')).toEqual([]);
    expect(read('db:\n  host: 12\n  port: 5432\n')).toEqual([]);
    expect(read('db:\n  host: db\n  port: 70000\n')).toEqual(['db (bare)']);
  });

  it('a Kubernetes object kept as data is read as text only (its `host:` is an Ingress rule\'s)', () => {
    const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nspec:\n  rules:\n    - host: shop.example.com\n';
    expect(readConfigDocument(ingress)).toBeUndefined();
  });

  it('bounded: over 1 MB, not parseable, or naming no key it reads, it is text only, never a crash', () => {
    const big = `db:\n  host: postgres\n  port: 5432\n# ${'x'.repeat(MAX_CONFIG_DOCUMENT)}\n`;
    expect(readConfigDocument(big)).toBeUndefined();
    expect(readConfigDocument('host: [unclosed\n  port: {')).toBeUndefined();
    expect(readConfigDocument('a: 1\nb: 2\n')).toBeUndefined();
    expect(() => read(':\n- - ? [ {\n"host": \t')).not.toThrow();
    // aliases are never expanded (a billion-laughs value costs its own size only)
    const laughs = ['a: &a [host, host]', ...Array.from({ length: 30 }, (_, i) => `${String.fromCharCode(98 + (i % 24))}${i}: &x${i} [${i === 0 ? '*a, *a' : `*x${i - 1}, *x${i - 1}`}]`), 'db:\n  host: pg\n  port: 5432'].join('\n');
    expect(read(laughs)).toEqual(['pg:5432']);
  });

  it('what the text reading finds elsewhere stays: URLs, host:port', () => {
    expect(read('datasources:\n  - name: prom\n    url: http://prometheus:9090\nartifactRepository:\n  s3:\n    endpoint: minio:9000\n')).toEqual(['prometheus:9090', 'minio:9000']);
  });
});

describe('INI, TOML and properties', () => {
  it('`[database]\\nhost = db\\nport = 5432`, at the host line', () => {
    const ini = '; app\n[database]\nhost = db\nport = 5432\nname = app\n[cache]\nhost = redis\n';
    const found = configValueAddresses(ini, 'text', new Map());
    expect(found.map((c) => `${c.host}:${c.port ?? ''} ${c.text}`)).toEqual(['db:5432 host = db (port = 5432)', 'redis: host = redis']);
    expect(lineOf(ini, found[0]?.offset ?? -1)).toBe(3);
  });

  it('TOML: quoted values, `[[servers]]` tables each their own mapping, comments after values', () => {
    const toml = '[[servers]]\nhost = "ldap-a"\nport = 389 # plain\n\n[[servers]]\nhost = "ldap-b"\nport = 636\n';
    expect(read(toml)).toEqual(['ldap-a:389', 'ldap-b:636']);
  });

  it('properties and Kong-like prefixed keys: `spring.redis.host=` + `spring.redis.port=`, `pg_host` + `pg_port`; `server.port` is the app\'s own', () => {
    expect(read('server.port=8080\nspring.redis.host=redis\nspring.redis.port=6379\n')).toEqual(['redis:6379']);
    expect(read('pg_host = postgres\npg_port = 5432\nproxy_listen = 0.0.0.0:8000\n')).toEqual(['postgres:5432']);
  });

  it("Grafana's `[server]` (root_url, domain) is where Grafana itself is served: no destination", () => {
    const grafana = '[server]\nroot_url = https://grafana.example.com/\nhttp_port = 3000\n[database]\ntype = postgres\nhost = pg:5432\n';
    expect(read(grafana)).toEqual(['pg:5432']);
    expect(texts(grafana)).toEqual(['host = pg:5432']);
  });

  it("Fluent Bit's classic format: `[OUTPUT]` with indented `Host`/`Port`; `[SERVICE]`'s HTTP_Listen is its own", () => {
    const conf = '[SERVICE]\n    Flush        1\n    HTTP_Server  On\n    HTTP_Listen  0.0.0.0\n    HTTP_Port    2020\n@INCLUDE input.conf\n\n[OUTPUT]\n    Name            es\n    Match           kube.*\n    Host            elasticsearch\n    Port            9200\n\n[OUTPUT]\n    Name  forward\n    Host  fluentd.logging\n    Port  24224\n';
    const found = configValueAddresses(conf, 'text', new Map());
    expect(found.map((c) => `${c.host}:${c.port ?? ''} ${c.text}`)).toEqual(['elasticsearch:9200 Host elasticsearch (Port 9200)', 'fluentd.logging:24224 Host fluentd.logging (Port 24224)']);
    expect(lineOf(conf, found[0]?.offset ?? -1)).toBe(11);
    expect(conf.slice(found[0]?.offset ?? 0).startsWith('elasticsearch\n')).toBe(true);
    // one form per file: `key = value` lines and `Key Value` lines do not mix
    expect(readConfigDocument('[OUTPUT]\n    Host es\n    port = 9200\n')).toBeUndefined();
    // a script's `[ -n "$X" ]` is no section, a lower-case or unindented `key value` no entry
    expect(readConfigDocument('[ -n "$DB_HOST" ]\n    host db\n')).toBeUndefined();
    expect(readConfigDocument('[output]\n    host es\n')).toBeUndefined();
    expect(readConfigDocument('[OUTPUT]\nhost es\n')).toBeUndefined();
  });

  it('unambiguous only: a script or an nginx.conf is no INI file', () => {
    expect(readConfigDocument('#!/bin/sh\nhost=db\nexec psql -h "$host"\n')).toBeUndefined();
    expect(readConfigDocument('server {\n  listen 80;\n  proxy_pass http://api:8080;\n}\n')).toBeUndefined();
  });
});

const service = (name: string, port: number, extra = '') => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: app}
spec:
  selector: {app: ${name}}
  ports: [{port: ${port}}]${extra}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: app}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: c, image: x, ports: [{containerPort: ${port}}]}]}
---
`;

const CONTROLLER = `apiVersion: apps/v1
kind: Deployment
metadata: {name: controller, namespace: app}
spec:
  selector: {matchLabels: {app: controller}}
  template:
    metadata: {labels: {app: controller}}
    spec:
      containers: [{name: c, image: x}]
      volumes:
        - name: config
          configMap: {name: controller-config}
        - name: secret
          secret: {secretName: controller-secret}
`;

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata: {name: controller-config, namespace: app}
data:
  config.yaml: |
    server:
      host: 0.0.0.0
      port: 8080
    persistence:
      postgresql:
        host: postgres
        port: 5432
    cache:
      host: localhost
      port: 6379
  app.ini: |
    [queue]
    host = rabbit
    port = 5672
---
apiVersion: v1
kind: Secret
metadata: {name: controller-secret, namespace: app}
stringData:
  db.json: |
    {"redis": {"address": "redis", "port": 6379, "password": "s3cret"}}
---
`;

describe('scan: a mounted ConfigMap or Secret with a config file', () => {
  const file = 'app.yaml';
  const text = `${service('postgres', 5432)}${service('rabbit', 5672)}${service('redis', 6379)}${CONFIG}${CONTROLLER}`;
  const scanned = () => {
    const { cluster } = loadManifests([{ path: file, text }]);
    return scanTopology(cluster).value;
  };

  it('controller -> postgres 5432, rabbit 5672, redis 6379; the listen address and localhost give nothing', () => {
    const { links } = scanned();
    expect(links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`)).toEqual([
      'app/controller[Deployment] => app/postgres[Deployment] : TCP 5432',
      'app/controller[Deployment] => app/rabbit[Deployment] : TCP 5672',
      'app/controller[Deployment] => app/redis[Deployment] : TCP 6379',
    ]);
  });

  it('evidence at the exact line of the `host:` entry inside the block scalar; a Secret shows host:port only', () => {
    const lines = text.split('\n');
    const { links } = scanned();
    const at = (dst: string) => {
      const ev = links.find((l) => peerKey(l.dst) === `app/${dst}[Deployment]`)?.evidence[0];
      return ev && ev.kind === 'address' ? ev : undefined;
    };
    const pg = at('postgres');
    expect(pg?.value).toBe('host: postgres (port: 5432)');
    expect(pg?.configMap).toBe('app/controller-config');
    expect(lines[(pg?.at.line ?? 0) - 1]).toBe('        host: postgres');
    expect(pg?.at.column).toBe(15);
    const mq = at('rabbit');
    expect(lines[(mq?.at.line ?? 0) - 1]).toBe('    host = rabbit');
    const redis = at('redis');
    expect(redis?.value).toBe('redis:6379');
    expect(JSON.stringify(links)).not.toContain('s3cret');
  });

  it('a host that names no Service, with its port, is a gap on that port', () => {
    const { cluster } = loadManifests([{ path: file, text: text.replace('host: postgres', 'host: pg-primary') }]);
    const { unresolved } = scanTopology(cluster).value;
    expect(unresolved.map((u) => [u.value, u.reason, u.conns?.toString()])).toEqual([['host: pg-primary (port: 5432)', 'no-such-service', 'TCP 5432']]);
  });

  it('a ConfigMap no workload mounts or references gives no link (Argo\'s controller reads its ConfigMap through the API)', () => {
    const { cluster } = loadManifests([{ path: file, text: text.replace(/ {6}volumes:[\s\S]*$/, '') }]);
    expect(scanTopology(cluster).value.links).toEqual([]);
  });
});

describe('scan: a value over the 1 MB bound', () => {
  it('is read as text only, with one NPC310 note (info) at the value, however many workloads mount it', () => {
    const padding = `    # ${'x'.repeat(MAX_CONFIG_DOCUMENT)}\n`;
    const big = CONFIG.replace('  app.ini: |\n', `${padding.replace(/^ {4}/, '    ')}  app.ini: |\n`);
    expect(big.length).toBeGreaterThan(MAX_CONFIG_DOCUMENT);
    const second = CONTROLLER.replace(/controller/g, 'worker').replace('name: worker-config', 'name: controller-config').replace('secretName: worker-secret', 'secretName: controller-secret');
    const text = `${service('postgres', 5432)}${service('rabbit', 5672)}${service('redis', 6379)}${big}${CONTROLLER}---\n${second}`;
    const { cluster } = loadManifests([{ path: 'app.yaml', text }]);
    const r = scanTopology(cluster);
    const notes = r.diagnostics.filter((d) => d.code === 'NPC310');
    // at the value's key (`config.yaml: |`) in the file
    const keyLine = text.split('\n').indexOf('  config.yaml: |') + 1;
    expect(keyLine).toBeGreaterThan(0);
    expect(notes.map((d) => [d.severity, d.at?.path?.join('.'), d.at?.line])).toEqual([['info', 'data.config.yaml', keyLine]]);
    // config.yaml's pair is not read; the INI file beside it still is
    expect(r.value.links.map((l) => peerKey(l.dst)).filter((d) => d.endsWith('postgres[Deployment]'))).toEqual([]);
    expect(r.value.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)}`)).toContain('app/worker[Deployment] => app/rabbit[Deployment]');
  });
});

describe('properties', () => {
  const key = fc.constantFrom('host', 'hostname', 'server', 'address', 'db_host', 'port', 'db_port', 'listen', 'url', 'name', 'server.port', 'network.host');
  const scalar = fc.oneof(fc.constantFrom('db', 'pg.data', '0.0.0.0', 'minio:9000', 'http://api:8080', '5432', '${X}', '"q"', ''), fc.integer({ min: -1, max: 70000 }).map(String), fc.string({ maxLength: 12 }));
  const yamlLike = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), key, scalar), { maxLength: 12 }).map((entries) => entries.map(([depth, k, v]) => `${'  '.repeat(depth)}${k}: ${v}`).join('\n'));
  const iniLike = fc.array(fc.oneof(fc.constantFrom('[database]', '[server]', '[[servers]]', '; c'), fc.tuple(key, scalar).map(([k, v]) => `${k} = ${v}`)), { maxLength: 12 }).map((l) => l.join('\n'));

  it('never throws, and every address lies inside the value, at a host key\'s value or where the text reading put it', () => {
    fc.assert(
      fc.property(fc.oneof(yamlLike, iniLike, fc.string({ maxLength: 200 })), (value) => {
        const found = configValueAddresses(value, 'text', new Map());
        for (const c of found) {
          expect(c.offset).toBeGreaterThanOrEqual(0);
          expect(c.offset).toBeLessThan(Math.max(value.length, 1));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a host key with a sibling numeric port, at any depth, is exactly that address', () => {
    fc.assert(
      fc.property(fc.constantFrom('host', 'hostname', 'address', 'server'), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/).filter((h) => !['true', 'false', 'null'].includes(h)), fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 3 }), (k, host, port, depth) => {
        const indent = (d: number) => '  '.repeat(d);
        const parents = Array.from({ length: depth }, (_, i) => `${indent(i)}p${i}:`).join('\n');
        const value = `${parents}\n${indent(depth)}${k}: ${host}\n${indent(depth)}port: ${port}\n`;
        const found = configValueAddresses(value, 'text', new Map());
        expect(found.map((c) => `${c.host}:${c.port ?? ''}`)).toEqual([`${host}:${port}`]);
        expect(lineOf(value, found[0]?.offset ?? -1)).toBe(depth + 1);
      }),
      { numRuns: 200 },
    );
  });
});
