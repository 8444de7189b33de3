import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { Codes, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { type Link, type Topology } from '../../src/topology/links.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * A Service name defined twice in one namespace (two variants of an app, a copy-paste slip):
 * which definition a cluster keeps depends on the order of apply, so scan links through every
 * definition and warns. cluster-topology-analyzer links the same way (netpol-analyzer's
 * acs-security-demos-added-workloads example, where visa-processor-v2 reuses
 * visa-processor's Service name).
 */

function scan(files: Record<string, string>): { t: Topology; diagnostics: readonly Diagnostic[] } {
  const load = loadManifests(Object.entries(files).map(([path, text]) => ({ path, text })));
  expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const r = scanTopology(load.cluster);
  return { t: r.value, diagnostics: r.diagnostics };
}

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const linkLine = (l: Link) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`;

/** A server Deployment `name` with labels app=name, and a Service `service` selecting it on `port`. */
function server(ns: string, name: string, port: number, service: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${service}
  namespace: ${ns}
spec:
  selector:
    app: ${name}
  ports:
    - name: main
      port: ${port}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: main
          image: ${name}
          ports:
            - containerPort: ${port}
`;
}

/** The gateway Deployment in team1 that calls the Service by env. */
function client(value: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: client
  namespace: team1
spec:
  selector:
    matchLabels:
      app: client
  template:
    metadata:
      labels:
        app: client
    spec:
      containers:
        - name: main
          image: client
          env:
            - name: VISA_HOST
              value: ${JSON.stringify(value)}
`;
}

const CLIENT = 'team1/client[Deployment]';

describe('a Service defined more than once', () => {
  // two variants of a processor, each with its own Deployment, under one Service name
  const v1 = server('payments', 'visa', 8080, 'visa-svc');
  const v2 = server('payments', 'visa-v2', 8080, 'visa-svc');
  const gateway = client('visa-svc.payments:8080');

  it('an address that names it links to the workloads of every definition, and a warning names both places', () => {
    const { t, diagnostics } = scan({ 'v1.yaml': v1, 'v2.yaml': v2, 'gateway.yaml': gateway });
    expect(t.links.map(linkLine)).toEqual([`${CLIENT} => payments/visa-v2[Deployment] : TCP 8080`, `${CLIENT} => payments/visa[Deployment] : TCP 8080`]);
    const dup = diagnostics.filter((d) => d.code === Codes.duplicateObject);
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ severity: 'warning', at: { file: 'v2.yaml', line: lineOf(v2, 'name: visa-svc') } });
    expect(dup[0]?.message).toContain('v1.yaml:');
    expect(dup[0]?.message).toContain('payments/visa-svc');
  });

  it('a port only one definition has reaches only that definition\'s workloads', () => {
    const v2other = server('payments', 'visa-v2', 9090, 'visa-svc');
    const { t } = scan({ 'v1.yaml': v1, 'v2.yaml': v2other, 'gateway.yaml': client('visa-svc.payments:9090') });
    expect(t.links.map(linkLine)).toEqual([`${CLIENT} => payments/visa-v2[Deployment] : TCP 9090`]);
    expect(t.unresolved).toEqual([]);
  });

  it('an Ingress backend that names it exposes every definition\'s workloads', () => {
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: pay
  namespace: payments
spec:
  defaultBackend:
    service:
      name: visa-svc
      port:
        number: 8080
`;
    const { t } = scan({ 'v1.yaml': v1, 'v2.yaml': v2, 'ingress.yaml': ingress });
    expect(t.links.map(linkLine)).toEqual(['{ingress-controller} => payments/visa-v2[Deployment] : TCP 8080', '{ingress-controller} => payments/visa[Deployment] : TCP 8080']);
  });
});
