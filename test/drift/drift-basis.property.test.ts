import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/io/types.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { runRepoDrift, type RepoDriftRequest } from '../../src/pipeline/verify.js';
import { loadManifests } from '../../src/manifests/load.js';
import { renderPoliciesYaml } from '../../src/report/policies.js';
import { DEFAULT_SYNTHESIS_OPTIONS, synthesizePolicies, type SynthesisOptions } from '../../src/synthesis/synthesize.js';
import { findGaps } from '../../src/topology/gaps.js';
import { scanTopology } from '../../src/topology/scan.js';
import type { GapMode } from '../../src/synthesis/gap-rules.js';
import { peerKey } from '../../src/model/peer.js';

/**
 * The drift basis on generated apps (calls between two namespaces, outside addresses, hostnames
 * and callers the manifests cannot tell, i.e. gaps): policies synthesized with `--no-ports` and a
 * gap mode verify clean on that basis; judged as if they had ports, they are never missing
 * anything (peer-only rules allow more, never less); and policies synthesized with ports verify
 * clean on a `--no-ports` basis too (naming ports is never excess, and still allows every need).
 */

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 60);

interface Wl {
  readonly name: string;
  readonly ns: string;
  readonly port: number;
}
interface App {
  readonly workloads: readonly Wl[];
  readonly calls: readonly [number, number][];
  /** Values a workload holds that resolve to an outside address or host. */
  readonly outside: readonly [number, string][];
}

const generated: fc.Arbitrary<App> = fc
  .array(fc.record({ ns: fc.constantFrom('ns-a', 'ns-b'), port: fc.constantFrom(80, 8080, 9000) }), { minLength: 2, maxLength: 5 })
  .chain((ws) => {
    const workloads = ws.map((w, i) => ({ ...w, name: `w${i}` }));
    const n = workloads.length;
    return fc.record({
      workloads: fc.constant(workloads),
      calls: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a !== b), { maxLength: n * 2, selector: ([a, b]) => `${a}-${b}` }),
      outside: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.constantFrom('https://203.0.113.10:443', 'https://pay.example.com:443', 'http://ghost:80')), { maxLength: 3, selector: ([a, b]) => `${a}-${b}` }),
    });
  });

function yamlOf(a: App): string {
  const docs: string[] = ['apiVersion: v1\nkind: Namespace\nmetadata: {name: ns-a}\n', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: ns-b}\n'];
  a.workloads.forEach((w, i) => {
    const values = [...a.calls.filter(([s]) => s === i).map(([, d]) => `http://${a.workloads[d]?.name}.${a.workloads[d]?.ns}.svc.cluster.local:80`), ...a.outside.filter(([s]) => s === i).map(([, v]) => v)];
    const env = values.map((v, k) => `{name: V${k}, value: "${v}"}`).join(', ');
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${w.name}, namespace: ${w.ns}}\nspec:\n  selector: {matchLabels: {app: ${w.name}}}\n  template:\n    metadata: {labels: {app: ${w.name}}}\n    spec: {containers: [{name: c, image: x, ports: [{containerPort: ${w.port}}]${env ? `, env: [${env}]` : ''}}]}\n`,
    );
    docs.push(`apiVersion: v1\nkind: Service\nmetadata: {name: ${w.name}, namespace: ${w.ns}}\nspec: {selector: {app: ${w.name}}, ports: [{port: 80, targetPort: ${w.port}}]}\n`);
  });
  return docs.map((d) => `---\n${d}`).join('');
}

/** An Io over two in-memory folders, `app/` and `policies/`. */
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

/** What `synthesize [--no-ports] --gaps MODE` writes for the app. */
function synthesized(text: string, mode: GapMode, noPorts: boolean): string {
  const load = loadManifests([{ path: 'app/app.yaml', text }]);
  const scanned = scanTopology(load.cluster).value;
  const options: SynthesisOptions = { ...DEFAULT_SYNTHESIS_OPTIONS, noPorts, gaps: { mode, list: findGaps(load.cluster, { links: scanned.links, unresolved: scanned.unresolved }) } };
  return renderPoliciesYaml(synthesizePolicies(load.cluster, scanned.links, options).value.policies);
}

const judged = (text: string, policies: string, mode: GapMode, noPorts: boolean) => {
  const request: RepoDriftRequest = { paths: ['app'], policies: 'policies', gapMode: mode, synthesis: { ...DEFAULT_SYNTHESIS_OPTIONS, ...(noPorts ? { noPorts: true } : {}) } };
  const r = runRepoDrift(memoryIo(text, policies), request, DEFAULT_READ_SETTINGS);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const pairs = (fs: readonly { src: Parameters<typeof peerKey>[0]; dst: Parameters<typeof peerKey>[0] }[]) => fs.map((f) => `${peerKey(f.src)} => ${peerKey(f.dst)}`);
  return { missing: pairs(r.drift.missing), excess: pairs(r.drift.excess) };
};

describe('the drift basis on generated apps', () => {
  const mode = fc.constantFrom<GapMode>('deny', 'namespace', 'open');

  it(`peer-only policies verify clean on their basis, and miss nothing judged as with ports (${NUM_RUNS} apps)`, () => {
    fc.assert(
      fc.property(generated, mode, (a, m) => {
        const text = yamlOf(a);
        const policies = synthesized(text, m, true);
        expect(judged(text, policies, m, true)).toEqual({ missing: [], excess: [] });
        expect(judged(text, policies, m, false).missing).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`policies with ports verify clean on a --no-ports basis too (${NUM_RUNS} apps)`, () => {
    fc.assert(
      fc.property(generated, mode, (a, m) => {
        const text = yamlOf(a);
        expect(judged(text, synthesized(text, m, false), m, true)).toEqual({ missing: [], excess: [] });
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
