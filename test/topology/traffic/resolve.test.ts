import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../../src/manifests/load.js';
import { peerKey } from '../../../src/model/peer.js';
import { parseCidr } from '../../../src/model/ip.js';
import type { TraceEndpoint, TraceEvent } from '../../../src/topology/traffic/events.js';
import { TrafficResolver } from '../../../src/topology/traffic/resolve.js';
import { trafficBasis } from '../../../src/topology/traffic/ingest.js';
import { EMPTY_SNAPSHOT, type ClusterSnapshot } from '../../../src/topology/traffic/snapshot.js';

/** Resolution rules, one by one: owners fold, pod names fold, labels decide only when unique, Service ports become target ports. */

const APP = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: x, ports: [{name: http, containerPort: 8081}]}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: x, ports: [{name: pg, containerPort: 5432}]}]}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: shop}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: report}}
        spec: {containers: [{name: report, image: x}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: shop}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: x}]}
---
apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: shop, labels: {app: debug}}
spec: {containers: [{name: debug, image: x}]}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{name: web, port: 80, targetPort: http}]
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec:
  clusterIP: 10.96.0.50
  selector: {app: db}
  ports: [{port: 5432}]
`;

const cluster = loadManifests([{ path: 'app.yaml', text: APP }]).cluster;

let line = 0;
const ev = (src: TraceEndpoint, dst: TraceEndpoint, port: number, extra: Partial<TraceEvent> = {}): TraceEvent => ({ line: ++line, src, dst, proto: 'TCP', port, phase: 'start', ...extra });
const pod = (name: string, more: Partial<TraceEndpoint> = {}): TraceEndpoint => ({ kind: 'pod', namespace: 'shop', name, ...more });

function run(events: TraceEvent[], snapshot: ClusterSnapshot = EMPTY_SNAPSHOT, aliases: { name: string; ranges: string[] }[] = []) {
  line = 0;
  const r = new TrafficResolver(trafficBasis(cluster), snapshot, aliases.map((a) => ({ name: a.name, ranges: a.ranges.map((c) => parseCidr(c)!) })));
  for (const e of events) r.add('t.ndjson', e);
  const out = r.finish();
  return {
    links: out.value.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`),
    unresolved: out.value.unresolved.map((u) => `${u.src} -> ${u.dst} : ${u.conns.toString()} ${u.reason}`),
    summary: out.value.summary,
    diagnostics: out.diagnostics.map((d) => `${d.code} ${d.at?.line ?? ''} ${d.message}`),
  };
}

describe('TrafficResolver', () => {
  it('pods fold into their owner: ReplicaSet-named owners and pod names into the Deployment, Job pods into the CronJob, ordinals into the StatefulSet', () => {
    const r = run([
      ev(pod('report-28473920-x7k2p'), pod('api-5d4f7c9b8-q2w3e'), 8081),
      ev(pod('whatever', { owner: 'report-28473920' }), pod('db-0'), 5432),
      ev(pod('agent-k8s2p'), pod('x', { owner: 'api-5d4f7c9b8', ownerKind: 'ReplicaSet' }), 8081),
      ev(pod('debug'), pod('db-1'), 5432),
    ]);
    expect(r.links).toEqual([
      'shop/agent[DaemonSet] => shop/api[Deployment] : TCP 8081',
      'shop/debug[Pod] => shop/db[StatefulSet] : TCP 5432',
      'shop/report[CronJob] => shop/api[Deployment] : TCP 8081',
      'shop/report[CronJob] => shop/db[StatefulSet] : TCP 5432',
    ]);
  });

  it('labels decide only when one workload matches; a pod of no workload is unresolved', () => {
    const r = run([ev({ kind: 'pod', namespace: 'shop', labels: { app: 'api', 'pod-template-hash': 'abc' } }, pod('db-0'), 5432), ev(pod('stranger-abcde'), pod('db-0'), 5432)]);
    expect(r.links).toEqual(['shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432']);
    expect(r.unresolved).toEqual(['pod shop/stranger-abcde -> shop/db[StatefulSet] : TCP 5432 unknown-pod']);
  });

  it('labels whose value no manifest knows (a CronJob\'s Jobs\' job-name and controller-uid, test/manifests/job-pod-labels.test.ts) match the pod\'s real values', () => {
    const labels = { app: 'report', 'job-name': 'report-29000000', 'batch.kubernetes.io/job-name': 'report-29000000', 'controller-uid': 'f1e2', 'batch.kubernetes.io/controller-uid': 'f1e2' };
    const r = run([ev({ kind: 'pod', namespace: 'shop', labels }, pod('db-0'), 5432)]);
    expect(r.links).toEqual(['shop/report[CronJob] => shop/db[StatefulSet] : TCP 5432']);
  });

  it('a trace that lacks the generated labels (a cluster before 1.27 sets no batch.kubernetes.io/ keys; a trace may list only some labels) still matches by the labels it carries', () => {
    const older = { app: 'report', 'job-name': 'report-29000000', 'controller-uid': 'f1e2' };
    const appOnly = { app: 'report' };
    const r = run([ev({ kind: 'pod', namespace: 'shop', labels: older }, pod('db-0'), 5432), ev({ kind: 'pod', namespace: 'shop', labels: appOnly }, pod('db-0'), 5433)]);
    expect(r.links).toEqual(['shop/report[CronJob] => shop/db[StatefulSet] : TCP 5432-5433']);
  });

  it('a Service destination becomes its workloads on the target port (a named targetPort resolved per pod template)', () => {
    const r = run([ev(pod('debug'), { kind: 'svc', namespace: 'shop', name: 'api' }, 80), ev(pod('debug'), { kind: 'raw', addr: '10.96.0.50' }, 5432)]);
    expect(r.links).toEqual(['shop/debug[Pod] => shop/api[Deployment] : TCP 8081', 'shop/debug[Pod] => shop/db[StatefulSet] : TCP 5432']);
  });

  it('a port the Service does not declare is kept for review and warned about once', () => {
    const r = run([ev(pod('debug'), { kind: 'svc', namespace: 'shop', name: 'api' }, 8443), ev(pod('debug'), { kind: 'svc', namespace: 'shop', name: 'api' }, 8443)]);
    expect(r.links).toEqual([]);
    expect(r.unresolved).toEqual(['shop/debug[Pod] -> Service shop/api : TCP 8443 no-service-port']);
    expect(r.diagnostics.filter((d) => d.startsWith('NPC166'))).toEqual(['NPC166 1 traffic to Service shop/api on TCP 8443, a port the Service does not declare; kept for review']);
  });

  it('snapshot addresses: pod IPs fold through owner references, Service IPs through selectors; node IPs are kubelet probes', () => {
    const snapshot: ClusterSnapshot = {
      pods: [{ namespace: 'shop', name: 'api-5d4f7c9b8-q2w3e', ips: ['10.244.0.7'], hostIp: '10.0.0.5', hostNetwork: false, labels: { app: 'api' }, owner: { kind: 'ReplicaSet', name: 'api-5d4f7c9b8' } }],
      services: [{ namespace: 'shop', name: 'api', clusterIps: ['10.96.0.80'], ports: [{ port: 80, targetPort: 'http' }] }],
      namespaces: ['shop'],
      nodeIps: ['10.0.0.5'],
    };
    const r = run(
      [
        ev({ kind: 'raw', addr: '10.244.0.7' }, { kind: 'raw', addr: '10.96.0.50' }, 5432),
        ev({ kind: 'raw', addr: '10.0.0.5' }, { kind: 'raw', addr: '10.244.0.7' }, 8081),
        ev({ kind: 'raw', addr: '10.244.0.7' }, { kind: 'raw', addr: '127.0.0.1' }, 9000),
        ev({ kind: 'raw', addr: '10.244.0.7' }, { kind: 'raw', addr: '10.96.0.80' }, 80),
      ],
      snapshot,
    );
    expect(r.links).toEqual(['shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432']);
    expect(r.summary).toMatchObject({ starts: 4, nodeLocal: 1, loopback: 1, sameWorkload: 1 });
  });

  it("snapshot owner references: a CronJob's Job pod, seen only by its IP, folds into the CronJob", () => {
    const snapshot: ClusterSnapshot = {
      pods: [{ namespace: 'shop', name: 'report-28473920-7xk2p', ips: ['10.244.0.9'], hostNetwork: false, labels: { 'job-name': 'report-28473920' }, owner: { kind: 'Job', name: 'report-28473920' } }],
      services: [],
      namespaces: ['shop'],
      nodeIps: [],
    };
    const r = run([ev({ kind: 'raw', addr: '10.244.0.9' }, { kind: 'raw', addr: '10.96.0.50' }, 5432)], snapshot);
    expect(r.links).toEqual(['shop/report[CronJob] => shop/db[StatefulSet] : TCP 5432']);
  });

  it('outside addresses: the narrowest --cidr-aliases block wins; the rest stay /32 and unresolved; never a link', () => {
    const r = run(
      [ev(pod('debug'), { kind: 'raw', addr: '203.0.113.9' }, 443), ev(pod('debug'), { kind: 'raw', addr: '198.51.100.1' }, 443), ev(pod('debug'), { kind: 'raw', addr: '192.0.2.1' }, 443)],
      EMPTY_SNAPSHOT,
      [
        { name: 'wide', ranges: ['203.0.0.0/8'] },
        { name: 'narrow', ranges: ['198.51.100.0/24', '203.0.113.0/24'] },
      ],
    );
    expect(r.links).toEqual(['shop/debug[Pod] => 198.51.100.0-198.51.100.255[External] : TCP 443', 'shop/debug[Pod] => 203.0.113.0-203.0.113.255[External] : TCP 443']);
    expect(r.unresolved).toEqual(['shop/debug[Pod] -> 192.0.2.1-192.0.2.1[External] : TCP 443 external-address']);
  });

  it('only connection starts count; duplicates aggregate with count and first/last seen (numeric timestamps compare as numbers)', () => {
    line = 0;
    const resolver = new TrafficResolver(trafficBasis(cluster));
    for (const [t, phase] of [
      ['900', 'start'],
      ['1000', 'start'],
      ['99', 'start'],
      ['5000', 'close'],
    ] as const)
      resolver.add('t', ev(pod('debug'), pod('db-0'), 5432, { time: t, phase }));
    const out = resolver.finish().value;
    expect(out.links[0]?.evidence).toEqual([{ kind: 'trace', event: 'TCP 5432', file: 't', line: 1, count: 3, firstSeen: '99', lastSeen: '1000' }]);
    expect(out.summary).toMatchObject({ starts: 3, closes: 1 });
  });
});
