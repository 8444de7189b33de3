import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { allowedAfterSynthesis, linkLines, scan, w } from '../helpers/real-apps.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * An umbrella chart with every kind of dependency helm knows (fixtures/helm/umbrella/store): one
 * chart vendored in a folder not named after it (`charts/database/` holds chart `db`) installed
 * under two aliases (`primary`, and `replica` behind a `condition`) and a third behind a tag; a
 * packaged dependency (`charts/cache-1.0.0.tgz`, itself with the library chart `common`
 * inside); a `file://` dependency under an alias. helm names their templates
 * `store/charts/<alias>/templates/...`, folders that do not exist: every place we cite must be a
 * file of the repository (or an archive and its member), at the line that holds the cited text.
 */
afterAll(cleanupTempDirs);

const APP = 'fixtures/helm/umbrella';
const STORE = `${APP}/store`;
const REPLICA_VALUES = 'fixtures/helm/umbrella-values/replica.yaml';
const s = (name: string, kind = 'Deployment') => w('default', `store-${name}`, kind);

interface Cited {
  file: string;
  line?: number;
  value?: string;
}

/** The members of a chart archive, as GNU tar lists them (an independent reader). */
function archiveMembers(archive: string): string[] {
  const r = spawnSync('tar', ['-tzf', archive], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter((l) => l !== '');
}

function memberText(archive: string, member: string): string {
  const r = spawnSync('tar', ['-xzOf', archive, member], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

/** The cited file exists (an archive holds the cited member), and a cited line holds the cited value. */
function expectCitable(c: Cited): void {
  const file = c.file.replace(/ \[rendered(?: as [^\]]+)?\]$/, '');
  const [archive, member] = file.split('#') as [string, string | undefined];
  expect(existsSync(archive), `${c.file} exists`).toBe(true);
  if (member !== undefined) expect(archiveMembers(archive), `${archive} holds ${member}`).toContain(member);
  if (c.line !== undefined && c.line > 0 && c.value !== undefined) {
    const text = member !== undefined ? memberText(archive, member) : readFileSync(archive, 'utf8');
    expect(text.split('\n')[c.line - 1], `${c.file}:${c.line}`).toContain(c.value);
  }
}

describe('an umbrella chart: aliased, renamed, packaged and file:// subcharts', () => {
  it("helm's `charts/<alias>/` paths are cited at the subchart's real folder, a packaged one at archive#member with the member's line, a file:// one at its own folder", () => {
    const doc = scan(APP, ['--helm-values', REPLICA_VALUES]);
    const gaps = doc.gaps as unknown as (Cited & { workload: string; direction: string })[];
    const at = (workload: string, direction: string) => gaps.filter((g) => g.workload === workload && g.direction === direction).map((g) => `${g.file}:${g.line ?? 0}`);
    // the two aliases of chart `db` (folder charts/database/), at the template's static line
    expect(at(s('primary', 'StatefulSet'), 'egress')).toEqual([`${STORE}/charts/database/templates/db.yaml:28`]);
    expect(at(s('replica', 'StatefulSet'), 'egress')).toEqual([`${STORE}/charts/database/templates/db.yaml:28`]);
    // the packaged dependency: the archive and its member, at the member's line
    expect(at(s('cache'), 'egress')).toEqual([`${STORE}/charts/cache-1.0.0.tgz#cache/templates/cache.yaml:21`]);
    for (const g of gaps) expectCitable(g);
    for (const l of doc.links) for (const e of l.evidence) expectCitable(e as Cited);
    // nothing names helm's folders, which do not exist
    const everything = runWithTools(['scan', APP, '--helm-values', REPLICA_VALUES, '--format', 'txt']).stdout;
    expect(everything).not.toMatch(/charts\/(primary|replica|search|metrics-db)\//);
    expect(everything).not.toMatch(/charts\/cache\//);
  });

  it('the file:// dependency under an alias is cited in its own folder (libs/search-engine), not under charts/<alias>/; synthesize cites only real files', () => {
    const doc = scan(APP);
    const search = doc.gaps.filter((g) => g.workload === s('search')) as unknown as (Cited & { line: number })[];
    expect(search.map((g) => `${g.file}:${g.line}`)).toEqual([`${APP}/libs/search-engine/templates/search.yaml:19`]);
    for (const g of search) expectCitable(g);
    const r = runWithTools(['synthesize', APP, '--helm-set', 'tags.monitoring=true']);
    expect(r.code).toBe(0);
    // store-metrics-db (alias `metrics-db` of charts/database) has no caller: an ingress gap in its template
    // two aliases of chart `db` render its template twice: each copy is named for its alias
    expect(r.stderr).toContain(`${STORE}/charts/database/templates/db.yaml [rendered as metrics-db] ${s('metrics-db', 'StatefulSet')} ingress`);
    const cited = [...`${r.stdout}\n${r.stderr}`.matchAll(/(fixtures\/helm\/umbrella\/[^\s":]+)/g)].map((m) => m[1] as string);
    expect(cited.length).toBeGreaterThan(10);
    for (const file of new Set(cited)) expectCitable({ file });
  });

  it('a dependency vendored under another folder name renders (helm finds charts by name); one that is really missing is still refused, by name', () => {
    const root = tempDir();
    cpSync(APP, path.join(root, 'umbrella'), { recursive: true });
    expect(runWithTools(['scan', path.join(root, 'umbrella'), '--format', 'json']).code).toBe(0);
    rmSync(path.join(root, 'umbrella/store/charts/database'), { recursive: true });
    const r = runWithTools(['scan', path.join(root, 'umbrella'), '--format', 'json']);
    expect(r.code).toBe(2);
    // each entry named with its alias: which of the three installs lacks its chart
    expect(r.stderr).toMatch(/store\/Chart\.yaml error NPC024 .*not vendored under charts\/: db as primary, db as replica, db as metrics-db;/);
  });

  it('a library chart beside the charts (a monorepo\'s shared Bitnami `common`) is no release: not rendered on its own, no error', () => {
    const root = tempDir();
    cpSync('fixtures/real-apps/bitnami-wordpress/wordpress/charts/common', path.join(root, 'common'), { recursive: true });
    cpSync('fixtures/real-apps/bitnami-wordpress/wordpress/charts/memcached', path.join(root, 'memcached'), { recursive: true });
    const r = runWithTools(['scan', root, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { gaps: { workload: string }[] }).gaps.map((g) => g.workload)).toEqual(['default/memcached[Deployment]']);
  });

  it('disabled subcharts (a `condition:` false, a tag false) contribute nothing; enabled from a values file or --helm-set they do', () => {
    const workloads = (extra: string[]) => {
      const r = runWithTools(['connectivity', APP, '--format', 'json', ...extra]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as { src: string; dst: string }[];
      return [...new Set(json.flatMap((c) => [c.src, c.dst]).filter((p) => p.startsWith('default/')))].sort();
    };
    const base = [s('cache'), s('primary', 'StatefulSet'), s('search'), s('web')];
    expect(workloads([])).toEqual(base);
    expect(workloads(['--helm-values', REPLICA_VALUES])).toEqual([...base, s('replica', 'StatefulSet')].sort());
    expect(workloads(['--helm-set', 'tags.monitoring=true'])).toEqual([...base, s('metrics-db', 'StatefulSet')].sort());
  });

  it("values the parent sets for a subchart are honoured and traced to the parent's line under the alias (`replica.primaryUrl`) and under `global`", () => {
    const doc = scan(APP, ['--helm-values', REPLICA_VALUES]);
    const values = (src: string, dst: string) =>
      doc.links.find((l) => l.src === src && l.dst === dst)?.evidence.map((e) => (e as { values?: { file: string; line: number; key: string } }).values).map((v) => v && `${v.file}:${v.line} ${v.key}`);
    expect(values(s('replica', 'StatefulSet'), s('primary', 'StatefulSet'))).toEqual([`${STORE}/values.yaml:7 replica.primaryUrl`]);
    expect(values(s('primary', 'StatefulSet'), s('search'))).toEqual([`${STORE}/values.yaml:3 global.searchUrl`]);
    expect(values(s('replica', 'StatefulSet'), s('search'))).toEqual([`${STORE}/values.yaml:3 global.searchUrl`]);
  });

  it('two aliases of one subchart: each copy is named for its alias, and traced to its own alias\'s values key even when both hold the same address', () => {
    const root = tempDir();
    cpSync(APP, path.join(root, 'umbrella'), { recursive: true });
    // before: both copies were `db.yaml [rendered]`, and the address both keys hold traced to neither
    writeFileSync(path.join(root, 'umbrella/store/values.yaml'), readFileSync(path.join(root, 'umbrella/store/values.yaml'), 'utf8').replace('replica:\n  enabled: false\n', 'replica:\n  enabled: true\n').replace('metrics-db:\n', 'metrics-db:\n  primaryUrl: postgres://store-primary:5432/store\n'));
    const text = readFileSync(path.join(root, 'umbrella/store/values.yaml'), 'utf8').split('\n');
    const lineOf = (needle: string, after = 0) => text.findIndex((l, i) => i >= after && l.includes(needle)) + 1;
    const r = runWithTools(['scan', 'umbrella', '--format', 'json', '--helm-set', 'tags.monitoring=true'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { links: { src: string; dst: string; evidence: { file: string; values?: { file: string; line: number; key: string } }[] }[] };
    const ev = (src: string) => doc.links.find((l) => l.src === src && l.dst === s('primary', 'StatefulSet'))?.evidence[0];
    expect(ev(s('replica', 'StatefulSet'))?.file).toBe('umbrella/store/charts/database/templates/db.yaml [rendered as replica]');
    expect(ev(s('metrics-db', 'StatefulSet'))?.file).toBe('umbrella/store/charts/database/templates/db.yaml [rendered as metrics-db]');
    // --helm-set overrides the values files: nothing is traced then; without it, each copy to its own key
    expect(ev(s('replica', 'StatefulSet'))?.values).toBeUndefined();
    writeFileSync(path.join(root, 'umbrella/store/values.yaml'), text.join('\n').replace('tags:\n  monitoring: false', 'tags:\n  monitoring: true'));
    const traced = JSON.parse(runWithTools(['scan', 'umbrella', '--format', 'json'], { cwd: root }).stdout) as typeof doc;
    const values = (src: string) => traced.links.find((l) => l.src === src && l.dst === s('primary', 'StatefulSet'))?.evidence[0]?.values;
    expect(values(s('replica', 'StatefulSet'))).toEqual({ file: 'umbrella/store/values.yaml', line: lineOf('primaryUrl'), key: 'replica.primaryUrl' });
    expect(values(s('metrics-db', 'StatefulSet'))).toEqual({ file: 'umbrella/store/values.yaml', line: lineOf('primaryUrl', lineOf('metrics-db:')), key: 'metrics-db.primaryUrl' });
  });

  it('with --cache-dir, a cached rendering cites the same archive members, folders and values lines as a fresh one', () => {
    const cache = tempDir();
    const args = ['scan', APP, '--helm-values', REPLICA_VALUES, '--format', 'json', '--cache-dir', cache];
    const fresh = runWithTools(args);
    // the rendering was kept
    expect(readdirSync(path.join(cache, 'helm')).length).toBeGreaterThan(0);
    const cached = runWithTools(args);
    expect(fresh.code).toBe(0);
    expect(cached.stdout).toBe(fresh.stdout);
    expect(cached.stdout).toContain('cache-1.0.0.tgz#cache/templates/cache.yaml');
    expect(cached.stdout).toContain('"key": "replica.primaryUrl"');
  });

  it('synthesize, then connectivity with the policies: exactly the links the manifests state, nothing more; the gaps are reported, not opened', () => {
    const expected = [
      `${s('primary', 'StatefulSet')} => ${s('search')} : TCP 9200`,
      `${s('web')} => ${s('cache')} : TCP 11211`,
      `${s('web')} => ${s('primary', 'StatefulSet')} : TCP 5432`,
      `${s('web')} => ${s('search')} : TCP 9200`,
    ];
    expect(linkLines(scan(APP))).toEqual(expected);
    expect(allowedAfterSynthesis(APP)).toEqual(expected);
    const r = runWithTools(['synthesize', APP]);
    expect(r.stderr).toContain('4 gaps');
  });
});
