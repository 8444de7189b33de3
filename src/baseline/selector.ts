/**
 * Kubernetes set-based label requirements as baseline rules write them (np-guard/baseline-rules):
 * `app=x`, `app!=x`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, comma-separated and ANDed.
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#set-based-requirement
 */
export type Requirement =
  | { readonly op: 'In' | 'NotIn'; readonly key: string; readonly values: readonly string[] }
  | { readonly op: 'Exists' | 'DoesNotExist'; readonly key: string };

/** An AND of requirements; the empty list matches everything. */
export type LabelRequirements = readonly Requirement[];

const KEY_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Why a label key is invalid, or undefined (Kubernetes' rules: optional DNS prefix, a name of at most 63 characters). */
export function labelKeyError(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return `invalid label key "${key}": at most one "/"`;
  const [prefix, name] = parts.length === 2 ? (parts as [string, string]) : [undefined, parts[0] as string];
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return `invalid label key "${key}": the prefix must be a DNS subdomain`;
  if (!name || name.length > 63 || !KEY_NAME.test(name)) return `invalid label key "${key}": the name must be 1-63 alphanumerics, "-", "_" or ".", starting and ending alphanumeric`;
  return undefined;
}

export function labelValueError(value: string): string | undefined {
  if (value.length > 63 || !VALUE.test(value)) return `invalid label value "${value}": at most 63 alphanumerics, "-", "_" or ".", starting and ending alphanumeric`;
  return undefined;
}

/** Splits at commas outside parentheses. */
function splitTop(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export type ParsedRequirements = { readonly ok: true; readonly value: Requirement[] } | { readonly ok: false; readonly error: string };

/** Parses `a=b, c notin (x,y), !d`; every key and value is checked as Kubernetes checks labels. */
export function parseRequirements(text: string): ParsedRequirements {
  const out: Requirement[] = [];
  for (const raw of splitTop(text)) {
    const s = raw.trim();
    if (!s) return { ok: false, error: `empty requirement in "${text}"` };
    let r: Requirement;
    let m: RegExpExecArray | null;
    if ((m = /^!\s*(\S+)$/.exec(s))) r = { op: 'DoesNotExist', key: m[1] as string };
    else if ((m = /^([^=!\s]+)\s*!=\s*(\S*)$/.exec(s))) r = { op: 'NotIn', key: m[1] as string, values: [m[2] as string] };
    else if ((m = /^([^=!\s]+)\s*==?\s*(\S*)$/.exec(s))) r = { op: 'In', key: m[1] as string, values: [m[2] as string] };
    else if ((m = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(s))) {
      const values = (m[3] as string).split(',').map((v) => v.trim());
      if (values.length === 0 || values.some((v) => v === '')) return { ok: false, error: `"${s}": the value list must not be empty or hold empty values` };
      r = { op: m[2] === 'in' ? 'In' : 'NotIn', key: m[1] as string, values };
    } else if (/^[^\s=!(),]+$/.test(s)) r = { op: 'Exists', key: s };
    else return { ok: false, error: `"${s}" is not a label requirement (k=v, k!=v, k in (a,b), k notin (a,b), k, !k)` };
    const keyError = labelKeyError(r.key);
    if (keyError) return { ok: false, error: keyError };
    if (r.op === 'In' || r.op === 'NotIn') {
      for (const v of r.values) {
        const e = labelValueError(v);
        if (e) return { ok: false, error: e };
      }
    }
    out.push(r);
  }
  return { ok: true, value: out };
}

export function matchesRequirements(reqs: LabelRequirements, labels: Readonly<Record<string, string>>): boolean {
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.op) {
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      case 'In':
        return has && r.values.includes(labels[r.key] as string);
      case 'NotIn':
        return !has || !r.values.includes(labels[r.key] as string);
    }
  });
}

/** `k=v`, `k!=v`, `k in (a, b)`, ... as written back for reports. */
export function formatRequirements(reqs: LabelRequirements): string {
  return reqs
    .map((r) => {
      switch (r.op) {
        case 'Exists':
          return r.key;
        case 'DoesNotExist':
          return `!${r.key}`;
        case 'In':
          return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`;
        case 'NotIn':
          return r.values.length === 1 ? `${r.key}!=${r.values[0]}` : `${r.key} notin (${r.values.join(',')})`;
      }
    })
    .join(',');
}

/** A Kubernetes LabelSelector that selects exactly what the requirements match (for nca's queries). */
export function toLabelSelector(reqs: LabelRequirements): { matchExpressions?: { key: string; operator: string; values?: string[] }[] } {
  if (reqs.length === 0) return {};
  return { matchExpressions: reqs.map((r) => (r.op === 'In' || r.op === 'NotIn' ? { key: r.key, operator: r.op, values: [...r.values] } : { key: r.key, operator: r.op })) };
}
