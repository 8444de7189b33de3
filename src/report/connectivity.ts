import type { Connectivity, Peer } from '../connectivity/engine.js';
import { peerKey } from '../connectivity/engine.js';
import { visible } from '../diagnostics/sanitize.js';
import type { ConnectionSet } from '../model/connection-set.js';
import { csvCell, escapeDot, escapeMarkdown, escapeMermaid, oneLine } from './escape.js';

export const CONNECTIVITY_FORMATS = ['txt', 'json', 'csv', 'md', 'dot', 'mermaid', 'svg', 'png', 'tree'] as const;
export type ConnectivityFormat = (typeof CONNECTIVITY_FORMATS)[number];

/**
 * Text per peer and per connection set, computed once each: the engine shares one Peer object per
 * workload and one ConnectionSet per class pair among its lines, so 100,000 lines need only a few
 * thousand key and escape computations.
 */
class TextCache<T extends object> {
  private readonly cache = new Map<T, string>();
  constructor(private readonly text: (x: T) => string) {}
  of(x: T): string {
    let t = this.cache.get(x);
    if (t === undefined) this.cache.set(x, (t = this.text(x)));
    return t;
  }
}

/** Lines gathered into pieces of about 64 KiB: few writes, and never the whole report in one string. */
function* inPieces(lines: Iterable<string>): Generator<string> {
  let piece = '';
  for (const line of lines) {
    piece += line;
    if (piece.length >= 65536) {
      yield piece;
      piece = '';
    }
  }
  if (piece !== '') yield piece;
}

/**
 * One line per allowed pair, in netpol-analyzer's format: `src => dst : conns`, in pieces. Each part
 * is made visible on its own (escaping is per character, and only the line's start, the source,
 * can begin a `::` workflow command), which is the same text as `oneLine` of the whole line.
 */
export function connectivityTxtChunks(c: Connectivity): Iterable<string> {
  return inPieces(txtLines(c));
}

function* txtLines(c: Connectivity): Generator<string> {
  const src = new TextCache((p: Peer) => oneLine(peerKey(p)));
  const dst = new TextCache((p: Peer) => visible(peerKey(p)));
  const conns = new TextCache((x: ConnectionSet) => visible(x.toString()));
  for (const x of c.connections) yield `${src.of(x.src)} => ${dst.of(x.dst)} : ${conns.of(x.conns)}\n`;
}

export function renderConnectivityTxt(c: Connectivity): string {
  return [...connectivityTxtChunks(c)].join('');
}

/** `JSON.stringify(rows, null, 2)` of `{src, dst, conn}` rows and a newline, in pieces, written row by row from cached JSON strings. */
export function connectivityJsonChunks(c: Connectivity): Iterable<string> {
  return inPieces(jsonLines(c));
}

function* jsonLines(c: Connectivity): Generator<string> {
  if (c.connections.length === 0) {
    yield '[]\n';
    return;
  }
  const peer = new TextCache((p: Peer) => JSON.stringify(peerKey(p)));
  const conns = new TextCache((x: ConnectionSet) => JSON.stringify(x.toString()));
  let first = true;
  for (const x of c.connections) {
    yield `${first ? '[\n' : ',\n'}  {\n    "src": ${peer.of(x.src)},\n    "dst": ${peer.of(x.dst)},\n    "conn": ${conns.of(x.conns)}\n  }`;
    first = false;
  }
  yield '\n]\n';
}

export function renderConnectivityJson(c: Connectivity): string {
  return [...connectivityJsonChunks(c)].join('');
}

export function connectivityCsvChunks(c: Connectivity): Iterable<string> {
  return inPieces(csvLines(c));
}

function* csvLines(c: Connectivity): Generator<string> {
  const peer = new TextCache((p: Peer) => csvCell(peerKey(p)));
  const conns = new TextCache((x: ConnectionSet) => csvCell(x.toString()));
  yield 'src,dst,conn\n';
  for (const x of c.connections) yield `${peer.of(x.src)},${peer.of(x.dst)},${conns.of(x.conns)}\n`;
}

export function renderConnectivityCsv(c: Connectivity): string {
  return [...connectivityCsvChunks(c)].join('');
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
