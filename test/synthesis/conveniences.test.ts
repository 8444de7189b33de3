import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, FIXTURES, tempDir } from '../helpers/fixtures.js';

afterAll(cleanupTempDirs);

const APP = 'fixtures/example-app/manifests';
const RULES = 'netpol-ci.io/rules';

type Policy = {
  metadata: { name: string; namespace: string; labels: Record<string, string>; annotations?: Record<string, string> };
  spec: { podSelector: Record<string, unknown>; ingress?: { from: unknown[]; ports?: unknown[] }[]; egress?: { to: unknown[]; ports?: unknown[] }[] };
};
const policies = (yaml: string) => loadAll(yaml) as Policy[];
const find = (ps: Policy[], ns: string, name: string) => {
  const p = ps.find((x) => x.metadata.namespace === ns && x.metadata.name === name);
  if (!p) throw new Error(`no ${ns}/${name}`);
  return p;
};
const notes = (p: Policy) => (p.metadata.annotations?.[RULES] ?? '').split('\n');
const readFolder = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

/** stderr without the gap summary synthesize prints (the example app's scoring host is a gap; tested in real-apps-items). */
function withoutGapSummary(stderr: string): string {
  const out: string[] = [];
  let inSummary = false;
  for (const l of stderr.split('\n')) {
    if (/^\d+ gaps?: what the manifests cannot tell/.test(l)) inSummary = true;
    if (!inSummary) out.push(l);
    if (inSummary && l.startsWith('close a gap with')) inSummary = false;
  }
  return out.join('\n');
}

describe('synthesize --preset', () => {
  const r = runCli(['synthesize', APP, '--preset', 'ns=payments:block-all', '--preset', 'workload=frontend/web:allow-all', '--preset', 'ns=backend:allow-namespace']);
  const ps = policies(r.stdout);

  it('block-all: no rules, the links are recorded as blocked', () => {
    expect(r.code).toBe(0);
    const p = find(ps, 'payments', 'payments-netpol');
    expect(p.spec.ingress).toBeUndefined();
    expect(p.spec.egress).toBeUndefined();
    expect(notes(p)[0]).toBe("no rules: preset block-all (--preset ns=payments:block-all); the workload's links are not allowed");
    expect(notes(p)[1]).toMatch(/^\(ingress not allowed\) <- backend\/orders\[Deployment\] TCP 8080: blocked by the preset; fixtures\/example-app\/manifests\/backend\/orders\.yaml:25 /);
  });

  it('allow-all on one workload: every pod and address, before (and instead of) the link rules', () => {
    const p = find(ps, 'frontend', 'web-netpol');
    expect(p.spec.ingress).toEqual([{ from: [{ namespaceSelector: {} }, { ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }] }]);
    expect(p.spec.egress).toEqual([{ to: [{ namespaceSelector: {} }, { ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }] }]);
    expect(notes(p).slice(0, 2)).toEqual([
      'ingress[0] <- every pod and address All Connections: preset allow-all (--preset workload=frontend/web:allow-all)',
      'egress[0] -> every pod and address All Connections: preset allow-all (--preset workload=frontend/web:allow-all)',
    ]);
    expect(notes(p)[2]).toMatch(/^ingress\[0\] <- \{ingress-controller\} TCP 8080: covered by the preset; Ingress frontend\/shop/);
  });

  it('allow-namespace: the namespace first, links to other namespaces after it, same-namespace links covered', () => {
    const p = find(ps, 'backend', 'orders-netpol');
    expect(p.spec.ingress?.[0]).toEqual({ from: [{ podSelector: {} }] });
    expect(p.spec.egress?.[0]).toEqual({ to: [{ podSelector: {} }] });
    expect(p.spec.egress?.[1]?.to).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'payments' } }, podSelector: { matchLabels: { app: 'payments' } } }]);
    expect(notes(p)).toContain('egress[0] -> every pod of the namespace All Connections: preset allow-namespace (--preset ns=backend:allow-namespace)');
    expect(notes(p).some((n) => n.startsWith('egress[0] -> backend/catalog[Deployment] TCP 8080: covered by the preset; '))).toBe(true);
  });

  it('a preset naming nothing is warned about; a malformed one is exit 2', () => {
    const w = runCli(['synthesize', APP, '--preset', 'ns=nope:allow-all', '--preset', 'workload=backend/ghost:block-all']);
    expect(w.code).toBe(0);
    expect(lines(withoutGapSummary(w.stderr))).toEqual([
      'warning NPC190 --preset ns=nope:allow-all: no workload in namespace nope in the manifests; the preset applies to nothing',
      'warning NPC190 --preset workload=backend/ghost:block-all: no workload backend/ghost in the manifests; the preset applies to nothing',
    ]);
    const bad = runCli(['synthesize', APP, '--preset', 'ns=x:deny-everything']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--preset: unknown preset "deny-everything"; expected block-all, allow-namespace, allow-all');
  });
});

describe('synthesize --no-ports', () => {
  it('writes peer-only rules, one per peer', () => {
    const withPorts = policies(runCli(['synthesize', APP]).stdout);
    const r = runCli(['synthesize', APP, '--no-ports']);
    expect(r.code).toBe(0);
    const ps = policies(r.stdout);
    expect(ps.map((p) => p.metadata.name)).toEqual(withPorts.map((p) => p.metadata.name));
    for (const p of ps) for (const rule of [...(p.spec.ingress ?? []), ...(p.spec.egress ?? [])]) expect(rule.ports).toBeUndefined();
    // the same peers as with ports, rule for rule
    for (const [i, p] of ps.entries()) {
      expect((p.spec.ingress ?? []).map((x) => x.from)).toEqual((withPorts[i]?.spec.ingress ?? []).map((x) => x.from));
      expect((p.spec.egress ?? []).map((x) => x.to)).toEqual((withPorts[i]?.spec.egress ?? []).map((x) => x.to));
    }
  });
});

describe('synthesize --check-selectors', () => {
  it('example app: every selector picks exactly its workload', () => {
    const r = runCli(['synthesize', APP, '--check-selectors']);
    expect(r.code).toBe(0);
    expect(withoutGapSummary(r.stderr)).toBe('');
  });
  it('two workloads sharing labels: the selector of each, and the peers naming them, are reported', () => {
    const dir = tempDir();
    const deploy = (name: string, labels: Record<string, string>, env = '') =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  selector: {matchLabels: ${JSON.stringify(labels)}}\n  template:\n    metadata: {labels: ${JSON.stringify(labels)}}\n    spec:\n      containers:\n        - name: c\n          image: x\n          ports: [{containerPort: 8080}]\n${env}---\n`;
    writeFileSync(
      path.join(dir, 'app.yaml'),
      [
        deploy('api', { app: 'api' }),
        deploy('api-canary', { app: 'api' }),
        deploy('web', { app: 'web' }, '          env: [{name: API, value: "http://api:8080"}]\n'),
        'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {app: api}\n  ports: [{port: 8080}]\n',
      ].join(''),
    );
    const r = runCli(['synthesize', dir, '--check-selectors']);
    expect(r.code).toBe(0);
    // --no-ports: the two links to api and api-canary (one selector) share one peer-only rule
    const web = find(policies(runCli(['synthesize', dir, '--no-ports', '-q']).stdout), 'shop', 'web-netpol');
    expect(web.spec.egress).toEqual([{ to: [{ podSelector: { matchLabels: { app: 'api' } } }] }, { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }] }]);
    expect(notes(web).map((n) => n.slice(0, n.indexOf(':')))).toEqual(['egress[0] -> shop/api-canary[Deployment] TCP 8080', 'egress[0] -> shop/api[Deployment] TCP 8080', 'egress[1] -> DNS (kube-system, k8s-app=kube-dns) TCP 53,UDP 53']);
    expect(notes(web)[2]).toBe('egress[1] -> DNS (kube-system, k8s-app=kube-dns) TCP 53,UDP 53: needed by every workload with egress (the rule names no ports: --no-ports)');
    const warnings = lines(r.stderr).filter((l) => l.includes('NPC189'));
    expect(warnings).toEqual([
      'warning NPC189 shop/api-canary-netpol spec.podSelector {"matchLabels":{"app":"api"}} selects 2 workloads, not one: shop/api-canary[Deployment], shop/api[Deployment] (give the workload a distinguishing pod label)',
      'warning NPC189 shop/api-netpol spec.podSelector {"matchLabels":{"app":"api"}} selects 2 workloads, not one: shop/api-canary[Deployment], shop/api[Deployment] (give the workload a distinguishing pod label)',
      'warning NPC189 shop/web-netpol spec.egress[0].to[0].podSelector {"matchLabels":{"app":"api"}} selects 2 workloads, not one: shop/api-canary[Deployment], shop/api[Deployment] (give the workload a distinguishing pod label)',
      'warning NPC189 shop/web-netpol spec.egress[1].to[0].podSelector {"matchLabels":{"app":"api"}} selects 2 workloads, not one: shop/api-canary[Deployment], shop/api[Deployment] (give the workload a distinguishing pod label)',
    ]);
  });
});

describe('synthesize --existing and prune', () => {
  it('leaves the workloads a foreign policy selects untouched, says which, and drops that namespace’s default deny', () => {
    const existing = tempDir();
    writeFileSync(
      path.join(existing, 'web.yaml'),
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: hand-written, namespace: frontend}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress: [{}]\n',
    );
    const fresh = policies(runCli(['synthesize', APP]).stdout);
    const r = runCli(['synthesize', APP, '--existing', existing]);
    expect(r.code).toBe(0);
    expect(withoutGapSummary(r.stderr)).toBe(`left 1 workload(s) untouched (--existing ${existing}):\n  frontend/web[Deployment]: already selected by NetworkPolicy frontend/hand-written\n`);
    const ps = policies(r.stdout);
    const names = (xs: Policy[]) => xs.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(names(ps)).toEqual(names(fresh).filter((n) => n !== 'frontend/web-netpol' && n !== 'frontend/default-deny'));
    // the others are exactly as in a fresh synthesis
    for (const p of ps) expect(p).toEqual(find(fresh, p.metadata.namespace, p.metadata.name));
    // --verbose shows where the existing policy is
    expect(runCli(['synthesize', APP, '--existing', existing, '--verbose']).stderr).toContain(`info NPC188 metadata.name: frontend/web[Deployment] left untouched: the existing NetworkPolicy frontend/hand-written already selects it (${existing}/web.yaml:5)`);
  });

  it('policies netpol-ci generated do not count as existing', () => {
    const dir = tempDir();
    expect(runCli(['synthesize', APP, '-o', `${dir}/`, '-q']).code).toBe(0);
    const again = runCli(['synthesize', APP, '--existing', dir]);
    expect(again.stdout).toBe(runCli(['synthesize', APP]).stdout);
    expect(withoutGapSummary(again.stderr)).toBe('');
  });

  it('round trip: synthesize, delete a workload, prune, synthesize again == a fresh synthesis of the reduced app', () => {
    const root = tempDir();
    const app = path.join(root, 'app');
    cpSync(path.join(FIXTURES, 'example-app', 'manifests'), app, { recursive: true });
    const pol = path.join(root, 'policies');
    expect(runCli(['synthesize', app, '-o', `${pol}/`, '-q']).code).toBe(0);
    // a hand-written policy in the same folder is never pruned
    writeFileSync(path.join(pol, 'extra.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: keep-me, namespace: payments}\nspec:\n  podSelector: {matchLabels: {app: gone}}\n');
    rmSync(path.join(app, 'payments', 'fraud-check.yaml'));

    const listed = runCli(['prune', '--policies', pol, app]);
    expect(listed.code).toBe(1);
    expect(lines(listed.stdout)).toEqual([`${pol}/payments.yaml:14 [doc 2] NetworkPolicy payments/fraud-check-netpol: its pod selector {"matchLabels":{"app":"fraud-check"}} selects no workload in payments`]);
    expect(listed.stderr).toBe('1 stale policy; run with --write to delete\n');
    expect(readFileSync(path.join(pol, 'payments.yaml'), 'utf8')).toContain('fraud-check-netpol');

    const written = runCli(['prune', '--policies', pol, app, '--write']);
    expect(written.code).toBe(0);
    expect(written.stderr).toBe('removed 1 stale policy from 1 file(s)\n');
    expect(readFileSync(path.join(pol, 'payments.yaml'), 'utf8')).not.toContain('fraud-check-netpol');
    expect(runCli(['prune', '--policies', pol, app]).code).toBe(0);

    expect(runCli(['synthesize', app, '--existing', pol, '-o', `${pol}/`, '-q']).code).toBe(0);
    const fresh = path.join(root, 'fresh');
    expect(runCli(['synthesize', app, '-o', `${fresh}/`, '-q']).code).toBe(0);
    const after = readFolder(pol);
    delete after['extra.yaml'];
    expect(after).toEqual(readFolder(fresh));
  });

  it('a namespace with no workload left loses its default deny too, and an emptied file is removed', () => {
    const root = tempDir();
    const app = path.join(root, 'app');
    cpSync(path.join(FIXTURES, 'example-app', 'manifests'), app, { recursive: true });
    const pol = path.join(root, 'policies');
    runCli(['synthesize', app, '-o', `${pol}/`, '-q']);
    rmSync(path.join(app, 'payments'), { recursive: true });
    const r = runCli(['prune', '--policies', pol, app, '--write']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((l) => l.replace(/^.*NetworkPolicy /, ''))).toEqual([
      'payments/default-deny: namespace payments has no workload left',
      'payments/fraud-check-netpol: its pod selector {"matchLabels":{"app":"fraud-check"}} selects no workload in payments',
      'payments/payments-netpol: its pod selector {"matchLabels":{"app":"payments"}} selects no workload in payments',
    ]);
    expect(existsSync(path.join(pol, 'payments.yaml'))).toBe(false);
    expect(existsSync(path.join(pol, 'backend.yaml'))).toBe(true);
  });

  it('refuses to delete when the manifests have errors', () => {
    const root = tempDir();
    const pol = path.join(root, 'policies');
    runCli(['synthesize', APP, '-o', `${pol}/`, '-q']);
    const app = path.join(root, 'app');
    mkdirSync(app);
    writeFileSync(path.join(app, 'broken.yaml'), 'kind: [\n');
    const r = runCli(['prune', '--policies', pol, app, '--write']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('netpol-ci: the manifests have errors; nothing deleted');
    expect(Object.keys(readFolder(pol))).toEqual(['backend.yaml', 'frontend.yaml', 'payments.yaml']);
  });
});
