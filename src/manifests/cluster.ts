import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { K8sObject, ObjectOf, ObjectOrigin } from './objects.js';
import { originRef } from './objects.js';
import { POLICY_KINDS } from './api-groups.js';
import { cronJobPodLabels, jobPodLabels } from './job-labels.js';
import type { PodSpec } from './schemas.js';

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod'] as const;

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
export const DEFAULT_NAMESPACE = 'default';

export { workloadKey, type WorkloadRef } from '../model/peer.js';
import { workloadKey, type WorkloadRef } from '../model/peer.js';

export interface ContainerPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
}

/** A pod as policies see it: labels, namespace, declared ports. A workload has one per distinct template. */
export interface PodShape {
  readonly labels: Readonly<Record<string, string>>;
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
}

export interface Workload {
  readonly ref: WorkloadRef;
  readonly pods: readonly PodShape[];
  /** The pod template (or the first bare pod's spec), for scanning. */
  readonly spec: PodSpec | undefined;
  readonly origin: ObjectOrigin;
  /** YAML path of the pod spec inside the object (for provenance). */
  readonly specPath: readonly (string | number)[];
  /** The controller's own `spec.selector.matchLabels` (a ReplicationController's `spec.selector`): what it uses to own its pods. */
  readonly controllerSelector?: Readonly<Record<string, string>>;
}

/** `spec.selector.matchLabels` (or a ReplicationController's plain `spec.selector` map) when it is a non-empty map of strings. */
function controllerSelectorOf(spec: unknown, kind: string): Record<string, string> | undefined {
  const sel = (spec as { selector?: unknown } | null | undefined)?.selector;
  const map = kind === 'ReplicationController' ? sel : (sel as { matchLabels?: unknown } | null | undefined)?.matchLabels;
  if (!map || typeof map !== 'object' || Array.isArray(map)) return undefined;
  const entries = Object.entries(map as Record<string, unknown>);
  if (entries.length === 0 || !entries.every(([, v]) => typeof v === 'string')) return undefined;
  return Object.fromEntries(entries) as Record<string, string>;
}

export interface Namespace {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly declared: boolean;
}

export type ServiceObject = ObjectOf<'Service'> & { readonly origin: ObjectOrigin };

export interface Cluster {
  readonly namespaces: ReadonlyMap<string, Namespace>;
  readonly workloads: readonly Workload[];
  readonly objects: readonly K8sObject[];
  /** Namespaces where an operator runs pods the manifests do not hold (a custom resource with spec.replicas, NPC315): their labels are unknown here. */
  readonly operatorNamespaces?: ReadonlySet<string>;
}

function nsOf(meta: { namespace?: string | null | undefined }): string {
  return meta.namespace || DEFAULT_NAMESPACE;
}

/** Owner kinds that are workloads; a pod owned by anything else (a Node, for static pods) is its own workload. */
const OWNER_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob']);

function podShape(
  spec: PodSpec | null | undefined,
  labels: Record<string, string> | null | undefined,
  origin: ObjectOrigin,
  specPath: readonly (string | number)[],
  diagnostics: Diagnostic[],
): PodShape {
  const ports: ContainerPort[] = [];
  for (const field of ['containers', 'initContainers'] as const) {
    (spec?.[field] ?? []).forEach((c, ci) => {
      // A plain init container has run to completion before the app containers start: its ports
      // serve nothing and name nothing. A sidecar (an init container with restartPolicy: Always)
      // runs beside them. That is Kubernetes' own reading of a named port (FindPort,
      // pkg/api/v1/pod/util.go), for NetworkPolicy ports and Service targetPorts alike.
      const serves = field === 'containers' || c.restartPolicy === 'Always';
      (c.ports ?? []).forEach((p, pi) => {
        const n = p.containerPort;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 65535) {
          // Kubernetes rejects the object: an error; the rest of the workload is still analysed (so its
          // other connections are not hidden), without this entry, and the likely typo is named.
          const typo = Object.keys(p).find((k) => k !== 'containerPort' && k.toLowerCase() === 'containerport');
          diagnostics.push(
            diag(
              Codes.invalidField,
              // a value out of range is an error; a missing one (often a mistyped key) stays a warning, as
              // upstream corpora (netpol-analyzer's named-port test) rely on such manifests loading
              n === undefined ? 'warning' : 'error',
              `expected a port number 1-65535, got ${n === undefined ? 'nothing' : typeof n === 'object' && n !== null ? String(n) : JSON.stringify(n)}; this port entry is ignored`,
              originRef(origin, [...specPath, field, ci, 'ports', pi, 'containerPort']),
              typo ? `did you mean containerPort instead of ${typo}?` : undefined,
            ),
          );
          return;
        }
        if (!serves) return;
        const protocol = p.protocol ?? 'TCP';
        ports.push(p.name ? { name: p.name, port: n, protocol } : { port: n, protocol });
      });
    });
  }
  return { labels: { ...(labels ?? {}) }, ports, hostNetwork: spec?.hostNetwork === true };
}

function sameShape(a: PodShape, b: PodShape): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Builds the cluster model: namespaces (declared or implied, each carrying
 * kubernetes.io/metadata.name), and workloads, with pods folded into their owners.
 */
export function buildCluster(objects: readonly K8sObject[]): { cluster: Cluster; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const namespaces = new Map<string, Namespace>();
  const byKey = new Map<string, { ref: WorkloadRef; pods: PodShape[]; spec: PodSpec | undefined; origin: ObjectOrigin; specPath: (string | number)[]; controllerSelector?: Record<string, string> }>();

  const addWorkload = (ref: WorkloadRef, pod: PodShape, spec: PodSpec | undefined, origin: ObjectOrigin, specPath: (string | number)[], fromPod: boolean, controllerSelector?: Record<string, string>) => {
    const key = workloadKey(ref);
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, { ref, pods: [pod], spec, origin, specPath, ...(controllerSelector ? { controllerSelector } : {}) });
      return;
    }
    if (!fromPod) {
      diagnostics.push(diag(Codes.duplicateObject, 'warning', `${ref.kind} ${ref.namespace}/${ref.name} is defined more than once; definitions are merged`, originRef(origin)));
    }
    if (!existing.pods.some((p) => sameShape(p, pod))) {
      existing.pods.push(pod);
      if (fromPod) {
        diagnostics.push(
          diag(
            Codes.ownerLabelGap,
            'warning',
            `pods of ${key} differ in labels or ports; the workload's connectivity is the union of its pods'`,
            originRef(origin, ['metadata', 'labels']),
          ),
        );
      }
    }
  };

  // Each object created from a generateName is an object of its own (the API server adds a random
  // suffix): a second one of the same kind, namespace and generateName is told apart by a number.
  const nameOf = (meta: { name?: string | undefined; generateName?: string | undefined; namespace?: string | null | undefined }, kind: string): string => {
    if (meta.name !== undefined && meta.name !== '') return meta.name;
    const generated = meta.generateName ?? '';
    let name = generated;
    for (let n = 2; byKey.has(workloadKey({ namespace: nsOf(meta), name, kind })); n++) name = `${generated}${n}`;
    return name;
  };

  for (const o of objects) {
    switch (o.kind) {
      case 'Namespace': {
        const name = o.object.metadata.name ?? '';
        namespaces.set(name, { name, labels: { ...(o.object.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: name }, declared: true });
        break;
      }
      case 'Pod': {
        const meta = o.object.metadata;
        const owners = meta.ownerReferences ?? [];
        const candidate = owners.find((r) => r.controller) ?? owners[0];
        // an owner reference without a kind still groups the pods (netpol-analyzer shows them as [Pod])
        const owner = candidate && (!candidate.kind || OWNER_KINDS.has(candidate.kind)) ? candidate : undefined;
        const ref: WorkloadRef = owner
          ? { namespace: nsOf(meta), name: owner.name, kind: owner.kind || 'Pod' }
          : { namespace: nsOf(meta), name: meta.name ?? meta.generateName ?? '', kind: 'Pod' };
        addWorkload(ref, podShape(o.object.spec, meta.labels, o.origin, ['spec'], diagnostics), o.object.spec ?? undefined, o.origin, ['spec'], true);
        break;
      }
      case 'CronJob': {
        const meta = o.object.metadata;
        const tpl = o.object.spec?.jobTemplate?.spec?.template;
        addWorkload(
          { namespace: nsOf(meta), name: nameOf(meta, 'CronJob'), kind: 'CronJob' },
          podShape(tpl?.spec, cronJobPodLabels(o.object.spec?.jobTemplate?.spec, tpl?.metadata?.labels), o.origin, ['spec', 'jobTemplate', 'spec', 'template', 'spec'], diagnostics),
          tpl?.spec ?? undefined,
          o.origin,
          ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
          false,
        );
        break;
      }
      case 'Deployment':
      case 'StatefulSet':
      case 'DaemonSet':
      case 'ReplicaSet':
      case 'ReplicationController':
      case 'Job': {
        const meta = o.object.metadata;
        const tpl = o.object.spec?.template;
        // a Job's pods also carry the job-name labels the API server adds (job-labels.ts)
        const labels = o.kind === 'Job' ? jobPodLabels(o.object, tpl?.metadata?.labels) : tpl?.metadata?.labels;
        addWorkload(
          { namespace: nsOf(meta), name: nameOf(meta, o.kind), kind: o.kind },
          podShape(tpl?.spec, labels, o.origin, ['spec', 'template', 'spec'], diagnostics),
          tpl?.spec ?? undefined,
          o.origin,
          ['spec', 'template', 'spec'],
          false,
          controllerSelectorOf(o.object.spec, o.kind),
        );
        break;
      }
      default:
        break;
    }
  }
  warnDuplicatePolicies(objects, diagnostics);
  // Namespaces that workloads or namespaced objects live in exist even when not declared.
  const implied = (name: string) => {
    if (!namespaces.has(name)) namespaces.set(name, { name, labels: { [NAMESPACE_NAME_LABEL]: name }, declared: false });
  };
  for (const w of byKey.values()) implied(w.ref.namespace);
  for (const o of objects) {
    if (o.kind === 'Namespace' || o.kind === 'AdminNetworkPolicy' || o.kind === 'BaselineAdminNetworkPolicy' || o.kind === 'ClusterNetworkPolicy') continue;
    implied(nsOf(o.object.metadata));
  }
  // The NetworkPolicy API says so itself ("NetworkPolicy behavior for hostNetwork pods is
  // undefined"): say which reading the answer takes, once per workload, where it says hostNetwork.
  for (const w of byKey.values()) {
    if (!w.pods.some((p) => p.hostNetwork)) continue;
    diagnostics.push(
      diag(
        Codes.hostNetworkUndefined,
        'warning',
        `${workloadKey(w.ref)} runs on the host network: Kubernetes leaves NetworkPolicy for such pods undefined, and most network plugins ignore them in podSelector and namespaceSelector and see their traffic as their node's; analysed as pods on the pod network (as nca and netpol-analyzer do)`,
        originRef(w.origin, [...w.specPath, 'hostNetwork']),
      ),
    );
  }
  // sorted by workloadKey, each key built once (byKey holds them), not twice per comparison
  const workloads = [...byKey]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([, w]) => ({ ref: w.ref, pods: w.pods, spec: w.spec, origin: w.origin, specPath: w.specPath, ...(w.controllerSelector ? { controllerSelector: w.controllerSelector } : {}) }));
  return { cluster: { namespaces, workloads, objects }, diagnostics };
}


/**
 * Two policies of one kind, namespace and name (in two files, or a chart's and a plain copy) are
 * one object to the API server: the one applied last replaces the other. Both are analysed (which
 * one survives depends on the apply order), never silently: each later one gets a warning.
 */
function warnDuplicatePolicies(objects: readonly K8sObject[], diagnostics: Diagnostic[]): void {
  const first = new Map<string, ObjectOrigin>();
  for (const o of objects) {
    if (!POLICY_KINDS.has(o.kind)) continue;
    const meta = o.object.metadata as { name?: string; namespace?: string | null };
    const scoped = o.kind === 'NetworkPolicy' ? `${nsOf(meta)}/` : '';
    const key = `${o.kind} ${scoped}${meta.name ?? ''}`;
    const seen = first.get(key);
    if (!seen) {
      first.set(key, o.origin);
      continue;
    }
    const at = originRef(seen);
    diagnostics.push(diag(Codes.duplicateObject, 'warning', `${key} is defined more than once (first at ${at.file}${at.line ? `:${at.line}` : ''}); both are analysed, but the API server keeps only the one applied last`, originRef(o.origin, ['metadata', 'name'])));
  }
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
