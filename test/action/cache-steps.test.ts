import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeAppRepo, type AppRepo } from '../helpers/action-repo.js';
import { pullRequestPayload, runnerEnv } from '../helpers/action-runner.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { runComposite } from '../helpers/composite.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { FakeGitHub } from '../helpers/github-server.js';

/**
 * The `cache` input of the composite actions, run as the runner runs it: the key step (real
 * shell and Node), a restore and a save that stand in for actions/cache with a folder per key
 * (exact key first, then the newest entry under the restore-keys prefix, as actions/cache does),
 * the bundled entry with NETPOL_CI_CACHE_DIR, and the trim step.
 */
const TOKEN = 'ghs_cacheStepsToken_0a1b2c3d4e5f60718293';
const PR = 5;

/** actions/cache/restore and actions/cache/save over a folder of saved snapshots. */
class FakeActionsCache {
  readonly saved: string[] = [];
  constructor(private readonly store: string) {}
  restore = (withs: Record<string, string>): Record<string, string> => {
    const keys = existsSync(this.store) ? readdirSync(this.store) : [];
    const exact = keys.includes(withs.key as string) ? withs.key : undefined;
    // restore-keys: the most recently saved key with the prefix
    const byPrefix = this.saved.filter((k) => k.startsWith(withs['restore-keys'] as string)).at(-1);
    const hit = exact ?? byPrefix;
    if (hit) cpSync(path.join(this.store, hit), withs.path as string, { recursive: true });
    return { 'cache-hit': exact ? 'true' : 'false', ...(hit ? { 'cache-matched-key': hit } : {}) };
  };
  save = (withs: Record<string, string>): void => {
    const key = withs.key as string;
    if (existsSync(path.join(this.store, key))) throw new Error(`cache key ${key} saved twice (actions/cache refuses)`);
    mkdirSync(this.store, { recursive: true });
    cpSync(withs.path as string, path.join(this.store, key), { recursive: true });
    this.saved.push(key);
  };
}

const files = (dir: string, under = '') => (existsSync(path.join(dir, under)) ? readdirSync(path.join(dir, under), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);

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

describe('the cache input of the composite actions', () => {
  it('restores, passes and saves the results folder (also when the check fails the job); a hit is reused, a change saves anew; cache: false does none of it', async () => {
    const cache = new FakeActionsCache(tempDir('netpol-ci-actions-cache-'));
    const run = async (inputs: Record<string, string>) => {
      const env = runnerEnv(tempDir('netpol-ci-composite-'), { eventName: 'pull_request', payload: pullRequestPayload({ number: PR, base: repo.sha.base, head: repo.sha.open }), apiUrl: gh.url });
      const r = await runComposite({
        actionFile: path.join(REPO_ROOT, 'action.yml'),
        inputs: { paths: 'deploy', engine: 'builtin', comment: 'false', 'fail-on': 'diff', ...inputs },
        env,
        cwd: repo.dir,
        githubToken: TOKEN,
        uses: { 'actions/cache/restore': cache.restore, 'actions/cache/save': cache.save },
      });
      const step = (name: string) => r.steps.find((s) => s.name === name);
      return { r, step, env };
    };

    // first push: nothing to restore; the check fails on its diff, and the results are saved all the same
    const first = await run({});
    expect(first.r.code).toBe(1);
    const key = first.step('Restore the netpol-ci cache')?.with?.key as string;
    expect(key).toMatch(/^netpol-ci-results-0\.1\.0-Linux-X64-check-[0-9a-f]{40}$/);
    expect(first.step('Restore the netpol-ci cache')?.with?.['restore-keys']).toBe('netpol-ci-results-0.1.0-Linux-X64-check-');
    expect(first.step('Restore the netpol-ci cache')?.with?.path).toBe(path.join(first.env.RUNNER_TEMP as string, 'netpol-ci-cache'));
    expect(first.step('Trim the netpol-ci cache')?.ran).toBe(true);
    expect(first.step('Save the netpol-ci cache')?.ran).toBe(true);
    expect(cache.saved).toEqual([key]);
    // the check itself was kept (the entry written by the run, through NETPOL_CI_CACHE_DIR)
    const store = (k: string) => path.join((cache as unknown as { store: string }).store, k);
    expect(files(store(key), 'check')).toBe(1);
    expect(first.r.log).toMatch(/netpol-ci cache: \d+ entries/);

    // a re-run: exact hit, same answer, nothing saved again
    const second = await run({});
    expect(second.r.code).toBe(1);
    expect(second.step('Save the netpol-ci cache')?.ran).toBe(false);
    expect(cache.saved).toEqual([key]);
    const summary = (e: Record<string, string>) => readFileSync(e.GITHUB_STEP_SUMMARY as string, 'utf8');
    expect(summary(second.env)).toBe(summary(first.env));

    // the manifests in the checkout change: a new key, the last snapshot restored by prefix, saved under the new key
    const web = path.join(repo.dir, 'deploy/frontend/web.yaml');
    const before = readFileSync(web, 'utf8');
    writeFileSync(web, `# edited\n${before}`);
    try {
      const third = await run({});
      const newKey = third.step('Restore the netpol-ci cache')?.with?.key as string;
      expect(newKey).not.toBe(key);
      expect(cache.saved).toEqual([key, newKey]);
      expect(files(store(newKey), 'check')).toBe(1);
    } finally {
      writeFileSync(web, before);
    }

    // cache: false: no restore, no folder given to the entry, no save
    const off = await run({ cache: 'false' });
    expect(off.r.code).toBe(1);
    for (const name of ['Restore the netpol-ci cache', 'Trim the netpol-ci cache', 'Save the netpol-ci cache']) expect(off.step(name)?.ran).toBe(false);
    expect(existsSync(path.join(off.env.RUNNER_TEMP as string, 'netpol-ci-cache'))).toBe(false);
    expect(summary(off.env)).toBe(summary(first.env));
  }, 120_000);

  it('the trim step drops entries older than 14 days and keeps the newest within 512 MiB', async () => {
    const yml = readFileSync(path.join(REPO_ROOT, 'actions/scan/action.yml'), 'utf8');
    expect(yml).toContain('Trim the netpol-ci cache');
    const dir = tempDir('netpol-ci-trim-');
    const { utimesSync } = await import('node:fs');
    const old = path.join(dir, 'render', 'ab', 'old.json');
    const fresh = path.join(dir, 'check', 'cd', 'fresh.json');
    for (const f of [old, fresh]) {
      mkdirSync(path.dirname(f), { recursive: true });
      writeFileSync(f, '{}');
    }
    const t = (Date.now() - 20 * 24 * 3600 * 1000) / 1000;
    utimesSync(old, t, t);
    const env = runnerEnv(tempDir('netpol-ci-composite-'), { eventName: 'pull_request', payload: pullRequestPayload({ number: PR, base: repo.sha.base, head: repo.sha.open }), apiUrl: gh.url });
    // run only the trim step's script, with the folder it is given
    const { default: YAML } = await import('yaml');
    const doc = YAML.parse(yml) as { runs: { steps: { name: string; run?: string }[] } };
    const script = doc.runs.steps.find((s) => s.name === 'Trim the netpol-ci cache')?.run as string;
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { env: { ...env, NETPOL_CI_CACHE_DIR: dir }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(r.stdout).toContain('netpol-ci cache: 1 entries');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the cache input reaches the read settings', () => {
  it('cache: true with NETPOL_CI_CACHE_DIR gives --cache-dir; cache: false, or no folder, gives none', async () => {
    const { parseInputs, scanSpec } = await import('../../src/action/inputs.js');
    const { readSettingsFromInputs } = await import('../../src/action/settings.js');
    const { nodeIo } = await import('../../src/io/node-io.js');
    const rt = (env: Record<string, string>) => ({ io: nodeIo(), env }) as unknown as Parameters<typeof readSettingsFromInputs>[0];
    const inputs = (cache: string) => parseInputs(scanSpec, (name) => (name === 'cache' ? cache : undefined));
    expect(inputs('').cache).toBe(true);
    expect(readSettingsFromInputs(rt({ NETPOL_CI_CACHE_DIR: '/tmp/x' }), inputs('')).render.cacheDir).toBe('/tmp/x');
    expect(readSettingsFromInputs(rt({ NETPOL_CI_CACHE_DIR: '/tmp/x' }), inputs('false')).render.cacheDir).toBeUndefined();
    expect(readSettingsFromInputs(rt({ NETPOL_CI_CACHE_DIR: '' }), inputs('true')).render.cacheDir).toBeUndefined();
    expect(() => inputs('maybe')).toThrow('input "cache"');
  });
});
