import { cpSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { KUBE_DNS } from '../helpers/kube-dns.js';
import { allowedAfterSynthesis, APPS, EVERYWHERE, linkLines, pairs, scan, w, type ScanDoc } from '../helpers/real-apps.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * More real public applications (fixtures/real-apps, sources, commits and licences in its
 * README), run as a new user would with the real helm and kubectl: scan, synthesize, connectivity.
 * As in real-apps.test.ts, every expected link is written from the app's OWN documentation (cited
 * per app), never from our output; links the docs describe that live only in application code
 * must be gaps (never silently blocked), and each extra link is justified by a manifest line.
 */
afterAll(cleanupTempDirs);

/**
 * podinfo's Helm chart, https://github.com/stefanprodan/podinfo — README "Helm": a release
 * `backend` installed with `--set redis.enabled=true` (podinfo's `/cache` API "saves the posted
 * content to Redis"), and a release `frontend` with `--set backend=http://backend-podinfo:9898/echo`
 * ("POST /echo forwards the call to the backend service"); `helm test frontend` runs the chart's
 * test hooks. The chart declares `kubeVersion: >=1.23.0-0`.
 */
describe('podinfo Helm chart (kubeVersion constraint, helm test hooks, two documented releases)', () => {
  const app = `${APPS}/podinfo-helm`;
  const ns = 'test';

  it('release backend with redis.enabled: backend -> its Redis on 6379 is found and allowed, nothing else', () => {
    const flags = ['--helm-release-name', 'backend', '--helm-set', 'redis.enabled=true', '--namespace', ns];
    const doc = scan(app, flags);
    // the chart renders whatever helm's build-time default Kubernetes version is (a go-installed helm says v1.20)
    expect(linkLines(doc)).toEqual([`${w(ns, 'backend-podinfo')} => ${w(ns, 'backend-podinfo-redis')} : TCP 6379`]);
    // `helm test` pods (randomly named) are not part of the release: no workload of them, output stable
    expect(JSON.stringify(doc)).not.toMatch(/-test-/);
    // who calls podinfo is up to the user: a gap on its ports, not a silent block
    expect(doc.gaps).toEqual([expect.objectContaining({ workload: w(ns, 'backend-podinfo'), direction: 'ingress', reason: 'no-ingress-source' })]);
    expect(allowedAfterSynthesis(app, flags)).toEqual([`${w(ns, 'backend-podinfo')} => ${w(ns, 'backend-podinfo-redis')} : TCP 6379`]);
  });

  it('release frontend pointed at the backend release: the backend address is a gap while the backend is not in the input', () => {
    const doc = scan(app, ['--helm-release-name', 'frontend', '--helm-set', 'backend=http://backend-podinfo:9898/echo', '--namespace', ns]);
    expect(doc.links).toEqual([]);
    expect(doc.gaps).toContainEqual(expect.objectContaining({ workload: w(ns, 'frontend-podinfo'), direction: 'egress', reason: 'no-such-service', value: 'http://backend-podinfo:9898' }));
  });

  it('--kube-version is passed to helm: below the chart\'s constraint, helm\'s refusal is an error naming the chart (exit 2)', () => {
    const r = runWithTools(['scan', app, '--kube-version', '1.22']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/podinfo-helm\/Chart\.yaml error NPC022 .*kubeVersion: >=1\.23\.0-0 .*Kubernetes v1\.22/);
    const bad = runWithTools(['scan', app, '--kube-version', 'latest']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--kube-version');
  });
});

/**
 * podinfo's Kustomize bases and overlays (deploy/), https://github.com/stefanprodan/podinfo —
 * deploy/README.md: each overlay deploys the demo into its own namespace (`kustomize build
 * ./overlays/dev`); README: the frontend's `POST /echo` "forwards the call to the backend service",
 * `/cache/{key}` "saves the posted content to Redis" (frontend and backend run with
 * `--cache-server`); bases/frontend/scripts/warm-cache.sh: the warm-cache job "fetches the frontend
 * info, stores it in the cache"; bases/database/README.md: "The scripts check database-replica
 * health before running: podcli check http database-replica:3306/readyz" (rollup and backup jobs);
 * the primary's callers are not named anywhere.
 */
describe('podinfo Kustomize overlays (one namespace per overlay, configMapGenerator scripts)', () => {
  it('the documented links are found in each overlay\'s namespace and allowed; the primary database is a gap', () => {
    const app = `${APPS}/podinfo-kustomize`;
    const documented = (ns: string) => [
      `${w(ns, 'backend')} => ${w(ns, 'cache')} : TCP 6379`,
      `${w(ns, 'backup-daily', 'CronJob')} => ${w(ns, 'database-replica')} : TCP 3306`,
      `${w(ns, 'frontend')} => ${w(ns, 'backend')} : TCP 9898`,
      `${w(ns, 'frontend')} => ${w(ns, 'cache')} : TCP 6379`,
      `${w(ns, 'rollup-daily', 'CronJob')} => ${w(ns, 'database-replica')} : TCP 3306`,
      `${w(ns, 'rollup-weekly', 'CronJob')} => ${w(ns, 'database-replica')} : TCP 3306`,
      `${w(ns, 'warm-cache', 'CronJob')} => ${w(ns, 'frontend')} : TCP 9898`,
    ];
    const expected = [...documented('dev'), ...documented('production')];
    const doc = scan(app);
    expect(linkLines(doc)).toEqual(expected);
    // the warm-cache link is stated both in the job's env and in the generated script ConfigMap it mounts
    const warm = doc.links.find((l) => l.src === w('dev', 'warm-cache', 'CronJob'));
    expect(warm?.evidence.map((e) => e.value)).toContain('http://frontend');
    // and the backend's gRPC port (9999, podinfo's --grpc-port): the frontend calls it over HTTP on 9898, gRPC callers are not named
    expect(doc.gaps.map((g) => `${g.workload} ${g.direction} ${g.conns}`)).toEqual(
      ['dev', 'production'].flatMap((ns) => [`${w(ns, 'backend')} ingress TCP 9999`, `${w(ns, 'database-primary', 'StatefulSet')} ingress TCP 3306,9797`]),
    );
    expect(allowedAfterSynthesis(app)).toEqual(expected);
  });
});

/**
 * Kiamol's Pi chart (Learn Kubernetes in a Month of Lunches, ch10), https://github.com/sixeyed/kiamol
 * — ch10/pi/Chart.yaml: two dependencies, `vweb` (from kiamol.net, vendored here under charts/ as
 * `helm dependency build` would) and `proxy` as `file://../proxy`, each behind a condition;
 * values.yaml: "settings for the reverse proxy ... name of the app Service to proxy:
 * upstreamToProxy: {{ .Release.Name }}-web"; both Services default to LoadBalancer. So with
 * proxy.enabled and vweb.enabled: the public proxy calls the Pi web app, which (like vweb) is public.
 */
describe('Kiamol Pi chart (a vendored subchart and a file:// dependency)', () => {
  const app = `${APPS}/kiamol-pi`;
  const flags = ['--helm-set', 'proxy.enabled=true', '--helm-set', 'vweb.enabled=true'];
  const STATED = [
    `${EVERYWHERE} => ${w('default', 'pi-proxy')} : TCP 80`,
    `${EVERYWHERE} => ${w('default', 'pi-web')} : TCP 80`,
    `${EVERYWHERE} => ${w('default', 'pi')} : TCP 80`,
    `${w('default', 'pi-proxy')} => ${w('default', 'pi-web')} : TCP 80`,
  ];

  it('the file:// dependency is rendered as the subchart (not on its own), named after its own folder', () => {
    const doc = scan(app, flags);
    expect(linkLines(doc)).toEqual(STATED);
    const proxy = doc.links.find((l) => l.src === w('default', 'pi-proxy'));
    expect(proxy?.evidence[0]?.file).toBe(`${APPS}/kiamol-pi/proxy/templates/nginx-configMap.yaml [rendered]`);
    // proxy/ is not also rendered as a release of its own (it would add proxy-proxy)
    expect(JSON.stringify(doc)).not.toContain('proxy-proxy');
    expect(allowedAfterSynthesis(app, flags)).toEqual(STATED);
  });

  it('a remote dependency that is not vendored is named (and only it); a file:// one outside the scanned folder is an error too', () => {
    const dir = tempDir();
    cpSync(app, dir, { recursive: true });
    rmSync(path.join(dir, 'pi/charts'), { recursive: true });
    const r = runWithTools(['scan', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pi\/Chart\.yaml error NPC024 .*not vendored under charts\/: vweb \(https:\/\/kiamol\.net\); chart not rendered/);
    expect(r.stderr).not.toMatch(/proxy \(/);
    const alone = runWithTools(['scan', `${app}/pi`]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/error NPC024 .*file:\/\/ dependency that cannot be rendered: proxy \(file:\/\/\.\.\/proxy\) lies outside the scanned folder/);
  });
});

/**
 * TeaStore, https://github.com/DescartesResearch/TeaStore — GET_STARTED.md: "five distinct
 * services plus a registry" (WebUI, Auth, Recommender, Persistence, Image); "Services register at
 * a separate simple registry ... Any service registering with the registry is automatically called
 * by all other services which require it"; REGISTRY_HOST is "the machine running the registry",
 * DB_HOST/DB_PORT "the database (only needed for persistence service)".
 * examples/kubernetes/teastore-clusterip.yaml publishes the WebUI as a NodePort.
 */
describe('TeaStore (a service registry: who calls whom is only known at run time)', () => {
  const app = `${APPS}/teastore`;
  const t = (name: string) => w('default', `teastore-${name}`);
  const STATED = [
    `${EVERYWHERE} => ${t('webui')} : TCP 8080`,
    ...['auth', 'image', 'persistence', 'recommender', 'webui'].map((s) => `${t(s)} => ${t('registry')} : TCP 8080`),
    `${t('persistence')} => ${t('db')} : TCP 3306`,
  ].sort();

  it('registry and database links are found and allowed; the services found through the registry are gaps', () => {
    const doc = scan(app);
    // every service names the registry (REGISTRY_HOST) and the persistence service the database (DB_HOST + DB_PORT)
    expect(linkLines(doc)).toEqual(STATED);
    // HOST_NAME is each service's own name, registered at the registry: never a link to itself
    expect(doc.links.filter((l) => l.src === l.dst)).toEqual([]);
    // the callees the registry hands out are gaps on their ports, never silently blocked
    expect(doc.gaps.map((g) => `${g.workload} ${g.direction}`)).toEqual(['auth', 'image', 'persistence', 'recommender'].map((s) => `${t(s)} ingress`));
    expect(allowedAfterSynthesis(app)).toEqual(STATED);
    const closed = pairs(allowedAfterSynthesis(app, ['--gaps=namespace']));
    for (const s of ['auth', 'image', 'persistence', 'recommender']) expect(closed).toContain(`${t('webui')} => ${t(s)}`);
  });
});

/**
 * Bank of Anthos, https://github.com/GoogleCloudPlatform/bank-of-anthos — README "Service
 * architecture": the frontend "exposes an HTTP server to serve the website" (a LoadBalancer in
 * kubernetes-manifests/frontend.yaml) and calls the backends; ledger-writer "accepts and validates
 * incoming transactions before writing them to the ledger"; balance-reader and
 * transaction-history read "from ledger-db"; user-service and contacts keep accounts-db;
 * loadgenerator "continuously sends requests imitating users to the frontend". The backends'
 * addresses come from the ConfigMap `service-api-config` (envFrom), the databases' from
 * `*-db-config` (a JDBC URL, a postgresql:// URI).
 */
describe('Bank of Anthos (addresses in shared ConfigMaps imported with envFrom)', () => {
  const app = `${APPS}/bank-of-anthos`;
  const b = (name: string, kind = 'Deployment') => w('default', name, kind);
  const DOCUMENTED = [
    `${EVERYWHERE} => ${b('frontend')} : TCP 8080`,
    ...['balancereader', 'contacts', 'ledgerwriter', 'transactionhistory', 'userservice'].map((s) => `${b('frontend')} => ${b(s)} : TCP 8080`),
    `${b('ledgerwriter')} => ${b('ledger-db', 'StatefulSet')} : TCP 5432`,
    `${b('balancereader')} => ${b('ledger-db', 'StatefulSet')} : TCP 5432`,
    `${b('transactionhistory')} => ${b('ledger-db', 'StatefulSet')} : TCP 5432`,
    `${b('userservice')} => ${b('accounts-db', 'StatefulSet')} : TCP 5432`,
    `${b('contacts')} => ${b('accounts-db', 'StatefulSet')} : TCP 5432`,
    `${b('loadgenerator')} => ${b('frontend')} : TCP 8080`,
  ];
  // ledger-writer imports the whole service-api-config too (ledger-writer.yaml: envFrom service-api-config):
  // the manifests give it every backend address, and the scan says so (NPC072) rather than guess
  const FROM_SHARED_CONFIGMAP = ['contacts', 'transactionhistory', 'userservice'].map((s) => `${b('ledgerwriter')} => ${b(s)} : TCP 8080`);

  it('every documented link is found and allowed; the extras come from the shared ConfigMap, with a warning', () => {
    const r = runWithTools(['scan', app, '--format', 'json']);
    const doc = scan(app);
    const expected = [...DOCUMENTED, `${b('ledgerwriter')} => ${b('balancereader')} : TCP 8080`, ...FROM_SHARED_CONFIGMAP].sort();
    expect(linkLines(doc)).toEqual(expected);
    for (const l of FROM_SHARED_CONFIGMAP) {
      const link = doc.links.find((x) => `${x.src} => ${x.dst} : ${x.conns}` === l);
      expect(link?.evidence.map((e) => e.file)).toEqual([`${app}/config.yaml`]);
    }
    expect(r.stderr).toMatch(/config\.yaml:\d+:\d+ \[doc \d\] warning NPC072 metadata\.name: ConfigMap default\/service-api-config is shared by 2 workloads/);
    expect(doc.gaps).toEqual([]);
    expect(allowedAfterSynthesis(app)).toEqual(expected);
  });
});

/**
 * OpenTelemetry demo, https://github.com/open-telemetry/opentelemetry-demo (kubernetes/
 * opentelemetry-demo.yaml, applied with `kubectl create --namespace otel-demo -f ...`) — the
 * architecture page https://opentelemetry.io/docs/demo/architecture/ ("Service Diagram"):
 * accounting -> postgresql; ad, cart, fraud-detection, frontend-proxy, payment -> flagd;
 * checkout -> cart, currency, email, payment, product-catalog, shipping and the Kafka queue;
 * cart -> cache (Valkey); frontend -> ad, cart, checkout, currency, product-catalog,
 * recommendation, shipping; frontend-proxy -> frontend, flagd-ui, image-provider; load-generator
 * -> frontend-proxy; the queue feeds accounting and fraud-detection; recommendation ->
 * product-catalog; shipping -> quote; "Telemetry Data Flow": services send OTLP (gRPC 4317,
 * HTTP 4318) to the collector, which exports to Jaeger (grpc://jaeger:4317) and Prometheus;
 * Grafana reads Prometheus (localhost:9090/api) and Jaeger.
 */
describe('OpenTelemetry demo (env *_ADDR and HOST/PORT pairs, a .NET connection string, many services)', () => {
  const app = `${APPS}/opentelemetry-demo`;
  const flags = ['--namespace', 'otel-demo'];
  const o = (name: string, kind = 'Deployment') => w('otel-demo', name, kind);
  const DOCUMENTED: [string, string, string][] = [
    ['accounting', 'postgresql', 'TCP 5432'],
    ...(['ad', 'cart', 'fraud-detection', 'frontend-proxy', 'payment'] as const).map((s): [string, string, string] => [s, 'flagd', 'TCP 8013']),
    ...(['cart', 'currency', 'email', 'payment', 'product-catalog', 'shipping'] as const).map((s): [string, string, string] => ['checkout', s, 'TCP 8080']),
    ['checkout', 'kafka', 'TCP 9092'],
    ['cart', 'valkey-cart', 'TCP 6379'],
    ...(['ad', 'cart', 'checkout', 'currency', 'product-catalog', 'recommendation', 'shipping'] as const).map((s): [string, string, string] => ['frontend', s, 'TCP 8080']),
    ['frontend-proxy', 'frontend', 'TCP 8080'],
    ['frontend-proxy', 'image-provider', 'TCP 8081'],
    ['load-generator', 'frontend-proxy', 'TCP 8080'],
    ['accounting', 'kafka', 'TCP 9092'],
    ['fraud-detection', 'kafka', 'TCP 9092'],
    ['recommendation', 'product-catalog', 'TCP 8080'],
    ['shipping', 'quote', 'TCP 8080'],
    ['checkout', 'otel-collector', 'TCP 4317'],
    ['accounting', 'otel-collector', 'TCP 4318'],
    ['otel-collector', 'jaeger', 'TCP 4317'],
    ['otel-collector', 'prometheus', 'TCP 9090'],
  ];

  it('every documented link is found (on its ports) and allowed after synthesis; what the manifests leave open is a gap', () => {
    const doc = scan(app, flags);
    const found = linkLines(doc);
    const allowed = allowedAfterSynthesis(app, flags);
    for (const [src, dst, conns] of DOCUMENTED) {
      // the link's ports include the documented ones (found lines hold exactly the stated ports)
      const line = found.find((l) => l.startsWith(`${o(src)} => ${o(dst)} : `));
      expect(line, `${src} -> ${dst}`).toBeDefined();
      expect(line).toContain(conns.replace('TCP ', ''));
      expect(allowed).toContain(line);
    }
    // every link the scan adds is stated by a manifest line (an env value, a config file, an exposure)
    for (const l of doc.links) for (const e of l.evidence) expect(e.file).toBe(`${app}/opentelemetry-demo.yaml`);
    // Grafana's datasources come from ConfigMaps its k8s-sidecar loads by label (grafana_datasource): Grafana -> Prometheus ("Telemetry Data Flow")
    const grafana = doc.links.find((l) => l.src === o('grafana') && l.dst === o('prometheus'));
    expect(grafana?.conns).toBe('TCP 9090');
    expect(allowed).toContain(`${o('grafana')} => ${o('prometheus')} : TCP 9090`);
    // its Jaeger datasource names a Service this manifest does not have (the chart's is jaeger-query): a gap
    expect(doc.gaps).toContainEqual(expect.objectContaining({ workload: o('grafana'), direction: 'egress', reason: 'no-such-service', value: 'http://jaeger:16686' }));
    // the proxy names its collector ports (OTEL_COLLECTOR_PORT_GRPC/_HTTP), not all seven
    expect(found).toContain(`${o('frontend-proxy')} => ${o('otel-collector')} : TCP 4317-4318`);
    // frontend-proxy's FLAGD_UI_HOST names a Service the manifest does not have (the UI is a sidecar of flagd): a gap, not a silent block
    expect(doc.gaps).toContainEqual(expect.objectContaining({ workload: o('frontend-proxy'), direction: 'egress', reason: 'no-such-service', value: 'flagd-ui (FLAGD_UI_PORT=4000)' }));
    expect(doc.gaps).toContainEqual(expect.objectContaining({ workload: o('prometheus'), direction: 'egress', reason: 'api-server' }));
  });
});

/**
 * Argo CD, https://github.com/argoproj/argo-cd — manifests/install.yaml (CustomResourceDefinitions
 * left out), which ships its own NetworkPolicies. docs/developer-guide/architecture/components.md:
 * the repo server generates the desired state for the API server and the application controller;
 * Redis is "a cache layer" for them; Argo CD "relies on Dex to provide authentication" (the API
 * server's SSO). The ports are the Services' (repo server 8081, Redis 6379, Dex 5556 HTTP and 5557
 * gRPC), and install.yaml's argocd-redis-network-policy names the API server, the repo server and
 * the application controller as Redis's callers. The addresses are compiled-in defaults
 * (argocd-cmd-params-cm is empty): the scan must make each callee a gap; Argo CD's own policies
 * must allow the documented calls.
 */
describe('Argo CD install.yaml (compiled-in addresses; its own NetworkPolicies)', () => {
  const app = `${APPS}/argo-cd`;
  const a = (name: string, kind = 'Deployment') => w('default', name, kind);
  const DOCUMENTED: [string, string, string][] = [
    [a('argocd-server'), a('argocd-repo-server'), '8081'],
    [a('argocd-server'), a('argocd-redis'), '6379'],
    [a('argocd-server'), a('argocd-dex-server'), '5556'],
    [a('argocd-server'), a('argocd-dex-server'), '5557'],
    [a('argocd-application-controller', 'StatefulSet'), a('argocd-repo-server'), '8081'],
    [a('argocd-application-controller', 'StatefulSet'), a('argocd-redis'), '6379'],
    [a('argocd-repo-server'), a('argocd-redis'), '6379'],
  ];

  it('no link is stated; every documented callee is a gap; the shipped policies allow every documented call', () => {
    const doc = scan(app);
    expect(doc.links).toEqual([]);
    const ingressGaps = new Set(doc.gaps.filter((g) => g.direction === 'ingress').map((g) => g.workload));
    for (const [, dst] of DOCUMENTED) expect(ingressGaps).toContain(dst);
    // "Argo CD controllers will connect to the Kubernetes API" (components.md): each component its Roles bind is an API server client, a gap
    const api = doc.gaps.filter((g) => g.reason === 'api-server').map((g) => g.workload);
    expect(api).toEqual([a('argocd-application-controller', 'StatefulSet'), a('argocd-applicationset-controller'), a('argocd-dex-server'), a('argocd-notifications-controller'), a('argocd-redis'), a('argocd-server')]);
    // argocd-ssh-known-hosts-cm lists the git hosts whose SSH keys are trusted, not hosts anyone connects to: no gap from it
    expect(doc.gaps.filter((g) => g.reason === 'external-hostname')).toEqual([]);
    const c = runWithTools(['connectivity', app]);
    expect(c.code).toBe(0);
    for (const [src, dst, port] of DOCUMENTED) {
      const line = c.stdout.split('\n').find((l) => l.startsWith(`${src} => ${dst} : `));
      expect(line, `${src} -> ${dst}`).toBeDefined();
      const conns = (line as string).replace(/^.* : /, '');
      expect(conns === 'All Connections' || conns.split(/[ ,]/).some((p) => p === port || (p.includes('-') && Number(p.split('-')[0]) <= Number(port) && Number(port) <= Number(p.split('-')[1]))), `${src} -> ${dst} on ${port}: ${conns}`).toBe(true);
    }
    // and Redis is reachable from nothing else (its policy names the three callers)
    const toRedis = c.stdout.split('\n').filter((l) => l.includes(`=> ${a('argocd-redis')} :`)).map((l) => l.replace(/ =>.*$/, ''));
    expect(toRedis.sort()).toEqual([a('argocd-application-controller', 'StatefulSet'), a('argocd-repo-server'), a('argocd-server')]);
  });
});

/**
 * Spring PetClinic on Kubernetes, https://github.com/spring-petclinic/spring-petclinic-cloud —
 * README: on Kubernetes "Spring Cloud Config and Eureka Service Discovery are replaced with
 * Kubernetes-native features such as config maps and Kubernetes DNS resolution"; `kubectl get svc`
 * shows api-gateway as a LoadBalancer; the network policies it lists (`cf add-network-policy
 * api-gateway --destination-app vets-service|customers-service|visits-service --port 8080`) are the
 * gateway's calls; the databases are installed apart with `helm install vets-db-mysql
 * bitnami/mysql ...`; every service reports to the wavefront-proxy. k8s/init-services/03-role.yaml
 * lets the default ServiceAccount read ConfigMaps (the gateway's routes live in petclinic-config,
 * read through the API). The deployments write `resources:` twice (Kubernetes rejects that).
 */
describe('Spring PetClinic (config read through the API, databases installed apart, a duplicate key)', () => {
  const app = `${APPS}/spring-petclinic-cloud`;
  const ns = 'spring-petclinic';
  const p = (name: string) => w(ns, name);
  const STATED = [
    `${EVERYWHERE} => ${p('api-gateway')} : TCP 8080`,
    ...['api-gateway', 'customers-service', 'vets-service', 'visits-service'].map((s) => `${p(s)} => ${p('wavefront-proxy')} : TCP 2878`),
  ];

  it('the duplicate key is an error at its line (exit 2), the rest is still analysed; the routes, databases and API server are gaps', () => {
    const r = runWithTools(['scan', app, '--format', 'json']);
    expect(r.code).toBe(2);
    for (const s of ['customers', 'vets', 'visits']) expect(r.stderr).toMatch(new RegExp(`${s}-service-deployment\\.yaml:6[12]:9 \\[doc 1\\] error NPC007 duplicate mapping key "resources"`));
    const doc = JSON.parse(r.stdout) as ScanDoc;
    expect(linkLines(doc)).toEqual(STATED);
    const gaps = doc.gaps.map((g) => `${g.workload} ${g.direction} ${g.reason}`);
    for (const s of ['customers-service', 'vets-service', 'visits-service']) {
      expect(gaps).toContain(`${p(s)} ingress no-ingress-source`);
      expect(doc.gaps).toContainEqual(expect.objectContaining({ workload: p(s), reason: 'no-such-service', value: `mysql://${s.replace('-service', '')}-db-mysql.${ns}.svc.cluster.local:3306` }));
    }
    for (const s of ['api-gateway', 'customers-service', 'vets-service', 'visits-service', 'wavefront-proxy']) expect(gaps).toContain(`${p(s)} egress api-server`);
  });

  it('synthesized policies allow the stated links; --gaps=namespace lets the gateway reach the services its routes name', () => {
    const synth = (extra: string[]) => {
      const s = runWithTools(['synthesize', app, ...extra]);
      expect(s.code).toBe(2);
      const dir = tempDir();
      writeFileSync(path.join(dir, 'policies.yaml'), s.stdout);
      writeFileSync(path.join(dir, 'dns.yaml'), KUBE_DNS);
      return lines(runWithTools(['connectivity', app, dir]).stdout).filter((l) => !l.includes('kube-system/'));
    };
    const strict = synth([]);
    for (const l of STATED) expect(strict).toContain(l);
    expect(strict.filter((l) => !l.startsWith(EVERYWHERE) && !l.includes('=> 0.0.0.0'))).toEqual(STATED.slice(1));
    const closed = pairs(synth(['--gaps=namespace']));
    for (const s of ['customers-service', 'vets-service', 'visits-service']) expect(closed).toContain(`${p('api-gateway')} => ${p(s)}`);
  });
});
