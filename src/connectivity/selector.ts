import type { LabelSelector } from '../manifests/schemas.js';

export type Labels = Readonly<Record<string, string>>;

/**
 * Kubernetes label-selector semantics: matchLabels and every matchExpression must hold; an empty
 * selector matches everything. (A nil selector is handled by the caller, since its meaning
 * differs by field.)
 */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  const matchLabels = selector.matchLabels;
  // own keys (`__proto__` included, as data): Object.keys, not for-in; no entry arrays (this runs per candidate pod class)
  if (matchLabels) for (const k of Object.keys(matchLabels)) if (labels[k] !== matchLabels[k]) return false;
  const exprs = selector.matchExpressions;
  if (!exprs) return true;
  for (const e of exprs) {
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
  const labels = selector.matchLabels;
  if (labels) for (const _ in labels) if (Object.prototype.hasOwnProperty.call(labels, _)) return false;
  return (selector.matchExpressions?.length ?? 0) === 0;
}

/**
 * A canonical, injective string for a selector, for caching (two selectors share a key only if
 * they are equal). Labels are their keys and values, each written as its length, `:` and itself
 * (a self-delimiting code, so no escaping is needed: this is built for every selector of every
 * policy, and JSON-quoting each string cost three times as much), in key order; then `|` and the
 * expressions, each a JSON array with its values as a sorted set. The common case (matchLabels
 * only) builds no arrays.
 */
export function selectorKey(selector: LabelSelector): string {
  let key = selector.matchLabels ? labelsKey(selector.matchLabels) : '';
  const exprs = selector.matchExpressions;
  if (exprs && exprs.length > 0) key += `|${exprs.map((e) => JSON.stringify([e.key, e.operator, [...new Set(e.values ?? [])].sort()])).sort().join(',')}`;
  return key;
}

/** A canonical, injective string for a label map: each key and value as its length, `:` and itself, in key order. */
export function labelsKey(labels: Labels): string {
  const names = Object.keys(labels);
  if (names.length > 1) names.sort();
  let key = '';
  for (const k of names) {
    const v = labels[k] as string;
    key += `${k.length}:${k}${v.length}:${v}`;
  }
  return key;
}
