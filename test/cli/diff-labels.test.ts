import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, REPO_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, FIXTURES, tempDir } from '../helpers/fixtures.js';

afterAll(cleanupTempDirs);

const APP = path.join(FIXTURES, 'example-app', 'manifests');
const NAMESPACES = ['backend', 'frontend', 'payments'];

/**
 * Two policy folders alone (the example app's policies, and the same with payments-ingress now
 * on port 9090 instead of the named port http, which is 8080: orders loses payments) and a workloads folder without policies.
 */
function sides(): { before: string; after: string; workloads: string; full: string } {
  const root = tempDir('netpol-ci-diff-labels-');
  const before = path.join(root, 'before');
  const after = path.join(root, 'after');
  const workloads = path.join(root, 'workloads');
  for (const ns of NAMESPACES) {
    mkdirSync(path.join(before, ns), { recursive: true });
    mkdirSync(path.join(after, ns), { recursive: true });
    const text = readFileSync(path.join(APP, ns, 'network-policies.yaml'), 'utf8');
    writeFileSync(path.join(before, ns, 'network-policies.yaml'), text);
    writeFileSync(path.join(after, ns, 'network-policies.yaml'), ns === 'payments' ? text.replace('        - port: http\n', '        - port: 9090\n') : text);
  }
  cpSync(APP, workloads, { recursive: true, filter: (src) => !src.endsWith('network-policies.yaml') });
  // the full app with the after policies, for the reference answer
  const full = path.join(root, 'full');
  cpSync(APP, full, { recursive: true });
  cpSync(after, full, { recursive: true });
  return { before, after, workloads, full };
}

describe('diff --workloads: two policy folders over the workloads of a third path', () => {
  it('equals the diff of the two complete apps', () => {
    const s = sides();
    const r = runCli(['diff', s.before, s.after, '--workloads', s.workloads, '-q']);
    expect(r.code).toBe(0);
    const reference = runCli(['diff', APP, s.full, '-q']);
    expect(reference.code).toBe(0);
    expect(r.stdout).toBe(reference.stdout);
    expect(lines(r.stdout)).toEqual([
      'Connectivity diff:',
      'diff-type: removed, source: backend/orders[Deployment], destination: payments/payments[Deployment], ref1: TCP 8080, ref2: No Connections',
    ]);
  });

  it('without --workloads the policy folders alone have no workloads, so no diff', () => {
    const s = sides();
    expect(lines(runCli(['diff', s.before, s.after, '-q']).stdout)).toEqual(['Connectivity diff:']);
  });

  it('ignores the policies of the workloads path and the workloads of the sides, and says so', () => {
    const s = sides();
    const r = runCli(['diff', s.before, s.after, '--workloads', APP]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(2);
    expect(r.stderr).toContain(`warning NPC021 --workloads: 15 policy object(s) in ${APP} ignored; the policies come from the two sides`);
    const r2 = runCli(['diff', APP, s.full, '--workloads', s.workloads]);
    expect(r2.stderr).toContain(`warning NPC021 --workloads: 14 non-policy object(s) in ${APP} ignored; the workloads come from ${s.workloads}`);
    expect(lines(r2.stdout)).toEqual(lines(r.stdout));
  });

  it('refuses --workloads with --repo', () => {
    const r = runCli(['diff', '--repo', REPO_ROOT, '--base', 'HEAD', '--head', 'HEAD', '--workloads', APP]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workloads takes two policy paths, not --repo');
  });
});

describe('diff --label1/--label2 name the sides in every format', () => {
  const run = (format: string) => {
    const s = sides();
    const r = runCli(['diff', s.before, s.after, '--workloads', s.workloads, '--label1', 'Before', '--label2', 'After', '-f', format, '-q']);
    expect(r.code).toBe(0);
    return r.stdout;
  };
  it('txt', () => {
    expect(lines(run('txt'))[0]).toBe('Connectivity diff (ref1: Before, ref2: After):');
  });
  it('csv', () => {
    expect(lines(run('csv'))).toEqual([
      'diff-type,source,destination,Before,After,workloads-diff-info',
      'removed,backend/orders[Deployment],payments/payments[Deployment],TCP 8080,No Connections,',
    ]);
  });
  it('json', () => {
    expect((JSON.parse(run('json')) as { refs: unknown }).refs).toEqual({ before: 'Before', after: 'After' });
  });
  it('md', () => {
    expect(run('md')).toContain('`Before` → `After`');
    expect(run('md')).toContain('before (`Before`)');
  });
  it('mermaid', () => {
    expect(lines(run('mermaid')).slice(0, 4)).toEqual(['---', 'title: "Before → After"', '---', 'graph LR']);
  });
  it('without labels the formats are unchanged', () => {
    const s = sides();
    const r = runCli(['diff', s.before, s.after, '--workloads', s.workloads, '-f', 'csv', '-q']);
    expect(lines(r.stdout)[0]).toBe('diff-type,source,destination,ref1,ref2,workloads-diff-info');
  });
});
