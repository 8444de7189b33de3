import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Codes, diag } from '../diagnostics/diagnostic.js';
import type { Cluster } from '../manifests/cluster.js';
import type { Io } from '../io/types.js';
import { parseCidrAliases, type CidrAlias } from '../topology/traffic/aliases.js';
import type { TrafficFormat } from '../topology/traffic/events.js';
import { observeTraffic } from '../topology/traffic/ingest.js';
import type { ObservedTraffic, TrafficUnresolved } from '../topology/traffic/resolve.js';
import { EMPTY_SNAPSHOT, readClusterSnapshot, type ClusterSnapshot } from '../topology/traffic/snapshot.js';
import type { ReadSettings } from './settings.js';

/** Observed traffic to read beside the manifests (`--traffic FILE...` and its companions). */
export interface TrafficRequest {
  readonly files: readonly string[];
  /** Force one format instead of detecting it from each line. */
  readonly format?: TrafficFormat;
  /** Exported pods, services, namespaces (and nodes): how addresses map to workloads. */
  readonly snapshotDir?: string;
  /** `name: CIDR | [CIDR...]`: outside addresses grouped into reviewed blocks. */
  readonly cidrAliases?: string;
}

/** Reads the traces (streaming), the snapshot and the aliases; resolves the traffic against the cluster. */
export function readTraffic(io: Io, cluster: Cluster, request: TrafficRequest, settings: ReadSettings): { value: ObservedTraffic; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let snapshot: ClusterSnapshot = EMPTY_SNAPSHOT;
  if (request.snapshotDir !== undefined) {
    const read = io.readManifests([request.snapshotDir], { maxFileBytes: settings.maxFileBytes });
    const r = readClusterSnapshot(read.files);
    snapshot = r.snapshot;
    diagnostics.push(...read.diagnostics.filter((d) => d.severity !== 'info'), ...r.diagnostics);
  }
  let aliases: CidrAlias[] = [];
  if (request.cidrAliases !== undefined) {
    const r = parseCidrAliases(request.cidrAliases, io.readText(request.cidrAliases, '--cidr-aliases'));
    aliases = r.aliases;
    diagnostics.push(...r.diagnostics);
  }
  const observed = observeTraffic(cluster, { files: request.files, ...(request.format ? { format: request.format } : {}), snapshot, aliases }, (file, onLine) =>
    io.forEachLine(file, '--traffic', onLine),
  );
  return { value: observed.value, diagnostics: [...diagnostics, ...observed.diagnostics] };
}

/** For a use-case that acts on links (synthesize): each unresolved observation is a warning, so nothing is dropped silently. */
export function unresolvedWarnings(unresolved: readonly TrafficUnresolved[]): Diagnostic[] {
  return unresolved.map((u) =>
    diag(Codes.trafficUnresolved, 'warning', `observed ${u.src} -> ${u.dst} : ${u.conns.toString()} (x${u.count}) is not allowed: ${u.detail}`, { file: u.file, doc: 0, line: u.line }, u.reason === 'external-address' ? 'name its block in --cidr-aliases, or add a reviewed link' : 'add the workload to the manifests, or a reviewed link'),
  );
}
