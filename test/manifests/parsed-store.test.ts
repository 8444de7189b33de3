import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { IntegralFloat, ParseCache, parseManifestFile, type ManifestFile } from '../../src/manifests/documents.js';
import { loadObjects } from '../../src/manifests/load.js';
import { decodeParse, encodeParse, parseStoredOrFresh, type StoredParse } from '../../src/manifests/parsed-store.js';
import { StoredParseSchema } from '../../src/io/parsed-cache.js';
import { REPO_ROOT } from '../helpers/cli.js';

/** What a disk keeps (JSON) and what a worker sends (structured clone): neither keeps prototypes, JSON keeps no NaN, Infinity or -0. */
const throughJson = (s: StoredParse): StoredParse => StoredParseSchema.parse(JSON.parse(JSON.stringify(s)));
const throughClone = (s: StoredParse): StoredParse => structuredClone(s);

/**
 * Where two parsed values differ, if they do: Object.is on numbers (-0, NaN), the same prototype
 * (an IntegralFloat is no plain object), the same own keys in the same order. (toStrictEqual
 * would call two mappings with a `constructor: {}` key different: it compares their constructors.)
 */
function difference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b) ? undefined : `${at}: ${String(a)} vs ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: another prototype`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\0') !== kb.join('\0')) return `${at}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
  for (const k of ka) {
    const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return undefined;
}

function roundTrips(file: ManifestFile): void {
  const fresh = parseManifestFile(file);
  for (const carry of [throughJson, throughClone]) {
    const back = decodeParse(file, carry(encodeParse(file, fresh)));
    expect(back, file.path).toBeDefined();
    expect(difference(back, fresh), file.path).toBeUndefined();
  }
}

const TRICKY = [
  'apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: n}\nspec:\n  ports:\n  - port: 8080.0000000000001\n    targetPort: 80.0\n  - port: 8e1\n    nodePort: .inf\n',
  'kind: ConfigMap\napiVersion: v1\nmetadata: {name: c}\ndata:\n  a: .nan\n  b: -.inf\n  c: -0.0\n  d: -0\n  e: [1.0, 2.5, .NaN]\n  __proto__: {polluted: yes}\n',
  '---apiVersion: v1\nkind: Namespace\nmetadata: {name: glued}\n...\n# after the end marker\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: second}\n',
  'base: &b {app: x, port: 80.0}\nitems:\n- *b\n- *b\n- <<: *b\n  extra: 1\n',
  'a: 1\r\nb: [2, 3.0]\r\n---\r\nc: yes\r\n',
  'a: 1\na: 2\nb: {c: 1, c: 2}\n',
  'a: [unclosed\n---\nok: true\n',
  '80.0\n---\n.inf\n---\n-0\n',
  '# only a comment\n---\n---\nx: 1\n',
  '--- |\n  literal\n--- {a: 1.0}\n',
];

describe('stored parses (parsed-store.ts)', () => {
  it('give back exactly the fresh parse, through JSON and through structured clone, on tricky inputs', () => {
    TRICKY.forEach((text, i) => roundTrips({ path: `tricky-${i}.yaml`, text }));
    roundTrips({ path: 'dup.json', text: '{\r\n  "kind": "Pod", "kind": "Service",\r\n  "apiVersion": "v1", "n": 1e400, "m": 80.0\r\n}\r\n' });
    roundTrips({ path: 'broken.json', text: '{"kind": ' });
  });

  it('give back exactly the fresh parse of every fixture file', () => {
    let n = 0;
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile() && /\.(ya?ml|json)$/.test(e.name)) {
          roundTrips({ path: path.relative(REPO_ROOT, p), text: readFileSync(p, 'utf8') });
          n++;
        }
      }
    };
    walk(path.join(REPO_ROOT, 'fixtures'));
    expect(n).toBeGreaterThan(100);
  });

  it('give back exactly the fresh parse of generated documents (property)', () => {
    const scalar = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(-0, NaN, Infinity, -Infinity),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.integer({ min: -100000, max: 100000 }).map((n) => new IntegralFloat(`${n}.0`, n)),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ minLength: 1 }), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string({ minLength: 1 }), value, { minKeys: 1, maxKeys: 5 }), { minLength: 1, maxLength: 3 }), (docs) => {
        // js-yaml writes the documents (IntegralFloat as its text); the parser reads them back
        const text = docs.map((d) => `---\n${jsYaml.dump(d, { schema: jsYaml.CORE_SCHEMA, replacer: (_k, v) => (v instanceof IntegralFloat ? Number(v.text) : v), noRefs: true, lineWidth: -1 })}`).join('');
        roundTrips({ path: 'generated.yaml', text });
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it('never give a JSON file the value of a YAML document with the same bytes (80.0 is 80 in JSON)', () => {
    const text = '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"}, "spec": {"ports": [{"port": 80.0}]}}';
    const yaml = { path: 'a.yaml', text };
    const json = { path: 'a.json', text };
    const cache = new ParseCache();
    cache.stored.set(yaml, throughJson(encodeParse(yaml, parseManifestFile(yaml))));
    cache.stored.set(json, throughJson(encodeParse(json, parseManifestFile(json))));
    expect(parseStoredOrFresh(yaml, cache)).toStrictEqual(parseManifestFile(yaml));
    const fromJson = parseStoredOrFresh(json, cache);
    expect(fromJson).toStrictEqual(parseManifestFile(json));
    expect((fromJson.documents[0]!.value as { spec: { ports: { port: unknown }[] } }).spec.ports[0]!.port).toBe(80);
  });

  it('reject an entry that does not fit the file: offsets past its end, a special at a path that is not there', () => {
    const file = { path: 'a.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  ports:\n  - port: 80.0\n' };
    const good = throughJson(encodeParse(file, parseManifestFile(file)));
    const doc = good.documents[0]!;
    expect(decodeParse(file, { ...good, documents: [{ ...doc, text: [0, file.text.length + 1] }] })).toBeUndefined();
    expect(decodeParse(file, { ...good, documents: [{ ...doc, text: [5, 2] }] })).toBeUndefined();
    expect(decodeParse(file, { ...good, documents: [{ ...doc, specials: [[['spec', 'nope', 0], 'integral', '80.0', '80']] }] })).toBeUndefined();
    // the loader then parses the file again: the same objects and diagnostics as without a cache
    const cache = new ParseCache();
    cache.stored.set(file, { ...good, documents: [{ ...doc, text: [0, 1e9] }] });
    const fromBad = loadObjects([file], cache);
    const plain = loadObjects([file]);
    expect(fromBad.diagnostics).toStrictEqual(plain.diagnostics);
    expect(fromBad.objects.map((o) => o.object)).toStrictEqual(plain.objects.map((o) => o.object));
    expect(plain.diagnostics.some((d) => /80\.0/.test(d.message))).toBe(true);
  });

  it('are schema-checked: an entry of another shape is not a StoredParse', () => {
    for (const bad of [null, [], { documents: 'x', diagnostics: [] }, { documents: [{ doc: 0, startLine: 1, text: [0, 1], value: 1 }], diagnostics: [] }, { documents: [], diagnostics: [{ code: 'NPC001', severity: 'fatal', message: 'x' }] }, { documents: [], diagnostics: [{ code: 'NPC001', severity: 'error', message: 'x', at: { file: 'elsewhere.yaml', doc: 1 } }] }]) {
      expect(StoredParseSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('record fresh parses only when asked, and share values between the two sides of a diff as a fresh parse does', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n';
    const a = { path: 'a.yaml', text };
    const unpersisted = new ParseCache();
    parseStoredOrFresh(a, unpersisted);
    expect(unpersisted.fresh.size).toBe(0);
    const cache = new ParseCache();
    cache.persist = true;
    const b = { path: 'b.yaml', text };
    const first = parseStoredOrFresh(b, cache);
    // the same bytes again (a diff's unchanged file): one entry is enough
    parseStoredOrFresh({ path: 'b-again.yaml', text }, cache);
    expect([...cache.fresh.keys()]).toEqual([b]);
    // another run: the stored parse of b serves c (same bytes, another name), and its value is the one already parsed
    const other = new ParseCache();
    const c = { path: 'c.yaml', text };
    other.stored.set(c, throughJson(cache.fresh.get(b)!));
    const fromStore = parseStoredOrFresh(c, other);
    expect(fromStore.documents[0]!.file).toBe('c.yaml');
    expect(fromStore.documents[0]!.value).toStrictEqual(first.documents[0]!.value);
    expect(other.fresh.size).toBe(0);
    const d = { path: 'd.yaml', text };
    other.stored.set(d, throughJson(cache.fresh.get(b)!));
    expect(parseStoredOrFresh(d, other).documents[0]!.value).toBe(fromStore.documents[0]!.value);
  });
});
