import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, REPO_ROOT, runCli, type CliResult } from '../helpers/cli.js';
import { cleanupTempDirs, FIXTURES, tempDir } from '../helpers/fixtures.js';
import { parseCsv } from '../helpers/csv.js';

/** Every output format of `connectivity`, once, on the example app. */
afterAll(cleanupTempDirs);

const APP = path.relative(REPO_ROOT, path.join(FIXTURES, 'example-app', 'manifests'));
const GOLDEN = readFileSync(path.join(FIXTURES, 'example-app', 'expected', 'connectivity.txt'), 'utf8');

/** The golden txt lines as {src, dst, conn} rows. */
const ROWS = lines(GOLDEN).map((l) => {
  const m = /^(.*) => (.*) : (.*)$/.exec(l);
  if (!m) throw new Error(`not a connectivity line: ${l}`);
  return { src: m[1] as string, dst: m[2] as string, conn: m[3] as string };
});

function run(...args: string[]): CliResult {
  const r = runCli(['connectivity', APP, ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
}


const unescapeMd = (s: string) =>
  s
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~:"'=])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const unescapeMermaid = (s: string) => s.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

function hasDot(): boolean {
  return !spawnSync('dot', ['-V'], { encoding: 'utf8' }).error;
}

describe('connectivity output formats (example app)', () => {
  it('txt is the golden, one line per allowed pair', () => {
    expect(run().stdout).toBe(GOLDEN);
    expect(run('--format', 'txt').stdout).toBe(GOLDEN);
  });

  it('json parses to the same rows', () => {
    const parsed: unknown = JSON.parse(run('--format', 'json').stdout);
    expect(parsed).toEqual(ROWS);
  });

  it('csv has a header and the same rows', () => {
    const rows = parseCsv(run('--format', 'csv').stdout);
    expect(rows[0]).toEqual(['src', 'dst', 'conn']);
    expect(rows.slice(1).map(([src, dst, conn]) => ({ src, dst, conn }))).toEqual(ROWS);
  });

  it('md is a table with one escaped row per pair', () => {
    const out = lines(run('--format', 'md').stdout);
    expect(out.slice(0, 2)).toEqual(['| src | dst | conn |', '|-----|-----|------|']);
    const body = out.slice(2).map((l) => {
      expect(l).toMatch(/^\| .* \|$/);
      // cells are split at unescaped pipes
      const cells = l.slice(2, -2).split(/(?<!\\) \| /);
      expect(cells).toHaveLength(3);
      return { src: unescapeMd(cells[0] as string), dst: unescapeMd(cells[1] as string), conn: unescapeMd(cells[2] as string) };
    });
    expect(body).toEqual(ROWS);
    // brackets are escaped so that names cannot form links
    expect(out[2]).toContain('backend/orders\\[Deployment\\]');
  });

  it('dot is a digraph with a cluster per namespace and one labelled edge per pair', () => {
    const out = run('--format', 'dot').stdout;
    expect(out.startsWith('digraph {\n')).toBe(true);
    expect(out.endsWith('}\n')).toBe(true);
    // braces balance once quoted strings (labels such as {ingress-controller}) are set aside
    const skeleton = out.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect((skeleton.match(/\{/g) ?? []).length).toBe((skeleton.match(/\}/g) ?? []).length);
    for (const ns of ['backend', 'frontend', 'payments']) expect(out).toContain(`subgraph "cluster_${ns}" {`);
    const nodes = new Map<string, string>();
    for (const m of out.matchAll(/^\t+(n\d+) \[label="([^"]*)" shape="(\w+)"\]$/gm)) nodes.set(m[1] as string, m[2] as string);
    // every workload is a node, even one that no connection touches
    for (const name of ['web', 'catalog', 'orders', 'payments', 'fraud-check']) expect([...nodes.values()]).toContain(`${name}[Deployment]`);
    expect([...nodes.values()]).toContain('{ingress-controller}');
    expect([...nodes.values()]).toContain('203.0.113.0-203.0.113.255[External]');
    const edges = [...out.matchAll(/^\t(n\d+) -> (n\d+) \[label="([^"]*)"/gm)].map((m) => ({ src: nodes.get(m[1] as string), dst: nodes.get(m[2] as string), conn: m[3] }));
    expect(edges).toHaveLength(ROWS.length);
    // node labels inside a namespace cluster drop the namespace
    expect(edges).toContainEqual({ src: 'orders[Deployment]', dst: 'payments[Deployment]', conn: 'TCP 8080' });
    expect(edges).toContainEqual({ src: '{ingress-controller}', dst: 'web[Deployment]', conn: 'TCP 8080' });
  });

  it('mermaid is a graph with one labelled edge per pair', () => {
    const out = lines(run('--format', 'mermaid').stdout);
    expect(out[0]).toBe('graph LR');
    const edges = out.slice(1).map((l) => {
      const m = /^ {2}n\d+\["([^"]*)"\] -->\|"([^"]*)"\| n\d+\["([^"]*)"\]$/.exec(l);
      expect(m, l).not.toBeNull();
      return { src: unescapeMermaid(m?.[1] ?? ''), dst: unescapeMermaid(m?.[3] ?? ''), conn: unescapeMermaid(m?.[2] ?? '') };
    });
    expect(edges).toEqual(ROWS);
  });

  it('svg without Graphviz is a clear error with exit 2 and no output', () => {
    const r = runCli(['connectivity', APP, '--format', 'svg'], { env: { DOT_PATH: '/nonexistent/graphviz/dot' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^netpol-ci: configuration error: --format svg needs Graphviz 'dot' on PATH/);
  });

  it.runIf(hasDot())('svg with Graphviz on PATH is an SVG document', () => {
    const out = run('--format', 'svg').stdout;
    expect(out).toMatch(/<svg[\s>]/);
    expect(out.trimEnd().endsWith('</svg>')).toBe(true);
    // Graphviz writes '-' as the entity &#45;
    expect(out.replace(/&#45;/g, '-')).toContain('fraud-check[Deployment]');
  });

  it.runIf(!hasDot())('svg when dot is not on PATH is the same clear error', () => {
    const r = runCli(['connectivity', APP, '--format', 'svg']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("needs Graphviz 'dot' on PATH");
  });

  it('-o writes the report to a file and nothing to stdout', () => {
    const file = path.join(tempDir(), 'connectivity.json');
    const r = run('--format', 'json', '-o', file);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(ROWS);
  });

  it.each(['txt', 'json', 'csv', 'md', 'dot', 'mermaid'])('%s output is byte-identical across runs and path orders', (format) => {
    const first = run('--format', format).stdout;
    const second = run('--format', format).stdout;
    expect(second).toBe(first);
    // the same files given in another order (and twice) give the same report
    const dirs = ['payments', 'frontend', 'backend', 'namespaces.yaml'].map((d) => path.join(APP, d));
    const shuffled = runCli(['connectivity', ...dirs, APP, '--format', format]);
    expect(shuffled.code).toBe(0);
    expect(shuffled.stdout).toBe(first);
  });
});

