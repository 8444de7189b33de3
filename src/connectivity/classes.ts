import { NAMESPACE_NAME_LABEL, type Cluster, type ContainerPort, type WorkloadRef } from '../manifests/cluster.js';
import type { LabelSelector } from '../manifests/schemas.js';
import type { NamespaceMatch } from './policy.js';
import { isEmptySelector, labelsKey, selectorKey, selectorMatches, type Labels } from './selector.js';

/**
 * Equivalence classes of pods. Pods in one namespace with the same labels and the same declared
 * ports are selected by the same policies, matched by the same peers and resolve named ports the
 * same way, so the engine evaluates each class once instead of each pod.
 */
export interface PodClass {
  readonly id: number;
  readonly namespace: string;
  readonly namespaceLabels: Labels;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  /** The workloads with a pod in this class. */
  readonly workloads: WorkloadRef[];
  /** The simulated ingress controller: a source only, never a policy subject or destination. */
  readonly ingressController: boolean;
}

export const INGRESS_CONTROLLER_NAMESPACE = '{ingress-controller}';

export class PodClasses {
  readonly all: PodClass[] = [];
  /** workloadKey -> the classes of its pods */
  readonly byWorkload = new Map<string, PodClass[]>();
  private readonly byNamespace = new Map<string, number[]>();
  private readonly byLabel = new Map<string, number[]>();
  /** `namespace\0key=value` -> ids: a selector of one namespace visits only that namespace's classes. */
  private readonly byNamespaceLabel = new Map<string, number[]>();
  private readonly byKey = new Map<string, number[]>();
  private readonly cache = new Map<string, readonly number[]>();
  private readonly namespaceLabels: ReadonlyMap<string, Labels>;

  constructor(cluster: Cluster, withIngressController: boolean) {
    const nsLabels = new Map<string, Labels>();
    for (const ns of cluster.namespaces.values()) nsLabels.set(ns.name, ns.labels);
    // The ingress controller is an unlabelled pod in a namespace of its own, which no selector names.
    if (withIngressController) nsLabels.set(INGRESS_CONTROLLER_NAMESPACE, {});
    this.namespaceLabels = nsLabels;
    const index = new Map<string, PodClass>();
    for (const w of cluster.workloads) {
      const key = `${w.ref.namespace}/${w.ref.name}[${w.ref.kind}]`;
      const classes: PodClass[] = [];
      for (const pod of w.pods) {
        const sig = `${w.ref.namespace}\u0000${labelsKey(pod.labels)}\u0000${pod.ports.map((p) => `${p.name ?? ''}:${p.port}/${p.protocol}`).join(',')}`;
        let cls = index.get(sig);
        if (!cls) {
          cls = this.add(w.ref.namespace, pod.labels, pod.ports, false);
          index.set(sig, cls);
        }
        if (!cls.workloads.some((r) => r === w.ref)) cls.workloads.push(w.ref);
        if (!classes.includes(cls)) classes.push(cls);
      }
      this.byWorkload.set(key, classes);
    }
    if (withIngressController) this.add(INGRESS_CONTROLLER_NAMESPACE, {}, [], true);
  }

  get ingressController(): PodClass | undefined {
    const last = this.all[this.all.length - 1];
    return last?.ingressController ? last : undefined;
  }

  private add(namespace: string, labels: Labels, ports: readonly ContainerPort[], ingressController: boolean): PodClass {
    const cls: PodClass = {
      id: this.all.length,
      namespace,
      namespaceLabels: this.namespaceLabels.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace },
      labels,
      ports,
      workloads: [],
      ingressController,
    };
    this.all.push(cls);
    push(this.byNamespace, namespace, cls.id);
    for (const [k, v] of Object.entries(labels)) {
      push(this.byLabel, `${k}=${v}`, cls.id);
      push(this.byNamespaceLabel, `${namespace}\u0000${k}=${v}`, cls.id);
      push(this.byKey, k, cls.id);
    }
    return cls;
  }

  private readonly namespaceCache = new Map<string, string[]>();

  /** The namespaces a namespace match covers (memoised: many rules share a namespace selector). */
  namespaces(match: NamespaceMatch): string[] {
    if (match.kind === 'named') return this.namespaceLabels.has(match.name) ? [match.name] : [];
    const key = selectorKey(match.selector);
    let hit = this.namespaceCache.get(key);
    if (!hit) {
      hit = [...this.namespaceLabels.entries()].filter(([, labels]) => selectorMatches(match.selector, labels)).map(([name]) => name);
      this.namespaceCache.set(key, hit);
    }
    return hit;
  }

  /** Ids (ascending) of the classes whose pods a namespace match plus pod selector select; memoised. */
  select(ns: NamespaceMatch, pods: LabelSelector): readonly number[] {
    const key = `${ns.kind === 'named' ? `=${ns.name}` : `~${selectorKey(ns.selector)}`}\u0000${selectorKey(pods)}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const namespaces = new Set(this.namespaces(ns));
    let candidates: readonly number[];
    const pairs = Object.entries(pods.matchLabels ?? {});
    const keyed = (pods.matchExpressions ?? []).find((e) => e.operator === 'Exists' || e.operator === 'In');
    if (pairs.length > 0) {
      // the rarest label; when the namespaces are fewer than its classes, only theirs are visited
      const [k, v] = pairs.reduce((a, b) => ((this.byLabel.get(`${b[0]}=${b[1]}`)?.length ?? 0) < (this.byLabel.get(`${a[0]}=${a[1]}`)?.length ?? 0) ? b : a));
      const global = this.byLabel.get(`${k}=${v}`) ?? [];
      if (namespaces.size < global.length) {
        candidates = [...namespaces].flatMap((n) => this.byNamespaceLabel.get(`${n}\u0000${k}=${v}`) ?? []);
        if (namespaces.size > 1) candidates = [...candidates].sort((a, b) => a - b);
      } else candidates = global;
    } else if (keyed) {
      candidates = this.byKey.get(keyed.key) ?? [];
    } else {
      candidates = [...namespaces].flatMap((n) => this.byNamespace.get(n) ?? []).sort((a, b) => a - b);
    }
    const empty = isEmptySelector(pods);
    const out = candidates.filter((id) => {
      const c = this.all[id] as PodClass;
      return namespaces.has(c.namespace) && (empty || selectorMatches(pods, c.labels));
    });
    this.cache.set(key, out);
    return out;
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
