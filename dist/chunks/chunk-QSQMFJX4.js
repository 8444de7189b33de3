import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  findAddresses
} from "./chunk-MA43MP6U.js";
import {
  ConnectionSet,
  compareStrings,
  originRef,
  serviceWorkloads,
  targetConns,
  workloadKey,
  workloadsByNamespace
} from "./chunk-UEFEOPBB.js";

// src/topology/gaps.ts
var CLOSE_INGRESS = "add the callers as reviewed links (scan --format yaml, edit, synthesize --links FILE), or observed traffic (--traffic), or close with --gaps=namespace|open";
var CLOSE_EGRESS = "add the destination as a reviewed link (synthesize --links FILE), or observed traffic (--traffic), or close with --gaps=namespace|open";
var CLOSE_API = "add a reviewed link to the API server address block (synthesize --links FILE, dst: <control-plane CIDR>), or close with --gaps=namespace|open";
function listeningConns(w, selectedBy) {
  let conns = ConnectionSet.NONE;
  for (const s of selectedBy) conns = conns.union(targetConns(s.ports, w.pods));
  for (const pod of w.pods) for (const p of pod.ports) conns = conns.union(ConnectionSet.port(p.protocol, p.port));
  return conns;
}
function findGaps(cluster, topology) {
  const gaps = [];
  const reached = /* @__PURE__ */ new Set();
  for (const l of topology.links) if (l.dst.kind === "workload") reached.add(workloadKey(l.dst.ref));
  const byNs = workloadsByNamespace(cluster.workloads);
  const selectedBy = /* @__PURE__ */ new Map();
  for (const o of cluster.objects) {
    if (o.kind !== "Service") continue;
    for (const w of serviceWorkloads(o.object, byNs)) {
      const list = selectedBy.get(workloadKey(w.ref)) ?? [];
      list.push({ ports: o.object.spec?.ports ?? [] });
      selectedBy.set(workloadKey(w.ref), list);
    }
  }
  for (const w of cluster.workloads) {
    const key = workloadKey(w.ref);
    if (reached.has(key)) continue;
    const services = selectedBy.get(key) ?? [];
    const conns = listeningConns(w, services);
    if (conns.isEmpty && services.length === 0) continue;
    gaps.push({
      direction: "ingress",
      workload: w.ref,
      reason: "no-ingress-source",
      detail: `listens on ${conns.isEmpty ? "ports no container declares" : conns.toString()} but no manifest names a caller`,
      at: originRef(w.origin, ["metadata", "name"]),
      conns: conns.isEmpty ? ConnectionSet.ALL : conns,
      close: CLOSE_INGRESS
    });
  }
  for (const u of topology.unresolved) {
    const port = findAddresses(u.value).find((c) => c.port !== void 0 && /^\d+$/.test(c.port))?.port;
    const n = port !== void 0 ? Number(port) : void 0;
    const conns = n !== void 0 && n >= 1 && n <= 65535 ? ConnectionSet.port("TCP", n) : ConnectionSet.ALL;
    gaps.push({
      direction: "egress",
      workload: u.workload,
      reason: u.reason,
      detail: u.detail,
      at: u.at,
      ...u.via ? { via: u.via } : {},
      value: u.value,
      conns,
      close: u.reason === "api-server" ? CLOSE_API : CLOSE_EGRESS
    });
  }
  return gaps.sort(
    (a, b) => compareStrings(workloadKey(a.workload), workloadKey(b.workload)) || compareStrings(a.direction, b.direction) || compareStrings(a.at.file, b.at.file) || (a.at.line ?? 0) - (b.at.line ?? 0) || compareStrings(a.value ?? "", b.value ?? "")
  );
}

export {
  findGaps
};
