import type { DnsBasis } from '../pipeline/check/dns.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Io } from '../io/types.js';
import type { ReadSettings } from '../pipeline/settings.js';
import type { DriftBasis } from '../pipeline/verify.js';

/**
 * What the check action needs from the `check` use-case, and nothing more: the Markdown body, the
 * counts, SARIF, and findings to annotate. The Action layer is generic over this, so the check's
 * report can grow without touching GitHub code. `checkRunner` (check-runner.ts) adapts the
 * pipeline's `runCheck` to it.
 */
export interface CheckFinding {
  /** Stable rule id (SARIF ruleId), e.g. `gap/no-such-service`. */
  readonly rule: string;
  /** Repository path. */
  readonly file: string;
  readonly line?: number;
  readonly level: 'error' | 'warning' | 'notice';
  readonly title: string;
  readonly message: string;
}

export interface CheckResult {
  /** The full report, without comment marker. */
  readonly markdown: string;
  /** Nothing to tell a reviewer (no diff, no violation, no drift, no gap). */
  readonly empty: boolean;
  readonly diff: { readonly added: number; readonly removed: number; readonly changed: number };
  /** Undefined when the check did not run. */
  readonly violations?: number;
  readonly drift?: number;
  /** Needed links the PR breaks (head's policies block what head's manifests need). */
  readonly broken: number;
  readonly gaps: number;
  /** Lint findings the PR adds; undefined when lint did not run. */
  readonly lint?: number;
  /** SARIF of the findings; when absent the action renders one from `findings`. */
  readonly sarif?: string;
  readonly findings: readonly CheckFinding[];
  /** Input diagnostics, files shown as the pipeline shows them (`REF:path`). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface CheckRequest {
  readonly repo: string;
  readonly base: string;
  readonly head: string;
  readonly paths: readonly string[];
  readonly baseline: readonly string[];
  readonly policies?: string;
  /** With `policies`: what the drift gate judges them against (the reviewed links as a path in the repository, read at head). */
  readonly drift?: DriftBasis;
  /** Where the cluster DNS runs (`dns-*` inputs): the DNS needs the PR breaks are judged there. */
  readonly dns?: DnsBasis;
  readonly engine: 'builtin' | 'nca' | 'both';
  /** Observed traffic traces and the aliases of outside blocks. */
  readonly traffic: readonly string[];
  readonly cidrAliases?: string;
  /** Lint findings the PR adds, and widened exposure (both off unless asked). */
  readonly lint?: boolean;
  readonly exposure?: boolean;
}

export type CheckRunner = (io: Io, request: CheckRequest, settings: ReadSettings) => CheckResult;
