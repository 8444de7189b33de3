import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesWithGaps } from '../../src/manifests/origins.js';

/** The reference: the same question as an anchored regular expression, one `[\s\S]*` per gap (fine for short texts). */
function byRegex(text: string, literals: readonly string[]): boolean {
  const escaped = literals.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[\\s\\S]*')}$`).test(text);
}

describe('a value written with kustomize variables ($(VAR)) against the rendered value', () => {
  it('answers as the regular expression does', () => {
    const piece = fc.string({ unit: fc.constantFrom('a', 'b', '-', ':'), maxLength: 4 });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 2, maxLength: 5 }), fc.string({ unit: fc.constantFrom('a', 'b', '-', ':'), maxLength: 14 }), (literals, text) => {
        expect(matchesWithGaps(text, literals)).toBe(byRegex(text, literals));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes linear time where the regular expression backtracks without end: 40 variables against a long value that does not match', () => {
    const literals = ['http://', ...Array.from({ length: 39 }, () => '-'), '!'];
    const value = `http://${'webxy'.repeat(2000)}`;
    // the regular expression of 40 gaps would not finish; this returns at once
    expect(matchesWithGaps(value, literals)).toBe(false);
    expect(matchesWithGaps(`${value}!`, literals)).toBe(false);
    expect(matchesWithGaps(`http://${'a-'.repeat(39)}!`, literals)).toBe(true);
  });

  it('keeps the first literal a prefix and the last a suffix that do not overlap', () => {
    expect(matchesWithGaps('ab', ['ab', 'b'])).toBe(false);
    expect(matchesWithGaps('abb', ['ab', 'b'])).toBe(true);
    expect(matchesWithGaps('x', ['', ''])).toBe(true);
  });
});
