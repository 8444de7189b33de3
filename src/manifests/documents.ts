import jsYaml from 'js-yaml';
import jsYamlPackage from 'js-yaml/package.json' with { type: 'json' };
import { LineCounter, parseDocument } from 'yaml';
import { Codes, diag, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import { blockYamlSource, FALLBACK, onlySupportedCharacters, parseBlockYaml } from './block-yaml.js';
import type { StoredParse } from './parsed-store.js';
import type { RenderOrigins } from './origins.js';

/** A file's text as the I/O shell read it. Parsing never touches the file system. */
export interface ManifestFile {
  /** Path as shown to the user (relative to the working directory where possible). */
  readonly path: string;
  readonly text: string;
  /** For a chart's or overlay's rendered output: where its documents came from (origins.ts). */
  readonly origins?: RenderOrigins;
}

/** One YAML (or JSON) document of a file, parsed. */
export interface ParsedDocument {
  readonly file: string;
  /** 1-based index of the document within its file. */
  readonly doc: number;
  /** 1-based line of the document's first line. */
  readonly startLine: number;
  readonly text: string;
  readonly value: unknown;
  /** For a rendered document: where its fields were written (origins.ts); positions go through it. */
  readonly origin?: DocumentOrigin;
}

/** A location inside a document, adjusted by the caller before it is translated (a line inside a block scalar). */
export type Refine = (doc: ParsedDocument, at: SourceRef) => SourceRef;

/** Translates a field of a rendered document to the file and line a person edits (origins.ts). */
export interface DocumentOrigin {
  locate(d: ParsedDocument, path: readonly (string | number)[], refine?: Refine): SourceRef;
}

/**
 * Fast bulk parsing uses js-yaml (about 7x faster than `yaml` on large inputs); exact positions
 * for diagnostics and provenance are recovered lazily with `yaml` (see positions.ts), only for
 * the documents that need them. Timestamps stay strings (as Kubernetes sees them); merge keys work.
 */
// js-yaml exports its built-in types, though @types/js-yaml does not declare them
const BUILTIN = (jsYaml as unknown as { types: { merge: jsYaml.Type; float: jsYaml.Type & { resolve: (d: string) => boolean; construct: (d: string) => number } } }).types;

/**
 * A number written with a fraction or exponent whose value is whole (`8080.0000000000001` is
 * 8080 in a double, `80.0`, `8e1`). The API server decodes such text into an integer field as an
 * error; kept apart from plain numbers so that integer fields reject it instead of reading 8080.
 */
export class IntegralFloat {
  constructor(
    readonly text: string,
    readonly value: number,
  ) {}
  toJSON(): number {
    return this.value;
  }
  toString(): string {
    return this.text;
  }
}

const FLOAT = new jsYaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string) => BUILTIN.float.resolve(data),
  construct: (data: string) => {
    const value = BUILTIN.float.construct(data);
    return Number.isInteger(value) && /[.eE]/.test(data) ? new IntegralFloat(data, value) : value;
  },
  instanceOf: IntegralFloat,
  represent: (v: object) => (v as IntegralFloat).text,
});

// implicit: resolved from plain text (`<<` and floats); passed as a plain list, js-yaml would only apply them to explicit tags
export const SCHEMA = jsYaml.CORE_SCHEMA.extend({ implicit: [BUILTIN.merge, FLOAT] });

/** A document whose aliases expand beyond this many nodes is treated as a YAML bomb. */
export const MAX_EXPANDED_NODES = 1_000_000;

/** ConfigMap and Secret values longer than this are read as text only, never parsed as a config file or a template (parsing them costs more than it can tell). */
export const MAX_CONFIG_DOCUMENT = 1024 * 1024;

const SEPARATOR = /^---(?:\s|$)/;
const SEPARATOR_WITH_TEXT = /^---(?=\S)(?!#)/;
// YAML 1.1 scalars that Kubernetes' parser reads as booleans or octals while YAML 1.2 does not.
const YAML11_BOOL = /^\s*(?:-\s+)?[^#:'"\s][^#:]*:\s+(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)\s*(?:#.*)?$/d;
const YAML11_OCTAL = /^\s*(?:-\s+)?[^#:'"\s][^#:]*:\s+([-+]?0[0-7]+)\s*(?:#.*)?$/d;
// the same values inside a flow mapping: `{enabled: yes, mode: 0755}`
const YAML11_FLOW = /[{,]\s*[^\s#:'",{}[\]][^#:,{}]*:\s+(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?0[0-7]+|[-+]?[0-9][0-9_]*_[0-9_]*)\s*(?=[,}])/dg;
// YAML 1.1 integers may hold underscores (`1_000` is 1000 to Kubernetes' parser), YAML 1.2's may not (a string)
const YAML11_UNDERSCORE = /^\s*(?:-\s+)?[^#:'"\s][^#:]*:\s+([-+]?[0-9][0-9_]*_[0-9_]*)\s*(?:#.*)?$/d;
// a key YAML 1.1 reads as a boolean: Kubernetes' parser turns `on:` into the key "true"
const YAML11_BOOL_KEY = /^\s*(?:-\s+)?(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)\s*:(?:\s|$)/d;
const KUBERNETES_OBJECT = /^(?:apiVersion:|kind:|\{.*\b(?:apiVersion|kind):)/m;
const YAML11_FLOW_KEY = /[{,]\s*(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)\s*:\s/dg;

/**
 * Parsed values by document text, shared by the two sides of a diff: the documents a change does
 * not touch are parsed (and validated) once. A value is never mutated after parsing.
 */
export class ParseCache {
  readonly values = new Map<string, unknown>();
  /** Validation results by parsed value. */
  readonly validated = new WeakMap<object, unknown>();
  /** Parses an earlier run kept (`--cache-dir`) or a parse worker made, by file; the pipeline fills it before loading. */
  readonly stored = new Map<ManifestFile, StoredParse>();
  /** Whether files parsed here are recorded in `fresh`, for the pipeline to keep them. */
  persist = false;
  /** Files parsed in this run (when `persist`), in their stored form. */
  readonly fresh = new Map<ManifestFile, StoredParse>();
  /** The texts of the files parsed through this cache (the second side of a diff sends only new ones to workers). */
  readonly texts = new Set<string>();
  /** Files parsed ahead of loading (while workers parse others), taken once by the loader. */
  readonly parsed = new Map<ManifestFile, { documents: ParsedDocument[]; diagnostics: Diagnostic[] }>();
}

/**
 * js-yaml's load, through the cache when there is one; throws as js-yaml does. Ordinary block
 * YAML takes the exact fast path (block-yaml.ts), which yields the same value for less work.
 */
function loadChunk(text: string, cache: ParseCache | undefined, charactersChecked = false): unknown {
  if (cache?.values.has(text)) return cache.values.get(text);
  const fast = parseBlockYaml(text, SCHEMA, charactersChecked);
  const value = fast !== FALLBACK ? fast : jsYaml.load(text, { schema: SCHEMA });
  cache?.values.set(text, value);
  return value;
}

export function parseManifestFile(file: ManifestFile, cache?: ParseCache): { documents: ParsedDocument[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const documents: ParsedDocument[] = [];
  if (/\.json$/i.test(file.path)) {
    let value: unknown;
    try {
      value = JSON.parse(file.text);
    } catch (e) {
      // JSON.parse gives an offset; js-yaml (JSON is YAML) gives the line and column
      let mark: { line: number; column: number } | undefined;
      try {
        jsYaml.load(file.text, { schema: SCHEMA });
      } catch (y) {
        mark = (y as jsYaml.YAMLException).mark;
      }
      diagnostics.push(
        diag(Codes.yamlSyntax, 'error', `invalid JSON: ${(e as Error).message}`, { file: file.path, doc: 1, ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}) }),
      );
      return { documents, diagnostics };
    }
    // JSON.parse keeps the last of duplicate keys without a word; js-yaml reports them with their line
    try {
      jsYaml.load(file.text, { schema: SCHEMA });
    } catch (y) {
      const err = y as jsYaml.YAMLException;
      if (/duplicated mapping key/.test(err.reason ?? err.message)) {
        for (const at of duplicateKeys(file.text, { line: (err.mark?.line ?? 0) + 1, column: err.mark ? err.mark.column + 1 : undefined })) {
          diagnostics.push(diag(Codes.duplicateKey, 'error', `duplicate key ${JSON.stringify(at.key)}; the last value is used`, { file: file.path, doc: 1, line: at.line, column: at.column }));
        }
      }
    }
    documents.push({ file: file.path, doc: 1, startLine: 1, text: file.text, value });
    return { documents, diagnostics };
  }
  // Two checks every document needs, made once on the whole file when that answers for all of its
  // documents: a file without CR is cut into documents as written, so each is a part of its text.
  const asWritten = !file.text.includes('\r');
  const charactersChecked = asWritten && onlySupportedCharacters(file.text);
  const yaml11Possible = !asWritten || YAML11_ANYWHERE.test(file.text);
  for (const chunk of splitDocuments(file, diagnostics)) {
    const at: SourceRef = { file: file.path, doc: chunk.doc, line: chunk.startLine };
    if (chunk.text.trim() === '') continue;
    let value: unknown;
    try {
      value = loadChunk(chunk.text, cache, charactersChecked);
    } catch (e) {
      const err = e as jsYaml.YAMLException;
      const line = err.mark ? chunk.startLine + err.mark.line : chunk.startLine;
      const column = err.mark ? err.mark.column + 1 : undefined;
      if (/duplicated mapping key/.test(err.reason ?? err.message)) {
        // js-yaml stops at the first duplicate; every one is reported, each at its own line
        for (const at of duplicateKeys(chunk.text, { line, column })) {
          diagnostics.push(diag(Codes.duplicateKey, 'error', `duplicate mapping key ${JSON.stringify(at.key)}; the last value is used`, { file: file.path, doc: chunk.doc, line: chunk.startLine + at.line - 1, column: at.column }));
        }
        // Kubernetes rejects such objects; we still analyse them (last value wins) so that the rest of the report is complete.
        try {
          value = jsYaml.load(chunk.text, { schema: SCHEMA, json: true });
        } catch {
          continue;
        }
      } else {
        diagnostics.push(diag(Codes.yamlSyntax, 'error', `YAML syntax error: ${err.reason ?? err.message}`, { file: file.path, doc: chunk.doc, line, ...(column ? { column } : {}) }));
        continue;
      }
    }
    if (value === null || value === undefined) continue;
    // only aliases can make a document expand beyond its text
    if (chunk.text.includes('*') && expandedSizeExceeds(value, MAX_EXPANDED_NODES)) {
      diagnostics.push(
        diag(Codes.aliasBomb, 'error', `aliases expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} nodes (a YAML bomb?); document skipped`, at),
      );
      continue;
    }
    if (yaml11Possible) warnYaml11Traps(chunk, file.path, diagnostics);
    documents.push({ file: file.path, doc: chunk.doc, startLine: chunk.startLine, text: chunk.text, value });
  }
  return { documents, diagnostics };
}

/**
 * Every duplicate key of a document, with its position (1-based, within the text), from the
 * `yaml` parser (only documents that have one pay for this second parse).
 */
function duplicateKeys(text: string, first: { line: number; column: number | undefined }): { key: string; line: number; column: number }[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, strict: false });
  const found = doc.errors
    .filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => {
      const pos = lines.linePos(e.pos[0]);
      // the key as written at the error (the parser's range may cover only its first character, and
      // its message quotes lines of context, not the key): what stands before the `:` on that line
      const written = /^\s*("[^"]*"|'[^']*'|[^:#\n]*?)\s*:(?:\s|$)/.exec(text.slice(e.pos[0]).split('\n', 1)[0] as string)?.[1];
      const key = written !== undefined && written !== '' ? written.replace(/^(["'])(.*)\1$/, '$2') : text.slice(e.pos[0], e.pos[1]).replace(/:.*$/s, '').trim();
      return { key, line: pos.line, column: pos.col };
    });
  // a parser that finds none (it should not happen) still leaves js-yaml's one report
  return found.length > 0 ? found : [{ key: '?', line: first.line, column: first.column ?? 1 }];
}

interface Chunk {
  doc: number;
  startLine: number;
  text: string;
}

/**
 * Splits at lines that start with `---`, as Kubernetes' own reader does, keeping each document's
 * first line number. `---apiVersion: v1` (text glued to the separator) is split too, with a warning.
 */
function splitDocuments(file: ManifestFile, diagnostics: Diagnostic[]): Chunk[] {
  const text = withoutDocumentBoms(normalizeNewlines(file.text));
  // the common case, without glued separators or `...` end markers, slices the text in place
  if (!/^(?:---(?=\S)(?!#)|\.\.\.[ \t]*$)/m.test(text)) return sliceDocuments(text);
  return splitDocumentsByLine({ path: file.path, text }, diagnostics);
}

/**
 * Cuts at `---` lines without copying lines: each chunk starts with its separator line (which
 * YAML reads as a document start), so a parser's line numbers add to the chunk's first line.
 */
function sliceDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let startLine = 1;
  let pos = 0;
  let line = 1;
  const push = (end: number, separated: boolean) => {
    const body = text.slice(start, end);
    const content = separated ? body.slice(body.indexOf('\n') + 1 || body.length) : body;
    // a part before the first separator counts only if it holds more than blanks and comments
    if (separated ? true : /^[ \t]*[^\s#]/m.test(content)) chunks.push({ doc: chunks.length + 1, startLine, text: body });
  };
  let separated = false;
  // an exec loop, not matchAll: every file comes here, mostly before V8 optimises this function,
  // and matchAll's iterator allocates per step until then
  const separator = /^---(?=[ \t]|$)/gm;
  for (let m = separator.exec(text); m !== null; m = separator.exec(text)) {
    const at = m.index;
    for (let i = text.indexOf('\n', pos); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
    pos = at;
    if (at > 0 || separated) push(at, separated);
    separated = true;
    start = at;
    startLine = line;
  }
  push(text.length, separated);
  return chunks.filter((c) => /\S/.test(c.text.startsWith('---') ? c.text.slice(3) : c.text));
}

function splitDocumentsByLine(file: ManifestFile, diagnostics: Diagnostic[]): Chunk[] {
  const lines = file.text.split('\n');
  const chunks: Chunk[] = [];
  let current: string[] = [];
  let startLine = 1;
  let sawSeparator = false;
  const flush = () => {
    if (current.some((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) || chunks.length > 0 || sawSeparator) {
      chunks.push({ doc: chunks.length + 1, startLine, text: current.join('\n') });
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('---')) {
      if (SEPARATOR.test(line) || SEPARATOR_WITH_TEXT.test(line)) {
        flush();
        sawSeparator = true;
        current = [];
        startLine = i + 1;
        if (SEPARATOR_WITH_TEXT.test(line)) {
          diagnostics.push(
            diag(Codes.separatorText, 'warning', `text follows the document separator on the same line; read as a new document`, {
              file: file.path,
              doc: chunks.length + 1,
              line: i + 1,
            }),
          );
          current.push(line.slice(3));
        } else {
          // `--- {...}` or `--- |` holds the document's first content: the line is kept whole (YAML reads it as the start)
          current.push(line);
        }
        continue;
      }
    }
    if (line === '...') {
      // explicit document end: the rest until the next separator is ignored by YAML
      current.push('');
      continue;
    }
    current.push(line);
  }
  flush();
  // drop chunks that hold only comments or blanks but keep numbering stable
  return chunks.filter((c) => c.text.trim() !== '');
}

function expandedSizeExceeds(root: unknown, cap: number): boolean {
  const memo = new Map<object, number>();
  const size = (v: unknown): number => {
    if (v === null || typeof v !== 'object') return 1;
    const known = memo.get(v);
    if (known !== undefined) return known;
    memo.set(v, Infinity); // a cycle (self-referencing alias) counts as unbounded
    let n = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      n += size(child);
      if (n > cap) break;
    }
    memo.set(v, n);
    return n;
  };
  return size(root) > cap;
}

const BLOCK_SCALAR_START = /:\s*[|>][-+0-9]*\s*(?:#.*)?$/;

// The quick test before the line-by-line checks (exported for its test), run on every document:
// both alternatives start at a colon (the key's words are a lookbehind), so the regex engine skips
// from colon to colon; an alternative starting at a line start or a word cost three times as much
// on the 5,000-workload benchmark.
export const YAML11_ANYWHERE =
  /:(?:[ \t]+(?:[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|[-+]?0[0-7]+|[-+]?[0-9][0-9_]*_[0-9_]*)[ \t]*(?:#.*$|$|[,}])|(?<=(?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)(?:[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)[ \t]*:)(?:[ \t]|$))/m;

/** The key before a value is `defaultMode` (a volume's file mode: octal on purpose). */
const FILE_MODE_KEY = /(?:^|[\s{,])defaultMode:\s*$/;

function warnYaml11Traps(chunk: Chunk, file: string, diagnostics: Diagnostic[]): void {
  if (!YAML11_ANYWHERE.test(chunk.text)) return;
  // a key only Kubernetes' parser turns into "true" matters in what Kubernetes reads: a GitHub
  // workflow's `on:` or a values file's `y:` is no Kubernetes object and is not warned about
  const kubernetesObject = KUBERNETES_OBJECT.test(chunk.text);
  const lines = chunk.text.split('\n');
  const secret = SECRET.test(chunk.text);
  // lines inside a block scalar (`key: |`) are text in every YAML version
  let blockIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (BLOCK_SCALAR_START.test(line)) {
      blockIndent = indent;
      continue;
    }
    const at = (m: RegExpExecArray | RegExpMatchArray, value: string): SourceRef => ({ file, doc: chunk.doc, line: chunk.startLine + i, column: (m.indices?.[1]?.[0] ?? line.indexOf(value)) + 1 });
    // a flow mapping's keys and values, read in the line's YAML only: a `, n: ` inside a quoted
    // string or a comment is neither a key nor a value
    const code = line.includes('{') ? yamlOfLine(line) : '';
    const flow = code.includes('{');
    const key = kubernetesObject ? YAML11_BOOL_KEY.exec(line) : null;
    for (const m of key ? [key] : kubernetesObject && flow ? [...code.matchAll(YAML11_FLOW_KEY)] : []) {
      const name = m[1] as string;
      const bool = /^(?:y|yes|on)$/i.test(name) ? 'true' : 'false';
      diagnostics.push(diag(Codes.yaml11Trap, 'warning', `unquoted key ${name} is the boolean ${bool} in YAML 1.1 (Kubernetes' parser reads the key "${bool}") but the string "${name}" in YAML 1.2`, at(m, name), 'quote the key'));
    }
    const block = YAML11_BOOL.exec(line) ?? YAML11_OCTAL.exec(line) ?? YAML11_UNDERSCORE.exec(line);
    const found = block ? [block] : flow ? [...code.matchAll(YAML11_FLOW)] : [];
    for (const m of found) {
      const value = m[1] as string;
      // a volume's `defaultMode: 0755` is a file mode, written in octal as Kubernetes' own docs do, and read so
      if (/^[-+]?0/.test(value) && FILE_MODE_KEY.test(line.slice(0, m.indices?.[1]?.[0] ?? 0))) continue;
      const hint = value.includes('_') ? 'write the number without underscores, or quote it' : 'quote the value';
      // a Secret's values stay out of every output (a CI log included): the place is enough
      if (secret) {
        diagnostics.push(diag(Codes.yaml11Trap, 'warning', `an unquoted value here reads differently in YAML 1.1 (Kubernetes' parser) and in YAML 1.2 (not shown: a Secret's)`, at(m, value), hint));
        continue;
      }
      const what = value.includes('_')
        ? `the ${yaml11Number(value)} in YAML 1.1 (Kubernetes' parser) but the string "${value}" in YAML 1.2`
        : /^[-+]?0/.test(value)
          ? `octal ${parseInt(value, 8)} in YAML 1.1 (Kubernetes' parser) but decimal ${parseInt(value, 10)} in YAML 1.2`
          : `a boolean in YAML 1.1 (Kubernetes' parser) but the string "${value}" in YAML 1.2`;
      diagnostics.push(diag(Codes.yaml11Trap, 'warning', `unquoted ${value} is ${what}`, at(m, value), hint));
    }
  }
}

const SECRET = /^kind:[ \t]*["']?Secret["']?[ \t]*(?:#.*)?$/m;

/**
 * What YAML 1.1 (go-yaml v2, Kubernetes' parser) makes of an unquoted number with underscores:
 * the underscores dropped, then an integer in the base its prefix says (`0_7_0` is octal 070,
 * 56), or, where that fails (`08_9`), a float.
 */
function yaml11Number(value: string): string {
  const plain = value.replace(/_/g, '').replace(/^\+/, '');
  const negative = plain.startsWith('-');
  const digits = negative ? plain.slice(1) : plain;
  if (/^0[0-7]+$/.test(digits)) return `integer ${negative ? '-' : ''}${parseInt(digits, 8)} (octal ${plain})`;
  if (/^0[0-9]+$/.test(digits)) return `number ${Number(plain)}`;
  return `integer ${negative ? '-' : ''}${BigInt(digits).toString()}`;
}

/**
 * The line with what YAML reads as text masked (`x`, the same length, so columns hold): quoted
 * scalars' contents and a comment. A quote opens a scalar only where one may start (at the line's
 * start, after a blank or one of `[{,:`); a `#` starts a comment only after a blank or at the start.
 */
function yamlOfLine(line: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote !== '') {
      if (c === quote && !(quote === "'" && line[i + 1] === "'")) {
        out += c;
        quote = '';
      } else if ((quote === '"' && c === '\\') || (quote === "'" && c === "'")) {
        // an escape or a doubled quote: two characters of text
        out += i + 1 < line.length ? 'xx' : 'x';
        i++;
      } else out += 'x';
      continue;
    }
    const before = i === 0 ? ' ' : (line[i - 1] as string);
    if ((c === '"' || c === "'") && /[\s[{,:]/.test(before)) {
      quote = c;
      out += c;
    } else if (c === '#' && /\s/.test(before)) return out + 'x'.repeat(line.length - i);
    else out += c;
  }
  return out;
}

/** The text documents are cut from: CR LF and lone CR read as LF. */
/**
 * A byte-order mark (U+FEFF) at the start of a document is no content: YAML 1.2 allows one before
 * any document (`l-document-prefix`), and kubectl reads it so (its reader cuts the stream at `---`
 * lines and decodes each document as a stream of its own, whose leading BOM the decoder skips). It
 * is what concatenating files saved "with BOM" gives: without this, the first key of that
 * document read as `\uFEFFapiVersion` (a misleading "without apiVersion", or a lost `kind`).
 * Removed at the start of the text and right after a separator line; a BOM anywhere else is text.
 */
function withoutDocumentBoms(text: string): string {
  if (!text.includes('\uFEFF')) return text;
  return text.replace(/^\uFEFF/, '').replace(/^(---(?:[ \t][^\n]*)?\n)\uFEFF/gm, '$1');
}

export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * The source of everything that decides a parse, for the key of stored parses (parsed-store.ts):
 * a parser edited in any way never reads what an older one stored.
 */
export function parserSource(): string {
  const code = [parseManifestFile, loadChunk, duplicateKeys, splitDocuments, withoutDocumentBoms, sliceDocuments, splitDocumentsByLine, expandedSizeExceeds, warnYaml11Traps, yamlOfLine, yaml11Number, normalizeNewlines, FLOAT.construct, IntegralFloat];
  const patterns = [SEPARATOR, SEPARATOR_WITH_TEXT, YAML11_BOOL, YAML11_OCTAL, YAML11_FLOW, YAML11_UNDERSCORE, YAML11_BOOL_KEY, YAML11_FLOW_KEY, KUBERNETES_OBJECT, SECRET, BLOCK_SCALAR_START, YAML11_ANYWHERE];
  return [...code.map((f) => f.toString()), ...patterns.map(String), String(MAX_EXPANDED_NODES), `js-yaml ${jsYamlPackage.version}`, blockYamlSource()].join('\n');
}
