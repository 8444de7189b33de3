import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * `verify --traffic`: observed links are needs. The example app's own policies allow fraud-check's
 * calls to the scoring API (203.0.113.0/24:443), which no manifest states: without the trace that
 * rule is excess; with the trace (and the alias naming the block) it is needed and allowed, and
 * with the rule removed exactly that observed link is missing.
 */

afterAll(cleanupTempDirs);

const EX = 'fixtures/traffic/example-app';
const TRACE = `${EX}/traces/gadget-network.ndjson`;
const TRAFFIC = ['--traffic', TRACE, '--cluster-snapshot', `${EX}/snapshot`, '--cidr-aliases', `${EX}/cidr-aliases.yaml`];
const SCORING = { src: 'payments/fraud-check[Deployment]', dst: '203.0.113.0-203.0.113.255[External]' };

type Finding = { src: string; dst: string; blocked?: string; excess?: string; needed_by?: { kind: string; text?: string }[] };
type Json = { summary: { missing: number; excess: number }; missing: Finding[]; excess: Finding[] };

/** The example app split as verify reads it: workloads in app/, the committed policies in policies/ (one file per namespace). */
function exampleApp(): { app: string; policies: string } {
  const dir = tempDir('netpol-ci-verify-traffic-');
  const app = path.join(dir, 'app');
  const policies = path.join(dir, 'policies');
  cpSync(path.join(REPO_ROOT, 'fixtures/example-app/manifests'), app, { recursive: true });
  mkdirSync(policies);
  for (const ns of ['backend', 'frontend', 'payments']) renameSync(path.join(app, ns, 'network-policies.yaml'), path.join(policies, `${ns}.yaml`));
  return { app, policies };
}

function verifyJson(app: string, policies: string, ...flags: string[]): { code: number; json: Json; stderr: string } {
  const r = runCli(['verify', app, '--policies', policies, '--format', 'json', ...flags]);
  return { code: r.code, json: JSON.parse(r.stdout) as Json, stderr: r.stderr };
}

const pair = (f: Finding) => ({ src: f.src, dst: f.dst });

describe('verify --traffic: observed links are needs', () => {
  it('without the trace the scoring-API rule is excess; with it, nothing is missing or excess', () => {
    const { app, policies } = exampleApp();
    const plain = verifyJson(app, policies);
    expect(plain.code).toBe(1);
    expect(plain.json.missing).toEqual([]);
    expect(plain.json.excess.map(pair)).toEqual([SCORING]);

    const observed = verifyJson(app, policies, ...TRAFFIC);
    expect(observed.json.summary).toEqual(expect.objectContaining({ missing: 0, excess: 0 }));
    expect(observed.code).toBe(0);
    // the trace's one address in no alias block cannot be checked: a warning, never dropped silently
    expect(observed.stderr).toBe(
      `${TRACE}:15 warning NPC163 observed backend/orders[Deployment] -> 198.51.100.7-198.51.100.7[External] : TCP 443 (x1) is not allowed: 198.51.100.7 is no pod or Service of the snapshot and in no --cidr-aliases block (name its block in --cidr-aliases, or add a reviewed link)\n`,
    );
  });

  it('with the rule removed, exactly the observed link is missing, with the trace as the need', () => {
    const { app, policies } = exampleApp();
    const file = path.join(policies, 'payments.yaml');
    const text = readFileSync(file, 'utf8');
    const rule = ['  egress:', '    - to:', '        - ipBlock:', '            cidr: 203.0.113.0/24', '      ports:', '        - {protocol: TCP, port: 443}'].join('\n');
    expect(text).toContain(rule);
    writeFileSync(file, text.replace(rule, '  egress: []'));

    const r = verifyJson(app, policies, ...TRAFFIC);
    expect(r.code).toBe(1);
    expect(r.json.excess).toEqual([]);
    expect(r.json.missing.map((f) => ({ ...pair(f), blocked: f.blocked }))).toEqual([{ ...SCORING, blocked: 'TCP 443' }]);
    expect(r.json.missing[0]?.needed_by?.map((n) => n.kind)).toEqual(['trace']);
    expect(JSON.stringify(r.json.missing[0]?.needed_by)).toContain(`trace ${TRACE}:8`);

    // the same policies without the trace: nothing states the link, so nothing is missing
    const plain = verifyJson(app, policies);
    expect(plain.json.summary).toEqual(expect.objectContaining({ missing: 0, excess: 0 }));
  });

  it('--fix with the trace writes policies that allow the observed link, and verifies clean', () => {
    const { app, policies } = exampleApp();
    const r = runCli(['verify', app, '--policies', policies, '--fix', '-q', ...TRAFFIC]);
    expect(r.code).toBe(0);
    const written = readFileSync(path.join(policies, 'payments.yaml'), 'utf8');
    expect(written).toContain('cidr: 203.0.113.0/24');
    expect(verifyJson(app, policies, ...TRAFFIC).json.summary).toEqual(expect.objectContaining({ missing: 0, excess: 0 }));
  });

  it('--traffic with cluster drift checks the observed links against both sides (test/cli/traffic-cluster.test.ts); its companions need it', () => {
    const { app, policies } = exampleApp();
    const withExport = runCli(['verify', '--cluster-export', app, '--policies', policies, '--traffic', TRACE]);
    expect(withExport.stdout).toMatch(/^Observed traffic: \d+ links, \d+ blocked/m);
    expect(withExport.code).not.toBe(2);
    const orphan = runCli(['verify', app, '--policies', policies, '--cidr-aliases', `${EX}/cidr-aliases.yaml`]);
    expect(orphan.code).toBe(2);
    expect(orphan.stderr).toContain('--cidr-aliases needs --traffic FILE');
  });
});
