import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  PolicyEngine,
  compilePolicies
} from "./chunk-3HQQSEID.js";
import {
  ConnectionSet,
  NAMESPACE_NAME_LABEL,
  compareStrings,
  peerKey,
  selectorMatches,
  workloadKey
} from "./chunk-YS4F6JR5.js";

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
  const newNamespace = (labels) => {
    const named = labels[NAMESPACE_NAME_LABEL];
    if (named !== void 0) return cluster.namespaces.get(named) ?? { name: named, labels: { ...labels }, declared: false };
    const name = `{new-namespace-${++fresh}}`;
    return { name, labels: { ...labels, [NAMESPACE_NAME_LABEL]: name }, declared: false };
  };
  const add = (label, namespace, podLabels) => {
    const key = `${namespace.name}\0${JSON.stringify(Object.entries(podLabels).sort())}`;
    if (seen.has(key)) return;
    seen.add(key);
    reps.push({ label, namespace, podLabels });
  };
  add(ENTIRE_CLUSTER, newNamespace({}), {});
  for (const p of policies) {
    for (const d of ["ingress", "egress"]) {
      for (const r of p.rules[d]) {
        for (const peer of r.peers) {
          if (peer.kind !== "pods") continue;
          const pods = labelsFor(peer.pods);
          if (!pods) continue;
          const ns = representativeNamespace(peer.namespaces, cluster, newNamespace);
          if (!ns) continue;
          const nsLabel = peer.namespaces.kind === "named" ? peer.namespaces.name : `[namespace with ${describeSelector(peer.namespaces.selector)}]`;
          add(`${nsLabel}/${describePods(peer.pods)}`, ns, pods);
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
  const engine = new PolicyEngine({ ...cluster, namespaces, workloads: [...real, ...hypothetical] }, options);
  const labelOf = new Map(hypothetical.map((w, i) => [workloadKey(w.ref), reps[i].label]));
  const realKeys = new Set(real.map((w) => workloadKey(w.ref)));
  const egress = /* @__PURE__ */ new Map();
  const ingress = /* @__PURE__ */ new Map();
  const put = (m, workload, peer, conns) => {
    let inner = m.get(workload);
    if (!inner) m.set(workload, inner = /* @__PURE__ */ new Map());
    inner.set(peer, (inner.get(peer) ?? ConnectionSet.NONE).union(conns));
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
  return { value: { egress: entries(egress), ingress: entries(ingress) }, diagnostics: [] };
}
function entries(m) {
  const out = [];
  for (const [workload, peers] of [...m].sort(([a], [b]) => compareStrings(a, b))) {
    const everyone = peers.get(ENTIRE_CLUSTER) ?? ConnectionSet.NONE;
    for (const [peer, conns] of [...peers].sort(([a], [b]) => compareStrings(a, b))) {
      const representative = peer !== ENTIRE_CLUSTER && !peer.endsWith("[External]");
      if (representative && conns.isSubsetOf(everyone)) continue;
      out.push({ workload, peer, conns });
    }
  }
  return out;
}
function representativeNamespace(match, cluster, newNamespace) {
  if (match.kind === "named") return cluster.namespaces.get(match.name) ?? { name: match.name, labels: { [NAMESPACE_NAME_LABEL]: match.name }, declared: false };
  const labels = labelsFor(match.selector);
  return labels ? newNamespace(labels) : void 0;
}

export {
  analyzeExposure
};
