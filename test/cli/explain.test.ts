import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PolicyEngine, peerKey } from '../../src/connectivity/engine.js';
import { explainPair } from '../../src/connectivity/explain.js';
import { loadManifests } from '../../src/manifests/load.js';
import { lines, REPO_ROOT, runCli, type CliResult } from '../helpers/cli.js';
import { cleanupTempDirs, FIXTURES, tempDir } from '../helpers/fixtures.js';

/**
 * `connectivity --explain SRC DST`: the answer for one pair, then the verdict chain of the
 * source's egress and of the destination's ingress, each step naming its policy, rule and
 * file:line. Peers that name nothing, or more than one thing, are bad usage (exit 2).
 */
afterAll(cleanupTempDirs);

const fixture = (name: string) => path.relative(REPO_ROOT, path.join(FIXTURES, 'connectivity', name, 'manifests'));
const ANP_PASS = fixture('anp-pass-then-np');
const INGRESS = fixture('ingress-controller');
const IPBLOCK = fixture('ipblock-except');

function explain(dir: string, src: string, dst: string, ...args: string[]): CliResult {
  return runCli(['connectivity', dir, '--explain', src, dst, ...args]);
}

function ok(r: CliResult): string[] {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return lines(r.stdout);
}

/**
 * The line range of the YAML document that defines `name` (from its `---` separator, or line 1,
 * to the line before the next separator): a policy-level step must point inside it.
 */
function documentOf(file: string, name: string): [number, number] {
  const all = readFileSync(path.join(REPO_ROOT, file), 'utf8').split('\n');
  const seps = all.flatMap((l, i) => (l.startsWith('---') ? [i + 1] : []));
  const at = all.findIndex((l) => new RegExp(`name: ${name}[,}\\s]`).test(`${l} `)) + 1;
  expect(at, name).toBeGreaterThan(0);
  const start = [1, ...seps].filter((s) => s <= at).at(-1) as number;
  const end = (seps.find((s) => s > at) ?? all.length + 1) - 1;
  return [start, end];
}

/** `    [NP] Isolated <conns>: <policy> (<file>:<line>)`, the line inside the policy's document. */
function expectIsolatedStep(line: string | undefined, conns: string, policy: string, file: string): void {
  const m = /^ {4}\[NP\] Isolated (.*): (NetworkPolicy \S+) \((.*):(\d+)\)$/.exec(line ?? '');
  expect(m, line).not.toBeNull();
  const [, c, p, f, l] = m as unknown as string[];
  expect([c, p, f]).toEqual([conns, `NetworkPolicy ${policy}`, file]);
  const [start, end] = documentOf(file, policy.split('/').at(-1) as string);
  expect(Number(l)).toBeGreaterThanOrEqual(start);
  expect(Number(l)).toBeLessThanOrEqual(end);
}

describe('connectivity --explain', () => {
  it('ANP Pass -> NP Allow: the chain and the line of each rule', () => {
    const out = ok(explain(ANP_PASS, 'team-b/client', 'team-a/server[Deployment]'));
    const file = `${ANP_PASS}/policies.yaml`;
    expect(out.slice(0, 7)).toEqual([
      'team-b/client[Deployment] => team-a/server[Deployment] : TCP 8080',
      '  source egress: [default] Allow',
      '    [default] Allow All Connections: no policy applies',
      '  destination ingress: [ANP] Pass -> [NP] Allow -> [NP] Isolated',
      // line 13: `- name: pass-from-team-b`; line 42: `- from:` of the NetworkPolicy
      `    [ANP] Pass All Connections: AdminNetworkPolicy pass-team-b ingress rule 0 "pass-from-team-b" (${file}:13)`,
      `    [NP] Allow TCP 8080: NetworkPolicy team-a/server-from-any-namespace ingress rule 0 (${file}:42)`,
      expect.stringMatching(/^ {4}\[NP\] Isolated /),
    ]);
    expect(out).toHaveLength(7);
    expectIsolatedStep(out[6], 'SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535', 'team-a/server-from-any-namespace', file);
    const text = readFileSync(path.join(REPO_ROOT, file), 'utf8').split('\n');
    expect(text[12]).toBe('    - name: pass-from-team-b');
    expect(text[41]).toBe('    - from:');
  });

  it('ANP Deny: a single step, and the pair is denied', () => {
    const out = ok(explain(ANP_PASS, 'team-c/intruder', 'team-a/server'));
    expect(out).toEqual([
      'team-c/intruder[Deployment] => team-a/server[Deployment] : No Connections',
      '  source egress: [default] Allow',
      '    [default] Allow All Connections: no policy applies',
      '  destination ingress: [ANP] Deny',
      `    [ANP] Deny All Connections: AdminNetworkPolicy deny-other-namespaces ingress rule 0 "deny-outside-team-a" (${ANP_PASS}/policies.yaml:28)`,
    ]);
  });

  it('the ingress controller: what the Ingress exposes, then the destination ingress', () => {
    const file = `${INGRESS}/policies.yaml`;
    const out = ok(explain(INGRESS, '{ingress-controller}', 'web/site'));
    expect(out.slice(0, 6)).toEqual([
      '{ingress-controller} => web/site[Deployment] : TCP 8080',
      '  ingress controller: exposed by Ingress web/site on TCP 8080',
      '  source egress: not restricted (not a pod in the cluster)',
      '  destination ingress: [NP] Allow -> [NP] Isolated',
      // the NetworkPolicy allows 8080 and 9100, the Ingress exposes only 8080
      `    [NP] Allow TCP 8080,9100: NetworkPolicy web/site-from-cluster ingress rule 0 (${file}:17)`,
      expect.stringMatching(/^ {4}\[NP\] Isolated /),
    ]);
    expect(out).toHaveLength(7);
    expectIsolatedStep(out[5], 'SCTP 1-65535,TCP 1-8079,8081-9099,9101-65535,UDP 1-65535', 'web/default-deny-ingress', file);
    expectIsolatedStep(out[6], 'SCTP 1-65535,TCP 1-8079,8081-9099,9101-65535,UDP 1-65535', 'web/site-from-cluster', file);
    // `ingress-controller` without braces names the same peer
    expect(ok(explain(INGRESS, 'ingress-controller', 'web/site'))).toEqual(out);
  });

  it('the ingress controller, json', () => {
    const r = explain(INGRESS, '{ingress-controller}', 'web/site[Deployment]', '--format', 'json');
    expect(r.code).toBe(0);
    const x = JSON.parse(r.stdout) as { src: string; dst: string; conns: string; egress?: unknown; ingress: { layer: string; verdict: string; policy: string; at: string; rule?: unknown }[]; exposure: unknown };
    expect([x.src, x.dst, x.conns]).toEqual(['{ingress-controller}', 'web/site[Deployment]', 'TCP 8080']);
    expect(x.egress).toBeUndefined();
    expect(x.exposure).toEqual({ by: ['Ingress web/site'], ports: 'TCP 8080' });
    expect(x.ingress[0]).toEqual({ layer: 'NP', verdict: 'Allow', policy: 'NetworkPolicy web/site-from-cluster', rule: { direction: 'ingress', index: 0 }, at: `${INGRESS}/policies.yaml:17`, conns: 'TCP 8080,9100' });
  });

  it('an external address inside the ipBlock: allowed by the egress rule', () => {
    const file = `${IPBLOCK}/app.yaml`;
    const out = ok(explain(IPBLOCK, 'net/gw', '10.3.0.1'));
    expect(out.slice(0, 3)).toEqual([
      'net/gw[Deployment] => 10.3.0.1-10.3.0.1[External] : TCP 443',
      '  source egress: [NP] Allow -> [NP] Isolated',
      // line 39: `- to:` of the egress rule
      `    [NP] Allow TCP 443: NetworkPolicy net/gw-egress egress rule 0 (${file}:39)`,
    ]);
    expectIsolatedStep(out[3], 'SCTP 1-65535,TCP 1-442,444-65535,UDP 1-65535', 'net/gw-egress', file);
    expect(out.slice(4)).toEqual(['  destination ingress: not restricted (outside the cluster)']);
    // the [External] suffix of the text output is accepted as input
    expect(ok(explain(IPBLOCK, 'net/gw', '10.3.0.1[External]'))).toEqual(out);
  });

  it('an external address in the except: isolated, nothing allows it', () => {
    const out = ok(explain(IPBLOCK, 'net/gw', '10.2.3.4'));
    expect(out[0]).toBe('net/gw[Deployment] => 10.2.3.4-10.2.3.4[External] : No Connections');
    expect(out[1]).toBe('  source egress: [NP] Isolated');
    expectIsolatedStep(out[2], 'All Connections', 'net/gw-egress', `${IPBLOCK}/app.yaml`);
    expect(out.slice(3)).toEqual(['  destination ingress: not restricted (outside the cluster)']);
  });

  it('an external source: its egress is not restricted; the destination ingress decides', () => {
    expect(ok(explain(IPBLOCK, '8.8.8.8', 'net/gw'))).toEqual([
      '8.8.8.8-8.8.8.8[External] => net/gw[Deployment] : All Connections',
      '  source egress: not restricted (not a pod in the cluster)',
      '  destination ingress: [default] Allow',
      '    [default] Allow All Connections: no policy applies',
    ]);
  });

  it('agrees with the connectivity map on every listed pair of the fixtures (library)', () => {
    for (const dir of [ANP_PASS, INGRESS, IPBLOCK]) {
      const files = readdirSync(path.join(REPO_ROOT, dir))
        .sort()
        .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(path.join(REPO_ROOT, dir, f), 'utf8') }));
      const engine = new PolicyEngine(loadManifests(files).cluster);
      const map = engine.connectivity();
      expect(map.connections.length).toBeGreaterThan(3);
      for (const c of map.connections) {
        const x = explainPair(engine, c.src, c.dst);
        expect(x?.conns.toString(), `${peerKey(c.src)} => ${peerKey(c.dst)}`).toBe(c.conns.toString());
      }
    }
  });
});

describe('connectivity --explain: bad peers exit 2 with a clear message', () => {
  const dir = tempDir('netpol-ci-explain-');
  const workload = (kind: string, name: string) => `apiVersion: apps/v1
kind: ${kind}
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {matchLabels: {app: ${name}-${kind.toLowerCase()}}}
  template:
    metadata: {labels: {app: ${name}-${kind.toLowerCase()}}}
    spec: {containers: [{name: main, image: example/${name}:1}]}
`;
  writeFileSync(path.join(dir, 'app.yaml'), [workload('Deployment', 'web'), workload('StatefulSet', 'web'), workload('Deployment', 'api')].join('---\n'));
  const run = (...args: string[]) => runCli(['connectivity', '.', '--explain', ...args], { cwd: dir });

  function expectUsageError(r: CliResult, message: RegExp): void {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }

  it('a name that matches workloads of two kinds is ambiguous; the kind settles it', () => {
    expectUsageError(run('shop/web', 'shop/api'), /--explain: shop\/web is ambiguous: shop\/web\[Deployment\], shop\/web\[StatefulSet\]/);
    expectUsageError(run('shop/api', 'shop/web'), /--explain: shop\/web is ambiguous/);
    expect(ok(run('shop/web[StatefulSet]', 'shop/api'))[0]).toBe('shop/web[StatefulSet] => shop/api[Deployment] : All Connections');
    expect(ok(run('shop/api', 'shop/web[Deployment]'))[0]).toBe('shop/api[Deployment] => shop/web[Deployment] : All Connections');
  });

  it('unknown workloads, kinds and namespaces', () => {
    expectUsageError(run('shop/nope', 'shop/api'), /--explain: no workload shop\/nope$/m);
    expectUsageError(run('shop/api', 'shop/api[DaemonSet]'), /--explain: no workload shop\/api\[DaemonSet\]/);
    expectUsageError(run('other/api', 'shop/api'), /--explain: no workload other\/api/);
  });

  it('text that is no peer at all', () => {
    expectUsageError(run('api', 'shop/web[Deployment]'), /--explain: "api" is not ns\/name\[Kind\], an IP address or \{ingress-controller\}/);
    // an invalid prefix reads as namespace 10.0.0.0, workload 33
    expectUsageError(run('shop/api', '10.0.0.0/33'), /--explain: "10.0.0.0\/33" is not a valid address or CIDR/);
    expectUsageError(run('shop/api', '300.1.1.1'), /--explain: "300.1.1.1" is not/);
  });

  it('one peer, or three', () => {
    expectUsageError(runCli(['connectivity', '.', '--explain', 'shop/api'], { cwd: dir }), /--explain: takes two peers: SRC DST/);
    expectUsageError(runCli(['connectivity', '.', '--explain', 'shop/api', 'shop/web[Deployment]', '8.8.8.8'], { cwd: dir }), /--explain: takes two peers: SRC DST/);
  });

  it('the ingress controller where nothing is exposed', () => {
    expectUsageError(run('{ingress-controller}', 'shop/api'), /cannot explain \{ingress-controller\} -> shop\/api/);
  });
});

describe('explain bugs these tests found, now fixed', () => {
  // The answer is computed for the atom holding the range's first address only and then printed
  // for the whole range: 10.0.0.0/8 is shown as TCP 443 although 10.1.0.0/16 and 10.2.3.0/24 are
  // excepted (the connectivity map lists three separate ranges).
  it('a range spanning addresses with different answers is refused or answered exactly', () => {
    const r = explain(IPBLOCK, 'net/gw', '10.0.0.0/8');
    if (r.code === 0) expect(lines(r.stdout)[0]).not.toBe('net/gw[Deployment] => 10.0.0.0-10.255.255.255[External] : TCP 443');
    else expect(r.code).toBe(2);
  });

  // Two external peers: no cluster policy is involved and the pair is not in the map; the
  // command prints "All Connections" and exits 0.
  it('two external peers are bad usage', () => {
    expect(explain(IPBLOCK, '10.0.0.1', '8.8.8.8').code).toBe(2);
  });

  // A policy-level step (Isolated) points at the document's first line, which for all but the
  // first document is the `---` separator (or a comment), not at the policy.
  it('a policy-level step points at the policy object, not at the separator', () => {
    const out = ok(explain(ANP_PASS, 'team-b/client', 'team-a/server'));
    const m = /\((.*):(\d+)\)$/.exec(out[6] as string) as unknown as string[];
    const text = readFileSync(path.join(REPO_ROOT, m[1] as string), 'utf8').split('\n');
    expect(text[Number(m[2]) - 1]).toMatch(/^(apiVersion|kind|metadata):/);
  });
});
