import { placeText } from '../diagnostics/diagnostic.js';
import { workloadsInfo, type ConnectivityDiff, type ConnectivityDiffEntry } from '../connectivity/diff.js';
import type { MovedWorkload } from '../connectivity/diff-moves.js';
import type { ConnectionSet } from '../model/connection-set.js';
import { peerKey } from '../connectivity/engine.js';
import { workloadKey, type Peer } from '../model/peer.js';
import type { EntryExplanation, ExplainedStep, PairExplanation } from '../connectivity/explain.js';
import { explanationData, verdictChain } from './explain.js';
import { csvCell, escapeMarkdown, escapeMermaid, markdownCode, oneLine } from './escape.js';

export type { EntryExplanation };

export const DIFF_FORMATS = ['txt', 'json', 'csv', 'md', 'mermaid'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffReport {
  readonly diff: ConnectivityDiff;
  /** Parallel to diff.entries. */
  readonly explanations?: readonly EntryExplanation[];
  /** Labels of the two sides (`base`/`head`, folder names, refs). */
  readonly refs: { readonly before: string; readonly after: string };
  /**
   * The user named the sides (`--label1/--label2`): the formats whose default spelling is
   * `ref1`/`ref2` (txt, csv, mermaid) name them too.
   */
  readonly named?: boolean;
}

function line(e: ConnectivityDiffEntry): string {
  const info = workloadsInfo(e) ? `, workloads-diff-info: ${workloadsInfo(e)}` : '';
  return `diff-type: ${e.kind}, source: ${peerKey(e.src)}, destination: ${peerKey(e.dst)}, ref1: ${e.before.toString()}, ref2: ${e.after.toString()}${info}`;
}

/** netpol-analyzer's diff line format, under a `Connectivity diff:` header. */
export function renderDiffTxt(r: DiffReport): string {
  const header = r.named ? `Connectivity diff (ref1: ${r.refs.before}, ref2: ${r.refs.after}):` : 'Connectivity diff:';
  return `${oneLine(header)}\n${r.diff.entries.map((e) => `${oneLine(line(e))}\n`).join('')}`;
}

export function renderDiffJson(r: DiffReport): string {
  const rows = r.diff.entries.map((e, i) => ({
    diff_type: e.kind,
    src: peerKey(e.src),
    dst: peerKey(e.dst),
    ref1: e.before.toString(),
    ref2: e.after.toString(),
    ...(workloadsInfo(e) ? { workloads_diff_info: workloadsInfo(e) } : {}),
    ...(r.explanations?.[i] ? { explanation: jsonExplanation(r.explanations[i] as EntryExplanation) } : {}),
  }));
  const moved = r.diff.moved.map((m) => ({
    from: workloadKey(m.from),
    to: workloadKey(m.to),
    how: m.how,
    changes: m.changes.map((c) => ({ src: peerKey(c.src), dst: peerKey(c.dst), ref1: c.before.toString(), ref2: c.after.toString() })),
  }));
  return `${JSON.stringify({ refs: r.refs, added_workloads: r.diff.addedWorkloads, removed_workloads: r.diff.removedWorkloads, moved_workloads: moved, entries: rows }, null, 2)}\n`;
}

function jsonExplanation(x: EntryExplanation) {
  return { ...(x.before ? { ref1: explanationData(x.before) } : {}), ...(x.after ? { ref2: explanationData(x.after) } : {}), files: x.files };
}

export function renderDiffCsv(r: DiffReport): string {
  const [ref1, ref2] = r.named ? [r.refs.before, r.refs.after] : ['ref1', 'ref2'];
  const rows = [['diff-type', 'source', 'destination', ref1, ref2, 'workloads-diff-info'].map(csvCell).join(',')];
  for (const e of r.diff.entries) rows.push([e.kind, peerKey(e.src), peerKey(e.dst), e.before.toString(), e.after.toString(), workloadsInfo(e) ?? ''].map(csvCell).join(','));
  return `${rows.join('\n')}\n`;
}

function sentence(e: ConnectivityDiffEntry): string {
  return change(e.before, e.after);
}

/** `now allowed X`, `no longer allowed (was X)`, or `now also X; no longer Y (was X, now Y)`. */
function change(before: ConnectionSet, after: ConnectionSet): string {
  if (before.isEmpty) return `now allowed ${markdownCode(after.toString())}`;
  if (after.isEmpty) return `no longer allowed (was ${markdownCode(before.toString())})`;
  const gained = after.subtract(before);
  const lost = before.subtract(after);
  const parts: string[] = [];
  if (!gained.isEmpty) parts.push(`now also ${markdownCode(gained.toString())}`);
  if (!lost.isEmpty) parts.push(`no longer ${markdownCode(lost.toString())}`);
  return `${parts.join('; ')} (was ${markdownCode(before.toString())}, now ${markdownCode(after.toString())})`;
}

const HOW: Record<MovedWorkload['how'], string> = { namespace: 'moved to another namespace', name: 'renamed' };

/**
 * One move: the workload's old and new key, and what its connections became (also in the check's
 * comment, which names address peers by their CIDRs: `peerText`).
 */
export function moveLines(m: MovedWorkload, peerText: (p: Peer) => string = peerKey): string[] {
  const head = `- ${markdownCode(workloadKey(m.from))} → ${markdownCode(workloadKey(m.to))} (${HOW[m.how]})`;
  if (m.changes.length === 0) return [`${head}: every connection kept`];
  return [`${head}: ${m.changes.length} of its connections change`, ...m.changes.map((c) => `  - ${markdownCode(peerText(c.src))} → ${markdownCode(peerText(c.dst))}: ${change(c.before, c.after)}`)];
}

function chain(steps: readonly ExplainedStep[]): string {
  return markdownCode(verdictChain(steps));
}

function stepLine(s: ExplainedStep): string {
  const rule = s.rule ? ` ${s.rule.direction} rule ${s.rule.index}${s.rule.name ? ` ${markdownCode(s.rule.name)}` : ''}` : '';
  const where = s.at ? ` at ${markdownCode(`${placeText(s.at)}`)}` : '';
  const what = s.policy ? `${markdownCode(s.policy)}${rule}${where}` : s.layer === 'default' ? 'no policy applies' : '';
  return `[${s.layer}] ${s.verdict} ${markdownCode(s.conns.toString())}: ${what}`;
}

function sideLines(label: string, p: PairExplanation | undefined): string[] {
  if (!p) return [];
  const out = [`- ${label}: ${markdownCode(p.conns.toString())}`];
  if (p.exposure) out.push(`  - exposed by ${p.exposure.by.map(markdownCode).join(', ')} on ${markdownCode(p.exposure.ports.toString())}`);
  if (p.egress) {
    out.push(`  - source egress: ${chain(p.egress)}`);
    for (const s of p.egress) out.push(`    - ${stepLine(s)}`);
  }
  if (p.ingress) {
    out.push(`  - destination ingress: ${chain(p.ingress)}`);
    for (const s of p.ingress) out.push(`    - ${stepLine(s)}`);
  }
  return out;
}

const SECTION: Record<ConnectivityDiffEntry['kind'], string> = {
  added: 'Newly allowed',
  removed: 'No longer allowed',
  changed: 'Changed',
};

/** How much of the diff a Markdown rendering shows. */
interface MdShape {
  /** The verdict chains folded under each entry. */
  readonly explain: boolean;
  /** At most this many entries per section and changes per move (undefined: all). */
  readonly cap?: number;
}

export interface DiffMdOptions {
  /**
   * A UTF-8 byte budget (a PR comment holds at most 65,536 characters). Over it, the explanations
   * are left out first; then each section shows its first entries (as many per section as fit),
   * its heading keeping the full count, and says how many more there are. The summary counts are
   * always there.
   */
  readonly maxBytes?: number;
}

/**
 * The PR-comment body: a summary line, then one section per kind of change, each entry a
 * sentence with its explanation folded under it. Everything from manifests is inert.
 */
export function renderDiffMd(r: DiffReport, options: DiffMdOptions = {}): string {
  const full = renderMd(r, { explain: true });
  const max = options.maxBytes;
  if (max === undefined || bytes(full) <= max) return full;
  const note = (shape: MdShape) => [
    '',
    '---',
    shape.cap === undefined
      ? '_Explanations left out to fit a comment: `diff --format json` (or the job summary) has them._'
      : `_Cut to fit a comment: at most ${shape.cap} entries shown per section; \`diff --format json\` (or the job summary) has them all, with explanations._`,
  ];
  const withNote = (shape: MdShape) => `${renderMd(r, shape)}${note(shape).join('\n')}\n`;
  const plain = withNote({ explain: false });
  if (bytes(plain) <= max) return plain;
  // the largest per-section cap that fits (the size grows with the cap)
  let [lo, hi] = [0, r.diff.entries.length];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (bytes(withNote({ explain: false, cap: mid })) <= max) lo = mid;
    else hi = mid - 1;
  }
  return withNote({ explain: false, cap: lo });
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const more = (n: number) => `- _… and ${n} more_`;

function renderMd(r: DiffReport, shape: MdShape): string {
  const count = (k: ConnectivityDiffEntry['kind']) => r.diff.entries.filter((e) => e.kind === k).length;
  const out: string[] = ['### netpol-ci: connectivity diff', ''];
  out.push(`${markdownCode(r.refs.before)} → ${markdownCode(r.refs.after)}`, '');
  if (r.diff.entries.length === 0) {
    out.push('**No connectivity change.**');
    return `${out.join('\n')}\n`;
  }
  out.push(`**${count('added')} added · ${count('removed')} removed · ${count('changed')} changed**`);
  // entries whose one-sided workloads all moved read as the move; they are summarised under it
  const movedKeys = new Set(r.diff.moved.flatMap((m) => [workloadKey(m.from), workloadKey(m.to)]));
  const folded = (e: ConnectivityDiffEntry) => (e.oneSided ?? []).length > 0 && (e.oneSided ?? []).every((k) => movedKeys.has(k));
  const foldedCount = r.diff.entries.filter(folded).length;
  const added = r.diff.addedWorkloads.filter((k) => !movedKeys.has(k));
  const removed = r.diff.removedWorkloads.filter((k) => !movedKeys.has(k));
  if (added.length + removed.length > 0) {
    out.push('', `Workloads added: ${added.map(markdownCode).join(', ') || 'none'}; removed: ${removed.map(markdownCode).join(', ') || 'none'}.`);
  }
  // (the files of the entries listed below: a folded entry's are about the workload's name)
  const files = [...new Set((r.explanations ?? []).filter((_, i) => !folded(r.diff.entries[i] as ConnectivityDiffEntry)).flatMap((x) => x.files))].sort();
  if (files.length > 0) out.push('', `Policy files that changed the answer: ${files.map(markdownCode).join(', ')}`);
  const cap = shape.cap ?? Number.POSITIVE_INFINITY;
  if (r.diff.moved.length > 0) {
    out.push('', `#### Moved or renamed (${r.diff.moved.length})`, '');
    out.push(`${foldedCount} ${foldedCount === 1 ? 'entry' : 'entries'} of these workloads (their pairs under the old and the new name) read as below.`, '');
    for (const m of r.diff.moved.slice(0, cap)) {
      const [head, ...changes] = moveLines(m);
      out.push(head as string, ...changes.slice(0, cap));
      if (changes.length > cap) out.push(`  ${more(changes.length - cap)}`);
    }
    if (r.diff.moved.length > cap) out.push(more(r.diff.moved.length - cap));
  }
  for (const kind of ['added', 'removed', 'changed'] as const) {
    const items = r.diff.entries.map((e, i) => [e, i] as const).filter(([e]) => e.kind === kind && !folded(e));
    if (items.length === 0) continue;
    out.push('', `#### ${SECTION[kind]} (${items.length})`, '');
    for (const [e, i] of items.slice(0, cap)) {
      const info = workloadsInfo(e) ? ` _(${escapeMarkdown(workloadsInfo(e) as string)})_` : '';
      out.push(`- ${markdownCode(peerKey(e.src))} → ${markdownCode(peerKey(e.dst))}: ${sentence(e)}${info}`);
      const x = shape.explain ? r.explanations?.[i] : undefined;
      if (x && (x.before || x.after)) {
        out.push('  <details><summary>why</summary>', '');
        for (const l of [...sideLines(`before (${markdownCode(r.refs.before)})`, x.before), ...sideLines(`after (${markdownCode(r.refs.after)})`, x.after)]) out.push(`  ${l}`);
        out.push('', '  </details>');
      }
    }
    if (items.length > cap) out.push(more(items.length - cap));
  }
  return `${out.join('\n')}\n`;
}

export const MERMAID_EDGE_CAP = 60;

/** A graph of the changed edges only: added green, removed red, changed amber; capped for readability. */
export function renderDiffMermaid(r: DiffReport, cap = MERMAID_EDGE_CAP): string {
  const ids = new Map<string, string>();
  const id = (k: string) => {
    if (!ids.has(k)) ids.set(k, `n${ids.size}`);
    return ids.get(k) as string;
  };
  // a named diff carries its sides as the diagram's title (Mermaid front matter)
  const lines = r.named ? ['---', `title: ${JSON.stringify(oneLine(`${r.refs.before} → ${r.refs.after}`).replace(/`/g, "'"))}`, '---', 'graph LR'] : ['graph LR'];
  const styles: string[] = [];
  const shown = r.diff.entries.slice(0, cap);
  shown.forEach((e, i) => {
    const s = peerKey(e.src);
    const d = peerKey(e.dst);
    const label = e.kind === 'removed' ? `removed: ${e.before.toString()}` : e.kind === 'added' ? `added: ${e.after.toString()}` : `${e.before.toString()} to ${e.after.toString()}`;
    lines.push(`  ${id(s)}["${escapeMermaid(s)}"] -->|"${escapeMermaid(label)}"| ${id(d)}["${escapeMermaid(d)}"]`);
    const color = e.kind === 'added' ? '#2da44e' : e.kind === 'removed' ? '#cf222e' : '#bf8700';
    styles.push(`  linkStyle ${i} stroke:${color},stroke-width:2px`);
  });
  lines.push(...styles);
  if (r.diff.entries.length > cap) {
    lines.push(`  more["${r.diff.entries.length - cap} more changed edges not shown"]`);
  }
  return `${lines.join('\n')}\n`;
}
