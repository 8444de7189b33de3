import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { runWithTools } from '../helpers/tools.js';

afterAll(cleanupTempDirs);

/**
 * The whole-check cache (src/pipeline/check/cache.ts) is keyed by everything the answer depends on,
 * the rendered files' origins included: a comment added to a Kustomize base changes no rendered
 * byte (kustomize drops comments) but moves the line the report cites (real kubectl kustomize).
 */
describe('check --cache-dir and the lines it cites', () => {
  it('a comment added above a base object moves the cited line on the second run too', () => {
    const root = tempDir('netpol-ci-cache-origins-');
    for (const side of ['base', 'head']) cpSync(path.join(REPO_ROOT, 'fixtures', 'kustomize-trace'), path.join(root, side), { recursive: true });
    // the head adds a policy to the base the overlay builds on
    writeFileSync(
      path.join(root, 'head', 'base', 'policy.yaml'),
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-ingress\nspec:\n  podSelector:\n    matchLabels: {app: api}\n  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels: {app: web}\n',
    );
    const k = path.join(root, 'head', 'base', 'kustomization.yaml');
    writeFileSync(k, `${readFileSync(k, 'utf8').trimEnd()}\n  - policy.yaml\n`);
    const check = () => {
      const r = runWithTools(['check', '--base', 'base/overlays/prod', '--head', 'head/overlays/prod', '--format', 'json', '--cache-dir', 'cache'], { cwd: root });
      expect(r.code, r.stderr).toBeLessThan(2);
      return [...new Set([...r.stdout.matchAll(/head\/base\/policy\.yaml:(\d+)/g)].map((m) => Number(m[1])))];
    };
    const first = check();
    expect(first.length).toBeGreaterThan(0);
    const policy = path.join(root, 'head', 'base', 'policy.yaml');
    writeFileSync(policy, `# reviewed by the platform team\n# ticket 123\n${readFileSync(policy, 'utf8')}`);
    expect(check()).toEqual(first.map((line) => line + 2));
  });
});
