import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { findNetpolAnalyzer, writeConfig } from '../helpers/netpol-analyzer.js';
import type { Doc } from '../helpers/random-config.js';
import { ALLOWED } from './netpol-analyzer-allowed.js';

/**
 * The netpol-analyzer hunt's allowed differences accept exactly the shape their reason explains:
 * each is shown a line it must accept and lines just outside it that it must reject (so that an
 * allowance cannot quietly grow into one that hides a real difference).
 */
const bin = findNetpolAnalyzer();
const allowed = (name: string) => {
  const a = ALLOWED.find((x) => x.name.startsWith(name));
  if (!a) throw new Error(`no allowed difference ${name}`);
  return a;
};
const docs = (yaml: string): Doc[] => yaml.split(/^---$/m).map((t) => parse(t) as Doc);
const work = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-napeer-allowed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const backend = docs(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: a, namespace: ns1}
spec:
  selector: {matchLabels: {app: a}}
  template:
    metadata: {labels: {app: a}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 8080}, {containerPort: 53, protocol: UDP}]}]
      initContainers: [{name: s, image: x, restartPolicy: Always, ports: [{containerPort: 9090}]}]
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: ns1}
spec:
  selector: {app: a}
  ports: [{name: web, port: 80}, {name: app, port: 8080}, {name: dns-tcp, port: 5353, targetPort: 53}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: a, namespace: ns1}
spec:
  rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: a, port: {name: web}}}}]}}]
`);
/** The same workload with no Ingress: nothing routes to it. */
const unrouted = backend.filter((d) => d.kind !== 'Ingress');

describe('allowed: the ingress controller on an undeclared numeric target port', () => {
  const a = allowed('ingress controller');
  const ctx = { docs: backend, dir: work, bin: bin ?? '' };
  it('accepts TCP ports we add that the pod does not declare on TCP', () => {
    expect(a.test('{ingress-controller} => ns1/a[Deployment] : TCP 80,8080 | TCP 8080', ctx)).toBe(true);
    expect(a.test('{ingress-controller} => ns1/a[Deployment] : TCP 53 | No Connections', ctx)).toBe(true);
  });
  it('rejects a declared port (an app container or a sidecar), a port only they give, another protocol, another source', () => {
    expect(a.test('{ingress-controller} => ns1/a[Deployment] : TCP 8080 | No Connections', ctx)).toBe(false);
    expect(a.test('{ingress-controller} => ns1/a[Deployment] : TCP 9090 | No Connections', ctx)).toBe(false);
    expect(a.test('{ingress-controller} => ns1/a[Deployment] : No Connections | TCP 80', ctx)).toBe(false);
    expect(a.test('{ingress-controller} => ns1/a[Deployment] : UDP 80 | No Connections', ctx)).toBe(false);
    expect(a.test('ns1/b[Deployment] => ns1/a[Deployment] : TCP 80 | No Connections', ctx)).toBe(false);
  });
  it('rejects a port no routed Service targets, and every port when nothing routes to the workload', () => {
    expect(a.test('{ingress-controller} => ns1/a[Deployment] : TCP 81 | No Connections', ctx)).toBe(false);
    expect(a.test('{ingress-controller} => ns1/a[Deployment] : TCP 1-79,81-65535 | No Connections', ctx)).toBe(false);
    expect(a.test('{ingress-controller} => ns1/a[Deployment] : TCP 80 | No Connections', { ...ctx, docs: unrouted })).toBe(false);
  });
});

// an ANP egress Pass over TCP 1-5001 for a; an ANP Allow TCP 443-5443 and a NetworkPolicy on 81 for b's ingress
const passAndAllow = docs(`
apiVersion: v1
kind: Pod
metadata: {name: a, namespace: alpha, labels: {role: db}}
spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: gamma, labels: {role: web}}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 81}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np, namespace: gamma}
spec:
  podSelector: {}
  ingress: [{ports: [{port: 81}]}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: egress-pass}
spec:
  priority: 10
  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: alpha}}}
  egress: [{name: e0, action: Pass, to: [{namespaces: {}}], ports: [{portRange: {protocol: TCP, start: 1, end: 5001}}]}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: ingress-allow}
spec:
  priority: 20
  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: gamma}}}
  ingress: [{name: r0, action: Allow, from: [{namespaces: {}}], ports: [{portRange: {protocol: TCP, start: 443, end: 5443}}]}]
`);

describe.skipIf(bin === undefined)('allowed: ports netpol-analyzer neither allows nor denies', () => {
  const a = allowed('netpol-analyzer loses ports');
  const dir = path.join(work, 'pass-and-allow');
  writeConfig(dir, passAndAllow);
  const ctx = { docs: passAndAllow, dir, bin: bin ?? '' };
  it('accepts the ports its own explanation leaves out (TCP 5002-5443)', () => {
    expect(a.test('alpha/a[Pod] => gamma/b[Pod] : TCP 81,443-5443 | TCP 81,443-5001', ctx)).toBe(true);
  });
  it('rejects ports it denies, a listing its explanation does not match, and fewer ports on our side', () => {
    expect(a.test('alpha/a[Pod] => gamma/b[Pod] : TCP 1-5443 | TCP 81,443-5001', ctx)).toBe(false);
    expect(a.test('alpha/a[Pod] => gamma/b[Pod] : TCP 81,443-5443 | TCP 443-5001', ctx)).toBe(false);
    expect(a.test('alpha/a[Pod] => gamma/b[Pod] : TCP 81,443-5001 | TCP 81,443-5443', ctx)).toBe(false);
  });
  it('rejects a pair its explanation does not speak of, and any line when the binary gives no answer', () => {
    expect(a.test('alpha/a[Pod] => gamma/nosuch[Pod] : All Connections | No Connections', ctx)).toBe(false);
    expect(a.test('alpha/a[Pod] => gamma/b[Pod] : TCP 81,443-5443 | TCP 81,443-5001', { ...ctx, bin: '/bin/false' })).toBe(false);
  });
});
