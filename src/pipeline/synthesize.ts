import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Io } from '../io/types.js';
import { checkSelectors } from '../synthesis/check-selectors.js';
import { existingSelections } from '../synthesis/existing.js';
import { layoutPolicies, type PolicyTarget } from '../synthesis/layout.js';
import { unknownPresets } from '../synthesis/presets.js';
import { planPrune, type StalePolicy } from '../synthesis/prune.js';
import { synthesizePolicies, type NetworkPolicyManifest, type SynthesisOptions } from '../synthesis/synthesize.js';
import type { Link } from '../topology/links.js';
import { parseLinksFile } from '../topology/links-file.js';
import { scanTopology } from '../topology/scan.js';
import { loadInputs } from './load.js';
import type { ReadSettings } from './settings.js';

export interface SynthesizeRequest {
  readonly paths: readonly string[];
  /** A reviewed links file to use instead of scanning. */
  readonly linksFile?: string;
  readonly options: SynthesisOptions;
  /** `--existing DIR`: leave the workloads its (not netpol-ci's) NetworkPolicies select untouched. */
  readonly existing?: string;
  /** `--check-selectors`: run every generated selector against the manifests. */
  readonly checkSelectors?: boolean;
}

export interface SynthesizeOutcome {
  readonly policies: readonly NetworkPolicyManifest[];
  readonly diagnostics: readonly Diagnostic[];
  /** A links file with errors: nothing may be written from what was left of it. */
  readonly refused: boolean;
  /** With `existing`: the workloads left untouched and the policy that already selects each. */
  readonly skipped: readonly { readonly workload: string; readonly by: string }[];
}

/** Least-privilege NetworkPolicies for the links the manifests (or a reviewed links file) state. */
export function runSynthesize(io: Io, request: SynthesizeRequest, settings: ReadSettings): SynthesizeOutcome {
  const { load, diagnostics, values } = loadInputs(io, request.paths, settings);
  const all: Diagnostic[] = [...diagnostics];
  let links: readonly Link[];
  if (request.linksFile !== undefined) {
    const parsed = parseLinksFile(request.linksFile, io.readText(request.linksFile, '--links'), load.cluster.workloads.map((w) => w.ref));
    links = parsed.links;
    all.push(...parsed.diagnostics);
  } else {
    const scanned = scanTopology(load.cluster, { values });
    links = scanned.value.links;
    all.push(...scanned.diagnostics);
  }
  let options = request.options;
  let skipped: { workload: string; by: string }[] = [];
  if (request.existing !== undefined) {
    const existing = loadInputs(io, [request.existing], settings);
    all.push(...existing.diagnostics);
    const sel = existingSelections(load.cluster, existing.load.cluster.objects);
    all.push(...sel.diagnostics);
    options = { ...options, skip: sel.skip };
    skipped = [...sel.skip].map(([workload, by]) => ({ workload, by }));
  }
  all.push(...unknownPresets(options.presets ?? [], load.cluster));
  const result = synthesizePolicies(load.cluster, links, options);
  all.push(...result.diagnostics);
  if (request.checkSelectors) all.push(...checkSelectors(load.cluster, result.value.policies, options));
  const refused = request.linksFile !== undefined && all.some((d) => d.severity === 'error');
  return { policies: result.value.policies, diagnostics: all, refused, skipped };
}

export interface PruneRequest {
  readonly paths: readonly string[];
  /** The folder of generated policies. */
  readonly policies: string;
  /** Delete the stale policies from their files (else only list them). */
  readonly write: boolean;
}

export interface PruneOutcome {
  readonly stale: readonly StalePolicy[];
  /** Files rewritten or removed (with `write`). */
  readonly changedFiles: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Generated policies in a folder whose workload is no longer in the manifests; removed with `write`. */
export function runPrune(io: Io, request: PruneRequest, settings: ReadSettings): PruneOutcome {
  const { load, diagnostics } = loadInputs(io, request.paths, settings);
  const files = io
    .listFiles(request.policies)
    .filter((f) => /\.(ya?ml|json)$/i.test(f))
    .map((f) => ({ path: f, text: io.readText(f, '--policies') }));
  const plan = planPrune(files, load.cluster);
  const changedFiles = [...plan.rewrites.keys()].sort();
  if (request.write && !diagnostics.some((d) => d.severity === 'error')) {
    const rewrite = new Map<string, string>();
    const remove: string[] = [];
    for (const [f, text] of plan.rewrites) {
      if (text === null) remove.push(f);
      else rewrite.set(f, text);
    }
    io.writeFiles(rewrite);
    io.removeFiles(remove);
  }
  return { stale: plan.stale, changedFiles, diagnostics };
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
  io.writeFiles(files, { createFolders: target.kind === 'folder' });
  return files;
}

export { layoutPolicies };
