import { z } from 'zod';
import { parseConns, type ConnectionSet } from '../model/connection-set.js';
import { DEFAULT_NAMESPACE, type Cluster, type Workload } from '../manifests/cluster.js';
import { targetConns, type ServicePort } from '../manifests/service-ports.js';
import { serviceWorkloads, workloadsByNamespace } from '../connectivity/exposure.js';
import { parsePeer, peerKey, type Peer, type WorkloadRef } from '../model/peer.js';
import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseManifestFile } from '../manifests/documents.js';
import { locate } from '../manifests/positions.js';
import type { Evidence, Link } from './links.js';
import { editDistance } from '../model/edit-distance.js';

// each link is checked on its own, so one malformed entry neither hides the errors of the others nor drops them
const LinkFileSchema = z.object({ links: z.array(z.unknown()) });
/**
 * One entry, strict: a field the format does not have is a typo that would silently change what
 * the link allows (`port: 8080` for `conns:`, `destination:` for `dst:`), so the entry is rejected
 * with an error at that field (NPC260). `origin` is what `scan --traffic` writes (informational);
 * `evidence` is provenance written by scan and merge, read back best-effort.
 */
const LinkSchema = z.strictObject({
  src: z.string(),
  dst: z.string(),
  conns: z.string(),
  origin: z.enum(['declared', 'observed', 'both']).optional(),
  evidence: z.array(z.record(z.string(), z.unknown())).optional(),
});
const LINK_FIELDS = Object.keys(LinkSchema.shape);

/** Names people write for a link's fields (kubectl's, netpol-analyzer's), each with the field it means. */
const FIELD_SYNONYMS: Readonly<Record<string, string>> = { port: 'conns', ports: 'conns', connections: 'conns', protocol: 'conns', from: 'src', source: 'src', to: 'dst', destination: 'dst', dest: 'dst' };

/** The field a misspelt one most likely meant: the field or synonym nearest by edit distance. */
function meantField(key: string): string | undefined {
  const k = key.trim().toLowerCase();
  let best: { field: string; d: number } | undefined;
  for (const [name, field] of [...LINK_FIELDS.map((f) => [f, f] as const), ...Object.entries(FIELD_SYNONYMS)]) {
    const d = editDistance(k, name);
    // short names are close to everything: one edit for them, two for longer ones
    if (d <= (name.length >= 5 ? 2 : 1) && (!best || d < best.d)) best = { field, d };
  }
  return best?.field;
}


const AddressEvidence = z.object({ kind: z.literal('address'), file: z.string(), line: z.number(), path: z.array(z.union([z.string(), z.number()])).optional(), value: z.string(), service: z.string().optional() }).loose();
const ExposureEvidence = z.object({ kind: z.literal('exposure'), object: z.string(), file: z.string(), line: z.number() }).loose();
const TraceEvidence = z
  .object({ kind: z.literal('trace'), event: z.string(), file: z.string(), line: z.number(), count: z.number().int().nonnegative(), firstSeen: z.string().optional(), lastSeen: z.string().optional() })
  .loose();

/** The evidence `scan --format json|yaml` wrote, read back so that reviewed links keep their provenance. */
function evidenceFrom(raw: readonly Record<string, unknown>[] | undefined): Evidence[] {
  const out: Evidence[] = [];
  for (const e of raw ?? []) {
    const a = AddressEvidence.safeParse(e);
    if (a.success) {
      out.push({ kind: 'address', at: { file: a.data.file, doc: 0, line: a.data.line, ...(a.data.path ? { path: a.data.path } : {}) }, value: a.data.value, ...(a.data.service ? { service: a.data.service } : {}) });
      continue;
    }
    const x = ExposureEvidence.safeParse(e);
    if (x.success) {
      out.push({ kind: 'exposure', object: x.data.object, at: { file: x.data.file, doc: 0, line: x.data.line } });
      continue;
    }
    const t = TraceEvidence.safeParse(e);
    if (t.success) {
      const { event, file, line, count, firstSeen, lastSeen } = t.data;
      out.push({ kind: 'trace', event, file, line, count, ...(firstSeen !== undefined ? { firstSeen, lastSeen: lastSeen ?? firstSeen } : {}) });
    }
  }
  return out;
}

/**
 * Reads a link list written by `scan --format json|yaml` (possibly reviewed and edited by hand);
 * errors name the file, line and field. Peers are any `peerKey` form, `ns/name` (with `workloads`),
 * or `svc:ns/name` (with `cluster`): the workloads a Service selects, a destination's `conns`
 * naming the Service's ports.
 */
export function parseLinksFile(file: string, text: string, workloads?: readonly WorkloadRef[], cluster?: Cluster): { links: Link[]; diagnostics: Diagnostic[] } {
  const parsedFile = parseManifestFile({ path: file, text });
  const doc = parsedFile.documents[0];
  if (parsedFile.diagnostics.some((d) => d.severity === 'error') || !doc) {
    return { links: [], diagnostics: parsedFile.diagnostics.length > 0 ? parsedFile.diagnostics : [diag(Codes.invalidField, 'error', 'empty links file', { file, doc: 1, line: 1 })] };
  }
  const diagnostics: Diagnostic[] = [...parsedFile.diagnostics];
  const issues = (error: z.ZodError, prefix: readonly (string | number)[]) =>
    error.issues.flatMap((i) => {
      const at = [...prefix, ...i.path.filter((p): p is string | number => typeof p !== 'symbol')];
      if (i.code !== 'unrecognized_keys') return [diag(Codes.invalidField, 'error', i.message, locate(doc, at))];
      // one error per unknown field, at its own line, naming what it most likely meant
      return i.keys.map((key) => {
        const meant = meantField(key);
        return diag(
          Codes.linkUnknownField,
          'error',
          `unknown field ${JSON.stringify(key)} in a link (a link has ${LINK_FIELDS.join(', ')}); the link is rejected rather than read without it`,
          locate(doc, [...at, key]),
          meant ? `did you mean ${meant}?` : undefined,
        );
      });
    });
  const parsed = LinkFileSchema.safeParse(doc.value);
  if (!parsed.success) return { links: [], diagnostics: [...diagnostics, ...issues(parsed.error, [])] };
  const links: Link[] = [];
  const services = cluster ? serviceIndex(cluster) : undefined;
  parsed.data.links.forEach((raw, i) => {
    const one = LinkSchema.safeParse(raw);
    if (!one.success) {
      diagnostics.push(...issues(one.error, ['links', i]));
      return;
    }
    const l = one.data;
    const at = (field: string) => locate(doc, ['links', i, field]);
    // `svc:ns/name`: the workloads the Service selects (a destination's ports are the Service's ports, reached at their targets)
    const service = (text: string, field: 'src' | 'dst'): { svc: ServiceEntry } | undefined | false => {
      const m = /^svc:([^/\s]+)\/([^/\s]+)$/.exec(text.trim());
      if (!m) return undefined;
      if (!services) {
        diagnostics.push(diag(Codes.invalidField, 'error', `not a peer without the manifests: ${text.trim()} names a Service, resolved only against manifests (--manifests)`, at(field)));
        return false;
      }
      const svc = services.get(`${m[1]}/${m[2]}`);
      if (!svc) {
        diagnostics.push(diag(Codes.invalidField, 'error', `not a peer: no Service ${m[1]}/${m[2]} in the manifests`, at(field)));
        return false;
      }
      if (svc.workloads.length === 0) {
        diagnostics.push(diag(Codes.invalidField, 'error', `not a peer: Service ${m[1]}/${m[2]} selects no workload in the manifests`, at(field)));
        return false;
      }
      return { svc };
    };
    const peer = (text: string, field: 'src' | 'dst'): Peer | undefined => {
      // a workload the manifests lack is the synthesizer's to report (with the link); here only the form is checked
      const r = parsePeer(text, workloads && /^[^/\s[\]]+\/[^/\s[\]]+$/.test(text.trim()) ? workloads : undefined);
      if (r.ok) return r.peer;
      diagnostics.push(diag(Codes.invalidField, 'error', `not a peer: ${r.error}`, at(field)));
      return undefined;
    };
    const srcSvc = service(l.src, 'src');
    const dstSvc = service(l.dst, 'dst');
    if (srcSvc === false || dstSvc === false) return;
    const srcs: Peer[] = srcSvc ? srcSvc.svc.workloads.map((w) => ({ kind: 'workload', ref: w.ref })) : [peer(l.src, 'src')].filter((p): p is Peer => p !== undefined);
    const conns = parseConns(l.conns);
    if (!conns) diagnostics.push(diag(Codes.invalidField, 'error', `not a connection set: ${JSON.stringify(l.conns)}`, at('conns')));
    const dsts: { peer: Peer; conns: ConnectionSet | undefined }[] = dstSvc
      ? dstSvc.svc.workloads.map((w) => ({ peer: { kind: 'workload', ref: w.ref } as Peer, conns: conns && servicePortsToTargets(dstSvc.svc, w, conns) }))
      : [peer(l.dst, 'dst')].filter((p): p is Peer => p !== undefined).map((p) => ({ peer: p, conns }));
    if (srcs.length === 0 || dsts.length === 0 || !conns) return;
    const evidence: Evidence[] = [...evidenceFrom(l.evidence), { kind: 'intent', at: locate(doc, ['links', i]) }];
    for (const src of srcs) {
      for (const d of dsts) {
        // never dropped in silence: a reviewer wrote this link and must learn why it allows nothing
        // a Service's workloads paired with themselves by its expansion were not written as such; a
        // workload written to itself is a self use (its pods calling each other), which policies must
        // allow as any other traffic: Kubernetes has no same-workload allowance
        if (peerKey(src) === peerKey(d.peer) && (srcSvc || dstSvc)) continue;
        if (!d.conns || d.conns.isEmpty) {
          diagnostics.push(diag(Codes.linkNoServicePort, 'warning', `${JSON.stringify(l.conns)} names no port of ${l.dst.trim()} reaching ${peerKey(d.peer)}: the link allows nothing and is left out`, at('conns')));
        } else links.push({ src, dst: d.peer, conns: d.conns, evidence });
      }
    }
  });
  return { links, diagnostics };
}

type ServiceEntry = { readonly ports: readonly ServicePort[]; readonly workloads: readonly Workload[] };

function serviceIndex(cluster: Cluster): Map<string, ServiceEntry> {
  const byNs = workloadsByNamespace(cluster.workloads);
  const out = new Map<string, ServiceEntry>();
  for (const o of cluster.objects) {
    if (o.kind !== 'Service') continue;
    out.set(`${o.object.metadata.namespace || DEFAULT_NAMESPACE}/${o.object.metadata.name}`, { ports: o.object.spec?.ports ?? [], workloads: serviceWorkloads(o.object, byNs) });
  }
  return out;
}

/** Connections to a Service (its ports, as clients dial them) -> the container ports they reach on one of its workloads. */
function servicePortsToTargets(svc: ServiceEntry, w: Workload, conns: ConnectionSet): ConnectionSet {
  if (conns.isAll) return targetConns(svc.ports, w.pods);
  return targetConns(svc.ports.filter((sp) => conns.allows(sp.protocol ?? 'TCP', sp.port)), w.pods);
}
