import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { LintFinding } from '../connectivity/lint.js';
import { escapeMarkdown, markdownCode, oneLine } from './escape.js';

export const LINT_FORMATS = ['txt', 'json', 'md'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

const coveredText = (f: LintFinding) => (f.coveredBy.length > 0 ? ` (covered by ${f.coveredBy.join(', ')})` : '');

/** One line per finding, as diagnostics print: `file:line:col [doc N] warning NPC183 spec.egress[3]: ... (covered by ...)`. */
export function renderLintTxt(findings: readonly LintFinding[]): string {
  return findings.map((f) => `${oneLine(formatDiagnostic({ code: f.code, severity: 'warning', message: `${f.message}${coveredText(f)}`, at: f.at }))}\n`).join('');
}

export function renderLintJson(findings: readonly LintFinding[]): string {
  const rows = findings.map((f) => ({
    kind: f.kind,
    code: f.code,
    policy: f.policy,
    ...(f.rule ? { rule: f.rule } : {}),
    file: f.at.file,
    doc: f.at.doc,
    ...(f.at.line !== undefined ? { line: f.at.line } : {}),
    ...(f.at.column !== undefined ? { column: f.at.column } : {}),
    message: f.message,
    coveredBy: f.coveredBy,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** A table for a job summary or the PR comment; every manifest-derived text escaped. */
export function renderLintMd(findings: readonly LintFinding[]): string {
  if (findings.length === 0) return 'No policy sanity findings.\n';
  const lines = ['| where | finding | policy | rule | covered by |', '|---|---|---|---|---|'];
  for (const f of findings) {
    const where = markdownCode(`${f.at.file}${f.at.line !== undefined ? `:${f.at.line}` : ''}`);
    lines.push(`| ${where} | ${f.kind} | ${escapeMarkdown(f.policy)} | ${f.rule ? escapeMarkdown(f.rule) : ''} | ${f.coveredBy.map(escapeMarkdown).join('<br>')} |`);
  }
  return `${lines.join('\n')}\n`;
}
