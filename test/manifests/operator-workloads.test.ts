import { describe, expect, it } from 'vitest';
import { Codes } from '../../src/diagnostics/diagnostic.js';
import { loadManifests } from '../../src/manifests/load.js';

/**
 * kube-prometheus ships a `Prometheus` and an `Alertmanager` custom resource; the Prometheus
 * Operator runs their pods (StatefulSets prometheus-k8s and alertmanager-main), which no manifest
 * holds, and the shipped NetworkPolicies select them. The report cannot show those pods: it says
 * so, at each such resource's `spec.replicas` (the scale subresource's convention), instead of
 * leaving them out silently. A custom resource without replicas (a ServiceMonitor) runs no pods.
 */
const TEXT = `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata:
  name: k8s
  namespace: monitoring
spec:
  podMetadata:
    labels: {app.kubernetes.io/name: prometheus}
  replicas: 2
---
apiVersion: monitoring.coreos.com/v1
kind: Alertmanager
metadata: {name: main, namespace: monitoring}
spec: {replicas: 3}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: grafana, namespace: monitoring}
spec:
  endpoints: [{port: http, interval: 15s}]
  selector: {matchLabels: {app.kubernetes.io/name: grafana}}
---
apiVersion: example.org/v1
kind: Cache
metadata: {name: paused, namespace: monitoring}
spec: {replicas: 0}
`;

describe('custom resources an operator runs pods for', () => {
  it('one warning per resource with spec.replicas, at that field, naming it', () => {
    const warnings = loadManifests([{ path: 'kp.yaml', text: TEXT }]).diagnostics.filter((d) => d.code === Codes.operatorRunsPods);
    expect(warnings.map((d) => [d.severity, d.at?.line, d.at?.path?.join('.'), d.message.split(' is a custom resource')[0]])).toEqual([
      ['warning', 9, 'spec.replicas', 'Prometheus monitoring/k8s (monitoring.coreos.com/v1)'],
      ['warning', 14, 'spec.replicas', 'Alertmanager monitoring/main (monitoring.coreos.com/v1)'],
    ]);
  });
});
