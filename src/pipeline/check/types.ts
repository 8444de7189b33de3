import type { DriftJudgedAgainst } from '../verify.js';
import type { Diagnostic, SourceRef } from '../../diagnostics/diagnostic.js';
import type { Cause, Decision } from '../../connectivity/causes.js';
import type { ConnectivityDiff, ConnectivityDiffEntry } from '../../connectivity/diff.js';
import type { EntryExplanation } from '../../connectivity/explain.js';
import type { LintFinding } from '../../connectivity/lint.js';
import type { UnmetLink } from '../../connectivity/needs.js';
import type { Link, Unresolved } from '../../topology/links.js';
import type { LinkGap } from '../../topology/merge.js';
import type { ConnectionSet } from '../../model/connection-set.js';

// The data `runCheck` returns (the renderers in src/report/check read it; the Action layer too).

/** The two sides of a PR: two folders (or files), or two refs of a git repository with optional paths inside it. */
export type CheckRequest =
  | { readonly kind: 'paths'; readonly base: string; readonly head: string }
  | { readonly kind: 'repo'; readonly repo: string; readonly base: string; readonly head: string; readonly paths: readonly string[] };

export type Side = 'base' | 'head';

/** Where a file shown in the report lives: its side, its path relative to the compared root (the repository path for refs), and the chart it was rendered from. */
export interface FileInfo {
  readonly side: Side;
  readonly path: string;
  /** For a file rendered by `helm template`: the chart folder (relative), so links go to the template, not rendered lines. */
  readonly chart?: string;
  /** For the output of `kubectl kustomize`: the overlay folder (relative); its objects have no line of their own. */
  readonly overlay?: string;
}

/** A file the PR changed that explains a cause, with the changed lines on head (values files) when known. */
export interface ChangedFile {
  readonly path: string;
  /** `base` for a file the PR deleted (it exists only there, so links go to the base commit). */
  readonly side?: Side;
  /** 1-based head lines that changed (for values files; a Helm change is shown at its values line). */
  readonly lines?: readonly number[];
}

export interface AttributedCause {
  readonly cause: Cause;
  /** The files the PR changed that carry the cause (never an unchanged file). */
  readonly files: readonly ChangedFile[];
}

/**
 * One line of the report: a diff entry, or several entries towards (from) adjacent outside
 * address atoms with the same answer, shown as the CIDR the policies wrote.
 */
export interface ChangeItem {
  /** Indexes into `diff.entries`. */
  readonly entries: readonly number[];
  readonly kind: ConnectivityDiffEntry['kind'];
  readonly src: string;
  readonly dst: string;
  /** The pair involves a peer outside the cluster (an address, the ingress controller, a gateway). */
  readonly outside: boolean;
  readonly before: ConnectionSet;
  readonly after: ConnectionSet;
  readonly gained: ConnectionSet;
  readonly lost: ConnectionSet;
  readonly workloadsInfo?: string;
  /** Per side, the rules that decide the changed connections (one line per side in the report). */
  readonly why: { readonly base: readonly Decision[]; readonly head: readonly Decision[] };
}

/** A needed link the PR breaks. */
export interface BrokenLink extends UnmetLink {
  /**
   * What base's manifests needed of the same pair, when that differs from head's need: the PR
   * moved the need (a container or Service port changed, in a chart's values say) while the
   * policies kept the old port, so the connectivity diff is empty and this is the only trace of why.
   */
  readonly baseNeeded?: ConnectionSet;
  /**
   * A DNS need (to the DNS pods, or their stand-in `kube-system/dns[Pod]`): `named` where the
   * workload names the cluster DNS Service (the link's evidence says where), `egress` where it
   * resolves names for its egress needs.
   */
  readonly dns?: 'named' | 'egress';
}

/** Diff entries that share their causes. */
export interface ChangeGroup {
  readonly causes: readonly AttributedCause[];
  readonly items: readonly ChangeItem[];
}

/** A gap: what the manifests cannot tell (for now: the scan's unresolved addresses). */
export interface Gap {
  readonly workload: string;
  readonly value: string;
  readonly at: SourceRef;
  readonly reason: Unresolved['reason'];
  readonly detail: string;
  /** For a rendered chart: the values-file line and key the value came from, where exact. */
  readonly values?: SourceRef;
  /** Not a gap on base. */
  readonly introduced: boolean;
}

/** A baseline-rule violation, for the slot the baseline check fills (rendered when present). */
export interface BaselineFinding {
  readonly rule: string;
  readonly action: string;
  readonly src: string;
  readonly dst: string;
  readonly conns: string;
  readonly at?: SourceRef;
  /** Engines that found it (builtin, nca). */
  readonly engines?: readonly string[];
}

/** A workload that peers outside the manifests reach on more connections on head than on base (exposure analysis). */
export interface WidenedExposure {
  readonly workload: string;
  /** `entire-cluster`, a representative of the pods a rule's selectors could match, or an address range (`a-b[External]`). */
  readonly peer: string;
  /** How the report names the peer: an address range as the CIDRs the policies write (`0.0.0.0/0 except 10.0.0.0/8`), else `peer`. */
  readonly peerText: string;
  /** What the peer reaches on base (none if it did not). */
  readonly before: ConnectionSet;
  readonly after: ConnectionSet;
  /** after minus before: never empty. */
  readonly gained: ConnectionSet;
}

/** A repo-drift finding, for the slot the drift check fills (rendered when present). */
export interface DriftFinding {
  readonly kind: string;
  readonly subject: string;
  readonly message: string;
  readonly at?: SourceRef;
}

/** Head's declared links against observed traffic, per (src, dst) and connection (src/topology/merge.ts). */
export interface CheckTraffic {
  /** Traffic the trace shows that head's manifests do not state. */
  readonly observedNotDeclared: readonly LinkGap[];
  /** Links head's manifests state that the trace never shows. */
  readonly declaredNotObserved: readonly LinkGap[];
}

export type { DriftJudgedAgainst };

export interface CheckOutcome {
  readonly refs: { readonly base: string; readonly head: string };
  /** Commit ids, for refs of a repository. */
  readonly commits?: { readonly base: string; readonly head: string };
  /** Files the PR changed (relative paths), limited to the compared paths. */
  readonly changedFiles: readonly string[];
  readonly diff: ConnectivityDiff;
  /** Parallel to diff.entries. */
  readonly explanations: readonly EntryExplanation[];
  readonly groups: readonly ChangeGroup[];
  /** Items that newly let a peer outside the cluster in (ingress controller, gateway, addresses), from every group. */
  readonly outside: readonly ChangeItem[];
  /** Needed links the PR breaks, and those already unmet on base. */
  readonly broken: readonly BrokenLink[];
  readonly alreadyUnmet: readonly UnmetLink[];
  /** Needed links of head that cannot be judged (through a Gateway); named in the report, never silently passed. */
  readonly unjudged: readonly Link[];
  readonly gaps: readonly Gap[];
  readonly baseline?: { readonly violations: readonly BaselineFinding[]; readonly newOnHead?: number };
  /**
   * Drift findings, what the policies were judged against (the drift basis, as given), and (when
   * the caller can render policies) the policy files that would close it: before and after, for a unified diff.
   */
  readonly drift?: { readonly findings: readonly DriftFinding[]; readonly basis?: DriftJudgedAgainst; readonly fix?: readonly { readonly path: string; readonly before: string; readonly after: string }[] };
  /** With observed traffic (head only): head's declared links against the observed ones. */
  readonly traffic?: CheckTraffic;
  /** With `lint`: head's policy sanity findings that base does not have (same code, policy and rule), and how many base already had. */
  readonly lint?: { readonly findings: readonly LintFinding[]; readonly existing: number };
  /** With `exposure`: the workloads whose exposure to peers outside the manifests the PR widened (ingress side). */
  readonly exposure?: { readonly widened: readonly WidenedExposure[] };
  /** Display path -> where it lives, for every file the report may name. */
  readonly files: ReadonlyMap<string, FileInfo>;
  /** Both sides' diagnostics, for display. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Head's diagnostics: the PR's input. Errors there are bad input (exit 2); errors in base are
   * shown but are not the PR's to fix (a PR that repairs a broken file must be able to pass).
   */
  readonly headDiagnostics: readonly Diagnostic[];
}
