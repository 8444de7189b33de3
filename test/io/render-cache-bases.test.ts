import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { runWithTools } from '../helpers/tools.js';

afterAll(cleanupTempDirs);

/**
 * The rendering cache (`--cache-dir`, src/io/render.ts) keys an overlay by every file kustomize
 * reads for it: also the bases it names outside the scanned folder. Scanning only
 * `overlays/prod`, whose base is `../../base`, a change to the base must be seen on the next run
 * (real kubectl kustomize, in-process CLI).
 */
describe('an overlay scanned alone, its base outside the scanned folder', () => {
  it('a port changed in the base changes the next run’s answer, as without a cache', () => {
    const root = tempDir('netpol-ci-render-bases-');
    cpSync(path.join(REPO_ROOT, 'fixtures', 'kustomize-trace'), path.join(root, 'app'), { recursive: true });
    const scan = (cache: boolean) => {
      const r = runWithTools(['scan', 'app/overlays/prod', '--format', 'json', ...(cache ? ['--cache-dir', 'cache'] : [])], { cwd: root });
      expect(r.code, r.stderr).toBeLessThan(2);
      return r.stdout;
    };
    const before = scan(true);
    expect(before).toContain('9090');
    const api = path.join(root, 'app', 'base', 'api.yaml');
    writeFileSync(api, readFileSync(api, 'utf8').replaceAll('9090', '9191'));
    const cached = scan(true);
    expect(cached).toContain('9191');
    expect(cached).toBe(scan(false));
  });

  it('a transformer kustomization outside the scanned folder (transformers: [../tr]) changed: the next run renders again', () => {
    const root = tempDir('netpol-ci-render-transformers-');
    mkdirSync(path.join(root, 'ov'));
    mkdirSync(path.join(root, 'tr'));
    const deployment = (name: string, extra: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers:\n      - name: ${name}\n        image: ${name}\n${extra}`;
    const service = (name: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: {app: ${name}}\n  ports: [{port: 5432}]\n`;
    writeFileSync(
      path.join(root, 'ov', 'app.yaml'),
      [deployment('api', '        env:\n        - {name: DB_URL, value: "http://old:5432"}\n'), deployment('db', '        ports: [{containerPort: 5432}]\n'), service('db'), deployment('replica', '        ports: [{containerPort: 5432}]\n'), service('replica')].join('---\n'),
    );
    writeFileSync(path.join(root, 'ov', 'kustomization.yaml'), 'resources: [app.yaml]\ntransformers: [../tr]\n');
    writeFileSync(path.join(root, 'tr', 'kustomization.yaml'), 'resources: [url.yaml]\n');
    const transformer = (host: string) =>
      `apiVersion: builtin\nkind: PatchTransformer\nmetadata: {name: url}\ntarget: {kind: Deployment, name: api}\npatch: |-\n  - op: replace\n    path: /spec/template/spec/containers/0/env/0/value\n    value: http://${host}:5432\n`;
    writeFileSync(path.join(root, 'tr', 'url.yaml'), transformer('db'));
    const scan = (cache: boolean) => {
      const r = runWithTools(['scan', 'ov', '--format', 'json', ...(cache ? ['--cache-dir', 'cache'] : [])], { cwd: root });
      expect(r.code, r.stderr).toBeLessThan(2);
      return (JSON.parse(r.stdout) as { links: { src: string; dst: string }[] }).links.map((l) => `${l.src} -> ${l.dst}`);
    };
    expect(scan(true)).toEqual(['default/api[Deployment] -> default/db[Deployment]']);
    writeFileSync(path.join(root, 'tr', 'url.yaml'), transformer('replica'));
    expect(scan(true)).toEqual(['default/api[Deployment] -> default/replica[Deployment]']);
  });
});
