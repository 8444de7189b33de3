import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  markdownCode
} from "./chunk-LJ6KWNZ7.mjs";

// src/report/input-errors.ts
function renderInputErrorsMd(diagnostics, fileOf = (f) => f) {
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length === 0) return "";
  const lines = errors.map((d) => {
    const where = d.at ? `${fileOf(d.at.file)}${d.at.line ? `:${d.at.line}` : ""}` : "(no file)";
    return `- ${markdownCode(where)} ${markdownCode(d.code)}: ${markdownCode(d.message)}`;
  });
  const body = errors.length > 8 ? ["<details><summary>the errors</summary>", "", ...lines, "", "</details>"] : lines;
  return [`#### ${errors.length} input error${errors.length === 1 ? "" : "s"} (left out of the answer above)`, "", ...body, ""].join("\n");
}
function withInputErrors(markdown, diagnostics, fileOf) {
  const section = renderInputErrorsMd(diagnostics, fileOf);
  return section === "" ? markdown : `${markdown.replace(/\n*$/, "\n\n")}${section}`;
}

export {
  withInputErrors
};
