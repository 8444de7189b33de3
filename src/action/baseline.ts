import { ExitCode } from '../diagnostics/errors.js';
import type { SourceRef } from '../diagnostics/diagnostic.js';
import { ruleRefLabel, ruleRefOrigin } from '../baseline/violation.js';
import { peerKey } from '../model/peer.js';
import { runBaseline } from '../pipeline/baseline.js';
import { renderBaselineMd, renderBaselineSarif } from '../report/baseline.js';
import { VERSION } from './check.js';
import { baselineSpec } from './inputs.js';
import { annotateDiagnostics, writeReport, writeSummary } from './publish.js';
import { defineAction } from './run-action.js';
import type { AnnotationAt } from './runtime.js';
import { sarifWithPaths } from './sarif-paths.js';
import { overlayPlaces } from '../pipeline/overlay-place.js';
import { readSettingsFromInputs, resolveIn, shownAsRead, workspacePath } from './settings.js';
import { withInputErrors } from '../report/input-errors.js';

// rule files are shown as the manifests are (relative to the checkout when below it), so the report reads the same as the CLI's
export const baselineAction = defineAction(baselineSpec, async (inputs, rt) => {
  const settings = readSettingsFromInputs(rt, inputs);
  const o = await rt.log.group(`baseline (${inputs.engine})`, () =>
    runBaseline(
      rt.io,
      { paths: inputs.paths.map((p) => resolveIn(inputs, p)), ruleFiles: inputs.baseline.map((f) => shownAsRead(resolveIn(inputs, f))), engine: inputs.engine, ncaTimeoutMs: inputs['nca-timeout'] * 1000 },
      settings,
    ),
  );
  const repoPath = (f: string) => workspacePath(rt, f);
  const at = (s: SourceRef, title: string): AnnotationAt => ({ file: repoPath(s.file), ...(s.line ? { line: s.line } : {}), title });
  const shown = (s: SourceRef) => `${repoPath(s.file)}:${s.line ?? 1}`;
  annotateDiagnostics(rt, o.diagnostics, repoPath);
  // each violation where it is made: the policy that allows (or isolates), the rule in the message
  for (const v of o.violations) {
    const rule = ruleRefOrigin(v.rule);
    const policy = v.causes.find((c) => c.at)?.at;
    const message = `${peerKey(v.src)} -> ${peerKey(v.dst)}: ${v.conns.toString()} violates baseline rule ${ruleRefLabel(v.rule)} (${shown(rule)})`;
    rt.log.error(message, at(policy ?? rule, `netpol-ci baseline rule ${ruleRefLabel(v.rule)}`));
  }
  for (const d of o.disagreements) {
    const message = `the engines disagree on ${ruleRefLabel(d.rule)}: builtin says it ${d.builtinHolds ? 'holds' : 'is violated'}, nca says it ${d.ncaHolds ? 'holds' : 'is violated'}`;
    rt.log.error(message, at(ruleRefOrigin(d.rule), 'netpol-ci: baseline engines disagree'));
  }
  for (const n of o.engineNotes) {
    if (n.rule) rt.log.notice(n.message, at(ruleRefOrigin(n.rule), `netpol-ci ${n.engine}`));
    else rt.log.notice(`${n.engine}: ${n.message}`);
  }
  const markdown = withInputErrors(renderBaselineMd(o), o.diagnostics, repoPath);
  rt.setOutput('violations', o.violations.length);
  rt.setOutput('disagreements', o.disagreements.length);
  rt.setOutput('report-path', writeReport(rt, 'baseline.md', markdown));
  rt.setOutput('sarif-path', writeReport(rt, 'baseline.sarif', sarifWithPaths(renderBaselineSarif(o, VERSION), repoPath, overlayPlaces(rt.io))));
  await writeSummary(rt, markdown);
  if (o.diagnostics.some((d) => d.severity === 'error')) return ExitCode.badInput;
  if (inputs['fail-on-violation'] && (o.violations.length > 0 || o.disagreements.length > 0)) {
    rt.log.error(`${o.violations.length} baseline violations, ${o.disagreements.length} engine disagreements (fail-on-violation)`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
});
