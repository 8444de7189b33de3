import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/io/types.js';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { planRepoFix, runRepoDrift } from '../../src/pipeline/verify.js';
import { renderPoliciesYaml } from '../../src/report/policies.js';
import type { GapMode } from '../../src/synthesis/gap-rules.js';
import { DEFAULT_SYNTHESIS_OPTIONS, synthesizePolicies } from '../../src/synthesis/synthesize.js';
import { findGaps } from '../../src/topology/gaps.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * Policies synthesized with `--gaps=MODE` on generated apps full of gaps (workloads no manifest
 * calls, addresses that resolve to no Service, hosts outside the cluster, API-server clients by
 * RoleBinding) verify clean with `verify --gaps MODE`; what `--fix` would write is the same
 * policies; and verified as `deny`, every opening is excess, and nothing is missing.
 */

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 60);
const MODES: GapMode[] = ['deny', 'namespace', 'open'];

interface Wl {
  readonly name: string;
  readonly ns: string;
  readonly port: number;
  readonly calls: readonly number[];
  readonly extra: 'none' | 'nosvc' | 'host' | 'api';
}

const apps = fc
  .array(fc.record({ ns: fc.constantFrom('ns-a', 'ns-b'), port: fc.constantFrom(80, 8080, 9000), extra: fc.constantFrom<Wl['extra']>('none', 'none', 'nosvc', 'host', 'api') }), { minLength: 2, maxLength: 6 })
  .chain((ws) =>
    fc.tuple(fc.constant(ws), fc.array(fc.uniqueArray(fc.nat(ws.length - 1), { maxLength: 2 }), { minLength: ws.length, maxLength: ws.length })).map(([list, calls]) =>
      list.map((w, i): Wl => ({ ...w, name: `w${i}`, calls: (calls[i] ?? []).filter((d) => d !== i) })),
    ),
  );

function appYaml(ws: readonly Wl[]): string {
  const docs: string[] = [];
  for (const w of ws) {
    const env = [
      ...w.calls.map((d, k) => `{name: PEER_${k}_URL, value: "http://${ws[d]?.name}.${ws[d]?.ns}:80"}`),
      ...(w.extra === 'nosvc' ? ['{name: CACHE_URL, value: "http://cache:6379"}'] : []),
      ...(w.extra === 'host' ? ['{name: PAY_URL, value: "https://pay.example.com:443"}'] : []),
    ];
    const sa = w.extra === 'api' ? `      serviceAccountName: ${w.name}\n` : '';
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${w.name}, namespace: ${w.ns}}\nspec:\n  selector: {matchLabels: {app: ${w.name}}}\n  template:\n    metadata: {labels: {app: ${w.name}}}\n    spec:\n${sa}      containers: [{name: c, image: x, ports: [{containerPort: ${w.port}}], env: [${env.join(', ')}]}]\n`,
      `apiVersion: v1\nkind: Service\nmetadata: {name: ${w.name}, namespace: ${w.ns}}\nspec:\n  selector: {app: ${w.name}}\n  ports: [{port: 80, targetPort: ${w.port}}]\n`,
    );
    if (w.extra === 'api') {
      docs.push(`apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: ${w.name}, namespace: ${w.ns}}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}\nsubjects: [{kind: ServiceAccount, name: ${w.name}, namespace: ${w.ns}}]\n`);
    }
  }
  return docs.map((d) => `---\n${d}`).join('');
}

/** An Io over `app/app.yaml` and `policies/default.yaml`, in memory. */
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

function synthesized(text: string, mode: GapMode): string {
  const load = loadManifests([{ path: 'app/app.yaml', text }]);
  const scanned = scanTopology(load.cluster).value;
  const gaps = findGaps(load.cluster, scanned);
  return renderPoliciesYaml(synthesizePolicies(load.cluster, scanned.links, { ...DEFAULT_SYNTHESIS_OPTIONS, gaps: { mode, list: gaps } }).value.policies);
}

const pairs = (fs: readonly { src: never; dst: never }[]) => fs.map((f) => `${peerKey(f.src)} => ${peerKey(f.dst)}`);

describe('verify --gaps MODE on policies synthesized with --gaps=MODE', () => {
  it(`verify clean, --fix writes them back unchanged, and as deny every opening is excess (${NUM_RUNS} apps x 3 modes)`, () => {
    let openings = 0;
    fc.assert(
      fc.property(apps, (ws) => {
        const text = appYaml(ws);
        for (const mode of MODES) {
          const policies = synthesized(text, mode);
          const io = memoryIo(text, policies);
          const request = { paths: ['app'], policies: 'policies', synthesis: DEFAULT_SYNTHESIS_OPTIONS, gapMode: mode };
          const r = runRepoDrift(io, request, DEFAULT_READ_SETTINGS);
          expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          expect(pairs(r.drift.missing as never)).toEqual([]);
          expect(pairs(r.drift.excess as never)).toEqual([]);
          const fix = planRepoFix(io, request, DEFAULT_READ_SETTINGS, renderPoliciesYaml);
          const written = [...fix.writes.values()].join('');
          expect(written === '' ? policies : written).toBe(policies);
          if (mode === 'deny') continue;
          const strict = runRepoDrift(io, { ...request, gapMode: 'deny' }, DEFAULT_READ_SETTINGS);
          expect(pairs(strict.drift.missing as never)).toEqual([]);
          openings += strict.drift.excess.length;
        }
      }),
      { numRuns: NUM_RUNS },
    );
    // the apps have gaps, and their closures open something
    expect(openings).toBeGreaterThan(NUM_RUNS);
  });
});
