import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { nodeIo } from '../../src/io/node-io.js';
import { parseConns } from '../../src/model/connection-set.js';
import { runConnectivity } from '../../src/pipeline/connectivity.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { renderConnectivityTxt } from '../../src/report/connectivity.js';
import { Codes } from '../../src/diagnostics/diagnostic.js';
import { findNcaForTests } from '../helpers/nca.js';
import { differingPairs, parseListing, refinedPairs, type Row } from '../helpers/peer-pairs.js';
import { NAMESPACES, randomConfiguration, type Doc } from '../helpers/random-config.js';
import { applyMutation, applyMutations, ncaPrForm, randomPullRequest, withServices, workloadCount, type Mutation, type MutationKind } from '../helpers/random-pr.js';
import { compareConnections, compareDiffs, NO_ENDPOINTS, ncaConnectivityDelta, ncaDelta, ncaSemanticDiff, ourDelta, oursJson, type JsonDiff } from '../helpers/semantic-diff.js';

/**
 * Random pull requests (test/helpers/random-pr.ts: a random configuration and one to three realistic edits
 * of it) through our `diff --format json` and through nca 2.1.0's `--semantic_diff`, compared in
 * one shape: per pair of endpoints (external addresses cut into the pieces both answers cut
 * them into), the connections the PR grants and the connections it takes away, and which
 * workloads the PR added or removed.
 *
 * nca says what changed, not what was there before: it lists lost and new connections per
 * category (removed peers, persistent peers, added peers, ipBlocks). Our entries carry both sides
 * (`ref1`, `ref2`); gained is ref2 minus ref1, lost is ref1 minus ref2, and the two must agree
 * pair by pair. A workload nca counts among its "removed peers" ("added peers") must be one our
 * `workloads_diff_info` names as removed (added), and the other way round.
 *
 * Deliberate differences, both of naming, not of meaning:
 * - nca reads the configuration in `ncaPrForm` (test/helpers/random-pr.ts: `ncaForm`'s four
 *   readings that differ from Kubernetes', and `policyTypes: [Egress, Ingress]`, which nca
 *   refuses, sorted), and the first property checks that ours gives the same diff for both
 *   forms, so the comparison is of the same PR;
 * - nca adds simulated pods (`kube-system/kube-dns-livesim`) that are not in the manifests: their
 *   pairs are left out.
 *
 * And one defect of nca's semantic diff, found here: it resolves the base's named policy ports
 * against the head's pods, so when a PR renames a container port, a base connection on that port
 * is missed (counted as gained by the head, or never lost); test/pipeline/prs-nca.test.ts pins the
 * smallest case and fixtures/prs/rename-named-port. Kubernetes resolves the name against each
 * destination pod's own container ports, as nca's --connectivity of each side does. When the
 * configuration names policy ports and the semantic diff differs, nca's --connectivity of the two
 * sides decides the connections (the workload categories are still compared).
 *
 * And one model difference: nca simulates the ingress controller as a pod whose egress the
 * Ingresses bind; when an Ingress resolves to no backend port (its Service's named targetPort
 * renamed away in the pod), the pod reaches everything, outside addresses included. A controller
 * proxies to its backends only, and a backend port that resolves to nothing has no endpoint: we
 * give the controller nothing there. And an Ingress naming a Service port number the Service
 * does not have, but that is one of its targetPorts, reaches that port for us, as ingress-nginx
 * does (with warning NPC070, README), and nothing for nca. In such a PR (nca's controller reaching
 * an address, or our NPC070, tells it), the controller's pairs are not compared.
 *
 * And one limit of nca: it analyses no configuration without endpoints (it runs no query and exits
 * 4), and a PR that removes every workload leaves such a head. Kubernetes' answer is plain: every
 * connection of the base is lost. nca's --connectivity of the base, against nothing, referees the
 * connections, and we must name every workload of the base removed.
 *
 * FC_NUM_RUNS (in-process property), FC_PEER_RUNS (two nca analyses each, about half a second)
 * and FC_SEED override the defaults.
 */
const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 200);
const PEER_RUNS = Number(process.env.FC_PEER_RUNS ?? 30);
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;

const fromController = (row: Row) => row[0].some((e) => e.kind === 'workload' && e.key === '{ingress-controller}');
/** nca's controller pod reaches an outside address: no Ingress bound it (a real controller proxies to backends only). */
const controllerUnbound = (d: { gained: Row[]; lost: Row[] }) => [...d.gained, ...d.lost].some((row) => fromController(row) && row[1].some((e) => e.kind === 'external'));

/** A NetworkPolicy of the configuration names a port (`port: http`). */
const namesPolicyPorts = (docs: readonly Doc[]) => docs.some((d) => d.kind === 'NetworkPolicy' && /"port":"/.test(JSON.stringify(d.spec)));

const toYaml = (docs: readonly Doc[]): string => docs.map((d) => stringify(d, { aliasDuplicateObjects: false })).join('---\n');

function write(dir: string, docs: readonly Doc[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'all.yaml'), toYaml(docs));
}

function withDir<T>(prefix: string, f: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    return f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A head without workloads: we name every workload of the base removed (each workload nca's
 * connectivity of the base lists among them) and none added.
 */
function everyWorkloadRemoved(ours: JsonDiff, base: readonly Doc[], ncaLost: readonly Row[]): string[] {
  const out: string[] = [];
  if (ours.added_workloads.length > 0) out.push(`we name ${ours.added_workloads.join(', ')} added to an empty head`);
  if (ours.removed_workloads.length !== workloadCount(base)) out.push(`we name ${ours.removed_workloads.length} of the base's ${workloadCount(base)} workloads removed`);
  const listed = new Set(ncaLost.flatMap((row) => [...row[0], ...row[1]]).flatMap((e) => (e.kind === 'workload' && !e.key.startsWith('{') ? [e.key] : [])));
  for (const w of listed) if (!ours.removed_workloads.includes(w)) out.push(`nca's base lists ${w}; we do not name it removed`);
  return out;
}

interface NcaTally {
  changedPairs: number;
  namedPortMisses: number;
  controllerFallbacks: number;
}

/**
 * Our diff of a PR against nca's semantic diff of its nca form: the differences (none when they
 * agree), with the PR kept in a temporary folder when there are some. `tally` counts the pairs our
 * diff changed and the PRs that needed one of the refereed readings described above.
 */
function prAgainstNca(nca: string, dir: string, base: Doc[], mutations: readonly Mutation[], tally: NcaTally): string[] {
  const [b, h, nb, nh] = ['b', 'h', 'nb', 'nh'].map((x) => path.join(dir, x)) as [string, string, string, string];
  const { head } = applyMutations(base, mutations);
  write(b, base);
  write(h, head);
  write(nb, ncaPrForm(base));
  write(nh, ncaPrForm(head));
  const ours = oursJson(b, h);
  tally.changedPairs += ours.entries.length;
  const r = ncaSemanticDiff(nca, nb, nh);
  // nca exits 0 when equivalent, 1 when it found a difference; and 4 when it ran no query: it
  // analyses no configuration without endpoints, and a PR removing every workload leaves one (see
  // above: its connectivity of the base, against nothing, referees)
  const refused = r.status === 4 && workloadCount(head) === 0 && NO_ENDPOINTS.test(r.stdout);
  if (!refused) expect([0, 1], r.stderr).toContain(r.status);
  const [mine, theirs] = [ourDelta(ours), refused ? { ...ncaConnectivityDelta(nca, nb, nh), lines: [] } : ncaDelta(r.stdout)];
  if (controllerUnbound(theirs) || ours.codes?.includes(Codes.backendTargetPort)) {
    // nca's simulated controller pod reaches everything when an Ingress resolves to no
    // backend port, and it does not take ingress-nginx's targetPort fallback (see above):
    // the controller's pairs are not compared in this PR
    tally.controllerFallbacks++;
    for (const d of [mine, theirs]) for (const list of [d.gained, d.lost]) list.splice(0, list.length, ...list.filter((row) => !fromController(row)));
  }
  let diffs = refused ? [...compareConnections(mine, theirs), ...everyWorkloadRemoved(ours, base, theirs.lost)] : compareDiffs(mine, theirs);
  if (!refused && diffs.length > 0 && [base, head].some(namesPolicyPorts)) {
    // nca's semantic diff resolves a policy's named port otherwise than its connectivity
    // does (see above): its own connectivity of the two sides referees the connections
    const byConnectivity = compareConnections(ourDelta(ours), ncaConnectivityDelta(nca, nb, nh));
    diffs = [...byConnectivity, ...diffs.filter((d) => !/^(gained|lost) /.test(d))];
    if (diffs.length === 0) tally.namedPortMisses++;
  }
  if (diffs.length > 0) {
    // kept for a look: both sides as ours read them, and nca's forms
    const kept = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-pr-nca-diff-'));
    for (const [name, docs] of [['base.yaml', base], ['head.yaml', head], ['nca-base.yaml', ncaPrForm(base)], ['nca-head.yaml', ncaPrForm(head)]] as const) writeFileSync(path.join(kept, name), toYaml(docs));
    writeFileSync(path.join(kept, 'mutations.json'), `${JSON.stringify(mutations, null, 2)}\n`);
    diffs.unshift(`(ours | nca; ${mutations.map((m) => m.kind).join(', ')}; PR kept in ${kept})`);
  }
  return diffs;
}

describe('random pull requests: our semantic diff against nca --semantic_diff', () => {
  it('ours gives the same diff for a PR and for its nca form', () => {
    withDir('netpol-ci-pr-form-', (dir) => {
      const [b, h, nb, nh] = ['b', 'h', 'nb', 'nh'].map((x) => path.join(dir, x)) as [string, string, string, string];
      fc.assert(
        fc.property(randomPullRequest, ({ base, mutations }) => {
          const { head } = applyMutations(base, mutations);
          write(b, base);
          write(h, head);
          write(nb, ncaPrForm(base));
          write(nh, ncaPrForm(head));
          const x = oursJson(b, h);
          const y = oursJson(nb, nh);
          expect(differingPairs(ourDelta(x).gained, ourDelta(y).gained)).toEqual([]);
          expect(differingPairs(ourDelta(x).lost, ourDelta(y).lost)).toEqual([]);
          expect([x.added_workloads, x.removed_workloads]).toEqual([y.added_workloads, y.removed_workloads]);
        }),
        { numRuns: NUM_RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    });
  }, 300_000);

  it('a namespaceSelector testing the name label for existence admits the ingress controller, in both forms (FC_SEED=439098220 found the nca form leaving it out)', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'gamma', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 8080, name: 'http' }] }] } };
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'gamma' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } };
    const ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'gamma' },
      spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    };
    const policy = (from: object) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np', namespace: 'gamma' }, spec: { podSelector: {}, ingress: [{ from: [from] }] } });
    const exists = (operator: string) => ({ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator }] } });
    withDir('netpol-ci-pr-name-exists-', (dir) => {
      const [b, h, nb, nh] = ['b', 'h', 'nb', 'nh'].map((x) => path.join(dir, x)) as [string, string, string, string];
      const gained = (base: Doc[], head: Doc[]) => {
        write(b, base);
        write(h, head);
        write(nb, ncaPrForm(base));
        write(nh, ncaPrForm(head));
        return [ourDelta(oursJson(b, h)).gained, ourDelta(oursJson(nb, nh)).gained].map((rows) => rows.filter(fromController).length);
      };
      const docs = (from: object) => [pod, service, ingress, policy(from)] as Doc[];
      // every namespace has its name label, the controller's too: Exists to {} changes nothing
      expect(gained(docs(exists('Exists')), docs({ namespaceSelector: {} }))).toEqual([0, 0]);
      // and no namespace lacks it: DoesNotExist to {} lets the controller in
      expect(gained(docs(exists('DoesNotExist')), docs({ namespaceSelector: {} }))).toEqual([1, 1]);
    });
  });

  it('a workload moved to another namespace is paired, and what the move changed is its connections before (old name) against after, address by address', () => {
    const ip = (t: string) => t.split('.').reduce((a, b) => a * 256 + Number(b), 0);
    /** `ns/w[Kind]`, or an address range as [lo, hi] (`a-b[External]` or a listing piece `a-b`). */
    const end = (t: string): string | [number, number] => (/^[0-9.]+-[0-9.]+/.test(t) ? (t.replace('[External]', '').split('-').map(ip) as [number, number]) : t);
    const covers = (outer: string | [number, number], inner: string | [number, number]) =>
      typeof outer === 'string' || typeof inner === 'string' ? outer === inner : outer[0] <= inner[0] && inner[1] <= outer[1];
    let moved = 0;
    withDir('netpol-ci-pr-move-', (dir) => {
      const [b, h] = [path.join(dir, 'b'), path.join(dir, 'h')];
      const listing = (d: string) => parseListing(renderConnectivityTxt(runConnectivity(nodeIo(), [d], DEFAULT_READ_SETTINGS).connectivity), 'netpol-analyzer');
      fc.assert(
        fc.property(randomConfiguration.map(withServices), fc.nat({ max: 50 }), fc.integer({ min: 1, max: NAMESPACES.length - 1 }), (base, pick, to) => {
          const { head } = applyMutation(base, { kind: 'move-workload', pick, to });
          write(b, base);
          write(h, head);
          const ours = oursJson(b, h);
          expect(ours.removed_workloads).toHaveLength(1);
          const [from, into] = [ours.removed_workloads[0] as string, ours.added_workloads[0] as string];
          expect(ours.moved_workloads).toHaveLength(1);
          const move = (ours.moved_workloads ?? [])[0] as NonNullable<typeof ours.moved_workloads>[number];
          expect([move.from, move.to, move.how]).toEqual([from, into, 'namespace']);
          moved++;
          // independently: both sides' connectivity, the base's under the new name, atom by atom
          const renamed = renderConnectivityTxt(runConnectivity(nodeIo(), [b], DEFAULT_READ_SETTINGS).connectivity).split(from).join(into);
          const [before, after] = refinedPairs(parseListing(renamed, 'netpol-analyzer'), listing(h));
          for (const k of new Set([...before.keys(), ...after.keys()])) {
            const [src, dst] = k.split(' => ').map(end) as [string | [number, number], string | [number, number]];
            if (src !== into && dst !== into) continue;
            const x = (before.get(k) ?? parseConns('No Connections'))?.toString();
            const y = (after.get(k) ?? parseConns('No Connections'))?.toString();
            const c = move.changes.filter((ch) => covers(end(ch.src), src) && covers(end(ch.dst), dst));
            expect(c.map((ch) => `${ch.ref1} | ${ch.ref2}`), k).toEqual(x === y ? [] : [`${x} | ${y}`]);
          }
        }),
        { numRuns: Math.max(20, Math.floor(NUM_RUNS / 4)), ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    });
    expect(moved).toBeGreaterThan(0);
  }, 300_000);

  it('a PR that removes every workload: everything the base allowed is lost, for nca too (FC_SEED=204, path 80 found nca refusing a side without endpoints)', () => {
    const nca = findNcaForTests();
    const web = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'alpha' }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c0', image: 'nginx:1.25', ports: [{ containerPort: 80, name: 'http' }] }] } } } };
    const db = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db', namespace: 'beta', labels: { app: 'db' } }, spec: { containers: [{ name: 'c0', image: 'nginx:1.25', ports: [{ containerPort: 5432 }] }] } };
    const policy = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np-0', namespace: 'beta' }, spec: { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 5432 }] }] } };
    const base = withServices([web, db, policy] as Doc[]);
    const tally: NcaTally = { changedPairs: 0, namedPortMisses: 0, controllerFallbacks: 0 };
    withDir('netpol-ci-pr-nca-empty-', (dir) => {
      expect(prAgainstNca(nca, dir, base, [{ kind: 'remove-workload', pick: 0 }, { kind: 'remove-workload', pick: 0 }], tally)).toEqual([]);
    });
    expect(tally.changedPairs).toBeGreaterThan(0);
  });

  it('the random PRs make every kind of edit (a fixed sample: the nca property above runs too few PRs to count on it)', () => {
    // with FC_SEED=1089 the nca property's 30 PRs applied 9 kinds of 14, and 3 samples of 30 PRs
    // in 1,000 apply fewer than 10 (the rare kinds: add-except needs an ipBlock, a few PRs in a
    // hundred): a floor on the kinds there failed CI by chance; the generator's reach is checked
    // here, on a sample nothing random decides
    const applied = new Set(fc.sample(randomPullRequest, { numRuns: 300, seed: 20261130 }).flatMap(({ base, mutations }) => applyMutations(base, mutations).applied));
    const every: MutationKind[] = ['add-except', 'add-policy', 'add-workload', 'change-selector', 'move-workload', 'namespace-labels', 'pod-labels', 'policy-port-name', 'policy-types', 'remove-policy', 'remove-workload', 'rename-container-port', 'service-port', 'widen-port'];
    expect([...applied].sort()).toEqual(every);
  });

  it('our diff equals nca 2.1.0 --semantic_diff, pair by pair, on every kind of edit', () => {
    const nca = findNcaForTests();
    const kinds = new Map<MutationKind, number>();
    const tally: NcaTally = { changedPairs: 0, namedPortMisses: 0, controllerFallbacks: 0 };
    withDir('netpol-ci-pr-nca-', (dir) => {
      fc.assert(
        fc.property(randomPullRequest, ({ base, mutations }) => {
          const { applied } = applyMutations(base, mutations);
          for (const k of applied) kinds.set(k, (kinds.get(k) ?? 0) + 1);
          expect(prAgainstNca(nca, dir, base, mutations, tally)).toEqual([]);
        }),
        // no shrinking: each step is two more nca analyses; the case is kept instead
        { numRuns: PEER_RUNS, endOnFailure: true, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    });
    // FC_REPORT=1: how many PRs of each kind were applied, and how many pairs changed
    if (process.env.FC_REPORT) console.log(JSON.stringify({ kinds: Object.fromEntries([...kinds].sort()), ...tally }));
    // the PRs are not all no-ops: some changed connectivity (that every kind of edit is made is
    // checked on a fixed sample below: over 30 random PRs it is chance, FC_SEED=1089 made 9 kinds)
    expect(tally.changedPairs).toBeGreaterThan(0);
  }, 600_000);
});
