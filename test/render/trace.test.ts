import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readManifestFiles } from '../../src/io/files.js';
import { RenderCache } from '../../src/io/render.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { KUBECTL, kubectlKustomize, runWithTools } from '../helpers/tools.js';

/**
 * Rules traced to their manifest line through rendering, with the real kubectl kustomize and helm:
 * scan's evidence, synthesize's provenance and diagnostics cite the file a person edits (a base
 * file, a patch, a generator's literal or env file, a template's static line), never a line of
 * the tools' output, and no line at all where none can be known.
 */
afterAll(cleanupTempDirs);

const OVERLAY = 'fixtures/kustomize-trace/overlays/prod';
const K = 'fixtures/kustomize-trace';
const CHART = 'fixtures/helm/traced';

interface Evidence {
  kind: string;
  file: string;
  line: number;
  value?: string;
  via?: { file: string; line: number };
}
interface ScanJson {
  links: { src: string; dst: string; evidence: Evidence[] }[];
  gaps: { workload: string; file: string; line: number; detail: string }[];
}

function scanJson(target: string, extra: readonly string[] = []): { doc: ScanJson; stdout: string } {
  const r = runWithTools(['scan', target, '--format', 'json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { doc: JSON.parse(r.stdout) as ScanJson, stdout: r.stdout };
}

const places = (doc: ScanJson, src: string, dst: string) =>
  doc.links.find((l) => l.src === src && l.dst === dst)?.evidence.map((e) => `${e.file}:${e.line}${e.via ? ` via ${e.via.file}:${e.via.line}` : ''}`);

/** The text of a cited line (1-based) of a repository file. */
function lineOf(file: string, line: number): string {
  return readFileSync(path.join(REPO_ROOT, file), 'utf8').split('\n')[line - 1] ?? '';
}

describe('Kustomize: base, patch, namePrefix, configMapGenerator, helmCharts', () => {
  it('scan cites the base line, the patch line, the literal and the env-file line', () => {
    const { doc, stdout } = scanJson(OVERLAY);
    // a field the overlay's patch wrote (DB_HOST replaced, CACHE_URL added): the patch file's line
    expect(places(doc, 'prod/prod-api[Deployment]', 'prod/prod-db[StatefulSet]')).toEqual([`${OVERLAY}/api-patch.yaml:12`]);
    expect(places(doc, 'prod/prod-api[Deployment]', 'prod/prod-cache[Deployment]')).toEqual([`${OVERLAY}/api-patch.yaml:14`]);
    // a field the base wrote, in an object the patch changed elsewhere (its env list is merged by name)
    expect(places(doc, 'prod/prod-api[Deployment]', 'prod/prod-web[Deployment]')).toEqual([`${K}/base/api.yaml:20`]);
    // the base's own line, and a generated ConfigMap's key at its env file's line, with the workload's reference in the base
    expect(places(doc, 'prod/prod-web[Deployment]', 'prod/prod-api[Deployment]')).toEqual([`${K}/base/web.yaml:18`, `${OVERLAY}/web.env:2 via ${K}/base/web.yaml:20`]);
    // a generator literal: the kustomization's line
    expect(places(doc, 'prod/prod-web[Deployment]', 'prod/prod-cache[Deployment]')).toEqual([`${OVERLAY}/kustomization.yaml:12 via ${K}/base/web.yaml:20`]);
    // every cited line holds the value it is cited for
    for (const e of doc.links.flatMap((l) => l.evidence)) {
      if (e.kind !== 'address') continue;
      expect(e.line).toBeGreaterThan(0);
      expect(lineOf(e.file, e.line)).toContain(e.value);
    }
    // the origin annotations of the tracing render never reach the analysis or the output
    expect(stdout).not.toContain('config.kubernetes.io/origin');
    expect(stdout).not.toContain('[rendered]');
    expect(stdout).not.toMatch(/\/tmp\/|netpol-ci-origins-/);
  });

  it("objects a helmCharts entry generated are cited at the chart's template lines, through helm's own rendering of the chart", () => {
    const { doc } = scanJson(OVERLAY);
    // kustomize drops helm's `# Source:` comments; helm's own rendering of the vendored chart names the template
    expect(places(doc, 'prod/prod-cache-exporter[Deployment]', 'prod/prod-cache[Deployment]')).toEqual([`${OVERLAY}/charts/cache/templates/exporter.yaml:18`]);
    expect(lineOf(`${OVERLAY}/charts/cache/templates/exporter.yaml`, 18)).toContain('redis://prod-cache:6379');
    // the name the overlay prefixed is written in no file as rendered: the template, without a line
    const gap = doc.gaps.find((g) => g.workload === 'prod/prod-cache-exporter[Deployment]');
    expect(gap).toMatchObject({ file: `${OVERLAY}/charts/cache/templates/exporter.yaml`, line: 0 });
    const txt = runWithTools(['scan', OVERLAY, '--format', 'txt']);
    expect(txt.stdout).toContain(`    ${OVERLAY}/charts/cache/templates/exporter.yaml prod/prod-cache-exporter[Deployment] ingress:`);
    expect(txt.stdout).not.toMatch(/:0\b/);
  });

  it("synthesize's rule provenance cites the same lines", () => {
    const r = runWithTools(['synthesize', OVERLAY, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`egress[1] -> prod/prod-db[StatefulSet] TCP 5432: ${OVERLAY}/api-patch.yaml:12 spec.template.spec.containers[0].env[0].value = "prod-db:5432"`);
    expect(r.stdout).toContain(`ingress[0] <- prod/prod-web[Deployment] TCP 9090: ${K}/base/web.yaml:18 spec.template.spec.containers[0].env[0].value = "http://prod-api:9090"; ${OVERLAY}/web.env:2 data.METRICS_URL`);
    expect(r.stdout).toContain(`egress[0] -> prod/prod-cache[Deployment] TCP 6379: ${OVERLAY}/charts/cache/templates/exporter.yaml:18 spec.template.spec.containers[0].env[0].value = "redis://prod-cache:6379"`);
    expect(r.stdout).not.toContain('[rendered]');
  });

  it('a diagnostic inside a resource the overlay renamed names that file, line and column', () => {
    const r = runWithTools(['connectivity', `${K}/broken`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${K}/broken/policy.yaml:10:20 [doc 1] error NPC012 spec.ingress[0].ports[0].endPort: endPort (8000) < port (9000)`);
  });

  it('the analysed text is the plain kubectl kustomize output, byte for byte', () => {
    const read = readManifestFiles([OVERLAY], { ...DEFAULT_READ_SETTINGS, render: { ...DEFAULT_READ_SETTINGS.render } }, new RenderCache());
    expect(read.diagnostics).toEqual([]);
    expect(read.files).toHaveLength(1);
    const byHand = readFileSync(kubectlKustomize([OVERLAY, '--enable-helm'], path.join(tempDir('netpol-ci-trace-'), 'out.yaml')), 'utf8');
    expect(read.files[0]?.text).toBe(byHand);
    // the origins name repository files only, read as they are
    const origins = read.files[0]?.origins;
    expect(origins?.tool).toBe('kustomize');
    if (origins?.tool !== 'kustomize') return;
    for (const s of origins.sources) expect(s.text).toBe(readFileSync(path.join(REPO_ROOT, s.path), 'utf8'));
    expect(origins.kustomizations).toEqual([`${OVERLAY}/kustomization.yaml`, `${K}/base/kustomization.yaml`]);
  });

  it('when the tracing render fails, an info NPC270 says so and the rendered lines are kept', () => {
    // a kubectl that refuses the wrapper kustomization (and only it)
    const wrapper = path.join(tempDir('netpol-ci-trace-kubectl-'), 'kubectl');
    writeFileSync(wrapper, `#!/bin/sh\ncase "$2" in *netpol-ci-origins-*) echo "no origins here" >&2; exit 1;; esac\nexec ${JSON.stringify(KUBECTL)} "$@"\n`);
    chmodSync(wrapper, 0o755);
    const r = runWithTools(['scan', OVERLAY, '--format', 'txt', '--verbose'], { env: { KUBECTL_PATH: wrapper } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${OVERLAY}/kustomization.yaml info NPC270 overlay ${OVERLAY}: where its objects came from is unknown (no origins here); their positions are lines of the rendered output`);
    expect(r.stdout).toMatch(new RegExp(`${OVERLAY}/kustomization \\[rendered\\]:\\d+ spec\\.template`));
  });

  it('renderings kept in --cache-dir keep their origins: a second run cites the same lines', () => {
    const cache = tempDir('netpol-ci-trace-cache-');
    const first = scanJson(OVERLAY, ['--cache-dir', cache]).stdout;
    const entries = walk(path.join(cache, 'kustomize'));
    expect(entries).toHaveLength(1);
    expect(readFileSync(entries[0] as string, 'utf8')).toContain('"origins":{"tool":"kustomize"');
    const second = scanJson(OVERLAY, ['--cache-dir', cache]).stdout;
    expect(second).toBe(first);
    expect(second).toContain(`${OVERLAY}/api-patch.yaml`);
  });
});

describe('Helm: template lines only where exact, subcharts in their folder', () => {
  it('a static template line is cited; a templated one names the template as rendered, without a line', () => {
    const { doc, stdout } = scanJson(CHART);
    // before the template's first action: the template's own line
    expect(places(doc, 'default/api[Deployment]', 'default/metrics[Deployment]')).toEqual([`${CHART}/templates/api.yaml:18`]);
    expect(lineOf(`${CHART}/templates/api.yaml`, 18)).toContain('http://metrics:9102');
    // `{{ .Values.api.dbUrl }}`: no line of the template can be known from the output
    expect(places(doc, 'default/api[Deployment]', 'default/db[StatefulSet]')).toEqual([`${CHART}/templates/api.yaml [rendered]:0`]);
    // a subchart's template, in its own folder under charts/
    expect(doc.gaps.find((g) => g.workload === 'default/pushgateway[Deployment]')).toMatchObject({ file: `${CHART}/charts/metrics/templates/pusher.yaml`, line: 4 });
    expect(lineOf(`${CHART}/charts/metrics/templates/pusher.yaml`, 4)).toBe('  name: pushgateway');
    const txt = runWithTools(['scan', CHART, '--format', 'txt']).stdout;
    expect(txt).toContain(`${CHART}/templates/api.yaml [rendered] spec.template.spec.containers[0].env[1].value = "postgres://db:5432"`);
    expect(`${stdout}${txt}`).not.toMatch(/\[rendered\]:\d/);
  });

  it('a value read from a values key names that file, line and key; a later values file that sets it wins', () => {
    const { doc } = scanJson(CHART);
    const ev = (d: ScanJson) => d.links.find((l) => l.src === 'default/api[Deployment]' && l.dst === 'default/db[StatefulSet]')?.evidence[0] as Evidence & { values?: { file: string; line: number; key: string } };
    expect(ev(doc).values).toEqual({ file: `${CHART}/values.yaml`, line: 2, key: 'api.dbUrl' });
    const prod = scanJson(CHART, ['--helm-values', `${CHART}/values-prod.yaml`]).doc;
    expect(ev(prod).value).toBe('postgres://db:5432');
    expect(ev(prod).values).toEqual({ file: `${CHART}/values-prod.yaml`, line: 2, key: 'api.dbUrl' });
    // the shop chart's api template reads api.cacheUrl; its web template builds the address from a port: no values line is exact there
    const shop = scanJson('fixtures/helm/shop').doc;
    const shopEv = (src: string, dst: string) => shop.links.find((l) => l.src === src && l.dst === dst)?.evidence[0] as Evidence & { values?: unknown };
    expect(shopEv('shop/api[Deployment]', 'shop/cache[StatefulSet]').values).toEqual({ file: 'fixtures/helm/shop/values.yaml', line: 7, key: 'api.cacheUrl' });
    expect(shopEv('shop/web[Deployment]', 'shop/api[Deployment]').values).toBeUndefined();
    const txt = runWithTools(['scan', CHART, '--format', 'txt']).stdout;
    expect(txt).toContain(`= "postgres://db:5432" (values ${CHART}/values.yaml:2 api.dbUrl)`);
  });

  it('a diagnostic after the last action cites the template line', () => {
    const r = runWithTools(['connectivity', CHART]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${CHART}/templates/policy.yaml:11:20 error NPC012 spec.ingress[0].ports[0].endPort: endPort (5432) < port (6000)`);
    expect(lineOf(`${CHART}/templates/policy.yaml`, 11)).toBe('          endPort: 5432');
  });

  it('explain cites the template of a policy, as rendered when its lines are templated', () => {
    const r = runWithTools(['connectivity', 'fixtures/helm/shop', '--explain', 'shop/web', 'shop/api']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('NetworkPolicy shop/api-from-backend-and-web ingress rule 0 (fixtures/helm/shop/templates/networkpolicies.yaml [rendered])');
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
