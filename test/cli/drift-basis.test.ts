import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { git } from '../helpers/action-runner.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * The drift gate is one use-case with one basis: what the policies were synthesized with
 * (`--links`, `--gaps`, `--no-ports`, DNS). `verify` and `check --policies` take the same flags with
 * the same meaning, so policies that verify clean never show as drift in the PR check, and the
 * check's report says what it judged them against.
 */

afterAll(cleanupTempDirs);

// web calls api (stated); api listens on 8080 and 9090 and has no other caller; worker calls a host outside the cluster (a gap); DNS runs in the manifests
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
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: coredns, namespace: kube-system}
spec:
  selector: {matchLabels: {k8s-app: kube-dns}}
  template:
    metadata: {labels: {k8s-app: kube-dns}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53, protocol: TCP}]}]
`;

// the reviewed file adds a call the manifests cannot tell (web -> api on 9090)
const LINKS = 'links:\n  - src: shop/web[Deployment]\n    dst: shop/api[Deployment]\n    conns: TCP 8080,9090\n';

const ok = (r: { code: number; stdout: string; stderr: string }) => {
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r;
};

type Rule = { ports?: unknown[] };
type Policy = { metadata: { name: string; annotations?: Record<string, string> }; spec: { ingress?: Rule[]; egress?: Rule[] } };

/** A repository: app/ and links.yaml on base; head adds the policies synthesized with `synth` flags. */
function repoWithPolicies(synth: string[]): { dir: string; base: string; head: string } {
  const dir = tempDir('netpol-ci-drift-basis-');
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(path.join(dir, 'app'));
  writeFileSync(path.join(dir, 'app', 'app.yaml'), APP);
  writeFileSync(path.join(dir, 'links.yaml'), LINKS);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  ok(runCli(['synthesize', 'app', ...synth, '-o', 'policies/', '-q'], { cwd: dir }));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'policies');
  return { dir, base, head: git(dir, 'rev-parse', 'HEAD') };
}

type CheckJson = { drift?: { kind: string; subject: string; message: string }[]; drift_basis?: { policies: string; links: string | null; gaps: string; no_ports: boolean; baseline: string[] } };
const checkJson = (dir: string, base: string, head: string, extra: string[]) => {
  const r = runCli(['check', '--repo', dir, '--base', base, '--head', head, 'app', '--policies', 'policies', '-f', 'json', ...extra], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CheckJson;
};

describe('check --policies judges the policies as verify does', () => {
  it('policies synthesized from reviewed links with --gaps namespace: clean in verify and in check with the same flags, drift in both without them', () => {
    const { dir, base, head } = repoWithPolicies(['--links', 'links.yaml', '--gaps=namespace']);
    const flags = ['--links', 'links.yaml', '--gaps', 'namespace'];
    const verified = ok(runCli(['verify', 'app', '--policies', 'policies', ...flags], { cwd: dir })).stdout;
    expect(verified).toMatch(/^No drift/);
    // verify says its basis too, as check does
    expect(verified).toContain('Judged on the basis the policies were synthesized with: policies judged against the reviewed links links.yaml, gaps namespace, rules with ports');
    expect(JSON.parse(runCli(['verify', 'app', '--policies', 'policies', ...flags, '-f', 'json'], { cwd: dir }).stdout).basis).toEqual({ links: 'links.yaml', gaps: 'namespace', no_ports: false, baseline: [] });
    const same = checkJson(dir, base, head, flags);
    expect(same.drift).toEqual([]);
    expect(same.drift_basis).toEqual({ policies: 'policies', links: 'links.yaml', gaps: 'namespace', no_ports: false, baseline: [] });

    // without the basis: verify and check find the same excess, the reviewed 9090 and the worker's closure
    const verifyStrict = runCli(['verify', 'app', '--policies', 'policies', '-f', 'json'], { cwd: dir });
    expect(verifyStrict.code).toBe(1);
    const strictExcess = (JSON.parse(verifyStrict.stdout) as { excess: { src: string; dst: string }[] }).excess.map((e) => `${e.src} → ${e.dst}`);
    const strict = checkJson(dir, base, head, []);
    expect(strict.drift_basis).toEqual({ policies: 'policies', links: null, gaps: 'deny', no_ports: false, baseline: [] });
    expect((strict.drift ?? []).filter((f) => f.kind === 'excess').map((f) => f.subject)).toEqual(strictExcess);
    expect(strict.drift?.map((f) => f.subject)).toContain('shop/web[Deployment] → shop/api[Deployment]');
    expect(strict.drift?.some((f) => f.subject.startsWith('shop/worker[Deployment] → 0.0.0.0'))).toBe(true);
  });

  it('the reviewed links file is read at head (the PR may change it), and --fail-on drift fails on what it leaves out', () => {
    const { dir, base, head } = repoWithPolicies(['--links', 'links.yaml']);
    // the working tree's copy narrows the link: the check must not read it
    writeFileSync(path.join(dir, 'links.yaml'), LINKS.replace('TCP 8080,9090', 'TCP 8080'));
    expect(checkJson(dir, base, head, ['--links', 'links.yaml']).drift).toEqual([]);
    // a head that narrows the reviewed link: its 9090 rule is now excess
    git(dir, 'commit', '-q', '-am', 'narrow the reviewed link');
    const narrowed = git(dir, 'rev-parse', 'HEAD');
    const r = runCli(['check', '--repo', dir, '--base', base, '--head', narrowed, 'app', '--policies', 'policies', '--links', 'links.yaml', '--fail-on', 'drift', '-f', 'md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('_The policies in `policies` judged against the reviewed links `links.yaml` · gaps `deny` · rules with ports._');
    expect(r.stdout).toMatch(/excess `shop\/web\[Deployment\] → shop\/api\[Deployment\]`: TCP 9090 is allowed beyond what the manifests need/);
  });

  it('a links file with an unknown workload is an input error of the check (exit 2), named at its line in head', () => {
    const { dir, base } = repoWithPolicies(['--links', 'links.yaml']);
    writeFileSync(path.join(dir, 'links.yaml'), `${LINKS}  - src: shop/ghost[Deployment]\n    dst: shop/api[Deployment]\n    conns: TCP 8080\n`);
    git(dir, 'commit', '-q', '-am', 'a link to nothing');
    const head = git(dir, 'rev-parse', 'HEAD');
    const r = runCli(['check', '--repo', dir, '--base', base, '--head', head, 'app', '--policies', 'policies', '--links', 'links.yaml', '-f', 'txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${head}:links\\.yaml:5:[^\\n]*error NPC[0-9]+[^\\n]*shop/ghost\\[Deployment\\]`));
  });

  it('the drift flags without --policies are a usage error (they would change nothing)', () => {
    const { dir, base, head } = repoWithPolicies([]);
    for (const flag of [['--links', 'links.yaml'], ['--gaps', 'open'], ['--no-ports'], ['--ingress-controller', 'namespace=ingress-nginx']]) {
      const r = runCli(['check', '--repo', dir, '--base', base, '--head', head, 'app', ...flag], { cwd: dir });
      expect(r.code, flag.join(' ')).toBe(2);
      expect(r.stderr).toContain(`${flag[0]} applies to the drift gate: give --policies DIR`);
    }
    expect(runCli(['check', '--repo', dir, '--base', base, '--head', head, 'app', '--policies', 'policies', '--gaps', 'wide'], { cwd: dir }).code).toBe(2);
    // --dns-* say where DNS runs: the check judges the DNS needs there without --policies too (test/cli/check-dns.test.ts)
    expect(runCli(['check', '--repo', dir, '--base', base, '--head', head, 'app', '--dns-port', '5353'], { cwd: dir }).code).toBe(0);
  });
});

describe('--no-ports: synthesize writes no port anywhere, verify and check judge peer-only rules', () => {
  const rulesOf = (yaml: string) => (loadAll(yaml) as Policy[]).filter(Boolean).flatMap((p) => [...(p.spec.ingress ?? []), ...(p.spec.egress ?? [])].map((r) => ({ policy: p.metadata.name, rule: r })));

  for (const mode of ['namespace', 'open'] as const) {
    it(`--gaps=${mode}: no rule names a port, gap closures and the DNS pods' ingress included`, () => {
      const dir = tempDir('netpol-ci-no-ports-');
      writeFileSync(path.join(dir, 'app.yaml'), APP);
      const r = ok(runCli(['synthesize', 'app.yaml', '--no-ports', `--gaps=${mode}`], { cwd: dir }));
      const rules = rulesOf(r.stdout);
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.filter((x) => x.rule.ports !== undefined)).toEqual([]);
      // the closures are there, and say they name no ports
      expect(r.stdout).toContain(`gap (--gaps=${mode})`);
      if (mode === 'namespace') expect(r.stdout).toMatch(/gap \(--gaps=namespace\) -> 0\.0\.0\.0\/0: "https:\/\/pay\.example\.com:443"[^\n]*\(the rule names no ports: --no-ports\)/);
      expect(r.stdout).toMatch(/<- DNS clients \(every namespace\) TCP 53,UDP 53: every workload with egress needs DNS \(the rule names no ports: --no-ports\)/);
    });
  }

  it('policies synthesized with --no-ports --gaps namespace verify and check clean with the same flags, and are excess without --no-ports', () => {
    const { dir, base, head } = repoWithPolicies(['--no-ports', '--gaps=namespace']);
    const flags = ['--no-ports', '--gaps', 'namespace'];
    expect(ok(runCli(['verify', 'app', '--policies', 'policies', ...flags], { cwd: dir })).stdout).toMatch(/^No drift/);
    const same = checkJson(dir, base, head, flags);
    expect(same.drift).toEqual([]);
    expect(same.drift_basis?.no_ports).toBe(true);
    const withPorts = runCli(['verify', 'app', '--policies', 'policies', '--gaps', 'namespace'], { cwd: dir });
    expect(withPorts.code).toBe(1);
    // web may reach api on every port now: beyond TCP 8080
    expect(withPorts.stdout).toContain('excess: source: shop/web[Deployment], destination: shop/api[Deployment]');
    expect(checkJson(dir, base, head, ['--gaps', 'namespace']).drift?.some((f) => f.kind === 'excess' && f.subject === 'shop/web[Deployment] → shop/api[Deployment]')).toBe(true);
  });

  it('with --no-ports a needed connection the policies block is still missing, and a pair nothing needs is still excess', () => {
    const dir = tempDir('netpol-ci-no-ports-');
    writeFileSync(path.join(dir, 'app.yaml'), APP);
    ok(runCli(['synthesize', 'app.yaml', '--no-ports', '-o', 'policies/', '-q'], { cwd: dir }));
    const file = path.join(dir, 'policies', 'shop.yaml');
    const text = readFileSync(file, 'utf8');
    // web's egress to api, narrowed by hand to a port api does not listen on: TCP 8080 is now blocked
    const narrowed = text.replace(/( {2}egress:\n {4}- to:\n {8}- podSelector:\n {12}matchLabels:\n {14}app: api\n)/, '$1      ports:\n        - {protocol: TCP, port: 1234}\n');
    expect(narrowed).not.toBe(text);
    writeFileSync(file, narrowed);
    // and worker may now reach api: a pair nothing needs
    const np = (name: string, app: string, rule: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: ${app}}}\n  ${rule}\n`;
    writeFileSync(path.join(dir, 'policies', 'extra.yaml'), [np('worker-to-api', 'worker', 'egress: [{to: [{podSelector: {matchLabels: {app: api}}}]}]'), np('api-from-worker', 'api', 'ingress: [{from: [{podSelector: {matchLabels: {app: worker}}}]}]')].join('---\n'));
    const r = runCli(['verify', 'app.yaml', '--policies', 'policies', '--no-ports', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { missing: { src: string; dst: string; blocked: string }[]; excess: { src: string; dst: string }[] };
    expect(out.missing.map((m) => [m.src, m.dst, m.blocked])).toEqual([['shop/web[Deployment]', 'shop/api[Deployment]', 'TCP 8080']]);
    expect(out.excess.map((e) => `${e.src} ${e.dst}`)).toContain('shop/worker[Deployment] shop/api[Deployment]');
  });

  it('verify --fix --no-ports writes peer-only policies (what synthesize --no-ports writes)', () => {
    const dir = tempDir('netpol-ci-no-ports-');
    writeFileSync(path.join(dir, 'app.yaml'), APP);
    mkdirSync(path.join(dir, 'policies'));
    ok(runCli(['verify', 'app.yaml', '--policies', 'policies', '--no-ports', '--gaps', 'namespace', '--fix', '-q'], { cwd: dir }));
    const expected = ok(runCli(['synthesize', 'app.yaml', '--no-ports', '--gaps=namespace', '-o', 'expected/', '-q'], { cwd: dir }));
    expect(expected.code).toBe(0);
    for (const f of ['shop.yaml', 'kube-system.yaml']) expect(readFileSync(path.join(dir, 'policies', f), 'utf8')).toBe(readFileSync(path.join(dir, 'expected', f), 'utf8'));
  });
});
