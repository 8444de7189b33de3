import { inNamespace, loadObjects } from '../manifests/load.js';
import { appendAll } from '../model/append.js';
import path from 'node:path';
import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigError } from '../diagnostics/errors.js';
import { PolicyEngine } from '../connectivity/engine.js';
import { computeRepoDrift, type RepoDrift } from '../drift/repo.js';
import { buildCluster, type Cluster } from '../manifests/cluster.js';
import { parseManifestFile, type ManifestFile } from '../manifests/documents.js';
import { originRef, readObjects, type K8sObject } from '../manifests/objects.js';
import { ConnectionSet } from '../model/connection-set.js';
import { layoutPolicies } from '../synthesis/layout.js';
import { MANAGED_BY, MANAGED_BY_LABEL, synthesizePolicies, type NetworkPolicyManifest, type SynthesisOptions } from '../synthesis/synthesize.js';
import { dnsUsesByWorkload, evidenceText, selfLinks, type Evidence, type Link } from '../topology/links.js';
import { findGaps, type Gap } from '../topology/gaps.js';
import { parseLinksFile } from '../topology/links-file.js';
import { unresolvedLeftOpen } from '../topology/reviewed-gaps.js';
import { gapLinks, type GapMode } from '../synthesis/gap-rules.js';
import { inEveryFamily, otherFamilyCopies } from '../synthesis/everywhere.js';
import { applyBaselineToLinks } from '../baseline/synthesis.js';
import { cutClosures } from '../baseline/closures.js';
import type { RuleSet } from '../baseline/rules.js';
import { readRuleFiles } from './baseline.js';
import { peerKey, workloadKey } from '../model/peer.js';
import { linkKey } from '../connectivity/needs.js';
import { scanTopology } from '../topology/scan.js';
import type { Io } from '../io/types.js';
import { engineOptions, type ReadSettings } from './settings.js';
import { readInputs } from './load.js';
import { readTraffic, unresolvedWarnings, type TrafficRequest } from './traffic.js';

import { POLICY_KINDS } from '../manifests/api-groups.js';
import { isRenderedName } from '../manifests/rendered-name.js';

export { runClusterDrift, type ClusterDriftOutcome, type ClusterDriftRequest } from './cluster-drift.js';

/**
 * What committed policies are judged against besides the manifests: the choices `synthesize` was
 * given. `verify` and the drift gate of `check` take the same basis (the CLI's drift options, the
 * Actions' drift inputs), so policies that verify clean never show as drift in the PR check.
 */
export interface DriftBasis {
  /**
   * DNS (namespace, pod labels, port), `noPorts` (peer-only rules: a needed pair may be allowed on
   * every connection) and what `--fix` writes; the synthesizer's options.
   */
  readonly synthesis: SynthesisOptions;
  /**
   * A reviewed links file (`--links`): the needs are its links instead of the scan's, as for
   * `synthesize --links`; a scanned link it does not cover is warned about (NPC250), never dropped in silence.
   */
  readonly linksFile?: string;
  /** How the policies close gaps (`--gaps`, as for `synthesize`): what the closures open is needed, and `--fix` writes them. */
  readonly gapMode?: GapMode;
  /**
   * Baseline rule files the policies were synthesized with (`synthesize --baseline`): what a deny
   * rule forbids is not needed (the policies rightly block it; NPC103 says so), what an allow rule
   * names is, and a gap closure that crosses a deny rule is needed only as cut (baseline/closures.ts).
   */
  readonly baselineFiles?: readonly string[];
}

/** What committed policies were judged against, as reports show it (paths as the user gave them). */
export interface DriftJudgedAgainst {
  readonly policies: string;
  /** The reviewed links file that replaced the scan's links, when one was given. */
  readonly links?: string;
  /** How gaps were taken to be closed (`--gaps`): their closures are needed, not excess. */
  readonly gaps: GapMode;
  /** Peer-only rules (`--no-ports`): a needed pair may be allowed on every connection. */
  readonly noPorts: boolean;
  /** Baseline rule files applied to the needs, as `synthesize --baseline` applies them. */
  readonly baseline?: readonly string[];
}

/** The basis as reports name it: `policies` and `links` as the user wrote them (not as read, e.g. at head). */
export function judgedAgainst(policies: string, basis: DriftBasis, links = basis.linksFile): DriftJudgedAgainst {
  return { policies, ...(links !== undefined ? { links } : {}), gaps: basis.gapMode ?? 'deny', noPorts: basis.synthesis.noPorts === true, ...(basis.baselineFiles?.length ? { baseline: basis.baselineFiles } : {}) };
}

export interface RepoDriftRequest extends DriftBasis {
  /** The application's manifests (charts and overlays rendered). Policies found here outside `policies` are ignored (warned). */
  readonly paths: readonly string[];
  /** The folder of committed policies. */
  readonly policies: string;
  /** Needs beyond what scan finds (traffic links, reviewed intent); added to the scanned links. */
  readonly extraNeeds?: readonly Link[];
  /** Observed traffic: its links are needs too (a policy that blocks observed traffic is drift `missing`). */
  readonly traffic?: TrafficRequest;
}

export interface RepoDriftOutcome {
  readonly drift: RepoDrift;
  readonly diagnostics: readonly Diagnostic[];
}

/** A file `--fix` wrote or removed, with its text before and after ('' when absent). */
export interface FixedFile {
  readonly path: string;
  readonly action: 'created' | 'updated' | 'removed' | 'unchanged';
  readonly before: string;
  readonly after: string;
}

export interface FixOutcome {
  readonly files: readonly FixedFile[];
  /** Files under the policies folder with policies not written by netpol-ci: kept as they are. */
  readonly keptHandWritten: readonly string[];
  /** The drift left after the fix. */
  readonly after: RepoDriftOutcome;
}

function under(file: string, dir: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The inputs of a repo-drift comparison, loaded (see loadRepoDrift). */
export interface Loaded {
  readonly cluster: Cluster;
  /** The application's objects only (no policies, no DNS probe): what `--fix` synthesizes for. */
  readonly appObjects: readonly K8sObject[];
  readonly probes: ReadonlySet<string>;
  readonly policyFiles: readonly ManifestFile[];
  readonly diagnostics: Diagnostic[];
  readonly values: ReturnType<Io['readManifests']>['values'];
  /** The reviewed links of `linksFile`, read (see prepareRepoDrift). */
  readonly reviewed?: readonly Link[];
  /** The rules of `baselineFiles`, read (see prepareRepoDrift). */
  readonly rules?: RuleSet;
  /** The Service networks (`--service-cidr`), for the scan (ScanOptions.serviceCidrs). */
  readonly serviceCidrs?: ReadSettings['serviceCidrs'];
}

/** Where DNS runs, when the manifests do not hold it: a stand-in pod, only checked as a destination of DNS. */
export function dnsProbe(dns: SynthesisOptions['dns'], port: number): ManifestFile {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'dns', namespace: dns.namespace, labels: { ...dns.podLabels } },
    spec: { containers: [{ name: 'dns', ports: [{ containerPort: port, protocol: 'UDP' }, { containerPort: port, protocol: 'TCP' }] }] },
  };
  return { path: '(assumed DNS pods)', text: JSON.stringify(pod) };
}

/**
 * The files' objects; their problems (and, here, the kinds not modelled) go to `diagnostics`; those
 * that name no namespace are placed in `namespace` (--namespace, as `kubectl apply -n`), when given.
 */
function objectsOf(files: readonly ManifestFile[], diagnostics: Diagnostic[], namespace?: string): readonly K8sObject[] {
  const r = loadObjects(files);
  appendAll(diagnostics, r.diagnostics);
  appendAll(diagnostics, r.skipped);
  return namespace ? r.objects.map((o) => inNamespace(o, namespace)) : r.objects;
}

/** The application's workloads from `paths`, the policies from the policies folder only, and a DNS stand-in when needed. */
export function loadRepoDrift(io: Io, request: RepoDriftRequest, settings: ReadSettings): Loaded {
  if (!io.isDirectory(request.policies)) throw new ConfigError(`--policies ${request.policies}: not a folder`);
  // read as every other command reads (a chart without a namespace of its own rendered in --namespace)
  const read = readInputs(io, [...request.paths, request.policies], settings);
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const policyFiles = read.files.filter((f) => under(f.path, request.policies));
  const appFiles = read.files.filter((f) => !under(f.path, request.policies));
  const appObjects: K8sObject[] = [];
  // one warning per file (at its first policy): an app folder may hold thousands of policies
  const outside = new Map<string, { first: K8sObject; count: number }>();
  for (const o of objectsOf(appFiles, diagnostics, settings.namespace)) {
    if (!POLICY_KINDS.has(o.kind)) appObjects.push(o);
    else {
      const cur = outside.get(o.origin.document.file);
      if (cur) cur.count++;
      else outside.set(o.origin.document.file, { first: o, count: 1 });
    }
  }
  for (const { first, count } of outside.values()) {
    const what = count === 1 ? `${first.kind} ${first.object.metadata.name ?? ''} is` : `${count} policies (${first.kind} ${first.object.metadata.name ?? ''} and more) are`;
    diagnostics.push(diag(Codes.policyOutsideFolder, 'warning', `${what} outside --policies ${request.policies}; not part of the comparison`, originRef(first.origin)));
  }
  const policyObjects = objectsOf(policyFiles, diagnostics, settings.namespace).filter((o) => POLICY_KINDS.has(o.kind));
  const base = buildCluster([...appObjects, ...policyObjects]);
  diagnostics.push(...base.diagnostics);
  const dns = request.synthesis.dns;
  const hasDns = base.cluster.workloads.some((w) => w.ref.namespace === dns.namespace && w.pods.some((p) => Object.entries(dns.podLabels).every(([k, v]) => p.labels[k] === v)));
  const serviceCidrs = settings.serviceCidrs ? { serviceCidrs: settings.serviceCidrs } : {};
  if (hasDns) return { cluster: base.cluster, appObjects, probes: new Set(), policyFiles, diagnostics, values: read.values, ...serviceCidrs };
  const probeObjects = objectsOf([dnsProbe(dns, request.synthesis.dnsPort)], []);
  const withProbe = buildCluster([...appObjects, ...policyObjects, ...probeObjects]).cluster;
  const probes = new Set(withProbe.workloads.filter((w) => !base.cluster.workloads.some((b) => b.ref.kind === w.ref.kind && b.ref.name === w.ref.name && b.ref.namespace === w.ref.namespace)).map((w) => `${w.ref.namespace}/${w.ref.name}[${w.ref.kind}]`));
  return { cluster: withProbe, appObjects, probes, policyFiles, diagnostics, values: read.values, ...serviceCidrs };
}

/** The needs: the scan's links (or the reviewed ones), the extra needs, and what the gap closures open. */
interface Needs {
  /** The links as `synthesize` takes them (scanned or reviewed, plus extra needs). */
  readonly links: Link[];
  /** The gaps those links leave; and the needs the links imply: what the closures open (`gapMode`), every outside address in each family. */
  readonly gaps: readonly Gap[];
  readonly implied: readonly Link[];
  /** The workloads that name the cluster DNS Service (workloadKey -> where): they need DNS with no other egress too. */
  readonly dnsClients: ReadonlyMap<string, readonly Evidence[]>;
  readonly diagnostics: Diagnostic[];
}

function needsOf(loaded: Loaded, request: RepoDriftRequest): Needs {
  const scanned = scanTopology(loaded.cluster, { values: loaded.values, ...(loaded.serviceCidrs ? { serviceCidrs: loaded.serviceCidrs } : {}) });
  const diagnostics: Diagnostic[] = [...scanned.diagnostics];
  if (loaded.reviewed) appendAll(diagnostics, unreviewedLinks(scanned.value.links, loaded.reviewed, request.linksFile as string));
  // as synthesize: a links file replaces the scan's links, its unresolved addresses stay gaps unless it adds their link; gaps follow the extra needs too
  // and, as synthesize, a workload's pods calling each other (which a links file cannot state): an egress
  // need and a caller of its ports (no gap), never a pair to compare (repo drift skips self links)
  let links = [...(loaded.reviewed ?? scanned.value.links), ...selfLinks(scanned.value.self), ...(request.extraNeeds ?? [])];
  const families = request.synthesis.ipFamilies;
  const mode = request.gapMode ?? 'deny';
  const app = loaded.cluster.workloads.filter((w) => !loaded.probes.has(workloadKey(w.ref)));
  // as synthesize --baseline: every outside address in each family first, then deny rules remove and allow rules add
  // as synthesize: gaps are judged on what the manifests tell, before a deny rule cuts it
  const stated = links;
  if (loaded.rules) {
    const applied = applyBaselineToLinks(loaded.cluster, inEveryFamily(links, families), loaded.rules, families);
    links = applied.links;
    appendAll(diagnostics, applied.diagnostics);
  }
  // the DNS stand-in is no workload of the application: it has no gap to close
  let gaps = mode === 'deny' ? [] : findGaps(loaded.cluster, { links: links === stated ? links : [...stated, ...links], unresolved: loaded.reviewed ? unresolvedLeftOpen(scanned.value.unresolved, loaded.reviewed, scanned.value.links) : scanned.value.unresolved }).filter((g) => !loaded.probes.has(workloadKey(g.workload)));
  if (loaded.rules && gaps.length > 0) {
    // a closure that crosses a deny rule is needed only as cut, as synthesize writes it
    const cut = cutClosures({ ...loaded.cluster, workloads: app }, gaps, mode, loaded.rules, families ?? [4]);
    gaps = cut.whole;
    links = [...links, ...cut.links];
    appendAll(diagnostics, cut.diagnostics);
  }
  // every outside address (a LoadBalancer's clients) is needed in each of the cluster's families, as synthesize writes it
  const everywhere = loaded.rules ? [] : otherFamilyCopies(links, families);
  return { links, gaps, implied: [...gapLinks(app, gaps, mode, families), ...everywhere], dnsClients: dnsUsesByWorkload(scanned.value.dns), diagnostics };
}

/** A scanned link (or the part of it) that the reviewed links do not cover: the policies need not allow it, so say so. */
function unreviewedLinks(scanned: readonly Link[], reviewed: readonly Link[], file: string): Diagnostic[] {
  const covered = new Map<string, ConnectionSet>();
  for (const l of reviewed) {
    covered.set(linkKey(l), (covered.get(linkKey(l)) ?? ConnectionSet.NONE).union(l.conns));
  }
  const out: Diagnostic[] = [];
  for (const l of scanned) {
    const left = l.conns.subtract(covered.get(linkKey(l)) ?? ConnectionSet.NONE);
    if (left.isEmpty) continue;
    const first = l.evidence[0];
    out.push(
      diag(
        Codes.unreviewedLink,
        'warning',
        `${peerKey(l.src)} => ${peerKey(l.dst)} ${left.toString()} is stated by the manifests (${l.evidence.map(evidenceText).join('; ')}) but not in the reviewed links ${file}: the policies are not checked for it`,
        first && 'at' in first ? first.at : undefined,
        'add it to the links file (links merge), or drop it from the manifests',
      ),
    );
  }
  return out;
}

/**
 * Repo drift: what the committed policies (the `policies` folder) allow over the workloads of
 * `paths`, against what those manifests need (scan's links, DNS as the synthesizer adds it, and
 * `extraNeeds`). Semantic: reformatting, reordering or splitting policies is never drift.
 * Findings are `missing` (a need the policies block, with the link's provenance) and `excess` (a
 * connection allowed beyond the needs, with the rules that allow it). The PR check calls this.
 */
export function runRepoDrift(io: Io, request: RepoDriftRequest, settings: ReadSettings): RepoDriftOutcome {
  const prepared = prepareRepoDrift(io, request, settings);
  return repoDriftOf(prepared.loaded, prepared.request, settings);
}

/** The loaded inputs of repo drift with the request's traffic read into them: what the comparison and the fix plan share. */
export interface PreparedRepoDrift {
  readonly loaded: Loaded;
  readonly request: RepoDriftRequest;
}

/** Repo drift and, when there is some and a renderer is given, the policy files that would close it (what `verify --fix` writes). */
export interface JudgedRepoDrift {
  readonly outcome: RepoDriftOutcome;
  readonly fix?: RepoFixPlan;
}

/**
 * The drift gate as the PR check runs it: one load for the comparison and the fix plan (the same
 * files, reviewed links and traffic), judged on the same basis as `verify`.
 */
export function judgeRepoDrift(io: Io, request: RepoDriftRequest, settings: ReadSettings, render?: (ps: readonly NetworkPolicyManifest[]) => string): JudgedRepoDrift {
  const prepared = prepareRepoDrift(io, request, settings);
  const outcome = repoDriftOf(prepared.loaded, prepared.request, settings);
  const drifted = outcome.drift.missing.length > 0 || outcome.drift.excess.length > 0;
  return { outcome, ...(drifted && render ? { fix: planRepoFixOf(prepared, render) } : {}) };
}

/** Loads the inputs of repo drift once (the PR check compares and plans the fix on the same load). */
export function prepareRepoDrift(io: Io, request: RepoDriftRequest, settings: ReadSettings): PreparedRepoDrift {
  // the cluster's address families shape "every outside address" in the needs and in what --fix writes
  const req: RepoDriftRequest = { ...request, synthesis: { ...request.synthesis, ipFamilies: request.synthesis.ipFamilies ?? settings.ipFamilies } };
  return observedNeeds(io, baselineRules(io, reviewedNeeds(io, loadRepoDrift(io, req, settings), req), req), req, settings);
}

/** The request's baseline rule files read (their problems join the diagnostics: a rule file with errors is bad input). */
function baselineRules(io: Io, loaded: Loaded, request: RepoDriftRequest): Loaded {
  if (!request.baselineFiles?.length) return loaded;
  const read = readRuleFiles(io, request.baselineFiles);
  return { ...loaded, rules: read.rules, diagnostics: [...loaded.diagnostics, ...read.diagnostics] };
}

/** The request's reviewed links file read against the loaded workloads (its problems join the diagnostics). */
function reviewedNeeds(io: Io, loaded: Loaded, request: RepoDriftRequest): Loaded {
  if (request.linksFile === undefined) return loaded;
  const parsed = parseLinksFile(request.linksFile, io.readText(request.linksFile, '--links'), loaded.cluster.workloads.map((w) => w.ref), loaded.cluster);
  const diagnostics = [...loaded.diagnostics, ...parsed.diagnostics];
  // a link naming a workload the manifests lack is an error, as for synthesize --links: nothing to check it on
  const known = new Set(loaded.cluster.workloads.filter((w) => !loaded.probes.has(workloadKey(w.ref))).map((w) => workloadKey(w.ref)));
  const reviewed = parsed.links.filter((l) => {
    const unknown = [l.src, l.dst].find((p) => p.kind === 'workload' && !known.has(workloadKey(p.ref)));
    if (!unknown) return true;
    const intent = l.evidence.find((e) => e.kind === 'intent');
    diagnostics.push(diag(Codes.danglingReference, 'error', `link ${peerKey(l.src)} => ${peerKey(l.dst)} names ${peerKey(unknown)}, which is not in the manifests; link ignored`, intent?.kind === 'intent' ? intent.at : undefined));
    return false;
  });
  return { ...loaded, reviewed, diagnostics };
}

/**
 * The request's traffic read on the loaded cluster: its links become extra needs, its diagnostics
 * join the loaded ones, and each observation that resolves to no workload or alias is a warning
 * (it cannot be checked, so it is never dropped silently).
 */
function observedNeeds(io: Io, loaded: Loaded, request: RepoDriftRequest, settings: ReadSettings): { loaded: Loaded; request: RepoDriftRequest } {
  if (!request.traffic) return { loaded, request };
  const observed = readTraffic(io, loaded.cluster, request.traffic, settings);
  return {
    loaded: { ...loaded, diagnostics: [...loaded.diagnostics, ...observed.diagnostics, ...unresolvedWarnings(observed.value.unresolved)] },
    request: { ...request, extraNeeds: [...(request.extraNeeds ?? []), ...observed.value.links] },
  };
}

/** The comparison itself, on loaded inputs: scan, evaluate, compare (the bench times this apart from loading). */
export function repoDriftOf(loaded: Loaded, request: RepoDriftRequest, settings: ReadSettings): RepoDriftOutcome {
  const diagnostics = [...loaded.diagnostics];
  const needs = needsOf(loaded, request);
  diagnostics.push(...needs.diagnostics);
  const engine = new PolicyEngine(loaded.cluster, engineOptions(settings));
  diagnostics.push(...engine.diagnostics);
  const port = request.synthesis.dnsPort;
  const result = computeRepoDrift({
    engine,
    connectivity: engine.connectivity(),
    cluster: loaded.cluster,
    needs: [...needs.links, ...needs.implied],
    dns: { ...request.synthesis.dns, conns: ConnectionSet.port('UDP', port).union(ConnectionSet.port('TCP', port)) },
    dnsClients: needs.dnsClients,
    probes: loaded.probes,
    families: settings.ipFamilies,
    peerOnly: request.synthesis.noPorts === true,
  });
  diagnostics.push(...result.diagnostics);
  return { drift: result.value, diagnostics };
}

function isManagedPolicyFile(f: ManifestFile): boolean {
  const parsed = parseManifestFile(f);
  const objects = readObjects(parsed.documents).objects;
  if (parsed.documents.length === 0 || objects.length !== parsed.documents.length || parsed.diagnostics.length > 0) return false;
  return objects.every((o) => o.kind === 'NetworkPolicy' && o.object.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY);
}

/** What `--fix` would write: the synthesized layout against the folder's files, nothing written yet. */
export interface RepoFixPlan {
  readonly files: readonly FixedFile[];
  readonly writes: ReadonlyMap<string, string>;
  readonly removals: readonly string[];
  readonly keptHandWritten: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The policies that would close the drift, as file changes against the policies folder (one file
 * per namespace, as `synthesize --output DIR`): files that held only policies netpol-ci wrote and
 * that the new layout no longer has are removed, hand-written files are kept (and named).
 */
export function planRepoFix(io: Io, request: RepoDriftRequest, settings: ReadSettings, render: (ps: readonly NetworkPolicyManifest[]) => string): RepoFixPlan {
  return planRepoFixOf(prepareRepoDrift(io, request, settings), render);
}

/** The fix plan on inputs already loaded (see prepareRepoDrift). */
export function planRepoFixOf(prepared: PreparedRepoDrift, render: (ps: readonly NetworkPolicyManifest[]) => string): RepoFixPlan {
  // the prepared request carries the observed links as needs, so the policies written allow the traffic seen
  const { loaded, request } = prepared;
  const appCluster = buildCluster(loaded.appObjects).cluster;
  const needs = needsOf({ ...loaded, cluster: appCluster }, request);
  // the gaps closed as the request says, so that the fix keeps every opening the policies had to make
  const synthesized = synthesizePolicies(appCluster, needs.links, { ...request.synthesis, dnsClients: needs.dnsClients, gaps: { mode: request.gapMode ?? 'deny', list: needs.gaps }, ...(loaded.rules ? { linksInEveryFamily: true } : {}) });
  const layout = layoutPolicies(synthesized.value.policies, { kind: 'folder', dir: request.policies }, render);
  const existing = new Map(loaded.policyFiles.filter((f) => !isRenderedName(f.path)).map((f) => [path.resolve(f.path), f]));
  const files: FixedFile[] = [];
  const writes = new Map<string, string>();
  for (const [file, text] of layout) {
    const before = existing.get(path.resolve(file))?.text ?? '';
    files.push({ path: file, action: before === '' ? 'created' : before === text ? 'unchanged' : 'updated', before, after: text });
    if (before !== text) writes.set(file, text);
  }
  const written = new Set([...layout.keys()].map((f) => path.resolve(f)));
  const removals: string[] = [];
  const kept: string[] = [];
  for (const [abs, f] of existing) {
    if (written.has(abs)) continue;
    if (isManagedPolicyFile(f)) {
      removals.push(f.path);
      files.push({ path: f.path, action: 'removed', before: f.text, after: '' });
    } else kept.push(f.path);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, writes, removals, keptHandWritten: kept.sort(), diagnostics: synthesized.diagnostics };
}

/**
 * `verify --fix`: writes the synthesized policies that close the drift into the policies folder
 * (see planRepoFix), then verifies again.
 */
export function fixRepoDrift(io: Io, request: RepoDriftRequest, settings: ReadSettings, render: (ps: readonly NetworkPolicyManifest[]) => string): FixOutcome {
  const plan = planRepoFix(io, request, settings, render);
  io.writeFiles(plan.writes, { createFolders: true });
  io.removeFiles(plan.removals);
  const after = runRepoDrift(io, request, settings);
  return { files: plan.files, keptHandWritten: plan.keptHandWritten, after: { drift: after.drift, diagnostics: [...plan.diagnostics, ...after.diagnostics] } };
}
