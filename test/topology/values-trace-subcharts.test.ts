import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { findHelm, runWithTools } from '../helpers/tools.js';

afterAll(cleanupTempDirs);

/**
 * A subchart's own values.yaml holds defaults helm merges below the parent's values: an address
 * that comes from such a default is traced to the subchart's values.yaml line (in its folder
 * under charts/, its `file://` folder, or its archive's member), and one the parent overrides to
 * the parent's line. Real helm renders and packages every chart here.
 */

const SUB_TEMPLATE = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: c
          image: x
          env:
            - name: DB_URL
              value: {{ .Values.dbUrl | quote }}
`;

const DB = `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  selector: {app: db}
  ports: [{port: 5432}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers: [{name: db, image: postgres, ports: [{containerPort: 5432}]}]
`;

function subchart(dir: string, name: string): void {
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  writeFileSync(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`);
  // the default, on line 2 (a comment above it)
  writeFileSync(path.join(dir, 'values.yaml'), `# where ${name} keeps its data\ndbUrl: postgres://db:5432/${name}\n`);
  writeFileSync(path.join(dir, 'templates', 'app.yaml'), SUB_TEMPLATE(name));
}

/** `root/shop` with a vendored folder (charts/api-folder, chart `api`), a packaged archive (charts/cache-1.0.0.tgz) and a file:// dependency (root/worker). */
function umbrella(parentValues: string): string {
  const root = tempDir('netpol-ci-subchart-defaults-');
  const shop = path.join(root, 'shop');
  mkdirSync(path.join(shop, 'templates'), { recursive: true });
  writeFileSync(
    path.join(shop, 'Chart.yaml'),
    'apiVersion: v2\nname: shop\nversion: 1.0.0\ndependencies:\n  - {name: api, version: 1.0.0}\n  - {name: cache, version: 1.0.0, repository: "https://charts.example.com/"}\n  - {name: worker, version: 1.0.0, repository: "file://../worker"}\n',
  );
  writeFileSync(path.join(shop, 'values.yaml'), parentValues);
  writeFileSync(path.join(shop, 'templates', 'db.yaml'), DB);
  subchart(path.join(shop, 'charts', 'api-folder'), 'api');
  subchart(path.join(root, 'worker'), 'worker');
  // packaged with helm itself, outside the scanned folder
  const src = path.join(tempDir('netpol-ci-subchart-src-'), 'cache');
  subchart(src, 'cache');
  const r = spawnSync(findHelm(), ['package', src, '-d', path.join(shop, 'charts')], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return root;
}

function traced(root: string): Record<string, string | undefined> {
  const r = runWithTools(['scan', '.', '--format', 'json'], { cwd: root });
  expect(r.code, r.stderr).toBe(0);
  const links = (JSON.parse(r.stdout) as { links: { src: string; dst: string; evidence: { values?: { file: string; line: number; key: string } }[] }[] }).links;
  return Object.fromEntries(
    links
      .filter((l) => l.dst === 'default/db[Deployment]')
      .map((l) => {
        const v = l.evidence[0]?.values;
        return [l.src, v && `${v.file}:${v.line} ${v.key}`];
      }),
  );
}

describe("a subchart's own values.yaml defaults", () => {
  it('an address from a default is traced to the subchart values.yaml line: vendored folder, archive member, file:// folder', () => {
    const root = umbrella('{}\n');
    expect(traced(root)).toEqual({
      'default/shop-api[Deployment]': 'shop/charts/api-folder/values.yaml:2 dbUrl',
      'default/shop-cache[Deployment]': 'shop/charts/cache-1.0.0.tgz#cache/values.yaml:2 dbUrl',
      'default/shop-worker[Deployment]': 'worker/values.yaml:2 dbUrl',
    });
  });

  it("a default the parent overrides is traced to the parent's line, under the subchart's name", () => {
    const root = umbrella('worker:\n  dbUrl: postgres://db:5432/jobs\ncache:\n  # same address as the default: the parent still sets it last\n  dbUrl: postgres://db:5432/cache\n');
    expect(traced(root)).toEqual({
      'default/shop-api[Deployment]': 'shop/charts/api-folder/values.yaml:2 dbUrl',
      'default/shop-cache[Deployment]': 'shop/values.yaml:5 cache.dbUrl',
      'default/shop-worker[Deployment]': 'shop/values.yaml:2 worker.dbUrl',
    });
  });
});
