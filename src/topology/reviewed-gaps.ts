import { ConnectionSet } from '../model/connection-set.js';
import { linkKey } from '../connectivity/needs.js';
import { workloadKey, type Peer } from '../model/peer.js';
import type { Link, Unresolved } from './links.js';
import { connsAtDestination, OUTSIDE_REASONS, unresolvedConns } from './gaps.js';

/**
 * The manifests' unresolved addresses that a reviewed links file leaves open.
 *
 * A links file replaces the scan's links, but not what the manifests say the workload calls: an
 * address that resolved to nothing (a host outside the cluster, a Service not in the input, the API
 * server a RoleBinding implies, a mesh's control plane) is still a call the policies would block. It
 * stays a gap unless the file adds, from that workload, a link the scan did not find that can be
 * that call: towards an address block for a destination outside the cluster, towards a workload
 * of the gap's namespace when it names one (a mesh's control plane, `svc.other-ns`), and on the
 * address's port (the gap's own, or the one written in the value; 6443 also for the API server's
 * 443). With no port known, a link of the right kind on any port closes it.
 */
export function unresolvedLeftOpen(unresolved: readonly Unresolved[], reviewed: readonly Link[], scanned: readonly Link[]): Unresolved[] {
  const found = new Map<string, ConnectionSet>();
  for (const l of scanned) found.set(linkKey(l), (found.get(linkKey(l)) ?? ConnectionSet.NONE).union(l.conns));
  // per source workload: what the reviewer added beyond the scan, link by link
  const added = new Map<string, { dst: Peer; conns: ConnectionSet }[]>();
  for (const l of reviewed) {
    if (l.src.kind !== 'workload') continue;
    const extra = l.conns.subtract(found.get(linkKey(l)) ?? ConnectionSet.NONE);
    if (extra.isEmpty) continue;
    const k = workloadKey(l.src.ref);
    const list = added.get(k) ?? [];
    list.push({ dst: l.dst, conns: extra });
    added.set(k, list);
  }
  return unresolved.filter((u) => {
    const links = added.get(workloadKey(u.workload));
    if (!links) return true;
    const own = unresolvedConns(u);
    const wanted = own === undefined ? undefined : connsAtDestination(u.reason, own);
    const closes = links.some(({ dst, conns }) => {
      if (OUTSIDE_REASONS.has(u.reason) ? dst.kind !== 'external' : u.namespace !== undefined && (dst.kind !== 'workload' || dst.ref.namespace !== u.namespace)) return false;
      return wanted === undefined || !conns.intersect(wanted).isEmpty;
    });
    return !closes;
  });
}
