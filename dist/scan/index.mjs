import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  withInputErrors
} from "../chunks/chunk-YD76DOL6.mjs";
import {
  compareDeclaredObserved,
  findGaps,
  linkOrigin,
  mergeLinks,
  readTraffic,
  summaryText
} from "../chunks/chunk-L2SJDA3H.mjs";
import {
  evidenceText,
  scanTopology
} from "../chunks/chunk-HM4COL5A.mjs";
import {
  escapeMarkdown,
  loadInputs,
  markdownCode,
  readSettingsFromInputs,
  resolveIn,
  workspacePath
} from "../chunks/chunk-LJ6KWNZ7.mjs";
import {
  peerKey,
  workloadKey
} from "../chunks/chunk-O73IRBZ3.mjs";
import {
  annotateDiagnostics,
  defineAction,
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  scanSpec,
  writeReport,
  writeSummary,
  yieldBackgroundThreads
} from "../chunks/chunk-MX7AUN24.mjs";
import {
  ExitCode,
  dump,
  placeText
} from "../chunks/chunk-TBLT5FKE.mjs";

// src/pipeline/scan.ts
function runScan(io, paths, settings, options = {}) {
  const { load, diagnostics, values } = loadInputs(io, paths, settings);
  const result = scanTopology(load.cluster, { values, ...settings.serviceCidrs ? { serviceCidrs: settings.serviceCidrs } : {} });
  const gapsOf = (topology) => findGaps(load.cluster, topology);
  if (!options.traffic) return { topology: result.value, gaps: gapsOf(result.value), diagnostics: [...diagnostics, ...result.diagnostics] };
  const observed = withObservedTraffic(io, load.cluster, result.value, options.traffic, settings);
  return { topology: observed.topology, gaps: gapsOf(observed.topology), diagnostics: [...diagnostics, ...result.diagnostics, ...observed.diagnostics], traffic: observed.traffic };
}
function withObservedTraffic(io, cluster, scanned, request, settings) {
  const observed = readTraffic(io, cluster, request, settings);
  const declared = scanned.links;
  const { observedNotDeclared, declaredNotObserved } = compareDeclaredObserved(declared, observed.value.links);
  return {
    topology: { links: mergeLinks(declared, observed.value.links), unresolved: scanned.unresolved, ...scanned.dns ? { dns: scanned.dns } : {}, ...scanned.self ? { self: scanned.self } : {} },
    traffic: { observedNotDeclared, declaredNotObserved, unresolved: observed.value.unresolved, summary: observed.value.summary },
    diagnostics: observed.diagnostics
  };
}

// src/report/scan.ts
var valuesData = (t) => ({ file: t.file, line: t.line ?? 0, ...t.path ? { key: t.path.join(".") } : {} });
function evidenceData(e) {
  switch (e.kind) {
    case "address":
      return {
        kind: e.kind,
        file: e.at.file,
        line: e.at.line ?? 0,
        path: e.at.path ?? [],
        value: e.value,
        ...e.service ? { service: e.service } : {},
        ...e.secret ? { secret: e.secret } : {},
        ...e.via ? { via: { file: e.via.file, line: e.via.line ?? 0, path: e.via.path ?? [] } } : {},
        ...e.traced ? { values: valuesData(e.traced) } : {}
      };
    case "exposure":
      return { kind: e.kind, object: e.object, file: e.at.file, line: e.at.line ?? 0, path: e.at.path ?? [] };
    case "trace":
      return { kind: e.kind, file: e.file, line: e.line, event: e.event, count: e.count, ...e.firstSeen !== void 0 ? { firstSeen: e.firstSeen, lastSeen: e.lastSeen } : {} };
    case "intent":
      return { kind: e.kind, file: e.at.file, line: e.at.line ?? 0 };
  }
}
var linkGapData = (g) => ({ src: peerKey(g.src), dst: peerKey(g.dst), conns: g.conns.toString(), evidence: g.evidence.map(evidenceData) });
var unresolvedTrafficData = (u) => ({ src: u.src, dst: u.dst, conns: u.conns.toString(), reason: u.reason, detail: u.detail, file: u.file, line: u.line, count: u.count });
function gapData(g) {
  return {
    workload: workloadKey(g.workload),
    direction: g.direction,
    reason: g.reason,
    ...g.value !== void 0 ? { value: g.value } : {},
    conns: g.conns.toString(),
    detail: g.detail,
    file: g.at.file,
    line: g.at.line ?? 0,
    ...g.via ? { via: { file: g.via.file, line: g.via.line ?? 0 } } : {},
    ...g.traced ? { values: valuesData(g.traced) } : {},
    close: g.close
  };
}
function scanDocument(t, gaps = [], traffic) {
  return {
    apiVersion: "netpol-ci/v1",
    kind: "LinkList",
    links: t.links.map((l) => ({ src: peerKey(l.src), dst: peerKey(l.dst), conns: l.conns.toString(), ...traffic ? { origin: linkOrigin(l) } : {}, evidence: l.evidence.map(evidenceData) })),
    unresolved: t.unresolved.map((u) => ({
      workload: `${u.workload.namespace}/${u.workload.name}[${u.workload.kind}]`,
      value: u.value,
      reason: u.reason,
      detail: u.detail,
      file: u.at.file,
      line: u.at.line ?? 0,
      path: u.at.path ?? [],
      ...u.via ? { via: { file: u.via.file, line: u.via.line ?? 0 } } : {},
      ...u.traced ? { values: valuesData(u.traced) } : {}
    })),
    gaps: gaps.map(gapData),
    // the workloads that name the cluster DNS Service: DNS, which the DNS rule allows (no link of the list)
    ...t.dns && t.dns.length > 0 ? { dns: t.dns.map((u) => ({ workload: workloadKey(u.workload), evidence: evidenceData(u.evidence) })) } : {},
    // the workloads whose pods call each other: no link (no self-pairs), but policies must allow it
    ...t.self && t.self.length > 0 ? { self: t.self.map((u) => ({ workload: workloadKey(u.workload), conns: u.conns.toString(), evidence: u.evidence.map(evidenceData) })) } : {},
    ...traffic ? {
      traffic: {
        observedNotDeclared: traffic.observedNotDeclared.map(linkGapData),
        declaredNotObserved: traffic.declaredNotObserved.map(linkGapData),
        unresolved: traffic.unresolved.map(unresolvedTrafficData),
        summary: traffic.summary
      }
    } : {}
  };
}
function renderScanJson(t, gaps = [], traffic) {
  return `${JSON.stringify(scanDocument(t, gaps, traffic), null, 2)}
`;
}
function renderScanYaml(t, gaps = [], traffic) {
  return dump(scanDocument(t, gaps, traffic), { lineWidth: -1, noRefs: true, quotingType: '"' });
}
var valuesMd = (t, sep) => t ? `${sep}values ${markdownCode(`${placeText(t)}${t.path && t.path.length > 0 ? ` ${t.path.join(".")}` : ""}`)}` : "";
function renderScanMd(t, gaps = [], traffic) {
  const out = ["### netpol-ci: required links", "", `${t.links.length} links, ${t.unresolved.length} unresolved addresses, ${gaps.length} gaps`, ""];
  out.push(`| source | destination | connections |${traffic ? " origin |" : ""} evidence |`, `|---|---|---|${traffic ? "---|" : ""}---|`);
  for (const l of t.links) {
    out.push(`| ${markdownCode(peerKey(l.src))} | ${markdownCode(peerKey(l.dst))} | ${markdownCode(l.conns.toString())} |${traffic ? ` ${linkOrigin(l)} |` : ""} ${l.evidence.map((e) => markdownCode(evidenceText(e))).join("<br>")} |`);
  }
  if (traffic) out.push(...trafficMd(traffic));
  if (t.unresolved.length > 0) {
    out.push("", "#### Unresolved", "");
    for (const u of t.unresolved) out.push(`- ${markdownCode(`${placeText(u.at)}`)}${valuesMd(u.traced, " ")} ${markdownCode(workloadKey(u.workload))} ${markdownCode(u.value)}: ${escapeMarkdown(u.detail)}`);
  }
  if (t.dns && t.dns.length > 0) {
    out.push("", "#### DNS (the cluster DNS Service named; the DNS rule allows it)", "");
    for (const u of t.dns) out.push(`- ${markdownCode(workloadKey(u.workload))}: ${markdownCode(evidenceText(u.evidence))}`);
  }
  if (t.self && t.self.length > 0) {
    out.push("", "#### Self uses (the pods of one workload call each other; policies must allow it)", "");
    for (const u of t.self) out.push(`- ${markdownCode(workloadKey(u.workload))} ${markdownCode(u.conns.toString())}: ${u.evidence.map((e) => markdownCode(evidenceText(e))).join("<br>")}`);
  }
  if (gaps.length > 0) {
    out.push("", "#### Gaps (what the manifests cannot tell)", "", "| where | workload | direction | value | what is unknown |", "|---|---|---|---|---|");
    for (const g of gaps) {
      out.push(`| ${markdownCode(`${placeText(g.at)}`)}${valuesMd(g.traced, "<br>")} | ${markdownCode(workloadKey(g.workload))} | ${g.direction} | ${g.value !== void 0 ? markdownCode(g.value) : ""} | ${escapeMarkdown(g.detail)} |`);
    }
    out.push("", escapeMarkdown("Close a gap with a reviewed link (synthesize --links FILE), observed traffic (--traffic), or --gaps=namespace|open."));
  }
  return `${out.join("\n")}
`;
}
function trafficMd(traffic) {
  const out = [];
  const gapTable = (title, gaps, withEvidence) => {
    out.push("", `#### ${title} (${gaps.length})`, "");
    if (gaps.length === 0) return;
    out.push(`| source | destination | connections |${withEvidence ? " trace |" : ""}`, `|---|---|---|${withEvidence ? "---|" : ""}`);
    for (const g of gaps) {
      const ev = g.evidence.filter((e) => e.kind === "trace").map((e) => markdownCode(evidenceText(e))).join("<br>");
      out.push(`| ${markdownCode(peerKey(g.src))} | ${markdownCode(peerKey(g.dst))} | ${markdownCode(g.conns.toString())} |${withEvidence ? ` ${ev} |` : ""}`);
    }
  };
  gapTable("Observed, not declared", traffic.observedNotDeclared, true);
  gapTable("Declared, never observed", traffic.declaredNotObserved, false);
  out.push("", `#### Unresolved traffic, not allowed until reviewed (${traffic.unresolved.length})`, "");
  for (const u of traffic.unresolved) out.push(`- ${markdownCode(`${u.file}:${u.line}`)} ${markdownCode(u.src)} -> ${markdownCode(u.dst)} ${markdownCode(u.conns.toString())} x${u.count}: ${escapeMarkdown(u.detail)}`);
  out.push("", escapeMarkdown(summaryText(traffic.summary)));
  return out;
}

// src/action/scan.ts
var scanAction = defineAction(scanSpec, async (inputs, rt) => {
  const settings = readSettingsFromInputs(rt, inputs);
  const r = await rt.log.group("scan", () => runScan(rt.io, inputs.paths.map((p) => resolveIn(inputs, p)), settings));
  const repoPath = (f) => workspacePath(rt, f);
  annotateDiagnostics(rt, r.diagnostics, repoPath);
  for (const u of r.topology.unresolved) {
    rt.log.warning(`${workloadKey(u.workload)}: ${JSON.stringify(u.value)} ${u.detail}`, {
      file: repoPath(u.at.file),
      ...u.at.line ? { line: u.at.line } : {},
      title: `netpol-ci gap (${u.reason})`
    });
  }
  const links = writeReport(rt, `links.${inputs.format}`, inputs.format === "yaml" ? renderScanYaml(r.topology) : renderScanJson(r.topology));
  const markdown = withInputErrors(renderScanMd(r.topology), r.diagnostics, repoPath);
  rt.setOutput("report-path", writeReport(rt, "scan.md", markdown));
  rt.setOutput("links-path", links);
  rt.setOutput("links", r.topology.links.length);
  rt.setOutput("gaps", r.topology.unresolved.length);
  await writeSummary(rt, markdown);
  if (r.diagnostics.some((d) => d.severity === "error")) return ExitCode.badInput;
  if (inputs["fail-on-gaps"] && r.topology.unresolved.length > 0) {
    rt.log.error(`${r.topology.unresolved.length} addresses resolve to nothing (fail-on-gaps)`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
});

// src/action/entries/scan.ts
yieldBackgroundThreads();
process.exitCode = await runAction(scanAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
