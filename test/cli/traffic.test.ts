import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, REPO_ROOT, runCli, type CliResult } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * Observed traffic end to end, in-process: `scan --traffic` merges declared and observed links and
 * shows the two gap lists; `synthesize --traffic` allows what was observed with the trace as
 * provenance (the bundled example, and Istio's bookinfo whose links live in code); `links merge`
 * and `links validate` handle reviewed intent files.
 */

afterAll(cleanupTempDirs);

const APP = 'fixtures/example-app/manifests';
const EX = 'fixtures/traffic/example-app';
const MAIN = `${EX}/traces/gadget-network.ndjson`;
const WITH = ['--cluster-snapshot', `${EX}/snapshot`, '--cidr-aliases', `${EX}/cidr-aliases.yaml`];
const BOOKINFO = 'fixtures/traffic/bookinfo';

function ok(r: CliResult): string {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** The example app's workloads and Services without its hand-written policies: what synthesize starts from. */
function appWithoutPolicies(): string {
  const dir = tempDir('netpol-ci-traffic-app-');
  cpSync(path.join(REPO_ROOT, APP), dir, { recursive: true });
  for (const ns of ['backend', 'frontend', 'payments']) rmSync(path.join(dir, ns, 'network-policies.yaml'));
  return dir;
}

describe('scan --traffic on the example app', () => {
  it('txt: links marked declared/observed/both, then observed-not-declared, declared-never-observed, unresolved traffic and the noise line', () => {
    const out = ok(runCli(['scan', APP, '--traffic', MAIN, ...WITH]));
    expect(lines(out).filter((l) => !l.startsWith('    '))).toEqual([
      'backend/orders[Deployment] => backend/catalog[Deployment] : TCP 8080 [both]',
      'backend/orders[Deployment] => payments/payments[Deployment] : TCP 8080 [both]',
      'frontend/web[Deployment] => backend/catalog[Deployment] : TCP 8080 [both]',
      'frontend/web[Deployment] => backend/orders[Deployment] : TCP 8080 [both]',
      'payments/fraud-check[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443 [observed]',
      'payments/payments[Deployment] => payments/fraud-check[Deployment] : TCP 9000 [both]',
      '{ingress-controller} => frontend/web[Deployment] : TCP 8080 [both]',
      '',
      'unresolved:',
      '',
      // the scoring API's host name stays a gap: traffic shows addresses, never which host name they belong to
      'gaps (what the manifests cannot tell):',
      '',
      'observed, not declared (1):',
      '',
      'declared, never observed (0):',
      '',
      'unresolved traffic, not allowed until reviewed (1):',
      '',
      'traffic: 15 connection starts read; filtered 1 loopback, 1 node-local (kubelet probes), 2 DNS (synthesize allows DNS itself)',
    ]);
    expect(out).toContain(
      [
        'observed, not declared (1):',
        '    payments/fraud-check[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
        `        trace ${MAIN}:8 TCP 443 to alias scoring-api x2`,
      ].join('\n'),
    );
    expect(out).toContain(`    trace ${MAIN}:1 TCP 8080 via Service backend/catalog:8080 x3`);
    expect(out).toContain(
      `    ${MAIN}:15 backend/orders[Deployment] -> 198.51.100.7-198.51.100.7[External] : TCP 443 x1: 198.51.100.7 is no pod or Service of the snapshot and in no --cidr-aliases block`,
    );
  });

  it('a partial trace: the declared links it never shows are listed', () => {
    const r = runCli(['scan', APP, '--traffic', `${EX}/traces/trace-tcp.ndjson`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${EX}/traces/trace-tcp.ndjson:5 warning NPC162 skipped: failed connect (ECONNREFUSED)\n`);
    const section = r.stdout.slice(r.stdout.indexOf('declared, never observed'), r.stdout.indexOf('unresolved traffic'));
    expect(lines(section)).toEqual([
      'declared, never observed (4):',
      '    backend/orders[Deployment] => payments/payments[Deployment] : TCP 8080',
      '    frontend/web[Deployment] => backend/orders[Deployment] : TCP 8080',
      '    payments/payments[Deployment] => payments/fraud-check[Deployment] : TCP 9000',
      '    {ingress-controller} => frontend/web[Deployment] : TCP 8080',
      '',
    ]);
  });

  it('json: each link has its origin; trace evidence has file, line, count and first/last seen; traffic sections for the PR report', () => {
    const doc = JSON.parse(runCli(['scan', APP, '--traffic', `${EX}/traces/trace-tcp.ndjson`, '-f', 'json', '--quiet']).stdout);
    const web = doc.links.find((l: { src: string; dst: string }) => l.src === 'frontend/web[Deployment]' && l.dst === 'backend/catalog[Deployment]');
    expect(web.origin).toBe('both');
    expect(web.evidence[1]).toEqual({
      kind: 'trace',
      file: `${EX}/traces/trace-tcp.ndjson`,
      line: 1,
      event: 'TCP 8080 via Service backend/catalog:8080',
      count: 2,
      firstSeen: '2024-06-10T08:00:01.000000000Z',
      lastSeen: '2024-06-10T08:05:00.000000000Z',
    });
    expect(doc.traffic.observedNotDeclared).toEqual([]);
    expect(doc.traffic.declaredNotObserved.map((g: { src: string; dst: string }) => `${g.src} => ${g.dst}`)).toHaveLength(4);
    expect(doc.traffic.summary).toMatchObject({ starts: 3, closes: 1, skipped: 1 });
  });

  it('md: the two gap sections and the unresolved list, names escaped', () => {
    const out = ok(runCli(['scan', APP, '--traffic', MAIN, ...WITH, '-f', 'md']));
    expect(out).toContain('#### Observed, not declared (1)');
    expect(out).toContain('| `payments/fraud-check[Deployment]` | `203.0.113.0-203.0.113.255[External]` | `TCP 443` |');
    expect(out).toContain('#### Declared, never observed (0)');
    expect(out).toContain('#### Unresolved traffic, not allowed until reviewed (1)');
  });

  it('a messy trace: each bad line on stderr with file:line, the good ones still read; exit 2 for lines of no format', () => {
    const r = runCli(['scan', APP, '--traffic', `${EX}/traces/messy.ndjson`, '--quiet']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      `${EX}/traces/messy.ndjson:6 error NPC160 not JSON, not a trace_tcp column row, not a connection line (src ip:port -> dst ip:port proto)`,
      `${EX}/traces/messy.ndjson:7 error NPC160 a JSON object of no known trace format`,
    ]);
    expect(r.stdout).toContain('frontend/web[Deployment] => backend/catalog[Deployment] : TCP 8080 [both]');
  });

  it('bad flags and files: exit 2 with the flag named', () => {
    const fmt = runCli(['scan', APP, '--traffic', MAIN, '--traffic-format', 'pcap']);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain('--traffic-format: expected one of advisor-v1, network-graph, gadget-network, advise-networkpolicy, trace-tcp, trace-tcp-columns, plain, got "pcap"');
    const orphan = runCli(['scan', APP, '--cidr-aliases', `${EX}/cidr-aliases.yaml`]);
    expect(orphan.code).toBe(2);
    expect(orphan.stderr).toContain('--cidr-aliases needs --traffic FILE');
    const missing = runCli(['scan', APP, '--traffic', 'no/such.ndjson']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--traffic no/such.ndjson: no such file (ENOENT)');
  });

  it('a bad CIDR in the aliases file: an error with its file:line; the trace is still read', () => {
    const dir = tempDir();
    const file = path.join(dir, 'aliases.yaml');
    writeFileSync(file, 'scoring-api:\n  - 203.0.113.0/24\n  - 203.0.113.300/32\n');
    const r = runCli(['scan', APP, '--traffic', MAIN, '--cidr-aliases', file, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/aliases\.yaml:3:5 \[doc 1\] error NPC013 scoring-api\[1\]: not a CIDR: "203\.0\.113\.300\/32"/);
    expect(r.stdout).toContain('[External] : TCP 443 [observed]');
  });
});

describe('synthesize --traffic', () => {
  it('the example app: the link the manifests miss (fraud-check -> the scoring API) is allowed, with the trace as provenance; connectivity shows it', () => {
    const dir = appWithoutPolicies();
    const out = path.join(dir, 'policies/');
    const before = ok(runCli(['synthesize', dir, '-o', path.join(tempDir(), 'x/'), '--quiet']));
    expect(before).toBe('');
    const r = runCli(['synthesize', dir, '--traffic', MAIN, ...WITH, '-o', out]);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([
      'wrote 8 policies to 3 file(s)',
      `${MAIN}:15 warning NPC163 observed backend/orders[Deployment] -> 198.51.100.7-198.51.100.7[External] : TCP 443 (x1) is not allowed: 198.51.100.7 is no pod or Service of the snapshot and in no --cidr-aliases block (name its block in --cidr-aliases, or add a reviewed link)`,
      '1 gap: what the manifests cannot tell, left closed: that traffic is blocked (--gaps=deny):',
      `  ${dir}/payments/fraud-check.yaml:24 payments/fraud-check[Deployment] egress "https://scoring.example.net": scoring.example.net is outside the cluster; NetworkPolicy cannot name hosts, only address blocks`,
      'close a gap with a reviewed link (scan --format yaml, edit, synthesize --links FILE), observed traffic (--traffic), or --gaps=namespace|deny|open; --fail-on-gaps makes gaps fail CI',
      'traffic: 15 connection starts read; filtered 1 loopback, 1 node-local (kubelet probes), 2 DNS (synthesize allows DNS itself)',
    ]);
    const payments = readFileSync(path.join(out, 'payments.yaml'), 'utf8');
    expect(payments).toContain(`egress[0] -> 203.0.113.0-203.0.113.255[External] TCP 443: trace ${MAIN}:8 TCP 443 to alias scoring-api x2`);
    const conn = lines(ok(runCli(['connectivity', dir])));
    expect(conn).toContain('payments/fraud-check[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443');
    // the unresolved address stays closed
    expect(conn.filter((l) => l.includes('198.51.100'))).toEqual([]);
    // the same connectivity as the app's own hand-written policies
    expect(conn).toEqual(lines(readFileSync(path.join(REPO_ROOT, 'fixtures/example-app/expected/connectivity.txt'), 'utf8')));
  });

  it("bookinfo (Istio's sample, links in code): manifests alone allow nothing; its traffic closes every gap between its workloads and connectivity allows exactly the app's links", () => {
    const manifests = path.join(REPO_ROOT, BOOKINFO, 'manifests', 'bookinfo.yaml');
    // the manifests state no link: every workload that listens is an ingress gap
    const scan = ok(runCli(['scan', manifests]));
    expect(lines(scan).filter((l) => l.includes('no manifest names a caller')).map((l) => l.trim().split(' ')[1])).toEqual([
      'default/details-v1[Deployment]',
      'default/productpage-v1[Deployment]',
      'default/ratings-v1[Deployment]',
      'default/reviews-v1[Deployment]',
      'default/reviews-v2[Deployment]',
      'default/reviews-v3[Deployment]',
    ]);
    // with the trace, the only gap left is productpage's caller (Istio's ingress gateway, outside the manifests)
    const scanWithTrace = ok(runCli(['scan', manifests, '--traffic', `${BOOKINFO}/traces/trace-tcp.ndjson`]));
    expect(lines(scanWithTrace).filter((l) => l.includes('no manifest names a caller')).map((l) => l.trim().split(' ')[1])).toEqual(['default/productpage-v1[Deployment]']);
    const dir = tempDir('netpol-ci-bookinfo-');
    cpSync(manifests, path.join(dir, 'bookinfo.yaml'));
    const r = runCli(['synthesize', dir, '--traffic', `${BOOKINFO}/traces/trace-tcp.ndjson`, '-o', path.join(dir, 'policies/')]);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([
      'wrote 7 policies to 1 file(s)',
      `${dir}/bookinfo.yaml:55:1 [doc 3] warning NPC073 metadata: 6 workloads (default/details-v1[Deployment], default/productpage-v1[Deployment], default/ratings-v1[Deployment], default/reviews-v1[Deployment], default/reviews-v2[Deployment], default/reviews-v3[Deployment]) name no namespace, so their policies and the namespace's default-deny land in "default" (pass --namespace NS (as kubectl apply -n NS) if the application is deployed elsewhere)`,
      '1 gap: what the manifests cannot tell, left closed: that traffic is blocked (--gaps=deny):',
      `  ${dir}/bookinfo.yaml:302 default/productpage-v1[Deployment] ingress: listens on TCP 9080 but no manifest names a caller`,
      'close a gap with a reviewed link (scan --format yaml, edit, synthesize --links FILE), observed traffic (--traffic), or --gaps=namespace|deny|open; --fail-on-gaps makes gaps fail CI',
      'traffic: 48 connection starts read; filtered nothing',
    ]);
    expect(lines(ok(runCli(['connectivity', dir])))).toEqual([
      'default/productpage-v1[Deployment] => default/details-v1[Deployment] : TCP 9080',
      'default/productpage-v1[Deployment] => default/reviews-v1[Deployment] : TCP 9080',
      'default/productpage-v1[Deployment] => default/reviews-v2[Deployment] : TCP 9080',
      'default/productpage-v1[Deployment] => default/reviews-v3[Deployment] : TCP 9080',
      'default/reviews-v2[Deployment] => default/ratings-v1[Deployment] : TCP 9080',
      'default/reviews-v3[Deployment] => default/ratings-v1[Deployment] : TCP 9080',
    ]);
    const policies = readFileSync(path.join(dir, 'policies', 'default.yaml'), 'utf8');
    // plus DNS: every workload with egress may reach kube-dns (not in the manifests, so not in the connectivity above)
    expect(policies.match(/-> DNS \(kube-system, k8s-app=kube-dns\) TCP 53,UDP 53/g)).toHaveLength(3);
    expect(policies).toContain(
      `egress[0] -> default/details-v1[Deployment] TCP 9080: trace ${BOOKINFO}/traces/trace-tcp.ndjson:1 TCP 9080 via Service default/details:9080 x9`,
    );
  });
});

describe('links merge and links validate', () => {
  it('merge: a scan with traffic and a reviewed intent file become one list; synthesize --links reads it back with all provenance', () => {
    const dir = tempDir();
    const scanned = path.join(dir, 'scanned.yaml');
    ok(runCli(['scan', APP, '--traffic', MAIN, ...WITH, '-f', 'yaml', '-o', scanned]));
    const intent = path.join(dir, 'intent.yaml');
    writeFileSync(
      intent,
      [
        'links:',
        '  # reviewed: the nightly export reads the catalog',
        '  - {src: payments/payments, dst: backend/catalog, conns: TCP 8080}',
        '  - {src: "frontend/web[Deployment]", dst: "backend/catalog[Deployment]", conns: TCP 9090}',
        '',
      ].join('\n'),
    );
    const merged = path.join(dir, 'merged.yaml');
    const r = runCli(['links', 'merge', scanned, intent, '--manifests', APP, '-o', merged]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('merged 2 file(s): 8 links\n');
    const doc = load(readFileSync(merged, 'utf8')) as { links: { src: string; dst: string; conns: string; evidence: { kind: string; file?: string; line?: number }[] }[] };
    const web = doc.links.find((l) => l.src === 'frontend/web[Deployment]' && l.dst === 'backend/catalog[Deployment]');
    expect(web?.conns).toBe('TCP 8080,9090');
    expect(web?.evidence.map((e) => e.kind)).toEqual(['address', 'trace', 'intent', 'intent']);
    expect(web?.evidence.find((e) => e.kind === 'trace')).toMatchObject({ file: MAIN, line: 1 });
    expect(doc.links.find((l) => l.src === 'payments/payments[Deployment]' && l.dst === 'backend/catalog[Deployment]')?.evidence).toEqual([{ kind: 'intent', file: intent, line: 3 }]);
    const v = runCli(['links', 'validate', merged, '--manifests', APP]);
    expect(v.code).toBe(0);
    expect(v.stdout).toBe(`${merged}: 8 links, valid\n`);
    const synth = runCli(['synthesize', appWithoutPolicies(), '--links', merged, '--dry-run']);
    expect(synth.code).toBe(0);
    expect(synth.stdout).toContain(`trace ${MAIN}:8 TCP 443 to alias scoring-api x2`);
  });

  it('validate: unknown workloads (with --manifests), bad peers and connection sets, duplicates; each with file:line; exit 2', () => {
    const dir = tempDir();
    const file = path.join(dir, 'links.yaml');
    writeFileSync(
      file,
      [
        'links:',
        '  - {src: "frontend/web[Deployment]", dst: "backend/catalog[Deployment]", conns: TCP 8080}',
        '  - {src: "frontend/web[Deployment]", dst: "backend/catalog[Deployment]", conns: TCP 8081}',
        '  - {src: "frontend/gone[Deployment]", dst: "backend/catalog[Deployment]", conns: TCP 8080}',
        '  - {src: "frontend/web[Deployment]", dst: 10.0.0.300, conns: TCP 443}',
        '  - {src: "frontend/web[Deployment]", dst: "backend/orders[Deployment]", conns: TCP 99999}',
        '',
      ].join('\n'),
    );
    const r = runCli(['links', 'validate', file, '--manifests', APP]);
    expect(r.code).toBe(2);
    const errs = lines(r.stderr).map((l) => l.replace(file, 'links.yaml'));
    expect(errs).toEqual([
      'links.yaml:3:5 [doc 1] warning NPC167 links[1]: frontend/web[Deployment] => backend/catalog[Deployment] is listed again (first at line 2); the two are merged',
      'links.yaml:4:5 [doc 1] error NPC168 links[2].src: no workload frontend/gone[Deployment] in the manifests',
      'links.yaml:5:44 [doc 1] error NPC010 links[3].dst: not a peer: "10.0.0.300" is not a valid address or CIDR',
      'links.yaml:6:81 [doc 1] error NPC010 links[4].conns: not a connection set: "TCP 99999"',
    ]);
    expect(r.stdout).toBe(`${file}: 3 links, 3 error(s)\n`);
    // without --manifests only the form is checked
    expect(runCli(['links', 'validate', file]).stdout).toBe(`${file}: 3 links, 2 error(s)\n`);
  });
});
