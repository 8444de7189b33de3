import { chmodSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, REPO_ROOT, type CliResult } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { DEFAULT_KUBE_VERSION } from '../../src/io/types.js';
import { git, HELM, helmTemplate, runWithTools } from '../helpers/tools.js';

/**
 * Helm charts are rendered with the real `helm template` (HELM_PATH) before any stage runs:
 * `connectivity <chart>` must equal `connectivity` of the YAML that helm renders by hand, with
 * every flag passed through. No mocks: helm and the bundled CLI run for real.
 */
afterAll(cleanupTempDirs);

const SHOP = 'fixtures/helm/shop';
const RELEASE = 'fixtures/helm/release';

/** `connectivity ...` that must succeed quietly; returns the stdout lines. */
function connectivity(...args: string[]): string[] {
  const r: CliResult = runWithTools(['connectivity', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return lines(r.stdout);
}

/** `helm template <args...> > tmp/out.yaml` by hand, then `connectivity tmp/out.yaml`. */
function byHand(...args: string[]): string[] {
  const out = helmTemplate(args, path.join(tempDir('netpol-ci-helm-'), 'out.yaml'));
  return connectivity(out);
}

const SHOP_LINES = [
  'shop/api[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
  'shop/api[Deployment] => shop/cache[StatefulSet] : TCP 6379',
  'shop/cache[StatefulSet] => 0.0.0.0-255.255.255.255[External] : All Connections',
  'shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
  'shop/web[Deployment] => shop/api[Deployment] : TCP 9090',
];
const WORKER_LINES = [
  'shop/worker[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
  'shop/worker[Deployment] => shop/api[Deployment] : TCP 9090',
];
const hasWorker = (out: readonly string[]) => out.some((l) => l.includes('shop/worker[Deployment]'));

describe('connectivity of a chart equals connectivity of `helm template` by hand', () => {
  it('default values (conditionals, ServiceAccount-only template, vendored subchart)', () => {
    const rendered = connectivity(SHOP);
    expect(rendered).toEqual(byHand('shop', SHOP));
    // the vendored subchart's StatefulSet and the chart's policies are there; the optional worker is not
    expect(rendered).toEqual(SHOP_LINES);
    expect(hasWorker(rendered)).toBe(false);
  });

  it('--helm-values: the override adds the worker (and only then)', () => {
    const values = `${SHOP}/values-worker.yaml`;
    const rendered = connectivity(SHOP, '--helm-values', values);
    expect(rendered).toEqual(byHand('shop', SHOP, '--values', values));
    expect(rendered).toEqual([...SHOP_LINES, ...WORKER_LINES].sort());
    expect(hasWorker(rendered)).toBe(true);
  });

  it('--helm-set worker.enabled=true, and --helm-set wins over --helm-values as in helm', () => {
    const rendered = connectivity(SHOP, '--helm-set', 'worker.enabled=true');
    expect(rendered).toEqual(byHand('shop', SHOP, '--set', 'worker.enabled=true'));
    expect(hasWorker(rendered)).toBe(true);
    // repeatable, and applied after the values files
    const both = connectivity(SHOP, '--helm-values', `${SHOP}/values-worker.yaml`, '--helm-set', 'worker.enabled=false', '--helm-set', 'api.port=9191');
    expect(both).toEqual(byHand('shop', SHOP, '--values', `${SHOP}/values-worker.yaml`, '--set', 'worker.enabled=false', '--set', 'api.port=9191'));
    expect(hasWorker(both)).toBe(false);
    expect(both).toContain('shop/web[Deployment] => shop/api[Deployment] : TCP 9191');
  });

  it('--helm-release-name and --helm-namespace reach .Release.Name and .Release.Namespace', () => {
    const defaults = connectivity(RELEASE);
    // the default release name is the chart folder's name, the namespace helm's default
    expect(defaults).toEqual(byHand('release', RELEASE));
    expect(defaults).toContain('default/release-front[Deployment] => default/release-back[Deployment] : TCP 8080');

    const named = connectivity(RELEASE, '--helm-release-name', 'green', '--helm-namespace', 'team-b');
    expect(named).toEqual(byHand('green', RELEASE, '--namespace', 'team-b'));
    expect(named).toEqual([
      '0.0.0.0-255.255.255.255[External] => team-b/green-front[Deployment] : All Connections',
      'team-b/green-back[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'team-b/green-back[Deployment] => team-b/green-front[Deployment] : All Connections',
      'team-b/green-front[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'team-b/green-front[Deployment] => team-b/green-back[Deployment] : TCP 8080',
    ]);
  });

  it('--helm-config: per-chart values, set, release name and namespace, paths relative to the config file', () => {
    // fixtures/helm/helm-config.yaml: shop gets values-worker.yaml; release becomes blue in team-a with port=7070
    const rendered = connectivity(SHOP, RELEASE, '--helm-config', 'fixtures/helm/helm-config.yaml');
    const dir = tempDir('netpol-ci-helm-config-');
    helmTemplate(['shop', SHOP, '--values', `${SHOP}/values-worker.yaml`], path.join(dir, 'shop.yaml'));
    helmTemplate(['blue', RELEASE, '--namespace', 'team-a', '--set', 'port=7070'], path.join(dir, 'release.yaml'));
    expect(rendered).toEqual(connectivity(dir));
    expect(hasWorker(rendered)).toBe(true);
    expect(rendered).toContain('team-a/blue-front[Deployment] => team-a/blue-back[Deployment] : TCP 7070');
    // each chart got only its own settings: no port=7070 for shop, no worker values for release
    expect(rendered).toContain('shop/web[Deployment] => shop/api[Deployment] : TCP 9090');
    expect(rendered.some((l) => l.includes('default/'))).toBe(false);
  });

  it('renders a chart once per run (cache), with the flags passed to the real helm', () => {
    // a helm wrapper that logs its arguments, then runs the real helm
    const dir = tempDir('netpol-ci-helm-log-');
    const log = path.join(dir, 'calls.log');
    const wrapper = path.join(dir, 'helm');
    writeFileSync(wrapper, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${HELM}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    const r = runWithTools(['diff', SHOP, SHOP, '--helm-values', `${SHOP}/values-worker.yaml`], { env: { HELM_PATH: wrapper } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lines(r.stdout).filter((l) => l.startsWith('diff-type:'))).toEqual([]);
    const templates = lines(readFileSync(log, 'utf8')).filter((l) => l.startsWith('template '));
    expect(templates).toEqual([`template shop ${path.join(REPO_ROOT, SHOP)} --skip-tests --kube-version ${DEFAULT_KUBE_VERSION} --values ${path.join(REPO_ROOT, SHOP, 'values-worker.yaml')}`]);
  });
});

describe('provenance through rendering', () => {
  it('scan names the chart and the template, never a temporary file', () => {
    const r = runWithTools(['scan', SHOP, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { links: { src: string; dst: string; evidence: { file: string; line?: number }[] }[] };
    const files = (src: string, dst: string) => doc.links.find((l) => l.src === src && l.dst === dst)?.evidence.map((e) => e.file);
    expect(files('shop/web[Deployment]', 'shop/api[Deployment]')).toEqual([`${SHOP}/templates/web.yaml [rendered]`]);
    expect(files('shop/api[Deployment]', 'shop/cache[StatefulSet]')).toEqual([`${SHOP}/templates/api.yaml [rendered]`]);
    const txt = runWithTools(['scan', SHOP, '--format', 'txt']);
    expect(txt.code).toBe(0);
    // the env values are templated: a template line cannot be known from the output, so none is shown (never a line of the output)
    expect(txt.stdout).toContain(`${SHOP}/templates/api.yaml [rendered] spec.template.spec.containers[0].env[0].value`);
    expect(txt.stdout).not.toMatch(/\[rendered\]:\d/);
    expect(doc.links.flatMap((l) => l.evidence).every((e) => e.line === 0)).toBe(true);
    for (const out of [r.stdout, txt.stdout]) expect(out).not.toMatch(/\/tmp\/|\/work\/main|netpol-ci-/);
  });
});

describe('discovery', () => {
  it("a chart's values files and templates are not read as plain manifests (--verbose)", () => {
    const r = runWithTools(['connectivity', SHOP, '--verbose']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(SHOP_LINES);
    // only the rendered ServiceAccount is mentioned: no NPC008 (not Kubernetes) for values*.yaml or
    // Chart.yaml, no NPC005 (YAML syntax) for templates
    expect(lines(r.stderr)).toEqual(['info NPC009 skipped 1 ServiceAccount object (kind not modelled)']);
  });
});

describe('diff --repo renders the chart at each ref', () => {
  /** A git repository with a chart (at `at`), committed twice; `change` edits values.yaml in between. */
  function repoWithChart(chart: string, at: string, change: (values: string) => string): string {
    const repo = tempDir('netpol-ci-helm-repo-');
    git(repo, 'init', '-q');
    const dir = path.join(repo, at);
    cpSync(path.join(REPO_ROOT, chart), dir, { recursive: true });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'chart');
    const values = path.join(dir, 'values.yaml');
    writeFileSync(values, change(readFileSync(values, 'utf8')));
    git(repo, 'commit', '-q', '-a', '-m', 'values');
    return repo;
  }

  it('a values change (worker enabled, api port) shows as the connectivity change', () => {
    const repo = repoWithChart(SHOP, 'deploy/shop', (v) => v.replace('  enabled: false', '  enabled: true').replace('  port: 9090', '  port: 9191'));
    const r = runWithTools(['diff', '--repo', repo, '--base', 'HEAD~1', '--head', 'HEAD', '--exit-code']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([
      'Connectivity diff:',
      'diff-type: changed, source: shop/web[Deployment], destination: shop/api[Deployment], ref1: TCP 9090, ref2: TCP 9191',
      'diff-type: added, source: shop/worker[Deployment], destination: 0.0.0.0-255.255.255.255[External], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload shop/worker[Deployment] added',
      'diff-type: added, source: shop/worker[Deployment], destination: shop/api[Deployment], ref1: No Connections, ref2: TCP 9191, workloads-diff-info: workload shop/worker[Deployment] added',
    ]);
    // provenance names the ref, the chart and the template, not the temporary tree
    const json = runWithTools(['diff', '--repo', repo, '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json']);
    const at = [...json.stdout.matchAll(/"at": "([^"]*)"/g)].map((m) => m[1] as string);
    // the policies' template is wrapped in `{{- if }}`: no line of it is known, so the template is named as rendered, without one
    expect(at).toContain('HEAD~1:deploy/shop/templates/networkpolicies.yaml [rendered]');
    for (const a of at) expect(a).toMatch(/^HEAD(~1)?:deploy\/shop\/templates\/[a-z]+\.yaml( \[rendered\]|:\d+)$/);
    expect(json.stdout).not.toMatch(/\/tmp\/|netpol-ci-tree-/);
  });

  // Found by these tests and fixed: the default release name is the chart's own name, not its (temporary) folder's.
  it('a chart at the repository root: release names do not depend on the temporary tree', () => {
    const repo = repoWithChart(RELEASE, '.', (v) => v.replace('port: 8080', 'port: 8081'));
    const r = runWithTools(['diff', '--repo', repo, '--base', 'HEAD~1', '--head', 'HEAD']);
    expect(r.stdout).not.toContain('netpol-ci-tree-');
    expect(lines(r.stdout)).toEqual([
      'Connectivity diff:',
      'diff-type: changed, source: default/release-front[Deployment], destination: default/release-back[Deployment], ref1: TCP 8080, ref2: TCP 8081',
    ]);
  });

  // Found by these tests and fixed: --helm-config is looked up at the working-tree path of each ref's chart.
  it('--helm-config applies to the charts of both refs', () => {
    const repo = repoWithChart(RELEASE, 'release', (v) => v.replace('port: 8080', 'port: 8081'));
    writeFileSync(path.join(repo, 'helm-config.yaml'), 'charts:\n  release:\n    releaseName: blue\n    namespace: team-a\n');
    const r = runWithTools(['diff', '--repo', repo, '--base', 'HEAD~1', '--head', 'HEAD', '--helm-config', path.join(repo, 'helm-config.yaml'), 'release']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      'Connectivity diff:',
      'diff-type: changed, source: team-a/blue-front[Deployment], destination: team-a/blue-back[Deployment], ref1: TCP 8080, ref2: TCP 8081',
    ]);
  });
});
