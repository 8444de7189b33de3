/** A section of the comment: a title (for the omission note) and its Markdown lines. */
export interface Section {
  readonly title: string;
  readonly lines: readonly string[];
}

export const DEFAULT_MAX_BYTES = 60_000;
export const FULL_REPORT_POINTER = 'the full report is in the job summary and the `netpol-ci-report` artifact';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** What is open after some lines: a code fence, and how many `<details>` blocks. */
interface Open {
  readonly fence: boolean;
  readonly details: number;
}

const NOTHING_OPEN: Open = { fence: false, details: 0 };

/** The open state after one more line. */
function afterLine(open: Open, l: string): Open {
  const t = l.trim();
  if (t.startsWith('```')) return { fence: !open.fence, details: open.details };
  if (open.fence) return open;
  return { fence: false, details: open.details + (t.match(/<details>/g) ?? []).length - (t.match(/<\/details>/g) ?? []).length };
}

/** The lines that close what is open. */
function closing(open: Open): string[] {
  return [...(open.fence ? ['```'] : []), ...Array.from({ length: Math.max(0, open.details) }, () => '</details>')];
}

/** Closes what a cut left open: a code fence and `<details>` blocks. */
function closers(lines: readonly string[]): string[] {
  return closing(lines.reduce(afterLine, NOTHING_OPEN));
}

/**
 * Joins the sections within `maxBytes` (UTF-8) including `head` (the marker and verdict, always
 * kept). Sections are kept whole in order while they fit; the first that does not is cut at a
 * line boundary (never inside a code fence: the fence and any `<details>` are closed), and the
 * rest are named in a note pointing to the full report.
 */
export function fitSections(head: readonly string[], sections: readonly Section[], maxBytes: number, shownBudget = maxBytes): { text: string; truncated: boolean } {
  const join = (ls: readonly string[]) => `${ls.join('\n')}\n`;
  const all = [...head, ...sections.flatMap((s) => ['', ...s.lines])];
  if (bytes(join(all)) <= maxBytes) return { text: join(all), truncated: false };
  const out = [...head];
  let used = bytes(join(out));
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i] as Section;
    const rest = sections.slice(i + 1).map((x) => x.title);
    const sectionBytes = bytes(join(['', ...s.lines]));
    // room for the note that may follow
    const noteFor = (cutLines: number, omitted: readonly string[]) =>
      `> **Report cut to fit a comment** (${shownBudget} bytes): ${cutLines > 0 ? `${cutLines} more lines of *${s.title}*` : ''}${cutLines > 0 && omitted.length > 0 ? ' and ' : ''}${omitted.length > 0 ? `the sections ${omitted.map((t) => `*${t}*`).join(', ')}` : ''} omitted; ${FULL_REPORT_POINTER}.`;
    const reserve = bytes(`\n${noteFor(999999, rest)}\n`) + 64;
    if (used + sectionBytes + reserve <= maxBytes || (i === sections.length - 1 && used + sectionBytes <= maxBytes)) {
      out.push('', ...s.lines);
      used += sectionBytes;
      continue;
    }
    // cut this section at a line boundary
    const kept: string[] = [''];
    let keptBytes = 1;
    let fenceOpen = false;
    let lastSafe = 0;
    // what the kept lines leave open, carried along (rescanning them per line was quadratic)
    let open = afterLine(NOTHING_OPEN, '');
    for (let j = 0; j < s.lines.length; j++) {
      const l = s.lines[j] as string;
      const extra = bytes(`${l}\n`);
      const withLine = afterLine(open, l);
      const closingBytes = closing(withLine).reduce((n, c) => n + bytes(`${c}\n`), 0);
      if (used + keptBytes + extra + closingBytes + reserve > maxBytes) break;
      kept.push(l);
      open = withLine;
      keptBytes += extra;
      if (l.trim().startsWith('```')) fenceOpen = !fenceOpen;
      if (!fenceOpen) lastSafe = kept.length;
    }
    // never leave half a fenced block (a Mermaid graph cut in the middle does not render)
    const cut = fenceOpen ? kept.slice(0, lastSafe) : kept;
    const shownLines = cut.length > 1 ? cut : [];
    out.push(...shownLines, ...closers(shownLines));
    const omittedLines = s.lines.length - Math.max(0, shownLines.length - 1);
    out.push('', noteFor(shownLines.length > 0 ? omittedLines : 0, shownLines.length > 0 ? rest : [s.title, ...rest]));
    return { text: join(out), truncated: true };
  }
  return { text: join(out), truncated: true };
}
