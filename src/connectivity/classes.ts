import { NAMESPACE_NAME_LABEL, workloadKey, type Cluster, type ContainerPort, type WorkloadRef } from '../manifests/cluster.js';
import type { LabelSelector } from '../manifests/schemas.js';
import type { NamespaceMatch } from './policy.js';
import { isEmptySelector, labelsKey, selectorImplies, selectorKey, selectorMatcher, selectorMatches, type Labels } from './selector.js';

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
  /**
   * The simulated ingress controller: a source only, never a destination; the subject of admin
   * and baseline policies whose subject selectors match it (they apply to every pod, the real
   * controller's included), of no NetworkPolicy (none lives in its namespace).
   */
  readonly ingressController: boolean;
  /** Set for a hypothetical pod of exposure analysis: the set of pods it stands for. */
  readonly represents?: RepresentedPods;
}

/**
 * What a hypothetical pod of exposure analysis stands for: every pod its selectors match. Its own
 * labels are one witness of that set; a rule peer matches it only if the peer matches every pod of
 * the set (selector containment), so that what it is granted holds for all of them, as
 * netpol-analyzer's representative peers do.
 */
export interface RepresentedPods {
  readonly pods: LabelSelector;
  /** The selector of the namespaces; undefined when the pods are in the pod's own namespace. */
  readonly namespaces?: LabelSelector;
}

function representedWithin(r: RepresentedPods, ns: NamespaceMatch, pods: LabelSelector): boolean {
  if (!selectorImplies(r.pods, pods)) return false;
  if (r.namespaces === undefined) return true; // a concrete namespace: the witness's check is exact
  return selectorImplies(r.namespaces, ns.kind === 'named' ? { matchLabels: { [NAMESPACE_NAME_LABEL]: ns.name } } : ns.selector);
}

export const INGRESS_CONTROLLER_NAMESPACE = '{ingress-controller}';

/** Where the ingress controller's pods run, when the user says (`--ingress-controller namespace=NS,label=value`). */
export interface IngressControllerPlace {
  readonly namespace?: string;
  readonly podLabels?: Labels;
}

export class PodClasses {
  readonly all: PodClass[] = [];
  /** The classes of each workload's pods, by the cluster's WorkloadRef object (no key strings built). */
  private readonly byRef = new Map<WorkloadRef, PodClass[]>();
  private byKeyString: Map<string, PodClass[]> | undefined;
  private readonly byNamespace = new Map<string, number[]>();
  /** `key=value` -> ids. */
  private readonly byLabel = new Map<string, number[]>();
  /** namespace -> `key=value` -> ids: a selector of one namespace visits only that namespace's classes. */
  private readonly byNamespaceLabel = new Map<string, Map<string, number[]>>();
  private readonly byKey = new Map<string, number[]>();
  private readonly cache = new Map<string, readonly number[]>();
  private readonly namespaceLabels: ReadonlyMap<string, Labels>;

  private readonly hasRepresentatives: boolean;

  constructor(cluster: Cluster, withIngressController: boolean, representatives?: ReadonlyMap<WorkloadRef, RepresentedPods>, ingressControllerAt?: IngressControllerPlace) {
    this.hasRepresentatives = (representatives?.size ?? 0) > 0;
    const nsLabels = new Map<string, Labels>();
    for (const ns of cluster.namespaces.values()) nsLabels.set(ns.name, ns.labels);
    // The ingress controller is an unlabelled pod in a namespace of its own, which no selector
    // names; like every namespace it carries its name label (so `kubernetes.io/metadata.name
    // NotIn (...)` or `Exists` match it, and `DoesNotExist` does not). Where the user says it runs,
    // it is a pod of that namespace (with that namespace's labels, when the manifests define it)
    // and of those labels: the rules synthesize writes for it there admit it.
    const icNamespace = ingressControllerAt?.namespace ?? INGRESS_CONTROLLER_NAMESPACE;
    if (withIngressController && !nsLabels.has(icNamespace)) nsLabels.set(icNamespace, { [NAMESPACE_NAME_LABEL]: icNamespace });
    this.namespaceLabels = nsLabels;
    const index = new Map<string, PodClass>();
    for (const w of cluster.workloads) {
      const classes: PodClass[] = [];
      const represents = representatives?.get(w.ref);
      for (const pod of w.pods) {
        let sig = `${w.ref.namespace}\u0000${labelsKey(pod.labels)}\u0000${pod.ports.map((p) => `${p.name ?? ''}:${p.port}/${p.protocol}`).join(',')}`;
        // a representative is a class of its own: two may share a witness but not what they stand for
        if (represents) sig += `\u0000${workloadKey(w.ref)}`;
        let cls = index.get(sig);
        if (!cls) {
          cls = this.add(w.ref.namespace, pod.labels, pod.ports, false, represents);
          index.set(sig, cls);
        }
        // a workload's pods are met one after another: it is already listed only if it is the last one
        if (cls.workloads[cls.workloads.length - 1] !== w.ref) cls.workloads.push(w.ref);
        if (!classes.includes(cls)) classes.push(cls);
      }
      this.byRef.set(w.ref, classes);
    }
    if (withIngressController) this.add(icNamespace, ingressControllerAt?.podLabels ?? {}, [], true);
  }

  /** The classes of a workload of the cluster (by its WorkloadRef object). */
  classesOf(ref: WorkloadRef): readonly PodClass[] {
    return this.byRef.get(ref) ?? [];
  }

  /** workloadKey -> the classes of its pods (built on first use: the evaluation goes by ref). */
  get byWorkload(): ReadonlyMap<string, PodClass[]> {
    if (!this.byKeyString) {
      this.byKeyString = new Map();
      for (const [ref, classes] of this.byRef) this.byKeyString.set(workloadKey(ref), classes);
    }
    return this.byKeyString;
  }

  get ingressController(): PodClass | undefined {
    const last = this.all[this.all.length - 1];
    return last?.ingressController ? last : undefined;
  }

  private add(namespace: string, labels: Labels, ports: readonly ContainerPort[], ingressController: boolean, represents?: RepresentedPods): PodClass {
    const cls: PodClass = {
      id: this.all.length,
      namespace,
      namespaceLabels: this.namespaceLabels.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace },
      labels,
      ports,
      workloads: [],
      ingressController,
      ...(represents ? { represents } : {}),
    };
    this.all.push(cls);
    push(this.byNamespace, namespace, cls.id);
    for (const k of Object.keys(labels)) {
      const label = `${k}=${labels[k]}`;
      push(this.byLabel, label, cls.id);
      let inNamespace = this.byNamespaceLabel.get(namespace);
      if (!inNamespace) this.byNamespaceLabel.set(namespace, (inNamespace = new Map()));
      push(inNamespace, label, cls.id);
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

  /** `namespaces(match)` as a set, by the match's key: one set per distinct match, not one per rule. */
  private readonly namespaceSets = new Map<string, ReadonlySet<string>>();

  private namespaceSet(match: NamespaceMatch, key: string): ReadonlySet<string> {
    let set = this.namespaceSets.get(key);
    if (!set) this.namespaceSets.set(key, (set = new Set(this.namespaces(match))));
    return set;
  }

  /**
   * Ids (ascending) of the classes whose pods a namespace match plus pod selector select; memoised.
   * `asPeer`: the match is a rule's peer, which matches a representative class only if it matches
   * every pod the class stands for; a policy's subject selects it by its witness labels.
   */
  select(ns: NamespaceMatch, pods: LabelSelector, asPeer = false): readonly number[] {
    const nsKey = ns.kind === 'named' ? `=${ns.name}` : `~${selectorKey(ns.selector)}`;
    const peerOfRepresentatives = asPeer && this.hasRepresentatives;
    const key = `${nsKey}\u0000${selectorKey(pods)}${peerOfRepresentatives ? '\u0000peer' : ''}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const namespaces = this.namespaceSet(ns, nsKey);
    let candidates: readonly number[];
    const keyed = (pods.matchExpressions ?? []).find((e) => e.operator === 'Exists' || e.operator === 'In');
    // the rarest label of matchLabels (the first of the rarest), with its classes
    let rarest: string | undefined;
    let global: readonly number[] = [];
    const matchLabels = pods.matchLabels ?? {};
    for (const k of Object.keys(matchLabels)) {
      const label = `${k}=${matchLabels[k]}`;
      const ids = this.byLabel.get(label) ?? [];
      if (rarest === undefined || ids.length < global.length) {
        rarest = label;
        global = ids;
      }
    }
    if (rarest !== undefined) {
      // when the namespaces are fewer than the label's classes, only theirs are visited
      if (namespaces.size < global.length) {
        const inNamespaces: number[] = [];
        for (const n of namespaces) for (const id of this.byNamespaceLabel.get(n)?.get(rarest) ?? []) inNamespaces.push(id);
        if (namespaces.size > 1) inNamespaces.sort((a, b) => a - b);
        candidates = inNamespaces;
      } else candidates = global;
    } else if (keyed) {
      candidates = this.byKey.get(keyed.key) ?? [];
    } else {
      const inNamespaces: number[] = [];
      for (const n of namespaces) for (const id of this.byNamespace.get(n) ?? []) inNamespaces.push(id);
      candidates = inNamespaces.sort((a, b) => a - b);
    }
    const empty = isEmptySelector(pods);
    const matches = selectorMatcher(pods);
    const out = candidates.filter((id) => {
      const c = this.all[id] as PodClass;
      if (!(namespaces.has(c.namespace) && (empty || matches(c.labels)))) return false;
      // the witness matching is necessary (it is one of the pods represented), not sufficient
      return !(peerOfRepresentatives && c.represents) || representedWithin(c.represents, ns, pods);
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
