import { safeLine } from '../diagnostics/sanitize.js';
import { gapText, type Gap } from '../topology/gaps.js';

/** The gap summary `synthesize` prints on stderr: how many, how they were closed, each with file:line, and how to close them for good. */
export function renderGapSummary(gaps: readonly Gap[], mode: string): string {
  if (gaps.length === 0) return '';
  const how =
    mode === 'namespace'
      ? 'closed within each namespace (--gaps=namespace)'
      : mode === 'open'
        ? 'left unrestricted in that direction (--gaps=open)'
        : 'left closed: that traffic is blocked (--gaps=deny)';
  const out = [`${gaps.length} gap${gaps.length === 1 ? '' : 's'}: what the manifests cannot tell, ${how}:`];
  // names come from manifests: a line break or `::` in one must not start a line the runner obeys
  for (const g of gaps) out.push(`  ${safeLine(gapText(g))}`);
  out.push('close a gap with a reviewed link (scan --format yaml, edit, synthesize --links FILE), observed traffic (--traffic), or --gaps=namespace|deny|open; --fail-on-gaps makes gaps fail CI');
  return `${out.join('\n')}\n`;
}
