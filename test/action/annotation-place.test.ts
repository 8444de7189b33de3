import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { placeAnnotation, placedLog, type OverlayAt } from '../../src/action/annotation-place.js';
import { nodeIo } from '../../src/io/node-io.js';
import { kustomizationResourcesLine } from '../../src/manifests/kustomization-place.js';
import { overlayPlaces } from '../../src/pipeline/overlay-place.js';
import { sarifWithPaths } from '../../src/action/sarif-paths.js';
import type { ActionLog, AnnotationAt } from '../../src/action/runtime.js';
import { runEntry, schedulePayload } from '../helpers/action-runner.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { KUBECTL, TOOL_ENV } from '../helpers/tools.js';

/**
 * Annotations at places GitHub cannot open (a packaged subchart's member, `x.tgz#member`; a template
 * as rendered, `… [rendered]`) are placed at the nearest real file, with the full citation kept in
 * the message.
 */

afterAll(cleanupTempDirs);

describe('placeAnnotation', () => {
  it('an archive member: at the archive, without the member line, cited in full in the message', () => {
    expect(placeAnnotation('gap', { file: 'charts/shop/charts/redis-17.3.7.tgz#redis/templates/master/service.yaml', line: 12, column: 3, title: 't' })).toEqual({
      message: 'gap (at charts/shop/charts/redis-17.3.7.tgz#redis/templates/master/service.yaml:12)',
      at: { file: 'charts/shop/charts/redis-17.3.7.tgz', title: 't' },
    });
    expect(placeAnnotation('gap', { file: 'c/x.tgz#cache/templates/a.yaml [rendered]' })).toEqual({ message: 'gap (at c/x.tgz#cache/templates/a.yaml [rendered])', at: { file: 'c/x.tgz' } });
  });

  it('a rendered template: at the template file; a real file is left as it is', () => {
    expect(placeAnnotation('m', { file: 'store/charts/database/templates/db.yaml [rendered as primary]' })).toEqual({ message: 'm', at: { file: 'store/charts/database/templates/db.yaml' } });
    expect(placeAnnotation('m', { file: 'store/templates/web.yaml [rendered]' })).toEqual({ message: 'm', at: { file: 'store/templates/web.yaml' } });
    const plain: AnnotationAt = { file: 'deploy/app.yaml', line: 4 };
    expect(placeAnnotation('m', plain)).toEqual({ message: 'm', at: plain });
  });

  it("a real file whose path holds '#' (legal in git) is left as it is, line and column kept", () => {
    const at = { file: 'deploy/team#2/app.yaml', line: 12, column: 3 };
    expect(placeAnnotation('m', at)).toEqual({ message: 'm', at });
    expect(placeAnnotation('m', { file: 'deploy/#x/charts/redis-1.0.0.tgz#redis/templates/s.yaml', line: 4 })).toEqual({
      message: 'm (at deploy/#x/charts/redis-1.0.0.tgz#redis/templates/s.yaml:4)',
      at: { file: 'deploy/#x/charts/redis-1.0.0.tgz' },
    });
  });

  it('placedLog rewrites notice, warning and error; messages without a place pass as they are', () => {
    const seen: [string, AnnotationAt | undefined][] = [];
    const log: ActionLog = { info: () => {}, notice: (m, at) => seen.push([m, at]), warning: (m, at) => seen.push([m, at]), error: (m, at) => seen.push([m, at]), group: async (_n, fn) => fn() };
    const placed = placedLog(log);
    placed.warning('w', { file: 'a.tgz#m/t.yaml', line: 2 });
    placed.error('e');
    placed.notice('n', { file: 'b.yaml', line: 1 });
    expect(seen).toEqual([
      ['w (at a.tgz#m/t.yaml:2)', { file: 'a.tgz' }],
      ['e', undefined],
      ['n', { file: 'b.yaml', line: 1 }],
    ]);
  });
});

describe('an overlay\'s output (`overlay/kustomization [rendered]`)', () => {
  const overlayAt: OverlayAt = (dir) => (dir === 'overlays/prod' ? { name: 'kustomization.yml', line: 4 } : dir === '.' ? { name: 'Kustomization' } : undefined);

  it('is placed at the overlay\'s kustomization file and the line that pulls its objects in, the citation (output line included) in the message', () => {
    expect(placeAnnotation('gap', { file: 'overlays/prod/kustomization [rendered]', line: 63, column: 5, title: 't' }, overlayAt)).toEqual({
      message: 'gap (at overlays/prod/kustomization [rendered]:63)',
      at: { file: 'overlays/prod/kustomization.yml', line: 4, title: 't' },
    });
    expect(placeAnnotation('m', { file: 'kustomization [rendered]' }, overlayAt)).toEqual({ message: 'm (at kustomization [rendered])', at: { file: 'Kustomization' } });
  });

  it('without a kustomization file to show, has no place (never a file that does not exist), the citation in the message', () => {
    expect(placeAnnotation('m', { file: 'elsewhere/kustomization [rendered]', line: 2 }, overlayAt)).toEqual({ message: 'm (at elsewhere/kustomization [rendered]:2)' });
    expect(placeAnnotation('m', { file: 'elsewhere/kustomization [rendered]', line: 2 })).toEqual({ message: 'm (at elsewhere/kustomization [rendered]:2)' });
    // a template named kustomization is a helm template, placed as one
    expect(placeAnnotation('m', { file: 'c/templates/kustomization.yaml [rendered]' }, overlayAt)).toEqual({ message: 'm', at: { file: 'c/templates/kustomization.yaml' } });
  });

  it('kustomizationResourcesLine: the one resources entry, else the resources key, else bases, else none', () => {
    expect(kustomizationResourcesLine('# x\nnamePrefix: broken-\nresources:\n  - policy.yaml\n')).toBe(4);
    expect(kustomizationResourcesLine('namespace: prod\nresources:\n  - a.yaml\n  - ../../base\n')).toBe(2);
    expect(kustomizationResourcesLine('resources: [a.yaml]\n')).toBe(1);
    expect(kustomizationResourcesLine('bases:\n- ../base\n')).toBe(2);
    expect(kustomizationResourcesLine('configMapGenerator:\n- name: x\n')).toBeUndefined();
    expect(kustomizationResourcesLine('- not a mapping\n')).toBeUndefined();
  });

  it('overlayPlaces finds the file as kustomize does (kustomization.yaml, .yml, Kustomization) on disk', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a'));
    mkdirSync(path.join(dir, 'b'));
    mkdirSync(path.join(dir, 'c'));
    writeFileSync(path.join(dir, 'a', 'kustomization.yml'), 'resources:\n- x.yaml\n- y.yaml\n');
    writeFileSync(path.join(dir, 'b', 'Kustomization'), 'helmCharts: []\n');
    const at = overlayPlaces(nodeIo());
    expect(at(path.join(dir, 'a'))).toEqual({ name: 'kustomization.yml', line: 1 });
    expect(at(path.join(dir, 'b'))).toEqual({ name: 'Kustomization' });
    expect(at(path.join(dir, 'c'))).toBeUndefined();
    expect(at(path.join(REPO_ROOT, 'fixtures/kustomize-trace/broken'))).toEqual({ name: 'kustomization.yaml', line: 4 });
  });

  it('placedLog and sarifWithPaths place it the same way', () => {
    const seen: [string, AnnotationAt | undefined][] = [];
    const log: ActionLog = { info: () => {}, notice: (m, at) => seen.push([m, at]), warning: (m, at) => seen.push([m, at]), error: (m, at) => seen.push([m, at]), group: async (_n, fn) => fn() };
    placedLog(log, overlayAt).error('bad', { file: 'overlays/prod/kustomization [rendered]', line: 9 });
    expect(seen).toEqual([['bad (at overlays/prod/kustomization [rendered]:9)', { file: 'overlays/prod/kustomization.yml', line: 4 }]]);
    const loc = (uri: string, startLine?: number) => ({ physicalLocation: { artifactLocation: { uri }, ...(startLine ? { region: { startLine } } : {}) } });
    const sarif = { version: '2.1.0', runs: [{ tool: { driver: { name: 'netpol-ci' } }, results: [{ message: { text: 'x' }, locations: [loc('/abs/overlays/prod/kustomization [rendered]', 9)] }, { message: { text: 'y' }, locations: [loc('/abs/gone/kustomization [rendered]', 2)] }] }] };
    // the kustomization is looked up where the report named it (/abs/…), and shown as a repository path
    const lookedUp: string[] = [];
    const out = JSON.parse(sarifWithPaths(JSON.stringify(sarif), (f) => f.replace('/abs/', ''), (dir) => (lookedUp.push(dir), dir === '/abs/overlays/prod' ? { name: 'kustomization.yaml', line: 3 } : undefined))) as typeof sarif;
    expect(lookedUp).toEqual(['/abs/overlays/prod', '/abs/gone']);
    // a result left with no place is no result code scanning would take (it refuses the whole upload): it is kept as a notification
    expect(out.runs[0]!.results).toEqual([{ message: { text: 'x (at overlays/prod/kustomization [rendered]:9)' }, locations: [loc('overlays/prod/kustomization.yaml', 3)] }]);
    expect((out.runs[0] as { invocations?: unknown }).invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'warning', message: { text: 'y (at gone/kustomization [rendered]:2)' } }] }]);
  });
});

describe('sarifWithPaths', () => {
  it('a result in an archive member is placed at the archive (no region: its lines are the member\'s), the message keeps the citation', () => {
    const loc = (uri: string, startLine?: number) => ({ physicalLocation: { artifactLocation: { uri }, ...(startLine ? { region: { startLine } } : {}) } });
    const log = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'netpol-ci' } },
          results: [
            { message: { text: 'missing' }, locations: [loc('/abs/c/x.tgz#cache/templates/a.yaml', 21)], relatedLocations: [loc('/abs/c/t.yaml [rendered]')] },
            { message: { text: 'plain' }, locations: [loc('/abs/p.yaml', 3)] },
          ],
        },
      ],
    };
    const out = JSON.parse(sarifWithPaths(JSON.stringify(log), (f) => f.replace('/abs/', ''))) as typeof log;
    const [a, b] = out.runs[0]!.results;
    expect(a).toEqual({ message: { text: 'missing (at c/x.tgz#cache/templates/a.yaml:21)' }, locations: [loc('c/x.tgz')], relatedLocations: [loc('c/t.yaml')] });
    expect(b).toEqual({ message: { text: 'plain' }, locations: [loc('p.yaml', 3)] });
  });
});

describe('the scan action on an umbrella chart with a packaged subchart', () => {
  it("annotates the packaged subchart's gap at its archive, the member's line in the message", async () => {
    const r = await runEntry('scan', {
      inputs: { paths: 'fixtures/helm/umbrella' },
      eventName: 'schedule',
      payload: schedulePayload(),
      apiUrl: 'http://127.0.0.1:9',
      cwd: REPO_ROOT,
      env: { HELM_PATH: TOOL_ENV.HELM_PATH ?? 'helm', KUBECTL_PATH: TOOL_ENV.KUBECTL_PATH ?? 'kubectl' },
    });
    expect(r.code, r.stderr).toBe(0);
    const archive = 'fixtures/helm/umbrella/store/charts/cache-1.0.0.tgz';
    expect(existsSync(`${REPO_ROOT}/${archive}`)).toBe(true);
    expect(r.stdout).toContain(`::warning title=netpol-ci gap (no-such-service),file=${archive}::default/store-cache[Deployment]: "statsd.monitoring.svc:9125"`);
    expect(r.stdout).toContain(`(at ${archive}#cache/templates/cache.yaml:21)`);
    // no annotation names a file GitHub cannot open
    expect(r.stdout).not.toMatch(/::(?:warning|error|notice) [^:]*file=[^,:]*(?:#|\[rendered)/);
  });
});

describe('the scan action on an overlay whose objects kustomize could not place', () => {
  it("annotates the gap at the overlay's kustomization.yaml, at its resources entry, the rendered line in the message", async () => {
    // a kubectl that refuses only the tracing render (its wrapper kustomization): the objects keep lines of kustomize's output (NPC270)
    const wrapper = path.join(tempDir('netpol-ci-trace-kubectl-'), 'kubectl');
    writeFileSync(wrapper, `#!/bin/sh\ncase "$2" in *netpol-ci-origins-*) echo "no origins here" >&2; exit 1;; esac\nexec ${JSON.stringify(KUBECTL)} "$@"\n`);
    chmodSync(wrapper, 0o755);
    const dir = tempDir('netpol-ci-overlay-place-');
    mkdirSync(path.join(dir, 'prod'));
    writeFileSync(path.join(dir, 'prod', 'kustomization.yaml'), 'namePrefix: p-\nresources:\n  - app.yaml\n');
    writeFileSync(
      path.join(dir, 'prod', 'app.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: c\n        image: x\n        env:\n        - {name: STATSD, value: "statsd.monitoring.svc:9125"}\n',
    );
    const r = await runEntry('scan', {
      inputs: { paths: 'prod' },
      eventName: 'schedule',
      payload: schedulePayload(),
      apiUrl: 'http://127.0.0.1:9',
      cwd: dir,
      env: { HELM_PATH: TOOL_ENV.HELM_PATH ?? 'helm', KUBECTL_PATH: wrapper },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/::warning title=netpol-ci gap \(no-such-service\),file=prod\/kustomization\.yaml,line=3::default\/p-web\[Deployment\]: "statsd\.monitoring\.svc:9125" .* \(at prod\/kustomization \[rendered\]:\d+\)/);
    expect(r.stdout).not.toMatch(/::(?:warning|error|notice) [^:]*file=[^,:]*(?:#|\[rendered|kustomization,)/);
  });
});

