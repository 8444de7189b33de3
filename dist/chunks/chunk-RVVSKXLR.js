import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  evaluateRules,
  policyKey
} from "./chunk-3HQQSEID.js";
import {
  ConnectionSet,
  originRef,
  workloadKey
} from "./chunk-YS4F6JR5.js";
import {
  Codes
} from "./chunk-TZ6IWUHF.js";

// src/connectivity/lint.ts
function ruleLabel(ref) {
  return `${ref.direction}[${ref.index}]${ref.name ? ` "${ref.name}"` : ""}`;
}
var describeRule = (policy, rule) => `${policyKey(policy.ref)} ${ruleLabel(rule.ref)}`;
var DIRECTIONS = ["ingress", "egress"];
function lintPolicies(engine) {
  const findings = [];
  const { classes, binding } = engine;
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
    for (const b of bound) {
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
    if (!changesSomething({ policy }, subjects, directions, (s, d) => boundOf(policy, d))) {
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
  return { findings };
}
function neverMatches(b, subjects, all) {
  if (b.classes.isEmpty && b.atoms.isEmpty) return "its peers select no pod of the manifests and no address";
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

export {
  lintPolicies
};
