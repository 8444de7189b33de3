/**
 * Escaping for text that comes from manifests (names, labels) before it reaches Markdown,
 * Mermaid, DOT or CSV. Names are attacker-controlled in a PR: nothing in them may open a link,
 * ping a user, break a table or inject HTML.
 */
const MD_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&@~:"'=]/g;

/** Markdown inline text: every punctuation character that could start syntax is escaped, @ cannot mention. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(MD_SPECIAL, (c) => {
      switch (c) {
        case '<':
          return '&lt;';
        case '>':
          return '&gt;';
        case '&':
          return '&amp;';
        case '"':
          return '&quot;';
        case '@':
          // a zero-width joiner keeps the text readable and stops GitHub from mentioning
          return '@\u200d';
        case '|':
          return '\\|';
        default:
          return `\\${c}`;
      }
    });
}

/** Text inside a Markdown code span: backticks cannot close it, pipes cannot split a table cell. */
export function markdownCode(text: string): string {
  const clean = text.replace(/\r\n?|\n/g, ' ').replace(/`/g, "'").replace(/\|/g, '\u2223');
  return `\`${clean}\``;
}

/** A Mermaid label inside double quotes: entity codes for anything that could end the label or add markup. */
export function escapeMermaid(text: string): string {
  return text.replace(/[^A-Za-z0-9 ./_\-:,[\]{}]/g, (c) => `#${c.codePointAt(0)};`);
}

export function escapeDot(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n?|\n/g, ' ');
}

/** RFC 4180; also neutralises spreadsheet formulas (=, +, -, @ at the start of a cell). */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Line-oriented text output: control characters (a name cannot hold them, but input can) are shown escaped, so one entry stays one line. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
