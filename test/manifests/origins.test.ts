import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManifestFile } from '../../src/manifests/documents.js';
import { helmTemplateLines, kustomizeDocumentSources, withOrigins, type RenderOrigins } from '../../src/manifests/origins.js';
import { locate } from '../../src/manifests/positions.js';
import { splitHelmOutput } from '../../src/manifests/render.js';

const lines = (t: string) => t.split('\n');

describe('helmTemplateLines: a template line only where it is the same text by construction', () => {
  it('a template without actions maps every line', () => {
    const t = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n';
    expect(helmTemplateLines([lines('apiVersion: v1\nkind: Service\nmetadata:\n  name: a')], t)).toEqual([[1, 2, 3, 4]]);
  });

  it('lines before the first action and after the last one map; the rest do not', () => {
    const t = ['kind: Deployment', 'metadata:', '  name: {{ .Release.Name }}', 'spec:', '  replicas: 1'].join('\n');
    const out = ['kind: Deployment', 'metadata:', '  name: r', 'spec:', '  replicas: 1'];
    expect(helmTemplateLines([out], t)).toEqual([[1, 2, 0, 4, 5]]);
  });

  it('`{{-` joins the line before it to the action, `-}}` the line after: neither maps', () => {
    const t = ['kind: A', 'labels:', '{{- include "x" . | nindent 2 }}', 'spec:', '{{- if true -}}', 'x: 1', 'y: 2', '{{- end }}', 'z: 3'].join('\n');
    const out = ['kind: A', 'labels:', '  app: a', 'spec:x: 1', 'y: 2', 'z: 3'];
    const map = helmTemplateLines([out], t)[0] as number[];
    expect(map[0]).toBe(1);
    expect(map[1]).toBe(0); // `labels:` may carry what the chomping action wrote after it
    expect(map[5]).toBe(9);
    expect(map.slice(2, 5)).toEqual([0, 0, 0]);
  });

  it('documents helm printed in another order (sorted by kind) are found by their text', () => {
    const t = ['kind: Deployment', 'metadata: {name: d}', '---', 'kind: Service', 'metadata: {name: s}'].join('\n');
    expect(helmTemplateLines([['kind: Service', 'metadata: {name: s}'], ['kind: Deployment', 'metadata: {name: d}']], t)).toEqual([
      [4, 5],
      [1, 2],
    ]);
  });

  it('a static head that two rendered documents share maps onto neither', () => {
    const t = ['kind: Service', 'metadata:', '  name: {{ .Values.a }}', '---', 'kind: Service', 'metadata:', '  name: b'].join('\n');
    const r = helmTemplateLines(
      [
        ['kind: Service', 'metadata:', '  name: b'],
        ['kind: Service', 'metadata:', '  name: a'],
      ],
      t,
    );
    // the whole static document is found (the first), the head of the templated one is ambiguous
    expect(r).toEqual([
      [5, 6, 7],
      [0, 0, 0],
    ]);
  });

  it('text that reads differently is never mapped', () => {
    expect(helmTemplateLines([['kind: Service', 'x: 2']], 'kind: Service\nx: 1\n')).toEqual([[0, 0]]);
  });

  it('property: every mapped line reads the same in the template and in the output', () => {
    const line = fc.constantFrom('a: 1', 'b: 2', '  c: x', 'name: {{ .Values.n }}', '{{- if .Values.x }}', '{{- end }}', 'd: {{ .Release.Name }}', '---', '', '# note');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), fc.array(fc.array(fc.constantFrom('a: 1', 'b: 2', '  c: x', 'name: n', 'd: r', '# note'), { minLength: 1, maxLength: 6 }), { maxLength: 3 }), (tl, rendered) => {
        const t = tl.join('\n');
        const map = helmTemplateLines(rendered, t);
        const tlines = t.split('\n');
        map.forEach((d, k) => d.forEach((n, i) => n > 0 && expect(tlines[n - 1]).toBe(rendered[k]?.[i])));
      }),
    );
  });

  it('splitHelmOutput carries the map, shifted by each document separator', () => {
    const files = splitHelmOutput('---\n# Source: c/templates/a.yaml\nkind: A\nx: 1\n---\n# Source: c/templates/a.yaml\nkind: B\ny: 2\n', 'charts/c', (source) => ({ file: `charts/c/${source}`, text: 'kind: A\nx: 1\n---\nkind: B\ny: {{ 2 }}\n' }));
    expect(files).toHaveLength(1);
    expect(files[0]?.text).toBe('---\nkind: A\nx: 1\n---\nkind: B\ny: 2\n');
    // by line of the file: `---`, kind: A (1), x: 1 (2), `---`, kind: B (4), the templated y, the last newline
    expect(files[0]?.origins).toEqual({ tool: 'helm', template: 'charts/c/templates/a.yaml', source: 'templates/a.yaml', lines: [0, 1, 2, 0, 4, 0, 0] });
  });
});

describe('Kustomize origins: a field is cited where it was last written, exactly', () => {
  const base = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: api', 'spec:', '  template:', '    spec:', '      containers:', '        - name: api', '          args: [--a, --b]', '          env:', '            - name: A', '              value: a:1', '            - name: B', '              value: b:2', ''].join('\n');
  const patch = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: api', 'spec:', '  template:', '    spec:', '      containers:', '        - name: api', '          env:', '            - name: C', '              value: c:3', ''].join('\n');
  const kustomization = 'namePrefix: p-\nresources: [../base]\npatches:\n  - path: patch.yaml\n';
  // what kustomize gives: the patch's entry first, the name prefixed, an arg added by another transformer
  const rendered = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'p-api' },
    spec: { template: { spec: { containers: [{ name: 'api', args: ['--a', '--b', '--c'], env: [{ name: 'C', value: 'c:3' }, { name: 'A', value: 'a:1' }, { name: 'B', value: 'b:2' }] }] } } },
  };
  const renderedText = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: p-api\nspec:\n  template:\n    spec:\n      containers:\n      - args: [--a, --b, --c]\n        env:\n        - {name: C, value: c:3}\n        - {name: A, value: a:1}\n        - {name: B, value: b:2}\n        name: api\n`;
  const origins: RenderOrigins = {
    tool: 'kustomize',
    documents: [{ path: 'base/api.yaml' }],
    kustomizations: ['prod/kustomization.yaml', 'base/kustomization.yaml', 'other/kustomization.yaml'],
    sources: [
      { path: 'base/api.yaml', text: base },
      { path: 'base/kustomization.yaml', text: 'resources: [api.yaml]\n' },
      { path: 'prod/kustomization.yaml', text: kustomization },
      { path: 'prod/patch.yaml', text: patch },
      // a kustomization the overlay reaches that does not build base/api.yaml: its patch of an `api` is another object's
      { path: 'other/kustomization.yaml', text: 'resources: [api.yaml]\npatches:\n  - path: patch.yaml\n' },
      { path: 'other/patch.yaml', text: base },
    ],
  };
  const doc = withOrigins(parseManifestFile({ path: 'prod/kustomization [rendered]', text: renderedText }).documents, origins)[0];
  const env = (i: number) => ['spec', 'template', 'spec', 'containers', 0, 'env', i, 'value'];

  it('the parsed rendering is the object kustomize gives', () => {
    expect(doc?.value).toEqual(rendered);
  });

  it('an entry the patch added: the patch line; entries of the base, found by name: the base lines', () => {
    if (!doc) throw new Error('no document');
    expect(locate(doc, env(0))).toMatchObject({ file: 'prod/patch.yaml', line: 12 });
    expect(locate(doc, env(1))).toMatchObject({ file: 'base/api.yaml', line: 13 });
    expect(locate(doc, env(2))).toMatchObject({ file: 'base/api.yaml', line: 15 });
    // the rendered path is kept: it names the field of the object analysed
    expect(locate(doc, env(2)).path).toEqual(env(2));
  });

  it('a value a transformer changed (namePrefix) or a list of another length: the file, no line', () => {
    if (!doc) throw new Error('no document');
    const name = locate(doc, ['metadata', 'name']);
    expect(name.file).toBe('base/api.yaml');
    expect(name.line).toBeUndefined();
    const arg = locate(doc, ['spec', 'template', 'spec', 'containers', 0, 'args', 0]);
    expect(arg).toMatchObject({ file: 'base/api.yaml' });
    expect(arg.line).toBeUndefined();
  });

  it('the object itself and a container: where the base defines them', () => {
    if (!doc) throw new Error('no document');
    expect(locate(doc, [])).toMatchObject({ file: 'base/api.yaml', line: 1 });
    expect(locate(doc, ['spec', 'template', 'spec', 'containers', 0])).toMatchObject({ file: 'base/api.yaml', line: 9 });
  });

  it('origins are matched to the plain rendering by identity, never by position; a repeated identity gets none', () => {
    const a = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'a', annotations: { 'config.kubernetes.io/origin': 'path: ../x/a.yaml\n' } } };
    const b = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'b', annotations: { 'config.kubernetes.io/origin': 'configuredIn: ../x/kustomization.yaml\nconfiguredBy:\n  apiVersion: builtin\n  kind: ConfigMapGenerator\n' } } };
    const remote = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'c', annotations: { 'config.kubernetes.io/origin': 'path: a.yaml\nrepo: https://github.com/x/y\nref: v1\n' } } };
    const plain = [b, a, remote].map((o) => ({ ...o, metadata: { name: o.metadata.name } }));
    const shown = (p: string) => (p.startsWith('../x/') ? `x/${p.slice(5)}` : undefined);
    expect(kustomizeDocumentSources(plain, [a, b, remote], shown)).toEqual([{ configuredIn: 'x/kustomization.yaml', generator: 'ConfigMapGenerator' }, { path: 'x/a.yaml' }, null]);
    expect(kustomizeDocumentSources(plain.slice(0, 1), [b, b], shown)).toEqual([null]);
  });
});
