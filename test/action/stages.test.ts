import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runEntry, schedulePayload } from '../helpers/action-runner.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/** The scan and synthesize entries on a scheduled run: no GitHub API at all (an unreachable URL). */
afterAll(cleanupTempDirs);
const NO_API = 'http://127.0.0.1:9';
const cliFilesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();

describe('scan action', () => {
  it('writes the links file and report, annotates gaps at their line, fails on gaps when asked', async () => {
    const r = await runEntry('scan', {
      inputs: { paths: 'fixtures/example-app/manifests', 'fail-on-gaps': 'true' },
      eventName: 'schedule',
      payload: schedulePayload(),
      apiUrl: NO_API,
      cwd: REPO_ROOT,
    });
    expect(r.code).toBe(1);
    expect(r.outputs.links).toBe('6');
    expect(r.outputs.gaps).toBe('1');
    expect(r.stdout).toContain('::warning title=netpol-ci gap (external-hostname),file=fixtures/example-app/manifests/payments/fraud-check.yaml,line=24::');
    const links = YAML.parse(readFileSync(r.outputs['links-path']!, 'utf8')) as { links: unknown[] };
    expect(links.links).toHaveLength(6);
    expect(r.summary).toContain('### netpol-ci: required links');
    expect(readFileSync(r.outputs['report-path']!, 'utf8')).toBe(r.summary.trimEnd() + '\n');
  });

  it('paths are relative to working-directory; annotations to the repository checkout', async () => {
    const r = await runEntry('scan', {
      inputs: { paths: 'manifests/payments', 'working-directory': 'fixtures/example-app' },
      eventName: 'schedule',
      payload: schedulePayload(),
      apiUrl: NO_API,
      cwd: REPO_ROOT,
      env: { GITHUB_WORKSPACE: REPO_ROOT },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('file=fixtures/example-app/manifests/payments/fraud-check.yaml,line=24::');
  });

  it('bad manifests: exit 2 with the diagnostic annotated at its file and line', async () => {
    const r = await runEntry('scan', {
      inputs: { paths: 'fixtures/bad-input/duplicate-keys' },
      eventName: 'schedule',
      payload: schedulePayload(),
      apiUrl: NO_API,
      cwd: REPO_ROOT,
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/::error title=NPC007,file=fixtures\/bad-input\/duplicate-keys\/[^,]+,line=\d+,col=\d+::/);
  });
});

describe('Node 24 (GitHub runs the composite step with the runner image\'s node)', () => {
  const node24 = spawnSync('npx', ['-y', 'node@24', '-p', 'process.execPath'], { encoding: 'utf8', timeout: 120_000 }).stdout?.trim();
  it.skipIf(!node24)('the scan entry gives the same outputs and summary on Node 24 as on this Node', async () => {
    const run = (node?: string) =>
      runEntry('scan', { inputs: { paths: 'fixtures/example-app/manifests' }, eventName: 'schedule', payload: schedulePayload(), apiUrl: NO_API, cwd: REPO_ROOT, ...(node ? { node } : {}) });
    const [here, there] = [await run(), await run(node24)];
    expect(spawnSync(node24 as string, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v24\./);
    expect(there.code).toBe(0);
    expect(there.summary).toBe(here.summary);
    expect({ ...there.outputs, 'links-path': '', 'report-path': '' }).toEqual({ ...here.outputs, 'links-path': '', 'report-path': '' });
  });
});

describe('synthesize action', () => {
  it('writes one file per namespace and workload into the output folder', async () => {
    const out = tempDir('netpol-ci-synth-');
    const r = await runEntry('synthesize', {
      inputs: {
        paths: 'fixtures/example-app/manifests',
        output: `${path.relative(REPO_ROOT, out)}/policies/`,
        'dns-port': '5353',
        'dns-namespace': 'openshift-dns',
        'dns-selector': 'dns.operator.openshift.io/daemonset-dns=default',
        'ingress-controller': 'namespace=ingress-nginx,app.kubernetes.io/name=ingress-nginx',
        'name-prefix': 'np-',
      },
      eventName: 'schedule',
      payload: schedulePayload(),
      apiUrl: NO_API,
      cwd: REPO_ROOT,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // the same policies, in the same files, as the CLI writes
    const cliOut = tempDir('netpol-ci-synth-cli-');
    const flags = ['--dns-port', '5353', '--dns-namespace', 'openshift-dns', '--dns-selector', 'dns.operator.openshift.io/daemonset-dns=default', '--ingress-controller', 'namespace=ingress-nginx,app.kubernetes.io/name=ingress-nginx', '--name-prefix', 'np-'];
    expect(runCli(['synthesize', 'fixtures/example-app/manifests', '--output', `${cliOut}/`, ...flags]).code).toBe(0);
    expect(readFileSync(path.join(out, 'policies', cliFilesOf(cliOut)[0]!), 'utf8')).toContain('np-');
    const files = r.outputs.files!.split('\n');
    const cliFiles = cliFilesOf(cliOut);
    expect(files.map((f) => path.relative(path.relative(REPO_ROOT, out) + '/policies', f)).sort()).toEqual(cliFiles);
    for (const f of cliFiles) expect(readFileSync(path.join(out, 'policies', f), 'utf8')).toBe(readFileSync(path.join(cliOut, f), 'utf8'));
    expect(Number(r.outputs.policies)).toBeGreaterThanOrEqual(files.length);
    for (const f of files) {
      const docs = YAML.parseAllDocuments(readFileSync(path.join(REPO_ROOT, f), 'utf8')).map((d) => d.toJS() as { kind: string });
      expect(docs.every((d) => d.kind === 'NetworkPolicy')).toBe(true);
    }
    expect(r.summary).toContain('synthesized NetworkPolicies');
  });
});
