import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { findHelm } from '../helpers/tools.js';

// More realistic pull requests (fixtures/prs/README.md), through `diff`. What each must report was
// written down from the Kubernetes semantics of the change before running it (the trimmed Online
// Boutique of fixtures/prs: default-deny in boutique, one policy per service, monitoring/prometheus
// admitted on 9090 to every boutique pod, the monitoring namespace without policies).

interface Entry {
  diff_type: string;
  src: string;
  dst: string;
  ref1: string;
  ref2: string;
  workloads_diff_info?: string;
}
interface Moved {
  from: string;
  to: string;
  how: string;
  changes: { src: string; dst: string; ref1: string; ref2: string }[];
}
interface DiffJson {
  added_workloads: string[];
  removed_workloads: string[];
  moved_workloads: Moved[];
  entries: Entry[];
}

const side = (pr: string, s: 'base' | 'head', sub = '') => `fixtures/prs/${pr}/${s}${sub}`;
const env = { HELM_PATH: findHelm() };

function diff(pr: string, format: string, sub = '', ...extra: string[]) {
  const r = runCli(['diff', side(pr, 'base', sub), side(pr, 'head', sub), '--format', format, ...extra], { env });
  expect(r.code, r.stderr).toBe(0);
  return r;
}
const json = (pr: string, sub = '') => JSON.parse(diff(pr, 'json', sub).stdout) as DiffJson;
const rows = (d: DiffJson) => d.entries.map((e) => `${e.diff_type} ${e.src} -> ${e.dst}: ${e.ref1} | ${e.ref2}`);
const W = (name: string) => `boutique/${name}[Deployment]`;
const PROMETHEUS = 'monitoring/prometheus[Deployment]';
const BOUTIQUE = ['cartservice', 'checkoutservice', 'currencyservice', 'emailservice', 'frontend', 'paymentservice', 'redis-cart'];

/** `a.b.c.d-e.f.g.h[External]` entries of one workload and direction, joined back into ranges. */
function externalRanges(d: DiffJson, workload: string, dir: 'from' | 'to', kind: string, ref1: string): string[] {
  const ip = (t: string) => t.split('.').reduce((a, b) => a * 256 + Number(b), 0);
  const spans = d.entries
    .filter((e) => e.diff_type === kind && e.ref1 === ref1 && (dir === 'from' ? e.dst === workload && e.src.endsWith('[External]') : e.src === workload && e.dst.endsWith('[External]')))
    .map((e) => (dir === 'from' ? e.src : e.dst).replace('[External]', '').split('-').map(ip) as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last[1] + 1 === s[0]) last[1] = s[1];
    else out.push([...s]);
  }
  const text = (n: number) => [24, 16, 8, 0].map((x) => Math.floor(n / 2 ** x) % 256).join('.');
  return out.map(([a, b]) => `${text(a)}-${text(b)}`);
}

describe('realistic pull requests through diff (more kinds)', () => {
  test('a policy split into three with the same meaning (ingress apart, egress in two, a matchExpressions for a matchLabels): no change, --exit-code 0', () => {
    const r = runCli(['diff', side('split-policy', 'base'), side('split-policy', 'head'), '--exit-code']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Connectivity diff:\n');
    expect(diff('split-policy', 'md').stdout).toContain('**No connectivity change.**');
  });

  test('a deny-all added in the monitoring namespace: prometheus loses 9090 to every boutique pod, and everything in and out with the outside', () => {
    const d = json('deny-all-namespace');
    expect(d.entries.every((e) => e.diff_type === 'removed' && e.ref2 === 'No Connections')).toBe(true);
    expect(rows(d).filter((r) => !r.includes('[External]'))).toEqual(BOUTIQUE.map((w) => `removed ${PROMETHEUS} -> ${W(w)}: TCP 9090 | No Connections`));
    // the namespace had no policy: prometheus talked with every address, both ways
    expect(externalRanges(d, PROMETHEUS, 'from', 'removed', 'All Connections')).toEqual(['0.0.0.0-255.255.255.255']);
    expect(externalRanges(d, PROMETHEUS, 'to', 'removed', 'All Connections')).toEqual(['0.0.0.0-255.255.255.255']);
    expect(d.moved_workloads).toEqual([]);
    expect(runCli(['diff', side('deny-all-namespace', 'base'), side('deny-all-namespace', 'head'), '--exit-code']).code).toBe(1);
  });

  test('an egress ipBlock narrowed from /24 to /25: payment loses exactly the upper half on 443', () => {
    expect(rows(json('narrow-ipblock'))).toEqual([`removed ${W('paymentservice')} -> 203.0.113.128-203.0.113.255[External]: TCP 443 | No Connections`]);
  });

  test('a workload renamed (same pods, same labels): one rename that keeps every connection, not three removed and three added pairs', () => {
    const d = json('rename-workload');
    const [before, after] = [W('currencyservice'), W('currency')];
    expect(d.moved_workloads).toEqual([{ from: before, to: after, how: 'name', changes: [] }]);
    // the entries stay netpol-analyzer's: each pair under the old name removed, under the new one added
    expect(rows(d).sort()).toEqual(
      [
        `added ${W('checkoutservice')} -> ${after}: No Connections | TCP 7000`,
        `added ${W('frontend')} -> ${after}: No Connections | TCP 7000`,
        `added ${PROMETHEUS} -> ${after}: No Connections | TCP 9090`,
        `removed ${W('checkoutservice')} -> ${before}: TCP 7000 | No Connections`,
        `removed ${W('frontend')} -> ${before}: TCP 7000 | No Connections`,
        `removed ${PROMETHEUS} -> ${before}: TCP 9090 | No Connections`,
      ].sort(),
    );
    const md = diff('rename-workload', 'md').stdout;
    expect(md).toContain(`- \`${before}\` → \`${after}\` (renamed): every connection kept`);
    expect(md).toContain('**3 added · 3 removed · 0 changed**');
    expect(md).not.toContain('#### Newly allowed');
    expect(md).not.toContain('#### No longer allowed');
    // no policy changed the answer: only the name did
    expect(md).not.toContain('Policy files that changed the answer');
  });

  test('a workload moved to another namespace: one move, with what it changed (open in a namespace without policies, checkout\'s same-namespace rule lost)', () => {
    const d = json('move-namespace');
    const email = 'mail/emailservice[Deployment]';
    expect(d.moved_workloads).toEqual([
      {
        from: W('emailservice'),
        to: email,
        how: 'namespace',
        changes: [
          { src: '0.0.0.0-255.255.255.255[External]', dst: email, ref1: 'No Connections', ref2: 'All Connections' },
          { src: W('checkoutservice'), dst: email, ref1: 'TCP 8080', ref2: 'No Connections' },
          { src: email, dst: '0.0.0.0-255.255.255.255[External]', ref1: 'No Connections', ref2: 'All Connections' },
          // monitoring has no policies and mail none either: both ways open
          { src: email, dst: PROMETHEUS, ref1: 'No Connections', ref2: 'All Connections' },
          { src: PROMETHEUS, dst: email, ref1: 'TCP 9090', ref2: 'All Connections' },
        ],
      },
    ]);
    const md = diff('move-namespace', 'md').stdout;
    expect(md).toContain(`- \`${W('emailservice')}\` → \`${email}\` (moved to another namespace): 5 of its connections change`);
    expect(md).toContain(`  - \`${PROMETHEUS}\` → \`${email}\`: now also \`SCTP 1-65535,TCP 1-9089,9091-65535,UDP 1-65535\` (was \`TCP 9090\`, now \`All Connections\`)`);
  });

  test('check reads the move too: json moved_workloads, and a comment section naming addresses by CIDR', () => {
    const args = ['check', '--base', side('move-namespace', 'base'), '--head', side('move-namespace', 'head')];
    const j = runCli([...args, '--format', 'json'], { env });
    const m = runCli([...args, '--format', 'md'], { env });
    expect([j.code, m.code]).toEqual([0, 0]);
    const email = 'mail/emailservice[Deployment]';
    const moved = (JSON.parse(j.stdout) as { moved_workloads: { from: string; to: string; how: string; changes: unknown[] }[] }).moved_workloads;
    expect(moved.map((x) => [x.from, x.to, x.how, x.changes.length])).toEqual([[W('emailservice'), email, 'namespace', 5]]);
    expect(m.stdout).toContain('#### Moved or renamed workloads');
    expect(m.stdout).toContain(`  - \`0.0.0.0/0\` → \`${email}\`: now allowed \`All Connections\``);
    expect(m.stdout).toContain(`  - \`${W('checkoutservice')}\` → \`${email}\`: no longer allowed (was \`TCP 8080\`)`);
  });

  test('a Kustomize overlay patch relabels the api pods: lock-api stops selecting them, web gains every port, the outside gets in', () => {
    expect(rows(json('kustomize-label', '/overlays/prod'))).toEqual([
      'changed prod/web[Deployment] -> prod/api[Deployment]: TCP 9090 | All Connections',
      'added 0.0.0.0-255.255.255.255[External] -> prod/api[Deployment]: No Connections | All Connections',
    ]);
  });

  test('a Helm values change enables a sidecar whose named port a policy already admits: the scraper newly reaches podinfo on 9102', () => {
    const r = diff('helm-sidecar-port', 'json');
    expect(rows(JSON.parse(r.stdout) as DiffJson)).toEqual(['added default/scraper[Deployment] -> default/podinfo[Deployment]: No Connections | TCP 9102']);
    // on the base side the name resolves to nothing, and says so
    expect(r.stderr).toContain('NPC014');
  });
});
