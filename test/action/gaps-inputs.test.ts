import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEntry, schedulePayload } from '../helpers/action-runner.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * The synthesize and verify entries with `gaps` (and verify with `links`), run as a runner runs
 * them: policies synthesized with a gap closure verify clean with the same mode, and are excess
 * without it.
 */
afterAll(cleanupTempDirs);
const NO_API = 'http://127.0.0.1:9';

// web calls api (stated); worker calls a host outside the cluster (a gap); api has no stated caller but web
const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: x, env: [{name: API_URL, value: "http://api:80"}, {name: PAY_URL, value: "https://pay.example.com:443"}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}, ports: [{port: 80, targetPort: 8080}]}
`;

function checkout(): string {
  const dir = tempDir('netpol-ci-gaps-action-');
  mkdirSync(path.join(dir, 'app'));
  writeFileSync(path.join(dir, 'app', 'app.yaml'), APP);
  return dir;
}

const run = (name: string, dir: string, inputs: Record<string, string>) =>
  runEntry(name, { inputs: { ...inputs, 'working-directory': dir }, eventName: 'schedule', payload: schedulePayload(), apiUrl: NO_API, cwd: REPO_ROOT, env: { GITHUB_WORKSPACE: dir } });

describe('the gaps input of synthesize and verify', () => {
  it('synthesize with gaps: namespace writes the closure; verify with the same mode is clean, without it the closure is excess', async () => {
    const dir = checkout();
    const s = await run('synthesize', dir, { paths: 'app', output: 'policies/', gaps: 'namespace' });
    expect(s.stderr).toBe('');
    expect(s.code).toBe(0);
    const written = s.outputs.files!.split('\n').map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
    expect(written).toContain('gap (--gaps=namespace)');
    const clean = await run('verify', dir, { paths: 'app', policies: 'policies', gaps: 'namespace' });
    expect(clean.stderr).toBe('');
    expect([clean.code, clean.outputs.missing, clean.outputs.excess]).toEqual([0, '0', '0']);
    const strict = await run('verify', dir, { paths: 'app', policies: 'policies' });
    expect(strict.code).toBe(1);
    expect(Number(strict.outputs.excess)).toBeGreaterThan(0);
  });

  it('verify with links reads the reviewed links file as synthesize did; a bad gaps value is an input error', async () => {
    const dir = checkout();
    writeFileSync(path.join(dir, 'links.yaml'), 'apiVersion: netpol-ci/v1\nkind: LinkList\nlinks:\n  - src: shop/web[Deployment]\n    dst: shop/api[Deployment]\n    conns: TCP 8080\n  - src: shop/web[Deployment]\n    dst: 0.0.0.0/0\n    conns: TCP 443\n');
    const s = await run('synthesize', dir, { paths: 'app', output: 'policies/', links: 'links.yaml' });
    expect(s.code).toBe(0);
    const v = await run('verify', dir, { paths: 'app', policies: 'policies', links: 'links.yaml' });
    expect([v.code, v.outputs.missing, v.outputs.excess]).toEqual([0, '0', '0']);
    const bad = await run('verify', dir, { paths: 'app', policies: 'policies', gaps: 'wide' });
    expect(bad.code).toBe(2);
    expect(bad.stdout + bad.stderr).toMatch(/gaps/);
  });
});
