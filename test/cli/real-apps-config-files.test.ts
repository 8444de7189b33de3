import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { APPS, linkLines, w, type ScanDoc } from '../helpers/real-apps.js';
import { runWithTools } from '../helpers/tools.js';
import { readConfigDocument } from '../../src/topology/config-documents.js';
import { parseAllDocuments } from 'yaml';

/**
 * Config files inside ConfigMaps, read by their structure (src/topology/config-documents.ts), on
 * real applications (fixtures/real-apps; sources in its README).
 */
afterAll(cleanupTempDirs);

type Evidence = { file?: string; line?: number; value?: string };

/** `scan --format json` run from `cwd` (relative paths: evidence is cited in the Kustomize sources). */
function scanIn(cwd: string, target: string, extra: string[] = []): ScanDoc {
  const r = runWithTools(['scan', target, '--format', 'json', ...extra], { cwd });
  expect(r.stderr.split('\n').filter((l) => / error /.test(l))).toEqual([]);
  return JSON.parse(r.stdout) as ScanDoc;
}

/** The string values of every ConfigMap in a file. */
function configMapValues(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const o = doc.toJS() as { kind?: string; data?: Record<string, unknown> } | null;
    if (o?.kind !== 'ConfigMap') continue;
    for (const [k, v] of Object.entries(o.data ?? {})) if (typeof v === 'string') out.set(k, v);
  }
  return out;
}

/**
 * Argo Workflows' quick-start, https://github.com/argoproj/argo-workflows (docs: "Workflow
 * Controller Config Map", "Workflow Archive": `persistence.postgresql: {host: postgres, port:
 * 5432}` for the postgres variant, `persistence.mysql: {host: mysql, port: 3306}` for mysql; the
 * artifact repository `s3.endpoint: minio:9000`). The controller reads workflow-controller-configmap
 * through the Kubernetes API by that name (its `--configmap` flag), with no volume nor env: the
 * manifests do not tie it to the controller, so those calls stay gaps (real-apps-switches.test.ts
 * asserts them). Here the same manifests, with the ConfigMap mounted into the controller as a user
 * would mount a config file: then it is the controller's, and its structured entries are links.
 */
describe('Argo Workflows: workflow-controller-configmap (YAML documents in ConfigMap values)', () => {
  const component = (db: string) => `${APPS}/argo-workflows/manifests/components/${db}/overlays/workflow-controller-configmap.yaml`;

  it('the Components\' persistence and synchronization values are read as host + port: postgres:5432, mysql:3306', () => {
    for (const [db, expected] of [['postgres', 'host: postgres (port: 5432)'], ['mysql', 'host: mysql (port: 3306)']] as const) {
      const values = configMapValues(component(db));
      for (const key of ['persistence', 'synchronization']) {
        expect(readConfigDocument(values.get(key) as string)?.addresses.map((a) => a.text), `${db} ${key}`).toEqual([expected]);
      }
    }
  });

  /** The manifests copied into a temp dir, with the controller mounting its ConfigMap. */
  function tied(): string {
    const parent = tempDir('netpol-ci-argo-cm-');
    const root = path.join(parent, 'manifests');
    cpSync(`${APPS}/argo-workflows/manifests`, root, { recursive: true });
    const file = path.join(root, 'base/workflow-controller/workflow-controller-deployment.yaml');
    const text = readFileSync(file, 'utf8');
    const mounted = text
      .replace('          args: [ ]\n', '          args: [ ]\n          volumeMounts:\n            - name: config\n              mountPath: /etc/argo\n')
      .replace('      securityContext:\n        runAsNonRoot: true\n      nodeSelector:', '      volumes:\n        - name: config\n          configMap:\n            name: workflow-controller-configmap\n      securityContext:\n        runAsNonRoot: true\n      nodeSelector:');
    expect(mounted).toContain('name: workflow-controller-configmap');
    writeFileSync(file, mounted);
    return parent;
  }

  for (const [overlay, db, port] of [
    ['postgres', 'postgres', 5432],
    ['mysql', 'mysql', 3306],
  ] as const) {
    it(`${overlay}, the ConfigMap mounted: controller -> ${db} on ${port} and -> minio on 9000, cited at the \`host:\` lines of the Component's patch`, () => {
      const cwd = tied();
      const doc = scanIn(cwd, `manifests/quick-start/${overlay}`, ['--namespace', 'argo']);
      const c = w('argo', 'workflow-controller');
      expect(linkLines(doc)).toEqual([`${c} => ${w('argo', 'minio')} : TCP 9000`, `${c} => ${w('argo', db)} : TCP ${port}`]);
      const link = doc.links.find((l) => l.dst === w('argo', db));
      const patch = `manifests/components/${db}/overlays/workflow-controller-configmap.yaml`;
      const lines = readFileSync(path.join(cwd, patch), 'utf8').split('\n');
      const evidence = (link?.evidence ?? []) as Evidence[];
      expect(evidence.map((e) => [e.file, e.value])).toEqual([
        [patch, `host: ${db} (port: ${port})`],
        [patch, `host: ${db} (port: ${port})`],
      ]);
      // persistence's and synchronization's own `host:` lines, exactly
      expect(evidence.map((e) => lines[(e.line ?? 0) - 1])).toEqual([`      host: ${db}`, `      host: ${db}`]);
      expect(evidence[0]?.line).toBeLessThan(evidence[1]?.line ?? 0);
      // and the database is no ingress gap any more: the controller is its caller
      expect(doc.gaps.filter((g) => g.workload === w('argo', db) && g.direction === 'ingress')).toEqual([]);
    });
  }
});

/**
 * The OpenTelemetry demo, https://github.com/open-telemetry/opentelemetry-demo (kubernetes/
 * opentelemetry-demo.yaml): Grafana's grafana.ini (an INI file) and OpenSearch's opensearch.yml (a
 * YAML document), both mounted. Grafana's docs ("Configure Grafana", [server]): `root_url`,
 * `domain`, `http_port` are where Grafana itself is served; OpenSearch's ("Network settings"):
 * `network.host` is the address the node binds and publishes. Neither is a destination.
 */
describe('OpenTelemetry demo: grafana.ini and opensearch.yml (INI and YAML in ConfigMap values)', () => {
  const values = configMapValues(`${APPS}/opentelemetry-demo/opentelemetry-demo.yaml`);

  it("grafana.ini is read as INI: its [server] section (root_url, domain) is Grafana's own, no address", () => {
    const ini = values.get('grafana.ini') as string;
    const reading = readConfigDocument(ini);
    expect(reading?.addresses).toEqual([]);
    const server = reading?.ownSpans.map(([from, to]) => ini.slice(from, to)) ?? [];
    expect(server.some((s) => s.startsWith('[server]') && s.includes('root_url'))).toBe(true);
  });

  it("opensearch.yml's `network.host: 0.0.0.0` is the node's own address, no destination", () => {
    const yml = values.get('opensearch.yml') as string;
    const reading = readConfigDocument(yml);
    expect(reading?.addresses).toEqual([]);
    expect(reading?.ownSpans.map(([from, to]) => yml.slice(from, to))).toContain('0.0.0.0');
  });
});
