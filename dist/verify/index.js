import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  renderRepoDrift,
  renderRepoDriftMd,
  renderRepoDriftSarif
} from "../chunks/chunk-5FTZTYRN.js";
import {
  sarifWithPaths
} from "../chunks/chunk-IEJVMQYL.js";
import {
  VERSION
} from "../chunks/chunk-QHG74AP6.js";
import "../chunks/chunk-IXKUDZ44.js";
import "../chunks/chunk-TULVE4TS.js";
import "../chunks/chunk-4OITCNSV.js";
import {
  runRepoDrift
} from "../chunks/chunk-GB3QNZQ4.js";
import "../chunks/chunk-6BDRBB3Z.js";
import "../chunks/chunk-26TIRC7B.js";
import "../chunks/chunk-T3D65SDG.js";
import "../chunks/chunk-7ZBUMPYC.js";
import "../chunks/chunk-CZWDEDPU.js";
import "../chunks/chunk-SB7F7EHF.js";
import "../chunks/chunk-RCQFI552.js";
import "../chunks/chunk-HBYDZPU4.js";
import {
  DEFAULT_SYNTHESIS_OPTIONS
} from "../chunks/chunk-PGQE4NWH.js";
import "../chunks/chunk-72AR3JDR.js";
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
  peerKey
} from "../chunks/chunk-3CBGW5E2.js";
import {
  annotateDiagnostics,
  defineAction,
  gitHubApiFor,
  nodeRuntime,
  runAction,
  verifySpec,
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

// src/action/verify.ts
var verifyAction = defineAction(verifySpec, async (inputs, rt) => {
  const settings = readSettingsFromInputs(rt, inputs);
  const policies = resolveIn(inputs, inputs.policies);
  const r = await rt.log.group(
    "verify",
    () => runRepoDrift(
      rt.io,
      {
        paths: inputs.paths.map((p) => resolveIn(inputs, p)),
        policies,
        synthesis: { ...DEFAULT_SYNTHESIS_OPTIONS, dnsPort: inputs["dns-port"], dns: { namespace: inputs["dns-namespace"], podLabels: inputs["dns-selector"] ?? DEFAULT_SYNTHESIS_OPTIONS.dns.podLabels } }
      },
      settings
    )
  );
  const repoPath = (f) => workspacePath(rt, f);
  const at = (s, title) => s ? { file: repoPath(s.file), ...s.line ? { line: s.line } : {}, title } : void 0;
  annotateDiagnostics(rt, r.diagnostics, repoPath);
  const { missing, excess } = r.drift;
  for (const m of missing) {
    const ev = m.reasons.flatMap((x) => x.kind === "link" ? x.evidence : []).find((e) => "at" in e);
    const message = `${peerKey(m.src)} needs ${peerKey(m.dst)} on ${m.needed.toString()}; the policies block ${m.conns.toString()}`;
    rt.log.error(message, at(ev && "at" in ev ? ev.at : void 0, "netpol-ci drift (missing)"));
  }
  for (const e of excess) {
    const message = `the policies allow ${peerKey(e.src)} -> ${peerKey(e.dst)} on ${e.conns.toString()} beyond what the manifests need`;
    const where = at(e.allowers.find((a) => a.step?.at)?.step?.at, "netpol-ci drift (excess)");
    if (inputs["allow-excess"]) rt.log.warning(message, where);
    else rt.log.error(message, where);
  }
  const report = { drift: r.drift, policies: repoPath(policies), allowExcess: inputs["allow-excess"], version: VERSION };
  const markdown = renderRepoDriftMd(report);
  rt.setOutput("missing", missing.length);
  rt.setOutput("excess", excess.length);
  rt.setOutput("report-path", writeReport(rt, `verify.${inputs.format}`, inputs.format === "md" ? markdown : renderRepoDrift(inputs.format, report)));
  rt.setOutput("sarif-path", writeReport(rt, "verify.sarif", sarifWithPaths(renderRepoDriftSarif(report), repoPath)));
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
process.exitCode = await runAction(verifyAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
