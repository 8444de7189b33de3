import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, runEntry, schedulePayload } from '../helpers/action-runner.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * The check Action's drift gate takes the drift inputs of verify (`links`, `gaps`, `no-ports`, DNS),
 * run as a runner runs the entries: policies synthesized by the synthesize Action from a reviewed
 * links file with a gap closure (and peer-only) pass verify and check alike with the same inputs,
 * and the report says what the drift was judged against.
 */
afterAll(cleanupTempDirs);
const NO_API = 'http://127.0.0.1:9';

// web calls api (stated); worker calls a host outside the cluster (a gap)
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
spec: {selector: {app: api}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: worker, namespace: shop}
spec:
  selector: {matchLabels: {app: worker}}
  template:
    metadata: {labels: {app: worker}}
    spec:
      containers: [{name: c, image: x, env: [{name: PAY_URL, value: "https://pay.example.com:443"}]}]
`;
const LINKS = 'links:\n  - src: shop/web[Deployment]\n    dst: shop/api[Deployment]\n    conns: TCP 8080,9090\n';

const run = (name: string, dir: string, inputs: Record<string, string>) =>
  runEntry(name, { inputs: { ...inputs, 'working-directory': dir }, eventName: 'schedule', payload: schedulePayload(), apiUrl: NO_API, cwd: REPO_ROOT, env: { GITHUB_WORKSPACE: dir } });

/** A repository whose base holds the app and the reviewed links, and whose head adds the policies the synthesize Action writes with `synth`. */
async function repo(synth: Record<string, string>): Promise<{ dir: string; base: string; head: string }> {
  const dir = tempDir('netpol-ci-check-drift-action-');
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(path.join(dir, 'app'));
  writeFileSync(path.join(dir, 'app', 'app.yaml'), APP);
  writeFileSync(path.join(dir, 'links.yaml'), LINKS);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  const s = await run('synthesize', dir, { paths: 'app', output: 'policies/', ...synth });
  expect(s.code, s.stdout + s.stderr).toBe(0);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'policies');
  return { dir, base, head: git(dir, 'rev-parse', 'HEAD') };
}

const check = (dir: string, base: string, head: string, inputs: Record<string, string>) => run('check', dir, { base, head, paths: 'app', policies: 'policies', engine: 'builtin', 'fail-on': 'drift', comment: 'false', ...inputs });

describe('the check Action judges drift on the drift inputs, as verify does', () => {
  it('links + gaps: clean in verify and check with the same inputs; without them both fail on drift; the report names the basis', async () => {
    const { dir, base, head } = await repo({ links: 'links.yaml', gaps: 'namespace' });
    const basis = { links: 'links.yaml', gaps: 'namespace' };
    const v = await run('verify', dir, { paths: 'app', policies: 'policies', ...basis });
    expect([v.code, v.outputs.missing, v.outputs.excess]).toEqual([0, '0', '0']);
    const c = await check(dir, base, head, basis);
    expect(c.code, c.stdout).toBe(0);
    expect(c.outputs.drift).toBe('0');
    expect(c.summary).toContain('#### Drift');
    expect(c.summary).toContain('_The policies in `policies` judged against the reviewed links `links.yaml` · gaps `namespace` · rules with ports._');
    // the comment body (report-path) carries the same line
    expect(readFileSync(c.outputs['report-path']!, 'utf8')).toContain('judged against the reviewed links `links.yaml` · gaps `namespace`');

    const strictVerify = await run('verify', dir, { paths: 'app', policies: 'policies' });
    expect(strictVerify.code).toBe(1);
    const strict = await check(dir, base, head, {});
    expect(strict.code).toBe(1);
    expect(Number(strict.outputs.drift)).toBe(Number(strictVerify.outputs.excess) + Number(strictVerify.outputs.missing));
    expect(strict.stdout).toContain('::error::the check failed on: drift');
    expect(strict.summary).toContain("judged against the links the manifests state (no reviewed links file) · gaps `deny`");
  });

  it('no-ports: policies the synthesize Action wrote peer-only pass verify and check with no-ports, and drift without it', async () => {
    const { dir, base, head } = await repo({ 'no-ports': 'true', gaps: 'namespace' });
    expect(readFileSync(path.join(dir, 'policies', 'shop.yaml'), 'utf8')).not.toMatch(/^ *ports:/m);
    const v = await run('verify', dir, { paths: 'app', policies: 'policies', gaps: 'namespace', 'no-ports': 'true' });
    expect([v.code, v.outputs.missing, v.outputs.excess]).toEqual([0, '0', '0']);
    const c = await check(dir, base, head, { gaps: 'namespace', 'no-ports': 'true' });
    expect([c.code, c.outputs.drift]).toEqual([0, '0']);
    expect(c.summary).toContain('gaps `namespace` · peer-only rules (no ports)');
    const withPorts = await check(dir, base, head, { gaps: 'namespace' });
    expect(withPorts.code).toBe(1);
    expect(Number(withPorts.outputs.drift)).toBeGreaterThan(0);
  });

  it('baseline: policies synthesized with a deny rule pass verify and check with the same rules (check\'s baseline gate reads the same file)', async () => {
    const dir = tempDir('netpol-ci-check-drift-action-rules-');
    // the organisation forbids web -> api (a link the manifests state); the synthesize Action has no baseline input: the CLI writes the policies
    const rules = path.join(dir, 'rules.yaml');
    writeFileSync(rules, '- {name: web-not-api, from: app=web, to: app=api, action: deny}\n');
    const repoDir = tempDir('netpol-ci-check-drift-action-');
    git(repoDir, 'init', '-q', '-b', 'main');
    mkdirSync(path.join(repoDir, 'app'));
    writeFileSync(path.join(repoDir, 'app', 'app.yaml'), APP);
    git(repoDir, 'add', '-A');
    git(repoDir, 'commit', '-q', '-m', 'base');
    const base = git(repoDir, 'rev-parse', 'HEAD');
    expect(runCli(['synthesize', 'app', '--baseline', rules, '-o', 'policies/', '-q'], { cwd: repoDir }).code).toBe(0);
    git(repoDir, 'add', '-A');
    git(repoDir, 'commit', '-q', '-m', 'policies');
    const head = git(repoDir, 'rev-parse', 'HEAD');
    const v = await run('verify', repoDir, { paths: 'app', policies: 'policies', baseline: rules });
    expect([v.code, v.outputs.missing, v.outputs.excess]).toEqual([0, '0', '0']);
    const without = await run('verify', repoDir, { paths: 'app', policies: 'policies' });
    expect([without.code, Number(without.outputs.missing) > 0]).toEqual([1, true]);
    // the baseline gate reads the policies among the paths (it checks what head's paths hold)
    const c = await check(repoDir, base, head, { paths: 'app\npolicies', baseline: rules, 'fail-on': 'drift,baseline' });
    expect([c.code, c.outputs.drift, c.outputs.violations]).toEqual([0, '0', '0']);
    expect(c.summary).toContain('· baseline rules');
  });

  it('ingress-controller: policies the synthesize Action wrote for an Ingress backend with the controller in ingress-nginx pass verify and check with the same input; without it the Ingress link is missing in both', async () => {
    const dir = tempDir('netpol-ci-check-drift-action-ic-');
    git(dir, 'init', '-q', '-b', 'main');
    mkdirSync(path.join(dir, 'app'));
    const ingress = '---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: api, namespace: shop}\nspec:\n  rules:\n  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}\n';
    writeFileSync(path.join(dir, 'app', 'app.yaml'), APP + ingress);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    const base = git(dir, 'rev-parse', 'HEAD');
    const place = { 'ingress-controller': 'namespace=ingress-nginx,app.kubernetes.io/name=ingress-nginx' };
    const s = await run('synthesize', dir, { paths: 'app', output: 'policies/', gaps: 'namespace', ...place });
    expect(s.code, s.stdout + s.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'policies', 'shop.yaml'), 'utf8')).toContain('kubernetes.io/metadata.name: ingress-nginx');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'policies');
    const head = git(dir, 'rev-parse', 'HEAD');
    const v = await run('verify', dir, { paths: 'app', policies: 'policies', gaps: 'namespace', ...place });
    expect([v.code, v.outputs.missing, v.outputs.excess]).toEqual([0, '0', '0']);
    const c = await check(dir, base, head, { gaps: 'namespace', 'fail-on': 'drift,broken', ...place });
    expect([c.code, c.outputs.drift]).toEqual([0, '0']);
    const unplaced = await run('verify', dir, { paths: 'app', policies: 'policies', gaps: 'namespace' });
    expect([unplaced.code, unplaced.outputs.missing]).toEqual([1, '1']);
  });

  it('drift inputs without policies, and a bad gaps value, are configuration errors (exit 2)', async () => {
    const { dir, base, head } = await repo({});
    const orphan = await run('check', dir, { base, head, paths: 'app', engine: 'builtin', links: 'links.yaml', comment: 'false' });
    expect(orphan.code).toBe(2);
    expect(orphan.stdout).toContain('::error::configuration error: input "links" applies to the drift check: set "policies" too');
    const bad = await check(dir, base, head, { gaps: 'wide' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toMatch(/input "gaps"/);
  });
});
