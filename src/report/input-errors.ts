import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { markdownCode } from './escape.js';

/**
 * The input errors of a run as a Markdown section, for the reports an Action publishes (job
 * summary, PR comment): the answer holds only what could be read, and a reviewer reading the
 * comment does not see the job's annotations. Empty when there is none. File names and messages
 * come from the pull request: everything is in code spans.
 */
export function renderInputErrorsMd(diagnostics: readonly Diagnostic[], fileOf: (shown: string) => string = (f) => f): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return '';
  const lines = errors.map((d) => {
    const where = d.at ? `${fileOf(d.at.file)}${d.at.line ? `:${d.at.line}` : ''}` : '(no file)';
    return `- ${markdownCode(where)} ${markdownCode(d.code)}: ${markdownCode(d.message)}`;
  });
  const body = errors.length > 8 ? ['<details><summary>the errors</summary>', '', ...lines, '', '</details>'] : lines;
  return [`#### ${errors.length} input error${errors.length === 1 ? '' : 's'} (left out of the answer above)`, '', ...body, ''].join('\n');
}

/** A report with its input errors appended (the report unchanged when there is none). */
export function withInputErrors(markdown: string, diagnostics: readonly Diagnostic[], fileOf?: (shown: string) => string): string {
  const section = renderInputErrorsMd(diagnostics, fileOf);
  return section === '' ? markdown : `${markdown.replace(/\n*$/, '\n\n')}${section}`;
}
