import { compareStrings, type Workload } from '../manifests/cluster.js';
import { selectorMatches } from '../connectivity/selector.js';

export interface WorkloadSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  /** False when no subset of the workload's labels selects it alone (another workload's pods carry them too). */
  readonly unique: boolean;
}

/**
 * The smallest set of a workload's pod-template labels that selects its pods and no other
 * workload's pods in the namespace (fewest labels first, then alphabetical). When no subset is
 * unique, all labels are used and `unique` is false.
 */
export function minimalSelector(w: Workload, sameNamespace: readonly Workload[]): WorkloadSelector {
  const labels = w.pods[0]?.labels ?? {};
  // labels every pod of the workload shares
  const keys = Object.keys(labels)
    .filter((k) => w.pods.every((p) => p.labels[k] === labels[k]))
    .sort(compareStrings);
  const others = sameNamespace.filter((o) => o !== w).flatMap((o) => o.pods);
  const pick = (subset: readonly string[]) => Object.fromEntries(subset.map((k) => [k, labels[k] as string]));
  const maxSize = Math.min(keys.length, 6);
  for (let size = 1; size <= maxSize; size++) {
    for (const subset of combinations(keys, size)) {
      const sel = { matchLabels: pick(subset) };
      if (!others.some((p) => selectorMatches(sel, p.labels))) return { matchLabels: sel.matchLabels, unique: true };
    }
  }
  const all = pick(keys);
  const unique = keys.length > 0 && !others.some((p) => selectorMatches({ matchLabels: all }, p.labels));
  return { matchLabels: all, unique };
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
