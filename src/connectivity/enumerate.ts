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
  const open = new OpenDestinations(engine, classes);
  // the peer ranks of each class's workloads, once
  const ranks = all.map((c) => c.workloads.map((w) => peers.workload(w)));
  for (const s of classes) {
    const srcRanks = ranks[s.id] as number[];
    const candidates = engine.openByDefault(s, 'egress') ? open.reachableFrom(s) : engine.allowCandidates(s, 'egress');
    candidates.forEach((id) => {
      const d = all[id] as PodClass;
      if (d.ingressController) return;
      const conns = engine.pairConns(s, d);
      if (conns.isEmpty) return;
      for (const dst of ranks[id] as number[]) for (const src of srcRanks) if (src !== dst) pairs.add(src, dst, conns);
    });
  }
  addExternal(engine, classes, peers, pairs);
  addIngressController(engine, peers, pairs);
  return pairs.sorted();
}

/**
 * What a source with open egress may reach: destinations whose ingress is open too, and those
 * whose ingress rules select the source. The rules are inverted once (class -> the subjects of
 * the rules selecting it), so a cluster without egress policies costs what its rules select,
 * not sources times rules. Rules selecting a large share of all classes (`namespaceSelector: {}`)
 * are not inverted but checked per source: their subjects are reachable from nearly every
 * source anyway, so that cost is bounded by the output.
 */
class OpenDestinations {
  private readonly openIngress: IdSet;
  private readonly broad: { readonly classes: IdSet; readonly subjects: readonly number[] }[] = [];
  private readonly selectedBy = new Map<number, (readonly number[])[]>();

  constructor(engine: PolicyEngine, classes: readonly PodClass[]) {
    const n = engine.classes.all.length;
    this.openIngress = IdSet.of(
      n,
      classes.filter((d) => engine.openByDefault(d, 'ingress')).map((d) => d.id),
    );
    for (const a of engine.binding.ingressAllowers) {
      if (a.subjects.length === 0 || a.classes.isEmpty) continue;
      if (a.classes.count * 32 >= n) {
        this.broad.push(a);
        continue;
      }
      for (const id of a.classes) {
        const list = this.selectedBy.get(id);
        if (list) list.push(a.subjects);
        else this.selectedBy.set(id, [a.subjects]);
      }
    }
  }

  reachableFrom(s: PodClass): IdSet {
    const selecting: number[] = [];
    for (const subjects of this.selectedBy.get(s.id) ?? []) for (const id of subjects) selecting.push(id);
    for (const a of this.broad) if (a.classes.has(s.id)) for (const id of a.subjects) selecting.push(id);
    return selecting.length === 0 ? this.openIngress : this.openIngress.union(IdSet.of(this.openIngress.size, selecting));
  }
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

/**
 * Allowed pairs by peer rank, in one bucket per source; a pair met twice (a workload with pods in
 * several classes) gets the union. Sorting is per bucket, by destination rank.
 */
class PairCollector {
  private readonly dsts: (number[] | undefined)[];
  private readonly conns: (ConnectionSet[] | undefined)[];

  constructor(private readonly index: PeerIndex) {
    this.dsts = new Array<number[] | undefined>(index.peers.length);
    this.conns = new Array<ConnectionSet[] | undefined>(index.peers.length);
  }

  add(src: number, dst: number, conns: ConnectionSet): void {
    if (conns.isEmpty) return;
    const d = this.dsts[src];
    if (d) {
      d.push(dst);
      (this.conns[src] as ConnectionSet[]).push(conns);
    } else {
      this.dsts[src] = [dst];
      this.conns[src] = [conns];
    }
  }

  sorted(): Connection[] {
    const out: Connection[] = [];
    const peers = this.index.peers;
    for (let src = 0; src < peers.length; src++) {
      const dsts = this.dsts[src];
      if (!dsts) continue;
      const conns = this.conns[src] as ConnectionSet[];
      const order = Uint32Array.from(dsts, (_, i) => i).sort((a, b) => (dsts[a] as number) - (dsts[b] as number));
      for (let i = 0; i < order.length; ) {
        const dst = dsts[order[i] as number] as number;
        let c = conns[order[i] as number] as ConnectionSet;
        let j = i + 1;
        for (; j < order.length && dsts[order[j] as number] === dst; j++) c = c.union(conns[order[j] as number] as ConnectionSet);
        out.push({ src: peers[src] as Peer, dst: peers[dst] as Peer, conns: c });
        i = j;
      }
      // the bucket is done: let it go before the next one grows the output
      this.dsts[src] = undefined;
      this.conns[src] = undefined;
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
    for (const d of engine.classes.classesOf(w.ref)) {
      // the backend's ingress and the controller's own egress (admin policies may select it)
      const allowed = engine.evaluate(d, 'ingress', { kind: 'class', cls: ic }).intersect(engine.evaluate(ic, 'egress', { kind: 'class', cls: d }));
      pairs.add(peers.ingressControllerRank, peers.workload(w.ref), ports.intersect(allowed));
    }
  }
}
