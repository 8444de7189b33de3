import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Io } from '../io/types.js';
import type { Cluster } from '../manifests/cluster.js';
import { peerKey, workloadKey, type WorkloadRef } from '../model/peer.js';
import type { Link } from '../topology/links.js';
import { parseLinksFile } from '../topology/links-file.js';
import { mergeLinks } from '../topology/merge.js';
import { loadInputs } from './load.js';
import type { ReadSettings } from './settings.js';

export interface LinksOutcome {
  readonly links: readonly Link[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Several link lists (scan output, reviewed intent files) as one: one link per (src, dst), connections unioned, all provenance kept. */
export function runLinksMerge(io: Io, files: readonly string[], manifests: readonly string[], settings: ReadSettings): LinksOutcome {
  const lists: Link[][] = [];
  const diagnostics: Diagnostic[] = [];
  // with manifests, `ns/name` without its kind names the one workload of that name
  let workloads: WorkloadRef[] | undefined;
  let cluster: Cluster | undefined;
  if (manifests.length > 0) {
    const { load, diagnostics: loadDiagnostics } = loadInputs(io, manifests, settings);
    diagnostics.push(...loadDiagnostics);
    workloads = load.cluster.workloads.map((w) => w.ref);
    cluster = load.cluster;
  }
  for (const f of files) {
    // with manifests, `svc:ns/name` peers resolve as synthesize --links resolves them
    const r = parseLinksFile(f, io.readText(f, 'links file'), workloads, cluster);
    lists.push(r.links);
    diagnostics.push(...r.diagnostics);
  }
  return { links: mergeLinks(...lists), diagnostics };
}

/**
 * Checks a reviewed links file: its form (peers, connection sets; errors with file:line and
 * field), the same (src, dst) listed twice, and, with manifests, that every workload it names exists.
 */
export function runLinksValidate(io: Io, file: string, manifests: readonly string[], settings: ReadSettings): LinksOutcome {
  const diagnostics: Diagnostic[] = [];
  let workloads: Set<string> | undefined;
  let cluster: Cluster | undefined;
  if (manifests.length > 0) {
    const { load, diagnostics: loadDiagnostics } = loadInputs(io, manifests, settings);
    diagnostics.push(...loadDiagnostics);
    workloads = new Set(load.cluster.workloads.map((w) => workloadKey(w.ref)));
    cluster = load.cluster;
  }
  // the same reading as synthesize --links: `ns/name` and `svc:ns/name` peers resolve against the manifests
  const r = parseLinksFile(file, io.readText(file, 'links file'), cluster?.workloads.map((w) => w.ref), cluster);
  diagnostics.push(...r.diagnostics);
  const seen = new Map<string, number>();
  for (const l of r.links) {
    const at = l.evidence.find((e) => e.kind === 'intent')?.at ?? { file, doc: 1 };
    const key = `${peerKey(l.src)} => ${peerKey(l.dst)}`;
    const first = seen.get(key);
    if (first !== undefined) diagnostics.push(diag(Codes.linkDuplicate, 'warning', `${key} is listed again (first at line ${first}); the two are merged`, at));
    else seen.set(key, at.line ?? 0);
    if (!workloads) continue;
    for (const [field, p] of [
      ['src', l.src],
      ['dst', l.dst],
    ] as const) {
      if (p.kind === 'workload' && !workloads.has(workloadKey(p.ref))) diagnostics.push(diag(Codes.linkUnknownWorkload, 'error', `no workload ${workloadKey(p.ref)} in the manifests`, { ...at, path: [...(at.path ?? []), field] }));
    }
  }
  return { links: r.links, diagnostics };
}
