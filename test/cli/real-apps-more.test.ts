import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { allowedAfterSynthesis, APPS, EVERYWHERE, linkLines, scan, w } from '../helpers/real-apps.js';
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

/**
 * podinfo's Kustomize bases and overlays (deploy/), https://github.com/stefanprodan/podinfo —
 * deploy/README.md: each overlay deploys the demo into its own namespace (`kustomize build
 * ./overlays/dev`); README: the frontend's `POST /echo` "forwards the call to the backend service",
 * `/cache/{key}` "saves the posted content to Redis" (frontend and backend run with
 * `--cache-server`); bases/frontend/scripts/warm-cache.sh: the warm-cache job "fetches the frontend
 * info, stores it in the cache"; bases/database/README.md: "The scripts check database-replica
 * health before running: podcli check http database-replica:3306/readyz" (rollup and backup jobs);
 * the primary's callers are not named anywhere.
 */
describe('podinfo Kustomize overlays (one namespace per overlay, configMapGenerator scripts)', () => {
  it('the documented links are found in each overlay\'s namespace and allowed; the primary database is a gap', () => {
    const app = `${APPS}/podinfo-kustomize`;
    const documented = (ns: string) => [
      `${w(ns, 'backend')} => ${w(ns, 'cache')} : TCP 6379`,
      `${w(ns, 'backup-daily', 'CronJob')} => ${w(ns, 'database-replica')} : TCP 3306`,
      `${w(ns, 'frontend')} => ${w(ns, 'backend')} : TCP 9898`,
      `${w(ns, 'frontend')} => ${w(ns, 'cache')} : TCP 6379`,
      `${w(ns, 'rollup-daily', 'CronJob')} => ${w(ns, 'database-replica')} : TCP 3306`,
      `${w(ns, 'rollup-weekly', 'CronJob')} => ${w(ns, 'database-replica')} : TCP 3306`,
      `${w(ns, 'warm-cache', 'CronJob')} => ${w(ns, 'frontend')} : TCP 9898`,
    ];
    const expected = [...documented('dev'), ...documented('production')];
    const doc = scan(app);
    expect(linkLines(doc)).toEqual(expected);
    // the warm-cache link is stated both in the job's env and in the generated script ConfigMap it mounts
    const warm = doc.links.find((l) => l.src === w('dev', 'warm-cache', 'CronJob'));
    expect(warm?.evidence.map((e) => e.value)).toContain('http://frontend');
    expect(doc.gaps.map((g) => `${g.workload} ${g.direction}`)).toEqual([`${w('dev', 'database-primary', 'StatefulSet')} ingress`, `${w('production', 'database-primary', 'StatefulSet')} ingress`]);
    expect(allowedAfterSynthesis(app)).toEqual(expected);
  });
});

/**
 * Kiamol's Pi chart (Learn Kubernetes in a Month of Lunches, ch10), https://github.com/sixeyed/kiamol
 * — ch10/pi/Chart.yaml: two dependencies, `vweb` (from kiamol.net, vendored here under charts/ as
 * `helm dependency build` would) and `proxy` as `file://../proxy`, each behind a condition;
 * values.yaml: "settings for the reverse proxy ... name of the app Service to proxy:
 * upstreamToProxy: {{ .Release.Name }}-web"; both Services default to LoadBalancer. So with
 * proxy.enabled and vweb.enabled: the public proxy calls the Pi web app, which (like vweb) is public.
 */
describe('Kiamol Pi chart (a vendored subchart and a file:// dependency)', () => {
  const app = `${APPS}/kiamol-pi`;
  const flags = ['--helm-set', 'proxy.enabled=true', '--helm-set', 'vweb.enabled=true'];
  const STATED = [
    `${EVERYWHERE} => ${w('default', 'pi-proxy')} : TCP 80`,
    `${EVERYWHERE} => ${w('default', 'pi-web')} : TCP 80`,
    `${EVERYWHERE} => ${w('default', 'pi')} : TCP 80`,
    `${w('default', 'pi-proxy')} => ${w('default', 'pi-web')} : TCP 80`,
  ];

  it('the file:// dependency is rendered as the subchart (not on its own), named after its own folder', () => {
    const doc = scan(app, flags);
    expect(linkLines(doc)).toEqual(STATED);
    const proxy = doc.links.find((l) => l.src === w('default', 'pi-proxy'));
    expect(proxy?.evidence[0]?.file).toBe(`${APPS}/kiamol-pi/proxy/templates/nginx-configMap.yaml [rendered]`);
    // proxy/ is not also rendered as a release of its own (it would add proxy-proxy)
    expect(JSON.stringify(doc)).not.toContain('proxy-proxy');
    expect(allowedAfterSynthesis(app, flags)).toEqual(STATED);
  });

  it('a remote dependency that is not vendored is named (and only it); a file:// one outside the scanned folder is an error too', () => {
    const dir = tempDir();
    cpSync(app, dir, { recursive: true });
    rmSync(path.join(dir, 'pi/charts'), { recursive: true });
    const r = runWithTools(['scan', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pi\/Chart\.yaml error NPC024 .*not vendored under charts\/: vweb \(https:\/\/kiamol\.net\); chart not rendered/);
    expect(r.stderr).not.toMatch(/proxy \(/);
    const alone = runWithTools(['scan', `${app}/pi`]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/error NPC024 .*file:\/\/ dependency that cannot be rendered: proxy \(file:\/\/\.\.\/proxy\) lies outside the scanned folder/);
  });
});
