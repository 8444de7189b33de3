import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump, loadAll } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { KUBE_DNS } from '../helpers/kube-dns.js';

/**
 * `verify <path...> --policies DIR` (repo drift) on the conformance apps: the synthesized policies
 * verify clean; removing or widening one rule gives exactly the expected missing / excess;
 * reformatting, reordering and splitting give none; `--fix` closes the drift.
 */

const CONFORMANCE = path.resolve(REPO_ROOT, '..', 'shared', 'conformance', 'topology');
const APPS = ['bookinfo', 'k8s_guestbook', 'onlineboutique', 'qotd', 'sockshop'];
const BOUTIQUE = path.join(CONFORMANCE, 'onlineboutique', 'input');
const BOUTIQUE_FILE = path.join(BOUTIQUE, 'kubernetes-manifests.yaml');
const boutiqueLine = (needle: string) => readFileSync(BOUTIQUE_FILE, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

afterAll(cleanupTempDirs);

type Policy = {
  kind: string;
  metadata: { name: string; namespace: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: { podSelector: unknown; policyTypes: string[]; ingress?: Rule[]; egress?: Rule[] };
};
type Rule = { from?: Peer[]; to?: Peer[]; ports?: { protocol: string; port?: number }[] };
type Peer = { podSelector?: { matchLabels?: Record<string, string> }; namespaceSelector?: unknown; ipBlock?: { cidr: string } };

function synthesized(app: string): string {
  const dir = tempDir('netpol-ci-verify-');
  const r = runCli(['synthesize', app, '--output', `${dir}/`, '-q']);
  expect(r.code).toBe(0);
  return dir;
}

function readPolicies(dir: string): Map<string, Policy[]> {
  return new Map(readdirSync(dir).map((f) => [f, loadAll(readFileSync(path.join(dir, f), 'utf8')) as Policy[]]));
}

function writePolicies(dir: string, files: Map<string, Policy[]>): void {
  for (const f of readdirSync(dir)) rmSync(path.join(dir, f));
  for (const [f, ps] of files) writeFileSync(path.join(dir, f), ps.map((p) => `---\n${dump(p, { lineWidth: -1 })}`).join(''));
}

function edit(dir: string, name: string, change: (p: Policy) => void): void {
  const files = readPolicies(dir);
  const p = [...files.values()].flat().find((x) => x.metadata.name === name);
  if (!p) throw new Error(`no policy ${name}`);
  change(p);
  writePolicies(dir, files);
}

const selects = (app: string) => (peer: Peer) => peer.podSelector?.matchLabels?.app === app;

type Json = {
  summary: { missing: number; excess: number; needs_checked: number };
  missing: { src: string; dst: string; needed: string; allowed: string; blocked: string; needed_by: { kind: string; text?: string; at?: string }[]; blocked_by: { side: string; layer: string; verdict: string; policy?: string }[] }[];
  excess: { src: string; dst: string; allowed: string; needed: string; excess: string; allowed_by: { side: string; layer: string; verdict: string; policy?: string; at?: string; rule?: { direction: string; index: number } }[] }[];
};

function verifyJson(app: string, policies: string, ...flags: string[]): { code: number; json: Json; stderr: string } {
  const r = runCli(['verify', app, '--policies', policies, '--format', 'json', '-q', ...flags]);
  return { code: r.code, json: JSON.parse(r.stdout) as Json, stderr: r.stderr };
}

describe('verify: synthesized policies verify clean', () => {
  for (const app of APPS) {
    it(app, () => {
      const input = path.join(CONFORMANCE, app, 'input');
      const dir = synthesized(input);
      const r = runCli(['verify', input, '--policies', dir, '-q']);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^No drift: the policies in .* allow exactly what the manifests need \(\d+ needed connections checked\)\.\n$/);
      expect(r.code).toBe(0);
    });
  }
});

describe('verify: DNS pods in the manifests', () => {
  it('the synthesized policies admit DNS on the DNS pods, so they verify clean; without that rule DNS is missing', () => {
    const app = tempDir('netpol-ci-dns-app-');
    cpSync(BOUTIQUE, app, { recursive: true });
    writeFileSync(path.join(app, 'dns.yaml'), KUBE_DNS);
    const dir = synthesized(app);
    const clean = verifyJson(app, dir);
    expect(clean.json.summary).toMatchObject({ missing: 0, excess: 0 });
    expect(clean.code).toBe(0);
    edit(dir, 'coredns-netpol', (p) => {
      delete p.spec.ingress;
    });
    const broken = verifyJson(app, dir);
    // every workload with egress needs, and none without
    const withEgress = [...readPolicies(dir).values()]
      .flat()
      .filter((p) => (p.spec.egress ?? []).length > 0)
      .map((p) => `${p.metadata.namespace}/${p.metadata.name.replace(/-netpol$/, '')}[Deployment] kube-system/coredns[Deployment] TCP 53,UDP 53`)
      .sort();
    expect(withEgress.length).toBeGreaterThan(3);
    expect(broken.json.missing.map((m) => `${m.src} ${m.dst} ${m.blocked}`)).toEqual(withEgress);
    expect(broken.json.summary.excess).toBe(0);
  });
});

describe('verify: drift on onlineboutique', () => {
  it('removing one ingress rule gives exactly one missing link, with its provenance and what blocks it', () => {
    const dir = synthesized(BOUTIQUE);
    edit(dir, 'cartservice-netpol', (p) => {
      const i = (p.spec.ingress ?? []).findIndex((r) => (r.from ?? []).some(selects('checkoutservice')));
      expect(i).toBeGreaterThanOrEqual(0);
      p.spec.ingress?.splice(i, 1);
    });
    const { code, json } = verifyJson(BOUTIQUE, dir);
    expect(json.summary).toMatchObject({ missing: 1, excess: 0 });
    const m = json.missing[0];
    expect(m).toMatchObject({ src: 'default/checkoutservice[Deployment]', dst: 'default/cartservice[Deployment]', needed: 'TCP 7070', allowed: 'No Connections', blocked: 'TCP 7070' });
    expect(m?.needed_by).toEqual([expect.objectContaining({ kind: 'address', at: `${BOUTIQUE_FILE}:${boutiqueLine('CART_SERVICE_ADDR: cartservice:7070')}` })]);
    // every policy that isolates the destination's ingress, none of whose rules admits the source
    expect(m?.blocked_by.map((b) => `${b.side} [${b.layer}] ${b.verdict} ${b.policy}`).sort()).toEqual([
      'ingress [NP] Isolated NetworkPolicy default/cartservice-netpol',
      'ingress [NP] Isolated NetworkPolicy default/default-deny',
    ]);
    expect(code).toBe(1);
  });

  it('removing the DNS rule of one workload gives exactly one missing DNS need', () => {
    const dir = synthesized(BOUTIQUE);
    edit(dir, 'cartservice-netpol', (p) => {
      p.spec.egress = (p.spec.egress ?? []).filter((r) => !(r.ports ?? []).some((x) => x.port === 53));
    });
    const { code, json } = verifyJson(BOUTIQUE, dir);
    expect(json.summary).toMatchObject({ missing: 1, excess: 0 });
    expect(json.missing[0]).toMatchObject({ src: 'default/cartservice[Deployment]', dst: 'kube-system/dns[Pod]', needed: 'TCP 53,UDP 53', blocked: 'TCP 53,UDP 53', needed_by: [{ kind: 'dns' }] });
    expect(code).toBe(1);
  });

  it('widening one rule to outside addresses gives exactly one excess, naming the rule and its line', () => {
    const dir = synthesized(BOUTIQUE);
    edit(dir, 'cartservice-netpol', (p) => {
      const rule = (p.spec.ingress ?? []).find((r) => (r.from ?? []).some(selects('frontend')));
      rule?.from?.push({ ipBlock: { cidr: '0.0.0.0/0' } });
    });
    const { code, json } = verifyJson(BOUTIQUE, dir);
    expect(json.summary).toMatchObject({ missing: 0, excess: 1 });
    const e = json.excess[0];
    expect(e).toMatchObject({ src: '0.0.0.0-255.255.255.255[External]', dst: 'default/cartservice[Deployment]', allowed: 'TCP 7070', needed: 'No Connections', excess: 'TCP 7070' });
    expect(e?.allowed_by).toHaveLength(1);
    const by = e?.allowed_by[0];
    expect(by).toMatchObject({ side: 'ingress', layer: 'NP', verdict: 'Allow', policy: 'NetworkPolicy default/cartservice-netpol' });
    // the rule's line in the policies file
    const [file, line] = (by?.at ?? '').split(/:(?=\d+$)/);
    const text = readFileSync(file as string, 'utf8').split('\n');
    expect(text[Number(line) - 1]).toMatch(/^\s*- from:/);
    expect(code).toBe(1);
  });

  it('widening ports on both sides gives the ports beyond the need as excess; one side alone is no drift', () => {
    const dir = synthesized(BOUTIQUE);
    const widenIngress = () =>
      edit(dir, 'cartservice-netpol', (p) => {
        const rule = (p.spec.ingress ?? []).find((r) => (r.from ?? []).some(selects('frontend')));
        delete rule?.ports;
      });
    widenIngress();
    // the frontend's egress still allows only TCP 7070: the connection is unchanged
    expect(verifyJson(BOUTIQUE, dir).json.summary).toMatchObject({ missing: 0, excess: 0 });
    edit(dir, 'frontend-netpol', (p) => {
      const rule = (p.spec.egress ?? []).find((r) => (r.to ?? []).some(selects('cartservice')));
      delete rule?.ports;
    });
    const { code, json } = verifyJson(BOUTIQUE, dir);
    expect(json.summary).toMatchObject({ missing: 0, excess: 1 });
    expect(json.excess[0]).toMatchObject({ src: 'default/frontend[Deployment]', dst: 'default/cartservice[Deployment]', allowed: 'All Connections', needed: 'TCP 7070', excess: 'SCTP 1-65535,TCP 1-7069,7071-65535,UDP 1-65535' });
    expect(json.excess[0]?.allowed_by.map((a) => `${a.side} ${a.policy} ${a.rule?.direction}`)).toEqual([
      'egress NetworkPolicy default/frontend-netpol egress',
      'ingress NetworkPolicy default/cartservice-netpol ingress',
    ]);
    expect(code).toBe(1);
    // --allow-excess reports it and passes
    const allowed = verifyJson(BOUTIQUE, dir, '--allow-excess');
    expect(allowed.json.summary.excess).toBe(1);
    expect(allowed.code).toBe(0);
  });

  it('reformatting, reordering and splitting policies is no drift', () => {
    const dir = synthesized(BOUTIQUE);
    const files = readPolicies(dir);
    const all = [...files.values()].flat().reverse();
    const out = new Map<string, Policy[]>();
    all.forEach((p) => {
      if (p.metadata.name === 'cartservice-netpol') {
        // one policy split into an ingress half and an egress half, in two files
        out.set('cart-ingress.yaml', [{ ...p, metadata: { ...p.metadata, name: 'cart-in' }, spec: { podSelector: p.spec.podSelector, policyTypes: ['Ingress'], ...(p.spec.ingress ? { ingress: p.spec.ingress } : {}) } }]);
        out.set('cart-egress.yaml', [{ ...p, metadata: { ...p.metadata, name: 'cart-out' }, spec: { podSelector: p.spec.podSelector, policyTypes: ['Egress'], ...(p.spec.egress ? { egress: p.spec.egress } : {}) } }]);
        return;
      }
      // one rule with two ports split into two rules
      out.set(`${p.metadata.name}.json`, [p]);
    });
    for (const f of readdirSync(dir)) rmSync(path.join(dir, f));
    for (const [f, ps] of out) {
      // JSON, flow-style YAML and sorted keys: the text differs entirely
      const text = f.endsWith('.json') ? JSON.stringify(ps[0], null, 1) : ps.map((p) => `---\n${dump(p, { flowLevel: 2, sortKeys: true })}`).join('');
      writeFileSync(path.join(dir, f), text);
    }
    const { code, json } = verifyJson(BOUTIQUE, dir);
    expect(json.summary).toMatchObject({ missing: 0, excess: 0 });
    expect(code).toBe(0);
  });

  it('--fix writes the policies that close the drift, prints a unified diff, and verifies clean afterwards', () => {
    const dir = synthesized(BOUTIQUE);
    const original = readFileSync(path.join(dir, 'default.yaml'), 'utf8');
    edit(dir, 'cartservice-netpol', (p) => {
      p.spec.ingress?.splice(0, 1);
    });
    // a stale file netpol-ci wrote earlier, and a hand-written one
    writeFileSync(path.join(dir, 'old.yaml'), `---\n${dump({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'gone', namespace: 'default', labels: { 'app.kubernetes.io/managed-by': 'netpol-ci' } }, spec: { podSelector: {}, policyTypes: ['Ingress'] } })}`);
    writeFileSync(path.join(dir, 'mine.yaml'), dump({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'mine', namespace: 'default' }, spec: { podSelector: { matchLabels: { app: 'nothing-here' } }, policyTypes: ['Ingress'] } }));
    const r = runCli(['verify', BOUTIQUE, '--policies', dir, '--fix', '-q']);
    expect(r.stdout).toContain('--fix: 0 created, 1 updated, 1 removed, 0 unchanged');
    expect(r.stdout).toContain(`--fix: kept ${path.join(dir, 'mine.yaml')} (not written by netpol-ci; review it by hand)`);
    expect(r.stdout).toMatch(/^\+\s+app: checkoutservice$/m);
    expect(r.stdout).toContain(`--- ${path.join(dir, 'default.yaml')}`);
    expect(r.stdout).toContain('+++ /dev/null');
    expect(r.stdout).toMatch(/No drift/);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'default.yaml'), 'utf8')).toBe(original);
    expect(readdirSync(dir).sort()).toEqual(['default.yaml', 'mine.yaml']);
  });

  it('renders md (escaped) and SARIF 2.1.0 with each finding at its line', () => {
    const dir = synthesized(BOUTIQUE);
    edit(dir, 'cartservice-netpol', (p) => {
      const i = (p.spec.ingress ?? []).findIndex((r) => (r.from ?? []).some(selects('checkoutservice')));
      p.spec.ingress?.splice(i, 1);
      p.spec.ingress?.[0]?.from?.push({ ipBlock: { cidr: '10.0.0.0/8' } });
    });
    const md = runCli(['verify', BOUTIQUE, '--policies', dir, '--format', 'md', '-q']);
    expect(md.stdout).toContain('**1 missing · 1 excess**');
    expect(md.stdout).toContain('#### Missing (1)');
    expect(md.stdout).toContain('- `default/checkoutservice[Deployment]` → `default/cartservice[Deployment]`: blocked `TCP 7070`');
    const sarif = JSON.parse(runCli(['verify', BOUTIQUE, '--policies', dir, '--format', 'sarif', '-q']).stdout);
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    expect(results.map((x) => [x.ruleId, x.level])).toEqual([
      ['NPC140', 'error'],
      ['NPC141', 'error'],
    ]);
    expect(results[0]?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: BOUTIQUE_FILE }, region: expect.objectContaining({ startLine: boutiqueLine('CART_SERVICE_ADDR: cartservice:7070') }) });
    expect(results[1]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(path.join(dir, 'default.yaml'));
  });

  it('is deterministic: the same input gives byte-identical reports', () => {
    const dir = synthesized(BOUTIQUE);
    edit(dir, 'frontend-netpol', (p) => {
      delete p.spec.egress;
      p.spec.policyTypes = ['Ingress'];
    });
    edit(dir, 'default-deny', (p) => {
      p.spec.policyTypes = ['Ingress'];
    });
    const a = runCli(['verify', BOUTIQUE, '--policies', dir, '-q']);
    const b = runCli(['verify', BOUTIQUE, '--policies', dir, '-q']);
    expect(a.code).toBe(1);
    expect(a.stdout).toBe(b.stdout);
    // frontend's egress is open: every other workload that admits it is excess, and outside addresses too
    expect(a.stdout).toMatch(/^excess: source: default\/frontend\[Deployment\], destination: 0\.0\.0\.0-255\.255\.255\.255\[External\], allowed: All Connections/m);
    expect(a.stdout).toContain('allowed by egress: no policy isolates the source (All Connections)');
  });
});

describe('verify: bad usage exits 2', () => {
  it.each([
    [['verify', BOUTIQUE], /--policies DIR is required/],
    [['verify', BOUTIQUE, '--policies', '/nonexistent-folder'], /--policies \/nonexistent-folder: not a folder/],
    [['verify', BOUTIQUE, '--policies', '.', '--context', 'x'], /--context needs --cluster/],
    [['verify', '--policies', '.'], /verify takes the manifest paths/],
    [['verify', BOUTIQUE, '--policies', '.', '--format', 'xml'], /expected one of txt, md, json, sarif/],
    [['verify', '--cluster', '--cluster-export', '.', '--policies', '.'], /exclude each other/],
    [['verify', '--cluster', '--policies', '.', '--fix'], /--fix applies to repo drift/],
  ])('%j', (args, message) => {
    const r = runCli(args);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });
});
