/**
 * Escaping for text that comes from manifests (names, labels) before it reaches Markdown,
 * Mermaid, DOT or CSV. Names are attacker-controlled in a PR: nothing in them may open a link,
 * ping a user, break a table or inject HTML.
 */
import { INVISIBLE, escapeChar, safeLine, visible } from '../diagnostics/sanitize.js';

const MD_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&@~:"'=]/g;
/** Joins text invisibly but breaks GitHub's autolinking (mentions, issue references, SHAs, URLs). */
const JOINER = '\u200d';

/** Markdown inline text: every punctuation character that could start syntax is escaped, @ cannot mention. */
export function escapeMarkdown(text: string): string {
  return neutraliseAutolinks(
    text
      .replace(/\r\n?|\n/g, ' ')
      .replace(INVISIBLE, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
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
    }),
  );
}

/**
 * GitHub links `#12`, `GH-12`, `owner/repo#12`, `@user`, hex runs that look like commit SHAs and
 * bare URLs in the rendered text of a comment, escaped or not; a zero-width joiner inside each
 * (added by us, after the input's own invisible characters were made visible) stops it.
 */
export function neutraliseAutolinks(text: string): string {
  return text
    .replace(/#(?=\d)/g, `#${JOINER}`)
    .replace(/(GH)(\\?-\d)/gi, `$1${JOINER}$2`)
    .replace(/\b[0-9a-fA-F]{7,}\b/g, (hex) => hex.replace(/(.{6})(?=.)/g, `$1${JOINER}`))
    .replace(/\/\//g, `/${JOINER}/`)
    .replace(/(www)(\\?\.)/gi, `$1${JOINER}$2`);
}

/** Text inside a Markdown code span: backticks cannot close it, pipes cannot split a table cell. */
export function markdownCode(text: string): string {
  const clean = text
    .replace(/\r\n?|\n/g, ' ')
    .replace(INVISIBLE, escapeChar)
    .replace(/`/g, "'")
    .replace(/\|/g, '\u2223');
  return `\`${clean}\``;
}

/** A Mermaid label inside double quotes: entity codes for anything that could end the label or add markup. */
export function escapeMermaid(text: string): string {
  return text.replace(/[^A-Za-z0-9 ./_\-:,[\]{}]/g, (c) => `#${c.codePointAt(0)};`);
}

export function escapeDot(text: string): string {
  return visible(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n?|\n/g, ' ');
}

/** RFC 4180; also neutralises spreadsheet formulas (=, +, -, @ at the start of a cell). */
export function csvCell(text: string): string {
  // line breaks stay (inside quotes, RFC 4180); other invisible characters are shown
  const shown = text.replace(INVISIBLE, (c) => (c === '\r' || c === '\n' || c === '\t' ? c : escapeChar(c)));
  const safe = /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Line-oriented text output: control characters (a name cannot hold them, but input can) are shown escaped, so one entry stays one line. */
export function oneLine(text: string): string {
  return safeLine(text);
}

/**
 * A value inside a GitHub workflow command (`::error file=F,line=L::MESSAGE`), escaped as the
 * runner unescapes it: `%`, CR and LF in the message; also `:` and `,` in a property.
 */
export function workflowCommandData(text: string): string {
  return visible(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function workflowCommandProperty(text: string): string {
  return workflowCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
