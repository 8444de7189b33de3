import { addressText, type IpBlock } from '../../connectivity/address-text.js';
import { decisions, type Cause, type CauseFinder, type SelectorChange } from '../../connectivity/causes.js';
import { workloadsInfo, type ConnectivityDiff, type ConnectivityDiffEntry } from '../../connectivity/diff.js';
import type { EntryExplanation } from '../../connectivity/explain.js';
import { compareStrings } from '../../manifests/cluster.js';
import type { IpRange } from '../../model/ip.js';
import { peerKey, type Peer } from '../../model/peer.js';
import type { ChangeItem } from './types.js';

/** A cause shared by the entries of a group: the selectors it flips, over all of them. */
export function mergeSelectors(a: Cause, b: Cause): Cause {
  if (!('selectors' in a) || !('selectors' in b) || b.selectors.length === 0) return a;
  const all = new Map<string, SelectorChange>();
  for (const x of [...a.selectors, ...b.selectors]) all.set(`${x.rule === 'subject' ? 0 : 1}\u0000${x.policy}\u0000${x.rule}\u0000${x.field}`, x);
  const selectors = [...all.entries()].sort(([m], [n]) => compareStrings(m, n)).map(([, x]) => x);
  return { ...a, selectors };
}

function isOutsidePeer(p: Peer): boolean {
  return p.kind === 'external' || p.kind === 'ingress-controller' || p.kind === 'gateway';
}

export function isOutsideSource(e: ConnectivityDiffEntry): boolean {
  return isOutsidePeer(e.src);
}

/**
 * The report lines of a group: one per in-cluster pair; entries between one workload and adjacent
 * address atoms with the same answer joined into one line, the addresses written as the policies do.
 */
export function itemsOf(
  diff: ConnectivityDiff,
  explanations: readonly EntryExplanation[],
  entries: readonly number[],
  index: CauseFinder['policies'],
  blocks: readonly IpBlock[],
): ChangeItem[] {
  const joined = new Map<string, { indexes: number[]; ranges: IpRange[] }>();
  const order: string[] = [];
  for (const i of entries) {
    const e = diff.entries[i] as ConnectivityDiffEntry;
    const ext = e.src.kind === 'external' ? 'src' : e.dst.kind === 'external' ? 'dst' : undefined;
    const key = ext
      ? `${ext}\u0000${peerKey(ext === 'src' ? e.dst : e.src)}\u0000${e.kind}\u0000${e.before.key}\u0000${e.after.key}`
      : `pair\u0000${peerKey(e.src)}\u0000${peerKey(e.dst)}`;
    let j = joined.get(key);
    if (!j) {
      joined.set(key, (j = { indexes: [], ranges: [] }));
      order.push(key);
    }
    j.indexes.push(i);
    const p = ext === 'src' ? e.src : ext === 'dst' ? e.dst : undefined;
    if (p && p.kind === 'external') j.ranges.push(p.range);
  }
  return order.map((key) => {
    const { indexes, ranges } = joined.get(key) as { indexes: number[]; ranges: IpRange[] };
    const first = diff.entries[indexes[0] as number] as ConnectivityDiffEntry;
    const text = (p: Peer) => (p.kind === 'external' ? addressText(ranges, blocks) : peerKey(p));
    const interest = first.gained.union(first.lost);
    const x = explanations[indexes[0] as number];
    return {
      entries: indexes,
      kind: first.kind,
      src: text(first.src),
      dst: text(first.dst),
      outside: isOutsidePeer(first.src) || isOutsidePeer(first.dst),
      before: first.before,
      after: first.after,
      gained: first.gained,
      lost: first.lost,
      ...(workloadsInfo(first) ? { workloadsInfo: workloadsInfo(first) as string } : {}),
      why: { base: decisions(index.before, x?.before, interest), head: decisions(index.after, x?.after, interest) },
    };
  });
}
