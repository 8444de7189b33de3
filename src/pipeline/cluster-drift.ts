import { inNamespace, loadObjects } from '../manifests/load.js';
import { appendAll } from '../model/append.js';
import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigError } from '../diagnostics/errors.js';
import { diffConnectivity, type ConnectivityDiff } from '../connectivity/diff.js';
import { PolicyEngine } from '../connectivity/engine.js';
import { explainDiff, type EntryExplanation } from '../connectivity/explain.js';
import { buildCluster, compareStrings, DEFAULT_NAMESPACE, type Cluster } from '../manifests/cluster.js';
import type { ManifestFile } from '../manifests/documents.js';
import { foldLiveOwners, liveFiles } from '../manifests/live.js';
import { originRef, type K8sObject } from '../manifests/objects.js';
import { POLICY_KINDS } from '../manifests/api-groups.js';
import type { Io } from '../io/types.js';
import { engineOptions, type ReadSettings } from './settings.js';
import { readInputs } from './load.js';
import { checkTrafficAgainst, type ClusterTraffic, type TrafficRequest } from './traffic.js';

import { clusterLabel, type LiveSource } from './live-source.js';

export type { LiveSource };

/** The policy kinds the engine models: what `--policies` holds, and what is taken only from there. */

/** Cluster-scoped resource types read once; the core ones must exist. */
const CLUSTER_SCOPED = ['namespaces', 'adminnetworkpolicies.policy.networking.k8s.io', 'baselineadminnetworkpolicies.policy.networking.k8s.io', 'clusternetworkpolicies.policy.networking.k8s.io'];
/** Namespaced resource types: workloads, what exposes them, what scan reads addresses from, and policies. */
const NAMESPACED = [
  'pods',
  'replicationcontrollers',
  'services',
  'configmaps',
  'deployments.apps',
  'statefulsets.apps',
  'daemonsets.apps',
  'replicasets.apps',
  'jobs.batch',
  'cronjobs.batch',
  'ingresses.networking.k8s.io',
  'networkpolicies.networking.k8s.io',
  'routes.route.openshift.io',
  'httproutes.gateway.networking.k8s.io',
  'grpcroutes.gateway.networking.k8s.io',
  'tcproutes.gateway.networking.k8s.io',
  'tlsroutes.gateway.networking.k8s.io',
  'udproutes.gateway.networking.k8s.io',
  // the endpoints of Services without a selector (mirrored from Endpoints), where scan finds their addresses
  'endpointslices.discovery.k8s.io',
];
const REQUIRED = ['namespaces', 'pods', 'networkpolicies.networking.k8s.io'];

export interface LiveObjects {
  readonly objects: readonly K8sObject[];
  /** `cluster` or `context NAME`, or the export folder: how the live side is labelled in reports. */
  readonly label: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** The files' objects; their problems go to `diagnostics`; a repository's objects that name no namespace placed in --namespace, when given. */
function objectsOf(files: readonly ManifestFile[], diagnostics: Diagnostic[], namespace?: string): readonly K8sObject[] {
  const r = loadObjects(files);
  appendAll(diagnostics, r.diagnostics);
  return namespace ? r.objects.map((o) => inNamespace(o, namespace)) : r.objects;
}

/**
 * Reads what is running: with kubectl, the types the cluster serves among those netpol-ci models
 * (`kubectl api-resources`, then `kubectl get ... -o json` for the cluster-scoped types once and
 * the namespaced ones in all namespaces or in each given one); or a folder of exported manifests.
 * Any kubectl failure is a ConfigError quoting kubectl: never an empty cluster.
 */
export function readLiveObjects(io: Io, source: LiveSource, settings: ReadSettings): LiveObjects {
  const diagnostics: Diagnostic[] = [];
  let files: ManifestFile[];
  let label: string;
  if (source.kind === 'export') {
    if (!io.isDirectory(source.dir)) throw new ConfigError(`--cluster-export ${source.dir}: not a folder`);
    const read = io.readManifests([source.dir], { maxFileBytes: settings.maxFileBytes, render: settings.render });
    diagnostics.push(...read.diagnostics);
    files = read.files;
    label = source.dir;
  } else {
    label = clusterLabel(source);
    const discovery = io.kubectlResources(source.target);
    const served = discovery.resources;
    if (discovery.warning) diagnostics.push(diag(Codes.kubectlFailed, 'warning', `kubectl api-resources: ${discovery.warning}; the other resource types are read`));
    const missing = REQUIRED.filter((r) => !served.has(r));
    if (missing.length > 0) throw new ConfigError(`the cluster does not serve ${missing.join(', ')} (kubectl api-resources); is this a Kubernetes API server?`);
    const clusterScoped = CLUSTER_SCOPED.filter((r) => served.has(r));
    const namespaced = NAMESPACED.filter((r) => served.has(r));
    files = [];
    const take = (json: string) => {
      const r = liveFiles(json, 'cluster');
      files.push(...r.files);
      diagnostics.push(...r.diagnostics);
    };
    take(io.kubectlGet(source.target, clusterScoped));
    if (source.namespaces === undefined) take(io.kubectlGet(source.target, namespaced));
    else for (const ns of [...source.namespaces].sort(compareStrings)) take(io.kubectlGet(source.target, namespaced, ns));
  }
  let objects = foldLiveOwners(objectsOf(files, diagnostics));
  // pods of one workload differ in a live cluster as a matter of course (StatefulSet pod names, two
  // ReplicaSets mid-rollout): worth knowing with --verbose, not a warning on every run
  if (source.kind === 'kubectl' && source.namespaces !== undefined) {
    const scope = new Set(source.namespaces);
    objects = objects.filter((o) => (o.kind === 'Namespace' ? scope.has(o.object.metadata.name ?? '') : true));
  }
  return { objects, label, diagnostics };
}

function liveSeverity(d: Diagnostic): Diagnostic {
  return d.code === Codes.ownerLabelGap ? { ...d, severity: 'info' } : d;
}

/** Live objects as a cluster model, for `connectivity --cluster` and `scan --cluster`. */
export function readLiveCluster(io: Io, source: LiveSource, settings: ReadSettings): { cluster: Cluster; label: string; diagnostics: Diagnostic[] } {
  const live = readLiveObjects(io, source, settings);
  const built = buildCluster(live.objects);
  return { cluster: built.cluster, label: live.label, diagnostics: [...live.diagnostics, ...built.diagnostics.map(liveSeverity)] };
}

export interface ClusterDriftRequest {
  readonly source: LiveSource;
  /** The repository's policies folder. */
  readonly policies: string;
  /**
   * Optional repository manifests: when given (and the source does not name namespaces), the
   * comparison covers the namespaces of their workloads only, so that kube-system and other
   * teams' namespaces are not reported as drift.
   */
  readonly paths?: readonly string[];
  /** Observed traffic, resolved against the live workloads and checked against both sides' policies. */
  readonly traffic?: TrafficRequest;
}

/** One policy's presence on each side: only in the repository (deleted or never applied), only in the cluster, or in both with different specs. */
export interface PolicyInventoryEntry {
  readonly policy: string;
  readonly state: 'repository-only' | 'cluster-only' | 'edited';
  readonly repository?: string;
  readonly cluster?: string;
}

export interface ClusterDriftOutcome {
  /** before = the repository's policies, after = the cluster's, over the live workloads. */
  readonly diff: ConnectivityDiff;
  readonly explanations: readonly EntryExplanation[];
  readonly refs: { readonly before: string; readonly after: string };
  readonly inventory: readonly PolicyInventoryEntry[];
  readonly namespaces: readonly string[] | 'all';
  readonly diagnostics: readonly Diagnostic[];
  /** With `traffic`: the observed links, and those either side's policies block. */
  readonly traffic?: ClusterTraffic;
}

function policyName(o: K8sObject): string {
  const ns = o.object.metadata.namespace;
  return `${o.kind} ${ns ? `${ns}/` : ''}${o.object.metadata.name ?? ''}`;
}

function isClusterScoped(o: K8sObject): boolean {
  return o.kind === 'AdminNetworkPolicy' || o.kind === 'BaselineAdminNetworkPolicy' || o.kind === 'ClusterNetworkPolicy';
}

/** Canonical JSON (sorted keys) of a policy's spec: two specs that say the same thing in another key order compare equal. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined && (v as Record<string, unknown>)[k] !== null)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function where(o: K8sObject): string {
  const at = originRef(o.origin);
  return at.line !== undefined ? `${at.file}:${at.line}` : at.file;
}

/**
 * Cluster drift: the connectivity the live cluster enforces against the connectivity the
 * repository's policies would give over the same (live) workloads. Deleted policies, hand edits,
 * partial rollouts and extra policies in the cluster all show as changed connections, each with
 * the verdict chains (the policies responsible) on both sides; the inventory says which policy
 * objects differ. A policy renamed or reformatted with the same effect is not drift.
 */
export function runClusterDrift(io: Io, request: ClusterDriftRequest, settings: ReadSettings): ClusterDriftOutcome {
  if (!io.isDirectory(request.policies)) throw new ConfigError(`--policies ${request.policies}: not a folder`);
  const diagnostics: Diagnostic[] = [];
  let scope: Set<string> | undefined;
  if (request.source.kind === 'kubectl' && request.source.namespaces) scope = new Set(request.source.namespaces);
  else if (request.paths && request.paths.length > 0) {
    const read = readInputs(io, request.paths, settings);
    diagnostics.push(...read.diagnostics);
    const repo = buildCluster(objectsOf(read.files, diagnostics, settings.namespace));
    scope = new Set(repo.cluster.workloads.map((w) => w.ref.namespace));
  }
  const live = readLiveObjects(io, request.source, settings);
  diagnostics.push(...live.diagnostics);
  const inScope = (o: K8sObject): boolean => {
    if (scope === undefined || isClusterScoped(o)) return true;
    if (o.kind === 'Namespace') return scope.has(o.object.metadata.name ?? '');
    return scope.has(o.object.metadata.namespace || DEFAULT_NAMESPACE);
  };
  const liveObjects = live.objects.filter(inScope);
  const read = readInputs(io, [request.policies], settings);
  diagnostics.push(...read.diagnostics);
  const repoPolicies: K8sObject[] = [];
  for (const o of objectsOf(read.files, diagnostics, settings.namespace)) {
    if (!POLICY_KINDS.has(o.kind)) continue;
    if (inScope(o)) repoPolicies.push(o);
    else diagnostics.push(diag(Codes.policyOutsideFolder, 'info', `${policyName(o)} is in a namespace outside the compared ones; left out`, originRef(o.origin)));
  }
  const liveNonPolicy = liveObjects.filter((o) => !POLICY_KINDS.has(o.kind));
  const repoCluster = buildCluster([...liveNonPolicy, ...repoPolicies]);
  const liveCluster = buildCluster(liveObjects);
  diagnostics.push(...liveCluster.diagnostics.map(liveSeverity));
  const repoEngine = new PolicyEngine(repoCluster.cluster, engineOptions(settings));
  const liveEngine = new PolicyEngine(liveCluster.cluster, engineOptions(settings));
  diagnostics.push(...repoEngine.diagnostics, ...liveEngine.diagnostics);
  const diff = diffConnectivity(repoEngine.connectivity(), liveEngine.connectivity());
  const explanations = explainDiff(repoEngine, liveEngine, diff);
  // the trace is resolved against every workload read (a pod of another namespace is known, not
  // unresolved), and only links within the compared namespaces are checked
  const traffic = request.traffic
    ? checkTrafficAgainst(io, scope ? buildCluster(live.objects).cluster : liveCluster.cluster, request.traffic, settings, { repository: repoEngine.connectivity(), cluster: liveEngine.connectivity() }, scope)
    : undefined;
  if (traffic) diagnostics.push(...traffic.diagnostics);
  return {
    ...(traffic ? { traffic: traffic.traffic } : {}),
    diff,
    explanations,
    refs: { before: 'repository', after: live.label },
    inventory: inventoryOf(repoPolicies, liveObjects.filter((o) => POLICY_KINDS.has(o.kind))),
    namespaces: scope ? [...scope].sort(compareStrings) : 'all',
    diagnostics,
  };
}

function inventoryOf(repo: readonly K8sObject[], live: readonly K8sObject[]): PolicyInventoryEntry[] {
  const byName = (list: readonly K8sObject[]) => new Map(list.map((o) => [policyName(o), o]));
  const a = byName(repo);
  const b = byName(live);
  const out: PolicyInventoryEntry[] = [];
  for (const [name, o] of a) {
    const l = b.get(name);
    if (!l) out.push({ policy: name, state: 'repository-only', repository: where(o) });
    else if (canonical((o.object as { spec?: unknown }).spec) !== canonical((l.object as { spec?: unknown }).spec)) out.push({ policy: name, state: 'edited', repository: where(o), cluster: where(l) });
  }
  for (const [name, o] of b) if (!a.has(name)) out.push({ policy: name, state: 'cluster-only', cluster: where(o) });
  return out.sort((x, y) => compareStrings(x.policy, y.policy));
}
