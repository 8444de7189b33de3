/**
 * Text from a pull request (file names, manifest values, tool messages, command-line arguments)
 * reaches terminals, CI logs and GitHub's runner, which reads any output line starting with `::`
 * as a workflow command. One helper makes such text safe for one line of output: control
 * characters, line breaks, bidi overrides and zero-width characters become visible escapes (so a
 * name cannot hide, reorder or forge text), and a leading `::` cannot start a command.
 */

// C0 and C1 controls, DEL, the Arabic letter mark, zero-width and direction marks (U+200B-200F),
// line and paragraph separators and bidi embeddings/overrides (U+2028-202E), word joiner, invisible
// operators and bidi isolates (U+2060-2069), the BOM / zero-width no-break space, interlinear annotations.
// eslint-disable-next-line no-control-regex
export const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

/** One character as a visible escape: `\x0a`, `\u202e`. */
export function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Every invisible or line-breaking character shown as an escape; the rest unchanged. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, escapeChar);
}

/**
 * A whole output line: `visible`, and a line that would start with `::` (after blanks) gets its
 * first colon escaped, so GitHub's runner never reads it as a workflow command.
 */
export function safeLine(text: string): string {
  return visible(text).replace(/^(\s*):(?=:)/, '$1\\x3a');
}

/** Multi-line text (a tool's message, a usage error): each line made safe, line breaks kept. */
export function safeLines(text: string): string {
  return text
    .split(/\r\n|\n|\r/)
    .map((l) => safeLine(l))
    .join('\n');
}
