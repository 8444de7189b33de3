import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  INVISIBLE,
  escapeChar,
  safeLine,
  visible
} from "./chunk-LJ56FUY6.js";

// src/report/escape.ts
var MD_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&@~:"'=]/g;
var JOINER = "‍";
function escapeMarkdown(text) {
  return neutraliseAutolinks(
    text.replace(/\r\n?|\n/g, " ").replace(INVISIBLE, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`).replace(MD_SPECIAL, (c) => {
      switch (c) {
        case "<":
          return "&lt;";
        case ">":
          return "&gt;";
        case "&":
          return "&amp;";
        case '"':
          return "&quot;";
        case "@":
          return "@‍";
        case "|":
          return "\\|";
        default:
          return `\\${c}`;
      }
    })
  );
}
function neutraliseAutolinks(text) {
  return text.replace(/#(?=\d)/g, `#${JOINER}`).replace(/(GH)(\\?-\d)/gi, `$1${JOINER}$2`).replace(/\b[0-9a-fA-F]{7,}\b/g, (hex) => hex.replace(/(.{6})(?=.)/g, `$1${JOINER}`)).replace(/\/\//g, `/${JOINER}/`).replace(/(www)(\\?\.)/gi, `$1${JOINER}$2`);
}
function markdownCode(text) {
  const clean = text.replace(/\r\n?|\n/g, " ").replace(INVISIBLE, escapeChar).replace(/`/g, "'").replace(/\|/g, "∣");
  return `\`${clean}\``;
}
function escapeMermaid(text) {
  return text.replace(/[^A-Za-z0-9 ./_\-:,[\]{}]/g, (c) => `#${c.codePointAt(0)};`);
}
function escapeDot(text) {
  return visible(text).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r\n?|\n/g, " ");
}
function csvCell(text) {
  const shown = text.replace(INVISIBLE, (c) => c === "\r" || c === "\n" || c === "	" ? c : escapeChar(c));
  const safe = /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
function oneLine(text) {
  return safeLine(text);
}

export {
  escapeMarkdown,
  markdownCode,
  escapeMermaid,
  escapeDot,
  csvCell,
  oneLine
};
