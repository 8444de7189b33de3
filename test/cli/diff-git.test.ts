import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, runCli, type CliResult } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * `diff --repo DIR --base REF --head REF [path...]` on a real git repository with two commits:
 * the second changes a NetworkPolicy, adds a workload, and (outside apps/shop) adds a deny-all.
 * The working tree and the index must never be read or touched.
 */
afterAll(cleanupTempDirs);

/** git with a private, empty configuration (no hooks, signing or templates from the machine). */
function git(repo: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=netpol-ci test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', '-C', repo, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z' },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - {name: web, image: example/web:1, ports: [{containerPort: 8080}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - {name: api, image: example/api:1, ports: [{containerPort: 9090}]}
`;

const POLICY_V1 = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-ingress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
    - from:
        - podSelector: {matchLabels: {app: web}}
      ports:
        - port: 9090
`;

const POLICY_V2 = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-ingress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
    - from:
        - podSelector: {matchLabels: {app: web}}
        - podSelector: {matchLabels: {app: worker}}
      ports:
        - port: 9090
        - port: 9443
`;

/** An uncommitted edit: if the CLI read the working tree, api would be open to everything. */
const POLICY_DIRTY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-ingress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
    - {}
`;

const WORKER = `apiVersion: apps/v1
kind: Deployment
metadata: {name: worker, namespace: shop}
spec:
  selector: {matchLabels: {app: worker}}
  template:
    metadata: {labels: {app: worker}}
    spec:
      containers:
        - {name: worker, image: example/worker:1}
`;

const LONELY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: lonely, namespace: other}
spec:
  selector: {matchLabels: {app: lonely}}
  template:
    metadata: {labels: {app: lonely}}
    spec:
      containers:
        - {name: lonely, image: example/lonely:1}
`;

const DENY_ALL = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: other}
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

/** The entries under apps/shop: the changed policy and the added worker. */
const SHOP_LINES = [
  'diff-type: changed, source: shop/web[Deployment], destination: shop/api[Deployment], ref1: TCP 9090, ref2: TCP 9090,9443',
  'diff-type: added, source: 0.0.0.0-255.255.255.255[External], destination: shop/worker[Deployment], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload shop/worker[Deployment] added',
  'diff-type: added, source: shop/api[Deployment], destination: shop/worker[Deployment], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload shop/worker[Deployment] added',
  'diff-type: added, source: shop/web[Deployment], destination: shop/worker[Deployment], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload shop/worker[Deployment] added',
  'diff-type: added, source: shop/worker[Deployment], destination: 0.0.0.0-255.255.255.255[External], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload shop/worker[Deployment] added',
  'diff-type: added, source: shop/worker[Deployment], destination: shop/api[Deployment], ref1: No Connections, ref2: TCP 9090,9443, workloads-diff-info: workload shop/worker[Deployment] added',
  'diff-type: added, source: shop/worker[Deployment], destination: shop/web[Deployment], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload shop/worker[Deployment] added',
];

/** The whole repository: other/lonely talks to the new worker, and the deny-all cuts lonely's ingress. */
const ALL_LINES = [
  SHOP_LINES[0],
  SHOP_LINES[1],
  'diff-type: added, source: other/lonely[Deployment], destination: shop/worker[Deployment], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload shop/worker[Deployment] added',
  ...SHOP_LINES.slice(2),
  'diff-type: removed, source: 0.0.0.0-255.255.255.255[External], destination: other/lonely[Deployment], ref1: All Connections, ref2: No Connections',
  'diff-type: removed, source: shop/api[Deployment], destination: other/lonely[Deployment], ref1: All Connections, ref2: No Connections',
  'diff-type: removed, source: shop/web[Deployment], destination: other/lonely[Deployment], ref1: All Connections, ref2: No Connections',
];

let repo: string;
/** The child's TMPDIR: whatever the CLI unpacks must be gone when it exits. */
let childTmp: string;
let headBefore: string;

function diff(...args: string[]): CliResult {
  return runCli(['diff', '--repo', '.', ...args], { cwd: repo, env: { TMPDIR: childTmp } });
}

function expectCleanTree(): void {
  expect(git(repo, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  expect(git(repo, 'rev-parse', 'HEAD')).toBe(headBefore);
  expect(lines(git(repo, 'worktree', 'list'))).toHaveLength(1);
  expect(git(repo, 'stash', 'list')).toBe('');
  expect(readdirSync(childTmp)).toEqual([]);
}

beforeAll(() => {
  repo = tempDir('netpol-ci-git-');
  childTmp = tempDir('netpol-ci-child-tmp-');
  git(repo, 'init', '-q', '-b', 'main');
  mkdirSync(path.join(repo, 'apps', 'shop'), { recursive: true });
  mkdirSync(path.join(repo, 'other'), { recursive: true });
  writeFileSync(path.join(repo, 'apps', 'shop', 'workloads.yaml'), WORKLOADS);
  writeFileSync(path.join(repo, 'apps', 'shop', 'policy.yaml'), POLICY_V1);
  writeFileSync(path.join(repo, 'other', 'lonely.yaml'), LONELY);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'first');
  writeFileSync(path.join(repo, 'apps', 'shop', 'policy.yaml'), POLICY_V2);
  writeFileSync(path.join(repo, 'apps', 'shop', 'worker.yaml'), WORKER);
  writeFileSync(path.join(repo, 'other', 'lonely.yaml'), LONELY + DENY_ALL);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'second: change the api policy, add worker, deny-all in other');
  headBefore = git(repo, 'rev-parse', 'HEAD');
});

describe('diff --repo between two commits', () => {
  it('prints the exact txt lines for the whole repository', () => {
    const r = diff('--base', 'HEAD~1', '--head', 'HEAD');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(['Connectivity diff:', ...ALL_LINES]);
    expectCleanTree();
  });

  it('a path argument limits the diff to a subfolder (and to one file)', () => {
    const r = diff('--base', 'HEAD~1', '--head', 'HEAD', 'apps/shop');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(['Connectivity diff:', ...SHOP_LINES]);
    // several paths are merged into one configuration
    expect(lines(diff('--base', 'HEAD~1', '--head', 'HEAD', 'apps/shop', 'other').stdout)).toEqual(['Connectivity diff:', ...ALL_LINES]);
    // workloads.yaml did not change, and alone it has no policy: nothing differs
    const one = diff('--base', 'HEAD~1', '--head', 'HEAD', '--exit-code', 'apps/shop/workloads.yaml');
    expect(one.stderr).toBe('');
    expect(lines(one.stdout)).toEqual(['Connectivity diff:']);
    expect(one.code).toBe(0);
    expectCleanTree();
  });

  it('full commit ids and branch names work like relative refs', () => {
    const base = git(repo, 'rev-parse', 'HEAD~1').trim();
    const r = diff('--base', base, '--head', 'main', 'apps/shop');
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(['Connectivity diff:', ...SHOP_LINES]);
  });

  it('--format json names files REF:path in the explanations', () => {
    const r = diff('--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    interface Step {
      layer: string;
      verdict: string;
      policy?: string;
      at?: string;
    }
    interface Side {
      conns: string;
      egress?: Step[];
      ingress?: Step[];
    }
    interface Row {
      diff_type: string;
      src: string;
      dst: string;
      ref1: string;
      ref2: string;
      explanation: { ref1?: Side; ref2?: Side; files: string[] };
    }
    const out = JSON.parse(r.stdout) as { refs: unknown; added_workloads: string[]; removed_workloads: string[]; entries: Row[] };
    expect(out.refs).toEqual({ before: 'HEAD~1', after: 'HEAD' });
    expect(out.added_workloads).toEqual(['shop/worker[Deployment]']);
    expect(out.removed_workloads).toEqual([]);
    expect(out.entries).toHaveLength(ALL_LINES.length);
    const steps = (s: Side | undefined) => [...(s?.egress ?? []), ...(s?.ingress ?? [])];
    for (const e of out.entries) {
      for (const s of steps(e.explanation.ref1)) if (s.at) expect(s.at).toMatch(/^HEAD~1:(apps\/shop\/policy\.yaml|other\/lonely\.yaml):\d+$/);
      for (const s of steps(e.explanation.ref2)) if (s.at) expect(s.at).toMatch(/^HEAD:(apps\/shop\/policy\.yaml|other\/lonely\.yaml):\d+$/);
      for (const f of e.explanation.files) expect(f).toMatch(/^HEAD(~1)?:(apps\/shop\/policy\.yaml|other\/lonely\.yaml)$/);
      // no temporary folder leaks into the report
      expect(JSON.stringify(e)).not.toMatch(/netpol-ci-tree|\/tmp\//);
    }
    const webApi = out.entries.find((e) => e.src === 'shop/web[Deployment]' && e.dst === 'shop/api[Deployment]');
    expect(webApi?.explanation.files).toEqual(['HEAD:apps/shop/policy.yaml', 'HEAD~1:apps/shop/policy.yaml']);
    // the allowing rule is `- from:` under ingress (line 7 of the policy file) on both sides
    expect(webApi?.explanation.ref1?.ingress?.find((s) => s.verdict === 'Allow')).toMatchObject({ layer: 'NP', policy: 'NetworkPolicy shop/api-ingress', at: 'HEAD~1:apps/shop/policy.yaml:7' });
    expect(webApi?.explanation.ref2?.ingress?.find((s) => s.verdict === 'Allow')).toMatchObject({ layer: 'NP', policy: 'NetworkPolicy shop/api-ingress', at: 'HEAD:apps/shop/policy.yaml:7' });
    const lonely = out.entries.find((e) => e.src === 'shop/web[Deployment]' && e.dst === 'other/lonely[Deployment]');
    expect(lonely?.explanation.files).toEqual(['HEAD:other/lonely.yaml']);
    expect(lonely?.explanation.ref2?.ingress?.map((s) => `[${s.layer}] ${s.verdict} ${s.policy ?? ''}`)).toEqual(['[NP] Isolated NetworkPolicy other/deny-all']);
    // an added workload has nothing to explain on the side where it does not exist
    const worker = out.entries.find((e) => e.src === 'shop/worker[Deployment]' && e.dst === 'shop/api[Deployment]');
    expect(worker?.explanation.ref1).toBeUndefined();
    expect(worker?.explanation.ref2?.conns).toBe('TCP 9090,9443');
    expectCleanTree();
  });

  it('the working tree and the index are neither read nor touched', () => {
    const clean = diff('--base', 'HEAD~1', '--head', 'HEAD');
    const policy = path.join(repo, 'apps', 'shop', 'policy.yaml');
    const workers = path.join(repo, 'apps', 'shop', 'worker.yaml');
    writeFileSync(policy, POLICY_DIRTY);
    writeFileSync(path.join(repo, 'apps', 'shop', 'untracked.yaml'), WORKER.replace(/worker/g, 'stray'));
    // a staged deletion too: the index must not be read either
    git(repo, 'rm', '-q', '--cached', 'apps/shop/worker.yaml');
    const statusBefore = git(repo, 'status', '--porcelain', '--untracked-files=all');
    try {
      for (const format of ['txt', 'json', 'md']) {
        const dirty = diff('--base', 'HEAD~1', '--head', 'HEAD', '--format', format);
        expect(dirty.code).toBe(0);
        expect(dirty.stdout).not.toContain('stray');
        if (format === 'txt') expect(dirty.stdout).toBe(clean.stdout);
      }
      const same = diff('--base', 'HEAD', '--head', 'HEAD', '--exit-code');
      expect(lines(same.stdout)).toEqual(['Connectivity diff:']);
      expect(same.code).toBe(0);
      // the edits are still there, byte for byte, and nothing else changed
      expect(git(repo, 'status', '--porcelain', '--untracked-files=all')).toBe(statusBefore);
      expect(readFileSync(policy, 'utf8')).toBe(POLICY_DIRTY);
      expect(readFileSync(workers, 'utf8')).toBe(WORKER);
      expect(readdirSync(childTmp)).toEqual([]);
    } finally {
      git(repo, 'add', 'apps/shop/worker.yaml');
      git(repo, 'checkout', '-q', '--', 'apps/shop/policy.yaml');
      git(repo, 'clean', '-q', '-f');
    }
    expectCleanTree();
  });
});

describe('diff --repo --exit-code and bad refs', () => {
  it('--exit-code: 1 for a non-empty diff, 0 for an empty one; without it, 0', () => {
    const changed = diff('--base', 'HEAD~1', '--head', 'HEAD', '--exit-code');
    expect(changed.code).toBe(1);
    expect(changed.stderr).toBe('');
    expect(lines(changed.stdout)).toEqual(['Connectivity diff:', ...ALL_LINES]);
    for (const format of ['json', 'csv', 'md', 'mermaid']) expect(diff('--base', 'HEAD~1', '--head', 'HEAD', '--exit-code', '--format', format).code).toBe(1);
    const empty = diff('--base', 'HEAD', '--head', 'HEAD', '--exit-code');
    expect(empty.code).toBe(0);
    expect(lines(empty.stdout)).toEqual(['Connectivity diff:']);
    // the same tree under two names is an empty diff too
    expect(diff('--base', 'main', '--head', 'HEAD', '--exit-code').code).toBe(0);
    expect(diff('--base', 'HEAD~1', '--head', 'HEAD').code).toBe(0);
    expectCleanTree();
  });

  it.each([
    ['an unknown ref', ['--base', 'no-such-branch', '--head', 'HEAD'], /"no-such-branch" is not a commit/],
    ['a ref past the first commit', ['--base', 'HEAD~1', '--head', 'HEAD~5'], /"HEAD~5" is not a commit/],
    ['a tree instead of a commit', ['--base', 'HEAD^{tree}', '--head', 'HEAD'], /"HEAD\^\{tree\}" is not a commit/],
    ['a ref that looks like an option', ['--base=--output=/tmp/x', '--head', 'HEAD'], /invalid ref "--output=\/tmp\/x"/],
    ['--base without --head', ['--base', 'HEAD~1'], /--repo, --base and --head go together/],
  ])('%s: exit 2 with a message naming it, nothing on stdout', (_name, args, message) => {
    const r = diff(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expectCleanTree();
  });

  it('--repo that is not a git repository: exit 2', () => {
    const notRepo = tempDir('netpol-ci-not-a-repo-');
    const r = runCli(['diff', '--repo', notRepo, '--base', 'HEAD~1', '--head', 'HEAD'], { env: { TMPDIR: childTmp, GIT_CEILING_DIRECTORIES: path.dirname(notRepo) } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not a git repository/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('diff --repo bugs these tests found, now fixed', () => {
  // The warning used to name the temporary folder the ref was unpacked into, and a path at neither
  // ref gave an empty diff with exit 0.
  it('a path that exists at neither ref is bad usage naming the path and both refs, never a temporary folder', () => {
    const r = diff('--base', 'HEAD~1', '--head', 'HEAD', 'no/such/dir');
    expect(r.stderr).not.toMatch(/netpol-ci-tree-/);
    expect(r.stderr).toMatch(/no\/such\/dir exists neither at HEAD~1 nor at HEAD/);
    expect(r.code).toBe(2);
  });
});

describe('diff --repo: a committed symlink naming a path outside the repository', () => {
  it('is refused as an input, never read (a pull request could point it at the runner’s files)', () => {
    const outside = tempDir('npc-outside-');
    writeFileSync(path.join(outside, 'secret.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: leaked-secret, namespace: leaked}\nspec: {containers: [{name: c, image: x}]}\n');
    const repo = tempDir('npc-symlink-repo-');
    git(repo, 'init', '-q');
    mkdirSync(path.join(repo, 'apps'));
    writeFileSync(path.join(repo, 'apps', 'w.yaml'), WORKLOADS);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'base');
    spawnSync('ln', ['-s', outside, path.join(repo, 'm')]);
    spawnSync('ln', ['-s', path.join(outside, 'secret.yaml'), path.join(repo, 'f.yaml')]);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'head');
    for (const [input, what] of [
      ['m', 'folder'],
      ['f.yaml', 'file'],
    ] as const) {
      const r = runCli(['diff', '--repo', repo, '--base', 'HEAD~1', '--head', 'HEAD', input]);
      expect(r.stdout + r.stderr).not.toContain('leaked');
      expect(r.stderr).toContain(`HEAD:${input} error NPC004 ${what} symlink points outside the repository; not followed`);
      expect(r.code).toBe(2);
    }
  });
});
