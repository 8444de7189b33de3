import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  ConnectionSet,
  originRef,
  peerKey,
  policyKey,
  workloadKey
} from "./chunk-O73IRBZ3.mjs";

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
  let controllerRestricted = false;
  for (const sc of srcClasses) {
    for (const dc of dstClasses) {
      let pair = ConnectionSet.ALL;
      if ((src.kind === "workload" || src.kind === "ingress-controller") && sc) {
        const trace = [];
        pair = pair.intersect(engine.evaluate(sc, "egress", asEvalPeer(dst, dc), trace));
        egress.push(...trace.map(resolveStep));
        if (src.kind === "ingress-controller" && trace.some((t) => t.layer !== "default")) controllerRestricted = true;
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
    ...src.kind === "workload" || controllerRestricted ? { egress: distinctSteps(egress) } : {},
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

export {
  explainPair,
  explainDiff
};
