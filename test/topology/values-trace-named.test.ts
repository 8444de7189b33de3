import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { runWithTools } from '../helpers/tools.js';

afterAll(cleanupTempDirs);

/**
 * A value read inside a named template (`{{ define }}` in `_helpers.tpl`, used through `include`)
 * is traced to its values line where the chain provably hands the named template the chart's root
 * context (src/topology/named-templates.ts), and not otherwise (real helm, in-process CLI).
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

function chart(env: string, helpers: string, values = 'api:\n  dbUrl: http://db:5432\n'): string {
  const dir = path.join(tempDir('netpol-ci-values-named-'), 'shop');
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: shop\nversion: 0.1.0\n');
  writeFileSync(path.join(dir, 'values.yaml'), values);
  writeFileSync(path.join(dir, 'templates', '_helpers.tpl'), helpers);
  writeFileSync(
    path.join(dir, 'templates', 'api.yaml'),
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n        - name: api\n          image: api\n          env:\n            - name: DB_URL\n${env}${DB}`,
  );
  return dir;
}

function evidence(dir: string): { file: string; line?: number; values?: unknown }[] {
  const r = runWithTools(['scan', 'shop', '--format', 'json'], { cwd: path.dirname(dir) });
  expect(r.code, r.stderr).toBe(0);
  const links = (JSON.parse(r.stdout) as { links: { src: string; dst: string; evidence: { file: string; line?: number; values?: unknown }[] }[] }).links;
  const toDb = links.filter((l) => l.src === 'default/api[Deployment]' && l.dst === 'default/db[Deployment]');
  expect(toDb).toHaveLength(1);
  return toDb.flatMap((l) => l.evidence);
}

const TRACED = { file: 'shop/values.yaml', line: 2, key: 'api.dbUrl' };
const HELPER = '{{- define "shop.dbUrl" -}}\n{{- .Values.api.dbUrl -}}\n{{- end -}}\n';

describe('values read inside named templates', () => {
  it('include "x" . at the top of a template: traced to the values line', () => {
    const [e] = evidence(chart('              value: {{ include "shop.dbUrl" . | quote }}\n', HELPER));
    expect(e).toMatchObject({ file: 'shop/templates/api.yaml [rendered]', values: TRACED });
  });

  it('through a chain of named templates, with $ and with template', () => {
    const helpers = `{{- define "shop.db" -}}{{ template "shop.dbUrl" $ }}{{- end -}}\n${HELPER}`;
    const [e] = evidence(chart('              value: "{{ include "shop.db" . }}"\n', helpers));
    expect(e?.values).toEqual(TRACED);
  });

  it('$ inside a with block is still the root', () => {
    const [e] = evidence(chart('              {{- with .Values.api }}\n              value: {{ include "shop.dbUrl" $ | quote }}\n              {{- end }}\n', HELPER));
    expect(e?.values).toEqual(TRACED);
  });

  it('not traced where the chain is no proof: . rebound by with, a dict argument, a name defined twice', () => {
    // the address comes from a literal, while values.yaml holds the same text: citing values.yaml would be wrong
    const literal = '(dict "Values" (dict "api" (dict "dbUrl" "http://db:5432")))';
    const rebound = chart(`              {{- with ${literal} }}\n              value: {{ include "shop.dbUrl" . | quote }}\n              {{- end }}\n`, HELPER);
    expect(evidence(rebound)[0]).toMatchObject({ file: 'shop/templates/api.yaml [rendered]' });
    expect(evidence(rebound)[0]?.values).toBeUndefined();
    const viaDict = chart(`              value: {{ include "shop.dbUrl" ${literal} | quote }}\n`, HELPER);
    expect(evidence(viaDict)[0]?.values).toBeUndefined();
    // defined twice (a second file of the chart redefines it): which one helm keeps is no proof
    const twice = chart('              value: {{ include "shop.dbUrl" . | quote }}\n', HELPER);
    writeFileSync(path.join(twice, 'templates', '_other.tpl'), '{{- define "shop.dbUrl" -}}{{ .Values.api.dbUrl }}{{- end -}}\n');
    expect(evidence(twice)[0]?.values).toBeUndefined();
  });

  it("a real chart: Bitnami WordPress's MARIADB_HOST, written by its wordpress.databaseHost helper from externalDatabase.host", () => {
    // `value: {{ include "wordpress.databaseHost" . | quote }}`; the helper prints .Values.externalDatabase.host when mariadb is off
    const values = path.join(tempDir('netpol-ci-values-named-'), 'external-db.yaml');
    writeFileSync(values, 'mariadb:\n  enabled: false\nexternalDatabase:\n  host: shop-db.shop.svc.cluster.local\n  port: 3306\n');
    const r = runWithTools(['scan', 'fixtures/real-apps/bitnami-wordpress', '--helm-values', values, '--format', 'json'], { cwd: REPO_ROOT });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { gaps: { workload: string; value?: string; file: string; values?: unknown }[] };
    const gap = doc.gaps.find((g) => g.workload === 'default/wordpress[Deployment]' && g.value?.startsWith('shop-db.shop.svc.cluster.local'));
    expect(gap).toMatchObject({ file: 'fixtures/real-apps/bitnami-wordpress/wordpress/templates/deployment.yaml [rendered]', values: { file: values, line: 4, key: 'externalDatabase.host' } });
  });

  it("a helper in a vendored library chart is followed, and one its parent redefines is no proof (the whole tree's partials count)", () => {
    const library = (dir: string, helper: string) => {
      mkdirSync(path.join(dir, 'charts', 'lib', 'templates'), { recursive: true });
      writeFileSync(path.join(dir, 'charts', 'lib', 'Chart.yaml'), 'apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n');
      writeFileSync(path.join(dir, 'charts', 'lib', 'templates', '_lib.tpl'), helper);
      writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: shop\nversion: 0.1.0\ndependencies:\n- name: lib\n  version: 0.1.0\n');
    };
    const followed = chart('              value: {{ include "lib.dbUrl" . | quote }}\n', '{{- define "shop.unused" -}}{{- end -}}\n');
    library(followed, '{{- define "lib.dbUrl" -}}{{ .Values.api.dbUrl }}{{- end -}}\n');
    expect(evidence(followed)[0]?.values).toEqual(TRACED);
    const redefined = chart('              value: {{ include "shop.dbUrl" . | quote }}\n', HELPER);
    library(redefined, HELPER);
    expect(evidence(redefined)[0]?.values).toBeUndefined();
  });
});
