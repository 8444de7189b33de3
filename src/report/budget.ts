/**
 * Fits a Markdown report into a byte budget (a PR comment holds at most 65,536 characters). Cuts
 * at section boundaries (headings) when it can, else at line boundaries, closes any code fence or
 * `<details>` left open by the cut, and appends a note saying what was left out and where the full
 * report is. Pure: the caller gives the budget and the note.
 */
export interface FittedMarkdown {
  readonly text: string;
  readonly truncated: boolean;
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const FENCE = /^\s*(```|~~~)/;
const HEADING = /^#{1,6} /;

/** Splits into sections, each starting at a heading outside a code fence. */
function sections(lines: readonly string[]): string[][] {
  const out: string[][] = [[]];
  let inFence = false;
  for (const line of lines) {
    if (FENCE.test(line)) inFence = !inFence;
    if (!inFence && HEADING.test(line) && (out[out.length - 1] as string[]).length > 0) out.push([]);
    (out[out.length - 1] as string[]).push(line);
  }
  return out;
}

/** What must follow kept lines so that Markdown and HTML blocks opened in them are closed. */
function closers(lines: readonly string[]): string[] {
  let inFence = false;
  let fence = '```';
  let open = 0;
  for (const line of lines) {
    const m = FENCE.exec(line);
    if (m) {
      inFence = !inFence;
      fence = m[1] as string;
      continue;
    }
    if (inFence) continue;
    open += (line.match(/<details\b/gi) ?? []).length - (line.match(/<\/details>/gi) ?? []).length;
  }
  return [...(inFence ? [fence] : []), ...Array.from({ length: Math.max(0, open) }, () => '</details>')];
}

export function fitMarkdown(body: string, maxBytes: number, note: string): FittedMarkdown {
  if (bytes(body) <= maxBytes) return { text: body, truncated: false };
  const tail = ['', '---', note, ''];
  // room for the note, and for closing tags (each at most 11 bytes; a generous reserve)
  const reserve = bytes(tail.join('\n')) + 2 * 1024;
  const budget = maxBytes - reserve;
  if (budget <= 0) throw new Error(`comment budget ${maxBytes} is too small for the truncation note`);
  const kept: string[] = [];
  let used = 0;
  for (const section of sections(body.split('\n'))) {
    const size = bytes(section.join('\n')) + 1;
    if (used + size <= budget) {
      kept.push(...section);
      used += size;
      continue;
    }
    // the first section that does not fit: keep whole lines of it while they fit
    for (const line of section) {
      const size1 = bytes(line) + 1;
      if (used + size1 > budget) break;
      kept.push(line);
      used += size1;
    }
    break;
  }
  const closing = closers(kept);
  const text = [...kept, ...closing, ...tail].join('\n');
  return { text, truncated: true };
}
