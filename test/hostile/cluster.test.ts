import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { startKubeApiServer, type KubeObject } from '../helpers/kube-api-server.js';
import { deployment, namespace, served } from '../helpers/kube-objects.js';
import { commonProblems, type HostileCase } from './harness.js';

/**
 * A hostile live cluster (the objects a compromised or careless namespace holds), read through the
 * real kubectl from a local server in the Kubernetes API's shape: what it names reaches the report
 * escaped, and what the API server could never hold is reported, never a crash.
 */
afterAll(cleanupTempDirs);

async function withCluster(objects: readonly KubeObject[], args: readonly string[]): Promise<CliResult> {
  const dir = tempDir('netpol-ci-hostile-kube-');
  const server = await startKubeApiServer({ objects }, dir);
  try {
    return runCli([...args, '--cluster', '--kubeconfig', server.kubeconfig, '--timeout', '20'], { env: { KUBECACHEDIR: path.join(dir, 'cache'), HOME: dir, KUBECONFIG: undefined } });
  } finally {
    await server.stop();
  }
}

const FORGED = 'web\n::error::forged';
const policy = (name: string, labels: Record<string, string>): KubeObject =>
  served({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: 'shop' }, spec: { podSelector: { matchLabels: labels }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: '@octocat #12 <img src=x>' } } }] }] } });

const HOSTILE: KubeObject[] = [
  namespace('shop'),
  ...deployment('shop', 'api', 8080),
  ...deployment('shop', 'web', 8080, { annotations: { note: 'a\u202eb ::error::x' }, env: [{ name: 'API', value: 'http://api.shop:8080/\n::error::env' }] }),
  policy(FORGED, { app: 'api' }),
  policy('x'.repeat(300), { app: 'web' }),
];

const judge = (name: string, r: CliResult, markdown = false) => {
  const hc: HostileCase = { name, kind: 'injection', setup: () => {}, args: () => ['x'], noApp: true, markdown, unlocatedOk: true };
  return commonProblems(hc, r, { dir: '', outside: '' });
};

describe('a hostile live cluster, through kubectl', () => {
  it('connectivity --cluster: names with line breaks, bidi and Markdown are escaped in txt and md', async () => {
    for (const format of ['txt', 'md', 'json', 'csv', 'mermaid', 'dot'] as const) {
      const r = await withCluster(HOSTILE, ['connectivity', '--format', format]);
      expect(judge(format, r, format === 'md')).toEqual([]);
      expect(r.code).not.toBe(3);
    }
  }, 120_000);

  it('lint --cluster and scan --cluster report on the same objects without a crash or an escape', async () => {
    for (const args of [['lint', '--format', 'md'], ['scan', '--format', 'md'], ['scan', '--format', 'txt']]) {
      const r = await withCluster(HOSTILE, args);
      expect(judge(args.join(' '), r, args.includes('md'))).toEqual([]);
    }
  }, 120_000);
});
