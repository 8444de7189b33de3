import { cpSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, REPO_ROOT, type CliResult } from '../helpers/cli.js';
import { cleanupTempDirs, diagnosticPattern, tempDir } from '../helpers/fixtures.js';
import { HELM, kubectlKustomize, runWithTools } from '../helpers/tools.js';

/**
 * Kustomize overlays are rendered with the real `kubectl kustomize` (KUBECTL_PATH) before any
 * stage runs: `connectivity <overlay>` must equal `connectivity` of `kubectl kustomize <overlay>`.
 */
afterAll(cleanupTempDirs);

const KUSTOMIZE = 'fixtures/kustomize';
const OVERLAYS = ['staging', 'prod', 'prod-unlocked'] as const;

function connectivity(args: readonly string[], cwd?: string): string[] {
  const r: CliResult = runWithTools(['connectivity', ...args], cwd ? { cwd } : {});
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return lines(r.stdout);
}

/** `kubectl kustomize <overlay> > out.yaml` by hand (in a temp folder), then `connectivity out.yaml`. */
function byHand(args: readonly string[], cwd?: string): string[] {
  const out = kubectlKustomize(args, path.join(tempDir('netpol-ci-kustomize-'), 'out.yaml'), cwd);
  return connectivity([out]);
}

const EXPECTED: Record<(typeof OVERLAYS)[number], string[]> = {
  // namePrefix and namespace; lock-api selects stg-api
  staging: [
    '0.0.0.0-255.255.255.255[External] => staging/stg-web[Deployment] : All Connections',
    'staging/stg-api[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
    'staging/stg-api[Deployment] => staging/stg-web[Deployment] : All Connections',
    'staging/stg-web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
    'staging/stg-web[Deployment] => staging/stg-api[Deployment] : TCP 9090',
  ],
  prod: [
    '0.0.0.0-255.255.255.255[External] => prod/web[Deployment] : All Connections',
    'prod/api[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
    'prod/api[Deployment] => prod/web[Deployment] : All Connections',
    'prod/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
    'prod/web[Deployment] => prod/api[Deployment] : TCP 9090',
  ],
  // the patch drops api's `locked` label: lock-api selects nothing, api is open
  'prod-unlocked': [
    '0.0.0.0-255.255.255.255[External] => prod/api[Deployment] : All Connections',
    '0.0.0.0-255.255.255.255[External] => prod/web[Deployment] : All Connections',
    'prod/api[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
    'prod/api[Deployment] => prod/web[Deployment] : All Connections',
    'prod/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
    'prod/web[Deployment] => prod/api[Deployment] : All Connections',
  ],
};

describe('connectivity of an overlay equals connectivity of `kubectl kustomize` by hand', () => {
  for (const overlay of OVERLAYS) {
    it(overlay, () => {
      const dir = `${KUSTOMIZE}/overlays/${overlay}`;
      const rendered = connectivity([dir]);
      expect(rendered).toEqual(byHand([dir]));
      expect(rendered).toEqual(EXPECTED[overlay]);
    });
  }

  it('a `Kustomization` file name is an overlay too', () => {
    const dir = tempDir('netpol-ci-kustomization-name-');
    cpSync(path.join(REPO_ROOT, KUSTOMIZE, 'base'), dir, { recursive: true });
    renameSync(path.join(dir, 'kustomization.yaml'), path.join(dir, 'Kustomization'));
    const rendered = connectivity(['.'], dir);
    expect(rendered).toEqual(byHand(['.'], dir));
    // rendered once, as one overlay: the base's files are not also read as plain manifests
    expect(rendered).toContain('default/web[Deployment] => default/api[Deployment] : TCP 9090');
  });

  it('--kustomize-flag passes flags through (--load-restrictor)', () => {
    // an overlay that lists a file outside its own folder: kustomize refuses it unless told otherwise
    const dir = tempDir('netpol-ci-kustomize-flag-');
    cpSync(path.join(REPO_ROOT, KUSTOMIZE, 'base', 'web.yaml'), path.join(dir, 'web.yaml'));
    mkdirSync(path.join(dir, 'overlay'));
    writeFileSync(path.join(dir, 'overlay', 'kustomization.yaml'), 'namespace: flagged\nresources:\n  - ../web.yaml\n');

    const refused = runWithTools(['connectivity', '.'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(diagnosticPattern({ file: 'overlay/kustomization.yaml', code: 'NPC022', severity: 'error', message: 'kubectl kustomize failed for overlay overlay:' }));
    expect(refused.stderr).toContain('is not in or below');

    const flag = '--load-restrictor=LoadRestrictionsNone';
    const rendered = connectivity(['.', '--kustomize-flag', flag], dir);
    expect(rendered).toEqual(byHand(['overlay', flag], dir));
    // web.yaml is used by the overlay: read once, through it, never also as a plain manifest in `default`
    expect(rendered).toEqual([
      '0.0.0.0-255.255.255.255[External] => flagged/web[Deployment] : All Connections',
      'flagged/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
    ]);
  });

  it('an overlay that uses a chart through helmCharts renders it as kubectl kustomize --enable-helm does', () => {
    const dir = tempDir('netpol-ci-helmcharts-');
    mkdirSync(path.join(dir, 'overlay', 'charts'), { recursive: true });
    cpSync(path.join(REPO_ROOT, 'fixtures/helm/release'), path.join(dir, 'overlay', 'charts', 'release'), { recursive: true });
    writeFileSync(path.join(dir, 'overlay', 'kustomization.yaml'), 'helmCharts:\n  - name: release\n    releaseName: green\n    namespace: ns1\n    valuesInline: {port: 7443}\n');
    const rendered = connectivity(['.'], dir);
    expect(rendered).toEqual(byHand(['overlay', '--enable-helm', '--helm-command', HELM], dir));
    // the chart inside the overlay is rendered by kustomize only, not also on its own as `release`
    expect(rendered).toContain('ns1/green-front[Deployment] => ns1/green-back[Deployment] : TCP 7443');
    expect(rendered.some((l) => l.includes('release-'))).toBe(false);
  });
});

describe('discovery', () => {
  it('scanning fixtures/kustomize renders staging and prod-unlocked, not base or prod on their own', () => {
    const r = runWithTools(['connectivity', KUSTOMIZE, '--verbose']);
    expect(r.code).toBe(0);
    // no duplicate objects (prod on its own would repeat prod-unlocked's), nothing read as plain YAML
    expect(r.stderr).toBe('');
    const dir = tempDir('netpol-ci-kustomize-roots-');
    kubectlKustomize([`${KUSTOMIZE}/overlays/staging`], path.join(dir, 'staging.yaml'));
    kubectlKustomize([`${KUSTOMIZE}/overlays/prod-unlocked`], path.join(dir, 'prod-unlocked.yaml'));
    const out = lines(r.stdout);
    expect(out).toEqual(connectivity([dir]));
    // base on its own would land in `default`; prod on its own would keep api locked
    expect(out.some((l) => l.includes('default/'))).toBe(false);
    expect(out).toContain('0.0.0.0-255.255.255.255[External] => prod/api[Deployment] : All Connections');
    expect(out).toContain('staging/stg-web[Deployment] => staging/stg-api[Deployment] : TCP 9090');
  });
});

describe('diff between overlays', () => {
  it('prod -> prod-unlocked shows exactly the effect of the label patch', () => {
    const prod = `${KUSTOMIZE}/overlays/prod`;
    const unlocked = `${KUSTOMIZE}/overlays/prod-unlocked`;
    const r = runWithTools(['diff', prod, unlocked, '--exit-code']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const expected = [
      'Connectivity diff:',
      'diff-type: changed, source: prod/web[Deployment], destination: prod/api[Deployment], ref1: TCP 9090, ref2: All Connections',
      'diff-type: added, source: 0.0.0.0-255.255.255.255[External], destination: prod/api[Deployment], ref1: No Connections, ref2: All Connections',
    ];
    expect(lines(r.stdout)).toEqual(expected);
    // the same as the diff of the YAML rendered by hand
    const dir = tempDir('netpol-ci-kustomize-diff-');
    mkdirSync(path.join(dir, 'a'));
    mkdirSync(path.join(dir, 'b'));
    kubectlKustomize([prod], path.join(dir, 'a', 'out.yaml'));
    kubectlKustomize([unlocked], path.join(dir, 'b', 'out.yaml'));
    const hand = runWithTools(['diff', 'a', 'b'], { cwd: dir });
    expect(hand.code).toBe(0);
    expect(lines(hand.stdout)).toEqual(expected);
  });
});

describe('provenance through rendering', () => {
  it('scan and diff name the overlay, never a temporary file', () => {
    const prod = `${KUSTOMIZE}/overlays/prod`;
    const scan = runWithTools(['scan', prod, '--format', 'json']);
    expect(scan.stderr).toBe('');
    expect(scan.code).toBe(0);
    const doc = JSON.parse(scan.stdout) as { links: { src: string; dst: string; evidence: { file: string; line: number }[] }[] };
    const link = doc.links.find((l) => l.src === 'prod/web[Deployment]' && l.dst === 'prod/api[Deployment]');
    expect(link).toBeDefined();
    // traced through the overlay to the base file and line that hold the value (kustomize's origin annotations)
    expect(link?.evidence.map((e) => `${e.file}:${e.line}`)).toEqual([`${KUSTOMIZE}/base/web.yaml:18`]);
    const txt = runWithTools(['scan', prod, '--format', 'txt']);
    expect(txt.stdout).toContain(`${KUSTOMIZE}/base/web.yaml:18 spec.template.spec.containers[0].env[0].value = "http://api:9090"`);
    expect(txt.stdout).not.toContain('[rendered]');

    const diff = runWithTools(['diff', prod, `${KUSTOMIZE}/overlays/prod-unlocked`, '--format', 'json']);
    expect(diff.code).toBe(0);
    const at = [...diff.stdout.matchAll(/"at": "([^"]*)"/g)].map((m) => m[1] as string);
    expect(at.length).toBeGreaterThan(0);
    // the policies come from the base: cited there (the policy at its first line, the rule at its own)
    expect([...new Set(at)].sort()).toEqual(['fixtures/kustomize/base/policies.yaml:11', 'fixtures/kustomize/base/policies.yaml:2']);
    for (const out of [scan.stdout, txt.stdout, diff.stdout]) {
      expect(out).not.toMatch(/\/tmp\/|netpol-ci-tree-|\/work\/main/);
    }
  });
});
