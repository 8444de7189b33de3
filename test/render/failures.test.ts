import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, type CliResult } from '../helpers/cli.js';
import { APP_LINES, cleanupTempDirs, diagnosticPattern, makeCase, tempDir, type ExpectedDiagnostic } from '../helpers/fixtures.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * Rendering failures never stop the analysis and never skip a chart silently: the error names the
 * chart or overlay (as the diagnostic's file and in the message), shows the tool's own message,
 * the run exits 2, and the other inputs (a plain manifest folder given as a second path) are still
 * analysed and printed.
 */
afterAll(cleanupTempDirs);

/** `connectivity <input> <plain folder> ...`: the plain app's connectivity must still be printed, exactly. */
function withPlainApp(input: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): CliResult {
  const plain = makeCase(undefined);
  const r = runWithTools(['connectivity', input, plain, ...args], { env });
  expect(lines(r.stdout)).toEqual([...APP_LINES]);
  expect(r.code).toBe(2);
  return r;
}

function expectOnly(r: CliResult, d: ExpectedDiagnostic): void {
  expect(r.stderr).toMatch(diagnosticPattern(d));
  // one diagnostic: the failure, nothing about the plain app
  expect(r.stderr.match(/ (error|warning|info) NPC\d{3} /g)).toHaveLength(1);
}

describe('rendering failures', () => {
  it('helm missing (HELM_PATH=/nonexistent/helm)', () => {
    const r = withPlainApp('fixtures/helm/shop', [], { HELM_PATH: '/nonexistent/helm' });
    expectOnly(r, {
      file: 'fixtures/helm/shop/Chart.yaml',
      code: 'NPC023',
      severity: 'error',
      message: 'helm is needed to render chart fixtures/helm/shop but /nonexistent/helm does not run; chart not rendered',
    });
  });

  it('kubectl missing (KUBECTL_PATH=/nonexistent/kubectl)', () => {
    const r = withPlainApp('fixtures/kustomize/overlays/prod', [], { KUBECTL_PATH: '/nonexistent/kubectl' });
    expectOnly(r, {
      file: 'fixtures/kustomize/overlays/prod/kustomization.yaml',
      code: 'NPC023',
      severity: 'error',
      message: 'kubectl is needed to render overlay fixtures/kustomize/overlays/prod but /nonexistent/kubectl does not run; overlay not rendered',
    });
  });

  it('a failing template ({{ fail }}) shows helm\'s own message', () => {
    const r = withPlainApp('fixtures/helm/failing');
    expectOnly(r, {
      file: 'fixtures/helm/failing/Chart.yaml',
      code: 'NPC022',
      severity: 'error',
      message: 'helm template failed for chart fixtures/helm/failing: Error: execution error at (failing/templates/deployment.yaml:2:4): failing-chart: image.tag must be set',
    });
    expect(r.stderr).toContain('chart not rendered');
  });

  it('a failing overlay shows kubectl\'s own message', () => {
    const dir = tempDir('netpol-ci-failing-overlay-');
    mkdirSync(path.join(dir, 'broken'));
    writeFileSync(path.join(dir, 'broken', 'kustomization.yaml'), 'resources:\n  - missing-resource.yaml\n');
    const r = withPlainApp(path.join(dir, 'broken'));
    expectOnly(r, { file: `${path.join(dir, 'broken')}/kustomization.yaml`, code: 'NPC022', severity: 'error', message: `kubectl kustomize failed for overlay ${path.join(dir, 'broken')}:` });
    expect(r.stderr).toContain("accumulating resources from 'missing-resource.yaml'");
    expect(r.stderr).toContain('overlay not rendered');
  });

  it('an unvendored dependency (repository URL, no charts/) is refused before helm runs, naming it', () => {
    const r = withPlainApp('fixtures/helm/unvendored');
    expectOnly(r, {
      file: 'fixtures/helm/unvendored/Chart.yaml',
      code: 'NPC024',
      severity: 'error',
      message: 'chart fixtures/helm/unvendored needs dependencies that are not vendored under charts/: postgresql (https://charts.example.com/stable); chart not rendered',
    });
  });

  it('a timeout (--render-timeout 1 on a slow chart)', () => {
    const started = Date.now();
    const r = withPlainApp('fixtures/helm/slow', ['--render-timeout', '1']);
    expectOnly(r, {
      file: 'fixtures/helm/slow/Chart.yaml',
      code: 'NPC022',
      severity: 'error',
      message: 'helm template failed for chart fixtures/helm/slow: timed out after 1 s (--render-timeout); chart not rendered',
    });
    // helm was stopped at the limit, not waited for
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('output too large (--max-render-bytes 1000)', () => {
    const r = withPlainApp('fixtures/helm/huge', ['--max-render-bytes', '1000']);
    expectOnly(r, {
      file: 'fixtures/helm/huge/Chart.yaml',
      code: 'NPC022',
      severity: 'error',
      message: 'helm template failed for chart fixtures/helm/huge: output larger than 1000 bytes (--max-render-bytes); chart not rendered',
    });
    // without the cap the same chart renders
    const ok = runWithTools(['connectivity', 'fixtures/helm/huge']);
    expect(ok.code).toBe(0);
    expect(lines(ok.stdout)).toContain('huge/huge[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections');
  });
});

describe('a chart is never silently skipped', () => {
  it('scanning fixtures/helm: every chart is rendered or reported', () => {
    const r = runWithTools(['connectivity', 'fixtures/helm', '--render-timeout', '2']);
    expect(r.code).toBe(2);
    const out = lines(r.stdout);
    for (const rendered of ['shop/web[Deployment]', 'default/release-front[Deployment]', 'huge/huge[Deployment]']) {
      expect(out.some((l) => l.includes(rendered)), rendered).toBe(true);
    }
    for (const [chart, code] of [
      ['failing', 'NPC022'],
      ['slow', 'NPC022'],
      ['unvendored', 'NPC024'],
    ] as const) {
      expect(r.stderr).toMatch(diagnosticPattern({ file: `fixtures/helm/${chart}/Chart.yaml`, code, severity: 'error', message: `chart fixtures/helm/${chart}` }));
    }
    expect(out.some((l) => /failing|slow|unvendored/.test(l))).toBe(false);
  });
});
