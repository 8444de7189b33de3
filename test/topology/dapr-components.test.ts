import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadManifests } from '../../src/manifests/load.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { peerKey } from '../../src/model/peer.js';
import { metadataContext } from '../../src/topology/dapr-components.js';
import { findGaps } from '../../src/topology/gaps.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * Dapr Components (docs.dapr.io "Component schema", "Scope components to one or more
 * applications", "Reference secrets in components"): a Dapr app's sidecar connects to the backends
 * of the Components of its namespace that its app id is in scope for. Each case states from those
 * documents what the app reaches; nothing is taken from our output.
 */

const app = (name: string, annotations: string, opts: { kind?: string; ns?: string } = {}) => {
  const kind = opts.kind ?? 'Deployment';
  const meta = `metadata: {name: ${name}, namespace: ${opts.ns ?? 'default'}}`;
  if (kind === 'Pod') return `apiVersion: v1\nkind: Pod\n${meta.replace('}', `, labels: {app: ${name}}, annotations: {${annotations}}}`)}\nspec:\n  containers: [{name: c, image: x}]\n`;
  return `apiVersion: apps/v1
kind: ${kind}
${meta}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata:
      labels: {app: ${name}}
      annotations: {${annotations}}
    spec:
      containers: [{name: c, image: x}]
`;
};

const backend = (name: string, port: number, ns = 'default') => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {app: ${name}}
  ports: [{port: ${port}}]
---
${app(name, '', { ns })}`;

const component = (name: string, type: string, metadata: string, extra = '', ns = 'default') => `apiVersion: dapr.io/v1alpha1
kind: Component
metadata: {name: ${name}, namespace: ${ns}}
spec:
  type: ${type}
  version: v1
  metadata:
${metadata}
${extra}`;

function scanOf(...docs: string[]) {
  const text = docs.join('\n---\n');
  const r = loadManifests([{ path: 'app.yaml', text }]);
  const t = scanTopology(r.cluster);
  const lineOf = (n: number | undefined) => text.split('\n')[(n ?? 0) - 1]?.trim();
  return {
    loadDiagnostics: r.diagnostics.map(formatDiagnostic),
    diagnostics: t.diagnostics.map(formatDiagnostic),
    links: t.value.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`),
    evidence: t.value.links.flatMap((l) => l.evidence.map((e) => (e.kind === 'address' ? `${lineOf(e.at.line)} via ${lineOf(e.via?.line)}` : e.kind))),
    values: t.value.links.flatMap((l) => l.evidence.map((e) => (e.kind === 'address' ? e.value : e.kind))),
    gaps: findGaps(r.cluster, t.value)
      .filter((g) => g.direction === 'egress' && g.reason !== 'mesh-control-plane')
      .map((g) => `${g.workload.name} ${g.reason} ${JSON.stringify(g.value)} @ ${lineOf(g.at.line)}`),
  };
}

const DAPR = (id?: string) => `dapr.io/enabled: "true"${id ? `, dapr.io/app-id: ${id}` : ''}`;
const REDIS = component('statestore', 'state.redis', '  - {name: redisHost, value: "redis-master:6379"}\n  - {name: actorStateStore, value: "true"}\n  - {name: redisPassword, value: ""}');

describe('Dapr Components: which apps load them', () => {
  it('an unscoped Component of the namespace is loaded by every Dapr app there, and by nothing else', () => {
    const s = scanOf(backend('redis-master', 6379), REDIS, app('a', DAPR('a')), app('b', DAPR('b')), app('plain', ''), app('off', 'dapr.io/enabled: "false"'), app('elsewhere', DAPR('e'), { ns: 'other' }));
    expect(s.links).toEqual(['default/a[Deployment] => default/redis-master[Deployment] : TCP 6379', 'default/b[Deployment] => default/redis-master[Deployment] : TCP 6379']);
    // the evidence is the Component's metadata value, via the app's dapr.io/enabled annotation
    expect(s.evidence[0]).toBe('- {name: redisHost, value: "redis-master:6379"} via annotations: {dapr.io/enabled: "true", dapr.io/app-id: a}');
    expect(s.gaps).toEqual([]);
  });

  it('scopes: only the listed app ids load it; without dapr.io/app-id the id is the pod name (a bare Pod, a StatefulSet pod), and a generated name is warned', () => {
    const scoped = component('statestore', 'state.redis', '  - {name: redisHost, value: "redis-master:6379"}', 'scopes: [a, solo, db-1]');
    const s = scanOf(backend('redis-master', 6379), scoped, app('a', DAPR('a')), app('b', DAPR('b')), app('solo', DAPR(), { kind: 'Pod' }), app('db', DAPR(), { kind: 'StatefulSet' }), app('gen', DAPR()));
    expect(s.links).toEqual([
      'default/a[Deployment] => default/redis-master[Deployment] : TCP 6379',
      'default/db[StatefulSet] => default/redis-master[Deployment] : TCP 6379',
      'default/solo[Pod] => default/redis-master[Deployment] : TCP 6379',
    ]);
    expect(s.diagnostics).toEqual([expect.stringMatching(/^app\.yaml:\d+:\d+ \[doc \d+\] warning NPC275 .*default\/gen is a Dapr app without dapr\.io\/app-id.*default\/statestore is not loaded/)]);
  });

  it('a Component in another namespace is not loaded, even when its address names a Service of the app\'s namespace', () => {
    const s = scanOf(backend('redis-master', 6379), component('statestore', 'state.redis', '  - {name: redisHost, value: "redis-master.default:6379"}', '', 'team'), app('a', DAPR('a')));
    expect(s.links).toEqual([]);
  });
});

describe('Dapr Components: which metadata values are addresses', () => {
  it('metadata names in camelCase are read as their words: redisHost and brokers are addresses; passwords, flags and groups are not', () => {
    expect(['redisHost', 'brokers', 'natsURL', 'endpoint', 'servers'].map(metadataContext)).toEqual(['address', 'address', 'address', 'address', 'address']);
    expect(['redisPassword', 'actorStateStore', 'consumerGroup', 'authType', 'connectionString'].map(metadataContext)).toEqual(['text', 'text', 'text', 'text', 'text']);
  });

  it('a broker list, a libpq connection string, a MySQL DSN and a URL each give their links; an outside host is a gap', () => {
    const kafka = `apiVersion: v1
kind: Service
metadata: {name: kafka, namespace: default}
spec:
  clusterIP: None
  selector: {app: kafka}
  ports: [{port: 9092}]
---
${app('kafka', '', { kind: 'StatefulSet' })}`;
    const s = scanOf(
      kafka,
      backend('postgres', 5432),
      backend('mysql', 3306),
      backend('rabbitmq', 5672),
      component('pubsub', 'pubsub.kafka', '  - {name: brokers, value: "kafka-0.kafka:9092,kafka-1.kafka:9092"}\n  - {name: consumerGroup, value: "{namespace}"}\n  - {name: maxMessageBytes, value: 1024}'),
      component('pg', 'state.postgresql', '  - {name: connectionString, value: "host=postgres user=dapr password=secret port=5432 database=dapr"}'),
      component('my', 'state.mysql', '  - {name: connectionString, value: "dapr:secret@tcp(mysql:3306)/?allowNativePasswords=true"}'),
      component('rmq', 'pubsub.rabbitmq', '  - {name: connectionString, value: "amqp://user:secret@rabbitmq:5672"}'),
      component('hook', 'bindings.http', '  - {name: url, value: "https://hooks.example.com/notify"}'),
      app('a', DAPR('a')),
    );
    expect(s.links).toEqual([
      'default/a[Deployment] => default/kafka[StatefulSet] : TCP 9092',
      'default/a[Deployment] => default/mysql[Deployment] : TCP 3306',
      'default/a[Deployment] => default/postgres[Deployment] : TCP 5432',
      'default/a[Deployment] => default/rabbitmq[Deployment] : TCP 5672',
    ]);
    expect(s.gaps).toEqual(['a external-hostname "https://hooks.example.com" @ - {name: url, value: "https://hooks.example.com/notify"}']);
    // what each link shows of its value: the address, never the credentials beside it
    expect(s.values).toEqual(['kafka-0.kafka:9092', 'kafka-1.kafka:9092', 'mysql:3306', 'host=postgres (Port=5432)', 'amqp://user:***@rabbitmq:5672']);
  });

  it('an address in a secret (secretKeyRef) or in the sidecar\'s environment (envRef) is a gap; a password in a secret is nothing', () => {
    const s = scanOf(
      component(
        'statestore',
        'state.redis',
        '  - name: redisHost\n    secretKeyRef: {name: redis, key: host}\n  - name: redisPassword\n    secretKeyRef: {name: redis, key: password}\n  - name: connectionString\n    envRef: PG_CONN',
        'auth: {secretStore: vault}',
      ),
      app('a', DAPR('a')),
    );
    expect(s.links).toEqual([]);
    expect(s.gaps).toEqual(['a secret-value "redisHost: secretKeyRef redis/host" @ secretKeyRef: {name: redis, key: host}', 'a undefined-variable "connectionString: envRef PG_CONN" @ envRef: PG_CONN']);
  });
});

describe('Dapr Components: cloud services', () => {
  it('a cloud Component named by account and region is an outside-the-cluster gap at its type; one that writes an address goes to that address', () => {
    const s = scanOf(
      backend('localstack', 4566),
      component('orders', 'state.aws.dynamodb', '  - {name: table, value: orders}\n  - {name: region, value: eu-west-1}'),
      component('files', 'bindings.aws.s3', '  - {name: bucket, value: files}\n  - {name: endpoint, value: "http://localstack:4566"}'),
      component('bus', 'pubsub.azure.servicebus.topics', '  - {name: connectionString, value: "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=app;SharedAccessKey=secret"}'),
      app('a', DAPR('a')),
    );
    expect(s.links).toEqual(['default/a[Deployment] => default/localstack[Deployment] : TCP 4566']);
    expect(s.gaps).toEqual([
      'a external-hostname "state.aws.dynamodb" @ type: state.aws.dynamodb',
      'a external-hostname "sb://shop.servicebus.windows.net" @ - {name: connectionString, value: "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=app;SharedAccessKey=secret"}',
    ]);
  });
});

describe('Dapr Configuration: the tracing endpoints of the app\'s dapr.io/config', () => {
  const config = (name: string, tracing: string) => `apiVersion: dapr.io/v1alpha1
kind: Configuration
metadata: {name: ${name}, namespace: default}
spec:
  tracing:
${tracing}`;
  const ZIPKIN = '    samplingRate: "1"\n    zipkin:\n      endpointAddress: "http://zipkin.default.svc.cluster.local:9411/api/v2/spans"';
  const OTEL = '    otel:\n      endpointAddress: "otel-collector.default.svc.cluster.local:4317"\n      isSecure: false\n      protocol: grpc';

  it('the app\'s sidecar exports spans to the Zipkin and OpenTelemetry endpoints of the Configuration it names; other apps and a sampling rate of 0 export nothing', () => {
    const s = scanOf(
      backend('zipkin', 9411),
      backend('otel-collector', 4317),
      config('tracing', ZIPKIN),
      config('otel', OTEL),
      config('off', `    samplingRate: "0"\n${ZIPKIN.split('\n').slice(1).join('\n')}`),
      app('a', `${DAPR('a')}, dapr.io/config: tracing`),
      app('b', `${DAPR('b')}, dapr.io/config: otel`),
      app('c', `${DAPR('c')}, dapr.io/config: off`),
      app('d', DAPR('d')),
      app('e', 'dapr.io/config: tracing'),
    );
    expect(s.links).toEqual(['default/a[Deployment] => default/zipkin[Deployment] : TCP 9411', 'default/b[Deployment] => default/otel-collector[Deployment] : TCP 4317']);
    expect(s.evidence[0]).toBe('endpointAddress: "http://zipkin.default.svc.cluster.local:9411/api/v2/spans" via annotations: {dapr.io/enabled: "true", dapr.io/app-id: a, dapr.io/config: tracing}');
  });

  it('Knative\'s Configuration (serving.knative.dev) is skipped like any kind not modelled', () => {
    const kn = 'apiVersion: serving.knative.dev/v1\nkind: Configuration\nmetadata: {name: web}\nspec:\n  template: {spec: {containers: [{image: x}]}}';
    expect(scanOf(kn).loadDiagnostics).toEqual(['info NPC009 skipped 1 Configuration (serving.knative.dev/v1) object (kind not modelled)']);
  });
});

describe('Dapr Components: bad input', () => {
  it('a Component of the wrong shape gets an error at its field; the rest is still scanned', () => {
    const bad = component('broken', 'state.redis', '  - {value: "x:1"}', 'scopes: a');
    const s = scanOf(backend('redis-master', 6379), REDIS, bad, app('a', DAPR('a')));
    expect(s.loadDiagnostics).toEqual([
      expect.stringMatching(/^app\.yaml:\d+:\d+ \[doc \d+\] error NPC\d+ spec\.metadata\[0\]\.name: .*Component broken excluded/),
      expect.stringMatching(/^app\.yaml:\d+:\d+ \[doc \d+\] error NPC\d+ scopes: .*Component broken excluded/),
    ]);
    expect(s.links).toEqual(['default/a[Deployment] => default/redis-master[Deployment] : TCP 6379']);
  });

  it('another product\'s Component (OAM, core.oam.dev) is skipped like any kind not modelled, with no warning', () => {
    const oam = 'apiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: web}\nspec:\n  workload: {apiVersion: apps/v1, kind: Deployment}';
    const s = scanOf(oam, app('a', DAPR('a')));
    expect(s.loadDiagnostics).toEqual(['info NPC009 skipped 1 Component (core.oam.dev/v1alpha2) object (kind not modelled)']);
    expect(s.links).toEqual([]);
  });

  it('a Kustomize Component (kustomize.config.k8s.io) read as a manifest is skipped too, not taken for a mistaken Dapr one', () => {
    const kc = 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nmetadata: {name: extra}\nresources: [extra.yaml]';
    const s = scanOf(kc, app('a', DAPR('a')));
    expect(s.loadDiagnostics).toEqual(['info NPC009 skipped 1 Component (kustomize.config.k8s.io/v1alpha1) object (kind not modelled)']);
  });
});

describe('Dapr Components: scopes as Dapr applies them (property)', () => {
  it('an app reaches the Component\'s backend exactly when the Component is of its namespace and its scopes are empty or list the app id', () => {
    const id = fc.constantFrom('a', 'b', 'orders', 'web-1');
    fc.assert(
      fc.property(id, fc.uniqueArray(id, { maxLength: 3 }), fc.constantFrom('default', 'team'), (appId, scopes, componentNs) => {
        const extra = scopes.length > 0 ? `scopes: [${scopes.join(', ')}]` : '';
        const s = scanOf(backend('redis-master', 6379), component('statestore', 'state.redis', '  - {name: redisHost, value: "redis-master.default:6379"}', extra, componentNs), app('client', DAPR(appId)));
        const loads = componentNs === 'default' && (scopes.length === 0 || scopes.includes(appId));
        expect(s.links).toEqual(loads ? ['default/client[Deployment] => default/redis-master[Deployment] : TCP 6379'] : []);
      }),
      { numRuns: 40 },
    );
  });
});
