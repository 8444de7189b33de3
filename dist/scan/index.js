import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  runScan
} from "../chunks/chunk-AJ2YPX4S.js";
import {
  renderScanJson,
  renderScanMd,
  renderScanYaml
} from "../chunks/chunk-D4HXOHCG.js";
import "../chunks/chunk-RCIHDDST.js";
import "../chunks/chunk-57HYVIXJ.js";
import "../chunks/chunk-W3TQMIRJ.js";
import "../chunks/chunk-AV2U6Z46.js";
import "../chunks/chunk-ZAFBLR44.js";
import {
  readSettingsFromInputs,
  resolveIn,
  workspacePath
} from "../chunks/chunk-GLUC33MD.js";
import "../chunks/chunk-NCDNHDM5.js";
import "../chunks/chunk-BECTGLCW.js";
import "../chunks/chunk-E23QOJSC.js";
import "../chunks/chunk-3HQQSEID.js";
import {
  workloadKey
} from "../chunks/chunk-YS4F6JR5.js";
import {
  annotateDiagnostics,
  defineAction,
  gitHubApiFor,
  nodeRuntime,
  runAction,
  scanSpec,
  writeReport,
  writeSummary
} from "../chunks/chunk-UYXBV6A3.js";
import {
  nodeIo
} from "../chunks/chunk-WZOJHXDO.js";
import "../chunks/chunk-CWFLCEMJ.js";
import "../chunks/chunk-TZ6IWUHF.js";
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
