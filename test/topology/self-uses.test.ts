import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey, workloadKey } from '../../src/model/peer.js';
import { evidenceText } from '../../src/topology/links.js';
import { scanTopology } from '../../src/topology/scan.js';
import { findGaps } from '../../src/topology/gaps.js';
import { renderScanJson, renderScanMd, renderScanTxt } from '../../src/report/scan.js';

/**
 * A workload whose pods call each other (a StatefulSet naming its own `-0.<svc>-headless` pods:
 * repmgr, streaming replication, cluster gossip). Kubernetes has no same-workload allowance: a
 * NetworkPolicy isolates one workload's replicas from each other like any other pods. The scan
 * dropped these (`dw === w`), so synthesized policies blocked replication without a word.
 */
const VALKEY = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: valkey, namespace: cache}
spec:
  serviceName: valkey-headless
  selector: {matchLabels: {app: valkey}}
  template:
    metadata: {labels: {app: valkey}}
    spec:
      containers:
        - name: valkey
          image: valkey
          ports: [{name: redis, containerPort: 6379}]
          env:
            - {name: PRIMARY, value: "valkey-0.valkey-headless:6379"}
            - {name: SENTINELS, value: "valkey:6379"}
---
apiVersion: v1
kind: Service
metadata: {name: valkey-headless, namespace: cache}
spec:
  clusterIP: None
  selector: {app: valkey}
  ports: [{name: redis, port: 6379, targetPort: redis}]
---
apiVersion: v1
kind: Service
metadata: {name: valkey, namespace: cache}
spec:
  selector: {app: valkey}
  ports: [{name: redis, port: 6379, targetPort: redis}]
`;

function scan(text: string) {
  const t = scanTopology(loadManifests([{ path: 'app.yaml', text }]).cluster).value;
  return t;
}

describe('self uses: a workload whose pods call each other', () => {
  it('records the pods of a StatefulSet naming their own pods (headless) and their own Service, with the connections and the places', () => {
    const t = scan(VALKEY);
    expect(t.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)}`)).toEqual([]);
    expect((t.self ?? []).map((u) => `${workloadKey(u.workload)} : ${u.conns.toString()}`)).toEqual(['cache/valkey[StatefulSet] : TCP 6379']);
    const places = (t.self ?? []).flatMap((u) => u.evidence.map(evidenceText));
    expect(places).toHaveLength(2);
    expect(places[0]).toContain('app.yaml:15');
    expect(places[0]).toContain('valkey-0.valkey-headless:6379');
    expect(places[1]).toContain('app.yaml:16');
  });

  it('records a self use through a headless Service on a port no Service port names (a container port dialed as written)', () => {
    const t = scan(VALKEY.replace('valkey-0.valkey-headless:6379', 'valkey-1.valkey-headless:16379').replace('"valkey:6379"', '"nothing"'));
    expect((t.self ?? []).map((u) => `${workloadKey(u.workload)} : ${u.conns.toString()}`)).toEqual(['cache/valkey[StatefulSet] : TCP 16379']);
  });

  it('has no self section when no workload names itself', () => {
    const t = scan(VALKEY.replace(/ {12}- \{name: (PRIMARY|SENTINELS).*\n/g, ''));
    expect(t.self).toBeUndefined();
  });

  it('scan lists the self uses in their own section (txt, md, json), never as a link', () => {
    const t = scan(VALKEY);
    const txt = renderScanTxt(t);
    expect(txt).toContain('\nself uses (the pods of one workload call each other; policies must allow it):\n    cache/valkey[StatefulSet] : TCP 6379\n        app.yaml:15');
    expect(txt).not.toContain('=> cache/valkey[StatefulSet]');
    expect(renderScanMd(t)).toContain('#### Self uses');
    const json = JSON.parse(renderScanJson(t)) as { links: unknown[]; self?: { workload: string; conns: string; evidence: unknown[] }[] };
    expect(json.links).toEqual([]);
    expect(json.self?.map((u) => [u.workload, u.conns, u.evidence.length])).toEqual([['cache/valkey[StatefulSet]', 'TCP 6379', 2]]);
  });

  it('a self use is egress: with dnsPolicy Default its names resolve through the node, a gap on the DNS ports', () => {
    const t = scan(VALKEY.replace('    spec:\n      containers:', '    spec:\n      dnsPolicy: Default\n      containers:'));
    expect(t.unresolved.map((u) => `${u.value} ${u.reason}`)).toEqual(['dnsPolicy: Default node-address']);
  });

  it('a self use is a caller of its ports: scan\'s gaps (findGaps on the topology) have none for them', () => {
    const load = loadManifests([{ path: 'app.yaml', text: VALKEY.replace('"valkey:6379"', '"nothing"') }]);
    const t = scanTopology(load.cluster).value;
    expect(findGaps(load.cluster, t).map((g) => `${workloadKey(g.workload)} ${g.direction} ${g.conns.toString()}`)).toEqual([]);
  });

  it('a self use through a headless Service without a port whose targetPort differs is warned about as any client is (NPC318)', () => {
    const app = VALKEY.replace('"valkey-0.valkey-headless:6379"', '"valkey-0.valkey-headless"').replace('"valkey:6379"', '"nothing"').replace('ports: [{name: redis, port: 6379, targetPort: redis}]\n---', 'ports: [{name: redis, port: 7000, targetPort: redis}]\n---');
    const r = scanTopology(loadManifests([{ path: 'app.yaml', text: app }]).cluster);
    expect(r.diagnostics.map((d) => d.code)).toContain('NPC318');
  });
});

