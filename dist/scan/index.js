import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  runScan
} from "../chunks/chunk-EBGK3GQA.js";
import {
  renderScanJson,
  renderScanMd,
  renderScanYaml
} from "../chunks/chunk-LXCQNDRR.js";
import "../chunks/chunk-55OUSNCC.js";
import "../chunks/chunk-ISG7CI4O.js";
import "../chunks/chunk-DWVFP23D.js";
import "../chunks/chunk-FO7LXTW4.js";
import "../chunks/chunk-ZAFBLR44.js";
import {
  readSettingsFromInputs,
  resolveIn,
  workspacePath
} from "../chunks/chunk-QCU7NKNQ.js";
import "../chunks/chunk-RNJZYEM6.js";
import "../chunks/chunk-MSWYSCCB.js";
import "../chunks/chunk-E23QOJSC.js";
import "../chunks/chunk-U2VMM7EM.js";
import {
  workloadKey
} from "../chunks/chunk-3CBGW5E2.js";
import {
  annotateDiagnostics,
  defineAction,
  gitHubApiFor,
  nodeRuntime,
  runAction,
  scanSpec,
  writeReport,
  writeSummary
} from "../chunks/chunk-BQ5AXOYQ.js";
import {
  nodeIo
} from "../chunks/chunk-XSYXACVR.js";
import "../chunks/chunk-BFPPO3AS.js";
import "../chunks/chunk-OD23WYWX.js";
import {
  ExitCode
} from "../chunks/chunk-LJ56FUY6.js";
import "../chunks/chunk-UQ363SVG.js";

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
  const markdown = renderScanMd(r.topology);
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
process.exitCode = await runAction(scanAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
