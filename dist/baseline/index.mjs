import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  VERSION,
  sarifWithPaths,
  settleUnplaced
} from "../chunks/chunk-DYA7MGAV.mjs";
import "../chunks/chunk-2IMQIUES.mjs";
import "../chunks/chunk-5AKXMKSF.mjs";
import {
  withInputErrors
} from "../chunks/chunk-YD76DOL6.mjs";
import {
  formatEndpoint,
  ruleRefLabel,
  ruleRefOrigin,
  runBaseline
} from "../chunks/chunk-MGBJX6MS.mjs";
import "../chunks/chunk-WCR5MJTX.mjs";
import "../chunks/chunk-L2SJDA3H.mjs";
import "../chunks/chunk-HM4COL5A.mjs";
import {
  escapeMarkdown,
  markdownCode,
  readSettingsFromInputs,
  resolveIn,
  shownAsRead,
  workspacePath
} from "../chunks/chunk-LJ6KWNZ7.mjs";
import {
  peerKey
} from "../chunks/chunk-O73IRBZ3.mjs";
import {
  annotateDiagnostics,
  baselineSpec,
  defineAction,
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  overlayPlaces,
  runAction,
  writeReport,
  writeSummary,
  yieldBackgroundThreads
} from "../chunks/chunk-MX7AUN24.mjs";
import {
  Codes,
  ExitCode,
  uniqueDiagnostics
} from "../chunks/chunk-TBLT5FKE.mjs";

// src/diagnostics/descriptions.ts
var CodeDescriptions = {
  // baseline rules (issue 12)
  [Codes.baselineInvalidRule]: { name: "BaselineInvalidRule", short: "Invalid baseline rule", full: "A baseline rule file, or one of its rules, is invalid; the rule is not checked." },
  [Codes.baselineNoRules]: { name: "BaselineNoRules", short: "Empty baseline rule file", full: "A baseline rule file holds no rules." },
  [Codes.baselineRuleMatchesNothing]: { name: "BaselineRuleMatchesNothing", short: "Baseline rule selects no workload", full: "A side of a baseline rule selects no workload in the configuration, so the rule checks nothing there; often a typo in a label." },
  [Codes.baselineViolation]: {
    name: "BaselineViolation",
    short: "Baseline rule violated",
    full: "The NetworkPolicies allow a connection that a deny rule (or a default: deny) forbids, or block a connection that an allow rule requires. The result is located at the policy that allows the connection (or isolates the endpoint); the rule is the related location."
  },
  [Codes.baselineDisagreement]: {
    name: "BaselineEnginesDisagree",
    short: "Built-in engine and nca disagree",
    full: "The built-in engine and IBM network-config-analyzer (nca) give different answers for a baseline rule: one of the two is wrong, and the check cannot be trusted until a reviewer decides."
  },
  [Codes.baselineEngineNote]: { name: "BaselineEngineNote", short: "nca could not decide a rule", full: "nca is missing, timed out, failed, or does not support the input; the built-in engine decided." }
};

// src/report/sarif-results.ts
function physical(l) {
  const uri = l.file.replace(/\\/g, "/").replace(/^\.\//, "");
  return {
    artifactLocation: { uri: encodeURI(uri), ...uri.startsWith("/") ? {} : { uriBaseId: "%SRCROOT%" } },
    ...l.line !== void 0 ? { region: { startLine: Math.max(1, l.line), ...l.column !== void 0 ? { startColumn: Math.max(1, l.column) } : {} } } : {}
  };
}
function renderSarif(tool, rules, results) {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: tool.informationUri,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.shortDescription },
              fullDescription: { text: r.fullDescription },
              defaultConfiguration: { level: r.level }
            }))
          }
        },
        results: results.map((r) => ({
          ruleId: r.ruleId,
          ...ruleIndex.has(r.ruleId) ? { ruleIndex: ruleIndex.get(r.ruleId) } : {},
          level: r.level,
          message: { text: r.message },
          ...r.location ? { locations: [{ physicalLocation: physical(r.location) }] } : {},
          ...r.related && r.related.length > 0 ? { relatedLocations: r.related.map((l, i) => ({ id: i + 1, physicalLocation: physical(l), ...l.message ? { message: { text: l.message } } : {} })) } : {},
          partialFingerprints: { "netpolCiFinding/v1": r.fingerprint }
        })),
        columnKind: "unicodeCodePoints"
      }
    ]
  };
  settleUnplaced(log);
  return `${JSON.stringify(log, null, 2)}
`;
}

// src/report/baseline.ts
function where(at) {
  return at ? `${at.file}:${at.line ?? 1}` : "";
}
function ruleTitle(r) {
  return `${where(ruleRefOrigin(r))} ${ruleRefLabel(r)}`;
}
var KIND_TEXT = {
  "forbidden-allowed": "allowed, but the rule forbids it",
  "required-blocked": "blocked, but the rule requires it",
  "outside-allow-rules": "allowed, but no allow rule covers it"
};
function causeText(c) {
  const side = c.direction === "ingress" ? "ingress" : "egress";
  switch (c.verdict) {
    case "allows":
      return `${side} allowed by ${c.policy ?? "?"} at ${where(c.at)} (${c.conns.toString()})`;
    case "isolates":
      return `${side} isolated by ${c.policy ?? "?"} at ${where(c.at)}`;
    case "denies":
      return `${side} denied by ${c.policy ?? "?"} at ${where(c.at)}`;
    case "unrestricted":
      return `${side} unrestricted: no policy selects the ${side === "ingress" ? "destination" : "source"}`;
  }
}
function verdictText(v) {
  const parts = [v.builtin ? `builtin ${v.builtin}` : "", v.nca ? `nca ${v.nca}` : ""].filter(Boolean);
  return `${parts.join(", ")}; decided by ${v.decidedBy}`;
}
function pairText(p) {
  return `${peerKey(p.src)} => ${peerKey(p.dst)} : builtin ${p.builtin.isEmpty ? "no violation" : p.builtin.toString()}, nca ${p.nca.isEmpty ? "no violation" : p.nca.toString()}`;
}
function engineLine(o) {
  const nca = o.ncaVersion ? `nca ${o.ncaVersion}` : "nca";
  return o.engine === "both" ? `builtin + ${nca}` : o.engine === "nca" ? nca : "builtin";
}
function inputErrorCount(o) {
  return uniqueDiagnostics(o.diagnostics).filter((d) => d.severity === "error").length;
}
var errorsText = (n) => `${n} input error${n === 1 ? "" : "s"}`;
function renderBaselineMd(o) {
  const failed = o.violations.length > 0 || o.disagreements.length > 0;
  const errors = inputErrorCount(o);
  const out = [];
  out.push(`### Baseline rules: ${failed ? "❌ failed" : errors > 0 ? `⚠️ ${errorsText(errors)} (left out of the answer)` : "✅ passed"}`, "");
  out.push(`${o.verdicts.length} rule(s) checked by ${escapeMarkdown(engineLine(o))}: ${o.violations.length} violation(s), ${o.disagreements.length} disagreement(s).`, "");
  if (o.violations.length > 0) {
    out.push("| rule | source | destination | connections | why |", "|---|---|---|---|---|");
    for (const v of o.violations) {
      const why = [KIND_TEXT[v.kind], ...v.causes.map(causeText)].map(escapeMarkdown).join("<br>");
      out.push(`| ${markdownCode(ruleTitle(v.rule))} | ${markdownCode(peerKey(v.src))} | ${markdownCode(peerKey(v.dst))} | ${markdownCode(v.conns.toString())} | ${why} |`);
    }
    out.push("");
  }
  if (o.disagreements.length > 0) {
    out.push("**The engines disagree** (one of them is wrong; a reviewer must decide):", "");
    out.push("| rule | builtin | nca | smallest differing pair |", "|---|---|---|---|");
    for (const d of o.disagreements) {
      out.push(`| ${markdownCode(ruleTitle(d.rule))} | ${d.builtinHolds ? "holds" : "violated"} | ${d.ncaHolds ? "holds" : "violated"} | ${markdownCode(pairText(d.witness))} |`);
    }
    out.push("");
  }
  for (const n of o.engineNotes) out.push(`> note (${n.engine}): ${escapeMarkdown(`${n.rule ? `${ruleTitle(n.rule)}: ` : ""}${n.message}`)}`, "");
  out.push("<details><summary>Rules</summary>", "", "| rule | from | to | verdict |", "|---|---|---|---|");
  for (const v of o.verdicts) {
    const from = v.rule.kind === "rule" ? formatEndpoint(v.rule.rule.from) : "";
    const to = v.rule.kind === "rule" ? formatEndpoint(v.rule.rule.to) : "";
    out.push(`| ${markdownCode(ruleTitle(v.rule))} | ${markdownCode(from)} | ${markdownCode(to)} | ${escapeMarkdown(verdictText(v))} |`);
  }
  out.push("", "</details>");
  return `${out.join("\n")}
`;
}
function sarifRule(code, level) {
  const d = CodeDescriptions[code] ?? { name: code, short: code, full: code };
  return { id: code, name: d.name, shortDescription: d.short, fullDescription: d.full, level };
}
function renderBaselineSarif(o, version) {
  const rules = [sarifRule(Codes.baselineViolation, "error"), sarifRule(Codes.baselineDisagreement, "error"), sarifRule(Codes.baselineEngineNote, "note")];
  const results = [];
  for (const v of o.violations) {
    const ruleAt = ruleRefOrigin(v.rule);
    const located = v.causes.find((c) => c.at);
    const ruleLoc = { file: ruleAt.file, ...ruleAt.line !== void 0 ? { line: ruleAt.line } : {}, message: `baseline rule ${ruleRefLabel(v.rule)}` };
    const policyLoc = located?.at ? { file: located.at.file, ...located.at.line !== void 0 ? { line: located.at.line } : {} } : void 0;
    results.push({
      ruleId: Codes.baselineViolation,
      level: "error",
      message: `${peerKey(v.src)} => ${peerKey(v.dst)} : ${v.conns.toString()}: ${KIND_TEXT[v.kind]} (${ruleRefLabel(v.rule)})${v.causes.length > 0 ? `; ${v.causes.map(causeText).join("; ")}` : ""}`,
      location: policyLoc ?? ruleLoc,
      related: policyLoc ? [ruleLoc] : [],
      fingerprint: `${ruleTitle(v.rule)}|${peerKey(v.src)}|${peerKey(v.dst)}|${v.kind}`
    });
  }
  for (const d of o.disagreements) {
    const at = ruleRefOrigin(d.rule);
    results.push({
      ruleId: Codes.baselineDisagreement,
      level: "error",
      message: `builtin says ${ruleRefLabel(d.rule)} ${d.builtinHolds ? "holds" : "is violated"}, nca says it ${d.ncaHolds ? "holds" : "is violated"}; smallest differing pair: ${pairText(d.witness)}`,
      location: { file: at.file, ...at.line !== void 0 ? { line: at.line } : {} },
      fingerprint: `${ruleTitle(d.rule)}|disagreement`
    });
  }
  for (const n of o.engineNotes) {
    const at = n.rule ? ruleRefOrigin(n.rule) : void 0;
    results.push({
      ruleId: Codes.baselineEngineNote,
      level: "note",
      message: n.message,
      ...at ? { location: { file: at.file, ...at.line !== void 0 ? { line: at.line } : {} } } : {},
      fingerprint: `${n.rule ? ruleTitle(n.rule) : "run"}|note|${n.message}`
    });
  }
  return renderSarif({ name: "netpol-ci", version, informationUri: "https://github.com/netpol-ci/netpol-ci" }, rules, results);
}

// src/action/baseline.ts
var baselineAction = defineAction(baselineSpec, async (inputs, rt) => {
  const settings = readSettingsFromInputs(rt, inputs);
  const o = await rt.log.group(
    `baseline (${inputs.engine})`,
    () => runBaseline(
      rt.io,
      { paths: inputs.paths.map((p) => resolveIn(inputs, p)), ruleFiles: inputs.baseline.map((f) => shownAsRead(resolveIn(inputs, f))), engine: inputs.engine, ncaTimeoutMs: inputs["nca-timeout"] * 1e3 },
      settings
    )
  );
  const repoPath = (f) => workspacePath(rt, f);
  const at = (s, title) => ({ file: repoPath(s.file), ...s.line ? { line: s.line } : {}, title });
  const shown = (s) => `${repoPath(s.file)}:${s.line ?? 1}`;
  annotateDiagnostics(rt, o.diagnostics, repoPath);
  for (const v of o.violations) {
    const rule = ruleRefOrigin(v.rule);
    const policy = v.causes.find((c) => c.at)?.at;
    const message = `${peerKey(v.src)} -> ${peerKey(v.dst)}: ${v.conns.toString()} violates baseline rule ${ruleRefLabel(v.rule)} (${shown(rule)})`;
    rt.log.error(message, at(policy ?? rule, `netpol-ci baseline rule ${ruleRefLabel(v.rule)}`));
  }
  for (const d of o.disagreements) {
    const message = `the engines disagree on ${ruleRefLabel(d.rule)}: builtin says it ${d.builtinHolds ? "holds" : "is violated"}, nca says it ${d.ncaHolds ? "holds" : "is violated"}`;
    rt.log.error(message, at(ruleRefOrigin(d.rule), "netpol-ci: baseline engines disagree"));
  }
  for (const n of o.engineNotes) {
    if (n.rule) rt.log.notice(n.message, at(ruleRefOrigin(n.rule), `netpol-ci ${n.engine}`));
    else rt.log.notice(`${n.engine}: ${n.message}`);
  }
  const markdown = withInputErrors(renderBaselineMd(o), o.diagnostics, repoPath);
  rt.setOutput("violations", o.violations.length);
  rt.setOutput("disagreements", o.disagreements.length);
  rt.setOutput("report-path", writeReport(rt, "baseline.md", markdown));
  rt.setOutput("sarif-path", writeReport(rt, "baseline.sarif", sarifWithPaths(renderBaselineSarif(o, VERSION), repoPath, overlayPlaces(rt.io))));
  await writeSummary(rt, markdown);
  if (o.diagnostics.some((d) => d.severity === "error")) return ExitCode.badInput;
  if (inputs["fail-on-violation"] && (o.violations.length > 0 || o.disagreements.length > 0)) {
    rt.log.error(`${o.violations.length} baseline violations, ${o.disagreements.length} engine disagreements (fail-on-violation)`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
});

// src/action/entries/baseline.ts
yieldBackgroundThreads();
process.exitCode = await runAction(baselineAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
