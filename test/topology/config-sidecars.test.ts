import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * Grafana's chart (and kube-prometheus-stack) load datasources with the kiwigrid k8s-sidecar: a
 * container with `LABEL` and `FOLDER` copies every ConfigMap carrying that label into the pod.
 * The OpenTelemetry demo's Grafana reads `url: http://prometheus:9090` so; the scan missed it.
 */
const SIDECAR = (env: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: grafana, namespace: mon}
spec:
  selector: {matchLabels: {app: grafana}}
  template:
    metadata: {labels: {app: grafana}}
    spec:
      containers:
        - name: grafana
          image: grafana/grafana
        - name: grafana-sc-datasources
          image: quay.io/kiwigrid/k8s-sidecar:1.30.10
          env:
${env}`;
const DEFAULT_ENV = `            - {name: METHOD, value: WATCH}
            - {name: LABEL, value: grafana_datasource}
            - {name: FOLDER, value: /etc/grafana/provisioning/datasources}
            - {name: RESOURCE, value: both}
`;
const datasource = (name: string, ns: string, label: string, url: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}, namespace: ${ns}, labels: {${label}}}
data:
  ds.yaml: |
    apiVersion: 1
    datasources:
      - name: x
        url: ${url}
`;
const server = (name: string, ns: string, port: number) => `apiVersion: v1
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
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: c, image: ${name}, ports: [{containerPort: ${port}}]}]
`;

function links(...docs: string[]) {
  const load = loadManifests([{ path: 'app.yaml', text: docs.join('---\n') }]);
  const t = scanTopology(load.cluster).value;
  return { t, lines: t.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`) };
}

describe('ConfigMaps a k8s-sidecar loads by label are read as if mounted', () => {
  it('the labelled datasource in the pod\'s namespace gives a link, with the ConfigMap line and the LABEL entry as provenance', () => {
    const { t, lines } = links(SIDECAR(DEFAULT_ENV), datasource('ds', 'mon', 'grafana_datasource: "1"', 'http://prometheus:9090'), datasource('other', 'mon', 'unrelated: "1"', 'http://loki:3100'), server('prometheus', 'mon', 9090), server('loki', 'mon', 3100));
    expect(lines).toEqual(['mon/grafana[Deployment] => mon/prometheus[Deployment] : TCP 9090']);
    const ev = t.links[0]?.evidence[0] as { configMap?: string; via?: { line?: number } };
    expect(ev.configMap).toBe('mon/ds');
    expect(ev.via?.line).toBe(16);
  });

  it('LABEL_VALUE, NAMESPACE (a list, or ALL) and RESOURCE=secret are honoured', () => {
    const cms = [datasource('a', 'mon', 'ds: "1"', 'http://prometheus:9090'), datasource('b', 'other', 'ds: "2"', 'http://loki.other:3100'), server('prometheus', 'mon', 9090), server('loki', 'other', 3100)];
    const env = (extra: string) => `            - {name: LABEL, value: ds}\n            - {name: FOLDER, value: /x}\n${extra}`;
    expect(links(SIDECAR(env('')), ...cms).lines).toEqual(['mon/grafana[Deployment] => mon/prometheus[Deployment] : TCP 9090']);
    expect(links(SIDECAR(env('            - {name: NAMESPACE, value: ALL}\n')), ...cms).lines).toEqual(['mon/grafana[Deployment] => mon/prometheus[Deployment] : TCP 9090', 'mon/grafana[Deployment] => other/loki[Deployment] : TCP 3100']);
    expect(links(SIDECAR(env('            - {name: NAMESPACE, value: "other"}\n            - {name: LABEL_VALUE, value: "2"}\n')), ...cms).lines).toEqual(['mon/grafana[Deployment] => other/loki[Deployment] : TCP 3100']);
    expect(links(SIDECAR(env('            - {name: RESOURCE, value: secret}\n')), ...cms).lines).toEqual([]);
  });

  it('a container with LABEL but no FOLDER is no such sidecar', () => {
    expect(links(SIDECAR('            - {name: LABEL, value: ds}\n'), datasource('a', 'mon', 'ds: "1"', 'http://prometheus:9090'), server('prometheus', 'mon', 9090)).lines).toEqual([]);
  });
});

describe('SSH known_hosts files are trust lists, not addresses', () => {
  it('a mounted ssh_known_hosts key gives no link and no gap; other keys of the same ConfigMap still do', () => {
    const app = `apiVersion: v1
kind: ConfigMap
metadata: {name: ssh, namespace: mon}
data:
  ssh_known_hosts: |
    github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl
    [ssh.github.com]:443 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl
    prometheus ssh-ed25519 AAAA
  remote.url: http://prometheus:9090
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: repo, namespace: mon}
spec:
  selector: {matchLabels: {app: repo}}
  template:
    metadata: {labels: {app: repo}}
    spec:
      volumes: [{name: ssh, configMap: {name: ssh}}]
      containers: [{name: c, image: x}]
`;
    const { t, lines } = links(app, server('prometheus', 'mon', 9090));
    expect(lines).toEqual(['mon/repo[Deployment] => mon/prometheus[Deployment] : TCP 9090']);
    expect(t.links[0]?.evidence.map((e) => (e.kind === 'address' ? e.value : ''))).toEqual(['http://prometheus:9090']);
    expect(t.unresolved).toEqual([]);
  });
});
