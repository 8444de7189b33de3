import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  CommonOptions,
  addCommonOptions,
  exitCodeFor,
  hasErrors,
  parseOptions,
  printDiagnostics,
  progress,
  readSettingsFrom
} from "./chunk-LHAWPF3Y.js";
import {
  Command
} from "./chunk-7Q7TY25S.js";
import {
  runPrune
} from "./chunk-FWUGNF62.js";
import "./chunk-OFWHDVLQ.js";
import "./chunk-XPWQCRA6.js";
import "./chunk-QEEATDXV.js";
import "./chunk-2N74GJOT.js";
import "./chunk-RCIHDDST.js";
import "./chunk-57HYVIXJ.js";
import "./chunk-W3TQMIRJ.js";
import "./chunk-AV2U6Z46.js";
import "./chunk-ZAFBLR44.js";
import "./chunk-NCDNHDM5.js";
import "./chunk-BECTGLCW.js";
import "./chunk-3HQQSEID.js";
import "./chunk-YS4F6JR5.js";
import {
  external_exports
} from "./chunk-TZ6IWUHF.js";
import "./chunk-LJ56FUY6.js";
import "./chunk-UQ363SVG.js";

// src/cli/commands/prune.ts
var Options = CommonOptions.extend({
  policies: external_exports.string({ error: "--policies DIR is required" }),
  write: external_exports.boolean().default(false)
});
function pruneCommand(ctx, done) {
  const cmd = new Command("prune").description("list (or, with --write, delete) the generated policies in a folder whose workload is no longer in the manifests; exit 1 when some are listed").argument("<path...>", "manifest files or folders (scanned recursively)").option("--policies <dir>", "the folder of policies netpol-ci generated (label app.kubernetes.io/managed-by: netpol-ci)").option("--write", "delete the stale policies from their files (a file left empty is removed)");
  addCommonOptions(cmd).action((paths, raw) => done(prune(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}
function prune(ctx, paths, opts) {
  const say = progress(ctx, opts);
  say("reading the manifests and the policies…");
  const r = runPrune(ctx.io, { paths, policies: opts.policies, write: opts.write }, readSettingsFrom(ctx, opts));
  say("");
  for (const s of r.stale) ctx.stdout(`${s.file}:${s.line} [doc ${s.doc}] NetworkPolicy ${s.namespace}/${s.name}: ${s.reason}
`);
  printDiagnostics(ctx, r.diagnostics, opts);
  if (hasErrors(r.diagnostics)) {
    if (opts.write && r.stale.length > 0) ctx.stderr("netpol-ci: the manifests have errors; nothing deleted\n");
    return exitCodeFor(r.diagnostics);
  }
  if (opts.write) {
    if (!opts.quiet) ctx.stderr(`removed ${r.stale.length} stale polic${r.stale.length === 1 ? "y" : "ies"} from ${r.changedFiles.length} file(s)
`);
    return exitCodeFor(r.diagnostics);
  }
  if (r.stale.length > 0 && !opts.quiet) ctx.stderr(`${r.stale.length} stale polic${r.stale.length === 1 ? "y" : "ies"}; run with --write to delete
`);
  return exitCodeFor(r.diagnostics, r.stale.length > 0);
}
export {
  pruneCommand
};
