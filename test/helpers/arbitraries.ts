import fc from 'fast-check';
import type { LabelSelector, SelectorRequirement } from '../reference/evaluator.js';

/** One matchExpression over the given keys and values, with every operator. */
export const requirement = (keys: string[], values: string[]): fc.Arbitrary<SelectorRequirement> =>
  fc.oneof(
    fc.record({
      key: fc.constantFrom(...keys),
      operator: fc.constantFrom<'In' | 'NotIn'>('In', 'NotIn'),
      values: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 2 }),
    }),
    fc.record({ key: fc.constantFrom(...keys), operator: fc.constantFrom<'Exists' | 'DoesNotExist'>('Exists', 'DoesNotExist') }),
  );

/**
 * A label selector: empty (weight `emptyWeight` against 3), or matchLabels and/or up to
 * `maxExpressions` matchExpressions.
 */
export const selector = (keys: string[], values: string[], emptyWeight = 2, maxExpressions = 2): fc.Arbitrary<LabelSelector> =>
  fc.oneof(
    { weight: emptyWeight, arbitrary: fc.constant({}) },
    {
      weight: 3,
      arbitrary: fc.record(
        {
          matchLabels: fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values), { minKeys: 1, maxKeys: 2 }),
          matchExpressions: fc.array(requirement(keys, values), { minLength: 1, maxLength: maxExpressions }),
        },
        { requiredKeys: [] },
      ),
    },
  );

/** Admin-policy subjects and pod peers (`namespaces` or `pods`) over the given selectors. */
export function adminSelection(nsSelector: fc.Arbitrary<LabelSelector>, podSelector: fc.Arbitrary<LabelSelector>) {
  const namespacesOrPods = fc.oneof(
    fc.record({ namespaces: nsSelector }),
    fc.record({ pods: fc.record({ namespaceSelector: nsSelector, podSelector }, { requiredKeys: [] }) }),
  );
  return { subject: namespacesOrPods, podsPeer: namespacesOrPods };
}
