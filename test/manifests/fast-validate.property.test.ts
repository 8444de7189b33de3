import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { IntegralFloat, parseManifestFile } from '../../src/manifests/documents.js';
import { fastValidate } from '../../src/manifests/fast-validate.js';
import { SCHEMAS } from '../../src/manifests/objects.js';
import { REPO_ROOT } from '../helpers/cli.js';

/**
 * fastValidate is held to zod: for every schema and value, it answers exactly when zod's safeParse
 * succeeds, and then with the same data (same own keys, same prototypes, same leaves), so that
 * replacing safeParse by it changes no output; its objects keep the input's key order, where zod
 * puts declared keys first.
 */
const schemas = [...new Set(Object.values(SCHEMAS))] as z.ZodType[];

function difference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b) ? undefined : `${at}: ${String(a)} vs ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: another prototype`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array vs mapping`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if ([...ka].sort().join('\0') !== [...kb].sort().join('\0')) return `${at}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
  for (const k of ka) {
    const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return undefined;
}

/** The disagreement of fastValidate with zod on one value, if any. */
function disagreement(schema: z.ZodType, value: unknown): string | undefined {
  const zod = schema.safeParse(value);
  const fast = fastValidate(schema, value);
  if (!zod.success) return fast ? `fastValidate accepts what zod rejects: ${zod.error.issues[0]?.message}` : undefined;
  if (!fast) return 'fastValidate rejects what zod accepts';
  const d = difference(fast.data, zod.data);
  if (d) return d;
  // the top level (a loose object every kind declares) keeps the input's order; zod puts declared keys first
  const order = Object.keys(fast.data as object);
  const kept = Object.keys(value as object).filter((k) => order.includes(k));
  return order.join('\0') === kept.join('\0') ? undefined : `key order ${JSON.stringify(order)}, input ${JSON.stringify(kept)}`;
}

/** Every key some schema declares, found by walking zod's definitions. */
function declaredKeys(): string[] {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (s: unknown): void => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def.shape as Record<string, unknown> | undefined;
    if (shape) {
      for (const [k, v] of Object.entries(shape)) {
        keys.add(k);
        walk(v);
      }
    }
    for (const f of ['innerType', 'element', 'catchall']) walk(def[f]);
    for (const o of (def.options as unknown[] | undefined) ?? []) walk(o);
  };
  schemas.forEach(walk);
  return [...keys].sort();
}

/** A mapping as the YAML parser builds it: every key an own data property, `__proto__` included. */
function mapping(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const keys = [...declaredKeys(), 'extra', 'x-note', '__proto__', 'constructor', 'toString', '80'];
const words = ['', 'TCP', 'UDP', 'SCTP', 'In', 'NotIn', 'Exists', 'DoesNotExist', 'Ingress', 'Egress', 'Allow', 'Deny', 'Pass', 'Accept', 'Admin', 'Baseline', 'default', 'web', 'http', '10.0.0.0/8', 'a b'];
const leaf = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...words) },
  { weight: 3, arbitrary: fc.integer({ min: -2, max: 70000 }) },
  { weight: 1, arbitrary: fc.constantFrom(1.5, Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 60) },
  { weight: 1, arbitrary: fc.constant(new IntegralFloat('80.0', 80)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const tree = fc.letrec<{ value: unknown; map: Record<string, unknown> }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { weight: 4, arbitrary: leaf }, { weight: 3, arbitrary: tie('map') }, { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 3 }) }),
  map: fc.array(fc.tuple(fc.constantFrom(...keys), tie('value')), { maxLength: 5 }).map(mapping),
}));
/** Objects with a metadata mapping at least, so that many of them pass and their data is compared. */
const object = fc.tuple(tree.map, fc.array(fc.tuple(fc.constantFrom(...keys), tree.value), { maxLength: 3 })).map(([metadata, rest]) => mapping([['metadata', metadata], ...rest]));

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.(ya?ml|json)$/.test(name)) out.push(p);
  }
  return out;
}

describe('fastValidate answers as zod does', () => {
  it('on random objects, for every modelled kind (accepting exactly what zod accepts, with the same data)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(object, fc.constantFrom(...(Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[])), (value, kind) => {
        const schema = SCHEMAS[kind] as z.ZodType;
        const d = disagreement(schema, value);
        if (!d && schema.safeParse(value).success) accepted++;
        return d === undefined;
      }),
      { numRuns: 10000 },
    );
    // the comparison of data is exercised, not only the rejections
    expect(accepted).toBeGreaterThan(100);
  });

  it('on every document of the fixtures and the conformance corpora, against every modelled kind', () => {
    const roots = [path.join(REPO_ROOT, 'fixtures'), path.join(REPO_ROOT, '..', 'shared', 'conformance')].filter((d) => {
      try {
        return statSync(d).isDirectory();
      } catch {
        return false;
      }
    });
    let compared = 0;
    let itself = 0;
    for (const file of roots.flatMap(yamlFiles)) {
      const { documents } = parseManifestFile({ path: file, text: readFileSync(file, 'utf8') });
      for (const doc of documents) {
        const value = doc.value as { items?: unknown } | null;
        const objects = value && typeof value === 'object' && Array.isArray(value.items) ? [value, ...value.items] : [value];
        for (const o of objects) {
          for (const schema of schemas) {
            expect(disagreement(schema, o), `${file} doc ${doc.doc}`).toBeUndefined();
            compared++;
          }
          // a valid object of its own kind is its own validated data: nothing copied, nothing kept twice
          const kind = (o as { kind?: unknown } | null)?.kind;
          const own = typeof kind === 'string' && Object.hasOwn(SCHEMAS, kind) ? fastValidate(SCHEMAS[kind as keyof typeof SCHEMAS] as z.ZodType, o) : undefined;
          if (own) {
            expect(own.data, `${file} doc ${doc.doc}`).toBe(o);
            itself++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(itself).toBeGreaterThan(500);
  });
});

describe('fastValidate on the leaves it decides itself (integers with bounds, enums, unions, label maps)', () => {
  const port = (v: unknown) => mapping([['metadata', mapping([])], ['spec', mapping([['ports', [mapping([['port', v], ['targetPort', v], ['protocol', 'TCP']])]]])]]);
  const protocol = (v: unknown) => mapping([['metadata', mapping([])], ['spec', mapping([['ports', [mapping([['port', 80], ['protocol', v]])]]])]]);
  const labels = (v: unknown) => mapping([['metadata', mapping([['labels', v]])]]);
  const edges: unknown[] = [0, 1, 80, 65535, 65536, -1, -0, 80.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, '80', 'http', '', null, true, new IntegralFloat('80.0', 80), [80], {}];
  it.each(edges.map((v) => [String(v), v]))('a Service port and targetPort of %s', (_name, v) => {
    expect(disagreement(SCHEMAS.Service as z.ZodType, port(v))).toBeUndefined();
  });
  it.each(['TCP', 'UDP', 'SCTP', 'tcp', 'ICMP', '', 6, null].map((v) => [String(v), v]))('a protocol of %s', (_name, v) => {
    expect(disagreement(SCHEMAS.Service as z.ZodType, protocol(v))).toBeUndefined();
  });
  it.each(
    [mapping([['app', 'web']]), mapping([['app', 5]]), mapping([['__proto__', 'x']]), mapping([]), [], 'app=web', Object.create({ inherited: 'x' }) as unknown].map((v, i) => [i, v]),
  )('labels, case %s', (_i, v) => {
    for (const kind of ['Deployment', 'Service', 'NetworkPolicy', 'Namespace'] as const) expect(disagreement(SCHEMAS[kind] as z.ZodType, labels(v))).toBeUndefined();
  });
});
