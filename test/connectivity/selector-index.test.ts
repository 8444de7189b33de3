import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectsWorkload, serviceWorkloads, workloadsByNamespace } from '../../src/connectivity/exposure.js';
import { labelsKey, selectorMatcher, selectorMatches } from '../../src/connectivity/selector.js';
import type { LabelSelector } from '../../src/manifests/schemas.js';
import { loadManifests } from '../../src/manifests/load.js';

const keys = ['app', 'tier', 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index'];
const values = ['db', 'db-0', 'db-1', 'web', '0', '1'];
const labelMap = fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values), { maxKeys: 3 });

describe('selectorMatcher: a selector matched against many label sets', () => {
  const requirement = fc.oneof(
    fc.record({ key: fc.constantFrom(...keys), operator: fc.constantFrom('In' as const, 'NotIn' as const), values: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1 }) }),
    fc.record({ key: fc.constantFrom(...keys), operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const) }),
  );
  const selector: fc.Arbitrary<LabelSelector> = fc.record({ matchLabels: fc.option(labelMap, { nil: undefined }), matchExpressions: fc.option(fc.array(requirement, { maxLength: 3 }), { nil: undefined }) }, { requiredKeys: [] });

  it('answers as selectorMatches does', () => {
    fc.assert(
      fc.property(selector, fc.array(labelMap, { maxLength: 6 }), (sel, labelSets) => {
        const matches = selectorMatcher(sel);
        for (const labels of labelSets) expect(matches(labels)).toBe(selectorMatches(sel, labels));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('serviceWorkloads: candidates by the rarest label', () => {
  const labelsYaml = (labels: Record<string, string>) => `{${Object.entries(labels).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
  const workload = fc.record({ kind: fc.constantFrom('Deployment', 'StatefulSet'), labels: labelMap, replicas: fc.constantFrom(1, 2, 3) });

  it('selects exactly the workloads of the namespace whose pods the selector matches (StatefulSet pod labels included)', () => {
    fc.assert(
      fc.property(fc.array(workload, { maxLength: 8 }), fc.array(labelMap, { minLength: 1, maxLength: 4 }), (workloads, selectors) => {
        const docs = [
          ...workloads.map(
            (w, i) =>
              `apiVersion: apps/v1\nkind: ${w.kind}\nmetadata: {name: db${i === 0 ? '' : `-${i}`}, namespace: ns}\nspec:\n  replicas: ${w.replicas}\n  selector: {matchLabels: ${labelsYaml(w.labels)}}\n  template:\n    metadata: {labels: ${labelsYaml(w.labels)}}\n    spec: {containers: [{name: c, image: x}]}\n`,
          ),
          `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: elsewhere, namespace: other}\nspec:\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: c, image: x}]}\n`,
          ...selectors.map((sel, i) => `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}, namespace: ns}\nspec: {selector: ${labelsYaml(sel)}, ports: [{port: 80}]}\n`),
        ];
        const { cluster } = loadManifests([{ path: 'm.yaml', text: docs.join('---\n') }]);
        const byNamespace = workloadsByNamespace(cluster.workloads);
        for (const o of cluster.objects) {
          if (o.kind !== 'Service') continue;
          const selector = o.object.spec?.selector ?? {};
          const expected = Object.keys(selector).length === 0 ? [] : (byNamespace.get('ns') ?? []).filter((w) => selectsWorkload({ matchLabels: selector }, w));
          expect(serviceWorkloads(o.object, byNamespace).map((w) => w.ref.name)).toEqual(expected.map((w) => w.ref.name));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('labelsKey: one canonical text per label map', () => {
  // the reference: keys in sort()'s order (UTF-16 code units), each key and value length-prefixed
  const reference = (labels: Record<string, string>) =>
    Object.keys(labels)
      .sort()
      .map((k) => `${k.length}:${k}${(labels[k] as string).length}:${labels[k] as string}`)
      .join('');
  const key = fc.oneof(fc.constantFrom('app', 'tier', 'a', 'b', 'A', 'Z', 'é', 'k8s.io/x', 'app.kubernetes.io/name'), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 3 }));

  it('equals the sorted reference for maps of every size (insertion-sorted up to 16 keys, sort() beyond)', () => {
    fc.assert(
      fc.property(fc.dictionary(key, fc.string({ maxLength: 4 }), { maxKeys: 40 }), (labels) => {
        expect(labelsKey(labels)).toBe(reference(labels));
      }),
      { numRuns: 2000 },
    );
  });

  it('does not depend on the order the keys were written in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, fc.string({ maxLength: 3 })), { selector: ([k]) => k, maxLength: 20 }), (entries) => {
        const reversed = [...entries].reverse();
        expect(labelsKey(Object.fromEntries(entries))).toBe(labelsKey(Object.fromEntries(reversed)));
      }),
    );
  });
});
