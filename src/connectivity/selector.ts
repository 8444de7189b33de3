import type { LabelSelector } from '../manifests/schemas.js';

export type Labels = Readonly<Record<string, string>>;

/**
 * Kubernetes label-selector semantics: matchLabels and every matchExpression must hold; an empty
 * selector matches everything. (A nil selector is handled by the caller, since its meaning
 * differs by field.)
 */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  if (selector.matchLabels) {
    for (const [k, v] of Object.entries(selector.matchLabels)) if (labels[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(labels[e.key] as string)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[e.key] as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

const keys = new WeakMap<LabelSelector, string>();

/** A canonical, injective string for a selector, for caching (two selectors share a key only if they are equal). */
export function selectorKey(selector: LabelSelector): string {
  let key = keys.get(selector);
  if (key === undefined) keys.set(selector, (key = computeSelectorKey(selector)));
  return key;
}

function computeSelectorKey(selector: LabelSelector): string {
  const labels = Object.keys(selector.matchLabels ?? {})
    .sort()
    .map((k) => [k, selector.matchLabels?.[k]]);
  const exprs = (selector.matchExpressions ?? []).map((e) => JSON.stringify([e.key, e.operator, [...new Set(e.values ?? [])].sort()])).sort();
  return JSON.stringify([labels, exprs]);
}

export function labelsKey(labels: Labels): string {
  return JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]));
}
