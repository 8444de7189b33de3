import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigError } from '../diagnostics/errors.js';
import { analyzeConnectivity, PolicyEngine, type Connectivity } from '../connectivity/engine.js';
import { analyzeExposure, type Exposure } from '../connectivity/exposure-analysis.js';
import { explainPair, type PairExplanation } from '../connectivity/explain.js';
import { formatRange } from '../model/ip.js';
import { parsePeer, type Peer } from '../model/peer.js';
import type { Io } from '../io/types.js';
import { loadInputs } from './load.js';
import { engineOptions, type ReadSettings } from './settings.js';

export interface ConnectivityOutcome {
  readonly connectivity: Connectivity;
  /** With `exposure`: who reaches (or is reached from) peers outside the manifests; the PR comment's "reachable from outside". */
  readonly exposure?: Exposure;
  readonly diagnostics: readonly Diagnostic[];
}

/** The effective connectivity of the workloads and policies under the paths. */
export function runConnectivity(io: Io, paths: readonly string[], settings: ReadSettings, options: { readonly exposure?: boolean } = {}): ConnectivityOutcome {
  const { load, diagnostics } = loadInputs(io, paths, settings);
  const result = analyzeConnectivity(load.cluster, engineOptions(settings));
  const analysed = options.exposure ? analyzeExposure(load.cluster, engineOptions(settings)) : undefined;
  const exposure = analysed?.value;
  return { connectivity: result.value, ...(exposure ? { exposure } : {}), diagnostics: [...diagnostics, ...result.diagnostics, ...(analysed?.diagnostics ?? [])] };
}

export type { Exposure, ExposureEntry } from '../connectivity/exposure-analysis.js';

export interface ExplainOutcome {
  readonly explanations: readonly PairExplanation[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Why SRC may (or may not) reach DST. An address range may cover addresses with different
 * answers: each part is explained separately.
 */
export function runExplain(io: Io, paths: readonly string[], settings: ReadSettings, srcText: string, dstText: string): ExplainOutcome {
  const { load, diagnostics } = loadInputs(io, paths, settings);
  const engine = new PolicyEngine(load.cluster, engineOptions(settings));
  const workloads = load.cluster.workloads.map((w) => w.ref);
  const resolve = (text: string): Peer => {
    const r = parsePeer(text, workloads);
    if (!r.ok) throw new ConfigError(`--explain: ${r.error}`);
    return r.peer;
  };
  const src = resolve(srcText);
  const dst = resolve(dstText);
  if (src.kind === 'external' && dst.kind === 'external') throw new ConfigError('--explain: one of SRC and DST must be a workload or {ingress-controller}');
  for (const p of [src, dst]) {
    if (p.kind === 'external' && !engine.families.includes(p.range.family)) {
      throw new ConfigError(`--explain: ${formatRange(p.range)} is IPv${p.range.family}, outside the analysed address space (use --ip-family ${p.range.family === 6 ? 'dual' : '4'})`);
    }
  }
  const parts = (p: Peer): Peer[] => (p.kind === 'external' ? engine.atomsWithin(p.range).map((range) => ({ kind: 'external', range }) as Peer) : [p]);
  const xs = parts(src).flatMap((s) => parts(dst).map((d) => explainPair(engine, s, d)));
  if (xs.some((x) => !x)) throw new ConfigError(`cannot explain ${srcText} -> ${dstText}`);
  return { explanations: xs as PairExplanation[], diagnostics: [...diagnostics, ...engine.diagnostics] };
}
