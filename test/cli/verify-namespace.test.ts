import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * `--namespace NS` places the objects that name no namespace, as `kubectl apply -n NS` would, on
 * every command that reads manifests: verify (and check's drift gate) too, so that the policies
 * `synthesize --namespace NS` wrote verify clean against the same manifests (Argo Workflows'
 * quick-start is applied with `kubectl apply -n argo`; test/cli/real-apps-switches.test.ts).
 */
afterAll(cleanupTempDirs);

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: x, ports: [{containerPort: 8080}], env: [{name: DB_URL, value: "postgres://db:5432"}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db}
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: x, ports: [{containerPort: 5432}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec: {selector: {app: db}, ports: [{port: 5432}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
`;

function setup(): string {
  const dir = tempDir('netpol-ci-verify-ns-');
  mkdirSync(path.join(dir, 'app'));
  writeFileSync(path.join(dir, 'app', 'app.yaml'), APP);
  const s = runCli(['synthesize', 'app', '--namespace', 'shop', '--output', 'policies/', '-q'], { cwd: dir });
  expect(s.code, s.stderr).toBe(0);
  return dir;
}

describe('verify --namespace', () => {
  it('the policies synthesized with --namespace verify clean with the same --namespace', () => {
    const dir = setup();
    const r = runCli(['verify', 'app', '--policies', 'policies', '--namespace', 'shop', '--format', 'json', '-q'], { cwd: dir });
    const out = JSON.parse(r.stdout) as { missing: unknown[]; excess: unknown[] };
    expect([out.missing, out.excess]).toEqual([[], []]);
    expect(r.code).toBe(0);
  });

  it('without it the workloads are in default, which the policies of shop do not cover: drift (the flag is not ignored)', () => {
    const dir = setup();
    const r = runCli(['verify', 'app', '--policies', 'policies', '--format', 'json', '-q'], { cwd: dir });
    const out = JSON.parse(r.stdout) as { excess: { dst: string }[] };
    expect(out.excess.map((e) => e.dst)).toContain('default/db[Deployment]');
    expect(r.code).toBe(1);
  });

  it('check --policies --namespace: the drift gate places the manifests as the rest of the check does', () => {
    const dir = setup();
    mkdirSync(path.join(dir, 'base'));
    writeFileSync(path.join(dir, 'base', 'app.yaml'), APP);
    const r = runCli(['check', '--base', 'base', '--head', 'app', '--policies', 'policies', '--namespace', 'shop', '--fail-on', 'drift', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stdout.slice(0, 2000)).toBe(0);
    expect((JSON.parse(r.stdout) as { drift: unknown[] }).drift).toEqual([]);
  });
});

describe('verify --cluster-export --namespace', () => {
  it('the repository side (manifests and policies) is placed in --namespace: a live cluster in shop without the policies is drift', () => {
    const dir = setup();
    mkdirSync(path.join(dir, 'live'));
    // what `kubectl get -o yaml` exports names its namespace
    writeFileSync(path.join(dir, 'live', 'app.yaml'), APP.replace(/^metadata: \{name: (\w+)\}$/gm, 'metadata: {name: $1, namespace: shop}'));
    const r = runCli(['verify', 'app', '--cluster-export', 'live', '--policies', 'policies', '--namespace', 'shop', '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('shop/');
    // and with the policies applied, none
    mkdirSync(path.join(dir, 'live2'));
    writeFileSync(path.join(dir, 'live2', 'app.yaml'), APP.replace(/^metadata: \{name: (\w+)\}$/gm, 'metadata: {name: $1, namespace: shop}'));
    const s = runCli(['synthesize', 'app', '--namespace', 'shop', '-q'], { cwd: dir });
    writeFileSync(path.join(dir, 'live2', 'policies.yaml'), s.stdout);
    const clean = runCli(['verify', 'app', '--cluster-export', 'live2', '--policies', 'policies', '--namespace', 'shop', '-q'], { cwd: dir });
    expect(clean.code, clean.stdout).toBe(0);
  });
});
