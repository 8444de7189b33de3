import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * In a dual-stack or IPv6 cluster (--ip-family dual|6), "every outside address" (a LoadBalancer's
 * clients, a gap closure towards a host outside the cluster) is written in each family. It was
 * 0.0.0.0/0 only: IPv6 clients of a LoadBalancer, and an opened host reached over IPv6, were blocked.
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
      containers: [{name: c, image: x, ports: [{containerPort: 8080}], env: [{name: PAY_URL, value: "https://pay.example.com:443"}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

function setup() {
  const dir = tempDir('netpol-ci-ip-family-');
  const app = path.join(dir, 'app.yaml');
  writeFileSync(app, APP);
  return { dir, app, pol: path.join(dir, 'policies') };
}

describe('synthesize --ip-family', () => {
  it('dual: the LoadBalancer\'s clients and the gap closure are every IPv4 and every IPv6 address, and the connectivity says so', () => {
    const { app, pol } = setup();
    expect(runCli(['synthesize', app, '--ip-family', 'dual', '--gaps=namespace', '-o', `${pol}/`, '-q']).code).toBe(0);
    const text = readFileSync(path.join(pol, 'shop.yaml'), 'utf8');
    expect(text.match(/cidr: "?::\/0"?/g)).toHaveLength(2);
    expect(text.match(/cidr: 0\.0\.0\.0\/0/g)).toHaveLength(2);
    const c = runCli(['connectivity', app, pol, '--ip-family', 'dual']);
    // (a line that starts with `::` is escaped: it would be a GitHub workflow command)
    expect(c.stdout).toMatch(/^(\\x3a|:):-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff\[External\] => shop\/web\[Deployment\] : TCP 8080$/m);
    expect(c.stdout).toContain('shop/web[Deployment] => ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] : TCP 443');
    const v = runCli(['verify', app, '--policies', pol, '--ip-family', 'dual', '--gaps', 'namespace']);
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });

  it('6: IPv6 only; 4 (the default): IPv4 only', () => {
    const { app } = setup();
    const v6 = runCli(['synthesize', app, '--ip-family', '6', '--gaps=namespace', '-q']).stdout;
    expect(v6).toMatch(/cidr: "?::\/0"?/);
    expect(v6).not.toContain('0.0.0.0/0');
    const v4 = runCli(['synthesize', app, '--gaps=namespace', '-q']).stdout;
    expect(v4).toContain('cidr: 0.0.0.0/0');
    expect(v4).not.toContain('::/0');
  });
});
