import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readManifestFiles } from '../../src/io/files.js';
import { RenderCache } from '../../src/io/render.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { HELM, KUBECTL, kubectlKustomize, runWithTools } from '../helpers/tools.js';

/**
 * What Kustomize makes, cited at the line a person edits (real kubectl kustomize): a field a JSON
 * 6902 patch wrote (a patch file, the legacy patchesJson6902, inline in the kustomization), one an
 * inline strategic-merge patch wrote, an address in a file a configMapGenerator's `files:` reads;
 * in scan's evidence, synthesize's provenance, diagnostics and the PR check's comment. Where the
 * line cannot be known exactly, none is given.
 */
afterAll(cleanupTempDirs);

const P = 'fixtures/kustomize-trace/patched';
const OVERLAY = `${P}/overlay`;

interface Evidence {
  kind: string;
  file: string;
  line: number;
  column?: number;
  value?: string;
  via?: { file: string; line: number };
}
interface ScanJson {
  links: { src: string; dst: string; evidence: Evidence[] }[];
}

function scan(target: string, options: { cwd?: string; extra?: readonly string[]; env?: NodeJS.ProcessEnv } = {}): ScanJson {
  const r = runWithTools(['scan', target, '--format', 'json', ...(options.extra ?? [])], { ...(options.cwd ? { cwd: options.cwd } : {}), ...(options.env ? { env: options.env } : {}) });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ScanJson;
}

const places = (doc: ScanJson, src: string, dst: string) =>
  doc.links.find((l) => l.src === src && l.dst === dst)?.evidence.map((e) => `${e.file}:${e.line}${e.via ? ` via ${e.via.file}:${e.via.line}` : ''}`);

function lineOf(file: string, line: number, root = REPO_ROOT): string {
  return readFileSync(path.join(root, file), 'utf8').split('\n')[line - 1] ?? '';
}

describe('JSON 6902 patches, inline patches and generator files, cited at their lines', () => {
  it('scan cites the operation, the inline block and the data file', () => {
    const doc = scan(OVERLAY);
    // a JSON patch file: `replace` of an env value (the value's line), `add` of an env entry (the line inside the added mapping)
    expect(places(doc, 'shop/api[Deployment]', 'shop/db[StatefulSet]')).toEqual([`${OVERLAY}/api-json.yaml:4`]);
    expect(places(doc, 'shop/api[Deployment]', 'shop/cache[Deployment]')).toEqual([`${OVERLAY}/api-json.yaml:9`]);
    // the legacy patchesJson6902, an operation written in flow style on one line
    expect(places(doc, 'shop/web[Deployment]', 'shop/api[Deployment]')).toEqual([`${OVERLAY}/web-json.yaml:1`]);
    // inline in the kustomization: a JSON patch adding a whole env list, and a strategic-merge patch
    expect(places(doc, 'shop/audit[Deployment]', 'shop/metrics[Deployment]')).toEqual([`${OVERLAY}/kustomization.yaml:19`]);
    expect(places(doc, 'shop/cache[Deployment]', 'shop/metrics[Deployment]')).toEqual([`${OVERLAY}/kustomization.yaml:33`]);
    // configMapGenerator files: `app.properties` and `upstreams.json=endpoints.json`, at the file's line, with the mount in the base
    expect(places(doc, 'shop/web[Deployment]', 'shop/audit[Deployment]')).toEqual([`${OVERLAY}/app.properties:3 via ${P}/base/app.yaml:50`]);
    expect(places(doc, 'shop/web[Deployment]', 'shop/metrics[Deployment]')).toEqual([`${OVERLAY}/endpoints.json:2 via ${P}/base/app.yaml:50`]);
    expect(doc.links).toHaveLength(7);
    // every cited line holds the value it is cited for, at the cited column
    for (const e of doc.links.flatMap((l) => l.evidence)) {
      expect(e.line).toBeGreaterThan(0);
      expect(lineOf(e.file, e.line)).toContain(e.value);
      if (e.column !== undefined && e.value !== undefined) expect(lineOf(e.file, e.line).slice(e.column - 1)).toMatch(new RegExp(`^"?${e.value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    }
  });

  it("synthesize's rule provenance cites the same lines", () => {
    const r = runWithTools(['synthesize', OVERLAY, '--dry-run']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain(`egress[1] -> shop/db[StatefulSet] TCP 5432: ${OVERLAY}/api-json.yaml:4 spec.template.spec.containers[0].env[0].value = "postgres://db:5432"`);
    expect(out).toContain(`egress[0] -> shop/cache[Deployment] TCP 6379: ${OVERLAY}/api-json.yaml:9 spec.template.spec.containers[0].env[1].value = "redis://cache:6379"`);
    expect(out).toContain(`egress[0] -> shop/metrics[Deployment] TCP 9102: ${OVERLAY}/kustomization.yaml:19 spec.template.spec.containers[0].env[0].value = "http://metrics:9102"`);
    expect(out).toContain(`egress[0] -> shop/metrics[Deployment] TCP 9102: ${OVERLAY}/kustomization.yaml:33 spec.template.spec.containers[0].env[0].value = "http://metrics:9102"`);
    expect(out).toContain(`egress[0] -> shop/api[Deployment] TCP 8080: ${OVERLAY}/web-json.yaml:1 spec.template.spec.containers[0].env[0].value = "http://api:8080"`);
    expect(out).toContain(`egress[1] -> shop/audit[Deployment] TCP 7000: ${OVERLAY}/app.properties:3 data.app.properties = "http://audit:7000"`);
    expect(out).toContain(`egress[2] -> shop/metrics[Deployment] TCP 9102: ${OVERLAY}/endpoints.json:2 data.upstreams.json = "http://metrics:9102"`);
    expect(out).not.toContain(`${P}/base/app.yaml spec.template`);
  });

  it('a diagnostic in a field a patch wrote names the patch file, or the kustomization inside the inline block, at line and column', () => {
    const r = runWithTools(['connectivity', `${P}/broken`]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.includes('NPC012'));
    // a: a JSON patch file adds endPort; b: an inline JSON patch; c: an inline strategic-merge patch; d: a JSON patch appends a whole rule
    expect(lines.map((l) => l.slice(0, l.indexOf(' error')))).toEqual([
      `${P}/broken/a-json.yaml:3:10 [doc 1]`,
      `${P}/broken/d-json.yaml:7:18 [doc 1]`,
      `${P}/broken/kustomization.yaml:11:16`,
      `${P}/broken/kustomization.yaml:21:26`,
    ]);
    expect(lines[1]).toContain('spec.ingress[1].ports[0].endPort: endPort (8003)');
    expect(lines.every((l) => /spec\.ingress\[[01]\]\.ports\[0\]\.endPort: endPort \(800[0-3]\) < port \(9000\)/.test(l))).toBe(true);
    expect(lineOf(`${P}/broken/a-json.yaml`, 3).slice(9)).toBe('8000');
    expect(lineOf(`${P}/broken/d-json.yaml`, 7).slice(17)).toBe('8003');
    expect(lineOf(`${P}/broken/kustomization.yaml`, 11).slice(15)).toBe('8001');
    expect(lineOf(`${P}/broken/kustomization.yaml`, 21).slice(25)).toBe('8002');
  });

  it("the PR check's comment cites the patch's line for a link the head breaks", () => {
    const root = tempDir('netpol-ci-patch-check-');
    for (const side of ['base', 'head']) cpSync(path.join(REPO_ROOT, P), path.join(root, side), { recursive: true });
    // the head adds a policy that denies all ingress in the namespace
    writeFileSync(path.join(root, 'head', 'overlay', 'deny.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n');
    const k = path.join(root, 'head', 'overlay', 'kustomization.yaml');
    writeFileSync(k, readFileSync(k, 'utf8').replace('  - ../base\n', '  - ../base\n  - deny.yaml\n'));
    const r = runWithTools(['check', '--base', 'base/overlay', '--head', 'head/overlay'], { cwd: root });
    expect(r.stderr).toBe('');
    // paths relative to the side's folder; the head's kustomization has a line more (deny.yaml), so the inline patch is a line lower
    expect(r.stdout).toContain('- `shop/api[Deployment]` needs `shop/db[StatefulSet]` on `TCP 5432` (`api-json.yaml:4`: `postgres://db:5432`): head allows none of it');
    expect(r.stdout).toContain('- `shop/audit[Deployment]` needs `shop/metrics[Deployment]` on `TCP 9102` (`kustomization.yaml:20`: `http://metrics:9102`): head allows none of it');
    expect(r.stdout).toContain('- `shop/cache[Deployment]` needs `shop/metrics[Deployment]` on `TCP 9102` (`kustomization.yaml:34`: `http://metrics:9102`): head allows none of it');
    expect(r.stdout).toContain('- `shop/web[Deployment]` needs `shop/api[Deployment]` on `TCP 8080` (`web-json.yaml:1`: `http://api:8080`): head allows none of it');
    expect(r.stdout).toContain('- `shop/web[Deployment]` needs `shop/audit[Deployment]` on `TCP 7000` (`app.properties:3`: `http://audit:7000`): head allows none of it');
    expect(lineOf('head/overlay/kustomization.yaml', 20, root)).toContain('http://metrics:9102');
  });
});

describe("the PR check's comment on a helmCharts chart", () => {
  it('a policy a chart template adds is the cause, at its template line; a link it breaks is cited at its template line', () => {
    const root = tempDir('netpol-ci-patch-check-chart-');
    for (const side of ['base', 'head']) cpSync(path.join(REPO_ROOT, 'fixtures/kustomize-trace'), path.join(root, side), { recursive: true });
    writeFileSync(path.join(root, 'head/overlays/prod/charts/cache/templates/deny.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n');
    const r = runWithTools(['check', '--base', 'base/overlays/prod', '--head', 'head/overlays/prod'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('**1. Cause:** `NetworkPolicy prod/prod-deny` added in `charts/cache/templates/deny.yaml`');
    expect(r.stdout).toContain('ingress isolated by `NetworkPolicy prod/prod-deny` at `charts/cache/templates/deny.yaml:1` and no rule allows it');
    expect(r.stdout).toContain('- `prod/prod-cache-exporter[Deployment]` needs `prod/prod-cache[Deployment]` on `TCP 6379` (`charts/cache/templates/exporter.yaml:18`: `redis://prod-cache:6379`): head allows none of it');
  });
});

describe('no line where none is exact', () => {
  /**
   * An inline strategic-merge patch listed before the JSON patch file puts a new env entry first:
   * the operation's `/env/0` then names that entry, not the base's DB_URL (which keeps its value).
   */
  function moved(value: string): string {
    const root = tempDir('netpol-ci-patch-moved-');
    cpSync(path.join(REPO_ROOT, P), root, { recursive: true });
    const k = path.join(root, 'overlay', 'kustomization.yaml');
    const smp = `  - patch: |-\n      apiVersion: apps/v1\n      kind: Deployment\n      metadata: {name: api}\n      spec:\n        template:\n          spec:\n            containers:\n              - name: api\n                env:\n                  - {name: FIRST, value: "${value}"}\n`;
    writeFileSync(k, readFileSync(k, 'utf8').replace('patches:\n', `patches:\n${smp}`));
    return root;
  }

  it('an operation whose index an earlier patch moved: the patch that wrote the same value is cited, at its line', () => {
    const root = moved('postgres://db:5432/app');
    const doc = scan('overlay', { cwd: root });
    expect(places(doc, 'shop/api[Deployment]', 'shop/db[StatefulSet]')).toEqual(['overlay/kustomization.yaml:17']);
    expect(lineOf('overlay/kustomization.yaml', 17, root)).toContain('postgres://db:5432/app');
  });

  it('an operation whose index an earlier patch moved, alone holding the value: its file without a line', () => {
    const root = moved('not-an-address');
    const doc = scan('overlay', { cwd: root });
    // the operation wrote FIRST's value; which element `/env/0` was when it ran is not provable from the texts
    expect(places(doc, 'shop/api[Deployment]', 'shop/db[StatefulSet]')).toEqual(['overlay/api-json.yaml:0']);
    const txt = runWithTools(['scan', 'overlay', '--format', 'txt'], { cwd: root }).stdout;
    expect(txt).toContain('overlay/api-json.yaml spec.template.spec.containers[0].env[0].value = "postgres://db:5432"');
  });

  it('an operation whose value an overlay above rewrote is not cited for it', () => {
    const root = tempDir('netpol-ci-patch-layers-');
    cpSync(path.join(REPO_ROOT, P), root, { recursive: true });
    const top = path.join(root, 'top');
    cpSync(path.join(root, 'overlay'), top, { recursive: true });
    // a second overlay over the first replaces api's DB_URL again, with a JSON patch file of its own
    writeFileSync(path.join(top, 'kustomization.yaml'), 'resources:\n  - ../overlay\npatches:\n  - path: db.yaml\n    target: {kind: Deployment, name: api}\n');
    writeFileSync(path.join(top, 'db.yaml'), '- op: replace\n  path: /spec/template/spec/containers/0/env/0/value\n  value: postgres://db:5432/other\n');
    const doc = scan('top', { cwd: root });
    expect(places(doc, 'shop/api[Deployment]', 'shop/db[StatefulSet]')).toEqual(['top/db.yaml:3']);
  });
});

describe('helmCharts, the byte-identical text and the render cache', () => {
  it('when helm cannot render a helmCharts chart here, an info NPC285 says why its objects are cited at the kustomization without a line', () => {
    const overlay = 'fixtures/kustomize-trace/overlays/prod';
    // a helm that renders for kustomize (its values file is kustomize's) and fails for the tracing
    const helm = path.join(tempDir('netpol-ci-patch-helm-'), 'helm');
    writeFileSync(helm, `#!/bin/sh\nif [ "$1" = template ]; then case "$*" in *kustomize-helm-*) ;; *) echo "no chart for you" >&2; exit 1;; esac; fi\nexec ${JSON.stringify(HELM)} "$@"\n`);
    chmodSync(helm, 0o755);
    const r = runWithTools(['scan', overlay, '--format', 'json', '--verbose'], { env: { HELM_PATH: helm } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `${overlay}/kustomization.yaml:15:1 info NPC285 3 objects that helmCharts ("cache") generate are cited at this kustomization without a line: kustomize keeps no template name or line for them, and helm template of chart "cache" failed: no chart for you`,
    );
    const doc = JSON.parse(r.stdout) as ScanJson;
    expect(places(doc, 'prod/prod-cache-exporter[Deployment]', 'prod/prod-cache[Deployment]')).toEqual([`${overlay}/kustomization.yaml:0`]);
    // with helm rendering, every object is traced and nothing is said
    const traced = runWithTools(['scan', overlay, '--format', 'json', '--verbose']);
    expect(traced.stderr).not.toContain('NPC285');
    expect(places(JSON.parse(traced.stdout) as ScanJson, 'prod/prod-cache-exporter[Deployment]', 'prod/prod-cache[Deployment]')).toEqual([`${overlay}/charts/cache/templates/exporter.yaml:18`]);
  });

  it("an entry without releaseName (kustomize's --generate-name is helm's release-name): a static line at its line, a templated one at its template without a line", () => {
    const root = tempDir('netpol-ci-patch-inline-values-');
    cpSync(path.join(REPO_ROOT, 'fixtures/kustomize-trace/overlays/prod/charts'), path.join(root, 'ov', 'charts'), { recursive: true });
    writeFileSync(path.join(root, 'ov', 'kustomization.yaml'), 'helmCharts:\n  - name: cache\n    valuesInline: {port: 7000}\n');
    expect(runWithTools(['scan', 'ov', '--format', 'txt', '--verbose'], { cwd: root }).stderr).not.toContain('NPC285');
    const doc = scan('ov', { cwd: root });
    // no prefix here: the exporter's address names no Service; the port is valuesInline's
    expect(doc.links).toEqual([]);
    const txt = runWithTools(['scan', 'ov', '--format', 'txt'], { cwd: root }).stdout;
    expect(txt).toContain('ov/charts/cache/templates/exporter.yaml:18 default/release-name-exporter[Deployment] egress "redis://prod-cache:6379": no Service matches prod-cache');
    expect(txt).toContain('ov/charts/cache/templates/cache.yaml [rendered] default/release-name[Deployment] ingress: listens on TCP 7000');
  });

  it("a diagnostic in a helmCharts chart's static template line names that line, under the overlay's namePrefix", () => {
    const root = tempDir('netpol-ci-patch-chart-diag-');
    const chart = path.join(root, 'ov', 'charts', 'pol');
    mkdirSync(path.join(chart, 'templates'), { recursive: true });
    writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: pol\nversion: 0.1.0\n');
    writeFileSync(path.join(chart, 'values.yaml'), '{}\n');
    writeFileSync(
      path.join(chart, 'templates', 'policy.yaml'),
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: {{ .Release.Name }}-policy\nspec:\n  podSelector: {}\n  ingress:\n    - ports:\n        - port: 9000\n          endPort: 8000\n',
    );
    writeFileSync(path.join(root, 'ov', 'kustomization.yaml'), 'namePrefix: x-\nhelmCharts:\n  - name: pol\n    releaseName: p\n');
    const r = runWithTools(['connectivity', 'ov'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ov/charts/pol/templates/policy.yaml:10:20 error NPC012 spec.ingress[0].ports[0].endPort: endPort (8000) < port (9000)');
  });

  it('the analysed text is the plain kubectl kustomize output; the sources hold the patch and data files as they are', () => {
    const read = readManifestFiles([OVERLAY], { ...DEFAULT_READ_SETTINGS, render: { ...DEFAULT_READ_SETTINGS.render } }, new RenderCache());
    expect(read.diagnostics).toEqual([]);
    const byHand = readFileSync(kubectlKustomize([OVERLAY, '--enable-helm'], path.join(tempDir('netpol-ci-patch-text-'), 'out.yaml')), 'utf8');
    expect(read.files.map((f) => f.text).join('')).toBe(byHand);
    const origins = read.files[0]?.origins;
    if (origins?.tool !== 'kustomize') throw new Error('no kustomize origins');
    const paths = origins.sources.map((s) => s.path);
    for (const f of ['api-json.yaml', 'web-json.yaml', 'app.properties', 'endpoints.json', 'kustomization.yaml']) expect(paths).toContain(`${OVERLAY}/${f}`);
    for (const s of origins.sources) expect(s.text).toBe(readFileSync(path.join(REPO_ROOT, s.path), 'utf8'));
  });

  it('a second run with --cache-dir renders nothing and cites the same lines; an edited patch file renders again', () => {
    const root = tempDir('netpol-ci-patch-cache-');
    cpSync(path.join(REPO_ROOT, P), path.join(root, 'app'), { recursive: true });
    // a kubectl that logs each kustomize run
    const log = path.join(root, 'kubectl.log');
    const counting = path.join(root, 'kubectl');
    writeFileSync(counting, `#!/bin/sh\n[ "$1" = kustomize ] && echo "$2" >> ${JSON.stringify(log)}\nexec ${JSON.stringify(KUBECTL)} "$@"\n`);
    chmodSync(counting, 0o755);
    const runs = () => (readFileSyncOr(log) ?? '').split('\n').filter((l) => l !== '').length;
    const env = { KUBECTL_PATH: counting };
    const first = scan('app/overlay', { cwd: root, extra: ['--cache-dir', 'cache'], env });
    // the plain render and the tracing render
    expect(runs()).toBe(2);
    const second = scan('app/overlay', { cwd: root, extra: ['--cache-dir', 'cache'], env });
    expect(runs()).toBe(2);
    expect(second).toEqual(first);
    expect(places(second, 'shop/api[Deployment]', 'shop/db[StatefulSet]')).toEqual(['app/overlay/api-json.yaml:4']);
    // the patch file is an input: a new line there is a new rendering, cited at the new line
    const patch = path.join(root, 'app', 'overlay', 'api-json.yaml');
    writeFileSync(patch, `# moved down a line\n${readFileSync(patch, 'utf8')}`);
    const third = scan('app/overlay', { cwd: root, extra: ['--cache-dir', 'cache'], env });
    expect(runs()).toBe(4);
    expect(places(third, 'shop/api[Deployment]', 'shop/db[StatefulSet]')).toEqual(['app/overlay/api-json.yaml:5']);
  });
});

describe('the render cache with helmCharts', () => {
  it('a second run with --cache-dir runs neither kubectl kustomize nor helm template, and cites the same template lines', () => {
    const root = tempDir('netpol-ci-patch-cache-helm-');
    cpSync(path.join(REPO_ROOT, 'fixtures/kustomize-trace'), path.join(root, 'app'), { recursive: true });
    const log = path.join(root, 'tools.log');
    const wrap = (name: string, real: string) => {
      const file = path.join(root, name);
      writeFileSync(file, `#!/bin/sh\ncase "$1" in kustomize|template) echo "${name} $1" >> ${JSON.stringify(log)};; esac\nexec ${JSON.stringify(real)} "$@"\n`);
      chmodSync(file, 0o755);
      return file;
    };
    const env = { KUBECTL_PATH: wrap('kubectl', KUBECTL), HELM_PATH: wrap('helm', HELM) };
    const runs = () => (readFileSyncOr(log) ?? '').split('\n').filter((l) => l !== '');
    const first = scan('app/overlays/prod', { cwd: root, extra: ['--cache-dir', 'cache'], env });
    // kustomize's two renders (each inflating the chart with helm), and helm's own rendering of the chart for its template lines
    expect(runs()).toEqual(['kubectl kustomize', 'helm template', 'kubectl kustomize', 'helm template', 'helm template']);
    const second = scan('app/overlays/prod', { cwd: root, extra: ['--cache-dir', 'cache'], env });
    expect(runs()).toHaveLength(5);
    expect(second).toEqual(first);
    expect(places(second, 'prod/prod-cache-exporter[Deployment]', 'prod/prod-cache[Deployment]')).toEqual(['app/overlays/prod/charts/cache/templates/exporter.yaml:18']);
  });
});

function readFileSyncOr(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
