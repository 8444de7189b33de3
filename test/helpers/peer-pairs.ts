import { ConnectionSet, parseConns } from '../../src/model/connection-set.js';
import { IntervalSet } from '../../src/model/interval-set.js';

/**
 * Connectivity listings of different tools as one comparable form: a map from `src => dst` to the
 * allowed connections, with external address ranges cut into the common pieces of every listing
 * compared (tools cut the address space at different points; `0.0.0.0-9.255.255.255` on one side
 * and `0.0.0.0-10.1.2.2` on the other compare piece by piece).
 */
type Family = 4 | 6;
type Endpoint = { readonly kind: 'workload'; readonly key: string } | { readonly kind: 'external'; readonly family: Family; readonly lo: bigint; readonly hi: bigint };
export type Row = readonly [readonly Endpoint[], readonly Endpoint[], ConnectionSet];

const familyOf = (text: string): Family => (text.includes(':') ? 6 : 4);
const BITS: Record<Family, number> = { 4: 32, 6: 128 };

/** An IPv4 or IPv6 address (`::` compression allowed) as a number. */
function ipNumber(text: string): bigint {
  if (familyOf(text) === 4) return text.split('.').reduce((a, b) => a * 256n + BigInt(b), 0n);
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, undefined];
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const all = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return all.reduce((a, g) => a * 65536n + BigInt(parseInt(g, 16)), 0n);
}
function ipText(n: bigint, family: Family): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => ((n >> s) & 255n).toString()).join('.');
  return [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => ((n >> s) & 65535n).toString(16)).join(':');
}

/**
 * `a.b.c.d-e.f.g.h[External]` or its IPv6 form, a comma-separated list of such ranges, addresses
 * or CIDRs (nca writes no `[External]`), or a workload key (which always holds a `[Kind]` or `{`).
 */
function endpoints(text: string): Endpoint[] {
  // our txt output escapes a line's leading `::` (src/diagnostics/sanitize.ts safeLine: GitHub's
  // runner reads such a line as a workflow command), so an IPv6 source from `::` reads `\x3a:`
  const t = text.replace(/^\\x3a:/, '::').replace(/\[External\]$/, '');
  if (/[[{]/.test(t) || !/^[0-9a-fA-F.:]+([-/,]|$)/.test(t)) return [{ kind: 'workload', key: text }];
  return t.split(',').map((r) => {
    const family = familyOf(r);
    if (r.includes('/')) {
      const [a, bits] = r.split('/') as [string, string];
      const size = 1n << BigInt(BITS[family] - Number(bits));
      const lo = (ipNumber(a) / size) * size;
      return { kind: 'external', family, lo, hi: lo + size - 1n };
    }
    const [lo, hi] = r.split('-') as [string, string | undefined];
    return { kind: 'external', family, lo: ipNumber(lo), hi: ipNumber(hi ?? lo) };
  });
}

/**
 * nca's `txt_no_fw_rules` connections: `All connections`, `{protocols:TCP,dst_ports:80-90},...`,
 * or a complement, `All but {protocols:TCP}` (its semantic diff writes what a pair gained so).
 */
function ncaConns(text: string): ConnectionSet {
  if (/^All connections$/i.test(text.trim())) return ConnectionSet.ALL;
  const but = /^All but (.*)$/i.exec(text.trim());
  if (but) return ConnectionSet.ALL.subtract(ncaConns(but[1] as string));
  let out = ConnectionSet.NONE;
  for (const m of text.matchAll(/\{protocols:([A-Z, ]+?)(?:,dst_ports:([0-9,-]+?))?(?:,hosts:[^}]*)?\}/g)) {
    const ports = m[2]
      ? IntervalSet.of(m[2].split(',').map((p) => { const [a, b] = p.split('-'); return [Number(a), Number(b ?? a)] as [number, number]; }))
      : IntervalSet.range(1, 65535);
    for (const p of (m[1] as string).split(',').map((s) => s.trim())) if (p === 'TCP' || p === 'UDP' || p === 'SCTP') out = out.union(ConnectionSet.of(p, ports));
  }
  return out;
}

/** The `src => dst : conns` lines of a listing; `format` says whose connection notation it uses. */
export function parseListing(text: string, format: 'netpol-analyzer' | 'nca'): Row[] {
  const rows: Row[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\S+) => (\S+) : (.*)$/.exec(line.trim());
    if (!m) continue;
    const conns = format === 'nca' ? ncaConns(m[3] as string) : parseConns(m[3] as string);
    if (conns === undefined) throw new Error(`unreadable connections in: ${line}`);
    rows.push([endpoints(m[1] as string), endpoints(m[2] as string), conns]);
  }
  return rows;
}

/**
 * Both listings as maps from `src => dst` to connections, with external ranges cut into the
 * common pieces of the two (a piece is `a.b.c.d-e.f.g.h`); self-pairs dropped.
 */
export function refinedPairs(a: readonly Row[], b: readonly Row[]): [Map<string, ConnectionSet>, Map<string, ConnectionSet>] {
  // cut each family's space at every range edge either listing has
  const cuts: Record<Family, Set<bigint>> = { 4: new Set(), 6: new Set() };
  for (const rows of [a, b]) for (const [s, d] of rows) for (const e of [...s, ...d]) if (e.kind === 'external') cuts[e.family].add(e.lo).add(e.hi + 1n);
  const sorted = { 4: [...cuts[4]].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)), 6: [...cuts[6]].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)) };
  const pieces = (e: Endpoint): string[] => {
    if (e.kind === 'workload') return [e.key];
    const out: string[] = [];
    let lo = e.lo;
    for (const c of sorted[e.family]) {
      if (c > lo && c <= e.hi) {
        out.push(`${ipText(lo, e.family)}-${ipText(c - 1n, e.family)}`);
        lo = c;
      }
    }
    out.push(`${ipText(lo, e.family)}-${ipText(e.hi, e.family)}`);
    return out;
  };
  const pairs = (rows: readonly Row[]): Map<string, ConnectionSet> => {
    const m = new Map<string, ConnectionSet>();
    for (const [s, d, c] of rows) {
      for (const x of s.flatMap(pieces)) {
        for (const y of d.flatMap(pieces)) {
          if (x === y) continue;
          const k = `${x} => ${y}`;
          m.set(k, (m.get(k) ?? ConnectionSet.NONE).union(c));
        }
      }
    }
    return m;
  };
  return [pairs(a), pairs(b)];
}

/**
 * The pairs where the listings differ, as `src => dst : A | B`, sorted; `skip` leaves pairs out
 * of the comparison (models of things the manifests do not contain).
 */
export function differingPairs(a: readonly Row[], b: readonly Row[], skip: (pair: string) => boolean = () => false): string[] {
  const [ma, mb] = refinedPairs(a, b);
  const diffs: string[] = [];
  for (const k of [...new Set([...ma.keys(), ...mb.keys()])].sort()) {
    if (skip(k)) continue;
    const x = ma.get(k) ?? ConnectionSet.NONE;
    const y = mb.get(k) ?? ConnectionSet.NONE;
    if (!x.equals(y)) diffs.push(`${k} : ${x.toString()} | ${y.toString()}`);
  }
  return diffs;
}
