import { compareStrings } from '../manifests/cluster.js';
import { ConnectionSet } from '../model/connection-set.js';
import { peerKey } from '../model/peer.js';
import type { Link } from '../topology/links.js';
import type { Connectivity } from './engine.js';

/** A link the manifests need that the policies do not (fully) allow. */
export interface UnmetLink {
  readonly link: Link;
  /** What the policies allow between the link's peers. */
  readonly allowed: ConnectionSet;
  /** What the link needs and is not allowed. */
  readonly missing: ConnectionSet;
}

/** What one configuration allows between two peers, read from its connectivity; external ranges by the atoms they cover. */
class Allowed {
  private readonly pairs = new Map<string, ConnectionSet>();
  /** Connections with outside addresses, by the in-cluster peer's key: a link is compared with its own peer's only. */
  private readonly external = new Map<string, { readonly outbound: boolean; readonly range: Connectivity['connections'][number]['src']; readonly conns: ConnectionSet }[]>();

  constructor(c: Connectivity) {
    for (const x of c.connections) {
      if (x.src.kind === 'external') this.addExternal(peerKey(x.dst), { outbound: false, range: x.src, conns: x.conns });
      else if (x.dst.kind === 'external') this.addExternal(peerKey(x.src), { outbound: true, range: x.dst, conns: x.conns });
      else this.pairs.set(`${peerKey(x.src)}\u0000${peerKey(x.dst)}`, x.conns);
    }
  }

  private addExternal(inCluster: string, e: { readonly outbound: boolean; readonly range: Connectivity['connections'][number]['src']; readonly conns: ConnectionSet }): void {
    const list = this.external.get(inCluster);
    if (list) list.push(e);
    else this.external.set(inCluster, [e]);
  }

  of(link: Link): ConnectionSet | undefined {
    const { src, dst } = link;
    if (src.kind === 'gateway' || dst.kind === 'gateway' || dst.kind === 'ingress-controller') return undefined;
    if (dst.kind === 'external' || src.kind === 'external') {
      const outbound = dst.kind === 'external';
      const range = outbound ? (dst.kind === 'external' ? dst.range : undefined) : src.kind === 'external' ? src.range : undefined;
      const inCluster = peerKey(outbound ? src : dst);
      if (!range) return undefined;
      // a connection to an address must be allowed to every address of it; one from outside (a
      // LoadBalancer) is satisfied when some outside address may connect (policies may restrict the clients)
      const parts = (this.external.get(inCluster) ?? []).filter((e) => e.outbound === outbound && e.range.kind === 'external' && overlaps(e.range.range, range));
      if (outbound) {
        let covered = 0n;
        for (const p of parts) if (p.range.kind === 'external') covered += clipSize(p.range.range, range);
        if (covered !== range.hi - range.lo + 1n) return ConnectionSet.NONE;
        return parts.reduce((acc, p) => acc.intersect(p.conns), ConnectionSet.ALL);
      }
      return parts.reduce((acc, p) => acc.union(p.conns), ConnectionSet.NONE);
    }
    return this.pairs.get(`${peerKey(src)}\u0000${peerKey(dst)}`) ?? ConnectionSet.NONE;
  }
}

function clipSize(a: { lo: bigint; hi: bigint }, b: { lo: bigint; hi: bigint }): bigint {
  const lo = a.lo > b.lo ? a.lo : b.lo;
  const hi = a.hi < b.hi ? a.hi : b.hi;
  return hi >= lo ? hi - lo + 1n : 0n;
}

function overlaps(a: { family: number; lo: bigint; hi: bigint }, b: { family: number; lo: bigint; hi: bigint }): boolean {
  return a.family === b.family && a.lo <= b.hi && b.lo <= a.hi;
}

/**
 * The needed links (from a scan) that the configuration's policies do not allow, with what is
 * missing. Links through a Gateway are not judged here: the engine does not model gateway proxies.
 */
export function unmetLinks(links: readonly Link[], connectivity: Connectivity): { unmet: UnmetLink[]; unjudged: Link[] } {
  const allowed = new Allowed(connectivity);
  const unmet: UnmetLink[] = [];
  const unjudged: Link[] = [];
  for (const link of links) {
    const a = allowed.of(link);
    if (a === undefined) {
      unjudged.push(link);
      continue;
    }
    const missing = link.conns.subtract(a);
    if (!missing.isEmpty) unmet.push({ link, allowed: a.intersect(link.conns), missing });
  }
  return { unmet: sortedByLink(unmet, (u) => u.link), unjudged: sortedByLink(unjudged, (l) => l) };
}

/** Sorted by the link's key, each key made once (a comparison building two keys made O(n log n) strings). */
function sortedByLink<T>(items: readonly T[], linkOf: (item: T) => Link): T[] {
  const keyed = items.map((item) => ({ item, key: linkKey(linkOf(item)) }));
  keyed.sort((a, b) => compareStrings(a.key, b.key));
  return keyed.map((k) => k.item);
}

export function linkKey(l: Pick<Link, 'src' | 'dst'>): string {
  return `${peerKey(l.src)}\u0000${peerKey(l.dst)}`;
}

/**
 * Links the PR breaks: unmet on head, and not unmet in the same way on base (a link that was
 * already unmet before, with at least the same ports missing, is not the PR's doing).
 */
export function newlyUnmet(head: readonly UnmetLink[], base: readonly UnmetLink[]): { broken: UnmetLink[]; already: UnmetLink[] } {
  const before = new Map(base.map((u) => [linkKey(u.link), u]));
  const broken: UnmetLink[] = [];
  const already: UnmetLink[] = [];
  for (const u of head) {
    const b = before.get(linkKey(u.link));
    if (b && u.missing.isSubsetOf(b.missing)) already.push(u);
    else broken.push(u);
  }
  return { broken, already };
}
