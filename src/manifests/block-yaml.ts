/**
 * A fast, exact reader for the block-style YAML that Helm, Kustomize, kubectl and people write,
 * in front of js-yaml: it returns the very value js-yaml would (same keys in the same order, same
 * scalars through js-yaml's own resolvers) or FALLBACK, and js-yaml then reads the document as
 * before. Anything it is not sure of falls back: anchors, aliases, tags, directives, block
 * scalars, multi-line scalars and flow collections, complex or duplicate keys, merge keys, tabs,
 * unusual characters. Being conservative costs only speed.
 *
 * Why it pays: js-yaml reads character by character through a generic state machine that also
 * snapshots and restores state for properties; Kubernetes YAML is one entry per line, so a line
 * scanner that knows its indentation does the same work with far less garbage.
 */
import type jsYaml from 'js-yaml';

/** What `parseBlockYaml` returns when js-yaml must read the document. */
export const FALLBACK: unique symbol = Symbol('block-yaml fallback');

/**
 * The list with no spare room. An array grown by `push` keeps room for 16 more entries (V8 grows
 * its store to 1.5 times plus 16), and the parsed documents live as long as the run: a one-entry
 * list of ports or containers held 184 bytes instead of 56, a seventh of the heap at 5,000
 * workloads, copied by every young-generation collection it survived. The copy is exact; the
 * grown list dies young, where garbage costs nothing.
 */
function exactSize<T>(list: T[]): T[] {
  return list.slice();
}

/** Thrown inside the reader to give up on a document; never leaves this module. */
class Bail {}
const BAIL = new Bail();

/** One of js-yaml's implicit types as the compiled schema exposes it (not declared by @types/js-yaml). */
interface ImplicitType {
  readonly tag: string;
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

const MERGE_TAG = 'tag:yaml.org,2002:merge';
const KNOWN_IMPLICIT_TAGS: readonly string[] = ['null', 'bool', 'int', 'float', 'merge'].map((t) => `tag:yaml.org,2002:${t}`);
/** js-yaml stops at 100 nested nodes (keys count one more); we leave deep documents to it. */
const MAX_DEPTH = 40;

const LF = 0x0a;
const SPACE = 0x20;
const HASH = 0x23;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const DASH = 0x2d;
const COLON = 0x3a;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

/**
 * Characters whose handling we do not mirror: tabs (js-yaml's indentation and separation rules
 * for them are intricate), CR (the splitter normalises it; a stray one is odd), the characters
 * js-yaml rejects as non-printable or treats specially (BOM, NEL, line and paragraph separators,
 * U+FFFE/U+FFFF), and surrogates (lone ones are errors; pairs are rare in manifests).
 */
// Written as the complement of what is supported (line feed, printable ASCII, U+00A0 to U+2027,
// U+202A to U+D7FF, U+E000 to U+FEFE, U+FF00 to U+FFFD): V8 scans a negated class about three
// times as fast as this many ranges, and every byte of the input passes through it.
const UNSUPPORTED_CHARACTER = /[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

/** Whether no character of `text` is one the reader leaves to js-yaml: then no part of it has one either. */
export function onlySupportedCharacters(text: string): boolean {
  return !UNSUPPORTED_CHARACTER.test(text);
}

/**
 * Reads one document chunk (as `splitDocuments` cuts it, possibly starting with a `---` line)
 * with the schema's implicit resolvers, or returns FALLBACK. `charactersChecked`: the caller
 * found onlySupportedCharacters true of a text the chunk is part of (once per file, not per
 * document).
 */
export function parseBlockYaml(text: string, schema: jsYaml.Schema, charactersChecked = false): unknown {
  if (!charactersChecked && UNSUPPORTED_CHARACTER.test(text)) return FALLBACK;
  const implicit = (schema as unknown as { compiledImplicit: readonly ImplicitType[] }).compiledImplicit;
  // the shortcuts of resolvePlain hold for these types only (a schema with YAML 1.1 booleans would break them)
  if (!implicit.every((type) => KNOWN_IMPLICIT_TAGS.includes(type.tag))) return FALLBACK;
  try {
    return new BlockReader(text, implicit).document();
  } catch (e) {
    if (e === BAIL) return FALLBACK;
    throw e;
  }
}

/** Whether a character ends a plain scalar's token: a space, the end of a line, or the end of the text (NaN). */
function isBlank(c: number): boolean {
  return c === SPACE || c === LF || c !== c;
}

/**
 * The reader walks content lines: `pos` is the first non-space character of the current line,
 * `indent` its column (-1 at the end of the text), so that a container ends where a line is
 * less indented than its own entries, exactly as js-yaml's block rules end it.
 */
class BlockReader {
  private pos = 0;
  private lineStart = 0;
  private indent = -1;
  /** End of the last scalar token read (after a closing quote, or where a plain scalar stopped). */
  private tokenEnd = 0;
  private nextColon = -1;
  private nextHash = -1;

  constructor(
    private readonly text: string,
    private readonly implicit: readonly ImplicitType[],
  ) {}

  document(): unknown {
    let from = -1;
    if (this.text.startsWith('---')) from = this.lineEnd(3);
    this.advance(from);
    // an empty document is null or undefined depending on its separator: js-yaml decides
    if (this.indent < 0) throw BAIL;
    const root = this.node(1);
    if (this.indent >= 0) throw BAIL;
    return root;
  }

  /**
   * Moves to the next content line after the line break at `from` (-1: the start), skipping blank
   * and comment lines. A document marker inside the chunk is left to js-yaml.
   */
  private advance(from: number): void {
    const t = this.text;
    const n = t.length;
    let i = from;
    while (i < n) {
      const start = ++i;
      while (t.charCodeAt(i) === SPACE) i++;
      if (i >= n) break;
      const c = t.charCodeAt(i);
      if (c === LF) continue;
      if (c === HASH) {
        i = t.indexOf('\n', i);
        if (i < 0) break;
        continue;
      }
      if (i === start && (t.startsWith('---', i) || t.startsWith('...', i))) throw BAIL;
      this.lineStart = start;
      this.indent = i - start;
      this.pos = i;
      return;
    }
    this.indent = -1;
  }

  /**
   * The line break (or text end) after a node that ends at `p`: only spaces and a comment may
   * follow. A `#` glued to the node is a comment for js-yaml in some places and not in others.
   */
  private lineEnd(p: number): number {
    const t = this.text;
    while (t.charCodeAt(p) === SPACE) p++;
    if (p >= t.length) return t.length;
    const c = t.charCodeAt(p);
    if (c === LF) return p;
    if (c === HASH && t.charCodeAt(p - 1) === SPACE) {
      const end = t.indexOf('\n', p);
      return end < 0 ? t.length : end;
    }
    throw BAIL;
  }

  private isSequenceEntry(p: number): boolean {
    return this.text.charCodeAt(p) === DASH && isBlank(this.text.charCodeAt(p + 1));
  }

  /**
   * The node starting on the current line: a sequence, a mapping, or a scalar or flow collection
   * alone on its line (`key:\n  {}`); js-yaml reads the last as a mapping key without a colon.
   */
  private node(depth: number): unknown {
    return this.isSequenceEntry(this.pos) ? this.sequence(this.indent, depth) : this.compactEntry(this.pos, depth);
  }

  /**
   * A block mapping whose keys stand at column `indent`; the first key is at `pos` (mid-line for
   * `- key: value`). Keys keep their order; a duplicate key falls back so that js-yaml reports it.
   */
  private mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw BAIL;
    const result: Record<string, unknown> = {};
    for (;;) {
      const key = this.key();
      // A duplicate key (js-yaml reports it) or `__proto__` (an assignment would set the prototype;
      // js-yaml defines it as a key) is js-yaml's. A value is never undefined, so a key already
      // stored reads as defined; one that reads as defined but is not own comes from
      // Object.prototype (`constructor`...) and is assigned as an own key, as js-yaml assigns it.
      if (key === '__proto__' || (result[key] !== undefined && Object.hasOwn(result, key))) throw BAIL;
      result[key] = this.mappingValue(indent, depth);
      if (this.indent > indent) throw BAIL; // a more indented line after a complete entry: a multi-line scalar or an error in js-yaml
      if (this.indent < indent) break;
    }
    return result;
  }

  /** A mapping key at `pos` (plain or quoted, on one line, followed by `: ` or `:` at the line end); leaves `tokenEnd` after the colon. */
  private key(): string {
    const t = this.text;
    const start = this.pos;
    const c = t.charCodeAt(start);
    let key: string;
    if (c === DQUOTE) key = this.doubleQuoted(start);
    else if (c === SQUOTE) key = this.singleQuoted(start);
    else {
      // a key met before (nearly all of them): known from the colon's position, without reading it again
      const colon = this.colonFrom(start);
      const known = colon > start && colon < t.length && isBlank(t.charCodeAt(colon + 1)) ? metIn(KEYS, t, start, colon) : undefined;
      if (known !== undefined) {
        this.tokenEnd = colon + 1;
        return known;
      }
      const text = this.plain(start);
      key = keyString(this.resolvePlain(text));
      if (key === text && this.tokenEnd === start + text.length && t.charCodeAt(this.tokenEnd) === COLON) KEYS[slot(t, start, this.tokenEnd)] = key;
    }
    let p = this.tokenEnd;
    while (t.charCodeAt(p) === SPACE) p++;
    if (t.charCodeAt(p) !== COLON || !isBlank(t.charCodeAt(p + 1))) throw BAIL;
    this.tokenEnd = p + 1;
    return key;
  }

  /** The value after `key:`: on the same line, or a block node on the following lines, or null. */
  private mappingValue(indent: number, depth: number): unknown {
    const t = this.text;
    let p = this.tokenEnd;
    while (t.charCodeAt(p) === SPACE) p++;
    const c = t.charCodeAt(p);
    if (c === LF || c === HASH || p >= t.length) {
      this.advance(this.lineEnd(p));
      if (this.indent > indent) return this.node(depth + 1);
      // a sequence may stand at its key's own indentation (`containers:\n- name: x`)
      if (this.indent === indent && this.isSequenceEntry(this.pos)) return this.sequence(indent, depth + 1);
      return null;
    }
    const value = this.inlineValue(p, depth);
    this.advance(this.lineEnd(this.tokenEnd));
    return value;
  }

  /** A block sequence whose `-` stand at column `indent`; the first at `pos` (mid-line for `- - x`). */
  private sequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw BAIL;
    const t = this.text;
    const result: unknown[] = [];
    for (;;) {
      let p = this.pos + 1;
      while (t.charCodeAt(p) === SPACE) p++;
      const c = t.charCodeAt(p);
      if (c === LF || c === HASH || p >= t.length) {
        this.advance(this.lineEnd(p));
        if (this.indent > indent) {
          result.push(this.node(depth + 1));
        } else {
          result.push(null);
          // js-yaml reads a less indented `- ` line after an empty entry as an entry of this
          // sequence, not of the one it stands in: not mirrored
          if (this.indent >= 0 && this.indent < indent && this.isSequenceEntry(this.pos)) throw BAIL;
        }
      } else if (this.isSequenceEntry(p)) {
        // `- - x`: a nested sequence whose entries stand at the column of its first dash
        this.pos = p;
        result.push(this.sequence(p - this.lineStart, depth + 1));
      } else {
        result.push(this.compactEntry(p, depth));
      }
      if (this.indent === indent && this.isSequenceEntry(this.pos)) continue;
      if (this.indent > indent) throw BAIL;
      return exactSize(result);
    }
  }

  /**
   * `value` or `key: value` at `p` (a mapping whose keys stand at the column of its first key), as
   * after `- `. A flow collection before `: ` is a complex key: `key()` falls back on it.
   */
  private compactEntry(p: number, depth: number): unknown {
    const t = this.text;
    const value = this.inlineValue(p, depth);
    let q = this.tokenEnd;
    while (t.charCodeAt(q) === SPACE) q++;
    if (t.charCodeAt(q) === COLON && isBlank(t.charCodeAt(q + 1))) {
      this.pos = p;
      return this.mapping(p - this.lineStart, depth + 1);
    }
    this.advance(this.lineEnd(this.tokenEnd));
    return value;
  }

  /**
   * A scalar or a flow collection at `p`, on one line; sets `tokenEnd`. Inside a flow collection
   * (`inFlow`) a plain scalar also ends at `,`, `]` and `}`.
   */
  private inlineValue(p: number, depth: number, inFlow = false): unknown {
    const c = this.text.charCodeAt(p);
    if (c === DQUOTE) return this.doubleQuoted(p);
    if (c === SQUOTE) return this.singleQuoted(p);
    if (c === LBRACKET) return this.flowSequence(p, depth + 1);
    if (c === LBRACE) return this.flowMapping(p, depth + 1);
    return this.resolvePlain(inFlow ? this.flowPlain(p) : this.plain(p));
  }

  /**
   * A plain scalar in block context: it ends at `: `, ` #` or the line end; trailing spaces are
   * not part of it. Indicators that may not start one (or that start something else) fall back.
   */
  private plain(p: number): string {
    const t = this.text;
    if (!this.plainMayStart(p, false)) throw BAIL;
    let end = t.indexOf('\n', p);
    if (end < 0) end = t.length;
    // native searches for the few characters that can end it, rather than a loop over every character
    for (let colon = this.colonFrom(p); colon < end; colon = this.colonFrom(colon + 1)) {
      if (isBlank(t.charCodeAt(colon + 1))) {
        end = colon;
        break;
      }
    }
    for (let hash = this.hashFrom(p); hash < end; hash = this.hashFrom(hash + 1)) {
      if (t.charCodeAt(hash - 1) === SPACE) {
        end = hash;
        break;
      }
    }
    this.tokenEnd = end;
    while (t.charCodeAt(end - 1) === SPACE) end--;
    return interned(t, p, end);
  }

  /**
   * The first `:` at or after `p` (the text length if none). Reads move forward, so the answer is
   * kept until passed: every part of the text is searched once.
   */
  private colonFrom(p: number): number {
    if (this.nextColon < p) {
      const found = this.text.indexOf(':', p);
      this.nextColon = found < 0 ? this.text.length : found;
    }
    return this.nextColon;
  }

  /** The first `#` at or after `p`, as `colonFrom`. */
  private hashFrom(p: number): number {
    if (this.nextHash < p) {
      const found = this.text.indexOf('#', p);
      this.nextHash = found < 0 ? this.text.length : found;
    }
    return this.nextHash;
  }

  private plainMayStart(p: number, inFlow: boolean): boolean {
    const c = this.text.charCodeAt(p);
    switch (c) {
      case DASH: {
        const next = this.text.charCodeAt(p + 1);
        return !isBlank(next) && !(inFlow && (next === COMMA || next === RBRACKET || next === LBRACKET || next === LBRACE || next === RBRACE));
      }
      // `?` and `:` start plain scalars only in some contexts; `-`-like rules we do not need to mirror
      case 0x3f: // ?
      case COLON:
      case SPACE:
      case LF:
      case COMMA:
      case LBRACKET:
      case RBRACKET:
      case LBRACE:
      case RBRACE:
      case HASH:
      case 0x26: // & anchor
      case 0x2a: // * alias
      case 0x21: // ! tag
      case 0x7c: // | literal block scalar
      case 0x3e: // > folded block scalar
      case SQUOTE:
      case DQUOTE:
      case 0x25: // % directive
      case 0x40: // @ reserved
      case 0x60: // ` reserved
        return false;
      default:
        return c === c; // NaN: the text ended
    }
  }

  /** A plain scalar's value: js-yaml's implicit resolvers in order, after shortcuts that give the same answer. */
  private resolvePlain(s: string): unknown {
    const c = s.charCodeAt(0);
    // a word is a string unless it is null/Null/NULL/true/True/TRUE/false/False/FALSE (the schema's
    // only types that resolve text starting with a letter; int and float start with a sign, digit or dot;
    // merge is `<<`): the common keys `name` and `type` need no resolver
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
      if (!maybeReservedWord(s)) return s;
    } else if (c >= 0x31 && c <= 0x39 && s.length <= 15 && isDigits(s)) {
      // a decimal without sign or leading zero, short enough to be exact: the int type's parseInt(s, 10)
      return Number(s);
    }
    for (const type of this.implicit) {
      if (type.resolve(s)) {
        // `<<` merges mappings (and brings its own checks): js-yaml does that
        if (type.tag === MERGE_TAG) throw BAIL;
        return type.construct(s);
      }
    }
    return s;
  }

  /** A single-quoted scalar on one line (`''` is a quote); sets `tokenEnd` after the closing quote. */
  private singleQuoted(p: number): string {
    const t = this.text;
    let out = '';
    let segment = p + 1;
    for (let i = segment; ; i++) {
      const c = t.charCodeAt(i);
      if (c === SQUOTE) {
        out += t.slice(segment, i);
        if (t.charCodeAt(i + 1) !== SQUOTE) {
          this.tokenEnd = i + 1;
          return out;
        }
        segment = ++i; // the second quote of `''` starts the next segment
      } else if (c === LF || c !== c) {
        throw BAIL; // multi-line: folding rules are js-yaml's
      }
    }
  }

  /** A double-quoted scalar on one line with YAML's escapes, decoded exactly as js-yaml decodes them. */
  private doubleQuoted(p: number): string {
    const t = this.text;
    let out = '';
    let segment = p + 1;
    for (let i = segment; ; ) {
      const c = t.charCodeAt(i);
      if (c === DQUOTE) {
        this.tokenEnd = i + 1;
        return out + t.slice(segment, i);
      }
      if (c === LF || c !== c) throw BAIL;
      if (c === BACKSLASH) {
        out += t.slice(segment, i);
        const e = t.charCodeAt(i + 1);
        const simple = SIMPLE_ESCAPES.get(e);
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else {
          const digits = e === 0x78 ? 2 : e === 0x75 ? 4 : e === 0x55 ? 8 : 0; // \x \u \U
          if (digits === 0) throw BAIL; // an escaped line break or an unknown escape
          let code = 0;
          for (let k = 0; k < digits; k++) {
            const h = hexValue(t.charCodeAt(i + 2 + k));
            if (h < 0) throw BAIL;
            code = (code << 4) + h; // js-yaml's arithmetic, 32-bit shifts included
          }
          out += charFromCodepoint(code);
          i += 2 + digits;
        }
        segment = i;
        continue;
      }
      i++;
    }
  }

  /**
   * A flow collection on one line: `[a, "b", 80]`, `{name: x, labels: {app: web}}`, nested. Every
   * entry has a value (`{a, b: 1}` and `{a: }` fall back), a trailing comma is allowed as js-yaml
   * allows it, a plain scalar holding `:` or `#` falls back (their flow rules are subtle).
   */
  private flowSequence(p: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw BAIL;
    const t = this.text;
    const result: unknown[] = [];
    let i = p + 1;
    for (;;) {
      while (t.charCodeAt(i) === SPACE) i++;
      if (t.charCodeAt(i) === RBRACKET) {
        this.tokenEnd = i + 1;
        return exactSize(result);
      }
      result.push(this.inlineValue(i, depth, true));
      i = this.tokenEnd;
      while (t.charCodeAt(i) === SPACE) i++;
      const next = t.charCodeAt(i);
      // `[a: b]` (a pair in a sequence) or a missing comma: js-yaml
      if (next === COMMA) i++;
      else if (next !== RBRACKET) throw BAIL;
    }
  }

  private flowMapping(p: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw BAIL;
    const t = this.text;
    const result: Record<string, unknown> = {};
    let entries = 0;
    let i = p + 1;
    for (;;) {
      while (t.charCodeAt(i) === SPACE) i++;
      const c = t.charCodeAt(i);
      if (c === RBRACE) {
        this.tokenEnd = i + 1;
        if (Object.keys(result).length !== entries) throw BAIL; // a duplicate key or `__proto__`, as in `mapping`
        return result;
      }
      let key: string;
      if (c === DQUOTE || c === SQUOTE) {
        key = c === DQUOTE ? this.doubleQuoted(i) : this.singleQuoted(i);
        i = this.tokenEnd;
        while (t.charCodeAt(i) === SPACE) i++;
        // after a quoted key the colon needs no space (`{"a":1}`, JSON style), as js-yaml reads it
        if (t.charCodeAt(i) !== COLON) throw BAIL;
      } else {
        key = keyString(this.resolvePlain(this.flowPlain(i)));
        i = this.tokenEnd;
        // flowPlain stops only at `: `, `,`, `]` or `}`; a key without a value falls back
        if (t.charCodeAt(i) !== COLON) throw BAIL;
      }
      i++;
      while (t.charCodeAt(i) === SPACE) i++;
      const v = t.charCodeAt(i);
      if (v === COMMA || v === RBRACE) throw BAIL; // an empty value
      result[key] = this.inlineValue(i, depth, true);
      entries++;
      i = this.tokenEnd;
      while (t.charCodeAt(i) === SPACE) i++;
      const next = t.charCodeAt(i);
      if (next === COMMA) i++;
      else if (next !== RBRACE) throw BAIL;
    }
  }

  /**
   * A plain scalar inside a flow collection: it ends at `,`, `]`, `}` or `: `; any other `:`, a
   * `#`, a nested opening bracket or the line end falls back.
   */
  private flowPlain(p: number): string {
    const t = this.text;
    if (!this.plainMayStart(p, true)) throw BAIL;
    let i = p;
    let last = p;
    for (; ; i++) {
      const c = t.charCodeAt(i);
      if (c === COMMA || c === RBRACKET || c === RBRACE) break;
      if (c === COLON) {
        if (t.charCodeAt(i + 1) === SPACE) break;
        throw BAIL;
      }
      if (c === LF || c !== c || c === HASH || c === LBRACKET || c === LBRACE) throw BAIL;
      if (c !== SPACE) last = i + 1;
    }
    this.tokenEnd = i;
    return t.slice(p, last);
  }
}

/**
 * Plain scalars met lately (keys and values, 4,096 slots by length and end characters), so that
 * the same text read again is the same string: no copy per occurrence (a run's documents share
 * their keys, label values and namespace names), and a key is stored into its mapping without
 * being looked up in V8's string table each time. A slot holds the text of one plain scalar,
 * which never holds a line break, a `: ` or a ` #` and never ends with a space.
 */
const MET = new Array<string | undefined>(4096).fill(undefined);

/**
 * Plain mapping keys met lately that resolve to their own text (not `~`, `0x1F` or `1.0`), by the
 * same slots: a key at a position whose next `: ` follows the same text is that key (a plain scalar
 * read there would end at that colon).
 */
const KEYS = new Array<string | undefined>(4096).fill(undefined);

function slot(t: string, start: number, end: number): number {
  return ((end - start) * 961 + t.charCodeAt(start) * 31 + t.charCodeAt(end - 1)) & 4095;
}

/** The string of `t` from `start` to `end`, the one met before if there was. */
/** The string `table` holds for the text of `t` from `start` to `end`, if it holds that text. */
function metIn(table: readonly (string | undefined)[], t: string, start: number, end: number): string | undefined {
  const met = table[slot(t, start, end)];
  return met !== undefined && met.length === end - start && t.startsWith(met, start) ? met : undefined;
}

function interned(t: string, start: number, end: number): string {
  const met = metIn(MET, t, start, end);
  if (met !== undefined) return met;
  const s = t.slice(start, end);
  MET[slot(t, start, end)] = s;
  return s;
}

/** Whether a word is one that the null and bool types resolve; every other word is a string. */
function maybeReservedWord(s: string): boolean {
  if (s.length !== 4 && s.length !== 5) return false;
  const c = s.charCodeAt(0) | 0x20; // lower case
  if (c !== 0x6e && c !== 0x74 && c !== 0x66) return false; // n t f
  return RESERVED_WORDS.includes(s);
}
const RESERVED_WORDS: readonly string[] = ['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'];

/** A mapping key as js-yaml stores it: `String(key)`, except that objects (IntegralFloat) become `[object Object]`. */
function keyString(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'object' && value !== null ? '[object Object]' : String(value);
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** The code point as js-yaml builds it (a surrogate pair above U+FFFF). */
function charFromCodepoint(c: number): string {
  if (c <= 0xffff) return String.fromCharCode(c);
  return String.fromCharCode(((c - 0x010000) >> 10) + 0xd800, ((c - 0x010000) & 0x03ff) + 0xdc00);
}

/** YAML's one-character escapes (`\t` written with a literal tab is left to js-yaml, as tabs are). */
const SIMPLE_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x30, '\x00'], // 0
  [0x61, '\x07'], // a
  [0x62, '\x08'], // b
  [0x74, '\x09'], // t
  [0x6e, '\x0a'], // n
  [0x76, '\x0b'], // v
  [0x66, '\x0c'], // f
  [0x72, '\x0d'], // r
  [0x65, '\x1b'], // e
  [0x20, ' '],
  [0x22, '"'],
  [0x2f, '/'],
  [0x5c, '\\'],
  [0x4e, '\x85'], // N
  [0x5f, '\xa0'], // _
  [0x4c, '\u2028'], // L
  [0x50, '\u2029'], // P
]);

/** The reader's source, for the key of stored parses (a changed reader never reads an older one's entries). */
export function blockYamlSource(): string {
  return [parseBlockYaml, BlockReader, keyString, slot, metIn, interned, isDigits, maybeReservedWord, RESERVED_WORDS.join(), hexValue, charFromCodepoint, isBlank, String(UNSUPPORTED_CHARACTER), String(MAX_DEPTH), KNOWN_IMPLICIT_TAGS.join(), JSON.stringify([...SIMPLE_ESCAPES])]
    .map(String)
    .join('\n');
}
