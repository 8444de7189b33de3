import { chmodSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { runWithTools } from '../helpers/tools.js';

afterAll(cleanupTempDirs);

/**
 * A pull request's words must never reach helm where it reads flags: a release name is helm's first
 * positional argument, and `--post-renderer=<program>` there makes helm run a program of the
 * repository (found by review: kustomize passes helmCharts' releaseName on as it is). Helm accepts
 * only DNS-like release names, so such overlays and charts are refused before any tool runs.
 */
describe('helm never reads a release or chart name of the repository as a flag', () => {
  /** A repository whose program leaves a marker when it runs. */
  function repository(): { dir: string; marker: string; program: string } {
    const dir = tempDir('netpol-ci-helm-flags-');
    const marker = path.join(dir, 'ran');
    const program = path.join(dir, 'pr.sh');
    writeFileSync(program, `#!/bin/sh\necho ran >> ${JSON.stringify(marker)}\ncat\n`);
    chmodSync(program, 0o755);
    return { dir, marker, program };
  }

  it('an overlay whose helmCharts release name is a flag is not rendered, and nothing of it runs', () => {
    const { dir, marker, program } = repository();
    mkdirSync(path.join(dir, 'overlay', 'charts'), { recursive: true });
    cpSync(path.join(REPO_ROOT, 'fixtures/helm/release'), path.join(dir, 'overlay', 'charts', 'release'), { recursive: true });
    writeFileSync(path.join(dir, 'overlay', 'kustomization.yaml'), `helmCharts:\n  - name: release\n    releaseName: "--post-renderer=${program}"\n`);
    const r = runWithTools(['connectivity', dir]);
    expect(existsSync(marker)).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/overlay\/kustomization\.yaml:3:\d+ .*error NPC240 .*release name "--post-renderer=.*is no name helm accepts.*overlay not rendered/);
  });

  it('a chart name that is a flag is refused the same way, and a valid overlay beside it still renders', () => {
    const { dir, marker } = repository();
    mkdirSync(path.join(dir, 'bad'), { recursive: true });
    writeFileSync(path.join(dir, 'bad', 'kustomization.yaml'), 'helmCharts:\n  - name: "--debug"\n    releaseName: ok\n');
    mkdirSync(path.join(dir, 'good', 'charts'), { recursive: true });
    cpSync(path.join(REPO_ROOT, 'fixtures/helm/release'), path.join(dir, 'good', 'charts', 'release'), { recursive: true });
    writeFileSync(path.join(dir, 'good', 'kustomization.yaml'), 'helmCharts:\n  - name: release\n    releaseName: green\n    namespace: ns1\n');
    const r = runWithTools(['connectivity', dir]);
    expect(existsSync(marker)).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\/kustomization\.yaml:2:\d+ .*error NPC240 .*chart name "--debug" would be read by helm as a flag/);
    expect(r.stdout).toContain('ns1/green-front[Deployment] => ns1/green-back[Deployment]');
  });

  it('a --helm-config release name that is a flag: the chart is not rendered, nothing runs', () => {
    const { dir, marker, program } = repository();
    cpSync(path.join(REPO_ROOT, 'fixtures/helm/release'), path.join(dir, 'release'), { recursive: true });
    writeFileSync(path.join(dir, 'helm.yaml'), `charts:\n  release:\n    releaseName: "--post-renderer=${program}"\n`);
    const r = runWithTools(['connectivity', dir, '--helm-config', path.join(dir, 'helm.yaml')]);
    expect(existsSync(marker)).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error NPC240 .*release name "--post-renderer=.*chart not rendered/);
  });
});
