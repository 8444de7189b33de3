import { fullRange, type IpFamily, type IpRange } from '../model/ip.js';
import type { Peer } from '../model/peer.js';
import type { Link } from '../topology/links.js';

/**
 * "Every outside address": scan writes a LoadBalancer's or NodePort's clients as the whole IPv4
 * space, and gap closures open it. In a cluster of other address families (--ip-family 6|dual) it
 * means the whole space of each family, or IPv6 clients and hosts would be blocked without a word.
 */
export function isEverywhere(r: IpRange): boolean {
  const v4 = fullRange(4);
  return r.family === 4 && r.lo === v4.lo && r.hi === v4.hi;
}

const CIDR: Record<IpFamily, string> = { 4: '0.0.0.0/0', 6: '::/0' };

/** The ipBlock CIDRs of every outside address in the families (IPv4 when none are given). */
export function everywhereCidrs(families: readonly IpFamily[] | undefined): string[] {
  return familiesOf(families).map((f) => CIDR[f]);
}

/** The same, as peers. */
export function everywherePeers(families: readonly IpFamily[] | undefined): Peer[] {
  return familiesOf(families).map((f) => ({ kind: 'external', range: fullRange(f) }));
}

function familiesOf(families: readonly IpFamily[] | undefined): IpFamily[] {
  const list: readonly IpFamily[] = families && families.length > 0 ? families : [4];
  return [...new Set(list)].sort((a, b) => a - b);
}

/**
 * The links with every outside address (the whole IPv4 space) also written in each other family
 * of the cluster: one more link per family, so that rules about parts of that family's space
 * (a baseline deny on `2001:db8::/32`) apply to it as to IPv4's.
 */
export function inEveryFamily(links: readonly Link[], families: readonly IpFamily[] | undefined): Link[] {
  return [...links, ...otherFamilyCopies(links, families)];
}

/** The links inEveryFamily adds: each link to or from every outside address, in each family but IPv4. */
export function otherFamilyCopies(links: readonly Link[], families: readonly IpFamily[] | undefined): Link[] {
  const others = everywherePeers(families).filter((p): p is Extract<Peer, { kind: 'external' }> => p.kind === 'external' && p.range.family !== 4);
  const out: Link[] = [];
  if (others.length === 0) return out;
  for (const l of links) {
    if (l.src.kind === 'external' && isEverywhere(l.src.range)) for (const src of others) out.push({ ...l, src });
    if (l.dst.kind === 'external' && isEverywhere(l.dst.range)) for (const dst of others) out.push({ ...l, dst });
  }
  return out;
}
