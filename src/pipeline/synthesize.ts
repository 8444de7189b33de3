import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Io } from '../io/types.js';
import { layoutPolicies, type PolicyTarget } from '../synthesis/layout.js';
import { synthesizePolicies, type NetworkPolicyManifest, type SynthesisOptions } from '../synthesis/synthesize.js';
import type { Link } from '../topology/links.js';
import { parseLinksFile } from '../topology/links-file.js';
import { scanTopology } from '../topology/scan.js';
import { applyBaselineToLinks } from '../baseline/synthesis.js';
import { readRuleFiles } from './baseline.js';
import { loadInputs } from './load.js';
import type { ReadSettings } from './settings.js';

export interface SynthesizeRequest {
  readonly paths: readonly string[];
  /** A reviewed links file to use instead of scanning. */
  readonly linksFile?: string;
  /** Baseline rule files: deny rules remove links, allow rules add them (see baseline/synthesis.ts). */
  readonly baselineFiles?: readonly string[];
  readonly options: SynthesisOptions;
}

export interface SynthesizeOutcome {
  readonly policies: readonly NetworkPolicyManifest[];
  readonly diagnostics: readonly Diagnostic[];
  /** A links file with errors: nothing may be written from what was left of it. */
  readonly refused: boolean;
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
  let ruleErrors = false;
  if (request.baselineFiles && request.baselineFiles.length > 0) {
    const rules = readRuleFiles(io, request.baselineFiles);
    all.push(...rules.diagnostics);
    ruleErrors = rules.diagnostics.some((d) => d.severity === 'error');
    const applied = applyBaselineToLinks(load.cluster, links, rules.rules, settings.ipFamilies);
    links = applied.links;
    all.push(...applied.diagnostics);
  }
  const result = synthesizePolicies(load.cluster, links, request.options);
  all.push(...result.diagnostics);
  // a links or rule file with errors must not produce policies from what was left of it
  const refused = ruleErrors || (request.linksFile !== undefined && all.some((d) => d.severity === 'error'));
  return { policies: result.value.policies, diagnostics: all, refused };
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
