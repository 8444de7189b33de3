import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { IntegralFloat } from '../../src/manifests/documents.js';
import { judge } from './yaml-equality.js';

/**
 * The differential property of the fast path: for every text, a value from the fast path is
 * exactly js-yaml's value, and js-yaml's errors always come with a fallback. Texts are values
 * dumped by js-yaml and by `yaml` in many styles, with comments and blank lines added, and then
 * mutated character by character and line by line.
 */

// Words chosen to hit every resolver and every indicator a plain scalar or key can meet.
const TRICKY = [
  'true', 'True', 'TRUE', 'false', 'FALSE', 'null', 'Null', 'NULL', '~', 'yes', 'no', 'on', 'off', 'y', 'n',
  '0', '-0', '+1', '007', '0755', '0o17', '0x1F', '0b101', '1_000', '80', '8080', '99999999999999999999', '1.0', '80.0', '-0.0', '1e3', '1E-2', '.5', '5.', '.inf', '-.Inf', '.nan', '.NaN',
  '<<', '=', '-', '--', '---', '...', '?', ':', '-x', '?x', ':x', 'a:b', 'a: b', 'a #b', 'a#b', '#x', '&a', '*a', '!t', '|', '>', '%x', '@x', '`x', '[a]', '{a}', 'a,b', "it's", 'say "hi"', '\\', '"', "'",
  ' lead', 'trail ', '', 'a  b', 'é', 'naïve', '日本', '💥', '\u0085', '\u00a0', '\u2028', '\x7f', '\x01', '\t', 'a\tb', 'a\nb', 'a\n\nb', 'a\r\nb',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf',
  'nginx:1.25', 'http://svc:80/#frag', 'app.kubernetes.io/name', '10.0.0.0/8', '2001:db8::/32', 'TCP', 'Ingress', 'v1', 'apps/v1',
];
const K8S_KEYS = ['apiVersion', 'kind', 'metadata', 'name', 'namespace', 'labels', 'spec', 'podSelector', 'matchLabels', 'ingress', 'egress', 'from', 'to', 'ports', 'port', 'protocol', 'ipBlock', 'cidr', 'except', 'containers', 'image', 'args', 'app', 'policyTypes'];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...K8S_KEYS) },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);
const number = fc.oneof(fc.integer(), fc.constantFrom(0, -0, 1.5, -2.25, 1e21, 2 ** 53, Infinity, -Infinity, NaN), fc.double());
const scalar = fc.oneof({ weight: 5, arbitrary: word }, { weight: 2, arbitrary: number }, { weight: 1, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant(null) });

const value = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: scalar },
    { weight: 2, arbitrary: fc.array(tie('node'), { maxLength: 4 }) },
    { weight: 3, arbitrary: fc.dictionary(word, tie('node'), { maxKeys: 5 }) },
  ),
})).node;

// A Kubernetes-shaped object: the structure most manifests have, with tricky leaves.
const k8sObject = fc.record({
  apiVersion: fc.constantFrom('v1', 'apps/v1', 'networking.k8s.io/v1'),
  kind: fc.constantFrom('Pod', 'Deployment', 'NetworkPolicy', 'Service'),
  metadata: fc.record({ name: word, namespace: word, labels: fc.dictionary(word, scalar, { maxKeys: 3 }) }, { requiredKeys: ['name'] }),
  spec: fc.record(
    {
      podSelector: fc.oneof(fc.constant({}), fc.record({ matchLabels: fc.dictionary(word, scalar, { maxKeys: 3 }) })),
      ports: fc.array(fc.record({ port: fc.oneof(fc.integer({ min: 1, max: 65535 }), word), protocol: fc.constantFrom('TCP', 'UDP') }, { requiredKeys: [] }), { maxLength: 3 }),
      ingress: fc.array(fc.record({ from: fc.array(fc.record({ ipBlock: fc.record({ cidr: word, except: fc.array(word, { maxLength: 2 }) }) }), { maxLength: 2 }) }), { maxLength: 2 }),
      args: fc.array(scalar, { maxLength: 3 }),
      extra: value,
    },
    { requiredKeys: [] },
  ),
});

const document = fc.oneof({ weight: 3, arbitrary: k8sObject }, { weight: 2, arbitrary: value });

/** A way of writing a value as YAML text (some throw on values they cannot represent: skipped). */
const style = fc.oneof(
  fc.record({
    lib: fc.constant('js-yaml' as const),
    indent: fc.constantFrom(2, 4),
    noArrayIndent: fc.boolean(),
    flowLevel: fc.constantFrom(-1, -1, -1, 1, 2, 3),
    quotingType: fc.constantFrom<'"' | "'">('"', "'"),
    forceQuotes: fc.boolean(),
    lineWidth: fc.constantFrom(-1, 20, 80),
  }),
  fc.record({
    lib: fc.constant('yaml' as const),
    indent: fc.constantFrom(2, 4),
    indentSeq: fc.boolean(),
    defaultStringType: fc.constantFrom<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'>('PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
    defaultKeyType: fc.constantFrom<null | 'PLAIN' | 'QUOTE_DOUBLE'>(null, 'PLAIN', 'QUOTE_DOUBLE'),
    collectionStyle: fc.constantFrom<'any' | 'block' | 'flow'>('any', 'block', 'block', 'flow'),
    lineWidth: fc.constantFrom(0, 20, 80),
  }),
);

type Style = typeof style extends fc.Arbitrary<infer T> ? T : never;

function dump(v: unknown, s: Style): string | undefined {
  try {
    if (s.lib === 'js-yaml') {
      const { lib: _lib, ...options } = s;
      return jsYaml.dump(v, { ...options, noRefs: true });
    }
    const { lib: _lib, ...options } = s;
    return stringify(v, options);
  } catch {
    return undefined;
  }
}

/** Comments, blank lines, a document start line: what people add around the same content. */
const decoration = fc.record({
  startLine: fc.constantFrom('', '', '---\n', '--- # c\n', '---   \n'),
  comments: fc.array(fc.record({ at: fc.nat(), indent: fc.nat({ max: 8 }), text: fc.constantFrom('# c', '#', '# a: b', '#- x', '') }), { maxLength: 3 }),
  trailing: fc.array(fc.record({ at: fc.nat(), text: fc.constantFrom(' # c', ' #', '#x', '  ', ' ') }), { maxLength: 2 }),
});

function decorate(text: string, d: { startLine: string; comments: { at: number; indent: number; text: string }[]; trailing: { at: number; text: string }[] }): string {
  const lines = text.split('\n');
  for (const t of d.trailing) {
    const i = t.at % lines.length;
    lines[i] += t.text;
  }
  for (const c of d.comments) lines.splice(c.at % (lines.length + 1), 0, ' '.repeat(c.indent) + c.text);
  return d.startLine + lines.join('\n');
}

const INSERTS = [': ', ':', '#', ' #', "'", '"', '-', '- ', '&', '*', '!', '{', '}', '[', ']', ',', '?', '|', '>', '%', '@', '\t', ' ', '  ', '\n', '\\', '~', '0', '.', '---', '\r', '\ufeff', 'é'];
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...INSERTS) }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('reindent' as const), at: fc.nat(), by: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = m.at % lines.length;
  switch (m.op) {
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'duplicateLine':
      lines.splice(line, 0, lines[line] as string);
      break;
    case 'deleteLine':
      lines.splice(line, 1);
      break;
    case 'reindent': {
      const l = lines[line] as string;
      lines[line] = m.by >= 0 ? ' '.repeat(m.by) + l : l.replace(new RegExp(`^ {0,${-m.by}}`), '');
      break;
    }
    case 'swapLines':
      if (line + 1 < lines.length) [lines[line], lines[line + 1]] = [lines[line + 1] as string, lines[line] as string];
      break;
  }
  return lines.join('\n');
}

describe('block-yaml fast path: differential property against js-yaml', () => {
  it('agrees with js-yaml on dumped, decorated and mutated texts (thousands of texts)', () => {
    const tally = { texts: 0, fast: 0, fallback: 0, unmutatedFast: 0, unmutated: 0 };
    const mismatches: string[] = [];
    fc.assert(
      fc.property(document, style, decoration, fc.array(mutation, { maxLength: 3 }), (v, s, d, ms) => {
        const dumped = dump(v, s);
        if (dumped === undefined) return;
        const texts = [dumped, decorate(dumped, d)];
        let text = texts[1] as string;
        for (const m of ms) {
          text = mutate(text, m);
          texts.push(text);
        }
        texts.forEach((t, i) => {
          const verdict = judge(t);
          tally.texts++;
          if (verdict.kind === 'mismatch') mismatches.push(`${verdict.why}\n--- text:\n${t}`);
          else tally[verdict.kind]++;
          if (i < 2) {
            tally.unmutated++;
            if (verdict.kind === 'fast') tally.unmutatedFast++;
          }
        });
        expect(mismatches.slice(0, 1)).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2500), seed: Number(process.env.FC_SEED ?? 20261129) },
    );
    console.log(`block-yaml differential: ${tally.texts} texts, ${tally.fast} fast path, ${tally.fallback} fallback; unmutated: ${tally.unmutatedFast}/${tally.unmutated} fast`);
    // the property must exercise the fast path, not only its fallbacks
    expect(tally.fast).toBeGreaterThan(tally.texts / 4);
  });

  it('agrees with js-yaml on block-style manifests after 1 to 4 mutations each', () => {
    // mostly ordinary words, so that the texts start on the fast path and the mutations decide
    const plainWord = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...K8S_KEYS, 'web', 'db', '80', '443', 'TCP', '10.0.0.0/8', 'nginx:1.25') }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY) });
    const leaf = fc.oneof(plainWord, fc.integer({ min: -5, max: 70000 }), fc.boolean(), fc.constant(null), fc.constant({}), fc.constant([]));
    const tree = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, { weight: 3, arbitrary: leaf }, { weight: 1, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }, { weight: 2, arbitrary: fc.dictionary(plainWord, tie('node'), { minKeys: 1, maxKeys: 4 }) }),
    })).node;
    const blockStyle = fc.oneof(
      fc.record({ lib: fc.constant('js-yaml' as const), indent: fc.constantFrom(2, 4), noArrayIndent: fc.boolean(), flowLevel: fc.constantFrom(-1, -1, 2), quotingType: fc.constantFrom<'"' | "'">('"', "'"), forceQuotes: fc.constant(false), lineWidth: fc.constant(-1) }),
      fc.record({ lib: fc.constant('yaml' as const), indent: fc.constantFrom(2, 4), indentSeq: fc.boolean(), defaultStringType: fc.constant<'PLAIN'>('PLAIN'), defaultKeyType: fc.constant(null), collectionStyle: fc.constantFrom<'any' | 'block'>('any', 'block'), lineWidth: fc.constant(0) }),
    );
    const tally = { texts: 0, fast: 0, baseFast: 0 };
    fc.assert(
      fc.property(fc.dictionary(plainWord, tree, { minKeys: 1, maxKeys: 5 }), blockStyle, decoration, fc.array(mutation, { minLength: 1, maxLength: 4 }), (v, st, d, ms) => {
        const dumped = dump(v, st);
        if (dumped === undefined) return;
        let text = decorate(dumped, d);
        if (judge(text).kind === 'fast') tally.baseFast++;
        for (const m of ms) {
          text = mutate(text, m);
          const verdict = judge(text);
          tally.texts++;
          if (verdict.kind === 'fast') tally.fast++;
          expect(verdict.kind === 'mismatch' ? `${verdict.why}\n--- text:\n${text}` : 'agrees').toBe('agrees');
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000), seed: Number(process.env.FC_SEED ?? 42) },
    );
    console.log(`block-yaml mutations: ${tally.texts} mutated texts, ${tally.fast} on the fast path; ${tally.baseFast} texts fast before mutation`);
    expect(tally.fast).toBeGreaterThan(tally.texts / 4);
  });

  it('agrees with js-yaml on random JSON values dumped in block style', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(2, 4), fc.boolean(), (v, indent, noArrayIndent) => {
        const text = jsYaml.dump({ root: v }, { indent, noArrayIndent });
        const verdict = judge(text);
        expect(verdict.kind === 'mismatch' ? verdict.why : 'ok').toBe('ok');
      }),
      { numRuns: 1500, seed: 7 },
    );
  });

  it('compares IntegralFloat by text and value', () => {
    expect(judge('a: 80.0\n')).toEqual({ kind: 'fast' });
    expect(new IntegralFloat('80.0', 80).toString()).toBe('80.0');
  });
});
