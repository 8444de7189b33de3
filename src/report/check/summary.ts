import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { CheckOutcome } from '../../pipeline/check.js';

/** The counts every format shows, and the verdict line. */
export interface CheckSummary {
  readonly verdict: string;
  readonly changes: number;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly outside: number;
  readonly broken: number;
  readonly gaps: number;
  readonly newGaps: number;
  readonly baselineViolations?: number;
  readonly driftFindings?: number;
  /** With --lint: lint findings the PR adds. */
  readonly newLintFindings?: number;
  /** With --exposure: workloads whose exposure to the outside the PR widened. */
  readonly widenedExposure?: number;
}

/** The head's input errors (files that could not be read, parsed or validated): what the answer leaves out. */
export function headInputErrors(o: CheckOutcome): Diagnostic[] {
  return o.headDiagnostics.filter((d) => d.severity === 'error');
}

export function checkSummary(o: CheckOutcome): CheckSummary {
  // counted in report lines (entries towards adjacent address atoms with one answer are one line)
  const count = (k: string) => o.groups.reduce((n, g) => n + g.items.filter((it) => it.kind === k).length, 0);
  const changes = o.groups.reduce((n, g) => n + g.items.length, 0);
  const broken = o.broken.length;
  const baseline = o.baseline?.violations.length;
  const drift = o.drift?.findings.length;
  const lint = o.lint?.findings.length;
  const exposed = o.exposure ? new Set(o.exposure.widened.map((w) => w.workload)).size : undefined;
  const newGaps = o.gaps.filter((g) => g.introduced).length;
  const problems: string[] = [];
  const inputErrors = headInputErrors(o).length;
  if (inputErrors) problems.push(`${inputErrors} input error${inputErrors === 1 ? '' : 's'} (left out of the answer)`);
  if (baseline) problems.push(`${baseline} baseline violation${baseline === 1 ? '' : 's'}`);
  if (drift) problems.push(`${drift} drift finding${drift === 1 ? '' : 's'}`);
  if (lint) problems.push(`${lint} new lint finding${lint === 1 ? '' : 's'}`);
  if (broken) problems.push(`breaks ${broken} needed link${broken === 1 ? '' : 's'}`);
  if (o.outside.length) problems.push(`opens ${o.outside.length} path${o.outside.length === 1 ? '' : 's'} from outside the cluster`);
  if (exposed) problems.push(`widens the exposure of ${exposed} workload${exposed === 1 ? '' : 's'}`);
  // a PR that renames a Service its callers still address changes no connectivity but leaves
  // those calls unresolved: never "nothing broken" (`--fail-on gaps` gates on the same count)
  if (newGaps) problems.push(`adds ${newGaps} gap${newGaps === 1 ? '' : 's'}`);
  const verdict =
    problems.length > 0
      ? `⚠️ ${problems.join(', ')}`
      : changes > 0
        ? `ℹ️ ${changes} connectivity change${changes === 1 ? '' : 's'}, nothing broken`
        : '✅ no connectivity change, nothing broken';
  return {
    verdict,
    changes,
    added: count('added'),
    removed: count('removed'),
    changed: count('changed'),
    outside: o.outside.length,
    broken,
    gaps: o.gaps.length,
    newGaps,
    ...(baseline !== undefined ? { baselineViolations: baseline } : {}),
    ...(drift !== undefined ? { driftFindings: drift } : {}),
    ...(lint !== undefined ? { newLintFindings: lint } : {}),
    ...(exposed !== undefined ? { widenedExposure: exposed } : {}),
  };
}
