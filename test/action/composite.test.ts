import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeAppRepo, type AppRepo } from '../helpers/action-repo.js';
import { pullRequestPayload, runnerEnv } from '../helpers/action-runner.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { restoreVenv, runComposite } from '../helpers/composite.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { findNcaVenvForTests } from '../helpers/nca.js';

/**
 * The composite layer of action.yml run as a runner runs it: the shell steps for real (Node check,
 * chart detection, nca cache key and install with the machine's real nca venv standing in for a
 * cache hit), then the bundled entry, with a known token whose every appearance is checked.
 */
const TOKEN = 'ghs_compositeSecretToken_9f8e7d6c5b4a39281706';
const PR = 3;

let repo: AppRepo;
let gh: FakeGitHub;
beforeAll(() => {
  repo = makeAppRepo();
});
afterAll(cleanupTempDirs);
beforeEach(async () => {
  gh = await new FakeGitHub().start();
  gh.tokens.set(TOKEN, { login: 'github-actions[bot]', app: true, canWrite: true });
  gh.history.push(...repo.history);
  gh.pulls.set(PR, { number: PR, headSha: repo.sha.open, headRef: 'changes', headOwner: 'Codertocat', headRepo: 'Hello-World', baseSha: repo.sha.base });
});
afterEach(async () => {
  await gh.stop();
  expect(gh.violations).toEqual([]);
});

function runnerFor(payload: unknown) {
  const dir = tempDir('netpol-ci-composite-');
  return runnerEnv(dir, { eventName: 'pull_request', payload, apiUrl: gh.url });
}

describe('composite action.yml', () => {
  it('sets up nca from the cached venv, runs the check, and never shows the token', async () => {
    const env = runnerFor(pullRequestPayload({ number: PR, base: repo.sha.base, head: repo.sha.open }));
    const r = await runComposite({
      actionFile: path.join(REPO_ROOT, 'action.yml'),
      inputs: { paths: 'deploy', 'fail-on': 'diff' },
      env,
      cwd: repo.dir,
      githubToken: TOKEN,
      // the machine's nca venv (where .ci/run installs it) stands in for a cache hit
      uses: { 'actions/cache': restoreVenv(findNcaVenvForTests()) },
    });
    const ran = Object.fromEntries(r.steps.map((s) => [s.name, s.ran]));
    expect(ran).toMatchObject({ 'Check Node.js': true, 'Set up Node.js 24': false, 'Find Helm charts': true, 'Set up Helm': false, 'nca cache key': true, 'Cache the nca venv': true, 'Install nca': true, 'Run netpol-ci check': true });
    const cache = r.steps.find((s) => s.name === 'Cache the nca venv');
    const py = spawnSync('python3', ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' }).stdout.trim();
    expect(cache?.with).toEqual({ path: path.join(env.RUNNER_TEMP as string, `netpol-ci-nca-2.1.0-py${py}`), key: `netpol-ci-nca-2.1.0-Linux-X64-py${py}` });
    expect(r.log).not.toContain('installing network-config-analyzer'); // a cache hit installs nothing
    // fail-on: diff, and the diff is not empty
    expect(r.code).toBe(1);
    expect(r.log).toContain('::error::the check failed on: diff');
    expect(gh.commentsOf(PR)).toHaveLength(1);

    // the token: only in the ::add-mask:: command the runner consumes, nowhere else
    const texts = [r.log, ...readdirSync(env.RUNNER_TEMP as string, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => readFileSync(path.join(d.parentPath, d.name), 'utf8')), readFileSync(env.GITHUB_STEP_SUMMARY as string, 'utf8')];
    const lines = texts.flatMap((t) => t.split('\n')).filter((l) => l.includes(TOKEN));
    expect(lines).toEqual([`::add-mask::${TOKEN}`]);
    expect(JSON.stringify(gh.comments)).not.toContain(TOKEN);
  });

  it('engine: builtin skips Python and nca; a chart without helm on PATH asks for setup-helm', async () => {
    const env = runnerFor(pullRequestPayload({ number: PR, base: repo.sha.base, head: repo.sha.open }));
    // a PATH with node, bash and git but no helm
    const bin = tempDir('netpol-ci-bin-');
    for (const tool of ['node', 'bash', 'git', 'find', 'python3']) {
      const where = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
      if (where) spawnSync('ln', ['-s', where, path.join(bin, tool)]);
    }
    const r = await runComposite({
      actionFile: path.join(REPO_ROOT, 'action.yml'),
      inputs: { paths: 'missing-folder\nshop', engine: 'builtin', 'fail-on': '', 'working-directory': path.join(REPO_ROOT, 'fixtures', 'helm') },
      env: { ...env, PATH: `${bin}:/usr/bin:/bin`, HELM_PATH: '' },
      cwd: repo.dir,
      githubToken: TOKEN,
    });
    const ran = Object.fromEntries(r.steps.map((s) => [s.name, s.ran]));
    expect(ran['nca cache key']).toBe(false);
    expect(ran['Install nca']).toBe(false);
    expect(ran['Set up Helm']).toBe(true);
  });
});
