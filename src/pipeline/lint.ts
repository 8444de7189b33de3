import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { PolicyEngine } from '../connectivity/engine.js';
import { lintPolicies, type LintFinding } from '../connectivity/lint.js';
import type { Io } from '../io/types.js';
import { loadInputs } from './load.js';
import { engineOptions, type ReadSettings } from './settings.js';

export type { LintFinding, LintKind } from '../connectivity/lint.js';

/** The typed outcome of `lint`, for the CLI and for the lint section of the PR comment. */
export interface LintOutcome {
  /** Sorted by file, document and line. */
  readonly findings: readonly LintFinding[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Policy sanity over the workloads and policies under the paths (nca `--sanity`'s questions). */
export function runLint(io: Io, paths: readonly string[], settings: ReadSettings): LintOutcome {
  const { load, diagnostics } = loadInputs(io, paths, settings);
  const engine = new PolicyEngine(load.cluster, engineOptions(settings));
  const lint = lintPolicies(engine);
  return { findings: lint.findings, diagnostics: [...diagnostics, ...engine.diagnostics, ...lint.diagnostics] };
}
