import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { allowedAfterSynthesis, EVERYWHERE, linkLines, scan, w } from '../helpers/real-apps.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * Dapr Components read by scan, over fixtures/dapr-components (written from docs.dapr.io: the
 * hello-kubernetes quickstart's Redis `statestore`, the pubsub.kafka, bindings.postgresql and
 * state.postgresql specs, component scopes and secret references; see its README). The directory
 * is a kustomization, so it is rendered by the real `kubectl kustomize`. Expected links are the
 * documents', never our output's: every Dapr app of `default` reaches Redis (unscoped statestore);
 * only pythonapp reaches Kafka (`scopes: [pythonapp]`); nodeapp's orders-db address is in a secret
 * (a gap); billing's Component serves billing's app only.
 */
afterAll(cleanupTempDirs);

const APP = 'fixtures/dapr-components';
const d = (name: string, kind = 'Deployment') => w('default', name, kind);
const STATED = [
  `${EVERYWHERE} => ${d('nodeapp')} : TCP 3000`,
  `${w('billing', 'invoicer')} => ${w('billing', 'postgres')} : TCP 5432`,
  `${d('nodeapp')} => ${d('redis-master', 'StatefulSet')} : TCP 6379`,
  `${d('pythonapp')} => ${d('kafka', 'StatefulSet')} : TCP 9092`,
  `${d('pythonapp')} => ${d('redis-master', 'StatefulSet')} : TCP 6379`,
  `${d('worker')} => ${d('redis-master', 'StatefulSet')} : TCP 6379`,
];

describe('scan: Dapr Components (state store, pub/sub, bindings) through the app\'s sidecar', () => {
  it('each Dapr app gets the links of the Components it loads, with evidence at the metadata value via dapr.io/enabled', () => {
    const doc = scan(APP);
    expect(linkLines(doc)).toEqual(STATED);
    const redis = doc.links.find((l) => l.src === d('nodeapp') && l.dst === d('redis-master', 'StatefulSet'));
    expect(redis?.evidence).toEqual([
      expect.objectContaining({ kind: 'address', value: 'redis-master.default.svc.cluster.local:6379', service: 'default/redis-master', file: `${APP}/components.yaml`, line: 11, path: ['spec', 'metadata', 0, 'value'], via: expect.objectContaining({ file: `${APP}/apps.yaml`, line: 32 }) }),
    ]);
    // the secret's connection string is a gap of the only app in the binding's scope; the Redis password is no address
    const secret = doc.gaps.filter((g) => g.reason === 'secret-value');
    expect(secret).toEqual([expect.objectContaining({ workload: d('nodeapp'), direction: 'egress', value: 'connectionString: secretKeyRef orders-db/connection-string', conns: 'All Connections', file: `${APP}/components.yaml`, line: 51 })]);
    expect(doc.gaps.map((g) => g.value ?? '').join('\n')).not.toContain('redisPassword');
  });

  it('the app without dapr.io/app-id is warned (NPC275): its generated pod name keeps the scoped Components away; exit 0', () => {
    const r = runWithTools(['scan', APP]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/apps\.yaml:82:\d+ \[doc \d+\] warning NPC275 spec\.template\.metadata\.annotations\.dapr\.io\/enabled: default\/worker is a Dapr app without dapr\.io\/app-id.*default\/orders-db, default\/pubsub are not loaded/);
  });

  it('synthesize gives each app egress to its backends and the backends ingress from exactly those apps; the policies verify clean', () => {
    expect(allowedAfterSynthesis(APP)).toEqual(STATED);
    const s = runWithTools(['synthesize', APP]);
    expect(s.code).toBe(0);
    const dir = tempDir();
    mkdirSync(path.join(dir, 'policies'));
    writeFileSync(path.join(dir, 'policies', 'policies.yaml'), s.stdout);
    const v = runWithTools(['verify', APP, '--policies', path.join(dir, 'policies'), '-q']);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
  });
});
