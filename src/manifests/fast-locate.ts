/**
 * Line and column of a YAML path in block-style text, found by reading indentation only.
 * Kubernetes manifests are almost always block style, and re-parsing every document with `yaml`
 * just to learn where an env value sits costs seconds on a large app; this answers in a few line
 * scans. Anything it does not recognise (flow collections on the way, anchors, odd keys) returns
 * undefined, and the caller falls back to the full parser.
 */
interface Line {
  readonly indent: number;
  /** Content after the indentation (for a sequence item's first line, after the dash). */
  readonly text: string;
}

export interface Position {
  /** 0-based line within the text. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/** By document: its lines, and each line's indentation and content once read (null: blank or a comment). */
const lineCache = new WeakMap<object, { readonly lines: string[]; readonly read: (Line | null | undefined)[] }>();

/**
 * The line's indentation and content; null when it is blank or a comment. Leading spaces are
 * counted directly; a line whose indentation holds another character JavaScript calls white
 * space (a tab, a no-break space) goes through trimStart, which defines it. (Exported for its test.)
 */
export function readLine(raw: string): Line | null {
  let indent = 0;
  while (raw.charCodeAt(indent) === 0x20) indent++;
  const next = raw.charCodeAt(indent);
  if (next === 0x09 || next === 0x0b || next === 0x0c || next === 0x0d || next > 0x7f) indent = raw.length - raw.trimStart().length;
  if (indent === raw.length || raw.charCodeAt(indent) === 0x23) return null;
  const end = raw.charCodeAt(raw.length - 1) === 0x0d ? raw.length - 1 : raw.length;
  return { indent, text: raw.slice(indent, end) };
}


function keyOf(text: string): { key: string; rest: string; restOffset: number } | undefined {
  const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[&*!|>%@`][^:#]*?|[^\s#'"{[&*!|>%@`]):(?:\s+|$)/.exec(text);
  if (!m) return undefined;
  let key = m[1] as string;
  if (key.startsWith('"')) key = JSON.parse(key) as string;
  else if (key.startsWith("'")) key = key.slice(1, -1).replace(/''/g, "'");
  else key = key.trimEnd();
  return { key, rest: text.slice(m[0].length), restOffset: m[0].length };
}

function restIsBlock(rest: string): boolean {
  const r = rest.trim();
  return r === '' || r.startsWith('#');
}

/** One node being descended: its line range, the virtual line of an item whose content starts on the dash line, and its children found so far. */
interface NodeState {
  readonly from: number;
  readonly to: number;
  readonly virtual: { index: number; line: Line } | undefined;
  readonly here: Position;
  /** Children indexed in one scan of the node (first occurrence of each key; items in order). */
  keys?: Map<string, { line: number; info: NonNullable<ReturnType<typeof keyOf>> }>;
  items?: number[];
  childIndent?: number;
  first?: number;
}

/**
 * Descended nodes by document and path prefix: locating N fields of one document reads each
 * node's lines once, so N list items cost linear time, not N scans of the list (5,000 invalid
 * items of one List took a minute before).
 */
const nodeCache = new WeakMap<object, Map<string, NodeState>>();

function prefixKey(path: readonly (string | number)[], n: number): string {
  let k = '';
  for (let i = 0; i < n; i++) {
    const seg = path[i] as string | number;
    k += typeof seg === 'number' ? `\u0001${seg}` : `\u0002${seg}`;
  }
  return k;
}

export function fastLocate(owner: object, text: string, path: readonly (string | number)[]): Position | undefined {
  let cached = lineCache.get(owner);
  if (!cached) {
    const lines = text.split('\n');
    cached = { lines, read: new Array<Line | null | undefined>(lines.length) };
    lineCache.set(owner, cached);
  }
  const all = cached.lines;
  const read = cached.read;
  let nodes = nodeCache.get(owner);
  if (!nodes) {
    nodes = new Map();
    nodeCache.set(owner, nodes);
  }
  // each line read once per document, however many paths are located in it
  const lineAt = (node: NodeState, i: number): Line | undefined => {
    if (node.virtual && node.virtual.index === i) return node.virtual.line;
    let l = read[i];
    if (l === undefined) read[i] = l = readLine(all[i] as string);
    return l ?? undefined;
  };
  let node: NodeState = nodes.get('') ?? { from: 0, to: all.length, virtual: undefined, here: { line: 0, column: 1 } };
  nodes.set('', node);
  for (let s = 0; s < path.length; s++) {
    const seg = path[s] as string | number;
    const last = s === path.length - 1;
    const cur = node;
    // the indentation of the node's children: that of its first content line
    if (cur.first === undefined) {
      let first = cur.from;
      while (first < cur.to && !lineAt(cur, first)) first++;
      cur.first = first;
      cur.childIndent = first < cur.to ? (lineAt(cur, first) as Line).indent : -1;
    }
    const first = cur.first;
    if (first >= cur.to) return undefined;
    const childIndent = cur.childIndent as number;
    const key = prefixKey(path, s + 1);
    const known = nodes.get(key);
    if (typeof seg === 'string') {
      if (!cur.keys) {
        cur.keys = new Map();
        for (let i = first; i < cur.to; i++) {
          const l = lineAt(cur, i);
          if (!l || l.indent !== childIndent) continue;
          const k = keyOf(l.text);
          if (k && !cur.keys.has(k.key)) cur.keys.set(k.key, { line: i, info: k });
        }
      }
      const hit = cur.keys.get(seg);
      if (!hit) return undefined;
      const l = lineAt(cur, hit.line) as Line;
      if (last) {
        const inline = !restIsBlock(hit.info.rest);
        // an anchor or a tag before the value (`port: &port 5000`): where the value starts is the full parser's call
        if (inline && /^[&!]/.test(hit.info.rest)) return undefined;
        return { line: hit.line, column: l.indent + 1 + (inline ? hit.info.restOffset : 0) };
      }
      if (!restIsBlock(hit.info.rest)) return undefined;
      if (known) {
        node = known;
        continue;
      }
      // children: following lines indented deeper, or a compact sequence at the same indent
      let end = hit.line + 1;
      while (end < cur.to) {
        const c = lineAt(cur, end);
        if (c && (c.indent < l.indent || (c.indent === l.indent && !c.text.startsWith('-')))) break;
        end++;
      }
      node = { from: hit.line + 1, to: end, virtual: undefined, here: { line: hit.line, column: l.indent + 1 } };
      nodes.set(key, node);
    } else {
      if (!cur.items) {
        cur.items = [];
        for (let i = first; i < cur.to; i++) {
          const l = lineAt(cur, i);
          if (!l || l.indent !== childIndent || !(l.text === '-' || l.text.startsWith('- '))) continue;
          cur.items.push(i);
        }
      }
      const found = cur.items[seg];
      if (found === undefined) return undefined;
      const dash = lineAt(cur, found) as Line;
      const after = dash.text.slice(1);
      const pad = after.length - after.trimStart().length;
      const content = after.trimStart();
      if (last) return /^[&!]/.test(content) ? undefined : { line: found, column: dash.indent + 1 + (content ? 1 + pad : 0) };
      if (known) {
        node = known;
        continue;
      }
      let end = found + 1;
      while (end < cur.to) {
        const c = lineAt(cur, end);
        if (c && c.indent <= dash.indent) break;
        end++;
      }
      const here = { line: found, column: dash.indent + 1 };
      if (content === '' || content.startsWith('#')) node = { from: found + 1, to: end, virtual: undefined, here };
      else {
        if (content.startsWith('- ') || content.startsWith('{') || content.startsWith('[')) return undefined;
        node = { from: found, to: end, virtual: { index: found, line: { indent: dash.indent + 1 + pad, text: content } }, here };
      }
      nodes.set(key, node);
    }
  }
  if (path.length === 0) {
    // the object itself: its first line that is neither blank, a comment nor the document separator
    const first = all.findIndex((l) => readLine(l) !== null && !/^---(\s|$)/.test(l));
    return first >= 0 ? { line: first, column: 1 } : node.here;
  }
  return node.here;
}
