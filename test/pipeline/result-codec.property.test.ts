import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ConnectionSet, PROTOCOLS } from '../../src/model/connection-set.js';
import { IntervalSet } from '../../src/model/interval-set.js';
import { decodeResult, encodeResult, Unstorable } from '../../src/pipeline/result-codec.js';

// The cache across runs stores results through this codec: what comes back must be the value
// that went in, connection sets included (their "all" and "none" are singletons the engine
// compares by identity).

const roundTrip = (v: unknown) => decodeResult(JSON.parse(JSON.stringify(encodeResult(v))));

const ports = fc.array(fc.tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 0, max: 300 })), { maxLength: 5 }).map((xs) => IntervalSet.of(xs.map(([lo, w]) => [lo, Math.min(65535, lo + w)] as const)));
const conns = fc.oneof(
  fc.constant(ConnectionSet.ALL),
  fc.constant(ConnectionSet.NONE),
  fc.tuple(ports, ports, ports).map(([a, b, c]) => ConnectionSet.of('TCP', a).union(ConnectionSet.of('UDP', b)).union(ConnectionSet.of('SCTP', c))),
  fc.constantFrom(...PROTOCOLS).map((p) => ConnectionSet.of(p)),
);
const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', '\u0000conns', '\u0000x', 'at', 'kind'));
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string(), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)), fc.constant(null), fc.constant(undefined), fc.bigInt()),
    conns,
    ports,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
    fc.array(fc.tuple(fc.oneof(fc.string(), fc.integer()), tie('tree')), { maxLength: 3 }).map((es) => new Map(es)),
    fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 4 }).map((xs) => new Set(xs)),
  ),
}));

/** Structural equality that also holds connection sets to their canonical identity for ALL and NONE. */
function same(a: unknown, b: unknown): boolean {
  if (a instanceof ConnectionSet) return b instanceof ConnectionSet && a.equals(b) && a.isAll === b.isAll && a.isEmpty === b.isEmpty && a.toString() === b.toString();
  if (a instanceof IntervalSet) return b instanceof IntervalSet && a.equals(b);
  if (a instanceof Map) return b instanceof Map && a.size === b.size && [...a].every(([k, v], i) => { const e = [...b][i]; return e !== undefined && same(k, e[0]) && same(v, e[1]); });
  if (a instanceof Set) return b instanceof Set && same([...a], [...b]);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a !== null && typeof a === 'object') {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    // same keys in the same order (the JSON report follows object order), undefined-valued ones included
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return Object.is(a, b);
}

describe('result codec', () => {
  test('round trip: decode(encode(x)) is x, for trees of plain data, connection sets, port sets, maps, sets, bigints and undefined', () => {
    fc.assert(
      fc.property(tree, (v) => {
        expect(same(v, roundTrip(v))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  test('connection sets keep their meaning: ALL and NONE come back as the singletons, others by value', () => {
    fc.assert(
      fc.property(conns, (c) => {
        const back = roundTrip(c) as ConnectionSet;
        expect(back.toString()).toBe(c.toString());
        expect(back === ConnectionSet.ALL).toBe(c === ConnectionSet.ALL);
        expect(back === ConnectionSet.NONE).toBe(c === ConnectionSet.NONE);
        for (const p of PROTOCOLS) for (const port of [1, 53, 80, 443, 8080, 65535]) expect(back.allows(p, port)).toBe(c.allows(p, port));
      }),
    );
  });

  test('what has no faithful form is refused, never stored wrong', () => {
    class Engine {}
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const sparse: number[] = [1];
    sparse[2] = 3;
    for (const bad of [new Engine(), () => 1, cyclic, NaN, Infinity, -0, Symbol('s'), sparse, new Date(0)]) {
      expect(() => encodeResult({ wrapped: bad })).toThrow(Unstorable);
    }
    // a shared (not cyclic) value is fine: stored twice
    const shared = { a: 1 };
    expect(roundTrip([shared, shared])).toEqual([{ a: 1 }, { a: 1 }]);
  });

  test('a corrupt or foreign value is refused on the way back', () => {
    for (const bad of [
      { '\u0000unknown': 1 },
      { '\u0000conns': [[1, 2]] },
      { '\u0000conns': [[], [80, 79], []] },
      { '\u0000conns': [[], [80, 90, 91, 100], []] },
      { '\u0000conns': [[], [0, 10], []] },
      { '\u0000conns': [[], [1, 70000], []] },
      { '\u0000ports': [3] },
      { '\u0000map': [[1]] },
      { '\u0000bigint': '1.5' },
      { '\u0000conns': [], extra: 1 },
      { a: { '\u0000set': 'x' } },
    ]) {
      expect(() => decodeResult(bad)).toThrow(Unstorable);
    }
  });

  test('a stored __proto__ key stays a key', () => {
    const back = roundTrip(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.keys(back)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });
});
