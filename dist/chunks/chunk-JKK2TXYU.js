import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  renderCheckMd,
  runGatedCheck
} from "./chunk-4KDOS5X2.js";
import {
  fileAtRef
} from "./chunk-5L4OYYMO.js";
import {
  renderPoliciesYaml
} from "./chunk-P4JBN7VV.js";
import {
  DEFAULT_SYNTHESIS_OPTIONS
} from "./chunk-QEEATDXV.js";
import {
  readSettingsFromInputs
} from "./chunk-GLUC33MD.js";
import {
  peerKey
} from "./chunk-YS4F6JR5.js";
import {
  annotateDiagnostics,
  checkSpec,
  defineAction,
  publishReport,
  refsOf,
  writeReport
} from "./chunk-UYXBV6A3.js";
import {
  ExitCode
} from "./chunk-LJ56FUY6.js";

// src/action/check-runner.ts
var checkRunner = (io, request, settings) => {
  const o = runGatedCheck(
    io,
    { kind: "repo", repo: request.repo, base: request.base, head: request.head, paths: request.paths },
    {
      ...request.baseline.length > 0 ? { baselineFiles: request.baseline, engine: request.engine } : {},
      ...request.policies !== void 0 ? { policies: request.policies } : {},
      ...request.traffic.length > 0 ? { traffic: { files: request.traffic, ...request.cidrAliases ? { cidrAliases: request.cidrAliases } : {} } } : {},
      ...request.lint ? { lint: true } : {},
      ...request.exposure ? { exposure: true } : {},
      synthesis: DEFAULT_SYNTHESIS_OPTIONS,
      renderPolicies: renderPoliciesYaml
    },
    settings
  );
  const headPrefix = `${request.head}:`;
  const where = (at) => {
    if (!at) return void 0;
    const file = at.file.startsWith(headPrefix) ? at.file.slice(headPrefix.length) : at.file;
    return { file, ...at.line ? { line: at.line } : {} };
  };
  const findings = [];
  const add = (f, at) => {
    const w = where(at);
    if (w) findings.push({ ...f, ...w });
  };
  for (const v of o.baseline?.violations ?? []) add({ rule: `baseline/${v.action}`, level: "error", title: `netpol-ci baseline rule ${v.rule}`, message: `${v.src} -> ${v.dst}: ${v.conns}` }, v.at);
  for (const d of o.drift?.findings ?? []) add({ rule: `drift/${d.kind}`, level: d.kind === "missing" ? "error" : "warning", title: `netpol-ci drift (${d.kind})`, message: `${d.subject}: ${d.message}` }, d.at);
  for (const b of o.broken) {
    const ev = b.link.evidence.find((e) => "at" in e);
    add({ rule: "broken-link", level: "error", title: "netpol-ci: this PR breaks a needed link", message: `${peerKey(b.link.src)} needs ${peerKey(b.link.dst)} on ${b.missing.toString()}; head allows ${b.allowed.isEmpty ? "none of it" : b.allowed.toString()}` }, ev && "at" in ev ? ev.at : void 0);
  }
  for (const g of o.gaps) add({ rule: `gap/${g.reason}`, level: "warning", title: `netpol-ci gap (${g.reason})`, message: `${g.workload}: ${JSON.stringify(g.value)} ${g.detail}` }, g.at);
  for (const f of o.lint?.findings ?? []) add({ rule: `lint/${f.kind}`, level: "warning", title: `netpol-ci lint (${f.kind}) new in this PR`, message: `${f.message}${f.coveredBy.length ? ` (covered by ${f.coveredBy.join(", ")})` : ""}` }, f.at);
  const count = (k) => o.diff.entries.filter((e) => e.kind === k).length;
  const violations = o.baseline?.violations.length;
  const drift = o.drift?.findings.length;
  const lint = o.lint?.findings.length;
  return {
    markdown: renderCheckMd(o),
    empty: o.diff.entries.length === 0 && o.broken.length === 0 && !o.gaps.some((g) => g.introduced) && !violations && !drift && !lint && !o.exposure?.widened.length,
    diff: { added: count("added"), removed: count("removed"), changed: count("changed") },
    ...violations !== void 0 ? { violations } : {},
    ...drift !== void 0 ? { drift } : {},
    broken: o.broken.length,
    gaps: o.gaps.length,
    ...lint !== void 0 ? { lint } : {},
    findings,
    diagnostics: o.headDiagnostics
  };
};

// src/report/findings-sarif.ts
var SARIF_LEVEL = { error: "error", warning: "warning", notice: "note" };
function renderFindingsSarif(findings, tool) {
  const sorted = [...findings].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));
  const ruleIds = [...new Set(sorted.map((f) => f.rule))].sort();
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "netpol-ci",
            version: tool.version,
            informationUri: "https://github.com/netpol-ci/netpol-ci",
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: tool.rules[id] ?? id } }))
          }
        },
        results: sorted.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: SARIF_LEVEL[f.level],
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.file.split("\\").join("/"), uriBaseId: "%SRCROOT%" }, ...f.line ? { region: { startLine: f.line } } : {} } }]
        }))
      }
    ]
  };
  return `${JSON.stringify(sarif, null, 2)}
`;
}

// src/action/check.ts
var VERSION = "0.1.0";
var GAP_RULES = {
  "gap/no-such-service": "An address names a Service that does not exist",
  "gap/no-such-port": "An address names a port the Service does not have",
  "gap/no-endpoints": "An address names a Service that selects no workload",
  "gap/external-hostname": "A host outside the cluster: NetworkPolicy can only allow address blocks",
  "lint/selects-nothing": "A policy that selects no pod (new in this PR)",
  "lint/never-matches": "A rule that can never match (new in this PR)",
  "lint/shadowed-rule": "An admin or baseline rule that higher priorities always decide before it (new in this PR)",
  "lint/redundant-policy": "A policy without which every connection stays the same (new in this PR)",
  "lint/redundant-rule": "A rule without which every connection stays the same (new in this PR)"
};
function failures(result, failOn) {
  const hit = {
    baseline: (result.violations ?? 0) > 0,
    drift: (result.drift ?? 0) > 0,
    broken: result.broken > 0,
    diff: result.diff.added + result.diff.removed + result.diff.changed > 0,
    gaps: result.gaps > 0,
    lint: (result.lint ?? 0) > 0
  };
  return failOn.filter((f) => hit[f]);
}
function checkActionWith(runner) {
  return defineAction(checkSpec, async (inputs, rt) => {
    const { base, head } = refsOf(rt.event, rt.env, inputs.base, inputs.head);
    const settings = readSettingsFromInputs(rt, inputs);
    const result = await rt.log.group(
      `check ${base}..${head}`,
      () => runner(
        rt.io,
        { repo: inputs["working-directory"], base, head, paths: inputs.paths, baseline: inputs.baseline, ...inputs.policies ? { policies: inputs.policies } : {}, engine: inputs.engine, traffic: inputs.traffic, ...inputs["cidr-aliases"] ? { cidrAliases: inputs["cidr-aliases"] } : {}, ...inputs.lint || inputs["fail-on"].includes("lint") ? { lint: true } : {}, ...inputs.exposure ? { exposure: true } : {} },
        settings
      )
    );
    annotateDiagnostics(rt, result.diagnostics, fileAtRef(head));
    for (const f of result.findings) {
      const at = { file: f.file, ...f.line ? { line: f.line } : {}, title: f.title };
      if (f.level === "error") rt.log.error(f.message, at);
      else if (f.level === "warning") rt.log.warning(f.message, at);
      else rt.log.notice(f.message, at);
    }
    const { added, removed, changed } = result.diff;
    rt.setOutput("has-diff", added + removed + changed > 0);
    rt.setOutput("added", added);
    rt.setOutput("removed", removed);
    rt.setOutput("changed", changed);
    rt.setOutput("violations", result.violations ?? "");
    rt.setOutput("drift", result.drift ?? "");
    rt.setOutput("gaps", result.gaps);
    rt.setOutput("lint", result.lint ?? "");
    const sarif = result.sarif ?? renderFindingsSarif(result.findings, { version: VERSION, rules: GAP_RULES });
    rt.setOutput("sarif-path", writeReport(rt, "check.sarif", sarif));
    await publishReport(rt, "check", result.markdown, result.empty, inputs);
    if (result.diagnostics.some((d) => d.severity === "error")) return ExitCode.badInput;
    const failed = failures(result, inputs["fail-on"]);
    if (failed.length > 0) {
      rt.log.error(`the check failed on: ${failed.join(", ")} (fail-on: ${inputs["fail-on"].join(",")})`);
      return ExitCode.findings;
    }
    return ExitCode.ok;
  });
}
var checkAction = checkActionWith(checkRunner);

export {
  VERSION,
  checkAction
};
