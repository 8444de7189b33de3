import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  explainPair
} from "./chunk-2N74GJOT.js";
import {
  loadInputs
} from "./chunk-BECTGLCW.js";
import {
  analyzeConnectivity
} from "./chunk-3HQQSEID.js";
import {
  ConnectionSet,
  IntervalSet,
  NAMESPACE_NAME_LABEL,
  PROTOCOLS,
  engineOptions,
  formatIp,
  formatRange,
  isProtocol,
  locate,
  parseCidr,
  peerKey
} from "./chunk-YS4F6JR5.js";
import {
  Codes,
  diag,
  dump,
  external_exports,
  load,
  parseManifestFile
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError
} from "./chunk-LJ56FUY6.js";

// src/baseline/selector.ts
var KEY_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
var DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
function labelKeyError(key3) {
  const parts = key3.split("/");
  if (parts.length > 2) return `invalid label key "${key3}": at most one "/"`;
  const [prefix, name] = parts.length === 2 ? parts : [void 0, parts[0]];
  if (prefix !== void 0 && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return `invalid label key "${key3}": the prefix must be a DNS subdomain`;
  if (!name || name.length > 63 || !KEY_NAME.test(name)) return `invalid label key "${key3}": the name must be 1-63 alphanumerics, "-", "_" or ".", starting and ending alphanumeric`;
  return void 0;
}
function labelValueError(value) {
  if (value.length > 63 || !VALUE.test(value)) return `invalid label value "${value}": at most 63 alphanumerics, "-", "_" or ".", starting and ending alphanumeric`;
  return void 0;
}
function splitTop(text) {
  const out = [];
  let depth = 0;
  let cur = "";
  for (const c of text) {
    if (c === "(") depth++;
    if (c === ")") depth--;
    if (c === "," && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}
function parseRequirements(text) {
  const out = [];
  for (const raw of splitTop(text)) {
    const s = raw.trim();
    if (!s) return { ok: false, error: `empty requirement in "${text}"` };
    let r;
    let m;
    if (m = /^!\s*(\S+)$/.exec(s)) r = { op: "DoesNotExist", key: m[1] };
    else if (m = /^([^=!\s]+)\s*!=\s*(\S*)$/.exec(s)) r = { op: "NotIn", key: m[1], values: [m[2]] };
    else if (m = /^([^=!\s]+)\s*==?\s*(\S*)$/.exec(s)) r = { op: "In", key: m[1], values: [m[2]] };
    else if (m = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(s)) {
      const values = m[3].split(",").map((v) => v.trim());
      if (values.length === 0 || values.some((v) => v === "")) return { ok: false, error: `"${s}": the value list must not be empty or hold empty values` };
      r = { op: m[2] === "in" ? "In" : "NotIn", key: m[1], values };
    } else if (/^[^\s=!(),]+$/.test(s)) r = { op: "Exists", key: s };
    else return { ok: false, error: `"${s}" is not a label requirement (k=v, k!=v, k in (a,b), k notin (a,b), k, !k)` };
    const keyError = labelKeyError(r.key);
    if (keyError) return { ok: false, error: keyError };
    if (r.op === "In" || r.op === "NotIn") {
      for (const v of r.values) {
        const e = labelValueError(v);
        if (e) return { ok: false, error: e };
      }
    }
    out.push(r);
  }
  return { ok: true, value: out };
}
function matchesRequirements(reqs, labels) {
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.op) {
      case "Exists":
        return has;
      case "DoesNotExist":
        return !has;
      case "In":
        return has && r.values.includes(labels[r.key]);
      case "NotIn":
        return !has || !r.values.includes(labels[r.key]);
    }
  });
}
function formatRequirements(reqs) {
  return reqs.map((r) => {
    switch (r.op) {
      case "Exists":
        return r.key;
      case "DoesNotExist":
        return `!${r.key}`;
      case "In":
        return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(",")})`;
      case "NotIn":
        return r.values.length === 1 ? `${r.key}!=${r.values[0]}` : `${r.key} notin (${r.values.join(",")})`;
    }
  }).join(",");
}
function toLabelSelector(reqs) {
  if (reqs.length === 0) return {};
  return { matchExpressions: reqs.map((r) => r.op === "In" || r.op === "NotIn" ? { key: r.key, operator: r.op, values: [...r.values] } : { key: r.key, operator: r.op }) };
}

// src/baseline/match.ts
function workloadMatches(e, w, cluster) {
  if (e.kind === "any") return true;
  if (e.kind === "cidr") return false;
  const nsLabels = cluster.namespaces.get(w.ref.namespace)?.labels ?? {};
  if (!matchesRequirements(e.namespaces, nsLabels)) return false;
  return w.pods.some((p) => matchesRequirements(e.pods, p.labels));
}
function rangeWithin(e, range) {
  if (e.kind === "any") return range;
  if (e.kind !== "cidr" || e.range.family !== range.family) return void 0;
  const lo = e.range.lo > range.lo ? e.range.lo : range.lo;
  const hi = e.range.hi < range.hi ? e.range.hi : range.hi;
  return lo <= hi ? { family: range.family, lo, hi } : void 0;
}
var RuleMatcher = class {
  constructor(cluster) {
    this.cluster = cluster;
    this.byKey = new Map(cluster.workloads.map((w) => [key(w), w]));
  }
  cluster;
  cache = /* @__PURE__ */ new Map();
  byKey;
  workloads(e) {
    let s = this.cache.get(e);
    if (!s) {
      s = new Set(this.cluster.workloads.filter((w) => workloadMatches(e, w, this.cluster)).map(key));
      this.cache.set(e, s);
    }
    return s;
  }
  workload(k) {
    return this.byKey.get(k);
  }
  keys = /* @__PURE__ */ new WeakMap();
  /** A workload's key, built once per reference object (the check asks for it once per rule and connection). */
  keyOf(ref) {
    let k = this.keys.get(ref);
    if (k === void 0) this.keys.set(ref, k = `${ref.namespace}/${ref.name}[${ref.kind}]`);
    return k;
  }
  /** The peer narrowed to what the side selects (an address range clipped to the CIDR), or undefined. */
  narrow(e, p) {
    if (p.kind === "workload") return e.kind === "any" || this.workloads(e).has(this.keyOf(p.ref)) ? p : void 0;
    if (p.kind === "external") {
      const r = rangeWithin(e, p.range);
      return r ? { kind: "external", range: r } : void 0;
    }
    return void 0;
  }
  /** Both sides of the rule, narrowed; undefined when the rule does not cover the pair. */
  pair(rule, src, dst) {
    const s = this.narrow(rule.from, src);
    if (!s) return void 0;
    const d = this.narrow(rule.to, dst);
    if (!d) return void 0;
    return { src: s, dst: d };
  }
};
function key(w) {
  return `${w.ref.namespace}/${w.ref.name}[${w.ref.kind}]`;
}

// src/baseline/violation.ts
function ruleRefKey(r) {
  return r.kind === "rule" ? `${r.rule.origin.file}:${r.rule.origin.doc}:${r.rule.origin.line ?? 0}:${r.rule.name}` : `${r.file}:default`;
}
function ruleRefLabel(r) {
  return r.kind === "rule" ? `${r.rule.name} (${r.rule.action})` : "default: deny";
}
function ruleRefOrigin(r) {
  return r.kind === "rule" ? r.rule.origin : r.origin;
}

// src/baseline/compare.ts
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function peerOrder(p) {
  return p.kind === "external" ? `~${p.range.family}:${p.range.lo.toString(16).padStart(32, "0")}` : peerKey(p);
}
function compareRuleRefs(a, b) {
  const x = ruleRefOrigin(a);
  const y = ruleRefOrigin(b);
  return cmp(x.file, y.file) || x.doc - y.doc || (x.line ?? 0) - (y.line ?? 0) || cmp(ruleRefKey(a), ruleRefKey(b));
}
function compareViolations(a, b) {
  return compareRuleRefs(a.rule, b.rule) || cmp(peerOrder(a.src), peerOrder(b.src)) || cmp(peerOrder(a.dst), peerOrder(b.dst)) || cmp(a.engine, b.engine);
}
function compareEngines(rule, builtin, nca) {
  const ranges = [...builtin, ...nca].flatMap((v) => [v.src, v.dst]).flatMap((p) => p.kind === "external" ? [p.range] : []);
  const cuts = boundaries(ranges);
  const collect = (vs) => {
    const m = /* @__PURE__ */ new Map();
    for (const v of vs) {
      for (const src of refine(v.src, cuts)) {
        for (const dst of refine(v.dst, cuts)) {
          const k = `${peerOrder(src)}\0${peerOrder(dst)}`;
          const cur = m.get(k);
          m.set(k, { src, dst, conns: cur ? cur.conns.union(v.conns) : v.conns });
        }
      }
    }
    return m;
  };
  const a = collect(builtin);
  const b = collect(nca);
  const pairs = [];
  for (const k of [.../* @__PURE__ */ new Set([...a.keys(), ...b.keys()])].sort(cmp)) {
    const x = a.get(k);
    const y = b.get(k);
    const bc = x?.conns ?? ConnectionSet.NONE;
    const nc = y?.conns ?? ConnectionSet.NONE;
    if (bc.equals(nc)) continue;
    const any = x ?? y;
    pairs.push({ src: any.src, dst: any.dst, builtin: bc, nca: nc });
  }
  if (pairs.length === 0) return void 0;
  return { rule, builtinHolds: builtin.length === 0, ncaHolds: nca.length === 0, pairs, witness: smallest(pairs) };
}
function smallest(pairs) {
  let best;
  for (const p2 of pairs) {
    const diff2 = p2.builtin.subtract(p2.nca).union(p2.nca.subtract(p2.builtin));
    let size = 0;
    for (const [, ports2] of diff2.entries()) size += ports2.size;
    if (!best || size < best.size) best = { p: p2, size };
  }
  const p = best.p;
  const diff = p.builtin.subtract(p.nca).union(p.nca.subtract(p.builtin));
  const [proto, ports] = diff.entries().next().value;
  const first = ports.intervals().next().value;
  const one = ConnectionSet.port(proto, first[0]);
  return { src: narrowPeer(p.src), dst: narrowPeer(p.dst), builtin: p.builtin.intersect(one), nca: p.nca.intersect(one) };
}
function narrowPeer(p) {
  return p.kind === "external" ? { kind: "external", range: { family: p.range.family, lo: p.range.lo, hi: p.range.lo } } : p;
}
function boundaries(ranges) {
  const m = /* @__PURE__ */ new Map();
  for (const r of ranges) {
    let s = m.get(r.family);
    if (!s) m.set(r.family, s = /* @__PURE__ */ new Set());
    s.add(r.lo);
    s.add(r.hi + 1n);
  }
  return new Map([...m].map(([f, s]) => [f, [...s].sort((x, y) => x < y ? -1 : x > y ? 1 : 0)]));
}
function refine(p, cuts) {
  if (p.kind !== "external") return [p];
  const out = [];
  let lo = p.range.lo;
  for (const c of cuts.get(p.range.family) ?? []) {
    if (c > lo && c <= p.range.hi) {
      out.push({ kind: "external", range: { family: p.range.family, lo, hi: c - 1n } });
      lo = c;
    }
  }
  out.push({ kind: "external", range: { family: p.range.family, lo, hi: p.range.hi } });
  return out;
}

// src/baseline/check.ts
function checkBaseline(cluster, engine, connectivity, rules) {
  const matcher = new RuleMatcher(cluster);
  let external;
  const conns = () => {
    if (!external) {
      external = /* @__PURE__ */ new Map();
      for (const c of connectivity.connections) if (c.src.kind === "external" || c.dst.kind === "external") external.set(`${peerKey(c.src)}\0${peerKey(c.dst)}`, c.conns);
    }
    return external;
  };
  const out = [];
  const explainer = new Explainer(engine);
  const keys = connectivity.connections.map((c) => [c.src.kind === "workload" ? matcher.keyOf(c.src.ref) : void 0, c.dst.kind === "workload" ? matcher.keyOf(c.dst.ref) : void 0]);
  const sideFilter = (e) => {
    if (e.kind === "any") return (_k, p) => p.kind === "workload" || p.kind === "external";
    if (e.kind === "cidr") return (_k, p) => p.kind === "external";
    const set = matcher.workloads(e);
    return (k) => k !== void 0 && set.has(k);
  };
  for (const rule of rules.rules) {
    const ref = { kind: "rule", rule };
    if (rule.action === "deny") {
      const fromOk = sideFilter(rule.from);
      const toOk = sideFilter(rule.to);
      for (let i = 0; i < connectivity.connections.length; i++) {
        const c = connectivity.connections[i];
        const [sk, dk] = keys[i];
        if (!fromOk(sk, c.src) || !toOk(dk, c.dst)) continue;
        const bad = c.conns.intersect(rule.conns);
        if (bad.isEmpty) continue;
        const p = matcher.pair(rule, c.src, c.dst);
        if (!p) continue;
        out.push(violation(ref, "forbidden-allowed", p.src, p.dst, bad, explainer.causes(p.src, p.dst, bad, "allows")));
      }
    } else {
      for (const { src, dst, allowed } of coveredPairs(rule, matcher, engine, conns)) {
        const missing = rule.conns.subtract(allowed);
        if (missing.isEmpty) continue;
        out.push(violation(ref, "required-blocked", src, dst, missing, explainer.causes(src, dst, missing, "blocks")));
      }
    }
  }
  for (const d of rules.defaults) out.push(...checkDefaultDeny(d, matcher, connectivity, explainer));
  return out.sort(compareViolations);
}
function violation(rule, kind, src, dst, conns, causes) {
  return { rule, kind, src, dst, conns, engine: "builtin", causes };
}
function* coveredPairs(rule, matcher, engine, conns) {
  const srcs = [...matcher.workloads(rule.from)].sort();
  const dsts = [...matcher.workloads(rule.to)].sort();
  const memo = /* @__PURE__ */ new Map();
  const classesOf = (k) => engine.classes.byWorkload.get(k) ?? [];
  const between = (s, d) => {
    const sc = classesOf(s);
    const dc = classesOf(d);
    const key3 = `${sc.map((c) => c.id).join(",")}>${dc.map((c) => c.id).join(",")}`;
    let r = memo.get(key3);
    if (!r) {
      r = ConnectionSet.NONE;
      for (const a of sc) for (const b of dc) r = r.union(engine.pairConns(a, b));
      memo.set(key3, r);
    }
    return r;
  };
  for (const s of srcs) {
    const src = matcher.workload(s);
    if (!src) continue;
    for (const d of dsts) {
      if (s === d) continue;
      const dst = matcher.workload(d);
      if (!dst) continue;
      yield { src: { kind: "workload", ref: src.ref }, dst: { kind: "workload", ref: dst.ref }, allowed: between(s, d) };
    }
  }
  const atoms = engine.atoms;
  const pieces = (side) => side.kind === "pods" ? [] : atoms.flatMap((atom) => {
    const piece = matcher.narrow(side, { kind: "external", range: atom });
    return piece && piece.kind === "external" ? [{ atom, piece: piece.range }] : [];
  });
  for (const { atom, piece } of pieces(rule.from)) {
    for (const d of dsts) {
      const dst = matcher.workload(d);
      if (!dst) continue;
      const allowed = conns().get(`${peerKey({ kind: "external", range: atom })}\0${d}`) ?? ConnectionSet.NONE;
      yield { src: { kind: "external", range: piece }, dst: { kind: "workload", ref: dst.ref }, allowed };
    }
  }
  for (const { atom, piece } of pieces(rule.to)) {
    for (const s of srcs) {
      const src = matcher.workload(s);
      if (!src) continue;
      const allowed = conns().get(`${s}\0${peerKey({ kind: "external", range: atom })}`) ?? ConnectionSet.NONE;
      yield { src: { kind: "workload", ref: src.ref }, dst: { kind: "external", range: piece }, allowed };
    }
  }
}
function checkDefaultDenyOn(cluster, d, connections, engine) {
  return checkDefaultDeny(d, new RuleMatcher(cluster), { connections, workloads: [], ipRanges: [] }, void 0).map((v) => ({ ...v, engine }));
}
function checkDefaultDeny(d, matcher, connectivity, explainer) {
  const ref = { kind: "default-deny", file: d.file, origin: d.origin };
  const out = [];
  const cuts = d.allowRules.flatMap((r) => [r.from, r.to]).flatMap((e) => e.kind === "cidr" ? [e.range] : []);
  for (const c of connectivity.connections) {
    if (c.src.kind === "ingress-controller" || c.src.kind === "gateway" || c.dst.kind === "gateway") continue;
    for (const src of splitPeer(c.src, cuts)) {
      for (const dst of splitPeer(c.dst, cuts)) {
        let rest = c.conns;
        for (const r of d.allowRules) {
          if (rest.isEmpty) break;
          if (matcher.pair(r, src, dst)) rest = rest.subtract(r.conns);
        }
        if (!rest.isEmpty) out.push(violation(ref, "outside-allow-rules", src, dst, rest, explainer ? explainer.causes(src, dst, rest, "allows") : []));
      }
    }
  }
  return out;
}
function splitPeer(p, cuts) {
  if (p.kind !== "external") return [p];
  const points = /* @__PURE__ */ new Set();
  for (const c of cuts) {
    if (c.family !== p.range.family) continue;
    if (c.lo > p.range.lo && c.lo <= p.range.hi) points.add(c.lo);
    if (c.hi >= p.range.lo && c.hi < p.range.hi) points.add(c.hi + 1n);
  }
  if (points.size === 0) return [p];
  const sorted = [...points].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  const out = [];
  let lo = p.range.lo;
  for (const x of sorted) {
    out.push({ kind: "external", range: { family: p.range.family, lo, hi: x - 1n } });
    lo = x;
  }
  out.push({ kind: "external", range: { family: p.range.family, lo, hi: p.range.hi } });
  return out;
}
var Explainer = class {
  constructor(engine) {
    this.engine = engine;
  }
  engine;
  /** Explanations by the pod classes (or address atoms) of the pair: workloads of one class share them, and locating steps is not free. */
  cache = /* @__PURE__ */ new Map();
  signature(p) {
    if (p.kind === "workload") return (this.engine.classes.byWorkload.get(peerKey(p)) ?? []).map((c) => c.id).join(",");
    if (p.kind === "external") return `@${this.engine.atoms.findIndex((a) => a.family === p.range.family && a.lo <= p.range.lo && p.range.lo <= a.hi)}`;
    return p.kind;
  }
  explain(src, dst) {
    const key3 = `${this.signature(src)}>${this.signature(dst)}`;
    if (!this.cache.has(key3)) this.cache.set(key3, explainPair(this.engine, src, dst));
    return this.cache.get(key3);
  }
  causes(src, dst, conns, why) {
    const x = this.explain(src, dst);
    if (!x) return [];
    const out = [];
    const add = (steps, direction) => {
      for (const s of steps ?? []) {
        const c = s.conns.intersect(conns);
        if (c.isEmpty) continue;
        if (why === "allows" && s.verdict === "Allow") {
          out.push({ verdict: s.policy ? "allows" : "unrestricted", direction, ...s.policy ? { policy: s.policy } : {}, ...s.at ? { at: s.at } : {}, conns: c });
        }
        if (why === "blocks" && (s.verdict === "Isolated" || s.verdict === "Deny")) {
          out.push({ verdict: s.verdict === "Isolated" ? "isolates" : "denies", direction, ...s.policy ? { policy: s.policy } : {}, ...s.at ? { at: s.at } : {}, conns: c });
        }
      }
    };
    add(x.egress, "egress");
    add(x.ingress, "ingress");
    return out;
  }
};

// src/baseline/nca-query.ts
var ADMIN_KINDS = /* @__PURE__ */ new Set(["AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy"]);
function ncaUnsupported(cluster) {
  const admin = cluster.objects.filter((o) => ADMIN_KINDS.has(o.kind));
  if (admin.length > 0) return `the configuration has ${admin.length} admin network polic${admin.length === 1 ? "y" : "ies"} (AdminNetworkPolicy/BaselineAdminNetworkPolicy), which nca 2.1.0 does not model`;
  return void 0;
}
function rawObject(o) {
  let v = o.origin.document.value;
  for (const p of o.origin.path) v = v[p];
  const obj = { ...v };
  obj.kind = o.kind;
  obj.apiVersion = typeof obj.apiVersion === "string" && obj.apiVersion ? obj.apiVersion : "networking.k8s.io/v1";
  const meta = { ...obj.metadata ?? {} };
  if (!meta.namespace) meta.namespace = "default";
  obj.metadata = meta;
  return obj;
}
function portsOf(conns) {
  if (conns.isAll) return void 0;
  const out = [];
  for (const [protocol, ports] of conns.entries()) {
    for (const [lo, hi] of ports.intervals()) out.push(lo === hi ? { protocol, port: lo } : { protocol, port: lo, endPort: hi });
  }
  return out;
}
function cidrText(r) {
  const bits = r.family === 4 ? 32 : 128;
  const size = r.hi - r.lo + 1n;
  const prefix = bits - (size.toString(2).length - 1);
  return `${formatIp(r.family, r.lo)}/${prefix}`;
}
function ncaRequirements(reqs, valuesOf) {
  return reqs.flatMap((r) => {
    if (r.op === "In" || r.op === "NotIn") return [r];
    const values = valuesOf(r.key);
    if (r.op === "Exists") return [{ op: "In", key: r.key, values: values.length > 0 ? values : [NO_VALUE] }];
    return values.length === 0 ? [] : [{ op: "NotIn", key: r.key, values }];
  });
}
var NO_VALUE = "netpol-ci.no-such-value";
function labelValues(cluster) {
  const collect = (labelSets) => {
    const m = /* @__PURE__ */ new Map();
    for (const l of labelSets) for (const [k, v] of Object.entries(l)) (m.get(k) ?? m.set(k, /* @__PURE__ */ new Set()).get(k))?.add(v);
    return (key3) => [...m.get(key3) ?? []].sort();
  };
  return {
    pods: collect(cluster.workloads.flatMap((w) => w.pods.map((p) => p.labels))),
    namespaces: collect([...cluster.namespaces.values()].map((n) => n.labels))
  };
}
function peersOf(e, values) {
  if (e.kind === "any") return void 0;
  if (e.kind === "cidr") return [{ ipBlock: { cidr: cidrText(e.range) } }];
  return [{ podSelector: toLabelSelector(ncaRequirements(e.pods, values.pods)), namespaceSelector: toLabelSelector(ncaRequirements(e.namespaces, values.namespaces)) }];
}
function yamlDocs(objs) {
  return objs.map((o) => dump(o, { noRefs: true, lineWidth: -1, sortKeys: true })).join("---\n");
}
function buildNcaBatch(cluster, rules, prefix = "", options = {}) {
  const matcher = new RuleMatcher(cluster);
  const values = labelValues(cluster);
  const index = new Map(cluster.workloads.map((w, i) => [w, i]));
  const pods = /* @__PURE__ */ new Map();
  const podsOf = (w) => w.pods.map((shape, n) => {
    const name = `${prefix}w${index.get(w)}-${n}`;
    pods.set(`${w.ref.namespace}/${name}`, w.ref);
    return {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, namespace: w.ref.namespace, labels: { ...shape.labels } },
      spec: {
        ...shape.hostNetwork ? { hostNetwork: true } : {},
        containers: [{ name: "c", image: "x", ports: shape.ports.map((p) => ({ containerPort: p.port, protocol: p.protocol, ...p.name ? { name: p.name } : {} })) }]
      }
    };
  });
  const namespaces = [...cluster.namespaces.values()].sort((a, b) => a.name < b.name ? -1 : 1).map((ns) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns.name, labels: { ...ns.labels } } }));
  const policies = cluster.objects.filter((o) => o.kind === "NetworkPolicy").map(rawObject);
  const nsFile = `${prefix}namespaces.yaml`;
  const files = [{ name: nsFile, text: yamlDocs(namespaces) }];
  const configs = [];
  const planned = [];
  const skipped = [];
  rules.forEach((rule, i) => {
    const ref = { kind: "rule", rule };
    const srcs = cluster.workloads.filter((w) => matcher.workloads(rule.from).has(key2(w)));
    const dsts = cluster.workloads.filter((w) => matcher.workloads(rule.to).has(key2(w)));
    const touched = [.../* @__PURE__ */ new Set([...srcs, ...dsts])];
    const nsTouched = new Set(touched.map((w) => w.ref.namespace));
    const parts = [];
    const ports = portsOf(rule.conns);
    if (rule.to.kind !== "cidr" && dsts.length > 0) {
      const from = peersOf(rule.from, values);
      const ns = [...new Set(dsts.map((w) => w.ref.namespace))].sort();
      parts.push({
        part: "in",
        policies: ns.map((n, k) => ({
          apiVersion: "networking.k8s.io/v1",
          kind: "NetworkPolicy",
          metadata: { name: `baseline-${i}-in-${k}`, namespace: n },
          spec: {
            podSelector: rule.to.kind === "pods" ? toLabelSelector(rule.to.pods) : {},
            policyTypes: ["Ingress"],
            ingress: [{ ...from ? { from } : {}, ...ports ? { ports } : {} }]
          }
        }))
      });
    }
    if (rule.from.kind !== "cidr" && rule.to.kind !== "pods" && srcs.length > 0) {
      const ns = [...new Set(srcs.map((w) => w.ref.namespace))].sort();
      const cidr = rule.to.kind === "cidr" ? cidrText(rule.to.range) : "0.0.0.0/0";
      parts.push({
        part: "out",
        policies: ns.map((n, k) => ({
          apiVersion: "networking.k8s.io/v1",
          kind: "NetworkPolicy",
          metadata: { name: `baseline-${i}-out-${k}`, namespace: n },
          spec: {
            podSelector: rule.from.kind === "pods" ? toLabelSelector(rule.from.pods) : {},
            policyTypes: ["Egress"],
            egress: [{ to: [{ ipBlock: { cidr } }], ...ports ? { ports } : {} }]
          }
        }))
      });
    }
    if (parts.length === 0) {
      skipped.push({ rule: ref, reason: "the rule matches no workload: nothing for nca to check" });
      return;
    }
    files.push({ name: `${prefix}r${i}-pods.yaml`, text: touched.length > 0 ? yamlDocs(touched.flatMap(podsOf)) : "" });
    files.push({ name: `${prefix}r${i}-policies.yaml`, text: yamlDocs(policies.filter((p) => nsTouched.has(p.metadata.namespace))) });
    configs.push({ name: `${prefix}base${i}`, namespaceList: nsFile, podList: `${prefix}r${i}-pods.yaml`, networkPolicyList: [`${prefix}r${i}-policies.yaml`] });
    for (const { part, policies: rp } of parts) {
      files.push({ name: `${prefix}r${i}-${part}.yaml`, text: yamlDocs(rp) });
      configs.push({ name: `${prefix}rule${i}${part}`, namespaceList: nsFile, podList: `${prefix}r${i}-pods.yaml`, networkPolicyList: [`${prefix}r${i}-${part}.yaml`] });
      const kind = rule.action === "allow" ? "permits" : "forbids";
      const id = `${prefix}q${i}${part}`;
      const output = `out-${id}.yaml`;
      planned.push({
        size: touched.length,
        order: planned.length,
        query: { id, rule: ref, kind, output },
        scheme: { name: id, [kind]: [`${prefix}base${i}`, `${prefix}rule${i}${part}`], outputConfiguration: { outputFormat: "yaml", outputPath: output, fullExplanation: true } }
      });
    }
  });
  planned.sort((a, b) => a.size - b.size || a.order - b.order);
  const schemeQueries = planned.map((p) => p.scheme);
  const connectivityOutputs = [];
  if (options.connectivity) {
    files.push({ name: `${prefix}all-pods.yaml`, text: yamlDocs(cluster.workloads.flatMap(podsOf)) });
    files.push({ name: `${prefix}all-policies.yaml`, text: yamlDocs(policies) });
    configs.push({ name: `${prefix}all`, namespaceList: nsFile, podList: `${prefix}all-pods.yaml`, networkPolicyList: [`${prefix}all-policies.yaml`] });
    const output = `out-${prefix}connectivity.txt`;
    connectivityOutputs.push(output);
    schemeQueries.push({ name: `${prefix}connectivity`, connectivityMap: [`${prefix}all`], outputConfiguration: { outputFormat: "txt_no_fw_rules", outputPath: output } });
  }
  return { files, scheme: `${prefix}scheme.yaml`, queries: planned.map((p) => p.query), skipped, pods, configs, schemeQueries, connectivityOutputs };
}
function mergeNcaBatches(batches, name = "scheme.yaml") {
  const scheme = dump({ networkConfigList: batches.flatMap((b) => b.configs), queries: batches.flatMap((b) => b.schemeQueries) }, { noRefs: true, lineWidth: -1 });
  const pods = /* @__PURE__ */ new Map();
  for (const b of batches) for (const [k, v] of b.pods) pods.set(k, v);
  return {
    files: [...batches.flatMap((b) => b.files), { name, text: scheme }],
    scheme: name,
    queries: batches.flatMap((b) => b.queries),
    skipped: batches.flatMap((b) => b.skipped),
    pods,
    connectivityOutputs: batches.flatMap((b) => b.connectivityOutputs)
  };
}
function key2(w) {
  return `${w.ref.namespace}/${w.ref.name}[${w.ref.kind}]`;
}
function parseNcaConns(text) {
  const t = text.trim();
  if (/^all connections$/i.test(t)) return ConnectionSet.ALL;
  if (/^no connections$/i.test(t)) return ConnectionSet.NONE;
  let out = ConnectionSet.NONE;
  const items = t.match(/\{[^{}]*\}/g);
  if (!items) return void 0;
  for (const item of items) {
    const protos = /'protocols':\s*'([^']*)'/.exec(item)?.[1];
    const ports = /'dst_ports':\s*'([^']*)'/.exec(item)?.[1];
    if (!protos) return void 0;
    let portSet = IntervalSet.range(1, 65535);
    if (ports !== void 0) {
      const ranges = [];
      for (const p of ports.split(",").map((s) => s.trim()).filter(Boolean)) {
        const m = /^(\d+)(?:-(\d+))?$/.exec(p);
        if (!m) return void 0;
        ranges.push([Number(m[1]), Number(m[2] ?? m[1])]);
      }
      portSet = IntervalSet.of(ranges);
    }
    const allBut = /^all but\s+(.*)$/i.exec(protos.trim());
    const listed = (allBut ? allBut[1] : protos).split(",").map((s) => s.trim());
    const chosen = allBut ? PROTOCOLS.filter((p) => !listed.includes(p)) : listed.filter(isProtocol);
    for (const proto of chosen) out = out.union(ConnectionSet.of(proto, portSet));
  }
  return out;
}
function peersOfNca(text, pods) {
  const parts = text.split(",").map((p) => peerOfNca(p, pods));
  return parts.every((p) => p !== void 0) ? parts : void 0;
}
function peerOfNca(text, pods) {
  const t = text.trim();
  const ref = pods.get(t);
  if (ref) return { kind: "workload", ref };
  const dash = /^([0-9a-f:.]+)-([0-9a-f:.]+)$/i.exec(t);
  if (dash) {
    const lo = parseCidr(dash[1]);
    const hi = parseCidr(dash[2]);
    if (lo && hi) return { kind: "external", range: { family: lo.family, lo: lo.lo, hi: hi.hi } };
  }
  const r = parseCidr(t);
  if (r) return { kind: "external", range: r };
  return void 0;
}
function parseNcaAnswer(query, text, pods) {
  let doc;
  try {
    doc = load(text);
  } catch {
    return void 0;
  }
  const results = Array.isArray(doc) ? doc : [doc];
  const violations = [];
  const unknownPeers = [];
  let holds = true;
  for (const r of results) {
    if (!r || typeof r !== "object" || typeof r.numerical_result !== "number") return void 0;
    if (r.numerical_result !== 0) holds = false;
    for (const e of r.explanation ?? []) {
      for (const c of e.connections ?? []) {
        const conns = parseNcaConns(String(c.conn ?? ""));
        if (!conns) return void 0;
        if (conns.isEmpty) continue;
        const srcs = c.src ?? [];
        const dsts = c.dst ?? [];
        for (const s of srcs) {
          const srcPeers = peersOfNca(String(s), pods);
          if (!srcPeers) {
            unknownPeers.push(String(s));
            continue;
          }
          for (const d of dsts) {
            const dstPeers = peersOfNca(String(d), pods);
            if (!dstPeers) {
              unknownPeers.push(String(d));
              continue;
            }
            for (const src of srcPeers) {
              for (const dst of dstPeers) {
                if (src.kind === "workload" && dst.kind === "workload" && src.ref === dst.ref) continue;
                violations.push({ rule: query.rule, kind: query.kind === "permits" ? "required-blocked" : "forbidden-allowed", src, dst, conns, engine: "nca", causes: [] });
              }
            }
          }
        }
      }
    }
  }
  return { holds, violations, unknownPeers: [...new Set(unknownPeers)].sort() };
}
function parseNcaConnectivity(text, pods) {
  const connections = [];
  const unknown = /* @__PURE__ */ new Set();
  const endpoint = (t) => peersOfNca(t.replace(/\[[A-Za-z]+\]$/, ""), pods);
  for (const line of text.split("\n")) {
    const m = /^(\S+) => (\S+) : (.*)$/.exec(line.trim());
    if (!m) continue;
    const conns = parseNcaTxtConns(m[3]);
    if (!conns) return void 0;
    const srcs = endpoint(m[1]);
    const dsts = endpoint(m[2]);
    if (!srcs || !dsts) {
      unknown.add(!srcs ? m[1] : m[2]);
      continue;
    }
    for (const src of srcs) for (const dst of dsts) if (!(src.kind === "workload" && dst.kind === "workload" && src.ref === dst.ref)) connections.push({ src, dst, conns });
  }
  return { connections, unknownPeers: [...unknown].sort() };
}
function parseNcaTxtConns(text) {
  const t = text.trim();
  if (/^all connections$/i.test(t)) return ConnectionSet.ALL;
  let out = ConnectionSet.NONE;
  const items = [...t.matchAll(/\{protocols:([^}]*?)(?:,dst_ports:([0-9,-]+?))?(?:,hosts:[^}]*)?\}/g)];
  if (items.length === 0) return void 0;
  for (const m of items) {
    const ranges = (m[2] ?? "1-65535").split(",").map((p) => {
      const [a, b] = p.split("-");
      return [Number(a), Number(b ?? a)];
    });
    const ports = IntervalSet.of(ranges);
    const protos = m[1].trim();
    const allBut = /^all but\s+(.*)$/i.exec(protos);
    const listed = (allBut ? allBut[1] : protos).split(",").map((x) => x.trim());
    for (const p of allBut ? PROTOCOLS.filter((x) => !listed.includes(x)) : listed.filter(isProtocol)) out = out.union(ConnectionSet.of(p, ports));
  }
  return out;
}

// src/baseline/rules.ts
var DNS_SUBDOMAIN2 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var port = external_exports.number({ error: "expected a port number" }).int({ error: "expected an integer port" }).min(1, { error: "a port must be in 1-65535" }).max(65535, { error: "a port must be in 1-65535" });
var selectorText = external_exports.string({ error: "expected a selector string" });
var RuleSchema = external_exports.strictObject(
  {
    name: external_exports.string({ error: "expected a string" }).max(253, { error: "at most 253 characters" }).regex(DNS_SUBDOMAIN2, { error: 'must be a DNS subdomain name (lower-case alphanumerics, "-", ".")' }).optional(),
    description: external_exports.string({ error: "expected a string" }).optional(),
    action: external_exports.enum(["allow", "deny"], { error: "expected allow or deny" }).optional(),
    from: selectorText.optional(),
    to: selectorText.optional(),
    from_ns: selectorText.optional(),
    to_ns: selectorText.optional(),
    protocol: external_exports.enum(["TCP", "UDP", "SCTP"], { error: "expected TCP, UDP or SCTP" }).optional(),
    port_min: port.optional(),
    port_max: port.optional()
  },
  { error: (i) => i.code === "unrecognized_keys" ? `unknown field${i.keys.length > 1 ? "s" : ""} ${i.keys.join(", ")} (a rule has name, description, action, from, to, from_ns, to_ns, protocol, port_min, port_max)` : "expected a rule (a map)" }
);
var NpGuardFileSchema = external_exports.array(external_exports.unknown(), { error: "expected a list of rules" });
var NetalchemyFileSchema = external_exports.strictObject(
  {
    default: external_exports.enum(["allow", "deny"], { error: "expected allow or deny" }).optional(),
    rules: external_exports.array(external_exports.unknown(), { error: "expected a list of rules" })
  },
  { error: (i) => i.code === "unrecognized_keys" ? `unknown field${i.keys.length > 1 ? "s" : ""} ${i.keys.join(", ")} (expected default and rules)` : "expected a list of rules, or a map with rules:" }
);
var RuleReader = class {
  constructor(doc, format) {
    this.doc = doc;
    this.format = format;
  }
  doc;
  format;
  diagnostics = [];
  at(path) {
    return locate(this.doc, path);
  }
  error(path, message) {
    this.diagnostics.push(diag(Codes.baselineInvalidRule, "error", message, this.at(path)));
  }
  /** netalchemy: a `namespace=x` (or `namespace in (...)`) requirement names the namespace. */
  splitNamespace(text, path) {
    const parsed = parseRequirements(text);
    if (!parsed.ok) {
      this.error(path, parsed.error);
      return void 0;
    }
    if (this.format !== "netalchemy") return { pods: parsed.value, namespaces: [] };
    const pods = parsed.value.filter((r) => r.key !== "namespace");
    const namespaces = parsed.value.filter((r) => r.key === "namespace").map((r) => ({ ...r, key: NAMESPACE_NAME_LABEL }));
    return { pods, namespaces };
  }
  endpoint(raw, side, path) {
    const text = raw[side]?.trim() ?? "";
    const nsField = side === "from" ? "from_ns" : "to_ns";
    const nsText = raw[nsField]?.trim() ?? "";
    let namespaces = [];
    if (nsText) {
      if (parseCidr(nsText) || /^[0-9a-f:.]+\/\d+$/i.test(nsText)) {
        this.error([...path, nsField], "a namespace selector cannot be a CIDR");
        return void 0;
      }
      const parsed = parseRequirements(nsText);
      if (!parsed.ok) {
        this.error([...path, nsField], parsed.error);
        return void 0;
      }
      namespaces = parsed.value;
    }
    if (text === "" || text === "*") return nsText ? { kind: "pods", pods: [], namespaces } : { kind: "any" };
    const range = parseCidr(text);
    if (range && /\//.test(text)) {
      if (nsText) {
        this.error([...path, nsField], `${nsField} cannot be combined with a CIDR in ${side}`);
        return void 0;
      }
      return { kind: "cidr", range, text: formatCidrText(text) };
    }
    if (/^[0-9a-f:.]+\/\d+$/i.test(text) || /^\d+\.\d+\.\d+\.\d+$/.test(text)) {
      this.error([...path, side], `"${text}" is not a valid CIDR`);
      return void 0;
    }
    const split = this.splitNamespace(text, [...path, side]);
    if (!split) return void 0;
    return { kind: "pods", pods: split.pods, namespaces: [...namespaces, ...split.namespaces] };
  }
  rule(value, path) {
    const parsed = RuleSchema.safeParse(value);
    if (!parsed.success) {
      for (const i of parsed.error.issues) this.error([...path, ...i.path.filter((p) => typeof p !== "symbol")], i.message);
      return void 0;
    }
    const raw = parsed.data;
    const from = this.endpoint(raw, "from", path);
    const to = this.endpoint(raw, "to", path);
    if (!from || !to) return void 0;
    const lo = raw.port_min ?? 1;
    const hi = raw.port_max ?? 65535;
    if (lo > hi) {
      this.error([...path, "port_max"], `port_max (${hi}) is below port_min (${lo})`);
      return void 0;
    }
    const protocols = raw.protocol ? [raw.protocol] : PROTOCOLS;
    let conns = ConnectionSet.NONE;
    for (const p of protocols) conns = conns.union(ConnectionSet.of(p, IntervalSet.range(lo, hi)));
    return {
      name: raw.name ?? "no-name",
      description: raw.description ?? "",
      action: raw.action ?? "allow",
      from,
      to,
      conns,
      origin: this.at(path),
      format: this.format
    };
  }
};
function formatCidrText(text) {
  const r = parseCidr(text);
  return r ? `${text.trim()}` : text;
}
function parseRuleFile(file, text) {
  const parsedFile = parseManifestFile({ path: file, text });
  const diagnostics = parsedFile.diagnostics.map((d) => d.severity === "error" ? { ...d, code: d.code } : d);
  const docs = parsedFile.documents.filter((d) => d.value !== null && d.value !== void 0);
  if (parsedFile.diagnostics.some((d) => d.severity === "error")) return { rules: [], defaults: [], diagnostics };
  if (docs.length === 0) {
    diagnostics.push(diag(Codes.baselineNoRules, "error", "the baseline rule file holds no rules", { file, doc: 1, line: 1 }));
    return { rules: [], defaults: [], diagnostics };
  }
  const rules = [];
  const defaults = [];
  for (const doc of docs) {
    const isList = Array.isArray(doc.value);
    const format = isList ? "np-guard" : "netalchemy";
    const reader = new RuleReader(doc, format);
    let items;
    let base;
    let defaultDeny = false;
    if (isList) {
      items = NpGuardFileSchema.parse(doc.value);
      base = [];
    } else {
      const f = NetalchemyFileSchema.safeParse(doc.value);
      if (!f.success) {
        for (const i of f.error.issues) reader.error(i.path.filter((p) => typeof p !== "symbol"), i.message);
        diagnostics.push(...reader.diagnostics);
        continue;
      }
      items = f.data.rules;
      base = ["rules"];
      defaultDeny = f.data.default === "deny";
    }
    const fileRules = [];
    items.forEach((item, i) => {
      const r = reader.rule(item, [...base, i]);
      if (r) fileRules.push(r);
    });
    if (items.length === 0 && !defaultDeny) diagnostics.push(diag(Codes.baselineNoRules, "warning", "no rules in this document", reader.at(base)));
    diagnostics.push(...reader.diagnostics);
    rules.push(...fileRules);
    if (defaultDeny) defaults.push({ file, origin: reader.at(["default"]), allowRules: fileRules.filter((r) => r.action === "allow") });
  }
  return { rules, defaults, diagnostics };
}
function formatEndpoint(e) {
  switch (e.kind) {
    case "any":
      return "*";
    case "cidr":
      return formatRange(e.range);
    case "pods": {
      const pods = e.pods.length > 0 ? formatRequirements(e.pods) : "*";
      return e.namespaces.length > 0 ? `${pods} in namespaces ${formatRequirements(e.namespaces)}` : pods;
    }
  }
}

// src/pipeline/baseline.ts
var NCA_INSTALL_HINT = "install nca for a second, independent check: python3 -m venv .nca && .nca/bin/pip install network-config-analyzer==2.1.0, then NCA_PATH=.nca/bin/nca";
function readRuleFiles(io, files) {
  const rules = [];
  const defaults = [];
  const diagnostics = [];
  for (const f of files) {
    const r = parseRuleFile(f, io.readText(f, "--baseline"));
    rules.push(...r.rules);
    defaults.push(...r.defaults);
    diagnostics.push(...r.diagnostics);
  }
  return { rules: { rules, defaults }, diagnostics };
}
function runBaseline(io, request, settings) {
  const nca = request.engine === "builtin" ? void 0 : io.findNca();
  const notes = [];
  let engine;
  if (request.engine === void 0) {
    engine = nca ? "both" : "builtin";
    if (!nca) notes.push({ engine: "nca", message: `nca not found (NCA_PATH or nca on PATH): checked by the built-in engine only; ${NCA_INSTALL_HINT}` });
  } else {
    engine = request.engine;
    if (engine !== "builtin" && !nca) throw new ConfigError(`--engine ${engine} needs nca, which was not found (NCA_PATH or nca on PATH); ${NCA_INSTALL_HINT}`);
  }
  const { rules, diagnostics: ruleDiagnostics } = readRuleFiles(io, request.ruleFiles);
  const { load: load2, diagnostics } = loadInputs(io, request.paths, settings);
  const all = [...ruleDiagnostics, ...diagnostics];
  const cluster = load2.cluster;
  warnUnmatched(rules, cluster, all);
  let builtin;
  let builtinSeconds;
  if (engine !== "nca") {
    const t0 = performance.now();
    const result = analyzeConnectivity(cluster, engineOptions(settings));
    all.push(...result.diagnostics);
    builtin = checkBaseline(cluster, result.engine, result.value, rules);
    builtinSeconds = (performance.now() - t0) / 1e3;
  }
  let ncaAnswers;
  const ncaStatus = /* @__PURE__ */ new Map();
  let ncaSeconds;
  if (engine !== "builtin" && nca) {
    const unsupported = ncaUnsupported(cluster);
    if (unsupported) {
      if (engine === "nca") throw new ConfigError(`--engine nca: ${unsupported}; use --engine builtin`);
      notes.push({ engine: "nca", message: `nca not run: ${unsupported}; the built-in engine decided every rule` });
    } else {
      const run = askNca(io, cluster, rules, request.ncaTimeoutMs ?? 3e5, notes);
      ncaAnswers = run.answers;
      for (const [k, s] of run.status) ncaStatus.set(k, s);
      ncaSeconds = run.seconds;
    }
  }
  const byRule = (vs, ref) => (vs ?? []).filter((v) => ruleRefKey(v.rule) === ruleRefKey(ref));
  const refs = [
    ...rules.rules.map((rule) => ({ kind: "rule", rule })),
    ...rules.defaults.map((d) => ({ kind: "default-deny", file: d.file, origin: d.origin }))
  ];
  const violations = [];
  const disagreements = [];
  const verdicts = [];
  for (const ref of refs) {
    const k = ruleRefKey(ref);
    const b = builtin ? byRule(builtin, ref) : void 0;
    const n = ncaAnswers?.get(k);
    const status = n ? n.length === 0 ? "holds" : "violated" : ncaStatus.get(k);
    const decidedBy = b && n ? "both" : n ? "nca" : "builtin";
    verdicts.push({ rule: ref, ...b ? { builtin: b.length === 0 ? "holds" : "violated" } : {}, ...engine !== "builtin" && status ? { nca: status } : {}, decidedBy });
    if (b && n) {
      const d = compareEngines(ref, b, n);
      if (d) disagreements.push(d);
      violations.push(...b);
    } else {
      violations.push(...b ?? n ?? []);
    }
  }
  return {
    engine,
    ...nca ? { ncaVersion: nca.version } : {},
    rules: rules.rules,
    violations: violations.sort(compareViolations),
    disagreements: disagreements.sort((a, b) => compareRuleRefs(a.rule, b.rule)),
    verdicts: verdicts.sort((a, b) => compareRuleRefs(a.rule, b.rule)),
    engineNotes: notes,
    diagnostics: all,
    timings: { ...builtinSeconds !== void 0 ? { builtinSeconds } : {}, ...ncaSeconds !== void 0 ? { ncaSeconds } : {} }
  };
}
function warnUnmatched(rules, cluster, out) {
  const matcher = new RuleMatcher(cluster);
  for (const r of rules.rules) {
    for (const side of ["from", "to"]) {
      if (r[side].kind !== "pods" || matcher.workloads(r[side]).size > 0) continue;
      out.push(diag(Codes.baselineRuleMatchesNothing, "warning", `rule ${r.name}: ${side} selects no workload in the configuration`, r.origin));
    }
  }
}
var PODS_PER_NCA_RUN = 2e3;
function askNca(io, cluster, rules, timeoutMs, notes) {
  const answers = /* @__PURE__ */ new Map();
  const status = /* @__PURE__ */ new Map();
  const perRule = rules.rules.map((r, i) => buildNcaBatch(cluster, [r], `r${i}-`));
  for (const b of perRule) for (const s of b.skipped) answers.set(ruleRefKey(s.rule), []);
  const runs = [];
  let pods = Infinity;
  for (const b of perRule.filter((x) => x.queries.length > 0).sort((x, y) => x.pods.size - y.pods.size)) {
    if (pods + b.pods.size > PODS_PER_NCA_RUN) {
      runs.push([]);
      pods = 0;
    }
    runs[runs.length - 1].push(b);
    pods += b.pods.size;
  }
  if (rules.defaults.length > 0) runs.push([buildNcaBatch(cluster, [], "all-", { connectivity: true })]);
  const deadline = Date.now() + timeoutMs;
  const unknown = /* @__PURE__ */ new Set();
  const budget = `nca did not finish within ${Math.round(timeoutMs / 1e3)} s (--nca-timeout)`;
  let seconds = 0;
  runs.forEach((chunk, n) => {
    const batch = mergeNcaBatches(chunk, `scheme-${n}.yaml`);
    const remaining = deadline - Date.now();
    const run = remaining > 0 ? io.runNcaScheme(batch.files, batch.scheme, [...batch.queries.map((q) => q.output), ...batch.connectivityOutputs], remaining) : { outputs: /* @__PURE__ */ new Map(), timedOut: true, status: void 0, seconds: 0 };
    seconds += run.seconds;
    const why = run.timedOut ? budget : `nca gave no answer${run.error ? ` (${run.error})` : ""}`;
    const failed = /* @__PURE__ */ new Set();
    for (const q of batch.queries) {
      const k = ruleRefKey(q.rule);
      const text2 = run.outputs.get(q.output);
      const answer = text2 === void 0 ? void 0 : parseNcaAnswer(q, text2, batch.pods);
      if (!answer) {
        if (!failed.has(k)) notes.push({ engine: "nca", rule: q.rule, message: `${why}; decided by the built-in engine` });
        failed.add(k);
        status.set(k, run.timedOut ? "timed-out" : "failed");
        continue;
      }
      for (const p of answer.unknownPeers) unknown.add(p);
      answers.set(k, [...answers.get(k) ?? [], ...answer.violations]);
    }
    for (const k of failed) answers.delete(k);
    const connectivityOutput = batch.connectivityOutputs[0];
    if (connectivityOutput === void 0) return;
    const text = run.outputs.get(connectivityOutput);
    const parsed = text === void 0 ? void 0 : parseNcaConnectivity(text, batch.pods);
    for (const d of rules.defaults) {
      const ref = { kind: "default-deny", file: d.file, origin: d.origin };
      if (!parsed) {
        status.set(ruleRefKey(ref), run.timedOut ? "timed-out" : "failed");
        notes.push({ engine: "nca", rule: ref, message: `${why}; decided by the built-in engine` });
        continue;
      }
      answers.set(ruleRefKey(ref), checkDefaultDenyOn(cluster, d, parsed.connections, "nca"));
    }
    for (const p of parsed?.unknownPeers ?? []) unknown.add(p);
  });
  if (unknown.size > 0) notes.push({ engine: "nca", message: `nca answered about endpoints that are not in the configuration (ignored): ${[...unknown].slice(0, 5).join(", ")}${unknown.size > 5 ? ", ..." : ""}` });
  return { answers, status, seconds };
}

export {
  ruleRefLabel,
  ruleRefOrigin,
  RuleMatcher,
  formatEndpoint,
  readRuleFiles,
  runBaseline
};
