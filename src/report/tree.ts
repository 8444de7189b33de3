import type { Connectivity } from '../connectivity/engine.js';
import { peerKey } from '../connectivity/engine.js';
import { compareStrings } from '../manifests/cluster.js';
import type { ConnectionSet } from '../model/connection-set.js';
import { oneLine } from './escape.js';

/** ANSI colours, or none (NO_COLOR, not a terminal, a file). */
export interface TreeStyle {
  readonly color: boolean;
}

const ANSI = { green: '\u001b[32m', yellow: '\u001b[33m', red: '\u001b[31m', bold: '\u001b[1m', dim: '\u001b[2m', reset: '\u001b[0m' };

/**
 * A per-workload tree of who reaches whom (netalchemy's `graph --terminal`):
 *
 *     backend/orders[Deployment]
 *     ├── reaches
 *     │   └── ✓ payments/payments[Deployment] : TCP 8080
 *     └── reached by
 *         └── ⚠ 0.0.0.0-255.255.255.255[External] : All Connections
 *
 * ✓ a connection limited to some ports, ⚠ all connections (no port limit), ✗ nothing in that
 * direction. Manifest names are made single-line; colours only when asked.
 */
export function renderConnectivityTree(c: Connectivity, style: TreeStyle): string {
  const paint = (code: string, text: string) => (style.color ? `${code}${text}${ANSI.reset}` : text);
  const out = new Map<string, { peer: string; conns: ConnectionSet }[]>();
  const inn = new Map<string, { peer: string; conns: ConnectionSet }[]>();
  const push = (m: typeof out, k: string, peer: string, conns: ConnectionSet) => {
    const list = m.get(k);
    if (list) list.push({ peer, conns });
    else m.set(k, [{ peer, conns }]);
  };
  for (const x of c.connections) {
    push(out, peerKey(x.src), peerKey(x.dst), x.conns);
    push(inn, peerKey(x.dst), peerKey(x.src), x.conns);
  }
  const workloads = c.workloads.map((w) => peerKey({ kind: 'workload', ref: w })).sort(compareStrings);
  const lines: string[] = [];
  const mark = (conns: ConnectionSet) => (conns.isAll ? paint(ANSI.yellow, '⚠') : paint(ANSI.green, '✓'));
  const branch = (title: string, items: { peer: string; conns: ConnectionSet }[] | undefined, last: boolean) => {
    const lead = last ? '└── ' : '├── ';
    const indent = last ? '    ' : '│   ';
    if (!items || items.length === 0) {
      lines.push(`${lead}${title} ${paint(ANSI.red, '✗')} ${paint(ANSI.dim, 'nothing')}`);
      return;
    }
    lines.push(`${lead}${title}`);
    items.forEach((it, i) => {
      const end = i === items.length - 1;
      lines.push(`${indent}${end ? '└── ' : '├── '}${mark(it.conns)} ${oneLine(it.peer)} : ${it.conns.toString()}`);
    });
  };
  for (const w of workloads) {
    lines.push(paint(ANSI.bold, oneLine(w)));
    branch('reaches', out.get(w), false);
    branch('reached by', inn.get(w), true);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
