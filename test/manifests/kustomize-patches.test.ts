import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateRaw } from '../../src/manifests/positions.js';
import { kustomizationPatches, opReaches, targetSelects, writingOps } from '../../src/manifests/kustomize-patches.js';

/**
 * The reading of a kustomization's patches (src/manifests/kustomize-patches.ts), without kubectl:
 * which entries are JSON 6902 and which strategic merge, where a line of an inline patch lies in
 * the kustomization, which objects a `target:` selects, and when an operation's pointer provably
 * names a rendered field. Each answer either is exact or is none.
 */

const deployment = (name: string, env: { name: string; value: string }[], labels: Record<string, string> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels },
  spec: { template: { spec: { containers: [{ name, env }] } } },
});

describe('kustomizationPatches', () => {
  it('reads files and inline entries of patches, patchesStrategicMerge and patchesJson6902, in the order kustomize applies them', () => {
    const k = [
      'patchesJson6902:',
      '  - target: {kind: Deployment, name: web}',
      '    path: legacy.yaml',
      'patches:',
      '  - path: json.yaml',
      '    target: {kind: Deployment, name: api}',
      '  - patch: |-',
      '      - op: replace',
      '        path: /spec/replicas',
      '        value: 3',
      '    target: {kind: Deployment}',
      'patchesStrategicMerge:',
      '  - smp.yaml',
      '',
    ].join('\n');
    const files: Record<string, string> = {
      'o/json.yaml': '- op: add\n  path: /metadata/labels/x\n  value: y\n',
      'o/legacy.yaml': '[{"op": "replace", "path": "/spec/replicas", "value": 2}]\n',
      'o/smp.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\n',
    };
    const patches = kustomizationPatches('o/kustomization.yaml', k, (f) => files[f]);
    expect(patches.map((p) => [p.documents[0]?.file, p.json, p.target?.name ?? null])).toEqual([
      ['o/smp.yaml', false, null],
      ['o/json.yaml', true, 'api'],
      ['o/kustomization.yaml', true, null],
      ['o/legacy.yaml', true, 'web'],
    ]);
    // the inline operation's value sits on the kustomization's line 10, column 16
    const inline = patches[2];
    if (!inline) throw new Error('no inline patch');
    const at = inline.place(locateRaw(inline.documents[0] as never, [0, 'value']));
    expect(at).toMatchObject({ file: 'o/kustomization.yaml', line: 10, column: 16 });
    expect(k.split('\n')[9]?.slice(15)).toBe('3');
  });

  it('a folded or multi-line quoted inline patch is cited in the kustomization without a line; a one-line one at its line', () => {
    const folded = 'patches:\n  - patch: >-\n      [{"op": "replace", "path": "/spec/replicas",\n      "value": 3}]\n    target: {kind: Deployment}\n';
    const [f] = kustomizationPatches('k.yaml', folded, () => undefined);
    expect(f?.place(locateRaw(f.documents[0] as never, [0, 'value']))).toEqual({ file: 'k.yaml', doc: 0, path: [0, 'value'] });
    const oneLine = 'patches:\n  - patch: \'[{"op": "replace", "path": "/spec/replicas", "value": 3}]\'\n    target: {kind: Deployment}\n';
    const [o] = kustomizationPatches('k.yaml', oneLine, () => undefined);
    expect(o?.place(locateRaw(o.documents[0] as never, [0, 'value']))).toMatchObject({ file: 'k.yaml', line: 2 });
  });

  it('property: every line of a literal inline patch is placed on the kustomization line that holds its text, at any indentation', () => {
    const line = fc.stringMatching(/^[a-z]{1,8}: [a-z0-9]{1,8}$/);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 3 }), (lines, indent, before) => {
        const pad = ' '.repeat(indent + 4);
        const body = lines.join('\n');
        const k = `${'# comment\n'.repeat(before)}patches:\n  - patch: |-\n${lines.map((l) => pad + l).join('\n')}\n    target: {kind: Deployment}\n`;
        const [p] = kustomizationPatches('k.yaml', k, () => undefined);
        if (!p) return false;
        const klines = k.split('\n');
        return body.split('\n').every((l, i) => {
          const at = p.place({ file: 'k.yaml', doc: 1, line: i + 1, column: 1 });
          return at !== undefined && at.line !== undefined && klines[at.line - 1] === pad + l && at.column === pad.length + 1;
        });
      }),
    );
  });
});

describe('targetSelects', () => {
  const api = deployment('prod-api', [], { app: 'api', tier: 'backend' });
  const own = deployment('api', []);
  it('kind, group and version, an anchored name regex against the name before or after the prefix, label selectors', () => {
    expect(targetSelects({ kind: 'Deployment', name: 'api' }, api, own)).toBe(true);
    expect(targetSelects({ kind: 'Deployment', name: 'prod-api' }, api, own)).toBe(true);
    expect(targetSelects({ kind: 'Deployment', name: 'ap' }, api, own)).toBe(false);
    expect(targetSelects({ kind: 'Deployment', name: 'a.*' }, api, own)).toBe(true);
    expect(targetSelects({ kind: 'StatefulSet' }, api, own)).toBe(false);
    expect(targetSelects({ group: 'apps', version: 'v1' }, api, own)).toBe(true);
    expect(targetSelects({ group: '', version: 'v1' }, api, own)).toBe(false);
    expect(targetSelects({ labelSelector: 'app=api,tier' }, api, own)).toBe(true);
    expect(targetSelects({ labelSelector: 'app!=api' }, api, own)).toBe(false);
    expect(targetSelects({ labelSelector: '!tier' }, api, own)).toBe(false);
    // set-based selectors are evaluated as kustomize does (label-selector-text.test.ts checks them against kubectl)
    expect(targetSelects({ labelSelector: 'app in (api,web)' }, api, own)).toBe(true);
    expect(targetSelects({ labelSelector: 'app notin (api)' }, api, own)).toBe(false);
    expect(targetSelects({ labelSelector: 'app in (web), tier' }, api, own)).toBe(false);
    expect(targetSelects({ labelSelector: 'app in (' }, api, own)).toBe(false);
    expect(targetSelects({ name: '(' }, api, own)).toBe(false);
  });
});

describe('opReaches', () => {
  const path = ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'];
  const op = (o: unknown) => writingOps([o])[0] as NonNullable<ReturnType<typeof writingOps>[number]>;

  it('a replace at an index that holds the same element before and after the overlay', () => {
    const before = deployment('api', [{ name: 'DB', value: 'a' }]);
    const after = deployment('api', [{ name: 'DB', value: 'b' }]);
    expect(opReaches(op({ op: 'replace', path: '/spec/template/spec/containers/0/env/0/value', value: 'b' }), after, before, path)).toBe(8);
  });

  it('not when an element was put before it (the index named another element when the operation ran)', () => {
    const before = deployment('api', [{ name: 'DB', value: 'a' }]);
    const after = deployment('api', [
      { name: 'FIRST', value: 'b' },
      { name: 'DB', value: 'a' },
    ]);
    expect(opReaches(op({ op: 'replace', path: '/spec/template/spec/containers/0/env/0/value', value: 'b' }), after, before, path)).toBeUndefined();
  });

  it('an appended element: the one rendered element that holds all of the value, and no other', () => {
    const before = deployment('api', [{ name: 'DB', value: 'a' }]);
    const after = deployment('api', [
      { name: 'DB', value: 'a' },
      { name: 'NEW', value: 'n' },
    ]);
    const append = op({ op: 'add', path: '/spec/template/spec/containers/0/env/-', value: { name: 'NEW', value: 'n' } });
    expect(opReaches(append, after, before, ['spec', 'template', 'spec', 'containers', 0, 'env', 1, 'value'])).toBe(7);
    expect(opReaches(append, after, before, ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'])).toBeUndefined();
    const twice = deployment('api', [
      { name: 'NEW', value: 'n' },
      { name: 'NEW', value: 'n' },
    ]);
    expect(opReaches(append, twice, before, ['spec', 'template', 'spec', 'containers', 0, 'env', 1, 'value'])).toBeUndefined();
  });

  it('a path that ends above the pointer, a name that differs, copy and move: none', () => {
    const d = deployment('api', [{ name: 'DB', value: 'a' }]);
    const replace = op({ op: 'replace', path: '/spec/template/spec/containers/0/env/0/value', value: 'a' });
    expect(opReaches(replace, d, d, ['spec', 'template', 'spec', 'containers', 0, 'env', 0])).toBeUndefined();
    expect(opReaches(replace, d, d, ['spec', 'template', 'spec', 'initContainers', 0, 'env', 0, 'value'])).toBeUndefined();
    expect(writingOps([{ op: 'copy', from: '/a', path: '/b' }, { op: 'move', from: '/a', path: '/b' }, { op: 'remove', path: '/a' }, { op: 'add', path: 'no-slash', value: 1 }])).toEqual([]);
    // RFC 6901 escapes
    expect(writingOps([{ op: 'add', path: '/metadata/annotations/a~1b~0c', value: 'x' }])[0]?.tokens).toEqual(['metadata', 'annotations', 'a/b~c']);
  });
});
