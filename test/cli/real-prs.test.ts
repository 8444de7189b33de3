import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeStackedPr, replace, type Pr } from '../helpers/pr.js';
import { REAL_PRS, type RealPrName } from '../helpers/real-prs.js';
import { findHelm, git } from '../helpers/tools.js';

// Realistic pull requests on the real applications of fixtures/real-apps (test/helpers/real-prs.ts
// builds each in a temp folder: the app as published, the team's policies, the PR's edits).
// Every expectation below was written from Kubernetes semantics, the policies and the apps'
// manifests before the check ran; each comment says how it was derived.

interface Item {
  kind: string;
  src: string;
  dst: string;
  before: string;
  after: string;
}
interface Broken {
  src: string;
  dst: string;
  needs: string;
  missing: string;
  evidence: string[];
}
interface CheckJson {
  summary: Record<string, number | string>;
  changed_files: string[];
  outside: Item[];
  groups: { causes: { kind: string; policy?: string; workload?: string; files: { path: string }[] }[]; items: Item[] }[];
  broken_links: Broken[];
  gaps: { workload: string; value?: string; reason: string; detail: string; introduced: boolean; values?: { at: string; key?: string } }[];
  moved_workloads?: { from: string; to: string }[];
  lint?: { findings: { code: string; policy?: string }[] };
}

const prs: Pr[] = [];
afterAll(() => prs.forEach((p) => p.dispose()));

function build(name: RealPrName): Pr {
  const def = REAL_PRS[name];
  const pr = makeStackedPr(def.fixture, def.edits);
  prs.push(pr);
  return pr;
}

const ENV = { HELM_PATH: findHelm() };

function runCheck(pr: Pr, format: 'json' | 'md', extra: string[] = []): string {
  const r = runCli(['check', '--base', pr.base, '--head', pr.head, '--format', format, ...extra], { cwd: pr.dir, env: ENV });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

function check(name: RealPrName, ...extra: string[]): { json: CheckJson; md: string; pr: Pr } {
  const pr = build(name);
  const text = runCheck(pr, 'json', extra);
  // deterministic: a second run gives the same bytes
  expect(runCheck(pr, 'json', extra)).toBe(text);
  return { json: JSON.parse(text) as CheckJson, md: runCheck(pr, 'md', extra), pr };
}

const items = (o: CheckJson) => o.groups.flatMap((g) => g.items.map(({ kind, src, dst, before, after }) => ({ kind, src, dst, before, after })));
const itemLines = (o: CheckJson) => items(o).map((i) => `${i.kind} ${i.src} -> ${i.dst}: ${i.before} => ${i.after}`).sort();
const broken = (o: CheckJson) => o.broken_links.map((b) => `${b.src} -> ${b.dst} ${b.missing}`);
const D = (name: string, ns = 'default', kind = 'Deployment') => `${ns}/${name}[${kind}]`;
const ALL = 'All Connections';
const NONE = 'No Connections';

/**
 * Online Boutique's published policies, read by hand (kustomize/components/network-policies and
 * the chart's templates, the same 13 policies): deny-all (Ingress and Egress, every pod); every
 * service's egress `- {}`; the frontend's ingress `- {}`; the load generator's policy Egress only
 * (so deny-all leaves its ingress closed); and each service's ingress from its callers on one port.
 */
const BOUTIQUE_INGRESS: Readonly<Record<string, { from: readonly string[]; port: string }>> = {
  adservice: { from: ['frontend'], port: 'TCP 9555' },
  cartservice: { from: ['frontend', 'checkoutservice'], port: 'TCP 7070' },
  checkoutservice: { from: ['frontend'], port: 'TCP 5050' },
  currencyservice: { from: ['frontend', 'checkoutservice'], port: 'TCP 7000' },
  emailservice: { from: ['checkoutservice'], port: 'TCP 8080' },
  paymentservice: { from: ['checkoutservice'], port: 'TCP 50051' },
  productcatalogservice: { from: ['frontend', 'checkoutservice', 'recommendationservice'], port: 'TCP 3550' },
  recommendationservice: { from: ['frontend'], port: 'TCP 8080' },
  'redis-cart': { from: ['cartservice'], port: 'TCP 6379' },
  shippingservice: { from: ['frontend', 'checkoutservice'], port: 'TCP 50051' },
  loadgenerator: { from: [], port: '' },
};
const BOUTIQUE = [...Object.keys(BOUTIQUE_INGRESS), 'frontend'].sort();

/**
 * Adopting those policies on the app without any: before, every pair and the outside had All
 * Connections. After, the frontend is still open to everything (ingress `- {}`, every egress
 * open) and every pod still reaches the outside; each other destination keeps its callers on its
 * one port (changed) and loses every other source, the outside included (removed).
 */
function adoptingBoutiquePolicies(): string[] {
  const out: string[] = [];
  for (const [dst, rule] of Object.entries(BOUTIQUE_INGRESS)) {
    for (const src of BOUTIQUE.filter((s) => s !== dst)) {
      if (rule.from.includes(src)) out.push(`changed ${D(src)} -> ${D(dst)}: ${ALL} => ${rule.port}`);
      else out.push(`removed ${D(src)} -> ${D(dst)}: ${ALL} => ${NONE}`);
    }
    out.push(`removed 0.0.0.0/0 -> ${D(dst)}: ${ALL} => ${NONE}`);
  }
  return out.sort();
}

describe('realistic pull requests on real applications, through check', () => {
  test('Kustomize: enabling Online Boutique\'s network-policies component narrows 132 pairs and breaks no link the manifests declare', () => {
    const { json, md } = check('boutique-kustomize-adopt-policies');
    const expected = adoptingBoutiquePolicies();
    // 12 workloads: 11 destinations x 11 sources + 11 from the outside; 15 caller pairs keep a port
    expect(expected).toHaveLength(132);
    expect(expected.filter((l) => l.startsWith('changed'))).toHaveLength(15);
    expect(itemLines(json)).toEqual(expected);
    // Google's policies admit every call the manifests declare (frontend -> its 7 services,
    // checkout -> its 6, recommendation -> catalog, cart -> redis, loadgenerator -> frontend)
    expect(json.broken_links).toEqual([]);
    expect(json.summary).toMatchObject({ changes: 132, broken: 0 });
    expect(json.changed_files).toEqual(['kustomization.yaml']);
    expect(json.groups.flatMap((g) => g.causes.map((c) => c.kind))).toContain('policy-added');
    // 132 entries with their why lines: the comment keeps to GitHub's budget (60,000 bytes by default)
    expect(md).toContain('### netpol-ci check: ℹ️ 132 connectivity changes, nothing broken');
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(60_000);
  });

  test('Helm: networkPolicies.create: true gives the same 132 changes as the Kustomize component (the chart ships the same policies)', () => {
    const { json } = check('boutique-helm-create-policies');
    expect(itemLines(json)).toEqual(adoptingBoutiquePolicies());
    expect(json.broken_links).toEqual([]);
    expect(json.changed_files).toEqual(['values.yaml']);
  });

  test('Kustomize: the memorystore component deletes redis-cart: its three connections go, nothing needed breaks (the cart no longer names it)', () => {
    // redis-cart had: cart -> it on 6379 (its ingress rule), and its open egress to the frontend
    // (ingress `- {}`) and to the outside; no other pod admits it
    const { json } = check('boutique-kustomize-memorystore');
    expect(itemLines(json)).toEqual([
      `removed ${D('cartservice')} -> ${D('redis-cart')}: TCP 6379 => ${NONE}`,
      `removed ${D('redis-cart')} -> ${D('frontend')}: ${ALL} => ${NONE}`,
      `removed ${D('redis-cart')} -> 0.0.0.0/0: ${ALL} => ${NONE}`,
    ].sort());
    expect(json.groups.flatMap((g) => g.causes.map((c) => [c.kind, c.workload]))).toEqual([['workload-removed', D('redis-cart')]]);
    expect(json.broken_links).toEqual([]);
    expect(json.outside).toEqual([]);
  });

  test('Helm values: the cart\'s redis address gets a port its Service does not have: no connectivity change, a new gap, never ✅', () => {
    // REDIS_ADDR is rendered from cartDatabase.connectionString; redis-cart's Service has port 6379 only
    const { json, md } = check('boutique-helm-redis-port');
    expect(items(json)).toEqual([]);
    expect(json.broken_links).toEqual([]);
    const fresh = json.gaps.filter((g) => g.introduced);
    expect(fresh.map((g) => [g.workload, g.value, g.reason, g.detail])).toEqual([[D('cartservice'), 'redis-cart:6380', 'no-such-port', 'Service default/redis-cart has no port 6380']]);
    expect(json.summary).toMatchObject({ changes: 0, newGaps: 1, verdict: '⚠️ adds 1 gap' });
    expect(md).not.toContain('✅');
    // the reviewer of a values-only PR is sent to the values line it changed, not only to the template
    expect(md).toContain('- `default/cartservice[Deployment]`: `redis-cart:6380` at `templates/cartservice.yaml` (Helm template) from `values.yaml:203` (`cartDatabase.connectionString`): Service default/redis\\-cart has no port 6380 _(new in this PR)_');
    expect(fresh[0]).toMatchObject({ values: { key: 'cartDatabase.connectionString' } });
    expect(fresh[0]?.values?.at).toMatch(/values\.yaml:203$/);
  });

  test('plain YAML: a new pricingservice with its policy: the frontend reaches it on 8080, it reaches the frontend and the outside, nothing broken', () => {
    // pricing's policy: ingress from the frontend on 8080, egress `- {}`; the frontend admits
    // everything; nobody else's egress is closed but every other ingress is (deny-all + callers)
    const { json } = check('boutique-yaml-new-service');
    expect(itemLines(json)).toEqual([
      `added ${D('frontend')} -> ${D('pricingservice')}: ${NONE} => TCP 8080`,
      `added ${D('pricingservice')} -> ${D('frontend')}: ${NONE} => ${ALL}`,
      `added ${D('pricingservice')} -> 0.0.0.0/0: ${NONE} => ${ALL}`,
    ].sort());
    expect(json.broken_links).toEqual([]);
    expect(json.outside).toEqual([]);
  });

  test('plain YAML: the same service without its policy: deny-all isolates it, the frontend -> pricing link is broken at the env line', () => {
    const { json, md } = check('boutique-yaml-new-service-no-policy');
    expect(items(json)).toEqual([]);
    expect(broken(json)).toEqual([`${D('frontend')} -> ${D('pricingservice')} TCP 8080`]);
    expect(json.broken_links[0]?.evidence[0]).toContain('kubernetes-manifests.yaml:90');
    expect(md).toContain('### netpol-ci check: ⚠️ breaks 1 needed link');
  });

  test('bookinfo: reviews-v3 added: the reviews policy selects it, productpage reaches it and it reaches ratings, both on 9080', () => {
    const { json } = check('bookinfo-reviews-v3');
    expect(itemLines(json)).toEqual([
      `added ${D('productpage-v1')} -> ${D('reviews-v3')}: ${NONE} => TCP 9080`,
      `added ${D('reviews-v3')} -> ${D('ratings-v1')}: ${NONE} => TCP 9080`,
    ]);
    expect(json.groups.flatMap((g) => g.causes.map((c) => [c.kind, c.workload]))).toEqual([['workload-added', D('reviews-v3')]]);
    expect(json.broken_links).toEqual([]);
  });

  test('bookinfo: ratings moved to its own namespace, the policies left behind: reviews lose it, and it is open to everything there', () => {
    // reviews' egress podSelector and ratings' policy are namespace-local (default); the new
    // namespace has no policy, so ratings is open both ways; the default pods' egress stays
    // closed except productpage's (to details and reviews) and reviews' (to app=ratings in default)
    const { json } = check('bookinfo-ratings-namespace');
    const ratings = D('ratings-v1', 'bookinfo-ratings');
    expect(itemLines(json)).toEqual([
      `added 0.0.0.0/0 -> ${ratings}: ${NONE} => ${ALL}`,
      `added ${ratings} -> 0.0.0.0/0: ${NONE} => ${ALL}`,
      `added ${ratings} -> ${D('productpage-v1')}: ${NONE} => TCP 9080`,
      `removed ${D('reviews-v1')} -> ${D('ratings-v1')}: TCP 9080 => ${NONE}`,
      `removed ${D('reviews-v2')} -> ${D('ratings-v1')}: TCP 9080 => ${NONE}`,
      `removed ${D('reviews-v3')} -> ${D('ratings-v1')}: TCP 9080 => ${NONE}`,
    ].sort());
    expect(json.outside.map((i) => `${i.src} -> ${i.dst}`)).toEqual([`0.0.0.0/0 -> ${ratings}`]);
    expect(json.moved_workloads?.map((m) => [m.from, m.to])).toEqual([[D('ratings-v1'), ratings]]);
  });

  test('bookinfo: default-deny and the allow rules in one PR: 7 hops keep 9080, the outside keeps the page, 34 pairs go; the budgeted comment stays under its bytes', () => {
    // 6 workloads: 30 in-cluster pairs, 7 allowed on 9080 (productpage -> details, reviews x3;
    // reviews x3 -> ratings); outside -> productpage keeps 9080; 5 other outside ingresses and
    // the 6 egresses to the outside go
    const { json, pr } = check('bookinfo-deny-all');
    const lines = itemLines(json);
    const hops = [
      ['productpage-v1', 'details-v1'],
      ['productpage-v1', 'reviews-v1'],
      ['productpage-v1', 'reviews-v2'],
      ['productpage-v1', 'reviews-v3'],
      ['reviews-v1', 'ratings-v1'],
      ['reviews-v2', 'ratings-v1'],
      ['reviews-v3', 'ratings-v1'],
    ].map(([s, d]) => `changed ${D(s as string)} -> ${D(d as string)}: ${ALL} => TCP 9080`);
    expect(lines.filter((l) => l.startsWith('changed'))).toEqual([...hops, `changed 0.0.0.0/0 -> ${D('productpage-v1')}: ${ALL} => TCP 9080`].sort());
    expect(lines.filter((l) => l.startsWith('removed'))).toHaveLength(23 + 5 + 6);
    expect(lines).toHaveLength(42);
    const md = runCheck(pr, 'md', ['--max-bytes', '4000']);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(4000);
    expect(md).toContain('truncated=true');
    expect(md.split('```').length % 2).toBe(1);
  });

  test('sock-shop: a typo in user-db\'s podSelector silently isolates it: user -> user-db breaks at the env line, lint names the policy that selects nothing', () => {
    // default-deny selects user-db; the misspelt policy selects no pod, so nothing admits user's
    // egress (which still names user-db on 27017)
    const { json, md } = check('sock-shop-typo', '--lint');
    expect(itemLines(json)).toEqual([`removed ${D('user', 'sock-shop')} -> ${D('user-db', 'sock-shop')}: TCP 27017 => ${NONE}`]);
    expect(json.groups[0]?.causes.map((c) => [c.kind, c.policy])).toEqual([['policy-edited', 'NetworkPolicy sock-shop/user-db']]);
    expect(broken(json)).toEqual([`${D('user', 'sock-shop')} -> ${D('user-db', 'sock-shop')} TCP 27017`]);
    expect(json.broken_links[0]?.evidence[0]).toContain('complete-demo.yaml:790');
    expect(md).toContain('complete-demo.yaml:790');
    expect(json.lint?.findings.map((f) => f.policy)).toContain('NetworkPolicy sock-shop/user-db');
  });

  test('bank-of-anthos: an egress rule to 0.0.0.0/0 except the private ranges on 443: userservice reaches the public internet, nothing in the cluster changes', () => {
    // one pair, the addresses named as the rule writes them (not the four ranges between the excepts)
    const { json, md } = check('bank-ipblock-except');
    const internet = '0.0.0.0/0 except 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16';
    expect(itemLines(json)).toEqual([`added ${D('userservice')} -> ${internet}: ${NONE} => TCP 443`]);
    expect(json.groups[0]?.causes.map((c) => [c.kind, c.policy])).toEqual([['policy-added', 'NetworkPolicy default/userservice-idp']]);
    // egress to the outside is not reachability from outside
    expect(json.outside).toEqual([]);
    expect(json.broken_links).toEqual([]);
    expect(md).toContain(`- \`default/userservice[Deployment]\` can now reach \`${internet}\` on \`TCP 443\``);
  });

  test('bank-of-anthos: accounts-db\'s port renamed in the container and Service, the policy still admits `postgres`: both callers break', () => {
    const { json } = check('bank-named-port');
    const db = D('accounts-db', 'default', 'StatefulSet');
    expect(itemLines(json)).toEqual([
      `removed ${D('contacts')} -> ${db}: TCP 5432 => ${NONE}`,
      `removed ${D('userservice')} -> ${db}: TCP 5432 => ${NONE}`,
    ]);
    expect(json.groups.flatMap((g) => g.causes.map((c) => [c.kind, c.workload]))).toEqual([['ports-changed', db]]);
    expect(broken(json)).toEqual([`${D('contacts')} -> ${db} TCP 5432`, `${D('userservice')} -> ${db} TCP 5432`]);
    expect(json.broken_links.map((b) => b.evidence[0])).toEqual([expect.stringContaining('accounts-db.yaml:17'), expect.stringContaining('accounts-db.yaml:17')]);
  });

  test('bank-of-anthos: renaming only the Service\'s port changes nothing: policies name container ports, the callers address the number', () => {
    const { json, md } = check('bank-service-port-name');
    expect(items(json)).toEqual([]);
    expect(json.broken_links).toEqual([]);
    expect(json.gaps.filter((g) => g.introduced)).toEqual([]);
    expect(md).toContain('### netpol-ci check: ✅ no connectivity change, nothing broken');
  });

  test('bank-of-anthos: the balancereader Service\'s selector misspelt: policies select pods, so nothing changes, but both callers\' address now reaches no pod', () => {
    const { json, md } = check('bank-service-selector');
    expect(items(json)).toEqual([]);
    expect(json.broken_links).toEqual([]);
    const fresh = json.gaps.filter((g) => g.introduced).map((g) => [g.workload, g.value, g.reason]);
    expect(fresh).toEqual([
      [D('frontend'), 'balancereader:8080', 'no-endpoints'],
      [D('ledgerwriter'), 'balancereader:8080', 'no-endpoints'],
    ]);
    expect(md).toContain('- `default/frontend[Deployment]`: `balancereader:8080` at `config.yaml:29`: Service default/balancereader selects no workload in the manifests _(new in this PR)_');
    expect(md).not.toContain('✅');
  });

  test('sock-shop: the policies reordered, reformatted and commented: no change, nothing broken, ✅', () => {
    const { json, md } = check('sock-shop-reformat');
    expect(items(json)).toEqual([]);
    expect(json.broken_links).toEqual([]);
    expect(md).toContain('### netpol-ci check: ✅ no connectivity change, nothing broken');
  });
});

/** The prose of a Markdown body: fenced blocks, code spans and the report's own HTML tags taken out. */
function prose(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/<!-- netpol-ci:check [^>]*-->|<\/?details>|<\/?summary>/g, '');
}

describe('real-app PRs: what the report is made of', () => {
  test('hostile text from the PR (a file name, a policy name, a label value) reaches the comment only inside code spans', () => {
    const def = REAL_PRS['sock-shop-typo'];
    const hostileFile = 'pol `x` [a](b) <b>.yaml';
    let policies = '';
    const pr = makeStackedPr(def.fixture, {
      both: def.edits.both,
      head: {
        'network-policies.yaml': (t) => {
          policies = t;
          return null;
        },
        [hostileFile]: () =>
          [
            replace('  name: user-db\n  namespace', '  name: "user-db`<img src=x onerror=alert(1)>`|*[x](javascript:y)"\n  namespace'),
            replace('      name: user-db\n  policyTypes', '      name: "users-db<script>`x`"\n  policyTypes'),
          ].reduce((s2, e) => e(s2) as string, policies),
      },
    });
    prs.push(pr);
    const md = runCli(['check', '--base', pr.base, '--head', pr.head], { cwd: pr.dir }).stdout;
    // the invalid label value is an input error, named by file; the policy it was in is left out
    expect(md).toContain('#### Input errors');
    expect(md).toContain('NPC030');
    for (const line of md.split('\n').filter((l) => !l.startsWith('```'))) expect((line.match(/`/g) ?? []).length % 2, line).toBe(0);
    expect(prose(md)).not.toMatch(/<(img|script|b)\b|\]\(|onerror/i);
    // what is left still says what breaks
    expect(md).toContain('- `sock-shop/user[Deployment]` needs `sock-shop/user-db[Deployment]` on `TCP 27017` (`complete-demo.yaml:790`: `user-db:27017`): head allows none of it');
  });

  test('--repo: the same answer, byte for byte, whatever the order of the paths, run after run', () => {
    const def = REAL_PRS['bank-ipblock-except'];
    const pr = makeStackedPr(def.fixture, def.edits);
    prs.push(pr);
    const repo = path.join(pr.dir, 'repo');
    mkdirSync(repo);
    git(repo, 'init', '-q', '-b', 'main');
    const commit = (side: string, message: string) => {
      rmSync(path.join(repo, 'apps'), { recursive: true, force: true });
      rmSync(path.join(repo, 'policies'), { recursive: true, force: true });
      cpSync(side, path.join(repo, 'apps', 'bank'), { recursive: true });
      mkdirSync(path.join(repo, 'policies'));
      renameSync(path.join(repo, 'apps', 'bank', 'network-policies.yaml'), path.join(repo, 'policies', 'bank.yaml'));
      git(repo, 'add', '-A');
      git(repo, 'commit', '-qm', message);
      return git(repo, 'rev-parse', 'HEAD').trim();
    };
    const base = commit(pr.base, 'base');
    const head = commit(pr.head, 'userservice may reach the IdP');
    const run = (...paths: string[]) => {
      const r = runCli(['check', '--repo', repo, '--base', base, '--head', head, ...paths, '--format', 'json'], { cwd: pr.dir });
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    const first = run('apps', 'policies');
    expect(run('policies', 'apps')).toBe(first);
    expect(run('apps', 'policies')).toBe(first);
    const json = JSON.parse(first) as CheckJson;
    expect(json.changed_files).toEqual(['policies/bank.yaml']);
    expect(itemLines(json)).toEqual([`added ${D('userservice')} -> 0.0.0.0/0 except 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16: ${NONE} => TCP 443`]);
  });
});

describe('a chart at the root of each side', () => {
  test('renders the same names on both sides, whatever the two folders are called: podinfo unchanged is no change, a values PR only its own', () => {
    // helm names podinfo's objects after the release (`<release>-podinfo`); the release of a chart
    // at a side's root cannot be the side's folder name (`main/`, `pr/`), or every object would be
    // removed and added
    const pr = makeStackedPr('fixtures/real-apps/podinfo-helm', {});
    prs.push(pr);
    const main = path.join(pr.dir, 'main');
    const head = path.join(pr.dir, 'pr-1234');
    renameSync(pr.base, main);
    renameSync(pr.head, head);
    const same = runCli(['check', '--base', main, '--head', head, '--format', 'json'], { cwd: pr.dir, env: ENV });
    expect(same.code, same.stderr).toBe(0);
    expect((JSON.parse(same.stdout) as CheckJson).summary).toMatchObject({ changes: 0, broken: 0 });
    const diff = runCli(['diff', main, head, '--exit-code'], { cwd: pr.dir, env: ENV });
    expect(diff.code, diff.stdout).toBe(0);
    // the values PR: `redis.enabled: true` adds `<release>-podinfo-redis`, which podinfo's
    // --cache-server names; no policies, so it is open both ways, and the need is met
    writeFileSync(path.join(head, 'values.yaml'), readFileSync(path.join(head, 'values.yaml'), 'utf8').replace('redis:\n  enabled: false\n', 'redis:\n  enabled: true\n'));
    const r = runCli(['check', '--base', main, '--head', head, '--format', 'json'], { cwd: pr.dir, env: ENV });
    const json = JSON.parse(r.stdout) as CheckJson;
    const podinfo = D('podinfo');
    const redis = D('podinfo-redis');
    expect(itemLines(json)).toEqual([
      `added 0.0.0.0/0 -> ${redis}: ${NONE} => ${ALL}`,
      `added ${podinfo} -> ${redis}: ${NONE} => ${ALL}`,
      `added ${redis} -> 0.0.0.0/0: ${NONE} => ${ALL}`,
      `added ${redis} -> ${podinfo}: ${NONE} => ${ALL}`,
    ].sort());
    expect(json.groups.flatMap((g) => g.causes.map((c) => [c.kind, c.workload]))).toEqual([['workload-added', redis]]);
    expect(json.broken_links).toEqual([]);
  });

  test('a values PR that points podinfo at a backend the policies do not admit: the broken link names the values line that wrote the address', () => {
    // the chart's own `backend` value becomes PODINFO_BACKEND_URL (the evidence quotes the address in
    // it, without the path); the team's default-deny (a
    // plain template beside the chart's) isolates every pod, so head's new need is broken
    const backend = `apiVersion: apps/v1
kind: Deployment
metadata: {name: backend}
spec:
  selector: {matchLabels: {app: backend}}
  template:
    metadata: {labels: {app: backend}}
    spec:
      containers: [{name: backend, image: example.com/backend:1, ports: [{containerPort: 9898}]}]
---
apiVersion: v1
kind: Service
metadata: {name: backend}
spec:
  selector: {app: backend}
  ports: [{port: 9898}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;
    const pr = makeStackedPr('fixtures/real-apps/podinfo-helm', {
      both: { 'templates/team-backend.yaml': () => backend },
      head: { 'values.yaml': replace('backend: #http://backend-podinfo:9898/echo\n', 'backend: http://backend:9898/echo\n') },
    });
    prs.push(pr);
    const run = (format: string) => runCli(['check', '--base', pr.base, '--head', pr.head, '--format', format], { cwd: pr.dir, env: ENV });
    const json = JSON.parse(run('json').stdout) as CheckJson;
    expect(items(json)).toEqual([]);
    // podinfo has egress now, so it resolves names: the default-deny blocks its DNS too (check judges DNS as verify does)
    expect(broken(json)).toEqual([`${D('podinfo')} -> ${D('backend')} TCP 9898`, `${D('podinfo')} -> kube-system/dns[Pod] TCP 53,UDP 53`]);
    expect(json.broken_links[0]?.evidence[0]).toMatch(/\(values .*values\.yaml:6 backend\)$/);
    expect(run('md').stdout).toContain('- `default/podinfo[Deployment]` needs `default/backend[Deployment]` on `TCP 9898` (`templates/deployment.yaml` (Helm template) from `values.yaml:6` (`backend`): `http://backend:9898`): head allows none of it');
  });
});
