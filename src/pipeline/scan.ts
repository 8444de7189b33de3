import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Io } from '../io/types.js';
import type { Topology } from '../topology/links.js';
import { scanTopology } from '../topology/scan.js';
import { findGaps, type Gap } from '../topology/gaps.js';
import { loadInputs } from './load.js';
import type { ReadSettings } from './settings.js';

export interface ScanOutcome {
  readonly topology: Topology;
  /** What the manifests cannot tell (src/topology/gaps.ts). */
  readonly gaps: readonly Gap[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The links the application needs, read from its manifests, with provenance. */
export function runScan(io: Io, paths: readonly string[], settings: ReadSettings): ScanOutcome {
  const { load, diagnostics, values } = loadInputs(io, paths, settings);
  const result = scanTopology(load.cluster, { values });
  return { topology: result.value, gaps: findGaps(load.cluster, result.value), diagnostics: [...diagnostics, ...result.diagnostics] };
}
