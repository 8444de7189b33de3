import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  policyTarget,
  runSynthesize,
  writePolicies
} from "../chunks/chunk-FWUGNF62.js";
import "../chunks/chunk-OFWHDVLQ.js";
import "../chunks/chunk-XPWQCRA6.js";
import {
  renderPoliciesYaml
} from "../chunks/chunk-P4JBN7VV.js";
import {
  DEFAULT_SYNTHESIS_OPTIONS
} from "../chunks/chunk-QEEATDXV.js";
import "../chunks/chunk-2N74GJOT.js";
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
import {
  markdownCode
} from "../chunks/chunk-E23QOJSC.js";
import "../chunks/chunk-3HQQSEID.js";
import {
  NAMESPACE_NAME_LABEL
} from "../chunks/chunk-YS4F6JR5.js";
import {
  annotateDiagnostics,
  defineAction,
  gitHubApiFor,
  nodeRuntime,
  runAction,
  synthesizeSpec,
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

// src/action/synthesize.ts
function ingressController(labels) {
  if (!labels) return {};
  const { namespace, ...pod } = labels;
  return { ingressController: { ...namespace ? { namespaceLabels: { [NAMESPACE_NAME_LABEL]: namespace } } : {}, ...Object.keys(pod).length > 0 ? { podLabels: pod } : {} } };
}
var synthesizeAction = defineAction(synthesizeSpec, async (inputs, rt) => {
  const settings = readSettingsFromInputs(rt, inputs);
  const r = await rt.log.group(
    "synthesize",
    () => runSynthesize(
      rt.io,
      {
        paths: inputs.paths.map((p) => resolveIn(inputs, p)),
        ...inputs.links ? { linksFile: resolveIn(inputs, inputs.links) } : {},
        options: {
          ...DEFAULT_SYNTHESIS_OPTIONS,
          defaultDeny: inputs["default-deny"],
          dnsPort: inputs["dns-port"],
          dns: { namespace: inputs["dns-namespace"], podLabels: inputs["dns-selector"] ?? DEFAULT_SYNTHESIS_OPTIONS.dns.podLabels },
          ...ingressController(inputs["ingress-controller"]),
          namePrefix: inputs["name-prefix"]
        }
      },
      settings
    )
  );
  annotateDiagnostics(rt, r.diagnostics, (f) => workspacePath(rt, f));
  if (r.refused) {
    rt.log.error("the links file has errors; no policies written");
    return ExitCode.badInput;
  }
  const output = resolveIn(inputs, inputs.output) + (inputs.output.endsWith("/") ? "/" : "");
  const files = await rt.log.group("write policies", () => writePolicies(rt.io, r.policies, policyTarget(rt.io, output), renderPoliciesYaml));
  const shown = [...files.keys()].map((f) => workspacePath(rt, f)).sort();
  const markdown = [
    "### netpol-ci: synthesized NetworkPolicies",
    "",
    `${r.policies.length} policies in ${shown.length} files:`,
    "",
    ...shown.map((f) => `- ${markdownCode(f)}`),
    ""
  ].join("\n");
  rt.setOutput("policies", r.policies.length);
  rt.setOutput("files", shown.join("\n"));
  rt.setOutput("report-path", writeReport(rt, "synthesize.md", markdown));
  await writeSummary(rt, markdown);
  return r.diagnostics.some((d) => d.severity === "error") ? ExitCode.badInput : ExitCode.ok;
});

// src/action/entries/synthesize.ts
process.exitCode = await runAction(synthesizeAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
