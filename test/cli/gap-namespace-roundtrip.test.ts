import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * Gaps whose destination namespace is known (a mesh's control plane; an address naming another
 * namespace) are closed by `--gaps=namespace` towards that namespace: the policies open both the
 * source's egress and, for the workloads of that namespace in the input, their ingress; and
 * `verify --gaps namespace` accepts the policies `synthesize --gaps namespace` wrote.
 */
afterAll(cleanupTempDirs);

const deployment = (name: string, ns: string, labels: string, container: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata:\n      labels: {app: ${name}${labels}}\n    spec:\n      containers: [${container}]\n---\n`;
const service = (name: string, ns: string, port: number) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {selector: {app: ${name}}, ports: [{port: ${port}}]}\n---\n`;

// web (Istio-injected) calls api; web also sends traces to the collector of namespace tracing
const APP =
  deployment('web', 'shop', ', sidecar.istio.io/inject: "true"', '{name: c, image: x, ports: [{containerPort: 8080}], env: [{name: API_URL, value: "http://api:9090"}, {name: OTEL_ENDPOINT, value: "http://oc-collector.tracing:55678"}]}') +
  deployment('api', 'shop', '', '{name: c, image: x, ports: [{containerPort: 9090}]}') +
  deployment('collector', 'tracing', '', '{name: c, image: x, ports: [{containerPort: 55678}]}') +
  service('api', 'shop', 9090) +
  service('web', 'shop', 8080) +
  service('collector', 'tracing', 55678);

function app(): { dir: string; policies: string } {
  const dir = tempDir('npc-gapns-');
  writeFileSync(path.join(dir, 'app.yaml'), APP);
  const policies = path.join(tempDir('npc-gapns-pol-'), 'out');
  const s = runCli(['synthesize', dir, '--gaps', 'namespace', '--output', `${policies}/`]);
  expect(s.code, s.stderr).toBe(0);
  return { dir, policies };
}

describe('--gaps=namespace towards a known namespace', () => {
  it('the address in namespace tracing is allowed at both ends', () => {
    const { dir, policies } = app();
    const r = runCli(['connectivity', dir, policies]);
    expect(r.stdout).toContain('shop/web[Deployment] => tracing/collector[Deployment] : TCP 55678');
    expect(r.stdout).toContain('shop/web[Deployment] => shop/api[Deployment] : TCP 9090');
  });

  it('verify --gaps namespace passes on the policies synthesize --gaps namespace wrote', () => {
    const { dir, policies } = app();
    const v = runCli(['verify', dir, '--policies', policies, '--gaps', 'namespace']);
    expect(v.stdout + v.stderr).not.toMatch(/missing:|excess:/);
    expect(v.code).toBe(0);
  });
});
