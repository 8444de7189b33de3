import { z } from 'zod';
import { parseConns } from '../model/connection-set.js';
import { parsePeer, type Peer, type WorkloadRef } from '../model/peer.js';
import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseManifestFile } from '../manifests/documents.js';
import { locate } from '../manifests/positions.js';
import type { Evidence, Link } from './links.js';

const LinkFileSchema = z.object({
  links: z.array(
    z
      .object({
        src: z.string(),
        dst: z.string(),
        conns: z.string(),
        evidence: z.array(z.record(z.string(), z.unknown())).optional(),
      })
      .loose(),
  ),
});

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

/** Reads a link list written by `scan --format json|yaml` (possibly reviewed and edited by hand); errors name the file, line and field. */
export function parseLinksFile(file: string, text: string, workloads?: readonly WorkloadRef[]): { links: Link[]; diagnostics: Diagnostic[] } {
  const parsedFile = parseManifestFile({ path: file, text });
  const doc = parsedFile.documents[0];
  if (parsedFile.diagnostics.some((d) => d.severity === 'error') || !doc) {
    return { links: [], diagnostics: parsedFile.diagnostics.length > 0 ? parsedFile.diagnostics : [diag(Codes.invalidField, 'error', 'empty links file', { file, doc: 1, line: 1 })] };
  }
  const diagnostics: Diagnostic[] = [...parsedFile.diagnostics];
  const parsed = LinkFileSchema.safeParse(doc.value);
  if (!parsed.success) {
    return { links: [], diagnostics: parsed.error.issues.map((i) => diag(Codes.invalidField, 'error', i.message, locate(doc, i.path.filter((p): p is string | number => typeof p !== 'symbol')))) };
  }
  const links: Link[] = [];
  parsed.data.links.forEach((l, i) => {
    const peer = (text: string, field: 'src' | 'dst'): Peer | undefined => {
      // a workload the manifests lack is the synthesizer's to report (with the link); here only the form is checked
      const r = parsePeer(text, workloads && /^[^/\s[\]]+\/[^/\s[\]]+$/.test(text.trim()) ? workloads : undefined);
      if (r.ok) return r.peer;
      diagnostics.push(diag(Codes.invalidField, 'error', `not a peer: ${r.error}`, locate(doc, ['links', i, field])));
      return undefined;
    };
    const src = peer(l.src, 'src');
    const dst = peer(l.dst, 'dst');
    const conns = parseConns(l.conns);
    if (!conns) diagnostics.push(diag(Codes.invalidField, 'error', `not a connection set: ${JSON.stringify(l.conns)}`, locate(doc, ['links', i, 'conns'])));
    if (!src || !dst || !conns) return;
    const evidence: Evidence[] = [...evidenceFrom(l.evidence), { kind: 'intent', at: locate(doc, ['links', i]) }];
    links.push({ src, dst, conns, evidence });
  });
  return { links, diagnostics };
}
