import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { SourceRef } from '../diagnostics/diagnostic.js';
import type { ParsedDocument, Refine } from './documents.js';
import { fastLocate } from './fast-locate.js';

/**
 * Exact positions, recovered on demand. The bulk parse (js-yaml) keeps no positions; when a
 * diagnostic or a provenance record needs the line of a field, the one document concerned is
 * re-parsed with `yaml` and its LineCounter. Results are cached per document.
 */
const cache = new WeakMap<ParsedDocument, { doc: Document; lines: LineCounter }>();

function parsed(d: ParsedDocument): { doc: Document; lines: LineCounter } {
  let hit = cache.get(d);
  if (!hit) {
    const lines = new LineCounter();
    const doc = parseDocument(d.text, { lineCounter: lines, uniqueKeys: false, strict: false });
    hit = { doc, lines };
    cache.set(d, hit);
  }
  return hit;
}

/**
 * The SourceRef of `path` inside the document: the line and column of the value at `path`, or of
 * its nearest ancestor that exists. For a rendered document, in the file it came from (origins.ts),
 * without a line where that line cannot be known. `refine` adjusts the place inside the document
 * that holds it before it is translated (a line inside a block scalar).
 */
export function locate(d: ParsedDocument, path: readonly (string | number)[], refine?: Refine): SourceRef {
  if (d.origin) return d.origin.locate(d, path, refine);
  const at = locateRaw(d, path);
  return refine ? refine(d, at) : at;
}

/** The place of `path` in the document's own text (for a rendered document: in the tool's output). */
export function locateRaw(d: ParsedDocument, path: readonly (string | number)[]): SourceRef {
  const fast = fastLocate(d, d.text, path);
  if (fast) return { file: d.file, doc: d.doc, line: d.startLine + fast.line, column: fast.column, path: [...path] };
  return locateWithParser(d, path);
}

/** The exact answer from a full parse; the reference that fastLocate is tested against. */
export function locateWithParser(d: ParsedDocument, path: readonly (string | number)[]): SourceRef {
  const { doc, lines } = parsed(d);
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { file: d.file, doc: d.doc, line: d.startLine + pos.line - 1, column: pos.col, path: [...path] };
    }
  }
  return { file: d.file, doc: d.doc, line: d.startLine, path: [...path] };
}
