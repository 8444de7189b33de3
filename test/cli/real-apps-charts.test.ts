import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines } from '../helpers/cli.js';
import { cleanupTempDirs } from '../helpers/fixtures.js';
import { allowedAfterSynthesis, APPS, EVERYWHERE, linkLines, pairs, scan, w, type ScanDoc } from '../helpers/real-apps.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * Real public umbrella charts (fixtures/real-apps, sources, commits and licences in its README):
 * charts whose services are subcharts, folders and packaged archives, with a library chart, run
 * as a new user would with the real helm: scan, synthesize, connectivity. As in
 * real-apps.test.ts, every expected link is written from the app's OWN documentation (cited per
 * app), never from our output; links the docs describe that live only in application code must be
 * gaps (never silently blocked), and each extra link is justified by a manifest line.
 */
afterAll(cleanupTempDirs);

/** Every file a scan cites exists in the repository (an archive holds its member): never helm's `charts/<alias>/`. */
function expectRealFiles(doc: ScanDoc): void {
  const cited = [...doc.links.flatMap((l) => l.evidence.map((e) => e.file)), ...(doc.gaps as { file?: string }[]).map((g) => g.file)].filter((f): f is string => f !== undefined);
  expect(cited.length).toBeGreaterThan(0);
  for (const file of new Set(cited.map((f) => f.replace(/ \[rendered(?: as [^\]]+)?\]$/, '').split('#')[0] as string))) expect(existsSync(file), file).toBe(true);
}

/**
 * DeathStarBench Social Network, https://github.com/delimitrou/DeathStarBench — socialNetwork/README.md:
 * "a social network ... implemented with loosely-coupled microservices, communicating with each
 * other via Thrift RPCs"; "port 8080 for Nginx frontend, 8081 for media frontend and 16686 for
 * Jaeger". socialNetwork/helm-chart/README.md: "Every microservice is packaged into its own
 * isolated helm chart. All these packages are assembled under one main helm chart"; the nginx
 * `resolver is set to ... kube-dns.kube-system.svc.cluster.local`; nginx-thrift and media-frontend
 * have "an init container ... that pulls the required files from the public DSB repository" (GitHub).
 * Who calls whom is in the code the images run and the init container clones (the chart's
 * service-config.json lists every service's address for every service alike):
 * nginx-web-server/lua-scripts/api/** connect to compose-post-service, home-timeline-service,
 * user-timeline-service, social-graph-service and user-service; media-frontend/lua-scripts
 * `conn:connect("media-mongodb" .. k8s_suffix, 27017)`; src/ComposePostService/ComposePostService.cpp
 * reads the addresses of home-timeline, media, post-storage, text, unique-id, user and
 * user-timeline; TextService of url-shorten and user-mention; UserTimelineService of post-storage,
 * user-timeline-mongodb and user-timeline-redis; PostStorageService of post-storage-memcached and
 * post-storage-mongodb. Each service's jaeger-config mounts `localAgentHostPort: jaeger:6831` (the
 * Jaeger agent, UDP).
 */
describe('DeathStarBench Social Network umbrella chart (27 folder subcharts, 4 packaged ones switched off)', () => {
  const app = `${APPS}/social-network`;
  const chart = `${app}/socialnetwork`;
  const d = (name: string) => w('default', name);
  const DOCUMENTED: [string, string, string][] = [
    ...['compose-post-service', 'home-timeline-service', 'social-graph-service', 'user-service', 'user-timeline-service'].map((s): [string, string, string] => ['nginx-thrift', s, '9090']),
    ['media-frontend', 'media-mongodb', '27017'],
    ...['home-timeline-service', 'media-service', 'post-storage-service', 'text-service', 'unique-id-service', 'user-service', 'user-timeline-service'].map((s): [string, string, string] => ['compose-post-service', s, '9090']),
    ['text-service', 'url-shorten-service', '9090'],
    ['text-service', 'user-mention-service', '9090'],
    ['user-timeline-service', 'post-storage-service', '9090'],
    ['user-timeline-service', 'user-timeline-mongodb', '27017'],
    ['user-timeline-service', 'user-timeline-redis', '6379'],
    ['post-storage-service', 'post-storage-memcached', '11211'],
    ['post-storage-service', 'post-storage-mongodb', '27017'],
  ];
  /** The subcharts that mount a jaeger-config (their values.yaml lists it under configMaps), read from the chart itself. */
  const tracing = readdirSync(`${chart}/charts`)
    .filter((c) => existsSync(`${chart}/charts/${c}/values.yaml`) && /value: jaeger-config/.test(readFileSync(`${chart}/charts/${c}/values.yaml`, 'utf8')))
    .map((c) => /^name: (\S+)/m.exec(readFileSync(`${chart}/charts/${c}/values.yaml`, 'utf8'))?.[1] as string)
    .filter((n) => n !== 'jaeger')
    .sort();

  it('the only links the manifests state are each tracing service -> jaeger on UDP 6831; every documented Thrift/Mongo/Redis/Memcached callee is an ingress gap on its port', () => {
    const doc = scan(app);
    expect(tracing.length).toBeGreaterThan(10);
    expect(linkLines(doc)).toEqual(tracing.map((s) => `${d(s)} => ${d('jaeger')} : UDP 6831`));
    for (const [, dst, port] of DOCUMENTED) {
      expect(doc.gaps, dst).toContainEqual(expect.objectContaining({ workload: d(dst), direction: 'ingress', reason: 'no-ingress-source' }));
      const gap = doc.gaps.find((g) => g.workload === d(dst) && g.direction === 'ingress');
      expect(gap?.conns, dst).toContain(port);
    }
    // the init containers clone from GitHub: outside the cluster, a gap; the nginx resolver is the cluster DNS: no gap
    for (const front of ['nginx-thrift', 'media-frontend']) {
      expect(doc.gaps).toContainEqual(expect.objectContaining({ workload: d(front), direction: 'egress', reason: 'external-hostname', value: 'https://github.com' }));
    }
    expect(JSON.stringify(doc.gaps)).not.toContain('kube-dns');
    // ...but DNS all the same: both front ends resolve through it, so each needs the DNS rule (cited at its nginx.conf)
    const dns = (doc as unknown as { dns?: { workload: string; evidence: { file: string; value: string } }[] }).dns ?? [];
    expect(dns.map((u) => `${u.workload} ${u.evidence.value}`)).toEqual([d('media-frontend'), d('nginx-thrift')].map((x) => `${x} kube-dns.kube-system.svc.cluster.local`));
    expect(dns.map((u) => u.evidence.file)).toEqual([`${chart}/charts/media-frontend/templates/configmap.yaml [rendered]`, `${chart}/charts/nginx-thrift/templates/configmap.yaml [rendered]`]);
    // the subcharts' templates are cited in their own folders
    expectRealFiles(doc);
    expect(doc.gaps.find((g) => g.workload === d('compose-post-service'))).toMatchObject({ file: `${chart}/charts/compose-post-service/templates/deployment.yaml [rendered]` });
  });

  it('the packaged subcharts behind false conditions (mongodb-sharded, redis, redis-cluster, mcrouter) contribute nothing', () => {
    const doc = scan(app);
    const workloads = new Set([...doc.links.flatMap((l) => [l.src, l.dst]), ...doc.gaps.map((g) => g.workload)]);
    expect([...workloads].filter((x) => /redis-(master|replicas|cluster)|mongodb-sharded|mcrouter/.test(x))).toEqual([]);
    expect(JSON.stringify(doc)).not.toMatch(/\.tgz/);
  });

  it('synthesize then connectivity: only the jaeger links are open; --gaps=namespace opens each documented link', () => {
    const allowed = allowedAfterSynthesis(app).filter((l) => !l.startsWith(EVERYWHERE));
    expect(pairs(allowed)).toEqual(tracing.map((s) => `${d(s)} => ${d('jaeger')}`));
    for (const l of allowed) expect(l).toMatch(/ : UDP 6831$/);
    const closed = allowedAfterSynthesis(app, ['--gaps=namespace']);
    for (const [src, dst, port] of DOCUMENTED) {
      const line = closed.find((l) => l.startsWith(`${d(src)} => ${d(dst)} : `));
      expect(line, `${src} -> ${dst}`).toBeDefined();
      expect(line).toContain(port);
    }
  });

  it('helm-chart README "Redis ... replication": the packaged bitnami redis renders in place of the standalone ones, cited in its archive', () => {
    const doc = scan(app, ['--helm-set', 'global.redis.replication.enabled=true', '--helm-set', 'global.redis.standalone.enabled=false']);
    const workloads = new Set([...doc.links.flatMap((l) => [l.src, l.dst]), ...doc.gaps.map((g) => g.workload)]);
    expect([...workloads].filter((x) => x.includes('redis')).sort()).toEqual([w('default', 'redis-master', 'StatefulSet'), w('default', 'redis-replicas', 'StatefulSet')]);
    // the replicas follow the master (bitnami redis: REDIS_MASTER_HOST)
    expect(linkLines(doc)).toContain(`${w('default', 'redis-replicas', 'StatefulSet')} => ${w('default', 'redis-master', 'StatefulSet')} : TCP 6379`);
    const replica = doc.links.find((l) => l.src === w('default', 'redis-replicas', 'StatefulSet'));
    expect(replica?.evidence[0]?.file).toBe(`${chart}/charts/redis-17.3.7.tgz#redis/templates/replicas/statefulset.yaml [rendered]`);
    // redis.conf's `# Enable AOF https://redis.io/topics/persistence#append-only-file` is a comment, not a destination
    expect(JSON.stringify(doc.gaps)).not.toContain('redis.io');
    expectRealFiles(doc);
  });
});

/**
 * Bitnami WordPress 26.0.0, https://github.com/bitnami/charts/tree/main/bitnami/wordpress, with its
 * dependencies as `helm dependency build` resolves Chart.lock (mariadb 22.0.0, memcached 7.9.7,
 * the library chart common 2.31.4; mariadb and memcached carry their own common). README: "It also
 * packages the Bitnami MariaDB chart which is required for bootstrapping a MariaDB deployment for
 * the database requirements of the WordPress application, and the Bitnami Memcached chart that can
 * be used to cache database queries"; "To enable this feature, set `wordpressConfigureCache` and
 * `memcached.enabled` parameters to `true`" (W3 Total Cache "configured to use the Memcached
 * server"); `service.type` LoadBalancer; `mariadb.architecture` standalone or replication; for an
 * external database `mariadb.enabled=false`, `externalDatabase.host=myexternalhost`;
 * `networkPolicy.enabled` true (the chart's own policies; `networkPolicy.allowExternal` true in
 * both charts). The MariaDB chart's README: port `primary.service.ports.mysql` 3306; the secondary
 * replicates from the primary. Memcached's: port 11211.
 */
describe('Bitnami WordPress with its MariaDB and Memcached subcharts and the common library chart', () => {
  const app = `${APPS}/bitnami-wordpress`;
  const chart = `${app}/wordpress`;
  const d = (name: string, kind = 'Deployment', ns = 'default') => w(ns, name, kind);
  const DB = d('wordpress-mariadb', 'StatefulSet');
  // the chart's own NetworkPolicies, off: what our synthesized policies allow is then all that is allowed
  const OWN_POLICIES_OFF = ['--helm-set', 'networkPolicy.enabled=false', '--helm-set', 'mariadb.networkPolicy.enabled=false', '--helm-set', 'memcached.networkPolicy.enabled=false'];

  it('default install: wordpress -> mariadb on 3306, the LoadBalancer from anywhere on the container ports; synthesized policies allow exactly that', () => {
    const doc = scan(app);
    const expected = [`${EVERYWHERE} => ${d('wordpress')} : TCP 8080,8443`, `${d('wordpress')} => ${DB} : TCP 3306`];
    expect(linkLines(doc)).toEqual(expected);
    expect(doc.gaps).toEqual([]);
    expectRealFiles(doc);
    expect(allowedAfterSynthesis(app, OWN_POLICIES_OFF)).toEqual(expected);
  });

  it("the chart's own NetworkPolicies are read: allowExternal lets any source reach MariaDB's 3306, and egress is open (allowExternalEgress)", () => {
    const r = runWithTools(['connectivity', app]);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out).toContain(`${EVERYWHERE} => ${DB} : TCP 3306`);
    expect(out).toContain(`${d('wordpress')} => ${EVERYWHERE} : All Connections`);
    // and nothing reaches MariaDB on another port
    expect(out.filter((l) => l.includes(`=> ${DB} : `) && !l.endsWith(': TCP 3306'))).toEqual([]);
  });

  it('memcached.enabled + wordpressConfigureCache: wordpress -> memcached on 11211, from the W3 Total Cache script the chart mounts; disabled (the default) nothing of memcached is rendered', () => {
    const flags = ['--helm-set', 'memcached.enabled=true', '--helm-set', 'wordpressConfigureCache=true'];
    const doc = scan(app, flags);
    const memcached = doc.links.find((l) => l.dst === d('wordpress-memcached'));
    expect(memcached && `${memcached.src} => ${memcached.dst} : ${memcached.conns}`).toBe(`${d('wordpress')} => ${d('wordpress-memcached')} : TCP 11211`);
    expect(memcached?.evidence[0]?.file).toBe(`${chart}/templates/postinit-configmap.yaml [rendered]`);
    expect(allowedAfterSynthesis(app, [...flags, ...OWN_POLICIES_OFF])).toEqual([
      `${EVERYWHERE} => ${d('wordpress')} : TCP 8080,8443`,
      `${d('wordpress')} => ${DB} : TCP 3306`,
      `${d('wordpress')} => ${d('wordpress-memcached')} : TCP 11211`,
    ]);
    expect(JSON.stringify(scan(app))).not.toContain('memcached');
  });

  it('values the parent sets for its subcharts: mariadb.architecture=replication and a port override reach the MariaDB chart; release namespace for all', () => {
    const doc = scan(app, ['--helm-set', 'mariadb.architecture=replication', '--helm-set', 'mariadb.primary.service.ports.mysql=3307', '--namespace', 'blog']);
    const primary = d('wordpress-mariadb-primary', 'StatefulSet', 'blog');
    const secondary = d('wordpress-mariadb-secondary', 'StatefulSet', 'blog');
    // the Service port moved to 3307; policies see the container port, still 3306
    expect(linkLines(doc)).toEqual([`${EVERYWHERE} => ${d('wordpress', 'Deployment', 'blog')} : TCP 8080,8443`, `${secondary} => ${primary} : TCP 3306`, `${d('wordpress', 'Deployment', 'blog')} => ${primary} : TCP 3306`]);
    // nobody is documented to read from the secondary: a gap, cited in the MariaDB chart's own template
    expect(doc.gaps).toEqual([expect.objectContaining({ workload: secondary, direction: 'ingress', reason: 'no-ingress-source', file: `${chart}/charts/mariadb/templates/secondary/statefulset.yaml [rendered]` })]);
    expectRealFiles(doc);
  });

  it('mariadb.fullnameOverride renames the subchart\'s Service, and the WordPress chart follows it (common.names.dependency.fullname)', () => {
    const doc = scan(app, ['--helm-set', 'mariadb.fullnameOverride=db']);
    expect(linkLines(doc)).toContain(`${d('wordpress')} => ${d('db', 'StatefulSet')} : TCP 3306`);
  });

  it('README "external database": mariadb.enabled=false renders no MariaDB, and myexternalhost is a gap naming the address, not a silent block', () => {
    const doc = scan(app, ['--helm-set', 'mariadb.enabled=false', '--helm-set', 'externalDatabase.host=myexternalhost']);
    expect(linkLines(doc)).toEqual([`${EVERYWHERE} => ${d('wordpress')} : TCP 8080,8443`]);
    expect(doc.gaps).toEqual([expect.objectContaining({ workload: d('wordpress'), direction: 'egress', reason: 'no-such-service', conns: 'TCP 3306' })]);
    expect(doc.gaps[0]?.value).toContain('myexternalhost');
    expect(path.basename(String((doc.gaps[0] as { file?: string }).file))).toBe('deployment.yaml [rendered]');
  });
});

/**
 * DeathStarBench Hotel Reservation's Helm chart (hotelReservation/helm-chart, the same commit as
 * the kompose YAML of real-apps-front-ends.test.ts) — its README: "Every microservice is packaged
 * into its own isolated helm chart. All these packages are assembled under one main helm chart";
 * "All Hotel Reservation services ... will use the config file found under templates/configs"
 * (service-config.tpl, mounted by every service: what the YAML version builds into the image as
 * config.json): "consulAddress": "consul:8500", "jaegerAddress": "jaeger:6831" (the Jaeger agent,
 * UDP) and "<Service>MongoAddress" / "<Service>MemcAddress" per service; the chart writes each as a
 * cluster DNS name of its subchart's Service, on a Service port of its own (27018..27023,
 * 11212..11214) that targets the database's container port. The services find each other through
 * Consul (no address in the manifests). `global.memcached.HACount` sets how many memcached
 * instances each cache has.
 */
describe('DeathStarBench Hotel Reservation umbrella chart (19 subcharts, one shared service config)', () => {
  const app = `${APPS}/hotel-reservation-helm`;
  const SERVICES = ['frontend', 'geo', 'profile', 'rate', 'recommendation', 'reservation', 'search', 'user'];
  const h = (name: string, ns = 'default') => w(ns, `${name}-hotelreservation`);
  // config.json's keys and ports, as the chart names the Services (memcached: one instance, `-1`, by default)
  const CONFIG: [string, string][] = [
    ['consul', 'TCP 8500'],
    ['jaeger', 'UDP 6831'],
    ['mongodb-geo', 'TCP 27017'],
    ['mongodb-profile', 'TCP 27017'],
    ['memcached-profile-1', 'TCP 11211'],
    ['mongodb-rate', 'TCP 27017'],
    ['memcached-rate-1', 'TCP 11211'],
    ['mongodb-recommendation', 'TCP 27017'],
    ['mongodb-reservation', 'TCP 27017'],
    ['memcached-reserve-1', 'TCP 11211'],
    ['mongodb-user', 'TCP 27017'],
  ];

  it('every service reaches every address of the shared config on the container port behind its Service port, each cited in its own subchart; service-to-service calls (Consul) are ingress gaps', () => {
    const doc = scan(app);
    const expected = SERVICES.flatMap((s) => CONFIG.map(([dst, conns]) => `${h(s)} => ${h(dst)} : ${conns}`)).sort();
    expect(linkLines(doc)).toEqual(expected);
    for (const l of doc.links) {
      const src = /^default\/(.+)-hotelreservation\[/.exec(l.src)?.[1] as string;
      expect(l.evidence.map((e) => e.file)).toEqual([`${app}/hotelreservation/charts/${src}/templates/configmap.yaml [rendered]`]);
    }
    // the Service ports of consul and jaeger the config does not name (Consul's server RPC 8300 and
    // 8400 and its DNS, 8600 to 53; Jaeger's UI 16686, admin 14269, sampling 5778, collectors 14267
    // and 14268, the compact and binary agent ports 5775 and 6832): each a gap of its own, no caller named
    const UNCALLED_PORTS = [
      ['consul', 'TCP 8300'], ['consul', 'TCP 8400'], ['consul', 'UDP 53'],
      ['jaeger', 'TCP 14267'], ['jaeger', 'TCP 14268'], ['jaeger', 'TCP 14269'], ['jaeger', 'TCP 16686'], ['jaeger', 'TCP 5778'], ['jaeger', 'UDP 5775'], ['jaeger', 'UDP 6832'],
    ];
    expect(doc.gaps.map((g) => `${g.workload} ${g.direction} ${g.reason}${g.workload.match(/consul|jaeger/) ? ` ${g.conns}` : ''}`).sort()).toEqual(
      [...SERVICES.map((s) => `${h(s)} ingress no-ingress-source`), ...UNCALLED_PORTS.map(([s, conns]) => `${h(s as string)} ingress no-ingress-source ${conns}`)].sort(),
    );
    expectRealFiles(doc);
  });

  it('synthesize then connectivity allows exactly the scanned links', () => {
    const expected = SERVICES.flatMap((s) => CONFIG.map(([dst, conns]) => `${h(s)} => ${h(dst)} : ${conns}`)).sort();
    expect(allowedAfterSynthesis(app)).toEqual(expected);
  });

  it('global.memcached.HACount=2 (a global value read by every subchart) adds a second instance of each cache, reached by every service; --namespace moves them all', () => {
    const doc = scan(app, ['--helm-set', 'global.memcached.HACount=2', '--namespace', 'hotel']);
    for (const cache of ['memcached-profile', 'memcached-rate', 'memcached-reserve']) {
      for (const s of SERVICES) {
        expect(linkLines(doc)).toContain(`${h(s, 'hotel')} => ${h(`${cache}-1`, 'hotel')} : TCP 11211`);
        expect(linkLines(doc)).toContain(`${h(s, 'hotel')} => ${h(`${cache}-2`, 'hotel')} : TCP 11211`);
      }
    }
    expect(linkLines(doc).filter((l) => !l.startsWith('hotel/'))).toEqual([]);
  });
});
