import { mergeRanges, rangeToCidrs, type IpRange } from '../model/ip.js';
import type { Policy } from './policy.js';

function cidrOf(r: IpRange): string {
  const c = rangeToCidrs(r);
  return c.length === 1 ? (c[0] as string) : c.join(', ');
}

const sameRanges = (a: readonly IpRange[], b: readonly IpRange[]) => a.length === b.length && a.every((x, i) => x.family === b[i]?.family && x.lo === b[i]?.lo && x.hi === b[i]?.hi);

function subtract(include: readonly IpRange[], exclude: readonly IpRange[]): IpRange[] {
  let parts = mergeRanges(include);
  for (const x of exclude) {
    parts = parts.flatMap((p) => {
      if (p.family !== x.family || x.hi < p.lo || x.lo > p.hi) return [p];
      const keep: IpRange[] = [];
      if (x.lo > p.lo) keep.push({ family: p.family, lo: p.lo, hi: x.lo - 1n });
      if (x.hi < p.hi) keep.push({ family: p.family, lo: x.hi + 1n, hi: p.hi });
      return keep;
    });
  }
  return parts;
}

/**
 * Outside addresses as the policies wrote them: when the ranges are exactly what one ipBlock
 * (cidr minus except) of the given policies covers, `cidr except a, b`; otherwise the CIDRs
 * that cover them. The whole address space of a family reads `0.0.0.0/0` (or `::/0`).
 */
export function addressText(ranges: readonly IpRange[], blocks: readonly IpBlock[]): string {
  const merged = mergeRanges(ranges);
  for (const m of blocks) {
    if (m.include.length !== 1) continue;
    if (sameRanges(subtract(m.include, m.exclude), merged)) {
      const inc = cidrOf(m.include[0] as IpRange);
      return m.exclude.length > 0 ? `${inc} except ${mergeRanges(m.exclude).map(cidrOf).join(', ')}` : inc;
    }
  }
  return merged.map(cidrOf).join(', ');
}

export interface IpBlock {
  readonly include: readonly IpRange[];
  readonly exclude: readonly IpRange[];
}

/** Every address block the policies' rules name, in policy order (what `addressText` matches against). */
export function ipBlocksOf(policies: readonly Policy[]): IpBlock[] {
  const out: IpBlock[] = [];
  for (const p of policies) for (const d of ['ingress', 'egress'] as const) for (const rule of p.rules[d]) for (const m of rule.peers) if (m.kind === 'ip') out.push(m);
  return out;
}
