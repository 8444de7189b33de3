import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * Evidence in a Kustomize overlay is cited where the value was written (src/manifests/origins.ts):
 * a patch only where it applies. Kustomize applies a kustomization's patches to the resources that
 * kustomization accumulates, so base b's patch never writes base a's objects, though both are
 * Deployments named api with the same value (real kubectl kustomize).
 */
describe('a patch is cited only for the objects its kustomization accumulates', () => {
  const dir = path.join(REPO_ROOT, 'fixtures', 'kustomize-patch-scope');

  it('shop-a/api at its own file, shop-b/api at b’s patch that rewrote it', () => {
    const r = runWithTools(['scan', 'overlay', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const links = (JSON.parse(r.stdout) as { links: { src: string; dst: string; evidence: { file: string; line?: number; value?: string }[] }[] }).links;
    const at = (src: string) => links.filter((l) => l.src === src).map((l) => ({ dst: l.dst, evidence: l.evidence.map((e) => `${e.file}:${e.line}`) }));
    // a/app.yaml line 19 and b/patch.yaml line 13 hold "http://catalog:8080"; b/app.yaml's legacy value was patched away
    expect(at('shop-a/api[Deployment]')).toEqual([{ dst: 'shop-a/catalog[Deployment]', evidence: ['a/app.yaml:19'] }]);
    expect(at('shop-b/api[Deployment]')).toEqual([{ dst: 'shop-b/catalog[Deployment]', evidence: ['b/patch.yaml:13'] }]);
  });

  it('a patch of a component nested in another component is cited: it applies to what the including overlay accumulates', () => {
    const r = runWithTools(['scan', 'overlay', '--format', 'json'], { cwd: path.join(dir, 'nested') });
    expect(r.code, r.stderr).toBe(0);
    const links = (JSON.parse(r.stdout) as { links: { src: string; dst: string; evidence: { file: string; line?: number }[] }[] }).links;
    // overlay -> component compA -> component compB, whose patch sets DB_URL (base/app.yaml holds the old value)
    expect(links.map((l) => ({ src: l.src, dst: l.dst, evidence: l.evidence.map((e) => `${e.file}:${e.line}`) }))).toEqual([{ src: 'default/api[Deployment]', dst: 'default/db[Deployment]', evidence: ['compB/patch.yaml:10'] }]);
  });
});
