import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  fileAtRef
} from "../chunks/chunk-YE3P4NFW.js";
import {
  renderDiffMd,
  runDiff
} from "../chunks/chunk-5SRV5TAB.js";
import {
  runScan
} from "../chunks/chunk-FYCVXEP3.js";
import "../chunks/chunk-FV4AEPNN.js";
import "../chunks/chunk-7AUNVGQ4.js";
import {
  readSettingsFromInputs
} from "../chunks/chunk-M5J4F5MO.js";
import {
  escapeMarkdown,
  markdownCode,
  workloadKey
} from "../chunks/chunk-UMTN2JNT.js";
import {
  annotateDiagnostics,
  checkSpec,
  defineAction,
  gitHubApiFor,
  nodeRuntime,
  publishReport,
  refsOf,
  runAction,
  writeReport
} from "../chunks/chunk-YWCFQIM3.js";
import {
  ConfigError,
  ExitCode,
  nodeIo
} from "../chunks/chunk-ZD7TFN3B.js";

// src/action/check-runner.ts
import path from "node:path";
var checkRunner = (io, request, settings) => {
  if (request.baseline.length > 0 || request.policies !== void 0) {
    throw new ConfigError('inputs "baseline" and "policies" need the check use-case, which this build does not include');
  }
  const diff = runDiff(io, { kind: "repo", repo: request.repo, base: request.base, head: request.head, paths: request.paths }, settings, { explain: true });
  const tree = io.exportTree(request.repo, request.head, request.paths.length > 0 ? request.paths : ["."]);
  try {
    const scan = runScan(io, [tree.dir], settings);
    const rel = (f) => path.relative(tree.dir, f).split(path.sep).join("/");
    const gaps = scan.topology.unresolved;
    const findings = gaps.map((u) => ({
      rule: `gap/${u.reason}`,
      file: rel(u.at.file),
      ...u.at.line ? { line: u.at.line } : {},
      level: "warning",
      title: `netpol-ci gap (${u.reason})`,
      message: `${workloadKey(u.workload)}: ${JSON.stringify(u.value)} ${u.detail}`
    }));
    const count = (k) => diff.diff.entries.filter((e) => e.kind === k).length;
    const parts = [renderDiffMd({ diff: diff.diff, refs: diff.refs, ...diff.explanations ? { explanations: diff.explanations } : {} })];
    if (gaps.length > 0) {
      parts.push(`#### Gaps at ${markdownCode(request.head)} (${gaps.length})`, "");
      for (const u of gaps) parts.push(`- ${markdownCode(`${rel(u.at.file)}:${u.at.line ?? 0}`)} ${markdownCode(workloadKey(u.workload))} ${markdownCode(u.value)}: ${escapeMarkdown(u.detail)}`);
      parts.push("");
    }
    return {
      markdown: parts.join("\n"),
      empty: diff.diff.entries.length === 0 && gaps.length === 0,
      diff: { added: count("added"), removed: count("removed"), changed: count("changed") },
      gaps: gaps.length,
      findings,
      diagnostics: diff.diagnostics
    };
  } finally {
    tree.dispose();
  }
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
  "gap/external-hostname": "A host outside the cluster: NetworkPolicy can only allow address blocks"
};
function failures(result, failOn) {
  const hit = {
    baseline: (result.violations ?? 0) > 0,
    drift: (result.drift ?? 0) > 0,
    diff: result.diff.added + result.diff.removed + result.diff.changed > 0,
    gaps: result.gaps > 0
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
        { repo: inputs["working-directory"], base, head, paths: inputs.paths, baseline: inputs.baseline, ...inputs.policies ? { policies: inputs.policies } : {}, engine: inputs.engine },
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

// src/action/entries/check.ts
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
