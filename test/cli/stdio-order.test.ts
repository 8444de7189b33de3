import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';

/**
 * stdout and stderr into one pipe (`2>&1 | tee log`, a CI step's log) that its reader drains
 * slowly: the report is written before the diagnostics, each line whole. A pipe write that waits
 * in the process's queue while the next stream's write goes out first would cut a report line
 * in two with a diagnostic in the middle.
 */
describe.runIf(process.platform === 'linux')('the report and the diagnostics through one slow pipe', () => {
  it('connectivity: every report line whole, then every diagnostic, as written', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'app'));
    // 300 unisolated Deployments: 89,700 report lines, megabytes through a 64 KiB pipe
    const deployments = Array.from({ length: 300 }, (_, i) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${i}, namespace: shop}\nspec: {template: {metadata: {labels: {app: app-${i}}}, spec: {containers: [{name: c, ports: [{containerPort: 8080}]}]}}}\n`);
    writeFileSync(path.join(dir, 'app', 'workloads.yaml'), deployments.join('---\n'));
    // 0.0.0.0/0 in a rule: a warning (NPC185) for each of 20 policies, written after the report
    const policies = Array.from({ length: 20 }, (_, i) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: out-${i}, namespace: other}\nspec: {podSelector: {}, egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]}\n`);
    writeFileSync(path.join(dir, 'app', 'policies.yaml'), policies.join('---\n'));
    const slow = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} connectivity ${JSON.stringify(path.join(dir, 'app'))} 2>&1 | (sleep 1; cat)`;
    const r = spawnSync('sh', ['-c', slow], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    const firstDiagnostic = lines.findIndex((l) => l.includes(' NPC'));
    expect(lines.length - firstDiagnostic).toBe(20);
    const report = lines.slice(0, firstDiagnostic);
    // 300 x 299 pairs of Deployments, and each Deployment to and from the one external range
    expect(report.filter((l) => /^shop\/app-\d+\[Deployment\] => shop\/app-\d+\[Deployment\] : All Connections$/.test(l))).toHaveLength(300 * 299);
    expect(report.filter((l) => /^(0\.0\.0\.0-255\.255\.255\.255\[External\] => shop\/app-\d+\[Deployment\]|shop\/app-\d+\[Deployment\] => 0\.0\.0\.0-255\.255\.255\.255\[External\]) : All Connections$/.test(l))).toHaveLength(600);
    expect(report).toHaveLength(300 * 299 + 600);
    for (const line of lines.slice(firstDiagnostic)) expect(line).toMatch(/ warning NPC185 spec\.egress\[0\]: 0\.0\.0\.0\/0 also covers pod addresses/);
  });
});

describe.runIf(process.platform === 'linux')('a reader that stops reading', () => {
  it('`connectivity | head -1`: the first line, no stack trace, the run\'s own exit code', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'app'));
    const deployments = Array.from({ length: 200 }, (_, i) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${i}, namespace: shop}\nspec: {template: {metadata: {labels: {app: app-${i}}}, spec: {containers: [{name: c}]}}}\n`);
    writeFileSync(path.join(dir, 'app', 'workloads.yaml'), deployments.join('---\n'));
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} connectivity ${JSON.stringify(path.join(dir, 'app'))} | head -1; echo "exit \${PIPESTATUS[0]}" >&2`;
    const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^\S+ => \S+ : All Connections\n$/);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(r.stderr.trim()).toBe('exit 0');
  });
});
