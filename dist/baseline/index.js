import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  renderBaselineMd,
  renderBaselineSarif
} from "../chunks/chunk-ZMZJWFYO.js";
import {
  sarifWithPaths
} from "../chunks/chunk-IEJVMQYL.js";
import {
  VERSION
} from "../chunks/chunk-QHG74AP6.js";
import "../chunks/chunk-IXKUDZ44.js";
import "../chunks/chunk-TULVE4TS.js";
import "../chunks/chunk-4OITCNSV.js";
import "../chunks/chunk-GB3QNZQ4.js";
import "../chunks/chunk-6BDRBB3Z.js";
import "../chunks/chunk-26TIRC7B.js";
import "../chunks/chunk-T3D65SDG.js";
import "../chunks/chunk-7ZBUMPYC.js";
import "../chunks/chunk-CZWDEDPU.js";
import "../chunks/chunk-SB7F7EHF.js";
import {
  ruleRefLabel,
  ruleRefOrigin,
  runBaseline
} from "../chunks/chunk-RCQFI552.js";
import "../chunks/chunk-HBYDZPU4.js";
import "../chunks/chunk-PGQE4NWH.js";
import "../chunks/chunk-72AR3JDR.js";
import "../chunks/chunk-ISG7CI4O.js";
import "../chunks/chunk-DWVFP23D.js";
import "../chunks/chunk-FO7LXTW4.js";
import "../chunks/chunk-ZAFBLR44.js";
import {
  readSettingsFromInputs,
  resolveIn,
  shownAsRead,
  workspacePath
} from "../chunks/chunk-QCU7NKNQ.js";
import "../chunks/chunk-RNJZYEM6.js";
import "../chunks/chunk-MSWYSCCB.js";
import "../chunks/chunk-E23QOJSC.js";
import "../chunks/chunk-U2VMM7EM.js";
import {
  peerKey
} from "../chunks/chunk-3CBGW5E2.js";
import {
  annotateDiagnostics,
  baselineSpec,
  defineAction,
  gitHubApiFor,
  nodeRuntime,
  runAction,
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
  const markdown = renderBaselineMd(o);
  rt.setOutput("violations", o.violations.length);
  rt.setOutput("disagreements", o.disagreements.length);
  rt.setOutput("report-path", writeReport(rt, "baseline.md", markdown));
  rt.setOutput("sarif-path", writeReport(rt, "baseline.sarif", sarifWithPaths(renderBaselineSarif(o, VERSION), repoPath)));
  await writeSummary(rt, markdown);
  if (o.diagnostics.some((d) => d.severity === "error")) return ExitCode.badInput;
  if (inputs["fail-on-violation"] && (o.violations.length > 0 || o.disagreements.length > 0)) {
    rt.log.error(`${o.violations.length} baseline violations, ${o.disagreements.length} engine disagreements (fail-on-violation)`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
});

// src/action/entries/baseline.ts
process.exitCode = await runAction(baselineAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
