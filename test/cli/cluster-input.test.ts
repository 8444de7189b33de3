import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, runCli, type CliResult } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { startKubeApiServer, type FakeCluster, type KubeObject } from '../helpers/kube-api-server.js';
import { deployment, namespace, served, service, statefulSet } from '../helpers/kube-objects.js';

/**
 * The live cluster as an input: `connectivity --cluster` and `scan --cluster` (with the name-based
 * heuristics, built-in or from --heuristics FILE), with the real kubectl against a fake API server.
 */

afterAll(cleanupTempDirs);

const INGRESS: KubeObject = served({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
});

const CLUSTER: FakeCluster = {
  objects: [
    namespace('shop'),
    namespace('ingress-nginx'),
    namespace('monitoring'),
    ...deployment('shop', 'web', 8080, { env: [{ name: 'API_URL', value: 'http://api:8080' }], portName: 'http' }),
    ...deployment('shop', 'api', 8080, { env: [{ name: 'DATABASE_HOST', value: 'postgres://app@postgres-0.postgres/orders' }], annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9102' } }),
    ...statefulSet('shop', 'postgres', 5432, { image: 'docker.io/library/postgres:16' }),
    ...deployment('ingress-nginx', 'ingress-nginx-controller', 443, { image: 'registry.k8s.io/ingress-nginx/controller:v1.11.0' }),
    ...deployment('monitoring', 'prometheus-server', 9090, { image: 'quay.io/prometheus/prometheus:v2.53.0' }),
    ...deployment('shop', 'worker', 7000, { portName: 'metrics' }),
    service('shop', 'web', 80, 8080),
    service('shop', 'api', 8080),
    INGRESS,
  ],
};

async function withCluster(cluster: FakeCluster, args: readonly string[]): Promise<CliResult> {
  const dir = tempDir('netpol-ci-kube-');
  const server = await startKubeApiServer(cluster, dir);
  try {
    return runCli([...args, '--cluster', '--kubeconfig', server.kubeconfig, '--timeout', '10'], { env: { KUBECACHEDIR: path.join(dir, 'cache'), HOME: dir, KUBECONFIG: undefined } });
  } finally {
    await server.stop();
  }
}

describe('connectivity --cluster', () => {
  it('is the connectivity of what runs: owner chains folded into Deployments and StatefulSets', async () => {
    const deny: KubeObject = served({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'db', namespace: 'shop' }, spec: { podSelector: { matchLabels: { app: 'postgres' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 5432 }] }] } });
    const r = await withCluster({ objects: [...CLUSTER.objects, deny] }, ['connectivity', '-q']);
    expect(r.stderr).toBe('');
    const toDb = lines(r.stdout).filter((l) => l.includes('=> shop/postgres'));
    expect(toDb).toEqual(['shop/api[Deployment] => shop/postgres[StatefulSet] : TCP 5432']);
    // no ReplicaSet or Pod shows as a workload of its own
    expect(r.stdout).not.toMatch(/\[ReplicaSet\]|\[Pod\]/);
    expect(r.stdout).toContain('{ingress-controller} => shop/web[Deployment] : TCP 8080');
    expect(r.code).toBe(0);
  });
});

describe('scan --cluster with heuristics', () => {
  it('the running ingress controller, the scraper and a database named without a Service', async () => {
    const r = await withCluster(CLUSTER, ['scan', '-q', '--format', 'json']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { links: { src: string; dst: string; conns: string; evidence: { kind: string; file?: string; line?: number }[] }[]; unresolved: unknown[] };
    expect(doc.links.map((l) => `${l.src} => ${l.dst} : ${l.conns}`)).toEqual([
      'ingress-nginx/ingress-nginx-controller[Deployment] => shop/web[Deployment] : TCP 8080',
      'monitoring/prometheus-server[Deployment] => shop/api[Deployment] : TCP 9102',
      'monitoring/prometheus-server[Deployment] => shop/worker[Deployment] : TCP 7000',
      'shop/api[Deployment] => shop/postgres[StatefulSet] : TCP 5432',
      'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
    ]);
    expect(doc.unresolved).toEqual([]);
    // heuristic links point at the component's line in the built-in list
    const pg = doc.links.find((l) => l.dst === 'shop/postgres[StatefulSet]');
    expect(pg?.evidence.map((e) => e.kind)).toEqual(['address', 'intent']);
    expect(pg?.evidence[1]).toMatchObject({ file: '(built-in heuristics)', line: 6 });
  });

  it('a Service without a selector reaches the addresses of its EndpointSlice (mirrored from its Endpoints by the cluster), read with the rest', async () => {
    const legacy: KubeObject[] = [
      served({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'legacy-db', namespace: 'shop' }, spec: { ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] } }),
      served({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'legacy-db-x7k2p', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'legacy-db', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' } },
        addressType: 'IPv4',
        endpoints: [{ addresses: ['10.20.0.5'], conditions: { ready: true } }],
        ports: [{ name: 'pg', port: 15432, protocol: 'TCP' }],
      }),
      ...deployment('shop', 'reports', 8080, { env: [{ name: 'DATABASE_URL', value: 'postgres://legacy-db:5432/reports' }] }),
    ];
    const r = await withCluster({ objects: [...CLUSTER.objects, ...legacy] }, ['scan', '-q', '--format', 'json']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { links: { src: string; dst: string; conns: string }[]; unresolved: unknown[] };
    expect(doc.links.filter((l) => l.src === 'shop/reports[Deployment]').map((l) => `${l.dst} : ${l.conns}`)).toEqual(['10.20.0.5-10.20.0.5[External] : TCP 15432']);
    expect(doc.unresolved).toEqual([]);
  });

  it('--heuristics FILE replaces the list; a bad file is exit 2 with file:line', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'h.yaml');
    writeFileSync(file, ['apiVersion: netpol-ci.io/v1', 'kind: Heuristics', 'components:', '  - name: pg', '    role: database', '    match: {names: [postgres]}', '    ports: [{port: 5433}]', ''].join('\n'));
    const r = await withCluster(CLUSTER, ['scan', '-q', '--format', 'json', '--heuristics', file]);
    const doc = JSON.parse(r.stdout) as { links: { src: string; dst: string; conns: string }[] };
    // no ingress controller or scraper known any more: the ingress link stays {ingress-controller}
    expect(doc.links.map((l) => `${l.src} => ${l.dst} : ${l.conns}`)).toEqual([
      'shop/api[Deployment] => shop/postgres[StatefulSet] : TCP 5433',
      'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
      '{ingress-controller} => shop/web[Deployment] : TCP 8080',
    ]);
    writeFileSync(file, ['apiVersion: netpol-ci.io/v1', 'kind: Heuristics', 'components:', '  - name: pg', '    role: dbase', '    match: {names: [postgres]}', ''].join('\n'));
    const bad = await withCluster(CLUSTER, ['scan', '-q', '--heuristics', file]);
    expect(bad.stderr).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:5:11 \\[doc 1\\] error NPC146 components\\[0\\]\\.role: `, 'm'));
    expect(bad.code).toBe(2);
  });

  it('--export-heuristics prints the built-in list, which reads back', () => {
    const r = runCli(['scan', '--export-heuristics']);
    expect(r.stdout).toMatch(/^# netpol-ci heuristics/);
    expect(r.stdout).toContain('kind: Heuristics');
    const dir = tempDir();
    writeFileSync(path.join(dir, 'h.yaml'), r.stdout);
    expect(r.code).toBe(0);
  });

  it('--heuristics without --cluster, and paths with --cluster, are usage errors', () => {
    expect(runCli(['scan', 'fixtures/example-app/manifests', '--heuristics', 'x.yaml']).code).toBe(2);
    expect(runCli(['scan', 'fixtures/example-app/manifests', '--cluster']).stderr).toMatch(/--cluster reads the cluster, not paths/);
  });
});
