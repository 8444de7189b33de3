import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  withInputErrors
} from "./chunk-YD76DOL6.mjs";
import {
  explainDiff
} from "./chunk-WCR5MJTX.mjs";
import {
  diffConnectivity,
  escapeMarkdown,
  loadInputs,
  markdownCode,
  readSettingsFromInputs,
  workloadsInfo
} from "./chunk-LJ6KWNZ7.mjs";
import {
  POLICY_KINDS,
  PolicyEngine,
  buildCluster,
  compareStrings,
  engineOptions,
  peerKey,
  workloadKey
} from "./chunk-O73IRBZ3.mjs";
import {
  COMMENT_MAX_BYTES,
  annotateDiagnostics,
  defineAction,
  diffSpec,
  publishReport,
  refsOf
} from "./chunk-MX7AUN24.mjs";
import {
  Codes,
  ConfigError,
  ExitCode,
  ParseCache,
  diag,
  placeText,
  uniqueDiagnostics,
  visible
} from "./chunk-TBLT5FKE.mjs";

// src/pipeline/diff.ts
import path2 from "node:path";

// src/connectivity/diff-moves.ts
function podsSignature(w) {
  const pods = w.pods.map(
    (p) => JSON.stringify([
      Object.entries(p.labels).sort(([a], [b]) => compareStrings(a, b)),
      p.ports.map((x) => `${x.name ?? ""}/${x.port}/${x.protocol}`).sort(),
      p.hostNetwork
    ])
  );
  return JSON.stringify([...new Set(pods)].sort());
}
function uniquePairs(removed, added, key) {
  const group = (ws) => {
    const m = /* @__PURE__ */ new Map();
    for (const w of ws) m.set(key(w), [...m.get(key(w)) ?? [], w]);
    return m;
  };
  const [r, a] = [group(removed), group(added)];
  const out = [];
  for (const [k, rs] of r) {
    const as = a.get(k);
    if (rs.length === 1 && as?.length === 1) out.push([rs[0], as[0]]);
  }
  return out;
}
function pairMovedWorkloads(before, after) {
  const beforeKeys = new Set(before.map((w) => workloadKey(w.ref)));
  const afterKeys = new Set(after.map((w) => workloadKey(w.ref)));
  let removed = before.filter((w) => !afterKeys.has(workloadKey(w.ref)));
  let added = after.filter((w) => !beforeKeys.has(workloadKey(w.ref)));
  const moves = [];
  const take = (pairs, how) => {
    for (const [b, a] of pairs) moves.push({ from: b.ref, to: a.ref, how });
    const paired = new Set(pairs.flat());
    removed = removed.filter((w) => !paired.has(w));
    added = added.filter((w) => !paired.has(w));
  };
  take(uniquePairs(removed, added, (w) => `${w.ref.kind}\0${w.ref.name}`), "namespace");
  take(uniquePairs(removed, added, (w) => `${w.ref.kind}\0${w.ref.namespace}\0${podsSignature(w)}`), "name");
  return moves.sort((x, y) => compareStrings(workloadKey(x.from), workloadKey(y.from)));
}

// src/pipeline/repo-paths.ts
import path from "node:path";
function repositoryPaths(paths) {
  return paths.map((p) => {
    const posix = p.split(path.sep).join("/");
    const norm = path.posix.normalize(posix).replace(/\/+$/, "") || ".";
    if (path.posix.isAbsolute(norm) || norm === ".." || norm.startsWith("../")) {
      throw new ConfigError(`${visible(p)} leaves the repository (paths are relative to the repository root)`);
    }
    return norm;
  });
}

// src/pipeline/diff.ts
function loadSide(io, label, inputs, settings, cache, mapping, comparedSide = false) {
  const { load, diagnostics } = loadInputs(io, inputs, settings, cache, mapping, comparedSide);
  const engine = new PolicyEngine(load.cluster, engineOptions(settings));
  return { label, engine, diagnostics: [...diagnostics, ...engine.diagnostics] };
}
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
var dedupe = uniqueDiagnostics;
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
    return { before: loadSide(io, request.before, [request.before], settings, cache, void 0, true), after: loadSide(io, request.after, [request.after], settings, cache, void 0, true) };
  }
  const { repo, base, head } = request;
  const limits = { timeoutMs: settings.render.timeoutMs, ...settings.render.timeoutFlag ? { timeoutFlag: settings.render.timeoutFlag } : {} };
  const top = io.repoTop(repo, limits);
  const sub = request.paths.length > 0 ? repositoryPaths(request.paths) : ["."];
  for (const p of sub) {
    if (!io.pathExists(repo, base, p, limits) && !io.pathExists(repo, head, p, limits)) throw new ConfigError(`${p} exists neither at ${base} nor at ${head} (paths are relative to the repository root)`);
  }
  const trees = [];
  try {
    const side = (ref) => {
      const tree = io.exportTree(repo, ref, ["."], limits);
      trees.push(tree);
      const rel = (abs) => path2.relative(tree.dir, abs).split(path2.sep).join("/");
      const inputs = sub.filter((p) => io.pathExists(repo, ref, p)).map((p) => path2.join(tree.dir, p));
      const loaded = loadSide(io, ref, inputs, settings, cache, { display: (abs) => `${ref}:${rel(abs) || "."}`, logical: (abs) => path2.join(top, rel(abs)), root: tree.dir });
      return { ...loaded, diagnostics: loaded.diagnostics.map((d) => withoutTempPaths(d, tree.dir, ref)) };
    };
    return { before: side(base), after: side(head) };
  } finally {
    for (const t of trees) t.dispose();
  }
}
function withoutTempPaths(d, dir, ref) {
  const scrub = (text) => text.split(`${dir}${path2.sep}`).join(`${ref}:`).split(dir).join(`${ref}:.`);
  if (!d.message.includes(dir) && !(d.hint ?? "").includes(dir)) return d;
  return { ...d, message: scrub(d.message), ...d.hint !== void 0 ? { hint: scrub(d.hint) } : {} };
}
function runDiff(io, request, settings, options = {}) {
  const { before, after } = loadDiffSides(io, request, settings);
  const moves = pairMovedWorkloads(before.engine.cluster.workloads, after.engine.cluster.workloads);
  const diff = diffConnectivity(before.engine.connectivity(), after.engine.connectivity(), moves);
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

// src/report/explain.ts
function verdictChain(steps) {
  return steps.map((s) => `[${s.layer}] ${s.verdict}`).filter((n, i, all) => n !== all[i - 1]).join(" -> ");
}
function stepData(s) {
  return {
    layer: s.layer,
    verdict: s.verdict,
    ...s.policy ? { policy: s.policy } : {},
    ...s.rule ? { rule: s.rule } : {},
    ...s.at ? { at: `${placeText(s.at)}` } : {},
    conns: s.conns.toString()
  };
}
function explanationData(p) {
  return {
    conns: p.conns.toString(),
    ...p.egress ? { egress: p.egress.map(stepData) } : {},
    ...p.ingress ? { ingress: p.ingress.map(stepData) } : {},
    ...p.exposure ? { exposure: { by: p.exposure.by, ports: p.exposure.ports.toString() } } : {}
  };
}

// src/report/diff.ts
function sentence(e) {
  return change(e.before, e.after);
}
function change(before, after) {
  if (before.isEmpty) return `now allowed ${markdownCode(after.toString())}`;
  if (after.isEmpty) return `no longer allowed (was ${markdownCode(before.toString())})`;
  const gained = after.subtract(before);
  const lost = before.subtract(after);
  const parts = [];
  if (!gained.isEmpty) parts.push(`now also ${markdownCode(gained.toString())}`);
  if (!lost.isEmpty) parts.push(`no longer ${markdownCode(lost.toString())}`);
  return `${parts.join("; ")} (was ${markdownCode(before.toString())}, now ${markdownCode(after.toString())})`;
}
var HOW = { namespace: "moved to another namespace", name: "renamed" };
function moveLines(m, peerText = peerKey) {
  const head = `- ${markdownCode(workloadKey(m.from))} → ${markdownCode(workloadKey(m.to))} (${HOW[m.how]})`;
  if (m.changes.length === 0) return [`${head}: every connection kept`];
  return [`${head}: ${m.changes.length} of its connections change`, ...m.changes.map((c) => `  - ${markdownCode(peerText(c.src))} → ${markdownCode(peerText(c.dst))}: ${change(c.before, c.after)}`)];
}
function chain(steps) {
  return markdownCode(verdictChain(steps));
}
function stepLine(s) {
  const rule = s.rule ? ` ${s.rule.direction} rule ${s.rule.index}${s.rule.name ? ` ${markdownCode(s.rule.name)}` : ""}` : "";
  const where = s.at ? ` at ${markdownCode(`${placeText(s.at)}`)}` : "";
  const what = s.policy ? `${markdownCode(s.policy)}${rule}${where}` : s.layer === "default" ? "no policy applies" : "";
  return `[${s.layer}] ${s.verdict} ${markdownCode(s.conns.toString())}: ${what}`;
}
function sideLines(label, p) {
  if (!p) return [];
  const out = [`- ${label}: ${markdownCode(p.conns.toString())}`];
  if (p.exposure) out.push(`  - exposed by ${p.exposure.by.map(markdownCode).join(", ")} on ${markdownCode(p.exposure.ports.toString())}`);
  if (p.egress) {
    out.push(`  - source egress: ${chain(p.egress)}`);
    for (const s of p.egress) out.push(`    - ${stepLine(s)}`);
  }
  if (p.ingress) {
    out.push(`  - destination ingress: ${chain(p.ingress)}`);
    for (const s of p.ingress) out.push(`    - ${stepLine(s)}`);
  }
  return out;
}
var SECTION = {
  added: "Newly allowed",
  removed: "No longer allowed",
  changed: "Changed"
};
function renderDiffMd(r, options = {}) {
  const full = renderMd(r, { explain: true });
  const max = options.maxBytes;
  if (max === void 0 || bytes(full) <= max) return full;
  const note = (shape) => [
    "",
    "---",
    shape.cap === void 0 ? "_Explanations left out to fit a comment: `diff --format json` (or the job summary) has them._" : `_Cut to fit a comment: at most ${shape.cap} entries shown per section; \`diff --format json\` (or the job summary) has them all, with explanations._`
  ];
  const withNote = (shape) => `${renderMd(r, shape)}${note(shape).join("\n")}
`;
  const plain = withNote({ explain: false });
  if (bytes(plain) <= max) return plain;
  let [lo, hi] = [0, r.diff.entries.length];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (bytes(withNote({ explain: false, cap: mid })) <= max) lo = mid;
    else hi = mid - 1;
  }
  return withNote({ explain: false, cap: lo });
}
var bytes = (s) => Buffer.byteLength(s, "utf8");
var more = (n) => `- _… and ${n} more_`;
function renderMd(r, shape) {
  const count = (k) => r.diff.entries.filter((e) => e.kind === k).length;
  const out = ["### netpol-ci: connectivity diff", ""];
  out.push(`${markdownCode(r.refs.before)} → ${markdownCode(r.refs.after)}`, "");
  if (r.diff.entries.length === 0) {
    out.push("**No connectivity change.**");
    return `${out.join("\n")}
`;
  }
  out.push(`**${count("added")} added · ${count("removed")} removed · ${count("changed")} changed**`);
  const movedKeys = new Set(r.diff.moved.flatMap((m) => [workloadKey(m.from), workloadKey(m.to)]));
  const folded = (e) => (e.oneSided ?? []).length > 0 && (e.oneSided ?? []).every((k) => movedKeys.has(k));
  const foldedCount = r.diff.entries.filter(folded).length;
  const added = r.diff.addedWorkloads.filter((k) => !movedKeys.has(k));
  const removed = r.diff.removedWorkloads.filter((k) => !movedKeys.has(k));
  if (added.length + removed.length > 0) {
    out.push("", `Workloads added: ${added.map(markdownCode).join(", ") || "none"}; removed: ${removed.map(markdownCode).join(", ") || "none"}.`);
  }
  const files = [...new Set((r.explanations ?? []).filter((_, i) => !folded(r.diff.entries[i])).flatMap((x) => x.files))].sort();
  if (files.length > 0) out.push("", `Policy files that changed the answer: ${files.map(markdownCode).join(", ")}`);
  const cap = shape.cap ?? Number.POSITIVE_INFINITY;
  if (r.diff.moved.length > 0) {
    out.push("", `#### Moved or renamed (${r.diff.moved.length})`, "");
    out.push(`${foldedCount} ${foldedCount === 1 ? "entry" : "entries"} of these workloads (their pairs under the old and the new name) read as below.`, "");
    for (const m of r.diff.moved.slice(0, cap)) {
      const [head, ...changes] = moveLines(m);
      out.push(head, ...changes.slice(0, cap));
      if (changes.length > cap) out.push(`  ${more(changes.length - cap)}`);
    }
    if (r.diff.moved.length > cap) out.push(more(r.diff.moved.length - cap));
  }
  for (const kind of ["added", "removed", "changed"]) {
    const items = r.diff.entries.map((e, i) => [e, i]).filter(([e]) => e.kind === kind && !folded(e));
    if (items.length === 0) continue;
    out.push("", `#### ${SECTION[kind]} (${items.length})`, "");
    for (const [e, i] of items.slice(0, cap)) {
      const info = workloadsInfo(e) ? ` _(${escapeMarkdown(workloadsInfo(e))})_` : "";
      out.push(`- ${markdownCode(peerKey(e.src))} → ${markdownCode(peerKey(e.dst))}: ${sentence(e)}${info}`);
      const x = shape.explain ? r.explanations?.[i] : void 0;
      if (x && (x.before || x.after)) {
        out.push("  <details><summary>why</summary>", "");
        for (const l of [...sideLines(`before (${markdownCode(r.refs.before)})`, x.before), ...sideLines(`after (${markdownCode(r.refs.after)})`, x.after)]) out.push(`  ${l}`);
        out.push("", "  </details>");
      }
    }
    if (items.length > cap) out.push(more(items.length - cap));
  }
  return `${out.join("\n")}
`;
}
var MERMAID_EDGE_CAP = 60;

// src/action/diff.ts
var COMMENT_MARKER_ROOM = 1024;
var fileAtRef = (ref) => (shown) => shown.startsWith(`${ref}:`) ? shown.slice(ref.length + 1) : void 0;
var diffAction = defineAction(diffSpec, async (inputs, rt) => {
  const { base, head } = refsOf(rt.event, rt.env, inputs.base, inputs.head);
  const settings = readSettingsFromInputs(rt, inputs);
  const r = await rt.log.group(
    `diff ${base}..${head}`,
    () => runDiff(rt.io, { kind: "repo", repo: inputs["working-directory"], base, head, paths: inputs.paths }, settings, { explain: true })
  );
  annotateDiagnostics(rt, r.after.diagnostics, fileAtRef(head));
  annotateDiagnostics(rt, r.before.diagnostics, () => void 0);
  const count = (k) => r.diff.entries.filter((e) => e.kind === k).length;
  const hasDiff = r.diff.entries.length > 0;
  rt.setOutput("has-diff", hasDiff);
  rt.setOutput("added", count("added"));
  rt.setOutput("removed", count("removed"));
  rt.setOutput("changed", count("changed"));
  const report = { diff: r.diff, refs: r.refs, ...r.explanations ? { explanations: r.explanations } : {} };
  const errorsOf = (md) => withInputErrors(md, r.diagnostics, (f) => fileAtRef(head)(f) ?? f);
  const markdown = errorsOf(renderDiffMd(report));
  const room = COMMENT_MAX_BYTES - COMMENT_MARKER_ROOM - Buffer.byteLength(errorsOf(""), "utf8");
  const comment = errorsOf(renderDiffMd(report, { maxBytes: room }));
  await publishReport(rt, "diff", markdown, !hasDiff && !r.diagnostics.some((d) => d.severity === "error"), inputs, comment);
  if (r.diagnostics.some((d) => d.severity === "error")) return ExitCode.badInput;
  if (hasDiff && inputs["fail-on-diff"]) {
    rt.log.error(`connectivity changed: ${count("added")} added, ${count("removed")} removed, ${count("changed")} changed (fail-on-diff)`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
});

export {
  pairMovedWorkloads,
  repositoryPaths,
  explanationData,
  moveLines,
  MERMAID_EDGE_CAP,
  fileAtRef,
  diffAction
};
