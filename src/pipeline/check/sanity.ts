import { analyzeExposure, type ExposureEntry } from '../../connectivity/exposure-analysis.js';
import { lintPolicies, type LintFinding } from '../../connectivity/lint.js';
import { compareStrings } from '../../manifests/cluster.js';
import { ConnectionSet } from '../../model/connection-set.js';
import type { ReadSettings } from '../settings.js';
import type { LoadedSide } from './sides.js';
import type { CheckOutcome, WidenedExposure } from './types.js';

// The optional head-side analyses of the check that compare with base: lint and exposure.

/**
 * A finding's identity across the sides: its code, policy and rule; never its line, since a PR
 * that adds lines above a policy moves its findings without changing them.
 */
const lintKey = (f: LintFinding) => `${f.code}\u0000${f.policy}\u0000${f.rule ?? ''}`;

/** Head's lint findings that base does not have, in head's order (by file and line). */
export function newLintFindings(base: LoadedSide, head: LoadedSide): NonNullable<CheckOutcome['lint']> {
  const before = new Set(lintPolicies(base.engine).findings.map(lintKey));
  const after = lintPolicies(head.engine).findings;
  const findings = after.filter((f) => !before.has(lintKey(f)));
  return { findings, existing: after.length - findings.length };
}

/**
 * The workloads whose exposure the PR widened: for each (workload, outside peer) of head's
 * ingress exposure, the connections head allows that base did not. Peers are matched by name
 * (`entire-cluster`, a selector representative, an address range as the policies wrote it).
 */
export function widenedExposure(base: LoadedSide, head: LoadedSide, settings: ReadSettings): NonNullable<CheckOutcome['exposure']> {
  const options = { ipFamilies: settings.ipFamilies };
  const key = (e: ExposureEntry) => `${e.workload}\u0000${e.peer}`;
  const before = new Map<string, ConnectionSet>();
  for (const e of analyzeExposure(base.cluster, options).value.ingress) before.set(key(e), (before.get(key(e)) ?? ConnectionSet.NONE).union(e.conns));
  const widened: WidenedExposure[] = [];
  for (const e of analyzeExposure(head.cluster, options).value.ingress) {
    const was = before.get(key(e)) ?? ConnectionSet.NONE;
    const gained = e.conns.subtract(was);
    if (!gained.isEmpty) widened.push({ workload: e.workload, peer: e.peer, before: was, after: e.conns, gained });
  }
  widened.sort((a, b) => compareStrings(a.workload, b.workload) || compareStrings(a.peer, b.peer));
  return { widened };
}
