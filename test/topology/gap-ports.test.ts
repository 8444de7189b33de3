import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { findGaps } from '../../src/topology/gaps.js';
import { scanTopology } from '../../src/topology/scan.js';

// A gap carries the address's port also when the port came from a paired variable (not in the
// value's text): `--gaps=namespace` then opens that port only, never every port.
describe('the port of an unresolved address', () => {
  it('is the paired variable’s port (DB_HOST + DB_PORT)', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers:\n      - name: api\n        image: api\n        env:\n        - {name: DB_HOST, value: "pg.other.svc.cluster.local"}\n        - {name: DB_PORT, value: "5432"}\n        - {name: SEARCH_URL, value: "http://search.other:9200"}\n`;
    const { cluster } = loadManifests([{ path: 'm.yaml', text }]);
    const gaps = findGaps(cluster, scanTopology(cluster).value).filter((g) => g.direction === 'egress');
    expect(gaps.map((g) => [g.value, g.conns.toString()])).toEqual([
      ['pg.other.svc.cluster.local (DB_PORT=5432)', 'TCP 5432'],
      ['http://search.other:9200', 'TCP 9200'],
    ]);
  });
});
