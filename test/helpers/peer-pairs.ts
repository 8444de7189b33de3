import { ConnectionSet, parseConns } from '../../src/model/connection-set.js';
import { IntervalSet } from '../../src/model/interval-set.js';

/**
 * Connectivity listings of different tools as one comparable form: a map from `src => dst` to the
 * allowed connections, with external address ranges cut into the common pieces of every listing
 * compared (tools cut the address space at different points; `0.0.0.0-9.255.255.255` on one side
 * and `0.0.0.0-10.1.2.2` on the other compare piece by piece).
 */
type Endpoint = { readonly kind: 'workload'; readonly key: string } | { readonly kind: 'external'; readonly lo: number; readonly hi: number };
export type Row = readonly [readonly Endpoint[], readonly Endpoint[], ConnectionSet];

const ipNumber = (text: string): number => text.split('.').reduce((a, b) => a * 256 + Number(b), 0);
const ipText = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/** `a.b.c.d-e.f.g.h[External]`, a comma-separated list of such ranges or CIDRs (nca), or a workload key. */
function endpoints(text: string): Endpoint[] {
  const t = text.replace(/\[External\]$/, '');
  if (!/^[0-9.]+([-/,]|$)/.test(t)) return [{ kind: 'workload', key: text }];
  return t.split(',').map((r) => {
    if (r.includes('/')) {
      const [a, bits] = r.split('/') as [string, string];
      const lo = ipNumber(a);
      return { kind: 'external', lo, hi: lo + 2 ** (32 - Number(bits)) - 1 };
    }
    const [lo, hi] = r.split('-') as [string, string | undefined];
    return { kind: 'external', lo: ipNumber(lo), hi: ipNumber(hi ?? lo) };
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
  const cuts = new Set<number>();
  for (const rows of [a, b]) for (const [s, d] of rows) for (const e of [...s, ...d]) if (e.kind === 'external') cuts.add(e.lo).add(e.hi + 1);
  const sorted = [...cuts].sort((x, y) => x - y);
  const pieces = (e: Endpoint): string[] => {
    if (e.kind === 'workload') return [e.key];
    const out: string[] = [];
    let lo = e.lo;
    for (const c of sorted) {
      if (c > lo && c <= e.hi) {
        out.push(`${ipText(lo)}-${ipText(c - 1)}`);
        lo = c;
      }
    }
    out.push(`${ipText(lo)}-${ipText(e.hi)}`);
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
