import path from 'node:path';
import type { Diagnostic, SourceRef } from '../diagnostics/diagnostic.js';
import { ConfigError } from '../diagnostics/errors.js';
import { visible } from '../diagnostics/sanitize.js';
import type { ExportedTree, Io } from '../io/types.js';
import { peerKey } from '../model/peer.js';
import { ruleRefLabel } from '../baseline/violation.js';
import { DEFAULT_SYNTHESIS_OPTIONS } from '../synthesis/synthesize.js';
import { runBaseline, type BaselineOutcome } from './baseline.js';
import { runCheck, type BaselineFinding, type CheckOptions, type CheckOutcome, type CheckRequest, type DriftFinding } from './check.js';
import type { ReadSettings } from './settings.js';
import type { TrafficRequest } from './traffic.js';
import { judgedAgainst, judgeRepoDrift, type DriftBasis, type RepoDriftOutcome } from './verify.js';
import type { NetworkPolicyManifest } from '../synthesis/synthesize.js';

/** The gates `check` runs on the head side besides the diff: baseline rules and repo drift. */
export interface CheckGates extends Omit<CheckOptions, 'traffic'> {
  /** Baseline rule files (np-guard or netalchemy format); checked on head by the built-in engine and nca. */
  readonly baselineFiles?: readonly string[];
  readonly engine?: 'builtin' | 'nca' | 'both';
  readonly ncaTimeoutMs?: number;
  /** The committed policies folder (relative to head's root): head's needs against it (repo drift). */
  readonly policies?: string;
  /** Observed traffic, read against head: compared with its declared links, and needs of the drift gate. */
  readonly traffic?: TrafficRequest;
  /**
   * What the drift gate judges the policies against, as `verify` does: the reviewed links file
   * (with refs, a path in the repository read at head, like `policies`), the gap mode, peer-only
   * rules, DNS. Default: the scan's links, `deny`, ports, the default DNS.
   */
  readonly drift?: DriftBasis;
  /** How policy files are written (the YAML renderer): given, drift comes with the files that would close it. */
  readonly renderPolicies?: (policies: readonly NetworkPolicyManifest[]) => string;
}

export interface GatedCheckOutcome extends CheckOutcome {
  /** The full outcomes of the gates (for the JSON report, annotations and SARIF). */
  readonly baselineOutcome?: BaselineOutcome;
  readonly driftOutcome?: RepoDriftOutcome;
}

/**
 * The whole PR check: `runCheck` on base and head, then the gates on head. For refs, head's tree
 * is exported once more and every file the gates name is shown as `HEAD:path`, never the
 * temporary folder.
 */
export function runGatedCheck(io: Io, request: CheckRequest, gates: CheckGates, settings: ReadSettings): GatedCheckOutcome {
  // with refs, the policies folder and the reviewed links are paths in the repository: refused before any work
  if (request.kind === 'repo') {
    for (const [flag, p] of [['--policies', gates.policies], ['--links', gates.drift?.linksFile]] as const) {
      if (p !== undefined && !inRepository(p)) throw new ConfigError(`${flag} ${visible(p)}: with --repo, give a path in the repository (relative to its root), read at ${visible(request.head)}`);
    }
  }
  const outcome = runCheck(io, request, settings, { ...(gates.traffic ? { traffic: gates.traffic } : {}), ...(gates.lint ? { lint: true } : {}), ...(gates.exposure ? { exposure: true } : {}), ...(gates.dns ? { dns: gates.dns } : {}) });
  const wantsBaseline = (gates.baselineFiles?.length ?? 0) > 0;
  if (!wantsBaseline && gates.policies === undefined) return outcome;
  let tree: ExportedTree | undefined;
  try {
    let roots: string[];
    let show: (file: string) => string;
    if (request.kind === 'repo') {
      tree = io.exportTree(request.repo, request.head, ['.']);
      const dir = tree.dir;
      roots = (request.paths.length > 0 ? request.paths : ['.']).map((p) => path.join(dir, p));
      const prefixes = [dir, path.relative(process.cwd(), dir)].filter((p) => p !== '');
      show = (file) => {
        for (const p of prefixes) if (file === p || file.startsWith(`${p}/`)) return `${request.head}:${file.slice(p.length + 1) || '.'}`;
        return file;
      };
    } else {
      roots = [request.head];
      show = (file) => file;
    }
    // with refs, the policies folder and the reviewed links are the PR's files: read at head
    const atHead = (p: string) => (request.kind === 'repo' && tree ? path.join(tree.dir, p) : p);
    const policiesDir = gates.policies === undefined ? undefined : atHead(gates.policies);
    const at = (r: SourceRef | undefined): SourceRef | undefined => (r ? { ...r, file: show(r.file) } : undefined);
    const relocate = (ds: readonly Diagnostic[]) => ds.map((d) => (d.at ? { ...d, at: at(d.at) as SourceRef } : d));
    const extra: Diagnostic[] = [];
    let baseline: CheckOutcome['baseline'];
    let baselineOutcome: BaselineOutcome | undefined;
    if (wantsBaseline) {
      baselineOutcome = runBaseline(io, { paths: roots, ruleFiles: gates.baselineFiles ?? [], ...(gates.engine ? { engine: gates.engine } : {}), ...(gates.ncaTimeoutMs ? { ncaTimeoutMs: gates.ncaTimeoutMs } : {}) }, settings);
      extra.push(...relocate(baselineOutcome.diagnostics));
      const violations: BaselineFinding[] = baselineOutcome.violations.map((v) => ({
        rule: ruleRefLabel(v.rule),
        action: v.rule.kind === 'rule' ? v.rule.rule.action : 'deny',
        src: peerKey(v.src),
        dst: peerKey(v.dst),
        conns: v.conns.toString(),
        ...(v.rule.kind === 'rule' ? { at: v.rule.rule.origin } : { at: v.rule.origin }),
        engines: [v.engine],
      }));
      // a disagreement between the engines is a finding of its own: one of them is wrong
      for (const d of baselineOutcome.disagreements) {
        violations.push({
          rule: ruleRefLabel(d.rule),
          action: 'disagreement',
          src: peerKey(d.witness.src),
          dst: peerKey(d.witness.dst),
          conns: `built-in says the rule ${d.builtinHolds ? 'holds' : 'is violated'}, nca says it ${d.ncaHolds ? 'holds' : 'is violated'}`,
          ...(d.rule.kind === 'rule' ? { at: d.rule.rule.origin } : { at: d.rule.origin }),
          engines: ['builtin', 'nca'],
        });
      }
      baseline = { violations };
    }
    let drift: CheckOutcome['drift'];
    let driftOutcome: RepoDriftOutcome | undefined;
    if (policiesDir !== undefined && gates.policies !== undefined) {
      const basis = gates.drift ?? { synthesis: DEFAULT_SYNTHESIS_OPTIONS };
      const judged = judgeRepoDrift(
        io,
        { ...basis, paths: roots, policies: policiesDir, ...(basis.linksFile !== undefined ? { linksFile: atHead(basis.linksFile) } : {}), ...(gates.traffic ? { traffic: gates.traffic } : {}) },
        settings,
        gates.renderPolicies,
      );
      driftOutcome = judged.outcome;
      extra.push(...relocate(driftOutcome.diagnostics));
      const findings: DriftFinding[] = [
        ...driftOutcome.drift.missing.map((f) => {
          // where the need was written: the first piece of evidence of the link that needs it, or where the workload names the cluster DNS Service
          const ev = f.reasons.flatMap((r) => r.evidence ?? []).find((e) => 'at' in e);
          const where = ev && 'at' in ev ? ev.at : undefined;
          const dns = f.reasons.some((r) => r.kind === 'dns' && r.evidence) ? ' (DNS: the workload names the cluster DNS Service)' : '';
          return { kind: 'missing', subject: `${peerKey(f.src)} → ${peerKey(f.dst)}`, message: `needed ${f.conns.toString()} is blocked by the committed policies${dns}`, ...(where ? { at: at(where) as SourceRef } : {}) };
        }),
        ...driftOutcome.drift.excess.map((f) => {
          // where it is allowed: the first rule that allows it
          const where = f.allowers.find((a) => a.step?.at)?.step?.at;
          return { kind: 'excess', subject: `${peerKey(f.src)} → ${peerKey(f.dst)}`, message: `${f.conns.toString()} is allowed beyond what the manifests need`, ...(where ? { at: at(where) as SourceRef } : {}) };
        }),
      ];
      // the synthesized policies that would close the drift, as the author can apply them (verify --fix writes the same)
      const fix = judged.fix?.files.filter((f) => f.before !== f.after).map((f) => ({ path: show(f.path), before: f.before, after: f.after }));
      // the report says what the policies were judged against: drift on another basis than synthesize's is no drift
      drift = { findings, basis: judgedAgainst(gates.policies, basis), ...(fix && fix.length > 0 ? { fix } : {}) };
    }
    // the drift gate reads the same traffic as the check: its diagnostics are said once
    const said = new Set(outcome.diagnostics.map((d) => JSON.stringify(d)));
    const fresh = extra.filter((d) => !said.has(JSON.stringify(d)));
    return {
      ...outcome,
      ...(baseline ? { baseline } : {}),
      ...(drift ? { drift } : {}),
      ...(baselineOutcome ? { baselineOutcome } : {}),
      ...(driftOutcome ? { driftOutcome } : {}),
      diagnostics: [...outcome.diagnostics, ...fresh],
      headDiagnostics: [...outcome.headDiagnostics, ...fresh],
    };
  } finally {
    tree?.dispose();
  }
}

/** A relative path that stays inside the repository (a path outside would be joined onto the exported tree and name nothing there). */
function inRepository(p: string): boolean {
  return !path.isAbsolute(p) && path.normalize(p).split(/[\\/]/)[0] !== '..';
}
