import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  renderRepoDrift,
  renderRepoDriftMd,
  renderRepoDriftSarif
} from "../chunks/chunk-6F4G3XGS.js";
import {
  sarifWithPaths
} from "../chunks/chunk-IEJVMQYL.js";
import {
  VERSION
} from "../chunks/chunk-JKK2TXYU.js";
import "../chunks/chunk-4KDOS5X2.js";
import "../chunks/chunk-RVVSKXLR.js";
import "../chunks/chunk-GWMCDKFH.js";
import {
  runRepoDrift
} from "../chunks/chunk-LLDP6N7M.js";
import "../chunks/chunk-RYGMOCXF.js";
import "../chunks/chunk-S7XALZ7B.js";
import "../chunks/chunk-5L4OYYMO.js";
import "../chunks/chunk-KMB3GD5P.js";
import "../chunks/chunk-Q3YWZAQI.js";
import "../chunks/chunk-SB7F7EHF.js";
import "../chunks/chunk-XPWQCRA6.js";
import "../chunks/chunk-P4JBN7VV.js";
import {
  DEFAULT_SYNTHESIS_OPTIONS
} from "../chunks/chunk-QEEATDXV.js";
import "../chunks/chunk-2N74GJOT.js";
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
  peerKey
} from "../chunks/chunk-YS4F6JR5.js";
import {
  annotateDiagnostics,
  defineAction,
  gitHubApiFor,
  nodeRuntime,
  runAction,
  verifySpec,
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
