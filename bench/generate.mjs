// Deterministic generator of realistic applications for the benchmark.
//
//   node bench/generate.mjs [N...]        writes bench/out/app-N/ and bench/out/app-N-changed/
//
// An app of N workloads has about N/50 team namespaces (labels team, env), each with Deployments
// and StatefulSets, a Service per workload, an Ingress for its frontends and least-privilege
// NetworkPolicies: per namespace a default-deny and a policy letting Prometheus (monitoring)
// scrape the named port `metrics`, and one policy per pod template (app label) allowing ingress
// from its 1-3 callers on its serving ports (frontends also from any namespace, for the ingress
// controller) and egress to its callees plus DNS (kube-system/kube-dns), a few to ipBlocks with
// except. The app is about 9 MB at N=5,000.
// Some workloads are shards with identical pod templates, so equivalence classes are fewer than
// workloads. Every workload's env names its callees by Service DNS name, so a scan can find the
// links. The -changed variant differs in about 5% of the policies (added or removed ingress
// sources, changed ports), for the diff stage.
//
// No Math.random: a seeded PRNG (mulberry32) makes the output byte-identical for the same N.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = path.join(BENCH_DIR, 'out');
export const SIZES = [100, 1000, 5000];

// ---------------------------------------------------------------------------------------------
// PRNG

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rng(seed) {
  const next = mulberry32(seed);
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** k distinct items of list (or all of them when k >= length), in list order. */
    sample: (list, k) => {
      if (k >= list.length) return [...list];
      const idx = list.map((_, i) => i);
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(next() * (idx.length - i));
        [idx[i], idx[j]] = [idx[j], idx[i]];
      }
      return idx
        .slice(0, k)
        .sort((a, b) => a - b)
        .map((i) => list[i]);
    },
  };
  return r;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const TEAMS = [
  'payments', 'orders', 'catalog', 'search', 'identity', 'shipping', 'billing', 'analytics', 'inventory', 'checkout',
  'messaging', 'profiles', 'reviews', 'pricing', 'media', 'ads', 'fraud', 'loyalty', 'support', 'reporting',
];
const ENVS = ['prod', 'prod', 'staging', 'dev'];
const FRONTEND_NAMES = ['web', 'portal', 'admin-ui', 'storefront', 'dashboard', 'console', 'landing', 'docs'];
const BACKEND_NAMES = [
  'api', 'gateway', 'auth', 'orders', 'billing', 'catalog', 'search', 'inventory', 'notifications', 'pricing', 'cart', 'checkout',
  'accounts', 'sessions', 'recommendations', 'reports', 'scheduler', 'ledger', 'webhooks', 'exporter', 'importer', 'resolver',
  'mailer', 'thumbnails', 'tokens', 'quotas', 'audit', 'geo', 'feeds', 'rules',
];
/** Data stores: name, image, serving ports, metrics exporter port. */
const DATA_KINDS = [
  { name: 'postgres', image: 'postgres:16.4', ports: [{ name: 'postgres', port: 5432 }], scheme: 'postgres', exporter: 9187 },
  { name: 'redis', image: 'redis:7.4', ports: [{ name: 'redis', port: 6379 }], scheme: 'redis', exporter: 9121 },
  { name: 'kafka', image: 'apache/kafka:3.8.0', ports: [{ name: 'kafka', port: 9092 }], scheme: 'kafka', exporter: 9308 },
  { name: 'elasticsearch', image: 'elasticsearch:8.15.0', ports: [{ name: 'http', port: 9200 }, { name: 'transport', port: 9300 }], scheme: 'http', exporter: 9114 },
  { name: 'mongo', image: 'mongo:7.0', ports: [{ name: 'mongo', port: 27017 }], scheme: 'mongodb', exporter: 9216 },
  { name: 'rabbitmq', image: 'rabbitmq:3.13', ports: [{ name: 'amqp', port: 5672 }, { name: 'management', port: 15672 }], scheme: 'amqp', exporter: 15692 },
];
/** Egress to addresses outside the cluster: a small fixed pool, so the address atoms stay few. */
const EXTERNAL_EGRESS = [
  { to: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] }, ports: [{ protocol: 'TCP', port: 443 }] },
  { to: { cidr: '203.0.113.0/24' }, ports: [{ protocol: 'TCP', port: 5432 }] },
  { to: { cidr: '198.51.100.10/32' }, ports: [{ protocol: 'TCP', port: 587 }] },
  { to: { cidr: '192.0.2.0/24', except: ['192.0.2.128/25'] }, ports: [{ protocol: 'TCP', port: 8443, endPort: 8445 }] },
];
const NAME_LABEL = 'kubernetes.io/metadata.name';
const DNS_PEER = { namespaceSelector: { matchLabels: { [NAME_LABEL]: 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } };
const DNS_PORTS = [
  { protocol: 'UDP', port: 53 },
  { protocol: 'TCP', port: 53 },
];
const PROMETHEUS_PEER = { namespaceSelector: { matchLabels: { [NAME_LABEL]: 'monitoring' } }, podSelector: { matchLabels: { app: 'prometheus' } } };

// ---------------------------------------------------------------------------------------------
// Model

/**
 * A group is one pod template (one `app` label): one workload, or several shards with identical
 * pod labels and ports. Policies are per group.
 * @typedef {{ id: number, ns: string, team: string, app: string, tier: 'frontend'|'backend'|'data', kind: string,
 *   image: string, ports: {name?: string, port: number, portName: string}[], metricsPort: number, scheme: string,
 *   workloads: string[], callers: number[], callees: number[], external: number[], exposed: boolean,
 *   namedIngressPorts: boolean, splitIngress: boolean }} Group
 */

function buildModel(n, seed) {
  const r = rng(seed);
  const nsCount = Math.max(2, Math.round(n / 50));
  const namespaces = [];
  for (let i = 0; i < nsCount; i++) {
    const team = TEAMS[i % TEAMS.length];
    const name = i < TEAMS.length ? team : `${team}-${Math.floor(i / TEAMS.length) + 1}`;
    namespaces.push({ name, team, env: r.pick(ENVS), groups: [] });
  }
  /** @type {Group[]} */
  const groups = [];
  let remaining = n;
  namespaces.forEach((ns, i) => {
    let quota = Math.floor(n / nsCount) + (i < n % nsCount ? 1 : 0);
    remaining -= quota;
    const used = new Set();
    const unique = (base) => {
      let name = base;
      for (let k = 2; used.has(name); k++) name = `${base}-${k}`;
      used.add(name);
      return name;
    };
    const frontends = Math.max(1, Math.round(quota * 0.1));
    const data = Math.max(1, Math.round(quota * 0.25));
    let left = quota;
    const add = (tier, size) => {
      size = Math.min(size, left);
      if (size <= 0) return;
      left -= size;
      let g;
      if (tier === 'data') {
        const dk = r.pick(DATA_KINDS);
        g = { tier, app: unique(dk.name), kind: 'StatefulSet', image: dk.image, ports: dk.ports.map((p) => ({ ...p, portName: p.name })), metricsPort: dk.exporter, scheme: dk.scheme };
      } else {
        const base = tier === 'frontend' ? r.pick(FRONTEND_NAMES) : r.pick(BACKEND_NAMES);
        const grpc = tier === 'backend' && r.chance(0.25);
        // most serving ports are named, some are not (then policies must use the number)
        const named = r.chance(0.8);
        const port = grpc ? { name: 'grpc', port: 9000 } : { name: 'http', port: r.pick([8080, 8080, 8000, 3000]) };
        g = {
          tier,
          app: unique(base),
          kind: 'Deployment',
          image: `registry.example.com/${ns.team}/${base}:1.${r.int(0, 40)}.${r.int(0, 9)}`,
          ports: [{ ...(named ? { name: port.name } : {}), port: port.port, portName: port.name }],
          metricsPort: 9090,
          scheme: grpc ? 'grpc' : 'http',
        };
      }
      g.id = groups.length;
      g.ns = ns.name;
      g.team = ns.team;
      g.workloads = size === 1 ? [g.app] : Array.from({ length: size }, (_, k) => `${g.app}-shard-${k}`);
      g.callers = [];
      g.callees = [];
      g.external = [];
      g.exposed = false;
      g.namedIngressPorts = r.chance(0.5);
      g.splitIngress = r.chance(0.4);
      groups.push(g);
      ns.groups.push(g.id);
    };
    for (let k = 0; k < frontends; k++) add('frontend', 1);
    for (let k = 0; k < data; k++) add('data', 1);
    // backends fill the rest; about 15% of their templates are sharded (2-4 identical workloads)
    while (left > 0) add('backend', r.chance(0.15) ? r.int(2, 4) : 1);
  });
  if (remaining !== 0) throw new Error('bug: workload quota');

  // Call graph: every non-frontend group gets 1-3 callers; about 15% of them from another namespace.
  const byNs = new Map(namespaces.map((ns) => [ns.name, ns.groups.map((id) => groups[id])]));
  const sharedCallers = groups.filter((g) => g.tier !== 'data');
  for (const g of groups) {
    if (g.tier === 'frontend') {
      g.exposed = true;
      continue;
    }
    const local = byNs.get(g.ns).filter((c) => c.id !== g.id && (g.tier === 'data' ? c.tier === 'backend' : c.tier !== 'data'));
    const want = r.int(1, 3);
    const callers = new Set(r.sample(local, want).map((c) => c.id));
    if (g.tier === 'backend' && r.chance(0.15)) {
      const other = r.pick(sharedCallers);
      if (other.ns !== g.ns) callers.add(other.id);
    }
    if (callers.size === 0) callers.add(r.pick(byNs.get(g.ns).filter((c) => c.tier === 'frontend')).id);
    for (const c of [...callers].sort((a, b) => a - b)) {
      g.callers.push(c);
      groups[c].callees.push(g.id);
    }
  }
  for (const g of groups) {
    g.callees.sort((a, b) => a - b);
    if (g.tier === 'backend' && r.chance(0.06)) g.external.push(r.int(0, EXTERNAL_EGRESS.length - 1));
  }
  return { n, namespaces, groups };
}

// ---------------------------------------------------------------------------------------------
// Objects

const svcPort = (p) => (p.port === 8080 || p.port === 8000 || p.port === 3000 ? 80 : p.port);
const upper = (s) => s.toUpperCase().replace(/[^A-Z0-9]/g, '_');

function serviceUrl(callee) {
  const p = callee.ports[0];
  return `${callee.scheme}://${callee.workloads[0]}.${callee.ns}.svc.cluster.local:${svcPort(p)}`;
}

function namespaceObject(ns) {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns.name, labels: { team: ns.team, env: ns.env, 'pod-security.kubernetes.io/enforce': 'restricted' } },
  };
}

function workloadObject(g, name, groups, r) {
  const labels = { app: g.app, tier: g.tier, team: g.team };
  const env = [
    { name: 'LOG_LEVEL', value: r.pick(['info', 'info', 'debug', 'warn']) },
  ];
  for (const id of g.callees) env.push({ name: `${upper(groups[id].app)}_URL`, value: serviceUrl(groups[id]) });
  if (g.tier === 'data') env.push({ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
  const containers = [
    {
      name: g.tier === 'data' ? g.app.replace(/-\d+$/, '') : 'app',
      image: g.image,
      ports: g.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), containerPort: p.port })),
      env,
    },
  ];
  if (g.tier === 'data') {
    containers.push({
      name: 'exporter',
      image: `quay.io/prometheus/${g.scheme}-exporter:0.15.0`,
      ports: [{ name: 'metrics', containerPort: g.metricsPort }],
    });
  } else {
    containers[0].ports.push({ name: 'metrics', containerPort: g.metricsPort });
  }
  const spec = {
    replicas: g.tier === 'data' ? 3 : r.int(1, 4),
    selector: { matchLabels: { app: g.app } },
    ...(g.kind === 'StatefulSet' ? { serviceName: name } : {}),
    template: {
      metadata: { labels },
      spec: { containers },
    },
  };
  return {
    apiVersion: 'apps/v1',
    kind: g.kind,
    metadata: { name, namespace: g.ns, labels: { app: g.app } },
    spec,
  };
}

function serviceObject(g, name) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: g.ns },
    spec: {
      ...(g.kind === 'StatefulSet' ? { clusterIP: 'None' } : {}),
      selector: { app: g.app },
      ports: g.ports.map((p) => ({ name: p.portName, port: svcPort(p), targetPort: p.name ?? p.port })),
    },
  };
}

function ingressObject(ns, groups) {
  const exposed = ns.groups.map((id) => groups[id]).filter((g) => g.exposed);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: `${ns.name}-public`, namespace: ns.name, annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' } },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: exposed.map((g) => `${g.app}.${ns.name}.example.com`), secretName: `${ns.name}-tls` }],
      rules: exposed.map((g) => ({
        host: `${g.app}.${ns.name}.example.com`,
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: g.workloads[0], port: { number: svcPort(g.ports[0]) } } } }] },
      })),
    },
  };
}

function defaultDeny(ns) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'default-deny', namespace: ns.name },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  };
}

/** Prometheus scrapes every pod of the namespace on its named port `metrics`. */
function allowScraping(ns) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'allow-prometheus-scrape', namespace: ns.name },
    spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [PROMETHEUS_PEER], ports: [{ port: 'metrics' }] }] },
  };
}

/** A peer that selects group `other` as seen from a policy in namespace `ns`. */
function peerOf(other, ns) {
  const podSelector = { matchLabels: { app: other.app } };
  return other.ns === ns ? { podSelector } : { namespaceSelector: { matchLabels: { [NAME_LABEL]: other.ns } }, podSelector };
}

/** The NetworkPolicy of one group, as a mutable object; `links` records the rules per link for the changed variant. */
function groupPolicy(g, groups) {
  // half the policies spell out the default protocol
  const servingPorts = (target, byName) => target.ports.map((p) => ({ ...(g.id % 2 ? { protocol: 'TCP' } : {}), port: byName && p.name ? p.name : p.port }));
  const ingress = [];
  const callers = g.callers.map((id) => groups[id]);
  if (g.exposed) ingress.push({ from: [{ namespaceSelector: {} }], ports: servingPorts(g, false) });
  if (callers.length > 0) {
    if (g.splitIngress) for (const c of callers) ingress.push({ from: [peerOf(c, g.ns)], ports: servingPorts(g, g.namedIngressPorts) });
    else ingress.push({ from: callers.map((c) => peerOf(c, g.ns)), ports: servingPorts(g, g.namedIngressPorts) });
  }
  const egress = [];
  for (const id of g.callees) egress.push({ to: [peerOf(groups[id], g.ns)], ports: servingPorts(groups[id], false) });
  for (const x of g.external) egress.push({ to: [{ ipBlock: structuredClone(EXTERNAL_EGRESS[x].to) }], ports: structuredClone(EXTERNAL_EGRESS[x].ports) });
  egress.push({ to: [DNS_PEER], ports: DNS_PORTS });
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `allow-${g.app}`, namespace: g.ns },
    spec: { podSelector: { matchLabels: { app: g.app } }, policyTypes: ['Ingress', 'Egress'], ingress, egress },
  };
}

/** kube-system (DNS) and monitoring (Prometheus scraping every workload's named port `metrics`). */
function platformFiles() {
  const coredns = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.11.3',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { name: 'dns', containerPort: 53, protocol: 'UDP' },
                { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
              ],
            },
          ],
        },
      },
    },
  };
  const kubeDns = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, targetPort: 'dns', protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, targetPort: 'dns-tcp', protocol: 'TCP' },
      ],
    },
  };
  const monitoringNs = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'monitoring', labels: { team: 'platform', env: 'prod' } } };
  const prometheus = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'prometheus', namespace: 'monitoring' },
    spec: {
      serviceName: 'prometheus',
      replicas: 2,
      selector: { matchLabels: { app: 'prometheus' } },
      template: {
        metadata: { labels: { app: 'prometheus', tier: 'platform', team: 'platform' } },
        spec: { containers: [{ name: 'prometheus', image: 'quay.io/prometheus/prometheus:v2.54.1', ports: [{ name: 'web', containerPort: 9090, protocol: 'TCP' }] }] },
      },
    },
  };
  const promService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'prometheus', namespace: 'monitoring' },
    spec: { selector: { app: 'prometheus' }, ports: [{ name: 'web', port: 9090, targetPort: 'web' }] },
  };
  const promPolicy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'prometheus', namespace: 'monitoring' },
    spec: {
      podSelector: { matchLabels: { app: 'prometheus' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [],
      egress: [
        { to: [{ namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } }], ports: [{ protocol: 'TCP', port: 'metrics' }] },
        { to: [DNS_PEER], ports: DNS_PORTS },
      ],
    },
  };
  return [
    ['kube-system/coredns.yaml', [coredns, kubeDns]],
    ['monitoring/prometheus.yaml', [monitoringNs, prometheus, promService, promPolicy]],
  ];
}

// ---------------------------------------------------------------------------------------------
// Serialisation

function dumpAll(objects) {
  return objects.map((o) => `---\n${jsYaml.dump(o, { lineWidth: -1, noRefs: true, noArrayIndent: true })}`).join('');
}

/**
 * The app as files: `<namespace>/{namespace,workloads,services,ingress,networkpolicies}.yaml`.
 * @returns {{ files: Map<string, string>, stats: object }}
 */
export function generateApp(n, { changed = false } = {}) {
  const model = buildModel(n, 0x5eed0000 + n);
  const { namespaces, groups } = model;
  const r = rng(0xfeed0000 + n); // object details (resources, replicas)
  const policies = new Map(groups.map((g) => [g.id, groupPolicy(g, groups)]));
  let changedPolicies = 0;
  if (changed) changedPolicies = mutate(model, policies, rng(0xd1ff0000 + n));
  const files = new Map();
  for (const [file, objects] of platformFiles()) files.set(file, dumpAll(objects));
  let workloads = 0;
  let policyCount = 1;
  for (const ns of namespaces) {
    const nsGroups = ns.groups.map((id) => groups[id]);
    const wl = [];
    const svcs = [];
    for (const g of nsGroups)
      for (const name of g.workloads) {
        wl.push(workloadObject(g, name, groups, r));
        svcs.push(serviceObject(g, name));
      }
    workloads += wl.length;
    files.set(`${ns.name}/namespace.yaml`, dumpAll([namespaceObject(ns)]));
    files.set(`${ns.name}/workloads.yaml`, dumpAll(wl));
    files.set(`${ns.name}/services.yaml`, dumpAll(svcs));
    if (nsGroups.some((g) => g.exposed)) files.set(`${ns.name}/ingress.yaml`, dumpAll([ingressObject(ns, groups)]));
    const nps = [defaultDeny(ns), allowScraping(ns), ...nsGroups.map((g) => policies.get(g.id))];
    policyCount += nps.length;
    files.set(`${ns.name}/networkpolicies.yaml`, dumpAll(nps));
  }
  let bytes = 0;
  for (const t of files.values()) bytes += Buffer.byteLength(t);
  return {
    files,
    stats: { workloads: workloads + 2, appWorkloads: workloads, namespaces: namespaces.length + 2, templates: groups.length, policies: policyCount, changedPolicies, bytes, files: files.size },
  };
}

/**
 * About 5% of the group policies change: a caller added (ingress here, egress at the caller, so
 * the connectivity changes), a caller removed, or a serving port added on both sides.
 * Returns the number of policies that differ.
 */
function mutate(model, policies, r) {
  const { groups } = model;
  const touched = new Set();
  const eligible = groups.filter((g) => g.callers.length > 0);
  const targets = r.sample(eligible, Math.max(1, Math.round(groups.length * 0.05)));
  for (const g of targets) {
    const pol = policies.get(g.id);
    const callerRules = pol.spec.ingress.filter((rule) => rule.from.some((p) => p.podSelector));
    const what = r.pick(['add', 'remove', 'port']);
    if (what === 'add') {
      const candidates = groups.filter((c) => c.ns === g.ns && c.id !== g.id && c.tier !== 'data' && !g.callers.includes(c.id));
      if (candidates.length === 0) continue;
      const c = r.pick(candidates);
      const ports = g.ports.map((p) => ({ protocol: 'TCP', port: p.port }));
      pol.spec.ingress.push({ from: [peerOf(c, g.ns)], ports });
      const cp = policies.get(c.id);
      cp.spec.egress.splice(cp.spec.egress.length - 1, 0, { to: [peerOf(g, c.ns)], ports: structuredClone(ports) });
      touched.add(g.id).add(c.id);
    } else if (what === 'remove') {
      const rule = callerRules.find((x) => x.from.length > 1);
      if (rule) rule.from.pop();
      else if (callerRules.length > 1) pol.spec.ingress.splice(pol.spec.ingress.indexOf(callerRules[callerRules.length - 1]), 1);
      else if (callerRules.length === 1) callerRules[0].ports = [{ protocol: 'TCP', port: 8443 }];
      else continue;
      touched.add(g.id);
    } else {
      if (callerRules.length === 0) continue;
      const extra = { protocol: 'TCP', port: 8443 };
      for (const rule of callerRules) rule.ports = [...rule.ports, extra];
      touched.add(g.id);
      for (const id of g.callers) {
        const cp = policies.get(id);
        const app = g.app;
        for (const rule of cp.spec.egress) {
          if (rule.to.some((p) => p.podSelector?.matchLabels?.app === app && (p.namespaceSelector ? p.namespaceSelector.matchLabels[NAME_LABEL] === g.ns : groups[id].ns === g.ns))) {
            rule.ports = [...rule.ports, { ...extra }];
            touched.add(id);
          }
        }
      }
    }
  }
  return touched.size;
}

// ---------------------------------------------------------------------------------------------
// Writing, with a stamp so an unchanged generator does not rewrite the apps

const GENERATOR_HASH = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);

export function appDir(n, changed = false) {
  return path.join(OUT_DIR, `app-${n}${changed ? '-changed' : ''}`);
}

/** Writes app-N (and app-N-changed) unless they are already there from this generator. Returns the stats. */
export function ensureApp(n, changed = false) {
  const dir = appDir(n, changed);
  const stampFile = `${dir}.stamp.json`;
  if (existsSync(stampFile) && existsSync(dir)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.generator === GENERATOR_HASH) return { ...stamp.stats, cached: true };
  }
  const { files, stats } = generateApp(n, { changed });
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of files) {
    const f = path.join(dir, rel);
    mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(f, text);
  }
  writeFileSync(stampFile, JSON.stringify({ generator: GENERATOR_HASH, stats }, null, 2));
  return { ...stats, cached: false };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  for (const n of sizes.length > 0 ? sizes : SIZES) {
    for (const changed of [false, true]) {
      const s = ensureApp(n, changed);
      console.log(
        `${path.relative(process.cwd(), appDir(n, changed))}: ${s.workloads} workloads (${s.templates} pod templates) in ${s.namespaces} namespaces, ${s.policies} policies` +
          `${changed ? ` (${s.changedPolicies} changed)` : ''}, ${s.files} files, ${(s.bytes / 1e6).toFixed(2)} MB${s.cached ? ' (cached)' : ''}`,
      );
    }
  }
}
