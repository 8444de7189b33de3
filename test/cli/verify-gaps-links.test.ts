import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * `verify` judges policies against the needs they were synthesized from: `--gaps MODE` (the gap
 * closures are needed, not excess) and `--links FILE` (a reviewed links file replaces the scan, as
 * for `synthesize --links`). Without them, policies synthesized with a closure or a reviewed link
 * could never verify clean, and `verify --fix` rewrote them without the openings: a call the
 * manifests cannot tell, allowed on purpose, silently blocked again.
 */

afterAll(cleanupTempDirs);

// web calls api (stated); api listens on 8080 and 9090; worker has an address outside the cluster
const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: x, env: [{name: API_URL, value: "http://api:80"}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 8080}, {containerPort: 9090}]}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: worker, namespace: shop}
spec:
  selector: {matchLabels: {app: worker}}
  template:
    metadata: {labels: {app: worker}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 7000}], env: [{name: PAY_URL, value: "https://pay.example.com:443"}]}]
`;

function setup(): { dir: string; app: string; pol: string } {
  const dir = tempDir('netpol-ci-verify-gaps-');
  const app = path.join(dir, 'app.yaml');
  writeFileSync(app, APP);
  return { dir, app, pol: path.join(dir, 'policies') };
}

const ok = (r: { code: number; stdout: string; stderr: string }) => {
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r;
};

describe('verify --gaps MODE', () => {
  for (const mode of ['namespace', 'open'] as const) {
    it(`policies synthesized with --gaps=${mode} verify clean with --gaps ${mode}, and are excess without it`, () => {
      const { app, pol } = setup();
      ok(runCli(['synthesize', app, `--gaps=${mode}`, '-o', `${pol}/`, '-q']));
      const r = ok(runCli(['verify', app, '--policies', pol, '--gaps', mode]));
      expect(r.stdout).toMatch(/^No drift/);
      const strict = runCli(['verify', app, '--policies', pol]);
      expect(strict.code).toBe(1);
      // the worker's opening towards pay.example.com is a gap closure: excess only when the mode is not given
      expect(strict.stdout).toMatch(/excess: source: shop\/worker\[Deployment\], destination: 0\.0\.0\.0-.*\[External\]/);
    });
  }

  it('--fix with --gaps namespace keeps the openings (without it, the fix closes them: what --gaps says is the team\'s decision)', () => {
    const { app, pol } = setup();
    ok(runCli(['synthesize', app, '--gaps=namespace', '-o', `${pol}/`, '-q']));
    const before = readFileSync(path.join(pol, 'shop.yaml'), 'utf8');
    const r = ok(runCli(['verify', app, '--policies', pol, '--gaps', 'namespace', '--fix']));
    expect(readFileSync(path.join(pol, 'shop.yaml'), 'utf8')).toBe(before);
    expect(r.stdout).toMatch(/No drift/);
    expect(before).toContain('gap (--gaps=namespace) -> 0.0.0.0/0: "https://pay.example.com:443"');
  });

  it('a gap closure removed by hand is missing, named by the gap it closes', () => {
    const { app, pol } = setup();
    ok(runCli(['synthesize', app, '--gaps=namespace', '-o', `${pol}/`, '-q']));
    const file = path.join(pol, 'shop.yaml');
    // the worker's egress to 0.0.0.0/0 on 443: its rule becomes one to a single documentation address
    writeFileSync(file, readFileSync(file, 'utf8').replace('cidr: 0.0.0.0/0', 'cidr: 192.0.2.1/32'));
    const r = runCli(['verify', app, '--policies', pol, '--gaps', 'namespace', '-f', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { missing: { src: string; dst: string; blocked: string; needed_by: { text?: string }[] }[] };
    expect(out.missing.length).toBeGreaterThan(0);
    for (const m of out.missing) {
      expect(m.src).toBe('shop/worker[Deployment]');
      expect(m.blocked).toBe('TCP 443');
      expect(JSON.stringify(m.needed_by)).toContain('gap (--gaps=namespace)');
      expect(JSON.stringify(m.needed_by)).toContain('pay.example.com');
    }
  });

  it('--gaps is refused for cluster drift, and a bad mode is a usage error', () => {
    const { app, pol } = setup();
    ok(runCli(['synthesize', app, '-o', `${pol}/`, '-q']));
    expect(runCli(['verify', '--cluster-export', pol, '--policies', pol, '--gaps', 'open']).code).toBe(2);
    expect(runCli(['verify', app, '--policies', pol, '--gaps', 'wide']).code).toBe(2);
  });
});

describe('verify --links FILE', () => {
  const reviewed = (dir: string) => {
    // the reviewed file adds a call the manifests cannot tell (web -> api on 9090)
    const links = path.join(dir, 'links.yaml');
    writeFileSync(links, 'links:\n  - src: shop/web[Deployment]\n    dst: shop/api[Deployment]\n    conns: TCP 8080,9090\n');
    return links;
  };

  it('policies synthesized from a reviewed links file verify clean with it, and show its extra link as excess without it', () => {
    const { dir, app, pol } = setup();
    const links = reviewed(dir);
    ok(runCli(['synthesize', app, '--links', links, '-o', `${pol}/`, '-q']));
    expect(ok(runCli(['verify', app, '--policies', pol, '--links', links])).stdout).toMatch(/^No drift/);
    const scanOnly = runCli(['verify', app, '--policies', pol]);
    expect(scanOnly.code).toBe(1);
    expect(scanOnly.stdout).toContain('excess: source: shop/web[Deployment], destination: shop/api[Deployment], allowed: TCP 8080,9090, needed: TCP 8080, excess: TCP 9090');
  });

  it('--fix with --links keeps the reviewed link', () => {
    const { dir, app, pol } = setup();
    const links = reviewed(dir);
    ok(runCli(['synthesize', app, '--links', links, '-o', `${pol}/`, '-q']));
    const before = readFileSync(path.join(pol, 'shop.yaml'), 'utf8');
    ok(runCli(['verify', app, '--policies', pol, '--links', links, '--fix']));
    expect(readFileSync(path.join(pol, 'shop.yaml'), 'utf8')).toBe(before);
  });

  it('a link the manifests state that the reviewed file lacks is warned about (NPC250), with its provenance', () => {
    const { dir, app, pol } = setup();
    const links = path.join(dir, 'links.yaml');
    writeFileSync(links, 'links:\n  - src: shop/worker[Deployment]\n    dst: shop/api[Deployment]\n    conns: TCP 8080\n');
    ok(runCli(['synthesize', app, '--links', links, '-o', `${pol}/`, '-q']));
    const r = ok(runCli(['verify', app, '--policies', pol, '--links', links]));
    expect(r.stderr).toMatch(/app\.yaml:9:\d+ \[doc 1\] warning NPC250 .*shop\/web\[Deployment\] => shop\/api\[Deployment\] TCP 8080 is stated by the manifests \(.*"http:\/\/api:80"\) but not in the reviewed links .*links\.yaml/);
  });

  it('a links file with an error is bad input (exit 2)', () => {
    const { dir, app, pol } = setup();
    ok(runCli(['synthesize', app, '-o', `${pol}/`, '-q']));
    const links = path.join(dir, 'links.yaml');
    writeFileSync(links, 'links:\n  - src: shop/nope[Deployment]\n    dst: shop/api[Deployment]\n    conns: TCP 8080\n');
    const r = runCli(['verify', app, '--policies', pol, '--links', links]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/links\.yaml:2:\d+/);
  });
});
