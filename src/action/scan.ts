import { ExitCode } from '../diagnostics/errors.js';
import { runScan } from '../pipeline/scan.js';
import { renderScanJson, renderScanMd, renderScanYaml } from '../report/scan.js';
import { scanSpec } from './inputs.js';
import { annotateDiagnostics, writeReport, writeSummary } from './publish.js';
import { defineAction } from './run-action.js';
import { readSettingsFromInputs, resolveIn, workspacePath } from './settings.js';
import { workloadKey } from '../model/peer.js';
import { withInputErrors } from '../report/input-errors.js';

export const scanAction = defineAction(scanSpec, async (inputs, rt) => {
  const settings = readSettingsFromInputs(rt, inputs);
  const r = await rt.log.group('scan', () => runScan(rt.io, inputs.paths.map((p) => resolveIn(inputs, p)), settings));
  // annotations need repository paths: the files as read are absolute under the working directory
  const repoPath = (f: string) => workspacePath(rt, f);
  annotateDiagnostics(rt, r.diagnostics, repoPath);
  for (const u of r.topology.unresolved) {
    rt.log.warning(`${workloadKey(u.workload)}: ${JSON.stringify(u.value)} ${u.detail}`, {
      file: repoPath(u.at.file),
      ...(u.at.line ? { line: u.at.line } : {}),
      title: `netpol-ci gap (${u.reason})`,
    });
  }
  const links = writeReport(rt, `links.${inputs.format}`, inputs.format === 'yaml' ? renderScanYaml(r.topology) : renderScanJson(r.topology));
  const markdown = withInputErrors(renderScanMd(r.topology), r.diagnostics, repoPath);
  rt.setOutput('report-path', writeReport(rt, 'scan.md', markdown));
  rt.setOutput('links-path', links);
  rt.setOutput('links', r.topology.links.length);
  rt.setOutput('gaps', r.topology.unresolved.length);
  await writeSummary(rt, markdown);
  if (r.diagnostics.some((d) => d.severity === 'error')) return ExitCode.badInput;
  if (inputs['fail-on-gaps'] && r.topology.unresolved.length > 0) {
    rt.log.error(`${r.topology.unresolved.length} addresses resolve to nothing (fail-on-gaps)`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
});
