/**
 * What a shell script's `echo` and `printf` print to its output: a message's URL ("file an issue at
 * https://...") is text for a reader. It is only ever a hint (see AddressCandidate.printed): an
 * address that names a Service of the manifests keeps its link wherever it is printed, since stdout
 * may well be a file someone reads as configuration.
 *
 * Not printed text:
 * - the command a substitution runs, `$(...)` or backticks, inside an echo's arguments or around one
 *   (`echo "up: $(curl -s http://db:5432/health)"` connects; `X=$(echo db:5432)` is a value);
 * - anything an echo writes to a file or pipes on (`echo "host=db:5432" > app.conf`, `| tee f`);
 * - every echo of a script whose compound command's output is redirected or piped (`done > f`,
 *   `fi >> f`, `esac | tee f`, `} > f`, `) | cmd`), that calls a function it defines with its output
 *   redirected, piped or substituted (`gen > f`, `conf=$(gen)`): a line-by-line reading cannot tell
 *   which echoes those are, so they all count;
 * - every echo after `exec > file` (stdout is that file from then on; `exec >&2` keeps them messages).
 */

// a compound command (loop, `if`, `case`, `{ }` group, `( )` subshell) closed and its stdout redirected
// or piped (`done > f`, `fi 2>/dev/null | tee f`); `} || {` is an alternative and `2>` is stderr, neither counts
const COMPOUND_OUTPUT =
  /(?:^|[;&])[ \t]*(?:done|fi|esac|[})])(?:[ \t]*(?:[02-9]?<|[02-9]>)&?[ \t]*[^\s|;&<>]+)*[ \t]*(?:1?>|&>|\|(?!\|))/m;

// `exec > file` (also `1>`, `>>`, `&>`): stdout of everything after it; not to another descriptor (`>&2`) nor a terminal or nothing
const EXEC_OUTPUT = /(?:^|[;&])[ \t]*exec[ \t]+(?:1|&)?>>?[ \t]*(?!&|\/dev\/(?:stderr|null|tty)\b)\S/m;

// a function the script defines: `gen() {`, `function gen {`, `function gen() {`
const FUNCTION_DEFINITION = /(?:^|[;&{(])[ \t]*(?:function[ \t]+([A-Za-z_][\w-]*)|([A-Za-z_][\w-]*)[ \t]*\(\))/gm;

/** Whether the script's echoes may print its configuration: see the module comment. */
function echoesConfigure(value: string): boolean {
  if (COMPOUND_OUTPUT.test(value)) return true;
  for (const m of value.matchAll(FUNCTION_DEFINITION)) {
    // a name is letters, digits, `_` and `-`: nothing to escape in a pattern
    const name = m[1] ?? m[2] ?? '';
    // called at a command's start with its output redirected or piped, or inside a substitution
    const call = new RegExp(`(?:(?:^|[;&|({]|\\b(?:then|do|else))[ \\t]*${name}(?:[ \\t]+[^\\n;|&<>]*)?[ \\t]*(?:1?>|&>|\\|(?!\\|))|(?:\\$\\(|\`)[ \\t]*${name}(?![\\w-]))`, 'm');
    if (call.test(value)) return true;
  }
  return false;
}

/**
 * The command substitutions of a script, `$(...)` (also `$((...))`) and backticks, by where each
 * starts: the offset just past its end. Quotes inside one are its own (`"$(curl "http://x")"`); a
 * single-quoted text, a `#` comment and a here-document's body hold none the shell runs here.
 */
function substitutions(value: string): Map<number, number> {
  const spans = new Map<number, number>();
  // from i, up to the `close` that ends the current substitution (none at the top): the offset after it
  const walk = (start: number, close: ')' | '`' | undefined): number => {
    let quote: '"' | "'" | undefined;
    let depth = 0;
    for (let i = start; i < value.length; i++) {
      const ch = value[i] as string;
      if (quote === "'") {
        if (ch === "'") quote = undefined;
        continue;
      }
      if (ch === '\\') {
        i++;
        continue;
      }
      if (ch === '$' && value[i + 1] === '(') {
        const end = walk(i + 2, ')');
        spans.set(i, end);
        i = end - 1;
        continue;
      }
      if (ch === '`' && close !== '`') {
        const end = walk(i + 1, '`');
        spans.set(i, end);
        i = end - 1;
        continue;
      }
      if (quote === '"') {
        if (ch === '"') quote = undefined;
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '`' && close === '`') return i + 1;
      else if (ch === '(') depth++;
      else if (ch === ')' && close === ')' && depth-- === 0) return i + 1;
      else if (ch === '#' && (i === 0 || /\s/.test(value[i - 1] as string))) i = lineEnd(value, i) - 1;
      else if (ch === '<' && value[i + 1] === '<' && value[i + 2] !== '<') i = hereDocumentEnd(value, i) - 1;
    }
    return value.length;
  };
  walk(0, undefined);
  return spans;
}

function lineEnd(value: string, from: number): number {
  const nl = value.indexOf('\n', from);
  return nl < 0 ? value.length : nl;
}

/** After `<<WORD` (`<<-`, quoted word): the end of the line that closes the here-document; past the `<<` alone if there is no word. */
function hereDocumentEnd(value: string, at: number): number {
  const m = /^<<-?[ \t]*(['"]?)([A-Za-z_][\w-]*)\1/.exec(value.slice(at));
  if (!m) return at + 2;
  const word = m[2] as string;
  let i = lineEnd(value, at);
  while (i < value.length) {
    const next = lineEnd(value, i + 1);
    if (value.slice(i + 1, next).replace(/^\t+/, '') === word) return next;
    i = next;
  }
  return value.length;
}

/**
 * The [start, end) offsets of what a script's `echo` and `printf` commands print to its output:
 * their arguments, up to the command's end (a newline, or `;`, `&`, `|`, `<`, `>` outside quotes and
 * substitutions), without the substitutions in them.
 */
export function printedText(value: string): (readonly [number, number])[] {
  if (!/\b(?:echo|printf)\b/.test(value) || echoesConfigure(value)) return [];
  const exec = EXEC_OUTPUT.exec(value);
  const until = exec ? exec.index : value.length;
  const subs = substitutions(value);
  const inSubstitution = (offset: number) => [...subs].some(([from, to]) => offset >= from && offset < to);
  const out: (readonly [number, number])[] = [];
  // a command's start: a line's, or after `;`, `&&`, `||`, `then`, `do`, `else`
  for (const m of value.matchAll(/(?:^|;|&&|\|\||\b(?:then|do|else))[ \t]*(?:echo|printf)(?=[ \t])/gm)) {
    const from = (m.index ?? 0) + m[0].length;
    // an echo inside a substitution prints a value (`X=$(echo db:5432)`); after `exec > f`, into that file
    if (from >= until || inSubstitution(from)) continue;
    let quote: string | undefined;
    const skipped: (readonly [number, number])[] = [];
    let to = from;
    for (; to < value.length; to++) {
      const ch = value[to] as string;
      const sub = quote !== "'" ? subs.get(to) : undefined;
      if (sub !== undefined) {
        skipped.push([to, sub]);
        to = sub - 1;
      } else if (quote !== undefined) {
        if (ch === '\\' && quote === '"') to++;
        else if (ch === quote) quote = undefined;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '\\') to++;
      else if ('\n;|&><'.includes(ch)) break;
    }
    // written to a file or piped into a command (`echo "host=db:5432" > app.conf`), the text is configuration someone reads
    const end = value[to];
    if (end === '>' || end === '|' || (end === '&' && value[to + 1] === '>')) continue;
    let start = from;
    for (const [a, b] of skipped) {
      if (a > start) out.push([start, a]);
      start = b;
    }
    if (to > start) out.push([start, to]);
  }
  return out;
}
