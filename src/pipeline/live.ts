import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigError } from '../diagnostics/errors.js';
import { analyzeConnectivity, type Connectivity } from '../connectivity/engine.js';
import type { Io } from '../io/types.js';
import { applyHeuristics, BUILTIN_HEURISTICS_FILE, defaultHeuristicsYaml, parseHeuristics } from '../topology/heuristics.js';
import type { Topology } from '../topology/links.js';
import { scanTopology } from '../topology/scan.js';
import { readLiveCluster, type LiveSource } from './cluster-drift.js';
import { withObservedTraffic, type ScanTraffic } from './scan.js';
import type { TrafficRequest } from './traffic.js';
import { engineOptions, type ReadSettings } from './settings.js';

export type { LiveSource };

/** `connectivity --cluster`: the connectivity the live cluster's policies enforce over what is running (exact; no heuristics needed). */
export function runLiveConnectivity(io: Io, source: LiveSource, settings: ReadSettings): { connectivity: Connectivity; diagnostics: readonly Diagnostic[] } {
  const live = readLiveCluster(io, source, settings);
  const result = analyzeConnectivity(live.cluster, engineOptions(settings));
  return { connectivity: result.value, diagnostics: [...live.diagnostics, ...result.diagnostics] };
}

/**
 * `scan --cluster`: the links what is running needs, read from the live objects as from manifests,
 * then completed by the name-based heuristics (the built-in list, or `heuristicsFile`), and (with
 * `traffic`) by the traffic observed, resolved through the same cluster's pods and Services.
 */
export function runLiveScan(io: Io, source: LiveSource, settings: ReadSettings, heuristicsFile?: string, traffic?: TrafficRequest): { topology: Topology; diagnostics: readonly Diagnostic[]; traffic?: ScanTraffic } {
  const file = heuristicsFile === undefined ? { path: BUILTIN_HEURISTICS_FILE, text: defaultHeuristicsYaml() } : { path: heuristicsFile, text: io.readText(heuristicsFile, '--heuristics') };
  const heuristics = parseHeuristics(file);
  // a broken heuristics file must not silently turn into "no heuristics": stop before reading the cluster
  if (!heuristics.value) {
    const first = heuristics.diagnostics.find((d) => d.severity === 'error');
    if (heuristicsFile === undefined || !first) throw new ConfigError('the built-in heuristics do not parse (a bug)');
    return { topology: { links: [], unresolved: [] }, diagnostics: heuristics.diagnostics };
  }
  const live = readLiveCluster(io, source, settings);
  const scanned = scanTopology(live.cluster);
  const completed = applyHeuristics(live.cluster, scanned.value, heuristics.value);
  const diagnostics = [...heuristics.diagnostics, ...live.diagnostics, ...scanned.diagnostics, ...completed.diagnostics];
  if (!traffic) return { topology: completed.value, diagnostics };
  // the cluster is also the snapshot that maps the trace's pod and Service addresses to its workloads
  const observed = withObservedTraffic(io, live.cluster, completed.value, source.kind === 'kubectl' ? { ...traffic, liveSnapshot: source } : traffic, settings);
  return { topology: observed.topology, diagnostics: [...diagnostics, ...observed.diagnostics], traffic: observed.traffic };
}

/** What `--export-heuristics` prints: the built-in list, to copy and edit. */
export function exportHeuristics(): string {
  return defaultHeuristicsYaml();
}
