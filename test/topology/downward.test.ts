import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { findGaps } from '../../src/topology/gaps.js';
import { type Link, type Topology } from '../../src/topology/links.js';
import { scanTopology } from '../../src/topology/scan.js';
import { refAsHost, portAfterRef } from '../../src/topology/downward.js';

/**
 * Env vars set from the Downward API (`valueFrom.fieldRef`): the namespace expands like a value;
 * the node's address (`status.hostIP`, the idiom for a node-local agent: Instana's
 * INSTANA_AGENT_HOST, Datadog's DD_AGENT_HOST, `http://$(HOST_IP):4317` for an OpenTelemetry
 * collector DaemonSet) is a gap on the stated port, never silently blocked; the pod's own address
 * is no destination; a pod name known only at run time is said to be so.
 */

function load(text: string): { topology: Topology; cluster: ReturnType<typeof loadManifests>['cluster'] } {
  const r = loadManifests([{ path: 'app.yaml', text }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { topology: scanTopology(r.cluster).value, cluster: r.cluster };
}

const linkLine = (l: Link) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`;

const SERVICE = (name: string, ns: string, port: number) => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {app: ${name}}
  ports: [{port: ${port}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: ${port}}]}]
`;

const client = (env: string, args = '[]') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: shop}
spec:
  template:
    metadata: {labels: {app: client}}
    spec:
      containers:
        - name: c
          image: x
          args: ${args}
          env:
${env}`;

describe('Downward API variables in addresses', () => {
  it('$(POD_NAMESPACE) from metadata.namespace expands to the workload\'s namespace: the address resolves', () => {
    const { topology } = load(`${SERVICE('redis', 'shop', 6379)}---
${client(`            - name: POD_NAMESPACE
              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
            - name: REDIS_URL
              value: redis://redis.$(POD_NAMESPACE).svc.cluster.local:6379`)}`);
    expect(topology.links.map(linkLine)).toEqual(['shop/client[Deployment] => shop/redis[Deployment] : TCP 6379']);
    expect(topology.unresolved).toEqual([]);
  });

  it('an address-named var from status.hostIP is a node-address gap, on the port its paired var states', () => {
    const text = client(`            - name: INSTANA_AGENT_HOST
              valueFrom:
                fieldRef:
                  fieldPath: status.hostIP
            - name: INSTANA_AGENT_PORT
              value: "42699"`);
    const { topology, cluster } = load(text);
    expect(topology.links).toEqual([]);
    expect(topology.unresolved.map((u) => ({ value: u.value, reason: u.reason, line: u.at.line, path: (u.at.path ?? []).join('.') }))).toEqual([
      { value: '$(status.hostIP) (INSTANA_AGENT_PORT=42699)', reason: 'node-address', line: text.split('\n').findIndex((l) => l.includes('fieldPath: status.hostIP')) + 1, path: 'spec.template.spec.containers.0.env.0.valueFrom.fieldRef.fieldPath' },
    ]);
    const gaps = findGaps(cluster, topology).filter((g) => g.direction === 'egress');
    expect(gaps.map((g) => `${g.reason} ${g.conns.toString()}`)).toEqual(['node-address TCP 42699']);
    expect(gaps[0]?.close).toContain('node CIDR');
  });

  it('without a paired port the node-address gap covers every port; a var not named like an address is no gap by itself', () => {
    const { topology, cluster } = load(client(`            - name: DD_AGENT_HOST
              valueFrom: {fieldRef: {fieldPath: status.hostIP}}
            - name: HOST_IP
              valueFrom: {fieldRef: {fieldPath: status.hostIP}}`));
    expect(topology.unresolved.map((u) => `${u.reason} ${u.value}`)).toEqual(['node-address $(status.hostIP)']);
    expect(findGaps(cluster, topology).map((g) => `${g.direction} ${g.reason} ${g.conns.toString()}`)).toEqual(['egress node-address All Connections']);
  });

  it('$(HOST_IP) where a host goes, in an env value or an arg, is a node-address gap on the written port', () => {
    const { topology, cluster } = load(client(`            - name: HOST_IP
              valueFrom: {fieldRef: {fieldPath: status.hostIP}}
            - name: OTEL_EXPORTER_OTLP_ENDPOINT
              value: http://$(HOST_IP):4317`, '["--collector.host-port=$(HOST_IP):14267", "--log-prefix=$(HOST_IP)-x"]'));
    expect(topology.unresolved.map((u) => `${u.reason} ${u.value} ${u.conns?.toString() ?? '-'}`)).toEqual([
      'node-address --collector.host-port=$(HOST_IP):14267 TCP 14267',
      'node-address http://$(HOST_IP):4317 TCP 4317',
    ]);
    expect(topology.unresolved.every((u) => u.detail.includes('status.hostIP'))).toBe(true);
    expect(findGaps(cluster, topology).map((g) => g.conns.toString()).sort()).toEqual(['TCP 14267', 'TCP 4317']);
  });

  it('the pod\'s own address is no destination; a pod name known only at run time is said to be so', () => {
    const { topology } = load(client(`            - name: POD_IP
              valueFrom: {fieldRef: {fieldPath: status.podIP}}
            - name: POD_NAME
              valueFrom: {fieldRef: {fieldPath: metadata.name}}
            - name: SELF_URL
              value: http://$(POD_IP):8080
            - name: PEER_URL
              value: http://$(POD_NAME).peers:8080`));
    expect(topology.unresolved.map((u) => `${u.reason} ${u.value}: ${u.detail}`)).toEqual([
      'undefined-variable http://$(POD_NAME).peers:8080: $(POD_NAME) is the pod\'s metadata.name (Downward API), known only at run time',
    ]);
  });

  it('refAsHost and portAfterRef read the reference\'s place in the value', () => {
    expect(refAsHost('$(H)', 'H')).toBe(true);
    expect(refAsHost('http://$(H):80/x', 'H')).toBe(true);
    expect(refAsHost('--x=$(H):80', 'H')).toBe(true);
    expect(refAsHost('prefix-$(H)-suffix', 'H')).toBe(false);
    expect(refAsHost('$(H).svc', 'H')).toBe(false);
    expect(portAfterRef('http://$(H):4317/v1', 'H')).toBe(4317);
    expect(portAfterRef('http://$(H):99999', 'H')).toBeUndefined();
    expect(portAfterRef('http://$(H)/v1', 'H')).toBeUndefined();
  });
});
