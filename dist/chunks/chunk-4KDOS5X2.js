import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  lintPolicies
} from "./chunk-RVVSKXLR.js";
import {
  analyzeExposure
} from "./chunk-GWMCDKFH.js";
import {
  createTwoFilesPatch,
  planRepoFixOf,
  prepareRepoDrift,
  repoDriftOf,
  structuredPatch
} from "./chunk-LLDP6N7M.js";
import {
  Unstorable,
  baseThreadInput,
  decodeBaseAnalysis,
  decodeResult,
  encodeResult
} from "./chunk-S7XALZ7B.js";
import {
  renderDiffMermaid
} from "./chunk-Q3YWZAQI.js";
import {
  ruleRefLabel,
  runBaseline
} from "./chunk-XPWQCRA6.js";
import {
  explainDiff
} from "./chunk-2N74GJOT.js";
import {
  readTraffic,
  readTrafficContext,
  unresolvedWarnings
} from "./chunk-57HYVIXJ.js";
import {
  compareDeclaredObserved,
  mergeLinks
} from "./chunk-W3TQMIRJ.js";
import {
  scanTopology
} from "./chunk-AV2U6Z46.js";
import {
  evidenceText
} from "./chunk-ZAFBLR44.js";
import {
  diffConnectivity,
  workloadsInfo
} from "./chunk-NCDNHDM5.js";
import {
  loadRead,
  readInputs
} from "./chunk-BECTGLCW.js";
import {
  escapeMarkdown,
  markdownCode
} from "./chunk-E23QOJSC.js";
import {
  PolicyEngine,
  policyKey
} from "./chunk-3HQQSEID.js";
import {
  ConnectionSet,
  DEFAULT_NAMESPACE,
  atomize,
  compareStrings,
  engineOptions,
  originRef,
  parsePeer,
  peerKey,
  rangeContains,
  rangeToCidrs,
  selectorMatches,
  workloadKey
} from "./chunk-YS4F6JR5.js";
import {
  Codes,
  ParseCache,
  diag
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError
} from "./chunk-LJ56FUY6.js";

// src/pipeline/check-gates.ts
import path2 from "node:path";

// src/connectivity/address-text.ts
function mergeRanges(ranges) {
  const sorted = [...ranges].sort((a, b) => a.family - b.family || (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.family === r.family && last.hi + 1n >= r.lo) out[out.length - 1] = { ...last, hi: last.hi > r.hi ? last.hi : r.hi };
    else out.push(r);
  }
  return out;
}
function cidrOf(r) {
  const c = rangeToCidrs(r);
  return c.length === 1 ? c[0] : c.join(", ");
}
var sameRanges = (a, b) => a.length === b.length && a.every((x, i) => x.family === b[i]?.family && x.lo === b[i]?.lo && x.hi === b[i]?.hi);
function subtract(include, exclude) {
  let parts = mergeRanges(include);
  for (const x of exclude) {
    parts = parts.flatMap((p) => {
      if (p.family !== x.family || x.hi < p.lo || x.lo > p.hi) return [p];
      const keep = [];
      if (x.lo > p.lo) keep.push({ family: p.family, lo: p.lo, hi: x.lo - 1n });
      if (x.hi < p.hi) keep.push({ family: p.family, lo: x.hi + 1n, hi: p.hi });
      return keep;
    });
  }
  return parts;
}
function addressText(ranges, blocks) {
  const merged = mergeRanges(ranges);
  for (const m of blocks) {
    if (m.include.length !== 1) continue;
    if (sameRanges(subtract(m.include, m.exclude), merged)) {
      const inc = cidrOf(m.include[0]);
      return m.exclude.length > 0 ? `${inc} except ${mergeRanges(m.exclude).map(cidrOf).join(", ")}` : inc;
    }
  }
  return merged.map(cidrOf).join(", ");
}
function ipBlocksOf(policies) {
  const out = [];
  for (const p of policies) for (const d of ["ingress", "egress"]) for (const rule of p.rules[d]) for (const m of rule.peers) if (m.kind === "ip") out.push(m);
  return out;
}

// src/connectivity/decisions.ts
function decisions(policies, side, interest) {
  if (!side) return [];
  const out = [];
  for (const direction of ["egress", "ingress"]) {
    const steps = side[direction];
    if (!steps) continue;
    const touching = steps.filter((s) => !s.conns.intersect(interest).isEmpty);
    const allows = touching.filter((s) => s.verdict === "Allow");
    if (allows.length > 0 && allows.every((s) => s.layer === "default")) {
      out.push({ direction, verdict: "open", steps: [] });
      continue;
    }
    if (allows.length > 0) {
      out.push({ direction, verdict: "allowed", steps: allows.filter((s) => s.layer !== "default").map((s) => clip(s, interest)) });
      continue;
    }
    const denies = touching.filter((s) => s.verdict === "Deny");
    if (denies.length > 0) {
      out.push({ direction, verdict: "denied", steps: denies.map((s) => clip(s, interest)) });
      continue;
    }
    const isolated = touching.filter((s) => s.verdict === "Isolated");
    const pure = isolated.filter((s) => s.policy && (policies.get(s.policy)?.rules[direction].length ?? 1) === 0);
    if (isolated.length > 0) out.push({ direction, verdict: "denied", steps: (pure.length > 0 ? pure : isolated).map((s) => clip(s, interest)) });
    else if (steps.length === 0 || touching.length === 0) out.push({ direction, verdict: "denied", steps: [] });
  }
  return out;
}
function clip(s, interest) {
  return { ...s, conns: s.conns.intersect(interest) };
}

// src/connectivity/causes.ts
function causeId(c) {
  switch (c.kind) {
    case "policy-added":
    case "policy-removed":
    case "policy-edited":
      return `${c.kind}|${c.policy}`;
    case "labels-changed":
    case "ports-changed":
    case "workload-added":
    case "workload-removed":
    case "exposure-changed":
      return `${c.kind}|${c.workload}`;
    case "namespace-labels-changed":
      return `${c.kind}|${c.namespace}`;
  }
}
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v).filter(([, x]) => x !== void 0).sort(([a], [b]) => compareStrings(a, b));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}
function policyContent(o) {
  const obj = o.object;
  return canonical({ kind: o.kind, spec: obj.spec ?? null });
}
var CauseFinder = class {
  constructor(before, after) {
    this.before = before;
    this.after = after;
    const byKey = (e) => new Map(e.policies.map((p) => [policyKey(p.ref), p]));
    this.policies = { before: byKey(before), after: byKey(after) };
    const wl = (e) => new Map(e.cluster.workloads.map((w) => [workloadKey(w.ref), w]));
    this.workloads = { before: wl(before), after: wl(after) };
    const nsObjects = (e) => {
      const m = /* @__PURE__ */ new Map();
      for (const o of e.cluster.objects) if (o.kind === "Namespace") m.set(o.object.metadata.name ?? "", o);
      return m;
    };
    this.namespaceObjects = { before: nsObjects(before), after: nsObjects(after) };
    const objects = (e) => new Map(e.cluster.objects.map((o) => [o.origin, o]));
    const beforeObjects = objects(before);
    const afterObjects = objects(after);
    for (const [key, p] of this.policies.after) {
      const q = this.policies.before.get(key);
      if (!q) this.changedPolicies.set(key, { kind: "policy-added", policy: key, at: originRef(p.origin) });
      else if (!samePolicy(beforeObjects.get(q.origin), afterObjects.get(p.origin))) this.changedPolicies.set(key, { kind: "policy-edited", policy: key, at: originRef(p.origin) });
    }
    for (const [key, q] of this.policies.before) {
      if (!this.policies.after.has(key)) this.changedPolicies.set(key, { kind: "policy-removed", policy: key, at: originRef(q.origin) });
    }
  }
  before;
  after;
  /** Each side's policies by key. */
  policies;
  workloads;
  namespaceObjects;
  changedPolicies = /* @__PURE__ */ new Map();
  /** Every policy that was added, removed or edited, by key. */
  get policyChanges() {
    return this.changedPolicies;
  }
  /** The causes of one entry, sorted by identity. */
  causesOf(e, x) {
    const out = /* @__PURE__ */ new Map();
    const add = (c) => {
      if (c) out.set(causeId(c), c);
    };
    const interest = e.gained.union(e.lost);
    const decisive = (policies, side) => decisions(policies, side, interest).flatMap((d) => d.steps);
    const id = (s) => `${s.layer}|${s.verdict}|${s.policy ?? ""}|${s.rule ? `${s.rule.direction}#${s.rule.index}` : ""}|${s.conns.key}`;
    const before = decisive(this.policies.before, x?.before);
    const after = decisive(this.policies.after, x?.after);
    const inBefore = new Set(before.map(id));
    const inAfter = new Set(after.map(id));
    for (const s of before) if (s.policy && !inAfter.has(id(s))) add(this.changedPolicies.get(s.policy));
    for (const s of after) if (s.policy && !inBefore.has(id(s))) add(this.changedPolicies.get(s.policy));
    for (const p of [e.src, e.dst]) {
      if (p.kind !== "workload") continue;
      const key = workloadKey(p.ref);
      const b = this.workloads.before.get(key);
      const a = this.workloads.after.get(key);
      if (!b && a) add({ kind: "workload-added", workload: key, at: originRef(a.origin) });
      else if (b && !a) add({ kind: "workload-removed", workload: key, at: originRef(b.origin) });
      else if (a && b) {
        add(this.labelChange(key, b, a, x));
        if (p === e.dst) add(portChange(key, b, a));
      }
      add(this.namespaceChange(p.ref.namespace, x));
    }
    if (e.src.kind === "ingress-controller" && e.dst.kind === "workload") add(this.exposureChange(e.dst));
    return [...out.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, c]) => c);
  }
  labelChange(key, b, a, x) {
    const before = mergedLabels(b);
    const after = mergedLabels(a);
    if (sameLabels(before, after)) return void 0;
    const ns = a.ref.namespace;
    const selectors = this.selectorChanges(x, (field2, side) => field2 === "podSelector" ? { ns, labels: side === "before" ? before : after } : void 0);
    const subjects = /* @__PURE__ */ new Map();
    for (const side of [x?.before, x?.after]) {
      for (const st of [...side?.egress ?? [], ...side?.ingress ?? []]) {
        if (!st.policy || subjects.has(st.policy)) continue;
        const p = this.policies.after.get(st.policy) ?? this.policies.before.get(st.policy);
        if (!p || p.layer !== "np" || p.subject.namespaces.kind !== "named" || p.subject.namespaces.name !== ns) continue;
        const was = selectorMatches(p.subject.pods, before);
        const now = selectorMatches(p.subject.pods, after);
        if (was !== now) subjects.set(st.policy, { policy: st.policy, rule: "subject", field: "podSelector", nowMatches: now });
      }
    }
    const all = [...[...subjects.entries()].sort(([m], [n]) => compareStrings(m, n)).map(([, v]) => v), ...selectors];
    return { kind: "labels-changed", workload: key, before, after, at: originRef(a.origin, [...a.specPath.slice(0, -1), "metadata", "labels"]), selectors: all };
  }
  namespaceChange(ns, x) {
    const b = this.before.cluster.namespaces.get(ns);
    const a = this.after.cluster.namespaces.get(ns);
    if (!a || !b || sameLabels(a.labels, b.labels)) return void 0;
    const obj = this.namespaceObjects.after.get(ns) ?? this.namespaceObjects.before.get(ns);
    const selectors = this.selectorChanges(x, (field2, side) => field2 === "namespaceSelector" ? { ns, labels: side === "before" ? b.labels : a.labels } : void 0);
    return { kind: "namespace-labels-changed", namespace: ns, before: b.labels, after: a.labels, at: obj ? originRef(obj.origin, ["metadata", "labels"]) : void 0, selectors };
  }
  /**
   * The selectors of the rules that decided the pair (on either side) whose answer for the given
   * labels differs between base and head: "the namespaceSelector of rule 0 no longer matches".
   */
  selectorChanges(x, labelsFor) {
    const out = /* @__PURE__ */ new Map();
    const sides = [
      ["before", x?.before],
      ["after", x?.after]
    ];
    for (const [sideName, side] of sides) {
      for (const s of [...side?.egress ?? [], ...side?.ingress ?? []]) {
        if (!s.policy || !s.rule) continue;
        const policy = (sideName === "before" ? this.policies.before : this.policies.after).get(s.policy);
        const rule = policy?.rules[s.rule.direction][s.rule.index];
        if (!policy || !rule) continue;
        for (const m of rule.peers) {
          if (m.kind !== "pods") continue;
          for (const field2 of ["namespaceSelector", "podSelector"]) {
            const lb = labelsFor(field2, "before");
            const la = labelsFor(field2, "after");
            if (!lb || !la) continue;
            const matches = (labels) => field2 === "podSelector" ? selectorMatches(m.pods, labels) : m.namespaces.kind === "named" ? m.namespaces.name === lb.ns : selectorMatches(m.namespaces.selector, labels);
            if (field2 === "namespaceSelector" && m.namespaces.kind === "named") continue;
            const was = matches(lb.labels);
            const now = matches(la.labels);
            if (was === now) continue;
            const ruleName = `${s.rule.direction} rule ${s.rule.index}`;
            out.set(`${s.policy}|${ruleName}|${field2}`, { policy: s.policy, rule: ruleName, field: field2, nowMatches: now });
          }
        }
      }
    }
    return [...out.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, v]) => v);
  }
  exposureChange(dst) {
    const key = workloadKey(dst.ref);
    const b = this.before.exposure.exposedBy.get(key) ?? [];
    const a = this.after.exposure.exposedBy.get(key) ?? [];
    const pb = this.before.exposure.ports.get(key);
    const pa = this.after.exposure.ports.get(key);
    if (b.join("\n") === a.join("\n") && (pb?.key ?? "") === (pa?.key ?? "")) return void 0;
    const name = a[0] ?? b[0];
    const engine = a[0] ? this.after : this.before;
    const obj = name ? findExposing(engine, name) : void 0;
    return { kind: "exposure-changed", workload: key, before: b, after: a, at: obj ? originRef(obj.origin) : void 0 };
  }
};
function samePolicy(a, b) {
  if (!a || !b) return a === b;
  if (a.origin.path.length === 0 && b.origin.path.length === 0 && a.origin.document.text === b.origin.document.text) return true;
  return policyContent(a) === policyContent(b);
}
function findExposing(engine, name) {
  const m = /^(\w+) ([^/]+)\/(.+)$/.exec(name);
  if (!m) return void 0;
  return engine.cluster.objects.find((o) => o.kind === m[1] && (o.object.metadata.namespace || DEFAULT_NAMESPACE) === m[2] && o.object.metadata.name === m[3]);
}
function mergedLabels(w) {
  const out = {};
  for (const p of w.pods) Object.assign(out, p.labels);
  return out;
}
function sameLabels(a, b) {
  return canonical(a) === canonical(b);
}
function portChange(key, b, a) {
  const ports = (w) => {
    const seen = /* @__PURE__ */ new Map();
    for (const p of w.pods.flatMap((x) => x.ports)) seen.set(`${p.protocol}/${p.port}/${p.name ?? ""}`, p);
    return [...seen.entries()].sort(([x], [y]) => compareStrings(x, y)).map(([, p]) => p);
  };
  const before = ports(b);
  const after = ports(a);
  if (canonical(before) === canonical(after)) return void 0;
  const names = (ps) => new Set(ps.flatMap((p) => p.name ? [`${p.protocol}/${p.name}`] : []));
  const na = names(after);
  const lostNames = [...names(before)].filter((n) => !na.has(n)).map((n) => n.split("/")[1]);
  return { kind: "ports-changed", workload: key, before, after, lostNames, at: originRef(a.origin, [...a.specPath, "containers"]) };
}

// src/connectivity/needs.ts
var Allowed = class {
  pairs = /* @__PURE__ */ new Map();
  external = [];
  constructor(c) {
    for (const x of c.connections) {
      if (x.src.kind === "external") this.external.push({ inCluster: peerKey(x.dst), outbound: false, range: x.src, conns: x.conns });
      else if (x.dst.kind === "external") this.external.push({ inCluster: peerKey(x.src), outbound: true, range: x.dst, conns: x.conns });
      else this.pairs.set(`${peerKey(x.src)}\0${peerKey(x.dst)}`, x.conns);
    }
  }
  of(link) {
    const { src, dst } = link;
    if (src.kind === "gateway" || dst.kind === "gateway" || dst.kind === "ingress-controller") return void 0;
    if (dst.kind === "external" || src.kind === "external") {
      const outbound = dst.kind === "external";
      const range = outbound ? dst.kind === "external" ? dst.range : void 0 : src.kind === "external" ? src.range : void 0;
      const inCluster = peerKey(outbound ? src : dst);
      if (!range) return void 0;
      const parts = this.external.filter((e) => e.outbound === outbound && e.inCluster === inCluster && e.range.kind === "external" && overlaps(e.range.range, range));
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
  const byKey = (x, y) => compareStrings(linkKey(x), linkKey(y));
  return { unmet: unmet.sort((x, y) => byKey(x.link, y.link)), unjudged: unjudged.sort(byKey) };
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

// src/pipeline/check/attribution.ts
function changedLines(before, after) {
  const patch = structuredPatch("a", "b", before ?? "", after, "", "", { context: 0 });
  const lines = [];
  for (const h of patch.hunks) {
    let n = h.newStart;
    for (const l of h.lines) {
      if (l.startsWith("+")) lines.push(n++);
      else if (!l.startsWith("-")) n++;
    }
  }
  return lines;
}
var Attributor = class {
  constructor(changed, files, base, head) {
    this.files = files;
    this.changed = new Set(changed);
    for (const info of files.values()) {
      if (info.chart === void 0 && info.overlay === void 0) this.plain.add(info.path);
      (info.side === "head" ? this.onHead : this.onBase).add(info.path);
    }
    const baseValues = /* @__PURE__ */ new Map();
    for (const v of base.values) for (const f of v.files) baseValues.set(base.rel(f.path) ?? f.path, f.text);
    for (const v of head.values)
      for (const f of v.files) {
        const rel = head.rel(f.path) ?? f.path;
        if (this.changed.has(rel)) this.valuesLines.set(rel, changedLines(baseValues.get(rel), f.text));
      }
  }
  files;
  changed;
  valuesLines = /* @__PURE__ */ new Map();
  /** Files either side loads as plain manifests (not rendered). */
  plain = /* @__PURE__ */ new Set();
  /** Paths of the files each side loaded. */
  onHead = /* @__PURE__ */ new Set();
  onBase = /* @__PURE__ */ new Set();
  filesOf(at) {
    if (!at) return [];
    const info = this.files.get(at.file);
    if (!info) return [];
    if (info.chart !== void 0) {
      const prefix = info.chart === "" ? "" : `${info.chart}/`;
      return [...this.changed].filter((f) => f.startsWith(prefix)).map((f) => this.valuesLines.has(f) ? { path: f, lines: this.valuesLines.get(f) } : { path: f });
    }
    if (info.overlay !== void 0) {
      const prefix = info.overlay === "" ? "" : `${info.overlay}/`;
      return [...this.changed].filter((f) => f.startsWith(prefix) || !this.plain.has(f)).map((f) => ({ path: f }));
    }
    if (!this.changed.has(info.path)) return [];
    return [this.onBase.has(info.path) && !this.onHead.has(info.path) ? { path: info.path, side: "base" } : { path: info.path }];
  }
};

// src/pipeline/check/items.ts
function mergeSelectors(a, b) {
  if (!("selectors" in a) || !("selectors" in b) || b.selectors.length === 0) return a;
  const all = /* @__PURE__ */ new Map();
  for (const x of [...a.selectors, ...b.selectors]) all.set(`${x.rule === "subject" ? 0 : 1}\0${x.policy}\0${x.rule}\0${x.field}`, x);
  const selectors = [...all.entries()].sort(([m], [n]) => compareStrings(m, n)).map(([, x]) => x);
  return { ...a, selectors };
}
function isOutsidePeer(p) {
  return p.kind === "external" || p.kind === "ingress-controller" || p.kind === "gateway";
}
function isOutsideSource(e) {
  return isOutsidePeer(e.src);
}
function itemsOf(diff, explanations, entries, index, blocks) {
  const joined = /* @__PURE__ */ new Map();
  const order = [];
  for (const i of entries) {
    const e = diff.entries[i];
    const ext = e.src.kind === "external" ? "src" : e.dst.kind === "external" ? "dst" : void 0;
    const key = ext ? `${ext}\0${peerKey(ext === "src" ? e.dst : e.src)}\0${e.kind}\0${e.before.key}\0${e.after.key}` : `pair\0${peerKey(e.src)}\0${peerKey(e.dst)}`;
    let j = joined.get(key);
    if (!j) {
      joined.set(key, j = { indexes: [], ranges: [] });
      order.push(key);
    }
    j.indexes.push(i);
    const p = ext === "src" ? e.src : ext === "dst" ? e.dst : void 0;
    if (p && p.kind === "external") j.ranges.push(p.range);
  }
  return order.map((key) => {
    const { indexes, ranges } = joined.get(key);
    const first = diff.entries[indexes[0]];
    const text = (p) => p.kind === "external" ? addressText(ranges, blocks) : peerKey(p);
    const interest = first.gained.union(first.lost);
    const x = explanations[indexes[0]];
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
      ...workloadsInfo(first) ? { workloadsInfo: workloadsInfo(first) } : {},
      why: { base: decisions(index.before, x?.before, interest), head: decisions(index.after, x?.after, interest) }
    };
  });
}

// src/pipeline/check/sanity.ts
var lintKey = (f) => `${f.code}\0${f.policy}\0${f.rule ?? ""}`;
function newLintFindings(base, head) {
  const before = new Set(lintPolicies(base.engine).findings.map(lintKey));
  const after = lintPolicies(head.engine).findings;
  const findings = after.filter((f) => !before.has(lintKey(f)));
  return { findings, existing: after.length - findings.length };
}
function rangeOf(peer) {
  if (!peer.endsWith("[External]")) return void 0;
  const r = parsePeer(peer, []);
  return r.ok && r.peer.kind === "external" ? r.peer.range : void 0;
}
function widenedExposure(base, head, settings) {
  const options = engineOptions(settings);
  const baseEntries = analyzeExposure(base.cluster, options).value.ingress;
  const headEntries = analyzeExposure(head.cluster, options).value.ingress;
  const widened = [];
  const push = (workload, peer, before, after) => {
    const gained = after.subtract(before);
    if (!gained.isEmpty) widened.push({ workload, peer, before, after, gained });
  };
  const key = (e) => `${e.workload}\0${e.peer}`;
  const beforeByName = /* @__PURE__ */ new Map();
  for (const e of baseEntries) if (!rangeOf(e.peer)) beforeByName.set(key(e), (beforeByName.get(key(e)) ?? ConnectionSet.NONE).union(e.conns));
  for (const e of headEntries) if (!rangeOf(e.peer)) push(e.workload, e.peer, beforeByName.get(key(e)) ?? ConnectionSet.NONE, e.conns);
  const byWorkload = (entries) => {
    const out = /* @__PURE__ */ new Map();
    for (const e of entries) {
      const range = rangeOf(e.peer);
      if (range) out.set(e.workload, [...out.get(e.workload) ?? [], { range, conns: e.conns }]);
    }
    return out;
  };
  const baseRanges = byWorkload(baseEntries);
  for (const [workload, ranges] of byWorkload(headEntries)) {
    const was = baseRanges.get(workload) ?? [];
    const atoms = atomize([...ranges, ...was].map((r) => r.range), []);
    let run;
    const flush = () => {
      if (run) push(workload, peerKey({ kind: "external", range: run.range }), run.before, run.after);
      run = void 0;
    };
    for (const atom of atoms) {
      const union = (rs) => rs.filter((r) => rangeContains(r.range, atom)).reduce((c, r) => c.union(r.conns), ConnectionSet.NONE);
      const after = union(ranges);
      const before = union(was);
      if (run && run.range.family === atom.family && run.range.hi + 1n === atom.lo && run.before.equals(before) && run.after.equals(after)) run = { ...run, range: { ...run.range, hi: atom.hi } };
      else {
        flush();
        run = { range: atom, before, after };
      }
    }
    flush();
  }
  widened.sort((a, b) => compareStrings(a.workload, b.workload) || compareStrings(a.peer, b.peer));
  return { widened };
}

// src/pipeline/check/cache.ts
import { createHash } from "node:crypto";
var KIND = "check";
var FORMAT = "check-outcome/1";
function field(hash, text) {
  hash.update(`${text.length}:`);
  hash.update(text);
}
function hashSide(hash, side) {
  field(hash, side.label);
  field(hash, side.shape);
  field(hash, `files ${side.read.files.length}`);
  for (const f of side.read.files) {
    field(hash, f.path);
    field(hash, f.text);
  }
  field(hash, `values ${side.read.values.length}`);
  for (const v of side.read.values) {
    field(hash, v.chart);
    field(hash, `${v.files.length}`);
    for (const f of v.files) {
      field(hash, f.path);
      field(hash, f.text);
    }
  }
  field(hash, JSON.stringify(side.read.diagnostics));
}
function settingsForm(settings) {
  const r = settings.render;
  return JSON.stringify(
    encodeResult({
      maxFileBytes: settings.maxFileBytes,
      namespace: settings.namespace,
      ipFamilies: settings.ipFamilies,
      podCidrs: settings.podCidrs ?? [],
      serviceCidrs: settings.serviceCidrs ?? [],
      render: {
        helmValues: r.helmValues,
        helmSet: r.helmSet,
        helmReleaseName: r.helmReleaseName,
        helmNamespace: r.helmNamespace,
        charts: [...r.charts.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0),
        kustomizeFlags: r.kustomizeFlags,
        maxOutputBytes: r.maxOutputBytes
      }
    })
  );
}
function checkCacheKey(request, sides, settings, options) {
  const hash = createHash("sha256");
  field(hash, FORMAT);
  field(hash, JSON.stringify(request));
  field(hash, JSON.stringify({ lint: options.lint === true, exposure: options.exposure === true }));
  field(hash, settingsForm(settings));
  hashSide(hash, sides.base);
  hashSide(hash, sides.head);
  field(hash, JSON.stringify(sides.changed));
  return hash.digest("hex");
}
var digestOf = (text) => createHash("sha256").update(text).digest("hex");
function checkCache(io, settings) {
  const dir = settings.render.cacheDir;
  return dir && io.resultCache ? io.resultCache(dir) : void 0;
}
function readCheck(cache, key) {
  const entry = cache.get(KIND, key);
  if (!entry || typeof entry !== "object" || entry.format !== FORMAT || typeof entry.body !== "string" || entry.digest !== digestOf(entry.body)) return void 0;
  try {
    const v = decodeResult(JSON.parse(entry.body));
    return v && typeof v === "object" && Array.isArray(v.groups) && v.files instanceof Map && Array.isArray(v.diagnostics) ? v : void 0;
  } catch (e) {
    if (e instanceof Unstorable || e instanceof SyntaxError) return void 0;
    throw e;
  }
}
function writeCheck(cache, key, outcome) {
  const { commits: _commits, ...stored } = outcome;
  let body;
  try {
    body = JSON.stringify(encodeResult(stored));
  } catch (e) {
    if (e instanceof Unstorable) return;
    throw e;
  }
  cache.set(KIND, key, { format: FORMAT, digest: digestOf(body), body });
}

// src/pipeline/check/sides.ts
import path from "node:path";
function openSide(io, side, settings, cache) {
  const loaded = loadRead(io, side.read, settings, cache);
  return { side, loaded, engine: new PolicyEngine(loaded.load.cluster, engineOptions(settings)) };
}
function analyzeHere(opened, role) {
  const scan = scanTopology(opened.loaded.load.cluster, { values: opened.loaded.values, evidenceLines: role === "head" });
  const connections = opened.engine.connectivity().connections;
  return { connections, topology: scan.value, engineDiagnostics: opened.engine.diagnostics, scanDiagnostics: scan.diagnostics };
}
function finishSide(opened, analysis) {
  const { side, loaded, engine } = opened;
  const { load, diagnostics, values } = loaded;
  return {
    label: side.label,
    connectivity: { connections: analysis.connections, workloads: load.cluster.workloads.map((w) => w.ref), ipRanges: engine.ipRanges },
    cluster: load.cluster,
    engine,
    topology: analysis.topology,
    values,
    documents: [...new Set(load.documents.map((d) => d.file))],
    diagnostics: [...diagnostics, ...analysis.engineDiagnostics, ...analysis.scanDiagnostics],
    rel: side.rel
  };
}
var toPosix = (p) => p.split(path.sep).join("/");
function readSides(io, request, settings) {
  if (request.kind === "paths") {
    const side = (root) => {
      const abs = path.resolve(root);
      const isDir = io.isDirectory(abs);
      const shown = toPosix(path.normalize(root)).replace(/\/$/, "");
      const display = (f) => {
        const r = toPosix(path.relative(abs, f));
        return isDir ? r === "" ? shown : `${shown}/${r}` : f === abs ? shown : toPosix(f);
      };
      const rel = (d) => isDir ? d === shown ? "." : d.startsWith(`${shown}/`) ? d.slice(shown.length + 1) : void 0 : d === shown ? path.basename(abs) : void 0;
      const mapping = { display, logical: (f) => f };
      return { label: root, root, mapping, rel, shape: isDir ? "folder" : "file", read: readInputs(io, [root], settings, mapping) };
    };
    return { base: side(request.base), head: side(request.head), changed: io.changedFilesBetween(request.base, request.head), dispose: () => {
    } };
  }
  const { repo, base, head } = request;
  const top = io.repoTop(repo);
  const sub = request.paths.length > 0 ? request.paths : ["."];
  for (const p of sub) {
    if (!io.pathExists(repo, base, p) && !io.pathExists(repo, head, p)) throw new ConfigError(`${p} exists neither at ${base} nor at ${head} (paths are relative to the repository root)`);
  }
  const commits = { base: io.resolveCommit(repo, base), head: io.resolveCommit(repo, head) };
  const trees = [];
  const dispose = () => {
    for (const t of trees.splice(0)) t.dispose();
  };
  try {
    const side = (ref) => {
      const tree = io.exportTree(repo, ref, sub);
      trees.push(tree);
      const relAbs = (abs) => toPosix(path.relative(tree.dir, abs));
      const rel = (d) => d.startsWith(`${ref}:`) ? d.slice(ref.length + 1) : void 0;
      const mapping = { display: (abs) => `${ref}:${relAbs(abs) || "."}`, logical: (abs) => path.join(top, relAbs(abs)) };
      return { label: ref, root: tree.dir, mapping, rel, shape: "tree", read: readInputs(io, [tree.dir], settings, mapping) };
    };
    return { base: side(base), head: side(head), changed: io.changedFilesInRepo(repo, base, head, request.paths), commits, dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}
function loadSides(io, sides, settings) {
  const startedAt = Date.now();
  const baseRead = sides.base.read;
  const chars = baseRead.files.reduce((n, f) => n + f.text.length, 0);
  const thread = io.startThread?.("check-base", baseThreadInput(baseRead.files, baseRead.values, settings), chars);
  try {
    const cache = new ParseCache();
    const base = openSide(io, sides.base, settings, cache);
    if (!thread) {
      const baseSide = finishSide(base, analyzeHere(base, "base"));
      const head2 = openSide(io, sides.head, settings, cache);
      return { base: baseSide, head: finishSide(head2, analyzeHere(head2, "head")) };
    }
    const head = openSide(io, sides.head, settings, cache);
    const headSide = finishSide(head, analyzeHere(head, "head"));
    const answer = thread.collect(1e4 + 2 * (Date.now() - startedAt));
    const analysed = answer !== void 0 ? decodeBaseAnalysis(answer) : void 0;
    return { base: finishSide(base, analysed ?? analyzeHere(base, "base")), head: headSide };
  } finally {
    thread?.cancel();
    sides.dispose();
  }
}

// src/pipeline/check.ts
function gapsOf(head, base) {
  const key = (u) => `${workloadKey(u.workload)}\0${u.value}\0${u.reason}`;
  const before = new Set(base.unresolved.map(key));
  return head.unresolved.map((u) => ({ workload: workloadKey(u.workload), value: u.value, at: u.at, reason: u.reason, detail: u.detail, introduced: !before.has(key(u)) })).sort((a, b) => compareStrings(`${a.workload}\0${a.value}`, `${b.workload}\0${b.value}`));
}
function observedLinks(io, base, head, request, settings) {
  const context = readTrafficContext(io, request, settings);
  const onHead = readTraffic(io, head.cluster, request, settings, context);
  const onBase = readTraffic(io, base.cluster, request, settings, context);
  return { head: onHead.value.links, base: onBase.value.links, diagnostics: [...context.diagnostics, ...onHead.diagnostics, ...unresolvedWarnings(onHead.value.unresolved)] };
}
function runCheck(io, request, settings, options = {}) {
  const sides = readSides(io, request, settings);
  try {
    const commits = sides.commits;
    const cache = options.traffic ? void 0 : checkCache(io, settings);
    const key = cache ? checkCacheKey(request, sides, settings, options) : void 0;
    if (cache && key) {
      const kept = readCheck(cache, key);
      if (kept) {
        const { refs, ...rest } = kept;
        return { refs, ...commits ? { commits } : {}, ...rest };
      }
    }
    const outcome = computeCheck(io, sides, settings, options);
    if (cache && key) writeCheck(cache, key, outcome);
    return outcome;
  } finally {
    sides.dispose();
  }
}
function computeCheck(io, sides, settings, options) {
  const { changed, commits } = sides;
  const { base, head } = loadSides(io, sides, settings);
  const files = /* @__PURE__ */ new Map();
  for (const [sideName, side] of [
    ["base", base],
    ["head", head]
  ]) {
    const charts = side.values.map((v) => ({ shown: v.chart, rel: side.rel(v.chart) ?? v.chart }));
    for (const d of side.documents) {
      const rel = side.rel(d);
      if (rel === void 0) continue;
      const chart = charts.find((c) => d.startsWith(`${c.shown}/`));
      if (chart) files.set(d, { side: sideName, path: rel.replace(/ \[rendered\]$/, ""), chart: chart.rel === "." ? "" : chart.rel });
      else if (rel.endsWith("/kustomization [rendered]") || rel === "kustomization [rendered]") {
        const overlay = rel === "kustomization [rendered]" ? "" : rel.slice(0, -"/kustomization [rendered]".length);
        files.set(d, { side: sideName, path: overlay || ".", overlay });
      } else files.set(d, { side: sideName, path: rel });
    }
  }
  const before = base.connectivity;
  const after = head.connectivity;
  const diff = diffConnectivity(before, after);
  const explanations = explainDiff(base.engine, head.engine, diff);
  const finder = new CauseFinder(base.engine, head.engine);
  const attributor = new Attributor(changed, files, base, head);
  const groupsById = /* @__PURE__ */ new Map();
  diff.entries.forEach((e, i) => {
    const causes = finder.causesOf(e, explanations[i]).map((cause) => ({ cause, files: attributor.filesOf(cause.at) }));
    const id = causes.map((c) => causeId(c.cause)).join("\n");
    const g = groupsById.get(id);
    if (g) {
      g.entries.push(i);
      g.causes = g.causes.map((c, k) => ({ ...c, cause: mergeSelectors(c.cause, causes[k].cause) }));
    } else groupsById.set(id, { causes, entries: [i] });
  });
  const blocks = ipBlocksOf([...head.engine.policies, ...base.engine.policies]);
  const toItems = (entries) => itemsOf(diff, explanations, entries, finder.policies, blocks);
  const groups = [...groupsById.entries()].sort(([ia, a], [ib, b]) => b.entries.length - a.entries.length || compareStrings(ia, ib)).map(([, g]) => ({ causes: g.causes, items: toItems(g.entries) }));
  const outside = groups.flatMap((g) => g.items.filter((it) => isOutsideSource(diff.entries[it.entries[0]]) && !it.gained.isEmpty));
  const observed = options.traffic ? observedLinks(io, base, head, options.traffic, settings) : void 0;
  const unmetHead = unmetLinks(observed ? mergeLinks(head.topology.links, observed.head) : head.topology.links, after);
  const unmetBase = unmetLinks(observed ? mergeLinks(base.topology.links, observed.base) : base.topology.links, before);
  const { broken, already } = newlyUnmet(unmetHead.unmet, unmetBase.unmet);
  const notJudged = unmetHead.unjudged.map((l) => {
    const ev = l.evidence.find((e) => e.kind === "address" || e.kind === "exposure" || e.kind === "intent");
    return diag(Codes.linkNotJudged, "info", `the link ${peerKey(l.src)} => ${peerKey(l.dst)} (${l.conns.toString()}) goes through a Gateway proxy, which the policy engine does not model; not checked`, ev && "at" in ev ? ev.at : void 0);
  });
  const traffic = observed ? compareDeclaredObserved(head.topology.links, observed.head) : void 0;
  const trafficDiagnostics = observed?.diagnostics ?? [];
  return {
    refs: { base: base.label, head: head.label },
    ...commits ? { commits } : {},
    changedFiles: changed,
    diff,
    explanations,
    groups,
    outside,
    broken,
    alreadyUnmet: already,
    unjudged: unmetHead.unjudged,
    gaps: gapsOf(head.topology, base.topology),
    ...traffic ? { traffic } : {},
    ...options.lint ? { lint: newLintFindings(base, head) } : {},
    ...options.exposure ? { exposure: widenedExposure(base, head, settings) } : {},
    files,
    diagnostics: [...base.diagnostics, ...head.diagnostics, ...notJudged, ...trafficDiagnostics],
    headDiagnostics: [...head.diagnostics, ...notJudged, ...trafficDiagnostics]
  };
}

// src/pipeline/check-gates.ts
function runGatedCheck(io, request, gates, settings) {
  const outcome = runCheck(io, request, settings, { ...gates.traffic ? { traffic: gates.traffic } : {}, ...gates.lint ? { lint: true } : {}, ...gates.exposure ? { exposure: true } : {} });
  const wantsBaseline = (gates.baselineFiles?.length ?? 0) > 0;
  if (!wantsBaseline && gates.policies === void 0) return outcome;
  let tree;
  try {
    let roots;
    let show;
    if (request.kind === "repo") {
      tree = io.exportTree(request.repo, request.head, ["."]);
      const dir = tree.dir;
      roots = (request.paths.length > 0 ? request.paths : ["."]).map((p) => path2.join(dir, p));
      const prefixes = [dir, path2.relative(process.cwd(), dir)].filter((p) => p !== "");
      show = (file) => {
        for (const p of prefixes) if (file === p || file.startsWith(`${p}/`)) return `${request.head}:${file.slice(p.length + 1) || "."}`;
        return file;
      };
    } else {
      roots = [request.head];
      show = (file) => file;
    }
    const policiesDir = gates.policies === void 0 ? void 0 : request.kind === "repo" && tree ? path2.join(tree.dir, gates.policies) : gates.policies;
    const at = (r) => r ? { ...r, file: show(r.file) } : void 0;
    const relocate = (ds) => ds.map((d) => d.at ? { ...d, at: at(d.at) } : d);
    const extra = [];
    let baseline;
    let baselineOutcome;
    if (wantsBaseline) {
      baselineOutcome = runBaseline(io, { paths: roots, ruleFiles: gates.baselineFiles ?? [], ...gates.engine ? { engine: gates.engine } : {}, ...gates.ncaTimeoutMs ? { ncaTimeoutMs: gates.ncaTimeoutMs } : {} }, settings);
      extra.push(...relocate(baselineOutcome.diagnostics));
      const violations = baselineOutcome.violations.map((v) => ({
        rule: ruleRefLabel(v.rule),
        action: v.rule.kind === "rule" ? v.rule.rule.action : "deny",
        src: peerKey(v.src),
        dst: peerKey(v.dst),
        conns: v.conns.toString(),
        ...v.rule.kind === "rule" ? { at: v.rule.rule.origin } : { at: v.rule.origin },
        engines: [v.engine]
      }));
      for (const d of baselineOutcome.disagreements) {
        violations.push({
          rule: ruleRefLabel(d.rule),
          action: "disagreement",
          src: peerKey(d.witness.src),
          dst: peerKey(d.witness.dst),
          conns: `built-in says the rule ${d.builtinHolds ? "holds" : "is violated"}, nca says it ${d.ncaHolds ? "holds" : "is violated"}`,
          ...d.rule.kind === "rule" ? { at: d.rule.rule.origin } : { at: d.rule.origin },
          engines: ["builtin", "nca"]
        });
      }
      baseline = { violations };
    }
    let drift;
    let driftOutcome;
    if (policiesDir !== void 0) {
      const prepared = prepareRepoDrift(io, { paths: roots, policies: policiesDir, synthesis: gates.synthesis, ...gates.traffic ? { traffic: gates.traffic } : {} }, settings);
      driftOutcome = repoDriftOf(prepared.loaded, prepared.request, settings);
      extra.push(...relocate(driftOutcome.diagnostics));
      const findings = [
        ...driftOutcome.drift.missing.map((f) => {
          const ev = f.reasons.flatMap((r) => r.kind === "link" ? r.evidence : []).find((e) => "at" in e);
          const where = ev && "at" in ev ? ev.at : void 0;
          return { kind: "missing", subject: `${peerKey(f.src)} → ${peerKey(f.dst)}`, message: `needed ${f.conns.toString()} is blocked by the committed policies`, ...where ? { at: at(where) } : {} };
        }),
        ...driftOutcome.drift.excess.map((f) => {
          const where = f.allowers.find((a) => a.step?.at)?.step?.at;
          return { kind: "excess", subject: `${peerKey(f.src)} → ${peerKey(f.dst)}`, message: `${f.conns.toString()} is allowed beyond what the manifests need`, ...where ? { at: at(where) } : {} };
        })
      ];
      let fix;
      if (findings.length > 0 && gates.renderPolicies) {
        const plan = planRepoFixOf(prepared, gates.renderPolicies);
        fix = plan.files.filter((f) => f.before !== f.after).map((f) => ({ path: show(f.path), before: f.before, after: f.after }));
      }
      drift = { findings, ...fix && fix.length > 0 ? { fix } : {} };
    }
    const said = new Set(outcome.diagnostics.map((d) => JSON.stringify(d)));
    const fresh = extra.filter((d) => !said.has(JSON.stringify(d)));
    return {
      ...outcome,
      ...baseline ? { baseline } : {},
      ...drift ? { drift } : {},
      ...baselineOutcome ? { baselineOutcome } : {},
      ...driftOutcome ? { driftOutcome } : {},
      diagnostics: [...outcome.diagnostics, ...fresh],
      headDiagnostics: [...outcome.headDiagnostics, ...fresh]
    };
  } finally {
    tree?.dispose();
  }
}

// src/report/check/budget.ts
var DEFAULT_MAX_BYTES = 6e4;
var FULL_REPORT_POINTER = "the full report is in the job summary and the `netpol-ci-report` artifact";
var bytes = (s) => Buffer.byteLength(s, "utf8");
var NOTHING_OPEN = { fence: false, details: 0 };
function afterLine(open, l) {
  const t = l.trim();
  if (t.startsWith("```")) return { fence: !open.fence, details: open.details };
  if (open.fence) return open;
  return { fence: false, details: open.details + (t.match(/<details>/g) ?? []).length - (t.match(/<\/details>/g) ?? []).length };
}
function closing(open) {
  return [...open.fence ? ["```"] : [], ...Array.from({ length: Math.max(0, open.details) }, () => "</details>")];
}
function closers(lines) {
  return closing(lines.reduce(afterLine, NOTHING_OPEN));
}
function fitSections(head, sections, maxBytes, shownBudget = maxBytes) {
  const join = (ls) => `${ls.join("\n")}
`;
  const all = [...head, ...sections.flatMap((s) => ["", ...s.lines])];
  if (bytes(join(all)) <= maxBytes) return { text: join(all), truncated: false };
  const out = [...head];
  let used = bytes(join(out));
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    const rest = sections.slice(i + 1).map((x) => x.title);
    const sectionBytes = bytes(join(["", ...s.lines]));
    const noteFor = (cutLines, omitted) => `> **Report cut to fit a comment** (${shownBudget} bytes): ${cutLines > 0 ? `${cutLines} more lines of *${s.title}*` : ""}${cutLines > 0 && omitted.length > 0 ? " and " : ""}${omitted.length > 0 ? `the sections ${omitted.map((t) => `*${t}*`).join(", ")}` : ""} omitted; ${FULL_REPORT_POINTER}.`;
    const reserve = bytes(`
${noteFor(999999, rest)}
`) + 64;
    if (used + sectionBytes + reserve <= maxBytes || i === sections.length - 1 && used + sectionBytes <= maxBytes) {
      out.push("", ...s.lines);
      used += sectionBytes;
      continue;
    }
    const kept = [""];
    let keptBytes = 1;
    let fenceOpen = false;
    let lastSafe = 0;
    let open = afterLine(NOTHING_OPEN, "");
    for (let j = 0; j < s.lines.length; j++) {
      const l = s.lines[j];
      const extra = bytes(`${l}
`);
      const withLine = afterLine(open, l);
      const closingBytes = closing(withLine).reduce((n, c) => n + bytes(`${c}
`), 0);
      if (used + keptBytes + extra + closingBytes + reserve > maxBytes) break;
      kept.push(l);
      open = withLine;
      keptBytes += extra;
      if (l.trim().startsWith("```")) fenceOpen = !fenceOpen;
      if (!fenceOpen) lastSafe = kept.length;
    }
    const cut = fenceOpen ? kept.slice(0, lastSafe) : kept;
    const shownLines = cut.length > 1 ? cut : [];
    out.push(...shownLines, ...closers(shownLines));
    const omittedLines = s.lines.length - Math.max(0, shownLines.length - 1);
    out.push("", noteFor(shownLines.length > 0 ? omittedLines : 0, shownLines.length > 0 ? rest : [s.title, ...rest]));
    return { text: join(out), truncated: true };
  }
  return { text: join(out), truncated: true };
}

// src/report/check/causes.ts
function labelsText(l) {
  const entries = Object.entries(l).filter(([k]) => k !== "kubernetes.io/metadata.name").sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return markdownCode(entries.map(([k, v]) => `${k}=${v}`).join(",") || "(none)");
}
function portsText(ps) {
  return markdownCode(ps.map((p) => `${p.name ? `${p.name} ` : ""}${p.protocol} ${p.port}`).join(", ") || "(none)");
}
function selectorText(s) {
  if (s.rule === "subject") return `${markdownCode(s.policy)} ${s.nowMatches ? "now selects it" : "no longer selects it"}`;
  return `the ${s.field} of ${markdownCode(s.policy)} ${s.rule} ${s.nowMatches ? "now matches it" : "no longer matches it"}`;
}
function causeParts(c) {
  const selectors = (xs) => xs.length ? { effect: xs.map(selectorText).join("; ") } : {};
  switch (c.kind) {
    case "policy-added":
      return { what: `${markdownCode(c.policy)} added` };
    case "policy-removed":
      return { what: `${markdownCode(c.policy)} deleted` };
    case "policy-edited":
      return { what: `${markdownCode(c.policy)} changed` };
    case "labels-changed":
      return { what: `pod labels of ${markdownCode(c.workload)} changed from ${labelsText(c.before)} to ${labelsText(c.after)}`, ...selectors(c.selectors) };
    case "ports-changed":
      return {
        what: `container ports of ${markdownCode(c.workload)} changed from ${portsText(c.before)} to ${portsText(c.after)}`,
        ...c.lostNames.length ? { effect: `named port ${c.lostNames.map(markdownCode).join(", ")} no longer declared, so rules naming it no longer match` } : {}
      };
    case "namespace-labels-changed":
      return { what: `labels of namespace ${markdownCode(c.namespace)} changed from ${labelsText(c.before)} to ${labelsText(c.after)}`, ...selectors(c.selectors) };
    case "workload-added":
      return { what: `${markdownCode(c.workload)} added` };
    case "workload-removed":
      return { what: `${markdownCode(c.workload)} removed` };
    case "exposure-changed":
      return { what: `exposure of ${markdownCode(c.workload)} changed (${c.before.map(markdownCode).join(", ") || "nothing"} → ${c.after.map(markdownCode).join(", ") || "nothing"})` };
  }
}
function causeText(c) {
  const p = causeParts(c);
  return p.effect ? `${p.what}: ${p.effect}` : p.what;
}

// src/report/check/marker.ts
var MARKER_VERSION = 1;
function buildMarker(m) {
  const sha = m.sha && /^[0-9a-f]{7,64}$/i.test(m.sha) ? m.sha.toLowerCase() : "none";
  return `<!-- netpol-ci:check v${m.version ?? MARKER_VERSION} key=${encodeURIComponent(m.key)} sha=${sha} truncated=${m.truncated} -->`;
}

// src/report/check/summary.ts
function checkSummary(o) {
  const count = (k) => o.groups.reduce((n, g) => n + g.items.filter((it) => it.kind === k).length, 0);
  const changes = o.groups.reduce((n, g) => n + g.items.length, 0);
  const broken = o.broken.length;
  const baseline = o.baseline?.violations.length;
  const drift = o.drift?.findings.length;
  const lint = o.lint?.findings.length;
  const exposed = o.exposure ? new Set(o.exposure.widened.map((w) => w.workload)).size : void 0;
  const problems = [];
  if (baseline) problems.push(`${baseline} baseline violation${baseline === 1 ? "" : "s"}`);
  if (drift) problems.push(`${drift} drift finding${drift === 1 ? "" : "s"}`);
  if (lint) problems.push(`${lint} new lint finding${lint === 1 ? "" : "s"}`);
  if (broken) problems.push(`breaks ${broken} needed link${broken === 1 ? "" : "s"}`);
  if (o.outside.length) problems.push(`opens ${o.outside.length} path${o.outside.length === 1 ? "" : "s"} from outside the cluster`);
  if (exposed) problems.push(`widens the exposure of ${exposed} workload${exposed === 1 ? "" : "s"}`);
  const verdict = problems.length > 0 ? `⚠️ ${problems.join(", ")}` : changes > 0 ? `ℹ️ ${changes} connectivity change${changes === 1 ? "" : "s"}, nothing broken` : "✅ no connectivity change, nothing broken";
  return {
    verdict,
    changes,
    added: count("added"),
    removed: count("removed"),
    changed: count("changed"),
    outside: o.outside.length,
    broken,
    gaps: o.gaps.length,
    newGaps: o.gaps.filter((g) => g.introduced).length,
    ...baseline !== void 0 ? { baselineViolations: baseline } : {},
    ...drift !== void 0 ? { driftFindings: drift } : {},
    ...lint !== void 0 ? { newLintFindings: lint } : {},
    ...exposed !== void 0 ? { widenedExposure: exposed } : {}
  };
}

// src/report/check/md.ts
var FOLD_AFTER = 8;
var code = markdownCode;
var Locations = class {
  constructor(o, blobBase) {
    this.o = o;
    this.blobBase = blobBase;
  }
  o;
  blobBase;
  url(side, path3, line) {
    const sha = this.o.commits?.[side];
    if (!this.blobBase || !sha) return void 0;
    const safePath = path3.split("/").map(encodeURIComponent).join("/");
    return `${this.blobBase.replace(/\/+$/, "")}/blob/${sha}/${safePath}${line ? `#L${line}` : ""}`;
  }
  /** A rule or object location: the file and line at the side's commit; a rendered chart file links to its template without a (rendered) line. */
  at(ref) {
    if (!ref) return "";
    const info = this.o.files.get(ref.file);
    if (!info) return code(`${ref.file}:${ref.line ?? 0}`);
    if (info.chart !== void 0) {
      const u2 = this.url(info.side, info.path);
      return `${u2 ? `[${code(info.path)}](${u2})` : code(info.path)} (Helm template)`;
    }
    if (info.overlay !== void 0) {
      const u2 = this.url(info.side, info.path);
      return `${u2 ? `[${code(`${info.path}/`)}](${u2})` : code(`${info.path}/`)} (Kustomize overlay)`;
    }
    const text = code(`${info.path}:${ref.line ?? 0}`);
    const u = this.url(info.side, info.path, ref.line);
    return u ? `[${text}](${u})` : text;
  }
  /** A file the PR changed, at head, with its changed lines (values files). */
  changed(f) {
    const u = this.url(f.side ?? "head", f.path);
    const name = `${u ? `[${code(f.path)}](${u})` : code(f.path)}${f.side === "base" ? " (deleted)" : ""}`;
    if (!f.lines || f.lines.length === 0) return name;
    const shown = f.lines.slice(0, 6).map((n) => {
      const lu = this.url("head", f.path, n);
      return lu ? `[L${n}](${lu})` : `L${n}`;
    });
    return `${name} (${shown.join(", ")}${f.lines.length > 6 ? ", …" : ""})`;
  }
};
function conns(c) {
  return code(c.toString());
}
function sentence(it) {
  const s = code(it.src);
  const d = code(it.dst);
  const info = it.workloadsInfo ? ` _(${escapeMarkdown(it.workloadsInfo)})_` : "";
  switch (it.kind) {
    case "added":
      return `${s} can now reach ${d} on ${conns(it.after)}${info}`;
    case "removed":
      return `${s} can no longer reach ${d} (was ${conns(it.before)})${info}`;
    case "changed": {
      if (it.before.isAll) return `${s} → ${d}: now only on ${conns(it.after)} (was all connections)${info}`;
      if (it.after.isAll) return `${s} → ${d}: now on all connections (was ${conns(it.before)})${info}`;
      const parts = [];
      if (!it.gained.isEmpty) parts.push(`now also on ${conns(it.gained)}`);
      if (!it.lost.isEmpty) parts.push(`no longer on ${conns(it.lost)}`);
      return `${s} → ${d}: ${parts.join("; ")} (now ${conns(it.after)})${info}`;
    }
  }
}
function stepText(s, loc) {
  const rule = s.rule ? ` ${s.rule.direction} rule ${s.rule.index}${s.rule.name ? ` ${code(s.rule.name)}` : ""}` : "";
  return `${code(s.policy ?? s.layer)}${rule}${s.at ? ` at ${loc.at(s.at)}` : ""}`;
}
function decisionText(d, loc) {
  switch (d.verdict) {
    case "open":
      return `${d.direction} not restricted (no policy selects the pod)`;
    case "allowed":
      return `${d.direction} allowed by ${d.steps.map((s) => stepText(s, loc)).join(" and ")}`;
    case "denied": {
      if (d.steps.length === 0) return `${d.direction} allows none of it`;
      const isolated = d.steps.filter((s) => s.verdict === "Isolated");
      const denied = d.steps.filter((s) => s.verdict === "Deny");
      const parts = [];
      if (denied.length > 0) parts.push(`denied by ${denied.map((s) => stepText(s, loc)).join(" and ")}`);
      if (isolated.length > 0) parts.push(`isolated by ${isolated.map((s) => stepText(s, loc)).join(", ")} and no rule allows it`);
      return `${d.direction} ${parts.join("; ")}`;
    }
  }
}
function whyLines(it, o, loc) {
  const side = (label, ds, exists) => {
    if (!exists) return `${label}: ${it.workloadsInfo ? `not on this side (${escapeMarkdown(it.workloadsInfo)})` : "the pair did not exist"}`;
    if (ds.length === 0) return `${label}: not decided by policies (exposure)`;
    return `${label}: ${ds.map((d) => decisionText(d, loc)).join("; ")}`;
  };
  const x = o.explanations[it.entries[0]];
  return [side(`base ${code(o.refs.base)}`, it.why.base, x?.before !== void 0), side(`head ${code(o.refs.head)}`, it.why.head, x?.after !== void 0)];
}
function itemLines(it, o, loc) {
  return [`- ${sentence(it)}`, ...whyLines(it, o, loc).map((l) => `  - ${l}`)];
}
function attributedLine(a, loc) {
  const p = causeParts(a.cause);
  const files = a.files.length > 0 ? ` in ${a.files.map((f) => loc.changed(f)).join(", ")}` : "";
  return `${p.what}${files}${p.effect ? `: ${p.effect}` : ""}`;
}
function fold(summary, lines, entries = lines.length) {
  if (entries <= FOLD_AFTER) return [...lines];
  return [`<details><summary>${summary}</summary>`, "", ...lines, "", "</details>"];
}
function itemBlock(items, summary, o, loc) {
  const parts = /* @__PURE__ */ new Map();
  for (const it of items) {
    const why = whyLines(it, o, loc);
    const key = why.join("\n");
    const p = parts.get(key);
    if (p) p.items.push(it);
    else parts.set(key, { why, items: [it] });
  }
  if (parts.size === items.length) return fold(summary, items.flatMap((it) => itemLines(it, o, loc)), items.length);
  const out = [];
  for (const p of parts.values()) {
    if (out.length > 0) out.push("");
    if (p.items.length === 1) out.push(...itemLines(p.items[0], o, loc));
    else out.push(`Why, for each of these ${p.items.length}:`, ...p.why.map((l) => `- ${l}`), "", ...fold(`${p.items.length} pairs`, p.items.map((it) => `- ${sentence(it)}`)));
  }
  return out;
}
function groupLines(g, n, o, loc) {
  const out = [];
  const cause = g.causes.length === 0 ? "no change the PR made to these objects was found (a rendering setting?)" : g.causes.map((c) => attributedLine(c, loc)).join("; ");
  out.push(`**${n}. ${g.causes.length === 1 ? "Cause" : "Causes"}:** ${cause}`, "");
  const inCluster = g.items.filter((it) => !it.outside);
  const outside = g.items.filter((it) => it.outside);
  if (inCluster.length > 0) out.push(...itemBlock(inCluster, `${inCluster.length} in-cluster pairs`, o, loc));
  if (outside.length > 0) {
    if (inCluster.length > 0) out.push("");
    out.push("Outside the cluster:", "", ...itemBlock(outside, `${outside.length} pairs with outside peers`, o, loc));
  }
  return out;
}
var OBSERVED_SHOWN = 3;
function unmetLine(u, loc) {
  const ev = u.link.evidence.find((e) => e.kind !== "trace");
  const where = ev ? ev.kind === "address" ? ` (${loc.at(ev.at)}: ${code(ev.value)})` : ev.kind === "exposure" ? ` (${code(ev.object)} at ${loc.at(ev.at)})` : ` (${code(evidenceText(ev))})` : "";
  const traces = u.link.evidence.filter((e) => e.kind === "trace");
  const more = traces.length > OBSERVED_SHOWN ? `, … ${traces.length - OBSERVED_SHOWN} more` : "";
  const seen = traces.length > 0 ? ` (observed: ${traces.slice(0, OBSERVED_SHOWN).map((e) => code(evidenceText(e))).join(", ")}${more})` : "";
  const allowed = u.allowed.isEmpty ? "head allows none of it" : `head allows only ${conns(u.allowed)}`;
  return `- ${code(peerKey(u.link.src))} needs ${code(peerKey(u.link.dst))} on ${conns(u.link.conns)}${where}${seen}: ${allowed}`;
}
function linkGapLine(g) {
  const traces = g.evidence.filter((e) => e.kind === "trace").map((e) => code(evidenceText(e)));
  return `- ${code(peerKey(g.src))} → ${code(peerKey(g.dst))} on ${conns(g.conns)}${traces.length > 0 ? ` (${traces.join(", ")})` : ""}`;
}
function trafficLines(t) {
  const list = (title, gaps) => [`#### ${title} (${gaps.length})`, "", ...gaps.length ? fold(`${gaps.length} links`, gaps.map(linkGapLine)) : ["None."]];
  return [...list("Observed, not declared", t.observedNotDeclared), "", ...list("Declared, never observed", t.declaredNotObserved)];
}
function fixLines(files) {
  if (files.length === 0) return [];
  const patch = files.map((f) => createTwoFilesPatch(f.before === "" ? "/dev/null" : f.path, f.after === "" ? "/dev/null" : f.path, f.before, f.after, "", "", { context: 3 })).join("");
  const longest = Math.max(2, ...[...patch.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return ["", `<details><summary>Policies that would close the drift (unified diff, ${files.length} file${files.length === 1 ? "" : "s"}; <code>verify --fix</code> writes them)</summary>`, "", `${fence}diff`, ...patch.trimEnd().split("\n"), fence, "", "</details>"];
}
function lintLine(f, loc) {
  const covered = f.coveredBy.length > 0 ? ` (covered by ${f.coveredBy.map(code).join(", ")})` : "";
  return `- ${loc.at(f.at)} ${code(f.code)} ${f.kind}: ${escapeMarkdown(f.message)}${covered}`;
}
function widenedLine(w) {
  const what = w.before.isEmpty ? `on ${conns(w.after)}` : `now also on ${conns(w.gained)} (now ${conns(w.after)})`;
  return `- ${code(w.workload)} is now reachable from ${code(w.peer)} ${what}`;
}
function filesSection(o, loc) {
  const byFile = /* @__PURE__ */ new Map();
  for (const g of o.groups)
    for (const a of g.causes)
      for (const f of a.files) {
        const cur = byFile.get(f.path) ?? { file: f, causes: /* @__PURE__ */ new Set() };
        cur.causes.add(causeText(a.cause));
        byFile.set(f.path, cur);
      }
  return [...byFile.keys()].sort().map((k) => {
    const { file, causes } = byFile.get(k);
    return `- ${loc.changed(file)}: ${[...causes].sort().join("; ")}`;
  });
}
function renderCheckMd(o, options = {}) {
  const loc = new Locations(o, options.blobBase);
  const s = checkSummary(o);
  const sha = o.commits?.head;
  const head = [
    `### netpol-ci check: ${s.verdict}`,
    "",
    `${code(o.refs.base)} → ${code(o.refs.head)}${sha ? ` · computed for head ${code(sha)}` : ""}`,
    "",
    `**${s.changes} connectivity change${s.changes === 1 ? "" : "s"}** (${s.added} added · ${s.removed} removed · ${s.changed} changed) · **${s.outside} newly reachable from outside** · **${s.broken} needed link${s.broken === 1 ? "" : "s"} broken** · **${s.gaps} gap${s.gaps === 1 ? "" : "s"}**${o.baseline ? ` · **${o.baseline.violations.length} baseline violation${o.baseline.violations.length === 1 ? "" : "s"}**` : ""}${o.drift ? ` · **${o.drift.findings.length} drift finding${o.drift.findings.length === 1 ? "" : "s"}**` : ""}${o.lint ? ` · **${o.lint.findings.length} new lint finding${o.lint.findings.length === 1 ? "" : "s"}**` : ""}${o.traffic ? ` · **${o.traffic.observedNotDeclared.length} observed, not declared**` : ""}`
  ];
  const sections = [];
  const widened = o.exposure?.widened ?? [];
  if (o.outside.length > 0 || widened.length > 0) {
    const lines = ["#### Newly reachable from outside the cluster", "", ...o.outside.flatMap((it) => itemLines(it, o, loc))];
    if (widened.length > 0) lines.push(...o.outside.length > 0 ? [""] : [], "Exposure widened (peers outside the manifests):", "", ...fold(`${widened.length} workloads and peers`, widened.map(widenedLine)));
    sections.push({ title: "Reachable from outside the cluster", lines });
  }
  if (o.baseline) {
    const v = o.baseline.violations;
    const lines = v.map((x) => `- rule ${code(x.rule)} (${escapeMarkdown(x.action)}): ${code(x.src)} → ${code(x.dst)} on ${code(x.conns)}${x.at ? ` at ${loc.at(x.at)}` : ""}${x.engines?.length ? ` _(${x.engines.map(escapeMarkdown).join(", ")})_` : ""}`);
    sections.push({ title: "Baseline violations", lines: ["#### Baseline violations", "", ...v.length ? fold(`${v.length} violations`, lines) : ["None."]] });
  }
  if (o.drift) {
    const f = o.drift.findings;
    const lines = f.map((x) => `- ${escapeMarkdown(x.kind)} ${code(x.subject)}: ${escapeMarkdown(x.message)}${x.at ? ` at ${loc.at(x.at)}` : ""}`);
    sections.push({ title: "Drift", lines: ["#### Drift", "", ...f.length ? fold(`${f.length} findings`, lines) : ["None."], ...fixLines(o.drift.fix ?? [])] });
  }
  if (o.lint) {
    const f = o.lint.findings;
    const already = o.lint.existing > 0 ? ["", `_${o.lint.existing} finding${o.lint.existing === 1 ? "" : "s"} already on base not shown._`] : [];
    sections.push({ title: "Policy sanity (lint)", lines: ["#### Policy sanity (lint): new in this PR", "", ...f.length ? fold(`${f.length} findings`, f.map((x) => lintLine(x, loc))) : ["None."], ...already] });
  }
  if (o.groups.length > 0) {
    sections.push({ title: "Connectivity changes", lines: ["#### Connectivity changes, by cause", "", ...o.groups.flatMap((g, i) => [...i > 0 ? [""] : [], ...groupLines(g, i + 1, o, loc)])] });
  }
  if (o.broken.length > 0 || o.alreadyUnmet.length > 0 || o.unjudged.length > 0) {
    const lines = ["#### Needed links this PR breaks", ""];
    lines.push(...o.broken.length ? fold(`${o.broken.length} links`, o.broken.map((u) => unmetLine(u, loc))) : ["None."]);
    if (o.unjudged.length > 0) {
      const n = o.unjudged.length;
      lines.push("", `${n} needed link${n === 1 ? "" : "s"} through a Gateway proxy ${n === 1 ? "was" : "were"} not checked (the policy engine does not model gateways): ${o.unjudged.slice(0, 5).map((l) => `${code(peerKey(l.src))} → ${code(peerKey(l.dst))}`).join(", ")}${n > 5 ? ", …" : ""}`);
    }
    if (o.alreadyUnmet.length > 0) lines.push("", `<details><summary>${o.alreadyUnmet.length} needed links already not allowed before this PR</summary>`, "", ...o.alreadyUnmet.map((u) => unmetLine(u, loc)), "", "</details>");
    sections.push({ title: "Broken links", lines });
  }
  if (o.gaps.length > 0) {
    const lines = o.gaps.map((g) => `- ${code(g.workload)}: ${code(g.value)} at ${loc.at(g.at)}: ${escapeMarkdown(g.detail)}${g.introduced ? " _(new in this PR)_" : ""}`);
    sections.push({ title: "Gaps", lines: ["#### Gaps (what the manifests cannot tell)", "", ...fold(`${o.gaps.length} gaps`, lines)] });
  }
  if (o.traffic) sections.push({ title: "Observed traffic", lines: trafficLines(o.traffic) });
  if (o.diff.entries.length > 0) {
    const graph = renderDiffMermaid({ diff: o.diff, refs: { before: o.refs.base, after: o.refs.head } }).trimEnd();
    sections.push({ title: "Graph", lines: ["<details><summary>Graph of the changed edges</summary>", "", "```mermaid", ...graph.split("\n"), "```", "", "</details>"] });
  }
  const files = filesSection(o, loc);
  if (files.length > 0) sections.push({ title: "Files that changed the answer", lines: ["#### Files that changed the answer", "", ...fold(`${files.length} files`, files)] });
  const budget = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const key = options.key ?? "netpol-ci";
  const first = fitSections(head, sections, budget - Buffer.byteLength(`${buildMarker({ key, ...sha ? { sha } : {}, truncated: false })}
`) - 1, budget);
  return `${buildMarker({ key, ...sha ? { sha } : {}, truncated: first.truncated })}
${first.text}`;
}

export {
  runGatedCheck,
  DEFAULT_MAX_BYTES,
  checkSummary,
  causeText,
  renderCheckMd
};
