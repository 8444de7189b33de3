import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { runWithTools } from '../helpers/tools.js';

afterAll(cleanupTempDirs);

/**
 * The rendering cache (`--cache-dir`, src/io/render.ts) keys an overlay by every file kustomize
 * reads for it: also the bases it names outside the scanned folder. Scanning only
 * `overlays/prod`, whose base is `../../base`, a change to the base must be seen on the next run
 * (real kubectl kustomize, in-process CLI).
 */
describe('an overlay scanned alone, its base outside the scanned folder', () => {
  it('a port changed in the base changes the next run’s answer, as without a cache', () => {
    const root = tempDir('netpol-ci-render-bases-');
    cpSync(path.join(REPO_ROOT, 'fixtures', 'kustomize-trace'), path.join(root, 'app'), { recursive: true });
    const scan = (cache: boolean) => {
      const r = runWithTools(['scan', 'app/overlays/prod', '--format', 'json', ...(cache ? ['--cache-dir', 'cache'] : [])], { cwd: root });
      expect(r.code, r.stderr).toBeLessThan(2);
      return r.stdout;
    };
    const before = scan(true);
    expect(before).toContain('9090');
    const api = path.join(root, 'app', 'base', 'api.yaml');
    writeFileSync(api, readFileSync(api, 'utf8').replaceAll('9090', '9191'));
    const cached = scan(true);
    expect(cached).toContain('9191');
    expect(cached).toBe(scan(false));
  });
});
