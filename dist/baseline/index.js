import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  renderBaselineMd,
  renderBaselineSarif
} from "../chunks/chunk-MEL5EFZ5.js";
import {
  sarifWithPaths
} from "../chunks/chunk-IEJVMQYL.js";
import {
  VERSION
} from "../chunks/chunk-6HH2SOSG.js";
import "../chunks/chunk-F7KEZBZV.js";
import "../chunks/chunk-R3NGZDEE.js";
import "../chunks/chunk-D255VNEW.js";
import {
  ruleRefLabel,
  ruleRefOrigin,
  runBaseline
} from "../chunks/chunk-D72JR64T.js";
import "../chunks/chunk-QRYFGKCP.js";
import {
  readSettingsFromInputs,
  resolveIn,
  shownAsRead,
  workspacePath
} from "../chunks/chunk-VFXDJJS4.js";
import {
  peerKey
} from "../chunks/chunk-W5GPRM7E.js";
import {
  annotateDiagnostics,
  baselineSpec,
  defineAction,
  gitHubApiFor,
  nodeRuntime,
  runAction,
  writeReport,
  writeSummary
} from "../chunks/chunk-EJRGSB66.js";
import {
  ExitCode,
  nodeIo
} from "../chunks/chunk-5H3LHJPL.js";

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
