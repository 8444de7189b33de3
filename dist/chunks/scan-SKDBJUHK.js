import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  exportHeuristics,
  runLiveScan
} from "./chunk-2VJ6XE2I.js";
import {
  TrafficOptions,
  addTrafficOptions,
  trafficRequestFrom
} from "./chunk-XMMSRY47.js";
import {
  ClusterOptions,
  addClusterOptions,
  liveSourceFrom
} from "./chunk-3PACPH3M.js";
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
import "./chunk-RYGMOCXF.js";
import {
  runScan
} from "./chunk-AJ2YPX4S.js";
import {
  SCAN_FORMATS,
  renderScanJson,
  renderScanMd,
  renderScanTxt,
  renderScanYaml
} from "./chunk-D4HXOHCG.js";
import "./chunk-2N74GJOT.js";
import "./chunk-RCIHDDST.js";
import "./chunk-57HYVIXJ.js";
import "./chunk-W3TQMIRJ.js";
import "./chunk-AV2U6Z46.js";
import "./chunk-ZAFBLR44.js";
import "./chunk-NCDNHDM5.js";
import "./chunk-BECTGLCW.js";
import "./chunk-E23QOJSC.js";
import "./chunk-3HQQSEID.js";
import "./chunk-YS4F6JR5.js";
import {
  external_exports
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError,
  ExitCode
} from "./chunk-LJ56FUY6.js";
import "./chunk-UQ363SVG.js";

// src/cli/commands/scan.ts
var Options = CommonOptions.extend(ClusterOptions.shape).extend(TrafficOptions.shape).extend({
  heuristics: external_exports.string().optional(),
  exportHeuristics: external_exports.boolean().default(false),
  format: external_exports.enum(SCAN_FORMATS, { error: (i) => `expected one of ${SCAN_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).default("txt")
});
function scanCommand(ctx, done) {
  const cmd = new Command("scan").description("the connections the application needs, read from its manifests, each with its provenance").argument("[path...]", "manifest files or folders (scanned recursively); none with --cluster").option("-f, --format <format>", `output format: ${SCAN_FORMATS.join("|")}`, "txt");
  addTrafficOptions(cmd);
  addClusterOptions(cmd).option("--heuristics <file>", "with --cluster: well-known components (names, images, ports) from this file instead of the built-in list").option("--export-heuristics", "print the built-in heuristics (YAML, to edit and pass to --heuristics) and exit");
  addCommonOptions(cmd).action((paths, raw) => done(scan(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}
function scan(ctx, paths, opts) {
  if (opts.exportHeuristics) {
    emit(ctx, exportHeuristics(), opts.output);
    return ExitCode.ok;
  }
  const live = liveSourceFrom(opts);
  if (live && paths.length > 0) throw new ConfigError("--cluster reads the cluster, not paths: give one or the other");
  if (!live && paths.length === 0) throw new ConfigError("scan takes manifest paths, or --cluster");
  if (!live && opts.heuristics !== void 0) throw new ConfigError("--heuristics needs --cluster (manifests are scanned exactly, without heuristics)");
  const say = progress(ctx, opts);
  say("reading and scanning…");
  const traffic = trafficRequestFrom(opts, live?.kind === "kubectl" ? live : void 0);
  const r = live ? runLiveScan(ctx.io, live, readSettingsFrom(ctx, opts), opts.heuristics, traffic) : runScan(ctx.io, paths, readSettingsFrom(ctx, opts), traffic ? { traffic } : {});
  say("");
  const render = { json: renderScanJson, yaml: renderScanYaml, txt: renderScanTxt, md: renderScanMd }[opts.format];
  emit(ctx, render(r.topology, "gaps" in r ? r.gaps : void 0, "traffic" in r ? r.traffic : void 0), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics);
}
export {
  scanCommand
};
