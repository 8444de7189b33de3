import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Codes, diag } from '../diagnostics/diagnostic.js';
import type { Cluster } from '../manifests/cluster.js';
import type { Io } from '../io/types.js';
import { parseCidrAliases, type CidrAlias } from '../topology/traffic/aliases.js';
import type { TrafficFormat } from '../topology/traffic/events.js';
import { observeTraffic, trafficBasis, type TracePart, type TraceSplitter } from '../topology/traffic/ingest.js';
import { portableBasis, type ObservedTraffic, type TrafficUnresolved } from '../topology/traffic/resolve.js';
import type { TraceWorkerJob } from './traffic-worker.js';
import type { Connectivity } from '../connectivity/engine.js';
import { checkObserved, type ObservedCheck } from '../drift/observed.js';
import type { TrafficSummary } from '../topology/traffic/resolve.js';
import type { Peer } from '../model/peer.js';
import { EMPTY_SNAPSHOT, readClusterSnapshot, type ClusterSnapshot } from '../topology/traffic/snapshot.js';
import type { ReadSettings } from './settings.js';
import { clusterLabel, type LiveSource } from './live-source.js';
import { ConfigError } from '../diagnostics/errors.js';
import { compareStrings } from '../manifests/cluster.js';
import type { ManifestFile } from '../manifests/documents.js';

/** Observed traffic to read beside the manifests (`--traffic FILE...` and its companions). */
export interface TrafficRequest {
  readonly files: readonly string[];
  /** Force one format instead of detecting it from each line. */
  readonly format?: TrafficFormat;
  /** Exported pods, services, namespaces (and nodes): how addresses map to workloads. */
  readonly snapshotDir?: string;
  /** The live cluster (kubectl) as that snapshot, instead of a folder (`--cluster`). */
  readonly liveSnapshot?: Extract<LiveSource, { kind: 'kubectl' }>;
  /** `name: CIDR | [CIDR...]`: outside addresses grouped into reviewed blocks. */
  readonly cidrAliases?: string;
}

/** What the traces are resolved with: the snapshot and the aliases, read once per run (check resolves against both sides). */
export interface TrafficContext {
  readonly snapshot: ClusterSnapshot;
  readonly aliases: readonly CidrAlias[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads the snapshot (a folder, or the live cluster) and the aliases. */
export function readTrafficContext(io: Io, request: TrafficRequest, settings: ReadSettings): TrafficContext {
  const diagnostics: Diagnostic[] = [];
  let snapshot: ClusterSnapshot = EMPTY_SNAPSHOT;
  if (request.snapshotDir !== undefined) {
    const read = io.readManifests([request.snapshotDir], { maxFileBytes: settings.maxFileBytes });
    const r = readClusterSnapshot(read.files);
    snapshot = r.snapshot;
    diagnostics.push(...read.diagnostics.filter((d) => d.severity !== 'info'), ...r.diagnostics);
  } else if (request.liveSnapshot !== undefined) {
    const r = readLiveSnapshot(io, request.liveSnapshot);
    snapshot = r.snapshot;
    diagnostics.push(...r.diagnostics);
  }
  let aliases: CidrAlias[] = [];
  if (request.cidrAliases !== undefined) {
    const r = parseCidrAliases(request.cidrAliases, io.readText(request.cidrAliases, '--cidr-aliases'));
    aliases = r.aliases;
    diagnostics.push(...r.diagnostics);
  }
  return { snapshot, aliases, diagnostics };
}

/**
 * The live cluster's pods, Services and namespaces (all namespaces, or the given ones) and, when
 * the cluster serves them and the user may list them, its nodes, as `kubectl get -o json` prints
 * them: with their status, where pod IPs and host IPs live. Without nodes, the pods' host IPs
 * still name the nodes that kubelet probes come from.
 */
function readLiveSnapshot(io: Io, source: Extract<LiveSource, { kind: 'kubectl' }>): { snapshot: ClusterSnapshot; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const label = clusterLabel(source);
  const files: ManifestFile[] = [];
  const take = (what: string, json: string) => files.push({ path: `${label}:${what}`, text: json });
  take('namespaces', io.kubectlGet(source.target, ['namespaces']));
  if (source.namespaces === undefined) take('pods,services', io.kubectlGet(source.target, ['pods', 'services']));
  else for (const ns of [...source.namespaces].sort(compareStrings)) take(`pods,services -n ${ns}`, io.kubectlGet(source.target, ['pods', 'services'], ns));
  if (io.kubectlResources(source.target).resources.has('nodes')) {
    try {
      take('nodes', io.kubectlGet(source.target, ['nodes']));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      diagnostics.push(diag(Codes.snapshotIncomplete, 'warning', `nodes not read (${e.message}); kubelet probes are recognised by the pods' host IPs only`));
    }
  }
  const r = readClusterSnapshot(files);
  return { snapshot: r.snapshot, diagnostics: [...diagnostics, ...r.diagnostics] };
}

/** Reads the traces (streaming) and resolves them against the cluster, with the snapshot and aliases (read here unless given). */
export function readTraffic(io: Io, cluster: Cluster, request: TrafficRequest, settings: ReadSettings, context?: TrafficContext): { value: ObservedTraffic; diagnostics: Diagnostic[] } {
  const ctx = context ?? readTrafficContext(io, request, settings);
  const observed = observeTraffic(
    cluster,
    { files: request.files, ...(request.format ? { format: request.format } : {}), snapshot: ctx.snapshot, aliases: ctx.aliases },
    (file, onLine, range) => io.forEachLine(file, '--traffic', onLine, range),
    traceSplitter(io, cluster, request, ctx),
  );
  return { value: observed.value, diagnostics: [...(context ? [] : ctx.diagnostics), ...observed.diagnostics] };
}

/** How long the main thread waits for the trace worker's half before reading it itself (a worker that died never answers). */
const TRACE_WORKER_DEADLINE_MS = 10 * 60 * 1000;

/**
 * A large trace is read by two threads (io.traceCut says where to cut, or not to): the worker
 * reads the second half against a plain copy of what the resolver needs, while this thread reads
 * the first; observeTraffic merges them into what one read gives.
 */
function traceSplitter(io: Io, cluster: Cluster, request: TrafficRequest, ctx: TrafficContext): TraceSplitter | undefined {
  if (!io.traceCut || !io.startTraceWorker) return undefined;
  let basis: string | undefined;
  return (file) => {
    const cut = io.traceCut?.(file);
    if (cut === undefined) return undefined;
    basis ??= JSON.stringify(portableBasis(trafficBasis(cluster)));
    const job: TraceWorkerJob = { file, start: cut, basis, snapshot: ctx.snapshot, aliases: ctx.aliases, ...(request.format ? { format: request.format } : {}) };
    const worker = io.startTraceWorker?.(job, TRACE_WORKER_DEADLINE_MS);
    return worker ? { cut, collect: () => worker.collect() as TracePart | undefined } : undefined;
  };
}

/** For a use-case that acts on links (synthesize): each unresolved observation is a warning, so nothing is dropped silently. */
export function unresolvedWarnings(unresolved: readonly TrafficUnresolved[]): Diagnostic[] {
  return unresolved.map((u) =>
    diag(Codes.trafficUnresolved, 'warning', `observed ${u.src} -> ${u.dst} : ${u.conns.toString()} (x${u.count}) is not allowed: ${u.detail}`, { file: u.file, doc: 0, line: u.line }, u.reason === 'external-address' ? 'name its block in --cidr-aliases, or add a reviewed link' : 'add the workload to the manifests, or a reviewed link'),
  );
}

/** Cluster drift with `--traffic`: the observed links, checked against the repository's and the cluster's policies. */
export interface ClusterTraffic {
  readonly check: ObservedCheck;
  /** Observed links (source, destination) the trace resolved to, within the compared namespaces. */
  readonly links: number;
  /** Observed links with a workload outside the compared namespaces: not compared. */
  readonly outsideScope: number;
  readonly unresolved: readonly TrafficUnresolved[];
  readonly summary: TrafficSummary;
}

/**
 * The traces resolved against the live workloads (the cluster, or its export, is also the
 * snapshot that maps their addresses), each observed link checked against both sides' policies.
 * Every observation that resolves to nothing is a warning with its trace line: it cannot be
 * checked, so it is never dropped silently.
 */
export function checkTrafficAgainst(
  io: Io,
  cluster: Cluster,
  request: TrafficRequest,
  settings: ReadSettings,
  sides: { readonly repository: Connectivity; readonly cluster: Connectivity },
  scope?: ReadonlySet<string>,
): { traffic: ClusterTraffic; diagnostics: Diagnostic[] } {
  const observed = readTraffic(io, cluster, request, settings);
  // a link with a workload outside the compared namespaces is not compared (neither side holds it)
  const inScope = (p: Peer) => scope === undefined || p.kind !== 'workload' || scope.has(p.ref.namespace);
  const links = observed.value.links.filter((l) => inScope(l.src) && inScope(l.dst));
  const check = checkObserved(links, sides, settings.ipFamilies);
  const notChecked = check.notChecked.map((l) =>
    diag(Codes.needNotChecked, 'info', `observed ${l.src.kind === 'gateway' || l.dst.kind === 'gateway' ? 'through a Gateway' : 'towards the ingress controller'}: not checked against policies`, l.evidence[0]?.kind === 'trace' ? { file: l.evidence[0].file, doc: 0, line: l.evidence[0].line } : undefined),
  );
  return {
    traffic: { check, links: links.length, outsideScope: observed.value.links.length - links.length, unresolved: observed.value.unresolved, summary: observed.value.summary },
    diagnostics: [...observed.diagnostics, ...unresolvedWarnings(observed.value.unresolved), ...notChecked],
  };
}
