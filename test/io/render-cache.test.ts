import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { HELM, KUBECTL, runWithTools } from '../helpers/tools.js';

/**
 * Renderings kept across runs (`--cache-dir`): a second run of the same chart or overlay does not
 * run the tool again and prints the same bytes; a change of any input (values, flags, folder
 * content) renders again; a corrupt entry is ignored, never trusted; failures are never kept.
 * The real helm and kubectl run behind wrappers that log each rendering.
 */
afterAll(cleanupTempDirs);

function countingWrapper(real: string, log: string): string {
  const dir = tempDir();
  const wrapper = path.join(dir, path.basename(real));
  // logs the subcommand, then runs the real tool with the same arguments
  writeFileSync(wrapper, `#!/bin/sh\necho "$1" >> ${JSON.stringify(log)}\nexec ${JSON.stringify(real)} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

const calls = (log: string, sub: string) => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((l) => l === sub).length : 0);

function entries(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else out.push(path.join(d, e.name));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

describe('helm renderings across runs', () => {
  const chart = path.join(FIXTURES, 'helm', 'shop');

  it('a second run renders nothing and prints the same; a changed value renders again', () => {
    const log = path.join(tempDir(), 'helm.log');
    const cache = tempDir();
    const env = { HELM_PATH: countingWrapper(HELM, log) };
    const first = runWithTools(['connectivity', chart, '--cache-dir', cache], { env });
    expect(first.code).toBe(0);
    expect(calls(log, 'template')).toBe(1);
    expect(entries(cache).filter((f) => f.includes(`${path.sep}helm${path.sep}`))).toHaveLength(1);
    const second = runWithTools(['connectivity', chart, '--cache-dir', cache], { env });
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
    expect(calls(log, 'template')).toBe(1);
    // the same through the environment variable the Actions set
    const third = runWithTools(['connectivity', chart], { env: { ...env, NETPOL_CI_CACHE_DIR: cache } });
    expect(third.stdout).toBe(first.stdout);
    expect(calls(log, 'template')).toBe(1);
    const changed = runWithTools(['connectivity', chart, '--cache-dir', cache, '--helm-set', 'worker.enabled=true'], { env });
    expect(changed.code).toBe(0);
    expect(calls(log, 'template')).toBe(2);
    const renamed = runWithTools(['connectivity', chart, '--cache-dir', cache, '--helm-release-name', 'other'], { env });
    expect(renamed.code).toBe(0);
    expect(calls(log, 'template')).toBe(3);
  });

  it('a corrupt or foreign entry is ignored and replaced', () => {
    const log = path.join(tempDir(), 'helm.log');
    const cache = tempDir();
    const env = { HELM_PATH: countingWrapper(HELM, log) };
    const first = runWithTools(['connectivity', chart, '--cache-dir', cache], { env });
    const [entry] = entries(cache);
    expect(entry).toBeDefined();
    for (const bad of ['{"format":"netpol-ci-cache/1","key":"someone-else","value":[]}', '{not json', JSON.stringify({ format: 'netpol-ci-cache/1', key: path.basename(entry as string, '.json'), value: [{ path: 1 }] })]) {
      writeFileSync(entry as string, bad);
      const again = runWithTools(['connectivity', chart, '--cache-dir', cache], { env });
      expect(again.stdout).toBe(first.stdout);
    }
    expect(calls(log, 'template')).toBe(4);
    // the last rendering replaced the bad entry: the next run is served from it
    runWithTools(['connectivity', chart, '--cache-dir', cache], { env });
    expect(calls(log, 'template')).toBe(4);
  });

  it('a failing chart is never kept', () => {
    const log = path.join(tempDir(), 'helm.log');
    const cache = tempDir();
    const env = { HELM_PATH: countingWrapper(HELM, log) };
    const failing = path.join(FIXTURES, 'helm', 'failing');
    const a = runWithTools(['connectivity', failing, '--cache-dir', cache], { env });
    const b = runWithTools(['connectivity', failing, '--cache-dir', cache], { env });
    expect(a.code).toBe(2);
    expect(b.stderr).toBe(a.stderr);
    expect(calls(log, 'template')).toBe(2);
    expect(entries(cache)).toEqual([]);
  });
});

describe('kustomize renderings across runs', () => {
  it('a second run of an overlay runs kubectl kustomize no more', () => {
    const log = path.join(tempDir(), 'kubectl.log');
    const cache = tempDir();
    const env = { KUBECTL_PATH: countingWrapper(KUBECTL, log) };
    const overlay = path.join(FIXTURES, 'kustomize', 'overlays', 'prod');
    const first = runWithTools(['connectivity', overlay, '--cache-dir', cache], { env });
    expect(first.code).toBe(0);
    // the rendering, and the one through the wrapper kustomization that says where each object came from
    expect(calls(log, 'kustomize')).toBe(2);
    const second = runWithTools(['connectivity', overlay, '--cache-dir', cache], { env });
    expect(second.stdout).toBe(first.stdout);
    expect(calls(log, 'kustomize')).toBe(2);
  });
});
