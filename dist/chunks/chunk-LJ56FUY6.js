import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);

// src/diagnostics/errors.ts
var ConfigError = class extends Error {
  name = "ConfigError";
};
var ExitCode = { ok: 0, findings: 1, badInput: 2, internal: 3 };

// src/diagnostics/sanitize.ts
var INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
function escapeChar(c) {
  const code = c.charCodeAt(0);
  return code < 256 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function visible(text) {
  return text.replace(INVISIBLE, escapeChar);
}
function safeLine(text) {
  return visible(text).replace(/^(\s*):(?=:)/, "$1\\x3a");
}
function safeLines(text) {
  return text.split(/\r\n|\n|\r/).map((l) => safeLine(l)).join("\n");
}

export {
  ConfigError,
  ExitCode,
  INVISIBLE,
  escapeChar,
  visible,
  safeLine,
  safeLines
};
