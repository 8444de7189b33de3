import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/diagnostics/errors.js';
import { checkSpec, commentSpec, diffSpec, parseInputs } from '../../src/action/inputs.js';
import { commentKey, parseMarker, renderMarker, stripMarkers, withMarker } from '../../src/action/marker.js';
import { fitMarkdown } from '../../src/report/budget.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { afterAll } from 'vitest';

afterAll(cleanupTempDirs);

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('inputs', () => {
  const raw = (values: Record<string, string>) => (name: string) => values[name];

  it('applies defaults, parses lists, booleans and choices', () => {
    const i = parseInputs(checkSpec, raw({ paths: 'deploy\n  # a comment\n charts/shop \n', 'fail-on': 'gaps, baseline gaps', comment: 'False' }));
    expect(i.paths).toEqual(['deploy', 'charts/shop']);
    expect(i['fail-on']).toEqual(['baseline', 'gaps']);
    expect(i.comment).toBe(false);
    expect(i.engine).toBe('both');
    expect(i['on-empty']).toBe('update');
    expect(i.base).toBeUndefined();
    expect(i['working-directory']).toBe('.');
    // the `${{ github.token }}` default is GitHub's to fill, never a literal token
    expect(i.token).toBe('');
  });

  it.each([
    [diffSpec, { 'fail-on-diff': 'yes' }, 'input "fail-on-diff": expected true or false, got "yes"'],
    [diffSpec, { 'on-empty': 'remove' }, 'input "on-empty": expected one of update, delete, got "remove"'],
    [diffSpec, { 'ip-family': '5' }, 'input "ip-family": expected one of 4, 6, dual, got "5"'],
    [diffSpec, { 'helm-set': 'image.tag' }, 'input "helm-set": expected key=value'],
    [commentSpec, {}, 'input "report-file" is required'],
    [commentSpec, { 'report-file': 'r.md', 'max-report-bytes': '-1' }, 'input "max-report-bytes": expected a positive whole number, got "-1"'],
    [commentSpec, { 'report-file': 'r.md', 'pr-number': '12a' }, 'input "pr-number": expected a pull request number'],
  ] as const)('a bad input names itself: %#', (spec, values, message) => {
    expect(() => parseInputs(spec, raw(values))).toThrow(ConfigError);
    expect(() => parseInputs(spec, raw(values))).toThrow(message);
  });
});

describe('marker', () => {
  it('round-trips and is found on the first line only', () => {
    const m = { kind: 'check', key: commentKey('wf', 'check'), sha: 'a'.repeat(40), empty: true };
    expect(parseMarker(withMarker(m, 'body'))).toEqual(m);
    expect(parseMarker(`text\n${renderMarker(m)}`)).toBeUndefined();
    expect(parseMarker(renderMarker(m).replace('v1', 'v2'))).toBeUndefined();
    expect(commentKey('wf', 'check')).not.toBe(commentKey('wf', 'diff'));
    expect(commentKey('wf', 'check')).not.toBe(commentKey('other', 'check'));
  });

  it('a body cannot smuggle a second marker in', () => {
    const m = { kind: 'diff', key: '0123456789abcdef', sha: 'b'.repeat(40), empty: false };
    const body = withMarker(m, `<!-- netpol-ci:diff v1 key=ffffffffffffffff sha=${'c'.repeat(40)} -->\nreport <!--netpol-ci:x--> end`);
    expect(body.match(/netpol-ci:/g)).toHaveLength(1);
    expect(stripMarkers(body)).toBe('report  end');
  });
});

describe('fitMarkdown', () => {
  const report = (n: number) => ['### title', '', ...Array.from({ length: n }, (_, i) => `#### part ${i}\n\n<details><summary>why</summary>\n\n\`\`\`yaml\nkey: ${'é'.repeat(i % 50)}\n\`\`\`\n\n</details>\n`)].join('\n');

  it('leaves a report within budget untouched', () => {
    expect(fitMarkdown(report(3), 65_536, 'cut')).toEqual({ text: report(3), truncated: false });
  });

  it('property: any report fits, keeps a prefix of whole lines, and closes what it opened', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 4_000, max: 70_000 }), (n, budget) => {
        const body = report(n);
        const fitted = fitMarkdown(body, budget, 'NOTE');
        expect(bytes(fitted.text)).toBeLessThanOrEqual(budget);
        if (!fitted.truncated) return;
        expect(fitted.text).toContain('NOTE');
        const kept = fitted.text.slice(0, fitted.text.indexOf('\n\n---\nNOTE'));
        // what was kept is the start of the report, plus closers
        const closersStart = kept.search(/(\n```|\n<\/details>)*$/);
        expect(body.startsWith(kept.slice(0, closersStart))).toBe(true);
        expect((kept.match(/<details>/g) ?? []).length).toBe((kept.match(/<\/details>/g) ?? []).length);
        expect((kept.match(/^```/gm) ?? []).length % 2).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});

describe('gen:actions --check', () => {
  it('passes on the committed files and fails when one is stale', () => {
    // a copy of the repository's generator inputs and outputs, so that other tests never see a stale file
    const root = tempDir('netpol-ci-gen-');
    for (const p of ['scripts', 'src', 'actions', 'action.yml', 'README.md', 'package.json']) cpSync(path.join(REPO_ROOT, p), path.join(root, p), { recursive: true });
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'));
    const gen = () => spawnSync(process.execPath, ['scripts/gen-actions.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    const ok = gen();
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const file = path.join(root, 'actions', 'scan', 'action.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('default: yaml', 'default: json'));
    const stale = gen();
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('generated files are stale: actions/scan/action.yml');
  });
});
