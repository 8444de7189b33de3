import { appendAll } from '../model/append.js';
import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildCluster, type Cluster } from './cluster.js';
import { parseManifestFile, type ManifestFile, type ParseCache, type ParsedDocument } from './documents.js';
import { readObjects } from './objects.js';

export interface LoadResult {
  readonly cluster: Cluster;
  readonly diagnostics: readonly Diagnostic[];
  readonly documents: readonly ParsedDocument[];
}

/** Files (already read by the I/O shell) -> the cluster model, with every problem as a diagnostic. */
export function loadManifests(files: readonly ManifestFile[], cache?: ParseCache): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const documents: ParsedDocument[] = [];
  for (const f of files) {
    const r = parseManifestFile(f, cache);
    appendAll(documents, r.documents);
    appendAll(diagnostics, r.diagnostics);
  }
  const objects = readObjects(documents, cache);
  appendAll(diagnostics, objects.diagnostics);
  for (const [kind, count] of [...objects.skippedKinds].sort(([a], [b]) => (a < b ? -1 : 1))) {
    diagnostics.push(diag(Codes.skippedKind, 'info', `skipped ${count} ${kind} object${count === 1 ? '' : 's'} (kind not modelled)`));
  }
  const built = buildCluster(objects.objects);
  appendAll(diagnostics, built.diagnostics);
  return { cluster: built.cluster, diagnostics, documents };
}
