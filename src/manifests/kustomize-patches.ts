import path from 'node:path/posix';
import { isScalar, LineCounter, parseDocument } from 'yaml';
import type { SourceRef } from '../diagnostics/diagnostic.js';
import { parseManifestFile, type ParsedDocument } from './documents.js';
import { meetsRequirements, parseSelectorText } from './label-selector-text.js';

/**
 * The patches a kustomization lists, read as kustomize reads them, so that a field a patch wrote
 * is cited at the patch's own line: strategic-merge patches and JSON 6902 patches, in files
 * (`patches: [{path}]`, `patchesStrategicMerge: [file]`, `patchesJson6902: [{path}]`) or written
 * inline in the kustomization (`patch: |-`, an inline `patchesStrategicMerge` entry), where a line
 * of the patch text is a line of the kustomization.
 */
export interface KustomizationPatch {
  /** The patch text parsed: its documents (strategic merge), or one document holding the list of operations (JSON 6902). */
  readonly documents: readonly ParsedDocument[];
  /** A JSON 6902 patch: a list of operations. */
  readonly json: boolean;
  /** `target:` of the entry (which objects it applies to); undefined: by the patch's own kind and name. */
  readonly target: Record<string, unknown> | undefined;
  /**
   * A place in the patch text as the file a person edits shows it: a patch file's own place, or the
   * kustomization's line inside an inline block (undefined when that line cannot be known exactly).
   */
  readonly place: (at: SourceRef) => SourceRef | undefined;
}

type Json = unknown;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The patches of the kustomization `k` (its display path, its text), in the order kustomize applies
 * them: `patchesStrategicMerge`, then `patches`, then `patchesJson6902` (after the name and
 * namespace transformers). `read` gives a patch file's text by display path; a file it cannot give,
 * or a remote one, is left out.
 */
export function kustomizationPatches(k: string, text: string, read: (file: string) => string | undefined): KustomizationPatch[] {
  const kdoc = parseManifestFile({ path: k, text }).documents[0];
  if (!kdoc || !isRecord(kdoc.value)) return [];
  const dir = path.dirname(k);
  const out: KustomizationPatch[] = [];
  const fromFile = (rel: string, target: Record<string, unknown> | undefined) => {
    if (/^[a-z]+:\/\//i.test(rel)) return;
    const file = path.normalize(path.join(dir, rel));
    const body = read(file);
    if (body !== undefined) out.push(patchOf(parseManifestFile({ path: file, text: body }).documents, target, (at) => at));
  };
  const inline = (body: string, at: (string | number)[], target: Record<string, unknown> | undefined) => {
    out.push(patchOf(parseManifestFile({ path: k, text: body }).documents, target, inlinePlacer(k, text, at, body)));
  };
  const v = kdoc.value;
  (Array.isArray(v.patchesStrategicMerge) ? v.patchesStrategicMerge : []).forEach((e: unknown, i) => {
    if (typeof e !== 'string') return;
    if (e.includes('\n')) inline(e, ['patchesStrategicMerge', i], undefined);
    else fromFile(e, undefined);
  });
  for (const key of ['patches', 'patchesJson6902'] as const) {
    (Array.isArray(v[key]) ? (v[key] as unknown[]) : []).forEach((e, i) => {
      if (!isRecord(e)) return;
      const target = isRecord(e.target) ? e.target : undefined;
      if (typeof e.patch === 'string') inline(e.patch, [key, i, 'patch'], target);
      else if (typeof e.path === 'string') fromFile(e.path, target);
    });
  }
  return out;
}

function patchOf(documents: readonly ParsedDocument[], target: Record<string, unknown> | undefined, place: (at: SourceRef) => SourceRef | undefined): KustomizationPatch {
  // kustomize reads a patch whose text is a list as JSON 6902 operations, anything else as strategic merge
  const json = documents.length === 1 && Array.isArray(documents[0]?.value);
  return { documents, json, target, place };
}

/**
 * Where a line of an inline patch lies in the kustomization. A literal block (`|`, `|-`) keeps its
 * lines: line n of the patch is line n after the block's header, shifted by the block's
 * indentation; each cited line is checked against the kustomization's text before it is given.
 * A patch written on one line (a quoted or plain scalar) is cited at that line. Any other form
 * (a folded block, a quoted string over several lines) names the kustomization without a line.
 */
function inlinePlacer(k: string, text: string, at: readonly (string | number)[], body: string): (ref: SourceRef) => SourceRef | undefined {
  const lines = text.split(/\r?\n/);
  const bodyLines = body.split('\n');
  let layout: { header: number; indent: number } | { oneLine: number; column: number } | null | undefined;
  const find = () => {
    const counter = new LineCounter();
    const node = parseDocument(text, { lineCounter: counter, uniqueKeys: false, strict: false }).getIn(at, true);
    if (!isScalar(node) || !node.range) return null;
    const start = counter.linePos(node.range[0]);
    if (node.type === 'BLOCK_LITERAL') {
      const first = bodyLines.findIndex((l) => l.trim() !== '');
      const sourceLine = lines[start.line + first];
      const bodyLine = bodyLines[first];
      if (first < 0 || sourceLine === undefined || bodyLine === undefined || !sourceLine.endsWith(bodyLine)) return null;
      return { header: start.line, indent: sourceLine.length - bodyLine.length };
    }
    const end = counter.linePos(node.range[1]);
    return !body.includes('\n') && end.line === start.line ? { oneLine: start.line, column: start.col } : null;
  };
  return (ref) => {
    if (layout === undefined) layout = find();
    const withoutLine = { file: k, doc: 0, ...(ref.path ? { path: ref.path } : {}) };
    if (ref.line === undefined || layout === null) return withoutLine;
    if ('oneLine' in layout) return { ...withoutLine, line: layout.oneLine, column: layout.column };
    const line = layout.header + ref.line;
    const source = lines[line - 1];
    const written = bodyLines[ref.line - 1];
    // the kustomization's line is the patch's line, indented: anything else is not provably the place
    if (source === undefined || written === undefined || source.slice(0, layout.indent).trim() !== '' || source.slice(layout.indent) !== written) return withoutLine;
    return { ...withoutLine, line, ...(ref.column !== undefined ? { column: ref.column + layout.indent } : {}) };
  };
}

/**
 * Whether a patch entry's `target:` selects the object (kustomize's selector: kind, group,
 * version, and name and namespace as anchored regular expressions, matched against the object's
 * name before and after this overlay's prefixes; label and annotation selectors as apimachinery
 * parses them, set-based forms included: `app in (a,b)`, `tier notin (x)`, `!key`; see
 * label-selector-text.ts). A selector it cannot evaluate selects nothing: the patch is then
 * never cited, rather than cited for an object it may not apply to. Name patterns are read in the
 * forms targets use (see namePattern), never by JavaScript's backtracking regular expressions:
 * kustomize's are Go's, linear in time, and `(a+)+c` against a long name would stall the run.
 */
export function targetSelects(target: Record<string, unknown>, rendered: Record<string, unknown>, own: Json): boolean {
  const apiVersion = typeof rendered.apiVersion === 'string' ? rendered.apiVersion : '';
  const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
  const meta = (v: Json) => (isRecord(v) && isRecord(v.metadata) ? v.metadata : {});
  const anchored = (pattern: unknown, values: readonly unknown[]) => {
    if (typeof pattern !== 'string') return true;
    const alternatives = namePattern(pattern);
    return alternatives !== undefined && values.some((v) => typeof v === 'string' && alternatives.some((a) => wildcardMatch(a, v)));
  };
  if (target.kind !== undefined && target.kind !== rendered.kind) return false;
  if (target.group !== undefined && target.group !== group) return false;
  if (target.version !== undefined && target.version !== version) return false;
  if (!anchored(target.name, [meta(rendered).name, meta(own).name])) return false;
  if (target.namespace !== undefined && !anchored(target.namespace, [meta(rendered).namespace ?? 'default', meta(own).namespace ?? 'default'])) return false;
  return selectorMatches(target.labelSelector, meta(rendered).labels) && selectorMatches(target.annotationSelector, meta(rendered).annotations);
}

/** One token of a name pattern: a character, any one character (`.`), or any run of characters (`.*`). */
type NameToken = string | typeof ANY | typeof ANY_RUN;
const ANY = 0;
const ANY_RUN = 1;

/**
 * A target's name or namespace pattern as alternatives of tokens, or undefined for one outside the
 * forms read here: literal characters (a metacharacter escaped with `\\`), `.`, `.*` and `.+`,
 * alternatives separated by `|`, optionally in one group and between `^` and `$`. Within these
 * forms Go's and JavaScript's readings agree.
 */
export function namePattern(pattern: string): NameToken[][] | undefined {
  let p = pattern;
  if (p.startsWith('^')) p = p.slice(1);
  if (p.endsWith('$') && !p.endsWith('\\$')) p = p.slice(0, -1);
  if (p.startsWith('(') && p.endsWith(')') && !p.endsWith('\\)')) p = p.slice(1, -1).replace(/^\?:/, '');
  const alternatives: NameToken[][] = [];
  let tokens: NameToken[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === '\\') {
      const next = p[i + 1];
      // `\d`, `\w`... are classes, not characters
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return undefined;
      tokens.push(next);
      i++;
    } else if (c === '.') {
      const next = p[i + 1];
      if (next === '*') tokens.push(ANY_RUN);
      else if (next === '+') tokens.push(ANY, ANY_RUN);
      else tokens.push(ANY);
      if (next === '*' || next === '+') i++;
    } else if (c === '|') {
      alternatives.push(tokens);
      tokens = [];
    } else if ('*+?{}[]()^$'.includes(c)) {
      return undefined;
    } else {
      tokens.push(c);
    }
  }
  alternatives.push(tokens);
  return alternatives;
}

/** Whether `text` is matched whole by the tokens: the classic wildcard walk, at most length × tokens steps. */
export function wildcardMatch(tokens: readonly NameToken[], text: string): boolean {
  let t = 0;
  let i = 0;
  let run = -1;
  let runFrom = 0;
  while (i < text.length) {
    const token = tokens[t];
    if (token !== undefined && token !== ANY_RUN && (token === ANY || token === text[i])) {
      t++;
      i++;
    } else if (token === ANY_RUN) {
      run = t++;
      runFrom = i;
    } else if (run >= 0) {
      t = run + 1;
      i = ++runFrom;
    } else {
      return false;
    }
  }
  while (tokens[t] === ANY_RUN) t++;
  return t === tokens.length;
}

function selectorMatches(selector: unknown, values: unknown): boolean {
  if (selector === undefined) return true;
  if (typeof selector !== 'string') return false;
  const reqs = parseSelectorText(selector);
  return reqs !== undefined && meetsRequirements(reqs, isRecord(values) ? values : {});
}

/** A JSON 6902 operation that writes a value the patch text holds. */
export interface WritingOp {
  /** Its index in the patch's list. */
  readonly index: number;
  readonly op: 'add' | 'replace';
  readonly tokens: readonly string[];
  readonly value: Json;
}

/** The `add` and `replace` operations of a JSON 6902 patch (a `copy` or `move` writes a value from elsewhere in the object: not cited). */
export function writingOps(list: Json): WritingOp[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((o: Json, index) => {
    if (!isRecord(o) || (o.op !== 'add' && o.op !== 'replace') || typeof o.path !== 'string' || !Object.hasOwn(o, 'value')) return [];
    const tokens = pointerTokens(o.path);
    return tokens ? [{ index, op: o.op, tokens, value: o.value }] : [];
  });
}

/** RFC 6901: `/a/b~1c/0` -> ['a', 'b/c', '0']; undefined for a malformed pointer. */
function pointerTokens(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * How many steps of the rendered path `p` the operation's pointer stands for, when it provably
 * wrote the node there: names equal step by step; an index of a list that held the same element
 * at the same place before the overlay (its source document) and after (nothing inserted before
 * it, the element found by `name` where it has one); an element `add` inserted, when exactly one
 * element of the rendered list holds everything the operation's value says. Undefined otherwise,
 * and when `p` ends above the pointer's node (a field around the one written).
 */
export function opReaches(op: WritingOp, rendered: Json, own: Json, p: readonly (string | number)[]): number | undefined {
  let r = rendered;
  let o = own;
  for (let t = 0; t < op.tokens.length; t++) {
    const token = op.tokens[t] as string;
    const step = p[t];
    if (step === undefined) return undefined;
    if (Array.isArray(r)) {
      if (typeof step !== 'number') return undefined;
      const inserted = op.op === 'add' && t === op.tokens.length - 1;
      if (inserted) {
        if (token !== '-' && !/^(0|[1-9]\d*)$/.test(token)) return undefined;
        const holders = r.flatMap((el, i) => (covers(op.value, el) ? [i] : []));
        if (holders.length !== 1 || holders[0] !== step) return undefined;
        o = undefined;
      } else {
        if (!/^(0|[1-9]\d*)$/.test(token) || Number(token) !== step || !Array.isArray(o) || !samePlace(o, r, step)) return undefined;
        o = o[step];
      }
      r = r[step];
    } else if (isRecord(r)) {
      if (step !== token || !Object.hasOwn(r, token)) return undefined;
      r = r[token];
      o = isRecord(o) ? o[token] : undefined;
    } else return undefined;
  }
  return op.tokens.length;
}

/** Whether element `i` of a list is the same element before and after the overlay: the same `name`, else lists of the same length. */
function samePlace(before: readonly Json[], after: readonly Json[], i: number): boolean {
  const a = before[i];
  const b = after[i];
  if (a === undefined || b === undefined) return false;
  if (isRecord(b) && typeof b.name === 'string') return isRecord(a) && a.name === b.name;
  return before.length === after.length;
}

/** Whether `rendered` holds everything `written` says (a mapping's keys with their values, a list element by element, a scalar as written). */
function covers(written: Json, rendered: Json): boolean {
  if (Array.isArray(written)) return Array.isArray(rendered) && rendered.length === written.length && written.every((w, i) => covers(w, rendered[i]));
  if (isRecord(written)) return isRecord(rendered) && Object.entries(written).every(([k, w]) => Object.hasOwn(rendered, k) && covers(w, rendered[k]));
  return written === rendered || (written !== null && rendered !== null && typeof written !== 'object' && typeof rendered !== 'object' && String(written) === String(rendered));
}
