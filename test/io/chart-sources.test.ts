import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chartSourceLocator, vendoredChartNames } from '../../src/io/chart-sources.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * helm's `# Source:` paths under a chart (`charts/<alias or chart name>/templates/x.yaml`) mapped
 * to the files that hold the templates, through each chart's Chart.yaml or requirements.yaml.
 * Archives are made with GNU tar, as `helm package` lays them out (one top folder).
 */
afterAll(cleanupTempDirs);

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

/** `<into>/<name>` as a gzipped tar of `<from>/<top>/...`. */
function pack(from: string, top: string, into: string, name: string): void {
  mkdirSync(into, { recursive: true });
  const r = spawnSync('tar', ['-czf', path.join(into, name), '-C', from, top]);
  expect(r.status).toBe(0);
}

describe('chartSourceLocator', () => {
  const root = tempDir();
  // v1 chart: dependencies in requirements.yaml, one aliased
  write(root, 'app/Chart.yaml', 'apiVersion: v1\nname: app\nversion: 1.0.0\n');
  write(root, 'app/requirements.yaml', 'dependencies:\n  - name: kv\n    version: 1.0.0\n    alias: sessions\n');
  write(root, 'app/templates/web.yaml', 'kind: A\n');
  // the aliased dependency, vendored in a folder named otherwise
  write(root, 'app/charts/kv-store/Chart.yaml', 'apiVersion: v2\nname: kv\nversion: 1.0.0\n');
  write(root, 'app/charts/kv-store/templates/kv.yaml', 'kind: KV\n');
  // a chart under charts/ that Chart.yaml does not list: helm renders it under its own name
  write(root, 'app/charts/extra/Chart.yaml', 'apiVersion: v2\nname: extra\nversion: 1.0.0\n');
  write(root, 'app/charts/extra/templates/e.yaml', 'kind: E\n');
  // an archive holding a chart whose own dependency is an archive again
  const build = tempDir();
  write(build, 'lib/Chart.yaml', 'apiVersion: v2\nname: lib\nversion: 2.0.0\n');
  write(build, 'lib/templates/l.yaml', 'kind: L\n');
  pack(build, 'lib', path.join(build, 'db/charts'), 'lib-2.0.0.tgz');
  write(build, 'db/Chart.yaml', 'apiVersion: v2\nname: db\nversion: 3.0.0\ndependencies:\n  - name: lib\n    version: 2.0.0\n    alias: helpers\n');
  write(build, 'db/templates/db.yaml', 'kind: DB\n');
  pack(build, 'db', path.join(root, 'app/charts'), 'db-3.0.0.tgz');
  const locate = chartSourceLocator(path.join(root, 'app'), 'app', root);

  it('maps the chart\'s own templates, an alias to its folder, an unlisted subchart to its folder', () => {
    expect(locate('templates/web.yaml')).toEqual({ file: 'app/templates/web.yaml', text: 'kind: A\n' });
    expect(locate('charts/sessions/templates/kv.yaml')).toEqual({ file: 'app/charts/kv-store/templates/kv.yaml', text: 'kind: KV\n' });
    expect(locate('charts/extra/templates/e.yaml')).toEqual({ file: 'app/charts/extra/templates/e.yaml', text: 'kind: E\n' });
  });

  it('maps a packaged dependency to archive#member, and an aliased archive inside it to the chain of archives', () => {
    expect(locate('charts/db/templates/db.yaml')).toEqual({ file: 'app/charts/db-3.0.0.tgz#db/templates/db.yaml', text: 'kind: DB\n' });
    expect(locate('charts/db/charts/helpers/templates/l.yaml')).toEqual({ file: 'app/charts/db-3.0.0.tgz#db/charts/lib-2.0.0.tgz#lib/templates/l.yaml', text: 'kind: L\n' });
  });

  it('names nothing that is not there: an unknown subchart is undefined, a missing template has no text', () => {
    expect(locate('charts/nosuch/templates/x.yaml')).toBeUndefined();
    // the alias names the dependency, not the folder
    expect(locate('charts/kv-store/templates/kv.yaml')).toBeUndefined();
    expect(locate('charts/sessions/templates/gone.yaml')).toEqual({ file: 'app/charts/kv-store/templates/gone.yaml' });
  });

  it('vendoredChartNames reads the charts by their names, folders and archives', () => {
    expect([...vendoredChartNames(path.join(root, 'app'))].sort()).toEqual(['db', 'extra', 'kv']);
  });
});
