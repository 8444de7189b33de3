import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runEntry, schedulePayload, type EntryOptions } from '../helpers/action-runner.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { sarifWithPaths } from '../../src/action/sarif-paths.js';
import { findNcaForTests } from '../helpers/nca.js';

/** The baseline and verify entries run as a runner runs them: INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY; no GitHub API. */
afterAll(cleanupTempDirs);
const NO_API = 'http://127.0.0.1:9';
const run = (name: string, inputs: Record<string, string>, more: Partial<EntryOptions> = {}) =>
  runEntry(name, { inputs, eventName: 'schedule', payload: schedulePayload(), apiUrl: NO_API, cwd: REPO_ROOT, ...more });

interface SarifLog {
  runs: { results: { ruleId: string; level: string; message: { text: string }; locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[];
}
const sarifOf = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as SarifLog;
const where = (l: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } } | undefined) => (l ? `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region?.startLine}` : undefined);

describe('baseline action', () => {
  it('a violation: exit 1, an error annotation at the policy that allows it with the rule named, SARIF with the rule as related location', async () => {
    const r = await run('baseline', { paths: 'fixtures/example-pr/head', baseline: 'fixtures/example-pr/baseline.yaml', engine: 'builtin' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.outputs.violations).toBe('1');
    expect(r.outputs.disagreements).toBe('0');
    // the web egress policy line the CLI names as the first cause
    expect(r.stdout).toContain(
      '::error title=netpol-ci baseline rule frontend-never-reaches-payments (deny),file=fixtures/example-pr/head/frontend/network-policies.yaml,line=63::frontend/web[Deployment] -> payments/payments[Deployment]: TCP 8080 violates baseline rule frontend-never-reaches-payments (deny) (fixtures/example-pr/baseline.yaml:5)',
    );
    expect(r.stdout).toMatch(/::error::1 baseline violations, 0 engine disagreements \(fail-on-violation\)/);
    const results = sarifOf(r.outputs['sarif-path']!).runs[0]!.results;
    expect(results).toHaveLength(1);
    expect(results[0]!.level).toBe('error');
    expect(where(results[0]!.locations?.[0])).toBe('fixtures/example-pr/head/frontend/network-policies.yaml:63');
    expect(where(results[0]!.relatedLocations?.[0])).toBe('fixtures/example-pr/baseline.yaml:5');
    // the job summary is the Markdown report, as the CLI renders it
    const cli = runCli(['baseline', 'fixtures/example-pr/head', '--baseline', 'fixtures/example-pr/baseline.yaml', '--engine', 'builtin', '--format', 'md']);
    expect(r.summary.trimEnd()).toBe(cli.stdout.trimEnd());
    expect(readFileSync(r.outputs['report-path']!, 'utf8').trimEnd()).toBe(r.summary.trimEnd());
  });

  it('fail-on-violation: false reports the violation and passes', async () => {
    const r = await run('baseline', { paths: 'fixtures/example-pr/head', baseline: 'fixtures/example-pr/baseline.yaml', engine: 'builtin', 'fail-on-violation': 'false' });
    expect(r.code).toBe(0);
    expect(r.outputs.violations).toBe('1');
    expect(r.stdout).toContain('file=fixtures/example-pr/head/frontend/network-policies.yaml,line=63::');
  });

  it('no violation: exit 0, no error annotation, an empty SARIF run', async () => {
    const r = await run('baseline', { paths: 'manifests', baseline: '../example-pr/baseline.yaml', engine: 'builtin', 'working-directory': 'fixtures/example-app' });
    expect(r.code).toBe(0);
    expect(r.outputs.violations).toBe('0');
    expect(r.stdout).not.toContain('::error');
    expect(sarifOf(r.outputs['sarif-path']!).runs[0]!.results).toEqual([]);
  });

  it('bad inputs: exit 2 naming the input, or the rule file at its line', async () => {
    const missing = await run('baseline', { paths: 'fixtures/example-pr/head', engine: 'builtin' });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('::error::configuration error: input "baseline" is required');
    const engine = await run('baseline', { paths: 'fixtures/example-pr/head', baseline: 'fixtures/example-pr/baseline.yaml', engine: 'z3' });
    expect(engine.code).toBe(2);
    expect(engine.stdout).toContain('configuration error: input "engine": expected one of builtin, nca, both, got "z3"');
    const timeout = await run('baseline', { paths: 'fixtures/example-pr/head', baseline: 'fixtures/example-pr/baseline.yaml', 'nca-timeout': '0' });
    expect(timeout.code).toBe(2);
    expect(timeout.stdout).toContain('configuration error: input "nca-timeout": expected a positive whole number, got "0"');
    // a rule with an unknown action: a diagnostic at the rule file's line, annotated there
    const dir = tempDir('netpol-ci-baseline-');
    writeFileSync(path.join(dir, 'rules.yaml'), '- name: ok\n  action: deny\n  from: 0.0.0.0/0\n- name: bad\n  action: forbid\n  from: 0.0.0.0/0\n');
    const bad = await run('baseline', { paths: 'fixtures/example-pr/head', baseline: path.join(dir, 'rules.yaml'), engine: 'builtin' }, { env: { GITHUB_WORKSPACE: dir } });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toMatch(/::error title=NPC\d+,file=rules\.yaml,line=[45][,:]/);
  });

  it('engine both with nca: the engines agree on the violation', { timeout: 120_000 }, async () => {
    const r = await run('baseline', { paths: 'fixtures/example-pr/head', baseline: 'fixtures/example-pr/baseline.yaml', engine: 'both' }, { env: { NCA_PATH: findNcaForTests() } });
    expect(r.code).toBe(1);
    expect(r.outputs.violations).toBe('1');
    expect(r.outputs.disagreements).toBe('0');
    expect(r.summary).toContain('checked by builtin \\+ nca 2\\.1\\.0: 1 violation(s), 0 disagreement(s)');
    expect(r.stdout).toContain('file=fixtures/example-pr/head/frontend/network-policies.yaml,line=63::');
  });
});

/** A checkout with the example app's workloads in app/ and the hand-written policies in policies/<namespace>.yaml. */
function splitApp(): string {
  const dir = tempDir('netpol-ci-verify-');
  cpSync(path.join(REPO_ROOT, 'fixtures/example-app/manifests'), path.join(dir, 'app'), { recursive: true });
  mkdirSync(path.join(dir, 'policies'));
  for (const ns of readdirSync(path.join(dir, 'app'))) {
    const f = path.join(dir, 'app', ns, 'network-policies.yaml');
    if (existsSync(f)) renameSync(f, path.join(dir, 'policies', `${ns}.yaml`));
  }
  return dir;
}

describe('verify action', () => {
  const inDir = (dir: string) => ({ cwd: REPO_ROOT, env: { GITHUB_WORKSPACE: dir } });

  it('excess drift: exit 1, annotated at the rule that allows it; allow-excess makes it a warning and passes', async () => {
    const dir = splitApp();
    const r = await run('verify', { paths: 'app', policies: 'policies', 'working-directory': dir }, inDir(dir));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.outputs.missing).toBe('0');
    expect(r.outputs.excess).toBe('1');
    const line = readFileSync(path.join(dir, 'policies/payments.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('203.0.113.0/24')) + 1;
    expect(line).toBeGreaterThan(0);
    const annotation = r.stdout.split('\n').find((l) => l.startsWith('::error title=netpol-ci drift (excess)'));
    expect(annotation).toMatch(/^::error title=netpol-ci drift \(excess\),file=policies\/payments\.yaml,line=(\d+)::the policies allow payments\/fraud-check\[Deployment\] -> 203\.0\.113\.0-203\.0\.113\.255\[External\] on TCP 443/);
    // the egress rule of the policy, at or just above the CIDR it names
    const at = Number(/line=(\d+)/.exec(annotation!)![1]);
    expect(line - at).toBeGreaterThanOrEqual(0);
    expect(line - at).toBeLessThan(6);
    const sarif = sarifOf(r.outputs['sarif-path']!).runs[0]!.results;
    expect(sarif.map((s) => [s.level, where(s.locations?.[0])])).toEqual([['error', `policies/payments.yaml:${at}`]]);
    expect(r.summary).toContain('excess');

    const allowed = await run('verify', { paths: 'app', policies: 'policies', 'working-directory': dir, 'allow-excess': 'true', format: 'json' }, inDir(dir));
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/::warning title=netpol-ci drift \(excess\),file=policies\/payments\.yaml,line=\d+::/);
    expect(allowed.outputs['report-path']!.endsWith('verify.json')).toBe(true);
    const json = JSON.parse(readFileSync(allowed.outputs['report-path']!, 'utf8')) as { excess: unknown[]; missing: unknown[] };
    expect(json.excess).toHaveLength(1);
    expect(json.missing).toHaveLength(0);
  });

  it('missing drift: exit 1, each blocked need annotated at the manifest line that states it', async () => {
    const dir = splitApp();
    // the synthesized policies verify clean; without the payments workload's own policy, the namespace default-deny blocks its needs
    expect(runCli(['synthesize', path.join(dir, 'app'), '--output', `${path.join(dir, 'synth')}/`, '-q']).code).toBe(0);
    const clean = await run('verify', { paths: 'app', policies: 'synth', 'working-directory': dir }, inDir(dir));
    expect(clean.code).toBe(0);
    expect(clean.outputs).toMatchObject({ missing: '0', excess: '0' });
    expect(clean.stdout).not.toContain('::error');
    expect(sarifOf(clean.outputs['sarif-path']!).runs[0]!.results).toEqual([]);
    // the DNS inputs shape the need: the same policies admit DNS on 53 only, so DNS on 5353 is missing for every workload with egress
    const dns = await run('verify', { paths: 'app', policies: 'synth', 'working-directory': dir, 'dns-port': '5353' }, inDir(dir));
    expect(dns.code).toBe(1);
    expect(Number(dns.outputs.missing)).toBeGreaterThan(0);
    const dnsErrors = dns.stdout.split('\n').filter((l) => / needs .*; the policies block /.test(l));
    expect(dnsErrors).toHaveLength(Number(dns.outputs.missing));
    for (const l of dnsErrors) expect(l).toMatch(/^::error::\S+ needs kube-system\/dns\[Pod\] on .*5353/);

    const file = path.join(dir, 'synth/payments.yaml');
    const docs = YAML.parseAllDocuments(readFileSync(file, 'utf8')).filter((d) => (d.toJS() as { metadata: { name: string } }).metadata.name !== 'payments-netpol');
    writeFileSync(file, docs.map((d) => `---\n${d.toString()}`).join(''));
    const r = await run('verify', { paths: 'app', policies: 'synth', 'working-directory': dir }, inDir(dir));
    expect(r.code).toBe(1);
    expect(Number(r.outputs.missing)).toBeGreaterThan(0);
    // every missing need is an error; those stated in a manifest are annotated at their line (DNS is nobody's line)
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error') && / needs .*; the policies block /.test(l));
    expect(errors).toHaveLength(Number(r.outputs.missing));
    const missing = errors.filter((l) => l.startsWith('::error title=netpol-ci drift (missing),file='));
    expect(errors.filter((l) => !missing.includes(l)).every((l) => l.startsWith('::error::') && l.includes('kube-system/'))).toBe(true);
    // orders -> payments is stated in the orders manifest (its PAYMENTS address), at that line
    const orders = missing.find((l) => l.includes('::backend/orders[Deployment] needs payments/payments[Deployment]'));
    expect(orders).toMatch(/,file=app\/backend\/orders\.yaml,line=\d+::/);
    const line = Number(/line=(\d+)/.exec(orders!)![1]);
    expect(readFileSync(path.join(dir, 'app/backend/orders.yaml'), 'utf8').split('\n')[line - 1]).toMatch(/payments/);
    const sarif = sarifOf(r.outputs['sarif-path']!).runs[0]!.results.filter((s) => s.level === 'error');
    expect(sarif.map((s) => where(s.locations?.[0]))).toContain(`app/backend/orders.yaml:${line}`);

    const report = await run('verify', { paths: 'app', policies: 'synth', 'working-directory': dir, 'fail-on-drift': 'false' }, inDir(dir));
    expect(report.code).toBe(0);
    expect(report.outputs.missing).toBe(r.outputs.missing);
  });

  it('bad inputs: exit 2 naming them', async () => {
    const none = await run('verify', { paths: 'fixtures/example-app/manifests' });
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('configuration error: input "policies" is required');
    const notDir = await run('verify', { paths: 'fixtures/example-app/manifests', policies: 'no-such-folder' });
    expect(notDir.code).toBe(2);
    expect(notDir.stdout).toMatch(/configuration error: --policies .*no-such-folder: not a folder/);
    const fmt = await run('verify', { paths: 'fixtures/example-app/manifests', policies: 'fixtures', format: 'sarif' });
    expect(fmt.code).toBe(2);
    expect(fmt.stdout).toContain('configuration error: input "format": expected one of md, txt, json, got "sarif"');
  });
});

describe('composite setup (generated action.yml)', () => {
  type Step = { name: string; id?: string; if?: string; uses?: string; env?: Record<string, string> };
  const stepsOf = (dir: string) => (YAML.parse(readFileSync(path.join(REPO_ROOT, dir, 'action.yml'), 'utf8')) as { runs: { steps: Step[] } }).runs.steps;
  const ncaSteps = (steps: Step[]) => steps.filter((s) => /nca/i.test(s.name));

  it('baseline sets up nca as the root action does (the same steps), skipped with engine builtin; verify needs no nca', () => {
    const baseline = ncaSteps(stepsOf('actions/baseline'));
    expect(baseline.map((s) => s.name)).toEqual(['nca cache key', 'Cache the nca venv', 'Install nca']);
    expect(baseline.map((s) => s.if)).toEqual(Array(3).fill("inputs.engine != 'builtin'"));
    expect(baseline).toEqual(ncaSteps(stepsOf('.')));
    const run = stepsOf('actions/baseline').find((s) => s.id === 'run')!;
    expect(run.env).toMatchObject({ NCA_PATH: '${{ steps.nca.outputs.path }}', INPUT_NCA_TIMEOUT: '${{ inputs.nca-timeout }}', INPUT_FAIL_ON_VIOLATION: '${{ inputs.fail-on-violation }}' });
    expect(ncaSteps(stepsOf('actions/verify'))).toEqual([]);
    expect(stepsOf('actions/verify').find((s) => s.id === 'run')!.env).toMatchObject({ INPUT_POLICIES: '${{ inputs.policies }}', INPUT_ALLOW_EXCESS: '${{ inputs.allow-excess }}' });
  });
});

describe('SARIF paths', () => {
  it('rewrites the uri of every location and related location, and nothing else', () => {
    const loc = (uri: string, line: number) => ({ physicalLocation: { artifactLocation: { uri }, region: { startLine: line } } });
    const log = { version: '2.1.0', runs: [{ tool: { driver: { name: 't' } }, results: [{ ruleId: 'X', message: { text: '/abs/a.yaml' }, locations: [loc('/abs/a.yaml', 3)], relatedLocations: [loc('/abs/rules.yaml', 5)] }, { ruleId: 'Y', message: { text: 'no location' } }] }] };
    const out = JSON.parse(sarifWithPaths(JSON.stringify(log), (f) => f.replace('/abs/', ''))) as typeof log;
    expect(out.runs[0]!.results[0]).toEqual({ ruleId: 'X', message: { text: '/abs/a.yaml' }, locations: [loc('a.yaml', 3)], relatedLocations: [loc('rules.yaml', 5)] });
    // a result with no location at all is kept as a notification (code scanning refuses an upload holding one)
    expect(out.runs[0]!.results).toHaveLength(1);
    expect((out.runs[0] as { invocations?: unknown }).invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'warning', message: { text: 'no location' }, associatedRule: { id: 'Y' } }] }]);
  });
});
