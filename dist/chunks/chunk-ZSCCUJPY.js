import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  ConnectionSet,
  DEFAULT_NAMESPACE,
  IntervalSet,
  NAMESPACE_NAME_LABEL,
  ParseCache,
  atomize,
  buildCluster,
  compareStrings,
  csvCell,
  engineOptions,
  escapeMarkdown,
  escapeMermaid,
  formatRange,
  fullRange,
  ingressExposure,
  isEmptySelector,
  labelsKey,
  loadInputs,
  markdownCode,
  oneLine,
  originRef,
  parseCidr,
  peerKey,
  rangeContains,
  selectorKey,
  selectorMatches,
  workloadKey
} from "./chunk-RI4RY7BV.js";
import {
  Codes,
  ConfigError,
  appendAll,
  diag,
  formatDiagnostic
} from "./chunk-H2VFODTW.js";

// src/connectivity/bitset.ts
var Bitset = class _Bitset {
  constructor(size, words) {
    this.size = size;
    this.words = words;
  }
  size;
  words;
  static empty(size) {
    return new _Bitset(size, new Uint32Array(size + 31 >>> 5));
  }
  static full(size) {
    const b = _Bitset.empty(size);
    b.words.fill(4294967295);
    const extra = b.words.length * 32 - size;
    if (extra > 0 && b.words.length > 0) b.words[b.words.length - 1] = 4294967295 >>> extra;
    return b;
  }
  static of(size, ids) {
    const b = _Bitset.empty(size);
    for (const id of ids) b.words[id >>> 5] = b.words[id >>> 5] | 1 << (id & 31);
    return b;
  }
  has(id) {
    return (this.words[id >>> 5] & 1 << (id & 31)) !== 0;
  }
  /** A new set holding both. */
  union(other) {
    const out = new Uint32Array(this.words);
    for (let i = 0; i < out.length; i++) out[i] = out[i] | other.words[i];
    return new _Bitset(this.size, out);
  }
  /** Adds one id in place (only for sets under construction). */
  add(id) {
    this.words[id >>> 5] = this.words[id >>> 5] | 1 << (id & 31);
  }
  copy() {
    return new _Bitset(this.size, new Uint32Array(this.words));
  }
  /** Adds `other` into this set in place (only for sets under construction). */
  addAll(other) {
    for (let i = 0; i < this.words.length; i++) this.words[i] = this.words[i] | other.words[i];
  }
  get isEmpty() {
    return this.words.every((w) => w === 0);
  }
  *[Symbol.iterator]() {
    for (let i = 0; i < this.words.length; i++) {
      let w = this.words[i];
      while (w !== 0) {
        const bit = 31 - Math.clz32(w & -w);
        yield i * 32 + bit;
        w &= w - 1;
      }
    }
  }
};

// src/connectivity/cluster-ranges.ts
var overlaps = (a, b) => a.family === b.family && a.lo <= b.hi && b.lo <= a.hi;
function coversPodNetwork(peer, pods) {
  return pods.length > 0 && pods.every((p) => peer.include.some((r) => rangeContains(r, p)) && !peer.exclude.some((x) => overlaps(x, p)));
}
function insideCluster(atom, ranges) {
  return ranges !== void 0 && [...ranges.pods, ...ranges.services].some((r) => rangeContains(r, atom));
}
function* addressPeers(p) {
  for (const d of ["ingress", "egress"]) for (const r of p.rules[d]) for (const m of r.peers) if (m.kind === "ip") yield { direction: d, index: r.ref.index, peer: m };
}
function clusterRangeWarnings(policies, families, ranges) {
  const out = [];
  for (const p of policies) {
    const warned = /* @__PURE__ */ new Set();
    for (const { direction, index, peer } of addressPeers(p)) {
      const key = `${direction}${index}`;
      if (warned.has(key)) continue;
      const at = originRef(p.origin, ["spec", direction, index]);
      if (!ranges || ranges.pods.length === 0) {
        const everything = peer.include.find((r) => families.includes(r.family) && rangeContains(r, fullRange(r.family)));
        if (everything) {
          warned.add(key);
          const cidr = everything.family === 4 ? "0.0.0.0/0" : "::/0";
          out.push(
            diag(Codes.podTrafficNotModelled, "warning", `${cidr} also covers pod addresses; the pod-to-pod traffic it seems to ${direction === "ingress" ? "admit" : "allow"} is not modelled (address peers match only addresses outside the cluster)`, at, "give --pod-cidr to apply it to pods")
          );
        }
      } else if (!coversPodNetwork(peer, ranges.pods)) {
        const partial = ranges.pods.find((pr) => peer.include.some((r) => overlaps(r, pr)) && !peer.include.some((r) => rangeContains(r, pr) && !peer.exclude.some((x) => overlaps(x, pr))));
        if (partial) {
          warned.add(key);
          out.push(diag(Codes.podTrafficNotModelled, "warning", `covers part of the pod network ${formatRange(partial)}; pod addresses inside it are unknown, so it matches no pod`, at));
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
  const allClasses = Bitset.full(nClasses);
  const allAtoms = Bitset.full(nAtoms);
  const noAtoms = Bitset.empty(nAtoms);
  const noClasses = Bitset.empty(nClasses);
  const selected = /* @__PURE__ */ new Map();
  const classSet = (ids) => {
    let b = selected.get(ids);
    if (!b) selected.set(ids, b = Bitset.of(nClasses, ids));
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
        atomSet = atomSet.union(Bitset.of(nAtoms, ids));
      }
    }
    const classBits = classParts.length === 0 ? noClasses : classParts.length === 1 ? classParts[0] : classParts.reduce((a, b) => a.union(b));
    return { rule, policy, classes: classBits, atoms: atomSet };
  };
  for (const policy of policies) {
    const subjects = classes.select(policy.subject.namespaces, policy.subject.pods);
    for (const direction of ["ingress", "egress"]) {
      if (!policy.governs[direction]) continue;
      const bound = policy.rules[direction].map((r) => bindRule(r, policy));
      const subjectIds = subjects.filter((id) => !classes.all[id].ingressController);
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
  /** workloadKey -> the classes of its pods */
  byWorkload = /* @__PURE__ */ new Map();
  byNamespace = /* @__PURE__ */ new Map();
  byLabel = /* @__PURE__ */ new Map();
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
      const key = `${w.ref.namespace}/${w.ref.name}[${w.ref.kind}]`;
      const classes = [];
      for (const pod of w.pods) {
        const sig = `${w.ref.namespace}\0${labelsKey(pod.labels)}\0${pod.ports.map((p) => `${p.name ?? ""}:${p.port}/${p.protocol}`).join(",")}`;
        let cls = index.get(sig);
        if (!cls) {
          cls = this.add(w.ref.namespace, pod.labels, pod.ports, false);
          index.set(sig, cls);
        }
        if (!cls.workloads.some((r) => r === w.ref)) cls.workloads.push(w.ref);
        if (!classes.includes(cls)) classes.push(cls);
      }
      this.byWorkload.set(key, classes);
    }
    if (withIngressController) this.add(INGRESS_CONTROLLER_NAMESPACE, {}, [], true);
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
    for (const [k, v] of Object.entries(labels)) {
      push(this.byLabel, `${k}=${v}`, cls.id);
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
  /** Ids (ascending) of the classes whose pods a namespace match plus pod selector select; memoised. */
  select(ns, pods) {
    const key = `${ns.kind === "named" ? `=${ns.name}` : `~${selectorKey(ns.selector)}`}\0${selectorKey(pods)}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const namespaces = new Set(this.namespaces(ns));
    let candidates;
    const pairs = Object.entries(pods.matchLabels ?? {});
    const keyed = (pods.matchExpressions ?? []).find((e) => e.operator === "Exists" || e.operator === "In");
    if (pairs.length > 0) {
      candidates = pairs.map(([k, v]) => this.byLabel.get(`${k}=${v}`) ?? []).reduce((a, b) => b.length < a.length ? b : a);
    } else if (keyed) {
      candidates = this.byKey.get(keyed.key) ?? [];
    } else {
      candidates = [...namespaces].flatMap((n) => this.byNamespace.get(n) ?? []).sort((a, b) => a - b);
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
var IC_KEY_OBJECT = {};
function enumerateConnections(engine) {
  const classes = engine.classes.all.filter((c) => !c.ingressController);
  const openIngress = Bitset.of(
    engine.classes.all.length,
    classes.filter((d) => engine.openByDefault(d, "ingress")).map((d) => d.id)
  );
  const pairs = /* @__PURE__ */ new Map();
  const keys = /* @__PURE__ */ new Map();
  const keyOf = (p) => {
    const obj = p.kind === "workload" ? p.ref : p.kind === "external" ? p.range : IC_KEY_OBJECT;
    let k = keys.get(obj);
    if (k === void 0) keys.set(obj, k = peerKey(p));
    return k;
  };
  const add = (src, dst, conns) => {
    if (conns.isEmpty) return;
    const key = `${keyOf(src)}\0${keyOf(dst)}`;
    const cur = pairs.get(key);
    if (cur) cur.conns = cur.conns.union(conns);
    else pairs.set(key, { src, dst, conns });
  };
  for (const s of classes) {
    let candidates;
    if (engine.openByDefault(s, "egress")) {
      const set = openIngress.copy();
      for (const a of engine.binding.ingressAllowers) if (a.classes.has(s.id)) for (const id of a.subjects) set.add(id);
      candidates = set;
    } else {
      candidates = engine.allowCandidates(s, "egress");
    }
    for (const id of candidates) {
      const d = engine.classes.all[id];
      if (d.ingressController) continue;
      const conns = engine.pairConns(s, d);
      if (conns.isEmpty) continue;
      for (const w1 of s.workloads) for (const w2 of d.workloads) if (w1 !== w2) add({ kind: "workload", ref: w1 }, { kind: "workload", ref: w2 }, conns);
    }
  }
  addExternal(engine, classes, add);
  addIngressController(engine, add);
  return [...pairs.keys()].sort(compareStrings).map((k) => {
    const { src, dst, conns } = pairs.get(k);
    return { src, dst, conns };
  });
}
function addExternal(engine, classes, add) {
  const perWorkload = /* @__PURE__ */ new Map();
  for (const c of classes) {
    const out = engine.perAtom(c, "egress");
    const inn = engine.perAtom(c, "ingress");
    for (const w of c.workloads) {
      const key = workloadKey(w);
      const cur = perWorkload.get(key);
      if (!cur) perWorkload.set(key, { ref: w, out, in: inn });
      else {
        cur.out = cur.out.map((x, i) => x.union(out[i]));
        cur.in = cur.in.map((x, i) => x.union(inn[i]));
      }
    }
  }
  for (const { ref, out, in: inn } of perWorkload.values()) {
    engine.atoms.forEach((range, i) => {
      add({ kind: "workload", ref }, { kind: "external", range }, out[i]);
      add({ kind: "external", range }, { kind: "workload", ref }, inn[i]);
    });
  }
}
function addIngressController(engine, add) {
  const ic = engine.classes.ingressController;
  if (!ic) return;
  for (const w of engine.cluster.workloads) {
    const ports = engine.exposure.ports.get(workloadKey(w.ref));
    if (!ports) continue;
    for (const d of engine.classes.byWorkload.get(workloadKey(w.ref)) ?? []) {
      add({ kind: "ingress-controller" }, { kind: "workload", ref: w.ref }, ports.intersect(engine.evaluate(d, "ingress", { kind: "class", cls: ic })));
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

// src/connectivity/policy.ts
function policyKey(ref) {
  return ref.namespace !== void 0 ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}
var ALL_PORTS = { fixed: ConnectionSet.ALL, named: [] };
var EVERYTHING = {};
function compilePolicies(objects) {
  const policies = [];
  const diagnostics = [];
  for (const o of objects) {
    switch (o.kind) {
      case "NetworkPolicy":
        policies.push(compileNetworkPolicy(o, diagnostics));
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
function compileNetworkPolicy(o, diagnostics) {
  const meta = o.object.metadata;
  const namespace = meta.namespace || DEFAULT_NAMESPACE;
  const ref = { kind: "NetworkPolicy", namespace, name: meta.name ?? "" };
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
      const peers = peersRaw.length === 0 ? [{ kind: "any" }] : peersRaw.map((p, i) => npPeer(p, namespace, o.origin, ["spec", direction, index, peerField, i], diagnostics));
      return {
        ref: { policy: ref, direction, index },
        action: "allow",
        peers,
        ports: npPorts(r.ports ?? [], o.origin, ["spec", direction, index, "ports"], diagnostics)
      };
    });
  };
  return {
    ref,
    layer: "np",
    priority: 0,
    subject: { kind: "pods", namespaces: { kind: "named", name: namespace }, pods: spec.podSelector ?? EVERYTHING },
    governs,
    rules: { ingress: governs.ingress ? compileRules("ingress") : [], egress: governs.egress ? compileRules("egress") : [] },
    origin: o.origin
  };
}
function npPeer(p, namespace, origin, path2, diagnostics) {
  if (p.ipBlock) {
    if (p.podSelector || p.namespaceSelector) {
      diagnostics.push(diag(Codes.invalidField, "error", "ipBlock cannot be combined with podSelector or namespaceSelector; the peer matches nothing", originRef(origin, path2)));
      return { kind: "none" };
    }
    return ipPeer([p.ipBlock.cidr], p.ipBlock.except ?? [], origin, [...path2, "ipBlock"], diagnostics);
  }
  if (!p.podSelector && !p.namespaceSelector) {
    diagnostics.push(diag(Codes.invalidField, "error", "a peer needs podSelector, namespaceSelector or ipBlock; the peer matches nothing", originRef(origin, path2)));
    return { kind: "none" };
  }
  return {
    kind: "pods",
    namespaces: p.namespaceSelector ? { kind: "selector", selector: p.namespaceSelector } : { kind: "named", name: namespace },
    pods: p.podSelector ?? EVERYTHING
  };
}
function ipPeer(cidrs, except, origin, path2, diagnostics) {
  const parse = (text, field) => {
    const r = parseCidr(text);
    if (!r) diagnostics.push(diag(Codes.invalidCidr, "error", `invalid CIDR ${JSON.stringify(text)}; it matches nothing`, originRef(origin, field)));
    return r;
  };
  const include = cidrs.flatMap((c, i) => parse(c, cidrs.length === 1 && path2[path2.length - 1] === "ipBlock" ? [...path2, "cidr"] : [...path2, i]) ?? []);
  const exclude = except.flatMap((c, i) => parse(c, [...path2, "except", i]) ?? []);
  return { kind: "ip", include, exclude };
}
function npPorts(ports, origin, path2, diagnostics) {
  if (ports.length === 0) return ALL_PORTS;
  let fixed = ConnectionSet.NONE;
  const named = [];
  ports.forEach((p, i) => {
    const protocol = p.protocol ?? "TCP";
    if (p.port === void 0 || p.port === null) {
      fixed = fixed.union(ConnectionSet.of(protocol));
    } else if (typeof p.port === "string") {
      if (/^\d+$/.test(p.port)) {
        fixed = fixed.union(portRange(protocol, Number(p.port), p.endPort ?? void 0, origin, [...path2, i], diagnostics));
      } else {
        if (p.endPort !== void 0 && p.endPort !== null) {
          diagnostics.push(diag(Codes.invalidPortRange, "error", "endPort cannot be used with a named port; endPort ignored", originRef(origin, [...path2, i, "endPort"])));
        }
        named.push({ name: p.port, protocol });
      }
    } else {
      fixed = fixed.union(portRange(protocol, p.port, p.endPort ?? void 0, origin, [...path2, i], diagnostics));
    }
  });
  return { fixed, named };
}
function portRange(protocol, port, endPort, origin, path2, diagnostics) {
  if (port < 1 || port > 65535) {
    diagnostics.push(diag(Codes.invalidPortRange, "error", `port ${port} is outside 1-65535; it matches nothing`, originRef(origin, [...path2, "port"])));
    return ConnectionSet.NONE;
  }
  if (endPort !== void 0) {
    if (endPort < port || endPort > 65535) {
      diagnostics.push(diag(Codes.invalidPortRange, "error", `endPort (${endPort}) < port (${port}) or above 65535; the entry matches nothing`, originRef(origin, [...path2, "endPort"])));
      return ConnectionSet.NONE;
    }
    return ConnectionSet.of(protocol, IntervalSet.range(port, endPort));
  }
  return ConnectionSet.port(protocol, port);
}
function adminSubject(subject) {
  if (subject.namespaces) return { kind: "pods", namespaces: { kind: "selector", selector: subject.namespaces }, pods: EVERYTHING };
  if (subject.pods) return { kind: "pods", namespaces: { kind: "selector", selector: subject.pods.namespaceSelector ?? EVERYTHING }, pods: subject.pods.podSelector ?? EVERYTHING };
  return { kind: "pods", namespaces: { kind: "selector", selector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: [] }] } }, pods: EVERYTHING };
}
var ADMIN_PEER_FIELDS = ["namespaces", "pods", "networks", "nodes", "domainNames"];
function adminPeer(p, action, origin, path2, diagnostics) {
  const set = ADMIN_PEER_FIELDS.filter((f) => p[f] !== void 0 && p[f] !== null);
  if (set.length !== 1) {
    const failClosed = action === "deny" ? { kind: "any" } : { kind: "none" };
    diagnostics.push(
      diag(
        Codes.adminPolicyInvalid,
        "error",
        `a peer needs exactly one of ${ADMIN_PEER_FIELDS.slice(0, 4).join(", ")}; got ${set.length === 0 ? "none" : set.join(" and ")}: it fails closed (${action === "deny" ? "this Deny rule matches every peer" : `this ${action === "allow" ? "Allow" : "Pass"} rule matches no peer`})`,
        originRef(origin, path2)
      )
    );
    return failClosed;
  }
  if (p.namespaces) return { kind: "pods", namespaces: { kind: "selector", selector: p.namespaces }, pods: EVERYTHING };
  if (p.pods) return { kind: "pods", namespaces: { kind: "selector", selector: p.pods.namespaceSelector ?? EVERYTHING }, pods: p.pods.podSelector ?? EVERYTHING };
  if (p.networks) return ipPeer(p.networks, [], origin, [...path2, "networks"], diagnostics);
  diagnostics.push(diag(Codes.unsupportedValue, "warning", "nodes and domainNames peers are not modelled; this peer matches nothing", originRef(origin, path2)));
  return { kind: "none" };
}
function adminRange(protocol, start, end, origin, path2, diagnostics) {
  const bad = [start, end].some((n) => n < 1 || n > 65535) ? `start (${start}) and end (${end}) must be within 1-65535` : start >= end ? `start (${start}) must be less than end (${end})` : void 0;
  if (bad) {
    diagnostics.push(diag(Codes.invalidPortRange, "error", `${bad}; the range matches nothing`, originRef(origin, path2)));
    return ConnectionSet.NONE;
  }
  return ConnectionSet.of(protocol, IntervalSet.range(start, end));
}
function adminPorts(ports, origin, path2, diagnostics) {
  if (!ports || ports.length === 0) return ALL_PORTS;
  let fixed = ConnectionSet.NONE;
  const named = [];
  ports.forEach((p, i) => {
    if (p.portNumber) fixed = fixed.union(portRange(p.portNumber.protocol ?? "TCP", p.portNumber.port, void 0, origin, [...path2, i, "portNumber"], diagnostics));
    else if (p.portRange) fixed = fixed.union(adminRange(p.portRange.protocol ?? "TCP", p.portRange.start, p.portRange.end, origin, [...path2, i, "portRange"], diagnostics));
    else if (p.namedPort) named.push({ name: p.namedPort, protocol: void 0 });
  });
  return { fixed, named };
}
function cnpPorts(protocols, origin, path2, diagnostics) {
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
      else if (dp.range) fixed = fixed.union(adminRange(proto, dp.range.start, dp.range.end, origin, [...path2, i, key, "destinationPort", "range"], diagnostics));
    }
    if (p.destinationNamedPort) named.push({ name: p.destinationNamedPort, protocol: void 0 });
  });
  return { fixed, named };
}
var V1ALPHA1 = {
  action: (w) => w.toLowerCase(),
  portsField: "ports",
  ports: (raw, origin, path2, diagnostics) => adminPorts(raw, origin, path2, diagnostics)
};
var V1ALPHA2 = {
  action: (w) => w === "Accept" ? "allow" : w === "Deny" ? "deny" : "pass",
  portsField: "protocols",
  ports: (raw, origin, path2, diagnostics) => cnpPorts(raw, origin, path2, diagnostics)
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
    appendAll(this.diagnostics, otherFamilyWarnings(this.policies, this.families));
    appendAll(this.diagnostics, clusterRangeWarnings(this.policies, this.families, options.clusterRanges));
    const cluster_ = options.clusterRanges;
    const own = cluster_ ? [...cluster_.pods, ...cluster_.services].filter((r) => this.families.includes(r.family)) : [];
    this.ipRanges = [...policyRanges(this.policies, this.families), ...own];
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
  /** What `subject` allows in `direction` with `peer` (see evaluateRules). */
  evaluate(subject, direction, peer, trace) {
    return evaluateRules(this.binding.rules.get(subject.id)?.[direction], subject, direction, peer, trace);
  }
  /** Whether a peer matched by no rule would be allowed: true unless NetworkPolicies isolate the subject. */
  openByDefault(cls, direction) {
    return (this.binding.rules.get(cls.id)?.[direction].isolatedBy.length ?? 0) === 0;
  }
  /** Classes that the allow-capable rules of `cls` in `direction` match. */
  allowCandidates(cls, direction) {
    const dr = this.binding.rules.get(cls.id)?.[direction];
    if (!dr) return [];
    const out = Bitset.empty(this.classes.all.length);
    for (const b of dr.admin) if (b.rule.action !== "deny") out.addAll(b.classes);
    for (const b of dr.np) out.addAll(b.classes);
    return out;
  }
  /** Class-to-class allowed connections: egress at the source and ingress at the destination. */
  pairConns(src, dst) {
    const egress = this.evaluate(src, "egress", { kind: "class", cls: dst });
    if (egress.isEmpty) return egress;
    return egress.intersect(this.evaluate(dst, "ingress", { kind: "class", cls: src }));
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
function* ruleRanges(p) {
  for (const d of ["ingress", "egress"]) for (const r of p.rules[d]) yield { direction: d, index: r.ref.index, ranges: r.peers.flatMap((m) => m.kind === "ip" ? [...m.include, ...m.exclude] : []) };
}
function policyRanges(policies, families) {
  const out = [];
  for (const p of policies) for (const r of ruleRanges(p)) for (const x of r.ranges) if (families.includes(x.family)) out.push(x);
  return out;
}
function otherFamilyWarnings(policies, families) {
  const out = [];
  for (const p of policies) {
    for (const r of ruleRanges(p)) {
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

// src/connectivity/diff.ts
function workloadsInfo(e) {
  return e.oneSided && e.oneSided.length > 0 ? `workload ${e.oneSided.join(" and ")} ${e.kind}` : void 0;
}
var KIND_ORDER = { changed: 0, added: 1, removed: 2 };
function diffConnectivity(before, after) {
  const cuts = [...before.ipRanges, ...after.ipRanges];
  for (const c of [...before.connections, ...after.connections]) {
    if (c.src.kind === "external") cuts.push(c.src.range);
    if (c.dst.kind === "external") cuts.push(c.dst.range);
  }
  const families = [...new Set(cuts.map((r) => r.family))];
  const atoms = atomize(cuts, families);
  const a = refine(before, atoms);
  const b = refine(after, atoms);
  const beforeWorkloads = new Set(before.workloads.map(workloadKey));
  const afterWorkloads = new Set(after.workloads.map(workloadKey));
  const raw = [];
  for (const [key, x] of a) {
    const y = b.get(key);
    const conns = y?.conns ?? ConnectionSet.NONE;
    if (!conns.equals(x.conns)) raw.push({ kind: conns.isEmpty ? "removed" : "changed", src: x.src, dst: x.dst, before: x.conns, after: conns });
  }
  for (const [key, y] of b) if (!a.has(key)) raw.push({ kind: "added", src: y.src, dst: y.dst, before: ConnectionSet.NONE, after: y.conns });
  const info = (p, kind) => {
    if (p.kind !== "workload") return void 0;
    const k = workloadKey(p.ref);
    if (kind === "added" && !beforeWorkloads.has(k)) return k;
    if (kind === "removed" && !afterWorkloads.has(k)) return k;
    return void 0;
  };
  const entries = raw.map((e) => {
    const names = [info(e.src, e.kind), info(e.dst, e.kind)].filter((x) => x !== void 0);
    const withDelta = { ...e, gained: e.after.subtract(e.before), lost: e.before.subtract(e.after) };
    return names.length === 0 ? withDelta : { ...withDelta, oneSided: names };
  });
  const sortKey = new Map(entries.map((e) => [e, `${KIND_ORDER[e.kind]}\0${peerKey(e.src)}\0${peerKey(e.dst)}`]));
  entries.sort((x, y) => compareStrings(sortKey.get(x), sortKey.get(y)));
  return {
    entries,
    addedWorkloads: [...afterWorkloads].filter((k) => !beforeWorkloads.has(k)).sort(),
    removedWorkloads: [...beforeWorkloads].filter((k) => !afterWorkloads.has(k)).sort()
  };
}
function refine(c, atoms) {
  const out = /* @__PURE__ */ new Map();
  const put = (src, dst, conns) => {
    const key = `${peerKey(src)}\0${peerKey(dst)}`;
    const cur = out.get(key);
    out.set(key, { src, dst, conns: cur ? cur.conns.union(conns) : conns });
  };
  for (const x of c.connections) {
    if (x.src.kind === "external") for (const atom of within(atoms, x.src.range)) put({ kind: "external", range: atom }, x.dst, x.conns);
    else if (x.dst.kind === "external") for (const atom of within(atoms, x.dst.range)) put(x.src, { kind: "external", range: atom }, x.conns);
    else put(x.src, x.dst, x.conns);
  }
  return out;
}
function within(atoms, range) {
  let lo = 0;
  let hi = atoms.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    const m = atoms[mid];
    if (m.family < range.family || m.family === range.family && m.hi < range.lo) lo = mid + 1;
    else hi = mid;
  }
  const out = [];
  for (let i = lo; i < atoms.length; i++) {
    const a = atoms[i];
    if (a.family !== range.family || a.lo > range.hi) break;
    out.push(a);
  }
  return out;
}

// src/report/explain.ts
function step(s) {
  const rule = s.rule ? ` ${s.rule.direction} rule ${s.rule.index}${s.rule.name ? ` "${s.rule.name}"` : ""}` : "";
  const where = s.at ? ` (${s.at.file}:${s.at.line ?? 0})` : "";
  const what = s.policy ? `${s.policy}${rule}${where}` : s.layer === "default" ? "no policy applies" : "";
  return `    [${s.layer}] ${s.verdict} ${s.conns.toString()}: ${what}`;
}
function verdictChain(steps) {
  return steps.map((s) => `[${s.layer}] ${s.verdict}`).filter((n, i, all) => n !== all[i - 1]).join(" -> ");
}
function renderExplanationTxt(x) {
  const out = [`${x.src} => ${x.dst} : ${x.conns.toString()}`];
  if (x.exposure) out.push(`  ingress controller: exposed by ${x.exposure.by.join(", ") || "nothing"} on ${x.exposure.ports.toString()}`);
  if (x.egress) out.push(`  source egress: ${verdictChain(x.egress)}`, ...x.egress.map(step));
  else out.push("  source egress: not restricted (not a pod in the cluster)");
  if (x.ingress) out.push(`  destination ingress: ${verdictChain(x.ingress)}`, ...x.ingress.map(step));
  else out.push("  destination ingress: not restricted (outside the cluster)");
  return `${out.map(oneLine).join("\n")}
`;
}
function stepData(s) {
  return {
    layer: s.layer,
    verdict: s.verdict,
    ...s.policy ? { policy: s.policy } : {},
    ...s.rule ? { rule: s.rule } : {},
    ...s.at ? { at: `${s.at.file}:${s.at.line ?? 0}` } : {},
    conns: s.conns.toString()
  };
}
function explanationData(p) {
  return {
    conns: p.conns.toString(),
    ...p.egress ? { egress: p.egress.map(stepData) } : {},
    ...p.ingress ? { ingress: p.ingress.map(stepData) } : {},
    ...p.exposure ? { exposure: { by: p.exposure.by, ports: p.exposure.ports.toString() } } : {}
  };
}
function renderExplanationsJson(xs) {
  const data = xs.map((x) => ({ src: x.src, dst: x.dst, ...explanationData(x) }));
  return `${JSON.stringify(data.length === 1 ? data[0] : data, null, 2)}
`;
}

// src/report/diff.ts
var DIFF_FORMATS = ["txt", "json", "csv", "md", "mermaid"];
function line(e) {
  const info = workloadsInfo(e) ? `, workloads-diff-info: ${workloadsInfo(e)}` : "";
  return `diff-type: ${e.kind}, source: ${peerKey(e.src)}, destination: ${peerKey(e.dst)}, ref1: ${e.before.toString()}, ref2: ${e.after.toString()}${info}`;
}
function renderDiffTxt(r) {
  const header = r.named ? `Connectivity diff (ref1: ${r.refs.before}, ref2: ${r.refs.after}):` : "Connectivity diff:";
  return `${oneLine(header)}
${r.diff.entries.map((e) => `${oneLine(line(e))}
`).join("")}`;
}
function renderDiffJson(r) {
  const rows = r.diff.entries.map((e, i) => ({
    diff_type: e.kind,
    src: peerKey(e.src),
    dst: peerKey(e.dst),
    ref1: e.before.toString(),
    ref2: e.after.toString(),
    ...workloadsInfo(e) ? { workloads_diff_info: workloadsInfo(e) } : {},
    ...r.explanations?.[i] ? { explanation: jsonExplanation(r.explanations[i]) } : {}
  }));
  return `${JSON.stringify({ refs: r.refs, added_workloads: r.diff.addedWorkloads, removed_workloads: r.diff.removedWorkloads, entries: rows }, null, 2)}
`;
}
function jsonExplanation(x) {
  return { ...x.before ? { ref1: explanationData(x.before) } : {}, ...x.after ? { ref2: explanationData(x.after) } : {}, files: x.files };
}
function renderDiffCsv(r) {
  const [ref1, ref2] = r.named ? [r.refs.before, r.refs.after] : ["ref1", "ref2"];
  const rows = [["diff-type", "source", "destination", ref1, ref2, "workloads-diff-info"].map(csvCell).join(",")];
  for (const e of r.diff.entries) rows.push([e.kind, peerKey(e.src), peerKey(e.dst), e.before.toString(), e.after.toString(), workloadsInfo(e) ?? ""].map(csvCell).join(","));
  return `${rows.join("\n")}
`;
}
function sentence(e) {
  switch (e.kind) {
    case "added":
      return `now allowed ${markdownCode(e.after.toString())}`;
    case "removed":
      return `no longer allowed (was ${markdownCode(e.before.toString())})`;
    case "changed": {
      const parts = [];
      if (!e.gained.isEmpty) parts.push(`now also ${markdownCode(e.gained.toString())}`);
      if (!e.lost.isEmpty) parts.push(`no longer ${markdownCode(e.lost.toString())}`);
      return `${parts.join("; ")} (was ${markdownCode(e.before.toString())}, now ${markdownCode(e.after.toString())})`;
    }
  }
}
function chain(steps) {
  return markdownCode(verdictChain(steps));
}
function stepLine(s) {
  const rule = s.rule ? ` ${s.rule.direction} rule ${s.rule.index}${s.rule.name ? ` ${markdownCode(s.rule.name)}` : ""}` : "";
  const where = s.at ? ` at ${markdownCode(`${s.at.file}:${s.at.line ?? 0}`)}` : "";
  const what = s.policy ? `${markdownCode(s.policy)}${rule}${where}` : s.layer === "default" ? "no policy applies" : "";
  return `[${s.layer}] ${s.verdict} ${markdownCode(s.conns.toString())}: ${what}`;
}
function sideLines(label, p) {
  if (!p) return [];
  const out = [`- ${label}: ${markdownCode(p.conns.toString())}`];
  if (p.exposure) out.push(`  - exposed by ${p.exposure.by.map(markdownCode).join(", ")} on ${markdownCode(p.exposure.ports.toString())}`);
  if (p.egress) {
    out.push(`  - source egress: ${chain(p.egress)}`);
    for (const s of p.egress) out.push(`    - ${stepLine(s)}`);
  }
  if (p.ingress) {
    out.push(`  - destination ingress: ${chain(p.ingress)}`);
    for (const s of p.ingress) out.push(`    - ${stepLine(s)}`);
  }
  return out;
}
var SECTION = {
  added: "Newly allowed",
  removed: "No longer allowed",
  changed: "Changed"
};
function renderDiffMd(r) {
  const count = (k) => r.diff.entries.filter((e) => e.kind === k).length;
  const out = ["### netpol-ci: connectivity diff", ""];
  out.push(`${markdownCode(r.refs.before)} → ${markdownCode(r.refs.after)}`, "");
  if (r.diff.entries.length === 0) {
    out.push("**No connectivity change.**");
    return `${out.join("\n")}
`;
  }
  out.push(`**${count("added")} added · ${count("removed")} removed · ${count("changed")} changed**`);
  if (r.diff.addedWorkloads.length + r.diff.removedWorkloads.length > 0) {
    out.push("", `Workloads added: ${r.diff.addedWorkloads.map(markdownCode).join(", ") || "none"}; removed: ${r.diff.removedWorkloads.map(markdownCode).join(", ") || "none"}.`);
  }
  const files = [...new Set((r.explanations ?? []).flatMap((x) => x.files))].sort();
  if (files.length > 0) out.push("", `Policy files that changed the answer: ${files.map(markdownCode).join(", ")}`);
  for (const kind of ["added", "removed", "changed"]) {
    const items = r.diff.entries.map((e, i) => [e, i]).filter(([e]) => e.kind === kind);
    if (items.length === 0) continue;
    out.push("", `#### ${SECTION[kind]} (${items.length})`, "");
    for (const [e, i] of items) {
      const info = workloadsInfo(e) ? ` _(${escapeMarkdown(workloadsInfo(e))})_` : "";
      out.push(`- ${markdownCode(peerKey(e.src))} → ${markdownCode(peerKey(e.dst))}: ${sentence(e)}${info}`);
      const x = r.explanations?.[i];
      if (x && (x.before || x.after)) {
        out.push("  <details><summary>why</summary>", "");
        for (const l of [...sideLines(`before (${markdownCode(r.refs.before)})`, x.before), ...sideLines(`after (${markdownCode(r.refs.after)})`, x.after)]) out.push(`  ${l}`);
        out.push("", "  </details>");
      }
    }
  }
  return `${out.join("\n")}
`;
}
var MERMAID_EDGE_CAP = 60;
function renderDiffMermaid(r, cap = MERMAID_EDGE_CAP) {
  const ids = /* @__PURE__ */ new Map();
  const id = (k) => {
    if (!ids.has(k)) ids.set(k, `n${ids.size}`);
    return ids.get(k);
  };
  const lines = r.named ? ["---", `title: ${JSON.stringify(oneLine(`${r.refs.before} → ${r.refs.after}`).replace(/`/g, "'"))}`, "---", "graph LR"] : ["graph LR"];
  const styles = [];
  const shown = r.diff.entries.slice(0, cap);
  shown.forEach((e, i) => {
    const s = peerKey(e.src);
    const d = peerKey(e.dst);
    const label = e.kind === "removed" ? `removed: ${e.before.toString()}` : e.kind === "added" ? `added: ${e.after.toString()}` : `${e.before.toString()} to ${e.after.toString()}`;
    lines.push(`  ${id(s)}["${escapeMermaid(s)}"] -->|"${escapeMermaid(label)}"| ${id(d)}["${escapeMermaid(d)}"]`);
    const color = e.kind === "added" ? "#2da44e" : e.kind === "removed" ? "#cf222e" : "#bf8700";
    styles.push(`  linkStyle ${i} stroke:${color},stroke-width:2px`);
  });
  lines.push(...styles);
  if (r.diff.entries.length > cap) {
    lines.push(`  more["${r.diff.entries.length - cap} more changed edges not shown"]`);
  }
  return `${lines.join("\n")}
`;
}

// src/pipeline/diff.ts
import path from "node:path";

// src/connectivity/explain.ts
function resolveStep(s) {
  return {
    layer: s.layer,
    verdict: s.verdict,
    ...s.policy ? { policy: policyKey(s.policy.ref) } : {},
    ...s.rule ? { rule: { direction: s.rule.ref.direction, index: s.rule.ref.index, ...s.rule.ref.name ? { name: s.rule.ref.name } : {} } } : {},
    ...s.policy ? { at: originRef(s.policy.origin, s.rule ? ["spec", s.rule.ref.direction, s.rule.ref.index] : []) } : {},
    conns: s.conns
  };
}
function atomOf(engine, range) {
  return engine.atoms.findIndex((a) => a.family === range.family && a.lo <= range.lo && range.lo <= a.hi);
}
function classesOf(engine, p) {
  if (p.kind === "workload") {
    const list = engine.classes.byWorkload.get(workloadKey(p.ref));
    return list && list.length > 0 ? list : void 0;
  }
  if (p.kind === "ingress-controller") return engine.classes.ingressController ? [engine.classes.ingressController] : void 0;
  if (p.kind === "external") return [void 0];
  return void 0;
}
var stepId = (s) => `${s.layer}|${s.verdict}|${s.policy ?? ""}|${s.rule ? `${s.rule.direction}#${s.rule.index}` : ""}|${s.conns.key}`;
function distinctSteps(steps) {
  const seen = /* @__PURE__ */ new Set();
  return steps.filter((s) => !seen.has(stepId(s)) && (seen.add(stepId(s)), true));
}
function explainPair(engine, src, dst) {
  const srcClasses = classesOf(engine, src);
  const dstClasses = classesOf(engine, dst);
  if (!srcClasses || !dstClasses) return void 0;
  const asEvalPeer = (p, cls) => p.kind === "external" ? { kind: "atom", atom: atomOf(engine, p.range) } : { kind: "class", cls };
  let conns = ConnectionSet.NONE;
  const egress = [];
  const ingress = [];
  for (const sc of srcClasses) {
    for (const dc of dstClasses) {
      let pair = ConnectionSet.ALL;
      if (src.kind === "workload" && sc) {
        const trace = [];
        pair = pair.intersect(engine.evaluate(sc, "egress", asEvalPeer(dst, dc), trace));
        egress.push(...trace.map(resolveStep));
      }
      if (dst.kind === "workload" && dc) {
        const trace = [];
        pair = pair.intersect(engine.evaluate(dc, "ingress", asEvalPeer(src, sc), trace));
        ingress.push(...trace.map(resolveStep));
      }
      conns = conns.union(pair);
    }
  }
  let exposure;
  if (src.kind === "ingress-controller" && dst.kind === "workload") {
    const key = workloadKey(dst.ref);
    const ports = engine.exposure.ports.get(key) ?? ConnectionSet.NONE;
    exposure = { by: engine.exposure.exposedBy.get(key) ?? [], ports };
    conns = conns.intersect(ports);
  }
  return {
    src: peerKey(src),
    dst: peerKey(dst),
    conns,
    ...src.kind === "workload" ? { egress: distinctSteps(egress) } : {},
    ...dst.kind === "workload" ? { ingress: distinctSteps(ingress) } : {},
    ...exposure ? { exposure } : {}
  };
}
function stepsOf(e) {
  return e ? [...e.egress ?? [], ...e.ingress ?? []] : [];
}
function changedFiles(before, after) {
  const id = stepId;
  const a = stepsOf(before);
  const b = stepsOf(after);
  const inA = new Set(a.map(id));
  const inB = new Set(b.map(id));
  const files = /* @__PURE__ */ new Set();
  for (const s of a) if (!inB.has(id(s)) && s.at) files.add(s.at.file);
  for (const s of b) if (!inA.has(id(s)) && s.at) files.add(s.at.file);
  return [...files].sort();
}
function explainDiff(before, after, diff) {
  return diff.entries.map((e) => {
    const b = e.kind === "added" && e.oneSided ? void 0 : explainPair(before, e.src, e.dst);
    const a = e.kind === "removed" && e.oneSided ? void 0 : explainPair(after, e.src, e.dst);
    return { ...b ? { before: b } : {}, ...a ? { after: a } : {}, files: changedFiles(b, a) };
  });
}

// src/pipeline/diff.ts
function loadSide(io, label, inputs, settings, cache, mapping) {
  const { load, diagnostics } = loadInputs(io, inputs, settings, cache, mapping);
  const engine = new PolicyEngine(load.cluster, engineOptions(settings));
  return { label, engine, diagnostics: [...diagnostics, ...engine.diagnostics] };
}
var POLICY_KINDS = /* @__PURE__ */ new Set(["NetworkPolicy", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy"]);
var isPolicy = (o) => POLICY_KINDS.has(o.kind);
function loadPolicySide(io, label, side, workloads, workloadsPath, settings, cache) {
  const policies = loadInputs(io, [side], settings, cache);
  const all = [...policies.diagnostics];
  const ignoredHere = policies.load.cluster.objects.filter((o) => !isPolicy(o)).length;
  if (ignoredHere > 0) all.push(diag(Codes.unsupportedValue, "warning", `--workloads: ${ignoredHere} non-policy object(s) in ${side} ignored; the workloads come from ${workloadsPath}`));
  const built = buildCluster([...policies.load.cluster.objects.filter(isPolicy), ...workloads.load.cluster.objects.filter((o) => !isPolicy(o))]);
  const engine = new PolicyEngine(built.cluster, engineOptions(settings));
  all.push(...built.diagnostics, ...engine.diagnostics);
  return { label, engine, diagnostics: dedupe(all) };
}
function dedupe(diagnostics) {
  const seen = /* @__PURE__ */ new Set();
  return diagnostics.filter((d) => {
    const k = formatDiagnostic(d);
    return !seen.has(k) && (seen.add(k), true);
  });
}
function loadDiffSides(io, request, settings) {
  const cache = new ParseCache();
  if (request.kind === "paths" && request.workloads !== void 0) {
    const workloads = loadInputs(io, [request.workloads], settings, cache);
    const inW = workloads.load.cluster.objects.filter(isPolicy).length;
    const before = loadPolicySide(io, request.before, request.before, workloads, request.workloads, settings, cache);
    const note = inW > 0 ? [diag(Codes.unsupportedValue, "warning", `--workloads: ${inW} policy object(s) in ${request.workloads} ignored; the policies come from the two sides`)] : [];
    const wDiags = dedupe([...workloads.diagnostics, ...note]);
    return { before: { ...before, diagnostics: dedupe([...wDiags, ...before.diagnostics]) }, after: loadPolicySide(io, request.after, request.after, workloads, request.workloads, settings, cache) };
  }
  if (request.kind === "paths") {
    return { before: loadSide(io, request.before, [request.before], settings, cache), after: loadSide(io, request.after, [request.after], settings, cache) };
  }
  const { repo, base, head } = request;
  const limits = { timeoutMs: settings.render.timeoutMs, ...settings.render.timeoutFlag ? { timeoutFlag: settings.render.timeoutFlag } : {} };
  const top = io.repoTop(repo, limits);
  const sub = request.paths.length > 0 ? request.paths : ["."];
  for (const p of sub) {
    if (!io.pathExists(repo, base, p, limits) && !io.pathExists(repo, head, p, limits)) throw new ConfigError(`${p} exists neither at ${base} nor at ${head} (paths are relative to the repository root)`);
  }
  const trees = [];
  try {
    const side = (ref) => {
      const tree = io.exportTree(repo, ref, ["."], limits);
      trees.push(tree);
      const rel = (abs) => path.relative(tree.dir, abs).split(path.sep).join("/");
      const inputs = sub.filter((p) => io.pathExists(repo, ref, p)).map((p) => path.join(tree.dir, p));
      const loaded = loadSide(io, ref, inputs, settings, cache, { display: (abs) => `${ref}:${rel(abs) || "."}`, logical: (abs) => path.join(top, rel(abs)), root: tree.dir });
      return { ...loaded, diagnostics: loaded.diagnostics.map((d) => withoutTempPaths(d, tree.dir, ref)) };
    };
    return { before: side(base), after: side(head) };
  } finally {
    for (const t of trees) t.dispose();
  }
}
function withoutTempPaths(d, dir, ref) {
  const scrub = (text) => text.split(`${dir}${path.sep}`).join(`${ref}:`).split(dir).join(`${ref}:.`);
  if (!d.message.includes(dir) && !(d.hint ?? "").includes(dir)) return d;
  return { ...d, message: scrub(d.message), ...d.hint !== void 0 ? { hint: scrub(d.hint) } : {} };
}
function runDiff(io, request, settings, options = {}) {
  const { before, after } = loadDiffSides(io, request, settings);
  const diff = diffConnectivity(before.engine.connectivity(), after.engine.connectivity());
  const explanations = options.explain ? explainDiff(before.engine, after.engine, diff) : void 0;
  return {
    diff,
    refs: { before: before.label, after: after.label },
    before,
    after,
    ...explanations ? { explanations } : {},
    diagnostics: dedupe([...before.diagnostics, ...after.diagnostics])
  };
}

export {
  policyKey,
  compilePolicies,
  evaluateRules,
  PolicyEngine,
  analyzeConnectivity,
  workloadsInfo,
  diffConnectivity,
  refine,
  explainPair,
  explainDiff,
  verdictChain,
  renderExplanationTxt,
  explanationData,
  renderExplanationsJson,
  DIFF_FORMATS,
  renderDiffTxt,
  renderDiffJson,
  renderDiffCsv,
  renderDiffMd,
  renderDiffMermaid,
  runDiff
};
