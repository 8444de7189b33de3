import { describe, expect, it } from 'vitest';
import { CauseFinder } from '../../src/connectivity/causes.js';
import { PolicyEngine } from '../../src/connectivity/engine.js';
import { loadManifests } from '../../src/manifests/load.js';

const engine = (text: string) => new PolicyEngine(loadManifests([{ path: 'p.yaml', text }]).cluster);
const policy = (name: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${spec}\n---\n`;

describe('a policy counts as edited when its spec holds other data, not other text', () => {
  it('reordered keys, quoting, flow style and comments are no edit; a port, an added peer and a list order are', () => {
    const before = [
      policy('same', '  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Ingress]\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: web}}}]\n    ports: [{port: 8080, protocol: TCP}]'),
      policy('port', '  podSelector: {matchLabels: {app: db}}\n  ingress:\n  - ports: [{port: 5432}]'),
      policy('peer', '  podSelector: {}\n  ingress:\n  - from: [{podSelector: {}}]'),
      policy('order', '  podSelector: {}\n  policyTypes: [Ingress, Egress]'),
    ].join('');
    const after = [
      policy('same', '  # reformatted\n  ingress:\n    - ports:\n        - protocol: "TCP"\n          port: 8080\n      from:\n        - podSelector:\n            matchLabels:\n              app: \'web\'\n  policyTypes:\n    - Ingress\n  podSelector:\n    matchLabels: {app: api}'),
      policy('port', '  podSelector: {matchLabels: {app: db}}\n  ingress:\n  - ports: [{port: 5433}]'),
      policy('peer', '  podSelector: {}\n  ingress:\n  - from: [{podSelector: {}}, {namespaceSelector: {}}]'),
      policy('order', '  podSelector: {}\n  policyTypes: [Egress, Ingress]'),
    ].join('');
    const finder = new CauseFinder(engine(before), engine(after));
    expect([...finder.policyChanges.keys()].sort()).toEqual(['shop/order', 'shop/peer', 'shop/port'].map((k) => expect.stringContaining(k)));
    expect([...finder.policyChanges.values()].map((c) => c.kind)).toEqual(['policy-edited', 'policy-edited', 'policy-edited']);
  });
});
