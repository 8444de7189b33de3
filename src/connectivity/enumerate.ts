import { compareStrings, workloadKey } from '../manifests/cluster.js';
import type { ConnectionSet } from '../model/connection-set.js';
import { peerKey, type Peer, type WorkloadRef } from '../model/peer.js';
import { IdSet } from './id-set.js';
import type { PodClass } from './classes.js';
import type { Connection, PolicyEngine } from './engine.js';

/**
 * Every allowed pair, sorted by source then destination key. Only candidate pairs that some rule
 * or an unisolated side makes possible are visited, once per pair of pod classes.
 */
export function enumerateConnections(engine: PolicyEngine): Connection[] {
  const peers = new PeerIndex(engine);
  const pairs = new PairCollector(peers);
  const all = engine.classes.all;
  const classes = all.filter((c) => !c.ingressController);
  const openIngress = IdSet.of(
    all.length,
    classes.filter((d) => engine.openByDefault(d, 'ingress')).map((d) => d.id),
  );
  for (const s of classes) {
    const srcRanks = s.workloads.map((w) => peers.workload(w));
    for (const id of candidates(engine, s, openIngress)) {
      const d = all[id] as PodClass;
      if (d.ingressController) continue;
      const conns = engine.pairConns(s, d);
      if (conns.isEmpty) continue;
      for (const w2 of d.workloads) {
        const dst = peers.workload(w2);
        for (const src of srcRanks) if (src !== dst) pairs.add(src, dst, conns);
      }
    }
  }
  addExternal(engine, classes, peers, pairs);
  addIngressController(engine, peers, pairs);
  return pairs.sorted();
}

/** The destination classes `s` may reach: those its egress rules allow, or, when its egress is open, those open to it. */
function candidates(engine: PolicyEngine, s: PodClass, openIngress: IdSet): Iterable<number> {
  if (!engine.openByDefault(s, 'egress')) return engine.allowCandidates(s, 'egress');
  // an unrestricted source reaches destinations that are open, or whose ingress rules select it
  const selecting: number[] = [];
  for (const a of engine.binding.ingressAllowers) if (a.classes.has(s.id)) for (const id of a.subjects) selecting.push(id);
  return openIngress.union(IdSet.of(openIngress.size, selecting));
}

/**
 * Every peer of the output with its rank in peer-key order: workloads, address atoms and the
 * ingress controller. A pair is then two numbers, so collecting and sorting pairs builds no
 * string per pair, and each Peer object is made once and shared by all its lines.
 */
class PeerIndex {
  readonly peers: Peer[];
  private readonly byWorkload = new Map<WorkloadRef, number>();
  private readonly atomRanks: number[];
  readonly ingressControllerRank: number;

  constructor(engine: PolicyEngine) {
    const entries: { key: string; peer: Peer }[] = [];
    for (const w of engine.cluster.workloads) entries.push({ key: workloadKey(w.ref), peer: { kind: 'workload', ref: w.ref } });
    for (const range of engine.atoms) entries.push({ key: peerKey({ kind: 'external', range }), peer: { kind: 'external', range } });
    const ic: Peer = { kind: 'ingress-controller' };
    entries.push({ key: peerKey(ic), peer: ic });
    const order = entries.map((_, i) => i).sort((a, b) => compareStrings((entries[a] as { key: string }).key, (entries[b] as { key: string }).key));
    this.peers = order.map((i) => (entries[i] as { peer: Peer }).peer);
    const rankOf = new Array<number>(entries.length);
    order.forEach((i, rank) => (rankOf[i] = rank));
    const nWorkloads = engine.cluster.workloads.length;
    engine.cluster.workloads.forEach((w, i) => this.byWorkload.set(w.ref, rankOf[i] as number));
    this.atomRanks = engine.atoms.map((_, i) => rankOf[nWorkloads + i] as number);
    this.ingressControllerRank = rankOf[entries.length - 1] as number;
  }

  workload(ref: WorkloadRef): number {
    const rank = this.byWorkload.get(ref);
    if (rank === undefined) throw new Error(`bug: ${workloadKey(ref)} is not a workload of the cluster`);
    return rank;
  }

  atom(i: number): number {
    return this.atomRanks[i] as number;
  }
}

/** Allowed pairs by peer rank; a pair met twice (a workload with pods in several classes) gets the union. */
class PairCollector {
  private readonly keys: number[] = [];
  private readonly conns: ConnectionSet[] = [];

  constructor(private readonly index: PeerIndex) {}

  add(src: number, dst: number, conns: ConnectionSet): void {
    if (conns.isEmpty) return;
    // ranks are below 2^26 in any realistic input, so the product stays an exact integer
    this.keys.push(src * this.index.peers.length + dst);
    this.conns.push(conns);
  }

  sorted(): Connection[] {
    const { keys, conns } = this;
    const order = Uint32Array.from(keys, (_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number));
    const n = this.index.peers.length;
    const out: Connection[] = [];
    for (let i = 0; i < order.length; ) {
      const key = keys[order[i] as number] as number;
      let c = conns[order[i] as number] as ConnectionSet;
      let j = i + 1;
      for (; j < order.length && keys[order[j] as number] === key; j++) c = c.union(conns[order[j] as number] as ConnectionSet);
      const src = Math.floor(key / n);
      out.push({ src: this.index.peers[src] as Peer, dst: this.index.peers[key - src * n] as Peer, conns: c });
      i = j;
    }
    return out;
  }
}

/** Workload <-> address atoms: one line per atom, external space split at every boundary the policies mention. */
function addExternal(engine: PolicyEngine, classes: readonly PodClass[], peers: PeerIndex, pairs: PairCollector): void {
  const perWorkload = new Map<WorkloadRef, { out: ConnectionSet[]; in: ConnectionSet[] }>();
  for (const c of classes) {
    const out = engine.perAtom(c, 'egress');
    const inn = engine.perAtom(c, 'ingress');
    for (const w of c.workloads) {
      const cur = perWorkload.get(w);
      if (!cur) perWorkload.set(w, { out, in: inn });
      else {
        cur.out = cur.out.map((x, i) => x.union(out[i] as ConnectionSet));
        cur.in = cur.in.map((x, i) => x.union(inn[i] as ConnectionSet));
      }
    }
  }
  for (const [ref, { out, in: inn }] of perWorkload) {
    const w = peers.workload(ref);
    for (let i = 0; i < engine.atoms.length; i++) {
      pairs.add(w, peers.atom(i), out[i] as ConnectionSet);
      pairs.add(peers.atom(i), w, inn[i] as ConnectionSet);
    }
  }
}

/** The ingress controller towards the backends of Ingress objects and Routes, on the ports they expose. */
function addIngressController(engine: PolicyEngine, peers: PeerIndex, pairs: PairCollector): void {
  const ic = engine.classes.ingressController;
  if (!ic) return;
  for (const w of engine.cluster.workloads) {
    const key = workloadKey(w.ref);
    const ports = engine.exposure.ports.get(key);
    if (!ports) continue;
    for (const d of engine.classes.byWorkload.get(key) ?? []) {
      pairs.add(peers.ingressControllerRank, peers.workload(w.ref), ports.intersect(engine.evaluate(d, 'ingress', { kind: 'class', cls: ic })));
    }
  }
}
