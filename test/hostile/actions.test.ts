import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { git, pullRequestPayload, runEntry, type EntryRun } from '../helpers/action-runner.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { TOOL_ENV } from '../helpers/tools.js';
import { APP, outsideCodeSpans } from './harness.js';

/**
 * The Actions, run as a runner runs them (bundled entries, a local GitHub), on a pull request
 * that adds files which cannot be read: the reviewer's report (PR comment, job summary) must say
 * so, escaped, and never read as "no change" (nor be deleted as empty).
 */
const TOKEN = 'ghs_installationTokenForTests0123456789abcd';
const PR = 9;
const HOSTILE = 'x<img src=x>@octocat #12 deadbeefdead `b`.yaml';

let dir: string;
let base: string;
let head: string;
let gh: FakeGitHub;

beforeAll(() => {
  dir = tempDir('netpol-ci-hostile-action-');
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(dir, 'app.yaml'), APP);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  base = git(dir, 'rev-parse', 'HEAD');
  writeFileSync(path.join(dir, HOSTILE), 'a: [\n');
  writeFileSync(path.join(dir, 'k.yaml'), 'apiVersion: apps/v1\nkind: deployment\nmetadata: {name: lc, namespace: shop}\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'head');
  head = git(dir, 'rev-parse', 'HEAD');
});
afterAll(cleanupTempDirs);

beforeEach(async () => {
  gh = await new FakeGitHub().start();
  gh.tokens.set(TOKEN, { login: 'github-actions[bot]', app: true, canWrite: true });
  gh.history.push(base, head);
  gh.pulls.set(PR, { number: PR, headSha: head, headRef: 'changes', headOwner: 'Codertocat', headRepo: 'Hello-World', baseSha: base });
});
afterEach(async () => {
  await gh.stop();
  expect(gh.violations).toEqual([]);
});

const run = (entry: string, inputs: Record<string, string>): Promise<EntryRun> =>
  runEntry(entry, { inputs, eventName: 'pull_request', payload: pullRequestPayload({ number: PR, base, head }), apiUrl: gh.url, cwd: dir, env: TOOL_ENV as Record<string, string> });

/** The report names both errors, each in code spans: nothing from the file name is live Markdown. */
function expectInputErrors(md: string): void {
  expect(md).toMatch(/^#### 2 input errors \(left out of the answer above\)$/m);
  expect(md).toMatch(/^- `x<img src=x>@octocat #12 deadbeefdead 'b'\.yaml:2` `NPC005`: `YAML syntax error/m);
  expect(md).toMatch(/^- `k\.yaml:2` `NPC237`: `"deployment" is no Kubernetes kind/m);
  expect(outsideCodeSpans(md.replace(/^<!--.*-->$/gm, ''))).not.toMatch(/<img|@octocat|#12|deadbeef/);
}

describe('Actions on a pull request that adds unreadable files', () => {
  it('diff: the comment lists the input errors and is not deleted as empty (on-empty: delete)', async () => {
    const r = await run('diff', { token: TOKEN, paths: '.', base, 'on-empty': 'delete' });
    expect(r.code).toBe(2);
    expect(r.outputs['has-diff']).toBe('false');
    const comments = gh.commentsOf(PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.split('\n', 1)[0]).not.toMatch(/ empty -->$/);
    expectInputErrors(comments[0]!.body);
    expectInputErrors(r.summary);
    // the annotations are workflow commands whose data cannot start another command
    for (const line of r.stdout.split('\n').filter((l) => l.startsWith('::'))) expect(line).toMatch(/^::(error|warning|notice|debug|group|endgroup|add-mask)[ :]/);
    expect(r.stdout).not.toMatch(/\n::error::forged/);
  });

  it('check: the comment verdict counts the input errors and lists them', async () => {
    const r = await run('check', { token: TOKEN, paths: '.', base });
    expect(r.code).toBe(2);
    const body = gh.commentsOf(PR)[0]!.body;
    expect(body).toMatch(/^### netpol-ci check: ⚠️ 2 input errors \(left out of the answer\)$/m);
    expect(body).toMatch(/^#### Input errors/m);
    expect(outsideCodeSpans(body.replace(/^<!--.*-->$/gm, ''))).not.toMatch(/<img|@octocat|#12|deadbeef/);
  });

  it('scan: the job summary lists the input errors', async () => {
    const r = await run('scan', { paths: '.' });
    expect(r.code).toBe(2);
    expectInputErrors(r.summary);
  });
});
