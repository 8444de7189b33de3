import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { findHelm } from '../helpers/tools.js';

// Realistic pull requests on a trimmed Online Boutique (fixtures/prs/<name>/{base,head}; the base is
// fixtures/check/boutique without ads, catalog, recommendations, shipping and the load generator).
// Each test states what Kubernetes semantics say the PR does, written down before running the
// check, and asserts the report's statements: the pairs, their connections, the causes, the
// needed links broken. The base allows exactly: frontend -> cart 7070, currency 7000, checkout 5050;
// checkout -> payment 50051, email 8080, currency 7000, cart 7070; cart -> redis-cart (named port
// `redis`, 6379); outside (0.0.0.0/0 except 10.0.0.0/8) -> frontend 8080; monitoring/prometheus ->
// every boutique pod on 9090 (prometheus' namespace has no policies).

interface Item {
  kind: string;
  src: string;
  dst: string;
  before: string;
  after: string;
}
interface Cause {
  kind: string;
  policy?: string;
  workload?: string;
  selectors?: { policy: string; rule: string; field: string; nowMatches: boolean }[];
  files: { path: string }[];
}
interface Broken {
  src: string;
  dst: string;
  needs: string;
  base_needs?: string;
  missing: string;
  evidence: string[];
}
interface CheckJson {
  summary: Record<string, number | string>;
  changed_files: string[];
  outside: Item[];
  groups: { causes: Cause[]; items: Item[] }[];
  broken_links: Broken[];
  widened_exposure?: { workload: string; peer: string; addresses?: string; gained: string }[];
}

const side = (pr: string, s: 'base' | 'head') => `fixtures/prs/${pr}/${s}`;

function check(pr: string, ...extra: string[]): { json: CheckJson; md: string } {
  const args = ['check', '--base', side(pr, 'base'), '--head', side(pr, 'head'), ...extra];
  const env = { HELM_PATH: findHelm() };
  const j = runCli([...args, '--format', 'json'], { env });
  const m = runCli([...args, '--format', 'md'], { env });
  expect(j.code).toBe(0);
  expect(m.code).toBe(0);
  return { json: JSON.parse(j.stdout) as CheckJson, md: m.stdout };
}

const items = (o: CheckJson) => o.groups.flatMap((g) => g.items.map(({ kind, src, dst, before, after }) => ({ kind, src, dst, before, after })));
const broken = (o: CheckJson) => o.broken_links.map((b) => `${b.src} -> ${b.dst} ${b.missing}`);
const W = (name: string) => `boutique/${name}[Deployment]`;
const PROMETHEUS = 'monitoring/prometheus[Deployment]';

describe('realistic pull requests through check', () => {
  test('a new microservice calls an existing one by its env address, without a policy: default-deny blocks it, the link is broken', () => {
    // expected: boutique/pricing is selected by default-deny (podSelector {}), so its egress to
    // currencyservice:7000 is denied; allow-monitoring (podSelector {}) lets prometheus in on 9090
    const { json, md } = check('new-service');
    expect(items(json)).toEqual([{ kind: 'added', src: PROMETHEUS, dst: W('pricing'), before: 'No Connections', after: 'TCP 9090' }]);
    expect(json.groups[0]?.causes.map((c) => [c.kind, c.workload])).toEqual([['workload-added', W('pricing')]]);
    expect(broken(json)).toEqual([`${W('pricing')} -> ${W('currencyservice')} TCP 7000`]);
    expect(json.broken_links[0]?.evidence[0]).toContain('workloads/pricing.yaml:21');
    expect(md).toContain('### netpol-ci check: ⚠️ breaks 1 needed link');
  });

  test('tightening the frontend egress (the rule to the cart removed) breaks the frontend -> cart link', () => {
    const { json } = check('tighten-port');
    expect(items(json)).toEqual([{ kind: 'removed', src: W('frontend'), dst: W('cartservice'), before: 'TCP 7070', after: 'No Connections' }]);
    expect(json.groups[0]?.causes.map((c) => [c.kind, c.policy, c.files.map((f) => f.path)])).toEqual([['policy-edited', 'NetworkPolicy boutique/frontend', ['policies/network-policies.yaml']]]);
    expect(broken(json)).toEqual([`${W('frontend')} -> ${W('cartservice')} TCP 7070`]);
  });

  test('widening the payment ingress to namespaceSelector: {} lets in only pods whose egress is open (prometheus), and widens its exposure to the entire cluster', () => {
    // boutique pods are egress-isolated by default-deny: none of them gains; the monitoring
    // namespace has no policies, so prometheus reaches payment on 50051 beside 9090
    const { json, md } = check('widen-namespace-selector', '--exposure');
    expect(items(json)).toEqual([{ kind: 'changed', src: PROMETHEUS, dst: W('paymentservice'), before: 'TCP 9090', after: 'TCP 9090,50051' }]);
    expect(broken(json)).toEqual([]);
    expect(json.widened_exposure).toEqual([{ workload: W('paymentservice'), peer: 'entire-cluster', before: 'No Connections', after: 'TCP 50051', gained: 'TCP 50051' }]);
    expect(md).toContain('- `boutique/paymentservice[Deployment]` is now reachable from `entire-cluster` on `TCP 50051`');
  });

  test('renaming the container port a named-port policy uses: the policy diff is empty, yet cart -> redis breaks', () => {
    const { json } = check('rename-named-port');
    expect(json.changed_files).toEqual(['workloads/redis-cart.yaml']);
    expect(items(json)).toEqual([{ kind: 'removed', src: W('cartservice'), dst: W('redis-cart'), before: 'TCP 6379', after: 'No Connections' }]);
    expect(json.groups[0]?.causes.map((c) => [c.kind, c.workload])).toEqual([['ports-changed', W('redis-cart')]]);
    expect(broken(json)).toEqual([`${W('cartservice')} -> ${W('redis-cart')} TCP 6379`]);
  });

  test('relabelling the currency pods: its own policy and both callers\' egress selectors stop matching; both links break, prometheus keeps 9090', () => {
    const { json } = check('relabel');
    expect(items(json)).toEqual([
      { kind: 'removed', src: W('checkoutservice'), dst: W('currencyservice'), before: 'TCP 7000', after: 'No Connections' },
      { kind: 'removed', src: W('frontend'), dst: W('currencyservice'), before: 'TCP 7000', after: 'No Connections' },
    ]);
    const [cause] = json.groups[0]?.causes ?? [];
    expect(cause?.kind).toBe('labels-changed');
    expect(cause?.selectors?.map((s) => `${s.policy} ${s.rule} ${s.nowMatches}`).sort()).toEqual([
      'NetworkPolicy boutique/checkoutservice egress rule 2 false',
      'NetworkPolicy boutique/currencyservice subject false',
      'NetworkPolicy boutique/frontend egress rule 0 false',
    ]);
    expect(broken(json)).toEqual([`${W('checkoutservice')} -> ${W('currencyservice')} TCP 7000`, `${W('frontend')} -> ${W('currencyservice')} TCP 7000`]);
  });

  test('moving email to a namespace without policies: open to everything there, checkout\'s same-namespace egress rule no longer reaches it', () => {
    const { json, md } = check('move-namespace', '--exposure');
    const email = 'mail/emailservice[Deployment]';
    expect(items(json)).toEqual(
      expect.arrayContaining([
        { kind: 'added', src: '0.0.0.0/0', dst: email, before: 'No Connections', after: 'All Connections' },
        { kind: 'added', src: email, dst: '0.0.0.0/0', before: 'No Connections', after: 'All Connections' },
        { kind: 'added', src: PROMETHEUS, dst: email, before: 'No Connections', after: 'All Connections' },
        { kind: 'removed', src: W('checkoutservice'), dst: W('emailservice'), before: 'TCP 8080', after: 'No Connections' },
      ]),
    );
    // nothing in boutique gains: its pods stay ingress- and egress-isolated
    expect(items(json).filter((i) => i.kind === 'added' && (i.src.startsWith('boutique/') || i.dst.startsWith('boutique/')))).toEqual([]);
    expect(broken(json)).toEqual([`${W('checkoutservice')} -> ${email} TCP 8080`]);
    expect(json.outside.map((i) => `${i.src} -> ${i.dst}`)).toEqual([`0.0.0.0/0 -> ${email}`]);
    // the address peer of the widened exposure reads as the policies write addresses, as the outside pairs do
    expect(json.widened_exposure).toContainEqual({ workload: email, peer: '0.0.0.0-255.255.255.255[External]', addresses: '0.0.0.0/0', before: 'No Connections', after: 'All Connections', gained: 'All Connections' });
    expect(md).toContain('- `mail/emailservice[Deployment]` is now reachable from `0.0.0.0/0` on `All Connections`');
    expect(md).not.toContain('[External]`');
    // one edge per sentence: 0.0.0.0/0 is one node, not the three ranges the diff cuts it into
    const graph = md.slice(md.indexOf('```mermaid'), md.indexOf('```', md.indexOf('```mermaid') + 3));
    expect(graph).not.toContain('[External]');
    expect(graph.split('\n').filter((l) => l.includes('-->'))).toHaveLength(items(json).length);
    expect(graph).toContain('["0.0.0.0/0"] -->|"added: All Connections"| ');
  });

  test('an Ingress to the frontend without a policy admitting the controller: the ipBlock does not match it, the exposure link is broken', () => {
    const { json } = check('ingress-without-policy');
    expect(items(json)).toEqual([]);
    expect(broken(json)).toEqual([`{ingress-controller} -> ${W('frontend')} TCP 8080`]);
  });

  test('an Ingress with a namespaceSelector: {} rule: newly reachable from outside through the controller, first in the report', () => {
    const { json, md } = check('ingress-with-policy');
    expect(json.outside.map((i) => [i.src, i.dst, i.after])).toEqual([['{ingress-controller}', W('frontend'), 'TCP 8080']]);
    expect(items(json)).toContainEqual({ kind: 'changed', src: PROMETHEUS, dst: W('frontend'), before: 'TCP 9090', after: 'TCP 8080,9090' });
    expect(broken(json)).toEqual([]);
    const outsideAt = md.indexOf('#### Newly reachable from outside the cluster\n\n- `{ingress-controller}` can now reach `boutique/frontend[Deployment]` on `TCP 8080`');
    expect(outsideAt).toBeGreaterThan(0);
    expect(outsideAt).toBeLessThan(md.indexOf('#### Connectivity changes, by cause'));
    const causes = json.groups.flatMap((g) => g.causes.map((c) => c.kind));
    expect(causes).toContain('exposure-changed');
  });

  test('an ipBlock egress for the card processor: payment reaches 203.0.113.0/24 on 443 and nothing else changes', () => {
    const { json, md } = check('ipblock-egress');
    expect(items(json)).toEqual([{ kind: 'added', src: W('paymentservice'), dst: '203.0.113.0/24', before: 'No Connections', after: 'TCP 443' }]);
    expect(json.summary.outside).toBe(0);
    expect(md).toContain('- `boutique/paymentservice[Deployment]` can now reach `203.0.113.0/24` on `TCP 443`');
    // the graph draws the sentence's pair, the address as the policy wrote it
    expect(md).toMatch(/n\d+\["boutique\/paymentservice\[Deployment\]"\] -->\|"added: TCP 443"\| n\d+\["203\.0\.113\.0\/24"\]/);
  });

  test('dropping the except of the frontend ipBlock opens exactly 10.0.0.0/8, named as a CIDR in both lists', () => {
    const { json, md } = check('drop-except', '--exposure');
    expect(items(json)).toEqual([{ kind: 'added', src: '10.0.0.0/8', dst: W('frontend'), before: 'No Connections', after: 'TCP 8080' }]);
    expect(json.widened_exposure?.map((w) => [w.peer, w.addresses, w.gained])).toEqual([['10.0.0.0-10.255.255.255[External]', '10.0.0.0/8', 'TCP 8080']]);
    expect(md).toContain('- `boutique/frontend[Deployment]` is now reachable from `10.0.0.0/8` on `TCP 8080`');
  });

  test('renaming the cart Service its callers still address: no connectivity change, but two new gaps, and the verdict says so', () => {
    // policies select pods, not Services: nothing changes in the connectivity; the callers' env
    // addresses (cartservice:7070) now resolve to no Service, which the report must not call "nothing broken"
    const { json, md } = check('rename-service');
    expect(json.summary).toMatchObject({ changes: 0, broken: 0, gaps: 2, newGaps: 2, verdict: '⚠️ adds 2 gaps' });
    expect(md).toContain('### netpol-ci check: ⚠️ adds 2 gaps');
    expect(md).toContain('- `boutique/frontend[Deployment]`: `cartservice:7070` at `workloads/frontend.yaml:23`: no Service matches cartservice _(new in this PR)_');
    expect(md).not.toContain('✅');
    const gated = runCli(['check', '--base', side('rename-service', 'base'), '--head', side('rename-service', 'head'), '--fail-on', 'gaps']);
    expect(gated.code).toBe(1);
  });

  test('a Helm values change moves the app to 8080 while the policy keeps 9898: no connectivity change, the client link breaks, and the report says the need moved', () => {
    // the Service keeps port 9898 with targetPort http, which now names 8080: the client, which
    // calls podinfo:9898, needs the pod on 8080; the policy (outside the chart) still admits 9898 only
    const { json, md } = check('helm-values-port');
    expect(json.summary).toMatchObject({ changes: 0, broken: 1 });
    expect(json.broken_links.map((b) => [b.src, b.dst, b.needs, b.base_needs, b.missing])).toEqual([['default/client[Deployment]', 'default/podinfo[Deployment]', 'TCP 8080', 'TCP 9898', 'TCP 8080']]);
    expect(md).toContain('- `default/client[Deployment]` needs `default/podinfo[Deployment]` on `TCP 8080` (`apps/client.yaml:18`: `http://podinfo:9898`): head allows none of it (the PR moved the need: base needed `TCP 9898`)');
  });

  test('a link broken by a policy change, its need unchanged, carries no base need', () => {
    expect(check('tighten-port').json.broken_links[0]?.base_needs).toBeUndefined();
  });

  test('relabelling the monitoring namespace: allow-monitoring\'s namespaceSelector stops matching, prometheus loses 9090 to every boutique pod', () => {
    const { json, md } = check('namespace-label');
    const boutique = ['cartservice', 'checkoutservice', 'currencyservice', 'emailservice', 'frontend', 'paymentservice', 'redis-cart'];
    expect(items(json)).toEqual(boutique.map((w) => ({ kind: 'removed', src: PROMETHEUS, dst: W(w), before: 'TCP 9090', after: 'No Connections' })));
    expect(json.groups).toHaveLength(1);
    expect(md).toContain('**1. Cause:** labels of namespace `monitoring` changed from `purpose=monitoring` to `purpose=observability` in `namespace.yaml`: the namespaceSelector of `NetworkPolicy boutique/allow-monitoring` ingress rule 0 no longer matches it');
    // no manifest declares the scraping, so nothing needed breaks
    expect(json.broken_links).toEqual([]);
  });

  test('making the payment Service a LoadBalancer: reachable from any address is now a need, which the policy (checkout only) breaks', () => {
    const { json, md } = check('loadbalancer');
    expect(items(json)).toEqual([]);
    expect(json.broken_links.map((b) => [b.src, b.dst, b.missing])).toEqual([['0.0.0.0-255.255.255.255[External]', W('paymentservice'), 'TCP 50051']]);
    // the sentence names the addresses as a CIDR, like the outside section
    expect(md).toContain('- `0.0.0.0/0` needs `boutique/paymentservice[Deployment]` on `TCP 50051` (`Service boutique/paymentservice (LoadBalancer)` at `workloads/paymentservice.yaml:26`): head allows none of it');
  });

  test('reordering, reformatting and commenting the policies changes nothing: the report says so, diff is empty', () => {
    const { json, md } = check('no-semantic-change');
    expect(json.summary.changes).toBe(0);
    expect(json.broken_links).toEqual([]);
    expect(md).toContain('### netpol-ci check: ✅ no connectivity change, nothing broken');
    const d = runCli(['diff', side('no-semantic-change', 'base'), side('no-semantic-change', 'head'), '--exit-code']);
    expect(d.code).toBe(0);
    expect(d.stdout.trim()).toBe('Connectivity diff:');
  });
});

describe('realistic pull requests through diff', () => {
  test('the named-port rename is one removed pair; --exit-code says there is a difference', () => {
    const d = runCli(['diff', side('rename-named-port', 'base'), side('rename-named-port', 'head'), '--exit-code']);
    expect(d.code).toBe(1);
    expect(d.stdout.trim().split('\n')).toEqual(['Connectivity diff:', 'diff-type: removed, source: boutique/cartservice[Deployment], destination: boutique/redis-cart[Deployment], ref1: TCP 6379, ref2: No Connections']);
    expect(d.stderr).toContain('NPC014');
  });

  test('the move shows the workloads as removed and added', () => {
    const d = runCli(['diff', side('move-namespace', 'base'), side('move-namespace', 'head')]);
    expect(d.stdout).toContain('diff-type: removed, source: boutique/checkoutservice[Deployment], destination: boutique/emailservice[Deployment], ref1: TCP 8080, ref2: No Connections, workloads-diff-info: workload boutique/emailservice[Deployment] removed');
    expect(d.stdout).toContain('diff-type: added, source: monitoring/prometheus[Deployment], destination: mail/emailservice[Deployment], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload mail/emailservice[Deployment] added');
  });
});
