import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { Codes } from '../../src/diagnostics/diagnostic.js';
import { FALLBACK, parseBlockYaml } from '../../src/manifests/block-yaml.js';
import { IntegralFloat, parseManifestFile, parserSource, SCHEMA } from '../../src/manifests/documents.js';
import { judge } from './yaml-equality.js';

const fast = (text: string) => parseBlockYaml(text, SCHEMA);

/** Each construct the fast path reads: it must take the fast path and agree with js-yaml. */
const ACCEPTED: Record<string, { text: string; value: unknown }> = {
  'block mapping, nested': { text: 'a:\n  b: c\n  d:\n    e: f\n', value: { a: { b: 'c', d: { e: 'f' } } } },
  'document start line': { text: '---\nkind: Pod\n', value: { kind: 'Pod' } },
  'document start line with a comment': { text: '--- # the pod\nkind: Pod\n', value: { kind: 'Pod' } },
  'block sequence, indented': { text: 'ports:\n  - 80\n  - 443\n', value: { ports: [80, 443] } },
  'sequence at its key’s indentation': { text: 'containers:\n- name: x\n  image: nginx\n- name: y\nnext: 1\n', value: { containers: [{ name: 'x', image: 'nginx' }, { name: 'y' }], next: 1 } },
  'compact mapping in a sequence, extra spaces after the dash': { text: '-   a: 1\n    b: 2\n- c\n', value: [{ a: 1, b: 2 }, 'c'] },
  'empty values are null': { text: 'a:\nb:\n  # only a comment\nc: ~\nd: null\n', value: { a: null, b: null, c: null, d: null } },
  'empty sequence entries': { text: '-\n- # nothing\n- x\n', value: [null, null, 'x'] },
  'sequence entry holding a block on the next lines': { text: '-\n  a: 1\n-\n  - 2\n', value: [{ a: 1 }, [2]] },
  'comments and blank lines everywhere': { text: '# head\n\na: 1 # trailing\n   # indented comment\n\nb:   # after key\n  c: d\n#tail\n', value: { a: 1, b: { c: 'd' } } },
  'empty flow collections': { text: 'podSelector: {}\nports: []\nx: { }\ny: [ ]\n', value: { podSelector: {}, ports: [], x: {}, y: [] } },
  'flow mappings and nested flow collections': {
    text: 'metadata: {name: x, labels: {app: web, "a.b/c": \'1\'}}\nports: [{port: 80, protocol: TCP}, {port: 443},]\nm: {"json":1, "k":"v"}\nn: [[1, [2]], {}]\n',
    value: { metadata: { name: 'x', labels: { app: 'web', 'a.b/c': '1' } }, ports: [{ port: 80, protocol: 'TCP' }, { port: 443 }], m: { json: 1, k: 'v' }, n: [[1, [2]], {}] },
  },
  'flow sequence of scalars': { text: 'args: ["--a", \'b\', c d, 80, true, ~,]\n', value: { args: ['--a', 'b', 'c d', 80, true, null] } },
  'plain scalars with colons, hashes and quotes inside': {
    text: 'image: nginx:1.25\nurl: http://x:80/#frag\nw: C:\\path\nq: it\'s "fine"\nh: a#b\n',
    value: { image: 'nginx:1.25', url: 'http://x:80/#frag', w: 'C:\\path', q: 'it\'s "fine"', h: 'a#b' },
  },
  'trailing spaces are not part of a plain scalar': { text: 'a: b c   \nd: e   # c\n', value: { a: 'b c', d: 'e' } },
  'single-quoted scalars': { text: "a: 'it''s # not a comment'\n'k: 1': ''\n", value: { a: "it's # not a comment", 'k: 1': '' } },
  'double-quoted scalars with escapes': {
    text: 'a: "tab\\there \\"q\\" \\\\ \\/ \\x41\\u00e9\\U0001F600 \\0\\a\\b\\n\\v\\f\\r\\e\\ \\N\\_\\L\\P"\n',
    value: { a: 'tab\there "q" \\ / Aé\u{1F600} \x00\x07\x08\n\x0b\x0c\r\x1b \x85\xa0\u2028\u2029' },
  },
  'key with spaces before the colon': { text: 'a  : 1\n"b" : 2\n', value: { a: 1, b: 2 } },
  'scalars resolve as js-yaml resolves them': {
    text: 'i: 42\nz: 0\nn: -7\no: 0o17\nh: 0x1F\nf: 1.5\nw: 80.0\ne: 1e3\ninf: .inf\nnan: .nan\nt: True\nno: no\noctal11: 0755\nnull2: NULL\nstr: "80"\nbig: 123456789012345678\n',
    value: {
      i: 42,
      z: 0,
      n: -7,
      o: 15,
      h: 31,
      f: 1.5,
      w: new IntegralFloat('80.0', 80),
      e: new IntegralFloat('1e3', 1000),
      inf: Infinity,
      nan: NaN,
      t: true,
      no: 'no',
      octal11: 755,
      null2: null,
      str: '80',
      big: 123456789012345680,
    },
  },
  'plain keys are stringified as js-yaml does': { text: 'true: a\n1.0: b\n0x10: c\n~: d\n-0: e\n.5: f\n', value: { true: 'a', '[object Object]': 'b', 16: 'c', null: 'd', 0: 'e', '0.5': 'f' } },
  'keys Object.prototype also has are own keys': { text: 'constructor: a\ntoString: b\nhasOwnProperty: c\n', value: { constructor: 'a', toString: 'b', hasOwnProperty: 'c' } },
  'compact nested sequences': { text: '- - a\n  - - b\n    - c: 1\n      d: 2\n- e\n', value: [['a', ['b', { c: 1, d: 2 }]], 'e'] },
  'values on the line after their key': { text: 'a:\n  b\nc:\n  {}\nd:\n  - \n    "e"\nf:\n  [1]\n', value: { a: 'b', c: {}, d: ['e'], f: [1] } },
  'a scalar root': { text: '---\njust text # c\n', value: 'just text' },
  'root sequence and an indented root': { text: '  - a\n  - b: 1\n', value: ['a', { b: 1 }] },
  'a dash-led plain scalar': { text: 'a: -x\nb: -1\n-c: d\n', value: { a: '-x', b: -1, '-c': 'd' } },
  'non-ASCII text': { text: 'name: café\nnote: 日本語\n', value: { name: 'café', note: '日本語' } },
};

/** Constructs the fast path leaves to js-yaml (each returns FALLBACK; js-yaml then reads or rejects it). */
const FALLS_BACK: Record<string, string> = {
  anchor: 'a: &x 1\nb: 2\n',
  alias: 'a: 1\nb: *x\n',
  tag: 'a: !!str 1\n',
  'local tag': 'a: !foo 1\n',
  directive: '%YAML 1.2\n---\na: 1\n',
  'literal block scalar': 'a: |\n  line\n',
  'folded block scalar': 'a: >-\n  line\n',
  'multi-line plain scalar': 'a: b\n  c\n',
  'multi-line plain scalar in a sequence': '- b\n c\n',
  'multi-line single-quoted scalar': "a: 'b\n  c'\n",
  'multi-line double-quoted scalar': 'a: "b\n  c"\n',
  'escaped line break': 'a: "b\\\n  c"\n',
  'unknown escape': 'a: "\\q"\n',
  'bad hex escape': 'a: "\\xZZ"\n',
  'complex key': '? a\n: b\n',
  'empty entry before a less indented entry (js-yaml keeps it in the inner sequence)': '- - x\n  -\n- y\n',
  'merge key': 'base: {}\n<<: {a: 1}\n',
  'merge key in a sequence entry': '- <<: {a: 1}\n',
  'tab in indentation': 'a:\n\tb: 1\n',
  'tab anywhere': 'a: b\tc\n',
  'carriage return': 'a: 1\r\nb: 2\r\n',
  'flow mapping key without a value': 'a: {b, c: 1}\n',
  'flow mapping with an empty value': 'a: {b: }\n',
  'flow mapping with a duplicate key': 'a: {b: 1, b: 2}\n',
  'flow mapping with a URL value': 'a: {b: http://x}\n',
  'flow mapping with a glued plain colon': 'a: {b:1}\n',
  'flow mapping over lines': 'a: {b: 1,\n  c: 2}\n',
  'flow mapping missing a comma': 'a: {b: "1" c: 2}\n',
  'flow collection followed by a colon': '- {a: 1}: b\n',
  'flow sequence over lines': 'a: [1,\n  2]\n',
  'flow sequence with a colon': 'a: [b: c]\n',
  'flow sequence with a comment': 'a: [b #c\n]\n',
  'empty flow entry': 'a: [1,,2]\n',
  'duplicate key': 'a: 1\na: 2\n',
  'duplicate key after quoting': 'a: 1\n"a": 2\n',
  '__proto__ key': '__proto__: {}\n',
  'bad indentation': 'a:\n    b: 1\n  c: 2\n',
  'more indented line after a value': 'a: 1\n  b: 2\n',
  'flow collection as a key': '[a]: b\n',
  'multi-line scalar on the line after its key': 'a:\n  b\n  c\n',
  'empty document': '---\n# nothing\n',
  'document start with content': '--- {a: 1}\n',
  'second document': 'a: 1\n---\nb: 2\n',
  'document end marker': 'a: 1\n...\n',
  'byte order mark': '\ufeffa: 1\n',
  'control character': 'a: b\x01\n',
  'comment glued to a quoted scalar': 'a: "b"#c\n',
  'no space after the colon of a quoted key': '"a":b\n',
  'missing colon': 'a: 1\nb\n',
  'value after a value': 'a: b: c\n',
  'reserved indicator': 'a: @x\n',
  'question mark start': 'a: ?x\n',
  'very deep sequence nesting': '- '.repeat(60) + 'x\n',
  'very deep nesting': Array.from({ length: 60 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n',
};

describe('block-yaml fast path', () => {
  for (const [name, { text, value }] of Object.entries(ACCEPTED)) {
    it(`reads ${name} as js-yaml does`, () => {
      const got = fast(text);
      expect(got).not.toBe(FALLBACK);
      expect(got).toStrictEqual(value);
      expect(judge(text)).toEqual({ kind: 'fast' });
    });
  }

  for (const [name, text] of Object.entries(FALLS_BACK)) {
    it(`falls back on ${name}`, () => {
      expect(fast(text)).toBe(FALLBACK);
      expect(judge(text).kind).toBe('fallback');
    });
  }

  it('falls back on exactly the characters it does not mirror, every UTF-16 code unit tried', () => {
    // tabs, CR, C0 and C1 controls, DEL, line/paragraph separators, BOM, U+FFFE/U+FFFF, surrogates
    const unsupported = (c: number) =>
      c === 0x09 || c === 0x0d || (c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfeff || c === 0xfffe || c === 0xffff;
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      // inside a double-quoted scalar, where only the line feed, the quote and the backslash mean something else
      if (c === 0x0a || c === 0x22 || c === 0x5c) continue;
      const text = `a: "x${String.fromCharCode(c)}y"\n`;
      if ((fast(text) === FALLBACK) !== unsupported(c)) wrong.push(c);
    }
    expect(wrong.map((c) => c.toString(16))).toEqual([]);
  });

  it('keeps key order, including integer-like keys as JavaScript orders them', () => {
    const text = 'z: 1\n10: a\na: 2\n2: b\n';
    expect(Object.keys(fast(text) as object)).toEqual(['2', '10', 'z', 'a']);
    expect(judge(text)).toEqual({ kind: 'fast' });
  });

  it('reads -0 and -0.0 as js-yaml does (the int type drops the sign of zero, the float type keeps it)', () => {
    const value = fast('a: -0\nb: -0.0\n') as { a: number; b: IntegralFloat };
    expect(Object.is(value.a, 0)).toBe(true);
    expect(Object.is(value.b.value, -0)).toBe(true);
    expect(judge('a: -0\nb: -0.0\n')).toEqual({ kind: 'fast' });
  });

  it('parseManifestFile still reports duplicate keys and syntax errors through js-yaml', () => {
    const { documents, diagnostics } = parseManifestFile({ path: 'x.yaml', text: 'kind: Pod\nkind: Service\n---\na: [\n---\nkind: ConfigMap\n' });
    expect(diagnostics.map((d) => [d.code, d.at?.line])).toEqual([
      [Codes.duplicateKey, 2],
      [Codes.yamlSyntax, 5],
    ]);
    expect(documents.map((d) => (d.value as { kind: string }).kind)).toEqual(['Service', 'ConfigMap']);
  });

  it('falls back on every text under a schema whose implicit types it does not know', () => {
    const yaml11 = SCHEMA.extend({ implicit: [new jsYaml.Type('tag:yaml.org,2002:yes', { kind: 'scalar', resolve: (d: string) => d === 'yes', construct: () => true })] });
    expect(parseBlockYaml('a: yes\n', yaml11)).toBe(FALLBACK);
    expect(parseBlockYaml('a: yes\n', SCHEMA)).toEqual({ a: 'yes' });
  });

  it('changes the stored-parse key with its own source', () => {
    expect(parserSource()).toContain('class BlockReader');
  });
});
