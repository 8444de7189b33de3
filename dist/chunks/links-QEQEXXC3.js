import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  CommonOptions,
  addCommonOptions,
  emit,
  exitCodeFor,
  hasErrors,
  parseOptions,
  printDiagnostics,
  readSettingsFrom
} from "./chunk-LHAWPF3Y.js";
import {
  Command
} from "./chunk-7Q7TY25S.js";
import {
  renderScanJson,
  renderScanYaml
} from "./chunk-D4HXOHCG.js";
import {
  parseLinksFile
} from "./chunk-OFWHDVLQ.js";
import "./chunk-RCIHDDST.js";
import {
  mergeLinks
} from "./chunk-W3TQMIRJ.js";
import "./chunk-ZAFBLR44.js";
import {
  loadInputs
} from "./chunk-BECTGLCW.js";
import "./chunk-E23QOJSC.js";
import {
  peerKey,
  workloadKey
} from "./chunk-YS4F6JR5.js";
import {
  Codes,
  diag,
  external_exports
} from "./chunk-TZ6IWUHF.js";
import "./chunk-LJ56FUY6.js";
import "./chunk-UQ363SVG.js";

// src/pipeline/links.ts
function runLinksMerge(io, files, manifests, settings) {
  const lists = [];
  const diagnostics = [];
  let workloads;
  if (manifests.length > 0) {
    const { load, diagnostics: loadDiagnostics } = loadInputs(io, manifests, settings);
    diagnostics.push(...loadDiagnostics);
    workloads = load.cluster.workloads.map((w) => w.ref);
  }
  for (const f of files) {
    const r = parseLinksFile(f, io.readText(f, "links file"), workloads);
    lists.push(r.links);
    diagnostics.push(...r.diagnostics);
  }
  return { links: mergeLinks(...lists), diagnostics };
}
function runLinksValidate(io, file, manifests, settings) {
  const diagnostics = [];
  let workloads;
  if (manifests.length > 0) {
    const { load, diagnostics: loadDiagnostics } = loadInputs(io, manifests, settings);
    diagnostics.push(...loadDiagnostics);
    workloads = new Set(load.cluster.workloads.map((w) => workloadKey(w.ref)));
  }
  const r = parseLinksFile(file, io.readText(file, "links file"));
  diagnostics.push(...r.diagnostics);
  const seen = /* @__PURE__ */ new Map();
  for (const l of r.links) {
    const at = l.evidence.find((e) => e.kind === "intent")?.at ?? { file, doc: 1 };
    const key = `${peerKey(l.src)} => ${peerKey(l.dst)}`;
    const first = seen.get(key);
    if (first !== void 0) diagnostics.push(diag(Codes.linkDuplicate, "warning", `${key} is listed again (first at line ${first}); the two are merged`, at));
    else seen.set(key, at.line ?? 0);
    if (!workloads) continue;
    for (const [field, p] of [
      ["src", l.src],
      ["dst", l.dst]
    ]) {
      if (p.kind === "workload" && !workloads.has(workloadKey(p.ref))) diagnostics.push(diag(Codes.linkUnknownWorkload, "error", `no workload ${workloadKey(p.ref)} in the manifests`, { ...at, path: [...at.path ?? [], field] }));
    }
  }
  return { links: r.links, diagnostics };
}

// src/cli/commands/links.ts
var collect = (value, previous = []) => [...previous, value];
var MergeOptions = CommonOptions.extend({
  format: external_exports.enum(["yaml", "json"], { error: (i) => `expected yaml or json, got ${JSON.stringify(i.input)}` }).optional(),
  manifests: external_exports.array(external_exports.string()).default([])
});
var ValidateOptions = CommonOptions.extend({ manifests: external_exports.array(external_exports.string()).default([]) });
function linksCommand(ctx, done) {
  const links = new Command("links").description("reviewed link lists (intent files): merge several, validate one");
  const mergeCmd = new Command("merge").description("merge link lists (scan --format json|yaml output, reviewed files) into one: one link per source and destination, all provenance kept").argument("<file...>", "link lists to merge").option("-f, --format <format>", "yaml|json (default: from the -o extension, else yaml)").option("--manifests <path>", "manifests whose workloads resolve `ns/name` written without its kind (repeatable)", collect);
  addCommonOptions(mergeCmd).action((files, raw) => done(merge(ctx, files, parseOptions(MergeOptions, raw))));
  links.addCommand(mergeCmd);
  const validate = new Command("validate").description("check a reviewed link list: peers, connection sets, duplicates, and (with --manifests) that every workload exists").argument("<file>", "the link list").option("--manifests <path>", "manifest file or folder whose workloads the links must name (repeatable)", collect);
  addCommonOptions(validate).action((file, raw) => done(validateLinks(ctx, file, parseOptions(ValidateOptions, raw))));
  links.addCommand(validate);
  for (const c of links.commands) c.exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  return links;
}
function merge(ctx, files, opts) {
  const r = runLinksMerge(ctx.io, files, opts.manifests, readSettingsFrom(ctx, opts));
  printDiagnostics(ctx, r.diagnostics, opts);
  if (hasErrors(r.diagnostics)) {
    ctx.stderr("netpol-ci: the link lists have errors; nothing written\n");
    return exitCodeFor(r.diagnostics);
  }
  const format = opts.format ?? (opts.output?.endsWith(".json") ? "json" : "yaml");
  const topology = { links: r.links, unresolved: [] };
  emit(ctx, format === "json" ? renderScanJson(topology) : renderScanYaml(topology), opts.output);
  if (!opts.quiet && opts.output && opts.output !== "-") ctx.stderr(`merged ${files.length} file(s): ${r.links.length} links
`);
  return exitCodeFor(r.diagnostics);
}
function validateLinks(ctx, file, opts) {
  const r = runLinksValidate(ctx.io, file, opts.manifests, readSettingsFrom(ctx, opts));
  printDiagnostics(ctx, r.diagnostics, opts);
  const errors = r.diagnostics.filter((d) => d.severity === "error").length;
  if (!opts.quiet) ctx.stdout(`${file}: ${r.links.length} links, ${errors === 0 ? "valid" : `${errors} error(s)`}
`);
  return exitCodeFor(r.diagnostics);
}
export {
  linksCommand
};
