import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { brokenLines, diffLines, expectVerifiesClean, gapLines, prCheck, type CheckJson } from '../helpers/real-app-checks.js';
import { allowedAfterSynthesis, APPS, EVERYWHERE, linkLines, scan, w, type ScanDoc } from '../helpers/real-apps.js';
import { HELM, runWithTools } from '../helpers/tools.js';

/**
 * Real public applications of kinds the other real-app tests lack (fixtures/real-apps, sources,
 * commits and licences in its README): Apache Airflow's official chart (one configuration file and
 * the same connection Secrets handed to every component; Celery workers on Redis; task logs read
 * from the workers at host names they record at run time; its own NetworkPolicies), Gitea's chart
 * (Bitnami subcharts in an HA layout: PostgreSQL behind pgpool, a Valkey cluster; its setup script
 * in a Secret's stringData), and kube-prometheus, which SHIPS a NetworkPolicy per component and
 * whose Prometheus and Alertmanager pods an operator makes from custom resources. Every expected
 * link is written from the app's OWN documentation and configuration (cited per app) before
 * running, never from our output; what the docs say that the manifests do not state must be a gap,
 * never silently blocked. Each app runs scan, synthesize + connectivity, verify, and check on a
 * realistic pull request.
 */
afterAll(cleanupTempDirs);

/** A copy of `app` with `from` replaced by `to` (once, and it must be there) in `file`. */
function edited(app: string, edits: Record<string, readonly [string, string][]>): string {
  const dir = tempDir('netpol-ci-round6-head-');
  cpSync(app, dir, { recursive: true });
  for (const [file, pairs] of Object.entries(edits)) {
    const at = path.join(dir, file);
    let text = readFileSync(at, 'utf8');
    for (const [from, to] of pairs) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    writeFileSync(at, text);
  }
  return dir;
}

/**
 * Apache Airflow's chart, https://github.com/apache/airflow `chart/` (1.22.0, Airflow 3.2.2), with
 * its defaults: CeleryExecutor, the bundled PostgreSQL (Bitnami subchart) and Redis, StatsD,
 * pgbouncer and flower off. The chart's docs ("Production Guide": database, pgbouncer; "Metrics":
 * StatsD on UDP 9125, scraped on 9102) and its configuration: every Airflow container gets the
 * metadata connection (Secret `airflow-metadata`, `airflow-postgresql.default:5432`) and the Celery
 * broker URL (Secret `airflow-broker-url`, `airflow-redis:6379`) as env, and mounts `airflow.cfg`
 * (ConfigMap `airflow-config`) whose `[core] execution_api_server_url` is
 * `http://airflow-api-server:8080/execution/` (Airflow 3's Task Execution API: workers, triggerer
 * and DAG processor report through it) and `[metrics] statsd_host = airflow-statsd`,
 * `statsd_port = 9125`. The API server reads running tasks' logs from each worker's log server
 * (`worker_log_server_port` 8793) and the triggerer's (8794) at the host names they record in the
 * database: no manifest names those callers, so they are gaps. The chart's own NetworkPolicies
 * (`networkPolicies.enabled: true`): Redis admits worker, scheduler and flower on 6379; StatsD all
 * Airflow pods; the worker and triggerer log ports the API server; the API server admits
 * `apiServer.networkPolicy.ingress.from`, empty by default.
 */
describe("Apache Airflow's chart (one config for every component; Celery on Redis; its own policies)", () => {
  const app = `${APPS}/airflow`;
  const a = (name: string, kind = 'Deployment') => w('default', `airflow-${name}`, kind);
  const COMPONENTS = [a('api-server'), a('create-user', 'Job'), a('dag-processor'), a('run-airflow-migrations', 'Job'), a('scheduler'), a('triggerer', 'StatefulSet'), a('worker', 'StatefulSet')];
  const API = a('api-server');
  const PG = a('postgresql', 'StatefulSet');
  const REDIS = a('redis', 'StatefulSet');
  const STATSD = a('statsd');
  // what the shared configuration hands every component (see above): the manifests cannot say which of them uses which
  const LINKS = COMPONENTS.flatMap((c) => [...(c === API ? [] : [`${c} => ${API} : TCP 8080`]), `${c} => ${PG} : TCP 5432`, `${c} => ${REDIS} : TCP 6379`, `${c} => ${STATSD} : UDP 9125`]).sort();

  it('every component reaches the API server, the database, the broker and StatsD as its config says; the log servers are gaps; no credential shows', () => {
    const doc = scan(app);
    expect(linkLines(doc)).toEqual(LINKS);
    const gaps = gapLines(doc);
    // and StatsD's exporter port, 9102, which Prometheus scrapes ("Metrics"): no manifest holds the scraper
    expect(gaps.filter((g) => g.includes(' ingress '))).toEqual([`${STATSD} ingress no-ingress-source TCP 9102`, `${a('triggerer', 'StatefulSet')} ingress no-ingress-source TCP 8794`, `${a('worker', 'StatefulSet')} ingress no-ingress-source TCP 8793`]);
    // the pod-launcher and pod-log-reader Roles: the API server is reached by each holder
    expect(gaps.filter((g) => g.includes(' egress '))).toEqual([API, a('triggerer', 'StatefulSet'), a('worker', 'StatefulSet')].map((s) => `${s} egress api-server TCP 443`));
    // the metadata connection and the broker URL carry passwords (postgres:postgres, a generated Redis one): only host:port shows
    expect(doc.links.find((l) => l.dst === PG)?.evidence[0]?.value).toBe('airflow-postgresql.default:5432');
    expect(JSON.stringify(doc)).not.toMatch(/postgres:postgres@|redis:\/\/:/);
  });

  it('the KubernetesExecutor (values `executor`): each task runs as a pod the scheduler makes from `pod_template_file.yaml` in airflow-config; no manifest lists those pods, which is warned at that key', () => {
    const r = runWithTools(['scan', app, '--helm-set', 'executor=KubernetesExecutor', '--format', 'json']);
    expect(r.code).toBe(0);
    const warned = r.stderr.split('\n').filter((l) => l.includes(' NPC314 '));
    expect(warned.map((l) => /^(\S+ \[rendered\]) \[doc \d+\] warning NPC314 (\S+): ConfigMap airflow-config key pod_template_file\.yaml holds a Pod manifest/.exec(l)?.slice(1))).toEqual([[`${app}/airflow/templates/configmaps/configmap.yaml [rendered]`, 'data.pod_template_file.yaml']]);
    // no Celery worker and no broker then; the scheduler launches the pods through the API (its pod-launcher Role)
    const doc = JSON.parse(r.stdout) as ScanDoc;
    expect(doc.links.some((l) => l.dst === REDIS || l.src === a('worker', 'StatefulSet'))).toBe(false);
    expect(gapLines(doc)).toContain(`${a('scheduler')} egress api-server TCP 443`);
  });

  it('synthesize then connectivity: exactly the links; verify finds no drift', () => {
    expect(allowedAfterSynthesis(app)).toEqual(LINKS);
    expectVerifiesClean(app);
  });

  it("the chart's own policies (networkPolicies.enabled): its API server policy, empty by default, blocks Airflow 3's Task Execution API; Redis admits the Celery side only", () => {
    // the policies as the chart renders them, in a folder of their own
    const all = runWithTools(['connectivity', app, '--helm-set', 'networkPolicies.enabled=true']);
    expect(all.code).toBe(0);
    const allowed = lines(all.stdout);
    // worked out by hand from the six rendered policies: the API server admits no one; Redis the worker and the scheduler;
    // StatsD every pod of the release on UDP 9125 and TCP 9102; PostgreSQL has no policy
    for (const c of COMPONENTS) expect(allowed.filter((l) => l.startsWith(`${c} => ${API} `))).toEqual([]);
    expect(allowed.filter((l) => l.includes(`=> ${REDIS} `))).toEqual([`${a('scheduler')} => ${REDIS} : TCP 6379`, `${a('worker', 'StatefulSet')} => ${REDIS} : TCP 6379`]);
    expect(allowed).toContain(`${a('worker', 'StatefulSet')} => ${STATSD} : TCP 9102,UDP 9125`);
    expect(allowed).toContain(`${a('worker', 'StatefulSet')} => ${PG} : All Connections`);
    expect(allowed).toContain(`${API} => ${a('worker', 'StatefulSet')} : TCP 8793`);
    // verify against them (rendered by helm into a folder of their own): each needed link they block
    const policies = tempDir('netpol-ci-airflow-own-');
    const rendered = spawnSync(HELM, ['template', 'airflow', `${app}/airflow`, '--set', 'networkPolicies.enabled=true'], { encoding: 'utf8' });
    expect(rendered.status).toBe(0);
    const own = rendered.stdout.split(/^---\s*$/m).filter((d) => /^kind: NetworkPolicy$/m.test(d));
    expect(own).toHaveLength(6);
    writeFileSync(path.join(policies, 'policies.yaml'), own.join('\n---\n'));
    const v = runWithTools(['verify', app, '--policies', policies, '--format', 'json']);
    const missing = (JSON.parse(v.stdout) as { missing: { src: string; dst: string }[] }).missing.map((f) => `${f.src} => ${f.dst}`);
    expect(missing).toEqual(
      [
        ...COMPONENTS.filter((c) => c !== API).map((c) => `${c} => ${API}`),
        // the API server's own pods: the shared airflow.cfg names its URL to it too (a self use: the manifests cannot
        // tell a workload naming its own address from one calling it), and its policy admits no one
        `${API} => ${API}`,
        // the broker URL the chart hands every component; its own Redis policy admits only the Celery side
        ...[API, a('create-user', 'Job'), a('dag-processor'), a('run-airflow-migrations', 'Job'), a('triggerer', 'StatefulSet')].map((c) => `${c} => ${REDIS}`),
      ].sort(),
    );
    expect(v.code).toBe(1);
  });

  it('check, a PR that enables pgbouncer (values.yaml `pgbouncer.enabled: true`): the stale policies break every component -> pgbouncer on 6543 and pgbouncer -> PostgreSQL; synthesized again, those open and the direct database links go', () => {
    const head = edited(app, { 'airflow/values.yaml': [['pgbouncer:\n  # Enable PgBouncer\n  enabled: false\n', 'pgbouncer:\n  # Enable PgBouncer\n  enabled: true\n']] });
    const PGB = a('pgbouncer');
    const pr = prCheck(app, head);
    // pgbouncer is new: the base's policies isolate it, its DNS lookups (of airflow-postgresql) included
    expect(brokenLines(pr.stale)).toEqual([...COMPONENTS.map((c) => `${c} => ${PGB} : TCP 6543`), `${PGB} => ${PG} : TCP 5432`, `${PGB} => kube-system/dns[Pod] : TCP 53,UDP 53`].sort());
    expect(pr.staleCode).toBe(1);
    expect([pr.updated.broken_links, pr.updated.drift, pr.updatedCode]).toEqual([[], [], 0]);
    expect(diffLines(pr.updated)).toEqual([...COMPONENTS.map((c) => `added ${c} => ${PGB} : TCP 6543`), `added ${PGB} => ${PG} : TCP 5432`, ...COMPONENTS.map((c) => `removed ${c} => ${PG} : No Connections`)].sort());
  });
});

/**
 * Gitea's chart, https://gitea.com/gitea/helm-gitea (GitHub mirror), with its dependencies as
 * Chart.lock names them (Bitnami postgresql-ha 16.3.2 and valkey-cluster 3.0.24 on by default;
 * postgresql 16.7.27 and valkey 3.0.31 off). README ("Dependencies", "Database", "Cache"): "Gitea
 * ... uses PostgreSQL HA and Valkey Cluster by default"; the chart writes `[database] HOST` as the
 * pgpool Service (`gitea-postgresql-ha-pgpool.default.svc.cluster.local:5432`) and `[cache]`,
 * `[session]`, `[queue]` as `redis+cluster://...@gitea-valkey-cluster-headless...:6379`. The
 * postgresql-ha chart: pgpool balances over the PostgreSQL nodes (PGPOOL_BACKEND_NODES, 5432). The
 * init script (`gitea-init` Secret, stringData `configure_gitea.sh`) waits with
 * `nc -vz -w2 gitea-valkey-cluster-headless... 6379` (the Valkey cluster bus, 16379, is the nodes'
 * own). The `gitea-http` (3000, headless) and `gitea-ssh` (22 -> 2222) Services have no client in
 * the chart (its Ingress is off): gaps. `[server] DOMAIN/ROOT_URL = git.example.com` (the
 * `gitea-inline-config` Secret keeps app.ini one section per key) is Gitea's own public name
 * (Gitea's config cheat sheet: "ROOT_URL: Overwrite the automatically generated public URL"),
 * where users reach it, never a destination.
 */
describe("Gitea's chart (PostgreSQL HA behind pgpool and a Valkey cluster, Bitnami subcharts)", () => {
  const app = `${APPS}/gitea`;
  const g = (name: string, kind = 'Deployment') => w('default', name, kind);
  // the Bitnami subcharts ship their own NetworkPolicies (networkPolicy.enabled: true by default): off for the synthesis checks
  const OWN_POLICIES_OFF = ['postgresql-ha.postgresql.networkPolicy.enabled=false', 'postgresql-ha.pgpool.networkPolicy.enabled=false', 'valkey-cluster.networkPolicy.enabled=false', 'postgresql.primary.networkPolicy.enabled=false'].flatMap((x) => ['--helm-set', x]);
  const LINKS = [
    `${g('gitea-postgresql-ha-pgpool')} => ${g('gitea-postgresql-ha-postgresql', 'StatefulSet')} : TCP 5432`,
    `${g('gitea')} => ${g('gitea-postgresql-ha-pgpool')} : TCP 5432`,
    `${g('gitea')} => ${g('gitea-valkey-cluster', 'StatefulSet')} : TCP 6379`,
  ];

  it('gitea to pgpool and to Valkey on 6379 only (the init script\'s nc names the port), pgpool to the PostgreSQL nodes; the UI and SSH are gaps, its own public name none; no password shows', () => {
    const r = runWithTools(['scan', app, '--format', 'json']);
    expect(r.code).toBe(0);
    // the script's wait names its port: no "without a port" warning, and its error message's URL is no destination
    expect(r.stderr).toBe('');
    const doc = scan(app);
    expect(linkLines(doc)).toEqual(LINKS);
    // `[server]` DOMAIN/ROOT_URL/SSH_DOMAIN (the inline config's `server` key) are Gitea's own public name: no destination
    // Valkey's cluster bus (16379, the data port plus 10000, Valkey's cluster tutorial): its nodes call each other
    // there, which no manifest states (a workload's pods among themselves are no link)
    expect(gapLines(doc)).toEqual([`${g('gitea-valkey-cluster', 'StatefulSet')} ingress no-ingress-source TCP 16379`, `${g('gitea')} ingress no-ingress-source TCP 2222,3000`]);
    // the PostgreSQL nodes name their own pods (REPMGR_PARTNER_NODES `-0/-1/-2.<svc>-headless`, repmgr's
    // primary on 5432): a self use, which policies must allow (Kubernetes isolates replicas from each other too)
    const self = (doc as { self?: { workload: string; conns: string }[] }).self ?? [];
    expect(self.map((u) => `${u.workload} : ${u.conns}`)).toEqual([`${g('gitea-postgresql-ha-postgresql', 'StatefulSet')} : TCP 5432`]);
    // the init script is cited in the Secret's stringData, never by its text (a Secret)
    const valkey = doc.links.find((l) => l.dst === g('gitea-valkey-cluster', 'StatefulSet'));
    expect(valkey?.evidence.map((e) => e.value)).toEqual(Array(3).fill('gitea-valkey-cluster-headless.default.svc.cluster.local:6379'));
    // the admin password (values.yaml `gitea.admin.password`), the database's and Valkey's: never shown
    expect(JSON.stringify(doc)).not.toMatch(/r8sA8CPHD9|changeme|gitea:gitea/);
  });

  it("connectivity as shipped: Bitnami's policies (allowExternal, allowExternalEgress) admit anyone on the data ports, the cluster bus included; gitea has none, so it is open", () => {
    const c = runWithTools(['connectivity', app]);
    expect(c.code).toBe(0);
    const allowed = lines(c.stdout);
    // by hand, from the three rendered policies: an ingress rule of ports only admits every source; `egress: [{}]` every destination
    for (const l of [
      `${EVERYWHERE} => ${g('gitea-postgresql-ha-pgpool')} : TCP 5432`,
      `${EVERYWHERE} => ${g('gitea-valkey-cluster', 'StatefulSet')} : TCP 6379,16379`,
      `${EVERYWHERE} => ${g('gitea')} : All Connections`,
      `${g('gitea')} => ${g('gitea-valkey-cluster', 'StatefulSet')} : TCP 6379,16379`,
      `${g('gitea-valkey-cluster', 'StatefulSet')} => ${g('gitea-postgresql-ha-postgresql', 'StatefulSet')} : TCP 5432`,
    ])
      expect(allowed).toContain(l);
    // what the chart needs is all allowed; the PostgreSQL nodes' other ports (repmgr's, none declared) are not
    for (const l of LINKS) expect(allowed).toContain(l.replace(' : TCP 6379', ' : TCP 6379,16379'));
    expect(allowed.some((l) => l.startsWith(`${g('gitea')} => ${g('gitea-postgresql-ha-postgresql', 'StatefulSet')} : `) && l !== `${g('gitea')} => ${g('gitea-postgresql-ha-postgresql', 'StatefulSet')} : TCP 5432`)).toBe(false);
  });

  it("synthesize then connectivity (the subcharts' policies off): exactly the links; verify finds no drift", () => {
    expect(allowedAfterSynthesis(app, OWN_POLICIES_OFF)).toEqual(LINKS);
    expectVerifiesClean(app, OWN_POLICIES_OFF);
  });

  it('check, a PR that moves to the single PostgreSQL subchart (`postgresql-ha.enabled: false`, `postgresql.enabled: true`): the stale policies break gitea -> gitea-postgresql on 5432; synthesized again, that opens and pgpool\'s links go', () => {
    const head = edited(app, {
      'gitea/values.yaml': [
        ['postgresql-ha:\n  ## @param postgresql-ha.enabled Enable PostgreSQL HA\n  enabled: true\n', 'postgresql-ha:\n  ## @param postgresql-ha.enabled Enable PostgreSQL HA\n  enabled: false\n'],
        ['postgresql:\n  ## @param postgresql.enabled Enable PostgreSQL\n  enabled: false\n', 'postgresql:\n  ## @param postgresql.enabled Enable PostgreSQL\n  enabled: true\n'],
      ],
    });
    const PG = g('gitea-postgresql', 'StatefulSet');
    const pr = prCheck(app, head, OWN_POLICIES_OFF);
    expect(brokenLines(pr.stale)).toEqual([`${g('gitea')} => ${PG} : TCP 5432`]);
    expect(pr.staleCode).toBe(1);
    expect([pr.updated.broken_links, pr.updated.drift, pr.updatedCode]).toEqual([[], [], 0]);
    expect(diffLines(pr.updated)).toEqual([`added ${g('gitea')} => ${PG} : TCP 5432`, `removed ${g('gitea')} => ${g('gitea-postgresql-ha-pgpool')} : No Connections`, `removed ${g('gitea-postgresql-ha-pgpool')} => ${g('gitea-postgresql-ha-postgresql', 'StatefulSet')} : No Connections`].sort());
  });
});

/**
 * kube-prometheus, https://github.com/prometheus-operator/kube-prometheus `manifests/` (the
 * CustomResourceDefinitions of `manifests/setup/` and the 1 MB of Grafana dashboards left out).
 * README and docs ("Prometheus Operator", "Access UIs": port-forward to grafana 3000, prometheus-k8s
 * 9090, alertmanager-main 9093): Prometheus scrapes every component (the ServiceMonitors:
 * node-exporter 9100 (`https` through kube-rbac-proxy), kube-state-metrics 8443/9443,
 * blackbox-exporter 9115/19115, grafana 3000, the operator 8443, the adapter 6443); Grafana's
 * datasource and the adapter's `--prometheus-url` are `http://prometheus-k8s.monitoring.svc:9090`.
 * Prometheus and Alertmanager are custom resources: the operator makes their StatefulSets
 * (prometheus-k8s, alertmanager-main), which no manifest holds. The shipped policies, by hand:
 * every component's egress is open (`egress: [{}]`); the adapter's ingress is open (`ingress: [{}]`:
 * the API server calls it as an APIService); every other component admits only pods labelled
 * `app.kubernetes.io/name: prometheus` (none in the manifests); Prometheus' and Alertmanager's own
 * policies select no pod of the manifests.
 */
describe('kube-prometheus (its shipped NetworkPolicies; Prometheus and Alertmanager made by an operator)', () => {
  const app = `${APPS}/kube-prometheus`;
  const m = (name: string, kind = 'Deployment') => w('monitoring', name, kind);
  const OTHERS = [m('blackbox-exporter'), m('grafana'), m('kube-state-metrics'), m('node-exporter', 'DaemonSet'), m('prometheus-operator')];
  const ADAPTER = m('prometheus-adapter');
  // worked out by hand from the policies above
  const ALLOWED = [`${EVERYWHERE} => ${ADAPTER} : All Connections`, ...OTHERS.flatMap((s) => [`${s} => ${EVERYWHERE} : All Connections`, `${s} => ${ADAPTER} : All Connections`]), `${ADAPTER} => ${EVERYWHERE} : All Connections`].sort();

  it('scan: no link the manifests can place (every scraper and every Prometheus client meets pods an operator makes); each a gap; the operator-made pods are warned at their custom resources', () => {
    const r = runWithTools(['scan', app, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = scan(app);
    expect(doc.links).toEqual([]);
    const gaps = gapLines(doc);
    expect(gaps.filter((x) => x.includes(' ingress '))).toEqual([
      `${m('blackbox-exporter')} ingress no-ingress-source TCP 9115,19115`,
      `${m('grafana')} ingress no-ingress-source TCP 3000`,
      `${m('kube-state-metrics')} ingress no-ingress-source TCP 8443,9443`,
      `${m('node-exporter', 'DaemonSet')} ingress no-ingress-source TCP 9100`,
      `${ADAPTER} ingress no-ingress-source TCP 6443`,
      `${m('prometheus-operator')} ingress no-ingress-source TCP 8080,8443`,
    ]);
    // the adapter serves the metrics API (APIService v1beta1.metrics.k8s.io): the API server calls it on its target port 6443, cited at the APIService
    const adapter = (doc.gaps as (ScanDoc['gaps'][number] & { line?: number; detail: string; file?: string })[]).find((x) => x.workload === ADAPTER && x.direction === 'ingress');
    expect([adapter?.file, adapter?.line]).toEqual([`${app}/manifests/prometheusAdapter-apiService.yaml`, 14]);
    expect(adapter?.detail).toMatch(/^the Kubernetes API server calls it \(APIService v1beta1\.metrics\.k8s\.io names Service monitoring\/prometheus-adapter\) on TCP 6443,/);
    // Prometheus' Service selects the operator's pods: the clients' need is a gap, cited at the datasource's line
    const toPrometheus = (doc.gaps as (ScanDoc['gaps'][number] & { line?: number })[]).filter((x) => x.value?.includes('prometheus-k8s.monitoring.svc:9090'));
    expect(toPrometheus.map((x) => [x.workload, x.reason, x.line])).toEqual([
      [m('grafana'), 'no-endpoints', 22],
      [ADAPTER, 'no-endpoints', 38],
    ]);
    const warnings = r.stderr.split('\n').filter((l) => / warning /.test(l));
    expect(warnings.filter((l) => l.includes('NPC315')).map((l) => /^(\S+) .* (\w+ monitoring\/\w+) \(/.exec(l)?.slice(1))).toEqual([
      [`${app}/manifests/alertmanager-alertmanager.yaml:24:13`, 'Alertmanager monitoring/main'],
      [`${app}/manifests/prometheus-prometheus.yaml:35:13`, 'Prometheus monitoring/k8s'],
    ]);
    // RBAC names are path segments: resource-metrics:system:auth-delegator is valid
    expect(warnings.filter((l) => l.includes('NPC010'))).toEqual([]);
  });

  it('connectivity with the shipped policies: exactly what the hand reading allows (open egress, the open adapter); grafana, the exporters and the operator admit no pod of the manifests', () => {
    const c = runWithTools(['connectivity', app]);
    expect(c.code).toBe(0);
    expect(lines(c.stdout)).toEqual(ALLOWED);
    // denied pairs, by hand: the exporters admit only Prometheus' pods
    for (const pair of [`${m('grafana')} => ${m('kube-state-metrics')}`, `${EVERYWHERE} => ${m('grafana')}`, `${m('blackbox-exporter')} => ${m('node-exporter', 'DaemonSet')}`]) expect(lines(c.stdout).some((l) => l.startsWith(`${pair} `))).toBe(false);
  });

  it('verify against the shipped policies (moved to a folder of their own): nothing needed is missing, every allowed pair is excess; lint names the policies that select no pod of the manifests', () => {
    const dir = tempDir('netpol-ci-kube-prometheus-');
    const manifests = path.join(dir, 'app');
    const policies = path.join(dir, 'policies');
    cpSync(`${app}/manifests`, manifests, { recursive: true });
    mkdirSync(policies);
    for (const f of readdirSync(manifests).filter((x) => x.endsWith('-networkPolicy.yaml'))) renameSync(path.join(manifests, f), path.join(policies, f));
    const v = runWithTools(['verify', manifests, '--policies', policies]);
    expect(v.code).toBe(1);
    expect(v.stdout.split('\n')[0]).toBe(`Policy drift in ${policies}: 0 missing, 12 excess`);
    expect(v.stdout.split('\n').filter((l) => l.startsWith('excess: ')).map((l) => /source: (.*), destination: (.*), allowed: (.*), needed/.exec(l)?.slice(1).join(' | '))).toEqual(ALLOWED.map((l) => l.replace(' => ', ' | ').replace(' : ', ' | ')));
    // lint: the policies for the operator's Prometheus and Alertmanager pods, and the rules admitting them, act on
    // pods the manifests do not hold (NPC315): not judged (info NPC187), never "selects nothing"
    const lint = runWithTools(['lint', policies, manifests, '--verbose']);
    expect(lint.stdout.split('\n').filter((l) => /NPC18[01]/.test(l))).toEqual([]);
    const notJudged = lint.stderr.split('\n').filter((l) => l.includes('NPC187') && l.includes('is not judged: it selects no pod')).map((l) => /NetworkPolicy (\S+)/.exec(l)?.[1]);
    expect(notJudged).toEqual(['monitoring/alertmanager-main', 'monitoring/prometheus-k8s']);
  });

  it('check, a PR that opens Grafana to every namespace on 3000 and puts it behind an Ingress: every workload and the ingress controller gain grafana on 3000, nothing breaks', () => {
    const head = edited(app, {
      'manifests/grafana-networkPolicy.yaml': [['    ports:\n    - port: 3000\n      protocol: TCP\n  podSelector:', '    ports:\n    - port: 3000\n      protocol: TCP\n  - from:\n    - namespaceSelector: {}\n    ports:\n    - port: 3000\n      protocol: TCP\n  podSelector:']],
    });
    writeFileSync(
      path.join(head, 'manifests', 'grafana-ingress.yaml'),
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: grafana\n  namespace: monitoring\nspec:\n  rules:\n  - host: grafana.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: grafana\n            port:\n              name: http\n',
    );
    const dir = tempDir('netpol-ci-kube-prometheus-pr-');
    cpSync(app, path.join(dir, 'base'), { recursive: true });
    cpSync(head, path.join(dir, 'head'), { recursive: true });
    const c = runWithTools(['check', '--base', 'base', '--head', 'head', '--exposure', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(c.stdout) as CheckJson & { summary: { outside: number; widenedExposure: number }; widened_exposure: { workload: string; peer: string; gained: string }[] };
    const GRAFANA = m('grafana');
    expect(diffLines(report)).toEqual([...[m('blackbox-exporter'), m('kube-state-metrics'), m('node-exporter', 'DaemonSet'), ADAPTER, m('prometheus-operator'), '{ingress-controller}'].map((s) => `added ${s} => ${GRAFANA} : TCP 3000`)].sort());
    expect(report.broken_links).toEqual([]);
    expect([report.summary.outside, report.summary.widenedExposure]).toEqual([1, 1]);
    expect(report.widened_exposure.map((x) => `${x.workload} ${x.peer} ${x.gained}`)).toEqual([`${GRAFANA} entire-cluster TCP 3000`]);
  });

  it('check, a PR that admits the ingress-nginx namespace to Grafana on 3000 behind an Ingress: told where the controller runs, only {ingress-controller} gains grafana, nothing breaks; not told, the Ingress link is broken', () => {
    const head = edited(app, {
      'manifests/grafana-networkPolicy.yaml': [['    ports:\n    - port: 3000\n      protocol: TCP\n  podSelector:', '    ports:\n    - port: 3000\n      protocol: TCP\n  - from:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: ingress-nginx\n    ports:\n    - port: 3000\n      protocol: TCP\n  podSelector:']],
    });
    writeFileSync(
      path.join(head, 'manifests', 'grafana-ingress.yaml'),
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: grafana\n  namespace: monitoring\nspec:\n  ingressClassName: nginx\n  rules:\n  - host: grafana.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: grafana\n            port:\n              name: http\n',
    );
    const dir = tempDir('netpol-ci-kube-prometheus-pr-');
    cpSync(app, path.join(dir, 'base'), { recursive: true });
    cpSync(head, path.join(dir, 'head'), { recursive: true });
    const check = (...flags: string[]) => JSON.parse(runWithTools(['check', '--base', 'base', '--head', 'head', ...flags, '--format', 'json'], { cwd: dir }).stdout) as CheckJson;
    const GRAFANA = m('grafana');
    const placed = check('--policies', 'head/manifests', '--ingress-controller', 'namespace=ingress-nginx');
    expect(placed.broken_links).toEqual([]);
    expect(diffLines(placed)).toEqual([`added {ingress-controller} => ${GRAFANA} : TCP 3000`]);
    // the every-pod rule of the first PR is not here: no workload of the manifests runs in ingress-nginx
    const unplaced = check();
    expect(brokenLines(unplaced)).toEqual([`{ingress-controller} => ${GRAFANA} : TCP 3000`]);
    expect(diffLines(unplaced)).toEqual([]);
  });
});
