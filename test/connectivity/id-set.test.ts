import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IdSet } from '../../src/connectivity/id-set.js';

/**
 * IdSet against a plain Set<number>, over universes small and large enough to exercise both
 * encodings (sorted ids below 1/32 density, bit words above) and the switch between them.
 */
const universe = fc.oneof(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 1000, max: 5000 }));
const setIn = (size: number) => fc.array(fc.integer({ min: 0, max: Math.max(0, size - 1) }), { maxLength: size === 0 ? 0 : 300 });
const sized = universe.chain((size) => fc.tuple(fc.constant(size), fc.array(setIn(size), { minLength: 1, maxLength: 5 })));

const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);

describe('IdSet', () => {
  it('holds exactly its ids, in ascending order, with the right count', () => {
    fc.assert(
      fc.property(sized, ([size, lists]) => {
        for (const ids of lists) {
          const s = IdSet.of(size, ids);
          const model = sorted(ids);
          expect([...s]).toEqual(model);
          const visited: number[] = [];
          s.forEach((id) => visited.push(id));
          expect(visited).toEqual(model);
          expect(s.count).toBe(model.length);
          expect(s.isEmpty).toBe(model.length === 0);
          const members = new Set(model);
          for (let id = 0; id < size; id++) if (s.has(id) !== members.has(id)) return false;
        }
        return true;
      }),
    );
  });

  it('union and unionAll are the set union, whatever the encodings of the parts', () => {
    fc.assert(
      fc.property(sized, ([size, lists]) => {
        const sets = lists.map((ids) => IdSet.of(size, ids));
        const model = sorted(lists.flat());
        expect([...IdSet.unionAll(size, sets)]).toEqual(model);
        expect([...sets.reduce((a, b) => a.union(b), IdSet.empty(size))]).toEqual(model);
        expect(IdSet.unionAll(size, sets).count).toBe(model.length);
      }),
    );
  });

  it('full and empty', () => {
    for (const size of [0, 1, 31, 32, 33, 64, 100, 4097]) {
      const full = IdSet.full(size);
      expect(full.count).toBe(size);
      expect([...full]).toEqual(Array.from({ length: size }, (_, i) => i));
      expect(full.has(size - 1)).toBe(size > 0);
      expect(IdSet.empty(size).isEmpty).toBe(true);
      expect([...IdSet.unionAll(size, [IdSet.empty(size), full])]).toHaveLength(size);
    }
  });

  it('a union of many sparse sets that grows dense answers membership like the model', () => {
    const size = 3200;
    const parts = Array.from({ length: 40 }, (_, k) => IdSet.of(size, Array.from({ length: 20 }, (_, i) => (k * 97 + i * 13) % size)));
    const u = IdSet.unionAll(size, parts);
    const model = new Set(parts.flatMap((p) => [...p]));
    expect(u.count).toBe(model.size);
    for (let id = 0; id < size; id++) expect(u.has(id)).toBe(model.has(id));
  });
});
