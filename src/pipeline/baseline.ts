import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigError } from '../diagnostics/errors.js';
import { analyzeConnectivity } from '../connectivity/engine.js';
import type { Cluster } from '../manifests/cluster.js';
import type { Io, NcaRun } from '../io/types.js';
import { checkBaseline, checkDefaultDenyOn } from '../baseline/check.js';
import { compareEngines, compareRuleRefs, compareViolations, type Disagreement } from '../baseline/compare.js';
import { buildNcaBatch, mergeNcaBatches, ncaUnsupported, parseNcaAnswer, parseNcaConnectivity, type NcaBatchParts } from '../baseline/nca-query.js';
import { RuleMatcher } from '../baseline/match.js';
import { parseRuleFile, type BaselineRule, type RuleSet } from '../baseline/rules.js';
import { ruleRefKey, type RuleRef, type Violation } from '../baseline/violation.js';
import { loadInputs } from './load.js';
import { engineOptions, type ReadSettings } from './settings.js';

export type EngineChoice = 'builtin' | 'nca' | 'both';

export interface BaselineRequest {
  readonly paths: readonly string[];
  /** Rule files (np-guard baseline-rules or netalchemy format). */
  readonly ruleFiles: readonly string[];
  /** Undefined: `both` when nca is installed, else `builtin` with a note on installing nca. */
  readonly engine?: EngineChoice;
  /** Time budget of each nca process (one process answers every rule). Default 300 s. */
  readonly ncaTimeoutMs?: number;
}

/** How one rule fared with each engine; `decidedBy` is the engine(s) whose answer the gate used. */
export interface RuleVerdict {
  readonly rule: RuleRef;
  readonly builtin?: 'holds' | 'violated';
  readonly nca?: 'holds' | 'violated' | 'not-run' | 'timed-out' | 'failed';
  readonly decidedBy: 'builtin' | 'nca' | 'both';
}

export interface EngineNote {
  readonly engine: 'nca';
  /** The rule concerned; absent for notes about the whole run. */
  readonly rule?: RuleRef;
  readonly message: string;
}

/**
 * The result of a baseline check, as the `baseline` command and the PR check (`check`) consume it.
 * The gate fails (exit 1) when `violations` or `disagreements` is non-empty.
 */
export interface BaselineOutcome {
  /** The engines that ran. */
  readonly engine: EngineChoice;
  readonly ncaVersion?: string;
  readonly rules: readonly BaselineRule[];
  /** Violations, sorted by rule then peers: the built-in engine's (they carry causes) unless only nca ran or answered; where nca differs, see `disagreements`. */
  readonly violations: readonly Violation[];
  /** Rules the engines answer differently, each with both answers and the smallest differing pair. */
  readonly disagreements: readonly Disagreement[];
  readonly verdicts: readonly RuleVerdict[];
  readonly engineNotes: readonly EngineNote[];
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: { readonly builtinSeconds?: number; readonly ncaSeconds?: number };
}

export const NCA_INSTALL_HINT = 'install nca for a second, independent check: python3 -m venv .nca && .nca/bin/pip install network-config-analyzer==2.1.0, then NCA_PATH=.nca/bin/nca';

/** Reads every rule file; problems are diagnostics at file:line and field, valid rules kept. */
export function readRuleFiles(io: Io, files: readonly string[]): { rules: RuleSet; diagnostics: Diagnostic[] } {
  const rules: BaselineRule[] = [];
  const defaults: RuleSet['defaults'][number][] = [];
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    const r = parseRuleFile(f, io.readText(f, '--baseline'));
    rules.push(...r.rules);
    defaults.push(...r.defaults);
    diagnostics.push(...r.diagnostics);
  }
  return { rules: { rules, defaults }, diagnostics };
}

/** Baseline rules checked on the configuration under the paths, by the built-in engine, nca, or both. */
export function runBaseline(io: Io, request: BaselineRequest, settings: ReadSettings): BaselineOutcome {
  const nca = request.engine === 'builtin' ? undefined : io.findNca();
  const notes: EngineNote[] = [];
  let engine: EngineChoice;
  if (request.engine === undefined) {
    engine = nca ? 'both' : 'builtin';
    if (!nca) notes.push({ engine: 'nca', message: `nca not found (NCA_PATH or nca on PATH): checked by the built-in engine only; ${NCA_INSTALL_HINT}` });
  } else {
    engine = request.engine;
    if (engine !== 'builtin' && !nca) throw new ConfigError(`--engine ${engine} needs nca, which was not found (NCA_PATH or nca on PATH); ${NCA_INSTALL_HINT}`);
  }
  const { rules, diagnostics: ruleDiagnostics } = readRuleFiles(io, request.ruleFiles);
  const { load, diagnostics } = loadInputs(io, request.paths, settings);
  const all: Diagnostic[] = [...ruleDiagnostics, ...diagnostics];
  const cluster = load.cluster;
  warnUnmatched(rules, cluster, all);

  let builtin: Violation[] | undefined;
  let builtinSeconds: number | undefined;
  if (engine !== 'nca') {
    const t0 = performance.now();
    const result = analyzeConnectivity(cluster, engineOptions(settings));
    all.push(...result.diagnostics);
    builtin = checkBaseline(cluster, result.engine, result.value, rules);
    builtinSeconds = (performance.now() - t0) / 1000;
  }

  let ncaAnswers: Map<string, Violation[]> | undefined;
  const ncaStatus = new Map<string, RuleVerdict['nca']>();
  let ncaSeconds: number | undefined;
  if (engine !== 'builtin' && nca) {
    const unsupported = ncaUnsupported(cluster);
    if (unsupported) {
      if (engine === 'nca') throw new ConfigError(`--engine nca: ${unsupported}; use --engine builtin`);
      notes.push({ engine: 'nca', message: `nca not run: ${unsupported}; the built-in engine decided every rule` });
    } else {
      const run = askNca(io, cluster, rules, request.ncaTimeoutMs ?? 300_000, notes);
      ncaAnswers = run.answers;
      for (const [k, s] of run.status) ncaStatus.set(k, s);
      ncaSeconds = run.seconds;
    }
  }

  // the verdicts, and what the gate reports
  const byRule = (vs: readonly Violation[] | undefined, ref: RuleRef) => (vs ?? []).filter((v) => ruleRefKey(v.rule) === ruleRefKey(ref));
  const refs: RuleRef[] = [
    ...rules.rules.map((rule) => ({ kind: 'rule', rule }) as RuleRef),
    ...rules.defaults.map((d) => ({ kind: 'default-deny', file: d.file, origin: d.origin }) as RuleRef),
  ];
  const violations: Violation[] = [];
  const disagreements: Disagreement[] = [];
  const verdicts: RuleVerdict[] = [];
  for (const ref of refs) {
    const k = ruleRefKey(ref);
    const b = builtin ? byRule(builtin, ref) : undefined;
    const n = ncaAnswers?.get(k);
    const status = n ? (n.length === 0 ? 'holds' : 'violated') : ncaStatus.get(k);
    const decidedBy: RuleVerdict['decidedBy'] = b && n ? 'both' : n ? 'nca' : 'builtin';
    verdicts.push({ rule: ref, ...(b ? { builtin: b.length === 0 ? 'holds' : 'violated' } : {}), ...(engine !== 'builtin' && status ? { nca: status } : {}), decidedBy });
    if (b && n) {
      const d = compareEngines(ref, b, n);
      if (d) disagreements.push(d);
      violations.push(...b);
    } else {
      violations.push(...(b ?? n ?? []));
    }
  }
  return {
    engine,
    ...(nca ? { ncaVersion: nca.version } : {}),
    rules: rules.rules,
    violations: violations.sort(compareViolations),
    disagreements: disagreements.sort((a, b) => compareRuleRefs(a.rule, b.rule)),
    verdicts: verdicts.sort((a, b) => compareRuleRefs(a.rule, b.rule)),
    engineNotes: notes,
    diagnostics: all,
    timings: { ...(builtinSeconds !== undefined ? { builtinSeconds } : {}), ...(ncaSeconds !== undefined ? { ncaSeconds } : {}) },
  };
}

/** A rule whose sources or destinations select no workload checks nothing: probably a typo in a label. */
function warnUnmatched(rules: RuleSet, cluster: Cluster, out: Diagnostic[]): void {
  const matcher = new RuleMatcher(cluster);
  for (const r of rules.rules) {
    for (const side of ['from', 'to'] as const) {
      if (r[side].kind !== 'pods' || matcher.workloads(r[side]).size > 0) continue;
      out.push(diag(Codes.baselineRuleMatchesNothing, 'warning', `rule ${r.name}: ${side} selects no workload in the configuration`, r.origin));
    }
  }
}

/** About this many representative pods per nca process: nca reads every configuration of a scheme before its first query. */
const PODS_PER_NCA_RUN = 2000;

/**
 * nca answers the rules in a few processes, smallest scopes first (nca reads a scheme's every
 * configuration before it runs a query, so one huge rule would hold back all the others), each
 * process given what is left of the budget. `default: deny` ("nothing else is allowed") has no
 * permits/forbids query: it is checked on nca's own connectivity of the whole configuration, asked
 * last, with the same coverage as the built-in engine. A rule without an answer is reported as such.
 */
function askNca(io: Io, cluster: Cluster, rules: RuleSet, timeoutMs: number, notes: EngineNote[]): { answers: Map<string, Violation[]>; status: Map<string, RuleVerdict['nca']>; seconds: number } {
  const answers = new Map<string, Violation[]>();
  const status = new Map<string, RuleVerdict['nca']>();
  const perRule = rules.rules.map((r, i) => buildNcaBatch(cluster, [r], `r${i}-`));
  for (const b of perRule) for (const s of b.skipped) answers.set(ruleRefKey(s.rule), []);
  const runs: NcaBatchParts[][] = [];
  let pods = Infinity;
  for (const b of perRule.filter((x) => x.queries.length > 0).sort((x, y) => x.pods.size - y.pods.size)) {
    if (pods + b.pods.size > PODS_PER_NCA_RUN) {
      runs.push([]);
      pods = 0;
    }
    (runs[runs.length - 1] as NcaBatchParts[]).push(b);
    pods += b.pods.size;
  }
  if (rules.defaults.length > 0) runs.push([buildNcaBatch(cluster, [], 'all-', { connectivity: true })]);
  const deadline = Date.now() + timeoutMs;
  const unknown = new Set<string>();
  const budget = `nca did not finish within ${Math.round(timeoutMs / 1000)} s (--nca-timeout)`;
  let seconds = 0;
  runs.forEach((chunk, n) => {
    const batch = mergeNcaBatches(chunk, `scheme-${n}.yaml`);
    const remaining = deadline - Date.now();
    const run: NcaRun =
      remaining > 0 ? io.runNcaScheme(batch.files, batch.scheme, [...batch.queries.map((q) => q.output), ...batch.connectivityOutputs], remaining) : { outputs: new Map(), timedOut: true, status: undefined, seconds: 0 };
    seconds += run.seconds;
    const why = run.timedOut ? budget : `nca gave no answer${run.error ? ` (${run.error})` : ''}`;
    const failed = new Set<string>();
    for (const q of batch.queries) {
      const k = ruleRefKey(q.rule);
      const text = run.outputs.get(q.output);
      const answer = text === undefined ? undefined : parseNcaAnswer(q, text, batch.pods);
      if (!answer) {
        if (!failed.has(k)) notes.push({ engine: 'nca', rule: q.rule, message: `${why}; decided by the built-in engine` });
        failed.add(k);
        status.set(k, run.timedOut ? 'timed-out' : 'failed');
        continue;
      }
      for (const p of answer.unknownPeers) unknown.add(p);
      answers.set(k, [...(answers.get(k) ?? []), ...answer.violations]);
    }
    for (const k of failed) answers.delete(k);
    const connectivityOutput = batch.connectivityOutputs[0];
    if (connectivityOutput === undefined) return;
    const text = run.outputs.get(connectivityOutput);
    const parsed = text === undefined ? undefined : parseNcaConnectivity(text, batch.pods);
    for (const d of rules.defaults) {
      const ref: RuleRef = { kind: 'default-deny', file: d.file, origin: d.origin };
      if (!parsed) {
        status.set(ruleRefKey(ref), run.timedOut ? 'timed-out' : 'failed');
        notes.push({ engine: 'nca', rule: ref, message: `${why}; decided by the built-in engine` });
        continue;
      }
      answers.set(ruleRefKey(ref), checkDefaultDenyOn(cluster, d, parsed.connections, 'nca'));
    }
    for (const p of parsed?.unknownPeers ?? []) unknown.add(p);
  });
  if (unknown.size > 0) notes.push({ engine: 'nca', message: `nca answered about endpoints that are not in the configuration (ignored): ${[...unknown].slice(0, 5).join(', ')}${unknown.size > 5 ? ', ...' : ''}` });
  return { answers, status, seconds };
}
