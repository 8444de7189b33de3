import { fullRange, type IpFamily, type IpRange } from '../model/ip.js';
import type { Peer } from '../model/peer.js';

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
