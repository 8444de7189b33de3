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

/** A canonical string for a selector, for caching and for display (`app=web,tier in (a,b)`). */
export function selectorKey(selector: LabelSelector): string {
  const parts: string[] = [];
  for (const k of Object.keys(selector.matchLabels ?? {}).sort()) parts.push(`${k}=${selector.matchLabels?.[k]}`);
  const exprs = (selector.matchExpressions ?? []).map((e) => {
    const vals = [...(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In':
        return `${e.key} in (${vals})`;
      case 'NotIn':
        return `${e.key} notin (${vals})`;
      case 'Exists':
        return e.key;
      case 'DoesNotExist':
        return `!${e.key}`;
    }
    return '';
  });
  parts.push(...exprs.sort());
  return parts.join(',');
}

export function labelsKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}
