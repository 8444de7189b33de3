import { compareStrings, workloadKey } from '../manifests/cluster.js';
import type { ConnectionSet } from '../model/connection-set.js';
import { peerKey, type Peer, type WorkloadRef } from '../model/peer.js';
import { Bitset } from './bitset.js';
import type { PodClass } from './classes.js';
import type { Connection, PolicyEngine } from './engine.js';

type Add = (src: Peer, dst: Peer, conns: ConnectionSet) => void;

const IC_KEY_OBJECT = {};

/**
 * Every allowed pair, sorted by source then destination key. Only candidate pairs that some rule
 * or an unisolated side makes possible are visited, once per pair of pod classes.
 */
export function enumerateConnections(engine: PolicyEngine): Connection[] {
  const classes = engine.classes.all.filter((c) => !c.ingressController);
  const openIngress = Bitset.of(
    engine.classes.all.length,
    classes.filter((d) => engine.openByDefault(d, 'ingress')).map((d) => d.id),
  );
  const pairs = new Map<string, { src: Peer; dst: Peer; conns: ConnectionSet }>();
  // peer keys are built once per workload or range object, not once per pair
  const keys = new Map<object, string>();
  const keyOf = (p: Peer): string => {
    const obj = p.kind === 'workload' ? p.ref : p.kind === 'external' ? p.range : IC_KEY_OBJECT;
    let k = keys.get(obj);
    if (k === undefined) keys.set(obj, (k = peerKey(p)));
    return k;
  };
  const add: Add = (src, dst, conns) => {
    if (conns.isEmpty) return;
    const key = `${keyOf(src)}\u0000${keyOf(dst)}`;
    const cur = pairs.get(key);
    if (cur) cur.conns = cur.conns.union(conns);
    else pairs.set(key, { src, dst, conns });
  };
  for (const s of classes) {
    let candidates: Iterable<number>;
    if (engine.openByDefault(s, 'egress')) {
      // an unrestricted source reaches destinations that are open, or whose ingress rules select it
      const set = openIngress.copy();
      for (const a of engine.binding.ingressAllowers) if (a.classes.has(s.id)) for (const id of a.subjects) set.add(id);
      candidates = set;
    } else {
      candidates = engine.allowCandidates(s, 'egress');
    }
    for (const id of candidates) {
      const d = engine.classes.all[id] as PodClass;
      if (d.ingressController) continue;
      const conns = engine.pairConns(s, d);
      if (conns.isEmpty) continue;
      for (const w1 of s.workloads) for (const w2 of d.workloads) if (w1 !== w2) add({ kind: 'workload', ref: w1 }, { kind: 'workload', ref: w2 }, conns);
    }
  }
  addExternal(engine, classes, add);
  addIngressController(engine, add);
  // the map keys are `src\0dst`, and '\0' sorts before every other character: sorting the keys sorts by src, then dst
  return [...pairs.keys()].sort(compareStrings).map((k) => {
    const { src, dst, conns } = pairs.get(k) as { src: Peer; dst: Peer; conns: ConnectionSet };
    return { src, dst, conns };
  });
}

/** Workload <-> address atoms: one line per atom, external space split at every boundary the policies mention. */
function addExternal(engine: PolicyEngine, classes: readonly PodClass[], add: Add): void {
  const perWorkload = new Map<string, { ref: WorkloadRef; out: ConnectionSet[]; in: ConnectionSet[] }>();
  for (const c of classes) {
    const out = engine.perAtom(c, 'egress');
    const inn = engine.perAtom(c, 'ingress');
    for (const w of c.workloads) {
      const key = workloadKey(w);
      const cur = perWorkload.get(key);
      if (!cur) perWorkload.set(key, { ref: w, out, in: inn });
      else {
        cur.out = cur.out.map((x, i) => x.union(out[i] as ConnectionSet));
        cur.in = cur.in.map((x, i) => x.union(inn[i] as ConnectionSet));
      }
    }
  }
  for (const { ref, out, in: inn } of perWorkload.values()) {
    engine.atoms.forEach((range, i) => {
      add({ kind: 'workload', ref }, { kind: 'external', range }, out[i] as ConnectionSet);
      add({ kind: 'external', range }, { kind: 'workload', ref }, inn[i] as ConnectionSet);
    });
  }
}

/** The ingress controller towards the backends of Ingress objects and Routes, on the ports they expose. */
function addIngressController(engine: PolicyEngine, add: Add): void {
  const ic = engine.classes.ingressController;
  if (!ic) return;
  for (const w of engine.cluster.workloads) {
    const ports = engine.exposure.ports.get(workloadKey(w.ref));
    if (!ports) continue;
    for (const d of engine.classes.byWorkload.get(workloadKey(w.ref)) ?? []) {
      add({ kind: 'ingress-controller' }, { kind: 'workload', ref: w.ref }, ports.intersect(engine.evaluate(d, 'ingress', { kind: 'class', cls: ic })));
    }
  }
}
