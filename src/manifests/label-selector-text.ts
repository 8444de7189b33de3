/**
 * A label selector written as text, as kustomize reads a patch `target:`'s `labelSelector` and
 * `annotationSelector` (k8s.io/apimachinery `labels.Parse`): requirements separated by commas and
 * ANDed, each one of `key`, `!key`, `key=value`, `key==value`, `key!=value`,
 * `key in (a,b)`, `key notin (a,b)`, `key > 3`, `key < 3`. Whitespace around tokens is free; a
 * comma inside parentheses separates values, not requirements. Meanings are apimachinery's: `!=`
 * and `notin` also hold where the key is absent, `in` and `=` need it, `>`/`<` compare integers.
 */
export type TextRequirement =
  | { readonly op: 'exists' | 'absent'; readonly key: string }
  | { readonly op: 'in' | 'notin'; readonly key: string; readonly values: readonly string[] }
  | { readonly op: 'gt' | 'lt'; readonly key: string; readonly value: number };

type Token = { readonly kind: 'id'; readonly text: string } | { readonly kind: 'op'; readonly text: '!' | '=' | '==' | '!=' | '(' | ')' | ',' | '<' | '>' };

/** apimachinery's lexer: identifiers run until whitespace or one of `!=,()<>`; `in`/`notin` are identifiers read as keywords by position. */
function tokens(text: string): Token[] | undefined {
  const out: Token[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '==' || two === '!=') {
      out.push({ kind: 'op', text: two });
      i += 2;
    } else if ('!=(),<>'.includes(c)) {
      out.push({ kind: 'op', text: c as '!' | '=' | '(' | ')' | ',' | '<' | '>' });
      i++;
    } else {
      let j = i;
      while (j < text.length && !/[\s!=(),<>]/.test(text[j] as string)) j++;
      out.push({ kind: 'id', text: text.slice(i, j) });
      i = j;
    }
  }
  return out;
}

// a qualified name, optionally prefixed by a DNS subdomain (`app.kubernetes.io/name`), as label keys are
const NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function isKey(k: string): boolean {
  const slash = k.indexOf('/');
  if (slash < 0) return NAME.test(k);
  const prefix = k.slice(0, slash);
  return prefix.length > 0 && prefix.length <= 253 && PREFIX.test(prefix) && NAME.test(k.slice(slash + 1));
}

const isValue = (v: string) => v.length <= 63 && VALUE.test(v);

/** The requirements of a selector text, or undefined where apimachinery would refuse it (kustomize then fails: the target selects nothing). */
export function parseSelectorText(text: string): TextRequirement[] | undefined {
  const ts = tokens(text);
  if (!ts) return undefined;
  const out: TextRequirement[] = [];
  let i = 0;
  const peek = () => ts[i];
  const id = (): string | undefined => {
    const t = ts[i];
    if (t?.kind !== 'id') return undefined;
    i++;
    return t.text;
  };
  const isOp = (t: Token | undefined, ...ops: string[]) => t?.kind === 'op' && ops.includes(t.text);
  while (i < ts.length) {
    if (isOp(peek(), '!')) {
      i++;
      const key = id();
      if (key === undefined || !isKey(key)) return undefined;
      out.push({ op: 'absent', key });
    } else {
      const key = id();
      if (key === undefined || !isKey(key)) return undefined;
      const t = peek();
      if (t === undefined || isOp(t, ',')) out.push({ op: 'exists', key });
      else if (isOp(t, '=', '==', '!=')) {
        i++;
        // an empty value is a value (`tier=` selects the label set to "")
        const next = peek();
        const value = next?.kind === 'id' ? (i++, next.text) : '';
        if (!isValue(value)) return undefined;
        out.push({ op: t.text === '!=' ? 'notin' : 'in', key, values: [value] });
      } else if (t.kind === 'id' && (t.text === 'in' || t.text === 'notin')) {
        i++;
        if (!isOp(peek(), '(')) return undefined;
        i++;
        const values: string[] = [];
        for (;;) {
          const v = peek();
          if (v?.kind === 'id') {
            if (!isValue(v.text)) return undefined;
            values.push(v.text);
            i++;
          } else if (isOp(v, ',', ')')) values.push('');
          else return undefined;
          if (isOp(peek(), ')')) break;
          if (!isOp(peek(), ',')) return undefined;
          i++;
        }
        // `k in ()` is apimachinery's `k in ("")`: an empty value, as after a comma
        i++;
        out.push({ op: t.text, key, values });
      } else if (isOp(t, '<', '>')) {
        i++;
        const v = id();
        if (v === undefined || !/^-?\d+$/.test(v)) return undefined;
        out.push({ op: t.text === '>' ? 'gt' : 'lt', key, value: Number(v) });
      } else return undefined;
    }
    if (i < ts.length) {
      if (!isOp(peek(), ',')) return undefined;
      i++;
      if (i === ts.length) return undefined;
    }
  }
  return out;
}

/** Whether labels (or annotations) meet every requirement. */
export function meetsRequirements(reqs: readonly TextRequirement[], have: Readonly<Record<string, unknown>>): boolean {
  return reqs.every((r) => {
    const present = Object.hasOwn(have, r.key);
    const value = present ? have[r.key] : undefined;
    switch (r.op) {
      case 'exists':
        return present;
      case 'absent':
        return !present;
      case 'in':
        return present && typeof value === 'string' && r.values.includes(value);
      case 'notin':
        return !present || typeof value !== 'string' || !r.values.includes(value);
      case 'gt':
      case 'lt': {
        if (typeof value !== 'string' || !/^-?\d+$/.test(value)) return false;
        return r.op === 'gt' ? Number(value) > r.value : Number(value) < r.value;
      }
    }
  });
}
