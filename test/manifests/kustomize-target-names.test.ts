import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namePattern, targetSelects, wildcardMatch } from '../../src/manifests/kustomize-patches.js';

const matches = (pattern: string, name: string) => {
  const alternatives = namePattern(pattern);
  return alternatives === undefined ? undefined : alternatives.some((a) => wildcardMatch(a, name));
};

describe("kustomize patch targets' name patterns, read without backtracking", () => {
  it('agree with an anchored regular expression on the forms they read', () => {
    const piece = fc.constantFrom('a', 'b', '-', '.', '.*', '.+', '\\.', 'ab', 'web');
    const alternative = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));
    const pattern = fc.array(alternative, { minLength: 1, maxLength: 3 }).map((a) => a.join('|'));
    const name = fc.array(fc.constantFrom('a', 'b', '-', '.', 'w', 'e'), { maxLength: 9 }).map((c) => c.join(''));
    fc.assert(
      fc.property(pattern, name, (p, n) => {
        expect(matches(p, n)).toBe(new RegExp(`^(?:${p})$`).test(n));
      }),
      { numRuns: 5000, seed: 8 },
    );
  });

  it('reads ^…$, one group and escaped characters as kustomize does', () => {
    expect(matches('^api$', 'api')).toBe(true);
    expect(matches('(api|web)', 'web')).toBe(true);
    expect(matches('(?:api|web)', 'web')).toBe(true);
    expect(matches('(?:api|web)-.*', 'web-2')).toBeUndefined();
    expect(matches('a\\.b', 'a.b')).toBe(true);
    expect(matches('a\\.b', 'axb')).toBe(false);
  });

  it('leaves other forms unread: the target then selects nothing (never a wrong citation)', () => {
    for (const p of ['(a+)+c', 'a?', 'a{2}', '[ab]', '\\d+', 'a(b|c)d', 'a+']) expect(namePattern(p), p).toBeUndefined();
    const target = { kind: 'Deployment', name: '(a+)+c' };
    const object = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a'.repeat(253) } };
    expect(targetSelects(target, object, object)).toBe(false);
  });

  it('takes time in proportion to name times pattern, however many wildcards', () => {
    const name = `${'a'.repeat(252)}b`;
    const pattern = `${'.*a'.repeat(60)}.*c`;
    const started = performance.now();
    expect(matches(pattern, name)).toBe(false);
    // backtracking would take longer than the age of the universe; the walk takes milliseconds
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
