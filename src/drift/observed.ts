import { refine } from '../connectivity/diff.js';
import type { Connectivity } from '../connectivity/engine.js';
import { compareStrings } from '../manifests/cluster.js';
import { ConnectionSet } from '../model/connection-set.js';
import { atomize, type IpFamily, type IpRange } from '../model/ip.js';
import { peerKey, type Peer } from '../model/peer.js';
import type { Evidence, Link } from '../topology/links.js';

/**
 * Observed traffic against two sets of policies over the same workloads (cluster drift with
 * `--traffic`): the repository's and the live cluster's. An observed connection that either
 * side's policies deny is reported with what each side blocks and the trace lines that saw it.
 */
export interface BlockedObservation {
  readonly src: Peer;
  readonly dst: Peer;
  /** What the trace saw between the two. */
  readonly observed: ConnectionSet;
  /** The part of `observed` the repository's policies deny (empty: they allow all of it). */
  readonly repository: ConnectionSet;
  /** The part of `observed` the cluster's policies deny. */
  readonly cluster: ConnectionSet;
  readonly evidence: readonly Evidence[];
}

export interface ObservedCheck {
  readonly blocked: readonly BlockedObservation[];
  /** Observed pairs checked (after cutting address ranges at every policy boundary). */
  readonly checked: number;
  /** Links not checked: towards the ingress controller or through a Gateway proxy (no policy peer, or not modelled). */
  readonly notChecked: readonly Link[];
}

const pairKey = (src: Peer, dst: Peer) => `${peerKey(src)}\u0000${peerKey(dst)}`;

/** Whether a link's peer covers a refined peer: the same peer, or an address range holding the atom. */
function covers(need: Peer, atom: Peer): boolean {
  if (atom.kind === 'external') return need.kind === 'external' && need.range.family === atom.range.family && need.range.lo <= atom.range.lo && atom.range.hi <= need.range.hi;
  return peerKey(need) === peerKey(atom);
}

/**
 * Checks observed links against both sides. Address ranges are cut into atoms at every boundary
 * of the policies and the observations, as repo drift does, so an observed address is judged by
 * the rules that cover it exactly.
 */
export function checkObserved(links: readonly Link[], sides: { readonly repository: Connectivity; readonly cluster: Connectivity }, families: readonly IpFamily[]): ObservedCheck {
  const notChecked: Link[] = [];
  const rows: { src: Peer; dst: Peer; conns: ConnectionSet }[] = [];
  const cuts: IpRange[] = [...sides.repository.ipRanges, ...sides.cluster.ipRanges];
  const checkable: Link[] = [];
  for (const l of links) {
    if (l.src.kind === 'gateway' || l.dst.kind === 'gateway' || l.dst.kind === 'ingress-controller') {
      notChecked.push(l);
      continue;
    }
    if ((l.src.kind === 'external' && !families.includes(l.src.range.family)) || (l.dst.kind === 'external' && !families.includes(l.dst.range.family))) continue;
    for (const p of [l.src, l.dst]) if (p.kind === 'external') cuts.push(p.range);
    rows.push({ src: l.src, dst: l.dst, conns: l.conns });
    checkable.push(l);
  }
  const atoms = atomize(cuts, families);
  const observed = refine({ connections: rows, workloads: sides.repository.workloads, ipRanges: [] }, atoms);
  const repository = refine(sides.repository, atoms);
  const cluster = refine(sides.cluster, atoms);
  const blocked: BlockedObservation[] = [];
  for (const [k, o] of observed) {
    const byRepository = o.conns.subtract(repository.get(k)?.conns ?? ConnectionSet.NONE);
    const byCluster = o.conns.subtract(cluster.get(k)?.conns ?? ConnectionSet.NONE);
    if (byRepository.isEmpty && byCluster.isEmpty) continue;
    const evidence = checkable.filter((l) => covers(l.src, o.src) && covers(l.dst, o.dst)).flatMap((l) => l.evidence);
    blocked.push({ src: o.src, dst: o.dst, observed: o.conns, repository: byRepository, cluster: byCluster, evidence });
  }
  blocked.sort((a, b) => compareStrings(pairKey(a.src, a.dst), pairKey(b.src, b.dst)));
  return { blocked, checked: observed.size, notChecked };
}
