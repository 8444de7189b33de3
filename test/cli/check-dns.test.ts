import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * `check` without `--policies` (the policies are in the manifests, base against head): a workload
 * with egress needs, or that names the cluster DNS Service, needs DNS, as `verify` judges it. A PR
 * that adds a default-deny egress policy with no DNS rule breaks that need, and the report says so
 * as it does for every other needed link. The DNS pods are the manifests' own when they hold them,
 * else a stand-in (as verify's); the stand-in never shows in the connectivity diff.
 */

afterAll(cleanupTempDirs);

const APP = `apiVersion: v1
kind: ConfigMap
metadata: {name: nginx, namespace: web}
data:
  nginx.conf: |
    resolver kube-dns.kube-system.svc.cluster.local valid=10s;
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: nginx, namespace: web}
spec:
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: nginx, ports: [{containerPort: 8080}]}]
      volumes: [{name: conf, configMap: {name: nginx}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: web}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: api, env: [{name: DB_URL, value: "postgres://db:5432/x"}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db, namespace: web}
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: postgres, ports: [{containerPort: 5432}]}]
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: web}
spec:
  selector: {app: db}
  ports: [{port: 5432}]
`;

/** Egress denied in `web` but api -> db; with `dns`, DNS to kube-dns allowed too. */
const policies = (dns: boolean) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny-egress, namespace: web}
spec:
  podSelector: {}
  policyTypes: [Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-egress, namespace: web}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Egress]
  egress:
    - to: [{podSelector: {matchLabels: {app: db}}}]
      ports: [{port: 5432}]
${
  dns
    ? `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-dns, namespace: web}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
`
    : ''
}`;

const COREDNS = `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: coredns, namespace: kube-system}
spec:
  selector: {matchLabels: {k8s-app: kube-dns}}
  template:
    metadata: {labels: {k8s-app: kube-dns}}
    spec:
      containers: [{name: coredns, image: coredns, ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53, protocol: TCP}]}]
`;

function sides(head: string, base = APP): { base: string; head: string } {
  const dir = tempDir('netpol-ci-check-dns-');
  for (const [side, text] of [
    ['base', base],
    ['head', head],
  ] as const) {
    mkdirSync(path.join(dir, side));
    writeFileSync(path.join(dir, side, 'app.yaml'), text);
  }
  return { base: path.join(dir, 'base'), head: path.join(dir, 'head') };
}

type Broken = { src: string; dst: string; needs: string; missing: string; dns?: string; evidence: string[] };

function check(s: { base: string; head: string }, extra: string[] = []) {
  const r = runCli(['check', '--base', s.base, '--head', s.head, '--format', 'json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { broken_links: Broken[] };
}

describe('check without --policies judges DNS needs', () => {
  it('a PR adding a default-deny egress without a DNS rule breaks DNS for every workload with egress', () => {
    const o = check(sides(APP + policies(false)));
    expect(o.broken_links.map((b) => `${b.src} => ${b.dst} ${b.missing} ${b.dns ?? ''}`)).toEqual([
      'web/api[Deployment] => kube-system/dns[Pod] TCP 53,UDP 53 egress',
      'web/nginx[Deployment] => kube-system/dns[Pod] TCP 53,UDP 53 named',
    ]);
    // nginx's need is cited where it names the DNS Service
    expect(o.broken_links[1]?.evidence.join('\n')).toMatch(/app\.yaml:6 data\.nginx\.conf = "kube-dns\.kube-system\.svc\.cluster\.local"/);
    // the stand-in is no workload of the diff, nor anywhere else in the report
    const { broken_links: _broken, ...rest } = o;
    expect(JSON.stringify(rest)).not.toContain('kube-system/dns');
    const md = runCli(['check', '--base', sides(APP + policies(false)).base, '--head', sides(APP + policies(false)).head]);
    expect(md.stdout).toContain('breaks 2 needed links');
    expect(md.stdout).toContain('- `web/api[Deployment]` needs `kube-system/dns[Pod]` on `TCP 53,UDP 53` (DNS: every workload with egress resolves names): head allows none of it');
    expect(md.stdout).toMatch(/- `web\/nginx\[Deployment\]` needs `kube-system\/dns\[Pod\]` on `TCP 53,UDP 53` \(DNS: names the cluster DNS Service\) \(`app\.yaml:6`: `kube-dns\.kube-system\.svc\.cluster\.local`\): head allows none of it/);
    const txt = runCli(['check', '--base', sides(APP + policies(false)).base, '--head', sides(APP + policies(false)).head, '--format', 'txt']);
    expect(txt.stdout).toContain('web/api[Deployment] needs kube-system/dns[Pod] on TCP 53,UDP 53 (DNS: every workload with egress resolves names); head allows none of it');
  });

  it('with a DNS rule nothing is broken; DNS blocked on both sides is not the PR\'s doing', () => {
    expect(check(sides(APP + policies(true))).broken_links).toEqual([]);
    const o = check(sides(`${APP}${policies(false)}---\n${'apiVersion: v1\nkind: Namespace\nmetadata: {name: web}\n'}`, APP + policies(false)));
    expect(o.broken_links).toEqual([]);
  });

  it("the manifests' own DNS pods are the destination when they hold them", () => {
    const o = check(sides(APP + COREDNS + policies(false), APP + COREDNS));
    expect(o.broken_links.map((b) => `${b.src} => ${b.dst} ${b.dns ?? ''}`)).toEqual(['web/api[Deployment] => kube-system/coredns[Deployment] egress', 'web/nginx[Deployment] => kube-system/coredns[Deployment] named']);
    expect(check(sides(APP + COREDNS + policies(true), APP + COREDNS)).broken_links).toEqual([]);
  });

  it('--dns-port, --dns-namespace and --dns-selector say where DNS runs (OpenShift: 5353)', () => {
    const o = check(sides(APP + policies(true)), ['--dns-port', '5353', '--dns-namespace', 'openshift-dns', '--dns-selector', 'dns.operator.openshift.io/daemonset-dns=default']);
    expect(o.broken_links.map((b) => `${b.src} => ${b.dst} ${b.missing}`)).toEqual([
      'web/api[Deployment] => openshift-dns/dns[Pod] TCP 5353,UDP 5353',
      'web/nginx[Deployment] => openshift-dns/dns[Pod] TCP 5353,UDP 5353',
    ]);
  });
});
