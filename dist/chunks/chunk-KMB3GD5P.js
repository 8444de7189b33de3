import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  explainDiff
} from "./chunk-2N74GJOT.js";
import {
  diffConnectivity
} from "./chunk-NCDNHDM5.js";
import {
  loadInputs
} from "./chunk-BECTGLCW.js";
import {
  PolicyEngine
} from "./chunk-3HQQSEID.js";
import {
  buildCluster,
  engineOptions
} from "./chunk-YS4F6JR5.js";
import {
  Codes,
  ParseCache,
  diag,
  formatDiagnostic
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError
} from "./chunk-LJ56FUY6.js";

// src/pipeline/diff.ts
import path from "node:path";
function loadSide(io, label, inputs, settings, cache, mapping) {
  const { load, diagnostics } = loadInputs(io, inputs, settings, cache, mapping);
  const engine = new PolicyEngine(load.cluster, engineOptions(settings));
  return { label, engine, diagnostics: [...diagnostics, ...engine.diagnostics] };
}
var POLICY_KINDS = /* @__PURE__ */ new Set(["NetworkPolicy", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy"]);
var isPolicy = (o) => POLICY_KINDS.has(o.kind);
function loadPolicySide(io, label, side, workloads, workloadsPath, settings, cache) {
  const policies = loadInputs(io, [side], settings, cache);
  const all = [...policies.diagnostics];
  const ignoredHere = policies.load.cluster.objects.filter((o) => !isPolicy(o)).length;
  if (ignoredHere > 0) all.push(diag(Codes.unsupportedValue, "warning", `--workloads: ${ignoredHere} non-policy object(s) in ${side} ignored; the workloads come from ${workloadsPath}`));
  const built = buildCluster([...policies.load.cluster.objects.filter(isPolicy), ...workloads.load.cluster.objects.filter((o) => !isPolicy(o))]);
  const engine = new PolicyEngine(built.cluster, engineOptions(settings));
  all.push(...built.diagnostics, ...engine.diagnostics);
  return { label, engine, diagnostics: dedupe(all) };
}
function dedupe(diagnostics) {
  const seen = /* @__PURE__ */ new Set();
  return diagnostics.filter((d) => {
    const k = formatDiagnostic(d);
    return !seen.has(k) && (seen.add(k), true);
  });
}
function loadDiffSides(io, request, settings) {
  const cache = new ParseCache();
  if (request.kind === "paths" && request.workloads !== void 0) {
    const workloads = loadInputs(io, [request.workloads], settings, cache);
    const inW = workloads.load.cluster.objects.filter(isPolicy).length;
    const before = loadPolicySide(io, request.before, request.before, workloads, request.workloads, settings, cache);
    const note = inW > 0 ? [diag(Codes.unsupportedValue, "warning", `--workloads: ${inW} policy object(s) in ${request.workloads} ignored; the policies come from the two sides`)] : [];
    const wDiags = dedupe([...workloads.diagnostics, ...note]);
    return { before: { ...before, diagnostics: dedupe([...wDiags, ...before.diagnostics]) }, after: loadPolicySide(io, request.after, request.after, workloads, request.workloads, settings, cache) };
  }
  if (request.kind === "paths") {
    return { before: loadSide(io, request.before, [request.before], settings, cache), after: loadSide(io, request.after, [request.after], settings, cache) };
  }
  const { repo, base, head } = request;
  const limits = { timeoutMs: settings.render.timeoutMs, ...settings.render.timeoutFlag ? { timeoutFlag: settings.render.timeoutFlag } : {} };
  const top = io.repoTop(repo, limits);
  const sub = request.paths.length > 0 ? request.paths : ["."];
  for (const p of sub) {
    if (!io.pathExists(repo, base, p, limits) && !io.pathExists(repo, head, p, limits)) throw new ConfigError(`${p} exists neither at ${base} nor at ${head} (paths are relative to the repository root)`);
  }
  const trees = [];
  try {
    const side = (ref) => {
      const tree = io.exportTree(repo, ref, ["."], limits);
      trees.push(tree);
      const rel = (abs) => path.relative(tree.dir, abs).split(path.sep).join("/");
      const inputs = sub.filter((p) => io.pathExists(repo, ref, p)).map((p) => path.join(tree.dir, p));
      const loaded = loadSide(io, ref, inputs, settings, cache, { display: (abs) => `${ref}:${rel(abs) || "."}`, logical: (abs) => path.join(top, rel(abs)), root: tree.dir });
      return { ...loaded, diagnostics: loaded.diagnostics.map((d) => withoutTempPaths(d, tree.dir, ref)) };
    };
    return { before: side(base), after: side(head) };
  } finally {
    for (const t of trees) t.dispose();
  }
}
function withoutTempPaths(d, dir, ref) {
  const scrub = (text) => text.split(`${dir}${path.sep}`).join(`${ref}:`).split(dir).join(`${ref}:.`);
  if (!d.message.includes(dir) && !(d.hint ?? "").includes(dir)) return d;
  return { ...d, message: scrub(d.message), ...d.hint !== void 0 ? { hint: scrub(d.hint) } : {} };
}
function runDiff(io, request, settings, options = {}) {
  const { before, after } = loadDiffSides(io, request, settings);
  const diff = diffConnectivity(before.engine.connectivity(), after.engine.connectivity());
  const explanations = options.explain ? explainDiff(before.engine, after.engine, diff) : void 0;
  return {
    diff,
    refs: { before: before.label, after: after.label },
    before,
    after,
    ...explanations ? { explanations } : {},
    diagnostics: dedupe([...before.diagnostics, ...after.diagnostics])
  };
}

export {
  runDiff
};
