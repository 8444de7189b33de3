import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs } from '../helpers/fixtures.js';
import { allowedAfterSynthesis, APPS, linkLines, scan, w } from '../helpers/real-apps.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * More real public applications (fixtures/real-apps, sources, commits and licences in its
 * README), run as a new user would with the real helm and kubectl: scan, synthesize, connectivity.
 * As in real-apps.test.ts, every expected link is written from the app's OWN documentation (cited
 * per app), never from our output; links the docs describe that live only in application code
 * must be gaps (never silently blocked), and each extra link is justified by a manifest line.
 */
afterAll(cleanupTempDirs);

/**
 * podinfo's Helm chart, https://github.com/stefanprodan/podinfo — README "Helm": a release
 * `backend` installed with `--set redis.enabled=true` (podinfo's `/cache` API "saves the posted
 * content to Redis"), and a release `frontend` with `--set backend=http://backend-podinfo:9898/echo`
 * ("POST /echo forwards the call to the backend service"); `helm test frontend` runs the chart's
 * test hooks. The chart declares `kubeVersion: >=1.23.0-0`.
 */
describe('podinfo Helm chart (kubeVersion constraint, helm test hooks, two documented releases)', () => {
  const app = `${APPS}/podinfo-helm`;
  const ns = 'test';

  it('release backend with redis.enabled: backend -> its Redis on 6379 is found and allowed, nothing else', () => {
    const flags = ['--helm-release-name', 'backend', '--helm-set', 'redis.enabled=true', '--namespace', ns];
    const doc = scan(app, flags);
    // the chart renders whatever helm's build-time default Kubernetes version is (a go-installed helm says v1.20)
    expect(linkLines(doc)).toEqual([`${w(ns, 'backend-podinfo')} => ${w(ns, 'backend-podinfo-redis')} : TCP 6379`]);
    // `helm test` pods (randomly named) are not part of the release: no workload of them, output stable
    expect(JSON.stringify(doc)).not.toMatch(/-test-/);
    // who calls podinfo is up to the user: a gap on its ports, not a silent block
    expect(doc.gaps).toEqual([expect.objectContaining({ workload: w(ns, 'backend-podinfo'), direction: 'ingress', reason: 'no-ingress-source' })]);
    expect(allowedAfterSynthesis(app, flags)).toEqual([`${w(ns, 'backend-podinfo')} => ${w(ns, 'backend-podinfo-redis')} : TCP 6379`]);
  });

  it('release frontend pointed at the backend release: the backend address is a gap while the backend is not in the input', () => {
    const doc = scan(app, ['--helm-release-name', 'frontend', '--helm-set', 'backend=http://backend-podinfo:9898/echo', '--namespace', ns]);
    expect(doc.links).toEqual([]);
    expect(doc.gaps).toContainEqual(expect.objectContaining({ workload: w(ns, 'frontend-podinfo'), direction: 'egress', reason: 'no-such-service', value: 'http://backend-podinfo:9898' }));
  });

  it('--kube-version is passed to helm: below the chart\'s constraint, helm\'s refusal is an error naming the chart (exit 2)', () => {
    const r = runWithTools(['scan', app, '--kube-version', '1.22']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/podinfo-helm\/Chart\.yaml error NPC022 .*kubeVersion: >=1\.23\.0-0 .*Kubernetes v1\.22/);
    const bad = runWithTools(['scan', app, '--kube-version', 'latest']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--kube-version');
  });
});
