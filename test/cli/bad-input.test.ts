import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, runCli, type CliResult } from '../helpers/cli.js';
import { APP_LINES, cleanupTempDirs, diagnosticPattern, makeCase, tempDir, type ExpectedDiagnostic, type Extra } from '../helpers/fixtures.js';

/**
 * Bad input never stops the analysis: each case folder holds the shared valid app plus one kind of
 * bad file. The CLI must name the file (and line, where there is one) with a stable code, exit 2
 * only for errors, and still print the valid app's connectivity.
 */
afterAll(cleanupTempDirs);

function connectivity(dir: string, ...args: string[]): CliResult {
  return runCli(['connectivity', '.', ...args], { cwd: dir });
}

function expectAppStillAnalysed(r: CliResult): void {
  const out = lines(r.stdout);
  expect(out).toEqual(expect.arrayContaining([...APP_LINES]));
  // nothing in the bad files changes the app: web -> api stays TCP 9090 and nothing else reaches api
  expect(out.filter((l) => l.includes(' => shop/api[Deployment]'))).toEqual([
    'shop/web[Deployment] => shop/api[Deployment] : TCP 9090',
  ]);
}

function expectDiagnostics(r: CliResult, expected: readonly ExpectedDiagnostic[]): void {
  for (const d of expected) expect(r.stderr).toMatch(diagnosticPattern(d));
  // every stderr line is a diagnostic about one of the expected files (no stack traces, no noise)
  for (const l of lines(r.stderr)) expect(expected.some((d) => diagnosticPattern(d).test(l)), `unexpected stderr line: ${l}`).toBe(true);
}

interface Case {
  readonly name: string;
  /** fixtures/bad-input/<fixture>/, copied next to the valid app. */
  readonly fixture?: string;
  readonly extras?: Record<string, Extra>;
  readonly args?: readonly string[];
  readonly exit: 0 | 2;
  readonly diagnostics: readonly ExpectedDiagnostic[];
  /** Lines that the case's own valid objects add to stdout. */
  readonly alsoPrinted?: readonly string[];
  /** Fragments that must not appear on stdout. */
  readonly notPrinted?: readonly string[];
}

const BINARY = Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\n'), Buffer.from([0, 0, 0, 0xff]), Buffer.from('binary\n')]);

const CASES: readonly Case[] = [
  {
    name: 'a YAML alias bomb ("billion laughs") is refused; the document before it in the same file is used',
    fixture: 'alias-bomb',
    exit: 2,
    diagnostics: [{ file: 'bomb.yaml', line: 8, doc: 2, severity: 'error', code: 'NPC006', message: 'aliases expand to more than 1,000,000 nodes' }],
    alsoPrinted: ['shop/web[Deployment] => shop/before-bomb[Deployment] : All Connections'],
  },
  {
    name: 'a file over --max-file-size is skipped',
    extras: {
      'big.yaml': {
        bytes: `# padding\n${'#'.repeat(4000)}\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: big, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: big}}\n`,
      },
    },
    args: ['--max-file-size', '2048'],
    exit: 2,
    diagnostics: [{ file: 'big.yaml', severity: 'error', code: 'NPC002', message: 'over the limit of 2048 bytes' }],
    notPrinted: ['shop/big'],
  },
  {
    name: 'a binary file named .yaml (NUL bytes) is skipped',
    extras: { 'image.yaml': { bytes: BINARY } },
    exit: 2,
    diagnostics: [{ file: 'image.yaml', line: 3, column: 1, severity: 'error', code: 'NPC003', message: 'binary file' }],
  },
  {
    name: 'a file that is not valid UTF-8 is skipped',
    extras: {
      'latin1.yaml': {
        bytes: Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      },
    },
    exit: 2,
    diagnostics: [{ file: 'latin1.yaml', line: 4, column: 12, severity: 'error', code: 'NPC003', message: 'not valid UTF-8' }],
  },
  {
    name: 'duplicate keys are an error; the last value is used (the policy isolates cache)',
    fixture: 'duplicate-keys',
    exit: 2,
    diagnostics: [{ file: 'cache.yaml', line: 29, column: 3, doc: 2, severity: 'error', code: 'NPC007' }],
    alsoPrinted: ['shop/cache[Deployment] => shop/web[Deployment] : All Connections'],
    notPrinted: ['=> shop/cache[Deployment]'],
  },
  {
    name: 'YAML 1.1 traps (on, yes, 0755) are warnings with line and column; quoted values are fine',
    fixture: 'yaml11-traps',
    exit: 0,
    diagnostics: [
      { file: 'settings.yaml', line: 7, column: 12, doc: 1, severity: 'warning', code: 'NPC011', message: 'unquoted on is a boolean in YAML 1.1' },
      { file: 'settings.yaml', line: 8, column: 12, doc: 1, severity: 'warning', code: 'NPC011', message: 'unquoted yes is a boolean in YAML 1.1' },
      { file: 'settings.yaml', line: 9, column: 9, doc: 1, severity: 'warning', code: 'NPC011', message: 'unquoted 0755 is octal 493' },
    ],
  },
  {
    name: 'a YAML syntax error in one document of a multi-document file: the other documents are used',
    fixture: 'syntax-error',
    exit: 2,
    // the flow mapping opened on line 13 is found unclosed on line 14
    diagnostics: [{ file: 'multi.yaml', line: [13, 14], doc: 2, severity: 'error', code: 'NPC005', message: 'YAML syntax error' }],
    alsoPrinted: ['shop/first[Deployment] => shop/third[Deployment] : All Connections', 'shop/third[Deployment] => shop/web[Deployment] : All Connections'],
    notPrinted: ['broken'],
  },
  {
    name: 'a wrong field type names the field path and line; a bad List item names its items[i] path',
    fixture: 'wrong-field-type',
    exit: 2,
    diagnostics: [
      { file: 'web-policy.yaml', line: 11, column: 17, doc: 1, severity: 'error', code: 'NPC010', field: 'spec.ingress[0].ports[0].port', message: 'got true' },
      {
        file: 'list-item.yaml',
        line: 21,
        column: 25,
        doc: 1,
        severity: 'error',
        code: 'NPC010',
        field: 'items[1].spec.ingress[0].ports[0].protocol',
        message: 'got "HTTPS"',
      },
    ],
  },
  {
    name: 'kind: List and PodList are flattened into their items',
    fixture: 'lists',
    exit: 0,
    diagnostics: [],
    alsoPrinted: [
      'batch/worker-1[Pod] => batch/worker-2[Pod] : All Connections',
      'batch/worker-2[Pod] => shop/web[Deployment] : All Connections',
      'shop/listed[Deployment] => shop/web[Deployment] : All Connections',
    ],
    // the List's NetworkPolicy isolates listed for ingress
    notPrinted: ['=> shop/listed[Deployment]'],
  },
  {
    name: 'a .json manifest is read like YAML',
    fixture: 'json',
    exit: 0,
    diagnostics: [],
    alsoPrinted: ['shop/api[Deployment] => shop/db[Deployment] : TCP 5432', 'shop/db[Deployment] => shop/web[Deployment] : All Connections'],
    notPrinted: ['shop/web[Deployment] => shop/db[Deployment]'],
  },
  {
    name: 'an invalid .json manifest is a syntax error',
    fixture: 'json-invalid',
    exit: 2,
    diagnostics: [{ file: 'broken.json', line: 5, doc: 1, severity: 'error', code: 'NPC005', message: 'invalid JSON' }],
  },
  {
    name: 'duplicate keys in a .json manifest are reported (JSON.parse would keep the last silently)',
    extras: { 'dup.json': { bytes: '{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {"name": "a", "name": "b", "namespace": "shop"}\n}\n' } },
    exit: 2,
    diagnostics: [{ file: 'dup.json', line: 4, doc: 1, severity: 'error', code: 'NPC007', message: 'duplicate key' }],
  },
  {
    name: 'text glued to a document separator (---apiVersion) is read as a new document, with a warning',
    fixture: 'separator-text',
    exit: 0,
    diagnostics: [{ file: 'glued.yaml', line: 4, doc: 2, severity: 'warning', code: 'NPC020' }],
    alsoPrinted: ['shop/glued[Deployment] => shop/web[Deployment] : All Connections'],
  },
  {
    name: 'a dangling symlink is unreadable; a folder named more.yaml is scanned as a folder',
    fixture: 'unreadable',
    extras: { 'dangling.yaml': { symlink: 'nowhere/missing.yaml' } },
    exit: 2,
    diagnostics: [{ file: 'dangling.yaml', severity: 'error', code: 'NPC001', message: 'cannot read file' }],
    alsoPrinted: ['shop/extra[Deployment] => shop/web[Deployment] : All Connections'],
  },
];

describe('connectivity on bad input', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const dir = makeCase(c.fixture, c.extras);
    const r = connectivity(dir, ...(c.args ?? []));
    expect(r.code, r.stderr).toBe(c.exit);
    expectDiagnostics(r, c.diagnostics);
    expectAppStillAnalysed(r);
    expect(lines(r.stdout)).toEqual(expect.arrayContaining([...(c.alsoPrinted ?? [])]));
    for (const s of c.notPrinted ?? []) expect(r.stdout).not.toContain(s);
  });

  it('YAML that is not Kubernetes (a GitHub workflow, Helm values) is skipped silently, and reported with --verbose', () => {
    const dir = makeCase('not-kubernetes');
    const quiet = connectivity(dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expectAppStillAnalysed(quiet);

    const verbose = connectivity(dir, '--verbose');
    expect(verbose.code).toBe(0);
    expectDiagnostics(verbose, [
      { file: path.join('ci', 'workflow.yml'), line: 1, doc: 1, severity: 'info', code: 'NPC008' },
      { file: path.join('chart', 'values.yaml'), line: 1, doc: 1, severity: 'info', code: 'NPC008' },
      // dot-folders are skipped on purpose, and --verbose says so
      { file: '.github', doc: 0, severity: 'info', code: 'NPC027' },
    ]);
    // `on:` as a key is no YAML 1.1 trap worth a warning, and dot folders (.github) are not scanned
    expect(verbose.stderr).not.toContain('NPC011');
    // .github is named only as the skipped folder, none of its files is read
    expect(verbose.stderr).not.toContain('.github/');
    expect(verbose.stdout).toBe(quiet.stdout);
  });

  it('a symlink that leaves the scanned folder is refused; one that stays inside is followed', () => {
    const outside = tempDir('netpol-ci-outside-');
    const dir = makeCase('symlinks', {
      'escape.yaml': { symlink: path.join(outside, 'secret.yaml') },
      'inside.yaml': { symlink: path.join('manifests', 'linked.txt') },
      // a folder symlink is never crawled; one that leaves the folder is reported
      'outdir': { symlink: outside },
    });
    makeOutsideDeployment(outside);
    const r = connectivity(dir);
    expect(r.code).toBe(2);
    expectDiagnostics(r, [
      { file: 'escape.yaml', severity: 'error', code: 'NPC004', message: 'symlink points outside the scanned folder' },
      { file: 'outdir', severity: 'error', code: 'NPC004', message: 'folder symlink points outside the scanned folder' },
    ]);
    expectAppStillAnalysed(r);
    expect(lines(r.stdout)).toContain('shop/linked[Deployment] => shop/web[Deployment] : All Connections');
    expect(r.stdout).not.toContain('outsider');
  });

  it('--quiet hides warnings but never errors', () => {
    const warnings = connectivity(makeCase('yaml11-traps'), '--quiet');
    expect(warnings.code).toBe(0);
    expect(warnings.stderr).toBe('');
    expectAppStillAnalysed(warnings);
    const errors = connectivity(makeCase('wrong-field-type'), '--quiet');
    expect(errors.code).toBe(2);
    expect(lines(errors.stderr).map((l) => / (?:error|warning|info) (NPC\d+) /.exec(l)?.[1])).toEqual(['NPC010', 'NPC010']);
  });

  it('a path argument that does not exist is an error; the other paths are still analysed', () => {
    const dir = makeCase(undefined);
    const r = runCli(['connectivity', '.', 'no-such-folder', 'no-such-file.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expectDiagnostics(r, [
      { severity: 'error', code: 'NPC015', message: 'no such file or folder: no-such-folder' },
      { severity: 'error', code: 'NPC015', message: 'no such file or folder: no-such-file.yaml' },
    ]);
    expectAppStillAnalysed(r);
  });

  it('a folder without manifests is a warning, not an error', () => {
    const dir = makeCase(undefined);
    const empty = tempDir('netpol-ci-empty-');
    const r = runCli(['connectivity', '.', empty], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning NPC015 no \.yaml, \.yml or \.json files under /m);
    expectAppStillAnalysed(r);
  });
});

describe('connectivity usage errors', () => {
  it('an unknown --format exits 2 with a message that lists the formats', () => {
    const dir = makeCase(undefined);
    const r = connectivity(dir, '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--format');
    expect(r.stderr).toContain('"xml"');
    expect(r.stderr).toContain('txt, json, csv, md, dot, mermaid, svg');
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('an unknown option and a missing path argument exit 2', () => {
    const dir = makeCase(undefined);
    const unknown = connectivity(dir, '--no-such-flag');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--no-such-flag'");
    const missing = runCli(['connectivity'], { cwd: dir });
    expect(missing.code).toBe(2);
    // paths are optional only with --cluster
    expect(missing.stderr).toContain('connectivity takes manifest paths, or --cluster');
    expect(missing.stdout).toBe('');
  });

  it('a non-numeric --max-file-size exits 2 naming the flag', () => {
    const r = connectivity(makeCase(undefined), '--max-file-size', 'lots');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/configuration error: --max-file-size: /);
    expect(r.stdout).toBe('');
  });

  it('connectivity --help prints the usage and exits 0', () => {
    const r = runCli(['connectivity', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: netpol-ci connectivity [options] [path...]');
    for (const flag of ['--format', '--output', '--verbose', '--quiet', '--max-file-size', '--ip-family']) expect(r.stdout).toContain(flag);
    expect(r.stdout).toContain('txt|json|csv|md|dot|mermaid|svg');
    expect(r.stderr).toBe('');
  });
});

function makeOutsideDeployment(outside: string): void {
  writeFileSync(
    path.join(outside, 'secret.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: outsider, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: outsider}}\n',
  );
}

/** CLI bugs these tests found; each states the behaviour that now holds. */
describe('bugs found by these tests, now fixed', () => {
  it('NPC011 points at the value, not at the first occurrence of its text in the line (`button: on`)', () => {
    const dir = makeCase(undefined, { 'cm.yaml': { bytes: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, namespace: shop}\ndata:\n  button: on\n' } });
    const r = connectivity(dir);
    expect(r.stderr).toMatch(diagnosticPattern({ file: 'cm.yaml', line: 5, column: 11, doc: 1, severity: 'warning', code: 'NPC011' }));
  });

  it('NPC011 also fires inside a flow mapping, at each value, in column order', () => {
    const dir = makeCase(undefined, { 'cm.yaml': { bytes: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, namespace: shop}\ndata: {flag: yes, mode: 0755, ok: "yes"}\n' } });
    const r = connectivity(dir);
    const found = r.stderr.split('\n').filter((l) => l.includes('NPC011'));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(diagnosticPattern({ file: 'cm.yaml', line: 4, column: 14, doc: 1, severity: 'warning', code: 'NPC011' }));
    expect(found[1]).toMatch(diagnosticPattern({ file: 'cm.yaml', line: 4, column: 25, doc: 1, severity: 'warning', code: 'NPC011' }));
  });

  it('NPC011 does not fire inside a block scalar, where `debug: yes` is text in every YAML version', () => {
    const dir = makeCase(undefined, {
      'cm.yaml': { bytes: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, namespace: shop}\ndata:\n  app.properties: |\n    debug: yes\n    umask: 0022\n' },
    });
    const r = connectivity(dir);
    expect(r.stderr).toBe('');
  });

  it('an invalid JSON manifest names the line of the syntax error', () => {
    const r = connectivity(makeCase('json-invalid'));
    expect(r.stderr).toMatch(diagnosticPattern({ file: 'broken.json', line: [4, 5], doc: 1, severity: 'error', code: 'NPC005' }));
  });

  it('-o into a folder that does not exist is a configuration error (exit 2), not an internal error (exit 3)', () => {
    const dir = makeCase(undefined);
    const r = connectivity(dir, '-o', path.join('no-such-folder', 'out.txt'));
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(2);
  });

  it('a NetworkPolicy without apiVersion is reported without --verbose (it is dropped, which opens what it would isolate)', () => {
    const dir = makeCase(undefined, {
      'deny-web.yaml': { bytes: 'kind: NetworkPolicy\nmetadata: {name: deny-web, namespace: shop}\nspec:\n  podSelector:\n    matchLabels: {app: web}\n  policyTypes: [Ingress, Egress]\n' },
    });
    const r = connectivity(dir);
    expect(r.stderr).toMatch(/^deny-web\.yaml\S* \[doc 1\] (?:warning|error) NPC\d{3} /m);
  });
});
