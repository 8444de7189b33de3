import { ConnectionSet } from '../model/connection-set.js';
import { peerKey, type Peer } from '../model/peer.js';
import { compareStrings } from '../manifests/cluster.js';
import type { Evidence, Link } from './links.js';

/** Where a link comes from: the manifests (or a reviewed links file), observed traffic, or both. */
export type LinkOrigin = 'declared' | 'observed' | 'both';

export function linkOrigin(l: Link): LinkOrigin {
  const observed = l.evidence.some((e) => e.kind === 'trace');
  const declared = l.evidence.some((e) => e.kind !== 'trace');
  return observed && declared ? 'both' : observed ? 'observed' : 'declared';
}

const pairKey = (src: Peer, dst: Peer) => `${peerKey(src)}\u0000${peerKey(dst)}`;

/** Links of several sources as one list: one link per (src, dst), connections unioned, evidence of all kept in order. */
export function mergeLinks(...lists: readonly (readonly Link[])[]): Link[] {
  const map = new Map<string, { src: Peer; dst: Peer; conns: ConnectionSet; evidence: Evidence[] }>();
  for (const list of lists) {
    for (const l of list) {
      const k = pairKey(l.src, l.dst);
      const cur = map.get(k);
      if (cur) {
        cur.conns = cur.conns.union(l.conns);
        for (const e of l.evidence) if (!cur.evidence.some((x) => JSON.stringify(x) === JSON.stringify(e))) cur.evidence.push(e);
      } else map.set(k, { src: l.src, dst: l.dst, conns: l.conns, evidence: [...l.evidence] });
    }
  }
  return [...map.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, l]) => l);
}

/** A part of a link one side has and the other lacks. */
export interface LinkGap {
  readonly src: Peer;
  readonly dst: Peer;
  /** The connections missing on the other side. */
  readonly conns: ConnectionSet;
  /** The evidence of the side that has it. */
  readonly evidence: readonly Evidence[];
}

/**
 * What traffic shows and the manifests do not state (observed-but-not-declared), and what the
 * manifests state and traffic never showed (declared-but-never-observed), per (src, dst) and
 * connection: `web -> catalog TCP 8080,9090` declared and `TCP 8080` observed leaves `TCP 9090`
 * never observed. The PR report shows both lists as their own sections.
 */
export function compareDeclaredObserved(declared: readonly Link[], observed: readonly Link[]): { observedNotDeclared: LinkGap[]; declaredNotObserved: LinkGap[] } {
  const index = (ls: readonly Link[]) => new Map(mergeLinks(ls).map((l) => [pairKey(l.src, l.dst), l]));
  const d = index(declared);
  const o = index(observed);
  const gaps = (from: Map<string, Link>, other: Map<string, Link>): LinkGap[] => {
    const out: LinkGap[] = [];
    for (const [k, l] of [...from.entries()].sort(([a], [b]) => compareStrings(a, b))) {
      const missing = l.conns.subtract(other.get(k)?.conns ?? ConnectionSet.NONE);
      if (!missing.isEmpty) out.push({ src: l.src, dst: l.dst, conns: missing, evidence: l.evidence });
    }
    return out;
  };
  return { observedNotDeclared: gaps(o, d), declaredNotObserved: gaps(d, o) };
}
