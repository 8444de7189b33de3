import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseMarker } from '../../src/report/check/marker.js';
import { CLI, REPO_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { makePr, makeStackedPr, replace, type Pr } from '../helpers/pr.js';
import { git } from '../helpers/tools.js';

afterAll(cleanupTempDirs);

const BASE = 'fixtures/example-pr/base';
const HEAD = 'fixtures/example-pr/head';
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('check on folders', () => {
  test('the README example: the Markdown a reviewer reads, exit 0 without --fail-on', () => {
    const r = runCli(['check', '--base', BASE, '--head', HEAD]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md.split('\n').slice(0, 2)).toEqual(['<!-- netpol-ci:check v1 key=netpol-ci sha=none truncated=false -->', '### netpol-ci check: ⚠️ breaks 1 needed link']);
    expect(md).toContain('- `frontend/web[Deployment]` can now reach `payments/payments[Deployment]` on `TCP 8080`');
    expect(md).toContain('- `payments/fraud-check[Deployment]` → `203.0.113.0/24`: now also on `TCP 8443` (now `TCP 443,8443`)');
    expect(md).toContain('- `frontend/web[Deployment]` can no longer reach `backend/orders[Deployment]` (was `TCP 8080`)');
    expect(md).toContain(
      '**3. Cause:** container ports of `backend/orders[Deployment]` changed from `http TCP 8080` to `http TCP 8081` in `backend/orders.yaml`',
    );
    expect(md).toContain(
      '- `frontend/web[Deployment]` needs `backend/orders[Deployment]` on `TCP 8081` (`frontend/web.yaml:25`: `http://orders.backend.svc.cluster.local:8080`): head allows none of it',
    );
    // the files the PR changed that changed the answer; web.yaml changed too, but only what the app needs
    expect(md).toContain('#### Files that changed the answer\n\n- `backend/orders.yaml`: container ports');
    expect(md).not.toContain('- `frontend/web.yaml`:');
  });

  test('the README shows exactly what its first command prints', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('node dist/cli.js check --base fixtures/example-pr/base --head fixtures/example-pr/head --baseline fixtures/example-pr/baseline.yaml');
    const shown = /````markdown\n([\s\S]*?)````/.exec(readme)?.[1];
    // the same with or without nca: violations are the built-in engine's, and the engines agree here
    expect(shown).toBe(runCli(['check', '--base', BASE, '--head', HEAD, '--baseline', 'fixtures/example-pr/baseline.yaml']).stdout);
    expect(shown).toContain('frontend-never-reaches-payments');
  });

  test('--fail-on: each kind of finding exits 1 only when present; gaps count only when the PR adds them', () => {
    expect(runCli(['check', '--base', BASE, '--head', HEAD, '--fail-on', 'broken']).code).toBe(1);
    expect(runCli(['check', '--base', BASE, '--head', HEAD, '--fail-on', 'diff']).code).toBe(1);
    // the example's one gap (fraud-check's scoring host) exists on base too
    expect(runCli(['check', '--base', BASE, '--head', HEAD, '--fail-on', 'gaps']).code).toBe(0);
    expect(runCli(['check', '--base', BASE, '--head', BASE, '--fail-on', 'diff,broken,gaps']).code).toBe(0);
  });

  test('bad usage exits 2 naming the flag', () => {
    const bad = runCli(['check', '--base', BASE, '--head', HEAD, '--fail-on', 'diff,typo']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fail-on: expected a comma-separated list of diff, broken, gaps, baseline, drift, lint, got "typo"');
    const missing = runCli(['check', '--base', BASE]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--head <ref|path>' not specified");
    const url = runCli(['check', '--base', BASE, '--head', HEAD, '--blob-base', 'javascript:alert(1)']);
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('--blob-base: expected a URL');
    const paths = runCli(['check', '--base', BASE, '--head', HEAD, 'extra']);
    expect(paths.code).toBe(2);
    expect(paths.stderr).toContain('paths after the options go with --repo');
  });

  test('bad input in head: a diagnostic with file and line, the rest still reported, exit 2', () => {
    const dir = tempDir('check-bad-');
    cpSync(path.join(REPO_ROOT, HEAD), path.join(dir, 'head'), { recursive: true });
    const f = path.join(dir, 'head', 'payments', 'network-policies.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('- {protocol: TCP, port: 8443}', '- {protocol: TCP, port: 8443, endPort: 80}'));
    const r = runCli(['check', '--base', BASE, '--head', path.join(dir, 'head')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/payments\/network-policies\.yaml:\d+:\d+ \[doc 6\] error NPC012 spec\.egress\[0\]\.ports\[1\]\.endPort/);
    expect(r.stdout).toContain('can now reach `payments/payments[Deployment]`');
  });

  test('bad input only in base is shown but does not fail the PR that fixes it', () => {
    const dir = tempDir('check-badbase-');
    cpSync(path.join(REPO_ROOT, BASE), path.join(dir, 'base'), { recursive: true });
    const f = path.join(dir, 'base', 'payments', 'network-policies.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('- {protocol: TCP, port: 443}', '- {protocol: TCP, port: 443, endPort: 80}'));
    const r = runCli(['check', '--base', path.join(dir, 'base'), '--head', BASE]);
    expect(r.stderr).toMatch(/base\/payments\/network-policies\.yaml:\d+:\d+ \[doc 6\] error NPC012/);
    expect(r.code).toBe(0);
  });

  test('--format txt and json, -o FILE, --max-bytes', () => {
    const txt = runCli(['check', '--base', BASE, '--head', HEAD, '--format', 'txt']);
    expect(txt.stdout.split('\n').slice(0, 2)).toEqual(['netpol-ci check: ⚠️ breaks 1 needed link', 'fixtures/example-pr/base -> fixtures/example-pr/head']);
    expect(txt.stdout).toContain('  frontend/web[Deployment] can now reach payments/payments[Deployment] on TCP 8080');
    const json = JSON.parse(runCli(['check', '--base', BASE, '--head', HEAD, '--format', 'json']).stdout);
    expect(json.summary).toMatchObject({ changes: 3, added: 1, removed: 1, changed: 1, broken: 1, gaps: 1, newGaps: 0 });
    expect(json.changed_files).toEqual(['backend/orders.yaml', 'frontend/network-policies.yaml', 'frontend/web.yaml', 'payments/network-policies.yaml']);
    const out = path.join(tempDir('check-out-'), 'comment.md');
    const written = runCli(['check', '--base', BASE, '--head', HEAD, '-o', out, '--max-bytes', '1500']);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    const body = readFileSync(out, 'utf8');
    expect(bytes(body)).toBeLessThanOrEqual(1500);
    expect(parseMarker(body)?.truncated).toBe(true);
    expect(body).toContain('the full report is in the job summary');
    expect(runCli(['check', '--base', BASE, '--head', HEAD, '--max-bytes', '10']).code).toBe(2);
  });
});

describe('check --repo on a real two-commit repository', () => {
  let repo = '';
  let baseSha = '';
  let headSha = '';
  beforeAll(() => {
    repo = tempDir('check-repo-');
    git(repo, 'init', '-q', '-b', 'main');
    cpSync(path.join(REPO_ROOT, BASE), path.join(repo, 'deploy'), { recursive: true });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    baseSha = git(repo, 'rev-parse', 'HEAD').trim();
    rmSync(path.join(repo, 'deploy'), { recursive: true });
    cpSync(path.join(REPO_ROOT, HEAD), path.join(repo, 'deploy'), { recursive: true });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'head');
    headSha = git(repo, 'rev-parse', 'HEAD').trim();
  });

  test('--policies and --links name paths in the repository: an absolute or escaping path is an input error naming the flag', () => {
    for (const [flag, value] of [
      ['--policies', '/etc'],
      ['--policies', '../outside'],
      ['--links', path.join(repo, 'links.yaml')],
    ] as const) {
      const r = runCli(['check', '--repo', repo, '--base', 'HEAD~1', '--head', 'HEAD', 'deploy', ...(flag === '--links' ? ['--policies', 'deploy'] : []), flag, value]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${flag} ${value}: with --repo, give a path in the repository`);
      // never the temporary folder the head was exported to
      expect(r.stderr).not.toContain('netpol-ci-tree-');
    }
    // refused before any work: before the refs are even read
    const early = runCli(['check', '--repo', repo, '--base', 'no-such-ref', '--head', 'HEAD', 'deploy', '--policies', '/etc']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('--policies /etc: with --repo, give a path in the repository');
  });

  test('links at the head SHA (and base SHA for base rules), the SHA in the body and the marker', () => {
    const r = runCli(['check', '--repo', repo, '--base', 'HEAD~1', '--head', 'HEAD', 'deploy', '--blob-base', 'https://github.com/acme/shop/']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(parseMarker(md)).toEqual({ version: 1, key: 'netpol-ci', sha: headSha, truncated: false });
    expect(md).toContain(`\`HEAD~1\` → \`HEAD\` · computed for head \`${headSha}\``);
    expect(md).toContain(
      `ingress allowed by \`NetworkPolicy payments/payments-ingress\` ingress rule 0 at [\`deploy/payments/network-policies.yaml:39\`](https://github.com/acme/shop/blob/${headSha}/deploy/payments/network-policies.yaml#L39)`,
    );
    expect(md).toContain(
      `ingress allowed by \`NetworkPolicy backend/orders-ingress\` ingress rule 0 at [\`deploy/backend/network-policies.yaml:59\`](https://github.com/acme/shop/blob/${baseSha}/deploy/backend/network-policies.yaml#L59)`,
    );
    expect(md).toContain(`in [\`deploy/backend/orders.yaml\`](https://github.com/acme/shop/blob/${headSha}/deploy/backend/orders.yaml)`);
  });

  test('without --blob-base, plain path:line; the working tree is not read', () => {
    // a working-tree change the refs do not have must not show up
    rmSync(path.join(repo, 'deploy', 'payments'), { recursive: true });
    const r = runCli(['check', '--repo', repo, '--base', baseSha, '--head', headSha]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ingress allowed by `NetworkPolicy payments/payments-ingress` ingress rule 0 at `deploy/payments/network-policies.yaml:39`');
    expect(r.stdout).not.toContain('](http');
    git(repo, 'checkout', '-q', '--', '.');
    expect(existsSync(path.join(repo, 'deploy', 'payments'))).toBe(true);
  });

  test('a deleted policy file: named as deleted, linked at the base commit; changed files as git lists them', () => {
    git(repo, 'rm', '-q', 'deploy/payments/network-policies.yaml');
    git(repo, 'commit', '-q', '-m', 'drop payments policies');
    const third = git(repo, 'rev-parse', 'HEAD').trim();
    try {
      const r = runCli(['check', '--repo', repo, '--base', headSha, '--head', third, '--blob-base', 'https://github.com/acme/shop']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        `\`NetworkPolicy payments/default-deny\` deleted in [\`deploy/payments/network-policies.yaml\`](https://github.com/acme/shop/blob/${headSha}/deploy/payments/network-policies.yaml) (deleted)`,
      );
      const json = JSON.parse(runCli(['check', '--repo', repo, '--base', baseSha, '--head', third, '--format', 'json']).stdout);
      expect(json.changed_files).toEqual(['deploy/backend/orders.yaml', 'deploy/frontend/network-policies.yaml', 'deploy/frontend/web.yaml', 'deploy/payments/network-policies.yaml']);
    } finally {
      git(repo, 'reset', '-q', '--hard', headSha);
    }
  });

  test('an unknown ref is a configuration error naming it', () => {
    const r = runCli(['check', '--repo', repo, '--base', 'nope', '--head', 'HEAD']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"nope" is not a commit');
  });
});

// One smoke test of the bundled CLI on Node 24 (`npx -y node@24`); skipped only when npx cannot fetch it.
const node24 = spawnSync('npx', ['-y', 'node@24', '--version'], { encoding: 'utf8', timeout: 120_000 });
const haveNode24 = node24.status === 0 && /^v24\./.test(node24.stdout.trim());

describe('bundled CLI', () => {
  test.skipIf(!haveNode24 || !existsSync(CLI))('check on Node 24 prints the same Markdown as in-process', () => {
    const r = spawnSync('npx', ['-y', 'node@24', CLI, 'check', '--base', BASE, '--head', HEAD], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, CI: 'true' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(runCli(['check', '--base', BASE, '--head', HEAD]).stdout);
  }, 180_000);
});

describe('check --traffic: head against the observed traffic', () => {
  const EX = 'fixtures/traffic/example-app';
  const TRACE = `${EX}/traces/gadget-network.ndjson`;
  const TRAFFIC = ['--traffic', TRACE, '--cluster-snapshot', `${EX}/snapshot`, '--cidr-aliases', `${EX}/cidr-aliases.yaml`];
  const UNRESOLVED = `${TRACE}:15 warning NPC163 observed backend/orders[Deployment] -> 198.51.100.7-198.51.100.7[External] : TCP 443 (x1) is not allowed: 198.51.100.7 is no pod or Service of the snapshot and in no --cidr-aliases block (name its block in --cidr-aliases, or add a reviewed link)\n`;

  test('md: the two traffic sections after the gaps, the observed scoring-API link with its trace line', () => {
    const r = runCli(['check', '--base', BASE, '--head', HEAD, ...TRAFFIC]);
    expect(r.code).toBe(0);
    // the one observation that resolves to nothing is a warning on stderr, not silently dropped
    expect(r.stderr).toBe(UNRESOLVED);
    const md = r.stdout;
    expect(md).toContain(
      [
        '#### Observed, not declared (1)',
        '',
        `- \`payments/fraud-check[Deployment]\` → \`203.0.113.0-203.0.113.255[External]\` on \`TCP 443\` (\`trace ${TRACE}:8 TCP 443 to alias scoring-api x2\`)`,
        '',
        '#### Declared, never observed (1)',
        '',
        // the link the PR adds: no running pod has used it yet
        '- `frontend/web[Deployment]` → `payments/payments[Deployment]` on `TCP 8080`',
      ].join('\n'),
    );
    expect(md).toContain('· **1 gap** · **1 observed, not declared**\n');
    expect(md.indexOf('#### Gaps')).toBeGreaterThan(0);
    expect(md.indexOf('#### Observed, not declared')).toBeGreaterThan(md.indexOf('#### Gaps'));
    // without --traffic the sections are absent
    expect(runCli(['check', '--base', BASE, '--head', HEAD]).stdout).not.toContain('Observed, not declared');
  });

  test('txt and json carry the same two lists', () => {
    const txt = runCli(['check', '--base', BASE, '--head', HEAD, ...TRAFFIC, '--format', 'txt']);
    expect(txt.code).toBe(0);
    expect(txt.stdout).toContain(
      `Observed, not declared (1):\n  payments/fraud-check[Deployment] -> 203.0.113.0-203.0.113.255[External] on TCP 443 (trace ${TRACE}:8 TCP 443 to alias scoring-api x2)\n\nDeclared, never observed (1):\n  frontend/web[Deployment] -> payments/payments[Deployment] on TCP 8080\n`,
    );
    const json = JSON.parse(runCli(['check', '--base', BASE, '--head', HEAD, ...TRAFFIC, '--format', 'json']).stdout);
    expect(json.traffic.observed_not_declared).toEqual([
      { src: 'payments/fraud-check[Deployment]', dst: '203.0.113.0-203.0.113.255[External]', conns: 'TCP 443', evidence: [`trace ${TRACE}:8 TCP 443 to alias scoring-api x2`] },
    ]);
    expect(json.traffic.declared_not_observed.map((g: { src: string; dst: string; conns: string }) => `${g.src} -> ${g.dst} ${g.conns}`)).toEqual(['frontend/web[Deployment] -> payments/payments[Deployment] TCP 8080']);
  });

  test('a long list folds into <details>', () => {
    const dir = tempDir('netpol-ci-check-traffic-');
    // fraud-check (10.244.1.50 in the snapshot) calling ten reviewed outside blocks
    const blocks = Array.from({ length: 10 }, (_, i) => i);
    writeFileSync(path.join(dir, 'aliases.yaml'), blocks.map((i) => `block-${i}: 192.0.2.${i}/32\n`).join(''));
    writeFileSync(path.join(dir, 'trace.txt'), blocks.map((i) => `10.244.1.50:4${i}000 -> 192.0.2.${i}:443 tcp\n`).join(''));
    const r = runCli(['check', '--base', BASE, '--head', HEAD, '--traffic', path.join(dir, 'trace.txt'), '--cluster-snapshot', `${EX}/snapshot`, '--cidr-aliases', path.join(dir, 'aliases.yaml')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const section = r.stdout.slice(r.stdout.indexOf('#### Observed, not declared'), r.stdout.indexOf('#### Declared, never observed'));
    expect(section.split('\n').slice(0, 3)).toEqual(['#### Observed, not declared (10)', '', '<details><summary>10 links</summary>']);
    expect(section.split('\n').filter((l) => l.startsWith('- `payments/fraud-check[Deployment]` → `192.0.2.'))).toHaveLength(10);
    expect(section).toContain('</details>');
  });

  test('with --policies the observed links are needs of the drift gate too; the unresolved warning is said once', () => {
    const dir = tempDir('netpol-ci-check-traffic-drift-');
    cpSync(path.join(REPO_ROOT, BASE), path.join(dir, 'base'), { recursive: true });
    cpSync(path.join(REPO_ROOT, HEAD), path.join(dir, 'head'), { recursive: true });
    mkdirSync(path.join(dir, 'head', 'policies'));
    for (const ns of ['backend', 'frontend', 'payments']) renameSync(path.join(dir, 'head', ns, 'network-policies.yaml'), path.join(dir, 'head', 'policies', `${ns}.yaml`));
    const args = ['check', '--base', path.join(dir, 'base'), '--head', path.join(dir, 'head'), '--policies', path.join(dir, 'head', 'policies'), '--format', 'json'];
    const excess = (r: { stdout: string }) => (JSON.parse(r.stdout).drift as { kind: string; subject: string; message: string }[]).filter((f) => f.kind === 'excess').map((f) => `${f.subject}: ${f.message}`);
    // head widens fraud-check's egress to TCP 443,8443; the manifests state neither port
    expect(excess(runCli(args))).toEqual(['payments/fraud-check[Deployment] → 203.0.113.0-203.0.113.255[External]: TCP 443,8443 is allowed beyond what the manifests need']);
    // the trace shows TCP 443 in use: only 8443 is left in excess
    const r = runCli([...args, ...TRAFFIC]);
    expect(r.stderr).toBe(UNRESOLVED);
    expect(excess(r)).toEqual(['payments/fraud-check[Deployment] → 203.0.113.0-203.0.113.255[External]: TCP 8443 is allowed beyond what the manifests need']);
  });

  test('a trace file name with Markdown in it stays inside its code span', () => {
    const dir = tempDir('netpol-ci-check-traffic-md-');
    const name = 'x`](evil)<img src=x>|.txt';
    writeFileSync(path.join(dir, name), '10.244.1.50:41000 -> 203.0.113.9:443 tcp\n');
    const r = runCli(['check', '--base', BASE, '--head', HEAD, '--traffic', path.join(dir, name), '--cluster-snapshot', `${EX}/snapshot`, '--cidr-aliases', `${EX}/cidr-aliases.yaml`]);
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('- `payments/fraud-check[Deployment]` → `203.0.113.0-203.0.113.255[External]`'));
    // the backtick cannot close the span, the pipe cannot split a table: the rest is literal text in code
    expect(line).toBe(`- \`payments/fraud-check[Deployment]\` → \`203.0.113.0-203.0.113.255[External]\` on \`TCP 443\` (\`trace ${path.join(dir, "x'](evil)<img src=x>\u2223.txt")}:1 TCP 443 to alias scoring-api x1\`)`);
  });

  test('observed links are needs: a PR whose policies block a link only the trace shows breaks it, with the trace as evidence', () => {
    // the PR drops fraud-check's egress rule to the scoring API: no manifest states that link, the trace does
    const rule = '  egress:\n    - to:\n        - ipBlock:\n            cidr: 203.0.113.0/24\n      ports:\n        - {protocol: TCP, port: 443}\n';
    const pr = makePr(BASE, { 'payments/network-policies.yaml': replace(rule, '  egress: []\n') });
    try {
      const observedLine = `- \`payments/fraud-check[Deployment]\` needs \`203.0.113.0/24\` on \`TCP 443\` (observed: \`trace ${TRACE}:8 TCP 443 to alias scoring-api x2\`): head allows none of it`;
      const md = runCli(['check', '--base', pr.base, '--head', pr.head, ...TRAFFIC, '--fail-on', 'broken']);
      expect(md.stderr).toBe(UNRESOLVED);
      expect(md.code).toBe(1);
      expect(md.stdout).toContain('### netpol-ci check: ⚠️ breaks 1 needed link');
      expect(md.stdout).toContain(`#### Needed links this PR breaks\n\n${observedLine}\n`);

      const json = JSON.parse(runCli(['check', '--base', pr.base, '--head', pr.head, ...TRAFFIC, '--format', 'json']).stdout);
      expect(json.broken_links).toEqual([
        { src: 'payments/fraud-check[Deployment]', dst: '203.0.113.0-203.0.113.255[External]', needs: 'TCP 443', allowed: 'No Connections', missing: 'TCP 443', origin: 'observed', evidence: [`trace ${TRACE}:8 TCP 443 to alias scoring-api x2`] },
      ]);
      const txt = runCli(['check', '--base', pr.base, '--head', pr.head, ...TRAFFIC, '--format', 'txt']).stdout;
      expect(txt).toContain(`Needed links this PR breaks:\n  payments/fraud-check[Deployment] needs 203.0.113.0/24 on TCP 443 (observed: trace ${TRACE}:8 TCP 443 to alias scoring-api x2); head allows none of it\n`);

      // without the trace nothing states the link: the same PR breaks nothing
      const plain = runCli(['check', '--base', pr.base, '--head', pr.head, '--fail-on', 'broken']);
      expect(plain.code).toBe(0);
      expect(plain.stdout).not.toContain('Needed links this PR breaks');
    } finally {
      pr.dispose();
    }
  });

  test('a link both declared and observed that the PR blocks shows both provenances; one base already blocked is not the PR\'s', () => {
    // the bundled PR moves orders to 8081 while web's policies stay on 8080: declared and observed on head
    const json = JSON.parse(runCli(['check', '--base', BASE, '--head', HEAD, ...TRAFFIC, '--format', 'json']).stdout);
    expect(json.broken_links).toEqual([
      {
        src: 'frontend/web[Deployment]',
        dst: 'backend/orders[Deployment]',
        needs: 'TCP 8081',
        allowed: 'No Connections',
        missing: 'TCP 8081',
        // the PR moved orders' port: base needed 8080, which the policies still allow
        base_needs: 'TCP 8080',
        origin: 'both',
        evidence: [
          'fixtures/example-pr/head/frontend/web.yaml:25 spec.template.spec.containers[0].env[1].value = "http://orders.backend.svc.cluster.local:8080"',
          `trace ${TRACE}:4 TCP 8081 via Service backend/orders:8080 x1`,
        ],
      },
    ]);
    const md = runCli(['check', '--base', BASE, '--head', HEAD, ...TRAFFIC]).stdout;
    expect(md).toContain(
      `- \`frontend/web[Deployment]\` needs \`backend/orders[Deployment]\` on \`TCP 8081\` (\`frontend/web.yaml:25\`: \`http://orders.backend.svc.cluster.local:8080\`) (observed: \`trace ${TRACE}:4 TCP 8081 via Service backend/orders:8080 x1\`): head allows none of it`,
    );

    // a PR that changes nothing: the trace's links that base's policies already block are not broken by it
    const same = JSON.parse(runCli(['check', '--base', HEAD, '--head', HEAD, ...TRAFFIC, '--format', 'json']).stdout);
    expect(same.broken_links).toEqual([]);
    expect(same.already_unmet_links.map((u: { src: string; dst: string; origin: string }) => `${u.src} -> ${u.dst} ${u.origin}`)).toEqual(['frontend/web[Deployment] -> backend/orders[Deployment] both']);
  });

  test('the companions of --traffic need it', () => {
    const r = runCli(['check', '--base', BASE, '--head', HEAD, '--cidr-aliases', `${EX}/cidr-aliases.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--cidr-aliases needs --traffic FILE');
  });
});

describe('check --lint and --exposure', () => {
  const prs: Pr[] = [];
  afterAll(() => {
    for (const p of prs) p.dispose();
  });
  const CATALOG_FROM = '        - podSelector:\n            matchLabels: {app: orders}\n      ports:\n        - port: http\n';
  /** A policy of backend selecting no pod (a typo'd label): a finding base and head both have. */
  const GHOST = '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ghost, namespace: backend}\nspec:\n  podSelector: {matchLabels: {app: ordrs}}\n  policyTypes: [Ingress]\n';
  /** A PR that repeats catalog's ingress rule (a redundant rule) and pushes every line of the file down (findings move, not change). */
  function redundantRulePr(): Pr {
    const pr = makeStackedPr(BASE, {
      both: { 'backend/network-policies.yaml': (t) => `${t}${GHOST}` },
      head: {
        'backend/network-policies.yaml': (t) => `# owned by the backend team\n# reviewed quarterly\n${replace(CATALOG_FROM, `${CATALOG_FROM}    - from:\n        - podSelector:\n            matchLabels: {app: orders}\n      ports:\n        - port: http\n`)(t) as string}`,
      },
    });
    prs.push(pr);
    return pr;
  }

  test('shows the lint findings the PR adds, not those base already has, even when their lines moved', () => {
    const pr = redundantRulePr();
    const r = runCli(['check', '--base', pr.base, '--head', pr.head, '--lint']);
    expect(r.code).toBe(0);
    const md = r.stdout;
    const start = md.indexOf('#### Policy sanity (lint): new in this PR');
    const section = md.slice(start, md.indexOf('\n####', start + 1));
    // the repeated rule is the one finding: base's own (the ghost policy selecting nothing) moved two lines down but
    // is not new (each namespace's default deny and the allow-dns rules towards kube-system are not judged: NPC187)
    expect(section.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- `backend/network-policies.yaml:50` `NPC183` redundant-rule: NetworkPolicy backend/catalog\\-ingress ingress\\[1\\] is redundant\\: without it, every connection stays the same (covered by `NetworkPolicy backend/catalog-ingress ingress[0]`, `NetworkPolicy backend/default-deny (isolation)`)',
    ]);
    expect(section).toContain('_1 finding already on base not shown._');
    expect(md.split('\n')[1]).toBe('### netpol-ci check: ⚠️ 1 new lint finding');
    // without --lint, no lint section (lint is engine work: only when asked)
    expect(runCli(['check', '--base', pr.base, '--head', pr.head]).stdout).not.toContain('Policy sanity');
  });

  test('--fail-on lint exits 1 only when the PR adds a finding, and implies --lint', () => {
    const pr = redundantRulePr();
    const failing = runCli(['check', '--base', pr.base, '--head', pr.head, '--fail-on', 'lint']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('#### Policy sanity (lint): new in this PR');
    // base has a finding of its own: none is new when head is base
    const same = runCli(['check', '--base', pr.base, '--head', pr.base, '--fail-on', 'lint', '-f', 'json']);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout).lint).toEqual({ findings: [], existing_on_base: 1 });
    // the README example's PR makes orders-ingress redundant (orders' port changed under it)
    const example = runCli(['check', '--base', BASE, '--head', HEAD, '--fail-on', 'lint', '-f', 'json']);
    expect(example.code).toBe(1);
    expect(JSON.parse(example.stdout).lint.findings).toEqual([
      {
        kind: 'redundant-policy',
        code: 'NPC182',
        policy: 'NetworkPolicy backend/orders-ingress',
        at: 'fixtures/example-pr/head/backend/network-policies.yaml:52',
        message: 'NetworkPolicy backend/orders-ingress is redundant: without it, every connection stays the same',
        covered_by: ['NetworkPolicy backend/default-deny'],
      },
    ]);
    // --lint alone never fails
    expect(runCli(['check', '--base', BASE, '--head', HEAD, '--lint']).code).toBe(0);
  });

  test('byte-identical output across runs, in every format', () => {
    const pr = redundantRulePr();
    for (const format of ['md', 'txt', 'json']) {
      const args = ['check', '--base', pr.base, '--head', pr.head, '--lint', '--exposure', '-f', format];
      const first = runCli(args).stdout;
      expect(first).toContain(format === 'json' ? '"existing_on_base": 1' : format === 'txt' ? 'Policy sanity (lint), new in this PR:' : '#### Policy sanity (lint)');
      expect(runCli(args).stdout).toBe(first);
    }
  });

  test('--exposure: a rule open to every namespace widens catalog\'s exposure, shown in the outside section', () => {
    const pr = makePr(BASE, { 'backend/network-policies.yaml': replace(CATALOG_FROM, `${CATALOG_FROM}    - from:\n        - namespaceSelector: {}\n      ports:\n        - port: http\n`) });
    prs.push(pr);
    const md = runCli(['check', '--base', pr.base, '--head', pr.head, '--exposure']).stdout;
    const section = md.slice(md.indexOf('#### Newly reachable from outside the cluster'), md.indexOf('#### Connectivity changes'));
    expect(section).toContain('Exposure widened (peers outside the manifests):');
    expect(section).toContain('- `backend/catalog[Deployment]` is now reachable from `entire-cluster` on `TCP 8080`');
    expect(md.split('\n')[1]).toContain('widens the exposure of 1 workload');
    const json = JSON.parse(runCli(['check', '--base', pr.base, '--head', pr.head, '--exposure', '-f', 'json']).stdout);
    expect(json.widened_exposure).toContainEqual({ workload: 'backend/catalog[Deployment]', peer: 'entire-cluster', before: 'No Connections', after: 'TCP 8080', gained: 'TCP 8080' });
    expect(json.summary.widenedExposure).toBe(1);
    // nothing widened when nothing changed; no section without the flag
    expect(JSON.parse(runCli(['check', '--base', BASE, '--head', BASE, '--exposure', '-f', 'json']).stdout).widened_exposure).toEqual([]);
    expect(runCli(['check', '--base', pr.base, '--head', pr.head]).stdout).not.toContain('Exposure widened');
  });
});

describe('check --policies: drift on head, with the policies that would close it', () => {
  test('a committed rule on the wrong port: the missing need, the excess, and a unified diff of what verify --fix writes', () => {
    const root = tempDir();
    const app = path.join(root, 'app');
    cpSync(path.join(REPO_ROOT, 'fixtures/example-app/manifests'), app, { recursive: true });
    mkdirSync(path.join(app, 'policies'));
    for (const ns of ['frontend', 'backend', 'payments']) renameSync(path.join(app, ns, 'network-policies.yaml'), path.join(app, 'policies', `${ns}.yaml`));
    const base = path.join(root, 'base');
    const head = path.join(root, 'head');
    cpSync(app, base, { recursive: true });
    cpSync(app, head, { recursive: true });
    const file = path.join(head, 'policies', 'payments.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('- {protocol: TCP, port: 9000}', '- {protocol: TCP, port: 9001}'));
    // paths relative to the working directory, as a workflow gives them
    const r = runCli(['check', '--base', 'base', '--head', 'head', '--policies', 'head/policies', '--fail-on', 'drift'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('- missing `payments/payments[Deployment] → payments/fraud-check[Deployment]`: needed TCP 9000 is blocked by the committed policies');
    expect(r.stdout).toContain('<details><summary>Policies that would close the drift (unified diff, 3 files; <code>verify --fix</code> writes them)</summary>');
    expect(r.stdout).toMatch(/```diff\nIndex: head\/policies\/backend\.yaml\n/);
    // without --policies there is no drift section; the same run is byte-identical
    expect(runCli(['check', '--base', 'base', '--head', 'head'], { cwd: root }).stdout).not.toContain('#### Drift');
    expect(runCli(['check', '--base', 'base', '--head', 'head', '--policies', 'head/policies', '--fail-on', 'drift'], { cwd: root }).stdout).toBe(r.stdout);
  });
});
