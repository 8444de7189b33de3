import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
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

/** A ustar header for a regular file (enough for tar's parser: name, mode, size, type, magic, checksum). */
function tarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write('0', 156);
  h.write('ustar\u000000', 257, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

describe('a packaged dependency too large to read', () => {
  it('is given up once its members (skipped ones included) pass the limit: no member of it is cited', () => {
    const root = tempDir();
    write(root, 'app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: big\n    version: 1.0.0\n');
    // a chart whose small files come after 18 members of 6 MB each (each over the per-file limit, so
    // skipped): 108 MB to decompress in all
    const filler = Buffer.alloc(6 * 1024 * 1024, 'netpol-ci filler line\n');
    const parts: Buffer[] = [];
    for (let i = 0; i < 18; i++) parts.push(tarHeader(`big/files/blob-${i}.bin`, filler.length), filler);
    const chart = Buffer.from('apiVersion: v2\nname: big\nversion: 1.0.0\n');
    const template = Buffer.from('kind: B\n');
    const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
    parts.push(tarHeader('big/Chart.yaml', chart.length), pad(chart), tarHeader('big/templates/b.yaml', template.length), pad(template), Buffer.alloc(1024));
    mkdirSync(path.join(root, 'app/charts'), { recursive: true });
    writeFileSync(path.join(root, 'app/charts/big-1.0.0.tgz'), gzipSync(Buffer.concat(parts), { level: 1 }));
    const locate = chartSourceLocator(path.join(root, 'app'), 'app', root);
    expect(locate('charts/big/templates/b.yaml')).toBeUndefined();
  });
});
