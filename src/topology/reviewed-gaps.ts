import { ConnectionSet } from '../model/connection-set.js';
import { peerKey, workloadKey } from '../model/peer.js';
import type { Link, Unresolved } from './links.js';
import { findAddresses } from './addresses.js';

/**
 * The manifests' unresolved addresses that a reviewed links file leaves open.
 *
 * A links file replaces the scan's links, but not what the manifests say the workload calls: an
 * address that resolved to nothing (a host outside the cluster, a Service not in the input, the API
 * server a RoleBinding implies) is still a call the policies would block. It stays a gap unless the
 * file adds, from that workload, a link the scan did not find on the address's port (the reviewer
 * wrote where it goes, e.g. the API server's address block on 443 or 6443); with no port known,
 * any added link from the workload closes it.
 */
export function unresolvedLeftOpen(unresolved: readonly Unresolved[], reviewed: readonly Link[], scanned: readonly Link[]): Unresolved[] {
  const found = new Map<string, ConnectionSet>();
  for (const l of scanned) found.set(`${peerKey(l.src)}\u0000${peerKey(l.dst)}`, (found.get(`${peerKey(l.src)}\u0000${peerKey(l.dst)}`) ?? ConnectionSet.NONE).union(l.conns));
  // per source workload: what the reviewer added beyond the scan
  const added = new Map<string, ConnectionSet>();
  for (const l of reviewed) {
    if (l.src.kind !== 'workload') continue;
    const extra = l.conns.subtract(found.get(`${peerKey(l.src)}\u0000${peerKey(l.dst)}`) ?? ConnectionSet.NONE);
    if (extra.isEmpty) continue;
    const k = workloadKey(l.src.ref);
    added.set(k, (added.get(k) ?? ConnectionSet.NONE).union(extra));
  }
  return unresolved.filter((u) => {
    const extra = added.get(workloadKey(u.workload));
    if (!extra) return true;
    const port = findAddresses(u.value).find((c) => c.port !== undefined && /^\d+$/.test(c.port))?.port;
    const n = Number(port);
    if (port === undefined || n < 1 || n > 65535) return false;
    let wanted = ConnectionSet.port('TCP', n);
    // the API server's Service port is 443; behind it, what policies see, kubeadm listens on 6443
    if (u.reason === 'api-server') wanted = wanted.union(ConnectionSet.port('TCP', 6443));
    return extra.intersect(wanted).isEmpty;
  });
}
