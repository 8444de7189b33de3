import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeConnectivity, peerKey } from '../../src/connectivity/engine.js';
import { loadManifests } from '../../src/manifests/load.js';
import type { WorkloadRef } from '../../src/model/peer.js';
import { renderPoliciesYaml } from '../../src/report/policies.js';
import { policyNames } from '../../src/synthesis/names.js';
import { DEFAULT_SYNTHESIS_OPTIONS, synthesizePolicies } from '../../src/synthesis/synthesize.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * Policy names: one per workload, unique in its namespace (two policies of one name overwrite each
 * other when applied: a workload silently loses its rules), valid DNS-1123 subdomains of at most
 * 253 characters whatever the workload's name, and independent of the order the workloads come in.
 */

const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod', 'Job'];

// workload names: short ones that collide once the kind is appended, and long ones up to 253 characters
const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,8}[a-z0-9])?$/);
const name = fc.oneof(
  fc.constantFrom('web', 'web-deployment', 'web-statefulset', 'db', 'db-pod'),
  label,
  fc.array(label, { minLength: 1, maxLength: 30 }).map((parts) => parts.join('.').slice(0, 253).replace(/[-.]+$/, '') || 'x'),
  fc.integer({ min: 230, max: 253 }).map((n) => 'a'.repeat(n)),
);
const ref: fc.Arbitrary<WorkloadRef> = fc.record({ namespace: fc.constantFrom('ns-a', 'ns-b'), name, kind: fc.constantFrom(...KINDS) });
const refs = fc.uniqueArray(ref, { minLength: 1, maxLength: 12, selector: (r) => `${r.namespace}/${r.name}[${r.kind}]` });

describe('policy names', () => {
  it('are unique per namespace, valid DNS-1123 subdomains of at most 253 characters, and order-independent (500 workload sets)', () => {
    fc.assert(
      fc.property(refs, fc.constantFrom('', 'x-', 'team.a-'), fc.nat(), (rs, prefix, seed) => {
        const names = policyNames(rs, prefix);
        const seen = new Set<string>();
        for (const r of rs) {
          const n = names.get(`${r.namespace}/${r.name}[${r.kind}]`) as string;
          expect(n.length).toBeLessThanOrEqual(253);
          expect(n).toMatch(DNS1123);
          expect(n.startsWith(prefix)).toBe(true);
          expect(seen.has(`${r.namespace}/${n}`), `${n} given twice in ${r.namespace}`).toBe(false);
          seen.add(`${r.namespace}/${n}`);
        }
        const shuffled = [...rs].sort((a, b) => ((a.name.length * 31 + seed) % 7) - ((b.name.length * 31 + seed) % 7) || (seed % 2 ? 1 : -1));
        expect(policyNames(shuffled, prefix)).toEqual(names);
      }),
      { numRuns: 500 },
    );
  });

  it('keep the plain names when nothing collides', () => {
    const names = policyNames(
      [
        { namespace: 'a', name: 'web', kind: 'Deployment' },
        { namespace: 'a', name: 'web', kind: 'StatefulSet' },
        { namespace: 'a', name: 'api', kind: 'Deployment' },
        { namespace: 'b', name: 'api', kind: 'Deployment' },
      ],
      '',
    );
    expect([...names].sort()).toEqual([
      ['a/api[Deployment]', 'api-netpol'],
      ['a/web[Deployment]', 'web-deployment-netpol'],
      ['a/web[StatefulSet]', 'web-statefulset-netpol'],
      ['b/api[Deployment]', 'api-netpol'],
    ]);
  });
});

const deployment = (name: string, app: string, env = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 8080}]${env}}]
`;

describe('synthesize: policy names never collide, never get too long', () => {
  it('web[Deployment], web[StatefulSet] and a Deployment named web-deployment get three policies, and the links all pass', () => {
    const app = [
      deployment('web', 'web', ', env: [{name: NEXT_URL, value: "http://web-deployment:8080"}]'),
      `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web-sts}}
  template:
    metadata: {labels: {app: web-sts}}
    spec:
      containers: [{name: c, image: x, env: [{name: NEXT_URL, value: "http://web-deployment:8080"}]}]
`,
      deployment('web-deployment', 'web-deployment'),
      'apiVersion: v1\nkind: Service\nmetadata: {name: web-deployment, namespace: shop}\nspec:\n  selector: {app: web-deployment}\n  ports: [{port: 8080}]\n',
    ].join('---\n');
    const loaded = loadManifests([{ path: 'app.yaml', text: app }]);
    const links = scanTopology(loaded.cluster).value.links;
    const r = synthesizePolicies(loaded.cluster, links, DEFAULT_SYNTHESIS_OPTIONS);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const names = r.value.policies.map((p) => p.metadata.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(4);
    // applied as kubectl would (a name given twice keeps the last), the policies still allow both links
    const byName = new Map(r.value.policies.map((p) => [p.metadata.name, p]));
    const all = loadManifests([
      { path: 'app.yaml', text: app },
      { path: 'pol.yaml', text: renderPoliciesYaml([...byName.values()]) },
    ]);
    const conns = analyzeConnectivity(all.cluster).value.connections.map((c) => `${peerKey(c.src)} => ${peerKey(c.dst)} : ${c.conns.toString()}`);
    expect(conns).toEqual(expect.arrayContaining(['shop/web[Deployment] => shop/web-deployment[Deployment] : TCP 8080', 'shop/web[StatefulSet] => shop/web-deployment[Deployment] : TCP 8080']));
  });

  it('a workload with a 250-character name gets a policy (shortened, with a digest), not an error', () => {
    const long = 'a'.repeat(250);
    const loaded = loadManifests([{ path: 'app.yaml', text: deployment(long, 'long') }]);
    const r = synthesizePolicies(loaded.cluster, [], DEFAULT_SYNTHESIS_OPTIONS);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const p = r.value.policies.find((x) => x.metadata.name !== 'default-deny');
    expect(p?.metadata.name).toMatch(/^a{237}-[0-9a-f]{8}-netpol$/);
    expect(p?.metadata.name.length).toBeLessThanOrEqual(253);
  });
});
