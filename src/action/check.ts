import { ExitCode } from '../diagnostics/errors.js';
import { checkRunner } from './check-runner.js';
import { dnsBasisFromInputs, driftBasisFromInputs, ingressControllerFromInputs, refuseDriftInputs } from './drift-basis.js';
import type { CheckResult, CheckRunner } from './check-result.js';
import { refsOf } from './event.js';
import { checkSpec } from './inputs.js';
import { annotateDiagnostics, publishReport, writeReport } from './publish.js';
import { defineAction } from './run-action.js';
import { readSettingsFromInputs } from './settings.js';
import { fileAtRef } from './diff.js';
import { renderFindingsSarif } from '../report/findings-sarif.js';
import { sarifWithPaths } from './sarif-paths.js';
import { overlayPlaces } from '../pipeline/overlay-place.js';

/** The netpol-ci version SARIF names (package.json, kept in step by the release). */
export const VERSION = '0.1.0';
const GAP_RULES: Record<string, string> = {
  'gap/no-such-service': 'An address names a Service that does not exist',
  'gap/no-such-port': 'An address names a port the Service does not have',
  'gap/no-endpoints': 'An address names a Service that selects no workload',
  'gap/external-hostname': 'A host outside the cluster: NetworkPolicy can only allow address blocks',
  'lint/selects-nothing': 'A policy that selects no pod (new in this PR)',
  'lint/never-matches': 'A rule that can never match (new in this PR)',
  'lint/shadowed-rule': 'An admin or baseline rule that higher priorities always decide before it (new in this PR)',
  'lint/redundant-policy': 'A policy without which every connection stays the same (new in this PR)',
  'lint/redundant-rule': 'A rule without which every connection stays the same (new in this PR)',
};

/** Which `fail-on` categories the result trips. */
export function failures(result: CheckResult, failOn: readonly string[]): string[] {
  const hit: Record<string, boolean> = {
    baseline: (result.violations ?? 0) > 0,
    drift: (result.drift ?? 0) > 0,
    broken: result.broken > 0,
    diff: result.diff.added + result.diff.removed + result.diff.changed > 0,
    gaps: result.gaps > 0,
    lint: (result.lint ?? 0) > 0,
  };
  return failOn.filter((f) => hit[f]);
}

export function checkActionWith(runner: CheckRunner) {
  return defineAction(checkSpec, async (inputs, rt) => {
    const { base, head } = refsOf(rt.event, rt.env, inputs.base, inputs.head);
    if (!inputs.policies) refuseDriftInputs(inputs);
    // with `policies`, `{ingress-controller}` is judged where the `ingress-controller` input says it runs
    const settings = { ...readSettingsFromInputs(rt, inputs), ...(inputs.policies ? ingressControllerFromInputs(inputs) : {}) };
    // the reviewed links are the PR's file: a path in the repository, read at head like `policies`
    const drift = inputs.policies ? driftBasisFromInputs(inputs, (p) => p) : undefined;
    const result = await rt.log.group(`check ${base}..${head}`, () =>
      runner(
        rt.io,
        { repo: inputs['working-directory'], base, head, paths: inputs.paths, baseline: inputs.baseline, ...(inputs.policies ? { policies: inputs.policies } : {}), ...(drift ? { drift } : {}), dns: dnsBasisFromInputs(inputs), engine: inputs.engine, traffic: inputs.traffic, ...(inputs['cidr-aliases'] ? { cidrAliases: inputs['cidr-aliases'] } : {}), ...(inputs.lint || inputs['fail-on'].includes('lint') ? { lint: true } : {}), ...(inputs.exposure ? { exposure: true } : {}) },
        settings,
      ),
    );
    annotateDiagnostics(rt, result.diagnostics, fileAtRef(head));
    for (const f of result.findings) {
      const at = { file: f.file, ...(f.line ? { line: f.line } : {}), title: f.title };
      if (f.level === 'error') rt.log.error(f.message, at);
      else if (f.level === 'warning') rt.log.warning(f.message, at);
      else rt.log.notice(f.message, at);
    }
    const { added, removed, changed } = result.diff;
    rt.setOutput('has-diff', added + removed + changed > 0);
    rt.setOutput('added', added);
    rt.setOutput('removed', removed);
    rt.setOutput('changed', changed);
    rt.setOutput('violations', result.violations ?? '');
    rt.setOutput('drift', result.drift ?? '');
    rt.setOutput('gaps', result.gaps);
    rt.setOutput('lint', result.lint ?? '');
    // results at places code scanning cannot open (a packaged subchart's member) placed as the annotations are
    const sarif = sarifWithPaths(result.sarif ?? renderFindingsSarif(result.findings, { version: VERSION, rules: GAP_RULES }), (f) => f, overlayPlaces(rt.io));
    rt.setOutput('sarif-path', writeReport(rt, 'check.sarif', sarif));
    await publishReport(rt, 'check', result.markdown, result.empty, inputs);
    if (result.diagnostics.some((d) => d.severity === 'error')) return ExitCode.badInput;
    const failed = failures(result, inputs['fail-on']);
    if (failed.length > 0) {
      rt.log.error(`the check failed on: ${failed.join(', ')} (fail-on: ${inputs['fail-on'].join(',')})`);
      return ExitCode.findings;
    }
    return ExitCode.ok;
  });
}

export const checkAction = checkActionWith(checkRunner);
