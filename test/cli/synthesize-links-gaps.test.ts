import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * `synthesize --links FILE` replaces the scan's links, not what the manifests say a workload calls:
 * an address that resolves to nothing (a host outside the cluster, the API server a RoleBinding
 * implies) stays a gap, reported and closed by `--gaps`, unless the reviewed file adds a link from
 * that workload on its port. Before, the reviewed workflow (scan -f yaml, edit, synthesize --links)
 * dropped those gaps: the calls were blocked without a word, and --fail-on-gaps passed.
 */

afterAll(cleanupTempDirs);

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: worker, namespace: shop}
spec:
  selector: {matchLabels: {app: worker}}
  template:
    metadata: {labels: {app: worker}}
    spec:
      containers: [{name: c, image: x, env: [{name: PAY_URL, value: "https://pay.example.com:443"}, {name: API_URL, value: "http://api:80"}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      serviceAccountName: op
      containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: op, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects: [{kind: ServiceAccount, name: op, namespace: shop}]
`;

function setup() {
  const dir = tempDir('netpol-ci-links-gaps-');
  const app = path.join(dir, 'app.yaml');
  writeFileSync(app, APP);
  const links = path.join(dir, 'links.yaml');
  const scan = runCli(['scan', app, '-f', 'yaml', '-o', links]);
  expect(scan.code, scan.stderr).toBe(0);
  return { dir, app, links };
}

describe('synthesize --links keeps the manifests\' unresolved addresses as gaps', () => {
  it('the scan\'s own link list, given back, reports the same egress gaps as the scan', () => {
    const { app, links } = setup();
    const r = runCli(['synthesize', app, '--links', links]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2 gaps: what the manifests cannot tell');
    expect(r.stderr).toMatch(/shop\/api\[Deployment\] egress "kubernetes\.default\.svc:443"/);
    expect(r.stderr).toMatch(/shop\/worker\[Deployment\] egress "https:\/\/pay\.example\.com:443"/);
    expect(runCli(['synthesize', app, '--links', links, '--fail-on-gaps']).code).toBe(1);
  });

  it('--gaps=namespace opens them (0.0.0.0/0 on 443, and 6443 for the API server), and verify --links --gaps agrees', () => {
    const { dir, app, links } = setup();
    const pol = path.join(dir, 'policies');
    expect(runCli(['synthesize', app, '--links', links, '--gaps=namespace', '-o', `${pol}/`, '-q']).code).toBe(0);
    const text = readFileSync(path.join(pol, 'shop.yaml'), 'utf8');
    expect(text).toContain('gap (--gaps=namespace) -> 0.0.0.0/0: "kubernetes.default.svc:443"');
    expect(text).toContain('gap (--gaps=namespace) -> 0.0.0.0/0: "https://pay.example.com:443"');
    const v = runCli(['verify', app, '--policies', pol, '--links', links, '--gaps', 'namespace']);
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });

  it('a reviewed link from the workload on the gap\'s port closes it (the API server\'s block on 6443; the payment host\'s address on 443)', () => {
    const { dir, app, links } = setup();
    const reviewed = path.join(dir, 'reviewed.yaml');
    writeFileSync(
      reviewed,
      `${readFileSync(links, 'utf8').split(/\n(?:unresolved|gaps):/)[0]}
  - src: shop/api[Deployment]
    dst: 10.96.0.1-10.96.0.1[External]
    conns: TCP 6443
  - src: shop/worker[Deployment]
    dst: 203.0.113.7-203.0.113.7[External]
    conns: TCP 443
`,
    );
    const r = runCli(['synthesize', app, '--links', reviewed, '--fail-on-gaps']);
    expect(r.stderr).not.toMatch(/egress "/);
    expect(r.code, r.stderr).toBe(0);
  });
});
