import { appendAll } from '../model/append.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Io } from '../io/types.js';
import { layoutPolicies, type PolicyTarget } from '../synthesis/layout.js';
import { synthesizePolicies, type NetworkPolicyManifest, type SynthesisOptions } from '../synthesis/synthesize.js';
import type { Link, Topology } from '../topology/links.js';
import { findGaps, type Gap } from '../topology/gaps.js';
import type { GapMode } from '../synthesis/gap-rules.js';
import { parseLinksFile } from '../topology/links-file.js';
import { scanTopology } from '../topology/scan.js';
import { mergeLinks } from '../topology/merge.js';
import type { TrafficSummary } from '../topology/traffic/resolve.js';
import { loadInputs } from './load.js';
import type { ReadSettings } from './settings.js';
import { readTraffic, unresolvedWarnings, type TrafficRequest } from './traffic.js';

export interface SynthesizeRequest {
  readonly paths: readonly string[];
  /** A reviewed links file to use instead of scanning. */
  readonly linksFile?: string;
  /** Observed traffic: its links are allowed beside the declared ones, with the trace as provenance. */
  readonly traffic?: TrafficRequest;
  readonly options: SynthesisOptions;
  /** How gaps (what the manifests cannot tell) are closed; default `deny` (reported, not closed). */
  readonly gapMode?: GapMode;
}

export interface SynthesizeOutcome {
  readonly policies: readonly NetworkPolicyManifest[];
  readonly diagnostics: readonly Diagnostic[];
  /** What the manifests (or the links file) cannot tell, each closed as `gapMode` says. */
  readonly gaps: readonly Gap[];
  /** A links file with errors: nothing may be written from what was left of it. */
  readonly refused: boolean;
  /** What the traces held and what was filtered as noise, when traces were given. */
  readonly traffic?: TrafficSummary;
}

/** Least-privilege NetworkPolicies for the links the manifests (or a reviewed links file) state, and the traffic observed. */
export function runSynthesize(io: Io, request: SynthesizeRequest, settings: ReadSettings): SynthesizeOutcome {
  const { load, diagnostics, values } = loadInputs(io, request.paths, settings);
  const all: Diagnostic[] = [...diagnostics];
  let links: readonly Link[];
  let unresolved: Topology['unresolved'] = [];
  if (request.linksFile !== undefined) {
    const parsed = parseLinksFile(request.linksFile, io.readText(request.linksFile, '--links'), load.cluster.workloads.map((w) => w.ref), load.cluster);
    links = parsed.links;
    appendAll(all, parsed.diagnostics);
  } else {
    const scanned = scanTopology(load.cluster, { values });
    links = scanned.value.links;
    unresolved = scanned.value.unresolved;
    appendAll(all, scanned.diagnostics);
  }
  let traffic: TrafficSummary | undefined;
  if (request.traffic) {
    // observed links join the declared (or reviewed) ones; what resolved to nothing is warned about, never allowed
    const observed = readTraffic(io, load.cluster, request.traffic, settings);
    links = mergeLinks(links, observed.value.links);
    appendAll(all, observed.diagnostics);
    appendAll(all, unresolvedWarnings(observed.value.unresolved));
    traffic = observed.value.summary;
  }
  // gaps are what neither the manifests nor the observed traffic tell
  const gaps = findGaps(load.cluster, { links, unresolved });
  const result = synthesizePolicies(load.cluster, links, { ...request.options, gaps: { mode: request.gapMode ?? 'deny', list: gaps } });
  appendAll(all, result.diagnostics);
  const refused = request.linksFile !== undefined && all.some((d) => d.severity === 'error');
  return { policies: result.value.policies, gaps, diagnostics: all, refused, ...(traffic ? { traffic } : {}) };
}

/** Where `--output` points: a folder (existing, or named with a trailing `/`), a file, or stdout. */
export function policyTarget(io: Io, output: string | undefined): PolicyTarget {
  if (output === undefined || output === '-') return { kind: 'stdout' };
  if (output.endsWith('/') || io.isDirectory(output)) return { kind: 'folder', dir: output };
  return { kind: 'file', file: output };
}

/** Writes the policies to their files; returns the file texts by path. */
export function writePolicies(io: Io, policies: readonly NetworkPolicyManifest[], target: PolicyTarget, render: (ps: readonly NetworkPolicyManifest[]) => string): Map<string, string> {
  const files = layoutPolicies(policies, target, render);
  io.writeFiles(files, target.kind === 'folder' ? { createFolders: true, inside: target.dir } : {});
  return files;
}

export { layoutPolicies };
