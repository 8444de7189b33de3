import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { runWithTools } from '../helpers/tools.js';

afterAll(cleanupTempDirs);

/**
 * A rendered value is traced to the values file only where that is exact (src/topology/scan.ts
 * `traceValue`): never for text the template writes itself, never when `--set` overrides the values
 * files (real helm, in-process CLI).
 */
const DB = `---
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
      containers:
        - name: db
          image: db
          ports: [{containerPort: 5432}]
---
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  selector: {app: db}
  ports: [{port: 5432}]
`;

function chart(env: string, values: string, annotation = ''): string {
  const dir = path.join(tempDir('netpol-ci-values-trace-'), 'shop');
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: shop\nversion: 0.1.0\n');
  writeFileSync(path.join(dir, 'values.yaml'), values);
  writeFileSync(
    path.join(dir, 'templates', 'api.yaml'),
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n${annotation}    spec:\n      containers:\n        - name: api\n          image: api\n          env:\n            - name: DB_URL\n              value: ${env}\n${DB}`,
  );
  return dir;
}

function evidence(args: string[], cwd: string): { file: string; line?: number; values?: unknown }[] {
  const r = runWithTools(['scan', ...args, '--format', 'json'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  const links = (JSON.parse(r.stdout) as { links: { src: string; evidence: { file: string; line?: number; values?: unknown }[] }[] }).links;
  return links.filter((l) => l.src === 'default/api[Deployment]').flatMap((l) => l.evidence);
}

describe('a value traced to its values file only where exact', () => {
  it('the template reads the values key for its address', () => {
    const dir = chart('{{ .Values.api.dbUrl | quote }}', 'api:\n  dbUrl: http://db:5432\n');
    const [e] = evidence(['shop'], path.dirname(dir));
    expect(e?.values).toMatchObject({ file: 'shop/values.yaml', line: 2, key: 'api.dbUrl' });
  });

  it('text the template writes itself is not traced, though the template reads a key holding the same address elsewhere', () => {
    const dir = chart('http://db:5432', 'api:\n  legacyUrl: http://db:5432\n', '      annotations:\n        legacy: {{ .Values.api.legacyUrl | quote }}\n');
    const [e] = evidence(['shop'], path.dirname(dir));
    expect(e).toMatchObject({ file: 'shop/templates/api.yaml', line: 19 });
    expect(e?.values).toBeUndefined();
  });

  it('a value --set overrides is not traced to the values file it overrides', () => {
    const dir = chart('{{ .Values.api.dbUrl | quote }}', 'api:\n  dbUrl: postgres://db:5432/app\n');
    const config = path.join(path.dirname(dir), 'helm-config.yaml');
    writeFileSync(config, 'charts:\n  shop:\n    set: [api.dbUrl=postgres://db:5432/other]\n');
    const [e] = evidence(['shop', '--helm-config', config], path.dirname(dir));
    expect(e?.values).toBeUndefined();
  });

  it('an address that resolves to nothing names its values line too: the gap of a values-only PR points at the line it changed', () => {
    const dir = chart('{{ .Values.api.dbUrl | quote }}', 'api:\n  dbUrl: http://db:5433\n');
    const r = runWithTools(['scan', 'shop', '--format', 'json'], { cwd: path.dirname(dir) });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { gaps: { workload: string; value?: string; values?: unknown }[]; unresolved: { value: string; values?: unknown }[] };
    const gap = doc.gaps.find((g) => g.workload === 'default/api[Deployment]' && g.value === 'http://db:5433');
    expect(gap?.values).toEqual({ file: 'shop/values.yaml', line: 2, key: 'api.dbUrl' });
    expect(doc.unresolved.find((u) => u.value === 'http://db:5433')?.values).toEqual({ file: 'shop/values.yaml', line: 2, key: 'api.dbUrl' });
    const txt = runWithTools(['scan', 'shop'], { cwd: path.dirname(dir) });
    expect(txt.stdout).toContain('default/api[Deployment] egress "http://db:5433" (values shop/values.yaml:2 api.dbUrl): Service default/db has no port 5433');
    const md = runWithTools(['scan', 'shop', '--format', 'md'], { cwd: path.dirname(dir) });
    expect(md.stdout).toContain('| `shop/templates/api.yaml [rendered]`<br>values `shop/values.yaml:2 api.dbUrl` | `default/api[Deployment]` | egress | `http://db:5433` |');
  });
});
