import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * A v1 chart lists its dependencies in requirements.yaml; helm 3 renders it, and wants a
 * `file://` dependency under charts/ like any other. The real helm renders it here from a
 * temporary copy (test/cli/real-apps-more.test.ts runs a v2 chart, Kiamol's Pi).
 */
afterAll(cleanupTempDirs);

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

const DEPLOYMENT = (name: string, env = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: "{{ .Release.Name }}-${name}"}
spec:
  selector: {matchLabels: {app: "{{ .Release.Name }}-${name}"}}
  template:
    metadata: {labels: {app: "{{ .Release.Name }}-${name}"}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 8080}]${env}}]
---
apiVersion: v1
kind: Service
metadata: {name: "{{ .Release.Name }}-${name}"}
spec:
  selector: {app: "{{ .Release.Name }}-${name}"}
  ports: [{port: 80, targetPort: 8080}]
`;

describe('a v1 chart (requirements.yaml) with a file:// dependency', () => {
  it('renders the dependency as its subchart, once', () => {
    const root = tempDir();
    write(root, 'shop/Chart.yaml', 'apiVersion: v1\nname: shop\nversion: 1.0.0\n');
    write(root, 'shop/requirements.yaml', 'dependencies:\n  - name: api\n    version: 1.0.0\n    repository: file://../libs/api\n');
    write(root, 'shop/templates/web.yaml', DEPLOYMENT('web', ', env: [{name: API_URL, value: "http://{{ .Release.Name }}-api"}]'));
    write(root, 'libs/api/Chart.yaml', 'apiVersion: v1\nname: api\nversion: 1.0.0\n');
    write(root, 'libs/api/templates/api.yaml', DEPLOYMENT('api'));
    const r = runWithTools(['scan', root, '--format', 'json']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { links: { src: string; dst: string; conns: string; evidence: { file?: string }[] }[]; gaps: { workload: string }[] };
    expect(doc.links.map((l) => `${l.src} => ${l.dst} : ${l.conns}`)).toEqual(['default/shop-web[Deployment] => default/shop-api[Deployment] : TCP 8080']);
    // libs/api is not rendered as a release of its own (it would add api-api)
    expect(r.stdout).not.toContain('api-api');
    expect(doc.gaps.map((g) => g.workload)).toEqual(['default/shop-web[Deployment]']);
  });

  it('a dependency written with a trailing slash (`file://../libs/api/`) is the same folder: rendered once, as the subchart (found in review)', () => {
    const root = tempDir();
    write(root, 'shop/Chart.yaml', 'apiVersion: v1\nname: shop\nversion: 1.0.0\n');
    write(root, 'shop/requirements.yaml', 'dependencies:\n  - name: api\n    version: 1.0.0\n    repository: file://../libs/api/\n');
    write(root, 'shop/templates/web.yaml', DEPLOYMENT('web', ', env: [{name: API_URL, value: "http://{{ .Release.Name }}-api"}]'));
    write(root, 'libs/api/Chart.yaml', 'apiVersion: v1\nname: api\nversion: 1.0.0\n');
    write(root, 'libs/api/templates/api.yaml', DEPLOYMENT('api'));
    const r = runWithTools(['connectivity', root]);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('api-api');
  });

  it('an overlay whose resources name its base with a trailing slash (`../base/`) renders the base once, through the overlay (found in review)', () => {
    const root = tempDir();
    write(root, 'base/kustomization.yaml', 'resources: [web.yaml]\n');
    write(root, 'base/web.yaml', DEPLOYMENT('web').replaceAll('{{ .Release.Name }}-', ''));
    write(root, 'overlay/kustomization.yaml', 'namePrefix: ov-\nresources: [../base/]\n');
    const r = runWithTools(['connectivity', root, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('ov-web');
    expect(r.stdout).not.toMatch(/default\/web\[/);
  });

  it('a file:// dependency that does not exist is an error naming the chart and the dependency', () => {
    const root = tempDir();
    write(root, 'shop/Chart.yaml', 'apiVersion: v1\nname: shop\nversion: 1.0.0\n');
    write(root, 'shop/requirements.yaml', 'dependencies:\n  - name: api\n    version: 1.0.0\n    repository: file://../libs/api\n');
    write(root, 'shop/templates/web.yaml', DEPLOYMENT('web'));
    const r = runWithTools(['scan', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shop\/Chart\.yaml error NPC024 chart .*shop has a file:\/\/ dependency that cannot be rendered: api \(file:\/\/\.\.\/libs\/api\) has no Chart\.yaml; chart not rendered/);
  });
});
