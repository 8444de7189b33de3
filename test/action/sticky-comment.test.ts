import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeAppRepo, type AppRepo } from '../helpers/action-repo.js';
import { mergeGroupPayload, pullRequestPayload, runEntry, schedulePayload, workflowRunPayload, type EntryRun } from '../helpers/action-runner.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { commentKey } from '../../src/action/marker.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The bundled diff, check and comment entries run as a runner runs them, against a local GitHub
 * that validates every request against GitHub's OpenAPI description and keeps the comments.
 */
const USER_TOKEN = 'ghp_userTokenForTests0123456789abcdefABCDEF';
const APP_TOKEN = 'ghs_installationTokenForTests0123456789abcd';
const READONLY_TOKEN = 'ghs_readOnlyTokenForTests0123456789abcdefg';
const PR = 7;

let repo: AppRepo;
let gh: FakeGitHub;

beforeAll(() => {
  repo = makeAppRepo();
});
afterAll(cleanupTempDirs);

beforeEach(async () => {
  gh = await new FakeGitHub().start();
  gh.tokens.set(USER_TOKEN, { login: 'netpol-bot', app: false, canWrite: true });
  gh.tokens.set(APP_TOKEN, { login: 'github-actions[bot]', app: true, canWrite: true });
  gh.tokens.set(READONLY_TOKEN, { login: 'github-actions[bot]', app: true, canWrite: false });
  gh.history.push(...repo.history);
});
afterEach(async () => {
  await gh.stop();
  expect(gh.violations).toEqual([]);
});

function pullAt(head: string, base = repo.sha.base) {
  gh.pulls.set(PR, { number: PR, headSha: head, headRef: 'changes', headOwner: 'Codertocat', headRepo: 'Hello-World', baseSha: base });
}

function diffRun(head: string, extra: Record<string, string> = {}, token = APP_TOKEN, eventName = 'pull_request'): Promise<EntryRun> {
  return runEntry('diff', {
    inputs: { token, paths: 'deploy', ...extra },
    eventName,
    payload: pullRequestPayload({ number: PR, base: repo.sha.base, head }),
    apiUrl: gh.url,
    cwd: repo.dir,
  });
}

const marker = (body: string) => body.split('\n', 1)[0] ?? '';

describe('sticky comment', () => {
  it('is created once, updated in place on a later push, left alone when unchanged', async () => {
    pullAt(repo.sha.open);
    const first = await diffRun(repo.sha.open);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs['has-diff']).toBe('true');
    expect(Number(first.outputs.added)).toBeGreaterThan(0);
    const comments = gh.commentsOf(PR);
    expect(comments).toHaveLength(1);
    const c = comments[0]!;
    expect(c.login).toBe('github-actions[bot]');
    expect(marker(c.body)).toMatch(new RegExp(`^<!-- netpol-ci:diff v1 key=[0-9a-f]{16} sha=${repo.sha.open} -->$`));
    expect(c.body).toContain('payments/payments[Deployment]');
    expect(first.outputs['comment-id']).toBe(String(c.id));
    // the job summary holds the full report; the report file holds it with its marker
    expect(first.summary).toContain('### netpol-ci: connectivity diff');
    expect(readFileSync(first.outputs['report-path']!, 'utf8')).toBe(c.body);

    // the same SHA again: nothing written
    const again = await diffRun(repo.sha.open);
    expect(again.code).toBe(0);
    expect(gh.requests.filter((r) => r.method !== 'GET')).toHaveLength(1);

    // a later push: the same comment, new body
    pullAt(repo.sha.wider);
    const later = await diffRun(repo.sha.wider);
    expect(later.code).toBe(0);
    expect(gh.commentsOf(PR)).toHaveLength(1);
    expect(gh.commentsOf(PR)[0]!.id).toBe(c.id);
    expect(marker(gh.commentsOf(PR)[0]!.body)).toContain(`sha=${repo.sha.wider}`);
    expect(gh.commentsOf(PR)[0]!.body).toContain('backend/catalog[Deployment]');
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('says so when a later push changes nothing, or deletes itself with on-empty: delete', async () => {
    pullAt(repo.sha.open);
    await diffRun(repo.sha.open);
    // base..noop where base == noop's parent content for connectivity: compare noop against wider's successor
    pullAt(repo.sha.noop, repo.sha.wider);
    const quiet = await runEntry('diff', {
      inputs: { token: APP_TOKEN, paths: 'deploy', base: repo.sha.wider },
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: PR, base: repo.sha.wider, head: repo.sha.noop }),
      apiUrl: gh.url,
      cwd: repo.dir,
    });
    expect(quiet.code).toBe(0);
    expect(quiet.outputs['has-diff']).toBe('false');
    expect(gh.commentsOf(PR)).toHaveLength(1);
    expect(gh.commentsOf(PR)[0]!.body).toContain('No connectivity change');
    expect(marker(gh.commentsOf(PR)[0]!.body)).toMatch(/ empty -->$/);

    const gone = await runEntry('diff', {
      inputs: { token: APP_TOKEN, paths: 'deploy', base: repo.sha.wider, 'on-empty': 'delete' },
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: PR, base: repo.sha.wider, head: repo.sha.noop }),
      apiUrl: gh.url,
      cwd: repo.dir,
    });
    expect(gone.code).toBe(0);
    expect(gh.commentsOf(PR)).toHaveLength(0);
    expect(gone.stdout).toContain('deleted');
  });

  it('creates no comment for an empty report', async () => {
    pullAt(repo.sha.noop, repo.sha.wider);
    const r = await runEntry('diff', {
      inputs: { token: APP_TOKEN, paths: 'deploy', base: repo.sha.wider },
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: PR, base: repo.sha.wider, head: repo.sha.noop }),
      apiUrl: gh.url,
      cwd: repo.dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing to report, and no earlier comment to update');
    expect(gh.requests.filter((q) => q.method !== 'GET')).toEqual([]);
    expect(r.summary).toContain('No connectivity change');
  });

  it('in a merge queue, compares the queued merge commit with its base and fails on a diff when asked', async () => {
    const r = await runEntry('diff', {
      inputs: { token: APP_TOKEN, paths: 'deploy', 'fail-on-diff': 'true' },
      eventName: 'merge_group',
      payload: mergeGroupPayload({ base: repo.sha.base, head: repo.sha.open }),
      apiUrl: gh.url,
      cwd: repo.dir,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::group::diff ${repo.sha.base}..${repo.sha.open}`);
    expect(r.stdout).toMatch(/::error::connectivity changed: \d+ added, \d+ removed, \d+ changed \(fail-on-diff\)/);
    expect(gh.requests).toEqual([]);
  });

  it('finds its comment past the first 100 and ignores look-alikes by other authors', async () => {
    pullAt(repo.sha.open);
    for (let i = 0; i < 150; i++) gh.addComment(PR, `reviewer${i % 3}`, `comment ${i}`);
    await diffRun(repo.sha.open, {}, USER_TOKEN);
    const ours = gh.commentsOf(PR, 'netpol-bot');
    expect(ours).toHaveLength(1);
    // someone else copies the marker into their own comment: it is not ours, never edited
    const planted = gh.addComment(PR, 'mallory', ours[0]!.body.replace('payments', 'evil'));
    for (let i = 0; i < 60; i++) gh.addComment(PR, 'reviewer', `more ${i}`);
    pullAt(repo.sha.wider);
    const r = await diffRun(repo.sha.wider, {}, USER_TOKEN);
    expect(r.code).toBe(0);
    expect(gh.commentsOf(PR, 'netpol-bot')).toHaveLength(1);
    expect(gh.commentsOf(PR, 'netpol-bot')[0]!.id).toBe(ours[0]!.id);
    expect(gh.comments.find((c) => c.id === planted.id)!.body).toContain('evil');
    // 212 comments: three pages of 100 were read
    const pages = gh.requests.filter((q) => q.operationId === 'issues/list-comments' && q.path.includes('page=3'));
    expect(pages.length).toBeGreaterThan(0);
    expect(gh.requests.filter((q) => q.operationId === 'users/get-authenticated').every((q) => q.status === 200)).toBe(true);
  });

  it('a run for an older SHA never overwrites the comment of a newer one', async () => {
    pullAt(repo.sha.wider);
    await diffRun(repo.sha.wider);
    const newer = gh.commentsOf(PR)[0]!.body;
    const stale = await diffRun(repo.sha.open);
    expect(stale.code).toBe(0);
    expect(stale.stdout).toContain('comment left as it is');
    expect(gh.commentsOf(PR)).toHaveLength(1);
    expect(gh.commentsOf(PR)[0]!.body).toBe(newer);
    // and when the PR head moved on to a third commit, commit order decides
    pullAt(repo.sha.gap);
    const older = await diffRun(repo.sha.open);
    expect(older.stdout).toContain('comment left as it is');
    expect(gh.requests.some((q) => q.operationId === 'repos/compare-commits-with-basehead')).toBe(true);
    const newest = await diffRun(repo.sha.noop);
    expect(newest.code).toBe(0);
    expect(marker(gh.commentsOf(PR)[0]!.body)).toContain(`sha=${repo.sha.noop}`);
  });

  it('two runs racing to create: the oldest comment survives, with the newer SHA', async () => {
    pullAt(repo.sha.wider);
    // a racing run for the older SHA creates its comment while this run is creating its own
    // (the same identity: workflow "netpol-ci", comment key "diff")
    const key = commentKey('netpol-ci', 'diff');
    let racer = 0;
    gh.beforeCreate = (issue) => {
      racer = gh.addComment(issue, 'github-actions[bot]', `<!-- netpol-ci:diff v1 key=${key} sha=${repo.sha.open} -->\nolder report`).id;
    };
    const r = await diffRun(repo.sha.wider);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`collapsed a duplicate comment into ${racer}`);
    const left = gh.commentsOf(PR);
    expect(left.map((c) => c.id)).toEqual([racer]);
    expect(marker(left[0]!.body)).toContain(`sha=${repo.sha.wider}`);

    // and the other way round: the racer is newer, so the survivor keeps the racer's report
    gh.comments.splice(0);
    pullAt(repo.sha.wider);
    gh.beforeCreate = (issue) => {
      racer = gh.addComment(issue, 'github-actions[bot]', `<!-- netpol-ci:diff v1 key=${key} sha=${repo.sha.wider} -->\nnewer report`).id;
    };
    const stale = await diffRun(repo.sha.open);
    expect(stale.code).toBe(0);
    expect(gh.commentsOf(PR).map((c) => [c.id, c.body.split('\n')[1]])).toEqual([[racer, 'newer report']]);
  });

  it('two runs at once end with one comment showing the later head SHA', async () => {
    pullAt(repo.sha.wider);
    const [a, b] = await Promise.all([diffRun(repo.sha.open), diffRun(repo.sha.wider)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const left = gh.commentsOf(PR);
    expect(left).toHaveLength(1);
    expect(marker(left[0]!.body)).toContain(`sha=${repo.sha.wider}`);
  });

  it('a 403 on write warns and still succeeds, with the report in the job summary', async () => {
    pullAt(repo.sha.open);
    const r = await diffRun(repo.sha.open, {}, READONLY_TOKEN);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/::warning::could not write the pull request comment .*HTTP 403/);
    expect(r.summary).toContain('connectivity diff');
    expect(gh.commentsOf(PR)).toHaveLength(0);
    expect(r.outputs['comment-id']).toBeUndefined();
  });

  it('a secondary rate limit is waited out and retried', async () => {
    pullAt(repo.sha.open);
    gh.injected.push({ method: 'POST', path: /\/issues\/\d+\/comments$/, status: 403, message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', headers: { 'retry-after': '1' } });
    const r = await diffRun(repo.sha.open);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('secondary rate limit');
    const posts = gh.requests.filter((q) => q.operationId === 'issues/create-comment');
    expect(posts.map((q) => q.status)).toEqual([403, 201]);
    expect(gh.commentsOf(PR)).toHaveLength(1);
  });

  it('pull_request_target comments like pull_request; schedule and push runs never comment', async () => {
    pullAt(repo.sha.open);
    const target = await diffRun(repo.sha.open, {}, APP_TOKEN, 'pull_request_target');
    expect(target.code).toBe(0);
    expect(gh.commentsOf(PR)).toHaveLength(1);
    const before = gh.requests.length;
    const scheduled = await runEntry('diff', {
      inputs: { token: APP_TOKEN, paths: 'deploy', base: repo.sha.base, head: repo.sha.open },
      eventName: 'schedule',
      payload: schedulePayload(),
      apiUrl: gh.url,
      cwd: repo.dir,
    });
    expect(scheduled.code).toBe(0);
    expect(scheduled.outputs['has-diff']).toBe('true');
    expect(scheduled.stdout).toContain('no pull request in this schedule event');
    expect(gh.requests.length).toBe(before);
    // outside a pull request the base must be given
    const noBase = await runEntry('diff', { inputs: { token: APP_TOKEN }, eventName: 'schedule', payload: schedulePayload(), apiUrl: gh.url, cwd: repo.dir });
    expect(noBase.code).toBe(2);
    expect(noBase.stdout).toContain('input "base" is required');
  });
});

describe('fork pull requests', () => {
  it('the PR run writes the report and never tries to comment; the workflow_run run posts it', async () => {
    gh.pulls.set(PR, { number: PR, headSha: repo.sha.open, headRef: 'changes', headOwner: 'forker', headRepo: 'Hello-World', baseSha: repo.sha.base });
    const pr = await runEntry('diff', {
      inputs: { token: READONLY_TOKEN, paths: 'deploy' },
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: PR, base: repo.sha.base, head: repo.sha.open, fork: true }),
      apiUrl: gh.url,
      cwd: repo.dir,
    });
    expect(pr.code).toBe(0);
    expect(pr.stdout).toContain('::notice::pull request from a fork');
    expect(gh.requests).toHaveLength(0);
    const report = pr.outputs['report-path']!;

    // the artifact, tampered with by the PR's code: a marker for another identity and SHA
    const artifact = path.join(tempDir(), 'report.md');
    writeFileSync(artifact, `<!-- netpol-ci:diff v1 key=0000000000000000 sha=${repo.sha.base} -->\n${readFileSync(report, 'utf8')}`);
    // GitHub lists no pull request in workflow_run for a fork's branch
    const run = await runEntry('comment', {
      inputs: { token: APP_TOKEN, 'report-file': artifact, 'comment-key': 'diff' },
      eventName: 'workflow_run',
      payload: workflowRunPayload({ head: repo.sha.open, branch: 'changes', headOwner: 'forker', pulls: [] }),
      apiUrl: gh.url,
      cwd: tempDir(),
      env: { GITHUB_WORKFLOW: 'netpol-ci comment' },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs['pr-number']).toBe(String(PR));
    expect(gh.requests.some((q) => q.operationId === 'pulls/list' && q.path.includes('head=forker%3Achanges'))).toBe(true);
    const posted = gh.commentsOf(PR);
    expect(posted).toHaveLength(1);
    expect(marker(posted[0]!.body)).toMatch(new RegExp(`^<!-- netpol-ci:diff v1 key=[0-9a-f]{16} sha=${repo.sha.open} -->$`));
    expect(posted[0]!.body).not.toContain('key=0000000000000000');
    expect(posted[0]!.body.match(/<!-- netpol-ci:/g)).toHaveLength(1);
  });

  it('the comment action refuses an oversized artifact and cuts a large one to the comment budget', async () => {
    pullAt(repo.sha.open);
    const payload = workflowRunPayload({ head: repo.sha.open, branch: 'changes', headOwner: 'Codertocat', pulls: [{ number: PR, head: repo.sha.open }] });
    const big = path.join(tempDir(), 'report.md');
    const sections = Array.from({ length: 400 }, (_, i) => `#### Section ${i}\n\n<details><summary>why</summary>\n\n${'- `a/b[Deployment]` → `c/d[Deployment]`: now allowed é\n'.repeat(6)}\n</details>\n`);
    writeFileSync(big, `### netpol-ci: check\n\n${sections.join('\n')}`);
    const tooBig = await runEntry('comment', { inputs: { token: APP_TOKEN, 'report-file': big, 'max-report-bytes': '10000' }, eventName: 'workflow_run', payload, apiUrl: gh.url, cwd: tempDir() });
    expect(tooBig.code).toBe(2);
    expect(tooBig.stdout).toContain('input "report-file"');
    expect(gh.commentsOf(PR)).toHaveLength(0);

    const cut = await runEntry('comment', { inputs: { token: APP_TOKEN, 'report-file': big }, eventName: 'workflow_run', payload, apiUrl: gh.url, cwd: tempDir() });
    expect(cut.code).toBe(0);
    const body = gh.commentsOf(PR)[0]!.body;
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(65_536);
    expect(Buffer.byteLength(body, 'utf8')).toBeGreaterThan(60_000);
    expect(body).toContain('Report cut to fit a comment');
    expect(body).toContain('https://github.com/Codertocat/Hello-World/actions/runs/4242');
    // cut at a section boundary: every <details> opened is closed
    expect((body.match(/<details>/g) ?? []).length).toBe((body.match(/<\/details>/g) ?? []).length);
    expect(cut.stdout).toContain('was cut to fit a comment');
  });
});

describe('check', () => {
  it('annotates gaps at their line, sets the counts, and fails on what fail-on names', async () => {
    pullAt(repo.sha.gap, repo.sha.noop);
    const r = await runEntry('check', {
      inputs: { token: APP_TOKEN, paths: 'deploy', engine: 'builtin', 'fail-on': 'gaps' },
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: PR, base: repo.sha.noop, head: repo.sha.gap }),
      apiUrl: gh.url,
      cwd: repo.dir,
    });
    expect(r.code).toBe(1);
    // the example app's own gap (an external hostname) and the one this commit adds
    expect(r.outputs.gaps).toBe('2');
    expect(r.outputs['has-diff']).toBe('false');
    expect(r.outputs.violations).toBe('');
    expect(r.stdout).toContain('::warning title=netpol-ci gap (no-such-service),file=deploy/frontend/web.yaml,line=23::frontend/web[Deployment]: "http://reviews.backend.svc.cluster.local:8080" no Service matches');
    expect(r.stdout).toContain('::error::the check failed on: gaps');
    // SARIF for upload-sarif: the gaps at their lines
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-path']!, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results.map((x: any) => [x.ruleId, x.level, x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region.startLine]); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(results).toEqual([
      ['gap/no-such-service', 'warning', 'deploy/frontend/web.yaml', 23],
      ['gap/external-hostname', 'warning', 'deploy/payments/fraud-check.yaml', 24],
    ]);
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['gap/external-hostname', 'gap/no-such-service']);
    const c = gh.commentsOf(PR);
    expect(c).toHaveLength(1);
    expect(marker(c[0]!.body)).toContain('netpol-ci:check v1');
    expect(c[0]!.body).toContain('#### Gaps (what the manifests cannot tell)');
  });

  it('lint: the findings the PR adds are a section of the comment, annotated at their lines; fail-on lint fails only on them', async () => {
    // the PR adds a policy of frontend with a typo in its pod selector: it selects no pod. Base's default denies
    // and allow-dns rules towards kube-system (which the repository does not hold) are not judged (info NPC187)
    pullAt(repo.sha.lint, repo.sha.gap);
    const r = await runEntry('check', {
      inputs: { token: APP_TOKEN, paths: 'deploy', engine: 'builtin', 'fail-on': 'lint' },
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: PR, base: repo.sha.gap, head: repo.sha.lint }),
      apiUrl: gh.url,
      cwd: repo.dir,
    });
    expect(r.code).toBe(1);
    expect(r.outputs.lint).toBe('1');
    expect(r.stdout).toContain('::warning title=netpol-ci lint (selects-nothing) new in this PR,file=deploy/frontend/network-policies.yaml,line=68::NetworkPolicy frontend/ghost selects no pod of the manifests');
    expect(r.stdout).not.toContain('never-matches');
    expect(r.stdout).toContain('::error::the check failed on: lint');
    const body = gh.commentsOf(PR)[0]!.body;
    expect(body).toContain('#### Policy sanity (lint): new in this PR');
    expect(body).not.toContain('already on base not shown');

    // the other way, the PR removes findings: none is new, the step passes; without lint nor fail-on lint, no section
    pullAt(repo.sha.open, repo.sha.base);
    const passing = await runEntry('check', {
      inputs: { token: APP_TOKEN, paths: 'deploy', engine: 'builtin', 'fail-on': 'lint', exposure: 'true' },
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: PR, base: repo.sha.base, head: repo.sha.open }),
      apiUrl: gh.url,
      cwd: repo.dir,
    });
    expect(passing.code).toBe(0);
    expect(passing.outputs.lint).toBe('0');
    expect(gh.commentsOf(PR)[0]!.body).toContain('Exposure widened (peers outside the manifests):');
  });

  it('a bad input fails with exit 2 naming it, before any request', async () => {
    const r = await runEntry('check', {
      inputs: { token: APP_TOKEN, 'fail-on': 'baseline,typos' },
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: PR, base: repo.sha.base, head: repo.sha.open }),
      apiUrl: gh.url,
      cwd: repo.dir,
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('::error::configuration error: input "fail-on": expected a list of baseline, drift, broken, diff, gaps, lint, got "typos"');
    expect(gh.requests).toHaveLength(0);
  });
});
