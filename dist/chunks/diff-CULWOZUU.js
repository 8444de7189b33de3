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
  runDiff
} from "./chunk-KMB3GD5P.js";
import {
  DIFF_FORMATS,
  renderDiffCsv,
  renderDiffJson,
  renderDiffMd,
  renderDiffMermaid,
  renderDiffTxt
} from "./chunk-Q3YWZAQI.js";
import "./chunk-SB7F7EHF.js";
import "./chunk-2N74GJOT.js";
import "./chunk-NCDNHDM5.js";
import "./chunk-BECTGLCW.js";
import "./chunk-E23QOJSC.js";
import "./chunk-3HQQSEID.js";
import "./chunk-YS4F6JR5.js";
import {
  external_exports
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError
} from "./chunk-LJ56FUY6.js";
import "./chunk-UQ363SVG.js";

// src/cli/commands/diff.ts
var Options = CommonOptions.extend({
  format: external_exports.enum(DIFF_FORMATS, { error: (i) => `expected one of ${DIFF_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).default("txt"),
  exitCode: external_exports.boolean().default(false),
  repo: external_exports.string().optional(),
  base: external_exports.string().optional(),
  head: external_exports.string().optional(),
  label1: external_exports.string().min(1).optional(),
  label2: external_exports.string().min(1).optional(),
  workloads: external_exports.string().optional()
});
function diffCommand(ctx, done) {
  const cmd = new Command("diff").description("the semantic connectivity diff between two configurations (two folders, or two git refs with --repo)").argument("[paths...]", "<old-path> <new-path>; with --repo, optional paths inside the repository").option("-f, --format <format>", `output format: ${DIFF_FORMATS.join("|")}`, "txt").option("--repo <dir>", "a git repository: diff --base against --head without touching the working tree").option("--base <ref>", "with --repo: the old ref (e.g. origin/main)").option("--head <ref>", "with --repo: the new ref (e.g. HEAD)").option("--exit-code", "exit 1 when the diff is not empty (like git diff --exit-code)").option("--label1 <name>", "name of the old side in every format (default: its path or ref)").option("--label2 <name>", "name of the new side in every format (default: its path or ref)").option("--workloads <path>", "the two paths hold policies only: evaluate both over the workloads (Namespaces, Services, ...) under PATH");
  addCommonOptions(cmd).action((paths, raw) => done(diff(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}
function requestFrom(paths, opts) {
  if (opts.repo !== void 0 || opts.base !== void 0 || opts.head !== void 0) {
    if (!opts.repo || !opts.base || !opts.head) throw new ConfigError("--repo, --base and --head go together");
    if (opts.workloads !== void 0) throw new ConfigError("--workloads takes two policy paths, not --repo");
    return { kind: "repo", repo: opts.repo, base: opts.base, head: opts.head, paths };
  }
  if (paths.length !== 2) throw new ConfigError("diff takes <old-path> <new-path>, or --repo DIR --base REF --head REF [path...]");
  return { kind: "paths", before: paths[0], after: paths[1], ...opts.workloads !== void 0 ? { workloads: opts.workloads } : {} };
}
function diff(ctx, paths, opts) {
  const say = progress(ctx, opts);
  const request = requestFrom(paths, opts);
  say("reading both sides…");
  const r = runDiff(ctx.io, request, readSettingsFrom(ctx, opts), { explain: opts.format === "md" || opts.format === "json" });
  say("");
  const named = opts.label1 !== void 0 || opts.label2 !== void 0;
  const refs = { before: opts.label1 ?? r.refs.before, after: opts.label2 ?? r.refs.after };
  const report = { diff: r.diff, refs, ...named ? { named } : {}, ...r.explanations ? { explanations: r.explanations } : {} };
  const render = { txt: renderDiffTxt, json: renderDiffJson, csv: renderDiffCsv, md: renderDiffMd, mermaid: (x) => renderDiffMermaid(x) };
  emit(ctx, render[opts.format](report), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics, opts.exitCode && r.diff.entries.length > 0);
}
export {
  diffCommand
};
