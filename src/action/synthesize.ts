import { ExitCode } from '../diagnostics/errors.js';
import { policyTarget, writePolicies } from '../pipeline/synthesize.js';
import { runSynthesize } from '../pipeline/synthesize.js';
import { markdownCode } from '../report/escape.js';
import { renderPoliciesYaml } from '../report/policies.js';
import { NAMESPACE_NAME_LABEL } from '../manifests/cluster.js';
import { DEFAULT_SYNTHESIS_OPTIONS, type PodPeerSelector } from '../synthesis/synthesize.js';
import { synthesizeSpec } from './inputs.js';
import { annotateDiagnostics, writeReport, writeSummary } from './publish.js';
import { defineAction } from './run-action.js';
import { readSettingsFromInputs, resolveIn, workspacePath } from './settings.js';

/** `namespace=ingress-nginx,app=x`: the `namespace` key names the namespace; the rest are pod labels (as the CLI's flag). */
function ingressController(labels: Record<string, string> | undefined): { ingressController?: PodPeerSelector } {
  if (!labels) return {};
  const { namespace, ...pod } = labels;
  return { ingressController: { ...(namespace ? { namespaceLabels: { [NAMESPACE_NAME_LABEL]: namespace } } : {}), ...(Object.keys(pod).length > 0 ? { podLabels: pod } : {}) } };
}

export const synthesizeAction = defineAction(synthesizeSpec, async (inputs, rt) => {
  const settings = readSettingsFromInputs(rt, inputs);
  const r = await rt.log.group('synthesize', () =>
    runSynthesize(
      rt.io,
      {
        paths: inputs.paths.map((p) => resolveIn(inputs, p)),
        ...(inputs.links ? { linksFile: resolveIn(inputs, inputs.links) } : {}),
        gapMode: inputs.gaps,
        options: {
          ...DEFAULT_SYNTHESIS_OPTIONS,
          defaultDeny: inputs['default-deny'],
          dnsPort: inputs['dns-port'],
          dns: { namespace: inputs['dns-namespace'], podLabels: inputs['dns-selector'] ?? DEFAULT_SYNTHESIS_OPTIONS.dns.podLabels },
          ...ingressController(inputs['ingress-controller']),
          namePrefix: inputs['name-prefix'],
          ...(inputs['no-ports'] ? { noPorts: true } : {}),
        },
      },
      settings,
    ),
  );
  annotateDiagnostics(rt, r.diagnostics, (f) => workspacePath(rt, f));
  if (r.refused) {
    rt.log.error('the links file has errors; no policies written');
    return ExitCode.badInput;
  }
  // a trailing slash names a folder even when it does not exist yet
  const output = resolveIn(inputs, inputs.output) + (inputs.output.endsWith('/') ? '/' : '');
  const files = await rt.log.group('write policies', () => writePolicies(rt.io, r.policies, policyTarget(rt.io, output), renderPoliciesYaml));
  const shown = [...files.keys()].map((f) => workspacePath(rt, f)).sort();
  const markdown = [
    '### netpol-ci: synthesized NetworkPolicies',
    '',
    `${r.policies.length} policies in ${shown.length} files:`,
    '',
    ...shown.map((f) => `- ${markdownCode(f)}`),
    '',
  ].join('\n');
  rt.setOutput('policies', r.policies.length);
  rt.setOutput('files', shown.join('\n'));
  rt.setOutput('report-path', writeReport(rt, 'synthesize.md', markdown));
  await writeSummary(rt, markdown);
  return r.diagnostics.some((d) => d.severity === 'error') ? ExitCode.badInput : ExitCode.ok;
});
