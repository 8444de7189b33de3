import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  Unstorable,
  baseThreadInput,
  decodeBaseAnalysis,
  decodeResult,
  encodeResult
} from "./chunk-2IMQIUES.mjs";
import {
  MERMAID_EDGE_CAP,
  fileAtRef,
  moveLines,
  pairMovedWorkloads,
  repositoryPaths
} from "./chunk-5AKXMKSF.mjs";
import {
  DEFAULT_SYNTHESIS_OPTIONS,
  MANAGED_BY,
  MANAGED_BY_LABEL,
  applyBaselineToLinks,
  cutClosures,
  editDistance,
  gapLinks,
  inEveryFamily,
  layoutPolicies,
  linkKey,
  newlyUnmet,
  otherFamilyCopies,
  parseLinksFile,
  readRuleFiles,
  renderPoliciesYaml,
  ruleRefLabel,
  runBaseline,
  synthesizePolicies,
  unmetLinks,
  unresolvedLeftOpen
} from "./chunk-MGBJX6MS.mjs";
import {
  explainDiff,
  explainPair
} from "./chunk-WCR5MJTX.mjs";
import {
  compareDeclaredObserved,
  findGaps,
  mergeLinks,
  readTraffic,
  readTrafficContext,
  unresolvedWarnings
} from "./chunk-L2SJDA3H.mjs";
import {
  dnsUsesByWorkload,
  evidenceText,
  resolvesThroughClusterDns,
  scanTopology,
  selfLinks
} from "./chunk-HM4COL5A.mjs";
import {
  diffConnectivity,
  escapeMarkdown,
  escapeMermaid,
  loadRead,
  markdownCode,
  readInputs,
  readSettingsFromInputs,
  refine,
  workloadsInfo
} from "./chunk-LJ6KWNZ7.mjs";
import {
  ConnectionSet,
  DEFAULT_NAMESPACE,
  DIRECTIONS,
  NAMESPACE_NAME_LABEL,
  POLICY_KINDS,
  PolicyEngine,
  atomize,
  buildCluster,
  compareStrings,
  compilePolicies,
  engineOptions,
  evaluateRules,
  inNamespace,
  isEmptySelector,
  knownLabels,
  loadObjects,
  mergeRanges,
  originRef,
  parsePeer,
  peerKey,
  policyKey,
  rangeContains,
  rangeToCidrs,
  readObjects,
  selectorKey,
  selectorMatches,
  workloadKey
} from "./chunk-O73IRBZ3.mjs";
import {
  annotateDiagnostics,
  checkSpec,
  defineAction,
  overlayPlaces,
  placeAnnotation,
  publishReport,
  refsOf,
  writeReport
} from "./chunk-MX7AUN24.mjs";
import {
  Codes,
  ConfigError,
  ExitCode,
  ParseCache,
  appendAll,
  diag,
  isRenderedName,
  originFiles,
  parseManifestFile,
  placeText,
  renderedSource,
  uniqueDiagnostics,
  visible
} from "./chunk-TBLT5FKE.mjs";

// src/pipeline/check-gates.ts
import path3 from "node:path";

// src/connectivity/address-text.ts
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
function sameContent(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], b[i])) return false;
    return true;
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const x = a;
    const y = b;
    const keys = Object.keys(x).filter((k) => x[k] !== void 0);
    if (keys.length !== Object.keys(y).filter((k) => y[k] !== void 0).length) return false;
    for (const k of keys) if (!Object.hasOwn(y, k) || !sameContent(x[k], y[k])) return false;
    return true;
  }
  return JSON.stringify(a) === JSON.stringify(b);
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
    return { kind: "labels-changed", workload: key, before: knownLabels(before), after: knownLabels(after), at: originRef(a.origin, [...a.specPath.slice(0, -1), "metadata", "labels"]), selectors: all };
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
  selectorChanges(x, labelsFor2) {
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
            const lb = labelsFor2(field2, "before");
            const la = labelsFor2(field2, "after");
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
  return a.kind === b.kind && sameContent(a.object.spec ?? null, b.object.spec ?? null);
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
  return sameContent(a, b);
}
function portChange(key, b, a) {
  const ports = (w) => {
    const seen = /* @__PURE__ */ new Map();
    for (const p of w.pods.flatMap((x) => x.ports)) seen.set(`${p.protocol}/${p.port}/${p.name ?? ""}`, p);
    return [...seen.entries()].sort(([x], [y]) => compareStrings(x, y)).map(([, p]) => p);
  };
  const before = ports(b);
  const after = ports(a);
  if (sameContent(before, after)) return void 0;
  const names = (ps) => new Set(ps.flatMap((p) => p.name ? [`${p.protocol}/${p.name}`] : []));
  const na = names(after);
  const lostNames = [...names(before)].filter((n) => !na.has(n)).map((n) => n.split("/")[1]);
  return { kind: "ports-changed", workload: key, before, after, lostNames, at: originRef(a.origin, [...a.specPath, "containers"]) };
}

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path5, added, removed, oldPosInc, options) {
    const last = path5.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path5.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path5.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/create.js
var INCLUDE_HEADERS = {
  includeIndex: true,
  includeUnderline: true,
  includeFileHeaders: true
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function formatPatch(patch, headerOptions) {
  if (!headerOptions) {
    headerOptions = INCLUDE_HEADERS;
  }
  if (Array.isArray(patch)) {
    if (patch.length > 1 && !headerOptions.includeFileHeaders) {
      throw new Error("Cannot omit file headers on a multi-file patch. (The result would be unparseable; how would a tool trying to apply the patch know which changes are to which file?)");
    }
    return patch.map((p) => formatPatch(p, headerOptions)).join("\n");
  }
  const ret = [];
  if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName) {
    ret.push("Index: " + patch.oldFileName);
  }
  if (headerOptions.includeUnderline) {
    ret.push("===================================================================");
  }
  if (headerOptions.includeFileHeaders) {
    ret.push("--- " + patch.oldFileName + (typeof patch.oldHeader === "undefined" ? "" : "	" + patch.oldHeader));
    ret.push("+++ " + patch.newFileName + (typeof patch.newHeader === "undefined" ? "" : "	" + patch.newHeader));
  }
  for (let i = 0; i < patch.hunks.length; i++) {
    const hunk = patch.hunks[i];
    if (hunk.oldLines === 0) {
      hunk.oldStart -= 1;
    }
    if (hunk.newLines === 0) {
      hunk.newStart -= 1;
    }
    ret.push("@@ -" + hunk.oldStart + "," + hunk.oldLines + " +" + hunk.newStart + "," + hunk.newLines + " @@");
    for (const line of hunk.lines) {
      ret.push(line);
    }
  }
  return ret.join("\n") + "\n";
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  if (typeof options === "function") {
    options = { callback: options };
  }
  if (!(options === null || options === void 0 ? void 0 : options.callback)) {
    const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
    if (!patchObj) {
      return;
    }
    return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
  } else {
    const { callback } = options;
    structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: (patchObj) => {
      if (!patchObj) {
        callback(void 0);
      } else {
        callback(formatPatch(patchObj, options.headerOptions));
      }
    } }));
  }
}
function splitLines(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
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
function itemsOf(diff, explanations, entries2, index, blocks) {
  const joined = /* @__PURE__ */ new Map();
  const order = [];
  for (const i of entries2) {
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

// src/connectivity/exposure-analysis.ts
var ENTIRE_CLUSTER = "entire-cluster";
var HYPOTHETICAL_KIND = "Pod";
function labelsFor(selector) {
  const out = { ...selector.matchLabels ?? {} };
  for (const e of selector.matchExpressions ?? []) {
    if (e.operator === "In") {
      const v = e.values?.[0];
      if (v === void 0) return void 0;
      if (out[e.key] === void 0) out[e.key] = v;
    } else if (e.operator === "Exists" && out[e.key] === void 0) out[e.key] = "any";
  }
  return selectorMatches(selector, out) ? out : void 0;
}
function describeSelector(s) {
  const parts = [
    ...Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(s.matchExpressions ?? []).map((e) => e.operator === "Exists" || e.operator === "DoesNotExist" ? `${e.key} ${e.operator}` : `${e.key} ${e.operator} (${(e.values ?? []).join(",")})`)
  ].sort(compareStrings);
  return `{${parts.join(",")}}`;
}
function describePods(s) {
  return Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0 ? "[all pods]" : `[pod with ${describeSelector(s)}]`;
}
function analyzeExposure(cluster, options = {}) {
  const real = cluster.workloads;
  const first = real[0];
  if (!first) return { value: { egress: [], ingress: [] }, diagnostics: [] };
  const { policies } = compilePolicies(cluster.objects);
  const reps = [];
  const seen = /* @__PURE__ */ new Set();
  let fresh = 0;
  const newNamespace = (labels2) => {
    const named = labels2[NAMESPACE_NAME_LABEL];
    if (named !== void 0) return cluster.namespaces.get(named) ?? { name: named, labels: { ...labels2 }, declared: false };
    const name = `{new-namespace-${++fresh}}`;
    return { name, labels: { ...labels2, [NAMESPACE_NAME_LABEL]: name }, declared: false };
  };
  const add = (key, label, namespace, podLabels, represents) => {
    if (seen.has(key)) return;
    seen.add(key);
    reps.push({ label, namespace, podLabels, represents });
  };
  add("", ENTIRE_CLUSTER, newNamespace({}), {}, { pods: {}, namespaces: {} });
  const diagnostics = [];
  for (const p of policies) {
    for (const d of ["ingress", "egress"]) {
      for (const r of p.rules[d]) {
        if (d === "egress" && r.ports.named.length > 0 && r.peers.some((peer) => peer.kind === "pods" || peer.kind === "any")) {
          const names = [...new Set(r.ports.named.map((n) => n.name))].sort(compareStrings).join(", ");
          diagnostics.push(
            diag(
              Codes.exposureNamedPortsOmitted,
              "warning",
              `egress to named port${r.ports.named.length === 1 ? "" : "s"} ${names}: the exposure does not list it towards pods outside the manifests (their port numbers are unknown)`,
              originRef(p.origin, ["spec", "egress", r.ref.index])
            )
          );
        }
        for (const peer of r.peers) {
          if (peer.kind !== "pods") continue;
          const pods = labelsFor(peer.pods);
          if (!pods) continue;
          const ns = representativeNamespace(peer.namespaces, cluster, newNamespace);
          if (!ns) continue;
          if (matchedByRealPod(peer.namespaces, peer.pods, cluster)) continue;
          const named = peer.namespaces.kind === "named";
          const nsLabel = named ? peer.namespaces.name : `[namespace with ${describeSelector(peer.namespaces.selector)}]`;
          const key = `${named ? `=${peer.namespaces.name}` : `~${selectorKey(peer.namespaces.selector)}`}\0${selectorKey(peer.pods)}`;
          add(key, `${nsLabel}/${describePods(peer.pods)}`, ns, pods, named ? { pods: peer.pods } : { pods: peer.pods, namespaces: peer.namespaces.selector });
        }
      }
    }
  }
  const hypothetical = reps.map((r, i) => ({
    ref: { namespace: r.namespace.name, kind: HYPOTHETICAL_KIND, name: `{representative-${i}}` },
    pods: [{ labels: r.podLabels, ports: [], hostNetwork: false }],
    spec: void 0,
    // never shown: hypothetical pods have no source
    origin: first.origin,
    specPath: []
  }));
  const namespaces = new Map(cluster.namespaces);
  for (const r of reps) if (!namespaces.has(r.namespace.name)) namespaces.set(r.namespace.name, r.namespace);
  const representatives = new Map(hypothetical.map((w, i) => [w.ref, reps[i].represents]));
  const engine = new PolicyEngine({ ...cluster, namespaces, workloads: [...real, ...hypothetical] }, { ...options, representatives });
  const labelOf = new Map(hypothetical.map((w, i) => [workloadKey(w.ref), reps[i].label]));
  const realKeys = new Set(real.map((w) => workloadKey(w.ref)));
  const egress = /* @__PURE__ */ new Map();
  const ingress = /* @__PURE__ */ new Map();
  const put = (m, workload, peer, conns2) => {
    let inner = m.get(workload);
    if (!inner) m.set(workload, inner = /* @__PURE__ */ new Map());
    inner.set(peer, (inner.get(peer) ?? ConnectionSet.NONE).union(conns2));
  };
  for (const c of engine.connectivity().connections) {
    const src = c.src.kind === "workload" ? workloadKey(c.src.ref) : void 0;
    const dst = c.dst.kind === "workload" ? workloadKey(c.dst.ref) : void 0;
    if (src && realKeys.has(src)) {
      if (dst && labelOf.has(dst)) put(egress, peerKey(c.src), labelOf.get(dst), c.conns);
      else if (c.dst.kind === "external") put(egress, peerKey(c.src), peerKey(c.dst), c.conns);
    }
    if (dst && realKeys.has(dst)) {
      if (src && labelOf.has(src)) put(ingress, peerKey(c.dst), labelOf.get(src), c.conns);
      else if (c.src.kind === "external") put(ingress, peerKey(c.dst), peerKey(c.src), c.conns);
    }
  }
  const labels = reps.map((r) => r.label).filter((l) => l !== ENTIRE_CLUSTER);
  for (const m of [egress, ingress]) {
    for (const peers of m.values()) {
      if (!peers.has(ENTIRE_CLUSTER)) continue;
      for (const l of labels) if (!peers.has(l)) peers.set(l, ConnectionSet.NONE);
    }
  }
  return { value: { egress: entries(egress), ingress: entries(ingress) }, diagnostics };
}
function entries(m) {
  const out = [];
  for (const [workload, peers] of [...m].sort(([a], [b]) => compareStrings(a, b))) {
    const everyone = peers.get(ENTIRE_CLUSTER) ?? ConnectionSet.NONE;
    for (const [peer, conns2] of [...peers].sort(([a], [b]) => compareStrings(a, b))) {
      const representative = peer !== ENTIRE_CLUSTER && !peer.endsWith("[External]");
      if (representative && conns2.equals(everyone)) continue;
      out.push({ workload, peer, conns: conns2 });
    }
  }
  return out;
}
function matchedByRealPod(ns, pods, cluster) {
  if ((pods.matchExpressions ?? []).length > 0 || isEmptySelector(pods)) return false;
  if (ns.kind === "selector" && ((ns.selector.matchExpressions ?? []).length > 0 || isEmptySelector(ns.selector))) return false;
  return cluster.workloads.some((w) => {
    const nsLabels = cluster.namespaces.get(w.ref.namespace)?.labels ?? { [NAMESPACE_NAME_LABEL]: w.ref.namespace };
    const inNamespace2 = ns.kind === "named" ? w.ref.namespace === ns.name : selectorMatches(ns.selector, nsLabels);
    return inNamespace2 && w.pods.some((p) => selectorMatches(pods, p.labels));
  });
}
function representativeNamespace(match, cluster, newNamespace) {
  if (match.kind === "named") return cluster.namespaces.get(match.name) ?? { name: match.name, labels: { [NAMESPACE_NAME_LABEL]: match.name }, declared: false };
  const labels = labelsFor(match.selector);
  return labels ? newNamespace(labels) : void 0;
}

// src/connectivity/unmodelled-peers.ts
function outsideNamespaces(ns, seen) {
  const names = ns.kind === "named" ? [ns.name] : pinnedNames(ns.selector);
  if (names === void 0) return describeSelector2(ns.selector);
  const unheld = names.filter((n) => !seen.held.has(n));
  if (unheld.length > 0) return `pods of namespace${unheld.length > 1 ? "s" : ""} ${unheld.join(", ")}`;
  const operated = names.filter((n) => seen.operated?.has(n));
  return operated.length === 0 ? void 0 : `the pods an operator runs in namespace${operated.length > 1 ? "s" : ""} ${operated.join(", ")}`;
}
function unmodelledReach(peer, seen) {
  if (peer.kind === "none") return "nodes or domain names";
  if (peer.kind !== "pods") return void 0;
  return outsideNamespaces(peer.namespaces, seen);
}
function pinnedNames(selector) {
  let names;
  const labels = selector.matchLabels;
  if (labels && Object.prototype.hasOwnProperty.call(labels, NAMESPACE_NAME_LABEL)) names = [labels[NAMESPACE_NAME_LABEL]];
  for (const e of selector.matchExpressions ?? []) {
    if (e.key !== NAMESPACE_NAME_LABEL || e.operator !== "In") continue;
    const values = e.values ?? [];
    names = names === void 0 ? [...values] : names.filter((n) => values.includes(n));
  }
  return names === void 0 ? void 0 : [...new Set(names)].sort();
}
function describeSelector2(selector) {
  const parts = [
    ...Object.keys(selector.matchLabels ?? {}).map((k) => `${k}=${selector.matchLabels[k]}`),
    ...(selector.matchExpressions ?? []).map((e) => `${e.key} ${e.operator}${e.values && e.values.length > 0 ? ` (${e.values.join(", ")})` : ""}`)
  ];
  return parts.length === 0 ? "pods of any namespace" : `pods of namespaces labelled ${parts.join(", ")}`;
}
var SYSTEM_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"];
function misspeltNamespace(peer) {
  if (peer.kind !== "pods" || peer.namespaces.kind !== "selector") return void 0;
  for (const written of pinnedNames(peer.namespaces.selector) ?? []) {
    if (SYSTEM_NAMESPACES.includes(written)) continue;
    for (const meant of SYSTEM_NAMESPACES) {
      const edits = editDistance(written, meant);
      if (edits > 0 && edits <= (meant.length >= 8 ? 2 : 1)) return { written, meant, edits };
    }
  }
  return void 0;
}

// src/connectivity/lint.ts
function ruleLabel(ref) {
  return `${ref.direction}[${ref.index}]${ref.name ? ` "${ref.name}"` : ""}`;
}
var describeRule = (policy, rule) => `${policyKey(policy.ref)} ${ruleLabel(rule.ref)}`;
function lintPolicies(engine) {
  const findings = [];
  const diagnostics = [];
  const { classes, binding } = engine;
  const seen = { held: new Set(engine.cluster.workloads.map((w) => w.ref.namespace)), operated: engine.cluster.operatorNamespaces };
  const beyondManifests = (rule) => {
    for (const p of rule.peers) {
      if (p.kind === "pods" && classes.select(p.namespaces, p.pods, true).length > 0) continue;
      if (misspeltNamespace(p)) continue;
      const reach = unmodelledReach(p, seen);
      if (reach) return reach;
    }
    return void 0;
  };
  const boundOf = (policy, direction) => {
    for (const id of classes.select(policy.subject.namespaces, policy.subject.pods)) {
      const dr = binding.rules.get(id)?.[direction];
      if (!dr) continue;
      const list = policy.layer === "admin" ? dr.admin : policy.layer === "np" ? dr.np : dr.baseline;
      return list.filter((b) => b.policy === policy);
    }
    return [];
  };
  const subjectsOf = (policy) => classes.select(policy.subject.namespaces, policy.subject.pods).map((id) => classes.all[id]).filter((c) => !c.ingressController);
  const filteredCache = /* @__PURE__ */ new Map();
  let cacheOwner;
  const rulesFor = (cls, direction, ex) => {
    const dr = binding.rules.get(cls.id)?.[direction];
    if (!ex || !dr) return dr;
    if (cacheOwner !== ex) {
      filteredCache.clear();
      cacheOwner = ex;
    }
    const key = `${cls.id}${direction}`;
    if (filteredCache.has(key)) return filteredCache.get(key);
    const keep = (b) => "policy" in ex ? b.policy !== ex.policy : b.rule !== ex.rule;
    const out = {
      admin: dr.admin.filter(keep),
      np: dr.np.filter(keep),
      baseline: dr.baseline.filter(keep),
      isolatedBy: "policy" in ex ? dr.isolatedBy.filter((p) => p !== ex.policy) : dr.isolatedBy
    };
    filteredCache.set(key, out);
    return out;
  };
  const verdict = (cls, direction, peer, ex, trace) => evaluateRules(rulesFor(cls, direction, ex), cls, direction, peer, trace);
  const pairConns = (src, dst, ex) => {
    const out = verdict(src, "egress", { kind: "class", cls: dst }, ex);
    return out.isEmpty ? out : out.intersect(verdict(dst, "ingress", { kind: "class", cls: src }, ex));
  };
  const exposedPorts = (cls) => {
    let out = ConnectionSet.NONE;
    for (const w of cls.workloads) out = out.union(engine.exposure.ports.get(workloadKey(w)) ?? ConnectionSet.NONE);
    return out;
  };
  const changesSomething = (ex, subjects, directions, rulesOut) => {
    for (const s of subjects) {
      for (const d of directions) {
        const before = binding.rules.get(s.id)?.[d];
        const after = rulesFor(s, d, ex);
        const isolationEnds = (before?.isolatedBy.length ?? 0) > 0 && (after?.isolatedBy.length ?? 0) === 0;
        const out = rulesOut(s, d);
        const matchesClass = (id) => isolationEnds || out.some((b) => b.classes.has(id));
        const matchesAtom = (i) => isolationEnds || out.some((b) => b.atoms.has(i));
        for (const p of classes.all) {
          if (!matchesClass(p.id)) continue;
          if (p.ingressController) {
            if (d !== "ingress") continue;
            const ports = exposedPorts(s);
            if (ports.isEmpty) continue;
            if (!ports.intersect(verdict(s, d, { kind: "class", cls: p })).equals(ports.intersect(verdict(s, d, { kind: "class", cls: p }, ex)))) return true;
            continue;
          }
          if (p === s && s.workloads.length <= 1) continue;
          const [src, dst] = d === "egress" ? [s, p] : [p, s];
          if (!pairConns(src, dst).equals(pairConns(src, dst, ex))) return true;
        }
        for (let i = 0; i < engine.atoms.length; i++) {
          if (!matchesAtom(i)) continue;
          if (!verdict(s, d, { kind: "atom", atom: i }).equals(verdict(s, d, { kind: "atom", atom: i }, ex))) return true;
        }
      }
    }
    return false;
  };
  const coverersOf = (policy, b, subjects) => {
    const out = /* @__PURE__ */ new Set();
    const d = b.rule.ref.direction;
    const ex = { rule: b.rule };
    for (const s of subjects) {
      const peers = [...[...b.classes].map((id) => ({ kind: "class", cls: classes.all[id] })), ...[...b.atoms].map((atom) => ({ kind: "atom", atom }))];
      for (const p of peers) {
        const trace = [];
        verdict(s, d, p, ex, trace);
        for (const step of trace) {
          if (step.rule && step.policy && step.rule !== b.rule) out.add(describeRule(step.policy, step.rule));
          else if (step.verdict === "Isolated" && step.policy && step.policy !== policy) out.add(`${policyKey(step.policy.ref)} (isolation)`);
        }
        if (out.size >= 3) return [...out].sort();
      }
    }
    if (out.size === 0) out.add(d === "egress" ? "the destinations’ ingress policies (they never admit it)" : "the sources’ egress policies (they never send it)");
    return [...out].sort();
  };
  for (const policy of engine.policies) {
    const subjects = subjectsOf(policy);
    const where = policy.layer === "np" ? ["spec", "podSelector"] : ["spec", "subject"];
    if (subjects.length === 0) {
      const reach = unmodelledReach(policy.subject, seen);
      if (reach) {
        diagnostics.push(diag(Codes.lintNotJudged, "info", `${policyKey(policy.ref)} is not judged: it selects no pod of the manifests, and may select ${reach} outside them`, originRef(policy.origin, where)));
        continue;
      }
      findings.push({
        kind: "selects-nothing",
        code: Codes.lintSelectsNothing,
        policy: policyKey(policy.ref),
        at: originRef(policy.origin, where),
        message: `${policyKey(policy.ref)} selects no pod of the manifests; it has no effect`,
        coveredBy: []
      });
      continue;
    }
    const directions = DIRECTIONS.filter((d) => policy.governs[d]);
    const bound = directions.flatMap((d) => boundOf(policy, d));
    const ruleFinding = (b) => ({ policy: policyKey(policy.ref), rule: ruleLabel(b.rule.ref), at: originRef(policy.origin, ["spec", b.rule.ref.direction, b.rule.ref.index]) });
    const settled = /* @__PURE__ */ new Set();
    let unjudged = false;
    for (const b of bound) {
      const reach = beyondManifests(b.rule);
      if (reach) {
        diagnostics.push(diag(Codes.lintNotJudged, "info", `${describeRule(policy, b.rule)} is not judged: a peer of it matches no pod of the manifests, and may match ${reach} outside them`, ruleFinding(b).at));
        settled.add(b);
        unjudged = true;
        continue;
      }
      const never = neverMatches(b, subjects, classes.all);
      if (never) {
        findings.push({ ...ruleFinding(b), kind: "never-matches", code: Codes.lintNeverMatches, message: `${describeRule(policy, b.rule)} can never match: ${never}`, coveredBy: [] });
        settled.add(b);
      } else if (policy.layer !== "np" && neverDecides(b, subjects, classes.all, b.rule.ref.direction, verdict)) {
        findings.push({
          ...ruleFinding(b),
          kind: "shadowed-rule",
          code: Codes.lintShadowedRule,
          message: `${describeRule(policy, b.rule)} is shadowed: higher-priority rules decide everything it matches`,
          coveredBy: coverersOf(policy, b, subjects).filter((c) => !c.startsWith("the "))
        });
        settled.add(b);
      }
    }
    if (bound.length > 0 && bound.every((b) => settled.has(b))) continue;
    if (policy.layer === "np" && policy.subject.namespaces.kind === "named" && isEmptySelector(policy.subject.pods)) {
      const ns = policy.subject.namespaces.name;
      const why = `it selects every pod of namespace ${ns}, also those the manifests do not show and those added later`;
      if (!unjudged && !changesSomething({ policy }, subjects, directions, (s, d) => boundOf(policy, d))) {
        diagnostics.push(diag(Codes.lintNotJudged, "info", `${policyKey(policy.ref)} is not judged for redundancy: ${why}`, originRef(policy.origin, ["metadata", "name"])));
        continue;
      }
      for (const b of bound) {
        if (settled.has(b) || changesSomething({ rule: b.rule }, subjects, [b.rule.ref.direction], () => [b])) continue;
        diagnostics.push(diag(Codes.lintNotJudged, "info", `${describeRule(policy, b.rule)} is not judged for redundancy: ${why}`, ruleFinding(b).at));
      }
      continue;
    }
    if (!unjudged && !changesSomething({ policy }, subjects, directions, (s, d) => boundOf(policy, d))) {
      const empty = directions.every((d) => policy.rules[d].length === 0);
      findings.push({
        kind: "redundant-policy",
        code: Codes.lintRedundantPolicy,
        policy: policyKey(policy.ref),
        at: originRef(policy.origin, ["metadata", "name"]),
        message: `${policyKey(policy.ref)} is redundant: without it, every connection stays the same${empty ? " (its pods are already isolated by other policies)" : ""}`,
        coveredBy: policyCoverers(engine, policy, subjects, directions)
      });
      continue;
    }
    for (const b of bound) {
      if (settled.has(b)) continue;
      if (!changesSomething({ rule: b.rule }, subjects, [b.rule.ref.direction], () => [b])) {
        findings.push({
          ...ruleFinding(b),
          kind: "redundant-rule",
          code: Codes.lintRedundantRule,
          message: `${describeRule(policy, b.rule)} is redundant: without it, every connection stays the same`,
          coveredBy: coverersOf(policy, b, subjects)
        });
      }
    }
  }
  findings.sort(compareFindings);
  return { findings, diagnostics };
}
function neverMatches(b, subjects, all) {
  if (b.classes.isEmpty && b.atoms.isEmpty) {
    const typo = b.rule.peers.map(misspeltNamespace).find((t) => t !== void 0);
    if (typo) return `namespace "${typo.written}" is ${typo.edits === 1 ? "one edit" : "two edits"} from ${typo.meant}, which every cluster has: a typo? its peers select no pod of the manifests and no address`;
    return "its peers select no pod of the manifests and no address";
  }
  const { fixed, named } = b.rule.ports;
  if (fixed.isEmpty && named.length > 0) {
    const dsts = b.rule.ref.direction === "ingress" ? subjects : [...b.classes].map((id) => all[id]);
    const resolved = named.some((np) => dsts.some((c) => c.ports.some((p) => p.name === np.name && (np.protocol === void 0 || p.protocol === np.protocol))));
    if (!resolved) return `no ${b.rule.ref.direction === "ingress" ? "selected" : "destination"} pod declares the named port${named.length > 1 ? "s" : ""} ${named.map((n) => `"${n.name}"`).join(", ")}`;
  }
  return void 0;
}
function neverDecides(b, subjects, all, d, verdict) {
  for (const s of subjects) {
    const peers = [];
    for (const id of b.classes) peers.push({ kind: "class", cls: all[id] });
    for (const atom of b.atoms) peers.push({ kind: "atom", atom });
    for (const p of peers) {
      const trace = [];
      verdict(s, d, p, void 0, trace);
      if (trace.some((t) => t.rule === b.rule)) return false;
    }
  }
  return true;
}
function policyCoverers(engine, policy, subjects, directions) {
  const out = /* @__PURE__ */ new Set();
  for (const s of subjects) {
    for (const d of directions) {
      const dr = engine.binding.rules.get(s.id)?.[d];
      if (!dr) continue;
      for (const p of dr.isolatedBy) if (p !== policy) out.add(policyKey(p.ref));
      for (const b of [...dr.admin, ...dr.baseline]) if (b.policy !== policy) out.add(policyKey(b.policy.ref));
    }
  }
  return [...out].sort().slice(0, 5);
}
function compareFindings(a, b) {
  const fa = a.at.file;
  const fb = b.at.file;
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.at.doc - b.at.doc || (a.at.line ?? 0) - (b.at.line ?? 0) || (a.at.column ?? 0) - (b.at.column ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
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
function widenedExposure(base, head, settings, blocks) {
  const options = engineOptions(settings);
  const baseEntries = analyzeExposure(base.cluster, options).value.ingress;
  const headEntries = analyzeExposure(head.cluster, options).value.ingress;
  const widened = [];
  const push = (workload, peer, before, after, peerText = peer) => {
    const gained = after.subtract(before);
    if (!gained.isEmpty) widened.push({ workload, peer, peerText, before, after, gained });
  };
  const key = (e) => `${e.workload}\0${e.peer}`;
  const beforeByName = /* @__PURE__ */ new Map();
  for (const e of baseEntries) if (!rangeOf(e.peer)) beforeByName.set(key(e), (beforeByName.get(key(e)) ?? ConnectionSet.NONE).union(e.conns));
  for (const e of headEntries) if (!rangeOf(e.peer)) push(e.workload, e.peer, beforeByName.get(key(e)) ?? ConnectionSet.NONE, e.conns);
  const byWorkload = (entries2) => {
    const out = /* @__PURE__ */ new Map();
    for (const e of entries2) {
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
      if (run) push(workload, peerKey({ kind: "external", range: run.range }), run.before, run.after, addressText([run.range], blocks));
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
var FORMAT = "check-outcome/2";
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
    field(hash, f.origins === void 0 ? "" : JSON.stringify(f.origins));
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
      ingressController: settings.ingressController ?? null,
      render: {
        helmValues: r.helmValues,
        helmSet: r.helmSet,
        helmReleaseName: r.helmReleaseName,
        helmNamespace: r.helmNamespace,
        kubeVersion: r.kubeVersion,
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
  field(hash, JSON.stringify({ lint: options.lint === true, exposure: options.exposure === true, dns: options.dns ?? null }));
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
function analyzeHere(opened, role, settings) {
  const scan = scanTopology(opened.loaded.load.cluster, { values: opened.loaded.values, evidenceLines: role === "head", ...settings.serviceCidrs ? { serviceCidrs: settings.serviceCidrs } : {} });
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
    sources: side.read.files.flatMap((f) => f.origins ? originFiles(f.origins).map((s) => [s, f.path]) : []),
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
      return { label: root, root, mapping, rel, shape: isDir ? "folder" : "file", read: readInputs(io, [root], settings, mapping, true) };
    };
    return { base: side(request.base), head: side(request.head), changed: io.changedFilesBetween(request.base, request.head), dispose: () => {
    } };
  }
  const { repo, base, head } = request;
  const top = io.repoTop(repo);
  const sub = request.paths.length > 0 ? repositoryPaths(request.paths) : ["."];
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
      const baseSide = finishSide(base, analyzeHere(base, "base", settings));
      const head2 = openSide(io, sides.head, settings, cache);
      return { base: baseSide, head: finishSide(head2, analyzeHere(head2, "head", settings)) };
    }
    const head = openSide(io, sides.head, settings, cache);
    const headSide = finishSide(head, analyzeHere(head, "head", settings));
    const answer = thread.collect(1e4 + 2 * (Date.now() - startedAt));
    const analysed = answer !== void 0 ? decodeBaseAnalysis(answer) : void 0;
    return { base: finishSide(base, analysed ?? analyzeHere(base, "base", settings)), head: headSide };
  } finally {
    thread?.cancel();
    sides.dispose();
  }
}

// src/pipeline/verify.ts
import path2 from "node:path";

// src/drift/repo.ts
function isDnsPod(w, dns) {
  return w.ref.namespace === dns.namespace && w.pods.some((p) => Object.entries(dns.podLabels).every(([k, v]) => p.labels[k] === v));
}
var pairKey = (src, dst) => `${peerKey(src)}\0${peerKey(dst)}`;
function computeRepoDrift(input) {
  const { engine, connectivity, cluster, dns } = input;
  const diagnostics = [];
  const probes = input.probes ?? /* @__PURE__ */ new Set();
  const dnsPods = cluster.workloads.filter((w) => isDnsPod(w, dns)).map((w) => w.ref);
  const dnsKeys = new Set(dnsPods.map((r) => peerKey({ kind: "workload", ref: r })));
  const rows = [];
  const reasons = /* @__PURE__ */ new Map();
  const addReason = (src, dst, r) => {
    const k = pairKey(src, dst);
    const list = reasons.get(k);
    if (list) list.push(r);
    else reasons.set(k, [r]);
  };
  const withEgress = /* @__PURE__ */ new Map();
  const selfNeeds = /* @__PURE__ */ new Map();
  const clusterDnsUsers = new Set(cluster.workloads.filter(resolvesThroughClusterDns).map((w) => peerKey({ kind: "workload", ref: w.ref })));
  const cuts = [...connectivity.ipRanges];
  for (const l of input.needs) {
    if (l.src.kind === "gateway" || l.dst.kind === "gateway") {
      diagnostics.push(diag(Codes.needNotChecked, "info", `${peerKey(l.src)} => ${peerKey(l.dst)} ${l.conns.toString()}: Gateway links are not checked (the engine does not model Gateway proxies)`));
      continue;
    }
    if (l.dst.kind === "ingress-controller") continue;
    if (l.src.kind === "workload" && l.dst.kind === "workload" && peerKey(l.src) === peerKey(l.dst)) {
      if (clusterDnsUsers.has(peerKey(l.src))) withEgress.set(peerKey(l.src), l.src);
      const cur = selfNeeds.get(peerKey(l.src));
      if (cur) selfNeeds.set(peerKey(l.src), { peer: l.src, conns: cur.conns.union(l.conns), evidence: [...cur.evidence, ...l.evidence] });
      else selfNeeds.set(peerKey(l.src), { peer: l.src, conns: l.conns, evidence: l.evidence });
      continue;
    }
    for (const p of [l.src, l.dst]) if (p.kind === "external") cuts.push(p.range);
    if (l.src.kind === "external" && !input.families.includes(l.src.range.family) || l.dst.kind === "external" && !input.families.includes(l.dst.range.family)) continue;
    rows.push({ src: l.src, dst: l.dst, conns: l.conns });
    addReason(l.src, l.dst, { kind: "link", evidence: l.evidence });
    if (l.src.kind === "workload" && clusterDnsUsers.has(peerKey(l.src))) withEgress.set(peerKey(l.src), l.src);
  }
  for (const w of cluster.workloads) {
    const key = peerKey({ kind: "workload", ref: w.ref });
    if (input.dnsClients?.has(workloadKey(w.ref)) && !withEgress.has(key)) withEgress.set(key, { kind: "workload", ref: w.ref });
  }
  for (const [srcKey, src] of withEgress) {
    const named = src.kind === "workload" ? input.dnsClients?.get(workloadKey(src.ref)) : void 0;
    for (const ref of dnsPods) {
      const dst = { kind: "workload", ref };
      if (peerKey(dst) === srcKey) continue;
      rows.push({ src, dst, conns: dns.conns });
      addReason(src, dst, { kind: "dns", ...named ? { evidence: named } : {} });
    }
  }
  const atoms = atomize(cuts, input.families);
  const needs = refine({ connections: rows, workloads: connectivity.workloads, ipRanges: [] }, atoms);
  const allowed = refine(connectivity, atoms);
  const reasonsOf = (src, dst) => {
    const direct = reasons.get(pairKey(src, dst));
    if (direct) return direct;
    const out = [];
    for (const l of input.needs) {
      const cover = (need, atom) => need.kind === atom.kind && (atom.kind !== "external" || need.kind === "external" && need.range.family === atom.range.family && need.range.lo <= atom.range.lo && atom.range.hi <= need.range.hi) && (atom.kind === "external" || peerKey(need) === peerKey(atom));
      if (cover(l.src, src) && cover(l.dst, dst)) out.push({ kind: "link", evidence: l.evidence });
    }
    return out;
  };
  const missing = [];
  for (const [k, need] of needs) {
    if (probes.has(peerKey(need.src))) continue;
    const have = allowed.get(k)?.conns ?? ConnectionSet.NONE;
    const lack = need.conns.subtract(have);
    if (lack.isEmpty) continue;
    const explanation = explainPair(engine, need.src, need.dst);
    missing.push({ kind: "missing", src: need.src, dst: need.dst, needed: need.conns, allowed: have, conns: lack, reasons: reasonsOf(need.src, need.dst), ...explanation ? { explanation } : {} });
  }
  for (const need of [...selfNeeds.values()].sort((a, b) => compareStrings(peerKey(a.peer), peerKey(b.peer)))) {
    const explanation = explainPair(engine, need.peer, need.peer);
    const have = explanation?.conns ?? ConnectionSet.NONE;
    const lack = need.conns.subtract(have);
    if (lack.isEmpty) continue;
    missing.push({ kind: "missing", src: need.peer, dst: need.peer, needed: need.conns, allowed: have, conns: lack, reasons: [{ kind: "link", evidence: need.evidence }], ...explanation ? { explanation } : {} });
  }
  const excess = [];
  for (const [k, have] of allowed) {
    if (probes.has(peerKey(have.src)) || probes.has(peerKey(have.dst))) continue;
    const need = needs.get(k)?.conns ?? ConnectionSet.NONE;
    if (input.peerOnly && needs.has(k)) continue;
    let extra = have.conns.subtract(need);
    if (have.dst.kind === "workload" && dnsKeys.has(peerKey(have.dst))) extra = extra.subtract(input.peerOnly && have.src.kind === "workload" ? ConnectionSet.ALL : dns.conns);
    if (extra.isEmpty) continue;
    excess.push({ kind: "excess", src: have.src, dst: have.dst, needed: need, allowed: have.conns, conns: extra, allowers: allowersOf(engine, have.src, have.dst, extra) });
  }
  const order = (a, b) => compareStrings(peerKey(a.src), peerKey(b.src)) || compareStrings(peerKey(a.dst), peerKey(b.dst));
  missing.sort(order);
  excess.sort(order);
  return { value: { missing, excess, needsChecked: needs.size + selfNeeds.size, allowedPairs: allowed.size }, diagnostics };
}
function allowersOf(engine, src, dst, extra) {
  const x = explainPair(engine, src, dst);
  if (!x) return [];
  const out = [];
  const take = (side, steps) => {
    for (const s of steps ?? []) {
      if (s.verdict !== "Allow" && !(s.layer === "BANP" && s.verdict === "Pass")) continue;
      const conns2 = s.conns.intersect(extra);
      if (!conns2.isEmpty) out.push({ side, step: s, conns: conns2 });
    }
  };
  take("egress", x.egress);
  take("ingress", x.ingress);
  if (x.exposure) {
    const conns2 = x.exposure.ports.intersect(extra);
    if (!conns2.isEmpty) out.push({ side: "exposure", by: x.exposure.by, conns: conns2 });
  }
  return out;
}

// src/pipeline/verify.ts
function judgedAgainst(policies, basis, links = basis.linksFile) {
  return { policies, ...links !== void 0 ? { links } : {}, gaps: basis.gapMode ?? "deny", noPorts: basis.synthesis.noPorts === true, ...basis.baselineFiles?.length ? { baseline: basis.baselineFiles } : {} };
}
function under(file, dir) {
  const rel = path2.relative(path2.resolve(dir), path2.resolve(file));
  return rel === "" || !rel.startsWith("..") && !path2.isAbsolute(rel);
}
function dnsProbe(dns, port) {
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "dns", namespace: dns.namespace, labels: { ...dns.podLabels } },
    spec: { containers: [{ name: "dns", ports: [{ containerPort: port, protocol: "UDP" }, { containerPort: port, protocol: "TCP" }] }] }
  };
  return { path: "(assumed DNS pods)", text: JSON.stringify(pod) };
}
function objectsOf(files, diagnostics, namespace) {
  const r = loadObjects(files);
  appendAll(diagnostics, r.diagnostics);
  appendAll(diagnostics, r.skipped);
  return namespace ? r.objects.map((o) => inNamespace(o, namespace)) : r.objects;
}
function loadRepoDrift(io, request, settings) {
  if (!io.isDirectory(request.policies)) throw new ConfigError(`--policies ${request.policies}: not a folder`);
  const read = readInputs(io, [...request.paths, request.policies], settings);
  const diagnostics = [...read.diagnostics];
  const policyFiles = read.files.filter((f) => under(f.path, request.policies));
  const appFiles = read.files.filter((f) => !under(f.path, request.policies));
  const appObjects = [];
  const outside = /* @__PURE__ */ new Map();
  for (const o of objectsOf(appFiles, diagnostics, settings.namespace)) {
    if (!POLICY_KINDS.has(o.kind)) appObjects.push(o);
    else {
      const cur = outside.get(o.origin.document.file);
      if (cur) cur.count++;
      else outside.set(o.origin.document.file, { first: o, count: 1 });
    }
  }
  for (const { first, count } of outside.values()) {
    const what = count === 1 ? `${first.kind} ${first.object.metadata.name ?? ""} is` : `${count} policies (${first.kind} ${first.object.metadata.name ?? ""} and more) are`;
    diagnostics.push(diag(Codes.policyOutsideFolder, "warning", `${what} outside --policies ${request.policies}; not part of the comparison`, originRef(first.origin)));
  }
  const policyObjects = objectsOf(policyFiles, diagnostics, settings.namespace).filter((o) => POLICY_KINDS.has(o.kind));
  const base = buildCluster([...appObjects, ...policyObjects]);
  diagnostics.push(...base.diagnostics);
  const dns = request.synthesis.dns;
  const hasDns = base.cluster.workloads.some((w) => w.ref.namespace === dns.namespace && w.pods.some((p) => Object.entries(dns.podLabels).every(([k, v]) => p.labels[k] === v)));
  const serviceCidrs = settings.serviceCidrs ? { serviceCidrs: settings.serviceCidrs } : {};
  if (hasDns) return { cluster: base.cluster, appObjects, probes: /* @__PURE__ */ new Set(), policyFiles, diagnostics, values: read.values, ...serviceCidrs };
  const probeObjects = objectsOf([dnsProbe(dns, request.synthesis.dnsPort)], []);
  const withProbe = buildCluster([...appObjects, ...policyObjects, ...probeObjects]).cluster;
  const probes = new Set(withProbe.workloads.filter((w) => !base.cluster.workloads.some((b) => b.ref.kind === w.ref.kind && b.ref.name === w.ref.name && b.ref.namespace === w.ref.namespace)).map((w) => `${w.ref.namespace}/${w.ref.name}[${w.ref.kind}]`));
  return { cluster: withProbe, appObjects, probes, policyFiles, diagnostics, values: read.values, ...serviceCidrs };
}
function needsOf(loaded, request) {
  const scanned = scanTopology(loaded.cluster, { values: loaded.values, ...loaded.serviceCidrs ? { serviceCidrs: loaded.serviceCidrs } : {} });
  const diagnostics = [...scanned.diagnostics];
  if (loaded.reviewed) appendAll(diagnostics, unreviewedLinks(scanned.value.links, loaded.reviewed, request.linksFile));
  let links = [...loaded.reviewed ?? scanned.value.links, ...selfLinks(scanned.value.self), ...request.extraNeeds ?? []];
  const families = request.synthesis.ipFamilies;
  const mode = request.gapMode ?? "deny";
  const app = loaded.cluster.workloads.filter((w) => !loaded.probes.has(workloadKey(w.ref)));
  const stated = links;
  if (loaded.rules) {
    const applied = applyBaselineToLinks(loaded.cluster, inEveryFamily(links, families), loaded.rules, families);
    links = applied.links;
    appendAll(diagnostics, applied.diagnostics);
  }
  let gaps = mode === "deny" ? [] : findGaps(loaded.cluster, { links: links === stated ? links : [...stated, ...links], unresolved: loaded.reviewed ? unresolvedLeftOpen(scanned.value.unresolved, loaded.reviewed, scanned.value.links) : scanned.value.unresolved }).filter((g) => !loaded.probes.has(workloadKey(g.workload)));
  if (loaded.rules && gaps.length > 0) {
    const cut = cutClosures({ ...loaded.cluster, workloads: app }, gaps, mode, loaded.rules, families ?? [4]);
    gaps = cut.whole;
    links = [...links, ...cut.links];
    appendAll(diagnostics, cut.diagnostics);
  }
  const everywhere = loaded.rules ? [] : otherFamilyCopies(links, families);
  return { links, gaps, implied: [...gapLinks(app, gaps, mode, families), ...everywhere], dnsClients: dnsUsesByWorkload(scanned.value.dns), diagnostics };
}
function unreviewedLinks(scanned, reviewed, file) {
  const covered = /* @__PURE__ */ new Map();
  for (const l of reviewed) {
    covered.set(linkKey(l), (covered.get(linkKey(l)) ?? ConnectionSet.NONE).union(l.conns));
  }
  const out = [];
  for (const l of scanned) {
    const left = l.conns.subtract(covered.get(linkKey(l)) ?? ConnectionSet.NONE);
    if (left.isEmpty) continue;
    const first = l.evidence[0];
    out.push(
      diag(
        Codes.unreviewedLink,
        "warning",
        `${peerKey(l.src)} => ${peerKey(l.dst)} ${left.toString()} is stated by the manifests (${l.evidence.map(evidenceText).join("; ")}) but not in the reviewed links ${file}: the policies are not checked for it`,
        first && "at" in first ? first.at : void 0,
        "add it to the links file (links merge), or drop it from the manifests"
      )
    );
  }
  return out;
}
function runRepoDrift(io, request, settings) {
  const prepared = prepareRepoDrift(io, request, settings);
  return repoDriftOf(prepared.loaded, prepared.request, settings);
}
function judgeRepoDrift(io, request, settings, render) {
  const prepared = prepareRepoDrift(io, request, settings);
  const outcome = repoDriftOf(prepared.loaded, prepared.request, settings);
  const drifted = outcome.drift.missing.length > 0 || outcome.drift.excess.length > 0;
  return { outcome, ...drifted && render ? { fix: planRepoFixOf(prepared, render) } : {} };
}
function prepareRepoDrift(io, request, settings) {
  const req = { ...request, synthesis: { ...request.synthesis, ipFamilies: request.synthesis.ipFamilies ?? settings.ipFamilies } };
  return observedNeeds(io, baselineRules(io, reviewedNeeds(io, loadRepoDrift(io, req, settings), req), req), req, settings);
}
function baselineRules(io, loaded, request) {
  if (!request.baselineFiles?.length) return loaded;
  const read = readRuleFiles(io, request.baselineFiles);
  return { ...loaded, rules: read.rules, diagnostics: [...loaded.diagnostics, ...read.diagnostics] };
}
function reviewedNeeds(io, loaded, request) {
  if (request.linksFile === void 0) return loaded;
  const parsed = parseLinksFile(request.linksFile, io.readText(request.linksFile, "--links"), loaded.cluster.workloads.map((w) => w.ref), loaded.cluster);
  const diagnostics = [...loaded.diagnostics, ...parsed.diagnostics];
  const known = new Set(loaded.cluster.workloads.filter((w) => !loaded.probes.has(workloadKey(w.ref))).map((w) => workloadKey(w.ref)));
  const reviewed = parsed.links.filter((l) => {
    const unknown = [l.src, l.dst].find((p) => p.kind === "workload" && !known.has(workloadKey(p.ref)));
    if (!unknown) return true;
    const intent = l.evidence.find((e) => e.kind === "intent");
    diagnostics.push(diag(Codes.danglingReference, "error", `link ${peerKey(l.src)} => ${peerKey(l.dst)} names ${peerKey(unknown)}, which is not in the manifests; link ignored`, intent?.kind === "intent" ? intent.at : void 0));
    return false;
  });
  return { ...loaded, reviewed, diagnostics };
}
function observedNeeds(io, loaded, request, settings) {
  if (!request.traffic) return { loaded, request };
  const observed = readTraffic(io, loaded.cluster, request.traffic, settings);
  return {
    loaded: { ...loaded, diagnostics: [...loaded.diagnostics, ...observed.diagnostics, ...unresolvedWarnings(observed.value.unresolved)] },
    request: { ...request, extraNeeds: [...request.extraNeeds ?? [], ...observed.value.links] }
  };
}
function repoDriftOf(loaded, request, settings) {
  const diagnostics = [...loaded.diagnostics];
  const needs = needsOf(loaded, request);
  diagnostics.push(...needs.diagnostics);
  const engine = new PolicyEngine(loaded.cluster, engineOptions(settings));
  diagnostics.push(...engine.diagnostics);
  const port = request.synthesis.dnsPort;
  const result = computeRepoDrift({
    engine,
    connectivity: engine.connectivity(),
    cluster: loaded.cluster,
    needs: [...needs.links, ...needs.implied],
    dns: { ...request.synthesis.dns, conns: ConnectionSet.port("UDP", port).union(ConnectionSet.port("TCP", port)) },
    dnsClients: needs.dnsClients,
    probes: loaded.probes,
    families: settings.ipFamilies,
    peerOnly: request.synthesis.noPorts === true
  });
  diagnostics.push(...result.diagnostics);
  return { drift: result.value, diagnostics };
}
function isManagedPolicyFile(f) {
  const parsed = parseManifestFile(f);
  const objects = readObjects(parsed.documents).objects;
  if (parsed.documents.length === 0 || objects.length !== parsed.documents.length || parsed.diagnostics.length > 0) return false;
  return objects.every((o) => o.kind === "NetworkPolicy" && o.object.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY);
}
function planRepoFixOf(prepared, render) {
  const { loaded, request } = prepared;
  const appCluster = buildCluster(loaded.appObjects).cluster;
  const needs = needsOf({ ...loaded, cluster: appCluster }, request);
  const synthesized = synthesizePolicies(appCluster, needs.links, { ...request.synthesis, dnsClients: needs.dnsClients, gaps: { mode: request.gapMode ?? "deny", list: needs.gaps }, ...loaded.rules ? { linksInEveryFamily: true } : {} });
  const layout = layoutPolicies(synthesized.value.policies, { kind: "folder", dir: request.policies }, render);
  const existing = new Map(loaded.policyFiles.filter((f) => !isRenderedName(f.path)).map((f) => [path2.resolve(f.path), f]));
  const files = [];
  const writes = /* @__PURE__ */ new Map();
  for (const [file, text] of layout) {
    const before = existing.get(path2.resolve(file))?.text ?? "";
    files.push({ path: file, action: before === "" ? "created" : before === text ? "unchanged" : "updated", before, after: text });
    if (before !== text) writes.set(file, text);
  }
  const written = new Set([...layout.keys()].map((f) => path2.resolve(f)));
  const removals = [];
  const kept = [];
  for (const [abs, f] of existing) {
    if (written.has(abs)) continue;
    if (isManagedPolicyFile(f)) {
      removals.push(f.path);
      files.push({ path: f.path, action: "removed", before: f.text, after: "" });
    } else kept.push(f.path);
  }
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files, writes, removals, keptHandWritten: kept.sort(), diagnostics: synthesized.diagnostics };
}

// src/pipeline/check/dns.ts
function unmetDnsNeeds(side, basis, settings, only) {
  const clients = dnsClients(side, only);
  if (clients.size === 0) return [];
  const conns2 = ConnectionSet.port("UDP", basis.port).union(ConnectionSet.port("TCP", basis.port));
  const isDnsPod2 = (w) => w.ref.namespace === basis.namespace && w.pods.some((p) => Object.entries(basis.podLabels).every(([k, v]) => p.labels[k] === v));
  const own = side.cluster.workloads.filter(isDnsPod2);
  let allowed;
  let dnsPods;
  if (own.length > 0) {
    const pairs = /* @__PURE__ */ new Map();
    const keys = new Set(own.map((w) => peerKey({ kind: "workload", ref: w.ref })));
    for (const c of side.connectivity.connections) if (keys.has(peerKey(c.dst))) pairs.set(`${peerKey(c.src)}\0${peerKey(c.dst)}`, c.conns);
    allowed = (src, dst) => pairs.get(`${peerKey(src)}\0${peerKey(dst)}`) ?? ConnectionSet.NONE;
    dnsPods = own.map((w) => ({ kind: "workload", ref: w.ref }));
  } else {
    if (side.engine.policies.length === 0) return [];
    const probe = loadObjects([dnsProbe({ namespace: basis.namespace, podLabels: { ...basis.podLabels } }, basis.port)]).objects;
    const cluster = buildCluster([...side.cluster.objects, ...probe]).cluster;
    const engine = new PolicyEngine(cluster, engineOptions(settings));
    const stand = cluster.workloads.find((w) => isDnsPod2(w) && !side.cluster.workloads.some((o) => workloadKey(o.ref) === workloadKey(w.ref)));
    if (!stand) return [];
    allowed = (src, dst) => {
      let out2 = ConnectionSet.NONE;
      const srcClasses = src.kind === "workload" ? engine.classes.byWorkload.get(workloadKey(src.ref)) ?? [] : [];
      const dstClasses = dst.kind === "workload" ? engine.classes.byWorkload.get(workloadKey(dst.ref)) ?? [] : [];
      for (const s of srcClasses) for (const d of dstClasses) out2 = out2.union(engine.pairConns(s, d));
      return out2;
    };
    dnsPods = [{ kind: "workload", ref: stand.ref }];
  }
  const out = [];
  for (const [, client] of [...clients].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    const src = { kind: "workload", ref: client.workload.ref };
    for (const dst of dnsPods) {
      if (peerKey(dst) === peerKey(src)) continue;
      const have = allowed(src, dst).intersect(conns2);
      const missing = conns2.subtract(have);
      if (missing.isEmpty) continue;
      const link = { src, dst, conns: conns2, evidence: client.evidence };
      out.push({ link, allowed: have, missing, dns: client.evidence.length > 0 ? "named" : "egress" });
    }
  }
  return out;
}
function dnsClients(side, only) {
  const byKey = new Map(side.cluster.workloads.map((w) => [workloadKey(w.ref), w]));
  const out = /* @__PURE__ */ new Map();
  const add = (key, evidence) => {
    if (only && !only.has(key)) return;
    const w = byKey.get(key);
    if (!w) return;
    let entry = out.get(key);
    if (!entry) out.set(key, entry = { workload: w, evidence: [] });
    if (evidence) entry.evidence.push(evidence);
  };
  for (const u of side.topology.dns ?? []) add(workloadKey(u.workload), u.evidence);
  for (const l of side.topology.links) {
    if (l.src.kind !== "workload" || l.dst.kind === "ingress-controller" || l.dst.kind === "gateway") continue;
    const key = workloadKey(l.src.ref);
    const w = byKey.get(key);
    if (w && resolvesThroughClusterDns(w)) add(key);
  }
  return out;
}

// src/pipeline/check.ts
function gapsOf(head, base) {
  const key = (u) => `${workloadKey(u.workload)}\0${u.value}\0${u.reason}`;
  const before = new Set(base.unresolved.map(key));
  return head.unresolved.map((u) => ({ workload: workloadKey(u.workload), value: u.value, at: u.at, reason: u.reason, detail: u.detail, ...u.traced ? { values: u.traced } : {}, introduced: !before.has(key(u)) })).sort((a, b) => compareStrings(`${a.workload}\0${a.value}`, `${b.workload}\0${b.value}`));
}
function observedLinks(io, base, head, request, settings) {
  const context = readTrafficContext(io, request, settings);
  const onHead = readTraffic(io, head.cluster, request, settings, context);
  const onBase = readTraffic(io, base.cluster, request, settings, context);
  return { head: onHead.value.links, base: onBase.value.links, diagnostics: [...context.diagnostics, ...onHead.diagnostics, ...unresolvedWarnings(onHead.value.unresolved)] };
}
var DEFAULT_DNS = { namespace: DEFAULT_SYNTHESIS_OPTIONS.dns.namespace, podLabels: DEFAULT_SYNTHESIS_OPTIONS.dns.podLabels, port: DEFAULT_SYNTHESIS_OPTIONS.dnsPort };
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
      if (chart) files.set(d, { side: sideName, path: renderedSource(rel).file, chart: chart.rel === "." ? "" : chart.rel });
      else if (rel.endsWith("/kustomization [rendered]") || rel === "kustomization [rendered]") {
        const overlay = rel === "kustomization [rendered]" ? "" : rel.slice(0, -"/kustomization [rendered]".length);
        files.set(d, { side: sideName, path: overlay || ".", overlay });
      } else files.set(d, { side: sideName, path: rel });
    }
    for (const v of side.values) for (const f of v.files) if (!files.has(f.path)) files.set(f.path, { side: sideName, path: side.rel(f.path) ?? f.path });
    for (const [source, rendered] of side.sources) {
      const info = files.get(rendered);
      if (info && !files.has(source)) files.set(source, { ...info, path: side.rel(source) ?? source });
    }
  }
  const before = base.connectivity;
  const after = head.connectivity;
  const diff = diffConnectivity(before, after, pairMovedWorkloads(base.engine.cluster.workloads, head.engine.cluster.workloads));
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
  const toItems = (entries2) => itemsOf(diff, explanations, entries2, finder.policies, blocks);
  const groups = [...groupsById.entries()].sort(([ia, a], [ib, b]) => b.entries.length - a.entries.length || compareStrings(ia, ib)).map(([, g]) => ({ causes: g.causes, items: toItems(g.entries) }));
  const outside = groups.flatMap((g) => g.items.filter((it) => isOutsideSource(diff.entries[it.entries[0]]) && !it.gained.isEmpty));
  const observed = options.traffic ? observedLinks(io, base, head, options.traffic, settings) : void 0;
  const unmetHead = unmetLinks(observed ? mergeLinks(head.topology.links, observed.head) : head.topology.links, after);
  const unmetBase = unmetLinks(observed ? mergeLinks(base.topology.links, observed.base) : base.topology.links, before);
  const { broken: newlyBroken, already } = newlyUnmet(unmetHead.unmet, unmetBase.unmet);
  const dnsBasis = options.dns ?? DEFAULT_DNS;
  const dnsHead = unmetDnsNeeds(head, dnsBasis, settings);
  const dnsBase = dnsHead.length > 0 ? unmetDnsNeeds(base, dnsBasis, settings, new Set(dnsHead.flatMap((u) => u.link.src.kind === "workload" ? [workloadKey(u.link.src.ref)] : []))) : [];
  const dnsSplit = newlyUnmet(dnsHead, dnsBase);
  const dnsKind = new Map(dnsHead.map((u) => [linkKey(u.link), u.dns]));
  const marked = (list) => list.map((u) => ({ ...u, dns: dnsKind.get(linkKey(u.link)) }));
  const byLink = (list) => list.sort((a, b) => compareStrings(linkKey(a.link), linkKey(b.link)));
  const broken = byLink([...withBaseNeeds(newlyBroken, observed ? mergeLinks(base.topology.links, observed.base) : base.topology.links), ...marked(dnsSplit.broken)]);
  const alreadyUnmet = byLink([...already, ...marked(dnsSplit.already)]);
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
    alreadyUnmet,
    unjudged: unmetHead.unjudged,
    gaps: gapsOf(head.topology, base.topology),
    ...traffic ? { traffic } : {},
    ...options.lint ? { lint: newLintFindings(base, head) } : {},
    ...options.exposure ? { exposure: widenedExposure(base, head, settings, blocks) } : {},
    files,
    diagnostics: uniqueDiagnostics([...base.diagnostics, ...head.diagnostics, ...notJudged, ...trafficDiagnostics]),
    headDiagnostics: uniqueDiagnostics([...head.diagnostics, ...notJudged, ...trafficDiagnostics])
  };
}
function withBaseNeeds(broken, baseLinks) {
  const needed = /* @__PURE__ */ new Map();
  for (const l of baseLinks) needed.set(linkKey(l), needed.get(linkKey(l))?.union(l.conns) ?? l.conns);
  return broken.map((u) => {
    const before = needed.get(linkKey(u.link));
    return before && !before.equals(u.link.conns) ? { ...u, baseNeeded: before } : u;
  });
}

// src/pipeline/check-gates.ts
function runGatedCheck(io, request, gates, settings) {
  if (request.kind === "repo") {
    for (const [flag, p] of [["--policies", gates.policies], ["--links", gates.drift?.linksFile]]) {
      if (p !== void 0 && !inRepository(p)) throw new ConfigError(`${flag} ${visible(p)}: with --repo, give a path in the repository (relative to its root), read at ${visible(request.head)}`);
    }
  }
  const outcome = runCheck(io, request, settings, { ...gates.traffic ? { traffic: gates.traffic } : {}, ...gates.lint ? { lint: true } : {}, ...gates.exposure ? { exposure: true } : {}, ...gates.dns ? { dns: gates.dns } : {} });
  const wantsBaseline = (gates.baselineFiles?.length ?? 0) > 0;
  if (!wantsBaseline && gates.policies === void 0) return outcome;
  let tree;
  try {
    let roots;
    let show;
    if (request.kind === "repo") {
      tree = io.exportTree(request.repo, request.head, ["."]);
      const dir = tree.dir;
      roots = (request.paths.length > 0 ? request.paths : ["."]).map((p) => path3.join(dir, p));
      const prefixes = [dir, path3.relative(process.cwd(), dir)].filter((p) => p !== "");
      show = (file) => {
        for (const p of prefixes) if (file === p || file.startsWith(`${p}/`)) return `${request.head}:${file.slice(p.length + 1) || "."}`;
        return file;
      };
    } else {
      roots = [request.head];
      show = (file) => file;
    }
    const atHead = (p) => request.kind === "repo" && tree ? path3.join(tree.dir, p) : p;
    const policiesDir = gates.policies === void 0 ? void 0 : atHead(gates.policies);
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
    if (policiesDir !== void 0 && gates.policies !== void 0) {
      const basis = gates.drift ?? { synthesis: DEFAULT_SYNTHESIS_OPTIONS };
      const judged = judgeRepoDrift(
        io,
        { ...basis, paths: roots, policies: policiesDir, ...basis.linksFile !== void 0 ? { linksFile: atHead(basis.linksFile) } : {}, ...gates.traffic ? { traffic: gates.traffic } : {} },
        settings,
        gates.renderPolicies
      );
      driftOutcome = judged.outcome;
      extra.push(...relocate(driftOutcome.diagnostics));
      const findings = [
        ...driftOutcome.drift.missing.map((f) => {
          const ev = f.reasons.flatMap((r) => r.evidence ?? []).find((e) => "at" in e);
          const where = ev && "at" in ev ? ev.at : void 0;
          const dns = f.reasons.some((r) => r.kind === "dns" && r.evidence) ? " (DNS: the workload names the cluster DNS Service)" : "";
          return { kind: "missing", subject: `${peerKey(f.src)} → ${peerKey(f.dst)}`, message: `needed ${f.conns.toString()} is blocked by the committed policies${dns}`, ...where ? { at: at(where) } : {} };
        }),
        ...driftOutcome.drift.excess.map((f) => {
          const where = f.allowers.find((a) => a.step?.at)?.step?.at;
          return { kind: "excess", subject: `${peerKey(f.src)} → ${peerKey(f.dst)}`, message: `${f.conns.toString()} is allowed beyond what the manifests need`, ...where ? { at: at(where) } : {} };
        })
      ];
      const fix = judged.fix?.files.filter((f) => f.before !== f.after).map((f) => ({ path: show(f.path), before: f.before, after: f.after }));
      drift = { findings, basis: judgedAgainst(gates.policies, basis), ...fix && fix.length > 0 ? { fix } : {} };
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
function inRepository(p) {
  return !path3.isAbsolute(p) && path3.normalize(p).split(/[\\/]/)[0] !== "..";
}

// src/report/drift-basis.ts
function driftBasisMd(b) {
  const links = b.links !== void 0 ? `the reviewed links ${markdownCode(b.links)}` : "the links the manifests state (no reviewed links file)";
  const rules = b.baseline?.length ? ` · baseline rules ${b.baseline.map(markdownCode).join(", ")}` : "";
  return `_The policies in ${markdownCode(b.policies)} judged against ${links} · gaps ${markdownCode(b.gaps)} · ${b.noPorts ? "peer-only rules (no ports)" : "rules with ports"}${rules}._`;
}
function driftBasisText(b) {
  return `${b.policies} judged against ${b.links !== void 0 ? `the reviewed links ${b.links}` : "the links the manifests state"}, gaps ${b.gaps}, ${b.noPorts ? "peer-only rules (no ports)" : "rules with ports"}${b.baseline?.length ? `, baseline rules ${b.baseline.join(", ")}` : ""}`;
}
function isDefaultBasis(b) {
  return b.links === void 0 && b.gaps === "deny" && !b.noPorts && !b.baseline?.length;
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
  const entries2 = Object.entries(l).filter(([k]) => k !== "kubernetes.io/metadata.name").sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return markdownCode(entries2.map(([k, v]) => `${k}=${v}`).join(",") || "(none)");
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

// src/report/check/graph.ts
function changedEdgesMermaid(o, cap = MERMAID_EDGE_CAP) {
  const items = o.groups.flatMap((g) => g.items);
  const ids = /* @__PURE__ */ new Map();
  const node = (name) => {
    let id = ids.get(name);
    if (!id) ids.set(name, id = `n${ids.size}`);
    return `${id}["${escapeMermaid(name)}"]`;
  };
  const lines = ["graph LR"];
  const styles = [];
  items.slice(0, cap).forEach((it, i) => {
    const label = it.kind === "removed" ? `removed: ${it.before.toString()}` : it.kind === "added" ? `added: ${it.after.toString()}` : `${it.before.toString()} to ${it.after.toString()}`;
    lines.push(`  ${node(it.src)} -->|"${escapeMermaid(label)}"| ${node(it.dst)}`);
    styles.push(`  linkStyle ${i} stroke:${it.kind === "added" ? "#2da44e" : it.kind === "removed" ? "#cf222e" : "#bf8700"},stroke-width:2px`);
  });
  lines.push(...styles);
  if (items.length > cap) lines.push(`  more["${items.length - cap} more changed edges not shown"]`);
  return lines.join("\n");
}

// src/report/check/peer-text.ts
function linkPeerText(p) {
  return p.kind === "external" ? rangeToCidrs(p.range).join(", ") : peerKey(p);
}

// src/report/check/marker.ts
var MARKER_VERSION = 1;
function buildMarker(m) {
  const sha = m.sha && /^[0-9a-f]{7,64}$/i.test(m.sha) ? m.sha.toLowerCase() : "none";
  return `<!-- netpol-ci:check v${m.version ?? MARKER_VERSION} key=${encodeURIComponent(m.key)} sha=${sha} truncated=${m.truncated} -->`;
}

// src/report/check/summary.ts
function headInputErrors(o) {
  return o.headDiagnostics.filter((d) => d.severity === "error");
}
function checkSummary(o) {
  const count = (k) => o.groups.reduce((n, g) => n + g.items.filter((it) => it.kind === k).length, 0);
  const changes = o.groups.reduce((n, g) => n + g.items.length, 0);
  const broken = o.broken.length;
  const baseline = o.baseline?.violations.length;
  const drift = o.drift?.findings.length;
  const lint = o.lint?.findings.length;
  const exposed = o.exposure ? new Set(o.exposure.widened.map((w) => w.workload)).size : void 0;
  const newGaps = o.gaps.filter((g) => g.introduced).length;
  const problems = [];
  const inputErrors = headInputErrors(o).length;
  if (inputErrors) problems.push(`${inputErrors} input error${inputErrors === 1 ? "" : "s"} (left out of the answer)`);
  if (baseline) problems.push(`${baseline} baseline violation${baseline === 1 ? "" : "s"}`);
  if (drift) problems.push(`${drift} drift finding${drift === 1 ? "" : "s"}`);
  if (lint) problems.push(`${lint} new lint finding${lint === 1 ? "" : "s"}`);
  if (broken) problems.push(`breaks ${broken} needed link${broken === 1 ? "" : "s"}`);
  if (o.outside.length) problems.push(`opens ${o.outside.length} path${o.outside.length === 1 ? "" : "s"} from outside the cluster`);
  if (exposed) problems.push(`widens the exposure of ${exposed} workload${exposed === 1 ? "" : "s"}`);
  if (newGaps) problems.push(`adds ${newGaps} gap${newGaps === 1 ? "" : "s"}`);
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
    newGaps,
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
  url(side, path5, line) {
    const sha = this.o.commits?.[side];
    if (!this.blobBase || !sha) return void 0;
    const safePath = path5.split("/").map(encodeURIComponent).join("/");
    return `${this.blobBase.replace(/\/+$/, "")}/blob/${sha}/${safePath}${line ? `#L${line}` : ""}`;
  }
  /** A rule or object location: the file and line at the side's commit; a rendered chart file links to its template without a (rendered) line. */
  at(ref) {
    if (!ref) return "";
    const info = this.o.files.get(ref.file);
    if (!info) return code(`${placeText(ref)}`);
    const traced = !isRenderedName(ref.file);
    if (info.chart !== void 0 && !traced) {
      const u2 = this.url(info.side, info.path);
      return `${u2 ? `[${code(info.path)}](${u2})` : code(info.path)} (Helm template)`;
    }
    if (info.overlay !== void 0 && !traced) {
      const u2 = this.url(info.side, info.path);
      return `${u2 ? `[${code(`${info.path}/`)}](${u2})` : code(`${info.path}/`)} (Kustomize overlay)`;
    }
    const text = code(placeText({ file: info.path, ...ref.line !== void 0 ? { line: ref.line } : {} }));
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
function fold(summary, lines, entries2 = lines.length) {
  if (entries2 <= FOLD_AFTER) return [...lines];
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
function valuesText(values, loc) {
  if (!values) return "";
  return ` from ${loc.at(values)}${values.path && values.path.length > 0 ? ` (${code(values.path.join("."))})` : ""}`;
}
function unmetLine(u, loc) {
  const ev = u.link.evidence.find((e) => e.kind !== "trace");
  const where = ev ? ev.kind === "address" ? ` (${loc.at(ev.at)}${valuesText(ev.traced, loc)}: ${code(ev.value)})` : ev.kind === "exposure" ? ` (${code(ev.object)} at ${loc.at(ev.at)})` : ` (${code(evidenceText(ev))})` : "";
  const traces = u.link.evidence.filter((e) => e.kind === "trace");
  const more = traces.length > OBSERVED_SHOWN ? `, … ${traces.length - OBSERVED_SHOWN} more` : "";
  const seen = traces.length > 0 ? ` (observed: ${traces.slice(0, OBSERVED_SHOWN).map((e) => code(evidenceText(e))).join(", ")}${more})` : "";
  const allowed = u.allowed.isEmpty ? "head allows none of it" : `head allows only ${conns(u.allowed)}`;
  const moved = u.baseNeeded ? ` (the PR moved the need: base needed ${conns(u.baseNeeded)})` : "";
  const dns = u.dns === "named" ? " (DNS: names the cluster DNS Service)" : u.dns === "egress" ? " (DNS: every workload with egress resolves names)" : "";
  return `- ${code(linkPeerText(u.link.src))} needs ${code(linkPeerText(u.link.dst))} on ${conns(u.link.conns)}${dns}${where}${seen}: ${allowed}${moved}`;
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
function inputAt(at, loc, o) {
  if (!at) return code("(no file)");
  if (o.files.has(at.file)) return loc.at(at);
  return code(at.line ? `${at.file}:${at.line}` : at.file);
}
function widenedLine(w) {
  const what = w.before.isEmpty ? `on ${conns(w.after)}` : `now also on ${conns(w.gained)} (now ${conns(w.after)})`;
  return `- ${code(w.workload)} is now reachable from ${code(w.peerText)} ${what}`;
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
  const inputErrors = headInputErrors(o);
  if (inputErrors.length > 0) {
    const lines = inputErrors.map((d) => `- ${inputAt(d.at, loc, o)} ${code(d.code)}: ${code(d.message)}`);
    sections.push({ title: "Input errors", lines: ["#### Input errors (not analysed, or not in full)", "", ...fold(`${inputErrors.length} input errors`, lines)] });
  }
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
    const basis = o.drift.basis ? [driftBasisMd(o.drift.basis), ""] : [];
    sections.push({ title: "Drift", lines: ["#### Drift", "", ...basis, ...f.length ? fold(`${f.length} findings`, lines) : ["None."], ...fixLines(o.drift.fix ?? [])] });
  }
  if (o.lint) {
    const f = o.lint.findings;
    const already = o.lint.existing > 0 ? ["", `_${o.lint.existing} finding${o.lint.existing === 1 ? "" : "s"} already on base not shown._`] : [];
    sections.push({ title: "Policy sanity (lint)", lines: ["#### Policy sanity (lint): new in this PR", "", ...f.length ? fold(`${f.length} findings`, f.map((x) => lintLine(x, loc))) : ["None."], ...already] });
  }
  if (o.diff.moved.length > 0) {
    const lines = o.diff.moved.flatMap((m) => moveLines(m, linkPeerText));
    sections.push({ title: "Moved or renamed workloads", lines: ["#### Moved or renamed workloads", "", ...fold(`${o.diff.moved.length} workloads`, lines, o.diff.moved.length)] });
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
    const lines = o.gaps.map((g) => `- ${code(g.workload)}: ${code(g.value)} at ${loc.at(g.at)}${valuesText(g.values, loc)}: ${escapeMarkdown(g.detail)}${g.introduced ? " _(new in this PR)_" : ""}`);
    sections.push({ title: "Gaps", lines: ["#### Gaps (what the manifests cannot tell)", "", ...fold(`${o.gaps.length} gaps`, lines)] });
  }
  if (o.traffic) sections.push({ title: "Observed traffic", lines: trafficLines(o.traffic) });
  if (o.diff.entries.length > 0) {
    const graph = changedEdgesMermaid(o);
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

// src/action/check-runner.ts
var checkRunner = (io, request, settings) => {
  const o = runGatedCheck(
    io,
    { kind: "repo", repo: request.repo, base: request.base, head: request.head, paths: request.paths },
    {
      ...request.baseline.length > 0 ? { baselineFiles: request.baseline, engine: request.engine } : {},
      ...request.policies !== void 0 ? { policies: request.policies } : {},
      ...request.traffic.length > 0 ? { traffic: { files: request.traffic, ...request.cidrAliases ? { cidrAliases: request.cidrAliases } : {} } } : {},
      ...request.lint ? { lint: true } : {},
      ...request.exposure ? { exposure: true } : {},
      ...request.drift ? { drift: request.drift } : {},
      ...request.dns ? { dns: request.dns } : {},
      renderPolicies: renderPoliciesYaml
    },
    settings
  );
  const headPrefix = `${request.head}:`;
  const where = (at) => {
    if (!at) return void 0;
    const file = at.file.startsWith(headPrefix) ? at.file.slice(headPrefix.length) : at.file;
    return { file, ...at.line ? { line: at.line } : {} };
  };
  const findings = [];
  const add = (f, at) => {
    const w = where(at);
    if (w) findings.push({ ...f, ...w });
  };
  for (const v of o.baseline?.violations ?? []) add({ rule: `baseline/${v.action}`, level: "error", title: `netpol-ci baseline rule ${v.rule}`, message: `${v.src} -> ${v.dst}: ${v.conns}` }, v.at);
  for (const d of o.drift?.findings ?? []) add({ rule: `drift/${d.kind}`, level: d.kind === "missing" ? "error" : "warning", title: `netpol-ci drift (${d.kind})`, message: `${d.subject}: ${d.message}` }, d.at);
  for (const b of o.broken) {
    const ev = b.link.evidence.find((e) => "at" in e);
    add({ rule: "broken-link", level: "error", title: "netpol-ci: this PR breaks a needed link", message: `${peerKey(b.link.src)} needs ${b.dns ? "DNS at " : ""}${peerKey(b.link.dst)} on ${b.missing.toString()}${b.dns === "named" ? " (it names the cluster DNS Service here)" : ""}; head allows ${b.allowed.isEmpty ? "none of it" : b.allowed.toString()}` }, ev && "at" in ev ? ev.at : void 0);
  }
  for (const g of o.gaps) add({ rule: `gap/${g.reason}`, level: "warning", title: `netpol-ci gap (${g.reason})`, message: `${g.workload}: ${JSON.stringify(g.value)} ${g.detail}` }, g.at);
  for (const f of o.lint?.findings ?? []) add({ rule: `lint/${f.kind}`, level: "warning", title: `netpol-ci lint (${f.kind}) new in this PR`, message: `${f.message}${f.coveredBy.length ? ` (covered by ${f.coveredBy.join(", ")})` : ""}` }, f.at);
  const count = (k) => o.diff.entries.filter((e) => e.kind === k).length;
  const violations = o.baseline?.violations.length;
  const drift = o.drift?.findings.length;
  const lint = o.lint?.findings.length;
  return {
    markdown: renderCheckMd(o),
    // input errors are reported: a comment listing them is never "empty" (deleted, or left stale)
    empty: o.diff.entries.length === 0 && o.broken.length === 0 && !o.gaps.some((g) => g.introduced) && !violations && !drift && !lint && !o.exposure?.widened.length && headInputErrors(o).length === 0,
    diff: { added: count("added"), removed: count("removed"), changed: count("changed") },
    ...violations !== void 0 ? { violations } : {},
    ...drift !== void 0 ? { drift } : {},
    broken: o.broken.length,
    gaps: o.gaps.length,
    ...lint !== void 0 ? { lint } : {},
    findings,
    diagnostics: o.headDiagnostics
  };
};

// src/action/drift-basis.ts
function driftBasisFromInputs(inputs, linksPath, rulesPath = linksPath) {
  return {
    ...inputs.links ? { linksFile: linksPath(inputs.links) } : {},
    ...inputs.baseline?.length ? { baselineFiles: inputs.baseline.map(rulesPath) } : {},
    gapMode: inputs.gaps,
    synthesis: {
      ...DEFAULT_SYNTHESIS_OPTIONS,
      dnsPort: inputs["dns-port"],
      dns: { namespace: inputs["dns-namespace"], podLabels: inputs["dns-selector"] ?? DEFAULT_SYNTHESIS_OPTIONS.dns.podLabels },
      ...inputs["no-ports"] ? { noPorts: true } : {},
      ...ingressControllerRule(inputs["ingress-controller"])
    }
  };
}
function ingressControllerRule(labels) {
  if (!labels || Object.keys(labels).length === 0) return {};
  const { namespace, ...pod } = labels;
  return { ingressController: { ...namespace ? { namespaceLabels: { [NAMESPACE_NAME_LABEL]: namespace } } : {}, ...Object.keys(pod).length > 0 ? { podLabels: pod } : {} } };
}
function ingressControllerFromInputs(inputs) {
  const labels = inputs["ingress-controller"];
  if (!labels || Object.keys(labels).length === 0) return {};
  const { namespace, ...pod } = labels;
  return { ingressController: { ...namespace ? { namespace } : {}, ...Object.keys(pod).length > 0 ? { podLabels: pod } : {} } };
}
function dnsBasisFromInputs(inputs) {
  return { namespace: inputs["dns-namespace"], podLabels: inputs["dns-selector"] ?? DEFAULT_SYNTHESIS_OPTIONS.dns.podLabels, port: inputs["dns-port"] };
}
function refuseDriftInputs(inputs) {
  const given = [inputs.links ? "links" : "", inputs.gaps !== "deny" ? "gaps" : "", inputs["no-ports"] ? "no-ports" : "", Object.keys(inputs["ingress-controller"] ?? {}).length > 0 ? "ingress-controller" : ""].filter(Boolean);
  if (given.length > 0) throw new ConfigError(`input${given.length === 1 ? "" : "s"} ${given.map((g) => `"${g}"`).join(", ")} ${given.length === 1 ? "applies" : "apply"} to the drift check: set "policies" too`);
}

// src/report/findings-sarif.ts
var SARIF_LEVEL = { error: "error", warning: "warning", notice: "note" };
function renderFindingsSarif(findings, tool) {
  const sorted = [...findings].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));
  const ruleIds = [...new Set(sorted.map((f) => f.rule))].sort();
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "netpol-ci",
            version: tool.version,
            informationUri: "https://github.com/netpol-ci/netpol-ci",
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: tool.rules[id] ?? id } }))
          }
        },
        results: sorted.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: SARIF_LEVEL[f.level],
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.file.split("\\").join("/"), uriBaseId: "%SRCROOT%" }, ...f.line ? { region: { startLine: f.line } } : {} } }]
        }))
      }
    ]
  };
  return `${JSON.stringify(sarif, null, 2)}
`;
}

// src/action/sarif-paths.ts
import path4 from "node:path";

// src/report/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
function renderSarif(log) {
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: log.tool.name,
            version: log.tool.version,
            ...log.tool.informationUri ? { informationUri: log.tool.informationUri } : {},
            rules: log.tool.rules.map((r) => ({ id: r.id, shortDescription: { text: r.description } }))
          }
        },
        results: log.results.map((r) => ({
          ruleId: r.ruleId,
          ruleIndex: log.tool.rules.findIndex((x) => x.id === r.ruleId),
          level: r.level,
          message: { text: r.message },
          ...r.location ? {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.location.file.split("\\").join("/") },
                  ...r.location.line !== void 0 ? { region: { startLine: r.location.line, ...r.location.column !== void 0 ? { startColumn: r.location.column } : {} } } : {}
                }
              }
            ]
          } : {}
        }))
      }
    ]
  };
  settleUnplaced(sarif);
  return `${JSON.stringify(sarif, null, 2)}
`;
}
function settleUnplaced(log) {
  for (const run of log.runs) {
    if (!run.results) continue;
    const placed = [];
    const notes = [];
    for (const r of run.results) {
      if (r.locations && r.locations.length > 0) {
        placed.push(r);
        continue;
      }
      const related = r.relatedLocations?.find((l) => l.physicalLocation?.artifactLocation?.uri !== void 0);
      if (related) {
        const { id: _id, message: _message, ...location } = related;
        r.locations = [location];
        placed.push(r);
        continue;
      }
      notes.push({ level: r.level === "none" ? "note" : r.level ?? "warning", message: { text: r.message.text ?? "" }, ...r.ruleId ? { associatedRule: { id: r.ruleId } } : {} });
    }
    run.results = placed;
    if (notes.length > 0) run.invocations = [...run.invocations ?? [], { executionSuccessful: true, toolExecutionNotifications: notes }];
  }
}

// src/action/sarif-paths.ts
function sarifWithPaths(text, fileOf, overlayAt) {
  const log = JSON.parse(text);
  const rewrite = (locations, cite) => {
    if (!locations) return void 0;
    const kept = [];
    for (const l of locations) {
      kept.push(l);
      const physical = l.physicalLocation;
      const artifact = physical?.artifactLocation;
      if (!physical || artifact?.uri === void 0) continue;
      const read = artifact.uri;
      const shown = fileOf(read);
      const overlayRead = overlayAt && (() => overlayAt(path4.dirname(read)));
      const placed = placeAnnotation("", { file: shown, ...physical.region?.startLine ? { line: physical.region.startLine } : {} }, overlayRead);
      if (!placed.at) {
        kept.pop();
        cite?.(placed.message.trim());
        continue;
      }
      artifact.uri = placed.at.file;
      if (placed.at.file !== shown.replace(/ \[rendered(?: as [^\]]+)?\]$/, "")) {
        if (placed.at.line !== void 0) physical.region = { startLine: placed.at.line };
        else delete physical.region;
        cite?.(placed.message.trim());
      }
    }
    return kept;
  };
  for (const run of log.runs) {
    for (const r of run.results ?? []) {
      const locations = rewrite(r.locations, (citation) => {
        if (r.message.text !== void 0) r.message.text = `${r.message.text} ${citation}`;
      });
      if (locations) r.locations = locations;
      const related = rewrite(r.relatedLocations);
      if (related) r.relatedLocations = related;
    }
  }
  settleUnplaced(log);
  return `${JSON.stringify(log, null, 2)}
`;
}

// src/action/check.ts
var VERSION = "0.1.0";
var GAP_RULES = {
  "gap/no-such-service": "An address names a Service that does not exist",
  "gap/no-such-port": "An address names a port the Service does not have",
  "gap/no-endpoints": "An address names a Service that selects no workload",
  "gap/external-hostname": "A host outside the cluster: NetworkPolicy can only allow address blocks",
  "lint/selects-nothing": "A policy that selects no pod (new in this PR)",
  "lint/never-matches": "A rule that can never match (new in this PR)",
  "lint/shadowed-rule": "An admin or baseline rule that higher priorities always decide before it (new in this PR)",
  "lint/redundant-policy": "A policy without which every connection stays the same (new in this PR)",
  "lint/redundant-rule": "A rule without which every connection stays the same (new in this PR)"
};
function failures(result, failOn) {
  const hit = {
    baseline: (result.violations ?? 0) > 0,
    drift: (result.drift ?? 0) > 0,
    broken: result.broken > 0,
    diff: result.diff.added + result.diff.removed + result.diff.changed > 0,
    gaps: result.gaps > 0,
    lint: (result.lint ?? 0) > 0
  };
  return failOn.filter((f) => hit[f]);
}
function checkActionWith(runner) {
  return defineAction(checkSpec, async (inputs, rt) => {
    const { base, head } = refsOf(rt.event, rt.env, inputs.base, inputs.head);
    if (!inputs.policies) refuseDriftInputs(inputs);
    const settings = { ...readSettingsFromInputs(rt, inputs), ...inputs.policies ? ingressControllerFromInputs(inputs) : {} };
    const drift = inputs.policies ? driftBasisFromInputs(inputs, (p) => p) : void 0;
    const result = await rt.log.group(
      `check ${base}..${head}`,
      () => runner(
        rt.io,
        { repo: inputs["working-directory"], base, head, paths: inputs.paths, baseline: inputs.baseline, ...inputs.policies ? { policies: inputs.policies } : {}, ...drift ? { drift } : {}, dns: dnsBasisFromInputs(inputs), engine: inputs.engine, traffic: inputs.traffic, ...inputs["cidr-aliases"] ? { cidrAliases: inputs["cidr-aliases"] } : {}, ...inputs.lint || inputs["fail-on"].includes("lint") ? { lint: true } : {}, ...inputs.exposure ? { exposure: true } : {} },
        settings
      )
    );
    annotateDiagnostics(rt, result.diagnostics, fileAtRef(head));
    for (const f of result.findings) {
      const at = { file: f.file, ...f.line ? { line: f.line } : {}, title: f.title };
      if (f.level === "error") rt.log.error(f.message, at);
      else if (f.level === "warning") rt.log.warning(f.message, at);
      else rt.log.notice(f.message, at);
    }
    const { added, removed, changed } = result.diff;
    rt.setOutput("has-diff", added + removed + changed > 0);
    rt.setOutput("added", added);
    rt.setOutput("removed", removed);
    rt.setOutput("changed", changed);
    rt.setOutput("violations", result.violations ?? "");
    rt.setOutput("drift", result.drift ?? "");
    rt.setOutput("gaps", result.gaps);
    rt.setOutput("lint", result.lint ?? "");
    const sarif = sarifWithPaths(result.sarif ?? renderFindingsSarif(result.findings, { version: VERSION, rules: GAP_RULES }), (f) => f, overlayPlaces(rt.io));
    rt.setOutput("sarif-path", writeReport(rt, "check.sarif", sarif));
    await publishReport(rt, "check", result.markdown, result.empty, inputs);
    if (result.diagnostics.some((d) => d.severity === "error")) return ExitCode.badInput;
    const failed = failures(result, inputs["fail-on"]);
    if (failed.length > 0) {
      rt.log.error(`the check failed on: ${failed.join(", ")} (fail-on: ${inputs["fail-on"].join(",")})`);
      return ExitCode.findings;
    }
    return ExitCode.ok;
  });
}
var checkAction = checkActionWith(checkRunner);

export {
  renderSarif,
  settleUnplaced,
  createTwoFilesPatch,
  judgedAgainst,
  runRepoDrift,
  driftBasisMd,
  driftBasisText,
  isDefaultBasis,
  driftBasisFromInputs,
  ingressControllerFromInputs,
  sarifWithPaths,
  VERSION,
  checkAction
};
