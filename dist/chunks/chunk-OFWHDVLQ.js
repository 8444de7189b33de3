import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  DEFAULT_NAMESPACE,
  locate,
  parseConns,
  parsePeer,
  peerKey,
  serviceWorkloads,
  targetConns,
  workloadsByNamespace
} from "./chunk-YS4F6JR5.js";
import {
  Codes,
  diag,
  external_exports,
  parseManifestFile
} from "./chunk-TZ6IWUHF.js";

// src/topology/links-file.ts
var LinkFileSchema = external_exports.object({
  links: external_exports.array(
    external_exports.object({
      src: external_exports.string(),
      dst: external_exports.string(),
      conns: external_exports.string(),
      evidence: external_exports.array(external_exports.record(external_exports.string(), external_exports.unknown())).optional()
    }).loose()
  )
});
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
  const parsed = LinkFileSchema.safeParse(doc.value);
  if (!parsed.success) {
    return { links: [], diagnostics: parsed.error.issues.map((i) => diag(Codes.invalidField, "error", i.message, locate(doc, i.path.filter((p) => typeof p !== "symbol")))) };
  }
  const links = [];
  const services = cluster ? serviceIndex(cluster) : void 0;
  parsed.data.links.forEach((l, i) => {
    const at = (field) => locate(doc, ["links", i, field]);
    const service = (text2, field) => {
      const m = /^svc:([^/\s]+)\/([^/\s]+)$/.exec(text2.trim());
      if (!m) return void 0;
      const svc = services?.get(`${m[1]}/${m[2]}`);
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
    for (const src of srcs) for (const d of dsts) if (d.conns && !d.conns.isEmpty && peerKey(src) !== peerKey(d.peer)) links.push({ src, dst: d.peer, conns: d.conns, evidence });
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

export {
  parseLinksFile
};
