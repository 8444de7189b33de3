import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { type Evidence, type Link, type Topology } from '../../src/topology/links.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * Every address form `scan` understands, in every place it looks, each checked for the link it
 * makes (source, destination, connections on the *target* container port) and for its
 * provenance (file, line, YAML path, matched value; for ConfigMaps also the workload's reference).
 */

type Files = Record<string, string>;

function scan(files: Files): Topology {
  const load = loadManifests(Object.entries(files).map(([path, text]) => ({ path, text })));
  const errors = load.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, 'the test manifests load cleanly').toEqual([]);
  return scanTopology(load.cluster).value;
}

/** 1-based line of the first line of `text` containing `needle` (after the `nth` earlier hits). */
function lineOf(text: string, needle: string, nth = 0): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] as string).includes(needle)) {
      if (seen === nth) return i + 1;
      seen++;
    }
  }
  throw new Error(`${JSON.stringify(needle)} not found`);
}

const linkLine = (l: Link) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`;
const linkLines = (t: Topology) => t.links.map(linkLine);

function linkBetween(t: Topology, src: string, dst: string): Link | undefined {
  return t.links.find((l) => peerKey(l.src) === src && peerKey(l.dst) === dst);
}

function addressEvidence(l: Link | undefined): Extract<Evidence, { kind: 'address' }>[] {
  return (l?.evidence ?? []).filter((e): e is Extract<Evidence, { kind: 'address' }> => e.kind === 'address');
}

// --- the application ------------------------------------------------------------------------------
// shop/db: Service ports pg 5432 -> 15432 and metrics 9187 -> named target `prom` (9188 on the pod).
// shop/cache: Service port 6379 -> 6380, UDP port 8125 -> 8125 (statsd).

const SERVICES = `apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: shop
spec:
  selector:
    app: db
  ports:
    - name: pg
      port: 5432
      targetPort: 15432
    - name: metrics
      port: 9187
      targetPort: prom
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: shop
spec:
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: postgres
          image: postgres
          ports:
            - name: pg
              containerPort: 15432
            - name: prom
              containerPort: 9188
---
apiVersion: v1
kind: Service
metadata:
  name: cache
  namespace: shop
spec:
  selector:
    app: cache
  ports:
    - name: redis
      port: 6379
      targetPort: 6380
    - name: statsd
      port: 8125
      protocol: UDP
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cache
  namespace: shop
spec:
  selector:
    matchLabels:
      app: cache
  template:
    metadata:
      labels:
        app: cache
    spec:
      containers:
        - name: redis
          image: redis
          ports:
            - containerPort: 6380
            - containerPort: 8125
              protocol: UDP
`;

const DB = 'shop/db[StatefulSet]';
const CACHE = 'shop/cache[Deployment]';
const ENV_PATH = ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'];

/** A client Deployment in `namespace` with one env var holding `value`. */
function client(namespace: string, value: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: client
  namespace: ${namespace}
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
            - name: TARGET
              value: ${JSON.stringify(value)}
`;
}

interface FormCase {
  /** The env value. */
  readonly value: string;
  /** Namespace of the client. */
  readonly ns: string;
  /** Destination workload and the expected connections. */
  readonly dst: string;
  readonly conns: string;
  /** The text the scanner must report as matched. */
  readonly matched: string;
}

const ALL_DB = 'TCP 9188,15432';
const forms: FormCase[] = [
  // host forms
  { value: 'db', ns: 'shop', dst: DB, conns: ALL_DB, matched: 'db' },
  { value: 'db.shop', ns: 'other', dst: DB, conns: ALL_DB, matched: 'db.shop' },
  { value: 'db.shop.svc', ns: 'other', dst: DB, conns: ALL_DB, matched: 'db.shop.svc' },
  { value: 'db.shop.svc.cluster.local', ns: 'other', dst: DB, conns: ALL_DB, matched: 'db.shop.svc.cluster.local' },
  { value: 'db.shop', ns: 'shop', dst: DB, conns: ALL_DB, matched: 'db.shop' },
  { value: 'DB.Shop.SVC.cluster.local:5432', ns: 'other', dst: DB, conns: 'TCP 15432', matched: 'DB.Shop.SVC.cluster.local:5432' },
  // ports: a Service port number (never the container port), a Service port name
  { value: 'db:5432', ns: 'shop', dst: DB, conns: 'TCP 15432', matched: 'db:5432' },
  { value: 'db.shop:5432', ns: 'other', dst: DB, conns: 'TCP 15432', matched: 'db.shop:5432' },
  { value: 'db.shop.svc:5432', ns: 'other', dst: DB, conns: 'TCP 15432', matched: 'db.shop.svc:5432' },
  { value: 'db.shop.svc.cluster.local:5432', ns: 'other', dst: DB, conns: 'TCP 15432', matched: 'db.shop.svc.cluster.local:5432' },
  { value: 'db:pg', ns: 'shop', dst: DB, conns: 'TCP 15432', matched: 'db:pg' },
  { value: 'db.shop:metrics', ns: 'other', dst: DB, conns: 'TCP 9188', matched: 'db.shop:metrics' },
  { value: 'db.shop.svc.cluster.local:9187', ns: 'other', dst: DB, conns: 'TCP 9188', matched: 'db.shop.svc.cluster.local:9187' },
  // schemes, paths, user info
  { value: 'http://db.shop:5432', ns: 'other', dst: DB, conns: 'TCP 15432', matched: 'http://db.shop:5432' },
  { value: 'https://db.shop.svc:5432/api/v1?x=1#top', ns: 'other', dst: DB, conns: 'TCP 15432', matched: 'https://db.shop.svc:5432' },
  { value: 'grpc://db.shop.svc.cluster.local:5432', ns: 'other', dst: DB, conns: 'TCP 15432', matched: 'grpc://db.shop.svc.cluster.local:5432' },
  { value: 'redis://cache:6379/0', ns: 'shop', dst: CACHE, conns: 'TCP 6380', matched: 'redis://cache:6379' },
  { value: 'redis://cache.shop.svc.cluster.local:redis', ns: 'other', dst: CACHE, conns: 'TCP 6380', matched: 'redis://cache.shop.svc.cluster.local:redis' },
  { value: 'http://db.shop/metrics', ns: 'other', dst: DB, conns: ALL_DB, matched: 'http://db.shop' },
  { value: 'http://db/metrics', ns: 'shop', dst: DB, conns: ALL_DB, matched: 'http://db' },
  { value: 'postgres://user@db.shop:5432/orders', ns: 'other', dst: DB, conns: 'TCP 15432', matched: 'postgres://user@db.shop:5432' },
  // an address without a port reaches every Service port, UDP ones included
  { value: 'cache.shop', ns: 'other', dst: CACHE, conns: 'TCP 6380,UDP 8125', matched: 'cache.shop' },
  { value: 'cache.shop:8125', ns: 'other', dst: CACHE, conns: 'UDP 8125', matched: 'cache.shop:8125' },
  { value: 'cache:statsd', ns: 'shop', dst: CACHE, conns: 'UDP 8125', matched: 'cache:statsd' },
  // inside longer strings
  { value: 'cache.shop:6379,db.shop:5432', ns: 'other', dst: DB, conns: 'TCP 15432', matched: 'db.shop:5432' },
  { value: 'cache.shop:6379, db.shop:5432 ;x', ns: 'other', dst: CACHE, conns: 'TCP 6380', matched: 'cache.shop:6379' },
  // a JDBC URL is `jdbc:` before a URL: the URL after the prefix, scheme and all, is the address
  { value: 'jdbc:mysql://db.shop:5432/x?useSSL=false', ns: 'other', dst: DB, conns: 'TCP 15432', matched: 'mysql://db.shop:5432' },
  { value: 'jdbc:postgresql://db.shop.svc.cluster.local:5432/orders', ns: 'other', dst: DB, conns: 'TCP 15432', matched: 'postgresql://db.shop.svc.cluster.local:5432' },
  { value: 'host=db.shop port=5432', ns: 'other', dst: DB, conns: ALL_DB, matched: 'db.shop' },
  { value: '"db.shop:5432"', ns: 'other', dst: DB, conns: 'TCP 15432', matched: 'db.shop:5432' },
];

describe('address forms: link and provenance', () => {
  it.each(forms)('$value from namespace $ns', ({ value, ns, dst, conns, matched }) => {
    const clientYaml = client(ns, value);
    const t = scan({ 'svc.yaml': SERVICES, 'client.yaml': clientYaml });
    const src = `${ns}/client[Deployment]`;
    const link = linkBetween(t, src, dst);
    expect(link, `${src} => ${dst} in\n${linkLines(t).join('\n')}`).toBeDefined();
    expect(link?.conns.toString()).toBe(conns);
    const ev = addressEvidence(link);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({
      at: { file: 'client.yaml', line: lineOf(clientYaml, 'value:'), path: ENV_PATH },
      value: matched,
      service: dst === DB ? 'shop/db' : 'shop/cache',
    });
    expect(ev[0]?.via).toBeUndefined();
    // the client makes no other link to the workloads (only the one its value names)
    const others = t.links.filter((l) => peerKey(l.src) === src && peerKey(l.dst) !== dst && l.dst.kind === 'workload');
    if (!value.includes(',')) expect(others.map(linkLine)).toEqual([]);
  });

  it('a bare Service name matches only in the client\'s own namespace', () => {
    for (const value of ['db', 'db:5432', 'http://db:5432', 'db:pg']) {
      const t = scan({ 'svc.yaml': SERVICES, 'client.yaml': client('other', value) });
      expect(linkLines(t), value).toEqual([]);
    }
    // and a same-named Service in the client's namespace wins over shop/db
    const own = `apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: other
spec:
  selector:
    app: otherdb
  ports:
    - port: 5432
---
apiVersion: v1
kind: Pod
metadata:
  name: otherdb
  namespace: other
  labels:
    app: otherdb
spec:
  containers:
    - name: db
      image: db
`;
    const t = scan({ 'svc.yaml': SERVICES, 'own.yaml': own, 'client.yaml': client('other', 'db:5432') });
    expect(linkLines(t)).toEqual(['other/client[Deployment] => other/otherdb[Pod] : TCP 5432']);
  });

  it('a password in the user info is not part of the port and the link still resolves', () => {
    const value = 'postgres://user:pw@db.shop:5432/db';
    const t = scan({ 'svc.yaml': SERVICES, 'client.yaml': client('other', value) });
    const link = linkBetween(t, 'other/client[Deployment]', DB);
    expect(link?.conns.toString()).toBe('TCP 15432');
    const ev = addressEvidence(link);
    expect(ev).toHaveLength(1);
    expect(ev[0]?.value).toContain('db.shop:5432');
  });

  // BUG (reported): the matched value keeps the password of `user:pw@`, and it goes into the scan
  // output, the PR comment and the committed policies' netpol-ci.io/rules annotation.
  it('the matched value does not carry a password from the URL user info', () => {
    const value = 'postgres://user:s3cret@db.shop:5432/db';
    const t = scan({ 'svc.yaml': SERVICES, 'client.yaml': client('other', value) });
    const ev = addressEvidence(linkBetween(t, 'other/client[Deployment]', DB));
    expect(ev[0]?.value).not.toContain('s3cret');
  });
});

// --- where addresses are found ----------------------------------------------------------------------

describe('where addresses are found', () => {
  it('env value, args, command and init containers each give their own evidence', () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  namespace: shop
spec:
  selector:
    matchLabels:
      app: worker
  template:
    metadata:
      labels:
        app: worker
    spec:
      initContainers:
        - name: wait
          image: busybox
          command:
            - sh
            - -c
            - until nc -z db.shop.svc.cluster.local 5432; do sleep 1; done
          args:
            - --wait-for=cache:6379
      containers:
        - name: main
          image: worker
          command:
            - /worker
            - --db=db:pg
          args:
            - --cache
            - redis://cache.shop:6379
          env:
            - name: PLAIN
              value: "plain text without addresses 8080"
            - name: STATSD
              value: "cache.shop.svc:8125"
`;
    const t = scan({ 'svc.yaml': SERVICES, 'w.yaml': yaml });
    // `nc -z HOST 5432` connects to 5432 alone (the pg port, target 15432): never the metrics port too
    expect(linkLines(t)).toEqual(['shop/worker[Deployment] => shop/cache[Deployment] : TCP 6380,UDP 8125', 'shop/worker[Deployment] => shop/db[StatefulSet] : TCP 15432']);
    const dbEv = addressEvidence(linkBetween(t, 'shop/worker[Deployment]', DB));
    const cacheEv = addressEvidence(linkBetween(t, 'shop/worker[Deployment]', CACHE));
    const pod = ['spec', 'template', 'spec'];
    expect(dbEv.map((e) => ({ line: e.at.line, path: e.at.path, value: e.value }))).toEqual(
      expect.arrayContaining([
        { line: lineOf(yaml, 'until nc'), path: [...pod, 'initContainers', 0, 'command', 2], value: 'db.shop.svc.cluster.local 5432' },
        { line: lineOf(yaml, '--db=db:pg'), path: [...pod, 'containers', 0, 'command', 1], value: 'db:pg' },
      ]),
    );
    expect(dbEv).toHaveLength(2);
    expect(cacheEv.map((e) => ({ line: e.at.line, path: e.at.path, value: e.value }))).toEqual(
      expect.arrayContaining([
        { line: lineOf(yaml, '--wait-for'), path: [...pod, 'initContainers', 0, 'args', 0], value: 'cache:6379' },
        { line: lineOf(yaml, 'redis://cache.shop'), path: [...pod, 'containers', 0, 'args', 1], value: 'redis://cache.shop:6379' },
        { line: lineOf(yaml, 'cache.shop.svc:8125'), path: [...pod, 'containers', 0, 'env', 1, 'value'], value: 'cache.shop.svc:8125' },
      ]),
    );
    expect(cacheEv).toHaveLength(3);
    for (const e of [...dbEv, ...cacheEv]) expect(e.at.file).toBe('w.yaml');
  });

  const CONFIGMAPS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  DATABASE_URL: postgres://app@db.shop.svc.cluster.local:5432/orders
  GREETING: hello world
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: env-all
  namespace: shop
data:
  CACHE_ADDR: cache:6379
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: files
  namespace: shop
data:
  app.properties: |
    # settings
    spring.datasource.url=jdbc:postgresql://db.shop:5432/orders
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: projected
  namespace: shop
data:
  statsd.conf: "target = cache.shop.svc:8125"
`;

  const CONSUMER = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: consumer
  namespace: shop
spec:
  selector:
    matchLabels:
      app: consumer
  template:
    metadata:
      labels:
        app: consumer
    spec:
      containers:
        - name: main
          image: consumer
          env:
            - name: DATABASE_URL
              valueFrom:
                configMapKeyRef:
                  name: settings
                  key: DATABASE_URL
          envFrom:
            - configMapRef:
                name: env-all
      volumes:
        - name: config
          configMap:
            name: files
        - name: more
          projected:
            sources:
              - configMap:
                  name: projected
`;

  it('ConfigMap references: the ConfigMap line, and `via` the workload\'s reference', () => {
    const t = scan({ 'cm.yaml': CONFIGMAPS, 'svc.yaml': SERVICES, 'consumer.yaml': CONSUMER });
    expect(linkLines(t)).toEqual(['shop/consumer[Deployment] => shop/cache[Deployment] : TCP 6380,UDP 8125', 'shop/consumer[Deployment] => shop/db[StatefulSet] : TCP 15432']);
    const pod = ['spec', 'template', 'spec'];
    const db = addressEvidence(linkBetween(t, 'shop/consumer[Deployment]', DB));
    const cache = addressEvidence(linkBetween(t, 'shop/consumer[Deployment]', CACHE));
    const simplify = (e: Extract<Evidence, { kind: 'address' }>) => ({
      at: `${e.at.file}:${e.at.line}`,
      path: e.at.path,
      value: e.value,
      via: e.via ? `${e.via.file}:${e.via.line}` : undefined,
      viaPath: e.via?.path,
    });
    expect(db.map(simplify)).toEqual(
      expect.arrayContaining([
        // valueFrom.configMapKeyRef
        {
          at: `cm.yaml:${lineOf(CONFIGMAPS, 'DATABASE_URL:')}`,
          path: ['data', 'DATABASE_URL'],
          value: 'postgres://app@db.shop.svc.cluster.local:5432',
          via: `consumer.yaml:${lineOf(CONSUMER, 'configMapKeyRef:')}`,
          viaPath: [...pod, 'containers', 0, 'env', 0, 'valueFrom', 'configMapKeyRef'],
        },
        // a ConfigMap mounted as a volume: its files are configuration the container reads
        {
          // inside a block scalar: the line that holds the value, not the key's line
          at: `cm.yaml:${lineOf(CONFIGMAPS, 'spring.datasource.url')}`,
          path: ['data', 'app.properties'],
          value: 'postgresql://db.shop:5432',
          via: `consumer.yaml:${lineOf(CONSUMER, 'configMap:')}`,
          viaPath: [...pod, 'volumes', 0, 'configMap'],
        },
      ]),
    );
    expect(db).toHaveLength(2);
    expect(cache.map(simplify)).toEqual(
      expect.arrayContaining([
        // envFrom.configMapRef
        {
          at: `cm.yaml:${lineOf(CONFIGMAPS, 'CACHE_ADDR:')}`,
          path: ['data', 'CACHE_ADDR'],
          value: 'cache:6379',
          via: `consumer.yaml:${lineOf(CONSUMER, '- configMapRef:')}`,
          viaPath: [...pod, 'containers', 0, 'envFrom', 0, 'configMapRef'],
        },
        // a projected ConfigMap volume
        {
          at: `cm.yaml:${lineOf(CONFIGMAPS, 'statsd.conf:')}`,
          path: ['data', 'statsd.conf'],
          value: 'cache.shop.svc:8125',
          via: `consumer.yaml:${lineOf(CONSUMER, '- configMap:')}`,
          viaPath: [...pod, 'volumes', 1, 'projected', 'sources', 0, 'configMap'],
        },
      ]),
    );
    expect(cache).toHaveLength(2);
  });

  it('a ConfigMap is looked up in the workload\'s own namespace only', () => {
    const elsewhere = CONSUMER.replace('namespace: shop', 'namespace: other');
    const t = scan({ 'cm.yaml': CONFIGMAPS, 'svc.yaml': SERVICES, 'consumer.yaml': elsewhere });
    expect(linkLines(t)).toEqual([]);
  });

  const POD_SPEC = `containers:
  - name: main
    image: app
    env:
      - name: DB
        value: db.shop:5432`;
  const indent = (text: string, n: number) => text.replace(/^/gm, ' '.repeat(n));
  const TEMPLATE = `template:
${indent(`metadata:
  labels:
    app: job-like
spec:
${indent(POD_SPEC, 2)}`, 2)}`;

  const kinds: { kind: string; apiVersion: string; body: string; specPath: (string | number)[] }[] = [
    { kind: 'Deployment', apiVersion: 'apps/v1', body: `spec:\n${indent(TEMPLATE, 2)}`, specPath: ['spec', 'template', 'spec'] },
    { kind: 'StatefulSet', apiVersion: 'apps/v1', body: `spec:\n${indent(TEMPLATE, 2)}`, specPath: ['spec', 'template', 'spec'] },
    { kind: 'DaemonSet', apiVersion: 'apps/v1', body: `spec:\n${indent(TEMPLATE, 2)}`, specPath: ['spec', 'template', 'spec'] },
    { kind: 'ReplicaSet', apiVersion: 'apps/v1', body: `spec:\n${indent(TEMPLATE, 2)}`, specPath: ['spec', 'template', 'spec'] },
    { kind: 'ReplicationController', apiVersion: 'v1', body: `spec:\n${indent(TEMPLATE, 2)}`, specPath: ['spec', 'template', 'spec'] },
    { kind: 'Job', apiVersion: 'batch/v1', body: `spec:\n${indent(TEMPLATE, 2)}`, specPath: ['spec', 'template', 'spec'] },
    {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      body: `spec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n${indent(TEMPLATE, 6)}`,
      specPath: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    },
    { kind: 'Pod', apiVersion: 'v1', body: `spec:\n${indent(POD_SPEC, 2)}`, specPath: ['spec'] },
  ];

  it.each(kinds)('every workload kind: $kind', ({ kind, apiVersion, body, specPath }) => {
    const yaml = `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: caller
  namespace: other
${kind === 'Pod' ? '  labels:\n    app: job-like\n' : ''}${body}
`;
    const t = scan({ 'svc.yaml': SERVICES, 'caller.yaml': yaml });
    expect(linkLines(t)).toEqual([`other/caller[${kind}] => shop/db[StatefulSet] : TCP 15432`]);
    const ev = addressEvidence(t.links[0]);
    expect(ev).toEqual([
      expect.objectContaining({ at: expect.objectContaining({ file: 'caller.yaml', line: lineOf(yaml, 'value: db.shop:5432'), path: [...specPath, 'containers', 0, 'env', 0, 'value'] }), value: 'db.shop:5432' }),
    ]);
  });

  it('a named targetPort is resolved per destination pod', () => {
    // one Service over two StatefulSets that give the `prom` port different numbers
    const two = `apiVersion: v1
kind: Service
metadata:
  name: metrics
  namespace: shop
spec:
  selector:
    tier: data
  ports:
    - name: http
      port: 80
      targetPort: prom
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: pg
  namespace: shop
spec:
  template:
    metadata:
      labels:
        tier: data
        app: pg
    spec:
      containers:
        - name: main
          image: pg
          ports:
            - name: prom
              containerPort: 9187
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: mysql
  namespace: shop
spec:
  template:
    metadata:
      labels:
        tier: data
        app: mysql
    spec:
      containers:
        - name: main
          image: mysql
          ports:
            - name: prom
              containerPort: 9104
            - name: prom-udp
              containerPort: 9105
              protocol: UDP
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: noport
  namespace: shop
spec:
  template:
    metadata:
      labels:
        tier: data
        app: noport
    spec:
      containers:
        - name: main
          image: x
`;
    const t = scan({ 'two.yaml': two, 'client.yaml': client('shop', 'http://metrics:80/metrics') });
    // noport declares no `prom` port: the Service reaches nothing there, so no link
    expect(linkLines(t)).toEqual([
      'shop/client[Deployment] => shop/mysql[StatefulSet] : TCP 9104',
      'shop/client[Deployment] => shop/pg[StatefulSet] : TCP 9187',
    ]);
  });

  it('a Service port without targetPort targets the same port number', () => {
    const svc = SERVICES.replace('      targetPort: 15432\n', '');
    const t = scan({ 'svc.yaml': svc, 'client.yaml': client('other', 'db.shop:5432') });
    expect(linkLines(t)).toEqual(['other/client[Deployment] => shop/db[StatefulSet] : TCP 5432']);
  });

  it('evidence from several places accumulates on one link, with connections unioned', () => {
    const yaml = client('other', 'db.shop:5432').replace(
      '              value: "db.shop:5432"\n',
      '              value: "db.shop:5432"\n            - name: METRICS\n              value: "http://db.shop.svc:9187/metrics"\n',
    );
    const t = scan({ 'svc.yaml': SERVICES, 'client.yaml': yaml });
    expect(linkLines(t)).toEqual(['other/client[Deployment] => shop/db[StatefulSet] : TCP 9188,15432']);
    expect(addressEvidence(t.links[0]).map((e) => e.at.line)).toEqual([lineOf(yaml, 'db.shop:5432'), lineOf(yaml, 'db.shop.svc:9187')]);
  });

  it('a workload does not link to itself through its own Service', () => {
    const self = SERVICES.replace('            - name: pg\n              containerPort: 15432\n', '            - name: pg\n              containerPort: 15432\n          env:\n            - name: SELF\n              value: db:5432\n');
    const t = scan({ 'svc.yaml': self });
    expect(linkLines(t)).toEqual([]);
    expect(t.unresolved).toEqual([]);
  });
});
