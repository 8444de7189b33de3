import { ExitCode } from '../diagnostics/errors.js';
import type { SourceRef } from '../diagnostics/diagnostic.js';
import { peerKey } from '../model/peer.js';
import { judgedAgainst, runRepoDrift } from '../pipeline/verify.js';
import { renderRepoDrift, renderRepoDriftMd, renderRepoDriftSarif, type RepoDriftReport } from '../report/verify.js';
import { driftBasisFromInputs, ingressControllerFromInputs } from './drift-basis.js';
import { VERSION } from './check.js';
import { verifySpec } from './inputs.js';
import { annotateDiagnostics, writeReport, writeSummary } from './publish.js';
import { defineAction } from './run-action.js';
import type { AnnotationAt } from './runtime.js';
import { sarifWithPaths } from './sarif-paths.js';
import { overlayPlaces } from '../pipeline/overlay-place.js';
import { readSettingsFromInputs, resolveIn, workspacePath } from './settings.js';
import { withInputErrors } from '../report/input-errors.js';

/** Repository drift only: the committed policies against what the manifests need (the CLI's `verify --policies`). */
export const verifyAction = defineAction(verifySpec, async (inputs, rt) => {
  const settings = { ...readSettingsFromInputs(rt, inputs), ...ingressControllerFromInputs(inputs) };
  const policies = resolveIn(inputs, inputs.policies);
  const basis = driftBasisFromInputs(inputs, (p) => resolveIn(inputs, p));
  const r = await rt.log.group('verify', () =>
    runRepoDrift(
      rt.io,
      {
        paths: inputs.paths.map((p) => resolveIn(inputs, p)),
        policies,
        ...basis,
      },
      settings,
    ),
  );
  const repoPath = (f: string) => workspacePath(rt, f);
  const at = (s: SourceRef | undefined, title: string): AnnotationAt | undefined => (s ? { file: repoPath(s.file), ...(s.line ? { line: s.line } : {}), title } : undefined);
  annotateDiagnostics(rt, r.diagnostics, repoPath);
  const { missing, excess } = r.drift;
  // a missing need where the manifests state it (a DNS need has no line: log only)
  for (const m of missing) {
    const ev = m.reasons.flatMap((x) => (x.kind === 'link' ? x.evidence : [])).find((e) => 'at' in e);
    const message = `${peerKey(m.src)} needs ${peerKey(m.dst)} on ${m.needed.toString()}; the policies block ${m.conns.toString()}`;
    rt.log.error(message, at(ev && 'at' in ev ? ev.at : undefined, 'netpol-ci drift (missing)'));
  }
  // an excess at the policy rule that allows it
  for (const e of excess) {
    const message = `the policies allow ${peerKey(e.src)} -> ${peerKey(e.dst)} on ${e.conns.toString()} beyond what the manifests need`;
    const where = at(e.allowers.find((a) => a.step?.at)?.step?.at, 'netpol-ci drift (excess)');
    if (inputs['allow-excess']) rt.log.warning(message, where);
    else rt.log.error(message, where);
  }
  const report: RepoDriftReport = { drift: r.drift, policies: repoPath(policies), allowExcess: inputs['allow-excess'], version: VERSION, basis: judgedAgainst(inputs.policies, basis, inputs.links) };
  const markdown = withInputErrors(renderRepoDriftMd(report), r.diagnostics, repoPath);
  rt.setOutput('missing', missing.length);
  rt.setOutput('excess', excess.length);
  rt.setOutput('report-path', writeReport(rt, `verify.${inputs.format}`, inputs.format === 'md' ? markdown : renderRepoDrift(inputs.format, report)));
  rt.setOutput('sarif-path', writeReport(rt, 'verify.sarif', sarifWithPaths(renderRepoDriftSarif(report), repoPath, overlayPlaces(rt.io))));
  await writeSummary(rt, markdown);
  if (r.diagnostics.some((d) => d.severity === 'error')) return ExitCode.badInput;
  const drifted = missing.length > 0 || (excess.length > 0 && !inputs['allow-excess']);
  if (inputs['fail-on-drift'] && drifted) {
    rt.log.error(`the committed policies drifted: ${missing.length} missing, ${excess.length} excess${inputs['allow-excess'] ? ' (excess allowed)' : ''} (fail-on-drift)`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
});
