import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, runCli, type CliResult } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { startKubeApiServer, type FakeCluster, type KubeObject } from '../helpers/kube-api-server.js';
import { deployment, namespace, served, service, statefulSet } from '../helpers/kube-objects.js';

/**
 * `--traffic` with `--cluster`: the live cluster (the real kubectl against a fake API server) is
 * the snapshot that maps a trace's pod and Service addresses to workloads. The trace here is plain
 * connection lines, addresses only: without a snapshot none of it resolves.
 */

afterAll(cleanupTempDirs);

const NODE = '10.0.0.11';

/** A workload's objects with its pod running at `ip` on the node. */
function at(ip: string, objects: KubeObject[]): KubeObject[] {
  return objects.map((o) => (o.kind === 'Pod' ? { ...o, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], hostIP: NODE } } : o));
}

function clusterIp(o: KubeObject, ip: string): KubeObject {
  return { ...o, spec: { ...(o.spec as object), clusterIP: ip, clusterIPs: [ip] } };
}

const WEB = at('10.244.1.10', deployment('shop', 'web', 8080, { env: [{ name: 'API_URL', value: 'http://api:8080' }], portName: 'http' }));
const API = at('10.244.1.20', deployment('shop', 'api', 8080, { env: [{ name: 'DATABASE_HOST', value: 'postgres://app@postgres-0.postgres/orders' }] }));
const PG = at('10.244.2.30', statefulSet('shop', 'postgres', 5432, { image: 'docker.io/library/postgres:16' }));
const SERVICES = [clusterIp(service('shop', 'web', 80, 8080), '10.96.0.80'), clusterIp(service('shop', 'api', 8080), '10.96.0.81')];

/** A second node that runs none of these pods: only the Node object tells that its address is a node's. */
const NODE_B: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-b' }, status: { addresses: [{ type: 'InternalIP', address: '10.0.0.12' }, { type: 'Hostname', address: 'node-b' }] } };

const CLUSTER: FakeCluster = { objects: [namespace('shop'), ...WEB, ...API, ...PG, ...SERVICES, NODE_B] };

/** What the trace shows, one line per case. */
const TRACE_LINES = [
  '10.244.1.10:41000 -> 10.96.0.81:8080 tcp', // web -> the api Service: declared too (API_URL)
  '10.244.1.20:42000 -> 10.244.2.30:5432 tcp', // api -> the postgres pod: declared too
  '10.0.0.11:50000 -> 10.244.1.10:8080 tcp', // the node to web: a kubelet probe
  '10.244.1.20:43000 -> 10.96.0.80:80 tcp', // api -> the web Service on 80: only the trace shows it
  '10.244.1.20:43001 -> 10.96.0.80:80 tcp',
  '10.244.1.10:44000 -> 198.51.100.7:443 tcp', // an outside address: unresolved, for review
  '10.0.0.12:50001 -> 10.244.1.20:8080 tcp', // node-b to api: a probe, known from the Node object only
];

function trace(dir: string): string {
  const file = path.join(dir, 'trace.txt');
  writeFileSync(file, `${TRACE_LINES.join('\n')}\n`);
  return file;
}

/** The running workloads as manifests (what the repository holds), for the commands that read manifests. */
function manifests(dir: string, extra = ''): string {
  const app = path.join(dir, 'app');
  mkdirSync(app, { recursive: true });
  const docs = [...WEB, ...API, ...PG, ...SERVICES]
    .filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet' || o.kind === 'Service')
    .map((o) => {
      const { status: _status, ...rest } = o as KubeObject & { status?: unknown };
      const { uid: _u, resourceVersion: _r, creationTimestamp: _c, managedFields: _m, annotations: _a, ...metadata } = rest.metadata as Record<string, unknown>;
      return JSON.stringify({ ...rest, metadata });
    });
  writeFileSync(path.join(app, 'app.yaml'), `${docs.join('\n---\n')}\n${extra}`);
  return app;
}

async function withCluster(dir: string, args: readonly string[], cluster: FakeCluster = CLUSTER): Promise<CliResult> {
  const server = await startKubeApiServer(cluster, dir);
  try {
    return runCli([...args, '--cluster', '--kubeconfig', server.kubeconfig, '--timeout', '10'], { env: { KUBECACHEDIR: path.join(dir, 'cache'), HOME: dir, KUBECONFIG: undefined } });
  } finally {
    await server.stop();
  }
}

type ScanJson = {
  links: { src: string; dst: string; conns: string; origin: string; evidence: { kind: string; file?: string; line?: number; count?: number; event?: string }[] }[];
  traffic: { observedNotDeclared: { src: string; dst: string; conns: string }[]; unresolved: { src: string; dst: string; file: string; line: number }[]; summary: Record<string, number> };
};

describe('scan --cluster --traffic: the live cluster is also the snapshot', () => {
  it('addresses resolve through the running pods and Services; the probe is filtered; the outside address is unresolved', async () => {
    const dir = tempDir('netpol-ci-traffic-cluster-');
    const file = trace(dir);
    const r = await withCluster(dir, ['scan', '-q', '--format', 'json', '--traffic', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as ScanJson;
    expect(doc.links.map((l) => `${l.src} => ${l.dst} : ${l.conns} [${l.origin}]`)).toEqual([
      'shop/api[Deployment] => shop/postgres[StatefulSet] : TCP 5432 [both]',
      'shop/api[Deployment] => shop/web[Deployment] : TCP 8080 [observed]',
      'shop/web[Deployment] => shop/api[Deployment] : TCP 8080 [both]',
    ]);
    const observed = doc.links.find((l) => l.origin === 'observed');
    expect(observed?.evidence).toEqual([expect.objectContaining({ kind: 'trace', file, line: 4, count: 2, event: 'TCP 8080 via Service shop/web:80' })]);
    expect(doc.traffic.observedNotDeclared.map((g) => `${g.src} => ${g.dst} : ${g.conns}`)).toEqual(['shop/api[Deployment] => shop/web[Deployment] : TCP 8080']);
    expect(doc.traffic.unresolved.map((u) => `${u.file}:${u.line} ${u.src} -> ${u.dst}`)).toEqual([`${file}:6 shop/web[Deployment] -> 198.51.100.7-198.51.100.7[External]`]);
    expect(doc.traffic.summary).toEqual(expect.objectContaining({ starts: 7, nodeLocal: 2 }));
  }, 60_000);

  it('nodes the user may not list: a warning, and a probe from a node that runs none of the pods stays unresolved', async () => {
    const dir = tempDir('netpol-ci-traffic-cluster-');
    const file = trace(dir);
    const r = await withCluster(dir, ['scan', '--format', 'json', '--traffic', file], { ...CLUSTER, forbiddenClusterResources: ['nodes'] });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning NPC\d+ nodes not read \(.*nodes is forbidden.*\); kubelet probes are recognised by the pods' host IPs only$/m);
    const doc = JSON.parse(r.stdout) as ScanJson;
    expect(doc.traffic.summary).toEqual(expect.objectContaining({ starts: 7, nodeLocal: 1 }));
    expect(doc.traffic.unresolved.map((u) => `${u.file}:${u.line} ${u.src} -> ${u.dst}`)).toEqual([
      `${file}:7 10.0.0.12-10.0.0.12[External] -> shop/api[Deployment]`,
      `${file}:6 shop/web[Deployment] -> 198.51.100.7-198.51.100.7[External]`,
    ]);
  }, 60_000);

  it('--cluster-snapshot with --cluster is a usage error (two snapshots)', async () => {
    const dir = tempDir('netpol-ci-traffic-cluster-');
    const r = await withCluster(dir, ['scan', '--traffic', trace(dir), '--cluster-snapshot', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--cluster-snapshot and --cluster both give the snapshot');
  }, 60_000);
});

describe('synthesize and check with --traffic --cluster: manifests, the live cluster as the snapshot', () => {
  it('synthesize allows the observed link (the trace as provenance); without the snapshot it cannot be resolved', async () => {
    const dir = tempDir('netpol-ci-traffic-cluster-');
    const file = trace(dir);
    const app = manifests(dir);
    const live = await withCluster(dir, ['synthesize', app, '--traffic', file]);
    expect(live.code).toBe(0);
    // web's policy admits api on 8080 only because the trace shows it, with the trace line as the rule's provenance
    const webPolicy = (out: string) => out.split('\n---\n').find((d) => d.includes('  name: web-netpol\n')) ?? '';
    expect(webPolicy(live.stdout)).toMatch(/ingress\[\d\] <- shop\/api\[Deployment\] TCP 8080: trace [^\n]*trace\.txt:4 TCP 8080 via Service shop\/web:80 x2/);
    expect(webPolicy(live.stdout)).toMatch(/- from:\n {8}- podSelector:\n {12}matchLabels:\n {14}app: api\n {6}ports:\n {8}- protocol: TCP\n {10}port: 8080/);
    // the outside address stays a warning, never allowed
    expect(live.stderr).toContain(`${file}:6 warning NPC163 observed shop/web[Deployment] -> 198.51.100.7-198.51.100.7[External]`);

    const offline = runCli(['synthesize', app, '--traffic', file]);
    expect(webPolicy(offline.stdout)).not.toMatch(/ingress\[\d\] <- shop\/api/);
    expect(webPolicy(offline.stdout)).not.toContain('\n  ingress:\n    - from:');
    expect(offline.stderr).toContain(`${file}:4 warning NPC163`);
  }, 60_000);

  it('check: a PR whose policy blocks the observed api -> web link breaks it', async () => {
    const dir = tempDir('netpol-ci-traffic-cluster-');
    const file = trace(dir);
    const base = manifests(path.join(dir, 'base'));
    // head: web admits only the ingress controller's namespace (no rule for api)
    const deny = ['---', 'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: web, namespace: shop}', 'spec:', '  podSelector: {matchLabels: {app: web}}', '  policyTypes: [Ingress]', '  ingress: []', ''].join('\n');
    const head = manifests(path.join(dir, 'head'), deny);
    const r = await withCluster(dir, ['check', '--base', base, '--head', head, '--traffic', file, '--format', 'json', '-q']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { broken_links: { src: string; dst: string; origin: string; evidence: string[] }[] };
    expect(json.broken_links.map((u) => `${u.src} -> ${u.dst} ${u.origin}`)).toEqual(['shop/api[Deployment] -> shop/web[Deployment] observed']);
    expect(json.broken_links[0]?.evidence).toEqual([`trace ${file}:4 TCP 8080 via Service shop/web:80 x2`]);
  }, 60_000);

  it('--cluster without --traffic on synthesize is a usage error', () => {
    const r = runCli(['synthesize', 'fixtures/example-app/manifests', '--cluster']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--cluster here maps the addresses of a trace to workloads: it needs --traffic FILE');
  });
});

/** web admits only api (the repository's policy, and the live one when applied). */
const WEB_FROM_API: KubeObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }] },
};
/** web admits nothing. */
const WEB_CLOSED: KubeObject = { ...WEB_FROM_API, spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'], ingress: [] } };

function policiesDir(dir: string, ...policies: KubeObject[]): string {
  const out = path.join(dir, 'policies');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'shop.yaml'), policies.map((p) => JSON.stringify(p)).join('\n---\n') || '# none\n');
  return out;
}

type VerifyJson = {
  entries: unknown[];
  traffic: {
    links: number;
    blocked: { src: string; dst: string; observed: string; repositoryBlocks: string; clusterBlocks: string; evidence: { kind: string; file: string; line: number; count: number; event: string }[] }[];
    unresolved: { src: string; dst: string; file: string; line: number }[];
    summary: Record<string, number>;
  };
};

describe('verify --cluster --traffic: cluster drift, and the observed traffic checked against both sides', () => {
  it('no drift, but both sides block the observed api -> web: a finding (exit 1) naming the trace line', async () => {
    const dir = tempDir('netpol-ci-verify-traffic-cluster-');
    const file = trace(dir);
    const r = await withCluster(dir, ['verify', '--policies', policiesDir(dir, WEB_CLOSED), '--traffic', file], { ...CLUSTER, objects: [...CLUSTER.objects, served(WEB_CLOSED)] });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'Cluster drift (repository vs cluster, all namespaces): 0 changed connections',
        'Observed traffic: 3 links, 1 blocked (1 unresolved, not checked)',
        'blocked: shop/api[Deployment] => shop/web[Deployment] : TCP 8080 (repository blocks TCP 8080; cluster blocks TCP 8080)',
        `  trace ${file}:4 TCP 8080 via Service shop/web:80 x2`,
        '',
      ].join('\n'),
    );
    // the outside address cannot be checked: a warning naming its trace line; the probes are filtered, and said so
    expect(r.stderr).toContain(`${file}:6 warning NPC163 observed shop/web[Deployment] -> 198.51.100.7-198.51.100.7[External] : TCP 443 (x1) is not allowed`);
    expect(r.stderr).toMatch(/traffic: 7 connection starts read; filtered 2 node-local \(kubelet probes\)/);
  }, 60_000);

  it('the repository allows what the trace saw and the cluster matches it: exit 0', async () => {
    const dir = tempDir('netpol-ci-verify-traffic-cluster-');
    const file = trace(dir);
    const r = await withCluster(dir, ['verify', '-q', '--policies', policiesDir(dir, WEB_FROM_API), '--traffic', file, '--format', 'json'], { ...CLUSTER, objects: [...CLUSTER.objects, served(WEB_FROM_API)] });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as VerifyJson;
    expect(doc.entries).toEqual([]);
    expect(doc.traffic.links).toBe(3);
    expect(doc.traffic.blocked).toEqual([]);
    expect(doc.traffic.unresolved.map((u) => `${u.file}:${u.line} ${u.dst}`)).toEqual([`${file}:6 198.51.100.7-198.51.100.7[External]`]);
  }, 60_000);

  it('the cluster blocks what the repository allows: drift, and the blocked observation says which side', async () => {
    const dir = tempDir('netpol-ci-verify-traffic-cluster-');
    const file = trace(dir);
    const r = await withCluster(dir, ['verify', '-q', '--policies', policiesDir(dir, WEB_FROM_API), '--traffic', file, '--format', 'json'], { ...CLUSTER, objects: [...CLUSTER.objects, served(WEB_CLOSED)] });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as VerifyJson;
    expect(doc.entries.length).toBeGreaterThan(0);
    expect(doc.traffic.blocked.map((b) => `${b.src} => ${b.dst} : ${b.observed} repository[${b.repositoryBlocks}] cluster[${b.clusterBlocks}]`)).toEqual([
      'shop/api[Deployment] => shop/web[Deployment] : TCP 8080 repository[No Connections] cluster[TCP 8080]',
    ]);
    expect(doc.traffic.blocked[0]?.evidence).toEqual([expect.objectContaining({ kind: 'trace', file, line: 4, count: 2 })]);
  }, 60_000);

  it('a broken trace line is reported with its file:line, the rest is still checked; sarif points at the trace line', async () => {
    const dir = tempDir('netpol-ci-verify-traffic-cluster-');
    const file = path.join(dir, 'trace.txt');
    writeFileSync(file, `${TRACE_LINES.slice(0, 3).join('\n')}\n{"type":"normal","pod":\n${TRACE_LINES.slice(3).join('\n')}\n`);
    const r = await withCluster(dir, ['verify', '--policies', policiesDir(dir, WEB_CLOSED), '--traffic', file, '--format', 'sarif'], { ...CLUSTER, objects: [...CLUSTER.objects, served(WEB_CLOSED)] });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:4 warning NPC161 skipped: truncated or invalid JSON`);
    const sarif = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; message: { text: string }; locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[] };
    const blocked = sarif.runs[0]?.results.filter((x) => x.ruleId === 'NPC225') ?? [];
    expect(blocked.map((x) => x.message.text)).toEqual(['blocked: shop/api[Deployment] => shop/web[Deployment] : TCP 8080 (repository blocks TCP 8080; cluster blocks TCP 8080)']);
    expect(blocked[0]?.locations?.[0]?.physicalLocation.region?.startLine).toBe(5);
  }, 60_000);

  it('with the app manifests as paths, only the compared namespaces are checked: a pod of another namespace is known, its links counted apart', async () => {
    const dir = tempDir('netpol-ci-verify-traffic-cluster-');
    const file = path.join(dir, 'trace.txt');
    // tools/debug (running at 10.244.3.40) calls api: resolved, but tools is not compared
    writeFileSync(file, `${[...TRACE_LINES, '10.244.3.40:45000 -> 10.244.1.20:8080 tcp'].join('\n')}\n`);
    const cluster: FakeCluster = { ...CLUSTER, objects: [...CLUSTER.objects, namespace('tools'), ...at('10.244.3.40', deployment('tools', 'debug', 8000)), served(WEB_CLOSED)] };
    const scoped = await withCluster(dir, ['verify', manifests(dir), '-q', '--policies', policiesDir(dir, WEB_CLOSED), '--traffic', file], cluster);
    expect(lines(scoped.stdout).slice(0, 2)).toEqual(['Cluster drift (repository vs cluster, namespaces shop): 0 changed connections', 'Observed traffic: 3 links, 1 blocked (1 unresolved, 1 outside the compared namespaces, not checked)']);
    expect(scoped.code).toBe(1);
    const all = await withCluster(dir, ['verify', '-q', '--policies', policiesDir(dir, WEB_CLOSED), '--traffic', file], cluster);
    expect(lines(all.stdout)[1]).toBe('Observed traffic: 4 links, 1 blocked (1 unresolved, not checked)');
  }, 60_000);

  it('--cluster-export with --traffic: the export is the snapshot (offline); --cluster-snapshot with --cluster is a usage error', async () => {
    const dir = tempDir('netpol-ci-verify-traffic-cluster-');
    const file = trace(dir);
    const exported = path.join(dir, 'export');
    mkdirSync(exported);
    writeFileSync(path.join(exported, 'all.yaml'), [...CLUSTER.objects, WEB_CLOSED].map((o) => JSON.stringify(o)).join('\n---\n'));
    const offline = runCli(['verify', '--cluster-export', exported, '--policies', policiesDir(dir, WEB_CLOSED), '--traffic', file, '-q']);
    expect(offline.stdout.split('\n').slice(0, 3)).toEqual([
      'Cluster drift (repository vs export, all namespaces): 0 changed connections'.replace('export', exported),
      'Observed traffic: 3 links, 1 blocked (1 unresolved, not checked)',
      'blocked: shop/api[Deployment] => shop/web[Deployment] : TCP 8080 (repository blocks TCP 8080; cluster blocks TCP 8080)',
    ]);
    expect(offline.code).toBe(1);
    const md = runCli(['verify', '--cluster-export', exported, '--policies', policiesDir(dir, WEB_CLOSED), '--traffic', file, '-q', '--format', 'md']);
    expect(md.stdout).toContain(
      [
        '#### Observed traffic: 3 links, 1 blocked (1 unresolved, not checked)',
        '',
        '- `blocked: shop/api[Deployment] => shop/web[Deployment] : TCP 8080 (repository blocks TCP 8080; cluster blocks TCP 8080)`',
        `  - \`trace ${file}:4 TCP 8080 via Service shop/web:80 x2\``,
      ].join('\n'),
    );
    const both = await withCluster(dir, ['verify', '--policies', policiesDir(dir), '--traffic', file, '--cluster-snapshot', exported]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--cluster-snapshot and --cluster both give the snapshot');
  }, 60_000);
});
