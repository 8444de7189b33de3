import { describe, expect, it } from 'vitest';
import { analyzeConnectivity } from '../../src/connectivity/engine.js';
import { Codes, formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadManifests } from '../../src/manifests/load.js';
import { renderConnectivityTxt } from '../../src/report/connectivity.js';

/**
 * hostNetwork pods: "NetworkPolicy behavior for hostNetwork pods is undefined" (the NetworkPolicy
 * concept page, kubernetes.io/docs/concepts/services-networking/network-policies). The answer
 * takes the reading nca and netpol-analyzer take (a pod on the pod network: the random hunts
 * compare it with nca's), and says so, once per workload, at its hostNetwork field.
 */
const yaml = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: mon}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      hostNetwork: true
      containers: [{name: c, image: node-exporter, ports: [{name: metrics, containerPort: 9100}]}]
---
apiVersion: v1
kind: Pod
metadata:
  name: agent-x1
  namespace: mon
  labels: {app: agent}
  ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: agent, uid: u1, controller: true}]
spec:
  hostNetwork: true
  containers: [{name: c, image: node-exporter, ports: [{name: metrics, containerPort: 9100}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: scraper, namespace: mon, labels: {app: scraper}}
spec: {containers: [{name: c, image: prometheus}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: agent, namespace: mon}
spec:
  podSelector: {matchLabels: {app: agent}}
  ingress: [{from: [{podSelector: {matchLabels: {app: scraper}}}], ports: [{port: metrics}]}]
`;

describe('hostNetwork pods', () => {
  it('are analysed as pods on the pod network, with one warning NPC295 per workload at its hostNetwork field', () => {
    const { cluster, diagnostics } = loadManifests([{ path: 'm.yaml', text: yaml }]);
    const warnings = diagnostics.filter((d) => d.code === Codes.hostNetworkUndefined).map(formatDiagnostic);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^m\.yaml:9:20 \[doc 1\] warning NPC295 spec\.template\.spec\.hostNetwork: mon\/agent\[DaemonSet\] runs on the host network/);
    const txt = renderConnectivityTxt(analyzeConnectivity(cluster).value);
    expect(txt).toContain('mon/scraper[Pod] => mon/agent[DaemonSet] : TCP 9100\n');
    expect(txt).not.toContain('[External] => mon/agent[DaemonSet]');
  });

  it('a pod on the pod network gets no such warning', () => {
    const { diagnostics } = loadManifests([{ path: 'm.yaml', text: yaml.replaceAll('hostNetwork: true', 'hostNetwork: false') }]);
    expect(diagnostics.filter((d) => d.code === Codes.hostNetworkUndefined)).toEqual([]);
  });
});
