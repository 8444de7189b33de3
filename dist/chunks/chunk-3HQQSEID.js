import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  ConnectionSet,
  DEFAULT_NAMESPACE,
  IntervalSet,
  NAMESPACE_NAME_LABEL,
  atomize,
  compareStrings,
  formatRange,
  fullRange,
  ingressExposure,
  isEmptySelector,
  labelsKey,
  originRef,
  parseCidr,
  peerKey,
  rangeContains,
  selectorKey,
  selectorMatches,
  workloadKey
} from "./chunk-YS4F6JR5.js";
import {
  Codes,
  appendAll,
  diag
} from "./chunk-TZ6IWUHF.js";

// src/connectivity/id-set.ts
var IdSet = class _IdSet {
  constructor(size, count, ids, words) {
    this.size = size;
    this.count = count;
    this.ids = ids;
    this.words = words;
  }
  size;
  count;
  ids;
  words;
  static empty(size) {
    return new _IdSet(size, 0, new Uint32Array(0), void 0);
  }
  static full(size) {
    const words = new Uint32Array(size + 31 >>> 5).fill(4294967295);
    const extra = words.length * 32 - size;
    if (extra > 0) words[words.length - 1] = 4294967295 >>> extra;
    return _IdSet.fromWords(size, words, size);
  }
  /** The set of `ids` (any order, duplicates allowed; each must be in [0, size)). */
  static of(size, ids) {
    const sorted = Uint32Array.from(ids).sort();
    return _IdSet.fromSorted(size, sorted);
  }
  /** The union of many sets of one universe, in one pass (no intermediate sets). */
  static unionAll(size, sets) {
    const list = [];
    let total = 0;
    for (const s of sets) {
      if (s.count === 0) continue;
      if (s.count === size) return s;
      list.push(s);
      total += s.count;
    }
    if (list.length === 0) return _IdSet.empty(size);
    if (list.length === 1) return list[0];
    if (!_IdSet.dense(size, total)) {
      const all = new Uint32Array(total);
      let at = 0;
      for (const s of list) {
        all.set(s.ids, at);
        at += s.count;
      }
      return _IdSet.fromSorted(size, all.sort());
    }
    const words = new Uint32Array(size + 31 >>> 5);
    for (const s of list) s.orInto(words);
    return _IdSet.fromWords(size, words, popcount(words));
  }
  has(id) {
    if (this.words) return (this.words[id >>> 5] & 1 << (id & 31)) !== 0;
    const ids = this.ids;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = lo + hi >>> 1;
      const x = ids[mid];
      if (x < id) lo = mid + 1;
      else if (x > id) hi = mid - 1;
      else return true;
    }
    return false;
  }
  union(other) {
    return _IdSet.unionAll(this.size, [this, other]);
  }
  get isEmpty() {
    return this.count === 0;
  }
  /** Calls `f` with each id in ascending order (without an iterator object per id: hot loops use this). */
  forEach(f) {
    if (this.ids) {
      for (let i = 0; i < this.ids.length; i++) f(this.ids[i]);
      return;
    }
    const words = this.words;
    for (let i = 0; i < words.length; i++) {
      let w = words[i];
      while (w !== 0) {
        f(i * 32 + (31 - Math.clz32(w & -w)));
        w &= w - 1;
      }
    }
  }
  /** The ids in ascending order. */
  *[Symbol.iterator]() {
    if (this.ids) {
      yield* this.ids;
      return;
    }
    const words = this.words;
    for (let i = 0; i < words.length; i++) {
      let w = words[i];
      while (w !== 0) {
        yield i * 32 + (31 - Math.clz32(w & -w));
        w &= w - 1;
      }
    }
  }
  /** Sets this set's bits in `words` (a dense buffer of the same universe). */
  orInto(words) {
    if (this.words) {
      for (let i = 0; i < words.length; i++) words[i] = words[i] | this.words[i];
      return;
    }
    for (const id of this.ids) words[id >>> 5] = words[id >>> 5] | 1 << (id & 31);
  }
  /** Dense once the words take less memory than the ids would. */
  static dense(size, count) {
    return count * 32 >= size && count > 0;
  }
  static fromSorted(size, sorted) {
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (n === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i];
    const ids = n === sorted.length ? sorted : sorted.slice(0, n);
    if (!_IdSet.dense(size, n)) return new _IdSet(size, n, ids, void 0);
    const words = new Uint32Array(size + 31 >>> 5);
    for (const id of ids) words[id >>> 5] = words[id >>> 5] | 1 << (id & 31);
    return _IdSet.fromWords(size, words, n);
  }
  static fromWords(size, words, count) {
    if (_IdSet.dense(size, count)) return new _IdSet(size, count, void 0, words);
    const ids = new Uint32Array(count);
    let at = 0;
    for (let i = 0; i < words.length; i++) {
      let w = words[i];
      while (w !== 0) {
        ids[at++] = i * 32 + (31 - Math.clz32(w & -w));
        w &= w - 1;
      }
    }
    return new _IdSet(size, count, ids, void 0);
  }
};
function popcount(words) {
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    w -= w >>> 1 & 1431655765;
    w = (w & 858993459) + (w >>> 2 & 858993459);
    n += (w + (w >>> 4) & 252645135) * 16843009 >>> 24;
  }
  return n;
}

// src/connectivity/cluster-ranges.ts
var overlaps = (a, b) => a.family === b.family && a.lo <= b.hi && b.lo <= a.hi;
function coversPodNetwork(peer, pods) {
  return pods.length > 0 && pods.every((p) => peer.include.some((r) => rangeContains(r, p)) && !peer.exclude.some((x) => overlaps(x, p)));
}
function insideCluster(atom, ranges) {
  return ranges !== void 0 && [...ranges.pods, ...ranges.services].some((r) => rangeContains(r, atom));
}
function addressPeers(p) {
  const out = [];
  for (const d of ["ingress", "egress"]) for (const r of p.rules[d]) for (const m of r.peers) if (m.kind === "ip") out.push({ direction: d, index: r.ref.index, peer: m });
  return out;
}
function clusterRangeWarnings(policies, families, ranges) {
  const out = [];
  for (const p of policies) {
    const peers = addressPeers(p);
    if (peers.length === 0) continue;
    const warned = /* @__PURE__ */ new Set();
    for (const { direction, index, peer } of peers) {
      const key = `${direction}${index}`;
      if (warned.has(key)) continue;
      const at = () => originRef(p.origin, ["spec", direction, index]);
      if (!ranges || ranges.pods.length === 0) {
        const everything = peer.include.find((r) => families.includes(r.family) && rangeContains(r, fullRange(r.family)));
        if (everything) {
          warned.add(key);
          const cidr = everything.family === 4 ? "0.0.0.0/0" : "::/0";
          out.push(
            diag(Codes.podTrafficNotModelled, "warning", `${cidr} also covers pod addresses; the pod-to-pod traffic it seems to ${direction === "ingress" ? "admit" : "allow"} is not modelled (address peers match only addresses outside the cluster)`, at(), "give --pod-cidr to apply it to pods")
          );
        }
      } else if (!coversPodNetwork(peer, ranges.pods)) {
        const partial = ranges.pods.find((pr) => peer.include.some((r) => overlaps(r, pr)) && !peer.include.some((r) => rangeContains(r, pr) && !peer.exclude.some((x) => overlaps(x, pr))));
        if (partial) {
          warned.add(key);
          out.push(diag(Codes.podTrafficNotModelled, "warning", `covers part of the pod network ${formatRange(partial)}; pod addresses inside it are unknown, so it matches no pod`, at()));
        }
      }
    }
  }
  return out;
}

// src/connectivity/binding.ts
function bindPolicies(policies, classes, atoms, podNetwork) {
  const rules = /* @__PURE__ */ new Map();
  const ingressAllowers = [];
  const diagnostics = [];
  const nClasses = classes.all.length;
  const nAtoms = atoms.length;
  const allClasses = IdSet.full(nClasses);
  const allAtoms = IdSet.full(nAtoms);
  const noAtoms = IdSet.empty(nAtoms);
  const noClasses = IdSet.empty(nClasses);
  const selected = /* @__PURE__ */ new Map();
  const classSet = (ids) => {
    let b = selected.get(ids);
    if (!b) selected.set(ids, b = IdSet.of(nClasses, ids));
    return b;
  };
  const rulesOf = (cls) => {
    let r = rules.get(cls.id);
    if (!r) {
      r = { ingress: { admin: [], np: [], baseline: [], isolatedBy: [] }, egress: { admin: [], np: [], baseline: [], isolatedBy: [] } };
      rules.set(cls.id, r);
    }
    return r;
  };
  const bindRule = (rule, policy) => {
    if (rule.peers.some((p) => p.kind === "any")) return { rule, policy, classes: allClasses, atoms: allAtoms };
    const classParts = [];
    let atomSet = noAtoms;
    for (const peer of rule.peers) {
      if (peer.kind === "pods") classParts.push(classSet(classes.select(peer.namespaces, peer.pods)));
      else if (peer.kind === "ip") {
        if (podNetwork && coversPodNetwork(peer, podNetwork)) classParts.push(allClasses);
        const ids = atoms.flatMap((atom, i) => peer.include.some((r) => rangeContains(r, atom)) && !peer.exclude.some((r) => rangeContains(r, atom)) ? [i] : []);
        atomSet = atomSet.union(IdSet.of(nAtoms, ids));
      }
    }
    const classBits = classParts.length === 0 ? noClasses : IdSet.unionAll(nClasses, classParts);
    return { rule, policy, classes: classBits, atoms: atomSet };
  };
  for (const policy of policies) {
    const subjects = classes.select(policy.subject.namespaces, policy.subject.pods);
    const subjectIds = subjects.filter((id) => !classes.all[id].ingressController);
    for (const direction of ["ingress", "egress"]) {
      if (!policy.governs[direction]) continue;
      const bound = policy.rules[direction].map((r) => bindRule(r, policy));
      for (const id of subjectIds) {
        const dr = rulesOf(classes.all[id])[direction];
        const list = policy.layer === "admin" ? dr.admin : policy.layer === "np" ? dr.np : dr.baseline;
        for (const b of bound) list.push(b);
        if (policy.layer === "np") dr.isolatedBy.push(policy);
      }
      if (direction === "ingress" && policy.layer !== "baseline") {
        for (const b of bound) if (b.rule.action !== "deny") ingressAllowers.push({ classes: b.classes, subjects: subjectIds });
      }
      diagnostics.push(...unresolvedNamedPorts(bound, subjects, direction, classes));
    }
  }
  return { rules, ingressAllowers, diagnostics };
}
function unresolvedNamedPorts(bound, subjects, direction, classes) {
  const out = [];
  for (const b of bound) {
    if (b.rule.ports.named.length === 0) continue;
    const dsts = direction === "ingress" ? subjects : [...b.classes];
    for (const np of b.rule.ports.named) {
      const resolved = dsts.some((id) => classes.all[id].ports.some((p) => p.name === np.name && (np.protocol === void 0 || p.protocol === np.protocol)));
      if (!resolved) {
        out.push(
          diag(
            Codes.unresolvedNamedPort,
            "warning",
            `named port "${np.name}" matches no container port of the ${direction === "ingress" ? "selected pods" : "destination pods"}; it allows nothing`,
            originRef(b.policy.origin, ["spec", direction, b.rule.ref.index, "ports"])
          )
        );
      }
    }
  }
  return out;
}

// src/connectivity/classes.ts
var INGRESS_CONTROLLER_NAMESPACE = "{ingress-controller}";
var PodClasses = class {
  all = [];
  /** The classes of each workload's pods, by the cluster's WorkloadRef object (no key strings built). */
  byRef = /* @__PURE__ */ new Map();
  byKeyString;
  byNamespace = /* @__PURE__ */ new Map();
  /** `key=value` -> ids. */
  byLabel = /* @__PURE__ */ new Map();
  /** namespace -> `key=value` -> ids: a selector of one namespace visits only that namespace's classes. */
  byNamespaceLabel = /* @__PURE__ */ new Map();
  byKey = /* @__PURE__ */ new Map();
  cache = /* @__PURE__ */ new Map();
  namespaceLabels;
  constructor(cluster, withIngressController) {
    const nsLabels = /* @__PURE__ */ new Map();
    for (const ns of cluster.namespaces.values()) nsLabels.set(ns.name, ns.labels);
    if (withIngressController) nsLabels.set(INGRESS_CONTROLLER_NAMESPACE, {});
    this.namespaceLabels = nsLabels;
    const index = /* @__PURE__ */ new Map();
    for (const w of cluster.workloads) {
      const classes = [];
      for (const pod of w.pods) {
        const sig = `${w.ref.namespace}\0${labelsKey(pod.labels)}\0${pod.ports.map((p) => `${p.name ?? ""}:${p.port}/${p.protocol}`).join(",")}`;
        let cls = index.get(sig);
        if (!cls) {
          cls = this.add(w.ref.namespace, pod.labels, pod.ports, false);
          index.set(sig, cls);
        }
        if (cls.workloads[cls.workloads.length - 1] !== w.ref) cls.workloads.push(w.ref);
        if (!classes.includes(cls)) classes.push(cls);
      }
      this.byRef.set(w.ref, classes);
    }
    if (withIngressController) this.add(INGRESS_CONTROLLER_NAMESPACE, {}, [], true);
  }
  /** The classes of a workload of the cluster (by its WorkloadRef object). */
  classesOf(ref) {
    return this.byRef.get(ref) ?? [];
  }
  /** workloadKey -> the classes of its pods (built on first use: the evaluation goes by ref). */
  get byWorkload() {
    if (!this.byKeyString) {
      this.byKeyString = /* @__PURE__ */ new Map();
      for (const [ref, classes] of this.byRef) this.byKeyString.set(workloadKey(ref), classes);
    }
    return this.byKeyString;
  }
  get ingressController() {
    const last = this.all[this.all.length - 1];
    return last?.ingressController ? last : void 0;
  }
  add(namespace, labels, ports, ingressController) {
    const cls = {
      id: this.all.length,
      namespace,
      namespaceLabels: this.namespaceLabels.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace },
      labels,
      ports,
      workloads: [],
      ingressController
    };
    this.all.push(cls);
    push(this.byNamespace, namespace, cls.id);
    for (const k of Object.keys(labels)) {
      const label = `${k}=${labels[k]}`;
      push(this.byLabel, label, cls.id);
      let inNamespace = this.byNamespaceLabel.get(namespace);
      if (!inNamespace) this.byNamespaceLabel.set(namespace, inNamespace = /* @__PURE__ */ new Map());
      push(inNamespace, label, cls.id);
      push(this.byKey, k, cls.id);
    }
    return cls;
  }
  namespaceCache = /* @__PURE__ */ new Map();
  /** The namespaces a namespace match covers (memoised: many rules share a namespace selector). */
  namespaces(match) {
    if (match.kind === "named") return this.namespaceLabels.has(match.name) ? [match.name] : [];
    const key = selectorKey(match.selector);
    let hit = this.namespaceCache.get(key);
    if (!hit) {
      hit = [...this.namespaceLabels.entries()].filter(([, labels]) => selectorMatches(match.selector, labels)).map(([name]) => name);
      this.namespaceCache.set(key, hit);
    }
    return hit;
  }
  /** `namespaces(match)` as a set, by the match's key: one set per distinct match, not one per rule. */
  namespaceSets = /* @__PURE__ */ new Map();
  namespaceSet(match, key) {
    let set = this.namespaceSets.get(key);
    if (!set) this.namespaceSets.set(key, set = new Set(this.namespaces(match)));
    return set;
  }
  /** Ids (ascending) of the classes whose pods a namespace match plus pod selector select; memoised. */
  select(ns, pods) {
    const nsKey = ns.kind === "named" ? `=${ns.name}` : `~${selectorKey(ns.selector)}`;
    const key = `${nsKey}\0${selectorKey(pods)}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const namespaces = this.namespaceSet(ns, nsKey);
    let candidates;
    const keyed = (pods.matchExpressions ?? []).find((e) => e.operator === "Exists" || e.operator === "In");
    let rarest;
    let global = [];
    const matchLabels = pods.matchLabels ?? {};
    for (const k of Object.keys(matchLabels)) {
      const label = `${k}=${matchLabels[k]}`;
      const ids = this.byLabel.get(label) ?? [];
      if (rarest === void 0 || ids.length < global.length) {
        rarest = label;
        global = ids;
      }
    }
    if (rarest !== void 0) {
      if (namespaces.size < global.length) {
        const inNamespaces = [];
        for (const n of namespaces) for (const id of this.byNamespaceLabel.get(n)?.get(rarest) ?? []) inNamespaces.push(id);
        if (namespaces.size > 1) inNamespaces.sort((a, b) => a - b);
        candidates = inNamespaces;
      } else candidates = global;
    } else if (keyed) {
      candidates = this.byKey.get(keyed.key) ?? [];
    } else {
      const inNamespaces = [];
      for (const n of namespaces) for (const id of this.byNamespace.get(n) ?? []) inNamespaces.push(id);
      candidates = inNamespaces.sort((a, b) => a - b);
    }
    const empty = isEmptySelector(pods);
    const out = candidates.filter((id) => {
      const c = this.all[id];
      return namespaces.has(c.namespace) && (empty || selectorMatches(pods, c.labels));
    });
    this.cache.set(key, out);
    return out;
  }
};
function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// src/connectivity/enumerate.ts
function enumerateConnections(engine) {
  const peers = new PeerIndex(engine);
  const pairs = new PairCollector(peers);
  const all = engine.classes.all;
  const classes = all.filter((c) => !c.ingressController);
  const open = new OpenDestinations(engine, classes);
  const ranks = all.map((c) => c.workloads.map((w) => peers.workload(w)));
  for (const s of classes) {
    const srcRanks = ranks[s.id];
    const candidates = engine.openByDefault(s, "egress") ? open.reachableFrom(s) : engine.allowCandidates(s, "egress");
    candidates.forEach((id) => {
      const d = all[id];
      if (d.ingressController) return;
      const conns = engine.pairConns(s, d);
      if (conns.isEmpty) return;
      for (const dst of ranks[id]) for (const src of srcRanks) if (src !== dst) pairs.add(src, dst, conns);
    });
  }
  addExternal(engine, classes, peers, pairs);
  addIngressController(engine, peers, pairs);
  return pairs.sorted();
}
var OpenDestinations = class {
  openIngress;
  broad = [];
  selectedBy = /* @__PURE__ */ new Map();
  constructor(engine, classes) {
    const n = engine.classes.all.length;
    this.openIngress = IdSet.of(
      n,
      classes.filter((d) => engine.openByDefault(d, "ingress")).map((d) => d.id)
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
  reachableFrom(s) {
    const selecting = [];
    for (const subjects of this.selectedBy.get(s.id) ?? []) for (const id of subjects) selecting.push(id);
    for (const a of this.broad) if (a.classes.has(s.id)) for (const id of a.subjects) selecting.push(id);
    return selecting.length === 0 ? this.openIngress : this.openIngress.union(IdSet.of(this.openIngress.size, selecting));
  }
};
var PeerIndex = class {
  peers;
  byWorkload = /* @__PURE__ */ new Map();
  atomRanks;
  ingressControllerRank;
  constructor(engine) {
    const entries = [];
    for (const w of engine.cluster.workloads) entries.push({ key: workloadKey(w.ref), peer: { kind: "workload", ref: w.ref } });
    for (const range of engine.atoms) entries.push({ key: peerKey({ kind: "external", range }), peer: { kind: "external", range } });
    const ic = { kind: "ingress-controller" };
    entries.push({ key: peerKey(ic), peer: ic });
    const order = entries.map((_, i) => i).sort((a, b) => compareStrings(entries[a].key, entries[b].key));
    this.peers = order.map((i) => entries[i].peer);
    const rankOf = new Array(entries.length);
    order.forEach((i, rank) => rankOf[i] = rank);
    const nWorkloads = engine.cluster.workloads.length;
    engine.cluster.workloads.forEach((w, i) => this.byWorkload.set(w.ref, rankOf[i]));
    this.atomRanks = engine.atoms.map((_, i) => rankOf[nWorkloads + i]);
    this.ingressControllerRank = rankOf[entries.length - 1];
  }
  workload(ref) {
    const rank = this.byWorkload.get(ref);
    if (rank === void 0) throw new Error(`bug: ${workloadKey(ref)} is not a workload of the cluster`);
    return rank;
  }
  atom(i) {
    return this.atomRanks[i];
  }
};
var PairCollector = class {
  constructor(index) {
    this.index = index;
    this.dsts = new Array(index.peers.length);
    this.conns = new Array(index.peers.length);
  }
  index;
  dsts;
  conns;
  add(src, dst, conns) {
    if (conns.isEmpty) return;
    const d = this.dsts[src];
    if (d) {
      d.push(dst);
      this.conns[src].push(conns);
    } else {
      this.dsts[src] = [dst];
      this.conns[src] = [conns];
    }
  }
  sorted() {
    const out = [];
    const peers = this.index.peers;
    for (let src = 0; src < peers.length; src++) {
      const dsts = this.dsts[src];
      if (!dsts) continue;
      const conns = this.conns[src];
      const order = Uint32Array.from(dsts, (_, i) => i).sort((a, b) => dsts[a] - dsts[b]);
      for (let i = 0; i < order.length; ) {
        const dst = dsts[order[i]];
        let c = conns[order[i]];
        let j = i + 1;
        for (; j < order.length && dsts[order[j]] === dst; j++) c = c.union(conns[order[j]]);
        out.push({ src: peers[src], dst: peers[dst], conns: c });
        i = j;
      }
      this.dsts[src] = void 0;
      this.conns[src] = void 0;
    }
    return out;
  }
};
function addExternal(engine, classes, peers, pairs) {
  const perWorkload = /* @__PURE__ */ new Map();
  for (const c of classes) {
    const out = engine.perAtom(c, "egress");
    const inn = engine.perAtom(c, "ingress");
    for (const w of c.workloads) {
      const cur = perWorkload.get(w);
      if (!cur) perWorkload.set(w, { out, in: inn });
      else {
        cur.out = cur.out.map((x, i) => x.union(out[i]));
        cur.in = cur.in.map((x, i) => x.union(inn[i]));
      }
    }
  }
  for (const [ref, { out, in: inn }] of perWorkload) {
    const w = peers.workload(ref);
    for (let i = 0; i < engine.atoms.length; i++) {
      pairs.add(w, peers.atom(i), out[i]);
      pairs.add(peers.atom(i), w, inn[i]);
    }
  }
}
function addIngressController(engine, peers, pairs) {
  const ic = engine.classes.ingressController;
  if (!ic) return;
  for (const w of engine.cluster.workloads) {
    const key = workloadKey(w.ref);
    const ports = engine.exposure.ports.get(key);
    if (!ports) continue;
    for (const d of engine.classes.classesOf(w.ref)) {
      pairs.add(peers.ingressControllerRank, peers.workload(w.ref), ports.intersect(engine.evaluate(d, "ingress", { kind: "class", cls: ic })));
    }
  }
}

// src/connectivity/evaluate.ts
function resolvePorts(ports, dst) {
  if (ports.named.length === 0 || dst.kind === "atom") return ports.fixed;
  let out = ports.fixed;
  for (const np of ports.named) {
    for (const p of dst.cls.ports) {
      if (p.name === np.name && (np.protocol === void 0 || p.protocol === np.protocol)) out = out.union(ConnectionSet.port(p.protocol, p.port));
    }
  }
  return out;
}
function matches(b, peer) {
  return peer.kind === "class" ? b.classes.has(peer.cls.id) : b.atoms.has(peer.atom);
}
var adminVerdict = (action) => action === "allow" ? "Allow" : action === "deny" ? "Deny" : "Pass";
function evaluateRules(dr, subject, direction, peer, trace) {
  if (subject.ingressController) return ConnectionSet.ALL;
  if (!dr) {
    trace?.push({ layer: "default", verdict: "Allow", conns: ConnectionSet.ALL });
    return ConnectionSet.ALL;
  }
  const dst = direction === "ingress" ? { kind: "class", cls: subject } : peer;
  let allowed = ConnectionSet.NONE;
  let undecided = ConnectionSet.ALL;
  let passed = ConnectionSet.NONE;
  for (const b of dr.admin) {
    if (undecided.isEmpty) break;
    if (!matches(b, peer)) continue;
    const conns = resolvePorts(b.rule.ports, dst).intersect(undecided);
    if (conns.isEmpty) continue;
    undecided = undecided.subtract(conns);
    if (b.rule.action === "allow") allowed = allowed.union(conns);
    else if (b.rule.action === "pass") passed = passed.union(conns);
    trace?.push({ layer: "ANP", verdict: adminVerdict(b.rule.action), rule: b.rule, policy: b.policy, conns });
  }
  let rest = undecided.union(passed);
  if (rest.isEmpty) return allowed;
  if (dr.isolatedBy.length > 0) {
    let npAllowed = ConnectionSet.NONE;
    for (const b of dr.np) {
      if (!matches(b, peer)) continue;
      const conns = resolvePorts(b.rule.ports, dst).intersect(rest);
      if (conns.isEmpty) continue;
      npAllowed = npAllowed.union(conns);
      trace?.push({ layer: "NP", verdict: "Allow", rule: b.rule, policy: b.policy, conns });
    }
    const denied = rest.subtract(npAllowed);
    if (trace && !denied.isEmpty) for (const policy of dr.isolatedBy) trace.push({ layer: "NP", verdict: "Isolated", conns: denied, policy });
    return allowed.union(npAllowed);
  }
  for (const b of dr.baseline) {
    if (rest.isEmpty) break;
    if (!matches(b, peer)) continue;
    const conns = resolvePorts(b.rule.ports, dst).intersect(rest);
    if (conns.isEmpty) continue;
    rest = rest.subtract(conns);
    if (b.rule.action !== "deny") allowed = allowed.union(conns);
    trace?.push({ layer: "BANP", verdict: adminVerdict(b.rule.action), rule: b.rule, policy: b.policy, conns });
  }
  if (trace && !rest.isEmpty) trace.push({ layer: "default", verdict: "Allow", conns: rest });
  return allowed.union(rest);
}
var VerdictMemo = class {
  /** By subject class id, then direction (0 ingress, 1 egress). */
  bySubject = [];
  evaluate(dr, subject, direction, peer) {
    const slot = subject.id * 2 + (direction === "egress" ? 1 : 0);
    let memo = this.bySubject[slot];
    if (!memo) {
      const peerPorts = direction === "egress" && [dr.admin, dr.np, dr.baseline].some((list) => list.some((b) => b.rule.ports.named.length > 0));
      memo = { peerPorts, results: /* @__PURE__ */ new Map() };
      this.bySubject[slot] = memo;
    }
    if (memo.peerPorts) return evaluateRules(dr, subject, direction, peer);
    const key = matchSignature(dr, peer);
    let out = memo.results.get(key);
    if (out === void 0) {
      out = evaluateRules(dr, subject, direction, peer);
      memo.results.set(key, out);
    }
    return out;
  }
};
function matchSignature(dr, peer) {
  const n = dr.admin.length + dr.np.length + dr.baseline.length;
  if (n <= 31) return maskOf(dr.baseline, peer, maskOf(dr.np, peer, maskOf(dr.admin, peer, 0, 0), dr.admin.length), dr.admin.length + dr.np.length);
  const hits = [];
  let i = 0;
  for (const list of [dr.admin, dr.np, dr.baseline]) {
    for (const b of list) {
      if (matches(b, peer)) hits.push(i);
      i++;
    }
  }
  return hits.join(",");
}
function maskOf(list, peer, mask, first) {
  for (let i = 0; i < list.length; i++) if (matches(list[i], peer)) mask |= 1 << first + i;
  return mask;
}

// src/connectivity/policy.ts
function policyKey(ref) {
  return ref.namespace !== void 0 ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}
var NO_NAMED_PORTS = Object.freeze([]);
var ALL_PORTS = { fixed: ConnectionSet.ALL, named: NO_NAMED_PORTS };
var EVERYTHING = {};
var SharedPorts = class {
  singles = /* @__PURE__ */ new Map();
  matchers = /* @__PURE__ */ new Map();
  single(protocol, port) {
    const key = (protocol === "TCP" ? 0 : protocol === "UDP" ? 1 : 2) * 65536 + port;
    let set = this.singles.get(key);
    if (!set) this.singles.set(key, set = ConnectionSet.port(protocol, port));
    return set;
  }
  /** The matcher of fixed ports only. */
  matcher(fixed) {
    let m = this.matchers.get(fixed);
    if (!m) this.matchers.set(fixed, m = { fixed, named: NO_NAMED_PORTS });
    return m;
  }
};
function compilePolicies(objects) {
  const policies = [];
  const diagnostics = [];
  const shared = new SharedPorts();
  for (const o of objects) {
    switch (o.kind) {
      case "NetworkPolicy":
        policies.push(compileNetworkPolicy(o, shared, diagnostics));
        break;
      case "AdminNetworkPolicy":
      case "BaselineAdminNetworkPolicy":
      case "ClusterNetworkPolicy":
        policies.push(compileAdminPolicy(o, diagnostics));
        break;
      default:
        break;
    }
  }
  warnSamePriority(policies, diagnostics);
  return { policies, diagnostics };
}
function compileNetworkPolicy(o, shared, diagnostics) {
  const meta = o.object.metadata;
  const namespace = meta.namespace || DEFAULT_NAMESPACE;
  const ref = { kind: "NetworkPolicy", namespace, name: meta.name ?? "" };
  const own = { kind: "named", name: namespace };
  const spec = o.object.spec ?? {};
  const types = spec.policyTypes && spec.policyTypes.length > 0 ? spec.policyTypes : void 0;
  const governs = {
    ingress: types ? types.includes("Ingress") : true,
    egress: types ? types.includes("Egress") : (spec.egress ?? []).length > 0
  };
  const compileRules = (direction) => {
    const raw = direction === "ingress" ? spec.ingress : spec.egress;
    return (raw ?? []).map((r, index) => {
      const peersRaw = (direction === "ingress" ? r.from : r.to) ?? [];
      const peerField = direction === "ingress" ? "from" : "to";
      const peers = peersRaw.length === 0 ? [{ kind: "any" }] : peersRaw.map((p, i) => npPeer(p, own, o.origin, ["spec", direction, index, peerField, i], diagnostics));
      return {
        ref: { policy: ref, direction, index },
        action: "allow",
        peers,
        ports: npPorts(r.ports ?? [], o.origin, ["spec", direction, index, "ports"], shared, diagnostics)
      };
    });
  };
  return {
    ref,
    layer: "np",
    priority: 0,
    subject: { kind: "pods", namespaces: own, pods: spec.podSelector ?? EVERYTHING },
    governs,
    rules: { ingress: governs.ingress ? compileRules("ingress") : [], egress: governs.egress ? compileRules("egress") : [] },
    origin: o.origin
  };
}
function npPeer(p, own, origin, path, diagnostics) {
  if (p.ipBlock) {
    if (p.podSelector || p.namespaceSelector) {
      diagnostics.push(diag(Codes.invalidField, "error", "ipBlock cannot be combined with podSelector or namespaceSelector; the peer matches nothing", originRef(origin, path)));
      return { kind: "none" };
    }
    return ipPeer([p.ipBlock.cidr], p.ipBlock.except ?? [], origin, [...path, "ipBlock"], diagnostics);
  }
  if (!p.podSelector && !p.namespaceSelector) {
    diagnostics.push(diag(Codes.invalidField, "error", "a peer needs podSelector, namespaceSelector or ipBlock; the peer matches nothing", originRef(origin, path)));
    return { kind: "none" };
  }
  return {
    kind: "pods",
    namespaces: p.namespaceSelector ? { kind: "selector", selector: p.namespaceSelector } : own,
    pods: p.podSelector ?? EVERYTHING
  };
}
function ipPeer(cidrs, except, origin, path, diagnostics) {
  const parse = (text, field) => {
    const r = parseCidr(text);
    if (!r) diagnostics.push(diag(Codes.invalidCidr, "error", `invalid CIDR ${JSON.stringify(text)}; it matches nothing`, originRef(origin, field)));
    return r;
  };
  const include = cidrs.flatMap((c, i) => parse(c, cidrs.length === 1 && path[path.length - 1] === "ipBlock" ? [...path, "cidr"] : [...path, i]) ?? []);
  const exclude = except.flatMap((c, i) => parse(c, [...path, "except", i]) ?? []);
  return { kind: "ip", include, exclude };
}
function npPorts(ports, origin, path, shared, diagnostics) {
  if (ports.length === 0) return ALL_PORTS;
  let fixed = ConnectionSet.NONE;
  const named = [];
  ports.forEach((p, i) => {
    const protocol = p.protocol ?? "TCP";
    if (p.port === void 0 || p.port === null) {
      fixed = fixed.union(ConnectionSet.of(protocol));
    } else if (typeof p.port === "string") {
      if (/^\d+$/.test(p.port)) {
        fixed = fixed.union(portRange(protocol, Number(p.port), p.endPort ?? void 0, origin, [...path, i], diagnostics, shared));
      } else {
        if (p.endPort !== void 0 && p.endPort !== null) {
          diagnostics.push(diag(Codes.invalidPortRange, "error", "endPort cannot be used with a named port; endPort ignored", originRef(origin, [...path, i, "endPort"])));
        }
        named.push({ name: p.port, protocol });
      }
    } else {
      fixed = fixed.union(portRange(protocol, p.port, p.endPort ?? void 0, origin, [...path, i], diagnostics, shared));
    }
  });
  return named.length === 0 ? shared.matcher(fixed) : { fixed, named };
}
function portRange(protocol, port, endPort, origin, path, diagnostics, shared) {
  if (port < 1 || port > 65535) {
    diagnostics.push(diag(Codes.invalidPortRange, "error", `port ${port} is outside 1-65535; it matches nothing`, originRef(origin, [...path, "port"])));
    return ConnectionSet.NONE;
  }
  if (endPort !== void 0) {
    if (endPort < port || endPort > 65535) {
      diagnostics.push(diag(Codes.invalidPortRange, "error", `endPort (${endPort}) < port (${port}) or above 65535; the entry matches nothing`, originRef(origin, [...path, "endPort"])));
      return ConnectionSet.NONE;
    }
    return ConnectionSet.of(protocol, IntervalSet.range(port, endPort));
  }
  return shared ? shared.single(protocol, port) : ConnectionSet.port(protocol, port);
}
function adminSubject(subject) {
  if (subject.namespaces) return { kind: "pods", namespaces: { kind: "selector", selector: subject.namespaces }, pods: EVERYTHING };
  if (subject.pods) return { kind: "pods", namespaces: { kind: "selector", selector: subject.pods.namespaceSelector ?? EVERYTHING }, pods: subject.pods.podSelector ?? EVERYTHING };
  return { kind: "pods", namespaces: { kind: "selector", selector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: [] }] } }, pods: EVERYTHING };
}
var ADMIN_PEER_FIELDS = ["namespaces", "pods", "networks", "nodes", "domainNames"];
function adminPeer(p, action, origin, path, diagnostics) {
  const set = ADMIN_PEER_FIELDS.filter((f) => p[f] !== void 0 && p[f] !== null);
  if (set.length !== 1) {
    const failClosed = action === "deny" ? { kind: "any" } : { kind: "none" };
    diagnostics.push(
      diag(
        Codes.adminPolicyInvalid,
        "error",
        `a peer needs exactly one of ${ADMIN_PEER_FIELDS.slice(0, 4).join(", ")}; got ${set.length === 0 ? "none" : set.join(" and ")}: it fails closed (${action === "deny" ? "this Deny rule matches every peer" : `this ${action === "allow" ? "Allow" : "Pass"} rule matches no peer`})`,
        originRef(origin, path)
      )
    );
    return failClosed;
  }
  if (p.namespaces) return { kind: "pods", namespaces: { kind: "selector", selector: p.namespaces }, pods: EVERYTHING };
  if (p.pods) return { kind: "pods", namespaces: { kind: "selector", selector: p.pods.namespaceSelector ?? EVERYTHING }, pods: p.pods.podSelector ?? EVERYTHING };
  if (p.networks) return ipPeer(p.networks, [], origin, [...path, "networks"], diagnostics);
  diagnostics.push(diag(Codes.unsupportedValue, "warning", "nodes and domainNames peers are not modelled; this peer matches nothing", originRef(origin, path)));
  return { kind: "none" };
}
function adminRange(protocol, start, end, origin, path, diagnostics) {
  const bad = [start, end].some((n) => n < 1 || n > 65535) ? `start (${start}) and end (${end}) must be within 1-65535` : start >= end ? `start (${start}) must be less than end (${end})` : void 0;
  if (bad) {
    diagnostics.push(diag(Codes.invalidPortRange, "error", `${bad}; the range matches nothing`, originRef(origin, path)));
    return ConnectionSet.NONE;
  }
  return ConnectionSet.of(protocol, IntervalSet.range(start, end));
}
function adminPorts(ports, origin, path, diagnostics) {
  if (!ports || ports.length === 0) return ALL_PORTS;
  let fixed = ConnectionSet.NONE;
  const named = [];
  ports.forEach((p, i) => {
    if (p.portNumber) fixed = fixed.union(portRange(p.portNumber.protocol ?? "TCP", p.portNumber.port, void 0, origin, [...path, i, "portNumber"], diagnostics));
    else if (p.portRange) fixed = fixed.union(adminRange(p.portRange.protocol ?? "TCP", p.portRange.start, p.portRange.end, origin, [...path, i, "portRange"], diagnostics));
    else if (p.namedPort) named.push({ name: p.namedPort, protocol: void 0 });
  });
  return { fixed, named };
}
function cnpPorts(protocols, origin, path, diagnostics) {
  if (!protocols || protocols.length === 0) return ALL_PORTS;
  let fixed = ConnectionSet.NONE;
  const named = [];
  protocols.forEach((p, i) => {
    for (const [key, proto] of [["tcp", "TCP"], ["udp", "UDP"], ["sctp", "SCTP"]]) {
      const spec = p[key];
      if (!spec) continue;
      const dp = spec.destinationPort;
      if (!dp) fixed = fixed.union(ConnectionSet.of(proto));
      else if (dp.number) fixed = fixed.union(ConnectionSet.port(proto, dp.number));
      else if (dp.range) fixed = fixed.union(adminRange(proto, dp.range.start, dp.range.end, origin, [...path, i, key, "destinationPort", "range"], diagnostics));
    }
    if (p.destinationNamedPort) named.push({ name: p.destinationNamedPort, protocol: void 0 });
  });
  return { fixed, named };
}
var V1ALPHA1 = {
  action: (w) => w.toLowerCase(),
  portsField: "ports",
  ports: (raw, origin, path, diagnostics) => adminPorts(raw, origin, path, diagnostics)
};
var V1ALPHA2 = {
  action: (w) => w === "Accept" ? "allow" : w === "Deny" ? "deny" : "pass",
  portsField: "protocols",
  ports: (raw, origin, path, diagnostics) => cnpPorts(raw, origin, path, diagnostics)
};
function compileAdminPolicy(o, diagnostics) {
  const ref = { kind: o.kind, name: o.object.metadata.name ?? "" };
  const dialect = o.kind === "ClusterNetworkPolicy" ? V1ALPHA2 : V1ALPHA1;
  const spec = o.object.spec;
  const compile = (direction) => ((direction === "ingress" ? spec.ingress : spec.egress) ?? []).map((r, index) => {
    const peerField = direction === "ingress" ? "from" : "to";
    const action = dialect.action(r.action);
    const peers = r[peerField].map((p, i) => adminPeer(p, action, o.origin, ["spec", direction, index, peerField, i], diagnostics));
    const name = typeof r.name === "string" && r.name ? r.name : void 0;
    const rawPorts = r[dialect.portsField];
    if (Array.isArray(rawPorts) && rawPorts.length === 0) {
      diagnostics.push(
        diag(
          Codes.emptyAdminPorts,
          "warning",
          `${dialect.portsField}: [] — implementations differ on an empty list; netpol-ci reads it as all ports, like an absent ${dialect.portsField}`,
          originRef(o.origin, ["spec", direction, index, dialect.portsField]),
          `omit ${dialect.portsField} to mean all ports`
        )
      );
    }
    return {
      ref: { policy: ref, direction, index, ...name ? { name } : {} },
      action,
      peers,
      ports: dialect.ports(r[dialect.portsField], o.origin, ["spec", direction, index, dialect.portsField], diagnostics)
    };
  });
  const rules = { ingress: compile("ingress"), egress: compile("egress") };
  const [layer, priority] = o.kind === "ClusterNetworkPolicy" ? [o.object.spec.tier === "Admin" ? "admin" : "baseline", o.object.spec.priority] : o.kind === "AdminNetworkPolicy" ? ["admin", o.object.spec.priority] : (
    // A BANP is a singleton that runs after every baseline-tier ClusterNetworkPolicy.
    ["baseline", Number.MAX_SAFE_INTEGER]
  );
  return {
    ref,
    layer,
    priority,
    subject: adminSubject(spec.subject),
    governs: { ingress: rules.ingress.length > 0, egress: rules.egress.length > 0 },
    rules,
    origin: o.origin
  };
}
function warnSamePriority(policies, diagnostics) {
  const seen = /* @__PURE__ */ new Map();
  for (const p of policies) {
    if (p.layer === "np" || p.ref.kind === "BaselineAdminNetworkPolicy") continue;
    const key = `${p.layer}:${p.priority}`;
    const other = seen.get(key);
    if (other) {
      diagnostics.push(
        diag(
          Codes.samePriority,
          "warning",
          `${p.ref.kind} ${p.ref.name} has the same priority (${p.priority}) as ${other.ref.kind} ${other.ref.name}; their order is undefined upstream, netpol-ci orders them by name`,
          originRef(p.origin, ["spec", "priority"])
        )
      );
    } else seen.set(key, p);
  }
}
function sortPolicies(policies) {
  const keyed = policies.map((p) => ({ p, key: `${p.ref.kind}/${p.ref.namespace ?? ""}/${p.ref.name}` }));
  keyed.sort((a, b) => a.p.priority - b.p.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.p);
}

// src/connectivity/engine.ts
var PolicyEngine = class {
  constructor(cluster, options = {}) {
    this.cluster = cluster;
    this.options = options;
    const compiled = compilePolicies(cluster.objects);
    appendAll(this.diagnostics, compiled.diagnostics);
    this.policies = sortPolicies(compiled.policies);
    const exp = ingressExposure(cluster);
    this.exposure = exp.exposure;
    appendAll(this.diagnostics, exp.diagnostics);
    this.classes = new PodClasses(cluster, this.exposure.ports.size > 0);
    this.families = options.ipFamilies ?? [4];
    const ranged = this.policies.map((p) => ({ policy: p, rules: ruleRanges(p) })).filter((x) => x.rules.length > 0);
    appendAll(this.diagnostics, otherFamilyWarnings(ranged, this.families));
    appendAll(this.diagnostics, clusterRangeWarnings(this.policies, this.families, options.clusterRanges));
    const cluster_ = options.clusterRanges;
    const own = cluster_ ? [...cluster_.pods, ...cluster_.services].filter((r) => this.families.includes(r.family)) : [];
    this.ipRanges = [...policyRanges(ranged, this.families), ...own];
    this.atoms = atomize(this.ipRanges, this.families).filter((a) => !insideCluster(a, cluster_));
    this.binding = bindPolicies(this.policies, this.classes, this.atoms, cluster_?.pods);
    appendAll(this.diagnostics, this.binding.diagnostics);
  }
  cluster;
  options;
  policies;
  exposure;
  classes;
  families;
  /** Every address range the policies mention, in the analysed families. */
  ipRanges;
  atoms;
  binding;
  diagnostics = [];
  /** The parts of `range` that lie in different atoms, each clipped to the range. */
  atomsWithin(range) {
    return this.atoms.filter((a) => a.family === range.family && a.hi >= range.lo && a.lo <= range.hi).map((a) => ({ family: a.family, lo: a.lo > range.lo ? a.lo : range.lo, hi: a.hi < range.hi ? a.hi : range.hi }));
  }
  /** What `subject` allows in `direction` with `peer` (see evaluateRules); memoised by the rules the peer matches. */
  evaluate(subject, direction, peer, trace) {
    const dr = this.binding.rules.get(subject.id)?.[direction];
    if (trace || !dr || subject.ingressController) return evaluateRules(dr, subject, direction, peer, trace);
    return this.verdicts.evaluate(dr, subject, direction, peer);
  }
  verdicts = new VerdictMemo();
  /** Whether a peer matched by no rule would be allowed: true unless NetworkPolicies isolate the subject. */
  openByDefault(cls, direction) {
    return (this.binding.rules.get(cls.id)?.[direction].isolatedBy.length ?? 0) === 0;
  }
  /** Classes that the allow-capable rules of `cls` in `direction` match. */
  allowCandidates(cls, direction) {
    const dr = this.binding.rules.get(cls.id)?.[direction];
    if (!dr) return IdSet.empty(this.classes.all.length);
    const sets = [];
    for (const b of dr.admin) if (b.rule.action !== "deny") sets.push(b.classes);
    for (const b of dr.np) sets.push(b.classes);
    return IdSet.unionAll(this.classes.all.length, sets);
  }
  /** Class-to-class allowed connections: egress at the source and ingress at the destination. */
  pairConns(src, dst) {
    const egress = this.evaluate(src, "egress", this.classPeer(dst));
    if (egress.isEmpty) return egress;
    return egress.intersect(this.evaluate(dst, "ingress", this.classPeer(src)));
  }
  classPeers = [];
  /** The class as a peer, one object per class (pairs are evaluated by the hundred thousand). */
  classPeer(cls) {
    let p = this.classPeers[cls.id];
    if (!p) this.classPeers[cls.id] = p = { kind: "class", cls };
    return p;
  }
  /**
   * The class's answer for every address atom. When none of its rules in this direction names an
   * address range, every atom gets the same answer, so it is computed once.
   */
  perAtom(c, direction) {
    const dr = this.binding.rules.get(c.id)?.[direction];
    const namesAddresses = dr !== void 0 && [dr.admin, dr.np, dr.baseline].some((list) => list.some((b) => !b.atoms.isEmpty));
    if (!namesAddresses && this.atoms.length > 0) {
      const same = this.evaluate(c, direction, { kind: "atom", atom: 0 });
      return this.atoms.map(() => same);
    }
    return this.atoms.map((_, i) => this.evaluate(c, direction, { kind: "atom", atom: i }));
  }
  connectivity() {
    return { connections: enumerateConnections(this), workloads: this.cluster.workloads.map((w) => w.ref), ipRanges: this.ipRanges };
  }
};
function ruleRanges(p) {
  const out = [];
  for (const d of ["ingress", "egress"]) {
    for (const r of p.rules[d]) {
      const ranges = [];
      for (const m of r.peers) if (m.kind === "ip") ranges.push(...m.include, ...m.exclude);
      if (ranges.length > 0) out.push({ direction: d, index: r.ref.index, ranges });
    }
  }
  return out;
}
function policyRanges(ranged, families) {
  const out = [];
  for (const { rules } of ranged) for (const r of rules) for (const x of r.ranges) if (families.includes(x.family)) out.push(x);
  return out;
}
function otherFamilyWarnings(ranged, families) {
  const out = [];
  for (const { policy: p, rules } of ranged) {
    for (const r of rules) {
      const other = r.ranges.filter((x) => !families.includes(x.family));
      if (other.length === 0) continue;
      const family = other[0]?.family;
      out.push(
        diag(Codes.unsupportedValue, "warning", `IPv${family} ranges are outside the analysed address space; they match nothing`, originRef(p.origin, ["spec", r.direction, r.index]), `use --ip-family ${family === 6 ? "dual" : "4"} to analyse them`)
      );
    }
  }
  return out;
}
function analyzeConnectivity(cluster, options = {}) {
  const engine = new PolicyEngine(cluster, options);
  const value = engine.connectivity();
  return { value, diagnostics: engine.diagnostics, engine };
}

export {
  evaluateRules,
  policyKey,
  compilePolicies,
  PolicyEngine,
  analyzeConnectivity
};
