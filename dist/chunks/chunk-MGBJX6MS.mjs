import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  explainPair
} from "./chunk-WCR5MJTX.mjs";
import {
  IN_CLUSTER_REASONS,
  OUTSIDE_REASONS,
  connsAtDestination,
  unresolvedConns
} from "./chunk-L2SJDA3H.mjs";
import {
  evidenceText,
  resolvesThroughClusterDns
} from "./chunk-HM4COL5A.mjs";
import {
  loadInputs
} from "./chunk-LJ6KWNZ7.mjs";
import {
  ConnectionSet,
  DEFAULT_NAMESPACE,
  IntervalSet,
  JOB_NAME_LABELS,
  NAMESPACE_NAME_LABEL,
  PROTOCOLS,
  UNKNOWN_VALUE,
  analyzeConnectivity,
  atomize,
  compareStrings,
  engineOptions,
  formatIp,
  formatRange,
  fullRange,
  isProtocol,
  knownLabels,
  originRef,
  parseCidr,
  parseConns,
  parsePeer,
  peerKey,
  rangeToCidrs,
  rangesToBlocks,
  rawAt,
  selectorMatches,
  serviceWorkloads,
  targetConns,
  workloadKey,
  workloadsByNamespace
} from "./chunk-O73IRBZ3.mjs";
import {
  Codes,
  ConfigError,
  diag,
  dnsLabelErrors,
  dnsSubdomainErrors,
  dump,
  external_exports,
  isDnsLabel,
  load,
  locate,
  parseManifestFile
} from "./chunk-TBLT5FKE.mjs";

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
function ncaLabels(labels) {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v === UNKNOWN_VALUE ? UNKNOWN_FOR_NCA : v]));
}
var UNKNOWN_FOR_NCA = "netpol-ci.unknown-value";
var NO_VALUE = "netpol-ci.no-such-value";
function labelValues(cluster) {
  const collect = (labelSets) => {
    const m = /* @__PURE__ */ new Map();
    for (const l of labelSets) for (const [k, v] of Object.entries(l)) (m.get(k) ?? m.set(k, /* @__PURE__ */ new Set()).get(k))?.add(v);
    return (key3) => [...m.get(key3) ?? []].sort();
  };
  return {
    pods: collect(cluster.workloads.flatMap((w) => w.pods.map((p) => ncaLabels(p.labels)))),
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
      metadata: { name, namespace: w.ref.namespace, labels: ncaLabels(shape.labels) },
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
  at(path2) {
    return locate(this.doc, path2);
  }
  error(path2, message) {
    this.diagnostics.push(diag(Codes.baselineInvalidRule, "error", message, this.at(path2)));
  }
  /** netalchemy: a `namespace=x` (or `namespace in (...)`) requirement names the namespace. */
  splitNamespace(text, path2) {
    const parsed = parseRequirements(text);
    if (!parsed.ok) {
      this.error(path2, parsed.error);
      return void 0;
    }
    if (this.format !== "netalchemy") return { pods: parsed.value, namespaces: [] };
    const pods = parsed.value.filter((r) => r.key !== "namespace");
    const namespaces = parsed.value.filter((r) => r.key === "namespace").map((r) => ({ ...r, key: NAMESPACE_NAME_LABEL }));
    return { pods, namespaces };
  }
  endpoint(raw, side, path2) {
    const text = raw[side]?.trim() ?? "";
    const nsField = side === "from" ? "from_ns" : "to_ns";
    const nsText = raw[nsField]?.trim() ?? "";
    let namespaces = [];
    if (nsText) {
      if (parseCidr(nsText) || /^[0-9a-f:.]+\/\d+$/i.test(nsText)) {
        this.error([...path2, nsField], "a namespace selector cannot be a CIDR");
        return void 0;
      }
      const parsed = parseRequirements(nsText);
      if (!parsed.ok) {
        this.error([...path2, nsField], parsed.error);
        return void 0;
      }
      namespaces = parsed.value;
    }
    if (text === "" || text === "*") return nsText ? { kind: "pods", pods: [], namespaces } : { kind: "any" };
    const range = parseCidr(text);
    if (range && /\//.test(text)) {
      if (nsText) {
        this.error([...path2, nsField], `${nsField} cannot be combined with a CIDR in ${side}`);
        return void 0;
      }
      return { kind: "cidr", range, text: formatCidrText(text) };
    }
    if (/^[0-9a-f:.]+\/\d+$/i.test(text) || /^\d+\.\d+\.\d+\.\d+$/.test(text)) {
      this.error([...path2, side], `"${text}" is not a valid CIDR`);
      return void 0;
    }
    const split = this.splitNamespace(text, [...path2, side]);
    if (!split) return void 0;
    return { kind: "pods", pods: split.pods, namespaces: [...namespaces, ...split.namespaces] };
  }
  rule(value, path2) {
    const parsed = RuleSchema.safeParse(value);
    if (!parsed.success) {
      for (const i of parsed.error.issues) this.error([...path2, ...i.path.filter((p) => typeof p !== "symbol")], i.message);
      return void 0;
    }
    const raw = parsed.data;
    const from = this.endpoint(raw, "from", path2);
    const to = this.endpoint(raw, "to", path2);
    if (!from || !to) return void 0;
    const lo = raw.port_min ?? 1;
    const hi = raw.port_max ?? 65535;
    if (lo > hi) {
      this.error([...path2, "port_max"], `port_max (${hi}) is below port_min (${lo})`);
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
      origin: this.at(path2),
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

// src/synthesis/everywhere.ts
function isEverywhere(r) {
  const v4 = fullRange(4);
  return r.family === 4 && r.lo === v4.lo && r.hi === v4.hi;
}
var CIDR = { 4: "0.0.0.0/0", 6: "::/0" };
function everywhereCidrs(families) {
  return familiesOf(families).map((f) => CIDR[f]);
}
function everywherePeers(families) {
  return familiesOf(families).map((f) => ({ kind: "external", range: fullRange(f) }));
}
function familiesOf(families) {
  const list = families && families.length > 0 ? families : [4];
  return [...new Set(list)].sort((a, b) => a - b);
}
function inEveryFamily(links, families) {
  return [...links, ...otherFamilyCopies(links, families)];
}
function otherFamilyCopies(links, families) {
  const others = everywherePeers(families).filter((p) => p.kind === "external" && p.range.family !== 4);
  const out = [];
  if (others.length === 0) return out;
  for (const l of links) {
    if (l.src.kind === "external" && isEverywhere(l.src.range)) for (const src of others) out.push({ ...l, src });
    if (l.dst.kind === "external" && isEverywhere(l.dst.range)) for (const dst of others) out.push({ ...l, dst });
  }
  return out;
}

// src/connectivity/needs.ts
var Allowed = class {
  pairs = /* @__PURE__ */ new Map();
  /** Connections with outside addresses, by the in-cluster peer's key: a link is compared with its own peer's only. */
  external = /* @__PURE__ */ new Map();
  constructor(c) {
    for (const x of c.connections) {
      if (x.src.kind === "external") this.addExternal(peerKey(x.dst), { outbound: false, range: x.src, conns: x.conns });
      else if (x.dst.kind === "external") this.addExternal(peerKey(x.src), { outbound: true, range: x.dst, conns: x.conns });
      else this.pairs.set(`${peerKey(x.src)}\0${peerKey(x.dst)}`, x.conns);
    }
  }
  addExternal(inCluster2, e) {
    const list = this.external.get(inCluster2);
    if (list) list.push(e);
    else this.external.set(inCluster2, [e]);
  }
  of(link) {
    const { src, dst } = link;
    if (src.kind === "gateway" || dst.kind === "gateway" || dst.kind === "ingress-controller") return void 0;
    if (dst.kind === "external" || src.kind === "external") {
      const outbound = dst.kind === "external";
      const range = outbound ? dst.kind === "external" ? dst.range : void 0 : src.kind === "external" ? src.range : void 0;
      const inCluster2 = peerKey(outbound ? src : dst);
      if (!range) return void 0;
      const parts = (this.external.get(inCluster2) ?? []).filter((e) => e.outbound === outbound && e.range.kind === "external" && overlaps(e.range.range, range));
      if (outbound) {
        let covered = 0n;
        for (const p of parts) if (p.range.kind === "external") covered += clipSize(p.range.range, range);
        if (covered !== range.hi - range.lo + 1n) return ConnectionSet.NONE;
        return parts.reduce((acc, p) => acc.intersect(p.conns), ConnectionSet.ALL);
      }
      return parts.reduce((acc, p) => acc.union(p.conns), ConnectionSet.NONE);
    }
    return this.pairs.get(`${peerKey(src)}\0${peerKey(dst)}`) ?? ConnectionSet.NONE;
  }
};
function clipSize(a, b) {
  const lo = a.lo > b.lo ? a.lo : b.lo;
  const hi = a.hi < b.hi ? a.hi : b.hi;
  return hi >= lo ? hi - lo + 1n : 0n;
}
function overlaps(a, b) {
  return a.family === b.family && a.lo <= b.hi && b.lo <= a.hi;
}
function unmetLinks(links, connectivity) {
  const allowed = new Allowed(connectivity);
  const unmet = [];
  const unjudged = [];
  for (const link of links) {
    const a = allowed.of(link);
    if (a === void 0) {
      unjudged.push(link);
      continue;
    }
    const missing = link.conns.subtract(a);
    if (!missing.isEmpty) unmet.push({ link, allowed: a.intersect(link.conns), missing });
  }
  return { unmet: sortedByLink(unmet, (u) => u.link), unjudged: sortedByLink(unjudged, (l) => l) };
}
function sortedByLink(items, linkOf) {
  const keyed = items.map((item) => ({ item, key: linkKey(linkOf(item)) }));
  keyed.sort((a, b) => compareStrings(a.key, b.key));
  return keyed.map((k) => k.item);
}
function linkKey(l) {
  return `${peerKey(l.src)}\0${peerKey(l.dst)}`;
}
function newlyUnmet(head, base) {
  const before = new Map(base.map((u) => [linkKey(u.link), u]));
  const broken = [];
  const already = [];
  for (const u of head) {
    const b = before.get(linkKey(u.link));
    if (b && u.missing.isSubsetOf(b.missing)) already.push(u);
    else broken.push(u);
  }
  return { broken, already };
}

// src/synthesis/selectors.ts
var [LEGACY_JOB_NAME, MODERN_JOB_NAME] = JOB_NAME_LABELS;
var IDENTITY = [["app.kubernetes.io/name", "app.kubernetes.io/instance"], ["app.kubernetes.io/name"], ["app"], ["k8s-app"], ["name"]];
var VOLATILE_KEYS = /* @__PURE__ */ new Set(["pod-template-hash", "controller-revision-hash", "statefulset.kubernetes.io/pod-name", "job-name", "batch.kubernetes.io/job-name", "controller-uid", "batch.kubernetes.io/controller-uid"]);
var VERSION_KEYS = /* @__PURE__ */ new Set(["version", "app.kubernetes.io/version", "helm.sh/chart", "chart", "release", "heritage"]);
function ownJobName(w, key3, value) {
  return w.ref.kind === "Job" && JOB_NAME_LABELS.includes(key3) && value === w.ref.name;
}
function versionLike(key3, value) {
  return VERSION_KEYS.has(key3) || /(^|[./-])version$/i.test(key3) || /^v?\d+([.-]\d+)*([.-][a-z0-9]+)?$/i.test(value);
}
function chooseSelector(w, sameNamespace) {
  const labels = knownLabels(w.pods[0]?.labels ?? {});
  const others = sameNamespace.filter((o) => o !== w);
  const matching = (sel) => others.filter((o) => o.pods.some((p) => selectorMatches(sel, p.labels))).map((o) => workloadKey(o.ref));
  const result = (selector, source) => {
    const alsoMatches = matching(selector).sort(compareStrings);
    return { selector, unique: alsoMatches.length === 0, alsoMatches, source };
  };
  if (Object.keys(labels).length === 0) {
    const used = [...new Set(others.flatMap((o) => o.pods.flatMap((p) => Object.keys(p.labels))))].filter((k) => !VOLATILE_KEYS.has(k)).sort(compareStrings);
    return result(used.length > 0 ? { matchExpressions: used.map((key3) => ({ key: key3, operator: "DoesNotExist" })) } : {}, "labels");
  }
  const keys = Object.keys(labels).filter((k) => w.pods.every((p) => p.labels[k] === labels[k]) && (!VOLATILE_KEYS.has(k) || ownJobName(w, k, labels[k]))).filter((k) => !(k === MODERN_JOB_NAME && labels[LEGACY_JOB_NAME] === labels[k])).sort(compareStrings);
  const pick = (subset) => Object.fromEntries([...subset].sort(compareStrings).map((k) => [k, labels[k]]));
  const controller = w.controllerSelector && Object.entries(w.controllerSelector).every(([k, v]) => w.pods.every((p) => p.labels[k] === v)) ? Object.keys(w.controllerSelector) : void 0;
  const identity = IDENTITY.find((set) => set.every((k) => keys.includes(k)));
  const base = controller ?? identity;
  if (base) {
    return result({ matchLabels: pick(fewestOthers(base, keys, (subset) => matching({ matchLabels: pick(subset) }).length)) }, controller ? "controller" : "identity");
  }
  const found = narrow([], keys, (subset) => !(subset.length === 1 && versionLike(subset[0], labels[subset[0]])) && matching({ matchLabels: pick(subset) }).length === 0);
  return result({ matchLabels: pick(found ?? keys) }, "labels");
}
function narrow(base, keys, ok) {
  const extra = keys.filter((k) => !base.includes(k));
  for (let size = base.length === 0 ? 1 : 0; size <= Math.min(extra.length, 5); size++) {
    for (const add of combinations(extra, size)) {
      const subset = [...base, ...add];
      if (ok(subset)) return subset;
    }
  }
  return void 0;
}
function fewestOthers(base, keys, others) {
  let best = [...base];
  let fewest = base.length === 0 ? Math.max(others(best), 1) : others(best);
  const extra = keys.filter((k) => !base.includes(k));
  for (let size = 1; size <= Math.min(extra.length, 5) && fewest > 0; size++) {
    for (const add of combinations(extra, size)) {
      const subset = [...base, ...add];
      const n = others(subset);
      if (n < fewest) [best, fewest] = [subset, n];
      if (fewest === 0) break;
    }
  }
  return best;
}
function* combinations(items, k, start = 0, acc = []) {
  if (acc.length === k) {
    yield [...acc];
    return;
  }
  for (let i = start; i < items.length; i++) {
    acc.push(items[i]);
    yield* combinations(items, k, i + 1, acc);
    acc.pop();
  }
}

// src/synthesis/gap-rules.ts
var outside = (families) => everywhereCidrs(families).map((cidr) => ({ ipBlock: { cidr } }));
var anywhere = (families) => [{ namespaceSelector: {} }, ...outside(families)];
var inCluster = (reason) => reason === "no-egress-target" || IN_CLUSTER_REASONS.has(reason);
function gapRules(workloads, gaps, mode, podPeer, families) {
  const out = /* @__PURE__ */ new Map();
  if (mode === "deny" || gaps.length === 0) return out;
  const add = (ref, r) => {
    const k = workloadKey(ref);
    const list = out.get(k) ?? [];
    list.push(r);
    out.set(k, list);
  };
  const tag = `gap (--gaps=${mode})`;
  const merged = /* @__PURE__ */ new Map();
  for (const g of gaps) {
    const kind = g.direction === "ingress" ? "ingress" : g.namespace !== void 0 ? "egress-namespace" : g.range !== void 0 ? "egress-address" : inCluster(g.reason) ? "egress-cluster" : "egress-outside";
    const target = g.namespace ?? (g.range !== void 0 ? rangeToCidrs(g.range).join(",") : void 0);
    const k = `${workloadKey(g.workload)}\0${kind}\0${target ?? ""}`;
    const cur = merged.get(k) ?? { workload: g.workload, kind, ...target !== void 0 ? { target } : {}, conns: ConnectionSet.NONE, details: [] };
    cur.conns = cur.conns.union(connsAtDestination(g.reason, g.conns));
    cur.details.push(g.value !== void 0 ? `${JSON.stringify(g.value)}: ${g.detail}` : g.detail);
    merged.set(k, cur);
  }
  for (const m of [...merged].sort(([a], [b]) => compareStrings(a, b)).map(([, v]) => v)) {
    const w = m.workload;
    const ns = w.namespace;
    const why = m.details.join("; ");
    const sameNs = workloads.filter((x) => x.ref.namespace === ns);
    const whom = (x) => `${workloadKey(w)}${workloadKey(x.ref) === workloadKey(w) ? " (its own pods)" : ""}`;
    if (m.kind === "ingress") {
      if (mode === "namespace") {
        add(w, { direction: "ingress", peers: [{ podSelector: {} }], conns: m.conns, note: `${tag} <- namespace ${ns}: ${why}` });
        for (const x of sameNs) add(x.ref, { direction: "egress", peers: podPeer(w, ns), conns: m.conns, note: `${tag} -> ${whom(x)}: it has no known caller in the manifests` });
      } else {
        add(w, { direction: "ingress", peers: anywhere(families), conns: ConnectionSet.ALL, note: `${tag} <- anywhere: ${why}` });
        for (const x of workloads) add(x.ref, { direction: "egress", peers: podPeer(w, x.ref.namespace), conns: ConnectionSet.ALL, note: `${tag} -> ${whom(x)}: it has no known caller in the manifests` });
      }
    } else if (mode === "open") {
      add(w, { direction: "egress", peers: anywhere(families), conns: ConnectionSet.ALL, note: `${tag} -> anywhere: ${why}` });
      for (const x of workloads) add(x.ref, { direction: "ingress", peers: podPeer(w, x.ref.namespace), conns: ConnectionSet.ALL, note: `${tag} <- ${whom(x)}: it has an unresolved destination` });
    } else if (m.kind === "egress-namespace") {
      const target = m.target;
      add(w, { direction: "egress", peers: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": target } } }], conns: m.conns, note: `${tag} -> namespace ${target}: ${why}` });
      for (const x of workloads) {
        if (x.ref.namespace === target) add(x.ref, { direction: "ingress", peers: podPeer(w, target), conns: m.conns, note: `${tag} <- ${whom(x)}: it has an unresolved destination in namespace ${target}` });
      }
    } else if (m.kind === "egress-address") {
      const cidrs = m.target.split(",");
      add(w, { direction: "egress", peers: cidrs.map((cidr) => ({ ipBlock: { cidr } })), conns: m.conns, note: `${tag} -> ${cidrs.join(", ")}: ${why}` });
    } else if (m.kind === "egress-cluster") {
      add(w, { direction: "egress", peers: [{ podSelector: {} }], conns: m.conns, note: `${tag} -> namespace ${ns}: ${why}` });
      for (const x of sameNs) add(x.ref, { direction: "ingress", peers: podPeer(w, ns), conns: m.conns, note: `${tag} <- ${whom(x)}: it has an unresolved destination in the namespace` });
    } else {
      add(w, { direction: "egress", peers: outside(families), conns: m.conns, note: `${tag} -> ${everywhereCidrs(families).join(", ")}: ${why}` });
    }
  }
  return out;
}
function gapLinks(workloads, gaps, mode, families) {
  if (mode === "deny") return [];
  const everywhere = everywherePeers(families);
  const out = [];
  const self = (ref) => ({ kind: "workload", ref });
  for (const g of gaps) {
    const w = g.workload;
    const evidence = [{ kind: "gap", mode, at: g.at, detail: g.value !== void 0 ? `${JSON.stringify(g.value)}: ${g.detail}` : g.detail }];
    const others = workloads.filter((x) => mode === "open" || x.ref.namespace === w.namespace);
    const conns = mode === "open" ? ConnectionSet.ALL : g.conns;
    if (g.direction === "ingress") {
      for (const x of others) out.push({ src: self(x.ref), dst: self(w), conns, evidence });
      if (mode === "open") for (const a of everywhere) out.push({ src: a, dst: self(w), conns, evidence });
    } else if (mode === "namespace" && g.range !== void 0) {
      out.push({ src: self(w), dst: { kind: "external", range: g.range }, conns, evidence });
    } else if (mode === "namespace" && g.namespace !== void 0) {
      for (const x of workloads) if (x.ref.namespace === g.namespace) out.push({ src: self(w), dst: self(x.ref), conns, evidence });
    } else if (mode === "open" || inCluster(g.reason)) {
      for (const x of others) out.push({ src: self(w), dst: self(x.ref), conns, evidence });
      if (mode === "open") for (const a of everywhere) out.push({ src: self(w), dst: a, conns, evidence });
    } else {
      for (const a of everywhere) out.push({ src: self(w), dst: a, conns: connsAtDestination(g.reason, conns), evidence });
    }
  }
  return out;
}

// src/synthesis/presets.ts
function presetFor(w, presets) {
  const own = presets.filter((p) => p.scope.kind === "workload" && p.scope.namespace === w.ref.namespace && p.scope.name === w.ref.name);
  if (own.length > 0) return own[own.length - 1];
  const ns = presets.filter((p) => p.scope.kind === "ns" && p.scope.namespace === w.ref.namespace);
  return ns[ns.length - 1];
}
var ALL_V4 = "0.0.0.0/0";
var ALL_V6 = "::/0";
function presetRules(preset) {
  if (!preset) return { ingress: [], egress: [], notes: [], links: "all", dns: true };
  const why = `preset ${preset.mode} (--preset ${preset.text})`;
  switch (preset.mode) {
    case "block-all":
      return { ingress: [], egress: [], notes: [`no rules: ${why}; the workload's links are not allowed`], links: "none", dns: false };
    case "allow-namespace":
      return {
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [{ to: [{ podSelector: {} }] }],
        notes: [`ingress[0] <- every pod of the namespace All Connections: ${why}`, `egress[0] -> every pod of the namespace All Connections: ${why}`],
        links: "other-namespaces",
        dns: true
      };
    case "allow-all": {
      const everything = [{ namespaceSelector: {} }, { ipBlock: { cidr: ALL_V4 } }, { ipBlock: { cidr: ALL_V6 } }];
      return {
        ingress: [{ from: everything.map((p) => ({ ...p })) }],
        egress: [{ to: everything.map((p) => ({ ...p })) }],
        notes: [`ingress[0] <- every pod and address All Connections: ${why}`, `egress[0] -> every pod and address All Connections: ${why}`],
        links: "none",
        dns: false
      };
    }
  }
}
function unknownPresets(presets, cluster) {
  return presets.flatMap((p) => {
    const found = p.scope.kind === "ns" ? cluster.workloads.some((w) => w.ref.namespace === p.scope.namespace) : cluster.workloads.some((w) => w.ref.namespace === p.scope.namespace && p.scope.kind === "workload" && w.ref.name === p.scope.name);
    return found ? [] : [diag(Codes.presetUnknown, "warning", `--preset ${p.text}: no ${p.scope.kind === "ns" ? "workload in namespace" : "workload"} ${p.scope.kind === "ns" ? p.scope.namespace : `${p.scope.namespace}/${p.scope.name}`} in the manifests; the preset applies to nothing`)];
  });
}

// src/synthesis/names.ts
import { createHash } from "node:crypto";
var MAX_NAME = 253;
var SUFFIX = "-netpol";
function digest(ref) {
  return createHash("sha256").update(workloadKey(ref)).digest("hex").slice(0, 8);
}
function fit(prefix, base, ref) {
  const name = `${prefix}${base}${SUFFIX}`;
  if (name.length <= MAX_NAME) return name;
  const room = MAX_NAME - prefix.length - SUFFIX.length - 9;
  return `${prefix}${base.slice(0, Math.max(room, 0)).replace(/[-.]+$/, "")}-${digest(ref)}${SUFFIX}`;
}
function policyNames(workloads, prefix) {
  const sorted = [...workloads].sort((a, b) => compareStrings(workloadKey(a), workloadKey(b)));
  const count = /* @__PURE__ */ new Map();
  const nsName = (r) => `${r.namespace}\0${r.name}`;
  for (const r of sorted) count.set(nsName(r), (count.get(nsName(r)) ?? 0) + 1);
  const base = (r) => (count.get(nsName(r)) ?? 0) > 1 ? `${r.name}-${r.kind.toLowerCase()}` : r.name;
  const first = new Map(sorted.map((r) => [workloadKey(r), fit(prefix, base(r), r)]));
  const taken = /* @__PURE__ */ new Map();
  for (const r of sorted) {
    const k = `${r.namespace}\0${first.get(workloadKey(r))}`;
    taken.set(k, (taken.get(k) ?? 0) + 1);
  }
  const names = /* @__PURE__ */ new Map();
  for (const r of sorted) {
    const name = first.get(workloadKey(r));
    const clash = (taken.get(`${r.namespace}\0${name}`) ?? 0) > 1;
    names.set(workloadKey(r), clash ? fit(prefix, `${base(r)}-${digest(r)}`, r) : name);
  }
  return names;
}

// src/synthesis/synthesize.ts
var MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
var MANAGED_BY = "netpol-ci";
var RULES_ANNOTATION = "netpol-ci.io/rules";
var DEFAULT_SYNTHESIS_OPTIONS = {
  defaultDeny: true,
  dnsPort: 53,
  dns: { namespace: "kube-system", podLabels: { "k8s-app": "kube-dns" } },
  namePrefix: ""
};
function portsOf2(conns) {
  if (conns.isAll) return void 0;
  const out = [];
  for (const [protocol, ports] of conns.entries()) {
    if (ports.size === 65535) {
      out.push({ protocol });
      continue;
    }
    for (const [lo, hi] of ports.intervals()) out.push(lo === hi ? { protocol, port: lo } : { protocol, port: lo, endPort: hi });
  }
  return out;
}
function synthesizePolicies(cluster, links, options = DEFAULT_SYNTHESIS_OPTIONS) {
  const diagnostics = [];
  const byNs = /* @__PURE__ */ new Map();
  for (const w of cluster.workloads) {
    const list = byNs.get(w.ref.namespace) ?? [];
    list.push(w);
    byNs.set(w.ref.namespace, list);
  }
  const undeclared = cluster.workloads.filter((w) => w.ref.namespace === DEFAULT_NAMESPACE && !declaredNamespace(w));
  if (undeclared.length > 0) {
    diagnostics.push(
      diag(
        Codes.defaultNamespace,
        "warning",
        `${undeclared.length} workload${undeclared.length === 1 ? "" : "s"} (${undeclared.map((w) => workloadKey(w.ref)).join(", ")}) name${undeclared.length === 1 ? "s" : ""} no namespace, so ${undeclared.length === 1 ? "its policy" : "their policies"} and the namespace's default-deny land in "default"`,
        originRef(undeclared[0].origin, ["metadata"]),
        "pass --namespace NS (as kubectl apply -n NS) if the application is deployed elsewhere"
      )
    );
  }
  const selectors = /* @__PURE__ */ new Map();
  for (const w of cluster.workloads) {
    const sel = chooseSelector(w, byNs.get(w.ref.namespace) ?? []);
    selectors.set(workloadKey(w.ref), sel);
    if (!sel.unique) {
      diagnostics.push(
        diag(
          Codes.sharedSelector,
          "warning",
          `the policy selector of ${workloadKey(w.ref)} (${JSON.stringify(sel.selector)}) also selects the pods of ${sel.alsoMatches.join(", ")}; its rules apply to them too`,
          originRef(w.origin, ["metadata", "name"]),
          "give each workload a label of its own (app.kubernetes.io/name or app)"
        )
      );
    }
  }
  const peerFor = (p, fromNamespace) => {
    switch (p.kind) {
      case "workload": {
        const sel = selectors.get(workloadKey(p.ref));
        const podSelector = copySelector(sel?.selector ?? {});
        return p.ref.namespace === fromNamespace ? [{ podSelector }] : [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: p.ref.namespace } }, podSelector }];
      }
      case "ingress-controller":
      case "gateway": {
        const ic = options.ingressController;
        if (!ic) return [{ namespaceSelector: {} }];
        return [
          {
            namespaceSelector: ic.namespaceLabels ? { matchLabels: { ...ic.namespaceLabels } } : {},
            ...ic.podLabels ? { podSelector: { matchLabels: { ...ic.podLabels } } } : {}
          }
        ];
      }
      case "external":
        return (isEverywhere(p.range) && !options.linksInEveryFamily ? everywhereCidrs(options.ipFamilies) : rangeToCidrs(p.range)).map((cidr) => ({ ipBlock: { cidr } }));
    }
  };
  const linksTo = /* @__PURE__ */ new Map();
  const linksFrom = /* @__PURE__ */ new Map();
  const known = new Set(cluster.workloads.map((w) => workloadKey(w.ref)));
  const ordered = [...links].sort((a, b) => compareStrings(peerKey(a.src), peerKey(b.src)) || compareStrings(peerKey(a.dst), peerKey(b.dst)));
  for (const l of ordered) {
    const unknown = [l.src, l.dst].find((p) => p.kind === "workload" && !known.has(workloadKey(p.ref)));
    if (unknown) {
      const intent = l.evidence.find((e) => e.kind === "intent");
      diagnostics.push(
        diag(
          Codes.danglingReference,
          "error",
          `link ${peerKey(l.src)} => ${peerKey(l.dst)} names ${peerKey(unknown)}, which is not in the manifests; link ignored`,
          intent && "at" in intent ? intent.at : void 0
        )
      );
      continue;
    }
    if (l.dst.kind === "workload") push(linksTo, workloadKey(l.dst.ref), l);
    if (l.src.kind === "workload") push(linksFrom, workloadKey(l.src.ref), l);
  }
  const closures = options.gaps ? gapRules(cluster.workloads, options.gaps.list, options.gaps.mode, (ref, fromNs) => peerFor({ kind: "workload", ref }, fromNs) ?? [], options.ipFamilies) : /* @__PURE__ */ new Map();
  const policies = [];
  for (const [ns, workloads] of [...byNs].sort(([a], [b]) => compareStrings(a, b))) {
    const nsErrors = dnsLabelErrors(ns);
    if (nsErrors.length > 0) {
      for (const w of workloads) {
        diagnostics.push(
          diag(Codes.unsafeOutputName, "error", `namespace ${JSON.stringify(ns)} ${nsErrors[0]}; no policy synthesized for ${workloadKey(w.ref)}`, originRef(w.origin, ["metadata", "namespace"]))
        );
      }
      continue;
    }
    const untouched = workloads.some((w) => options.skip?.has(workloadKey(w.ref)));
    if (options.defaultDeny && !untouched) {
      policies.push({
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: { name: `${options.namePrefix}default-deny`, namespace: ns, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] }
      });
    }
    const names = policyNames(
      workloads.map((w) => w.ref),
      options.namePrefix
    );
    for (const w of [...workloads].sort((a, b) => compareStrings(workloadKey(a.ref), workloadKey(b.ref)))) {
      const key3 = workloadKey(w.ref);
      if (options.skip?.has(key3)) continue;
      const sel = selectors.get(key3);
      const preset = presetRules(presetFor(w, options.presets ?? []));
      const ingress = [...preset.ingress];
      const egress = [...preset.egress];
      const notes = [...preset.notes];
      const closurePieces = /* @__PURE__ */ new Map();
      const wanted = (other) => preset.links === "all" || preset.links === "other-namespaces" && !(other.kind === "workload" && other.ref.namespace === ns);
      const rule = (direction, l, peers) => {
        const kept = options.noPorts === true && options.portsKept?.has(linkKey(l)) === true;
        const ports = options.noPorts && !kept ? void 0 : portsOf2(l.conns);
        const list = direction === "ingress" ? ingress : egress;
        const other = direction === "ingress" ? l.src : l.dst;
        const whom = `${peerKey(other)}${peerKey(l.src) === peerKey(l.dst) ? " (its own pods)" : ""}`;
        const why = `${direction === "ingress" ? "<-" : "->"} ${whom} ${l.conns.toString()}: ${l.evidence.map(evidenceText).join("; ")}${kept ? " (ports kept despite --no-ports: a baseline deny rule forbids other connections of this pair)" : ""}`;
        const piece = other.kind === "external" && l.evidence.some((e) => e.kind === "gap") ? other.range : void 0;
        if (piece) {
          const at = [...closurePieces].find(([i, r]) => r.evidence === l.evidence && r.conns.equals(l.conns) && i < list.length && i >= 0 && (list[i]?.from ?? list[i]?.to)?.every((p) => p.ipBlock))?.[0];
          const joined = at !== void 0 ? closurePieces.get(at) : void 0;
          if (at !== void 0 && joined) {
            joined.ranges.push(piece);
            const blocks = rangesToBlocks(joined.ranges).map((b) => ({ ipBlock: { cidr: b.cidr, ...b.except ? { except: [...b.except] } : {} } }));
            const r = list[at];
            if (direction === "ingress") r.from = blocks;
            else r.to = blocks;
            notes.push(`${direction}[${at}] ${why}`);
            return;
          }
        }
        const same = options.noPorts && !kept ? list.findIndex((r) => !r.ports && JSON.stringify(r.from ?? r.to) === JSON.stringify(peers)) : -1;
        if (same >= 0) {
          notes.push(`${direction}[${same}] ${why}`);
          return;
        }
        if (direction === "ingress") ingress.push({ from: peers, ...ports ? { ports } : {} });
        else egress.push({ to: peers, ...ports ? { ports } : {} });
        if (piece) closurePieces.set(list.length - 1, { evidence: l.evidence, conns: l.conns, ranges: [piece] });
        notes.push(`${direction}[${list.length - 1}] ${why}`);
      };
      const decided = (direction, l) => {
        const other = direction === "ingress" ? l.src : l.dst;
        const covered = (direction === "ingress" ? preset.ingress : preset.egress).length > 0;
        notes.push(`${covered ? `${direction}[0]` : `(${direction} not allowed)`} ${direction === "ingress" ? "<-" : "->"} ${peerKey(other)} ${l.conns.toString()}: ${covered ? "covered by the preset" : "blocked by the preset"}; ${l.evidence.map(evidenceText).join("; ")}`);
      };
      for (const l of linksTo.get(key3) ?? []) {
        if (!wanted(l.src)) {
          decided("ingress", l);
          continue;
        }
        const peers = peerFor(l.src, ns);
        if (peers) rule("ingress", l, peers);
      }
      if (isDnsWorkload(w, options)) {
        const dnsConns = ConnectionSet.port("UDP", options.dnsPort).union(ConnectionSet.port("TCP", options.dnsPort));
        ingress.push({ from: [{ namespaceSelector: {} }], ...options.noPorts ? {} : { ports: portsOf2(dnsConns) } });
        notes.push(`ingress[${ingress.length - 1}] <- DNS clients (every namespace) ${dnsConns.toString()}: every workload with egress needs DNS${noPortsNote(options)}`);
      }
      for (const l of linksFrom.get(key3) ?? []) {
        if (l.dst.kind === "ingress-controller" || l.dst.kind === "gateway") continue;
        if (!wanted(l.dst)) {
          decided("egress", l);
          continue;
        }
        const peers = peerFor(l.dst, ns);
        if (peers) rule("egress", l, peers);
      }
      for (const g of closures.get(key3) ?? []) {
        const ports = options.noPorts ? void 0 : portsOf2(g.conns);
        const list = g.direction === "ingress" ? ingress : egress;
        const same = options.noPorts ? list.findIndex((r) => !r.ports && JSON.stringify(r.from ?? r.to) === JSON.stringify(g.peers)) : -1;
        if (same >= 0) {
          notes.push(`${g.direction}[${same}] ${g.note}${g.conns.isAll ? "" : noPortsNote(options)}`);
          continue;
        }
        if (g.direction === "ingress") ingress.push({ from: g.peers, ...ports ? { ports } : {} });
        else egress.push({ to: g.peers, ...ports ? { ports } : {} });
        notes.push(`${g.direction}[${list.length - 1}] ${g.note}${g.conns.isAll ? "" : noPortsNote(options)}`);
      }
      const namedDns = options.dnsClients?.get(key3) ?? [];
      if ((egress.length > 0 && resolvesThroughClusterDns(w) || namedDns.length > 0) && preset.dns) {
        const dnsConns = ConnectionSet.port("UDP", options.dnsPort).union(ConnectionSet.port("TCP", options.dnsPort));
        egress.push({
          to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: options.dns.namespace } }, podSelector: { matchLabels: { ...options.dns.podLabels } } }],
          ...options.noPorts ? {} : { ports: portsOf2(dnsConns) }
        });
        notes.push(`egress[${egress.length - 1}] -> DNS (${options.dns.namespace}, ${Object.entries(options.dns.podLabels).map(([k, v]) => `${k}=${v}`).join(",")}) ${dnsConns.toString()}: ${namedDns.length > 0 ? `names the cluster DNS Service: ${namedDns.map(evidenceText).join("; ")}` : "needed by every workload with egress"}${noPortsNote(options)}`);
      }
      const name = names.get(key3);
      const nameErrors = dnsSubdomainErrors(name);
      if (nameErrors.length > 0) {
        diagnostics.push(diag(Codes.unsafeOutputName, "error", `policy name ${JSON.stringify(name)} ${nameErrors[0]}; no policy synthesized for ${key3}`, originRef(w.origin, ["metadata", "name"])));
        continue;
      }
      policies.push({
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: {
          name,
          namespace: ns,
          labels: { [MANAGED_BY_LABEL]: MANAGED_BY },
          ...notes.length > 0 ? { annotations: { [RULES_ANNOTATION]: notes.join("\n") } } : {}
        },
        spec: {
          podSelector: copySelector(sel.selector),
          policyTypes: ["Ingress", "Egress"],
          ...ingress.length > 0 ? { ingress } : {},
          ...egress.length > 0 ? { egress } : {}
        }
      });
    }
  }
  return { value: { policies }, diagnostics };
}
function noPortsNote(options) {
  return options.noPorts ? " (the rule names no ports: --no-ports)" : "";
}
function declaredNamespace(w) {
  const ns = rawAt(w.origin)?.metadata?.namespace;
  return typeof ns === "string" && ns !== "" ? ns : void 0;
}
function isDnsWorkload(w, options) {
  return w.ref.namespace === options.dns.namespace && w.pods.some((p) => Object.entries(options.dns.podLabels).every(([k, v]) => p.labels[k] === v));
}
function push(map, key3, value) {
  const list = map.get(key3);
  if (list) list.push(value);
  else map.set(key3, [value]);
}
function copySelector(s) {
  return {
    ...s.matchLabels ? { matchLabels: { ...s.matchLabels } } : {},
    ...s.matchExpressions ? { matchExpressions: s.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...e.values ? { values: [...e.values] } : {} })) } : {}
  };
}

// src/report/policies.ts
function renderPoliciesYaml(policies) {
  return policies.map((p) => `---
${dump(p, { lineWidth: -1, noRefs: true, quotingType: '"' })}`).join("");
}

// src/synthesis/layout.ts
import path from "node:path";
function layoutPolicies(policies, target, render) {
  const files = /* @__PURE__ */ new Map();
  if (target.kind === "folder") {
    const byNs = /* @__PURE__ */ new Map();
    for (const p of policies) {
      const list = byNs.get(p.metadata.namespace);
      if (list) list.push(p);
      else byNs.set(p.metadata.namespace, [p]);
    }
    for (const ns of [...byNs.keys()].sort(compareStrings)) {
      if (!isDnsLabel(ns)) throw new Error(`bug: namespace ${JSON.stringify(ns)} reached the file layout`);
      files.set(path.join(target.dir, `${ns}.yaml`), render(byNs.get(ns)));
    }
  } else if (target.kind === "file") files.set(target.file, render(policies));
  return files;
}

// src/model/edit-distance.ts
function editDistance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length];
}

// src/topology/links-file.ts
var LinkFileSchema = external_exports.object({ links: external_exports.array(external_exports.unknown()) });
var LinkSchema = external_exports.strictObject({
  src: external_exports.string(),
  dst: external_exports.string(),
  conns: external_exports.string(),
  origin: external_exports.enum(["declared", "observed", "both"]).optional(),
  evidence: external_exports.array(external_exports.record(external_exports.string(), external_exports.unknown())).optional()
});
var LINK_FIELDS = Object.keys(LinkSchema.shape);
var FIELD_SYNONYMS = { port: "conns", ports: "conns", connections: "conns", protocol: "conns", from: "src", source: "src", to: "dst", destination: "dst", dest: "dst" };
function meantField(key3) {
  const k = key3.trim().toLowerCase();
  let best;
  for (const [name, field] of [...LINK_FIELDS.map((f) => [f, f]), ...Object.entries(FIELD_SYNONYMS)]) {
    const d = editDistance(k, name);
    if (d <= (name.length >= 5 ? 2 : 1) && (!best || d < best.d)) best = { field, d };
  }
  return best?.field;
}
var AddressEvidence = external_exports.object({ kind: external_exports.literal("address"), file: external_exports.string(), line: external_exports.number(), path: external_exports.array(external_exports.union([external_exports.string(), external_exports.number()])).optional(), value: external_exports.string(), service: external_exports.string().optional() }).loose();
var ExposureEvidence = external_exports.object({ kind: external_exports.literal("exposure"), object: external_exports.string(), file: external_exports.string(), line: external_exports.number() }).loose();
var TraceEvidence = external_exports.object({ kind: external_exports.literal("trace"), event: external_exports.string(), file: external_exports.string(), line: external_exports.number(), count: external_exports.number().int().nonnegative(), firstSeen: external_exports.string().optional(), lastSeen: external_exports.string().optional() }).loose();
function evidenceFrom(raw) {
  const out = [];
  for (const e of raw ?? []) {
    const a = AddressEvidence.safeParse(e);
    if (a.success) {
      out.push({ kind: "address", at: { file: a.data.file, doc: 0, line: a.data.line, ...a.data.path ? { path: a.data.path } : {} }, value: a.data.value, ...a.data.service ? { service: a.data.service } : {} });
      continue;
    }
    const x = ExposureEvidence.safeParse(e);
    if (x.success) {
      out.push({ kind: "exposure", object: x.data.object, at: { file: x.data.file, doc: 0, line: x.data.line } });
      continue;
    }
    const t = TraceEvidence.safeParse(e);
    if (t.success) {
      const { event, file, line, count, firstSeen, lastSeen } = t.data;
      out.push({ kind: "trace", event, file, line, count, ...firstSeen !== void 0 ? { firstSeen, lastSeen: lastSeen ?? firstSeen } : {} });
    }
  }
  return out;
}
function parseLinksFile(file, text, workloads, cluster) {
  const parsedFile = parseManifestFile({ path: file, text });
  const doc = parsedFile.documents[0];
  if (parsedFile.diagnostics.some((d) => d.severity === "error") || !doc) {
    return { links: [], diagnostics: parsedFile.diagnostics.length > 0 ? parsedFile.diagnostics : [diag(Codes.invalidField, "error", "empty links file", { file, doc: 1, line: 1 })] };
  }
  const diagnostics = [...parsedFile.diagnostics];
  const issues = (error, prefix) => error.issues.flatMap((i) => {
    const at = [...prefix, ...i.path.filter((p) => typeof p !== "symbol")];
    if (i.code !== "unrecognized_keys") return [diag(Codes.invalidField, "error", i.message, locate(doc, at))];
    return i.keys.map((key3) => {
      const meant = meantField(key3);
      return diag(
        Codes.linkUnknownField,
        "error",
        `unknown field ${JSON.stringify(key3)} in a link (a link has ${LINK_FIELDS.join(", ")}); the link is rejected rather than read without it`,
        locate(doc, [...at, key3]),
        meant ? `did you mean ${meant}?` : void 0
      );
    });
  });
  const parsed = LinkFileSchema.safeParse(doc.value);
  if (!parsed.success) return { links: [], diagnostics: [...diagnostics, ...issues(parsed.error, [])] };
  const links = [];
  const services = cluster ? serviceIndex(cluster) : void 0;
  parsed.data.links.forEach((raw, i) => {
    const one = LinkSchema.safeParse(raw);
    if (!one.success) {
      diagnostics.push(...issues(one.error, ["links", i]));
      return;
    }
    const l = one.data;
    const at = (field) => locate(doc, ["links", i, field]);
    const service = (text2, field) => {
      const m = /^svc:([^/\s]+)\/([^/\s]+)$/.exec(text2.trim());
      if (!m) return void 0;
      if (!services) {
        diagnostics.push(diag(Codes.invalidField, "error", `not a peer without the manifests: ${text2.trim()} names a Service, resolved only against manifests (--manifests)`, at(field)));
        return false;
      }
      const svc = services.get(`${m[1]}/${m[2]}`);
      if (!svc) {
        diagnostics.push(diag(Codes.invalidField, "error", `not a peer: no Service ${m[1]}/${m[2]} in the manifests`, at(field)));
        return false;
      }
      if (svc.workloads.length === 0) {
        diagnostics.push(diag(Codes.invalidField, "error", `not a peer: Service ${m[1]}/${m[2]} selects no workload in the manifests`, at(field)));
        return false;
      }
      return { svc };
    };
    const peer = (text2, field) => {
      const r = parsePeer(text2, workloads && /^[^/\s[\]]+\/[^/\s[\]]+$/.test(text2.trim()) ? workloads : void 0);
      if (r.ok) return r.peer;
      diagnostics.push(diag(Codes.invalidField, "error", `not a peer: ${r.error}`, at(field)));
      return void 0;
    };
    const srcSvc = service(l.src, "src");
    const dstSvc = service(l.dst, "dst");
    if (srcSvc === false || dstSvc === false) return;
    const srcs = srcSvc ? srcSvc.svc.workloads.map((w) => ({ kind: "workload", ref: w.ref })) : [peer(l.src, "src")].filter((p) => p !== void 0);
    const conns = parseConns(l.conns);
    if (!conns) diagnostics.push(diag(Codes.invalidField, "error", `not a connection set: ${JSON.stringify(l.conns)}`, at("conns")));
    const dsts = dstSvc ? dstSvc.svc.workloads.map((w) => ({ peer: { kind: "workload", ref: w.ref }, conns: conns && servicePortsToTargets(dstSvc.svc, w, conns) })) : [peer(l.dst, "dst")].filter((p) => p !== void 0).map((p) => ({ peer: p, conns }));
    if (srcs.length === 0 || dsts.length === 0 || !conns) return;
    const evidence = [...evidenceFrom(l.evidence), { kind: "intent", at: locate(doc, ["links", i]) }];
    for (const src of srcs) {
      for (const d of dsts) {
        if (peerKey(src) === peerKey(d.peer) && (srcSvc || dstSvc)) continue;
        if (!d.conns || d.conns.isEmpty) {
          diagnostics.push(diag(Codes.linkNoServicePort, "warning", `${JSON.stringify(l.conns)} names no port of ${l.dst.trim()} reaching ${peerKey(d.peer)}: the link allows nothing and is left out`, at("conns")));
        } else links.push({ src, dst: d.peer, conns: d.conns, evidence });
      }
    }
  });
  return { links, diagnostics };
}
function serviceIndex(cluster) {
  const byNs = workloadsByNamespace(cluster.workloads);
  const out = /* @__PURE__ */ new Map();
  for (const o of cluster.objects) {
    if (o.kind !== "Service") continue;
    out.set(`${o.object.metadata.namespace || DEFAULT_NAMESPACE}/${o.object.metadata.name}`, { ports: o.object.spec?.ports ?? [], workloads: serviceWorkloads(o.object, byNs) });
  }
  return out;
}
function servicePortsToTargets(svc, w, conns) {
  if (conns.isAll) return targetConns(svc.ports, w.pods);
  return targetConns(svc.ports.filter((sp) => conns.allows(sp.protocol ?? "TCP", sp.port)), w.pods);
}

// src/topology/reviewed-gaps.ts
function unresolvedLeftOpen(unresolved, reviewed, scanned) {
  const found = /* @__PURE__ */ new Map();
  for (const l of scanned) found.set(linkKey(l), (found.get(linkKey(l)) ?? ConnectionSet.NONE).union(l.conns));
  const added = /* @__PURE__ */ new Map();
  for (const l of reviewed) {
    if (l.src.kind !== "workload") continue;
    const extra = l.conns.subtract(found.get(linkKey(l)) ?? ConnectionSet.NONE);
    if (extra.isEmpty) continue;
    const k = workloadKey(l.src.ref);
    const list = added.get(k) ?? [];
    list.push({ dst: l.dst, conns: extra });
    added.set(k, list);
  }
  return unresolved.filter((u) => {
    const links = added.get(workloadKey(u.workload));
    if (!links) return true;
    const own = unresolvedConns(u);
    const wanted = own === void 0 ? void 0 : connsAtDestination(u.reason, own);
    const closes = links.some(({ dst, conns }) => {
      if (OUTSIDE_REASONS.has(u.reason) ? dst.kind !== "external" : u.namespace !== void 0 && (dst.kind !== "workload" || dst.ref.namespace !== u.namespace)) return false;
      return wanted === void 0 || !conns.intersect(wanted).isEmpty;
    });
    return !closes;
  });
}

// src/baseline/synthesis.ts
function applyBaselineToLinks(cluster, links, rules, families = [4]) {
  const matcher = new RuleMatcher(cluster);
  const diagnostics = [];
  const fromRules = [];
  for (const r of rules.rules) if (r.action === "allow") fromRules.push(...linksOf(r, matcher, cluster, families));
  const out = [];
  for (const l of [...links, ...fromRules]) {
    const { left, denials } = denialsOf(l, rules, matcher);
    for (const d of denials) {
      diagnostics.push(
        diag(
          Codes.baselineLinkDropped,
          "warning",
          `link ${peerKey(l.src)} => ${peerKey(l.dst)} : ${d.forbidden.toString()} is forbidden by baseline rule ${d.rule.name} (${d.rule.origin.file}:${d.rule.origin.line ?? 1}); ${d.left.isEmpty ? "not synthesized" : `only ${d.left.toString()} synthesized`} (link from ${evidenceOf(l)})`,
          d.rule.origin
        )
      );
    }
    if (!left.isEmpty) out.push(left === l.conns ? l : { ...l, conns: left });
  }
  return { links: out, diagnostics };
}
function denialsOf(l, rules, matcher) {
  let left = l.conns;
  const denials = [];
  for (const rule of rules.rules) {
    if (rule.action !== "deny" || left.isEmpty || !matcher.pair(rule, l.src, l.dst)) continue;
    const forbidden = left.intersect(rule.conns);
    if (forbidden.isEmpty) continue;
    left = left.subtract(forbidden);
    denials.push({ rule, forbidden, left });
  }
  return { left, denials };
}
function cutByDenyRules(links, rules, matcher) {
  const blocks = [];
  for (const r of rules.rules) if (r.action === "deny") {
    for (const e of [r.from, r.to]) if (e.kind === "cidr") blocks.push(e.range);
  }
  const out = [];
  const denials = [];
  for (const l of links) {
    const side = l.dst.kind === "external" ? "dst" : l.src.kind === "external" ? "src" : void 0;
    const range = side ? l[side].range : void 0;
    const pieces = range ? atomize([range, ...blocks.filter((b) => b.family === range.family)], []).filter((a) => a.family === range.family && a.lo >= range.lo && a.hi <= range.hi).map((a) => ({ ...l, [side]: { kind: "external", range: a } })) : [l];
    let last;
    for (const piece of pieces) {
      const { left, denials: ds } = denialsOf(piece, rules, matcher);
      for (const denial of ds) denials.push({ link: piece, denial });
      if (left.isEmpty) {
        last = void 0;
        continue;
      }
      const kept = left === piece.conns ? piece : { ...piece, conns: left };
      const prev = last && side ? last[side].range : void 0;
      const cur = side ? kept[side].range : void 0;
      if (last && prev && cur && prev.hi + 1n === cur.lo && last.conns.equals(kept.conns)) {
        const joined = { ...last, [side]: { kind: "external", range: { family: prev.family, lo: prev.lo, hi: cur.hi } } };
        out[out.length - 1] = joined;
        last = joined;
      } else {
        out.push(kept);
        last = kept;
      }
    }
  }
  return { links: out, denials };
}
function evidenceOf(l) {
  return l.evidence.map(evidenceText).join("; ") || "no recorded evidence";
}
function samePeer(a, b) {
  return peerKey(a) === peerKey(b);
}
function linksOf(r, matcher, cluster, families) {
  const evidence = [{ kind: "baseline", rule: r.name, at: r.origin }];
  const peers = (e) => {
    const ws = cluster.workloads.filter((w) => matcher.workloads(e).has(peerKey({ kind: "workload", ref: w.ref }))).map((w) => ({ kind: "workload", ref: w.ref }));
    if (e.kind === "cidr") return [{ kind: "external", range: e.range }];
    if (e.kind === "any") return [...ws, ...families.map((f) => ({ kind: "external", range: fullRange(f) }))];
    return ws;
  };
  const out = [];
  for (const src of peers(r.from)) {
    for (const dst of peers(r.to)) {
      if (src.kind === "external" && dst.kind === "external") continue;
      if (samePeer(src, dst)) continue;
      out.push({ src, dst, conns: r.conns, evidence });
    }
  }
  return out;
}

// src/baseline/closures.ts
function cutClosures(cluster, gaps, mode, rules, families) {
  const matcher = new RuleMatcher(cluster);
  const whole = [];
  const links = [];
  const diagnostics = [];
  for (const g of gaps) {
    const cut = cutByDenyRules(inEveryFamily(gapLinks(cluster.workloads, [g], mode, families), families), rules, matcher);
    const unseen = rulesOnUnseenPods(g, rules, matcher).filter((r) => !cut.denials.some((d) => d.denial.rule === r));
    if (cut.denials.length === 0 && unseen.length === 0) {
      whole.push(g);
      continue;
    }
    links.push(...cut.links);
    for (const rule of unseen) {
      diagnostics.push(
        diag(
          Codes.baselineLinkDropped,
          "warning",
          `--gaps=${mode} closure of ${peerKey({ kind: "workload", ref: g.workload })}'s ${g.direction} gap (${g.value ?? g.reason}) would also open pods the manifests do not hold that baseline rule ${rule.name} (${rule.origin.file}:${rule.origin.line ?? 1}) denies; cut: the closure is written as the links it opens to the workloads and addresses of the manifests`,
          rule.origin,
          "close that gap with a reviewed link to say what it really needs"
        )
      );
    }
    const byRule = /* @__PURE__ */ new Map();
    for (const d of cut.denials) byRule.set(d.denial.rule, [...byRule.get(d.denial.rule) ?? [], d]);
    for (const ds of byRule.values()) {
      const rule = ds[0].denial.rule;
      const shown = ds.slice(0, 3).map((d) => `${peerKey(d.link.src)} => ${peerKey(d.link.dst)} : ${d.denial.forbidden.toString()}`);
      diagnostics.push(
        diag(
          Codes.baselineLinkDropped,
          "warning",
          `--gaps=${mode} closure ${shown.join("; ")}${ds.length > shown.length ? ` and ${ds.length - shown.length} more` : ""} is forbidden by baseline rule ${rule.name} (${rule.origin.file}:${rule.origin.line ?? 1}); cut: the closure is written as the links it opens to the workloads and addresses of the manifests, without what the rule forbids (${evidenceOf(ds[0].link)})`,
          rule.origin,
          "close that gap with a reviewed link to say what it really needs"
        )
      );
    }
  }
  return { whole, links, diagnostics };
}
function rulesOnUnseenPods(g, rules, matcher) {
  const self = { kind: "workload", ref: g.workload };
  return rules.rules.filter((r) => {
    if (r.action !== "deny" || r.conns.intersect(g.conns).isEmpty) return false;
    const [near, far] = g.direction === "egress" ? [r.from, r.to] : [r.to, r.from];
    return matcher.narrow(near, self) !== void 0 && far.kind !== "cidr";
  });
}

export {
  ruleRefLabel,
  ruleRefOrigin,
  RuleMatcher,
  formatEndpoint,
  readRuleFiles,
  runBaseline,
  inEveryFamily,
  otherFamilyCopies,
  unmetLinks,
  linkKey,
  newlyUnmet,
  gapLinks,
  unknownPresets,
  MANAGED_BY_LABEL,
  MANAGED_BY,
  DEFAULT_SYNTHESIS_OPTIONS,
  synthesizePolicies,
  editDistance,
  layoutPolicies,
  parseLinksFile,
  unresolvedLeftOpen,
  applyBaselineToLinks,
  cutClosures,
  renderPoliciesYaml
};
