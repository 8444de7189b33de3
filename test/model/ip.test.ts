import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { atomize, formatIp, formatRange, fullRange, parseCidr, rangeContains, type IpFamily, type IpRange } from '../../src/model/ip.js';

const MAX4 = (1n << 32n) - 1n;
const MAX6 = (1n << 128n) - 1n;

function v4(a: number, b: number, c: number, d: number): bigint {
  return BigInt(((a << 24) >>> 0) + (b << 16) + (c << 8) + d);
}

describe('parseCidr: IPv4', () => {
  it('parses prefixes and ignores host bits', () => {
    expect(parseCidr('10.0.0.0/8')).toEqual({ family: 4, lo: v4(10, 0, 0, 0), hi: v4(10, 255, 255, 255) });
    expect(parseCidr('10.1.2.3/8')).toEqual({ family: 4, lo: v4(10, 0, 0, 0), hi: v4(10, 255, 255, 255) });
    expect(parseCidr('192.168.1.77/24')).toEqual({ family: 4, lo: v4(192, 168, 1, 0), hi: v4(192, 168, 1, 255) });
    expect(parseCidr('0.0.0.0/0')).toEqual({ family: 4, lo: 0n, hi: MAX4 });
    expect(parseCidr('1.2.3.4/0')).toEqual({ family: 4, lo: 0n, hi: MAX4 });
    expect(parseCidr('255.255.255.255/32')).toEqual({ family: 4, lo: MAX4, hi: MAX4 });
    expect(parseCidr('1.2.3.4/32')).toEqual({ family: 4, lo: v4(1, 2, 3, 4), hi: v4(1, 2, 3, 4) });
    expect(parseCidr('1.2.3.5/31')).toEqual({ family: 4, lo: v4(1, 2, 3, 4), hi: v4(1, 2, 3, 5) });
    expect(parseCidr('128.0.0.1/1')).toEqual({ family: 4, lo: v4(128, 0, 0, 0), hi: MAX4 });
  });

  it('reads a bare address as a /32', () => {
    expect(parseCidr('8.8.8.8')).toEqual({ family: 4, lo: v4(8, 8, 8, 8), hi: v4(8, 8, 8, 8) });
  });

  it('trims surrounding whitespace', () => {
    expect(parseCidr(' 10.0.0.0/8 ')).toEqual(parseCidr('10.0.0.0/8'));
  });

  it('rejects invalid text', () => {
    for (const bad of [
      '',
      '/8',
      'abc',
      '10.0.0/8',
      '10.0.0.0.0/8',
      '256.0.0.0/8',
      '10.0.0.-1/8',
      '10.0.0.0/33',
      '10.0.0.0/-1',
      '10.0.0.0/',
      '10.0.0.0/8/8',
      '10.0.0.0/x',
      '10.0.0.0/1000',
      '1.2.3.4 /8',
      '1..2.3',
      '1.2.3.4a',
      '0x1.2.3.4',
    ]) {
      expect(parseCidr(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});

describe('parseCidr: IPv6', () => {
  it('parses the unspecified, loopback and compressed forms', () => {
    expect(parseCidr('::')).toEqual({ family: 6, lo: 0n, hi: 0n });
    expect(parseCidr('::/128')).toEqual({ family: 6, lo: 0n, hi: 0n });
    expect(parseCidr('::1')).toEqual({ family: 6, lo: 1n, hi: 1n });
    expect(parseCidr('::1/128')).toEqual({ family: 6, lo: 1n, hi: 1n });
    expect(parseCidr('::/0')).toEqual({ family: 6, lo: 0n, hi: MAX6 });
    expect(parseCidr('1::')).toEqual({ family: 6, lo: 1n << 112n, hi: 1n << 112n });
    expect(parseCidr('2001:db8::/32')).toEqual({ family: 6, lo: 0x2001_0db8n << 96n, hi: (0x2001_0db8n << 96n) | ((1n << 96n) - 1n) });
    expect(parseCidr('2001:DB8::/32')).toEqual(parseCidr('2001:db8::/32'));
    expect(parseCidr('2001:db8:0:0:0:0:0:0/32')).toEqual(parseCidr('2001:db8::/32'));
    expect(parseCidr('2001:0db8:0000::/32')).toEqual(parseCidr('2001:db8::/32'));
    expect(parseCidr('1:2:3:4:5:6:7:8')).toEqual({ family: 6, lo: 0x0001_0002_0003_0004_0005_0006_0007_0008n, hi: 0x0001_0002_0003_0004_0005_0006_0007_0008n });
    expect(parseCidr('1:2:3:4:5:6:7::')).toEqual({ family: 6, lo: 0x0001_0002_0003_0004_0005_0006_0007_0000n, hi: 0x0001_0002_0003_0004_0005_0006_0007_0000n });
    expect(parseCidr('::2:3:4:5:6:7:8')?.lo).toBe(0x0000_0002_0003_0004_0005_0006_0007_0008n);
    expect(parseCidr('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toEqual({ family: 6, lo: MAX6, hi: MAX6 });
  });

  it('ignores host bits', () => {
    expect(parseCidr('2001:db8::1/32')).toEqual(parseCidr('2001:db8::/32'));
    expect(parseCidr('ffff::1/0')).toEqual({ family: 6, lo: 0n, hi: MAX6 });
    expect(parseCidr('fe80::1234/64')).toEqual({ family: 6, lo: 0xfe80n << 112n, hi: (0xfe80n << 112n) | ((1n << 64n) - 1n) });
    expect(parseCidr('::ff/127')).toEqual({ family: 6, lo: 0xfen, hi: 0xffn });
  });

  it('parses an embedded IPv4 tail', () => {
    expect(parseCidr('::ffff:1.2.3.4')).toEqual({ family: 6, lo: (0xffffn << 32n) | v4(1, 2, 3, 4), hi: (0xffffn << 32n) | v4(1, 2, 3, 4) });
    expect(parseCidr('::ffff:0.0.0.0/96')).toEqual({ family: 6, lo: 0xffffn << 32n, hi: (0xffffn << 32n) | MAX4 });
  });

  it('rejects invalid text', () => {
    for (const bad of [
      ':::',
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8::',
      '::1:2:3:4:5:6:7:8',
      '12345::',
      'g::1',
      ':1::',
      '1::/129',
      '::/-1',
      '::ffff:1.2.3',
      '::ffff:256.1.1.1',
      '1:2:3:4:5:6:7:8/200',
    ]) {
      expect(parseCidr(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});

describe('formatIp / formatRange', () => {
  it('formats IPv4 dotted quads', () => {
    expect(formatIp(4, 0n)).toBe('0.0.0.0');
    expect(formatIp(4, MAX4)).toBe('255.255.255.255');
    expect(formatIp(4, v4(10, 0, 1, 255))).toBe('10.0.1.255');
  });

  it('formats IPv6 per RFC 5952 (lower case, longest zero run compressed, first on a tie, no single-group compression)', () => {
    expect(formatIp(6, 0n)).toBe('::');
    expect(formatIp(6, 1n)).toBe('::1');
    expect(formatIp(6, 1n << 112n)).toBe('1::');
    expect(formatIp(6, MAX6)).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(formatIp(6, parseCidr('2001:DB8:0:0:0:0:0:1')?.lo ?? -1n)).toBe('2001:db8::1');
    expect(formatIp(6, parseCidr('1:0:2:3:4:5:6:7')?.lo ?? -1n)).toBe('1:0:2:3:4:5:6:7');
    expect(formatIp(6, parseCidr('1:0:0:2:0:0:3:4')?.lo ?? -1n)).toBe('1::2:0:0:3:4');
    expect(formatIp(6, parseCidr('1:0:0:2:0:0:0:4')?.lo ?? -1n)).toBe('1:0:0:2::4');
    expect(formatIp(6, parseCidr('0:0:1:0:0:0:0:0')?.lo ?? -1n)).toBe('0:0:1::');
    expect(formatIp(6, parseCidr('2001:db8:0:1:1:1:1:1')?.lo ?? -1n)).toBe('2001:db8:0:1:1:1:1:1');
  });

  it('formats ranges', () => {
    expect(formatRange(fullRange(4))).toBe('0.0.0.0-255.255.255.255');
    expect(formatRange(fullRange(6))).toBe('::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(formatRange(parseCidr('10.0.0.0/8') as IpRange)).toBe('10.0.0.0-10.255.255.255');
    expect(formatRange(parseCidr('2001:db8::/32') as IpRange)).toBe('2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff');
  });

  it('round-trips every address through formatIp and parseCidr', () => {
    const addr4 = fc.bigInt({ min: 0n, max: MAX4 });
    // IPv6 addresses with plenty of zero groups, so that compression is exercised
    const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
    const addr6 = fc.array(group, { minLength: 8, maxLength: 8 }).map((gs) => gs.reduce((v, g) => (v << 16n) | BigInt(g), 0n));
    fc.assert(
      fc.property(addr4, (v) => {
        const text = formatIp(4, v);
        expect(parseCidr(text)).toEqual({ family: 4, lo: v, hi: v });
      }),
    );
    fc.assert(
      fc.property(addr6, (v) => {
        const text = formatIp(6, v);
        expect(parseCidr(text)).toEqual({ family: 6, lo: v, hi: v });
        expect(text).toBe(text.toLowerCase());
        expect(text.split('::').length).toBeLessThanOrEqual(2);
        expect(text).not.toMatch(/(^|:)0\d/);
        expect(text).not.toMatch(/:::/);
      }),
    );
  });
});

describe('parseCidr laws', () => {
  it('a prefix covers 2^(bits-prefix) aligned addresses and contains its own address', () => {
    fc.assert(
      fc.property(fc.constantFrom<IpFamily>(4, 6), fc.bigInt({ min: 0n, max: MAX6 }), fc.integer({ min: 0, max: 128 }), (family, raw, p) => {
        const bits = family === 4 ? 32 : 128;
        const prefix = p % (bits + 1);
        const value = family === 4 ? raw & MAX4 : raw;
        const r = parseCidr(`${formatIp(family, value)}/${prefix}`);
        expect(r).toBeDefined();
        if (!r) return;
        const size = 1n << BigInt(bits - prefix);
        expect(r.family).toBe(family);
        expect(r.hi - r.lo + 1n).toBe(size);
        expect(r.lo % size).toBe(0n);
        expect(r.lo <= value && value <= r.hi).toBe(true);
      }),
    );
  });
});

describe('atomize', () => {
  it('covers the IPv4 space in one atom when no range is given', () => {
    expect(atomize([])).toEqual([fullRange(4)]);
    expect(atomize([], [4, 6])).toEqual([fullRange(4), fullRange(6)]);
    expect(atomize([], [])).toEqual([]);
  });

  it('cuts at every CIDR boundary', () => {
    const atoms = atomize([parseCidr('10.0.0.0/8') as IpRange, parseCidr('10.1.0.0/16') as IpRange]);
    expect(atoms.map(formatRange)).toEqual([
      '0.0.0.0-9.255.255.255',
      '10.0.0.0-10.0.255.255',
      '10.1.0.0-10.1.255.255',
      '10.2.0.0-10.255.255.255',
      '11.0.0.0-255.255.255.255',
    ]);
  });

  it('handles ranges at the ends of the address space', () => {
    expect(atomize([parseCidr('0.0.0.0/0') as IpRange]).map(formatRange)).toEqual(['0.0.0.0-255.255.255.255']);
    expect(atomize([parseCidr('0.0.0.0/1') as IpRange]).map(formatRange)).toEqual(['0.0.0.0-127.255.255.255', '128.0.0.0-255.255.255.255']);
    expect(atomize([parseCidr('255.255.255.255/32') as IpRange]).map(formatRange)).toEqual(['0.0.0.0-255.255.255.254', '255.255.255.255-255.255.255.255']);
    expect(atomize([parseCidr('0.0.0.0/32') as IpRange]).map(formatRange)).toEqual(['0.0.0.0-0.0.0.0', '0.0.0.1-255.255.255.255']);
  });

  it('adds a family only when a range or alwaysInclude asks for it', () => {
    const six = parseCidr('2001:db8::/32') as IpRange;
    const atoms = atomize([six]);
    expect(atoms.filter((a) => a.family === 4)).toEqual([fullRange(4)]);
    expect(atoms.filter((a) => a.family === 6).map(formatRange)).toEqual([
      '::-2001:db7:ffff:ffff:ffff:ffff:ffff:ffff',
      '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
      '2001:db9::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    ]);
    expect(atomize([six], []).every((a) => a.family === 6)).toBe(true);
  });

  const cidr4 = fc.tuple(fc.bigInt({ min: 0n, max: MAX4 }), fc.integer({ min: 0, max: 32 })).map(([v, p]) => parseCidr(`${formatIp(4, v)}/${p}`) as IpRange);
  const cidr6 = fc.tuple(fc.bigInt({ min: 0n, max: MAX6 }), fc.integer({ min: 0, max: 128 })).map(([v, p]) => parseCidr(`${formatIp(6, v)}/${p}`) as IpRange);
  const ranges = fc.array(fc.oneof({ weight: 3, arbitrary: cidr4 }, { weight: 1, arbitrary: cidr6 }), { maxLength: 6 });

  it('partitions each family, every atom is inside or outside each range, and every cut is needed', () => {
    fc.assert(
      fc.property(ranges, (rs) => {
        const atoms = atomize(rs);
        for (const family of [4, 6] as const) {
          const fam = atoms.filter((a) => a.family === family);
          const inFamily = rs.filter((r) => r.family === family);
          if (family === 6 && inFamily.length === 0) {
            expect(fam).toEqual([]);
            continue;
          }
          // contiguous cover of the whole family space, in order
          expect(fam[0]?.lo).toBe(0n);
          expect(fam[fam.length - 1]?.hi).toBe(family === 4 ? MAX4 : MAX6);
          for (let i = 1; i < fam.length; i++) expect((fam[i] as IpRange).lo).toBe((fam[i - 1] as IpRange).hi + 1n);
          for (const a of fam) {
            expect(a.lo <= a.hi).toBe(true);
            for (const r of inFamily) {
              const inside = rangeContains(r, a);
              const disjoint = a.hi < r.lo || a.lo > r.hi;
              expect(inside || disjoint).toBe(true);
            }
          }
          // coarsest: neighbouring atoms differ in membership of some range
          for (let i = 1; i < fam.length; i++) {
            const prev = fam[i - 1] as IpRange;
            const cur = fam[i] as IpRange;
            expect(inFamily.some((r) => rangeContains(r, prev) !== rangeContains(r, cur))).toBe(true);
          }
          // the atoms tile the whole family: contiguous, from 0 to the last address
          expect(fam[0]?.lo).toBe(0n);
          expect(fam[fam.length - 1]?.hi).toBe(fullRange(family).hi);
          for (let i = 1; i < fam.length; i++) expect((fam[i] as IpRange).lo).toBe((fam[i - 1] as IpRange).hi + 1n);
        }
      }),
    );
  });
});

describe('rangeContains', () => {
  it('contains by family and bounds', () => {
    const net = parseCidr('10.0.0.0/8') as IpRange;
    expect(rangeContains(net, parseCidr('10.1.0.0/16') as IpRange)).toBe(true);
    expect(rangeContains(net, net)).toBe(true);
    expect(rangeContains(net, parseCidr('0.0.0.0/0') as IpRange)).toBe(false);
    expect(rangeContains(net, parseCidr('11.0.0.0/32') as IpRange)).toBe(false);
    expect(rangeContains(fullRange(6), fullRange(4))).toBe(false);
  });
});
