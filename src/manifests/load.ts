import { appendAll } from '../model/append.js';
import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildCluster, type Cluster } from './cluster.js';
import { parseManifestFile, type ManifestFile, type ParseCache, type ParsedDocument } from './documents.js';
import { readObjects, type K8sObject } from './objects.js';

export interface LoadResult {
  readonly cluster: Cluster;
  readonly diagnostics: readonly Diagnostic[];
  readonly documents: readonly ParsedDocument[];
}

export interface LoadOptions {
  /** The namespace of namespaced objects that name none (`kubectl apply -n`); default `default`. */
  readonly defaultNamespace?: string;
}

/** Kinds that live in no namespace (of those modelled). */
const CLUSTER_SCOPED = new Set(['Namespace', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy']);

/** The object with `metadata.namespace` set when it names none; a copy, since parsed objects are shared between runs. */
function inNamespace(o: K8sObject, namespace: string): K8sObject {
  if (CLUSTER_SCOPED.has(o.kind) || !('metadata' in o.object) || o.object.metadata.namespace) return o;
  return { ...o, object: { ...o.object, metadata: { ...o.object.metadata, namespace } } } as K8sObject;
}

/** Files (already read by the I/O shell) -> the cluster model, with every problem as a diagnostic. */
export function loadManifests(files: readonly ManifestFile[], cache?: ParseCache, options: LoadOptions = {}): LoadResult {
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
  const ns = options.defaultNamespace;
  const built = buildCluster(ns ? objects.objects.map((o) => inNamespace(o, ns)) : objects.objects);
  appendAll(diagnostics, built.diagnostics);
  return { cluster: built.cluster, diagnostics, documents };
}
