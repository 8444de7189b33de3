import { appendAll } from '../model/append.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Io } from '../io/types.js';
import { checkSelectors } from '../synthesis/check-selectors.js';
import { existingSelections } from '../synthesis/existing.js';
import { layoutPolicies, type PolicyTarget } from '../synthesis/layout.js';
import { unknownPresets } from '../synthesis/presets.js';
import { planPrune, type StalePolicy } from '../synthesis/prune.js';
import { synthesizePolicies, type NetworkPolicyManifest, type SynthesisOptions } from '../synthesis/synthesize.js';
import { dnsUsesByWorkload, selfLinks, type Link, type Topology } from '../topology/links.js';
import { findGaps, type Gap } from '../topology/gaps.js';
import type { GapMode } from '../synthesis/gap-rules.js';
import { parseLinksFile } from '../topology/links-file.js';
import { scanTopology } from '../topology/scan.js';
import { unresolvedLeftOpen } from '../topology/reviewed-gaps.js';
import { mergeLinks } from '../topology/merge.js';
import type { TrafficSummary } from '../topology/traffic/resolve.js';
import { applyBaselineToLinks } from '../baseline/synthesis.js';
import { cutClosures } from '../baseline/closures.js';
import type { RuleSet } from '../baseline/rules.js';
import { RuleMatcher } from '../baseline/match.js';
import { linkKey } from '../connectivity/needs.js';
import type { Cluster } from '../manifests/cluster.js';
import { inEveryFamily } from '../synthesis/everywhere.js';
import { readRuleFiles } from './baseline.js';
import { loadInputs } from './load.js';
import type { ReadSettings } from './settings.js';
import { readTraffic, unresolvedWarnings, type TrafficRequest } from './traffic.js';

export interface SynthesizeRequest {
  readonly paths: readonly string[];
  /** A reviewed links file to use instead of scanning. */
  readonly linksFile?: string;
  /** Observed traffic: its links are allowed beside the declared ones, with the trace as provenance. */
  readonly traffic?: TrafficRequest;
  /** Baseline rule files: deny rules remove links, allow rules add them (see baseline/synthesis.ts). */
  readonly baselineFiles?: readonly string[];
  readonly options: SynthesisOptions;
  /** How gaps (what the manifests cannot tell) are closed; default `deny` (reported, not closed). */
  readonly gapMode?: GapMode;
  /** `--existing DIR`: leave the workloads its (not netpol-ci's) NetworkPolicies select untouched. */
  readonly existing?: string;
  /** `--check-selectors`: run every generated selector against the manifests. */
  readonly checkSelectors?: boolean;
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
  /** With `existing`: the workloads left untouched and the policy that already selects each. */
  readonly skipped: readonly { readonly workload: string; readonly by: string }[];
}

/** Least-privilege NetworkPolicies for the links the manifests (or a reviewed links file) state, and the traffic observed. */
export function runSynthesize(io: Io, request: SynthesizeRequest, settings: ReadSettings): SynthesizeOutcome {
  const { load, diagnostics, values } = loadInputs(io, request.paths, settings);
  const all: Diagnostic[] = [...diagnostics];
  let links: readonly Link[];
  let unresolved: Topology['unresolved'];
  let dnsUses: Topology['dns'];
  if (request.linksFile !== undefined) {
    const parsed = parseLinksFile(request.linksFile, io.readText(request.linksFile, '--links'), load.cluster.workloads.map((w) => w.ref), load.cluster);
    links = parsed.links;
    appendAll(all, parsed.diagnostics);
    // the file replaces the scan's links, not the calls the manifests state that resolve to nothing: those stay gaps
    const scanned = scanTopology(load.cluster, { values, evidenceLines: false, ...(settings.serviceCidrs ? { serviceCidrs: settings.serviceCidrs } : {}) });
    unresolved = unresolvedLeftOpen(scanned.value.unresolved, links, scanned.value.links);
    // so does the cluster DNS Service a manifest names: DNS is the DNS rule's, never a link of the file
    dnsUses = scanned.value.dns;
    // and a workload's pods calling each other, merged with the file's own self links (one rule each way)
    links = mergeLinks(links, selfLinks(scanned.value.self));
  } else {
    const scanned = scanTopology(load.cluster, { values, ...(settings.serviceCidrs ? { serviceCidrs: settings.serviceCidrs } : {}) });
    // a workload's pods calling each other get rules as any link (no same-workload allowance in Kubernetes)
    links = [...scanned.value.links, ...selfLinks(scanned.value.self)];
    unresolved = scanned.value.unresolved;
    dnsUses = scanned.value.dns;
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
  // baseline rules: deny rules remove (parts of) links, allow rules add theirs; a rule file with errors writes nothing
  const families = request.options.ipFamilies ?? settings.ipFamilies;
  const mode = request.gapMode ?? 'deny';
  let ruleErrors = false;
  let baselineRules: RuleSet | undefined;
  // what the manifests (and traffic) tell, before a deny rule cuts it: a port whose caller is known
  // and forbidden is no gap (gaps.ts), as a caller the manifests name is no unknown
  const stated = links;
  if (request.baselineFiles && request.baselineFiles.length > 0) {
    const rules = readRuleFiles(io, request.baselineFiles);
    appendAll(all, rules.diagnostics);
    ruleErrors = rules.diagnostics.some((d) => d.severity === 'error');
    baselineRules = rules.rules;
    // every outside address in each family of the cluster first, so that a deny on part of IPv6's space applies to it
    const applied = applyBaselineToLinks(load.cluster, inEveryFamily(links, families), rules.rules, settings.ipFamilies);
    links = applied.links;
    appendAll(all, applied.diagnostics);
  }
  // gaps are what neither the manifests nor the observed traffic tell
  const gaps = findGaps(load.cluster, { links: links === stated ? links : [...stated, ...links], unresolved });
  // a closure never opens what a deny rule forbids: one that would is written as the links it opens, cut (see cutClosures)
  let closedWhole = gaps;
  if (baselineRules && mode !== 'deny') {
    const cut = cutClosures(load.cluster, gaps, mode, baselineRules, families);
    appendAll(all, cut.diagnostics);
    closedWhole = cut.whole;
    links = [...links, ...cut.links];
  }
  let options: SynthesisOptions = { ...request.options, dnsClients: dnsUsesByWorkload(dnsUses), ipFamilies: families, gaps: { mode, list: closedWhole }, ...(baselineRules ? { linksInEveryFamily: true } : {}) };
  // --no-ports writes peer-only rules, which would open what a deny rule forbids between the same pair: those keep their ports
  if (baselineRules && request.options.noPorts) options = { ...options, portsKept: pairsWithDenials(load.cluster, links, baselineRules) };
  let skipped: { workload: string; by: string }[] = [];
  if (request.existing !== undefined) {
    const existing = loadInputs(io, [request.existing], settings);
    appendAll(all, existing.diagnostics);
    const sel = existingSelections(load.cluster, existing.load.cluster.objects);
    appendAll(all, sel.diagnostics);
    options = { ...options, skip: sel.skip };
    skipped = [...sel.skip].map(([workload, by]) => ({ workload, by }));
  }
  appendAll(all, unknownPresets(options.presets ?? [], load.cluster));
  const result = synthesizePolicies(load.cluster, links, options);
  appendAll(all, result.diagnostics);
  if (request.checkSelectors) appendAll(all, checkSelectors(load.cluster, result.value.policies, options));
  // a links or rule file with errors must not produce policies from what was left of it
  const refused = ruleErrors || (request.linksFile !== undefined && all.some((d) => d.severity === 'error'));
  return { policies: result.value.policies, gaps, diagnostics: all, refused, skipped, ...(traffic ? { traffic } : {}) };
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
  io.writeFiles(files, target.kind === 'folder' ? { createFolders: true, inside: target.dir } : {});
  return files;
}

export { layoutPolicies };

/** The links (linkKey) between a pair some deny rule covers, on any connections. */
function pairsWithDenials(cluster: Cluster, links: readonly Link[], rules: RuleSet): Set<string> {
  const matcher = new RuleMatcher(cluster);
  const deny = rules.rules.filter((r) => r.action === 'deny');
  return new Set(links.filter((l) => deny.some((r) => matcher.pair(r, l.src, l.dst) !== undefined)).map(linkKey));
}
