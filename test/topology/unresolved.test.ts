import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { type Link, type Topology, type Unresolved } from '../../src/topology/links.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * What looks like an address but is not a link: each unresolved case is listed with its
 * file:line and reason, never silently dropped; external addresses become egress links where a
 * NetworkPolicy can express them (an IP), and are reported where it cannot (a hostname).
 */

function scan(files: Record<string, string>): Topology {
  const load = loadManifests(Object.entries(files).map(([path, text]) => ({ path, text })));
  expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scanTopology(load.cluster).value;
}

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  return i + 1;
}

const linkLine = (l: Link) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`;
const brief = (u: Unresolved) => ({ workload: `${u.workload.namespace}/${u.workload.name}[${u.workload.kind}]`, value: u.value, reason: u.reason, at: `${u.at.file}:${u.at.line}` });

const APP = `apiVersion: v1
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
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: postgres
          ports:
            - containerPort: 15432
---
apiVersion: v1
kind: Service
metadata:
  name: ghost
  namespace: shop
spec:
  selector:
    app: ghost
  ports:
    - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: manual
  namespace: shop
spec:
  ports:
    - port: 80
`;

/** A Pod in shop whose args are the given values, one per line. */
function caller(values: readonly string[]): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: caller
  namespace: shop
  labels:
    app: caller
spec:
  containers:
    - name: main
      image: caller
      args:
${values.map((v) => `        - ${JSON.stringify(v)}`).join('\n')}
`;
}

const CALLER = 'shop/caller[Pod]';

function only(value: string): { t: Topology; yaml: string; line: number } {
  const yaml = caller([value]);
  return { t: scan({ 'app.yaml': APP, 'caller.yaml': yaml }), yaml, line: lineOf(yaml, JSON.stringify(value)) };
}

describe('unresolved addresses, with file:line', () => {
  it('a name with a port that matches no Service', () => {
    const { t, line } = only('nosuch:8080');
    expect(t.links).toEqual([]);
    expect(t.unresolved.map(brief)).toEqual([{ workload: CALLER, value: 'nosuch:8080', reason: 'no-such-service', at: `caller.yaml:${line}` }]);
    expect(t.unresolved[0]?.at.path).toEqual(['spec', 'containers', 0, 'args', 0]);
    expect(t.unresolved[0]?.detail).toContain('nosuch');
  });

  it('every explicit form of an unknown Service is reported: scheme, port, cluster suffix', () => {
    const values = ['http://nosuch', 'nosuch.shop:80', 'nosuch.other.svc.cluster.local', 'grpc://nosuch.shop.svc:9000'];
    const yaml = caller(values);
    const t = scan({ 'app.yaml': APP, 'caller.yaml': yaml });
    expect(t.links).toEqual([]);
    expect(t.unresolved.map(brief)).toEqual(
      values.map((v) => ({ workload: CALLER, value: v, reason: 'no-such-service', at: `caller.yaml:${lineOf(yaml, v)}` })),
    );
  });

  it('a bare word that names nothing is not an address and is not reported', () => {
    const { t } = only('--mode fast');
    expect(t.links).toEqual([]);
    expect(t.unresolved).toEqual([]);
  });

  it('a known Service with a wrong port: no link, reported as no-such-port', () => {
    for (const value of ['db:9999', 'db.shop:15432', 'postgres://db.shop.svc.cluster.local:mysql/x']) {
      const { t, line } = only(value);
      expect(t.links.map(linkLine), value).toEqual([]);
      const matched = value.replace('/x', '');
      expect(t.unresolved.map(brief), value).toEqual([{ workload: CALLER, value: matched, reason: 'no-such-port', at: `caller.yaml:${line}` }]);
      expect(t.unresolved[0]?.detail).toContain('shop/db');
    }
  });

  it('a Service that selects nothing, or has no selector: no-endpoints', () => {
    const yaml = caller(['ghost:80', 'http://manual.shop.svc.cluster.local']);
    const t = scan({ 'app.yaml': APP, 'caller.yaml': yaml });
    expect(t.links).toEqual([]);
    expect(t.unresolved.map(brief)).toEqual([
      { workload: CALLER, value: 'ghost:80', reason: 'no-endpoints', at: `caller.yaml:${lineOf(yaml, 'ghost:80')}` },
      { workload: CALLER, value: 'http://manual.shop.svc.cluster.local', reason: 'no-endpoints', at: `caller.yaml:${lineOf(yaml, 'manual.shop')}` },
    ]);
  });

  it('an unresolved value in a ConfigMap has the ConfigMap line and the reference', () => {
    const cm = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
  namespace: shop
data:
  UPSTREAM: http://nosuch.shop:8080
`;
    const w = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: web
          envFrom:
            - configMapRef:
                name: cfg
`;
    const t = scan({ 'app.yaml': APP, 'cm.yaml': cm, 'web.yaml': w });
    expect(t.unresolved).toHaveLength(1);
    const u = t.unresolved[0] as Unresolved;
    expect(brief(u)).toEqual({ workload: 'shop/web[Deployment]', value: 'http://nosuch.shop:8080', reason: 'no-such-service', at: `cm.yaml:${lineOf(cm, 'UPSTREAM')}` });
    expect(u.at.path).toEqual(['data', 'UPSTREAM']);
    expect(u.via).toMatchObject({ file: 'web.yaml', line: lineOf(w, 'configMapRef'), path: ['spec', 'template', 'spec', 'containers', 0, 'envFrom', 0, 'configMapRef'] });
  });

  it('unresolved entries are sorted by file and line', () => {
    const yaml = caller(['zzz:1', 'aaa:2', 'db:1']);
    const t = scan({ 'app.yaml': APP, 'b.yaml': yaml, 'a.yaml': yaml.replace('name: caller', 'name: caller2').replace('app: caller', 'app: caller2') });
    expect(t.unresolved.map((u) => `${u.at.file}:${u.at.line} ${u.value}`)).toEqual([
      `a.yaml:${lineOf(yaml, 'zzz:1')} zzz:1`,
      `a.yaml:${lineOf(yaml, 'aaa:2')} aaa:2`,
      `a.yaml:${lineOf(yaml, 'db:1')} db:1`,
      `b.yaml:${lineOf(yaml, 'zzz:1')} zzz:1`,
      `b.yaml:${lineOf(yaml, 'aaa:2')} aaa:2`,
      `b.yaml:${lineOf(yaml, 'db:1')} db:1`,
    ]);
  });
});

describe('external addresses', () => {
  it('a public hostname is reported as external-hostname, not a link', () => {
    const values = ['api.stripe.com:443', 'https://hooks.slack.com/services/x', 'smtp.example.org'];
    const yaml = caller(values);
    const t = scan({ 'app.yaml': APP, 'caller.yaml': yaml });
    expect(t.links).toEqual([]);
    expect(t.unresolved.map(brief)).toEqual([
      { workload: CALLER, value: 'api.stripe.com:443', reason: 'external-hostname', at: `caller.yaml:${lineOf(yaml, 'api.stripe.com')}` },
      { workload: CALLER, value: 'https://hooks.slack.com', reason: 'external-hostname', at: `caller.yaml:${lineOf(yaml, 'hooks.slack.com')}` },
      { workload: CALLER, value: 'smtp.example.org', reason: 'external-hostname', at: `caller.yaml:${lineOf(yaml, 'smtp.example.org')}` },
    ]);
    expect(t.unresolved[0]?.detail).toContain('api.stripe.com');
  });

  it('a literal IP with a port is an egress link to that /32 on TCP port', () => {
    const { t, line } = only('203.0.113.7:5432');
    expect(t.links.map(linkLine)).toEqual([`${CALLER} => 203.0.113.7-203.0.113.7[External] : TCP 5432`]);
    const link = t.links[0] as Link;
    expect(link.dst).toEqual({ kind: 'external', range: { family: 4, lo: 0xcb007107n, hi: 0xcb007107n } });
    expect(link.evidence).toEqual([expect.objectContaining({ kind: 'address', value: '203.0.113.7:5432', at: expect.objectContaining({ file: 'caller.yaml', line, path: ['spec', 'containers', 0, 'args', 0] }) })]);
    expect(t.unresolved).toEqual([]);
  });

  it('a literal IP in a URL or a list; without a port it is all connections to the /32', () => {
    const yaml = caller(['postgres://u@203.0.113.7:5432/db', 'nodes=198.51.100.1:9042,198.51.100.2:9042', '198.51.100.9']);
    const t = scan({ 'app.yaml': APP, 'caller.yaml': yaml });
    expect(t.links.map(linkLine)).toEqual([
      `${CALLER} => 198.51.100.1-198.51.100.1[External] : TCP 9042`,
      `${CALLER} => 198.51.100.2-198.51.100.2[External] : TCP 9042`,
      `${CALLER} => 198.51.100.9-198.51.100.9[External] : All Connections`,
      `${CALLER} => 203.0.113.7-203.0.113.7[External] : TCP 5432`,
    ]);
  });

  it('loopback 127.0.0.0/8 is ignored: no link, nothing unresolved', () => {
    const yaml = caller(['127.0.0.1:8080', 'http://127.0.0.1:9090/metrics', '127.1.2.3:53']);
    const t = scan({ 'app.yaml': APP, 'caller.yaml': yaml });
    expect(t.links).toEqual([]);
    expect(t.unresolved).toEqual([]);
  });

  // BUG (reported): `localhost` and `[::1]` are loopback too, but are listed as unresolved
  // "no Service matches localhost" (noise on every sidecar-style config).
  it('localhost and [::1] are loopback and ignored', () => {
    const t = scan({ 'app.yaml': APP, 'caller.yaml': caller(['localhost:8080', 'http://localhost:9090', '[::1]:8080']) });
    expect(t.links).toEqual([]);
    expect(t.unresolved).toEqual([]);
  });

  // BUG (reported): a listen address such as `--listen=0.0.0.0:9090` becomes an egress link to
  // 0.0.0.0/32 and an ipBlock rule in the synthesized policy.
  it('the unspecified address 0.0.0.0 (a bind address) is not a destination', () => {
    const t = scan({ 'app.yaml': APP, 'caller.yaml': caller(['--listen=0.0.0.0:9090']) });
    expect(t.links.map(linkLine)).toEqual([]);
  });

  // BUG (reported): a port out of range (`:99999`) widens the egress link to All Connections.
  it('an IP with an out-of-range port does not widen to all connections', () => {
    const t = scan({ 'app.yaml': APP, 'caller.yaml': caller(['203.0.113.7:99999']) });
    expect(t.links.map(linkLine)).not.toContain(`${CALLER} => 203.0.113.7-203.0.113.7[External] : All Connections`);
  });

  // BUG (reported): an IPv6 literal is "no Service matches [2001:db8::7]" instead of an egress
  // link to the /128, which an ipBlock can express.
  it('an IPv6 literal is an egress link to its /128', () => {
    const t = scan({ 'app.yaml': APP, 'caller.yaml': caller(['[2001:db8::7]:443']) });
    expect(t.links.map(linkLine)).toEqual([`${CALLER} => 2001:db8::7-2001:db8::7[External] : TCP 443`]);
  });
});

describe('an unresolved address that names another namespace', () => {
  it('carries that namespace (a gap closure opens it, not the client\'s); a name without one, or naming the client\'s own, carries none', () => {
    const client = (value: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: shop}
spec:
  template:
    metadata: {labels: {app: client}}
    spec:
      containers: [{name: c, image: x, env: [{name: COLLECTOR_ADDR, value: "${value}"}]}]
`;
    const ns = (value: string) => scan({ 'app.yaml': client(value) }).unresolved.map((u) => `${u.reason} ${u.namespace ?? '-'}`);
    expect(ns('oc-collector.tracing:55678')).toEqual(['no-such-service tracing']);
    expect(ns('zipkin.jaeger.svc.cluster.local:9411')).toEqual(['no-such-service jaeger']);
    expect(ns('collector:4317')).toEqual(['no-such-service -']);
    expect(ns('collector.shop.svc:4317')).toEqual(['no-such-service -']);
  });
});
