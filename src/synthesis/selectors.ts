import { compareStrings, workloadKey, type Workload } from '../manifests/cluster.js';
import { selectorMatches } from '../connectivity/selector.js';
import type { LabelSelector } from '../manifests/schemas.js';
import { JOB_NAME_LABELS, knownLabels } from '../manifests/job-labels.js';

const [LEGACY_JOB_NAME, MODERN_JOB_NAME] = JOB_NAME_LABELS;

export interface WorkloadSelector {
  /** A label selector as NetworkPolicy writes it (`matchLabels`, or `matchExpressions` for unlabelled pods). */
  readonly selector: LabelSelector;
  /** False when the selector also picks another workload's pods in the namespace. */
  readonly unique: boolean;
  /** The other workloads (`workloadKey`) whose pods the selector also picks. */
  readonly alsoMatches: readonly string[];
  /** Where the selector came from. */
  readonly source: 'controller' | 'identity' | 'labels';
}

/** Identity labels, in order of preference (a name alone, or name + instance). */
const IDENTITY: readonly (readonly string[])[] = [['app.kubernetes.io/name', 'app.kubernetes.io/instance'], ['app.kubernetes.io/name'], ['app'], ['k8s-app'], ['name']];

/** Labels that change with every rollout or version: never a selector on their own. */
const VOLATILE_KEYS = new Set(['pod-template-hash', 'controller-revision-hash', 'statefulset.kubernetes.io/pod-name', 'job-name', 'batch.kubernetes.io/job-name', 'controller-uid', 'batch.kubernetes.io/controller-uid']);
const VERSION_KEYS = new Set(['version', 'app.kubernetes.io/version', 'helm.sh/chart', 'chart', 'release', 'heritage']);

/** A Job's own job-name label (the API server sets it to the Job's name, manifests/job-labels.ts): fixed for that Job, so a selector like any written label. */
function ownJobName(w: Workload, key: string, value: string | undefined): boolean {
  return w.ref.kind === 'Job' && (JOB_NAME_LABELS as readonly string[]).includes(key) && value === w.ref.name;
}

function versionLike(key: string, value: string): boolean {
  return VERSION_KEYS.has(key) || /(^|[./-])version$/i.test(key) || /^v?\d+([.-]\d+)*([.-][a-z0-9]+)?$/i.test(value);
}

/**
 * The selector of a workload's synthesized policy, as the issue on real applications asks:
 *
 * 1. the controller's own `spec.selector.matchLabels`: the labels it uses to own its pods, stable
 *    across rollouts;
 * 2. else well-known identity labels (`app.kubernetes.io/name` + `app.kubernetes.io/instance`,
 *    `app.kubernetes.io/name`, `app`, `k8s-app`, `name`);
 * 3. else the smallest set of the pod-template labels that picks no other workload, never a
 *    lone version-like label (`version: v2` would also pick the next version's pods).
 *
 * When the choice of 1 or 2 also picks another workload's pods, it is narrowed with the fewest
 * further template labels that make it unique; if none do, with those that leave out the most other
 * workloads, `unique` is false and `alsoMatches` says which workloads still share it (the caller warns).
 */
export function chooseSelector(w: Workload, sameNamespace: readonly Workload[]): WorkloadSelector {
  // the labels the pods are known to carry: a value no manifest knows (a Job's UID) selects nothing
  const labels = knownLabels(w.pods[0]?.labels ?? {});
  const others = sameNamespace.filter((o) => o !== w);
  const matching = (sel: LabelSelector) => others.filter((o) => o.pods.some((p) => selectorMatches(sel, p.labels))).map((o) => workloadKey(o.ref));
  const result = (selector: LabelSelector, source: WorkloadSelector['source']): WorkloadSelector => {
    const alsoMatches = matching(selector).sort(compareStrings);
    return { selector, unique: alsoMatches.length === 0, alsoMatches, source };
  };
  if (Object.keys(labels).length === 0) {
    // Unlabelled pods are the ones that carry none of the keys the namespace's other pods use.
    // never a key a controller sets on the pods with a value per pod or per run (a CronJob's Jobs'
    // job-name, a Deployment's pod-template-hash): the workload's own pods carry it, and would be missed
    const used = [...new Set(others.flatMap((o) => o.pods.flatMap((p) => Object.keys(p.labels))))].filter((k) => !VOLATILE_KEYS.has(k)).sort(compareStrings);
    return result(used.length > 0 ? { matchExpressions: used.map((key) => ({ key, operator: 'DoesNotExist' as const })) } : {}, 'labels');
  }
  // labels every pod of the workload shares, and that do not change with each rollout
  const keys = Object.keys(labels)
    .filter((k) => w.pods.every((p) => p.labels[k] === labels[k]) && (!VOLATILE_KEYS.has(k) || ownJobName(w, k, labels[k])))
    // of a Job's two job-name labels, the legacy `job-name`, which every Kubernetes version sets
    // (`batch.kubernetes.io/job-name` is set from 1.27 only: a policy on it selects nothing before)
    .filter((k) => !(k === MODERN_JOB_NAME && labels[LEGACY_JOB_NAME] === labels[k]))
    .sort(compareStrings);
  const pick = (subset: readonly string[]) => Object.fromEntries([...subset].sort(compareStrings).map((k) => [k, labels[k] as string]));

  const controller = w.controllerSelector && Object.entries(w.controllerSelector).every(([k, v]) => w.pods.every((p) => p.labels[k] === v)) ? Object.keys(w.controllerSelector) : undefined;
  const identity = IDENTITY.find((set) => set.every((k) => keys.includes(k)));
  const base = controller ?? identity;
  if (base) {
    // the first label set that picks this workload alone, as `narrow` would find it; when none does (Temporal's
    // two Jobs share every label), the one that still leaves out every other workload a label can (its
    // Deployments, `component: frontend`, ...), not the broad base: one search for both
    return result({ matchLabels: pick(fewestOthers(base, keys, (subset) => matching({ matchLabels: pick(subset) }).length)) }, controller ? 'controller' : 'identity');
  }
  const found = narrow([], keys, (subset) => !(subset.length === 1 && versionLike(subset[0] as string, labels[subset[0] as string] as string)) && matching({ matchLabels: pick(subset) }).length === 0);
  return result({ matchLabels: pick(found ?? keys) }, 'labels');
}

/** The smallest superset of `base` (adding at most 5 of `keys`, fewest first, then alphabetical) that `ok` accepts. */
function narrow(base: readonly string[], keys: readonly string[], ok: (subset: readonly string[]) => boolean): string[] | undefined {
  const extra = keys.filter((k) => !base.includes(k));
  for (let size = base.length === 0 ? 1 : 0; size <= Math.min(extra.length, 5); size++) {
    for (const add of combinations(extra, size)) {
      const subset = [...base, ...add];
      if (ok(subset)) return subset;
    }
  }
  return undefined;
}

/**
 * The superset of `base` (searched in `narrow`'s order) whose selector picks the fewest other
 * workloads, the first found among equals: the first that picks none when one does, as `narrow`.
 */
function fewestOthers(base: readonly string[], keys: readonly string[], others: (subset: readonly string[]) => number): string[] {
  let best = [...base];
  // an empty base is no selector of its own (it would pick everything): as in `narrow`, one label at least
  let fewest = base.length === 0 ? Math.max(others(best), 1) : others(best);
  const extra = keys.filter((k) => !base.includes(k));
  for (let size = 1; size <= Math.min(extra.length, 5) && fewest > 0; size++) {
    for (const add of combinations(extra, size)) {
      const subset = [...base, ...add];
      const n = others(subset);
      if (n < fewest) [best, fewest] = [subset, n];
      if (fewest === 0) break;
    }
  }
  return best;
}

function* combinations<T>(items: readonly T[], k: number, start = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length === k) {
    yield [...acc];
    return;
  }
  for (let i = start; i < items.length; i++) {
    acc.push(items[i] as T);
    yield* combinations(items, k, i + 1, acc);
    acc.pop();
  }
}
