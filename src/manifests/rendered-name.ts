/**
 * How a rendered file is named where no line of the file a person edits is exact: the template (or
 * overlay) followed by ` [rendered]`. A subchart installed under two aliases renders the same
 * template twice; each copy is named for its alias, ` [rendered as primary]` (the alias chain as
 * the parent's values name it, `a.b` for a subchart of a subchart), so the two are told apart.
 */
const SUFFIX = / \[rendered(?: as ([^\]]+))?\]$/;

export function renderedName(file: string, as?: string): string {
  return `${file} [rendered${as !== undefined ? ` as ${as}` : ''}]`;
}

/** Whether a cited file is a rendered one (no line of it is a line of the file as written). */
export function isRenderedName(file: string): boolean {
  return SUFFIX.test(file);
}

/** The file a rendered name stands for (the template or overlay), and the alias it was rendered as, if named. */
export function renderedSource(file: string): { readonly file: string; readonly as?: string } {
  const m = SUFFIX.exec(file);
  if (!m) return { file };
  return { file: file.slice(0, m.index), ...(m[1] !== undefined ? { as: m[1] } : {}) };
}

/** The alias chain helm's path under the chart names (`charts/a/charts/b/templates/x.yaml` -> `a.b`; a template of the chart itself: ''). */
export function aliasChain(source: string): string {
  const parts = (/^(?:charts\/[^/]+\/)*/.exec(source)?.[0] ?? '').split('/').filter((p) => p !== '');
  return parts.filter((_, i) => i % 2 === 1).join('.');
}
