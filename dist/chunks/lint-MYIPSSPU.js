import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  CommonOptions,
  addCommonOptions,
  emit,
  exitCodeFor,
  parseOptions,
  printDiagnostics,
  progress,
  readSettingsFrom
} from "./chunk-LHAWPF3Y.js";
import {
  Command
} from "./chunk-7Q7TY25S.js";
import {
  lintPolicies
} from "./chunk-RVVSKXLR.js";
import {
  loadInputs
} from "./chunk-BECTGLCW.js";
import {
  escapeMarkdown,
  markdownCode,
  oneLine
} from "./chunk-E23QOJSC.js";
import {
  PolicyEngine
} from "./chunk-3HQQSEID.js";
import {
  engineOptions
} from "./chunk-YS4F6JR5.js";
import {
  external_exports,
  formatDiagnostic
} from "./chunk-TZ6IWUHF.js";
import "./chunk-LJ56FUY6.js";
import "./chunk-UQ363SVG.js";

// src/pipeline/lint.ts
function runLint(io, paths, settings) {
  const { load, diagnostics } = loadInputs(io, paths, settings);
  const engine = new PolicyEngine(load.cluster, engineOptions(settings));
  return { findings: lintPolicies(engine).findings, diagnostics: [...diagnostics, ...engine.diagnostics] };
}

// src/report/lint.ts
var LINT_FORMATS = ["txt", "json", "md"];
var coveredText = (f) => f.coveredBy.length > 0 ? ` (covered by ${f.coveredBy.join(", ")})` : "";
function renderLintTxt(findings) {
  return findings.map((f) => `${oneLine(formatDiagnostic({ code: f.code, severity: "warning", message: `${f.message}${coveredText(f)}`, at: f.at }))}
`).join("");
}
function renderLintJson(findings) {
  const rows = findings.map((f) => ({
    kind: f.kind,
    code: f.code,
    policy: f.policy,
    ...f.rule ? { rule: f.rule } : {},
    file: f.at.file,
    doc: f.at.doc,
    ...f.at.line !== void 0 ? { line: f.at.line } : {},
    ...f.at.column !== void 0 ? { column: f.at.column } : {},
    message: f.message,
    coveredBy: f.coveredBy
  }));
  return `${JSON.stringify(rows, null, 2)}
`;
}
function renderLintMd(findings) {
  if (findings.length === 0) return "No policy sanity findings.\n";
  const lines = ["| where | finding | policy | rule | covered by |", "|---|---|---|---|---|"];
  for (const f of findings) {
    const where = markdownCode(`${f.at.file}${f.at.line !== void 0 ? `:${f.at.line}` : ""}`);
    lines.push(`| ${where} | ${f.kind} | ${escapeMarkdown(f.policy)} | ${f.rule ? escapeMarkdown(f.rule) : ""} | ${f.coveredBy.map(escapeMarkdown).join("<br>")} |`);
  }
  return `${lines.join("\n")}
`;
}

// src/cli/commands/lint.ts
var Options = CommonOptions.extend({
  format: external_exports.enum(LINT_FORMATS, { error: (i) => `expected one of ${LINT_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).default("txt")
});
function lintCommand(ctx, done) {
  const cmd = new Command("lint").description("policy sanity: policies selecting nothing, rules that never match, redundant and shadowed rules (exit 1 on findings)").argument("<path...>", "manifest files or folders (scanned recursively)").option("-f, --format <format>", `output format: ${LINT_FORMATS.join("|")}`, "txt");
  addCommonOptions(cmd).action((paths, raw) => done(lint(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}
function lint(ctx, paths, opts) {
  const say = progress(ctx, opts);
  say(`reading and linting ${paths.length} path(s)…`);
  const r = runLint(ctx.io, paths, readSettingsFrom(ctx, opts));
  say("");
  const render = { txt: renderLintTxt, json: renderLintJson, md: renderLintMd };
  emit(ctx, render[opts.format](r.findings), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics, r.findings.length > 0);
}
export {
  lintCommand
};
