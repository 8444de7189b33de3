import { compareStrings, workloadKey, type Workload, type WorkloadRef } from '../manifests/cluster.js';
import type { ConnectionSet } from '../model/connection-set.js';
import type { Peer } from '../model/peer.js';

/**
 * Workloads a pull request moved or renamed. The connectivity diff keys pairs by workload, so a
 * workload moved to another namespace or renamed shows as one removed and one added, each with
 * every connection it has; a reviewer reads it better as one move and what the move changed.
 *
 * Pairing is conservative, so that two unrelated workloads are never presented as one:
 * - moved: the same kind and name in another namespace;
 * - renamed: the same kind and namespace, another name, and the same pods (labels and container
 *   ports, which is all policies see of a pod);
 * and in both cases the pairing must be the only one possible for both workloads.
 */
export type MoveHow = 'namespace' | 'name';

export interface WorkloadMove {
  /** The workload on the base side, and on the head side. */
  readonly from: WorkloadRef;
  readonly to: WorkloadRef;
  readonly how: MoveHow;
}

/**
 * What the move changed: a peer's connections with the workload, base (under its old key) against
 * head. External addresses are joined into maximal ranges of one answer.
 */
export interface MoveChange {
  /** Peers as on the head side (the moved workload, and any other moved one, under its new key). */
  readonly src: Peer;
  readonly dst: Peer;
  readonly before: ConnectionSet;
  readonly after: ConnectionSet;
}

export interface MovedWorkload extends WorkloadMove {
  /** Sorted by source then destination; empty when the workload kept every connection. */
  readonly changes: readonly MoveChange[];
}

/** What policies see of a workload's pods, as one comparable string. */
function podsSignature(w: Workload): string {
  const pods = w.pods.map((p) =>
    JSON.stringify([
      Object.entries(p.labels).sort(([a], [b]) => compareStrings(a, b)),
      p.ports.map((x) => `${x.name ?? ''}/${x.port}/${x.protocol}`).sort(),
      p.hostNetwork,
    ]),
  );
  return JSON.stringify([...new Set(pods)].sort());
}

/** Pairs of `items` grouped by `key` where the group holds exactly one of each side. */
function uniquePairs(removed: readonly Workload[], added: readonly Workload[], key: (w: Workload) => string): [Workload, Workload][] {
  const group = (ws: readonly Workload[]) => {
    const m = new Map<string, Workload[]>();
    for (const w of ws) m.set(key(w), [...(m.get(key(w)) ?? []), w]);
    return m;
  };
  const [r, a] = [group(removed), group(added)];
  const out: [Workload, Workload][] = [];
  for (const [k, rs] of r) {
    const as = a.get(k);
    if (rs.length === 1 && as?.length === 1) out.push([rs[0] as Workload, as[0] as Workload]);
  }
  return out;
}

/** The moves between the workloads of two sides, sorted by their base key. */
export function pairMovedWorkloads(before: readonly Workload[], after: readonly Workload[]): WorkloadMove[] {
  const beforeKeys = new Set(before.map((w) => workloadKey(w.ref)));
  const afterKeys = new Set(after.map((w) => workloadKey(w.ref)));
  let removed = before.filter((w) => !afterKeys.has(workloadKey(w.ref)));
  let added = after.filter((w) => !beforeKeys.has(workloadKey(w.ref)));
  const moves: WorkloadMove[] = [];
  const take = (pairs: [Workload, Workload][], how: MoveHow) => {
    for (const [b, a] of pairs) moves.push({ from: b.ref, to: a.ref, how });
    const paired = new Set(pairs.flat());
    removed = removed.filter((w) => !paired.has(w));
    added = added.filter((w) => !paired.has(w));
  };
  take(uniquePairs(removed, added, (w) => `${w.ref.kind}\u0000${w.ref.name}`), 'namespace');
  take(uniquePairs(removed, added, (w) => `${w.ref.kind}\u0000${w.ref.namespace}\u0000${podsSignature(w)}`), 'name');
  return moves.sort((x, y) => compareStrings(workloadKey(x.from), workloadKey(y.from)));
}
