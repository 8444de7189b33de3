import type { Connectivity } from '../connectivity/engine.js';
import { peerKey } from '../connectivity/engine.js';
import { csvCell, escapeDot, escapeMarkdown, escapeMermaid, oneLine } from './escape.js';

export const CONNECTIVITY_FORMATS = ['txt', 'json', 'csv', 'md', 'dot', 'mermaid', 'svg', 'png', 'tree'] as const;
export type ConnectivityFormat = (typeof CONNECTIVITY_FORMATS)[number];

/** One line per allowed pair, in netpol-analyzer's format: `src => dst : conns`. */
export function renderConnectivityTxt(c: Connectivity): string {
  return c.connections.map((x) => `${oneLine(`${peerKey(x.src)} => ${peerKey(x.dst)} : ${x.conns.toString()}`)}\n`).join('');
}

export function renderConnectivityJson(c: Connectivity): string {
  const rows = c.connections.map((x) => ({ src: peerKey(x.src), dst: peerKey(x.dst), conn: x.conns.toString() }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

export function renderConnectivityCsv(c: Connectivity): string {
  const lines = ['src,dst,conn'];
  for (const x of c.connections) lines.push([peerKey(x.src), peerKey(x.dst), x.conns.toString()].map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

export function renderConnectivityMd(c: Connectivity): string {
  const lines = ['| src | dst | conn |', '|-----|-----|------|'];
  for (const x of c.connections) lines.push(`| ${escapeMarkdown(peerKey(x.src))} | ${escapeMarkdown(peerKey(x.dst))} | ${escapeMarkdown(x.conns.toString())} |`);
  return `${lines.join('\n')}\n`;
}

/** Nodes are grouped by namespace; external ranges and the ingress controller stand apart. */
export function renderConnectivityDot(c: Connectivity): string {
  const ids = new Map<string, string>();
  const byNs = new Map<string, string[]>();
  const other: string[] = [];
  const node = (key: string, ns?: string) => {
    if (!ids.has(key)) {
      ids.set(key, `n${ids.size}`);
      if (ns !== undefined) {
        const list = byNs.get(ns) ?? [];
        list.push(key);
        byNs.set(ns, list);
      } else other.push(key);
    }
    return ids.get(key) as string;
  };
  for (const w of c.workloads) node(peerKey({ kind: 'workload', ref: w }), w.namespace);
  const edges: string[] = [];
  for (const x of c.connections) {
    const s = node(peerKey(x.src), x.src.kind === 'workload' ? x.src.ref.namespace : undefined);
    const d = node(peerKey(x.dst), x.dst.kind === 'workload' ? x.dst.ref.namespace : undefined);
    edges.push(`\t${s} -> ${d} [label="${escapeDot(x.conns.toString())}" color="gold2" fontcolor="darkgreen"]`);
  }
  const out = ['digraph {'];
  for (const [ns, keys] of [...byNs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push(`\tsubgraph "cluster_${escapeDot(ns)}" {`, `\t\tlabel="${escapeDot(ns)}"`);
    for (const k of keys) out.push(`\t\t${ids.get(k)} [label="${escapeDot(k.slice(ns.length + 1))}" shape="box"]`);
    out.push('\t}');
  }
  for (const k of other) out.push(`\t${ids.get(k)} [label="${escapeDot(k)}" shape="${k.startsWith('{') ? 'oval' : 'diamond'}"]`);
  out.push(...edges, '}');
  return `${out.join('\n')}\n`;
}

export function renderConnectivityMermaid(c: Connectivity): string {
  const ids = new Map<string, string>();
  const id = (k: string) => {
    if (!ids.has(k)) ids.set(k, `n${ids.size}`);
    return ids.get(k) as string;
  };
  const lines = ['graph LR'];
  for (const x of c.connections) {
    const s = peerKey(x.src);
    const d = peerKey(x.dst);
    lines.push(`  ${id(s)}["${escapeMermaid(s)}"] -->|"${escapeMermaid(x.conns.toString())}"| ${id(d)}["${escapeMermaid(d)}"]`);
  }
  return `${lines.join('\n')}\n`;
}
