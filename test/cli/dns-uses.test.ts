import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * A workload that names the cluster DNS Service itself (nginx's `resolver`, as DeathStarBench's
 * nginx-thrift does) resolves names, so it needs DNS even with no other egress: scan lists it as a
 * DNS use with its line, synthesize gives it the DNS rule (citing that line), and verify (and the
 * check's drift gate, which is verify's judge) reports a policy that blocks its DNS as missing,
 * naming the line. Before, such a workload had no egress need at all: its synthesized policy
 * denied all egress, DNS included, and verify found nothing wrong.
 */

afterAll(cleanupTempDirs);

const APP = `apiVersion: v1
kind: ConfigMap
metadata: {name: nginx, namespace: web}
data:
  nginx.conf: |
    http {
      resolver kube-dns.kube-system.svc.cluster.local valid=10s ipv6=off;
    }
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: nginx, namespace: web}
spec:
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
        - name: nginx
          image: nginx
          ports: [{containerPort: 8080}]
          volumeMounts: [{name: conf, mountPath: /etc/nginx/nginx.conf, subPath: nginx.conf}]
      volumes: [{name: conf, configMap: {name: nginx}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: static, namespace: web}
spec:
  selector: {matchLabels: {app: static}}
  template:
    metadata: {labels: {app: static}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 80}]}]
`;

type Policy = { metadata: { name: string; annotations?: Record<string, string> }; spec: { egress?: { to: unknown[]; ports?: { protocol: string; port: number }[] }[] } };

function setup(): { app: string; pol: string } {
  const dir = tempDir('netpol-ci-dns-uses-');
  const app = path.join(dir, 'app.yaml');
  writeFileSync(app, APP);
  return { app, pol: path.join(dir, 'policies') };
}

const policiesIn = (file: string) => loadAll(readFileSync(file, 'utf8')) as Policy[];

describe('the cluster DNS Service named by a workload', () => {
  it('scan lists it as DNS, with its line: no link, no gap', () => {
    const { app } = setup();
    const r = runCli(['scan', app, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { links: unknown[]; unresolved: unknown[]; dns: { workload: string; evidence: { file: string; line: number; value: string } }[] };
    expect(doc.links).toEqual([]);
    expect(doc.unresolved).toEqual([]);
    expect(doc.dns.map((d) => `${d.workload} ${path.basename(d.evidence.file)}:${d.evidence.line} ${d.evidence.value}`)).toEqual(['web/nginx[Deployment] app.yaml:7 kube-dns.kube-system.svc.cluster.local']);
    expect(runCli(['scan', app]).stdout).toContain('DNS (the cluster DNS Service named; the DNS rule allows it):\n    web/nginx[Deployment]: ');
  });

  it('synthesize gives it the DNS rule even with no other egress, citing the line; a workload naming nothing gets none', () => {
    const { app, pol } = setup();
    const r = runCli(['synthesize', app, '-o', `${pol}/`, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const ps = policiesIn(path.join(pol, 'web.yaml'));
    const nginx = ps.find((p) => p.metadata.name.includes('nginx')) as Policy;
    expect(nginx.spec.egress).toEqual([
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [
          { protocol: 'TCP', port: 53 },
          { protocol: 'UDP', port: 53 },
        ],
      },
    ]);
    expect(nginx.metadata.annotations?.['netpol-ci.io/rules']).toMatch(/egress\[0\] -> DNS \(kube-system, k8s-app=kube-dns\) TCP 53,UDP 53: names the cluster DNS Service: \S*app\.yaml:7 data\.nginx\.conf = "kube-dns\.kube-system\.svc\.cluster\.local"/);
    const stat = ps.find((p) => p.metadata.name.includes('static')) as Policy;
    expect(stat.spec.egress).toBeUndefined();
    // and what synthesize wrote verifies clean
    const v = runCli(['verify', app, '--policies', pol]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });

  it('verify reports a policy that blocks its DNS as missing, naming where the DNS Service is named', () => {
    const { app, pol } = setup();
    expect(runCli(['synthesize', app, '-o', `${pol}/`, '-q']).code).toBe(0);
    const file = path.join(pol, 'web.yaml');
    // a reviewer "tightens" nginx: no egress at all
    const ps = policiesIn(file).map((p) => (p.metadata.name.includes('nginx') ? { ...p, spec: { ...p.spec, egress: undefined } } : p));
    writeFileSync(file, ps.map((p) => `---\n${JSON.stringify(p)}\n`).join(''));
    const r = runCli(['verify', app, '--policies', pol, '-f', 'json']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as { missing: { src: string; dst: string; blocked: string; needed_by: { kind: string; text?: string; at?: string }[] }[] };
    expect(out.missing.map((m) => `${m.src} => ${m.dst} ${m.blocked}`)).toEqual(['web/nginx[Deployment] => kube-system/dns[Pod] TCP 53,UDP 53']);
    expect(out.missing[0]?.needed_by).toEqual([expect.objectContaining({ kind: 'dns', at: expect.stringMatching(/app\.yaml:7$/) as unknown })]);
    expect(runCli(['verify', app, '--policies', pol]).stdout).toContain('DNS: names the cluster DNS Service, ');
  });

  it('check --policies: a PR whose policies block its DNS is drift, naming where the DNS Service is named', () => {
    const { app, pol } = setup();
    expect(runCli(['synthesize', app, '-o', `${pol}/`, '-q']).code).toBe(0);
    const dir = tempDir('netpol-ci-dns-check-');
    for (const side of ['base', 'head']) {
      mkdirSync(path.join(dir, side, 'policies'), { recursive: true });
      cpSync(app, path.join(dir, side, 'app.yaml'));
      cpSync(path.join(pol, 'web.yaml'), path.join(dir, side, 'policies', 'web.yaml'));
    }
    // the PR drops nginx's egress
    const file = path.join(dir, 'head', 'policies', 'web.yaml');
    writeFileSync(file, policiesIn(file).map((p) => `---\n${JSON.stringify(p.metadata.name.includes('nginx') ? { ...p, spec: { ...p.spec, egress: undefined } } : p)}\n`).join(''));
    const args = ['check', '--base', path.join(dir, 'base'), '--head', path.join(dir, 'head'), '--policies', path.join(dir, 'head', 'policies')];
    const r = runCli([...args, '--format', 'json', '--fail-on', 'drift']);
    expect(r.code, r.stderr).toBe(1);
    const drift = (JSON.parse(r.stdout) as { drift: { kind: string; subject: string; message: string }[] }).drift;
    expect(drift.map((d) => `${d.kind} ${d.subject}`)).toEqual(['missing web/nginx[Deployment] → kube-system/dns[Pod]']);
    expect(JSON.stringify(drift)).toContain('names the cluster DNS Service');
    // cited where nginx names it (its nginx.conf line), not at a policy
    expect((drift[0] as { at?: string }).at).toBe(path.join(dir, 'head', 'app.yaml:7'));
    // the base side (policies as synthesized) is clean
    const clean = runCli(['check', '--base', path.join(dir, 'base'), '--head', path.join(dir, 'base'), '--policies', path.join(dir, 'base', 'policies'), '--fail-on', 'drift']);
    expect(clean.code, clean.stdout).toBe(0);
  });
});

describe('DNS settings, exactly (CLI)', () => {
  const withConf = (conf: string) =>
    APP.replace('      resolver kube-dns.kube-system.svc.cluster.local valid=10s ipv6=off;', conf.split('\n').map((l) => `      ${l}`).join('\n'));

  function scanJson(text: string): { links: { src: string; dst: string; conns: string }[]; unresolved: unknown[]; dns?: { workload: string }[] } {
    const dir = tempDir('netpol-ci-dns-exact-');
    writeFileSync(path.join(dir, 'app.yaml'), text);
    const r = runCli(['scan', path.join(dir, 'app.yaml'), '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as never;
  }

  it('free text about a resolver invents no link, gap or DNS use', () => {
    const doc = scanJson(withConf('# the nameserver is set by the platform\nresolver_timeout 5s;\nnameserver: auto\nresolver config.yaml is read at start'));
    expect({ links: doc.links, unresolved: doc.unresolved, dns: doc.dns }).toEqual({ links: [], unresolved: [], dns: undefined });
  });

  it('an IPv6 cluster DNS ClusterIP is a DNS use: synthesize gives the DNS rule and the address on the DNS ports (dual-stack)', () => {
    const doc = scanJson(withConf('resolver [fd00:10:96::a] valid=10s;'));
    expect(doc.dns?.map((d) => d.workload)).toEqual(['web/nginx[Deployment]']);
    const dir = tempDir('netpol-ci-dns-v6-');
    writeFileSync(path.join(dir, 'app.yaml'), withConf('resolver [fd00:10:96::a] valid=10s;'));
    const r = runCli(['synthesize', path.join(dir, 'app.yaml'), '--ip-family', 'dual', '-o', `${dir}/policies/`, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const nginx = policiesIn(path.join(dir, 'policies', 'web.yaml')).find((p) => p.metadata.name.includes('nginx')) as Policy;
    const egress = JSON.stringify(nginx.spec.egress);
    expect(egress).toContain('"k8s-app":"kube-dns"');
    expect(egress).toContain('fd00:10:96::a/128');
    expect(nginx.metadata.annotations?.['netpol-ci.io/rules']).toContain('names the cluster DNS Service');
    // with the Service networks given, both addresses are ClusterIPs: the DNS rule only, no ipBlock
    writeFileSync(path.join(dir, 'app.yaml'), withConf('resolver 10.96.0.10 [fd00:10:96::a] valid=10s;'));
    const s = runCli(['synthesize', path.join(dir, 'app.yaml'), '--ip-family', 'dual', '--service-cidr', '10.96.0.0/12', '--service-cidr', 'fd00:10:96::/112', '-o', `${dir}/with-cidrs/`, '-q']);
    expect(s.code, s.stderr).toBe(0);
    const only = policiesIn(path.join(dir, 'with-cidrs', 'web.yaml')).find((p) => p.metadata.name.includes('nginx')) as Policy;
    expect(JSON.stringify(only.spec.egress)).not.toContain('ipBlock');
    expect(JSON.stringify(only.spec.egress)).toContain('"k8s-app":"kube-dns"');
  });
});

describe("a pod's own DNS settings in synthesize and verify", () => {
  const pod = (specLines: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: web}
spec:
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
${specLines
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
      containers: [{name: app, image: app, env: [{name: API_URL, value: "https://203.0.113.7:443"}]}]
`;
  function synthesize(specLines: string, extra: string[] = []): { egress: string; verify: number; stderr: string } {
    const dir = tempDir('netpol-ci-dns-pod-');
    writeFileSync(path.join(dir, 'app.yaml'), pod(specLines));
    const r = runCli(['synthesize', path.join(dir, 'app.yaml'), '-o', `${dir}/policies/`, ...extra]);
    expect(r.code, r.stderr).toBe(0);
    const app = policiesIn(path.join(dir, 'policies', 'web.yaml')).find((p) => p.metadata.name.includes('app')) as Policy;
    const v = runCli(['verify', path.join(dir, 'app.yaml'), '--policies', path.join(dir, 'policies'), ...extra]);
    return { egress: JSON.stringify(app.spec.egress), verify: v.code, stderr: r.stderr };
  }

  it('dnsPolicy None: the nameserver is allowed on UDP and TCP 53 and the cluster DNS is not; verify agrees', () => {
    const r = synthesize('dnsPolicy: None\ndnsConfig:\n  nameservers: [192.0.2.53]');
    expect(r.egress).toContain('{"ipBlock":{"cidr":"192.0.2.53/32"}}');
    expect(r.egress).toContain('{"to":[{"ipBlock":{"cidr":"192.0.2.53/32"}}],"ports":[{"protocol":"TCP","port":53},{"protocol":"UDP","port":53}]}');
    expect(r.egress).not.toContain('kube-dns');
    expect(r.verify).toBe(0);
  });

  it('ClusterFirst with nameservers: both the cluster DNS and the nameserver', () => {
    const r = synthesize('dnsConfig:\n  nameservers: [192.0.2.53]');
    expect(r.egress).toContain('192.0.2.53/32');
    expect(r.egress).toContain('kube-dns');
    expect(r.verify).toBe(0);
  });

  it("dnsPolicy Default: no rule to the cluster DNS, whose pods it never asks; the node's resolvers are a gap, said", () => {
    const r = synthesize('dnsPolicy: Default');
    expect(r.egress).not.toContain('kube-dns');
    expect(r.stderr).toMatch(/dnsPolicy: Default/);
    expect(r.verify).toBe(0);
  });
});
