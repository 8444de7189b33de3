import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeExposure } from '../../src/connectivity/exposure-analysis.js';
import { selectorImplies, selectorMatches } from '../../src/connectivity/selector.js';
import { Codes } from '../../src/diagnostics/diagnostic.js';
import { loadManifests } from '../../src/manifests/load.js';
import type { LabelSelector } from '../../src/manifests/schemas.js';

// Our own small fixtures; the expected answers follow from the NetworkPolicy and
// AdminNetworkPolicy specs: an exposure line `W <= S : C` claims that every pod S stands for
// reaches W on C (and `W <= entire-cluster : C` that every pod of every namespace does).

const ns = (name: string, labels = '{}') => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: ${labels}}\n---\n`;
const pod = (name: string, namespace: string, labels: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${namespace}, labels: ${labels}}\nspec: {containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}\n---\n`;
const np = (name: string, namespace: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec}\n---\n`;

function exposure(text: string) {
  const { cluster } = loadManifests([{ path: 'm.yaml', text }]);
  const { value } = analyzeExposure(cluster);
  const fmt = (d: string) => (e: { workload: string; peer: string; conns: { toString(): string } }) => `${e.workload} ${d} ${e.peer} : ${e.conns.toString()}`;
  return [...value.egress.map(fmt('=>')), ...value.ingress.map(fmt('<='))];
}

describe('exposure: representatives stand for every pod their selectors match', () => {
  it('a negative namespace selector does not expose a workload to the entire cluster', () => {
    const lines = exposure(
      ns('shop') + pod('api', 'shop', '{app: api}') +
      np('from-non-prod', 'shop', '  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Ingress]\n  ingress:\n  - from: [{namespaceSelector: {matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}}]'),
    );
    // a pod in a namespace labelled env=prod is refused: not the entire cluster
    expect(lines.filter((l) => l.includes('<='))).toEqual(['shop/api[Pod] <= [namespace with {env NotIn (prod)}]/[all pods] : All Connections']);
  });

  it('a representative gets every rule that matches all its pods: rules are ORed', () => {
    const lines = exposure(
      ns('shop') + pod('api', 'shop', '{app: api}') +
      np('tiers', 'shop', [
        '  podSelector: {matchLabels: {app: api}}',
        '  policyTypes: [Ingress]',
        '  ingress:',
        '  - from: [{podSelector: {matchExpressions: [{key: tier, operator: Exists}]}}]',
        '    ports: [{port: 8080}]',
        '  - from: [{podSelector: {matchExpressions: [{key: tier, operator: In, values: [web]}]}}]',
        '    ports: [{port: 9090}]',
      ].join('\n')),
    );
    expect(lines.filter((l) => l.includes('<='))).toEqual([
      // a pod with tier=db has a tier, but only the first rule admits it
      'shop/api[Pod] <= shop/[pod with {tier Exists}] : TCP 8080',
      // a pod with tier=web has a tier too: both rules admit it
      'shop/api[Pod] <= shop/[pod with {tier In (web)}] : TCP 8080,9090',
    ]);
  });

  it('a rule peer a real pod matches by its labels needs no representative', () => {
    const lines = exposure(
      ns('shop') + pod('api', 'shop', '{app: api}') + pod('client', 'shop', '{app: client}') +
      np('from-client', 'shop', '  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Ingress]\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: client}}}]\n    ports: [{port: 8080}]'),
    );
    expect(lines.filter((l) => l.startsWith('shop/api[Pod] <='))).toEqual([]);
  });

  it("a representative is no policy's subject: the exposure is what the workload's own policies allow", () => {
    const banp = [
      'apiVersion: policy.networking.k8s.io/v1alpha1',
      'kind: BaselineAdminNetworkPolicy',
      'metadata: {name: default}',
      'spec:',
      '  subject: {namespaces: {}}',
      '  ingress:',
      '  - {name: no-http, action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {protocol: TCP, port: 80}}]}',
      '---',
    ].join('\n');
    const lines = exposure(ns('shop') + pod('api', 'shop', '{app: api}') + banp).filter((l) => l.includes('entire-cluster'));
    expect(lines).toEqual([
      // the baseline policy denies port 80 into every pod, but api's own egress is open
      'shop/api[Pod] => entire-cluster : All Connections',
      // and api's own ingress is what it restricts
      'shop/api[Pod] <= entire-cluster : SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535',
    ]);
  });

  it('a representative an admin deny excludes from entire-cluster is listed with no connections', () => {
    const anp = [
      'apiVersion: policy.networking.k8s.io/v1alpha1',
      'kind: AdminNetworkPolicy',
      'metadata: {name: no-secrets}',
      'spec:',
      '  priority: 1',
      '  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}',
      '  egress:',
      '  - {name: deny-secret, action: Deny, to: [{namespaces: {matchLabels: {team: secret}}}]}',
      '  - {name: allow-rest, action: Allow, to: [{namespaces: {}}]}',
      '---',
    ].join('\n');
    const lines = exposure(ns('shop') + pod('api', 'shop', '{app: api}') + anp);
    expect(lines.filter((l) => l.includes('=>') && !l.includes('[External]'))).toEqual([
      'shop/api[Pod] => [namespace with {team=secret}]/[all pods] : No Connections',
      'shop/api[Pod] => entire-cluster : All Connections',
    ]);
  });
});

describe('exposure: egress to named ports outside the manifests', () => {
  it('is not listed, and says so at the rule', () => {
    const text =
      ns('shop') + pod('api', 'shop', '{app: api}') +
      np('out', 'shop', '  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Egress]\n  egress:\n  - to: [{namespaceSelector: {}}]\n    ports: [{port: http}]\n  - to: [{namespaceSelector: {}}]\n    ports: [{port: 53, protocol: UDP}]');
    const { cluster } = loadManifests([{ path: 'm.yaml', text }]);
    const r = analyzeExposure(cluster);
    expect(r.value.egress.map((e) => `${e.peer} : ${e.conns.toString()}`)).toEqual(['entire-cluster : UDP 53']);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.at?.path?.join('.')])).toEqual([[Codes.exposureNamedPortsOmitted, 'warning', 'spec.egress.0']]);
  });
});

describe('selectorImplies: selector containment', () => {
  const keys = ['a', 'b'];
  const values = ['x', 'y', 'z'];
  const requirement = fc.oneof(
    fc.record({ key: fc.constantFrom(...keys), operator: fc.constantFrom('In' as const, 'NotIn' as const), values: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1 }) }),
    fc.record({ key: fc.constantFrom(...keys), operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const) }),
  );
  const selector: fc.Arbitrary<LabelSelector> = fc.record({
    matchLabels: fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values), { maxKeys: 2 }),
    matchExpressions: fc.array(requirement, { maxLength: 3 }),
  });
  // every label set over the keys, with the values mentioned plus one no selector names
  const universe: Record<string, string>[] = [{}];
  for (const k of keys) {
    for (const l of [...universe]) for (const v of [...values, 'fresh']) universe.push({ ...l, [k]: v });
  }

  it('holds exactly when no label set matches the narrow selector but not the broad one', () => {
    fc.assert(
      fc.property(selector, selector, (narrow, broad) => {
        const counterexample = universe.some((l) => selectorMatches(narrow, l) && !selectorMatches(broad, l));
        expect(selectorImplies(narrow, broad)).toBe(!counterexample);
      }),
      { numRuns: 2000 },
    );
  });

  it('examples', () => {
    expect(selectorImplies({ matchLabels: { a: 'x' } }, { matchExpressions: [{ key: 'a', operator: 'Exists' }] })).toBe(true);
    expect(selectorImplies({ matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['x'] }] })).toBe(true);
    expect(selectorImplies({ matchExpressions: [{ key: 'a', operator: 'Exists' }] }, { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['x'] }] })).toBe(false);
    expect(selectorImplies({}, {})).toBe(true);
    expect(selectorImplies({}, { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['x'] }] })).toBe(false);
  });
});
