import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { pairedPorts } from '../../src/topology/env.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * HOST/PORT variable pairs beyond `FOO_PORT`: OpenTelemetry's demo gives its Envoy front proxy
 * `OTEL_COLLECTOR_HOST` with `OTEL_COLLECTOR_PORT_GRPC` and `OTEL_COLLECTOR_PORT_HTTP`, and
 * `JAEGER_HOST` with `JAEGER_UI_PORT`. Unpaired, each address named a multi-port Service without
 * a port, so the link took all seven collector ports (with a warning) instead of the two it uses.
 */
const vars = (o: Record<string, string>) => new Map(Object.entries(o));
const names = (host: string, o: Record<string, string>) => pairedPorts(host, vars(o)).map((p) => `${p.name}=${p.port}`);

describe('pairedPorts', () => {
  it('FOO_PORT (or FOO_SERVICE_PORT) alone when present, as before', () => {
    expect(names('FLAGD_HOST', { FLAGD_HOST: 'flagd', FLAGD_PORT: '8013', FLAGD_UI_HOST: 'flagd-ui', FLAGD_UI_PORT: '4000' })).toEqual(['FLAGD_PORT=8013']);
    expect(names('DB_HOST', { DB_SERVICE_PORT: '5432', DB_PORT_ADMIN: '9000' })).toEqual(['DB_SERVICE_PORT=5432']);
  });

  it('else every FOO_PORT_<X> and FOO_<X>_PORT, but not a FOO_<X>_PORT that has its own FOO_<X>_HOST', () => {
    expect(names('OTEL_COLLECTOR_HOST', { OTEL_COLLECTOR_PORT_GRPC: '4317', OTEL_COLLECTOR_PORT_HTTP: '4318' })).toEqual(['OTEL_COLLECTOR_PORT_GRPC=4317', 'OTEL_COLLECTOR_PORT_HTTP=4318']);
    expect(names('JAEGER_HOST', { JAEGER_UI_PORT: '16686' })).toEqual(['JAEGER_UI_PORT=16686']);
    expect(names('KAFKA_HOST', { KAFKA_UI_HOST: 'kafka-ui', KAFKA_UI_PORT: '8080', KAFKA_PORT_PLAIN: '9092' })).toEqual(['KAFKA_PORT_PLAIN=9092']);
  });

  it('a list of hosts pairs as one host does: CASSANDRA_HOSTS (or _SERVERS) with CASSANDRA_PORT', () => {
    expect(names('CASSANDRA_HOSTS', { CASSANDRA_HOSTS: 'cass-0.cass,cass-1.cass', CASSANDRA_PORT: '9042' })).toEqual(['CASSANDRA_PORT=9042']);
    expect(names('NATS_SERVERS', { NATS_SERVERS: 'nats', NATS_PORT: '4222' })).toEqual(['NATS_PORT=4222']);
  });

  it('only numeric values, only host-like names, and lower-case names alike', () => {
    expect(names('API_HOST', { API_PORT_NAME: 'http', API_TLS_PORT: '${PORT}' })).toEqual([]);
    expect(names('API_TIMEOUT', { API_PORT: '80' })).toEqual([]);
    expect(names('api_host', { api_port_grpc: '9000' })).toEqual(['api_port_grpc=9000']);
  });
});

const APP = `apiVersion: v1
kind: Service
metadata: {name: otel-collector, namespace: demo}
spec:
  selector: {app: otel-collector}
  ports:
    - {name: otlp, port: 4317}
    - {name: otlp-http, port: 4318}
    - {name: metrics, port: 8888}
    - {name: zipkin, port: 9411}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: otel-collector, namespace: demo}
spec:
  selector: {matchLabels: {app: otel-collector}}
  template:
    metadata: {labels: {app: otel-collector}}
    spec:
      containers: [{name: c, image: otelcol, ports: [{containerPort: 4317}, {containerPort: 4318}, {containerPort: 8888}, {containerPort: 9411}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend-proxy, namespace: demo}
spec:
  selector: {matchLabels: {app: frontend-proxy}}
  template:
    metadata: {labels: {app: frontend-proxy}}
    spec:
      containers:
        - name: envoy
          image: envoy
          env:
            - {name: OTEL_COLLECTOR_NAME, value: otel-collector}
            - {name: OTEL_COLLECTOR_HOST, value: $(OTEL_COLLECTOR_NAME)}
            - {name: OTEL_COLLECTOR_PORT_GRPC, value: "4317"}
            - {name: OTEL_COLLECTOR_PORT_HTTP, value: "4318"}
`;

describe('scan: an address paired with several port variables links on each of them', () => {
  it('frontend-proxy -> otel-collector on 4317 and 4318 only, one evidence per port variable, no NPC074', () => {
    const r = scanTopology(loadManifests([{ path: 'app.yaml', text: APP }]).cluster);
    expect(r.value.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`)).toEqual(['demo/frontend-proxy[Deployment] => demo/otel-collector[Deployment] : TCP 4317-4318']);
    expect(r.value.links[0]?.evidence.map((e) => (e.kind === 'address' ? e.value : e.kind))).toEqual(['otel-collector (OTEL_COLLECTOR_PORT_GRPC=4317)', 'otel-collector (OTEL_COLLECTOR_PORT_HTTP=4318)']);
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
  });
});

describe('scan: ports paired by name alone must be ports of the Service (found in review)', () => {
  const REDIS = `apiVersion: v1
kind: Service
metadata: {name: redis, namespace: demo}
spec:
  selector: {app: redis}
  ports: [{name: redis, port: 6379}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: redis, namespace: demo}
spec:
  selector: {matchLabels: {app: redis}}
  template:
    metadata: {labels: {app: redis}}
    spec:
      containers: [{name: c, image: redis, ports: [{containerPort: 6379}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: demo}
spec:
  selector: {matchLabels: {app: client}}
  template:
    metadata: {labels: {app: client}}
    spec:
      containers:
        - name: c
          image: client
          env:
            - {name: REDIS_HOST, value: redis}
            - {name: REDIS_EXPORTER_PORT, value: "9121"}
`;
  it('REDIS_EXPORTER_PORT=9121 beside REDIS_HOST=redis (a one-port Service on 6379): the address keeps no port, the link is on 6379, no false gap', () => {
    const r = scanTopology(loadManifests([{ path: 'app.yaml', text: REDIS }]).cluster);
    expect(r.value.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`)).toEqual(['demo/client[Deployment] => demo/redis[Deployment] : TCP 6379']);
    expect(r.value.unresolved).toEqual([]);
  });

  it('the exact pair REDIS_PORT is taken as written, even when the Service lacks it (then a gap says so)', () => {
    const r = scanTopology(loadManifests([{ path: 'app.yaml', text: REDIS.replace('REDIS_EXPORTER_PORT', 'REDIS_PORT') }]).cluster);
    expect(r.value.links).toEqual([]);
    expect(r.value.unresolved.map((u) => u.reason)).toEqual(['no-such-port']);
  });
});

describe('a host list and its port variable in a scan', () => {
  it('CASSANDRA_HOSTS=cass-0.cass,cass-1.cass (the StatefulSet\'s pods, by its headless Service) with CASSANDRA_PORT=9042: the CQL port of the three-port Cassandra only', () => {
    const r = loadManifests([
      {
        path: 'app.yaml',
        text: `apiVersion: v1
kind: Service
metadata: {name: cass, namespace: db}
spec:
  clusterIP: None
  selector: {app: cass}
  ports: [{name: cql, port: 9042}, {name: intra-node, port: 7000}, {name: jmx, port: 7199}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: cass, namespace: db}
spec:
  serviceName: cass
  selector: {matchLabels: {app: cass}}
  template:
    metadata: {labels: {app: cass}}
    spec:
      containers: [{name: c, image: cassandra, ports: [{containerPort: 9042}, {containerPort: 7000}, {containerPort: 7199}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: db}
spec:
  template:
    metadata: {labels: {app: app}}
    spec:
      containers:
        - name: c
          image: x
          env: [{name: CASSANDRA_HOSTS, value: "cass-0.cass,cass-1.cass"}, {name: CASSANDRA_PORT, value: "9042"}]
`,
      },
    ]);
    const t = scanTopology(r.cluster).value;
    expect(t.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`)).toEqual(['db/app[Deployment] => db/cass[StatefulSet] : TCP 9042']);
  });
});
