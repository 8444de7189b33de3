import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  TrafficOptions,
  addTrafficOptions,
  snapshotClusterFrom,
  trafficRequestFrom
} from "./chunk-XMMSRY47.js";
import {
  ClusterOptions,
  addClusterOptions
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
import {
  DEFAULT_MAX_BYTES,
  causeText,
  checkSummary,
  renderCheckMd,
  runGatedCheck
} from "./chunk-4KDOS5X2.js";
import "./chunk-RVVSKXLR.js";
import "./chunk-GWMCDKFH.js";
import "./chunk-LLDP6N7M.js";
import "./chunk-RYGMOCXF.js";
import "./chunk-S7XALZ7B.js";
import "./chunk-Q3YWZAQI.js";
import "./chunk-SB7F7EHF.js";
import "./chunk-XPWQCRA6.js";
import {
  renderPoliciesYaml
} from "./chunk-P4JBN7VV.js";
import {
  DEFAULT_SYNTHESIS_OPTIONS
} from "./chunk-QEEATDXV.js";
import "./chunk-2N74GJOT.js";
import "./chunk-57HYVIXJ.js";
import {
  linkOrigin
} from "./chunk-W3TQMIRJ.js";
import "./chunk-AV2U6Z46.js";
import {
  evidenceText
} from "./chunk-ZAFBLR44.js";
import "./chunk-NCDNHDM5.js";
import "./chunk-BECTGLCW.js";
import {
  oneLine
} from "./chunk-E23QOJSC.js";
import "./chunk-3HQQSEID.js";
import {
  peerKey
} from "./chunk-YS4F6JR5.js";
import {
  external_exports
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError
} from "./chunk-LJ56FUY6.js";
import "./chunk-UQ363SVG.js";

// src/report/check/json.ts
var at = (r) => r ? `${r.file}:${r.line ?? 0}` : void 0;
function decision(d) {
  return { direction: d.direction, verdict: d.verdict, steps: d.steps.map((s) => ({ layer: s.layer, verdict: s.verdict, policy: s.policy, rule: s.rule, at: at(s.at), conns: s.conns.toString() })) };
}
function item(it) {
  return {
    kind: it.kind,
    src: it.src,
    dst: it.dst,
    outside: it.outside,
    before: it.before.toString(),
    after: it.after.toString(),
    ...it.workloadsInfo ? { workloads_diff_info: it.workloadsInfo } : {},
    why: { base: it.why.base.map(decision), head: it.why.head.map(decision) }
  };
}
var linkGap = (g) => ({ src: peerKey(g.src), dst: peerKey(g.dst), conns: g.conns.toString(), evidence: g.evidence.map(evidenceText) });
var unmet = (u) => ({
  src: peerKey(u.link.src),
  dst: peerKey(u.link.dst),
  needs: u.link.conns.toString(),
  allowed: u.allowed.toString(),
  missing: u.missing.toString(),
  /** declared (manifests, a links file), observed (a trace), or both */
  origin: linkOrigin(u.link),
  evidence: u.link.evidence.map(evidenceText)
});
function renderCheckJson(o) {
  const data = {
    summary: checkSummary(o),
    refs: o.refs,
    ...o.commits ? { commits: o.commits } : {},
    changed_files: o.changedFiles,
    outside: o.outside.map(item),
    ...o.baseline ? { baseline: o.baseline.violations.map((v) => ({ ...v, at: at(v.at) })) } : {},
    ...o.drift ? { drift: o.drift.findings.map((f) => ({ ...f, at: at(f.at) })) } : {},
    ...o.exposure ? { widened_exposure: o.exposure.widened.map((w) => ({ workload: w.workload, peer: w.peer, before: w.before.toString(), after: w.after.toString(), gained: w.gained.toString() })) } : {},
    ...o.lint ? {
      lint: {
        findings: o.lint.findings.map((f) => ({ kind: f.kind, code: f.code, policy: f.policy, ...f.rule ? { rule: f.rule } : {}, at: at(f.at), message: f.message, covered_by: f.coveredBy })),
        existing_on_base: o.lint.existing
      }
    } : {},
    groups: o.groups.map((g) => ({
      causes: g.causes.map((c) => ({ ...c.cause, at: at(c.cause.at), files: c.files })),
      items: g.items.map(item)
    })),
    broken_links: o.broken.map(unmet),
    already_unmet_links: o.alreadyUnmet.map(unmet),
    gaps: o.gaps.map((g) => ({ ...g, at: at(g.at) })),
    ...o.traffic ? { traffic: { observed_not_declared: o.traffic.observedNotDeclared.map(linkGap), declared_not_observed: o.traffic.declaredNotObserved.map(linkGap) } } : {}
  };
  return `${JSON.stringify(data, null, 2)}
`;
}

// src/report/check/txt.ts
var traceText = (g) => {
  const traces = g.evidence.filter((e) => e.kind === "trace").map(evidenceText);
  return traces.length > 0 ? ` (${traces.join(", ")})` : "";
};
function sentence(it) {
  switch (it.kind) {
    case "added":
      return `${it.src} can now reach ${it.dst} on ${it.after.toString()}`;
    case "removed":
      return `${it.src} can no longer reach ${it.dst} (was ${it.before.toString()})`;
    case "changed":
      if (it.before.isAll) return `${it.src} -> ${it.dst}: now only on ${it.after.toString()} (was all connections)`;
      if (it.after.isAll) return `${it.src} -> ${it.dst}: now on all connections (was ${it.before.toString()})`;
      return `${it.src} -> ${it.dst}: ${[!it.gained.isEmpty ? `now also on ${it.gained.toString()}` : "", !it.lost.isEmpty ? `no longer on ${it.lost.toString()}` : ""].filter(Boolean).join("; ")} (now ${it.after.toString()})`;
  }
}
function decision2(d) {
  const steps = d.steps.map((s) => `${s.policy ?? s.layer}${s.rule ? ` ${s.rule.direction} rule ${s.rule.index}` : ""}${s.at ? ` (${s.at.file}:${s.at.line ?? 0})` : ""}`).join(", ");
  if (d.verdict === "open") return `${d.direction} not restricted`;
  if (d.verdict === "allowed") return `${d.direction} allowed by ${steps}`;
  return d.steps.length ? `${d.direction} denied by ${steps}` : `${d.direction} allows none of it`;
}
var unmet2 = (u) => {
  const declared = u.link.evidence.find((e) => e.kind !== "trace");
  const traces = u.link.evidence.filter((e) => e.kind === "trace").map(evidenceText);
  const why = [...declared ? [evidenceText(declared)] : [], ...traces.length > 0 ? [`observed: ${traces.join(", ")}`] : []];
  return `${peerKey(u.link.src)} needs ${peerKey(u.link.dst)} on ${u.link.conns.toString()}${why.length > 0 ? ` (${why.join("; ")})` : ""}; head allows ${u.allowed.isEmpty ? "none of it" : `only ${u.allowed.toString()}`}`;
};
function renderCheckTxt(o) {
  const s = checkSummary(o);
  const out = [`netpol-ci check: ${s.verdict}`, `${o.refs.base} -> ${o.refs.head}${o.commits ? ` (head ${o.commits.head})` : ""}`];
  if (o.outside.length) out.push("", "Newly reachable from outside the cluster:", ...o.outside.map((it) => `  ${sentence(it)}`));
  if (o.exposure?.widened.length) out.push(...o.outside.length ? [] : ["", "Newly reachable from outside the cluster:"], ...o.exposure.widened.map((w) => `  ${w.workload} is now reachable from ${w.peer} ${w.before.isEmpty ? `on ${w.after.toString()}` : `now also on ${w.gained.toString()} (now ${w.after.toString()})`}`));
  if (o.baseline) out.push("", "Baseline violations:", ...o.baseline.violations.map((v) => `  ${v.rule}: ${v.src} -> ${v.dst} on ${v.conns}`));
  if (o.drift) out.push("", "Drift:", ...o.drift.findings.map((f) => `  ${f.kind} ${f.subject}: ${f.message}`));
  if (o.lint) {
    out.push("", `Policy sanity (lint), new in this PR:${o.lint.findings.length ? "" : " none"}${o.lint.existing ? ` (${o.lint.existing} already on base not shown)` : ""}`);
    out.push(...o.lint.findings.map((f) => `  ${f.at.file}:${f.at.line ?? 0} ${f.code} ${f.policy}${f.rule ? ` ${f.rule}` : ""}: ${f.message}${f.coveredBy.length ? ` (covered by ${f.coveredBy.join(", ")})` : ""}`));
  }
  o.groups.forEach((g, i) => {
    const files = [...new Set(g.causes.flatMap((c) => c.files.map((f) => f.path)))];
    const cause = g.causes.map((c) => causeText(c.cause).replace(/`/g, "")).join("; ") || "no change the PR made to these objects was found";
    out.push("", `${i + 1}. ${cause}${files.length ? ` [${files.join(", ")}]` : ""}`);
    for (const it of g.items) {
      out.push(`  ${sentence(it)}`);
      if (it.why.base.length) out.push(`    base: ${it.why.base.map(decision2).join("; ")}`);
      if (it.why.head.length) out.push(`    head: ${it.why.head.map(decision2).join("; ")}`);
    }
  });
  if (o.broken.length) out.push("", "Needed links this PR breaks:", ...o.broken.map((u) => `  ${unmet2(u)}`));
  if (o.gaps.length) out.push("", "Gaps:", ...o.gaps.map((g) => `  ${g.workload}: ${g.value} (${g.at.file}:${g.at.line ?? 0}) ${g.detail}`));
  if (o.traffic) {
    const list = (title, gaps) => out.push("", `${title} (${gaps.length}):`, ...gaps.map((g) => `  ${peerKey(g.src)} -> ${peerKey(g.dst)} on ${g.conns.toString()}${traceText(g)}`));
    list("Observed, not declared", o.traffic.observedNotDeclared);
    list("Declared, never observed", o.traffic.declaredNotObserved);
  }
  return `${out.map(oneLine).join("\n")}
`;
}

// src/cli/commands/check.ts
var CHECK_FORMATS = ["md", "txt", "json"];
var FAIL_ON = ["diff", "broken", "gaps", "baseline", "drift", "lint"];
var Options = CommonOptions.extend(TrafficOptions.shape).extend(ClusterOptions.shape).extend({
  format: external_exports.enum(CHECK_FORMATS, { error: (i) => `expected one of ${CHECK_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).default("md"),
  repo: external_exports.string().optional(),
  base: external_exports.string({ error: "is required" }).min(1),
  head: external_exports.string({ error: "is required" }).min(1),
  failOn: external_exports.string().default("").transform((s, ctx) => {
    const items = s.split(",").map((x) => x.trim()).filter(Boolean);
    for (const x of items) if (!FAIL_ON.includes(x)) ctx.addIssue({ code: "custom", message: `expected a comma-separated list of ${FAIL_ON.join(", ")}, got ${JSON.stringify(x)}` });
    return [...new Set(items)];
  }),
  lint: external_exports.boolean().default(false),
  exposure: external_exports.boolean().default(false),
  maxBytes: external_exports.coerce.number().int().min(1024, { error: "must be at least 1024" }).default(DEFAULT_MAX_BYTES),
  baseline: external_exports.array(external_exports.string()).default([]),
  engine: external_exports.enum(["builtin", "nca", "both"], { error: (i) => `expected builtin, nca or both, got ${JSON.stringify(i.input)}` }).optional(),
  ncaTimeout: external_exports.coerce.number().positive().optional(),
  policies: external_exports.string().min(1).optional(),
  blobBase: external_exports.string().regex(/^https?:\/\/[^\s()<>]+$/, { error: "expected a URL such as https://github.com/OWNER/REPO" }).optional()
});
function failsOn(o, failOn) {
  const has = {
    diff: () => o.diff.entries.length > 0,
    broken: () => o.broken.length > 0,
    gaps: () => o.gaps.some((g) => g.introduced),
    baseline: () => (o.baseline?.violations.length ?? 0) > 0,
    drift: () => (o.drift?.findings.length ?? 0) > 0,
    lint: () => (o.lint?.findings.length ?? 0) > 0
  };
  return failOn.some((f) => has[f]());
}
function checkCommand(ctx, done) {
  const cmd = new Command("check").description("the PR check: connectivity diff grouped by cause, needed links the PR breaks, gaps, as the Markdown a reviewer reads").argument("[paths...]", "with --repo: paths inside the repository (default: all of it)").requiredOption("--base <ref|path>", "the PR base: a folder, or a git ref with --repo").requiredOption("--head <ref|path>", "the PR head: a folder, or a git ref with --repo").option("--repo <dir>", "a git repository: --base and --head are refs, read without touching the working tree").option("-f, --format <format>", `output format: ${CHECK_FORMATS.join("|")}`, "md").option("--fail-on <list>", `exit 1 when the PR has any of: ${FAIL_ON.join(",")} (default: only input errors fail, with 2)`).option("--max-bytes <n>", `budget of the Markdown body in UTF-8 bytes (default ${DEFAULT_MAX_BYTES}; GitHub refuses bodies over 65,536 characters)`).option("--baseline <file>", "baseline rules (np-guard or netalchemy format) checked on head, by the built-in engine and nca (repeatable)", (v, prev = []) => [...prev, v]).option("--engine <engine>", "with --baseline: builtin, nca or both (default: both when nca is installed)").option("--nca-timeout <seconds>", "with --baseline: time budget of nca (default 300)").option("--policies <dir>", "the committed policies folder (with --repo: relative to the repository): head's needs against it (repo drift)").option("--lint", "policy sanity on head: lint findings base does not have (a finding is its code, policy and rule, not its line); implied by --fail-on lint").option("--exposure", 'the workloads the PR exposes to more of the outside (any namespace, selector-matched pods elsewhere, addresses), in the "reachable from outside" section').option("--blob-base <url>", "https://github.com/OWNER/REPO: file references link to <url>/blob/<sha>/<path>#L<n> (with --repo)");
  addTrafficOptions(cmd);
  addClusterOptions(cmd, "with --traffic: read pods, Services, namespaces and nodes from the cluster with kubectl to map trace addresses to workloads (instead of --cluster-snapshot)");
  addCommonOptions(cmd).action((paths, raw) => done(check(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}
function requestFrom(paths, opts) {
  if (opts.repo !== void 0) return { kind: "repo", repo: opts.repo, base: opts.base, head: opts.head, paths };
  if (paths.length > 0) throw new ConfigError("paths after the options go with --repo; without it, --base and --head are the two folders");
  return { kind: "paths", base: opts.base, head: opts.head };
}
function check(ctx, paths, opts) {
  const say = progress(ctx, opts);
  const request = requestFrom(paths, opts);
  say("checking base and head…");
  if (opts.baseline.length === 0 && (opts.engine !== void 0 || opts.ncaTimeout !== void 0)) throw new ConfigError("--engine and --nca-timeout go with --baseline");
  const traffic = trafficRequestFrom(opts, snapshotClusterFrom(opts));
  const o = runGatedCheck(
    ctx.io,
    request,
    {
      ...opts.baseline.length > 0 ? { baselineFiles: opts.baseline } : {},
      ...opts.engine ? { engine: opts.engine } : {},
      ...opts.ncaTimeout ? { ncaTimeoutMs: opts.ncaTimeout * 1e3 } : {},
      ...opts.policies !== void 0 ? { policies: opts.policies } : {},
      ...traffic ? { traffic } : {},
      // failing on new lint findings needs them computed: --fail-on lint implies --lint
      ...opts.lint || opts.failOn.includes("lint") ? { lint: true } : {},
      ...opts.exposure ? { exposure: true } : {},
      synthesis: DEFAULT_SYNTHESIS_OPTIONS,
      renderPolicies: renderPoliciesYaml
    },
    readSettingsFrom(ctx, opts)
  );
  say("");
  const text = opts.format === "md" ? renderCheckMd(o, { maxBytes: opts.maxBytes, ...opts.blobBase ? { blobBase: opts.blobBase } : {} }) : opts.format === "json" ? renderCheckJson(o) : renderCheckTxt(o);
  emit(ctx, text, opts.output);
  printDiagnostics(ctx, o.diagnostics, opts);
  return exitCodeFor(o.headDiagnostics, failsOn(o, opts.failOn));
}
export {
  CHECK_FORMATS,
  FAIL_ON,
  checkCommand,
  failsOn
};
