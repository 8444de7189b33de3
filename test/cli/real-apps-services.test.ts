import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { brokenLines, diffLines, expectVerifiesClean, gapLines, prCheck } from '../helpers/real-app-checks.js';
import { allowedAfterSynthesis, APPS, EVERYWHERE, linkLines, scan, w } from '../helpers/real-apps.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * Real public applications whose services find each other in ways the other real-app tests lack
 * (fixtures/real-apps, sources, commits and licences in its README): Temporal's server, whose four
 * services share one configuration and reach each other through a membership ring (pod IPs kept in
 * the database, no Service name), JupyterHub's chart, whose proxy reaches the hub through the
 * kubelet's Service variables and whose hub spawns user pods at run time, and Langfuse's chart,
 * whose backing services are subcharts of three vendors (groundhog2k's postgres, valkey-io's
 * valkey, SeaweedFS) under aliases, and whose ClickHouse an operator makes from a custom resource.
 * Every expected link is written from the app's OWN documentation and configuration (cited per
 * app) before running, never from our output; what the docs say that the manifests do not state
 * must be a gap, never silently blocked. Each app runs scan, synthesize + connectivity, verify, and
 * check on a realistic pull request.
 */
afterAll(cleanupTempDirs);

/** The values that change in a pull request: `key: from` -> `key: to` at the (first) line of that key under `section:`. */
function editValues(app: string, file: string, section: string, key: string, from: string, to: string): string {
  const dir = tempDir('netpol-ci-apps-head-');
  cpSync(app, dir, { recursive: true });
  const values = path.join(dir, file);
  const text = readFileSync(values, 'utf8');
  const at = new RegExp(`^(${section}:\\n(?:.*\\n){0,80}?)( +)${key}: ${from}$`, 'm');
  expect(text).toMatch(at);
  writeFileSync(values, text.replace(at, `$1$2${key}: ${to}`));
  return dir;
}

/**
 * Temporal's chart, https://github.com/temporalio/helm-charts (1.6.0, server 1.31.2), with its own CI
 * values (ci/postgres-values.yaml: both stores at `postgres.default.svc.cluster.local:5432`, a
 * database the README says the chart never installs: "You must provide persistence (databases) for
 * Temporal to use - the chart does not install any database sub-charts"). README and values.yaml:
 * the frontend serves gRPC on 7233 (`server.frontend.service.port`), history 7234, matching 7235,
 * worker 7239, each with a membership port (6933, 6934, 6935, 6939) and metrics on 9090; the Web UI
 * (8080) and admin-tools reach the frontend at `TEMPORAL_ADDRESS`; the namespace Job registers
 * namespaces through it; the schema Job sets up the database (SQL_HOST/SQL_PORT). The server's
 * config (server-configmap.yaml), shared by all four services: `publicClient.hostPort` (the
 * frontend, which the worker service calls) and the persistence `connectAddr`. Temporal's docs
 * ("Temporal Server", "Self-hosted > Deployment: ports"): frontend -> history and matching, history
 * <-> matching, over gRPC, and every service to every other's membership port, at addresses the
 * membership ring (Ringpop) keeps in the database, which no manifest holds: gaps on history,
 * matching and worker, never silently blocked.
 */
describe("Temporal's chart (four services sharing one config; membership by pod IP)", () => {
  const app = `${APPS}/temporal`;
  const CI = ['--helm-values', `${app}/temporal/ci/postgres-values.yaml`];
  const t = (name: string, kind = 'Deployment') => w('default', `temporal-${name}`, kind);
  const FRONTEND = t('frontend');
  const TO_FRONTEND = ['admintools', 'history', 'matching', 'namespace', 'web', 'worker'].map((n) => `${t(n, n === 'namespace' ? 'Job' : 'Deployment')} => ${FRONTEND} : TCP 7233`);

  it('every client of the frontend on 7233; the ring-found calls are ingress gaps on history, matching and worker; the database outside the input is a gap for each store user', () => {
    const doc = scan(app, CI);
    expect(linkLines(doc)).toEqual(TO_FRONTEND);
    const gaps = gapLines(doc);
    for (const g of [`${t('history')} ingress no-ingress-source TCP 6934,7234,9090`, `${t('matching')} ingress no-ingress-source TCP 6935,7235,9090`, `${t('worker')} ingress no-ingress-source TCP 6939,9090`]) expect(gaps).toContain(g);
    // the Web UI is reached by port-forward (README): no manifest names a caller
    expect(gaps).toContain(`${t('web')} ingress no-ingress-source TCP 8080`);
    const db = ['frontend', 'history', 'matching', 'worker'].map((n) => `${t(n)} egress no-such-service TCP 5432`);
    expect(gaps.filter((g) => g.includes('egress'))).toEqual([...db.slice(0, 3), `${t('schema', 'Job')} egress no-such-service TCP 5432`, db[3]]);
    // the store passwords are Secrets the pods read as env: never shown
    expect(JSON.stringify(doc)).not.toMatch(/"temporal"@|password/i);
  });

  it('the chart\'s Cassandra example (values/values.cassandra.yaml: `hosts: cassandra.default.svc.cluster.local`, `port: 9042`) beside a Cassandra with CQL, intra-node and JMX ports: each store user reaches CQL 9042 only', () => {
    const dir = tempDir('netpol-ci-temporal-cassandra-');
    writeFileSync(
      path.join(dir, 'cassandra.yaml'),
      `apiVersion: v1
kind: Service
metadata: {name: cassandra, namespace: default}
spec:
  selector: {app: cassandra}
  ports: [{name: cql, port: 9042}, {name: intra-node, port: 7000}, {name: jmx, port: 7199}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: cassandra, namespace: default}
spec:
  serviceName: cassandra
  selector: {matchLabels: {app: cassandra}}
  template:
    metadata: {labels: {app: cassandra}}
    spec:
      containers: [{name: cassandra, image: cassandra:4.1, ports: [{containerPort: 9042}, {containerPort: 7000}, {containerPort: 7199}]}]
`,
    );
    const doc = scan(app, [dir, '--helm-values', `${app}/temporal/values/values.cassandra.yaml`]);
    const CASSANDRA = w('default', 'cassandra', 'StatefulSet');
    expect(linkLines(doc).filter((x) => x.includes(`=> ${CASSANDRA}`))).toEqual(['frontend', 'history', 'matching', 'schema', 'worker'].map((n) => `${t(n, n === 'schema' ? 'Job' : 'Deployment')} => ${CASSANDRA} : TCP 9042`));
  });

  it('scan txt: the shared config\'s unresolved database is one line per service, each naming it', () => {
    const r = runWithTools(['scan', app, ...CI]);
    const unresolved = r.stdout.split('\n').filter((l) => l.includes('no Service matches postgres') && !l.includes(' egress '));
    expect(unresolved.map((l) => /(default\/\S+) "/.exec(l)?.[1])).toEqual(['frontend', 'history', 'matching', 'worker', 'schema'].map((n) => t(n, n === 'schema' ? 'Job' : 'Deployment')));
  });

  it('synthesize then connectivity: the links exactly; the schema and namespace Jobs, which share every written label, are told apart by the job-name label the API server adds to each (test/manifests/job-pod-labels.test.ts), so no selector is shared (NPC071) and nothing is allowed beyond the links', () => {
    const allowed = allowedAfterSynthesis(app, CI);
    expect(allowed).toEqual(TO_FRONTEND);
    const s = runWithTools(['synthesize', app, ...CI, '--output', `${tempDir()}/`]);
    expect(s.stderr.split('\n').filter((l) => l.includes('NPC071'))).toEqual([]);
  });

  it('check, a PR that exposes the Web UI through an Ingress (values.yaml `web.ingress.enabled: true`): the stale policies break {ingress-controller} -> web on 8080; synthesized again, that opens', () => {
    const head = editValues(app, 'temporal/values.yaml', 'web', 'enabled', 'false', 'true');
    const flags = CI.map((f) => (f.endsWith('.yaml') ? path.resolve(f) : f));
    const pr = prCheck(app, head, flags);
    expect(brokenLines(pr.stale)).toEqual([`{ingress-controller} => ${t('web')} : TCP 8080`]);
    expect(pr.staleCode).toBe(1);
    // synthesized again, no drift is left (the two Jobs are told apart by their job-name labels)
    expect(pr.updated.broken_links).toEqual([]);
    expect(pr.updated.drift.map((d) => `${d.kind} ${d.subject}`)).toEqual([]);
    expect(diffLines(pr.updated)).toEqual([`added {ingress-controller} => ${t('web')} : TCP 8080`]);
  });
});

/**
 * JupyterHub's chart, Zero to JupyterHub, https://github.com/jupyterhub/zero-to-jupyterhub-k8s
 * (z2jh docs, "Architecture" and "Security > Kubernetes Network Policies"): the `proxy-public`
 * Service (LoadBalancer) exposes the proxy (configurable-http-proxy, 8000); the proxy sends what no
 * route claims to the hub (`--default-target=http://hub:$(HUB_SERVICE_PORT)`, the hub Service's
 * 8081, a variable the kubelet sets); the hub adds routes through the proxy's REST API (the
 * `proxy-api` Service, 8001; jupyterhub_config.py reads its address from the kubelet's variables in
 * code), spawns user pods and the user-scheduler schedules them, both through the Kubernetes API
 * (their RBAC); the image-puller's awaiter Job watches DaemonSets through the API. The hub reads
 * the chart's values (a Secret) with `singleuser.cloudMetadata.ip: 169.254.169.254`, the address
 * the user pods are kept from (`blockWithIptables`). The chart's own NetworkPolicies are switched
 * off for the synthesis checks, so what ours allow is all that is allowed.
 */
describe("JupyterHub's chart (the kubelet's Service variables; a values Secret naming the metadata service)", () => {
  const app = `${APPS}/jupyterhub`;
  const j = (name: string, kind = 'Deployment') => w('default', name, kind);
  const OWN_POLICIES_OFF = ['hub.networkPolicy.enabled=false', 'proxy.chp.networkPolicy.enabled=false', 'singleuser.networkPolicy.enabled=false', 'scheduling.userScheduler.networkPolicy.enabled=false'].flatMap((s) => ['--helm-set', s]);
  const LINKS = [`${EVERYWHERE} => ${j('proxy')} : TCP 8000`, `${j('proxy')} => ${j('hub')} : TCP 8081`];

  it('the LoadBalancer to the proxy, the proxy to the hub on $(HUB_SERVICE_PORT) = 8081; the API server a gap for each RBAC holder; the proxy\'s API (8001, called from the hub\'s code) a gap; the metadata service a node-address gap, never a link', () => {
    const doc = scan(app);
    expect(linkLines(doc)).toEqual(LINKS);
    const hub = doc.links.find((l) => l.dst === j('hub'));
    expect(hub?.evidence.map((e) => e.value)).toEqual(['http://hub:8081', 'http://hub:8081']);
    const gaps = gapLines(doc);
    for (const g of [`${j('hook-image-awaiter', 'Job')} egress api-server TCP 443`, `${j('hub')} egress api-server TCP 443`, `${j('user-scheduler')} egress api-server TCP 443`, `${j('hub')} egress node-address All Connections`]) expect(gaps).toContain(g);
    // the hub calls the proxy's API from code: the proxy-api Service, which no link reaches, is a gap on 8001, never silently blocked
    expect(gaps).toContain(`${j('proxy')} ingress no-ingress-source TCP 8001`);
    expect(doc.gaps.find((g) => g.workload === j('proxy') && g.direction === 'ingress')).toMatchObject({ file: `${app}/jupyterhub/templates/proxy/service.yaml [rendered]` });
    expect(doc.gaps.find((g) => g.reason === 'node-address')?.value).toBe('169.254.169.254');
    // the image awaiter's -api-server-address=https://kubernetes.default.svc:$(KUBERNETES_SERVICE_PORT): a variable the kubelet always sets
    expect(doc.gaps.filter((g) => g.reason === 'undefined-variable')).toEqual([]);
    // the proxy's auth token and the hub's cookie secret are in the same Secret: never shown
    expect(JSON.stringify(doc)).not.toMatch(/auth_token|cookie_secret/i);
  });

  it('synthesize then connectivity (the chart\'s own policies off): exactly the links; verify finds no drift', () => {
    expect(allowedAfterSynthesis(app, OWN_POLICIES_OFF)).toEqual(LINKS);
    expectVerifiesClean(app, OWN_POLICIES_OFF);
  });

  it('check, a PR that puts the hub behind an Ingress (values.yaml `ingress.enabled: true`): the stale policies break {ingress-controller} -> proxy on 8000; synthesized again, that opens', () => {
    const head = editValues(app, 'jupyterhub/values.yaml', 'ingress', 'enabled', 'false', 'true');
    const pr = prCheck(app, head, OWN_POLICIES_OFF);
    expect(brokenLines(pr.stale)).toEqual([`{ingress-controller} => ${j('proxy')} : TCP 8000`]);
    expect(pr.staleCode).toBe(1);
    expect([pr.updated.broken_links, pr.updated.drift, pr.updatedCode]).toEqual([[], [], 0]);
    expect(diffLines(pr.updated)).toEqual([`added {ingress-controller} => ${j('proxy')} : TCP 8000`]);
  });
});

/**
 * Langfuse's chart, https://github.com/langfuse/langfuse-k8s, with its dependencies as Chart.yaml
 * names them, each under its alias: groundhog2k's `postgres` 1.6.3 (as `postgresql`), valkey-io's
 * `valkey` 0.9.4 (as `redis`), SeaweedFS's `seaweedfs` 4.23.0 (as `s3`). Langfuse's self-hosting
 * docs ("Architecture"): the web container (UI and API, 3000) and the worker (3030) both use
 * Postgres, ClickHouse, Redis/Valkey and S3 blob storage. values.yaml: "Deploys a single-instance
 * PostgreSQL via the groundhog2k/postgres sub-chart ... For HA / managed Postgres, set
 * `postgresql.deploy: false` and configure `host`"; redis `port: 6379`; S3 through SeaweedFS's S3
 * API (8333); "Deploys ClickHouse via the upstream ClickHouse/clickhouse-operator" (a
 * ClickHouseCluster custom resource: the operator makes its pods and `-headless` Service, which no
 * manifest holds); `clickhouse.crdCheck=false` "for offline rendering (helm template)". The
 * SeaweedFS chart's post-install bucket hook reaches its master (9333) and filer (8888)
 * (WEED_CLUSTER_SW_MASTER/FILER).
 */
describe("Langfuse's chart with groundhog2k postgres, valkey and SeaweedFS subcharts (aliased) and an operator's ClickHouse", () => {
  const app = `${APPS}/langfuse`;
  const FLAGS = ['--helm-set', 'clickhouse.crdCheck=false'];
  const l = (name: string, kind = 'Deployment') => w('default', `langfuse-${name}`, kind);
  const PG = l('postgresql', 'StatefulSet');
  const STORES = (s: string) => [`${s} => ${PG} : TCP 5432`, `${s} => ${l('redis')} : TCP 6379`, `${s} => ${l('s3-all-in-one')} : TCP 8333`];
  const LINKS = [`${l('bucket-hook', 'Job')} => ${l('s3-all-in-one')} : TCP 8888,9333`, ...STORES(l('web')), ...STORES(l('worker'))];

  it('web and worker reach the three subcharts on their ports; ClickHouse (the operator\'s) is a gap on 8123 and 9000 for both; the UI and the worker listen for callers no manifest names', () => {
    const doc = scan(app, FLAGS);
    expect(linkLines(doc)).toEqual(LINKS);
    const gaps = gapLines(doc);
    for (const s of [l('web'), l('worker')]) for (const p of ['8123', '9000']) expect(gaps).toContain(`${s} egress no-such-service TCP ${p}`);
    expect(gaps).toContain(`${l('web')} ingress no-ingress-source TCP 3000`);
    expect(gaps).toContain(`${l('worker')} ingress no-ingress-source TCP 3030`);
    // each link is cited in the template that states it: the subchart's own for the hook
    const hook = doc.links.find((x) => x.src === l('bucket-hook', 'Job'));
    expect(hook?.evidence.map((e) => e.file)).toEqual([0, 1].map(() => `${app}/langfuse/charts/seaweedfs/templates/shared/post-install-bucket-hook.yaml [rendered]`));
    // the Redis password is in the connection string ($(REDIS_PASSWORD)): never shown
    expect(doc.links.find((x) => x.dst === l('redis'))?.evidence[0]?.value).toBe('redis://default:***@langfuse-redis:6379');
  });

  it('synthesize then connectivity: exactly the links; verify finds no drift', () => {
    expect(allowedAfterSynthesis(app, FLAGS)).toEqual(LINKS);
    expectVerifiesClean(app, FLAGS);
  });

  it('check, a PR that moves to a managed Postgres (values.yaml `postgresql.deploy: false`, host 10.20.0.5, port 5432, auth.existingSecret): the stale policies break web and worker -> 10.20.0.5 on 5432; synthesized again, those open and the subchart\'s go', () => {
    const head = editValues(app, 'langfuse/values.yaml', 'postgresql', 'deploy', 'true', 'false');
    const values = path.join(head, 'langfuse', 'values.yaml');
    writeFileSync(values, readFileSync(values, 'utf8').replace(/^( {2})host: ""\n(.*\n)( {2})port: null$/m, '$1host: "10.20.0.5"\n$2$3port: 5432').replace(/^( {4})existingSecret: ""$/m, '$1existingSecret: langfuse-db'));
    const pr = prCheck(app, head, FLAGS);
    const external = [l('web'), l('worker')].map((s) => `${s} => 10.20.0.5-10.20.0.5[External] : TCP 5432`);
    expect(brokenLines(pr.stale)).toEqual(external);
    expect(pr.staleCode).toBe(1);
    expect([pr.updated.broken_links, pr.updated.drift, pr.updatedCode]).toEqual([[], [], 0]);
    expect(diffLines(pr.updated)).toEqual([
      ...[l('web'), l('worker')].map((s) => `added ${s} => 10.20.0.5/32 : TCP 5432`),
      ...[l('web'), l('worker')].map((s) => `removed ${s} => ${PG} : No Connections`),
    ].sort());
  });
});
