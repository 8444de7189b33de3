import { appendAll } from '../model/append.js';
import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildCluster, DEFAULT_NAMESPACE, type Cluster } from './cluster.js';
import type { ManifestFile, ParseCache, ParsedDocument } from './documents.js';
import { parseStoredOrFresh } from './parsed-store.js';
import { readObjects, type K8sObject } from './objects.js';
import { podTemplateWarnings } from './pod-templates.js';
import { renderedAt, withOrigins, type RenderOrigins } from './origins.js';

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
export function inNamespace(o: K8sObject, namespace: string): K8sObject {
  if (CLUSTER_SCOPED.has(o.kind) || !('metadata' in o.object) || o.object.metadata.namespace) return o;
  return { ...o, object: { ...o.object, metadata: { ...o.object.metadata, namespace } } } as K8sObject;
}

export interface ObjectsLoad {
  readonly objects: readonly K8sObject[];
  readonly documents: readonly ParsedDocument[];
  /** Parse and validation problems. */
  readonly diagnostics: Diagnostic[];
  /** One info diagnostic per kind netpol-ci does not model, with its count. */
  readonly skipped: readonly Diagnostic[];
  /** Where operators run pods the manifests do not hold (ObjectsResult.operatorNamespaces). */
  readonly operatorNamespaces: readonly (string | undefined)[];
}

/** Files -> typed objects (before any cluster is built), every problem a diagnostic. */
export function loadObjects(files: readonly ManifestFile[], cache?: ParseCache): ObjectsLoad {
  const diagnostics: Diagnostic[] = [];
  const documents: ParsedDocument[] = [];
  for (const f of files) {
    const r = parseStoredOrFresh(f, cache);
    // a rendered file's positions are translated to the files its documents came from
    appendAll(documents, f.origins ? withOrigins(r.documents, f.origins) : r.documents);
    appendAll(diagnostics, f.origins ? r.diagnostics.map((d) => (d.at ? { ...d, at: renderedAt(d.at, f.origins as RenderOrigins) } : d)) : r.diagnostics);
  }
  const objects = readObjects(documents, cache);
  appendAll(diagnostics, objects.diagnostics);
  appendAll(diagnostics, podTemplateWarnings(objects.objects));
  const skipped = [...objects.skippedKinds]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([kind, count]) => diag(Codes.skippedKind, 'info', `skipped ${count} ${kind} object${count === 1 ? '' : 's'} (kind not modelled)`));
  return { objects: objects.objects, documents, diagnostics, skipped, operatorNamespaces: objects.operatorNamespaces };
}

/** Files (already read by the I/O shell) -> the cluster model, with every problem as a diagnostic. */
export function loadManifests(files: readonly ManifestFile[], cache?: ParseCache, options: LoadOptions = {}): LoadResult {
  const loaded = loadObjects(files, cache);
  const diagnostics = [...loaded.diagnostics, ...loaded.skipped];
  const ns = options.defaultNamespace;
  const built = buildCluster(ns ? loaded.objects.map((o) => inNamespace(o, ns)) : loaded.objects);
  appendAll(diagnostics, built.diagnostics);
  const operated = loaded.operatorNamespaces.map((n) => n ?? ns ?? DEFAULT_NAMESPACE);
  const cluster = operated.length > 0 ? { ...built.cluster, operatorNamespaces: new Set(operated) } : built.cluster;
  return { cluster, diagnostics, documents: loaded.documents };
}
