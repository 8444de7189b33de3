import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  VERSION,
  createTwoFilesPatch,
  driftBasisFromInputs,
  driftBasisMd,
  driftBasisText,
  ingressControllerFromInputs,
  isDefaultBasis,
  judgedAgainst,
  renderSarif,
  runRepoDrift,
  sarifWithPaths
} from "../chunks/chunk-DYA7MGAV.mjs";
import "../chunks/chunk-2IMQIUES.mjs";
import {
  explanationData
} from "../chunks/chunk-5AKXMKSF.mjs";
import {
  withInputErrors
} from "../chunks/chunk-YD76DOL6.mjs";
import "../chunks/chunk-MGBJX6MS.mjs";
import "../chunks/chunk-WCR5MJTX.mjs";
import "../chunks/chunk-L2SJDA3H.mjs";
import {
  evidenceText
} from "../chunks/chunk-HM4COL5A.mjs";
import {
  escapeMarkdown,
  markdownCode,
  oneLine,
  readSettingsFromInputs,
  resolveIn,
  workspacePath
} from "../chunks/chunk-LJ6KWNZ7.mjs";
import {
  peerKey
} from "../chunks/chunk-O73IRBZ3.mjs";
import {
  annotateDiagnostics,
  defineAction,
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  overlayPlaces,
  runAction,
  verifySpec,
  writeReport,
  writeSummary,
  yieldBackgroundThreads
} from "../chunks/chunk-MX7AUN24.mjs";
import {
  Codes,
  ExitCode,
  placeText
} from "../chunks/chunk-TBLT5FKE.mjs";

// src/report/verify.ts
var at = (s) => s ? `${placeText(s)}` : "";
function reasonText(r) {
  if (r.kind === "link") return r.evidence.map(evidenceText);
  return r.evidence ? r.evidence.map((e) => `DNS: names the cluster DNS Service, ${evidenceText(e)}`) : ["DNS (every workload with egress needs it)"];
}
function stepText(s) {
  if (s.layer === "default") return `[default] ${s.verdict} ${s.conns.toString()}: no policy applies`;
  const rule = s.rule ? ` ${s.rule.direction} rule ${s.rule.index}${s.rule.name ? ` "${s.rule.name}"` : ""}` : "";
  return `[${s.layer}] ${s.verdict} ${s.conns.toString()}: ${s.policy ?? ""}${rule}${s.at ? ` (${at(s.at)})` : ""}`;
}
function blockers(x, lack) {
  if (!x) return [];
  const out = [];
  for (const side of ["egress", "ingress"]) {
    for (const s of x[side] ?? []) if ((s.verdict === "Deny" || s.verdict === "Isolated") && !s.conns.intersect(lack).isEmpty) out.push({ side, step: s });
  }
  return out;
}
function allowerText(a) {
  if (a.side === "exposure") return `ingress controller: exposed by ${(a.by ?? []).join(", ")} on ${a.conns.toString()}`;
  const s = a.step;
  if (s.layer === "default") return `${a.side}: no policy isolates the ${a.side === "egress" ? "source" : "destination"} (${a.conns.toString()})`;
  return `${a.side}: ${stepText(s)}`;
}
function missingLine(m) {
  return `missing: source: ${peerKey(m.src)}, destination: ${peerKey(m.dst)}, needed: ${m.needed.toString()}, allowed: ${m.allowed.toString()}, blocked: ${m.conns.toString()}`;
}
function excessLine(e) {
  return `excess: source: ${peerKey(e.src)}, destination: ${peerKey(e.dst)}, allowed: ${e.allowed.toString()}, needed: ${e.needed.toString()}, excess: ${e.conns.toString()}`;
}
function patches(fix) {
  return fix.files.filter((f) => f.action !== "unchanged").map((f) => createTwoFilesPatch(f.action === "created" ? "/dev/null" : f.path, f.action === "removed" ? "/dev/null" : f.path, f.before, f.after, "", "", { context: 3 })).join("");
}
function fixSummary(fix) {
  const count = (a) => fix.files.filter((f) => f.action === a).length;
  const out = [`--fix: ${count("created")} created, ${count("updated")} updated, ${count("removed")} removed, ${count("unchanged")} unchanged`];
  for (const f of fix.keptHandWritten) out.push(`--fix: kept ${f} (not written by netpol-ci; review it by hand)`);
  return out;
}
function renderRepoDriftTxt(r) {
  const d = r.drift;
  const out = [];
  if (r.fix) out.push(...fixSummary(r.fix), ...patches(r.fix).replace(/\n$/, "").split("\n").filter((l) => r.fix && l !== ""));
  if (d.missing.length === 0 && d.excess.length === 0) {
    out.push(`No drift: the policies in ${r.policies} allow exactly what the manifests need (${d.needsChecked} needed connections checked).`);
    if (r.basis && !isDefaultBasis(r.basis)) out.push(`Judged on the basis the policies were synthesized with: ${driftBasisText(r.basis)}`);
    return `${out.map(oneLine).join("\n")}
`;
  }
  out.push(`Policy drift in ${r.policies}: ${d.missing.length} missing, ${d.excess.length} excess${r.allowExcess ? " (excess allowed)" : ""}`);
  if (r.basis && !isDefaultBasis(r.basis)) out.push(`Judged on the basis the policies were synthesized with: ${driftBasisText(r.basis)}`);
  for (const m of d.missing) {
    out.push(missingLine(m));
    for (const r2 of m.reasons) for (const t of reasonText(r2)) out.push(`  needed by: ${t}`);
    for (const b of blockers(m.explanation, m.conns)) out.push(`  blocked by ${b.side}: ${stepText(b.step)}`);
  }
  for (const e of d.excess) {
    out.push(excessLine(e));
    for (const a of e.allowers) out.push(`  allowed by ${allowerText(a)}`);
  }
  return `${out.map(oneLine).join("\n")}
`;
}
function renderRepoDriftMd(r) {
  const d = r.drift;
  const out = ["### netpol-ci: policy drift", ""];
  if (d.missing.length === 0 && d.excess.length === 0) {
    out.push(`**No drift.** The policies in ${markdownCode(r.policies)} allow exactly what the manifests need (${d.needsChecked} needed connections checked).`);
  } else {
    out.push(`**${d.missing.length} missing · ${d.excess.length} excess${r.allowExcess ? " (excess allowed)" : ""}** in ${markdownCode(r.policies)}`);
  }
  if (r.basis && !isDefaultBasis(r.basis)) out.push("", driftBasisMd(r.basis));
  if (d.missing.length > 0) {
    out.push("", `#### Missing (${d.missing.length}): needed, but the policies block it`, "");
    for (const m of d.missing) {
      out.push(`- ${markdownCode(peerKey(m.src))} → ${markdownCode(peerKey(m.dst))}: blocked ${markdownCode(m.conns.toString())} (needed ${markdownCode(m.needed.toString())}, allowed ${markdownCode(m.allowed.toString())})`);
      for (const r2 of m.reasons) for (const t of reasonText(r2)) out.push(`  - needed by ${markdownCode(t)}`);
      for (const b of blockers(m.explanation, m.conns)) out.push(`  - blocked by ${b.side}: ${markdownCode(stepText(b.step))}`);
    }
  }
  if (d.excess.length > 0) {
    out.push("", `#### Excess (${d.excess.length}): allowed beyond what the manifests need`, "");
    for (const e of d.excess) {
      out.push(`- ${markdownCode(peerKey(e.src))} → ${markdownCode(peerKey(e.dst))}: also allows ${markdownCode(e.conns.toString())} (needed ${markdownCode(e.needed.toString())})`);
      for (const a of e.allowers) out.push(`  - allowed by ${markdownCode(allowerText(a))}`);
    }
  }
  if (r.fix) {
    out.push("", "#### Fix", "", ...fixSummary(r.fix).map((l) => `- ${escapeMarkdown(l)}`));
    const p = patches(r.fix);
    const fence = "`".repeat(Math.max(3, ...[...p.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    if (p) out.push("", `${fence}diff`, p.replace(/\n$/, ""), fence);
  }
  return `${out.join("\n")}
`;
}
function stepJson(s) {
  return { layer: s.layer, verdict: s.verdict, ...s.policy ? { policy: s.policy } : {}, ...s.rule ? { rule: s.rule } : {}, ...s.at ? { at: at(s.at) } : {}, conns: s.conns.toString() };
}
function reasonJson(r) {
  if (r.kind === "dns" && !r.evidence) return [{ kind: "dns" }];
  return (r.evidence ?? []).map((e) => ({ kind: r.kind === "dns" ? "dns" : e.kind, text: evidenceText(e), ..."at" in e ? { at: at(e.at) } : {} }));
}
function renderRepoDriftJson(r) {
  const d = r.drift;
  const body = {
    policies: r.policies,
    allow_excess: r.allowExcess,
    ...r.basis ? { basis: { links: r.basis.links ?? null, gaps: r.basis.gaps, no_ports: r.basis.noPorts, baseline: r.basis.baseline ?? [] } } : {},
    summary: { missing: d.missing.length, excess: d.excess.length, needs_checked: d.needsChecked },
    missing: d.missing.map((m) => ({
      src: peerKey(m.src),
      dst: peerKey(m.dst),
      needed: m.needed.toString(),
      allowed: m.allowed.toString(),
      blocked: m.conns.toString(),
      needed_by: m.reasons.flatMap(reasonJson),
      blocked_by: blockers(m.explanation, m.conns).map((b) => ({ side: b.side, ...stepJson(b.step) })),
      ...m.explanation ? { explanation: explanationData(m.explanation) } : {}
    })),
    excess: d.excess.map((e) => ({
      src: peerKey(e.src),
      dst: peerKey(e.dst),
      allowed: e.allowed.toString(),
      needed: e.needed.toString(),
      excess: e.conns.toString(),
      allowed_by: e.allowers.map((a) => a.side === "exposure" ? { side: a.side, by: a.by, conns: a.conns.toString() } : { side: a.side, ...stepJson(a.step), conns: a.conns.toString() })
    })),
    ...r.fix ? { fix: { files: r.fix.files.map((f) => ({ path: f.path, action: f.action })), kept_hand_written: r.fix.keptHandWritten, patch: patches(r.fix) } } : {}
  };
  return `${JSON.stringify(body, null, 2)}
`;
}
var RULES = [
  { id: Codes.driftMissing, description: "A connection the manifests need is blocked by the committed policies" },
  { id: Codes.driftExcess, description: "The committed policies allow a connection beyond what the manifests need" },
  { id: Codes.driftCluster, description: "The live cluster allows a connection differently from the repository policies" },
  { id: Codes.trafficBlocked, description: "Observed traffic that the repository or cluster policies block" }
];
function location(s) {
  return s ? { file: s.file, ...s.line !== void 0 ? { line: s.line } : {}, ...s.column !== void 0 ? { column: s.column } : {} } : void 0;
}
function sarifResult(ruleId, level, message, s) {
  const loc = location(s);
  return { ruleId, level, message, ...loc ? { location: loc } : {} };
}
function renderRepoDriftSarif(r) {
  const results = [];
  for (const m of r.drift.missing) {
    const ev = m.reasons.flatMap((x) => x.kind === "link" ? x.evidence : []).find((e) => "at" in e);
    results.push(sarifResult(Codes.driftMissing, "error", missingLine(m), ev && "at" in ev ? ev.at : void 0));
  }
  for (const e of r.drift.excess) {
    const rule = e.allowers.find((a) => a.step?.at)?.step?.at;
    results.push(sarifResult(Codes.driftExcess, r.allowExcess ? "warning" : "error", excessLine(e), rule));
  }
  return renderSarif({ tool: { name: "netpol-ci", version: r.version, rules: RULES }, results });
}
function renderRepoDrift(format, r) {
  return { txt: renderRepoDriftTxt, md: renderRepoDriftMd, json: renderRepoDriftJson, sarif: renderRepoDriftSarif }[format](r);
}

// src/action/verify.ts
var verifyAction = defineAction(verifySpec, async (inputs, rt) => {
  const settings = { ...readSettingsFromInputs(rt, inputs), ...ingressControllerFromInputs(inputs) };
  const policies = resolveIn(inputs, inputs.policies);
  const basis = driftBasisFromInputs(inputs, (p) => resolveIn(inputs, p));
  const r = await rt.log.group(
    "verify",
    () => runRepoDrift(
      rt.io,
      {
        paths: inputs.paths.map((p) => resolveIn(inputs, p)),
        policies,
        ...basis
      },
      settings
    )
  );
  const repoPath = (f) => workspacePath(rt, f);
  const at2 = (s, title) => s ? { file: repoPath(s.file), ...s.line ? { line: s.line } : {}, title } : void 0;
  annotateDiagnostics(rt, r.diagnostics, repoPath);
  const { missing, excess } = r.drift;
  for (const m of missing) {
    const ev = m.reasons.flatMap((x) => x.kind === "link" ? x.evidence : []).find((e) => "at" in e);
    const message = `${peerKey(m.src)} needs ${peerKey(m.dst)} on ${m.needed.toString()}; the policies block ${m.conns.toString()}`;
    rt.log.error(message, at2(ev && "at" in ev ? ev.at : void 0, "netpol-ci drift (missing)"));
  }
  for (const e of excess) {
    const message = `the policies allow ${peerKey(e.src)} -> ${peerKey(e.dst)} on ${e.conns.toString()} beyond what the manifests need`;
    const where = at2(e.allowers.find((a) => a.step?.at)?.step?.at, "netpol-ci drift (excess)");
    if (inputs["allow-excess"]) rt.log.warning(message, where);
    else rt.log.error(message, where);
  }
  const report = { drift: r.drift, policies: repoPath(policies), allowExcess: inputs["allow-excess"], version: VERSION, basis: judgedAgainst(inputs.policies, basis, inputs.links) };
  const markdown = withInputErrors(renderRepoDriftMd(report), r.diagnostics, repoPath);
  rt.setOutput("missing", missing.length);
  rt.setOutput("excess", excess.length);
  rt.setOutput("report-path", writeReport(rt, `verify.${inputs.format}`, inputs.format === "md" ? markdown : renderRepoDrift(inputs.format, report)));
  rt.setOutput("sarif-path", writeReport(rt, "verify.sarif", sarifWithPaths(renderRepoDriftSarif(report), repoPath, overlayPlaces(rt.io))));
  await writeSummary(rt, markdown);
  if (r.diagnostics.some((d) => d.severity === "error")) return ExitCode.badInput;
  const drifted = missing.length > 0 || excess.length > 0 && !inputs["allow-excess"];
  if (inputs["fail-on-drift"] && drifted) {
    rt.log.error(`the committed policies drifted: ${missing.length} missing, ${excess.length} excess${inputs["allow-excess"] ? " (excess allowed)" : ""} (fail-on-drift)`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
});

// src/action/entries/verify.ts
yieldBackgroundThreads();
process.exitCode = await runAction(verifyAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
