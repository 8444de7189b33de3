import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { findNcaForTests } from '../helpers/nca.js';

/**
 * `synthesize --baseline` with `--gaps namespace|open`: a gap closure never opens what a deny rule
 * forbids (the platform team's rule is a decision, the closure a guess). A closure that crosses a
 * rule is cut: written as the links it opens, without the denied part (an address range loses only
 * the denied block), each rule with its provenance, and a warning NPC103 at the rule says so. The
 * policies written then pass the baseline check, by the built-in engine and by nca.
 */
afterAll(cleanupTempDirs);

const deploy = (name: string, port: number, env = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: c, image: x, ports: [{containerPort: ${port}}]${env}}]}\n`;
// web calls api (stated); worker has no known caller (an ingress gap) and calls a host outside the cluster (an egress gap)
const APP = [
  deploy('web', 80, ', env: [{name: API, value: "http://api:8080"}]'),
  deploy('api', 8080),
  deploy('worker', 7000, ', env: [{name: PAY, value: "https://pay.example.com:443"}]'),
  'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {selector: {app: api}, ports: [{port: 8080}]}\n',
].join('---\n');
// the organisation: web never talks to worker; nothing reaches the cloud metadata service
const RULES = '- {name: web-not-worker, from: app=web, to: app=worker, action: deny}\n- {name: no-metadata, from: app=worker, to: 169.254.169.254/32, action: deny}\n';

type Peer = { podSelector?: { matchLabels?: Record<string, string> }; ipBlock?: { cidr: string; except?: string[] } };
type Policy = { metadata: { name: string; annotations?: Record<string, string> }; spec: { ingress?: { from: Peer[]; ports?: unknown[] }[]; egress?: { to: Peer[]; ports?: unknown[] }[] } };

function setup(): string {
  const dir = tempDir('netpol-ci-closure-baseline-');
  writeFileSync(path.join(dir, 'app.yaml'), APP);
  writeFileSync(path.join(dir, 'rules.yaml'), RULES);
  return dir;
}

describe('synthesize --baseline cuts the gap closures a deny rule crosses', () => {
  it('--gaps=namespace: the worker accepts api, never web; its egress to every address skips the metadata service; baseline holds for both engines', () => {
    const dir = setup();
    const s = runCli(['synthesize', 'app.yaml', '--gaps=namespace', '--baseline', 'rules.yaml', '-o', 'policies.yaml'], { cwd: dir });
    expect(s.code, s.stderr).toBe(0);
    const warnings = lines(s.stderr).filter((l) => l.includes('NPC103'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^rules\.yaml:1:3 \[doc 1\] warning NPC103 \[0\]: --gaps=namespace closure shop\/web\[Deployment\] => shop\/worker\[Deployment\] : TCP 7000 is forbidden by baseline rule web-not-worker \(rules\.yaml:1\); cut: /);
    expect(warnings[1]).toMatch(/^rules\.yaml:2:3 \[doc 1\] warning NPC103 \[1\]: --gaps=namespace closure shop\/worker\[Deployment\] => 169\.254\.169\.254-169\.254\.169\.254\[External\] : TCP 443 is forbidden by baseline rule no-metadata /);

    const ps = (loadAll(runCli(['synthesize', 'app.yaml', '--gaps=namespace', '--baseline', 'rules.yaml', '-q'], { cwd: dir }).stdout) as Policy[]).filter(Boolean);
    const worker = ps.find((p) => p.metadata.name === 'worker-netpol') as Policy;
    // no podSelector {} any more: one rule per workload the closure lets in, web left out, the worker's own pods kept (replicas are isolated from each other too)
    expect(worker.spec.ingress?.map((r) => r.from)).toEqual([[{ podSelector: { matchLabels: { app: 'api' } } }], [{ podSelector: { matchLabels: { app: 'worker' } } }]]);
    // the cut-out block as an `except` of the closure's one rule
    expect((worker.spec.egress ?? []).filter((r) => r.to.some((p) => p.ipBlock))).toEqual([{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] } }], ports: [{ protocol: 'TCP', port: 443 }] }]);
    expect(worker.metadata.annotations?.['netpol-ci.io/rules']).toContain('gap (--gaps=namespace) app.yaml:');

    // what the policies allow: api may reach the worker, web may not; outside addresses but the metadata service on 443
    const c = runCli(['connectivity', 'app.yaml', 'policies.yaml'], { cwd: dir });
    expect(c.stdout).toContain('shop/api[Deployment] => shop/worker[Deployment] : TCP 7000');
    expect(c.stdout).not.toContain('shop/web[Deployment] => shop/worker[Deployment]');
    // the ranges the worker reaches (split at every boundary the policies name) cover all of IPv4 but the metadata address, on TCP 443
    const ip = (t: string) => t.split('.').reduce((n, o) => n * 256 + Number(o), 0);
    const reached = lines(c.stdout)
      .map((l) => /^shop\/worker\[Deployment\] => ([\d.]+)-([\d.]+)\[External\] : (.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ lo: ip(m[1] as string), hi: ip(m[2] as string), conns: m[3] }))
      .sort((a, b) => a.lo - b.lo);
    expect(new Set(reached.map((r) => r.conns))).toEqual(new Set(['TCP 443']));
    const gaps: string[] = [];
    let next = 0;
    for (const r of reached) {
      if (r.lo > next) gaps.push(`${next}-${r.lo - 1}`);
      next = r.hi + 1;
    }
    if (next <= ip('255.255.255.255')) gaps.push(`${next}-${ip('255.255.255.255')}`);
    expect(gaps).toEqual([`${ip('169.254.169.254')}-${ip('169.254.169.254')}`]);
    const b = runCli(['baseline', 'app.yaml', 'policies.yaml', '--baseline', 'rules.yaml', '--engine', 'both'], { cwd: dir, env: { NCA_PATH: findNcaForTests() } });
    expect(b.stdout, b.stderr).toMatch(/passed \(0 violation\(s\), 0 disagreement\(s\)\)/);
    expect(b.code).toBe(0);
  });

  it('a closure no deny rule crosses is still written whole (podSelector {}), without a warning', () => {
    const dir = setup();
    writeFileSync(path.join(dir, 'rules.yaml'), '- {name: db-only, from: app=web, to: 10.0.0.0/8, action: deny}\n');
    const s = runCli(['synthesize', 'app.yaml', '--gaps=namespace', '--baseline', 'rules.yaml'], { cwd: dir });
    expect(s.code).toBe(0);
    expect(s.stderr).not.toContain('NPC103');
    const worker = (loadAll(s.stdout) as Policy[]).filter(Boolean).find((p) => p.metadata.name === 'worker-netpol') as Policy;
    expect(worker.spec.ingress?.map((r) => r.from)).toEqual([[{ podSelector: {} }]]);
  });
});

describe('verify --baseline and check --baseline --policies judge the policies as synthesize --baseline wrote them', () => {
  // besides the gap rules: the organisation also forbids web -> api, a link the manifests state
  const ALL_RULES = `${RULES}- {name: web-not-api, from: app=web, to: app=api, action: deny}\n`;

  it('clean with the same rules; without them, what the rules removed is missing', () => {
    const dir = setup();
    writeFileSync(path.join(dir, 'rules.yaml'), ALL_RULES);
    expect(runCli(['synthesize', 'app.yaml', '--gaps=namespace', '--baseline', 'rules.yaml', '-o', 'policies/', '-q'], { cwd: dir }).code).toBe(0);
    const same = runCli(['verify', 'app.yaml', '--policies', 'policies', '--gaps', 'namespace', '--baseline', 'rules.yaml'], { cwd: dir });
    expect(same.code, same.stdout + same.stderr).toBe(0);
    expect(same.stdout).toMatch(/^No drift/);
    expect(same.stdout).toContain('baseline rules rules.yaml');
    const without = runCli(['verify', 'app.yaml', '--policies', 'policies', '--gaps', 'namespace', '-f', 'json'], { cwd: dir });
    expect(without.code).toBe(1);
    const missing = (JSON.parse(without.stdout) as { missing: { src: string; dst: string; blocked: string }[] }).missing.map((m) => `${m.src} => ${m.dst} ${m.blocked}`);
    // web keeps one egress rule, to its own pods on 80 (its ingress gap's closure: a policy isolates replicas from each other too), so it has DNS
    expect(missing).toEqual(['shop/web[Deployment] => shop/api[Deployment] TCP 8080', 'shop/web[Deployment] => shop/worker[Deployment] TCP 7000', 'shop/worker[Deployment] => 169.254.169.254-169.254.169.254[External] TCP 443']);
  });

  it('verify --fix --baseline writes what synthesize --baseline writes', () => {
    const dir = setup();
    expect(runCli(['synthesize', 'app.yaml', '--gaps=namespace', '--baseline', 'rules.yaml', '-o', 'expected/', '-q'], { cwd: dir }).code).toBe(0);
    const fixed = runCli(['verify', 'app.yaml', '--policies', 'expected-copy', '--gaps', 'namespace', '--baseline', 'rules.yaml', '--fix', '-q'], { cwd: dir });
    expect(fixed.code).toBe(2); // the folder must exist
    const out = path.join(dir, 'policies');
    mkdirSync(out);
    expect(runCli(['verify', 'app.yaml', '--policies', 'policies', '--gaps', 'namespace', '--baseline', 'rules.yaml', '--fix', '-q'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(out, 'shop.yaml'), 'utf8')).toBe(readFileSync(path.join(dir, 'expected', 'shop.yaml'), 'utf8'));
  });

  it('check: the same --baseline is the basis of its drift gate, and its baseline gate passes', () => {
    const dir = setup();
    writeFileSync(path.join(dir, 'rules.yaml'), ALL_RULES);
    mkdirSync(path.join(dir, 'base'));
    mkdirSync(path.join(dir, 'head'));
    writeFileSync(path.join(dir, 'base', 'app.yaml'), APP);
    writeFileSync(path.join(dir, 'head', 'app.yaml'), APP);
    expect(runCli(['synthesize', 'head/app.yaml', '--gaps=namespace', '--baseline', 'rules.yaml', '-o', 'head/policies/', '-q'], { cwd: dir }).code).toBe(0);
    const r = runCli(['check', '--base', 'base', '--head', 'head', '--policies', 'head/policies', '--gaps', 'namespace', '--baseline', 'rules.yaml', '--engine', 'builtin', '--fail-on', 'drift,baseline', '-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { drift: unknown[]; baseline: unknown[]; drift_basis: { baseline: string[] } };
    expect([out.drift, out.baseline, out.drift_basis.baseline]).toEqual([[], [], ['rules.yaml']]);
  });

  it('a closure written whole would admit pods the manifests do not hold: a deny rule on such pods (another namespace) cuts it too', () => {
    const dir = setup();
    // no workload of the manifests is in an env=dev namespace: the rule selects none of them, yet
    // `--gaps=open` would let every pod of every namespace reach the worker
    writeFileSync(path.join(dir, 'dev.yaml'), '- {name: nothing-from-dev, from_ns: env=dev, to: app=worker, action: deny}\n');
    const s = runCli(['synthesize', 'app.yaml', '--gaps=open', '--baseline', 'dev.yaml'], { cwd: dir });
    expect(s.code, s.stderr).toBe(0);
    expect(lines(s.stderr).filter((l) => l.includes('NPC103'))).toEqual([expect.stringMatching(/warning NPC103 .*closure of shop\/worker\[Deployment\]'s ingress gap .* would also open pods the manifests do not hold that baseline rule nothing-from-dev/)]);
    const worker = (loadAll(s.stdout) as Policy[]).filter(Boolean).find((p) => p.metadata.name === 'worker-netpol') as Policy;
    // no namespaceSelector {} nor podSelector {} any more: the workloads and addresses of the manifests, each by name
    const peers = (worker.spec.ingress ?? []).flatMap((r) => r.from);
    expect(peers.length).toBeGreaterThan(0);
    expect(peers.filter((p) => JSON.stringify(p).includes('{}'))).toEqual([]);
  });

  it('--no-ports keeps the ports of a pair a deny rule covers: a peer-only rule would open what the rule forbids', () => {
    const dir = tempDir('netpol-ci-noports-baseline-');
    // web needs db on 5432 and 6432; the organisation forbids web -> db on 5432; the worker's outside host makes a closure too
    writeFileSync(
      path.join(dir, 'app.yaml'),
      [
        deploy('web', 80, ', env: [{name: DB, value: "postgres://db:5432"}, {name: POOL, value: "postgres://db:6432"}]'),
        deploy('db', 5432).replace('ports: [{containerPort: 5432}]', 'ports: [{containerPort: 5432}, {containerPort: 6432}]'),
        deploy('worker', 7000, ', env: [{name: PAY, value: "https://pay.example.com:443"}]'),
        'apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: shop}\nspec: {selector: {app: db}, ports: [{name: pg, port: 5432}, {name: pool, port: 6432}]}\n',
      ].join('---\n'),
    );
    writeFileSync(path.join(dir, 'rules.yaml'), '- {name: no-direct-db, from: app=web, to: app=db, protocol: TCP, port_min: 5432, port_max: 5432, action: deny}\n- {name: no-ssh-to-corp, from: app=worker, to: 10.0.0.0/8, protocol: TCP, port_min: 22, port_max: 22, action: deny}\n');
    const s = runCli(['synthesize', 'app.yaml', '--no-ports', '--gaps=open', '--baseline', 'rules.yaml', '-o', 'policies.yaml'], { cwd: dir });
    expect(s.code, s.stderr).toBe(0);
    const ps = (loadAll(readFileSync(path.join(dir, 'policies.yaml'), 'utf8')) as Policy[]).filter(Boolean);
    const web = ps.find((p) => p.metadata.name === 'web-netpol') as Policy;
    // the rule to db names its port (6432, what is left), every other rule of web none
    expect((web.spec.egress ?? []).filter((r) => JSON.stringify(r.to).includes('"app":"db"'))).toEqual([{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ protocol: 'TCP', port: 6432 }] }]);
    expect(web.metadata.annotations?.['netpol-ci.io/rules']).toContain('ports kept despite --no-ports');
    // the policies pass the baseline with the same rules
    const b = runCli(['baseline', 'app.yaml', 'policies.yaml', '--baseline', 'rules.yaml', '--engine', 'builtin'], { cwd: dir });
    expect(b.code, b.stdout + b.stderr).toBe(0);
  });
});
