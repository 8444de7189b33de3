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
  BASELINE_FORMATS,
  renderBaselineJson,
  renderBaselineMd,
  renderBaselineSarif,
  renderBaselineTxt
} from "./chunk-RA5KRVA3.js";
import {
  runBaseline
} from "./chunk-XPWQCRA6.js";
import "./chunk-2N74GJOT.js";
import "./chunk-BECTGLCW.js";
import "./chunk-E23QOJSC.js";
import "./chunk-3HQQSEID.js";
import "./chunk-YS4F6JR5.js";
import {
  external_exports
} from "./chunk-TZ6IWUHF.js";
import "./chunk-LJ56FUY6.js";
import "./chunk-UQ363SVG.js";

// src/cli/commands/baseline.ts
var collect = (value, previous = []) => [...previous, value];
var Options = CommonOptions.extend({
  baseline: external_exports.array(external_exports.string(), { error: "at least one rule file is needed: --baseline FILE" }).min(1, { error: "at least one rule file is needed: --baseline FILE" }),
  engine: external_exports.enum(["builtin", "nca", "both"], { error: (i) => `expected builtin, nca or both, got ${JSON.stringify(i.input)}` }).optional(),
  format: external_exports.enum(BASELINE_FORMATS, { error: (i) => `expected one of ${BASELINE_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).default("txt"),
  ncaTimeout: external_exports.coerce.number({ error: "expected a number of seconds" }).positive({ error: "expected a positive number of seconds" }).default(300)
});
function baselineCommand(ctx, done, version) {
  const cmd = new Command("baseline").description("check baseline rules (np-guard baseline-rules or netalchemy format) with the built-in engine and/or IBM nca").argument("<path...>", "manifest files or folders (scanned recursively)").option("--baseline <file>", "a baseline rule file (repeatable)", collect).option("--engine <engine>", "builtin, nca or both (default: both when nca is installed, else builtin)").option("-f, --format <format>", `output format: ${BASELINE_FORMATS.join("|")}`, "txt").option("--nca-timeout <seconds>", "time budget of the nca process (default 300); rules it cannot finish are reported and decided by the built-in engine");
  addCommonOptions(cmd).action((paths, raw) => done(baseline(ctx, paths, parseOptions(Options, raw), version)));
  return cmd;
}
function baseline(ctx, paths, opts, version) {
  const say = progress(ctx, opts);
  say("checking baseline rules…");
  const o = runBaseline(ctx.io, { paths, ruleFiles: opts.baseline, ...opts.engine ? { engine: opts.engine } : {}, ncaTimeoutMs: opts.ncaTimeout * 1e3 }, readSettingsFrom(ctx, opts));
  say("");
  const render = { txt: renderBaselineTxt, md: renderBaselineMd, json: renderBaselineJson, sarif: (x) => renderBaselineSarif(x, version) };
  emit(ctx, render[opts.format](o), opts.output);
  if (!opts.quiet) {
    for (const n of o.engineNotes) if (!n.rule && opts.format !== "txt") ctx.stderr(`note (${n.engine}): ${n.message}
`);
  }
  printDiagnostics(ctx, o.diagnostics, opts);
  return exitCodeFor(o.diagnostics, o.violations.length > 0 || o.disagreements.length > 0);
}
export {
  baselineCommand
};
