import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { Codes } from '../../src/diagnostics/diagnostic.js';
import type { LintFinding } from '../../src/connectivity/lint.js';
import { nodeIo } from '../../src/io/node-io.js';
import { ConnectionSet } from '../../src/model/connection-set.js';
import { runCheck, type CheckOutcome } from '../../src/pipeline/check.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { fitSections, FULL_REPORT_POINTER, type Section } from '../../src/report/check/budget.js';
import { buildMarker, parseMarker } from '../../src/report/check/marker.js';
import { renderCheckMd } from '../../src/report/check/md.js';
import { renderCheckJson } from '../../src/report/check/json.js';
import { renderCheckTxt } from '../../src/report/check/txt.js';
import { makePr, replace, type Pr } from '../helpers/pr.js';

const BOUTIQUE = 'fixtures/check/boutique/base';
const POLICIES = 'policies/network-policies.yaml';
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const prs: Pr[] = [];
afterAll(() => {
  for (const p of prs) p.dispose();
});

/** Adopting policies on the boutique app: the largest report of the fixtures (about 45 KB). */
function adoption(): CheckOutcome {
  const withPolicies = makePr(BOUTIQUE, {});
  const without = makePr(BOUTIQUE, { [POLICIES]: () => null });
  prs.push(withPolicies, without);
  return runCheck(nodeIo(), { kind: 'paths', base: without.head, head: withPolicies.head }, DEFAULT_READ_SETTINGS);
}

/** Fences and `<details>` balanced: a cut never leaves a block open. */
function balanced(md: string): boolean {
  let fence = false;
  let details = 0;
  for (const l of md.split('\n')) {
    const t = l.trim();
    if (t.startsWith('```')) fence = !fence;
    else if (!fence) details += (t.match(/<details>/g) ?? []).length - (t.match(/<\/details>/g) ?? []).length;
    if (details < 0) return false;
  }
  return !fence && details === 0;
}

describe('marker', () => {
  test('round trip, with a key that needs encoding and a head SHA', () => {
    const m = buildMarker({ key: 'PR check / netpol', sha: 'A1B2C3D4E5F60718293a4b5c6d7e8f9012345678', truncated: true });
    expect(m).toBe('<!-- netpol-ci:check v1 key=PR%20check%20%2F%20netpol sha=a1b2c3d4e5f60718293a4b5c6d7e8f9012345678 truncated=true -->');
    expect(parseMarker(`${m}\n### body`)).toEqual({ version: 1, key: 'PR check / netpol', sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', truncated: true });
  });

  test('no SHA (folders) reads sha=none; a non-hex SHA is not written', () => {
    expect(parseMarker(buildMarker({ key: 'k', truncated: false }))).toEqual({ version: 1, key: 'k', truncated: false });
    expect(buildMarker({ key: 'k', sha: 'main; rm -rf', truncated: false })).toContain('sha=none');
  });

  test('bodies without a marker, or with a malformed one, have none', () => {
    expect(parseMarker('### netpol-ci check')).toBeUndefined();
    expect(parseMarker('<!-- netpol-ci:check v1 key=k sha=xyz truncated=false -->')).toBeUndefined();
    expect(parseMarker('<!-- netpol-ci:check v1 key=%E0%A4%A sha=none truncated=false -->')).toBeUndefined();
  });

  test('property: any key and SHA round-trip', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.stringMatching(/^[0-9a-f]{40}$/), { nil: undefined }), fc.boolean(), (key, sha, truncated) => {
        const m = buildMarker({ key, ...(sha ? { sha } : {}), truncated });
        expect(m.split('\n')).toHaveLength(1);
        expect(parseMarker(m)).toEqual({ version: 1, key, ...(sha ? { sha } : {}), truncated });
      }),
    );
  });
});

describe('byte budget', () => {
  test('sections that fit are kept whole; the first that does not is cut at a line, the rest named', () => {
    const sections: Section[] = [
      { title: 'A', lines: ['#### A', ...Array.from({ length: 10 }, (_, i) => `- a${i}`)] },
      { title: 'B', lines: ['#### B', '<details><summary>x</summary>', '', ...Array.from({ length: 400 }, (_, i) => `- b${i} ${'é'.repeat(20)}`), '', '</details>'] },
      { title: 'C', lines: ['#### C', '- c'] },
    ];
    const r = fitSections(['# head'], sections, 4000);
    expect(r.truncated).toBe(true);
    expect(bytes(r.text)).toBeLessThanOrEqual(4000);
    expect(r.text).toContain('- a9\n');
    expect(r.text).toMatch(/> \*\*Report cut to fit a comment\*\* \(4000 bytes\): \d+ more lines of \*B\* and the sections \*C\* omitted/);
    expect(r.text).toContain(FULL_REPORT_POINTER);
    expect(balanced(r.text)).toBe(true);
    expect(r.text).not.toContain('#### C');
  });

  test('everything fits: untouched', () => {
    const r = fitSections(['# head'], [{ title: 'A', lines: ['- a'] }], 1000);
    expect(r).toEqual({ text: '# head\n\n- a\n', truncated: false });
  });

  test('a Mermaid fence is never cut in half', () => {
    const graph: Section = { title: 'Graph', lines: ['```mermaid', 'graph LR', ...Array.from({ length: 300 }, (_, i) => `  n${i} --> n${i + 1}`), '```'] };
    const r = fitSections(['# head'], [graph], 3000);
    expect(r.text).not.toContain('graph LR');
    expect(r.text).toContain('the sections *Graph* omitted');
    expect(balanced(r.text)).toBe(true);
  });

  test('property: within budget, balanced, and the head kept, for any sections', () => {
    const line = fc.oneof(fc.constantFrom('```', '```mermaid', '<details><summary>s</summary>', '</details>', ''), fc.string({ maxLength: 80 }).map((s) => s.replace(/[\n\r]/g, ' ')));
    // sections are well-formed on their own (the renderer only writes closed blocks)
    const section = fc.tuple(fc.nat({ max: 99 }), fc.array(line, { maxLength: 40 })).map(([i, ls]): Section => {
      const clean = ls.filter((l: string) => !l.startsWith('```') && !l.includes('details>'));
      return { title: `S${i}`, lines: [`#### S${i}`, '<details><summary>x</summary>', ...clean, '```', ...clean.slice(0, 3), '```', '</details>'] };
    });
    fc.assert(
      fc.property(fc.array(section, { maxLength: 8 }), fc.integer({ min: 1500, max: 20000 }), (sections, max) => {
        const r = fitSections(['# head', 'verdict'], sections, max);
        expect(bytes(r.text)).toBeLessThanOrEqual(max);
        expect(r.text.startsWith('# head\nverdict\n')).toBe(true);
        expect(balanced(r.text)).toBe(true);
        if (r.truncated) expect(r.text).toContain(FULL_REPORT_POINTER);
      }),
      { numRuns: 200 },
    );
  });

  test('the adoption report of the 12-workload app fits the default budget; a small budget cuts it at a section with the marker saying so', () => {
    const o = adoption();
    const full = renderCheckMd(o);
    expect(bytes(full)).toBeLessThanOrEqual(60_000);
    expect(parseMarker(full)?.truncated).toBe(false);
    expect(balanced(full)).toBe(true);
    const small = renderCheckMd(o, { maxBytes: 8000 });
    expect(bytes(small)).toBeLessThanOrEqual(8000);
    expect(parseMarker(small)?.truncated).toBe(true);
    expect(small).toContain(FULL_REPORT_POINTER);
    expect(balanced(small)).toBe(true);
    // the verdict and counts are always there
    expect(small.split('\n')[1]).toBe(full.split('\n')[1]);
  });
});

describe('determinism and formats', () => {
  test('two runs give byte-identical Markdown, text and JSON', () => {
    const render = (o: CheckOutcome) => [renderCheckMd(o), renderCheckTxt(o), renderCheckJson(o)];
    const a = render(adoption());
    const b = render(adoption());
    // the temporary folders differ between runs: compare with them masked
    const mask = (s: string) => s.replace(/\/tmp\/netpol-ci-pr-[A-Za-z0-9]+/g, '<tmp>');
    expect(a.map(mask)).toEqual(b.map(mask));
  });

  test('JSON carries the counts, groups with causes and files, and parses', () => {
    const pr = makePr(BOUTIQUE, { [POLICIES]: replace('matchLabels: {purpose: monitoring}', 'matchLabels: {purpose: observability}') });
    prs.push(pr);
    const o = runCheck(nodeIo(), { kind: 'paths', base: pr.base, head: pr.head }, DEFAULT_READ_SETTINGS);
    const data = JSON.parse(renderCheckJson(o));
    expect(data.summary).toMatchObject({ changes: 12, removed: 12, broken: 0 });
    expect(data.groups[0].causes).toMatchObject([{ kind: 'policy-edited', policy: 'NetworkPolicy boutique/allow-monitoring', files: [{ path: POLICIES }] }]);
    expect(data.groups[0].items[0]).toMatchObject({ kind: 'removed', src: 'monitoring/prometheus[Deployment]', before: 'TCP 9090', after: 'No Connections' });
  });
});

describe('baseline and drift slots', () => {
  test('rendered when present, in the order the issue asks: verdict, outside, baseline, drift, diff', () => {
    const pr = makePr(BOUTIQUE, { [POLICIES]: replace('            except: [10.0.0.0/8]\n', '') });
    prs.push(pr);
    const o = runCheck(nodeIo(), { kind: 'paths', base: pr.base, head: pr.head }, DEFAULT_READ_SETTINGS);
    const at = { file: `${pr.head}/${POLICIES}`, doc: 3, line: 44 };
    const withSlots: CheckOutcome = {
      ...o,
      baseline: { violations: [{ rule: 'no-internal-to-frontend', action: 'deny', src: '10.0.0.0/8', dst: 'boutique/frontend[Deployment]', conns: 'TCP 8080', at, engines: ['builtin', 'nca'] }] },
      drift: { findings: [{ kind: 'missing-rule', subject: 'boutique/adservice[Deployment]', message: 'ingress from frontend on TCP 9555 is needed but not allowed' }] },
    };
    const md = renderCheckMd(withSlots);
    expect(md.split('\n')[1]).toBe('### netpol-ci check: ⚠️ 1 baseline violation, 1 drift finding, opens 1 path from outside the cluster');
    expect(md).toContain('· **1 baseline violation** · **1 drift finding**');
    expect(md).toContain('- rule `no-internal-to-frontend` (deny): `10.0.0.0/8` → `boutique/frontend[Deployment]` on `TCP 8080` at `policies/network-policies.yaml:44` _(builtin, nca)_');
    expect(md).toContain('- missing\\-rule `boutique/adservice[Deployment]`: ingress from frontend on TCP 9555 is needed but not allowed');
    const order = ['#### Newly reachable from outside the cluster', '#### Baseline violations', '#### Drift', '#### Connectivity changes, by cause'].map((h) => md.indexOf(h));
    expect(order.every((x) => x > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // without the slots, no empty sections
    expect(renderCheckMd(o)).not.toContain('#### Baseline violations');
  });
});

describe('hostile input', () => {
  test('names and labels from manifests cannot add markup, links, mentions or break out of code', () => {
    const hostile = 'x`](https://evil.example)<img src=x onerror=alert(1)>@octocat|';
    const pr = makePr(BOUTIQUE, {
      'namespace.yaml': replace('labels: {purpose: monitoring}', `labels: {purpose: observability, note: ${JSON.stringify(hostile)}}`),
      'workloads/adservice.yaml': (t) => t.replace('labels: {app: adservice}', `labels: {app: adservice, "team@x": ${JSON.stringify(hostile)}}`),
    });
    prs.push(pr);
    const o = runCheck(nodeIo(), { kind: 'paths', base: pr.base, head: pr.head }, DEFAULT_READ_SETTINGS);
    const md = renderCheckMd(o);
    expect(md).toContain('labels of namespace `monitoring` changed');
    // the hostile value is shown, inert, inside a code span
    expect(md).toContain("note=x'](https://evil.example)<img src=x onerror=alert(1)>@octocat\u2223");
    for (const line of md.split('\n')) {
      if (line.startsWith('```') || line.startsWith('  n') || line.startsWith('graph ') || line.startsWith('  linkStyle')) continue;
      // outside code spans, nothing from the manifests remains active
      const outside = line.replace(/`[^`]*`/g, '');
      expect(outside).not.toMatch(/<img|evil\.example|@octocat/);
      expect((line.match(/`/g) ?? []).length % 2).toBe(0);
    }
  });
});

describe('lint and exposure sections', () => {
  const hostile = 'x`](https://evil.example)<img src=x onerror=alert(1)>@octocat|';
  /** A head-side finding at a real file of the outcome (so Locations knows it), with manifest-derived text. */
  const finding = (o: CheckOutcome, i: number, text = `rule ${i}`): LintFinding => {
    const file = [...o.files.entries()].find(([, info]) => info.side === 'head' && info.path === POLICIES)?.[0] as string;
    return { kind: 'redundant-rule', code: Codes.lintRedundantRule, policy: `NetworkPolicy boutique/${text}`, rule: 'ingress[0]', at: { file, doc: 1, line: 10 + i }, message: `NetworkPolicy boutique/${text} ingress[0] is redundant`, coveredBy: [`NetworkPolicy boutique/${text} ingress[1]`] };
  };

  test('lint goes after drift and before the diff; exposure lines in the outside section; real analyses on a real PR', () => {
    const pr = makePr(BOUTIQUE, { [POLICIES]: replace('            except: [10.0.0.0/8]\n', '') });
    prs.push(pr);
    const o = runCheck(nodeIo(), { kind: 'paths', base: pr.base, head: pr.head }, DEFAULT_READ_SETTINGS, { lint: true, exposure: true });
    expect(o.lint).toBeDefined();
    // the PR opens frontend to 10.0.0.0/8 (the except removed): exactly that range is widened, though head's
    // exposure names 0.0.0.0/0 as one range where base cut it in three
    expect(o.exposure?.widened.map((w) => [w.workload, w.peer, w.before.toString(), w.gained.toString()])).toEqual([['boutique/frontend[Deployment]', '10.0.0.0-10.255.255.255[External]', 'No Connections', 'TCP 8080']]);
    expect(renderCheckMd(o)).toContain('- `boutique/frontend[Deployment]` is now reachable from `10.0.0.0/8` on `TCP 8080`');
    const md = renderCheckMd({ ...o, drift: { findings: [] } });
    const order = ['#### Newly reachable from outside the cluster', 'Exposure widened (peers outside the manifests):', '#### Drift', '#### Policy sanity (lint): new in this PR', '#### Connectivity changes, by cause'].map((h) => md.indexOf(h));
    expect(order.every((x) => x > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(renderCheckMd(o)).toBe(md.replace('#### Drift\n\nNone.\n\n', '').replace(' · **0 drift findings**', ''));
    // the same outcome twice renders the same bytes
    const again = runCheck(nodeIo(), { kind: 'paths', base: pr.base, head: pr.head }, DEFAULT_READ_SETTINGS, { lint: true, exposure: true });
    expect(renderCheckMd(again)).toBe(renderCheckMd(o));
    expect(renderCheckJson(again)).toBe(renderCheckJson(o));
  });

  test('long lists fold; each finding links to its line at the head commit', () => {
    const pr = makePr(BOUTIQUE, {});
    prs.push(pr);
    const o = runCheck(nodeIo(), { kind: 'paths', base: pr.base, head: pr.head }, DEFAULT_READ_SETTINGS);
    const many: CheckOutcome = { ...o, commits: { base: 'a'.repeat(40), head: 'b'.repeat(40) }, lint: { findings: Array.from({ length: 9 }, (_, i) => finding(o, i)), existing: 0 } };
    const md = renderCheckMd(many, { blobBase: 'https://github.com/acme/shop' });
    expect(md).toContain('#### Policy sanity (lint): new in this PR\n\n<details><summary>9 findings</summary>');
    expect(md).toContain(`- [\`${POLICIES}:10\`](https://github.com/acme/shop/blob/${'b'.repeat(40)}/${POLICIES}#L10) \`NPC183\` redundant-rule:`);
    expect(balanced(md)).toBe(true);
    const few: CheckOutcome = { ...o, lint: { findings: [finding(o, 0)], existing: 2 } };
    expect(renderCheckMd(few)).toContain(`#### Policy sanity (lint): new in this PR\n\n- \`${POLICIES}:10\` \`NPC183\` redundant-rule: NetworkPolicy boutique/rule 0 ingress\\[0\\] is redundant (covered by \`NetworkPolicy boutique/rule 0 ingress[1]\`)\n\n_2 findings already on base not shown._`);
    expect(renderCheckMd({ ...o, lint: { findings: [], existing: 0 } })).toContain('#### Policy sanity (lint): new in this PR\n\nNone.');
  });

  test('names from manifests in lint findings and exposure peers stay inert', () => {
    const pr = makePr(BOUTIQUE, {});
    prs.push(pr);
    const o = runCheck(nodeIo(), { kind: 'paths', base: pr.base, head: pr.head }, DEFAULT_READ_SETTINGS);
    const tcp = ConnectionSet.port('TCP', 80);
    const withHostile: CheckOutcome = {
      ...o,
      lint: { findings: [finding(o, 0, hostile)], existing: 0 },
      exposure: { widened: [{ workload: `boutique/${hostile}[Deployment]`, peer: `[namespace with {team=${hostile}}]/[all pods]`, peerText: `[namespace with {team=${hostile}}]/[all pods]`, before: ConnectionSet.NONE, after: tcp, gained: tcp }] },
    };
    for (const line of renderCheckMd(withHostile).split('\n')) {
      if (line.startsWith('<!--')) continue;
      // escaped characters are inert; what is left outside code spans must hold nothing active
      const unescaped = line.replace(/\\./g, '');
      const outside = unescaped.replace(/`[^`]*`/g, '');
      expect(outside).not.toMatch(/<img|evil\.example\)|@octocat/);
      expect((unescaped.match(/`/g) ?? []).length % 2).toBe(0);
    }
    // txt keeps each finding on one line
    const txt = renderCheckTxt(withHostile);
    expect(txt.split('\n').filter((l) => l.includes('onerror'))).toHaveLength(2);
  });
});
