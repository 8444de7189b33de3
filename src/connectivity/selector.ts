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

/**
 * `selectorMatches(selector, ·)` for many label sets: the selector's labels are listed once, not
 * per call (a selector is matched against every candidate pod class).
 */
export function selectorMatcher(selector: LabelSelector): (labels: Labels) => boolean {
  const matchLabels = selector.matchLabels;
  const keys = matchLabels ? Object.keys(matchLabels) : [];
  const values = keys.map((k) => (matchLabels as Labels)[k]);
  const rest: LabelSelector | undefined = selector.matchExpressions && selector.matchExpressions.length > 0 ? { matchExpressions: selector.matchExpressions } : undefined;
  return (labels) => {
    for (let i = 0; i < keys.length; i++) if (labels[keys[i] as string] !== values[i]) return false;
    return rest === undefined || selectorMatches(rest, labels);
  };
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
  if (names.length > SMALL_MAP) names.sort();
  else {
    // an insertion sort in place (code-unit order, as sort()'s): a pod's labels are a handful, and
    // sort() copies its input to a work array on every call, once per pod and per selector
    for (let i = 1; i < names.length; i++) {
      const k = names[i] as string;
      let j = i - 1;
      for (; j >= 0 && (names[j] as string) > k; j--) names[j + 1] = names[j] as string;
      names[j + 1] = k;
    }
  }
  let key = '';
  for (let i = 0; i < names.length; i++) {
    const k = names[i] as string;
    const v = labels[k] as string;
    key += `${k.length}:${k}${v.length}:${v}`;
  }
  return key;
}

/** Up to this many keys a label map is sorted by insertion (quadratic, so never beyond it). */
const SMALL_MAP = 16;

/**
 * The values one label key may take under a selector: `absent` says whether pods without the key
 * qualify; `only` lists the values allowed (a finite set), `except` the values excluded (all
 * others allowed).
 */
interface KeyDomain {
  readonly absent: boolean;
  readonly kind: 'only' | 'except';
  readonly values: ReadonlySet<string>;
}

const ANY_VALUE: KeyDomain = { absent: true, kind: 'except', values: new Set() };

function intersectDomains(a: KeyDomain, b: KeyDomain): KeyDomain {
  const absent = a.absent && b.absent;
  if (a.kind === 'only' && b.kind === 'only') return { absent, kind: 'only', values: new Set([...a.values].filter((v) => b.values.has(v))) };
  if (a.kind === 'except' && b.kind === 'except') return { absent, kind: 'except', values: new Set([...a.values, ...b.values]) };
  const [only, except] = a.kind === 'only' ? [a, b] : [b, a];
  return { absent, kind: 'only', values: new Set([...only.values].filter((v) => !except.values.has(v))) };
}

function domainWithin(a: KeyDomain, b: KeyDomain): boolean {
  if (a.absent && !b.absent) return false;
  if (a.kind === 'only') return b.kind === 'only' ? [...a.values].every((v) => b.values.has(v)) : [...a.values].every((v) => !b.values.has(v));
  // a allows all values but finitely many: b must too, and exclude no more
  return b.kind === 'except' && [...b.values].every((v) => a.values.has(v));
}

function domains(selector: LabelSelector): Map<string, KeyDomain> {
  const out = new Map<string, KeyDomain>();
  const add = (key: string, d: KeyDomain) => out.set(key, intersectDomains(out.get(key) ?? ANY_VALUE, d));
  const labels = selector.matchLabels ?? {};
  for (const k of Object.keys(labels)) add(k, { absent: false, kind: 'only', values: new Set([labels[k] as string]) });
  for (const e of selector.matchExpressions ?? []) {
    const values = new Set(e.values ?? []);
    if (e.operator === 'In') add(e.key, { absent: false, kind: 'only', values });
    else if (e.operator === 'NotIn') add(e.key, { absent: true, kind: 'except', values });
    else if (e.operator === 'Exists') add(e.key, { absent: false, kind: 'except', values: new Set() });
    else add(e.key, { absent: true, kind: 'only', values: new Set() });
  }
  return out;
}

/**
 * Selector containment: whether every label set `narrow` matches is matched by `broad` too. Both
 * are conjunctions of one-key requirements, so containment holds key by key (a narrow selector
 * that matches nothing is contained in every selector).
 */
export function selectorImplies(narrow: LabelSelector, broad: LabelSelector): boolean {
  const n = domains(narrow);
  for (const d of n.values()) if (!d.absent && d.kind === 'only' && d.values.size === 0) return true;
  for (const [key, b] of domains(broad)) if (!domainWithin(n.get(key) ?? ANY_VALUE, b)) return false;
  return true;
}
