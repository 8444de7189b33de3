import type { CheckOutcome } from '../../pipeline/check.js';
import { MERMAID_EDGE_CAP } from '../diff.js';
import { escapeMermaid } from '../escape.js';

/**
 * The Mermaid graph of the changed edges, drawn from the report's own pairs rather than the raw
 * diff entries: an address peer is a node named as the sentences name it (`203.0.113.0/24`,
 * `0.0.0.0/0`), and the address atoms one sentence covers are one edge, so the graph and the text
 * above it speak of the same pairs. Colours as `diff --format mermaid`: green added, red removed,
 * amber changed.
 */
export function changedEdgesMermaid(o: CheckOutcome, cap = MERMAID_EDGE_CAP): string {
  const items = o.groups.flatMap((g) => g.items);
  const ids = new Map<string, string>();
  const node = (name: string) => {
    let id = ids.get(name);
    if (!id) ids.set(name, (id = `n${ids.size}`));
    return `${id}["${escapeMermaid(name)}"]`;
  };
  const lines = ['graph LR'];
  const styles: string[] = [];
  items.slice(0, cap).forEach((it, i) => {
    const label = it.kind === 'removed' ? `removed: ${it.before.toString()}` : it.kind === 'added' ? `added: ${it.after.toString()}` : `${it.before.toString()} to ${it.after.toString()}`;
    lines.push(`  ${node(it.src)} -->|"${escapeMermaid(label)}"| ${node(it.dst)}`);
    styles.push(`  linkStyle ${i} stroke:${it.kind === 'added' ? '#2da44e' : it.kind === 'removed' ? '#cf222e' : '#bf8700'},stroke-width:2px`);
  });
  lines.push(...styles);
  if (items.length > cap) lines.push(`  more["${items.length - cap} more changed edges not shown"]`);
  return lines.join('\n');
}
