import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

/**
 * The line of a kustomization that pulls its objects in: its one `resources:` entry when it has
 * exactly one (that entry brings every object in), else the `resources:` key itself (the list the
 * object came through; which entry is not known without kustomize's origin annotations), else the
 * older `bases:`, else undefined (objects only from generators or `helmCharts:`: the file without a line).
 */
export function kustomizationResourcesLine(text: string): number | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  if (!isMap(doc.contents)) return undefined;
  for (const key of ['resources', 'bases']) {
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (!pair || !isScalar(pair.key) || !pair.key.range) continue;
    const entries = isSeq(pair.value) ? pair.value.items : [];
    const only = entries.length === 1 ? entries[0] : undefined;
    const at = only && isScalar(only) && only.range ? only.range[0] : pair.key.range[0];
    return lines.linePos(at).line;
  }
  return undefined;
}
