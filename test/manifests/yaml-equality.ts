import jsYaml from 'js-yaml';
import { FALLBACK, parseBlockYaml } from '../../src/manifests/block-yaml.js';
import { IntegralFloat, SCHEMA } from '../../src/manifests/documents.js';

/**
 * Whether two parsed values are the same to the last detail a consumer could observe: own keys
 * (strings and symbols) in the same order, the same prototypes, `-0` apart from `0`, NaN equal
 * to NaN, IntegralFloat by class, text and value. Returns the path of the first difference.
 */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a !== typeof b) return `${path}: ${typeof a} vs ${typeof b}`;
  if (a === null || b === null || typeof a !== 'object') return Object.is(a, b) ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
  const x = a as Record<string | symbol, unknown>;
  const y = b as Record<string | symbol, unknown>;
  if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return `${path}: different prototypes`;
  if (x instanceof IntegralFloat) {
    const z = y as unknown as IntegralFloat;
    return x.text === z.text && Object.is(x.value, z.value) ? undefined : `${path}: IntegralFloat ${x.text} vs ${z.text}`;
  }
  const keysA = Reflect.ownKeys(x);
  const keysB = Reflect.ownKeys(y);
  if (keysA.length !== keysB.length || keysA.some((k, i) => k !== keysB[i])) return `${path}: keys ${String(keysA)} vs ${String(keysB)}`;
  for (const k of keysA) {
    const da = Object.getOwnPropertyDescriptor(x, k);
    const db = Object.getOwnPropertyDescriptor(y, k);
    if (da?.enumerable !== db?.enumerable || da?.writable !== db?.writable || da?.configurable !== db?.configurable) return `${path}.${String(k)}: descriptors differ`;
    const d = firstDifference(x[k], y[k], `${path}.${String(k)}`);
    if (d !== undefined) return d;
  }
  return undefined;
}

export type Verdict = { kind: 'fast' } | { kind: 'fallback' } | { kind: 'mismatch'; why: string };

/**
 * The differential check of one text: if the fast path returns a value, js-yaml (with the same
 * schema) must succeed with an identical one; if js-yaml throws, the fast path must have fallen back.
 */
export function judge(text: string): Verdict {
  const fast = parseBlockYaml(text, SCHEMA);
  let reference: unknown;
  try {
    reference = jsYaml.load(text, { schema: SCHEMA });
  } catch (e) {
    return fast === FALLBACK ? { kind: 'fallback' } : { kind: 'mismatch', why: `js-yaml throws (${(e as Error).message.split('\n')[0]}) but the fast path returned ${JSON.stringify(fast)}` };
  }
  if (fast === FALLBACK) return { kind: 'fallback' };
  const d = firstDifference(fast, reference);
  return d === undefined ? { kind: 'fast' } : { kind: 'mismatch', why: d };
}
