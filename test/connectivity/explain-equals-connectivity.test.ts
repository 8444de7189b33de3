import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicyEngine } from '../../src/connectivity/engine.js';
import { explainPair } from '../../src/connectivity/explain.js';
import { nodeIo } from '../../src/io/node-io.js';
import { ConnectionSet } from '../../src/model/connection-set.js';
import { peerKey, type Peer } from '../../src/model/peer.js';
import { loadInputs } from '../../src/pipeline/load.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { runCli } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/fixtures.js';

/**
 * `--explain` must answer from the same pod classes as `connectivity`: for every pair of peers of
 * every fixture app and every shared conformance connlist app, the connections the explanation
 * reports equal the connectivity line (or none, when there is no line).
 */
const CONFORMANCE = path.resolve('../shared/conformance/connlist');

function apps(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const full = path.join(dir, e.name);
      if (e.name === 'manifests') out.push([path.relative(FIXTURES, full), full]);
      else walk(full);
    }
  };
  for (const root of ['connectivity', 'example-app', 'explain', 'scan']) walk(path.join(FIXTURES, root));
  if (existsSync(CONFORMANCE)) for (const c of readdirSync(CONFORMANCE).sort()) out.push([`conformance/${c}`, path.join(CONFORMANCE, c, 'input')]);
  return out;
}

describe('explain equals connectivity, pair by pair', () => {
  const cases = apps();

  it('covers the fixtures and the conformance apps', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  it.each(cases)('%s', (_name, dir) => {
    const { load } = loadInputs(nodeIo(), [dir], DEFAULT_READ_SETTINGS);
    const engine = new PolicyEngine(load.cluster, { ipFamilies: [4] });
    const lines = new Map(engine.connectivity().connections.map((c) => [`${peerKey(c.src)} => ${peerKey(c.dst)}`, c.conns]));
    const workloads: Peer[] = load.cluster.workloads.map((w) => ({ kind: 'workload', ref: w.ref }));
    const externals: Peer[] = engine.atoms.map((range) => ({ kind: 'external', range }));
    const sources: Peer[] = [...workloads, ...externals, ...(engine.classes.ingressController ? [{ kind: 'ingress-controller' } as Peer] : [])];
    let pairs = 0;
    for (const src of sources) {
      for (const dst of [...workloads, ...(src.kind === 'workload' ? externals : [])]) {
        if (src.kind === 'workload' && dst.kind === 'workload' && peerKey(src) === peerKey(dst)) continue;
        const x = explainPair(engine, src, dst);
        expect(x, `${peerKey(src)} => ${peerKey(dst)}`).toBeDefined();
        const expected = lines.get(`${peerKey(src)} => ${peerKey(dst)}`) ?? ConnectionSet.NONE;
        expect(x?.conns.toString(), `${peerKey(src)} => ${peerKey(dst)}`).toBe(expected.toString());
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(0);
  });
});

describe('a ReplicaSet whose pods carry two label sets (fixtures/explain/replicaset-two-label-sets)', () => {
  const dir = path.join(FIXTURES, 'explain', 'replicaset-two-label-sets', 'manifests');

  it('connectivity and --explain both say TCP 80,443', () => {
    const c = runCli(['connectivity', dir]);
    expect(c.stdout).toContain('shop/web[ReplicaSet] => shop/db[Deployment] : TCP 80,443\n');
    const x = runCli(['connectivity', dir, '--explain', 'shop/web', 'shop/db']);
    expect(x.code).toBe(0);
    expect(x.stdout.split('\n')[0]).toBe('shop/web[ReplicaSet] => shop/db[Deployment] : TCP 80,443');
    // each pod's allowing rule appears in the chain
    expect(x.stdout).toMatch(/\[NP\] Allow TCP 80: NetworkPolicy shop\/db-ingress ingress rule 0/);
    expect(x.stdout).toMatch(/\[NP\] Allow TCP 443: NetworkPolicy shop\/db-ingress ingress rule 1/);
    // the owner's pods differ: said once per pod, never silently
    expect(x.stderr).toMatch(/warning NPC019 .*pods of shop\/web\[ReplicaSet\] differ in labels/);
  });
});
