import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffConnectivity } from '../../src/connectivity/diff.js';
import { PolicyEngine } from '../../src/connectivity/engine.js';
import { explainDiff } from '../../src/connectivity/explain.js';
import { loadManifests } from '../../src/manifests/load.js';
import { MERMAID_EDGE_CAP, renderDiffCsv, renderDiffJson, renderDiffMd, renderDiffMermaid, renderDiffTxt, type DiffReport } from '../../src/report/diff.js';
import { lines, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * The diff renderers on a small, fully worked example: an ANP that passes team-b to the
 * NetworkPolicies of team-a, a NetworkPolicy whose port changes (8080 -> 9090), a new egress
 * policy on the server, and a new workload. The Markdown is the PR comment: its summary, sections,
 * sentences, verdict chains and file:line references are checked line by line, and the CLI must
 * print the same bytes as the library.
 */
afterAll(cleanupTempDirs);

type Files = { path: string; text: string }[];

const deployment = (ns: string, name: string, ports = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: main
          image: example/${name}:1
${ports}`;

const WORKLOADS = [
  deployment('team-a', 'server', '          ports: [{containerPort: 8080}, {containerPort: 9090}]\n'),
  deployment('team-b', 'client'),
  deployment('team-c', 'intruder'),
  deployment('team-c', 'bystander'),
].join('---\n');

// Line 13 is the Pass rule; line 28 the Deny rule.
const ANP = `# Priority 10 passes team-b to the NetworkPolicies of team-a;
# priority 20 denies every other namespace.
#
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: pass-team-b}
spec:
  priority: 10
  subject:
    namespaces:
      matchLabels: {kubernetes.io/metadata.name: team-a}
  ingress:
    - name: pass-from-team-b
      action: Pass
      from:
        - namespaces:
            matchLabels: {kubernetes.io/metadata.name: team-b}
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: deny-other-namespaces}
spec:
  priority: 20
  subject:
    namespaces:
      matchLabels: {kubernetes.io/metadata.name: team-a}
  ingress:
    - name: deny-outside-team-a
      action: Deny
      from:
        - namespaces:
            matchExpressions:
              - {key: kubernetes.io/metadata.name, operator: NotIn, values: [team-a]}
`;

// Line 8 is the rule.
const np = (port: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-from-any-namespace, namespace: team-a}
spec:
  podSelector:
    matchLabels: {app: server}
  ingress:
    - from:
        - namespaceSelector: {}
      ports:
        - port: ${port}
`;

// Takes part in no changed pair: it must not be listed.
const BYSTANDER = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: bystander-from-team-c, namespace: team-c}
spec:
  podSelector:
    matchLabels: {app: bystander}
  ingress:
    - from:
        - podSelector: {}
`;

// Line 9 is the rule.
const SERVER_EGRESS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-egress, namespace: team-a}
spec:
  podSelector:
    matchLabels: {app: server}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels: {kubernetes.io/metadata.name: team-b}
`;

const BASE: Files = [
  { path: 'base/anp.yaml', text: ANP },
  { path: 'base/bystander.yaml', text: BYSTANDER },
  { path: 'base/np.yaml', text: np(8080) },
  { path: 'base/workloads.yaml', text: WORKLOADS },
];
const HEAD: Files = [
  { path: 'head/anp.yaml', text: ANP },
  { path: 'head/bystander.yaml', text: BYSTANDER },
  { path: 'head/np.yaml', text: np(9090) },
  { path: 'head/server-egress.yaml', text: SERVER_EGRESS },
  { path: 'head/workloads.yaml', text: `${WORKLOADS}---\n${deployment('team-b', 'newbie')}` },
];

/** The report as the CLI builds it. */
function buildReport(before: Files, after: Files, refs: DiffReport['refs'] = { before: 'base', after: 'head' }): DiffReport {
  const side = (files: Files) => {
    const load = loadManifests(files);
    const engine = new PolicyEngine(load.cluster);
    expect([...load.diagnostics, ...engine.diagnostics].filter((d) => d.severity !== 'info')).toEqual([]);
    return engine;
  };
  const b = side(before);
  const a = side(after);
  const diff = diffConnectivity(b.connectivity(), a.connectivity());
  const explanations = explainDiff(b, a, diff);
  return { diff, explanations, refs };
}

function writeFiles(dir: string, files: Files): void {
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
}

/** The `why` block under the list item that starts with `item`. */
function whyBlock(md: string, item: string): string[] {
  const all = md.split('\n');
  const start = all.findIndex((l) => l.startsWith(item));
  expect(start, item).toBeGreaterThanOrEqual(0);
  expect(all[start + 1]).toBe('  <details><summary>why</summary>');
  const end = all.indexOf('  </details>', start);
  return all.slice(start + 2, end).filter((l) => l !== '');
}

const report = buildReport(BASE, HEAD);
const md = renderDiffMd(report);
const W = (ns: string, name: string) => `\`${ns}/${name}[Deployment]\``;
const EXT = '`0.0.0.0-255.255.255.255[External]`';
const NEWBIE_INFO = '_(workload team\\-b/newbie\\[Deployment\\] added)_';

describe('md: the PR comment', () => {
  it('header, refs, summary counts and workloads', () => {
    const all = md.split('\n');
    expect(all.slice(0, 9)).toEqual([
      '### netpol-ci: connectivity diff',
      '',
      '`base` → `head`',
      '',
      '**9 added · 2 removed · 1 changed**',
      '',
      'Workloads added: `team-b/newbie[Deployment]`; removed: none.',
      '',
      'Policy files that changed the answer: `base/np.yaml`, `head/anp.yaml`, `head/np.yaml`, `head/server-egress.yaml`',
    ]);
    const count = (k: string) => report.diff.entries.filter((e) => e.kind === k).length;
    expect([count('added'), count('removed'), count('changed')]).toEqual([9, 2, 1]);
  });

  it('"Policy files that changed the answer" lists exactly the files of the verdicts', () => {
    const fromSteps = new Set<string>();
    for (const x of report.explanations ?? [])
      for (const side of [x.before, x.after]) for (const s of [...(side?.egress ?? []), ...(side?.ingress ?? [])]) if (s.at) fromSteps.add(s.at.file);
    expect([...fromSteps].sort()).toEqual(['base/anp.yaml', 'base/np.yaml', 'head/anp.yaml', 'head/np.yaml', 'head/server-egress.yaml']);
    // the bystander's policy and the workload files take part in no changed verdict
    expect(md).not.toContain('bystander.yaml');
    expect(md).not.toContain('workloads.yaml');
  });

  it('sections in order, with their counts', () => {
    expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual(['### netpol-ci: connectivity diff', '#### Newly allowed (9)', '#### No longer allowed (2)', '#### Changed (1)']);
  });

  it('one sentence per entry: now allowed / no longer allowed / now also … no longer …', () => {
    expect(md.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      `- ${EXT} → ${W('team-b', 'newbie')}: now allowed \`All Connections\` ${NEWBIE_INFO}`,
      `- ${W('team-a', 'server')} → ${W('team-b', 'newbie')}: now allowed \`All Connections\` ${NEWBIE_INFO}`,
      `- ${W('team-b', 'client')} → ${W('team-b', 'newbie')}: now allowed \`All Connections\` ${NEWBIE_INFO}`,
      `- ${W('team-b', 'newbie')} → ${EXT}: now allowed \`All Connections\` ${NEWBIE_INFO}`,
      `- ${W('team-b', 'newbie')} → ${W('team-a', 'server')}: now allowed \`TCP 9090\` ${NEWBIE_INFO}`,
      `- ${W('team-b', 'newbie')} → ${W('team-b', 'client')}: now allowed \`All Connections\` ${NEWBIE_INFO}`,
      `- ${W('team-b', 'newbie')} → ${W('team-c', 'intruder')}: now allowed \`All Connections\` ${NEWBIE_INFO}`,
      `- ${W('team-c', 'bystander')} → ${W('team-b', 'newbie')}: now allowed \`All Connections\` ${NEWBIE_INFO}`,
      `- ${W('team-c', 'intruder')} → ${W('team-b', 'newbie')}: now allowed \`All Connections\` ${NEWBIE_INFO}`,
      `- ${W('team-a', 'server')} → ${EXT}: no longer allowed (was \`All Connections\`)`,
      `- ${W('team-a', 'server')} → ${W('team-c', 'intruder')}: no longer allowed (was \`All Connections\`)`,
      `- ${W('team-b', 'client')} → ${W('team-a', 'server')}: now also \`TCP 9090\`; no longer \`TCP 8080\` (was \`TCP 8080\`, now \`TCP 9090\`)`,
    ]);
  });

  it('a change that only adds ports says "now also", one that only removes says "no longer"', () => {
    const both: Files = BASE.map((f) => (f.path === 'base/np.yaml' ? { ...f, text: np(8080).replace('- port: 8080', '- port: 8080\n        - port: 9090') } : f));
    const items = (r: DiffReport) => renderDiffMd(r).split('\n').filter((l) => l.startsWith('- '));
    expect(items(buildReport(BASE, both))).toEqual([`- ${W('team-b', 'client')} → ${W('team-a', 'server')}: now also \`TCP 9090\` (was \`TCP 8080\`, now \`TCP 8080,9090\`)`]);
    expect(items(buildReport(both, BASE))).toEqual([`- ${W('team-b', 'client')} → ${W('team-a', 'server')}: no longer \`TCP 9090\` (was \`TCP 8080,9090\`, now \`TCP 8080\`)`]);
  });

  it('why: an [ANP] Deny on the old side, the rule that allows on the new side', () => {
    // the Deny ANP is deleted: team-c (intruder and bystander) now reaches the server through the NetworkPolicy
    const noDeny: Files = BASE.map((f) => (f.path === 'base/anp.yaml' ? { ...f, text: ANP.slice(0, ANP.indexOf('---\n')) } : f));
    const r = buildReport(BASE, noDeny);
    const text = renderDiffMd(r);
    expect(text.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      `- ${W('team-c', 'bystander')} → ${W('team-a', 'server')}: now allowed \`TCP 8080\``,
      `- ${W('team-c', 'intruder')} → ${W('team-a', 'server')}: now allowed \`TCP 8080\``,
    ]);
    expect(text).toContain('Policy files that changed the answer: `base/anp.yaml`, `base/np.yaml`\n');
    expect(whyBlock(text, `- ${W('team-c', 'intruder')} → ${W('team-a', 'server')}:`)).toEqual([
      '  - before (`base`): `No Connections`',
      '    - source egress: `[default] Allow`',
      '      - [default] Allow `All Connections`: no policy applies',
      '    - destination ingress: `[ANP] Deny`',
      '      - [ANP] Deny `All Connections`: `AdminNetworkPolicy deny-other-namespaces` ingress rule 0 `deny-outside-team-a` at `base/anp.yaml:28`',
      '  - after (`head`): `TCP 8080`',
      '    - source egress: `[default] Allow`',
      '      - [default] Allow `All Connections`: no policy applies',
      '    - destination ingress: `[NP] Allow -> [NP] Isolated`',
      '      - [NP] Allow `TCP 8080`: `NetworkPolicy team-a/server-from-any-namespace` ingress rule 0 at `base/np.yaml:8`',
      '      - [NP] Isolated `SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535`: `NetworkPolicy team-a/server-from-any-namespace` at `base/np.yaml:1`',
    ]);
  });

  it('no change: one line, no sections', () => {
    const same = buildReport(BASE, BASE.map((f) => ({ ...f, path: f.path.replace('base/', 'head/') })));
    expect(same.diff.entries).toEqual([]);
    expect(renderDiffMd(same)).toBe('### netpol-ci: connectivity diff\n\n`base` → `head`\n\n**No connectivity change.**\n');
    expect(renderDiffMermaid(same)).toBe('graph LR\n');
    expect(renderDiffTxt(same)).toBe('Connectivity diff:\n');
    expect(renderDiffCsv(same)).toBe('diff-type,source,destination,ref1,ref2,workloads-diff-info\n');
  });
});

describe('mermaid: changed edges only, capped', () => {
  it('colours by kind, one linkStyle per edge', () => {
    const text = renderDiffMermaid(report);
    const edges = lines(text).filter((l) => l.includes('-->'));
    expect(edges).toHaveLength(report.diff.entries.length);
    expect(edges[0]).toBe('  n0["team-b/client[Deployment]"] -->|"TCP 8080 to TCP 9090"| n1["team-a/server[Deployment]"]');
    expect(edges).toContain('  n1["team-a/server[Deployment]"] -->|"removed: All Connections"| n4["team-c/intruder[Deployment]"]');
    expect(edges).toContain('  n3["team-b/newbie[Deployment]"] -->|"added: TCP 9090"| n1["team-a/server[Deployment]"]');
    const styles = lines(text).filter((l) => l.startsWith('  linkStyle'));
    expect(styles).toEqual(
      report.diff.entries.map((e, i) => `  linkStyle ${i} stroke:${e.kind === 'added' ? '#2da44e' : e.kind === 'removed' ? '#cf222e' : '#bf8700'},stroke-width:2px`),
    );
    expect(text).not.toContain('more changed edges');
  });

  // 14 new workloads in an open cluster: 2·14 external + 2·14·2 with the old ones + 14·13 among themselves
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => deployment('crowd', `w${String(i).padStart(2, '0')}`))
      .map((d) => `---\n${d}`)
      .join('');
  const small: Files = [{ path: 'base/app.yaml', text: [deployment('a', 'one'), deployment('a', 'two')].join('---\n') }];
  const big: Files = [{ path: 'head/app.yaml', text: [deployment('a', 'one'), deployment('a', 'two')].join('---\n') + many(14) }];
  const crowded = buildReport(small, big);

  it(`caps at ${MERMAID_EDGE_CAP} edges and says how many were left out`, () => {
    expect(MERMAID_EDGE_CAP).toBe(60);
    const total = 2 * 14 + 2 * 14 * 2 + 14 * 13;
    expect(crowded.diff.entries).toHaveLength(total);
    const text = renderDiffMermaid(crowded);
    const all = lines(text);
    expect(all.filter((l) => l.includes('-->'))).toHaveLength(60);
    expect(all.filter((l) => l.startsWith('  linkStyle'))).toHaveLength(60);
    expect(all.filter((l) => l.startsWith('  linkStyle')).at(-1)).toBe('  linkStyle 59 stroke:#2da44e,stroke-width:2px');
    expect(all.at(-1)).toBe(`  more["${total - 60} more changed edges not shown"]`);
    // exactly 60 entries: no note
    const sixty = { ...crowded, diff: { ...crowded.diff, entries: crowded.diff.entries.slice(0, 60) } };
    expect(renderDiffMermaid(sixty)).not.toContain('more changed edges');
    expect(lines(renderDiffMermaid(sixty)).filter((l) => l.includes('-->'))).toHaveLength(60);
    // an explicit cap
    expect(lines(renderDiffMermaid(crowded, 5)).filter((l) => l.includes('-->'))).toHaveLength(5);
    expect(renderDiffMermaid(crowded, 5)).toContain(`  more["${total - 5} more changed edges not shown"]`);
  });

  it('the CLI prints the same capped graph', () => {
    const dir = tempDir('netpol-ci-mermaid-');
    writeFiles(dir, [...small, ...big]);
    const r = runCli(['diff', 'base', 'head', '--format', 'mermaid'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(renderDiffMermaid(crowded));
  });
});

describe('the CLI prints what the library renders, byte for byte, run after run', () => {
  const dir = tempDir('netpol-ci-md-');
  writeFiles(dir, [...BASE, ...HEAD]);
  const expected: Record<string, string> = {
    txt: renderDiffTxt(report),
    json: renderDiffJson(report),
    csv: renderDiffCsv({ diff: report.diff, refs: report.refs }),
    md,
    mermaid: renderDiffMermaid(report),
  };

  it.each(Object.keys(expected))('%s', (format) => {
    const first = runCli(['diff', 'base', 'head', '--format', format], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(expected[format]);
    const second = runCli(['diff', 'base', 'head', '--format', format], { cwd: dir });
    expect(second.stdout).toBe(first.stdout);
  });

  it('the library is deterministic too (a fresh analysis renders the same bytes)', () => {
    const again = buildReport(BASE, HEAD);
    expect(renderDiffMd(again)).toBe(md);
    expect(renderDiffJson(again)).toBe(expected.json);
    expect(renderDiffMermaid(again)).toBe(expected.mermaid);
    // and input file order does not matter
    const shuffled = buildReport([...BASE].reverse(), [...HEAD].reverse());
    expect(renderDiffTxt(shuffled)).toBe(expected.txt);
    expect(renderDiffMd(shuffled)).toBe(md);
  });
});
