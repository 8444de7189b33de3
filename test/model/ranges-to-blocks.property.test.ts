import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCidr, rangesToBlocks, rangeToCidrs, type IpRange } from '../../src/model/ip.js';

/**
 * rangesToBlocks (the ipBlocks of a gap closure cut around a baseline deny): the blocks hold
 * exactly the addresses of the ranges, never more (an `except` that missed a hole would open what a
 * rule denies), and are never more entries than the plain CIDRs of the ranges.
 */

const BASE = 0xc0000200n; // 192.0.2.0/24: every address of the space the ranges live in is checked
const within = (r: IpRange | undefined, x: bigint) => r !== undefined && r.lo <= x && x <= r.hi;

describe('rangesToBlocks', () => {
  it('covers exactly the union of the ranges, in no more entries than plain CIDRs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(255), fc.nat(255)), { minLength: 1, maxLength: 6 }), (pairs) => {
        const ranges: IpRange[] = pairs.map(([a, b]) => ({ family: 4, lo: BASE + BigInt(Math.min(a, b)), hi: BASE + BigInt(Math.max(a, b)) }));
        const blocks = rangesToBlocks(ranges);
        for (let i = 0n; i < 256n; i++) {
          const x = BASE + i;
          const inRanges = ranges.some((r) => within(r, x));
          const inBlocks = blocks.some((b) => within(parseCidr(b.cidr), x) && !(b.except ?? []).some((e) => within(parseCidr(e), x)));
          expect(inBlocks, `192.0.2.${i}`).toBe(inRanges);
        }
        const plain = ranges.flatMap(rangeToCidrs);
        expect(blocks.length + blocks.reduce((n, b) => n + (b.except?.length ?? 0), 0)).toBeLessThanOrEqual(plain.length);
      }),
      { numRuns: 200 },
    );
  });

  it('every address but one: the whole space except that address', () => {
    const all = 0xffffffffn;
    const meta = 0xa9fea9fen; // 169.254.169.254
    expect(rangesToBlocks([{ family: 4, lo: 0n, hi: meta - 1n }, { family: 4, lo: meta + 1n, hi: all }])).toEqual([{ cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] }]);
  });
});
