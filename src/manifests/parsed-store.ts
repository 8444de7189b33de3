import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { IntegralFloat, normalizeNewlines, parseManifestFile, parserSource, type ManifestFile, type ParseCache, type ParsedDocument } from './documents.js';

/**
 * One file's parse in a form that survives JSON and structured clone: what `--cache-dir` keeps
 * across runs (content-addressed by the file's bytes, see io/parsed-cache.ts) and what a parse
 * worker sends back. Path-free, so that the same bytes under another name reuse it.
 *
 * JSON keeps neither class prototypes nor numbers that are not finite, and structured clone keeps
 * no prototypes: an IntegralFloat (`80.0`), `.inf`, `.nan` and `-0` are recorded beside the value
 * by their path ("specials") and put back when it is revived. A document's text is kept as
 * offsets into the file's (newline-normalised) text whenever it is a slice of it.
 */
export interface StoredParse {
  readonly documents: readonly StoredDocument[];
  /** The file's parse diagnostics, `at.file` left empty. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface StoredDocument {
  readonly doc: number;
  readonly startLine: number;
  /** [start, end) in the normalised text, or the text itself when it is no slice (`---apiVersion` glued, `...` markers). */
  readonly text: readonly [number, number] | string;
  readonly value: unknown;
  readonly specials?: readonly Special[];
}

/** A value JSON cannot carry, at its path within the document's value. */
type Special = readonly [path: readonly (string | number)[], kind: 'integral', text: string, value: string] | readonly [path: readonly (string | number)[], kind: 'number', text: 'NaN' | 'Infinity' | '-Infinity' | '-0'];

/**
 * What changes the meaning of a stored parse besides the file's bytes: the parsing code itself
 * (its source text, so that an edited parser never reads entries of the old one) and this
 * format's revision (bump it when StoredParse changes).
 */
export const PARSED_FORMAT = `parsed/1\n${parserSource()}\n${[encodeParse, decodeParse, collectSpecials, revive].map((f) => f.toString()).join('\n')}`;

/** The parse of a file, through what an earlier run stored; a fresh parse is recorded when the cache persists. */
export function parseStoredOrFresh(file: ManifestFile, cache: ParseCache | undefined): { documents: ParsedDocument[]; diagnostics: Diagnostic[] } {
  // the same bytes met again (the unchanged files of a diff's second side): the values are shared already, the entry kept once
  const seen = cache?.texts.has(file.text) ?? false;
  cache?.texts.add(file.text);
  const ahead = cache?.parsed.get(file);
  if (ahead) {
    cache?.parsed.delete(file);
    return ahead;
  }
  const stored = cache?.stored.get(file);
  if (stored) {
    const revived = decodeParse(file, stored, cache);
    if (revived) return revived;
  }
  const parsed = parseManifestFile(file, cache);
  if (cache?.persist && !seen) {
    const entry = encodeParse(file, parsed);
    if (entry) cache.fresh.set(file, entry);
  }
  return parsed;
}

/** The stored form of a file's parse. */
export function encodeParse(file: ManifestFile, parsed: { readonly documents: readonly ParsedDocument[]; readonly diagnostics: readonly Diagnostic[] }): StoredParse {
  const text = normalizeNewlines(file.text);
  let cursor = 0;
  const documents: StoredDocument[] = [];
  for (const d of parsed.documents) {
    const at = text.startsWith(d.text, cursor) ? cursor : text.indexOf(d.text, cursor);
    if (at >= 0) cursor = at + d.text.length;
    const specials: Special[] = [];
    collectSpecials(d.value, [], specials);
    documents.push({ doc: d.doc, startLine: d.startLine, text: at >= 0 ? [at, at + d.text.length] : d.text, value: d.value, ...(specials.length > 0 ? { specials } : {}) });
  }
  // the key order of a diagnostic is kept (the JSON report shows them as they are)
  return { documents, diagnostics: parsed.diagnostics.map((x) => (x.at ? { ...x, at: { ...x.at, file: '' } } : x)) };
}

/** Values a structured clone or JSON would not give back as they are, with their paths. */
function collectSpecials(v: unknown, path: (string | number)[], out: Special[]): void {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) out.push([[...path], 'number', 'NaN']);
    else if (v === Infinity || v === -Infinity) out.push([[...path], 'number', v > 0 ? 'Infinity' : '-Infinity']);
    else if (Object.is(v, -0)) out.push([[...path], 'number', '-0']);
    return;
  }
  if (v === null || typeof v !== 'object') return;
  if (v instanceof IntegralFloat) {
    // as text: `-0.0` is an IntegralFloat of -0, which JSON would write as 0
    out.push([[...path], 'integral', v.text, Object.is(v.value, -0) ? '-0' : String(v.value)]);
    return;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      collectSpecials(v[i], path, out);
      path.pop();
    }
    return;
  }
  for (const k of Object.keys(v)) {
    path.push(k);
    collectSpecials((v as Record<string, unknown>)[k], path, out);
    path.pop();
  }
}

/**
 * The parse back from its stored form, or undefined when the entry does not fit the file (offsets
 * out of range, a special at a path that is not there): such an entry is ignored, never trusted.
 */
export function decodeParse(file: ManifestFile, stored: StoredParse, cache?: ParseCache): { documents: ParsedDocument[]; diagnostics: Diagnostic[] } | undefined {
  const text = normalizeNewlines(file.text);
  // JSON is read by JSON.parse (`80.0` is 80 there, an IntegralFloat in YAML): only YAML chunks are shared by text, as loadChunk does
  const yaml = !/\.json$/i.test(file.path);
  const documents: ParsedDocument[] = [];
  for (const s of stored.documents) {
    let docText: string;
    if (typeof s.text === 'string') docText = s.text;
    else {
      const [start, end] = s.text;
      if (start > end || end > text.length) return undefined;
      docText = text.slice(start, end);
    }
    // the two sides of a diff share the values of unchanged documents, as a fresh parse would
    let value = yaml ? cache?.values.get(docText) : undefined;
    if (value === undefined) {
      value = s.specials ? revive(s.value, s.specials) : s.value;
      if (value === FAILED) return undefined;
      if (cache && yaml) cache.values.set(docText, value);
    }
    documents.push({ file: file.path, doc: s.doc, startLine: s.startLine, text: docText, value });
  }
  const diagnostics = stored.diagnostics.map((d) => (d.at ? { ...d, at: { ...d.at, file: file.path } } : d));
  return { documents, diagnostics };
}

const FAILED = Symbol('entry does not fit');

/** The value with its specials back in place (a whole document may be one); FAILED when a path does not lead into the value. */
function revive(root: unknown, specials: readonly Special[]): unknown {
  const special = (s: Special) => (s[1] === 'integral' ? new IntegralFloat(s[2], Number(s[3])) : s[2] === '-0' ? -0 : Number(s[2]));
  for (const s of specials) {
    const path = s[0];
    if (path.length === 0) {
      if (specials.length !== 1) return FAILED;
      return special(s);
    }
    let parent: unknown = root;
    for (let i = 0; i < path.length - 1; i++) {
      if (parent === null || typeof parent !== 'object') return FAILED;
      parent = (parent as Record<string | number, unknown>)[path[i] as string | number];
    }
    const last = path[path.length - 1] as string | number;
    if (parent === null || typeof parent !== 'object' || !Object.hasOwn(parent, last)) return FAILED;
    // defineProperty keeps a `__proto__` key as data, as the parser did
    Object.defineProperty(parent, last, { value: special(s), writable: true, enumerable: true, configurable: true });
  }
  return root;
}
