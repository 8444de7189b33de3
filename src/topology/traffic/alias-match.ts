import { rangeContains, type IpRange } from '../../model/ip.js';

// What the resolver needs of `--cidr-aliases`, apart from reading the file (aliases.ts): the trace
// worker loads the resolver without the YAML and schema readers.

/** A named group of outside addresses (`--cidr-aliases FILE`): observed addresses inside it become the whole block. */
export interface CidrAlias {
  readonly name: string;
  readonly ranges: readonly IpRange[];
}

/** The alias block an address falls in: the narrowest one, so that a specific alias wins over a broad one. */
export function aliasFor(aliases: readonly CidrAlias[], addr: IpRange): { alias: string; range: IpRange } | undefined {
  let best: { alias: string; range: IpRange } | undefined;
  for (const a of aliases) {
    for (const r of a.ranges) {
      if (r.family === addr.family && rangeContains(r, addr) && (!best || r.hi - r.lo < best.range.hi - best.range.lo)) best = { alias: a.name, range: r };
    }
  }
  return best;
}
