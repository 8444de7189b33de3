import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { IntervalSet } from '../../src/model/interval-set.js';

/**
 * IntervalSet is checked against a naive model: the plain set of integers it contains, over a
 * small domain (so every point can be enumerated), plus the canonical-form invariant.
 */
const DOMAIN_MAX = 70;

const pair = (max: number) => fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max }));
/** Raw intervals, possibly empty (lo > hi), overlapping, touching and unsorted. */
const rawIntervals = (max = DOMAIN_MAX) => fc.array(pair(max), { maxLength: 8 });
const intervalSet = (max = DOMAIN_MAX) => rawIntervals(max).map((xs) => IntervalSet.of(xs));

function model(xs: readonly (readonly [number, number])[]): Set<number> {
  const s = new Set<number>();
  for (const [lo, hi] of xs) for (let n = lo; n <= hi; n++) s.add(n);
  return s;
}

function points(s: IntervalSet): number[] {
  const out: number[] = [];
  for (const [lo, hi] of s.intervals()) for (let n = lo; n <= hi; n++) out.push(n);
  return out;
}

function fromPoints(ns: Iterable<number>): IntervalSet {
  let s = IntervalSet.EMPTY;
  for (const n of ns) s = s.union(IntervalSet.point(n));
  return s;
}

/** Sorted, disjoint, non-touching, each interval non-empty. */
function expectCanonical(s: IntervalSet): void {
  let prevHi = -Infinity;
  for (const [lo, hi] of s.intervals()) {
    expect(lo).toBeLessThanOrEqual(hi);
    expect(lo).toBeGreaterThan(prevHi + 1);
    prevHi = hi;
  }
  expect(s.isEmpty).toBe([...s.intervals()].length === 0);
}

describe('IntervalSet basics', () => {
  it('builds ranges, points and the empty set', () => {
    expect(IntervalSet.EMPTY.isEmpty).toBe(true);
    expect(IntervalSet.EMPTY.toString()).toBe('');
    expect(IntervalSet.EMPTY.size).toBe(0);
    expect(IntervalSet.range(5, 4).isEmpty).toBe(true);
    expect(IntervalSet.range(5, 4)).toBe(IntervalSet.EMPTY);
    expect(IntervalSet.range(5, 5).toString()).toBe('5');
    expect(IntervalSet.point(0).toString()).toBe('0');
    expect(IntervalSet.range(1, 65535).toString()).toBe('1-65535');
    expect(IntervalSet.range(1, 65535).size).toBe(65535);
    expect(IntervalSet.range(0, 65535).size).toBe(65536);
  });

  it('of() sorts, merges overlapping and touching intervals and drops empty ones', () => {
    expect(IntervalSet.of([]).isEmpty).toBe(true);
    expect(IntervalSet.of([[9, 3]]).isEmpty).toBe(true);
    expect(IntervalSet.of([[8000, 8080], [443, 443], [80, 80]]).toString()).toBe('80,443,8000-8080');
    expect(IntervalSet.of([[1, 3], [4, 6]]).toString()).toBe('1-6');
    expect(IntervalSet.of([[1, 3], [5, 6]]).toString()).toBe('1-3,5-6');
    expect(IntervalSet.of([[1, 10], [2, 3]]).toString()).toBe('1-10');
    expect(IntervalSet.of([[2, 3], [1, 10]]).toString()).toBe('1-10');
    expect(IntervalSet.of([[5, 5], [5, 5], [4, 4], [6, 6]]).toString()).toBe('4-6');
    expect(IntervalSet.of([[0, 0], [1, 1]]).toString()).toBe('0-1');
    expect(IntervalSet.of([[0, 0], [2, 2], [1, 1]]).toString()).toBe('0-2');
    expect(IntervalSet.of([[65535, 65535], [1, 65534]]).toString()).toBe('1-65535');
  });

  it('contains() at every boundary', () => {
    const s = IntervalSet.of([[0, 0], [2, 4], [10, 10], [65535, 65535]]);
    const expected = new Map([
      [-1, false], [0, true], [1, false], [2, true], [3, true], [4, true], [5, false],
      [9, false], [10, true], [11, false], [65534, false], [65535, true], [65536, false],
    ]);
    for (const [n, v] of expected) expect(s.contains(n), `contains(${n})`).toBe(v);
    expect(IntervalSet.EMPTY.contains(0)).toBe(false);
  });

  it('set operations at the port-range edges 0, 1 and 65535', () => {
    const all = IntervalSet.range(1, 65535);
    expect(all.subtract(IntervalSet.point(1)).toString()).toBe('2-65535');
    expect(all.subtract(IntervalSet.point(65535)).toString()).toBe('1-65534');
    expect(all.subtract(IntervalSet.point(0)).equals(all)).toBe(true);
    expect(all.subtract(IntervalSet.point(65536)).equals(all)).toBe(true);
    expect(all.subtract(IntervalSet.range(1, 65535)).isEmpty).toBe(true);
    expect(all.subtract(IntervalSet.point(80)).toString()).toBe('1-79,81-65535');
    expect(IntervalSet.range(0, 65536).intersect(all).equals(all)).toBe(true);
    expect(IntervalSet.range(0, 0).union(all).toString()).toBe('0-65535');
    expect(IntervalSet.point(65536).union(all).toString()).toBe('1-65536');
    expect(IntervalSet.point(0).intersect(all).isEmpty).toBe(true);
    expect(IntervalSet.point(1).isSubsetOf(all)).toBe(true);
    expect(IntervalSet.point(0).isSubsetOf(all)).toBe(false);
    expect(IntervalSet.EMPTY.isSubsetOf(IntervalSet.EMPTY)).toBe(true);
    expect(IntervalSet.point(65535).overlaps(all)).toBe(true);
    expect(IntervalSet.point(0).overlaps(all)).toBe(false);
  });

  it('union fuses adjacent intervals from both sides', () => {
    expect(IntervalSet.range(1, 5).union(IntervalSet.range(6, 9)).toString()).toBe('1-9');
    expect(IntervalSet.range(6, 9).union(IntervalSet.range(1, 5)).toString()).toBe('1-9');
    expect(IntervalSet.of([[1, 1], [3, 3]]).union(IntervalSet.point(2)).toString()).toBe('1-3');
    expect(IntervalSet.of([[1, 2], [7, 8]]).union(IntervalSet.of([[3, 3], [5, 6]])).toString()).toBe('1-3,5-8');
  });

  it('subtract splits and trims', () => {
    expect(IntervalSet.range(1, 10).subtract(IntervalSet.range(3, 4)).toString()).toBe('1-2,5-10');
    expect(IntervalSet.range(1, 10).subtract(IntervalSet.range(0, 1)).toString()).toBe('2-10');
    expect(IntervalSet.range(1, 10).subtract(IntervalSet.range(10, 20)).toString()).toBe('1-9');
    expect(IntervalSet.range(1, 10).subtract(IntervalSet.of([[2, 2], [4, 4], [6, 6]])).toString()).toBe('1,3,5,7-10');
  });

  it('size counts points', () => {
    expect(IntervalSet.of([[1, 3], [10, 10]]).size).toBe(4);
  });
});

describe('IntervalSet agrees with a naive point-set model', () => {
  it('of() contains exactly the points of its intervals, in canonical form', () => {
    fc.assert(
      fc.property(rawIntervals(), (xs) => {
        const s = IntervalSet.of(xs);
        expectCanonical(s);
        const m = model(xs);
        for (let n = -1; n <= DOMAIN_MAX + 1; n++) expect(s.contains(n)).toBe(m.has(n));
        expect(s.size).toBe(m.size);
      }),
    );
  });

  it('union, intersect and subtract are pointwise or, and, and-not', () => {
    fc.assert(
      fc.property(rawIntervals(), rawIntervals(), (xa, xb) => {
        const a = IntervalSet.of(xa);
        const b = IntervalSet.of(xb);
        const ma = model(xa);
        const mb = model(xb);
        const u = a.union(b);
        const i = a.intersect(b);
        const d = a.subtract(b);
        for (const s of [u, i, d]) expectCanonical(s);
        for (let n = -1; n <= DOMAIN_MAX + 1; n++) {
          expect(u.contains(n)).toBe(ma.has(n) || mb.has(n));
          expect(i.contains(n)).toBe(ma.has(n) && mb.has(n));
          expect(d.contains(n)).toBe(ma.has(n) && !mb.has(n));
        }
        expect(a.isSubsetOf(b)).toBe([...ma].every((n) => mb.has(n)));
        expect(a.overlaps(b)).toBe([...ma].some((n) => mb.has(n)));
        expect(a.equals(b)).toBe(ma.size === mb.size && [...ma].every((n) => mb.has(n)));
      }),
    );
  });
});

describe('IntervalSet laws', () => {
  const big = intervalSet(65536);
  for (const [name, arb] of [
    ['small domain', intervalSet()],
    ['port domain', big],
  ] as const) {
    describe(name, () => {
      it('union and intersect are commutative', () => {
        fc.assert(
          fc.property(arb, arb, (a, b) => {
            expect(a.union(b).equals(b.union(a))).toBe(true);
            expect(a.intersect(b).equals(b.intersect(a))).toBe(true);
          }),
        );
      });

      it('union and intersect are associative', () => {
        fc.assert(
          fc.property(arb, arb, arb, (a, b, c) => {
            expect(a.union(b).union(c).equals(a.union(b.union(c)))).toBe(true);
            expect(a.intersect(b).intersect(c).equals(a.intersect(b.intersect(c)))).toBe(true);
          }),
        );
      });

      it('a ⊆ a∪b, a∩b ⊆ a, (a−b)∩b = ∅, a = (a−b) ∪ (a∩b)', () => {
        fc.assert(
          fc.property(arb, arb, (a, b) => {
            expect(a.isSubsetOf(a.union(b))).toBe(true);
            expect(b.isSubsetOf(a.union(b))).toBe(true);
            expect(a.intersect(b).isSubsetOf(a)).toBe(true);
            expect(a.subtract(b).intersect(b).isEmpty).toBe(true);
            expect(a.subtract(b).union(a.intersect(b)).equals(a)).toBe(true);
            expect(a.subtract(b).isSubsetOf(a)).toBe(true);
          }),
        );
      });

      it('identities: ∅ and self', () => {
        fc.assert(
          fc.property(arb, (a) => {
            expect(a.union(IntervalSet.EMPTY).equals(a)).toBe(true);
            expect(IntervalSet.EMPTY.union(a).equals(a)).toBe(true);
            expect(a.intersect(IntervalSet.EMPTY).isEmpty).toBe(true);
            expect(a.subtract(IntervalSet.EMPTY).equals(a)).toBe(true);
            expect(IntervalSet.EMPTY.subtract(a).isEmpty).toBe(true);
            expect(a.union(a).equals(a)).toBe(true);
            expect(a.intersect(a).equals(a)).toBe(true);
            expect(a.subtract(a).isEmpty).toBe(true);
            expect(a.isSubsetOf(a)).toBe(true);
          }),
        );
      });

      it('distributes and obeys De Morgan inside a universe', () => {
        const universe = IntervalSet.range(0, 65536);
        fc.assert(
          fc.property(arb, arb, arb, (a, b, c) => {
            expect(a.intersect(b.union(c)).equals(a.intersect(b).union(a.intersect(c)))).toBe(true);
            expect(a.union(b.intersect(c)).equals(a.union(b).intersect(a.union(c)))).toBe(true);
            expect(universe.subtract(a.union(b)).equals(universe.subtract(a).intersect(universe.subtract(b)))).toBe(true);
            expect(a.subtract(b.union(c)).equals(a.subtract(b).subtract(c))).toBe(true);
          }),
        );
      });

      it('results stay canonical', () => {
        fc.assert(
          fc.property(arb, arb, (a, b) => {
            for (const s of [a, b, a.union(b), a.intersect(b), a.subtract(b), b.subtract(a)]) expectCanonical(s);
          }),
        );
      });
    });
  }

  it('canonical round-trip: equal sets built differently are equal and print the same', () => {
    fc.assert(
      fc.property(rawIntervals(), fc.array(fc.nat(), { maxLength: 10 }), (xs, perm) => {
        const a = IntervalSet.of(xs);
        // the same points, added one at a time in a scrambled order
        const pts = points(a);
        const shuffled = [...pts];
        perm.forEach((k, i) => {
          if (shuffled.length < 2) return;
          const x = i % shuffled.length;
          const y = k % shuffled.length;
          [shuffled[x], shuffled[y]] = [shuffled[y] as number, shuffled[x] as number];
        });
        const b = fromPoints(shuffled);
        // the same set as a union of single-interval ranges, in reverse order
        const c = [...a.intervals()].reverse().reduce((acc, [lo, hi]) => acc.union(IntervalSet.range(lo, hi)), IntervalSet.EMPTY);
        // as the complement of the complement
        const universe = IntervalSet.range(0, DOMAIN_MAX);
        const d = universe.subtract(universe.subtract(a));
        // rebuilt from its own intervals
        const e = IntervalSet.of([...a.intervals()]);
        for (const s of [b, c, d, e]) {
          expect(s.equals(a)).toBe(true);
          expect(a.equals(s)).toBe(true);
          expect(s.toString()).toBe(a.toString());
          expect([...s.intervals()]).toEqual([...a.intervals()]);
        }
      }),
    );
  });

  it('toString parses back to the same set', () => {
    fc.assert(
      fc.property(intervalSet(65535), (a) => {
        const text = a.toString();
        const parsed = text === '' ? [] : text.split(',').map((p) => {
          const [lo, hi = lo] = p.split('-').map(Number) as [number, number?];
          return [lo, hi] as [number, number];
        });
        expect(IntervalSet.of(parsed).equals(a)).toBe(true);
      }),
    );
  });

  it('equals is structural, not by identity', () => {
    expect(IntervalSet.range(1, 3).equals(IntervalSet.of([[1, 1], [2, 3]]))).toBe(true);
    expect(IntervalSet.range(1, 3).equals(IntervalSet.range(1, 4))).toBe(false);
    expect(IntervalSet.of([[1, 2], [4, 5]]).equals(IntervalSet.of([[1, 2], [4, 6]]))).toBe(false);
    expect(IntervalSet.of([[1, 2], [4, 5]]).equals(IntervalSet.range(1, 5))).toBe(false);
  });
});

describe('IntervalSet.within', () => {
  it('holds exactly when every point lies in [lo, hi] (property)', () => {
    fc.assert(
      fc.property(rawIntervals(), pair(DOMAIN_MAX), (xs, [a, b]) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const s = IntervalSet.of(xs);
        expect(s.within(lo, hi)).toBe(points(s).every((n) => n >= lo && n <= hi));
      }),
    );
  });
});
