import jsYaml from 'js-yaml';
import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ManifestFile } from './documents.js';
import type { K8sObject } from './objects.js';

/**
 * Objects read from a live cluster (`kubectl get -o json`) or from a folder of exported manifests.
 * What differs from a repository: server-set fields (status, managedFields, uids) that mean nothing
 * to policies, finished pods, and ownership chains (Deployment -> ReplicaSet -> Pod, CronJob -> Job
 * -> Pod) that must fold into the workload the user knows, so that a Deployment and its
 * ReplicaSet are not two workloads.
 */

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const SERVER_METADATA = ['managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'generation', 'selfLink'];
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** A live object without what the server adds: what `kubectl get -o yaml` shows, minus noise. */
function clean(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...item };
  delete out.status;
  if (isRecord(item.metadata)) {
    const meta: Record<string, unknown> = { ...item.metadata };
    for (const k of SERVER_METADATA) delete meta[k];
    if (isRecord(meta.annotations)) {
      const annotations = { ...meta.annotations };
      delete annotations[LAST_APPLIED];
      if (Object.keys(annotations).length > 0) meta.annotations = annotations;
      else delete meta.annotations;
    }
    out.metadata = meta;
  }
  return out;
}

function finishedPod(item: Record<string, unknown>): boolean {
  const phase = isRecord(item.status) ? item.status.phase : undefined;
  return item.kind === 'Pod' && (phase === 'Succeeded' || phase === 'Failed');
}

/** The name a live object is shown by in reports: `cluster:NetworkPolicy/payments/web` (the source's label first). */
function liveName(label: string, item: Record<string, unknown>): string {
  const meta = isRecord(item.metadata) ? item.metadata : {};
  const ns = typeof meta.namespace === 'string' && meta.namespace ? `${meta.namespace}/` : '';
  return `${label}:${String(item.kind)}/${ns}${String(meta.name ?? '')}`;
}

/**
 * A `kubectl get -o json` answer (a List) as manifest files, one per object, each the object's
 * YAML so that findings point at a line of it. Finished pods are left out: they run nothing.
 */
export function liveFiles(listJson: string, label: string): { files: ManifestFile[]; diagnostics: Diagnostic[] } {
  let list: unknown;
  try {
    list = JSON.parse(listJson);
  } catch (e) {
    return { files: [], diagnostics: [diag(Codes.kubectlFailed, 'error', `kubectl printed something that is not JSON: ${(e as Error).message}`)] };
  }
  if (!isRecord(list) || !Array.isArray(list.items)) return { files: [], diagnostics: [diag(Codes.kubectlFailed, 'error', 'kubectl printed JSON that is not a List')] };
  const files: ManifestFile[] = [];
  for (const item of list.items) {
    if (!isRecord(item) || finishedPod(item)) continue;
    files.push({ path: liveName(label, item), text: jsYaml.dump(clean(item), { lineWidth: -1, noRefs: true, sortKeys: false }) });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics: [] };
}

const CONTROLLERS: Readonly<Record<string, readonly string[]>> = {
  // kind -> the owner kinds it folds into
  ReplicaSet: ['Deployment'],
  Job: ['CronJob'],
};

type Owner = { kind: string; name: string };

function controllerOf(o: K8sObject): Owner | undefined {
  const refs = o.object.metadata.ownerReferences ?? [];
  const r = refs.find((x) => x.controller) ?? refs[0];
  return r?.kind ? { kind: r.kind, name: r.name } : undefined;
}

/**
 * Folds ownership chains the way users name workloads: a ReplicaSet a Deployment owns, and a Job
 * a CronJob owns, disappear into their owner (when it was read), and their pods are re-parented
 * to it. Pods keep their live labels: what policies select is what is running, so a workload
 * whose pods were read is represented by its pods alone. Finished pods (from an export) are dropped.
 */
export function foldLiveOwners(objects: readonly K8sObject[]): K8sObject[] {
  const key = (kind: string, ns: string, name: string) => `${kind}\u0000${ns}\u0000${name}`;
  const present = new Map<string, K8sObject>();
  for (const o of objects) present.set(key(o.kind, o.object.metadata.namespace ?? '', o.object.metadata.name ?? ''), o);
  // the top owner of a (kind, ns, name), following folding controllers upwards
  const top = (kind: string, ns: string, name: string): Owner => {
    const self = present.get(key(kind, ns, name));
    const folds = CONTROLLERS[kind];
    if (!self || !folds) return { kind, name };
    const owner = controllerOf(self);
    if (!owner || !folds.includes(owner.kind) || !present.has(key(owner.kind, ns, owner.name))) return { kind, name };
    return top(owner.kind, ns, owner.name);
  };
  const out: K8sObject[] = [];
  for (const o of objects) {
    const ns = o.object.metadata.namespace ?? '';
    if (Object.hasOwn(CONTROLLERS, o.kind)) {
      const t = top(o.kind, ns, o.object.metadata.name ?? '');
      if (t.kind !== o.kind) continue;
    }
    if (o.kind === 'Pod') {
      const phase = (o.object as { status?: { phase?: unknown } }).status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      const owner = controllerOf(o);
      if (owner && Object.hasOwn(CONTROLLERS, owner.kind)) {
        const t = top(owner.kind, ns, owner.name);
        if (t.kind !== owner.kind) {
          const metadata = { ...o.object.metadata, ownerReferences: [{ kind: t.kind, name: t.name, controller: true }] };
          out.push({ ...o, object: { ...o.object, metadata } } as K8sObject);
          continue;
        }
      }
    }
    out.push(o);
  }
  // A workload whose pods were read is represented by them: their live labels (with the controller's
  // pod-template-hash and the like) are what policies select, and the template adds nothing.
  const withPods = new Set<string>();
  for (const o of out) {
    if (o.kind !== 'Pod') continue;
    const owner = controllerOf(o);
    if (owner) withPods.add(key(owner.kind, o.object.metadata.namespace ?? '', owner.name));
  }
  return out.filter((o) => o.kind === 'Pod' || !withPods.has(key(o.kind, o.object.metadata.namespace ?? '', o.object.metadata.name ?? '')));
}
