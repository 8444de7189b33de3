import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  renderBaselineMd,
  renderBaselineSarif
} from "../chunks/chunk-RA5KRVA3.js";
import {
  sarifWithPaths
} from "../chunks/chunk-IEJVMQYL.js";
import {
  VERSION
} from "../chunks/chunk-JKK2TXYU.js";
import "../chunks/chunk-4KDOS5X2.js";
import "../chunks/chunk-RVVSKXLR.js";
import "../chunks/chunk-GWMCDKFH.js";
import "../chunks/chunk-LLDP6N7M.js";
import "../chunks/chunk-RYGMOCXF.js";
import "../chunks/chunk-S7XALZ7B.js";
import "../chunks/chunk-5L4OYYMO.js";
import "../chunks/chunk-KMB3GD5P.js";
import "../chunks/chunk-Q3YWZAQI.js";
import "../chunks/chunk-SB7F7EHF.js";
import {
  ruleRefLabel,
  ruleRefOrigin,
  runBaseline
} from "../chunks/chunk-XPWQCRA6.js";
import "../chunks/chunk-P4JBN7VV.js";
import "../chunks/chunk-QEEATDXV.js";
import "../chunks/chunk-2N74GJOT.js";
import "../chunks/chunk-57HYVIXJ.js";
import "../chunks/chunk-W3TQMIRJ.js";
import "../chunks/chunk-AV2U6Z46.js";
import "../chunks/chunk-ZAFBLR44.js";
import {
  readSettingsFromInputs,
  resolveIn,
  shownAsRead,
  workspacePath
} from "../chunks/chunk-GLUC33MD.js";
import "../chunks/chunk-NCDNHDM5.js";
import "../chunks/chunk-BECTGLCW.js";
import "../chunks/chunk-E23QOJSC.js";
import "../chunks/chunk-3HQQSEID.js";
import {
  peerKey
} from "../chunks/chunk-YS4F6JR5.js";
import {
  annotateDiagnostics,
  baselineSpec,
  defineAction,
  gitHubApiFor,
  nodeRuntime,
  runAction,
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
