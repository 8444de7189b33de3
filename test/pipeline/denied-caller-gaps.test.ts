import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { runSynthesize } from '../../src/pipeline/synthesize.js';
import { DEFAULT_SYNTHESIS_OPTIONS } from '../../src/synthesis/synthesize.js';
import { workloadKey } from '../../src/model/peer.js';
import { MemoryIo } from '../helpers/memory-io.js';

/**
 * A gap is what the manifests cannot tell (src/topology/gaps.ts). A call they state and a baseline
 * deny rule forbids is known: forbidden, not unknown. `synthesize --baseline` judged gaps on the
 * links after deny rules had cut them, so the forbidden call's destination looked uncalled: a whole
 * workload, or (since each unreached Service port is a gap, test/topology/service-port-gaps.test.ts)
 * one port of a Service, became a gap that `--gaps=namespace|open` then opened to every other pod.
 */
const deploy = (name: string, port: number, env = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: c, image: x, ports: [{containerPort: ${port}}]${env}}]}\n`;
const APP = [
  deploy('web', 80, ', env: [{name: DB, value: "postgres://db:5432"}, {name: POOL, value: "postgres://db:6432"}]'),
  deploy('db', 5432).replace('ports: [{containerPort: 5432}]', 'ports: [{containerPort: 5432}, {containerPort: 6432}]'),
  'apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: shop}\nspec: {selector: {app: db}, ports: [{name: pg, port: 5432}, {name: pool, port: 6432}]}\n',
].join('---\n');

function gapsOf(rules: string): string[] {
  const io = new MemoryIo({ 'app/all.yaml': APP, 'rules.yaml': rules });
  const r = runSynthesize(io, { paths: ['app'], baselineFiles: ['rules.yaml'], gapMode: 'namespace', options: DEFAULT_SYNTHESIS_OPTIONS }, DEFAULT_READ_SETTINGS);
  return r.gaps.map((g) => `${workloadKey(g.workload)} ${g.direction} ${g.conns.toString()}`);
}

describe('synthesize --baseline: a forbidden call the manifests state is no gap', () => {
  it('web -> db on 5432 forbidden (6432 still allowed): db\'s 5432 is no gap', () => {
    expect(gapsOf('- {name: no-direct-db, from: app=web, to: app=db, protocol: TCP, port_min: 5432, port_max: 5432, action: deny}\n')).toEqual(['shop/web[Deployment] ingress TCP 80']);
  });

  it('every call to db forbidden: db is no gap either (its only caller is known)', () => {
    expect(gapsOf('- {name: no-db, from: app=web, to: app=db, action: deny}\n')).toEqual(['shop/web[Deployment] ingress TCP 80']);
  });
});
