import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, runCli, type CliResult } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { startKubeApiServer, type FakeCluster, type KubeObject } from '../helpers/kube-api-server.js';
import { deployment, namespace, served } from '../helpers/kube-objects.js';

/**
 * `verify --cluster` (cluster drift) with the real kubectl against a local fake API server: no
 * drift, a deleted policy, a hand-edited port, a policy only in the cluster, a 403 on one
 * namespace, a server that does not answer, a missing context; and `--cluster-export` offline.
 */

afterAll(cleanupTempDirs);


function ingressPolicy(name: string, subject: string, from: string, port: number): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: 'shop' },
    spec: { podSelector: { matchLabels: { app: subject } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: from } } }], ports: [{ protocol: 'TCP', port }] }] },
  };
}

const API_POLICY = ingressPolicy('api-netpol', 'api', 'web', 8080);
const DB_POLICY = ingressPolicy('db-netpol', 'db', 'api', 5432);

const WORKLOADS: KubeObject[] = [namespace('shop'), namespace('tools'), ...deployment('shop', 'web', 8080), ...deployment('shop', 'api', 8080), ...deployment('shop', 'db', 5432), ...deployment('tools', 'debug', 8000)];

/** The repository's policies folder: the two policies, as a team would commit them. */
function repoPolicies(): string {
  const dir = tempDir('netpol-ci-policies-');
  writeFileSync(path.join(dir, 'shop.yaml'), [API_POLICY, DB_POLICY].map((p) => `---\n${dump(p)}`).join(''));
  return dir;
}

async function withCluster(cluster: FakeCluster, args: readonly string[], timeoutSeconds = 10): Promise<CliResult> {
  const dir = tempDir('netpol-ci-kube-');
  const server = await startKubeApiServer(cluster, dir);
  try {
    // kubectl's discovery cache goes to the test's folder, never the user's
    return runCli(['verify', '--cluster', '--kubeconfig', server.kubeconfig, '--timeout', String(timeoutSeconds), '--policies', repoPolicies(), ...args], {
      env: { KUBECACHEDIR: path.join(dir, 'cache'), HOME: dir, KUBECONFIG: undefined },
    });
  } finally {
    await server.stop();
  }
}

describe('verify --cluster against a fake API server with the real kubectl', () => {
  it('no drift: the live policies (with every server-added field) match the repository', async () => {
    const r = await withCluster({ objects: [...WORKLOADS, served(API_POLICY), served(DB_POLICY)] }, ['-q']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Cluster drift (repository vs cluster, all namespaces): 0 changed connections\n');
    expect(r.code).toBe(0);
  });

  it('a deleted policy: the connections it blocked are open in the cluster', async () => {
    const r = await withCluster({ objects: [...WORKLOADS, served(API_POLICY)] }, ['-q']);
    const policy = (f: string) => expect.stringMatching(new RegExp(`^  policies: .*${f}`));
    expect(lines(r.stdout)).toEqual([
      'Cluster drift (repository vs cluster, all namespaces): 4 changed connections',
      'diff-type: changed, source: shop/api[Deployment], destination: shop/db[Deployment], ref1: TCP 5432, ref2: All Connections',
      '  repository: egress [default] Allow; ingress [NP] Allow -> [NP] Isolated',
      '  cluster: egress [default] Allow; ingress [default] Allow',
      policy('shop.yaml'),
      'diff-type: added, source: 0.0.0.0-255.255.255.255[External], destination: shop/db[Deployment], ref1: No Connections, ref2: All Connections',
      '  repository: ingress [NP] Isolated',
      '  cluster: ingress [default] Allow',
      policy('shop.yaml'),
      'diff-type: added, source: shop/web[Deployment], destination: shop/db[Deployment], ref1: No Connections, ref2: All Connections',
      '  repository: egress [default] Allow; ingress [NP] Isolated',
      '  cluster: egress [default] Allow; ingress [default] Allow',
      policy('shop.yaml'),
      'diff-type: added, source: tools/debug[Deployment], destination: shop/db[Deployment], ref1: No Connections, ref2: All Connections',
      '  repository: egress [default] Allow; ingress [NP] Isolated',
      '  cluster: egress [default] Allow; ingress [default] Allow',
      policy('shop.yaml'),
      'Policies:',
      expect.stringMatching(/^ {2}repository-only: NetworkPolicy shop\/db-netpol \(repository .*shop\.yaml:\d+\)$/),
    ]);
    expect(r.code).toBe(1);
  });

  it('a hand-edited port: one changed connection and the edited policy, on both sides', async () => {
    const edited: KubeObject = { ...API_POLICY, spec: { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 9090 }] }] } };
    const r = await withCluster({ objects: [...WORKLOADS, served(edited), served(DB_POLICY)] }, ['-q', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.entries.map((e: { diff_type: string; src: string; dst: string; ref1: string; ref2: string }) => [e.diff_type, e.src, e.dst, e.ref1, e.ref2])).toEqual([
      ['changed', 'shop/web[Deployment]', 'shop/api[Deployment]', 'TCP 8080', 'TCP 9090'],
    ]);
    expect(json.entries[0].explanation.files).toEqual([expect.stringMatching(/shop\.yaml$/), 'cluster:NetworkPolicy/shop/api-netpol']);
    expect(json.policies).toEqual([{ policy: 'NetworkPolicy shop/api-netpol', state: 'edited', repository: expect.stringMatching(/shop\.yaml:\d+$/), cluster: 'cluster:NetworkPolicy/shop/api-netpol:1' }]);
    expect(r.code).toBe(1);
  });

  it('a policy only in the cluster: what it blocks, and where it is', async () => {
    const lockdown: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'lockdown', namespace: 'tools' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } };
    const r = await withCluster({ objects: [...WORKLOADS, served(API_POLICY), served(DB_POLICY), served(lockdown)] }, ['-q']);
    const diff = lines(r.stdout).filter((l) => l.startsWith('diff-type'));
    expect(diff).toEqual([
      'diff-type: removed, source: 0.0.0.0-255.255.255.255[External], destination: tools/debug[Deployment], ref1: All Connections, ref2: No Connections',
      'diff-type: removed, source: shop/api[Deployment], destination: tools/debug[Deployment], ref1: All Connections, ref2: No Connections',
      'diff-type: removed, source: shop/db[Deployment], destination: tools/debug[Deployment], ref1: All Connections, ref2: No Connections',
      'diff-type: removed, source: shop/web[Deployment], destination: tools/debug[Deployment], ref1: All Connections, ref2: No Connections',
      'diff-type: removed, source: tools/debug[Deployment], destination: 0.0.0.0-255.255.255.255[External], ref1: All Connections, ref2: No Connections',
      'diff-type: removed, source: tools/debug[Deployment], destination: shop/web[Deployment], ref1: All Connections, ref2: No Connections',
    ]);
    expect(r.stdout).toContain('  cluster-only: NetworkPolicy tools/lockdown (cluster cluster:NetworkPolicy/tools/lockdown:1)');
    expect(r.code).toBe(1);
    // limited to the shop namespace, the same cluster shows no drift
    const scoped = await withCluster({ objects: [...WORKLOADS, served(API_POLICY), served(DB_POLICY), served(lockdown)] }, ['-q', '--cluster-namespaces', 'shop']);
    expect(scoped.stdout).toBe('Cluster drift (repository vs cluster, namespaces shop): 0 changed connections\n');
    expect(scoped.code).toBe(0);
    // so is it when the repository's manifests name only workloads of shop
    const manifests = tempDir('netpol-ci-manifests-');
    writeFileSync(path.join(manifests, 'web.yaml'), dump(deployment('shop', 'web', 8080)[0]));
    const byPaths = await withCluster({ objects: [...WORKLOADS, served(API_POLICY), served(DB_POLICY), served(lockdown)] }, ['-q', manifests]);
    expect(byPaths.stdout).toBe('Cluster drift (repository vs cluster, namespaces shop): 0 changed connections\n');
    expect(byPaths.code).toBe(0);
  });

  it('an aggregated API that is down (broken metrics-server) is a warning; everything else is read', async () => {
    const r = await withCluster({ objects: [...WORKLOADS, served(API_POLICY), served(DB_POLICY)], brokenAggregatedApi: true }, []);
    expect(r.stdout).toBe('Cluster drift (repository vs cluster, all namespaces): 0 changed connections\n');
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^warning NPC143 kubectl api-resources: .*unable to retrieve the complete list of server APIs: metrics\.k8s\.io\/v1beta1.*; the other resource types are read$/)]);
    expect(r.code).toBe(0);
  });

  it('a 403 on one namespace is an error quoting kubectl, never a smaller cluster', async () => {
    const r = await withCluster({ objects: [...WORKLOADS, served(API_POLICY), served(DB_POLICY)], forbiddenNamespaces: ['tools'] }, ['--cluster-namespaces', 'shop,tools']);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^netpol-ci: configuration error: reading namespace tools from the cluster: kubectl failed: Error from server \(Forbidden\): [a-z0-9.]+ is forbidden: User "tester" cannot list resource "[a-z]+" in API group "[a-z0-9.]*" in the namespace "tools"\n$/);
    expect(r.code).toBe(2);
  });

  it('a server that does not answer: a timeout error within the limit, quoting kubectl', async () => {
    const started = Date.now();
    const r = await withCluster({ objects: [], hang: true }, [], 2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^netpol-ci: configuration error: listing the cluster resource types: kubectl failed: .*(Timeout|timeout|deadline)/);
    // no timestamps, no pids
    expect(r.stderr).not.toMatch(/\d\d:\d\d:\d\d\.\d+/);
    expect(r.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('an unknown context is an error quoting kubectl', async () => {
    const r = await withCluster({ objects: WORKLOADS }, ['--context', 'nope']);
    expect(lines(r.stderr)).toEqual(['netpol-ci: configuration error: listing the cluster resource types: kubectl failed: error: context "nope" does not exist']);
    expect(r.code).toBe(2);
  });
});

describe('verify --cluster-export', () => {
  it('reads a folder of exported manifests (kubectl get -o yaml Lists) offline, with the same answer', () => {
    const dir = tempDir('netpol-ci-export-');
    mkdirSync(path.join(dir, 'shop'));
    writeFileSync(path.join(dir, 'shop', 'all.yaml'), dump({ apiVersion: 'v1', kind: 'List', items: [...WORKLOADS, served(API_POLICY)] }));
    const r = runCli(['verify', '--cluster-export', dir, '--policies', repoPolicies(), '-q', '--format', 'md']);
    expect(r.stdout).toContain('### netpol-ci: cluster drift');
    expect(r.stdout).toContain('**3 added · 0 removed · 1 changed**');
    expect(r.stdout).toContain('#### Policies that differ (1)');
    expect(r.code).toBe(1);
  });
});
