import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * A patch on a ConfigMap a configMapGenerator made (an overlay changing one key of the base's
 * generated configuration) is cited where it wrote the value, as for any other object; a key it
 * leaves alone is still cited at the generator's literal. Real kubectl kustomize.
 */
afterAll(cleanupTempDirs);

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web
          envFrom: [{configMapRef: {name: web-config}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: api, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  selector: {app: api}
  ports: [{port: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: api-v2}
spec:
  selector: {app: api}
  ports: [{port: 9090, targetPort: 8080}]
`;

function overlay(patches: string): string {
  const root = tempDir('netpol-ci-generated-patch-');
  mkdirSync(path.join(root, 'base'));
  mkdirSync(path.join(root, 'prod'));
  writeFileSync(path.join(root, 'base', 'app.yaml'), APP);
  writeFileSync(
    path.join(root, 'base', 'kustomization.yaml'),
    'resources: [app.yaml]\ngeneratorOptions: {disableNameSuffixHash: true}\nconfigMapGenerator:\n  - name: web-config\n    literals:\n      - API_URL=http://api:8080\n      - CACHE_URL=http://api:8080/cache\n',
  );
  writeFileSync(path.join(root, 'prod', 'kustomization.yaml'), `resources: [../base]\n${patches}`);
  return root;
}

function evidence(root: string): string[] {
  const r = runWithTools(['scan', 'prod', '--format', 'json'], { cwd: root });
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout) as { links: { src: string; dst: string; evidence: { file: string; line: number; value: string }[] }[] };
  return doc.links.filter((l) => l.src === 'default/web[Deployment]').flatMap((l) => l.evidence.map((e) => `${e.value} ${e.file}:${e.line}`)).sort();
}

const lineIn = (root: string, file: string, needle: string) => readFileSync(path.join(root, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('patches on generated ConfigMaps', () => {
  it('a strategic-merge patch file on the generated ConfigMap: the patched key at the patch line, the other at its literal', () => {
    const root = overlay('patches:\n  - path: config-patch.yaml\n');
    writeFileSync(path.join(root, 'prod', 'config-patch.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  API_URL: http://api-v2:9090\n');
    expect(evidence(root)).toEqual([`http://api-v2:9090 prod/config-patch.yaml:${lineIn(root, 'prod/config-patch.yaml', 'api-v2')}`, `http://api:8080 base/kustomization.yaml:${lineIn(root, 'base/kustomization.yaml', 'CACHE_URL')}`]);
  });

  it('a JSON 6902 patch on the generated ConfigMap, targeted by kind and name', () => {
    const root = overlay('patches:\n  - target: {kind: ConfigMap, name: web-config}\n    path: config-ops.yaml\n');
    writeFileSync(path.join(root, 'prod', 'config-ops.yaml'), '- op: replace\n  path: /data/API_URL\n  value: http://api-v2:9090\n');
    expect(evidence(root)).toEqual([`http://api-v2:9090 prod/config-ops.yaml:${lineIn(root, 'prod/config-ops.yaml', 'api-v2')}`, `http://api:8080 base/kustomization.yaml:${lineIn(root, 'base/kustomization.yaml', 'CACHE_URL')}`]);
  });
});
