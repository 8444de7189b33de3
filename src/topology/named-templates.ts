/**
 * Helm's named templates (`{{ define "shop.dbUrl" }}…{{ end }}`, usually in `templates/_helpers.tpl`)
 * and the values a template reads through them (`{{ include "shop.dbUrl" . }}`). A value is read
 * through a named template only where the chain provably hands it the chart's root context, so that
 * `.Values` inside it is the chart's values:
 * - the call passes `$` (the root in a template file; inside a named template reached this way, its
 *   argument, the root again), or `.` outside every `with` and `range` (which rebind `.`);
 * - the name is defined exactly once among the chart's files (helm shares names across the chart
 *   and its subcharts, and which of two definitions wins depends on load order: not provable).
 * Anything else (a `dict`, `.Values.db`, a `.` inside `with`) is no proof, and the value is not traced.
 */
export class NamedTemplates {
  /** Each name's body; null where it is defined more than once. */
  private readonly bodies = new Map<string, string | null>();
  private readonly reached = new Map<string, readonly string[]>();

  constructor(files: readonly { readonly text: string }[]) {
    for (const f of files) {
      for (const [name, body] of defines(f.text)) this.bodies.set(name, this.bodies.has(name) ? null : body);
    }
  }

  /** The bodies of the named templates a text reaches with the root context, at any depth. */
  reachedFrom(text: string): readonly string[] {
    const hit = this.reached.get(text);
    if (hit) return hit;
    const seen = new Set<string>();
    const out: string[] = [];
    const queue = [...rootCalls(text)];
    while (queue.length > 0) {
      const name = queue.shift() as string;
      if (seen.has(name)) continue;
      seen.add(name);
      const body = this.bodies.get(name);
      if (typeof body !== 'string') continue;
      out.push(body);
      queue.push(...rootCalls(body));
    }
    this.reached.set(text, out);
    return out;
  }
}

/** Go template actions, `{{ … }}` with their trim markers, comments left out. */
const ACTION = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
const BLOCK_START = /^(if|with|range|define|block)\b/;
const END = /^end\b/;
// `include "name" .`, `template "name" $`: the argument is the root itself (not `.Values…`, `$x`, `$.Values`)
const CALL = /\b(?:include|template)\s+"((?:[^"\\]|\\.)*)"\s+(\$|\.)(?![\w.$])/g;

/** Each `define` of a text with its body (between the define's action and its `end`). */
function defines(text: string): [string, string][] {
  const out: [string, string][] = [];
  const stack: { kind: string; name?: string; bodyStart: number }[] = [];
  for (const m of text.matchAll(ACTION)) {
    const action = m[1] as string;
    if (action.startsWith('/*')) continue;
    const start = BLOCK_START.exec(action);
    if (start) {
      const name = start[1] === 'define' ? /^define\s+"((?:[^"\\]|\\.)*)"/.exec(action)?.[1] : undefined;
      stack.push({ kind: start[1] as string, ...(name !== undefined ? { name } : {}), bodyStart: (m.index ?? 0) + m[0].length });
    } else if (END.test(action)) {
      const open = stack.pop();
      if (open?.kind === 'define' && open.name !== undefined) out.push([open.name, text.slice(open.bodyStart, m.index)]);
    }
  }
  return out;
}

/**
 * The names a text includes with the root context, outside any `define` of its own (those are
 * reached only by name): `$` anywhere, `.` only where no enclosing `with` or `range` rebinds it.
 */
function rootCalls(text: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const m of text.matchAll(ACTION)) {
    const action = m[1] as string;
    if (action.startsWith('/*')) continue;
    const inDefine = stack.includes('define') || stack.includes('block');
    const rebound = stack.includes('with') || stack.includes('range');
    if (!inDefine) {
      for (const c of action.matchAll(CALL)) if (c[2] === '$' || !rebound) out.push(c[1] as string);
    }
    const start = BLOCK_START.exec(action);
    if (start) stack.push(start[1] as string);
    else if (END.test(action)) stack.pop();
    // `else with x` rebinds `.` up to the chain's `end`
    else if (/^else\s+(?:with|range)\b/.test(action) && stack.length > 0) stack[stack.length - 1] = 'with';
  }
  return out;
}
