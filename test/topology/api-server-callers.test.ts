import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { workloadKey } from '../../src/manifests/cluster.js';
import { findGaps } from '../../src/topology/gaps.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * The Kubernetes API server calls the Services that an `APIService` (an aggregated API:
 * kube-prometheus' prometheus-adapter serving `v1beta1.metrics.k8s.io`) and an admission webhook
 * (`ValidatingWebhookConfiguration`, `MutatingWebhookConfiguration`: `webhooks[].clientConfig.service`)
 * name. The caller is known, its address is not (the control plane is outside the manifests): the
 * workload's ingress gap says so, at the field that names the Service, instead of "no manifest
 * names a caller".
 */
const ADAPTER = `apiVersion: apps/v1
kind: Deployment
metadata: {name: prometheus-adapter, namespace: monitoring}
spec:
  selector: {matchLabels: {app: adapter}}
  template:
    metadata: {labels: {app: adapter}}
    spec:
      containers: [{name: a, image: adapter, ports: [{name: https, containerPort: 6443}]}]
---
apiVersion: v1
kind: Service
metadata: {name: prometheus-adapter, namespace: monitoring}
spec:
  selector: {app: adapter}
  ports: [{name: https, port: 443, targetPort: https}]
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1beta1.metrics.k8s.io}
spec:
  group: metrics.k8s.io
  version: v1beta1
  service:
    name: prometheus-adapter
    namespace: monitoring
`;

const WEBHOOK = `apiVersion: apps/v1
kind: Deployment
metadata: {name: policy-webhook, namespace: policy}
spec:
  selector: {matchLabels: {app: webhook}}
  template:
    metadata: {labels: {app: webhook}}
    spec:
      containers: [{name: w, image: webhook, ports: [{containerPort: 9443}, {containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: policy-webhook, namespace: policy}
spec:
  selector: {app: webhook}
  ports: [{port: 443, targetPort: 9443}]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: policy}
webhooks:
  - name: validate.policy.example.org
    admissionReviewVersions: [v1]
    sideEffects: None
    clientConfig:
      service: {name: policy-webhook, namespace: policy, path: /validate}
`;

function ingressGaps(text: string) {
  const load = loadManifests([{ path: 'm.yaml', text }]);
  expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return findGaps(load.cluster, scanTopology(load.cluster).value)
    .filter((g) => g.direction === 'ingress')
    .map((g) => ({ workload: workloadKey(g.workload), reason: g.reason, conns: g.conns?.toString(), line: g.at.line, path: g.at.path?.join('.'), caller: /the Kubernetes API server calls it/.test(g.detail) }));
}

describe('Services the Kubernetes API server calls', () => {
  it('an APIService: the adapter is called by the API server on its target port, cited at spec.service', () => {
    expect(ingressGaps(ADAPTER)).toEqual([{ workload: 'monitoring/prometheus-adapter[Deployment]', reason: 'no-ingress-source', conns: 'TCP 6443', line: 24, path: 'spec.service', caller: true }]);
  });

  it('an admission webhook: called on its Service port\'s target (443 by default); the container\'s other port stays a plain gap', () => {
    expect(ingressGaps(WEBHOOK)).toEqual([{ workload: 'policy/policy-webhook[Deployment]', reason: 'no-ingress-source', conns: 'TCP 8080,9443', line: 26, path: 'webhooks.0.clientConfig.service', caller: true }]);
  });
});
