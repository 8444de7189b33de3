import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { renderPoliciesYaml } from '../../src/report/policies.js';
import { DEFAULT_SYNTHESIS_OPTIONS, synthesizePolicies, type NetworkPolicyManifest } from '../../src/synthesis/synthesize.js';
import type { GapMode } from '../../src/synthesis/gap-rules.js';
import { findGaps } from '../../src/topology/gaps.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * The same input in another file order or document order gives the same policies: byte-identical
 * for another file order, and the same specs (only provenance lines move) for another document order.
 */

function synth(files: readonly { path: string; text: string }[], mode: GapMode = 'deny') {
  const loaded = loadManifests(files);
  const scanned = scanTopology(loaded.cluster).value;
  const gaps = findGaps(loaded.cluster, scanned);
  return synthesizePolicies(loaded.cluster, scanned.links, { ...DEFAULT_SYNTHESIS_OPTIONS, gaps: { mode, list: gaps } }).value.policies;
}

const specs = (ps: readonly NetworkPolicyManifest[]) => dump(ps.map((p) => ({ name: p.metadata.name, spec: p.spec })));

// worker: one address outside the cluster and one in-cluster address that resolves to nothing
const WORKER = `apiVersion: apps/v1
kind: Deployment
metadata: {name: worker, namespace: shop}
spec:
  selector: {matchLabels: {app: worker}}
  template:
    metadata: {labels: {app: worker}}
    spec:
      containers:
        - name: c
          image: x
          env:
            - {name: PAY_URL, value: "https://pay.example.com:443"}
            - {name: CACHE_URL, value: "http://cache:6379"}
`;
const API = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]
`;
const lb = (name: string, type: string) => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: shop}
spec:
  type: ${type}
  selector: {app: api}
  ports: [{port: 80, targetPort: 8080}]
`;

describe('synthesis does not depend on the input order', () => {
  it('gap closures (--gaps=namespace) come in the same order whatever the order of the addresses behind them', () => {
    const swapped = WORKER.replace(/( {12}- \{name: PAY_URL.*\n)( {12}- \{name: CACHE_URL.*\n)/, '$2$1');
    expect(swapped).not.toBe(WORKER);
    const a = synth([{ path: 'app.yaml', text: [WORKER, API].join('---\n') }], 'namespace');
    const b = synth([{ path: 'app.yaml', text: [swapped, API].join('---\n') }], 'namespace');
    const worker = a.find((p) => p.metadata.name === 'worker-netpol');
    // three closures: api (no known caller) on 8080, the namespace on 6379, 0.0.0.0/0 on 443; then DNS
    expect(worker?.spec.egress?.length).toBe(4);
    expect(specs(b)).toBe(specs(a));
  });

  it('a link found in several files lists its provenance in file order, whatever order the files are given in', () => {
    const files = [
      { path: 'a.yaml', text: API },
      { path: 'b.yaml', text: lb('api-lb', 'LoadBalancer') },
      { path: 'c.yaml', text: lb('api-np', 'NodePort') },
    ];
    const a = renderPoliciesYaml(synth(files));
    const b = renderPoliciesYaml(synth([files[2], files[0], files[1]] as typeof files));
    expect(b).toBe(a);
    expect(a).toMatch(/Service shop\/api-lb \(LoadBalancer\) \(b\.yaml:\d+\); Service shop\/api-np \(NodePort\) \(c\.yaml:\d+\)/);
  });
});
