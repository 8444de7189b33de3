/**
 * IP address space for ipBlocks and ANP networks. Addresses are bigints so that IPv4 and IPv6
 * share one code path; a range is inclusive and belongs to one family.
 */
export type IpFamily = 4 | 6;

export interface IpRange {
  readonly family: IpFamily;
  readonly lo: bigint;
  readonly hi: bigint;
}

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };
const MAX: Record<IpFamily, bigint> = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n };

export function fullRange(family: IpFamily): IpRange {
  return { family, lo: 0n, hi: MAX[family] };
}

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseIPv6(text: string): bigint | undefined {
  let s = text;
  // an embedded IPv4 tail (::ffff:1.2.3.4)
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.', lastColon)) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    s = `${s.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  return v;
}

/** Parses `a.b.c.d/n` or `x:y::/n` (a bare address is a /32 or /128). Host bits are ignored, as Kubernetes does. */
export function parseCidr(text: string): IpRange | undefined {
  const [addr = '', prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0) return undefined;
  const family: IpFamily = addr.includes(':') ? 6 : 4;
  const value = family === 4 ? parseIPv4(addr) : parseIPv6(addr);
  if (value === undefined) return undefined;
  const bits = BITS[family];
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return undefined;
  const hostBits = BigInt(bits - prefix);
  const lo = (value >> hostBits) << hostBits;
  const hi = lo | ((1n << hostBits) - 1n);
  return { family, lo, hi };
}

export function formatIp(family: IpFamily, value: bigint): string {
  if (family === 4) {
    return [24n, 16n, 8n, 0n].map((s) => ((value >> s) & 0xffn).toString()).join('.');
  }
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((value >> s) & 0xffffn).toString(16));
  // compress the longest run of zero groups (RFC 5952)
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/** `a.b.c.d-e.f.g.h`, the netpol-analyzer notation for an address range. */
export function formatRange(r: IpRange): string {
  return `${formatIp(r.family, r.lo)}-${formatIp(r.family, r.hi)}`;
}

/** Adjacent and overlapping ranges of one family joined, sorted by family and start. */
export function mergeRanges(ranges: readonly IpRange[]): IpRange[] {
  const sorted = [...ranges].sort((a, b) => a.family - b.family || (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out: IpRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.family === r.family && last.hi + 1n >= r.lo) out[out.length - 1] = { ...last, hi: last.hi > r.hi ? last.hi : r.hi };
    else out.push(r);
  }
  return out;
}

export function rangeContains(outer: IpRange, inner: IpRange): boolean {
  return outer.family === inner.family && outer.lo <= inner.lo && inner.hi <= outer.hi;
}

/**
 * Cuts each family's address space into atoms at every boundary of the given ranges, so that each
 * atom lies entirely inside or entirely outside every one of them. Families with no range are
 * represented only when `alwaysInclude` names them.
 */
export function atomize(ranges: readonly IpRange[], alwaysInclude: readonly IpFamily[] = [4]): IpRange[] {
  const atoms: IpRange[] = [];
  for (const family of [4, 6] as const) {
    const inFamily = ranges.filter((r) => r.family === family);
    if (inFamily.length === 0 && !alwaysInclude.includes(family)) continue;
    const cuts = new Set<bigint>([0n]);
    for (const r of inFamily) {
      cuts.add(r.lo);
      if (r.hi < MAX[family]) cuts.add(r.hi + 1n);
    }
    const sorted = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    sorted.forEach((lo, i) => {
      const next = sorted[i + 1];
      atoms.push({ family, lo, hi: next === undefined ? MAX[family] : next - 1n });
    });
  }
  return atoms;
}

const CIDR_BITS = { 4: 32, 6: 128 } as const;

/** The smallest list of CIDRs that covers exactly the range. */
/** An ipBlock as the NetworkPolicy API writes it. */
export interface CidrBlock {
  readonly cidr: string;
  readonly except?: readonly string[];
}

/**
 * The fewest ipBlocks that cover exactly the ranges (any order, one or both families): per family,
 * either the CIDRs of the ranges, or, when shorter, the smallest CIDR that covers them all with the
 * holes as `except` (`0.0.0.0/0 except 169.254.169.254/32` rather than 32 CIDRs around it).
 */
export function rangesToBlocks(ranges: readonly IpRange[]): CidrBlock[] {
  const out: CidrBlock[] = [];
  for (const family of [4, 6] as const) {
    const sorted = ranges.filter((r) => r.family === family).sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
    if (sorted.length === 0) continue;
    // join overlapping and touching ranges
    const joined: IpRange[] = [];
    for (const r of sorted) {
      const last = joined[joined.length - 1];
      if (last && r.lo <= last.hi + 1n) joined[joined.length - 1] = { family, lo: last.lo, hi: r.hi > last.hi ? r.hi : last.hi };
      else joined.push(r);
    }
    const plain = joined.flatMap(rangeToCidrs);
    // the smallest aligned block holding all of them, and what it holds besides
    const lo = (joined[0] as IpRange).lo;
    const hi = (joined[joined.length - 1] as IpRange).hi;
    let size = 0n;
    while (lo >> size !== hi >> size) size++;
    const cover: IpRange = { family, lo: (lo >> size) << size, hi: ((lo >> size) << size) + (1n << size) - 1n };
    const holes: IpRange[] = [];
    let next = cover.lo;
    for (const r of joined) {
      if (r.lo > next) holes.push({ family, lo: next, hi: r.lo - 1n });
      next = r.hi + 1n;
    }
    if (next <= cover.hi) holes.push({ family, lo: next, hi: cover.hi });
    const except = holes.flatMap(rangeToCidrs);
    if (holes.length > 0 && 1 + except.length < plain.length) out.push({ cidr: rangeToCidrs(cover)[0] as string, except });
    else out.push(...plain.map((cidr) => ({ cidr })));
  }
  return out;
}

export function rangeToCidrs(r: IpRange): string[] {
  const out: string[] = [];
  const bits = CIDR_BITS[r.family];
  let lo = r.lo;
  while (lo <= r.hi) {
    // the largest aligned block starting at lo that stays inside the range
    let size = 0;
    while (size < bits && (lo & ((1n << BigInt(size + 1)) - 1n)) === 0n && lo + (1n << BigInt(size + 1)) - 1n <= r.hi) size++;
    out.push(`${formatIp(r.family, lo)}/${bits - size}`);
    lo += 1n << BigInt(size);
  }
  return out;
}
