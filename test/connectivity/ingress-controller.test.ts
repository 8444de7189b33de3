import { describe, expect, it } from 'vitest';
import { analyzeConnectivity } from '../../src/connectivity/engine.js';
import { explainPair } from '../../src/connectivity/explain.js';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';

// Our own fixture: an Ingress exposes web (TCP 80) to the simulated ingress controller, "an
// unlabelled pod in a namespace of its own". Like any pod, its egress answers to cluster-wide
// admin policies (network-policy-api: an ANP/BANP subject selects pods of every namespace its
// selector matches), and its namespace carries a kubernetes.io/metadata.name label, as every
// namespace does (Kubernetes sets it on every Namespace).
const app = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, image: nginx, ports: [{name: http, containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 8080, targetPort: http}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec: {rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 8080}}}}]}}]}
---
`;
const admin = (kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy', spec: string) =>
  `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: ${kind}\nmetadata: {name: ${kind === 'AdminNetworkPolicy' ? 'a' : 'default'}}\nspec:\n${spec}\n---\n`;

function fromController(text: string): string[] {
  const { cluster } = loadManifests([{ path: 'm.yaml', text }]);
  return analyzeConnectivity(cluster)
    .value.connections.filter((c) => c.src.kind === 'ingress-controller' || peerKey(c.src) === '{ingress-controller}')
    .map((c) => `${peerKey(c.src)} => ${peerKey(c.dst)} : ${c.conns.toString()}`);
}

describe('the simulated ingress controller', () => {
  it('reaches the Ingress backend on its target port', () => {
    expect(fromController(app)).toEqual(['{ingress-controller} => shop/web[Pod] : TCP 80']);
  });

  it('is a subject of a cluster-wide AdminNetworkPolicy: an egress deny to the backend blocks it', () => {
    const anp = admin('AdminNetworkPolicy', '  priority: 5\n  subject: {namespaces: {}}\n  egress:\n  - {name: no-web, action: Deny, to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}}]}');
    expect(fromController(app + anp)).toEqual([]);
  });

  it('--explain agrees: the admin deny is the source egress step', () => {
    const anp = admin('AdminNetworkPolicy', '  priority: 5\n  subject: {namespaces: {}}\n  egress:\n  - {name: no-web, action: Deny, to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}}]}');
    const { cluster } = loadManifests([{ path: 'm.yaml', text: app + anp }]);
    const { engine } = analyzeConnectivity(cluster);
    const web = cluster.workloads[0]?.ref;
    if (!web) throw new Error('no workload');
    const x = explainPair(engine, { kind: 'ingress-controller' }, { kind: 'workload', ref: web });
    expect(x?.conns.isEmpty).toBe(true);
    expect(x?.egress?.map((s) => s.layer)).toEqual(['ANP']);
    // without the admin policy, the controller's egress stays "not restricted"
    const plainCluster = loadManifests([{ path: 'm.yaml', text: app }]).cluster;
    const plainWeb = plainCluster.workloads[0]?.ref;
    if (!plainWeb) throw new Error('no workload');
    const open = explainPair(analyzeConnectivity(plainCluster).engine, { kind: 'ingress-controller' }, { kind: 'workload', ref: plainWeb });
    expect(open?.conns.toString()).toBe('TCP 80');
    expect(open?.egress).toBeUndefined();
  });

  it('is no subject of an admin policy whose subject needs labels it does not have', () => {
    const anp = admin('AdminNetworkPolicy', '  priority: 5\n  subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {role: proxy}}}}\n  egress:\n  - {name: no-web, action: Deny, to: [{namespaces: {}}]}');
    expect(fromController(app + anp)).toEqual(['{ingress-controller} => shop/web[Pod] : TCP 80']);
  });

  it('its namespace has a name label: DoesNotExist does not match it, Exists does', () => {
    const deny = (op: string) => admin('BaselineAdminNetworkPolicy', `  subject: {namespaces: {}}\n  ingress:\n  - {name: r, action: Deny, from: [{namespaces: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: ${op}}]}}]}`);
    expect(fromController(app + deny('DoesNotExist'))).toEqual(['{ingress-controller} => shop/web[Pod] : TCP 80']);
    expect(fromController(app + deny('Exists'))).toEqual([]);
  });
});
