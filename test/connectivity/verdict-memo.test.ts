import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { PolicyEngine } from '../../src/connectivity/engine.js';
import { evaluateRules } from '../../src/connectivity/evaluate.js';
import type { EvalPeer } from '../../src/connectivity/binding.js';

/**
 * The engine remembers a verdict per subject by the set of rules the peer matches (VerdictMemo).
 * Here every (subject, direction, peer) answer through the memo must equal a fresh evaluation,
 * on a configuration built to trip it: named ports resolved per destination on egress (never
 * remembered) and on ingress (against the subject), admin Pass/Deny layered over NetworkPolicies,
 * address atoms, and a subject with more than 31 rules (the signature is then a list, not a mask).
 */
function deployment(name: string, labels: Record<string, string>, ports: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ns}
spec:
  selector: {matchLabels: {app: ${labels.app}}}
  template:
    metadata: {labels: ${JSON.stringify(labels)}}
    spec: {containers: [{name: c, image: i, ports: ${ports}}]}
`;
}

const manyRules = Array.from({ length: 40 }, (_, i) => `  - from: [{podSelector: {matchLabels: {tier: t${i % 4}}}}]\n    ports: [{port: ${1000 + i}}]`).join('\n');
const yaml = [
  deployment('a', { app: 'a', tier: 't0' }, '[{name: http, containerPort: 8080}]'),
  deployment('b', { app: 'b', tier: 't1' }, '[{name: http, containerPort: 9090}]'),
  deployment('c', { app: 'c', tier: 't2' }, '[{name: http, containerPort: 7070, protocol: UDP}]'),
  deployment('d', { app: 'd', tier: 't3' }, '[{name: metrics, containerPort: 9100}]'),
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: named-egress, namespace: ns}
spec:
  podSelector: {matchLabels: {app: a}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {}}]
    ports: [{port: http}]
  - to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
`,
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: many, namespace: ns}
spec:
  podSelector: {matchLabels: {app: b}}
  ingress:
${manyRules}
  - from: [{podSelector: {}}]
    ports: [{port: http}]
`,
  `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: admin}
spec:
  priority: 5
  subject: {namespaces: {}}
  ingress:
  - {action: Deny, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {tier: t3}}}}], ports: [{portNumber: {protocol: TCP, port: 1003}}]}
  - {action: Pass, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {tier: t2}}}}]}
  egress:
  - {action: Allow, to: [{networks: [192.168.0.0/16]}]}
`,
].join('---\n');

describe('VerdictMemo', () => {
  it('answers like a fresh evaluation for every subject, direction and peer, asked twice', () => {
    const { cluster, diagnostics } = loadManifests([{ path: 'memo.yaml', text: yaml }]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const engine = new PolicyEngine(cluster);
    const classes = engine.classes.all;
    expect(classes.length).toBeGreaterThanOrEqual(4);
    const peers: EvalPeer[] = [...classes.map((cls): EvalPeer => ({ kind: 'class', cls })), ...engine.atoms.map((_, atom): EvalPeer => ({ kind: 'atom', atom }))];
    let checked = 0;
    for (let round = 0; round < 2; round++) {
      for (const subject of classes) {
        for (const direction of ['ingress', 'egress'] as const) {
          const dr = engine.binding.rules.get(subject.id)?.[direction];
          for (const peer of peers) {
            expect(engine.evaluate(subject, direction, peer).toString()).toBe(evaluateRules(dr, subject, direction, peer).toString());
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    // the subject with 41 ingress rules really has them
    const b = classes.find((c) => c.labels.app === 'b');
    expect(b && engine.binding.rules.get(b.id)?.ingress.np.length).toBe(41);
  });
});
