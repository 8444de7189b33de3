import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { cleanupTempDirs } from '../helpers/fixtures.js';
import { allowedAfterSynthesis, APPS, EVERYWHERE, linkLines, pairs, scan, w } from '../helpers/real-apps.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * Yet more real public applications (fixtures/real-apps, sources, commits and licences in its
 * README), run as a new user would with the real helm: scan, synthesize, connectivity. As in
 * real-apps-more.test.ts, every expected link is written from the app's OWN documentation (cited
 * per app), never from our output. What these apps share: front ends whose upstreams are built into
 * their images, node-local agents reached at the node's address, service discovery in code. Links
 * the manifests do not state must be gaps, never silently blocked; --gaps=namespace must then let
 * every documented call through.
 */
afterAll(cleanupTempDirs);

const gapLines = (doc: ReturnType<typeof scan>) => doc.gaps.map((g) => `${g.workload} ${g.direction} ${g.reason}`);

/**
 * AKS Store demo, https://github.com/Azure-Samples/aks-store-demo — README "Architecture" (the
 * service table and assets/demo-arch-with-openai.png): customers use store-front, employees
 * store-admin; store-front calls order-service and product-service; store-admin calls
 * product-service, makeline-service and ai-service; order-service writes to the order queue
 * (RabbitMQ); makeline-service reads the queue and writes the order database (MongoDB API:
 * documentdb); ai-service calls OpenAI; virtual-customer "simulates order creation"
 * (order-service), virtual-worker "simulates order completion" (makeline-service). README "Run on
 * any Kubernetes": `kubectl apply -f aks-store-all-in-one.yaml -n pets` ("everything except the
 * ai-service"). store-front and store-admin are LoadBalancers; their upstreams are built into
 * their images (nginx), so the manifests cannot state them.
 */
describe('AKS Store demo (front ends whose upstreams are in their images; a Helm chart with an optional AI service)', () => {
  const ns = 'pets';
  const s = (name: string, kind = 'Deployment') => w(ns, name, kind);
  const STATED = [
    `${EVERYWHERE} => ${s('store-admin')} : TCP 8081`,
    `${EVERYWHERE} => ${s('store-front')} : TCP 8080`,
    `${s('makeline-service')} => ${s('documentdb', 'StatefulSet')} : TCP 10260`,
    `${s('makeline-service')} => ${s('rabbitmq', 'StatefulSet')} : TCP 5672`,
    `${s('order-service')} => ${s('rabbitmq', 'StatefulSet')} : TCP 5672`,
    `${s('virtual-customer')} => ${s('order-service')} : TCP 3000`,
    `${s('virtual-worker')} => ${s('makeline-service')} : TCP 3001`,
  ];
  const IN_IMAGES = [
    ['store-front', 'order-service'],
    ['store-front', 'product-service'],
    ['store-admin', 'product-service'],
    ['store-admin', 'makeline-service'],
  ] as const;

  it('all-in-one: the stated links are found and allowed; the front ends\' calls are gaps (order-service has a stated caller, so only store-front\'s own gap tells)', () => {
    const app = `${APPS}/aks-store-demo/aks-store-all-in-one.yaml`;
    const flags = ['--namespace', ns];
    const doc = scan(app, flags);
    expect(linkLines(doc)).toEqual(STATED);
    expect(gapLines(doc)).toEqual([
      `${s('product-service')} egress no-such-service`,
      `${s('product-service')} ingress no-ingress-source`,
      // RabbitMQ's management UI (Service port rabbitmq-http, 15672): reached on AMQP 5672 only, its callers are not named
      `${s('rabbitmq', 'StatefulSet')} ingress no-ingress-source`,
      `${s('store-admin')} egress no-egress-target`,
      `${s('store-front')} egress no-egress-target`,
    ]);
    expect(doc.gaps.find((g) => g.workload === s('rabbitmq', 'StatefulSet'))?.conns).toBe('TCP 15672');
    // product-service's AI_SERVICE_URL names the ai-service this file leaves out (README: "everything except the ai-service")
    expect(doc.gaps[0]).toEqual(expect.objectContaining({ value: 'http://ai-service:5001', conns: 'TCP 5001' }));
    expect(allowedAfterSynthesis(app, flags)).toEqual(STATED);
    const closed = pairs(allowedAfterSynthesis(app, [...flags, '--gaps=namespace']));
    for (const [src, dst] of IN_IMAGES) expect(closed).toContain(`${s(src)} => ${s(dst)}`);
  });

  it('Helm chart with aiService.create: product-service -> ai-service is found; ai-service -> OpenAI is an outside-the-cluster gap', () => {
    const app = `${APPS}/aks-store-demo/charts/aks-store-demo`;
    const flags = ['--namespace', ns, '--helm-set', 'aiService.create=true', '--helm-set', 'aiService.useAzureOpenAi=true', '--helm-set', 'aiService.openAiEndpoint=https://contoso.openai.azure.com/'];
    const doc = scan(app, flags);
    const expected = [...STATED, `${s('product-service')} => ${s('ai-service')} : TCP 5001`].sort();
    expect(linkLines(doc)).toEqual(expected);
    expect(doc.gaps).toContainEqual(expect.objectContaining({ workload: s('ai-service'), direction: 'egress', reason: 'external-hostname', value: 'https://contoso.openai.azure.com' }));
    expect(gapLines(doc)).toContain(`${s('store-admin')} egress no-egress-target`);
    expect(allowedAfterSynthesis(app, flags)).toEqual(expected);
    const closed = pairs(allowedAfterSynthesis(app, [...flags, '--gaps=namespace']));
    for (const [src, dst] of [...IN_IMAGES, ['store-admin', 'ai-service'] as const]) expect(closed).toContain(`${s(src)} => ${s(dst)}`);
  });
});

/**
 * Stan's Robot Shop, https://github.com/instana/robot-shop — K8s/helm/README.md: `helm install
 * robot-shop --namespace robot-shop .`; "the payment service uses https://www.paypal.com as the
 * pseudo payment provider ... `--set payment.gateway=https://foobar.com`"; README: the store front
 * is the `web` Service's load balancer. docker-compose.yaml's depends_on: web -> catalogue, user,
 * shipping, payment; catalogue -> mongodb; user -> mongodb, redis; cart -> redis; shipping, ratings
 * -> mysql; payment, dispatch -> rabbitmq. web/default.conf.template proxies /api/{catalogue,user,
 * cart,shipping,payment} to port 8080 and /api/ratings to 80 of *_HOST, defaults built into the
 * image. The services report to the Instana agent on their node (INSTANA_AGENT_HOST = status.hostIP).
 */
describe('Robot Shop Helm chart (every address built into the images; a node-local agent)', () => {
  const app = `${APPS}/robot-shop/helm`;
  const ns = 'robot-shop';
  const flags = ['--helm-release-name', 'robot-shop', '--namespace', ns];
  const r = (name: string, kind = 'Deployment') => w(ns, name, kind);
  const DOCUMENTED = [
    ['web', 'catalogue'], ['web', 'user'], ['web', 'cart'], ['web', 'shipping'], ['web', 'payment'], ['web', 'ratings'],
    ['catalogue', 'mongodb'], ['user', 'mongodb'], ['user', 'redis'], ['cart', 'redis'],
    ['shipping', 'mysql'], ['ratings', 'mysql'], ['payment', 'rabbitmq'], ['dispatch', 'rabbitmq'],
  ] as const;
  const kind = (name: string) => (name === 'redis' ? 'StatefulSet' : 'Deployment');

  it('only the public web is stated; every documented callee, web\'s upstreams and the node agent are gaps; --gaps=namespace allows every documented call', () => {
    const doc = scan(app, flags);
    const STATED = [`${EVERYWHERE} => ${r('web')} : TCP 8080`];
    expect(linkLines(doc)).toEqual(STATED);
    const gaps = gapLines(doc);
    for (const [, dst] of DOCUMENTED) expect(gaps).toContain(`${r(dst, kind(dst))} ingress no-ingress-source`);
    expect(gaps).toContain(`${r('web')} egress no-egress-target`);
    // the Instana agent listens on the node: each instrumented service's INSTANA_AGENT_HOST is the node's address
    const node = doc.gaps.filter((g) => g.reason === 'node-address');
    expect(node.map((g) => g.workload)).toEqual(['cart', 'catalogue', 'dispatch', 'payment', 'user'].map((n) => r(n)));
    expect(node.every((g) => g.value === '$(status.hostIP)' && g.conns === 'All Connections')).toBe(true);
    expect(allowedAfterSynthesis(app, flags)).toEqual(STATED);
    const closed = pairs(allowedAfterSynthesis(app, [...flags, '--gaps=namespace']));
    for (const [src, dst] of DOCUMENTED) expect(closed, `${src} -> ${dst}`).toContain(`${r(src, kind(src))} => ${r(dst, kind(dst))}`);
  });

  it('payment.gateway set as the README shows: the payment provider is an outside-the-cluster gap', () => {
    const doc = scan(app, [...flags, '--helm-set', 'payment.gateway=https://foobar.com']);
    expect(doc.gaps).toContainEqual(expect.objectContaining({ workload: r('payment'), direction: 'egress', reason: 'external-hostname', value: 'https://foobar.com' }));
  });
});

/**
 * The Kubernetes guestbook, https://github.com/kubernetes/examples — web/guestbook: "a web front
 * end, Redis master for storage, and replicated set of Redis replicas" (all-in-one/guestbook-all-
 * in-one.yaml: the frontend a NodePort; GET_HOSTS_FROM=dns, so the Redis addresses are built into
 * the images); web/guestbook-go/README.md: the replicas are started with `redis-server --replicaof
 * redis-master 6379` (in the image) and the front end reads from the replicas and writes to the
 * master (`redis-master:6379`); the guestbook Service is a LoadBalancer.
 */
describe('Kubernetes guestbook (Redis addresses by DNS in code; ReplicationControllers)', () => {
  for (const [variant, front, frontKind, replicaKind, port] of [
    ['all-in-one', 'frontend', 'Deployment', 'Deployment', 80],
    ['guestbook-go', 'guestbook', 'ReplicationController', 'ReplicationController', 3000],
  ] as const) {
    it(`${variant}: the public front end is found; its Redis calls and the replication are gaps that --gaps=namespace allows`, () => {
      const app = `${APPS}/guestbook/${variant}`;
      const g = (name: string, kind = 'Deployment') => w('default', name, kind);
      const doc = scan(app);
      const STATED = [`${EVERYWHERE} => ${g(front, frontKind)} : TCP ${port}`];
      expect(linkLines(doc)).toEqual(STATED);
      expect(gapLines(doc)).toEqual([`${g(front, frontKind)} egress no-egress-target`, `${g('redis-master')} ingress no-ingress-source`, `${g('redis-replica', replicaKind)} ingress no-ingress-source`].sort());
      expect(allowedAfterSynthesis(app)).toEqual(STATED);
      const closed = allowedAfterSynthesis(app, ['--gaps=namespace']);
      // the replica reaches the master on the port it listens on; the front end's ports are unknown (its gap is on all)
      expect(closed).toContain(`${g('redis-replica', replicaKind)} => ${g('redis-master')} : TCP 6379`);
      for (const redis of [g('redis-master'), g('redis-replica', replicaKind)]) expect(pairs(closed)).toContain(`${g(front, frontKind)} => ${redis}`);
    });
  }
});

/**
 * DeathStarBench's Hotel Reservation, https://github.com/delimitrou/DeathStarBench —
 * hotelReservation/kubernetes/README.md: `kubectl apply -Rf hotelReservation/kubernetes/` (kompose
 * output, with hostPath PersistentVolumes and claims); the services find each other through Consul
 * and read their addresses from config.json, built into the image: "consulAddress": "consul:8500",
 * "jaegerAddress": "jaeger:6831" (the Jaeger agent, UDP), "<Service>MongoAddress" and
 * "<Service>MemcAddress" per service (geo, profile, rate, recommendation, reservation, user).
 */
describe('DeathStarBench Hotel Reservation (Consul discovery; addresses only in the image\'s config.json)', () => {
  const app = `${APPS}/hotel-reservation/kubernetes`;
  const h = (name: string) => w('default', name);
  const SERVICES = ['frontend', 'geo', 'profile', 'rate', 'recommendation', 'reservation', 'search', 'user'];
  const CONFIG_JSON: [string, string, string][] = [
    ...SERVICES.map((s): [string, string, string] => [s, 'consul', 'TCP 8500']),
    ...SERVICES.map((s): [string, string, string] => [s, 'jaeger', 'UDP 6831']),
    ['geo', 'mongodb-geo', 'TCP 27017'],
    ['profile', 'mongodb-profile', 'TCP 27017'], ['profile', 'memcached-profile', 'TCP 11211'],
    ['rate', 'mongodb-rate', 'TCP 27017'], ['rate', 'memcached-rate', 'TCP 11211'],
    ['recommendation', 'mongodb-recommendation', 'TCP 27017'],
    ['reservation', 'mongodb-reservation', 'TCP 27017'], ['reservation', 'memcached-reserve', 'TCP 11211'],
    ['user', 'mongodb-user', 'TCP 27017'],
  ];

  it('no link is stated (and none invented); every one of the 19 workloads is an ingress gap; --gaps=namespace allows config.json\'s addresses', () => {
    const doc = scan(app);
    expect(doc.links).toEqual([]);
    expect(doc.gaps.filter((g) => g.direction === 'ingress')).toHaveLength(19);
    expect(doc.gaps.filter((g) => g.direction === 'egress')).toEqual([]);
    expect(allowedAfterSynthesis(app)).toEqual([]);
    const closed = allowedAfterSynthesis(app, ['--gaps=namespace']);
    for (const [src, dst, conn] of CONFIG_JSON) {
      const line = closed.find((l) => l.startsWith(`${h(src)} => ${h(dst)} : `));
      expect(line, `${src} -> ${dst}`).toBeDefined();
      expect(line).toContain(conn.replace(/^(TCP|UDP) /, ''));
    }
  });
});

/**
 * Emoji.voto, https://github.com/BuoyantIO/emojivoto (Linkerd's demo) — README: "emojivoto-web:
 * Web frontend and REST API; emojivoto-emoji-svc: gRPC API for finding and listing emoji;
 * emojivoto-voting-svc: gRPC API for voting and leaderboard"; "The VoteBot service ... will start
 * sending traffic to the vote endpoint" (of web); deployed with `kubectl kustomize
 * kustomize/deployment | linkerd inject - | kubectl apply -f -`. kustomize/ holds the variants
 * daemonset, job and statefulset (the same app as other workload kinds, by JSON 6902 patches) and
 * tracing, which annotates every pod `linkerd.io/inject: enabled` and sends OpenCensus traces to
 * `oc-collector.tracing:55678` (a collector installed apart, in namespace tracing).
 */
describe('Emoji.voto Kustomize variants (gRPC *_HOST addresses, workload kinds patched, Linkerd injection)', () => {
  const app = `${APPS}/emojivoto/kustomize`;
  const documented = (kind: string) => {
    const e = (name: string) => w('emojivoto', name, kind);
    return [`${e('vote-bot')} => ${e('web')} : TCP 8080`, `${e('web')} => ${e('emoji')} : TCP 8080`, `${e('web')} => ${e('voting')} : TCP 8080`];
  };

  for (const [variant, kind] of [['deployment', 'Deployment'], ['daemonset', 'DaemonSet'], ['job', 'Job']] as const) {
    it(`${variant}: the documented calls are found between ${kind}s and allowed, nothing else; the only gaps are the metrics ports no manifest names a scraper of`, () => {
      const doc = scan(`${app}/${variant}`);
      expect(linkLines(doc)).toEqual(documented(kind));
      // emoji-svc and voting-svc are called on grpc (8080); their `prom` port (8801) is scraped by a Prometheus the manifests do not hold
      expect(doc.gaps.map((g) => `${g.workload} ${g.direction} ${g.conns}`)).toEqual(['emoji', 'voting'].map((n) => `${w('emojivoto', n, kind)} ingress TCP 8801`));
      expect(allowedAfterSynthesis(`${app}/${variant}`)).toEqual(documented(kind));
    });
  }

  it('tracing: the injected Linkerd proxies need the control plane and the collector lives in namespace tracing: gaps towards those namespaces', () => {
    const doc = scan(`${app}/tracing`);
    expect(linkLines(doc)).toEqual(documented('Deployment'));
    const workloads = ['emoji', 'vote-bot', 'voting', 'web'].map((n) => w('emojivoto', n));
    expect(doc.gaps.filter((g) => g.reason === 'mesh-control-plane').map((g) => `${g.workload} ${g.conns}`)).toEqual(workloads.map((x) => `${x} TCP 8080,8086,8090`));
    expect(doc.gaps.filter((g) => g.reason === 'no-such-service').map((g) => `${g.workload} ${g.value} ${g.conns}`)).toEqual(workloads.map((x) => `${x} oc-collector.tracing:55678 TCP 55678`));
    expect(allowedAfterSynthesis(`${app}/tracing`)).toEqual(documented('Deployment'));
    // --gaps=namespace opens exactly those namespaces on those ports
    const s = runWithTools(['synthesize', `${app}/tracing`, '--gaps=namespace']);
    expect(s.code).toBe(0);
    const web = (parseAllDocuments(s.stdout).map((d) => d.toJS()) as { spec: { podSelector: unknown; egress?: { to: { namespaceSelector?: { matchLabels?: Record<string, string> } }[]; ports?: { port: number }[] }[] }; metadata: { name: string } }[]).find((p) => p.metadata.name === 'web-netpol');
    const towards = (web?.spec.egress ?? []).flatMap((r) => r.to.flatMap((t) => (t.namespaceSelector?.matchLabels ? [`${t.namespaceSelector.matchLabels['kubernetes.io/metadata.name']} ${(r.ports ?? []).map((p) => p.port).join(',')}`] : [])));
    expect(towards).toEqual(expect.arrayContaining(['linkerd 8080,8086,8090', 'tracing 55678']));
  });

  it('statefulset: the overlay\'s string patches, which kustomize no longer accepts, are an error naming it (exit 2)', () => {
    const r = runWithTools(['scan', `${app}/statefulset`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/emojivoto\/kustomize\/statefulset\/kustomization\.yml error NPC022 kubectl kustomize failed .*patches/);
  });
});

/**
 * Istio's Bookinfo behind the Istio ingress gateway, https://github.com/istio/istio samples/bookinfo
 * — https://istio.io/latest/docs/examples/bookinfo/: "The productpage microservice calls the
 * details and reviews microservices to populate the page"; "Version v1 doesn't call the ratings
 * service. Version v2 [and v3] calls the ratings service"; the app is reached through the ingress
 * gateway (`kubectl apply -f samples/bookinfo/networking/bookinfo-gateway.yaml`, then
 * `http://$GATEWAY_URL/productpage`: a Gateway and a VirtualService routing to productpage:9080).
 * platform/kube/bookinfo-ratings-v2-mysql.yaml runs ratings v2 against MySQL (MYSQL_DB_HOST
 * mysqldb, MYSQL_DB_PORT 3306; bookinfo-mysql.yaml).
 */
describe('Bookinfo behind the Istio ingress gateway (an Istio VirtualService; ratings v2 on MySQL)', () => {
  const app = `${APPS}/bookinfo-istio`;
  const b = (name: string) => w('default', name);
  const STATED = [`${b('ratings-v2-mysql')} => ${b('mysqldb-v1')} : TCP 3306`, `{ingress-controller} => ${b('productpage-v1')} : TCP 9080`];
  const IN_CODE = [
    ['productpage-v1', 'details-v1'], ['productpage-v1', 'reviews-v1'], ['productpage-v1', 'reviews-v2'], ['productpage-v1', 'reviews-v3'],
    ['reviews-v2', 'ratings-v1'], ['reviews-v2', 'ratings-v2-mysql'], ['reviews-v3', 'ratings-v1'], ['reviews-v3', 'ratings-v2-mysql'],
  ] as const;

  it('the gateway route and the MySQL address are found and allowed; the calls in code are gaps that --gaps=namespace allows', () => {
    const doc = scan(app);
    expect(linkLines(doc)).toEqual(STATED);
    expect(doc.links[1]?.evidence[0]).toEqual(expect.objectContaining({ kind: 'exposure', object: 'VirtualService default/bookinfo' }));
    const gaps = gapLines(doc);
    expect(gaps).toContain(`${b('productpage-v1')} egress no-egress-target`);
    for (const [, dst] of IN_CODE) expect(gaps).toContain(`${b(dst)} ingress no-ingress-source`);
    expect(allowedAfterSynthesis(app)).toEqual(STATED);
    const closed = pairs(allowedAfterSynthesis(app, ['--gaps=namespace']));
    for (const [src, dst] of IN_CODE) expect(closed).toContain(`${b(src)} => ${b(dst)}`);
  });
});

/**
 * Dapr's hello-kubernetes quickstart, https://github.com/dapr/quickstarts tutorials/hello-kubernetes
 * — README: "the Python App generates messages and the Node app consumes and persists them"; "The
 * Dapr control plane will automatically inject the Dapr sidecar to the Pod" (`dapr.io/enabled:
 * true`); the Python app "posts JSON messages to localhost:3500 ... invoke the Node.js
 * application's neworder endpoint by posting to v1.0/invoke/nodeapp/method/neworder"; the node app
 * persists state through the `statestore` component (deploy/redis.yaml, a Dapr Component: Redis
 * at dapr-dev-redis-master:6379, installed by `dapr init -k --dev`); the control plane runs in
 * dapr-system; `kubectl port-forward service/nodeapp 8080:80` (a LoadBalancer).
 */
describe('Dapr hello-kubernetes (service invocation through sidecars; a control plane in dapr-system)', () => {
  const app = `${APPS}/dapr-hello-kubernetes`;
  const d = (name: string) => w('default', name);
  const STATED = [`${EVERYWHERE} => ${d('nodeapp')} : TCP 3000`];

  it('the public node app is found; the sidecars\' control plane, the invocation on daprd\'s port and the state store\'s Redis are gaps; --gaps=namespace allows python -> node on 50002', () => {
    const doc = scan(app);
    expect(linkLines(doc)).toEqual(STATED);
    // the `statestore` Component has no scopes: both apps' sidecars load it and connect to its Redis,
    // which `dapr init -k --dev` installs outside these manifests
    expect(gapLines(doc)).toEqual([
      `${d('nodeapp')} egress mesh-control-plane`,
      `${d('nodeapp')} egress no-such-service`,
      `${d('nodeapp')} ingress dapr-invocation`,
      `${d('pythonapp')} egress mesh-control-plane`,
      `${d('pythonapp')} egress no-such-service`,
    ]);
    for (const g of doc.gaps.filter((x) => x.reason === 'no-such-service')) expect(g).toEqual(expect.objectContaining({ value: 'dapr-dev-redis-master:6379', conns: 'TCP 6379' }));
    expect(doc.gaps.find((g) => g.reason === 'dapr-invocation')?.conns).toBe('TCP 50002');
    expect(allowedAfterSynthesis(app)).toEqual(STATED);
    // the Redis gap opens TCP 6379 to the namespace (where `dapr init -k --dev` installs Redis), so python -> node is allowed on it too
    expect(allowedAfterSynthesis(app, ['--gaps=namespace'])).toContain(`${d('pythonapp')} => ${d('nodeapp')} : TCP 6379,50002`);
  });
});
