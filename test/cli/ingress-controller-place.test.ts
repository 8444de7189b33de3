import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * `--ingress-controller namespace=NS[,label=value...]` says where the ingress controller runs.
 * synthesize writes the backends' ingress rules for it there; verify and check must evaluate the
 * `{ingress-controller}` peer there too, or the tool's own policies fail its own gate (a realistic
 * PR: kube-prometheus' Grafana opened to the `ingress-nginx` namespace behind an Ingress). Without
 * the flag the controller is a pod in a namespace of its own, which only selectors of every
 * namespace admit.
 */
afterAll(cleanupTempDirs);

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;
const INGRESS = `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
`;

/** base: the app; head: the app behind an Ingress, with the policies synthesized for head with `place`. */
function repo(place: string): string {
  const dir = tempDir('netpol-ci-ic-');
  for (const side of ['base', 'head']) mkdirSync(path.join(dir, side, 'app'), { recursive: true });
  writeFileSync(path.join(dir, 'base', 'app', 'app.yaml'), APP);
  writeFileSync(path.join(dir, 'head', 'app', 'app.yaml'), APP + INGRESS);
  const s = runCli(['synthesize', 'head/app', '--ingress-controller', place, '--output', 'head/policies/', '-q'], { cwd: dir });
  expect(s.code, s.stderr).toBe(0);
  return dir;
}

describe('--ingress-controller places the controller for verify and check', () => {
  for (const place of ['namespace=ingress-nginx', 'namespace=ingress-nginx,app.kubernetes.io/name=ingress-nginx']) {
    it(`synthesize then verify, both with ${place}: no drift`, () => {
      const dir = repo(place);
      const v = runCli(['verify', 'head/app', '--policies', 'head/policies', '--ingress-controller', place], { cwd: dir });
      expect(v.stdout).toMatch(/^No drift: /);
      expect(v.code).toBe(0);
    });

    it(`check with ${place}: the Ingress's link is not broken, no drift`, () => {
      const dir = repo(place);
      const c = runCli(['check', '--base', 'base/app', '--head', 'head/app', '--policies', 'head/policies', '--ingress-controller', place, '--fail-on', 'broken,drift', '--format', 'json'], { cwd: dir });
      const report = JSON.parse(c.stdout) as { broken_links: unknown[]; drift: unknown[] };
      expect([report.broken_links, report.drift, c.code]).toEqual([[], [], 0]);
    });
  }

  it('without the flag, the controller runs in a namespace of its own: the policies for ingress-nginx admit it nowhere', () => {
    const dir = repo('namespace=ingress-nginx');
    const v = runCli(['verify', 'head/app', '--policies', 'head/policies'], { cwd: dir });
    expect(v.stdout.split('\n')[0]).toBe('Policy drift in head/policies: 1 missing, 0 excess');
    expect(v.code).toBe(1);
  });

  it('placed elsewhere than the policies say (namespace=traefik), the link is missing', () => {
    const dir = repo('namespace=ingress-nginx');
    const v = runCli(['verify', 'head/app', '--policies', 'head/policies', '--ingress-controller', 'namespace=traefik'], { cwd: dir });
    expect(v.stdout.split('\n')[0]).toBe('Policy drift in head/policies: 1 missing, 0 excess');
    expect(v.code).toBe(1);
  });
});

describe('--ingress-controller places the controller for connectivity too', () => {
  it('the policies synthesized for the controller in ingress-nginx admit it there: connectivity and --explain with the flag say so, without it they do not', () => {
    const dir = repo('namespace=ingress-nginx');
    const line = '{ingress-controller} => shop/web[Deployment] : TCP 8080';
    const placed = runCli(['connectivity', 'head/app', 'head/policies', '--ingress-controller', 'namespace=ingress-nginx'], { cwd: dir });
    expect(placed.code, placed.stderr).toBe(0);
    expect(placed.stdout.split('\n')).toContain(line);
    const unplaced = runCli(['connectivity', 'head/app', 'head/policies'], { cwd: dir });
    expect(unplaced.stdout.split('\n')).not.toContain(line);
    const explained = runCli(['connectivity', 'head/app', 'head/policies', '--ingress-controller', 'namespace=ingress-nginx', '--explain', '{ingress-controller}', 'shop/web'], { cwd: dir });
    expect(explained.code, explained.stderr).toBe(0);
    expect(explained.stdout).toContain('TCP 8080');
    expect(runCli(['connectivity', 'head/app', '--ingress-controller', 'nonsense'], { cwd: dir }).code).toBe(2);
  });
});
