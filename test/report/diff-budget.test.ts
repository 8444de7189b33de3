import { describe, expect, it } from 'vitest';
import { diffConnectivity } from '../../src/connectivity/diff.js';
import { PolicyEngine } from '../../src/connectivity/engine.js';
import { explainDiff } from '../../src/connectivity/explain.js';
import { loadManifests } from '../../src/manifests/load.js';
import { renderDiffMd, type DiffReport } from '../../src/report/diff.js';

/**
 * A large diff in a comment: GitHub refuses bodies over 65,536 characters. With a byte budget the
 * Markdown leaves out the explanations first, then shows the first entries of each section (the
 * same number per section), each heading keeping its full count and each cut section saying how
 * many more there are; the summary counts are never cut.
 */
const pod = (ns: string, name: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${ns}, labels: {app: ${name}}}
spec: {containers: [{name: c, image: example/app:1, ports: [{containerPort: 80}]}]}
---
`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const pods = (ns: string, n: number) => range(n).map((i) => pod(ns, `p${i}`)).join('');
const policy = (ns: string, spec: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: ${ns}}
spec: ${spec}
---
`;

// base: everything open. head: namespace a admits only TCP 80 (changed), b denies all ingress
// (removed), and c is new (added)
const BASE = pods('a', 25) + pods('b', 25);
const HEAD = BASE + pods('c', 10) + policy('a', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {}}], ports: [{port: 80}]}]}') + policy('b', '{podSelector: {}, policyTypes: [Ingress]}');

function report(before: string, after: string): DiffReport {
  const [a, b] = [before, after].map((t) => new PolicyEngine(loadManifests([{ path: 'm.yaml', text: t }]).cluster)) as [PolicyEngine, PolicyEngine];
  const diff = diffConnectivity(a.connectivity(), b.connectivity());
  return { diff, refs: { before: 'base', after: 'head' }, explanations: explainDiff(a, b, diff) };
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const headings = (md: string) => md.split('\n').filter((l) => l.startsWith('#'));
const summary = (md: string) => md.split('\n').find((l) => /^\*\*\d+ added/.test(l));

describe('the diff comment within a byte budget', () => {
  const r = report(BASE, HEAD);
  const full = renderDiffMd(r);
  const BUDGET = 60_000;

  it('the example is large, and has all three sections', () => {
    expect(bytes(full)).toBeGreaterThan(10 * BUDGET);
    expect(headings(full).map((h) => h.replace(/\(\d+\)/, '(N)'))).toEqual(['### netpol-ci: connectivity diff', '#### Newly allowed (N)', '#### No longer allowed (N)', '#### Changed (N)']);
  });

  it('fits, keeps the summary counts and every section heading with its full count, and says how many entries are not shown', () => {
    const md = renderDiffMd(r, { maxBytes: BUDGET });
    expect(bytes(md)).toBeLessThanOrEqual(BUDGET);
    expect(summary(md)).toBe(summary(full));
    expect(headings(md)).toEqual(headings(full));
    expect(md).not.toContain('<details>');
    // per section: the entries shown plus "… and K more" make the heading's count
    const sections = md.split(/\n(?=#### )/).slice(1);
    for (const s of sections) {
      const total = Number(/\((\d+)\)/.exec(s)?.[1]);
      const shown = s.split('\n').filter((l) => l.startsWith('- `')).length;
      const more = Number(/^- _… and (\d+) more_$/m.exec(s)?.[1] ?? 0);
      expect(shown).toBeGreaterThan(0);
      expect(shown + more).toBe(total);
    }
    // the shown entries are the first of each section, as in the full report
    for (const l of md.split('\n').filter((x) => x.startsWith('- `'))) expect(full).toContain(`${l}\n`);
    expect(md).toContain('Cut to fit a comment');
    // the same bytes every time
    expect(renderDiffMd(report(BASE, HEAD), { maxBytes: BUDGET })).toBe(md);
  });

  it('explanations go first: a budget the entries fit in keeps every entry, without the verdict chains', () => {
    const plain = renderDiffMd(r, { maxBytes: bytes(full) - 1 });
    expect(plain).not.toContain('<details>');
    expect(plain).not.toContain('… and');
    expect(plain.split('\n').filter((l) => l.startsWith('- `'))).toEqual(full.split('\n').filter((l) => l.startsWith('- `')));
    expect(plain).toContain('Explanations left out to fit a comment');
  });

  it('a report within the budget is the same bytes as without one', () => {
    const small = report(pods('a', 2), pods('a', 2) + policy('a', '{podSelector: {}, policyTypes: [Ingress]}'));
    expect(renderDiffMd(small, { maxBytes: BUDGET })).toBe(renderDiffMd(small));
  });
});
