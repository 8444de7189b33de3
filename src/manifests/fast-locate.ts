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

const lineCache = new WeakMap<object, string[]>();

function isContent(l: string): boolean {
  const t = l.trimStart();
  return t !== '' && !t.startsWith('#');
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

export function fastLocate(owner: object, text: string, path: readonly (string | number)[]): Position | undefined {
  let lines = lineCache.get(owner);
  if (!lines) {
    lines = text.split('\n');
    lineCache.set(owner, lines);
  }
  const all = lines;
  // the node being descended: its line range and, for an item whose content starts on the dash line, that virtual line
  let from = 0;
  let to = all.length;
  let virtual: { index: number; line: Line } | undefined;
  let here: Position = { line: 0, column: 1 };
  const lineAt = (i: number): Line | undefined => {
    if (virtual && virtual.index === i) return virtual.line;
    const raw = all[i] as string;
    if (!isContent(raw)) return undefined;
    const indent = raw.length - raw.trimStart().length;
    return { indent, text: raw.slice(indent).replace(/\r$/, '') };
  };
  for (let s = 0; s < path.length; s++) {
    const seg = path[s] as string | number;
    const last = s === path.length - 1;
    // the indentation of the node's children: that of its first content line
    let first = from;
    while (first < to && !lineAt(first)) first++;
    if (first >= to) return undefined;
    const childIndent = (lineAt(first) as Line).indent;
    if (typeof seg === 'string') {
      let found = -1;
      let info: ReturnType<typeof keyOf>;
      for (let i = first; i < to; i++) {
        const l = lineAt(i);
        if (!l || l.indent !== childIndent) continue;
        const k = keyOf(l.text);
        if (k && k.key === seg) {
          found = i;
          info = k;
          break;
        }
      }
      if (found < 0 || !info) return undefined;
      const l = lineAt(found) as Line;
      if (last) {
        const inline = !restIsBlock(info.rest);
        return { line: found, column: l.indent + 1 + (inline ? info.restOffset : 0) };
      }
      if (!restIsBlock(info.rest)) return undefined;
      // children: following lines indented deeper, or a compact sequence at the same indent
      let end = found + 1;
      while (end < to) {
        const c = lineAt(end);
        if (c && (c.indent < l.indent || (c.indent === l.indent && !c.text.startsWith('-')))) break;
        end++;
      }
      from = found + 1;
      to = end;
      virtual = undefined;
      here = { line: found, column: l.indent + 1 };
    } else {
      let n = -1;
      let found = -1;
      for (let i = first; i < to; i++) {
        const l = lineAt(i);
        if (!l || l.indent !== childIndent || !(l.text === '-' || l.text.startsWith('- '))) continue;
        if (++n === seg) {
          found = i;
          break;
        }
      }
      if (found < 0) return undefined;
      const dash = lineAt(found) as Line;
      const after = dash.text.slice(1);
      const pad = after.length - after.trimStart().length;
      const content = after.trimStart();
      let end = found + 1;
      while (end < to) {
        const c = lineAt(end);
        if (c && c.indent <= dash.indent) break;
        end++;
      }
      if (last) return { line: found, column: dash.indent + 1 + (content ? 1 + pad : 0) };
      if (content === '' || content.startsWith('#')) {
        from = found + 1;
        virtual = undefined;
      } else {
        if (content.startsWith('- ') || content.startsWith('{') || content.startsWith('[')) return undefined;
        from = found;
        virtual = { index: found, line: { indent: dash.indent + 1 + pad, text: content } };
      }
      to = end;
      here = { line: found, column: dash.indent + 1 };
    }
  }
  if (path.length === 0) {
    // the object itself: its first line that is neither blank, a comment nor the document separator
    const first = all.findIndex((l) => isContent(l) && !/^---(\s|$)/.test(l));
    return first >= 0 ? { line: first, column: 1 } : here;
  }
  return here;
}
