import { compareStrings, workloadKey } from '../manifests/cluster.js';
import { ConnectionSet } from '../model/connection-set.js';
import { peerKey, type Connectivity, type Peer } from './engine.js';
import { atomize, type IpFamily, type IpRange } from '../model/ip.js';
import type { MoveChange, MovedWorkload, WorkloadMove } from './diff-moves.js';

export type DiffKind = 'changed' | 'added' | 'removed';

export interface ConnectivityDiffEntry {
  readonly kind: DiffKind;
  readonly src: Peer;
  readonly dst: Peer;
  readonly before: ConnectionSet;
  readonly after: ConnectionSet;
  /** Newly allowed (after minus before) and no longer allowed (before minus after). */
  readonly gained: ConnectionSet;
  readonly lost: ConnectionSet;
  /**
   * Workloads of this entry that exist on one side only (for an `added` entry, new on the after
   * side; for a `removed` one, gone from it), as `ns/name[Kind]` keys.
   */
  readonly oneSided?: readonly string[];
}

/** netpol-analyzer's `workloads-diff-info` prose for an entry: `workload X added`, `workload X and Y removed`. */
export function workloadsInfo(e: ConnectivityDiffEntry): string | undefined {
  return e.oneSided && e.oneSided.length > 0 ? `workload ${e.oneSided.join(' and ')} ${e.kind}` : undefined;
}

export interface ConnectivityDiff {
  readonly entries: readonly ConnectivityDiffEntry[];
  readonly addedWorkloads: readonly string[];
  readonly removedWorkloads: readonly string[];
  /**
   * Removed workloads paired with added ones as moves or renames (diff-moves.ts), each with what
   * the move changed; their entries stay as they are (removed and added), as netpol-analyzer's.
   */
  readonly moved: readonly MovedWorkload[];
}

const KIND_ORDER: Record<DiffKind, number> = { changed: 0, added: 1, removed: 2 };

/**
 * The semantic difference of two connectivity maps. External address space is refined into
 * atoms cut at the boundaries of both sides, so that a pair is compared address by address
 * whatever ranges each side printed, and reported per atom.
 */
export function diffConnectivity(before: Connectivity, after: Connectivity, moves: readonly WorkloadMove[] = []): ConnectivityDiff {
  // the engine shares one range object per atom among its lines: a set of objects keeps the cuts few
  const cuts = new Set<IpRange>([...before.ipRanges, ...after.ipRanges]);
  for (const side of [before, after]) {
    for (const c of side.connections) {
      if (c.src.kind === 'external') cuts.add(c.src.range);
      if (c.dst.kind === 'external') cuts.add(c.dst.range);
    }
  }
  const families = [...new Set([...cuts].map((r) => r.family))] as IpFamily[];
  const atoms = atomize([...cuts], families);
  const keys = new PeerIds();
  const a = refineKeyed(before, atoms, (src, dst) => keys.pair(src, dst));
  const b = refineKeyed(after, atoms, (src, dst) => keys.pair(src, dst));
  const beforeWorkloads = new Set(before.workloads.map(workloadKey));
  const afterWorkloads = new Set(after.workloads.map(workloadKey));

  // per pair (with externals at atom granularity), the before/after connections
  const raw: { kind: DiffKind; src: Peer; dst: Peer; before: ConnectionSet; after: ConnectionSet }[] = [];
  // forEach, not for-of: a [key, value] array per pair (tens of thousands a side) is not made
  a.forEach((x, key) => {
    const y = b.get(key);
    const conns = y?.conns ?? ConnectionSet.NONE;
    if (!conns.equals(x.conns)) raw.push({ kind: conns.isEmpty ? 'removed' : 'changed', src: x.src, dst: x.dst, before: x.conns, after: conns });
  });
  b.forEach((y, key) => {
    if (!a.has(key)) raw.push({ kind: 'added', src: y.src, dst: y.dst, before: ConnectionSet.NONE, after: y.conns });
  });

  const info = (p: Peer, kind: DiffKind): string | undefined => {
    if (p.kind !== 'workload') return undefined;
    const k = workloadKey(p.ref);
    if (kind === 'added' && !beforeWorkloads.has(k)) return k;
    if (kind === 'removed' && !afterWorkloads.has(k)) return k;
    return undefined;
  };
  const entries: ConnectivityDiffEntry[] = raw.map((e) => {
    const names = [info(e.src, e.kind), info(e.dst, e.kind)].filter((x): x is string => x !== undefined);
    const withDelta = { ...e, gained: e.after.subtract(e.before), lost: e.before.subtract(e.after) };
    return names.length === 0 ? withDelta : { ...withDelta, oneSided: names };
  });
  const sortKey = new Map(entries.map((e) => [e, `${KIND_ORDER[e.kind]}\u0000${peerKey(e.src)}\u0000${peerKey(e.dst)}`]));
  entries.sort((x, y) => compareStrings(sortKey.get(x) as string, sortKey.get(y) as string));
  const addedWorkloads = [...afterWorkloads].filter((k) => !beforeWorkloads.has(k)).sort();
  const removedWorkloads = [...beforeWorkloads].filter((k) => !afterWorkloads.has(k)).sort();
  // a move pairs a removed workload with an added one, nothing else
  const real = moves.filter((m) => removedWorkloads.includes(workloadKey(m.from)) && addedWorkloads.includes(workloadKey(m.to)));
  return { entries, addedWorkloads, removedWorkloads, moved: real.map((m) => ({ ...m, changes: moveChanges(entries, real, m) })) };
}

/**
 * What a move changed, from the entries: every pair of the old workload is a removed entry and
 * every pair of the new one an added entry, so a peer's connections with the workload before and
 * after the move are the two entries' sides. Peers are named as on the head side (another moved
 * workload by its new key), so that a pair the move kept compares equal; external atoms of one
 * answer are joined back into maximal ranges.
 */
function moveChanges(entries: readonly ConnectivityDiffEntry[], moves: readonly WorkloadMove[], m: WorkloadMove): MoveChange[] {
  const headPeer = new Map<string, Peer>(moves.map((x) => [workloadKey(x.from), { kind: 'workload', ref: x.to }]));
  const [from, to] = [workloadKey(m.from), workloadKey(m.to)];
  const sides = new Map<string, { src: Peer; dst: Peer; before: ConnectionSet; after: ConnectionSet }>();
  const at = (src: Peer, dst: Peer) => {
    const k = `${peerKey(src)}\u0000${peerKey(dst)}`;
    let x = sides.get(k);
    if (!x) sides.set(k, (x = { src, dst, before: ConnectionSet.NONE, after: ConnectionSet.NONE }));
    return x;
  };
  const rename = (p: Peer) => (p.kind === 'workload' ? (headPeer.get(workloadKey(p.ref)) ?? p) : p);
  for (const e of entries) {
    const [src, dst] = [peerKey(e.src), peerKey(e.dst)];
    if (src === from || dst === from) at(rename(e.src), rename(e.dst)).before = e.before;
    if (src === to || dst === to) at(e.src, e.dst).after = e.after;
  }
  const changed = [...sides.values()].filter((x) => !x.before.equals(x.after));
  return joinExternals(changed).sort((x, y) => compareStrings(`${peerKey(x.src)}\u0000${peerKey(x.dst)}`, `${peerKey(y.src)}\u0000${peerKey(y.dst)}`));
}

/** Adjacent external ranges with the same other end and the same two answers, as one range. */
function joinExternals(changes: readonly MoveChange[]): MoveChange[] {
  const out: MoveChange[] = [];
  const runs = new Map<string, MoveChange[]>();
  for (const c of changes) {
    const ext = c.src.kind === 'external' ? 'src' : c.dst.kind === 'external' ? 'dst' : undefined;
    if (!ext) {
      out.push(c);
      continue;
    }
    const other = ext === 'src' ? c.dst : c.src;
    const k = `${ext}\u0000${peerKey(other)}\u0000${c.before.toString()}\u0000${c.after.toString()}`;
    runs.set(k, [...(runs.get(k) ?? []), c]);
  }
  for (const run of runs.values()) {
    const range = (c: MoveChange) => ((c.src.kind === 'external' ? c.src : c.dst) as Extract<Peer, { kind: 'external' }>).range;
    const sorted = [...run].sort((x, y) => range(x).family - range(y).family || (range(x).lo < range(y).lo ? -1 : range(x).lo > range(y).lo ? 1 : 0));
    let cur: MoveChange | undefined;
    for (const c of sorted) {
      const r = range(c);
      const prev = cur ? range(cur) : undefined;
      if (cur && prev && prev.family === r.family && prev.hi + 1n === r.lo) {
        const joined: Peer = { kind: 'external', range: { family: r.family, lo: prev.lo, hi: r.hi } };
        cur = cur.src.kind === 'external' ? { ...cur, src: joined } : { ...cur, dst: joined };
        continue;
      }
      if (cur) out.push(cur);
      cur = c;
    }
    if (cur) out.push(cur);
  }
  return out;
}

export type Row = { src: Peer; dst: Peer; conns: ConnectionSet };

/**
 * A small number per distinct peer key, so that a pair is one number: comparing two sides of
 * 100,000 lines then builds no key string per line. Keys are computed once per workload and
 * per range object.
 */
class PeerIds {
  private readonly ids = new Map<string, number>();
  private readonly byObject = new Map<object, number>();

  of(p: Peer): number {
    const obj = p.kind === 'workload' ? p.ref : p.kind === 'external' ? p.range : undefined;
    let id = obj ? this.byObject.get(obj) : undefined;
    if (id !== undefined) return id;
    const key = peerKey(p);
    id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    if (obj) this.byObject.set(obj, id);
    return id;
  }

  /** One number per (src, dst): ids stay far below 2^26, so the product is an exact integer. */
  pair(src: Peer, dst: Peer): number {
    return this.of(src) * PAIR_BASE + this.of(dst);
  }
}

const PAIR_BASE = 2 ** 26;

/** Expands every external range into the atoms it covers, pairs keyed by `pairKey`; one peer object per atom. */
function refineKeyed<K>(c: Connectivity, atoms: readonly IpRange[], pairKey: (src: Peer, dst: Peer) => K): Map<K, Row> {
  const out = new Map<K, Row>();
  const atomPeers = new Map<IpRange, Peer>();
  const atomPeer = (range: IpRange): Peer => {
    let p = atomPeers.get(range);
    if (!p) atomPeers.set(range, (p = { kind: 'external', range }));
    return p;
  };
  const put = (src: Peer, dst: Peer, conns: ConnectionSet) => {
    const key = pairKey(src, dst);
    const cur = out.get(key);
    out.set(key, { src, dst, conns: cur ? cur.conns.union(conns) : conns });
  };
  for (const x of c.connections) {
    if (x.src.kind === 'external') for (const atom of within(atoms, x.src.range)) put(atomPeer(atom), x.dst, x.conns);
    else if (x.dst.kind === 'external') for (const atom of within(atoms, x.dst.range)) put(x.src, atomPeer(atom), x.conns);
    else put(x.src, x.dst, x.conns);
  }
  return out;
}

/** Expands every external range into the atoms it covers, pairs keyed by their peer keys (also used by repo drift). */
export function refine(c: Connectivity, atoms: readonly IpRange[]): Map<string, Row> {
  // keys once per workload and range object (formatting an address range is not cheap)
  const keys = new Map<object, string>();
  const keyOf = (p: Peer): string => {
    const obj = p.kind === 'workload' ? p.ref : p.kind === 'external' ? p.range : undefined;
    if (!obj) return peerKey(p);
    let k = keys.get(obj);
    if (k === undefined) keys.set(obj, (k = peerKey(p)));
    return k;
  };
  return refineKeyed(c, atoms, (src, dst) => `${keyOf(src)}\u0000${keyOf(dst)}`);
}

function within(atoms: readonly IpRange[], range: IpRange): IpRange[] {
  // atoms are sorted by family then lo; binary search the first atom at or after range.lo
  let lo = 0;
  let hi = atoms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = atoms[mid] as IpRange;
    if (m.family < range.family || (m.family === range.family && m.hi < range.lo)) lo = mid + 1;
    else hi = mid;
  }
  const out: IpRange[] = [];
  for (let i = lo; i < atoms.length; i++) {
    const a = atoms[i] as IpRange;
    if (a.family !== range.family || a.lo > range.hi) break;
    out.push(a);
  }
  return out;
}
