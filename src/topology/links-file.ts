import { load } from 'js-yaml';
import { z } from 'zod';
import { ConnectionSet, isProtocol } from '../connectivity/connection-set.js';
import { IntervalSet } from '../connectivity/interval-set.js';
import { parseCidr } from '../connectivity/ip.js';
import { Codes, diag, type Diagnostic } from '../diagnostics.js';
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

/** Reads a link list written by `scan --format json|yaml` (possibly reviewed and edited by hand). */
export function parseLinksFile(file: string, text: string): { links: Link[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let data: unknown;
  try {
    data = load(text);
  } catch (e) {
    return { links: [], diagnostics: [diag(Codes.yamlSyntax, 'error', `cannot parse links file: ${(e as Error).message.split('\n')[0]}`, { file, doc: 1 })] };
  }
  const parsed = LinkFileSchema.safeParse(data);
  if (!parsed.success) {
    return { links: [], diagnostics: parsed.error.issues.map((i) => diag(Codes.invalidField, 'error', i.message, { file, doc: 1, path: i.path.filter((p): p is string | number => typeof p !== 'symbol') })) };
  }
  const links: Link[] = [];
  parsed.data.links.forEach((l, i) => {
    const src = parseLinkPeer(l.src);
    const dst = parseLinkPeer(l.dst);
    const conns = parseConns(l.conns);
    const at = (field: string) => ({ file, doc: 1, path: ['links', i, field] });
    if (!src) diagnostics.push(diag(Codes.invalidField, 'error', `not a peer: ${JSON.stringify(l.src)}`, at('src')));
    if (!dst) diagnostics.push(diag(Codes.invalidField, 'error', `not a peer: ${JSON.stringify(l.dst)}`, at('dst')));
    if (!conns) diagnostics.push(diag(Codes.invalidField, 'error', `not a connection set: ${JSON.stringify(l.conns)}`, at('conns')));
    if (!src || !dst || !conns) return;
    const evidence: Evidence[] = [{ kind: 'intent', at: { file, doc: 1, path: ['links', i] } }];
    links.push({ src, dst, conns, evidence });
  });
  return { links, diagnostics };
}
