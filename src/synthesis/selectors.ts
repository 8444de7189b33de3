import { compareStrings, type Workload } from '../manifests/cluster.js';
import { selectorMatches } from '../connectivity/selector.js';
import type { LabelSelector } from '../manifests/schemas.js';

export interface WorkloadSelector {
  /** A label selector as NetworkPolicy writes it (`matchLabels`, or `matchExpressions` for unlabelled pods). */
  readonly selector: LabelSelector;
  /** False when no selector picks the workload alone (another workload's pods carry the same labels). */
  readonly unique: boolean;
}

/**
 * The smallest set of a workload's pod-template labels that selects its pods and no other
 * workload's pods in the namespace (fewest labels first, then alphabetical). When no subset is
 * unique, all labels are used and `unique` is false.
 */
export function minimalSelector(w: Workload, sameNamespace: readonly Workload[]): WorkloadSelector {
  const labels = w.pods[0]?.labels ?? {};
  const others = sameNamespace.filter((o) => o !== w).flatMap((o) => o.pods);
  if (Object.keys(labels).length === 0) {
    // Unlabelled pods are the ones that carry none of the keys the namespace's other pods use.
    const used = [...new Set(others.flatMap((p) => Object.keys(p.labels)))].sort(compareStrings);
    const selector: LabelSelector = used.length > 0 ? { matchExpressions: used.map((key) => ({ key, operator: 'DoesNotExist' as const })) } : {};
    return { selector, unique: !others.some((p) => selectorMatches(selector, p.labels)) };
  }
  // labels every pod of the workload shares
  const keys = Object.keys(labels)
    .filter((k) => w.pods.every((p) => p.labels[k] === labels[k]))
    .sort(compareStrings);
  const pick = (subset: readonly string[]) => Object.fromEntries(subset.map((k) => [k, labels[k] as string]));
  const maxSize = Math.min(keys.length, 6);
  for (let size = 1; size <= maxSize; size++) {
    for (const subset of combinations(keys, size)) {
      const sel = { matchLabels: pick(subset) };
      if (!others.some((p) => selectorMatches(sel, p.labels))) return { selector: sel, unique: true };
    }
  }
  const all = pick(keys);
  const unique = keys.length > 0 && !others.some((p) => selectorMatches({ matchLabels: all }, p.labels));
  return { selector: { matchLabels: all }, unique };
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
