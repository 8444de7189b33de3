import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, FIXTURES, tempDir } from '../helpers/fixtures.js';
import { findNcaForTests } from '../helpers/nca.js';

const BOUTIQUE = path.resolve(FIXTURES, '..', '..', 'shared', 'conformance', 'connlist', 'onlineboutique', 'input');
const B = path.join(FIXTURES, 'baseline');
const rules = (f: string) => path.join('fixtures', 'baseline', f);

let nca: string;
beforeAll(() => {
  nca = findNcaForTests();
});
afterAll(() => cleanupTempDirs());

describe('netpol-ci baseline', () => {
  it('txt: violations found exit 1; each names the rule file:line, peers, connections and the deciding policy', () => {
    const r = runCli(['baseline', BOUTIQUE, '--baseline', rules('boutique-np-guard.yaml')], { env: { NCA_PATH: nca } });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('baseline: 5 rule(s), engine builtin + nca 2.1.0: FAILED (4 violation(s), 0 disagreement(s))');
    expect(r.stdout).toContain(
      'VIOLATION fixtures/baseline/boutique-np-guard.yaml:21 loadgen-to-frontend-all (allow): default/loadgenerator-555fbdc87d[ReplicaSet] => default/frontend-99684f7f8[ReplicaSet] : TCP 8000-8079,8081-9000 (blocked, but the rule requires it; found by builtin)',
    );
    expect(r.stdout).toMatch(/ {2}ingress isolated by NetworkPolicy default\/frontend-netpol at .*netpols\.yaml:1\n/);
    expect(r.stdout).toContain('  fixtures/baseline/boutique-np-guard.yaml:7 no-ftp (deny): builtin violated, nca violated; decided by both');
  });

  it('none found: exit 0; the output is byte-identical run to run', () => {
    const a = runCli(['baseline', BOUTIQUE, '--baseline', rules('boutique-holds.yaml'), '--engine', 'both'], { env: { NCA_PATH: nca } });
    const b = runCli(['baseline', BOUTIQUE, '--baseline', rules('boutique-holds.yaml'), '--engine', 'both'], { env: { NCA_PATH: nca } });
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/passed \(0 violation\(s\), 0 disagreement\(s\)\)/);
    expect(b.stdout).toBe(a.stdout);
  });

  it('disagreement: exit 1, both answers shown', () => {
    const r = runCli(['baseline', path.join(B, 'egress-empty', 'manifests'), '--baseline', rules('egress-empty/rules.yaml'), '--engine', 'both', '-f', 'json'], { env: { NCA_PATH: nca } });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { passed: boolean; disagreements: { rule: { name: string }; builtin: string; nca: string; witness: Record<string, string> }[] };
    expect(doc.passed).toBe(false);
    // default: deny disagrees too (nca reads web's `egress: []` as isolation), see test/baseline/engines.test.ts
    expect(doc.disagreements.map((d) => d.rule.name ?? 'default: deny')).toEqual(['default: deny', 'web-to-api']);
    expect(doc.disagreements.filter((d) => d.rule.name)).toEqual([
      expect.objectContaining({
        rule: expect.objectContaining({ name: 'web-to-api', line: 4 }),
        builtin: 'holds',
        nca: 'violated',
        witness: { src: 'shop/web[Deployment]', dst: 'shop/api[Deployment]', builtin: 'No Connections', nca: 'TCP 9090' },
      }),
    ]);
  });

  it('sarif: each violation at the policy that decides it, the rule as related location; rules described', () => {
    const out = path.join(tempDir(), 'baseline.sarif');
    const r = runCli(['baseline', BOUTIQUE, '--baseline', rules('boutique-np-guard.yaml'), '--engine', 'builtin', '-f', 'sarif', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const log = JSON.parse(readFileSync(out, 'utf8')) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run?.tool.driver.rules.map((x) => x.id)).toEqual(['NPC110', 'NPC111', 'NPC112']);
    expect(run?.tool.driver.rules[0]?.shortDescription.text).toBe('Baseline rule violated');
    expect(run?.results).toHaveLength(4);
    const blocked = run?.results.find((x) => x.locations[0]?.physicalLocation.artifactLocation.uri.endsWith('netpols.yaml') && x.relatedLocations?.[0]?.physicalLocation.region.startLine === 21);
    expect(blocked?.ruleId).toBe('NPC110');
    expect(blocked?.level).toBe('error');
    expect(blocked?.relatedLocations?.[0]?.physicalLocation.artifactLocation.uri).toBe('fixtures/baseline/boutique-np-guard.yaml');
    // a connection no policy restricts has no policy line: it is located at the rule
    expect(run?.results.filter((x) => !x.relatedLocations).map((x) => x.locations[0]?.physicalLocation.region.startLine).sort()).toEqual([29, 7, 7]);
  });

  it('md: a table, manifest-derived text escaped', () => {
    const r = runCli(['baseline', BOUTIQUE, '--baseline', rules('boutique-np-guard.yaml'), '--engine', 'builtin', '-f', 'md']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^### Baseline rules: ❌ failed/);
    expect(r.stdout).toContain('| `fixtures/baseline/boutique-np-guard.yaml:21 loadgen-to-frontend-all (allow)` | `default/loadgenerator-555fbdc87d[ReplicaSet]` |');
  });

  it('bad rule file: exit 2, errors at file:line and field; the valid rules are still checked', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, '- name: ok\n  to: app=frontend\n  action: deny\n- name: broken\n  protocol: ICMP\n');
    const r = runCli(['baseline', BOUTIQUE, '--baseline', 'bad.yaml', '--engine', 'builtin'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:5:\d+ \[doc 1\] error NPC100 \[1\]\.protocol: expected TCP, UDP or SCTP/);
    expect(r.stdout).toContain('VIOLATION bad.yaml:1 ok (deny)');
  });

  it('nca missing: the default engine is builtin with a one-line note; --engine nca|both is exit 2', () => {
    const env = { NCA_PATH: '/nonexistent/nca' };
    const d = runCli(['baseline', BOUTIQUE, '--baseline', rules('boutique-holds.yaml'), '-f', 'json'], { env });
    expect(d.code).toBe(0);
    expect(d.stderr).toMatch(/^note \(nca\): nca not found .*pip install network-config-analyzer==2\.1\.0/m);
    expect((JSON.parse(d.stdout) as { engine: string }).engine).toBe('builtin');
    for (const engine of ['nca', 'both']) {
      const r = runCli(['baseline', BOUTIQUE, '--baseline', rules('boutique-holds.yaml'), '--engine', engine], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/configuration error: --engine .* needs nca/);
    }
  });

  it('bad usage: no --baseline, an unknown engine or format, a bad timeout are exit 2', () => {
    expect(runCli(['baseline', BOUTIQUE]).code).toBe(2);
    expect(runCli(['baseline', BOUTIQUE, '--baseline', rules('boutique-holds.yaml'), '--engine', 'magic']).stderr).toMatch(/--engine: expected builtin, nca or both/);
    expect(runCli(['baseline', BOUTIQUE, '--baseline', rules('boutique-holds.yaml'), '-f', 'html']).code).toBe(2);
    expect(runCli(['baseline', BOUTIQUE, '--baseline', rules('boutique-holds.yaml'), '--nca-timeout', '-1']).code).toBe(2);
    expect(runCli(['baseline', BOUTIQUE, '--baseline', 'no-such-rules.yaml', '--engine', 'builtin']).code).toBe(2);
  });
});

describe('netpol-ci synthesize --baseline', () => {
  it('a deny rule drops the link (both provenances reported); an allow rule adds its connections with the rule as provenance', () => {
    const r = runCli(['synthesize', 'fixtures/example-app/manifests', '--baseline', rules('example-app-rules.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'fixtures/baseline/example-app-rules.yaml:2:3 [doc 1] warning NPC103 [0]: link frontend/web[Deployment] => backend/catalog[Deployment] : TCP 8080 is forbidden by baseline rule web-never-reaches-catalog (fixtures/baseline/example-app-rules.yaml:2); not synthesized (link from fixtures/example-app/manifests/frontend/web.yaml:23',
    );
    expect(r.stdout).not.toContain('egress[0] -> backend/catalog[Deployment] TCP 8080: fixtures/example-app/manifests/frontend/web.yaml');
    expect(r.stdout).toContain('ingress[1] <- backend/orders[Deployment] TCP 9100: baseline rule monitoring-scrapes-payments fixtures/baseline/example-app-rules.yaml:7');
    // and the synthesized policies satisfy the rules, for both engines (the app's own policies left out)
    const dir = tempDir();
    cpSync('fixtures/example-app/manifests', path.join(dir, 'app'), { recursive: true, filter: (f) => !f.endsWith('network-policies.yaml') });
    const out = path.join(dir, 'policies.yaml');
    expect(runCli(['synthesize', path.join(dir, 'app'), '--baseline', rules('example-app-rules.yaml'), '-o', out]).code).toBe(0);
    const check = runCli(['baseline', path.join(dir, 'app'), out, '--baseline', rules('example-app-rules.yaml'), '--engine', 'both'], { env: { NCA_PATH: nca } });
    expect(check.stdout).toMatch(/passed/);
    expect(check.code).toBe(0);
  });

  it('a rule file with errors: no policies written, exit 2', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'r.yaml'), '- name: x\n  port_min: 0\n');
    const r = runCli(['synthesize', path.resolve('fixtures/example-app/manifests'), '--baseline', 'r.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/r\.yaml:2:\d+ \[doc 1\] error NPC100 \[0\]\.port_min/);
  });
});
