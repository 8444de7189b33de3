import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffConnectivity } from '../../src/connectivity/diff.js';
import { PolicyEngine, type Connectivity } from '../../src/connectivity/engine.js';
import { lintPolicies } from '../../src/connectivity/lint.js';
import { loadManifests } from '../../src/manifests/load.js';
import { adminSelection, selector } from '../helpers/arbitraries.js';
import { notJudged } from '../helpers/lint.js';

/**
 * The lint oracle on random configurations: a policy or rule is reported (redundant, never
 * matching, shadowed) exactly when deleting it leaves the connectivity byte-identical, except
 * what lint says it did not judge (NPC187: a peer matching no pod of the manifests that may match
 * pods outside them): such a rule is never reported, nor is a policy holding one. Random
 * NetworkPolicies (pods, namespaces, ipBlocks, ports) and AdminNetworkPolicies (Allow, Deny,
 * Pass at random priorities) over a few labelled workloads. FC_NUM_RUNS_LINT overrides the count.
 */
const RUNS = Number(process.env.FC_NUM_RUNS_LINT ?? 150);
const NS = ['ns0', 'ns1'];
const KEYS = ['app', 'tier'];
const VALUES = ['a', 'b'];
const podSel = selector(KEYS, VALUES, 2, 1);
const nsSel = selector(['team', 'kubernetes.io/metadata.name'], ['x', 'ns0', 'ns1'], 3, 1);
const ports = fc.option(fc.array(fc.record({ port: fc.constantFrom(80, 443, 8080) }), { minLength: 1, maxLength: 2 }), { nil: undefined });
const npPeer = fc.oneof(
  fc.record({ podSelector: podSel }),
  fc.record({ namespaceSelector: nsSel, podSelector: podSel }),
  fc.record({ ipBlock: fc.record({ cidr: fc.constantFrom('10.0.0.0/8', '0.0.0.0/0', '10.1.0.0/16') }) }),
);
const npRule = (field: 'from' | 'to') => fc.record({ [field]: fc.option(fc.array(npPeer, { minLength: 1, maxLength: 2 }), { nil: undefined }), ports }, { requiredKeys: [] });
const np = fc.record({
  ns: fc.constantFrom(...NS),
  podSelector: podSel,
  ingress: fc.option(fc.array(npRule('from'), { maxLength: 3 }), { nil: undefined }),
  egress: fc.option(fc.array(npRule('to'), { maxLength: 2 }), { nil: undefined }),
});
const admin = adminSelection(nsSel, podSel);
const anpRule = (field: 'from' | 'to') =>
  fc.record({ action: fc.constantFrom('Allow', 'Deny', 'Pass'), [field]: fc.array(admin.podsPeer, { minLength: 1, maxLength: 1 }), ports: fc.option(fc.array(fc.record({ portNumber: fc.record({ port: fc.constantFrom(80, 443) }) }), { minLength: 1, maxLength: 1 }), { nil: undefined }) }, { requiredKeys: ['action', field] });
const anp = fc.record({ priority: fc.integer({ min: 1, max: 5 }), subject: admin.subject, ingress: fc.option(fc.array(anpRule('from'), { minLength: 1, maxLength: 2 }), { nil: undefined }) });
const workload = fc.record({ ns: fc.constantFrom(...NS), labels: fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 2 }) });
const config = fc.record({ workloads: fc.array(workload, { minLength: 2, maxLength: 4 }), nps: fc.array(np, { minLength: 1, maxLength: 3 }), anps: fc.array(anp, { maxLength: 2 }) });

type Doc = Record<string, unknown>;

function docs(c: fc.Arbitrary<unknown> extends never ? never : typeof config extends fc.Arbitrary<infer T> ? T : never): Doc[] {
  const out: Doc[] = NS.map((n) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: n, labels: { team: n === 'ns0' ? 'x' : 'y' } } }));
  c.workloads.forEach((w, i) =>
    out.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `w${i}`, namespace: w.ns, labels: w.labels },
      spec: { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80 }, { containerPort: 443 }] }] },
    }),
  );
  c.nps.forEach((p, i) =>
    out.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `np${i}`, namespace: p.ns },
      spec: { podSelector: p.podSelector, policyTypes: ['Ingress', ...(p.egress ? ['Egress'] : [])], ...(p.ingress ? { ingress: p.ingress } : {}), ...(p.egress ? { egress: p.egress } : {}) },
    }),
  );
  c.anps.forEach((a, i) => {
    if (!a.ingress) return;
    out.push({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: `anp${i}` }, spec: { priority: a.priority * 10 + i, subject: a.subject, ingress: a.ingress } });
  });
  return out;
}

const connectivityOf = (ds: readonly Doc[]) => new PolicyEngine(loadManifests([{ path: 'c.yaml', text: ds.map((d) => JSON.stringify(d)).join('\n---\n') }]).cluster).connectivity();
/** Semantic equality: the address space is refined on both sides' boundaries (a deleted ipBlock changes the cut, not the answer). */
const same = (a: Connectivity, b: Connectivity) => diffConnectivity(a, b).entries.length === 0;

describe('lint on random configurations', () => {
  it('reports exactly the policies and rules whose deletion changes no connection', () => {
    fc.assert(
      fc.property(config, (c) => {
        const ds = docs(c);
        const base = connectivityOf(ds);
        const lint = lintPolicies(new PolicyEngine(loadManifests([{ path: 'c.yaml', text: ds.map((d) => JSON.stringify(d)).join('\n---\n') }]).cluster));
        const findings = lint.findings;
        const flagged = new Set(findings.map((f) => `${f.policy}|${f.rule?.replace(/ ".*"$/, '') ?? ''}`));
        const unjudged = notJudged(lint.diagnostics);
        const nothing = new Set(findings.filter((f) => f.kind === 'selects-nothing').map((f) => f.policy));
        ds.forEach((d, di) => {
          if (d.kind !== 'NetworkPolicy' && d.kind !== 'AdminNetworkPolicy') return;
          const meta = d.metadata as { name: string; namespace?: string };
          const key = d.kind === 'NetworkPolicy' ? `NetworkPolicy ${meta.namespace}/${meta.name}` : `AdminNetworkPolicy ${meta.name}`;
          if (nothing.has(key) || unjudged.has(`${key}|`)) return;
          const spec = d.spec as Record<string, unknown[] | undefined>;
          const rules = (['ingress', 'egress'] as const).flatMap((dir) => (spec[dir] ?? []).map((_, i) => `${dir}[${i}]`));
          const allRules = rules.length > 0 && rules.every((r) => flagged.has(`${key}|${r}`) || unjudged.has(`${key}|${r}`));
          const holdsUnjudged = rules.some((r) => unjudged.has(`${key}|${r}`));
          const policyUnchanged = same(connectivityOf(ds.filter((_, i) => i !== di)), base);
          if (flagged.has(`${key}|`)) expect({ key, unchanged: policyUnchanged }).toEqual({ key, unchanged: true });
          else if (!allRules && !holdsUnjudged) expect({ key, unchanged: policyUnchanged }).toEqual({ key, unchanged: false });
          if (flagged.has(`${key}|`)) return;
          for (const dir of ['ingress', 'egress'] as const) {
            (spec[dir] ?? []).forEach((_, i) => {
              const copy = structuredClone(d) as Doc;
              (copy.spec as Record<string, unknown[]>)[dir]?.splice(i, 1);
              const unchanged = same(connectivityOf(ds.map((x, j) => (j === di ? copy : x))), base);
              const rule = `${dir}[${i}]`;
              if (unjudged.has(`${key}|${rule}`)) expect({ key, rule, flagged: flagged.has(`${key}|${rule}`) }).toEqual({ key, rule, flagged: false });
              else expect({ key, rule, unchanged }).toEqual({ key, rule, unchanged: flagged.has(`${key}|${rule}`) });
            });
          }
        });
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
