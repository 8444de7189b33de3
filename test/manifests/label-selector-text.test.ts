import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { meetsRequirements, parseSelectorText } from '../../src/manifests/label-selector-text.js';
import { targetSelects } from '../../src/manifests/kustomize-patches.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { findKubectl } from '../helpers/tools.js';

/**
 * A patch `target:`'s `labelSelector` / `annotationSelector`, read as kustomize reads it
 * (apimachinery's labels.Parse), set-based forms included. The oracle is the real `kubectl
 * kustomize`: one overlay patches each object a selector targets with an annotation naming the
 * selector, and targetSelects must name exactly the objects kubectl patched.
 */

afterAll(cleanupTempDirs);

const OBJECTS: Record<string, Record<string, string>> = {
  api: { app: 'api', tier: 'backend', replicas: '3' },
  web: { app: 'web', tier: 'frontend' },
  db: { app: 'db', 'app.kubernetes.io/part-of': 'shop' },
  bare: {},
  empty: { app: '' },
};

const SELECTORS = [
  'app in (api,web)',
  'app in (api, web)',
  'app notin (api,web)',
  'tier notin (frontend)',
  '!tier',
  'tier',
  'app=api',
  'app==web',
  'app!=api',
  'app in (db), app.kubernetes.io/part-of',
  'app.kubernetes.io/part-of in (shop),!tier',
  'app in (api,web),tier notin (backend)',
  'replicas > 2',
  'replicas < 2',
  'app=',
  'app in (,web)',
  'app in ()',
  'app notin ()',
];

const deployment = (name: string, labels: Record<string, string>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels },
  spec: { selector: { matchLabels: { x: name } }, template: { metadata: { labels: { x: name } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
});

function kustomize(selectors: readonly string[]): { ok: boolean; patched: Map<string, Set<string>> } {
  const dir = tempDir('netpol-ci-selectors-');
  writeFileSync(path.join(dir, 'app.yaml'), Object.entries(OBJECTS).map(([n, l]) => `---\n${JSON.stringify(deployment(n, l))}\n`).join(''));
  const patches = selectors.map((sel, i) => ({
    target: { kind: 'Deployment', labelSelector: sel },
    patch: JSON.stringify([{ op: 'add', path: `/metadata/annotations/sel-${i}`, value: 'yes' }]),
  }));
  // each object has an annotations map for the `add` operations to write into
  const base = { resources: ['app.yaml'], commonAnnotations: { seen: 'yes' }, patches };
  writeFileSync(path.join(dir, 'kustomization.yaml'), JSON.stringify(base));
  const r = spawnSync(findKubectl(), ['kustomize', dir], { encoding: 'utf8' });
  const patched = new Map<string, Set<string>>();
  for (const doc of r.stdout.split(/^---$/m)) {
    const name = /^ {2}name: (\S+)/m.exec(doc)?.[1];
    if (!name) continue;
    patched.set(name, new Set([...doc.matchAll(/sel-(\d+): "?yes/g)].map((m) => SELECTORS[Number(m[1])] as string)));
  }
  return { ok: r.status === 0, patched };
}

describe('patch target selectors, as kubectl kustomize evaluates them', () => {
  it('every selector targets exactly the objects kubectl patches', () => {
    const { ok, patched } = kustomize(SELECTORS);
    expect(ok).toBe(true);
    for (const [name, labels] of Object.entries(OBJECTS)) {
      const rendered = deployment(name, labels) as unknown as Record<string, unknown>;
      const ours = SELECTORS.filter((sel) => targetSelects({ kind: 'Deployment', labelSelector: sel }, rendered, rendered));
      expect(ours.sort(), name).toEqual([...(patched.get(name) ?? [])].sort());
    }
    // the oracle is not vacuous: set-based selectors did select, and did leave objects out
    expect(patched.get('api')).toContain('app in (api,web)');
    expect(patched.get('db')).not.toContain('app in (api,web)');
    expect(patched.get('bare')).toContain('!tier');
  });

  it.each(['app in (a', 'app notin', 'in (a)', 'app >= 2', 'app > x', 'app,', 'a b'])('%s is refused by kubectl and selects nothing here', (sel) => {
    expect(kustomize([sel]).ok).toBe(false);
    expect(parseSelectorText(sel)).toBeUndefined();
  });

  it('meetsRequirements reads !=/notin as "absent or different", in/= as "present and equal"', () => {
    const reqs = parseSelectorText('a!=1, b notin (x)') ?? [];
    expect(meetsRequirements(reqs, {})).toBe(true);
    expect(meetsRequirements(parseSelectorText('a in (1)') ?? [], {})).toBe(false);
  });
});
