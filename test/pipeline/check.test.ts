import { afterAll, describe, expect, test } from 'vitest';
import { nodeIo } from '../../src/io/node-io.js';
import { peerKey } from '../../src/model/peer.js';
import { runCheck, type CheckOutcome } from '../../src/pipeline/check.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { renderCheckMd } from '../../src/report/check/md.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { deleteDocument, makePr, replace, type Edit, type Pr } from '../helpers/pr.js';
import { HELM, KUBECTL } from '../helpers/tools.js';

// Realistic PRs on a small Online-Boutique-like app (fixtures/check/boutique/base: the 11 services
// and load generator of the demo, one namespace, a default-deny plus one policy per workload,
// and a monitoring namespace whose Prometheus scrapes port 9090).
const BOUTIQUE = 'fixtures/check/boutique/base';
const POLICIES = 'policies/network-policies.yaml';

const prs: Pr[] = [];
afterAll(() => {
  for (const p of prs) p.dispose();
});

function check(fixture: string, edits: Readonly<Record<string, Edit>>): { o: CheckOutcome; md: string } {
  const pr = makePr(fixture, edits);
  prs.push(pr);
  const o = runCheck(nodeIo(), { kind: 'paths', base: pr.base, head: pr.head }, DEFAULT_READ_SETTINGS);
  return { o, md: renderCheckMd(o).split(pr.dir).join('<PR>') };
}

const causes = (o: CheckOutcome) => o.groups.map((g) => g.causes.map((c) => `${c.cause.kind} ${c.files.map((f) => f.path).join(',')}`));
const lines = (md: string) => md.split('\n');

describe('check on realistic PRs', () => {
  test('no change: nothing to report, nothing broken', () => {
    const { o, md } = check(BOUTIQUE, {});
    expect(o.diff.entries).toEqual([]);
    expect(o.broken).toEqual([]);
    expect(o.alreadyUnmet).toEqual([]);
    expect(o.changedFiles).toEqual([]);
    expect(lines(md)[1]).toBe('### netpol-ci check: ✅ no connectivity change, nothing broken');
  });

  test('a widened selector: the new pair, its cause, and the rule that now allows it', () => {
    const { o, md } = check(BOUTIQUE, {
      [POLICIES]: replace(
        '        - podSelector:\n            matchLabels: {app: frontend}\n        - podSelector:\n            matchLabels: {app: checkoutservice}\n        - podSelector:\n            matchLabels: {app: recommendationservice}\n      ports:\n        - {protocol: TCP, port: 3550}',
        '        - namespaceSelector: {}\n      ports:\n        - {protocol: TCP, port: 3550}',
      ),
    });
    expect(o.changedFiles).toEqual([POLICIES]);
    expect(causes(o)).toEqual([[`policy-edited ${POLICIES}`]]);
    expect(md).toContain('**1. Cause:** `NetworkPolicy boutique/productcatalogservice` changed in `policies/network-policies.yaml`');
    expect(md).toContain('- `monitoring/prometheus[Deployment]` → `boutique/productcatalogservice[Deployment]`: now also on `TCP 3550` (now `TCP 3550,9090`)');
    expect(md).toContain(
      '  - head `<PR>/head`: egress not restricted (no policy selects the pod); ingress allowed by `NetworkPolicy boutique/productcatalogservice` ingress rule 0 at `policies/network-policies.yaml:190`',
    );
    expect(md).toContain('- `policies/network-policies.yaml`: `NetworkPolicy boutique/productcatalogservice` changed');
  });

  test('a deleted policy: the pair it allowed is gone and the needed link is broken', () => {
    const { o, md } = check(BOUTIQUE, { [POLICIES]: deleteDocument('  name: paymentservice\n') });
    expect(causes(o)).toEqual([[`policy-removed ${POLICIES}`]]);
    expect(md).toContain('**1. Cause:** `NetworkPolicy boutique/paymentservice` deleted in `policies/network-policies.yaml`');
    expect(md).toContain('- `boutique/checkoutservice[Deployment]` can no longer reach `boutique/paymentservice[Deployment]` (was `TCP 50051`)');
    // the deny side names the default-deny, not the allow-DNS policy that also isolates egress
    expect(md).toContain('ingress isolated by `NetworkPolicy boutique/default-deny` at `policies/network-policies.yaml:2` and no rule allows it');
    expect(md).not.toMatch(/isolated by[^\n]*allow-dns/);
    expect(o.broken.map((u) => `${peerKey(u.link.src)} ${peerKey(u.link.dst)} ${u.missing.toString()}`)).toEqual(['boutique/checkoutservice[Deployment] boutique/paymentservice[Deployment] TCP 50051']);
    expect(md).toContain(
      '- `boutique/checkoutservice[Deployment]` needs `boutique/paymentservice[Deployment]` on `TCP 50051` (`workloads/checkoutservice.yaml:25`: `paymentservice:50051`): head allows none of it',
    );
    expect(lines(md)[1]).toBe('### netpol-ci check: ⚠️ breaks 1 needed link');
  });

  test('a relabelled namespace: the namespace selector that stopped matching is the cause, in the Namespace file', () => {
    const { o, md } = check(BOUTIQUE, { 'namespace.yaml': replace('labels: {purpose: monitoring}', 'labels: {purpose: observability}') });
    expect(causes(o)).toEqual([['namespace-labels-changed namespace.yaml']]);
    expect(md).toContain(
      '**1. Cause:** labels of namespace `monitoring` changed from `purpose=monitoring` to `purpose=observability` in `namespace.yaml`: the namespaceSelector of `NetworkPolicy boutique/allow-monitoring` ingress rule 0 no longer matches it',
    );
    // twelve pairs, one shared explanation, folded
    expect(md).toContain('Why, for each of these 12:');
    expect(md).toContain('<details><summary>12 pairs</summary>');
    expect(md).toContain('- `monitoring/prometheus[Deployment]` can no longer reach `boutique/redis-cart[Deployment]` (was `TCP 9090`)');
    // unchanged policy files are never listed as files that changed the answer
    expect(md).toContain('#### Files that changed the answer\n\n- `namespace.yaml`: labels of namespace');
    expect(md).not.toContain('- `policies/network-policies.yaml`:');
  });

  test('relabelled pods: the label change is the cause, naming the policy that no longer selects them and the rule that no longer admits them', () => {
    const { o, md } = check(BOUTIQUE, { 'workloads/checkoutservice.yaml': (t) => t.split('{app: checkoutservice}').join('{app: checkout}') });
    expect(causes(o)).toEqual([['labels-changed workloads/checkoutservice.yaml']]);
    expect(md).toContain(
      '**1. Cause:** pod labels of `boutique/checkoutservice[Deployment]` changed from `app=checkoutservice` to `app=checkout` in `workloads/checkoutservice.yaml`: `NetworkPolicy boutique/checkoutservice` no longer selects it;',
    );
    expect(md).toContain('the podSelector of `NetworkPolicy boutique/paymentservice` ingress rule 0 no longer matches it;');
    expect(md).toContain('`NetworkPolicy boutique/checkoutservice` no longer selects it; the podSelector of `NetworkPolicy boutique/cartservice` ingress rule 0 no longer matches it; the podSelector of `NetworkPolicy boutique/currencyservice` ingress rule 0');
    expect(md).toContain('- `boutique/checkoutservice[Deployment]` can no longer reach `boutique/paymentservice[Deployment]` (was `TCP 50051`)');
    expect(o.broken.length).toBe(7);
  });

  test('a new workload: its own cause, and the link it needs that the policies do not allow', () => {
    const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews\n  namespace: boutique\nspec:\n  selector:\n    matchLabels: {app: reviews}\n  template:\n    metadata:\n      labels: {app: reviews}\n    spec:\n      containers:\n        - name: server\n          image: example/reviews:1\n          env:\n            - {name: CATALOG, value: "productcatalogservice:3550"}\n`;
    const { o, md } = check(BOUTIQUE, { 'workloads/reviews.yaml': () => deployment });
    expect(causes(o)).toEqual([['workload-added workloads/reviews.yaml']]);
    expect(md).toContain('- `monitoring/prometheus[Deployment]` can now reach `boutique/reviews[Deployment]` on `TCP 9090` _(workload boutique/reviews\\[Deployment\\] added)_');
    expect(md).toContain('  - base `<PR>/base`: not on this side (workload boutique/reviews\\[Deployment\\] added)');
    expect(md).toContain(
      '- `boutique/reviews[Deployment]` needs `boutique/productcatalogservice[Deployment]` on `TCP 3550` (`workloads/reviews.yaml:17`: `productcatalogservice:3550`): head allows none of it',
    );
  });

  test('a stale named port: the Deployment renamed its port, the rule naming it no longer matches', () => {
    const { o, md } = check(BOUTIQUE, { 'workloads/redis-cart.yaml': replace('- name: redis\n', '- name: tcp-redis\n') });
    expect(causes(o)).toEqual([['ports-changed workloads/redis-cart.yaml']]);
    expect(md).toContain(
      '**1. Cause:** container ports of `boutique/redis-cart[Deployment]` changed from `redis TCP 6379` to `tcp-redis TCP 6379` in `workloads/redis-cart.yaml`: named port `redis` no longer declared, so rules naming it no longer match',
    );
    expect(md).toContain('- `boutique/cartservice[Deployment]` can no longer reach `boutique/redis-cart[Deployment]` (was `TCP 6379`)');
    expect(o.broken.map((u) => peerKey(u.link.dst))).toEqual(['boutique/redis-cart[Deployment]']);
  });

  test('a default-deny added (with allow-DNS): the default-deny is named, outside addresses shown apart as a CIDR', () => {
    const policy = (name: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: monitoring\nspec:\n${spec}`;
    const { o, md } = check(BOUTIQUE, {
      'monitoring/policies.yaml': () =>
        `${policy('default-deny', '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n')}---\n${policy('allow-dns', '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - ports:\n        - {protocol: UDP, port: 53}\n')}`,
    });
    expect(causes(o)).toEqual([['policy-added monitoring/policies.yaml']]);
    expect(md).toContain('**1. Cause:** `NetworkPolicy monitoring/default-deny` added in `monitoring/policies.yaml`');
    expect(md).toContain('egress isolated by `NetworkPolicy monitoring/default-deny` at `monitoring/policies.yaml:1` and no rule allows it');
    expect(md).not.toMatch(/isolated by[^\n]*allow-dns/);
    // in-cluster pairs and outside addresses are separate; the address space reads as a CIDR, and a
    // side that allowed everything is not shown as a leftover of ranges
    const outsideAt = md.indexOf('Outside the cluster:');
    expect(outsideAt).toBeGreaterThan(md.indexOf("12 pairs"));
    expect(md).toContain('- `monitoring/prometheus[Deployment]` → `0.0.0.0/0`: now only on `UDP 53` (was all connections)');
    expect(md).toContain('- `0.0.0.0/0` can no longer reach `monitoring/prometheus[Deployment]` (was `All Connections`)');
    expect(md).not.toMatch(/SCTP 1-65535/);
  });

  test('opening to outside: a dropped ipBlock except is listed first, as the CIDR; a new Ingress its policy does not admit is a broken link', () => {
    const ingress = `---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ads\n  namespace: boutique\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /ads\n            pathType: Prefix\n            backend:\n              service:\n                name: adservice\n                port: {number: 9555}\n`;
    const { o, md } = check(BOUTIQUE, {
      [POLICIES]: replace('            except: [10.0.0.0/8]\n', ''),
      'workloads/adservice.yaml': (t) => t + ingress,
    });
    expect(o.outside.map((it) => `${it.kind} ${it.src} ${it.dst} ${it.after.toString()}`)).toEqual(['added 10.0.0.0/8 boutique/frontend[Deployment] TCP 8080']);
    expect(lines(md)[1]).toBe('### netpol-ci check: ⚠️ breaks 1 needed link, opens 1 path from outside the cluster');
    const outsideAt = md.indexOf('#### Newly reachable from outside the cluster\n\n- `10.0.0.0/8` can now reach `boutique/frontend[Deployment]` on `TCP 8080`');
    expect(outsideAt).toBeGreaterThan(0);
    expect(outsideAt).toBeLessThan(md.indexOf('#### Connectivity changes, by cause'));
    expect(md).toContain('  - head `<PR>/head`: ingress allowed by `NetworkPolicy boutique/frontend` ingress rule 1 at `policies/network-policies.yaml:44`');
    expect(md).toContain('- `{ingress-controller}` needs `boutique/adservice[Deployment]` on `TCP 9555` (`Ingress boutique/ads` at `workloads/adservice.yaml:43`): head allows none of it');
  });

  test('a needed link through a Gateway is named as not checked, never silently passed', () => {
    const route = `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: shop\n  namespace: boutique\nspec:\n  parentRefs:\n    - name: public\n      namespace: infra\n  rules:\n    - backendRefs:\n        - name: frontend\n          port: 80\n`;
    const { o, md } = check(BOUTIQUE, { 'workloads/route.yaml': () => route });
    expect(o.unjudged.map((l) => `${peerKey(l.src)} ${peerKey(l.dst)}`)).toEqual(['{gateway infra/public} boutique/frontend[Deployment]']);
    expect(o.diagnostics.filter((d) => d.code === 'NPC120').map((d) => `${d.severity} ${d.at?.file.split('/').slice(-2).join('/')}:${d.at?.line}`)).toEqual(['info workloads/route.yaml:12']);
    expect(md).toContain('1 needed link through a Gateway proxy was not checked (the policy engine does not model gateways): `{gateway infra/public}` → `boutique/frontend[Deployment]`');
  });

  test('a port moved in a Deployment while the policies keep the number: an empty diff, but broken links', () => {
    const { o, md } = check(BOUTIQUE, {
      'workloads/currencyservice.yaml': (t) => t.replace('containerPort: 7000', 'containerPort: 7001').replace('targetPort: 7000', 'targetPort: 7001'),
    });
    expect(o.diff.entries).toEqual([]);
    expect(o.broken.map((u) => `${peerKey(u.link.src)} -> ${peerKey(u.link.dst)} missing ${u.missing.toString()} allowed ${u.allowed.toString()}`)).toEqual([
      'boutique/checkoutservice[Deployment] -> boutique/currencyservice[Deployment] missing TCP 7001 allowed No Connections',
      'boutique/frontend[Deployment] -> boutique/currencyservice[Deployment] missing TCP 7001 allowed No Connections',
    ]);
    expect(lines(md)[1]).toBe('### netpol-ci check: ⚠️ breaks 2 needed links');
    expect(md).toContain(
      '- `boutique/frontend[Deployment]` needs `boutique/currencyservice[Deployment]` on `TCP 7001` (`workloads/frontend.yaml:23`: `currencyservice:7000`): head allows none of it',
    );
  });

  test('a link already unmet on base is not blamed on the PR', () => {
    // base: the stale named port; head: the same plus an unrelated comment
    const pr = makePr(BOUTIQUE, { 'workloads/redis-cart.yaml': replace('- name: redis\n', '- name: tcp-redis\n') });
    prs.push(pr);
    const head = makePr(BOUTIQUE, { 'workloads/redis-cart.yaml': (t) => `# cache\n${t.replace('- name: redis\n', '- name: tcp-redis\n')}` });
    prs.push(head);
    const o = runCheck(nodeIo(), { kind: 'paths', base: pr.head, head: head.head }, DEFAULT_READ_SETTINGS);
    expect(o.broken).toEqual([]);
    expect(o.alreadyUnmet.map((u) => peerKey(u.link.dst))).toEqual(['boutique/redis-cart[Deployment]']);
  });

  test('adopting policies on the 12-workload app fits the comment budget and groups by cause', () => {
    const { o, md } = check(BOUTIQUE, { [POLICIES]: () => null });
    // reversed: base has the policies, head has none; and the real adoption direction below
    expect(o.groups.length).toBeGreaterThan(0);
    const adopt = makePr(BOUTIQUE, {});
    prs.push(adopt);
    const noPolicies = makePr(BOUTIQUE, { [POLICIES]: () => null });
    prs.push(noPolicies);
    const a = runCheck(nodeIo(), { kind: 'paths', base: noPolicies.head, head: adopt.head }, DEFAULT_READ_SETTINGS);
    const body = renderCheckMd(a);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(60_000);
    expect(body).not.toContain('truncated=true');
    // the biggest group is the default-deny, said once
    expect(body).toContain('**1. Cause:** `NetworkPolicy boutique/default-deny` added in `policies/network-policies.yaml`');
    expect(body).not.toMatch(/SCTP 1-65535,TCP/);
    expect(md.length).toBeGreaterThan(0);
  });

  test('a Helm values change (real helm): the values line that changed, links to the template, not rendered lines', () => {
    const saved = process.env.HELM_PATH;
    process.env.HELM_PATH = HELM;
    let r: { o: CheckOutcome; md: string };
    try {
      r = check('fixtures/helm/shop', { 'values.yaml': replace('cache:\n  port: 6379', 'cache:\n  port: 6380') });
    } finally {
      if (saved === undefined) delete process.env.HELM_PATH;
      else process.env.HELM_PATH = saved;
    }
    const { o, md } = r;
    expect(o.changedFiles).toEqual(['values.yaml']);
    expect(causes(o)).toEqual([['policy-edited values.yaml', 'ports-changed values.yaml']]);
    expect(md).toContain(
      '**1. Causes:** `NetworkPolicy shop/cache-from-api` changed in `values.yaml` (L12); container ports of `shop/cache[StatefulSet]` changed from `TCP 6379` to `TCP 6380` in `values.yaml` (L12)',
    );
    expect(md).toContain('ingress allowed by `NetworkPolicy shop/cache-from-api` ingress rule 0 at `templates/networkpolicies.yaml` (Helm template)');
    expect(md).not.toContain('[rendered]');
    // the API still calls the old port: a gap the PR introduced
    expect(o.gaps.filter((g) => g.introduced).map((g) => g.value)).toEqual(['redis://cache.shop.svc.cluster.local:6379']);
  });

  test('a Kustomize base change (real kubectl): the base file the PR changed, and the base line as the place of the rule', () => {
    const saved = process.env.KUBECTL_PATH;
    process.env.KUBECTL_PATH = KUBECTL;
    let r: { o: CheckOutcome; md: string };
    try {
      r = check('fixtures/kustomize', { 'base/policies.yaml': replace('ports: [{port: 9090}]', 'ports: [{port: 9090}, {port: 9091}]') });
    } finally {
      if (saved === undefined) delete process.env.KUBECTL_PATH;
      else process.env.KUBECTL_PATH = saved;
    }
    const { o, md } = r;
    expect(o.changedFiles).toEqual(['base/policies.yaml']);
    expect(o.groups.length).toBeGreaterThan(0);
    // every cause names the base file the PR changed, and nothing else
    for (const g of o.groups) for (const c of g.causes) expect(c.files.map((f) => f.path)).toEqual(['base/policies.yaml']);
    // the policy and its rule are cited where the base writes them (kustomize's origins), not at the overlay folder
    expect(md).toContain('ingress isolated by `NetworkPolicy staging/stg-lock-api` at `base/policies.yaml:2`');
    expect(md).toContain('ingress allowed by `NetworkPolicy staging/stg-lock-api` ingress rule 0 at `base/policies.yaml:11`');
    expect(md).not.toContain('(Kustomize overlay)');
    expect(md).not.toContain('[rendered]');
  });

  test('the bundled example PR: added, changed and removed pairs under their causes, and the broken link', () => {
    const o = runCheck(nodeIo(), { kind: 'paths', base: 'fixtures/example-pr/base', head: 'fixtures/example-pr/head' }, DEFAULT_READ_SETTINGS);
    expect(o.changedFiles).toEqual(['backend/orders.yaml', 'frontend/network-policies.yaml', 'frontend/web.yaml', 'payments/network-policies.yaml']);
    expect(o.groups.map((g) => g.items.map((it) => `${it.kind} ${it.src} ${it.dst}`))).toEqual([
      ['added frontend/web[Deployment] payments/payments[Deployment]'],
      ['changed payments/fraud-check[Deployment] 203.0.113.0/24'],
      ['removed frontend/web[Deployment] backend/orders[Deployment]'],
    ]);
    expect(causes(o)).toEqual([
      ['policy-edited frontend/network-policies.yaml', 'policy-edited payments/network-policies.yaml'],
      ['policy-edited payments/network-policies.yaml'],
      ['ports-changed backend/orders.yaml'],
    ]);
    expect(o.broken.map((u) => `${peerKey(u.link.src)} ${peerKey(u.link.dst)} ${u.missing.toString()}`)).toEqual(['frontend/web[Deployment] backend/orders[Deployment] TCP 8081']);
    expect(REPO_ROOT.length).toBeGreaterThan(0);
  });
});
