import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Io } from '../io/types.js';
import type { Cluster } from '../manifests/cluster.js';
import type { Topology } from '../topology/links.js';
import { compareDeclaredObserved, mergeLinks, type LinkGap } from '../topology/merge.js';
import type { TrafficSummary, TrafficUnresolved } from '../topology/traffic/resolve.js';
import { scanTopology } from '../topology/scan.js';
import { findGaps, type Gap } from '../topology/gaps.js';
import { loadInputs } from './load.js';
import type { ReadSettings } from './settings.js';
import { readTraffic, type TrafficRequest } from './traffic.js';

/** What traffic added to a scan: the comparison with the manifests, the unresolved observations, the noise filtered. */
export interface ScanTraffic {
  readonly observedNotDeclared: readonly LinkGap[];
  readonly declaredNotObserved: readonly LinkGap[];
  readonly unresolved: readonly TrafficUnresolved[];
  readonly summary: TrafficSummary;
}

export interface ScanOutcome {
  /** Declared and observed links merged: each with the evidence of both. */
  readonly topology: Topology;
  /** What the manifests cannot tell (src/topology/gaps.ts). */
  readonly gaps: readonly Gap[];
  readonly diagnostics: readonly Diagnostic[];
  /** Present when traces were given. */
  readonly traffic?: ScanTraffic;
}

export interface ScanOptions {
  readonly traffic?: TrafficRequest;
}

/** The links the application needs, read from its manifests (and observed traffic), with provenance. */
export function runScan(io: Io, paths: readonly string[], settings: ReadSettings, options: ScanOptions = {}): ScanOutcome {
  const { load, diagnostics, values } = loadInputs(io, paths, settings);
  const result = scanTopology(load.cluster, { values, ...(settings.serviceCidrs ? { serviceCidrs: settings.serviceCidrs } : {}) });
  const gapsOf = (topology: Topology) => findGaps(load.cluster, topology);
  if (!options.traffic) return { topology: result.value, gaps: gapsOf(result.value), diagnostics: [...diagnostics, ...result.diagnostics] };
  const observed = withObservedTraffic(io, load.cluster, result.value, options.traffic, settings);
  // observed traffic closes gaps: they are found on the merged links
  return { topology: observed.topology, gaps: gapsOf(observed.topology), diagnostics: [...diagnostics, ...result.diagnostics, ...observed.diagnostics], traffic: observed.traffic };
}

/** A scanned topology with the traffic observed on `cluster` merged in, and the comparison of the two (scan from manifests, and `scan --cluster`). */
export function withObservedTraffic(io: Io, cluster: Cluster, scanned: Topology, request: TrafficRequest, settings: ReadSettings): { topology: Topology; traffic: ScanTraffic; diagnostics: readonly Diagnostic[] } {
  const observed = readTraffic(io, cluster, request, settings);
  const declared = scanned.links;
  const { observedNotDeclared, declaredNotObserved } = compareDeclaredObserved(declared, observed.value.links);
  return {
    topology: { links: mergeLinks(declared, observed.value.links), unresolved: scanned.unresolved, ...(scanned.dns ? { dns: scanned.dns } : {}), ...(scanned.self ? { self: scanned.self } : {}) },
    traffic: { observedNotDeclared, declaredNotObserved, unresolved: observed.value.unresolved, summary: observed.value.summary },
    diagnostics: observed.diagnostics,
  };
}
