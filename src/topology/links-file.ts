import { z } from 'zod';
import { ConnectionSet, isProtocol } from '../connectivity/connection-set.js';
import { IntervalSet } from '../connectivity/interval-set.js';
import { parseCidr } from '../connectivity/ip.js';
import { Codes, diag, type Diagnostic } from '../diagnostics.js';
import { parseManifestFile } from '../manifests/documents.js';
import { locate } from '../manifests/positions.js';
import type { Evidence, Link, LinkPeer } from './links.js';

/** `All Connections`, `No Connections`, or `TCP 80,443,8000-8080,UDP 53`. */
export function parseConns(text: string): ConnectionSet | undefined {
  const t = text.trim();
  if (t === 'All Connections') return ConnectionSet.ALL;
  if (t === 'No Connections' || t === '') return ConnectionSet.NONE;
  let out = ConnectionSet.NONE;
  let proto: string | undefined;
  for (const item of t.split(',').map((s) => s.trim())) {
    const m = /^(?:(TCP|UDP|SCTP)\s+)?(\d+)(?:-(\d+))?$/.exec(item) ?? /^(TCP|UDP|SCTP)$/.exec(item);
    if (!m) return undefined;
    if (m[1]) proto = m[1];
    if (!proto || !isProtocol(proto)) return undefined;
    if (m[2] === undefined) {
      out = out.union(ConnectionSet.of(proto));
      continue;
    }
    const lo = Number(m[2]);
    const hi = m[3] !== undefined ? Number(m[3]) : lo;
    if (lo < 1 || hi > 65535 || hi < lo) return undefined;
    out = out.union(ConnectionSet.of(proto, IntervalSet.range(lo, hi)));
  }
  return out;
}

/** `ns/name[Kind]`, `{ingress-controller}`, `{gateway ns/name}`, `a.b.c.d-e.f.g.h[External]` or a CIDR. */
export function parseLinkPeer(text: string): LinkPeer | undefined {
  const t = text.trim();
  if (t === '{ingress-controller}') return { kind: 'ingress-controller' };
  const gw = /^\{gateway ([^/]+)\/([^}]+)\}$/.exec(t);
  if (gw) return { kind: 'gateway', namespace: gw[1] as string, name: gw[2] as string };
  const w = /^([^/\s]+)\/([^[\s]+)\[([A-Za-z]+)\]$/.exec(t);
  if (w && w[3] !== 'External') return { kind: 'workload', ref: { namespace: w[1] as string, name: w[2] as string, kind: w[3] as string } };
  const ext = t.replace(/\[External\]$/, '');
  const dash = /^([0-9a-f:.]+)-([0-9a-f:.]+)$/i.exec(ext);
  if (dash) {
    const lo = parseCidr(dash[1] as string);
    const hi = parseCidr(dash[2] as string);
    if (lo && hi && lo.family === hi.family) return { kind: 'external', range: { family: lo.family, lo: lo.lo, hi: hi.hi } };
    return undefined;
  }
  const cidr = parseCidr(ext);
  return cidr ? { kind: 'external', range: cidr } : undefined;
}

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
    if (x.success) out.push({ kind: 'exposure', object: x.data.object, at: { file: x.data.file, doc: 0, line: x.data.line } });
  }
  return out;
}

/** Reads a link list written by `scan --format json|yaml` (possibly reviewed and edited by hand); errors name the file, line and field. */
export function parseLinksFile(file: string, text: string): { links: Link[]; diagnostics: Diagnostic[] } {
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
    const src = parseLinkPeer(l.src);
    const dst = parseLinkPeer(l.dst);
    const conns = parseConns(l.conns);
    if (!src) diagnostics.push(diag(Codes.invalidField, 'error', `not a peer: ${JSON.stringify(l.src)}`, locate(doc, ['links', i, 'src'])));
    if (!dst) diagnostics.push(diag(Codes.invalidField, 'error', `not a peer: ${JSON.stringify(l.dst)}`, locate(doc, ['links', i, 'dst'])));
    if (!conns) diagnostics.push(diag(Codes.invalidField, 'error', `not a connection set: ${JSON.stringify(l.conns)}`, locate(doc, ['links', i, 'conns'])));
    if (!src || !dst || !conns) return;
    const evidence: Evidence[] = [...evidenceFrom(l.evidence), { kind: 'intent', at: locate(doc, ['links', i]) }];
    links.push({ src, dst, conns, evidence });
  });
  return { links, diagnostics };
}
