import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './cli.js';
import { tempDir } from './fixtures.js';

/**
 * Runs a bundled Action entry (dist/<name>/index.mjs) the way the composite step does on a runner:
 * a child process with INPUT_* variables, GITHUB_EVENT_NAME / GITHUB_EVENT_PATH, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, RUNNER_TEMP and GITHUB_API_URL (the local server). Asynchronous, so the
 * in-process test server keeps answering.
 */
export interface EntryRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly runnerTemp: string;
}

export interface EntryOptions {
  readonly inputs: Record<string, string>;
  readonly eventName: string;
  readonly payload: unknown;
  readonly apiUrl: string;
  readonly cwd: string;
  readonly env?: Record<string, string>;
  /** The node binary (default: the one running the tests). */
  readonly node?: string;
}

export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`, v]));
}

/** The `name<<delimiter` records @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] as string);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] as string);
      out[m[1] as string] = value.join('\n');
    } else if ((lines[i] as string).includes('=')) {
      const [k, ...v] = (lines[i] as string).split('=');
      out[k as string] = v.join('=');
    }
  }
  return out;
}

export function runnerEnv(dir: string, o: Pick<EntryOptions, 'eventName' | 'payload' | 'apiUrl'>): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const event = path.join(dir, 'event.json');
  writeFileSync(event, JSON.stringify(o.payload));
  for (const f of ['output', 'summary', 'env']) writeFileSync(path.join(dir, f), '');
  mkdirSync(path.join(dir, 'temp'), { recursive: true });
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: event,
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_API_URL: o.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_WORKFLOW: 'netpol-ci',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: 'ffffffffffffffffffffffffffffffffffffffff',
    RUNNER_TEMP: path.join(dir, 'temp'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
  };
}

export async function runEntry(name: string, o: EntryOptions): Promise<EntryRun> {
  const entry = path.join(REPO_ROOT, 'dist', name, 'index.mjs');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run bundle first`);
  const dir = tempDir('netpol-ci-runner-');
  const env = { ...runnerEnv(dir, o), ...inputEnv(o.inputs), ...o.env };
  const child = spawn(o.node ?? process.execPath, [entry], { cwd: o.cwd, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(env.GITHUB_OUTPUT as string, 'utf8')),
    summary: readFileSync(env.GITHUB_STEP_SUMMARY as string, 'utf8'),
    runnerTemp: env.RUNNER_TEMP as string,
  };
}

// ---- real webhook payloads (@octokit/webhooks-examples), adjusted to the test's repository and commits ----

const require = createRequire(import.meta.url);
interface Examples {
  name: string;
  examples: Record<string, unknown>[];
}
const examples = (): Examples[] => require('@octokit/webhooks-examples/api.github.com/index.json') as Examples[];

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function pullRequestPayload(o: { number: number; base: string; head: string; fork?: boolean; action?: string }): Mutable {
  const ex = examples().find((e) => e.name === 'pull_request')?.examples.find((x) => x.action === (o.action ?? 'synchronize'));
  const p = structuredClone(ex) as Mutable;
  p.number = o.number;
  p.pull_request.number = o.number;
  p.pull_request.base.sha = o.base;
  p.pull_request.head.sha = o.head;
  if (o.fork) {
    p.pull_request.head.repo = { ...p.pull_request.head.repo, full_name: 'forker/Hello-World', fork: true, owner: { ...p.pull_request.head.repo.owner, login: 'forker' } };
    p.pull_request.head.label = 'forker:changes';
  }
  return p;
}

export function workflowRunPayload(o: { head: string; branch: string; headOwner: string; pulls: { number: number; head: string }[] }): Mutable {
  const ex = examples().find((e) => e.name === 'workflow_run')?.examples[0];
  const p = structuredClone(ex) as Mutable;
  p.workflow_run.event = 'pull_request';
  p.workflow_run.head_sha = o.head;
  p.workflow_run.head_branch = o.branch;
  p.workflow_run.head_repository.owner.login = o.headOwner;
  p.workflow_run.pull_requests = o.pulls.map((x) => ({ number: x.number, head: { sha: x.head, ref: o.branch }, base: { sha: 'x', ref: 'main' } }));
  return p;
}

export function mergeGroupPayload(o: { base: string; head: string }): Mutable {
  const ex = examples().find((e) => e.name === 'merge_group')?.examples.find((x) => x.action === 'checks_requested');
  const p = structuredClone(ex) as Mutable;
  p.merge_group.base_sha = o.base;
  p.merge_group.head_sha = o.head;
  return p;
}

/** A scheduled run's event: GitHub sends the cron expression and the workflow file. */
export function schedulePayload(): Mutable {
  return { schedule: '17 3 * * *', workflow: '.github/workflows/netpol-ci-drift.yml' };
}

/** git with a private, empty configuration and fixed dates (commit ids are stable). */
export function git(repo: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=netpol-ci test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', '-C', repo, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z' },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}
