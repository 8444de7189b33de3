import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { findNcaForTests } from '../helpers/nca.js';
import { compareConnections, compareDiffs, ncaConnectivityDelta, ncaDelta, ncaSemanticDiff, ourDelta, oursJson } from '../helpers/semantic-diff.js';

/**
 * The realistic pull requests of fixtures/prs written as plain manifests, through our diff and
 * through nca 2.1.0 twice: its --semantic_diff, and the difference of its --connectivity of the
 * two sides, each compared with ours pair by pair (test/helpers/semantic-diff.ts: nca's
 * ingress-controller pod read as our `{ingress-controller}`, its kube-dns pod left out). The PRs
 * that need rendering (a Helm chart, a Kustomize overlay) are in test/cli/prs-diff.test.ts: nca
 * reads no charts or overlays.
 *
 * Where nca departs from Kubernetes, said and pinned here:
 * - nca refuses `policyTypes: [Egress, Ingress]` ("policyTypes has invalid value"): it accepts
 *   only the orders [Ingress], [Egress] and [Ingress, Egress]; the API takes the list in any
 *   order. nca reads each side with the list sorted (`ncaCopy`), which means the same.
 * - rename-named-port: nca's --semantic_diff reports no change, while its own --connectivity of
 *   the head no longer lists cart -> redis-cart (a named port resolves against the destination
 *   pod's container ports; renamed away, the rule allows nothing). We follow Kubernetes, and nca's
 *   connectivity, which agrees with us. The cause, in the smallest case below: nca's semantic diff
 *   resolves the base's named ports against the head's pods.
 */
const PRS = path.join(REPO_ROOT, 'fixtures/prs');
const plain = readdirSync(PRS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('helm-') && !d.name.startsWith('kustomize-'))
  .map((d) => d.name)
  .sort();
const SEMANTIC_DIFF_MISSES: Readonly<Record<string, readonly string[]>> = {
  'rename-named-port': ['lost boutique/cartservice[Deployment] => boutique/redis-cart[Deployment] : TCP 6379 | No Connections'],
};

const scratch = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-prs-nca-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of one side, its policies' policyTypes in the order nca accepts. */
function ncaCopy(dir: string, name: string): string {
  const out = path.join(scratch, name);
  cpSync(dir, out, { recursive: true });
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const file of walk(out).filter((f) => /\.ya?ml$/.test(f))) {
    const docs = parseAllDocuments(readFileSync(file, 'utf8'));
    let changed = false;
    for (const doc of docs) {
      const types = doc.getIn(['spec', 'policyTypes']) as { items?: { value?: unknown }[] } | undefined;
      const values = types?.items?.map((i) => i.value);
      if (doc.get('kind') === 'NetworkPolicy' && values && values.join() === 'Egress,Ingress') {
        doc.setIn(['spec', 'policyTypes'], doc.createNode(['Ingress', 'Egress']));
        changed = true;
      }
    }
    if (changed) writeFileSync(file, docs.map((d) => d.toString()).join('---\n'));
  }
  return out;
}

describe('fixtures/prs: our diff against nca', () => {
  const nca = findNcaForTests();
  test.each(plain)('%s', (pr) => {
    const [base, head] = [path.join(PRS, pr, 'base'), path.join(PRS, pr, 'head')];
    const [nb, nh] = [ncaCopy(base, `${pr}-base`), ncaCopy(head, `${pr}-head`)];
    const ours = ourDelta(oursJson(base, head));
    const r = ncaSemanticDiff(nca, nb, nh);
    expect([0, 1], r.stderr).toContain(r.status);
    expect(compareDiffs(ours, ncaDelta(r.stdout))).toEqual(SEMANTIC_DIFF_MISSES[pr] ?? []);
    expect(compareConnections(ours, ncaConnectivityDelta(nca, nb, nh))).toEqual([]);
    // ours reads both forms the same
    expect(compareConnections(ours, ourDelta(oursJson(nb, nh)))).toEqual([]);
  });
});

describe("nca's semantic diff resolves the base's named ports against the head's pods", () => {
  const pods = (name: string) => `apiVersion: v1
kind: Pod
metadata: {name: a, namespace: gamma, labels: {app: a}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: gamma, labels: {app: b}}
spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 1, protocol: UDP, name: ${name}}]}]}
`;
  // a's egress: only UDP to a port named metrics (b's UDP 1); the PR drops the policy and renames b's port
  const policy = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np-0, namespace: gamma}
spec:
  podSelector: {matchLabels: {app: a}}
  policyTypes: [Egress]
  egress:
    - ports: [{protocol: UDP, port: metrics}]
`;
  test('a -> b had UDP 1 and now has everything: gained is everything but UDP 1 (nca: everything)', () => {
    const nca = findNcaForTests();
    const [base, head] = [path.join(scratch, 'named-base'), path.join(scratch, 'named-head')];
    for (const [dir, text] of [[base, pods('metrics') + policy], [head, pods('http')]] as const) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'all.yaml'), text);
    }
    const ours = oursJson(base, head);
    expect(ours.entries.filter((e) => e.src === 'gamma/a[Pod]' && e.dst === 'gamma/b[Pod]').map((e) => `${e.ref1} | ${e.ref2}`)).toEqual(['UDP 1 | All Connections']);
    const semantic = compareDiffs(ourDelta(ours), ncaDelta(ncaSemanticDiff(nca, base, head).stdout));
    expect(semantic).toEqual(['gained gamma/a[Pod] => gamma/b[Pod] : SCTP 1-65535,TCP 1-65535,UDP 2-65535 | All Connections']);
    // nca's own connectivity of each side agrees with us
    expect(compareConnections(ourDelta(ours), ncaConnectivityDelta(nca, base, head))).toEqual([]);
  });
});
