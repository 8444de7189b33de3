import { cpSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { tempDir } from './fixtures.js';
import type { ScanDoc } from './real-apps.js';
import { runWithTools } from './tools.js';

/** What the real-app tests check beyond a scan: verify against synthesized policies, and check on a pull request. */

export const gapLines = (doc: ScanDoc) => doc.gaps.map((g) => `${g.workload} ${g.direction} ${g.reason}${g.conns ? ` ${g.conns}` : ''}`);

/** synthesize into a folder, then verify the manifests against it: no drift (exit 0). */
export function expectVerifiesClean(app: string, flags: string[] = []): string {
  const dir = tempDir('netpol-ci-apps-verify-');
  const s = runWithTools(['synthesize', app, ...flags, '--output', `${dir}/`, '-q']);
  expect(s.code, s.stderr).toBe(0);
  const v = runWithTools(['verify', app, '--policies', dir, ...flags, '-q']);
  expect(v.stderr).toBe('');
  expect(v.stdout).toMatch(/^No drift: .* \(\d+ needed connections checked\)\.\n$/);
  expect(v.code).toBe(0);
  return dir;
}

export type CheckJson = {
  groups: { items: { kind: string; src: string; dst: string; after: string }[] }[];
  broken_links: { src: string; dst: string; missing: string }[];
  drift: { kind: string; subject: string }[];
};

/**
 * A pull request as a repository holds it: base = the app and the policies synthesized for it; head
 * = the changed app with the same (stale) policies, then with the policies synthesized again. check
 * runs the drift gate and lists the needed links the stale policies break; once the policies
 * follow, nothing is broken and the diff is what the change opens.
 */
export function prCheck(baseApp: string, headApp: string, flags: string[] = [], within: { base: string; head: string } = { base: '', head: '' }): { stale: CheckJson; staleCode: number; updated: CheckJson; updatedCode: number } {
  const dir = tempDir('netpol-ci-apps-check-');
  // `within`: the app is a folder of the copied tree (a Kustomize overlay needs its bases beside it)
  cpSync(baseApp, path.join(dir, 'base', 'app'), { recursive: true });
  cpSync(headApp, path.join(dir, 'head', 'app'), { recursive: true });
  const synth = (side: 'base' | 'head') => {
    const s = runWithTools(['synthesize', path.join(side, 'app', within[side]), ...flags, '--output', `${side}/policies/`, '-q'], { cwd: dir });
    expect(s.code, s.stderr).toBe(0);
  };
  synth('base');
  cpSync(path.join(dir, 'base', 'policies'), path.join(dir, 'head', 'policies'), { recursive: true });
  const check = () => runWithTools(['check', '--base', 'base', '--head', 'head', '--policies', 'head/policies', ...flags, '--fail-on', 'broken,drift', '--format', 'json'], { cwd: dir });
  const stale = check();
  synth('head');
  const updated = check();
  return { stale: JSON.parse(stale.stdout) as CheckJson, staleCode: stale.code, updated: JSON.parse(updated.stdout) as CheckJson, updatedCode: updated.code };
}

export const diffLines = (c: CheckJson) => c.groups.flatMap((g) => g.items.map((i) => `${i.kind} ${i.src} => ${i.dst} : ${i.after}`)).sort();
export const brokenLines = (c: CheckJson) => c.broken_links.map((b) => `${b.src} => ${b.dst} : ${b.missing}`).sort();
