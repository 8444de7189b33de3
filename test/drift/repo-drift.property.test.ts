import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/io/types.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { runRepoDrift, type RepoDriftRequest } from '../../src/pipeline/verify.js';
import { loadManifests } from '../../src/manifests/load.js';
import { renderPoliciesYaml } from '../../src/report/policies.js';
import { DEFAULT_SYNTHESIS_OPTIONS, synthesizePolicies, type NetworkPolicyManifest } from '../../src/synthesis/synthesize.js';
import { scanTopology } from '../../src/topology/scan.js';
import { peerKey } from '../../src/model/peer.js';

/**
 * Repo drift on generated apps (workloads in two namespaces, Services, addresses between them and
 * to outside IPs, Ingress exposure): the synthesized policies always verify clean, and deleting one
 * workload's policy (the namespace's default deny stays) gives exactly that workload's needs as
 * missing, DNS included, and nothing else.
 */

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 150);

interface Wl {
  readonly name: string;
  readonly ns: string;
  readonly port: number;
  readonly tier: string;
}
interface App {
  readonly workloads: readonly Wl[];
  readonly calls: readonly [number, number][];
  readonly ips: readonly [number, string][];
  readonly exposed: readonly number[];
}

const app: fc.Arbitrary<App> = fc
  .array(fc.record({ ns: fc.constantFrom('ns-a', 'ns-b'), port: fc.constantFrom(80, 8080, 9000), tier: fc.constantFrom('front', 'back') }), { minLength: 2, maxLength: 6 })
  .chain((ws) => {
    const workloads = ws.map((w, i) => ({ ...w, name: `w${i}` }));
    const n = workloads.length;
    return fc.record({
      workloads: fc.constant(workloads),
      calls: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a !== b), { maxLength: n * 2, selector: ([a, b]) => `${a}-${b}` }),
      ips: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.constantFrom('203.0.113.10', '198.51.100.7')), { maxLength: 2, selector: ([a, b]) => `${a}-${b}` }),
      exposed: fc.uniqueArray(fc.nat(n - 1), { maxLength: 2 }),
    });
  });

function appYaml(a: App): string {
  const docs: string[] = [];
  for (const ns of ['ns-a', 'ns-b']) docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`);
  a.workloads.forEach((w, i) => {
    const env = [
      ...a.calls.filter(([s]) => s === i).map(([, d], k) => `            - name: PEER_${k}\n              value: "http://${a.workloads[d]?.name}.${a.workloads[d]?.ns}.svc.cluster.local:80"\n`),
      ...a.ips.filter(([s]) => s === i).map(([, ip], k) => `            - name: IP_${k}\n              value: "https://${ip}:443"\n`),
    ].join('');
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${w.name}\n  namespace: ${w.ns}\nspec:\n  selector:\n    matchLabels:\n      app: ${w.name}\n  template:\n    metadata:\n      labels:\n        app: ${w.name}\n        tier: ${w.tier}\n    spec:\n      containers:\n        - name: c\n          image: x\n          ports:\n            - containerPort: ${w.port}\n` +
        (env ? `          env:\n${env}` : ''),
    );
    docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: ${w.name}\n  namespace: ${w.ns}\nspec:\n  selector:\n    app: ${w.name}\n  ports:\n    - port: 80\n      targetPort: ${w.port}\n`);
  });
  for (const i of a.exposed) {
    const w = a.workloads[i] as Wl;
    docs.push(
      `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${w.name}\n  namespace: ${w.ns}\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: ${w.name}\n                port:\n                  number: 80\n`,
    );
  }
  return docs.map((d) => `---\n${d}`).join('');
}

/** An Io over two in-memory folders: `app/` and `policies/`. */
function memoryIo(appText: string, policiesText: string): Io {
  const files = [
    { path: 'app/app.yaml', text: appText },
    { path: 'policies/policies.yaml', text: policiesText },
  ];
  return {
    readManifests: (paths: readonly string[]) => ({ files: files.filter((f) => paths.some((p) => f.path.startsWith(`${p}/`))), diagnostics: [], values: [] }),
    isDirectory: (p: string) => p === 'policies' || p === 'app',
  } as unknown as Io;
}

const REQUEST: RepoDriftRequest = { paths: ['app'], policies: 'policies', synthesis: DEFAULT_SYNTHESIS_OPTIONS };

function synthesized(text: string): NetworkPolicyManifest[] {
  const load = loadManifests([{ path: 'app/app.yaml', text }]);
  return [...synthesizePolicies(load.cluster, scanTopology(load.cluster).value.links, DEFAULT_SYNTHESIS_OPTIONS).value.policies];
}

describe('repo drift on generated apps', () => {
  it(`synthesized policies verify clean (${NUM_RUNS} apps)`, () => {
    fc.assert(
      fc.property(app, (a) => {
        const text = appYaml(a);
        const r = runRepoDrift(memoryIo(text, renderPoliciesYaml(synthesized(text))), REQUEST, DEFAULT_READ_SETTINGS);
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(r.drift.missing.map((m) => `${peerKey(m.src)} => ${peerKey(m.dst)}`)).toEqual([]);
        expect(r.drift.excess.map((m) => `${peerKey(m.src)} => ${peerKey(m.dst)}`)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`deleting one workload's policy gives exactly its needs as missing (${NUM_RUNS} apps)`, () => {
    fc.assert(
      fc.property(app, fc.nat(), (a, pick) => {
        const text = appYaml(a);
        const victim = a.workloads[pick % a.workloads.length] as Wl;
        const policies = synthesized(text).filter((p) => !(p.metadata.namespace === victim.ns && p.metadata.name === `${victim.name}-netpol`));
        const r = runRepoDrift(memoryIo(text, renderPoliciesYaml(policies)), REQUEST, DEFAULT_READ_SETTINGS);
        const key = `${victim.ns}/${victim.name}[Deployment]`;
        const i = a.workloads.indexOf(victim);
        const expected = new Set<string>();
        for (const [s, d] of a.calls) {
          if (s === i || d === i) expected.add(`${a.workloads[s]?.ns}/${a.workloads[s]?.name}[Deployment] => ${a.workloads[d]?.ns}/${a.workloads[d]?.name}[Deployment]`);
        }
        for (const [s, ip] of a.ips) if (s === i) expected.add(`${key} => ${ip}-${ip}[External]`);
        if (a.exposed.includes(i)) expected.add(`{ingress-controller} => ${key}`);
        const egress = a.calls.some(([s]) => s === i) || a.ips.some(([s]) => s === i);
        if (egress) expected.add(`${key} => kube-system/dns[Pod]`);
        expect(r.drift.missing.map((m) => `${peerKey(m.src)} => ${peerKey(m.dst)}`).sort()).toEqual([...expected].sort());
        expect(r.drift.excess).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
