import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseBlockYaml } from '../../src/manifests/block-yaml.js';
import { SCHEMA } from '../../src/manifests/documents.js';
import { keyByKey, listOf, MAX_SHAPE_KEYS, shapedMapping } from '../../src/manifests/yaml-shapes.js';
import { runBundledCli } from '../helpers/cli.js';

/** Own keys in order, each value, and the prototype: what tells two parsed mappings apart. */
function anatomy(o: object): unknown {
  return { proto: Object.getPrototypeOf(o) === Object.prototype, keys: Reflect.ownKeys(o), values: Object.values(o), descriptors: Object.getOwnPropertyDescriptors(o) };
}

describe('mappings built by their shape', () => {
  // keys a literal must carry exactly: quotes, backslashes, line separators, integer-like names
  // (ordered first by every object), a name Object.prototype also has, an empty one
  const awkward = ['"q"', 'back\\slash', 'sep\u2028ara\u2029tor', '80', 'name', '01', 'constructor', '', 'toString', "it's", '${x}', '0'];

  it('gives the object assignments give, before and after its literal exists, for awkward keys', () => {
    const values = awkward.map((k, i) => (i % 2 === 0 ? { nested: k } : i));
    const expected = anatomy(keyByKey(awkward, values, awkward.length));
    // met more times than the literal needs: the first meetings are built key by key, the later ones by the literal
    for (let meeting = 0; meeting < 10; meeting++) expect(anatomy(shapedMapping(awkward, values, awkward.length))).toEqual(expected);
  });

  it('never shares an object or a value slot between two mappings of the same shape', () => {
    const keys = ['port', 'protocol'];
    const built = Array.from({ length: 8 }, (_, i) => shapedMapping(keys, [i, 'TCP'], 2));
    expect(new Set(built).size).toBe(8);
    expect(built.map((o) => o.port)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads only the first n entries', () => {
    for (let meeting = 0; meeting < 6; meeting++) expect(shapedMapping(['a', 'b', 'c'], [1, 2, 3], 2)).toEqual({ a: 1, b: 2 });
  });

  it('parses documents with more keys than a shape holds, and duplicates past that point, as js-yaml does', () => {
    const many = Array.from({ length: MAX_SHAPE_KEYS + 5 }, (_, i) => `k${i}: ${i}`).join('\n');
    for (let meeting = 0; meeting < 6; meeting++) expect(parseBlockYaml(`${many}\n`, SCHEMA)).toEqual(jsYaml.load(many));
    // a duplicate after the first MAX_SHAPE_KEYS keys, and one among them: both left to js-yaml
    expect(typeof parseBlockYaml(`${many}\nk${MAX_SHAPE_KEYS + 2}: x\n`, SCHEMA)).toBe('symbol');
    expect(typeof parseBlockYaml(`a: 1\nb: 2\na: 3\n`, SCHEMA)).toBe('symbol');
  });

  it('lists keep their entries at their exact length', () => {
    const entries = Array.from({ length: 20 }, (_, i) => ({ i }));
    for (let n = 0; n <= 20; n++) {
      const list = listOf(entries, n);
      expect(list).toEqual(entries.slice(0, n));
      expect(list).not.toBe(entries);
      expect(Array.isArray(list) && Object.getPrototypeOf(list) === Array.prototype).toBe(true);
    }
  });

  it('gives the same report where Node may not compile code from text (the bundled CLI, key by key)', () => {
    const app = 'fixtures/real-apps/online-boutique-yaml';
    const plain = runBundledCli(['connectivity', app, '--format', 'json']);
    const noEval = runBundledCli(['connectivity', app, '--format', 'json'], { env: { NODE_OPTIONS: '--disallow-code-generation-from-strings', NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(plain.code).toBe(0);
    expect(plain.stdout.length).toBeGreaterThan(1000);
    expect(noEval).toEqual(plain);
  });
});
