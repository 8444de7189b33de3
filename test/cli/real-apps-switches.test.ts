import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { brokenLines, diffLines, expectVerifiesClean, gapLines, prCheck } from '../helpers/real-app-checks.js';
import { allowedAfterSynthesis, APPS, EVERYWHERE, linkLines, scan, w, type ScanDoc } from '../helpers/real-apps.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * Real public applications of kinds the other real-app tests lack (fixtures/real-apps, sources,
 * commits and licences in its README): a plain-YAML app in two documented variants (Linkerd's
 * booksapp), a chart whose backing services switch between internal and external addresses
 * (harbor-helm), and a Kustomize base with components and overlays (Argo Workflows' quick-start).
 * As in real-apps.test.ts, every expected link is written from the app's OWN documentation and
 * configuration (cited per app) before running, never from our output; what the docs say that the
 * manifests do not state must be a gap, never silently blocked. Each app runs scan, synthesize +
 * connectivity, verify, and check on a small realistic change.
 */
afterAll(cleanupTempDirs);

/**
 * Linkerd's Books app, https://github.com/BuoyantIO/booksapp — README: "The application is composed
 * of the following four services: webapp.rb, authors.rb, books.rb, traffic/main.go (demo traffic
 * generator)"; "kubectl port-forward svc/webapp 7000"; "The default booksapp configuration uses
 * SQLite. It's also possible to run the app with a MySQL backend, using the configs in the `k8s/`
 * directory. The MySQL configuration uses a separate pod for the storage backend" and "Verify that
 * the mysql-init job successfully completes". Code: resources/author.rb
 * `AUTHORS_SITE = ENV["AUTHORS_SITE"]`, resources/book.rb `BOOKS_SITE = ENV["BOOKS_SITE"]` (the
 * ActiveResource sites each service calls); traffic/main.go `host := "http://" + flag.Arg(0)` (its
 * one argument, `webapp:7000`). booksapp.yml: webapp's Service is a LoadBalancer on 7000; webapp
 * sets AUTHORS_SITE=http://authors:7001 and BOOKS_SITE=http://books:7002, authors sets BOOKS_SITE,
 * books sets AUTHORS_SITE; every service's `DATABASE_URL: sqlite3:db/db.sqlite3` is a file in the
 * image. k8s/mysql-app.yml: the same with `DATABASE_URL: mysql2://booksapp:booksapp@mysql:3306/...`
 * and a ClusterIP webapp; k8s/mysql-backend.yml: the mysql Deployment (3306) and the mysql-init Job.
 */
describe("Linkerd's booksapp (plain YAML; SQLite and MySQL variants)", () => {
  const app = `${APPS}/booksapp`;
  const d = (name: string, kind = 'Deployment') => w('default', name, kind);
  const SERVICES = [
    `${d('authors')} => ${d('books')} : TCP 7002`,
    `${d('books')} => ${d('authors')} : TCP 7001`,
    `${d('traffic')} => ${d('webapp')} : TCP 7000`,
    `${d('webapp')} => ${d('authors')} : TCP 7001`,
    `${d('webapp')} => ${d('books')} : TCP 7002`,
  ];

  it('SQLite: the five documented calls and the LoadBalancer, no gap (sqlite3:db/db.sqlite3 is a file, not host "sqlite3")', () => {
    const doc = scan(`${app}/sqlite`);
    const expected = [`${EVERYWHERE} => ${d('webapp')} : TCP 7000`, ...SERVICES];
    expect(linkLines(doc)).toEqual(expected);
    expect(doc.gaps).toEqual([]);
    // the traffic generator's target is its argument, cited there
    const traffic = doc.links.find((l) => l.src === d('traffic'));
    expect(traffic?.evidence[0]).toMatchObject({ file: `${app}/sqlite/booksapp.yml`, value: 'webapp:7000' });
    expect(allowedAfterSynthesis(`${app}/sqlite`)).toEqual(expected);
    expectVerifiesClean(`${app}/sqlite`);
  });

  it('MySQL: each service and the mysql-init Job reach mysql on 3306; the password never shows', () => {
    const doc = scan(`${app}/mysql`);
    const expected = [
      `${d('authors')} => ${d('books')} : TCP 7002`,
      `${d('authors')} => ${d('mysql')} : TCP 3306`,
      `${d('books')} => ${d('authors')} : TCP 7001`,
      `${d('books')} => ${d('mysql')} : TCP 3306`,
      `${d('mysql-init', 'Job')} => ${d('mysql')} : TCP 3306`,
      `${d('traffic')} => ${d('webapp')} : TCP 7000`,
      `${d('webapp')} => ${d('authors')} : TCP 7001`,
      `${d('webapp')} => ${d('books')} : TCP 7002`,
      `${d('webapp')} => ${d('mysql')} : TCP 3306`,
    ];
    expect(linkLines(doc)).toEqual(expected);
    expect(doc.gaps).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('booksapp@');
    expect(allowedAfterSynthesis(`${app}/mysql`)).toEqual(expected);
    expectVerifiesClean(`${app}/mysql`);
  });

  it('check, SQLite -> MySQL (the README\'s switch) in a PR: stale policies break the four MySQL links and the new Job\'s DNS (exit 1); synthesized again, the diff opens exactly them', () => {
    const pr = prCheck(`${app}/sqlite`, `${app}/mysql`);
    const mysql = [d('authors'), d('books'), d('mysql-init', 'Job'), d('webapp')].map((s) => `${s} => ${d('mysql')} : TCP 3306`);
    // the new mysql-init Job resolves \`mysql\` through the cluster DNS, which base's default-deny egress blocks for it
    // (no DNS pods in the app: the check's stand-in kube-system/dns pod)
    const dns = `${d('mysql-init', 'Job')} => kube-system/dns[Pod] : TCP 53,UDP 53`;
    expect(brokenLines(pr.stale)).toEqual([...mysql, dns].sort());
    expect(pr.staleCode).toBe(1);
    expect(pr.updated.broken_links).toEqual([]);
    expect(pr.updated.drift).toEqual([]);
    expect(pr.updatedCode).toBe(0);
    // webapp's Service is ClusterIP in the MySQL variant: the LoadBalancer's opening goes
    expect(diffLines(pr.updated)).toEqual([...mysql.map((l) => `added ${l.replace(/ : .*/, '')} : TCP 3306`), `removed ${EVERYWHERE.replace('0.0.0.0-255.255.255.255[External]', '0.0.0.0/0')} => ${d('webapp')} : No Connections`].sort());
  });
});

/**
 * Harbor's Helm chart, https://github.com/goharbor/harbor-helm — README "Configure how to expose
 * Harbor service": `ingress` (the default; `expose.ingress.hosts.core`, default
 * `core.harbor.domain`), `clusterIP`, `nodePort`, `loadBalancer` (these through the chart's nginx);
 * "The external URL for Harbor core service is used to: populate the docker/helm commands showed on
 * portal; populate the token service URL returned to docker client" ("if service exposed via
 * Ingress, the domain should be the value of expose.ingress.hosts.core"): core's own address, no
 * peer. docs/High Availability.md: "External PostgreSQL: Set the `database.type` to `external` and
 * fill the information in `database.external` section"; "External Redis: Set the `redis.type` to
 * `external`"; values.yaml `database.external.host: "192.168.0.1"`, `port: "5432"`,
 * `redis.external.addr: "192.168.0.2:6379"`. Who calls whom is the chart's own configuration of
 * each component: core-cm.yaml POSTGRESQL_HOST/PORT, REGISTRY_URL (:5000), REGISTRY_CONTROLLER_URL
 * (registryctl, :8080), JOBSERVICE_URL, TRIVY_ADAPTER_URL, PORTAL_URL, _REDIS_URL_CORE;
 * jobservice-cm-env.yaml CORE_URL, REGISTRY_URL, REGISTRY_CONTROLLER_URL and its config.yml's redis;
 * registry-cm.yaml's redis; trivy-secret.yaml redisURL; nginx's `upstream core { server harbor-core:80; }`
 * and `upstream portal { server harbor-portal:80; }`. The ingress routes `/api/`, `/service/`,
 * `/v2/`, `/c/` to core and `/` to portal. Core's container listens on 8080, the registry pod's
 * registry and registryctl on 5000 and 8080.
 */
describe('harbor-helm (internal/external database and Redis, ingress or nginx exposure)', () => {
  const app = `${APPS}/harbor-helm`;
  const chart = `${app}/harbor`;
  const d = (name: string, kind = 'Deployment') => w('default', `harbor-${name}`, kind);
  const CORE_CALLS = [
    `${d('core')} => ${d('jobservice')} : TCP 8080`,
    `${d('core')} => ${d('portal')} : TCP 8080`,
    `${d('core')} => ${d('registry')} : TCP 5000,8080`,
    `${d('core')} => ${d('trivy', 'StatefulSet')} : TCP 8080`,
    `${d('jobservice')} => ${d('core')} : TCP 8080`,
  ];
  const REDIS_CLIENTS = ['core', 'jobservice', 'registry', 'trivy'];

  it('default install: every configured call on its container port, the Ingress to core and portal; core\'s EXT_ENDPOINT is its own Ingress host, no gap', () => {
    const doc = scan(app);
    const expected = [
      `${d('core')} => ${d('database', 'StatefulSet')} : TCP 5432`,
      ...CORE_CALLS.slice(0, 2),
      `${d('core')} => ${d('redis', 'StatefulSet')} : TCP 6379`,
      ...CORE_CALLS.slice(2, 5),
      `${d('jobservice')} => ${d('redis', 'StatefulSet')} : TCP 6379`,
      `${d('jobservice')} => ${d('registry')} : TCP 5000,8080`,
      `${d('registry')} => ${d('redis', 'StatefulSet')} : TCP 6379`,
      `${d('trivy', 'StatefulSet')} => ${d('redis', 'StatefulSet')} : TCP 6379`,
      `{ingress-controller} => ${d('core')} : TCP 8080`,
      `{ingress-controller} => ${d('portal')} : TCP 8080`,
    ];
    expect(linkLines(doc)).toEqual(expected);
    // the portal serves static files: reached from outside, calling nothing the manifests name (an informational front-end gap)
    expect(gapLines(doc)).toEqual([`${d('portal')} egress no-egress-target All Connections`]);
    expect(JSON.stringify(doc.gaps)).not.toContain('core.harbor.domain');
    // core's database address is read from its environment (envFrom), where POSTGRESQL_PORT pairs it; the
    // ConfigMap's volume mounts app.conf only (`items`), so no second, portless reading of the host
    const db = doc.links.find((l) => l.dst === d('database', 'StatefulSet'));
    expect(db?.evidence.map((e) => e.value)).toEqual(['harbor-database (POSTGRESQL_PORT=5432)']);
    expect(db?.evidence[0]?.file).toBe(`${chart}/templates/core/core-cm.yaml [rendered]`);
    expect(allowedAfterSynthesis(app)).toEqual(expected);
    expectVerifiesClean(app);
  });

  it('database.type and redis.type external: no database or Redis rendered; the documented addresses are external links on their ports', () => {
    const flags = ['--helm-set', 'database.type=external', '--helm-set', 'redis.type=external'];
    const doc = scan(app, flags);
    const links = linkLines(doc);
    expect(links.filter((l) => /harbor-(database|redis)/.test(l))).toEqual([]);
    expect(links).toContain(`${d('core')} => 192.168.0.1-192.168.0.1[External] : TCP 5432`);
    for (const c of REDIS_CLIENTS) expect(links).toContain(`${d(c, c === 'trivy' ? 'StatefulSet' : 'Deployment')} => 192.168.0.2-192.168.0.2[External] : TCP 6379`);
    expect(links.filter((l) => l.includes('[External] : ') && !/: TCP (5432|6379)$/.test(l))).toEqual([]);
    const allowed = allowedAfterSynthesis(app, flags);
    expect(allowed).toContain(`${d('core')} => 192.168.0.1-192.168.0.1[External] : TCP 5432`);
    expect(allowed.filter((l) => l.includes('192.168.0.1') && !l.endsWith(': TCP 5432'))).toEqual([]);
  });

  it('expose.type=loadBalancer: the chart\'s nginx takes the outside traffic and proxies to its upstreams core and portal; the upstream names are no gaps', () => {
    const flags = ['--helm-set', 'expose.type=loadBalancer', '--helm-set', 'expose.tls.auto.commonName=harbor.example.org', '--helm-set', 'externalURL=https://harbor.example.org'];
    const doc = scan(app, flags);
    const links = linkLines(doc);
    expect(links).toContain(`${EVERYWHERE} => ${d('nginx')} : TCP 8080,8443`);
    expect(links).toContain(`${d('nginx')} => ${d('core')} : TCP 8080`);
    expect(links).toContain(`${d('nginx')} => ${d('portal')} : TCP 8080`);
    expect(links.filter((l) => l.startsWith('{ingress-controller}'))).toEqual([]);
    expect(JSON.stringify(doc.gaps)).not.toMatch(/"http:\/\/(core|portal)"/);
    // the external URL is a public name no manifest routes (a LoadBalancer has no host): a gap a reviewer closes, never dropped
    expect(doc.gaps).toEqual([expect.objectContaining({ workload: d('core'), direction: 'egress', reason: 'external-hostname', value: 'https://harbor.example.org' })]);
  });

  it('README "Gateway APIs: Exposes the service using gateway-api CRDs using HTTPRoute": the gateway reaches core and portal; the route\'s hostname is core\'s own, no gap', () => {
    const doc = scan(app, ['--helm-set', 'expose.type=route', '--helm-set', 'expose.route.hosts[0]=core.harbor.domain', '--helm-set', 'expose.route.parentRefs[0].name=gw']);
    const links = linkLines(doc);
    expect(links.filter((l) => l.startsWith('{'))).toEqual([`{gateway default/gw} => ${d('core')} : TCP 8080`, `{gateway default/gw} => ${d('portal')} : TCP 8080`]);
    expect(JSON.stringify(doc.gaps)).not.toContain('core.harbor.domain');
  });

  it('check, internal -> external database in a PR (values.yaml `database.type: external`): the stale policies break core -> 192.168.0.1 on 5432; synthesized again, that is what opens', () => {
    const dir = tempDir('netpol-ci-harbor-head-');
    cpSync(app, dir, { recursive: true });
    const values = path.join(dir, 'harbor', 'values.yaml');
    const text = readFileSync(values, 'utf8');
    expect(text).toMatch(/^database:\n(?:.*\n){0,4}? {2}type: internal$/m);
    writeFileSync(values, text.replace(/^(database:\n(?:.*\n){0,4}?) {2}type: internal$/m, '$1  type: external'));
    const pr = prCheck(app, dir);
    expect(brokenLines(pr.stale)).toEqual([`${d('core')} => 192.168.0.1-192.168.0.1[External] : TCP 5432`]);
    expect(pr.staleCode).toBe(1);
    expect([pr.updated.broken_links, pr.updated.drift, pr.updatedCode]).toEqual([[], [], 0]);
    const diff = diffLines(pr.updated);
    expect(diff).toContain(`added ${d('core')} => 192.168.0.1/32 : TCP 5432`);
    expect(diff.filter((l) => l.startsWith('added') && !l.includes('192.168.0.1'))).toEqual([]);
  });
});

/**
 * Argo Workflows' quick-start, https://github.com/argoproj/argo-workflows — manifests/README.md and
 * the docs' quick start: `kubectl create namespace argo` then `kubectl apply -n argo -f
 * quick-start-minimal.yaml` (or -postgres, -mysql), which are `kustomize build` of
 * manifests/quick-start/{minimal,postgres,mysql}: the base (cluster-install-no-crds with `namespace:
 * argo`, minio, httpbin, RBAC and patches) plus, for postgres/mysql, the Component
 * components/{postgres,mysql} (a database Deployment + Service and a patch of
 * workflow-controller-configmap). The docs: "the workflow controller ... persistence ...
 * `postgresql: host: postgres port: 5432`" (components/postgres/overlays/workflow-controller-configmap.yaml)
 * and the artifact repository `endpoint: minio:9000` (quick-start/base/overlays/workflow-controller-configmap.yaml).
 * The controller reads that ConfigMap through the Kubernetes API by its default name, never as a
 * mount or an env reference: the manifests do not tie it to the controller, so those calls must be
 * ingress gaps on minio and postgres (on their ports), never silently blocked. argo-server and the
 * controller call the API server (their RBAC): gaps naming it. argo-server listens on 2746 for the
 * UI/API (`kubectl -n argo port-forward service/argo-server 2746:2746`).
 */
describe('Argo Workflows quick-start (a Kustomize base with Components and three overlays)', () => {
  const root = `${APPS}/argo-workflows/manifests/quick-start`;
  const a = (name: string) => w('argo', name);
  const NS = ['--namespace', 'argo'];
  const COMMON = [
    `${a('argo-server')} egress api-server TCP 443`,
    `${a('argo-server')} ingress no-ingress-source TCP 2746`,
    `${a('httpbin')} ingress no-ingress-source TCP 80`,
    `${a('minio')} ingress no-ingress-source TCP 9000-9001`,
    `${a('workflow-controller')} egress api-server TCP 443`,
    `${a('workflow-controller')} ingress no-ingress-source TCP 6060,9090`,
  ];

  for (const [overlay, db] of [
    ['minimal', undefined],
    ['postgres', ['postgres', 'TCP 5432', true]],
    ['mysql', ['mysql', 'TCP 3306', false]],
  ] as const) {
    it(`${overlay}: all in namespace argo; no link is stated; the documented callees are gaps on their ports${db ? `, ${db[0]} among them` : ''}`, () => {
      const doc = scan(`${root}/${overlay}`, NS);
      expect(doc.links).toEqual([]);
      // the quick-start binds the workflow pods' Roles to the `default` ServiceAccount, which the databases
      // run as too: postgres mounts its token (minio, httpbin and mysql set automountServiceAccountToken:
      // false), so it holds those rights and the API server is a gap for it as well, naming the binding
      const expected = [...COMMON, ...(db ? [...(db[2] ? [`${a(db[0])} egress api-server TCP 443`] : []), `${a(db[0])} ingress no-ingress-source ${db[1]}`] : [])].sort();
      expect(gapLines(doc).sort()).toEqual(expected);
      // the gaps are cited in the Kustomize sources (a base file, a Component's), not in kustomize's output
      const files = (doc.gaps as { file?: string }[]).map((g) => g.file ?? '');
      expect(files.every((f) => f.startsWith(`${APPS}/argo-workflows/manifests/`) && !f.includes('[rendered]')), files.join('\n')).toBe(true);
    });
  }

  it('postgres: synthesized policies open nothing between the workloads (deny by default); --gaps=namespace opens controller -> postgres on 5432', () => {
    const app = `${root}/postgres`;
    const allowed = allowedAfterSynthesis(app, NS);
    expect(allowed.filter((l) => l.includes(' => argo/'))).toEqual([]);
    const closed = allowedAfterSynthesis(app, [...NS, '--gaps=namespace']);
    expect(closed).toContain(`${a('workflow-controller')} => ${a('postgres')} : TCP 5432`);
    expect(closed).toContain(`${a('workflow-controller')} => ${a('minio')} : TCP 9000-9001`);
    expectVerifiesClean(app, NS);
  });

  it('check, minimal -> postgres in a PR: the stale policies break nothing (no link is stated) and their default deny already covers postgres; the PR adds one gap, postgres\'s API-server token', () => {
    // a repository that deploys one overlay: base holds quick-start/minimal, head switched it to quick-start/postgres
    const tree = (keep: string) => {
      const dir = tempDir('netpol-ci-argo-tree-');
      cpSync(`${APPS}/argo-workflows/manifests`, dir, { recursive: true });
      for (const o of ['minimal', 'postgres', 'mysql']) if (o !== keep) rmSync(path.join(dir, 'quick-start', o), { recursive: true });
      return dir;
    };
    const pr = prCheck(tree('minimal'), tree('postgres'), NS, { base: 'quick-start/minimal', head: 'quick-start/postgres' });
    for (const c of [pr.stale, pr.updated]) {
      expect([c.broken_links, c.drift]).toEqual([[], []]);
      expect(diffLines(c)).toEqual([]);
      const gaps = (c as unknown as { gaps: { workload: string; reason: string; introduced: boolean }[] }).gaps;
      expect(gaps.filter((g) => g.introduced).map((g) => `${g.workload} ${g.reason}`)).toEqual([`${a('postgres')} api-server`]);
    }
    expect([pr.staleCode, pr.updatedCode]).toEqual([0, 0]);
  });
});

/**
 * Mastodon's chart, https://github.com/mastodon/chart (6.9.3), with its Bitnami dependencies as
 * `helm dep install` fetches Chart.lock: elasticsearch 19.19.2 (kibana 10.11.1 behind
 * `global.kibanaEnabled`), postgresql 14.2.3, redis 22.0.7, each with its `common` library chart.
 * README: `helm install --namespace mastodon --create-namespace my-mastodon ./ -f
 * path/to/additional/values.yaml`; dev-values.yaml is "Chart values used for testing the Helm
 * chart". values.yaml: "Elasticsearch is powering full-text search. It is optional"; "If you are
 * using an external ES cluster, use `enabled: false` and set the hostname, port"; postgresql
 * "disable if you want to use an existing db" (`postgresqlHostname`, `postgresqlPort: 5432`);
 * redis `hostname`, `port: 6379`. Mastodon's docs (docs.joinmastodon.org, "Installing from
 * source", "Configuring your environment"): web (Puma, 3000) and sidekiq use PostgreSQL (DB_HOST/
 * DB_PORT), Redis (REDIS_HOST/REDIS_PORT) and, when ES_ENABLED, Elasticsearch (ES_HOST/ES_PORT);
 * streaming (Node, 4000) uses PostgreSQL and Redis; sidekiq sends the mail (SMTP_SERVER/SMTP_PORT).
 * The chart's configmap-env.yaml sets them all in one ConfigMap that web, streaming, sidekiq and
 * the media-remove CronJob import: each gets every address (warned, NPC072), so streaming -> ES
 * and the SMTP host for all four are what the manifests state, not what the docs describe.
 */
describe("Mastodon's chart with the Bitnami PostgreSQL, Redis and Elasticsearch subcharts (internal or external)", () => {
  const app = `${APPS}/mastodon`;
  const DEV = ['--helm-values', `${app}/mastodon/dev-values.yaml`, '--helm-release-name', 'my-mastodon', '--namespace', 'mastodon'];
  const m = (name: string, kind = 'Deployment') => w('mastodon', `my-mastodon-${name}`, kind);
  const PG = m('postgresql', 'StatefulSet');
  const REDIS = m('redis-master', 'StatefulSet');
  const ES = m('elasticsearch-master', 'StatefulSet');
  const RAILS = [m('web'), m('sidekiq-all-queues'), m('streaming'), m('media-remove', 'CronJob')];
  // the subcharts' own NetworkPolicies (on by default, allowExternal), off: what our synthesized policies allow is then all that is allowed
  const OWN_POLICIES_OFF = ['redis.networkPolicy.enabled', 'postgresql.primary.networkPolicy.enabled', ...['master', 'data', 'coordinating', 'ingest'].map((n) => `elasticsearch.${n}.networkPolicy.enabled`)].flatMap((k) => ['--helm-set', `${k}=false`]);

  it('dev values: every Rails process and the streaming server reach PostgreSQL 5432, Redis 6379, ES 9200 (the shared ConfigMap, warned); the Ingress reaches web 3000 and streaming 4000', () => {
    const r = runWithTools(['scan', app, ...DEV, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as ScanDoc;
    const links = linkLines(doc);
    for (const s of RAILS) {
      expect(links).toContain(`${s} => ${PG} : TCP 5432`);
      expect(links).toContain(`${s} => ${REDIS} : TCP 6379`);
      expect(links).toContain(`${s} => ${ES} : TCP 9200`);
    }
    expect(links).toContain(`{ingress-controller} => ${m('web')} : TCP 3000`);
    expect(links).toContain(`{ingress-controller} => ${m('streaming')} : TCP 4000`);
    // the migration Jobs (helm hooks) reach the database and Redis too
    for (const job of ['db-pre-migrate', 'db-post-migrate']) expect(links).toContain(`${m(job, 'Job')} => ${PG} : TCP 5432`);
    // the Redis replicas follow the master (bitnami redis: REDIS_MASTER_HOST), cited in the Redis chart's own template
    expect(links).toContain(`${m('redis-replicas', 'StatefulSet')} => ${REDIS} : TCP 6379`);
    // the SMTP relay is outside the cluster: a gap on 587 for each importer of the ConfigMap, never dropped
    const smtp = doc.gaps.filter((g) => g.reason === 'external-hostname');
    expect(smtp.map((g) => `${g.workload} ${g.conns}`).sort()).toEqual(RAILS.map((s) => `${s} TCP 587`).sort());
    expect(r.stderr).toMatch(/warning NPC072 .*ConfigMap mastodon\/my-mastodon-env is shared by 4 workloads/);
    // no subchart's template is cited outside its own folder, and no link reaches kibana (global.kibanaEnabled is false)
    expect(JSON.stringify(doc)).not.toContain('kibana');
    const pg = doc.links.find((l) => l.src === m('web') && l.dst === PG);
    expect(pg?.evidence[0]).toMatchObject({ file: `${app}/mastodon/templates/configmap-env.yaml [rendered]`, value: 'my-mastodon-postgresql (DB_PORT=5432)' });
  });

  it('external PostgreSQL, Redis and Elasticsearch (enabled: false and their hostnames): no subchart renders, each address is an outside link on its port', () => {
    const flags = [
      ...DEV,
      ...['postgresql.enabled=false', 'postgresql.postgresqlHostname=10.0.5.10', 'redis.enabled=false', 'redis.hostname=10.0.5.11', 'elasticsearch.enabled=false', 'elasticsearch.hostname=10.0.5.12', 'elasticsearch.port=9200'].flatMap((s) => ['--helm-set', s]),
    ];
    const doc = scan(app, flags);
    const links = linkLines(doc);
    expect(links.filter((l) => /postgresql|redis|elasticsearch/.test(l))).toEqual([]);
    for (const s of [m('web'), m('sidekiq-all-queues')]) {
      expect(links).toContain(`${s} => 10.0.5.10-10.0.5.10[External] : TCP 5432`);
      expect(links).toContain(`${s} => 10.0.5.11-10.0.5.11[External] : TCP 6379`);
      expect(links).toContain(`${s} => 10.0.5.12-10.0.5.12[External] : TCP 9200`);
    }
    const allowed = allowedAfterSynthesis(app, flags);
    expect(allowed).toContain(`${m('web')} => 10.0.5.10-10.0.5.10[External] : TCP 5432`);
    expect(allowed.filter((l) => /10\.0\.5\.1[012]/.test(l) && !/: TCP (5432|6379|9200)$/.test(l))).toEqual([]);
  });

  it('check, a PR that turns full-text search off (values.yaml `elasticsearch.enabled: false`, "It is optional"): nothing the stale policies allow is needed any more; the diff removes every path to Elasticsearch', () => {
    const dir = tempDir('netpol-ci-mastodon-head-');
    cpSync(app, dir, { recursive: true });
    const values = path.join(dir, 'mastodon', 'values.yaml');
    const text = readFileSync(values, 'utf8');
    expect(text).toMatch(/^elasticsearch:\n(?:.*\n){0,10}? {2}enabled: true$/m);
    writeFileSync(values, text.replace(/^(elasticsearch:\n(?:.*\n){0,10}?) {2}enabled: true$/m, '$1  enabled: false'));
    // the dev values by absolute path: check runs in the PR's folder
    const flags = [...DEV.map((f) => (f.endsWith('dev-values.yaml') ? path.resolve(f) : f)), ...OWN_POLICIES_OFF];
    const pr = prCheck(app, dir, flags);
    expect(pr.stale.broken_links).toEqual([]);
    expect([pr.updated.broken_links, pr.updated.drift, pr.updatedCode]).toEqual([[], [], 0]);
    const diff = diffLines(pr.updated);
    expect(diff.length).toBeGreaterThan(0);
    expect(diff.filter((l) => !l.startsWith('removed ') || !l.includes('elasticsearch'))).toEqual([]);
    for (const s of RAILS) expect(diff).toContain(`removed ${s} => ${ES} : No Connections`);
  });

  it('synthesize then connectivity (the subcharts\' own policies off): the stated links, plus ES for the two migration Jobs, whose pods carry no labels and so share the CronJob\'s policy (warned NPC071; verify names that excess)', () => {
    const flags = [...DEV, ...OWN_POLICIES_OFF];
    const doc = scan(app, flags);
    const UNLABELLED = ['db-post-migrate', 'db-pre-migrate'].map((j) => `${m(j, 'Job')} => ${ES} : TCP 9200`);
    const allowed = allowedAfterSynthesis(app, flags);
    expect(allowed).toEqual([...linkLines(doc), ...UNLABELLED].sort());
    const dir = tempDir('netpol-ci-mastodon-verify-');
    const s = runWithTools(['synthesize', app, ...flags, '--output', `${dir}/`]);
    expect(s.code).toBe(0);
    expect(s.stderr).toMatch(/warning NPC071 .*my-mastodon-media-remove\[CronJob\] .*also selects the pods of mastodon\/my-mastodon-db-post-migrate\[Job\], mastodon\/my-mastodon-db-pre-migrate\[Job\]/);
    const v = runWithTools(['verify', app, ...flags, '--policies', dir, '--format', 'json', '-q']);
    const drift = JSON.parse(v.stdout) as { missing: unknown[]; excess: { src: string; dst: string; excess: string }[] };
    expect(drift.missing).toEqual([]);
    expect(drift.excess.map((e) => `${e.src} => ${e.dst} : ${e.excess}`)).toEqual(UNLABELLED);
    expect(v.code).toBe(1);
  });
});
