import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConnectionSet, type Protocol } from '../../src/model/connection-set.js';
import { analyzeConnectivity, peerKey } from '../../src/connectivity/engine.js';
import { loadManifests } from '../../src/manifests/load.js';
import { renderPoliciesYaml } from '../../src/report/policies.js';
import { DEFAULT_SYNTHESIS_OPTIONS, synthesizePolicies } from '../../src/synthesis/synthesize.js';
import { scanTopology } from '../../src/topology/scan.js';
import { joinExternal } from '../helpers/external.js';
import { KUBE_DNS } from '../helpers/kube-dns.js';
import { findNcaForTests, ncaMessage } from '../helpers/nca.js';
import { differingPairs, parseListing } from '../helpers/peer-pairs.js';
import { renderConnectivityTxt } from '../../src/report/connectivity.js';

/**
 * The property issue 5 asks for: on generated apps (namespaces, workloads with unique label sets,
 * Services, addresses between them in every form and place, LoadBalancer/NodePort Services,
 * Ingresses), scan + synthesize, then the connectivity of the app with its synthesized policies
 * (and a kube-dns workload in kube-system) is exactly what the app needs, nothing more, nothing
 * less:
 *
 * - workload -> workload: the required links, computed here from the generated model on the
 *   target container ports (a numeric targetPort as is, a named one resolved per pod);
 * - workload -> outside IP: the address's /32 on its port;
 * - outside -> LoadBalancer/NodePort backends: their target ports;
 * - {ingress-controller} -> Ingress backends: the target ports of the backend's TCP Service
 *   ports (the one resolver, src/manifests/service-ports.ts);
 * - workload -> kube-dns: exactly TCP 53,UDP 53, for every workload with egress;
 * - kube-dns is not the app's: it is unpoliced (All Connections to and from outside), and being
 *   "any namespace" it reaches Ingress backends on the ports the `namespaceSelector: {}` rule opens.
 *
 * The scanned links are also checked against the model. FC_NUM_RUNS and FC_SEED override the
 * number of apps and the seed.
 */
const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 1000);
/** Apps whose synthesized policies nca also evaluates (one nca run each, about half a second). */
const NCA_RUNS = Number(process.env.FC_SYNTH_NCA_RUNS ?? 8);
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;

// --- model -------------------------------------------------------------------------------------

type Kind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Pod' | 'CronJob';
const KINDS: Kind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod', 'CronJob'];
const NAMESPACES = ['ns-a', 'ns-b', 'ns-c'];
const LABEL_VALUES = ['a', 'b', 'c'];
const CONTAINER_PORTS = [53, 80, 443, 5432, 8080, 9000];
const SERVICE_PORTS = [80, 443, 5432, 8080, 9000, 9443];
const UNDECLARED_TARGET = 7777;
const IPS = ['203.0.113.10', '203.0.113.20', '198.51.100.30'];

interface CPort {
  readonly port: number;
  readonly protocol: Protocol;
  readonly name?: string;
}
interface Wl {
  readonly ns: string;
  readonly name: string;
  readonly kind: Kind;
  readonly labels: Record<string, string>;
  readonly ports: CPort[];
}
interface SPort {
  readonly name: string;
  readonly port: number;
  readonly protocol: Protocol;
  readonly targetPort?: number | string;
}
interface Svc {
  readonly ns: string;
  readonly name: string;
  readonly selector: Record<string, string>;
  readonly ports: SPort[];
  readonly type: 'ClusterIP' | 'LoadBalancer' | 'NodePort';
}
type Where = 'env' | 'args' | 'configmap';
type Ref = { readonly from: number; readonly where: Where; readonly text: string } & (
  | { readonly kind: 'svc'; readonly svc: number; readonly port?: { number?: number; name?: string } }
  | { readonly kind: 'ip'; readonly ip: string; readonly port?: number }
);
interface Ing {
  readonly svc: number;
  readonly port: { number?: number; name?: string };
}
interface App {
  readonly workloads: Wl[];
  readonly services: Svc[];
  readonly refs: Ref[];
  readonly ingresses: Ing[];
}

// --- generator ---------------------------------------------------------------------------------

const rawApp = fc.record({
  nsCount: fc.integer({ min: 1, max: 3 }),
  workloads: fc.array(
    fc.record({
      ns: fc.nat(),
      kind: fc.constantFrom(...KINDS),
      labels: fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2)),
      ports: fc.uniqueArray(
        fc.record({ port: fc.constantFrom(...CONTAINER_PORTS), udp: fc.boolean(), named: fc.boolean() }),
        { maxLength: 3, selector: (p) => `${p.port}/${p.udp}` },
      ),
    }),
    { minLength: 2, maxLength: 7 },
  ),
  services: fc.array(
    fc.record({
      target: fc.nat(),
      selectorKeys: fc.subarray([0, 1, 2], { minLength: 1 }),
      ports: fc.array(fc.record({ cp: fc.nat(), port: fc.constantFrom(...SERVICE_PORTS), target: fc.constantFrom('number', 'name', 'omit', 'undeclared') }), {
        minLength: 1,
        maxLength: 3,
      }),
      type: fc.constantFrom<Svc['type']>('ClusterIP', 'ClusterIP', 'ClusterIP', 'LoadBalancer', 'NodePort'),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  refs: fc.array(
    fc.record({
      from: fc.nat(),
      where: fc.constantFrom<Where>('env', 'env', 'args', 'configmap'),
      target: fc.oneof(
        { weight: 5, arbitrary: fc.record({ kind: fc.constant('svc' as const), svc: fc.nat(), form: fc.nat(3), scheme: fc.nat(4), port: fc.nat(2), sp: fc.nat(), path: fc.boolean() }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('ip' as const), ip: fc.constantFrom(...IPS), port: fc.option(fc.constantFrom(443, 5432), { nil: undefined }) }) },
      ),
    }),
    { maxLength: 12 },
  ),
  ingresses: fc.array(fc.record({ svc: fc.nat(), byName: fc.boolean(), sp: fc.nat() }), { maxLength: 3 }),
});

type RawApp = typeof rawApp extends fc.Arbitrary<infer T> ? T : never;

function buildApp(raw: RawApp): App {
  const namespaces = NAMESPACES.slice(0, raw.nsCount);
  const workloads: Wl[] = [];
  const tuples = new Set<string>();
  raw.workloads.forEach((w, i) => {
    const ns = namespaces[w.ns % namespaces.length] as string;
    // unique label sets: every pod carries all three keys, and no two in a namespace agree on all
    const tuple = `${ns}/${w.labels.join(',')}`;
    if (tuples.has(tuple)) return;
    tuples.add(tuple);
    const labels = { k0: LABEL_VALUES[w.labels[0]] as string, k1: LABEL_VALUES[w.labels[1]] as string, k2: LABEL_VALUES[w.labels[2]] as string };
    const ports = w.ports.map((p): CPort => {
      const protocol: Protocol = p.udp ? 'UDP' : 'TCP';
      return { port: p.port, protocol, ...(p.named ? { name: `${protocol.toLowerCase()}-${p.port}` } : {}) };
    });
    workloads.push({ ns, name: `w${i}`, kind: w.kind, labels, ports });
  });
  const services: Svc[] = [];
  raw.services.forEach((s, i) => {
    const target = workloads[s.target % workloads.length] as Wl;
    const selector = Object.fromEntries(s.selectorKeys.map((k) => [`k${k}`, target.labels[`k${k}`] as string]));
    const ports: SPort[] = [];
    const used = new Set<number>();
    s.ports.forEach((p, j) => {
      const cp = target.ports.length > 0 ? (target.ports[p.cp % target.ports.length] as CPort) : undefined;
      const protocol = cp?.protocol ?? 'TCP';
      const name = `sp${j}`;
      let port = p.port;
      let targetPort: number | string | undefined;
      if (!cp || p.target === 'undeclared') targetPort = UNDECLARED_TARGET;
      else if (p.target === 'number') targetPort = cp.port;
      else if (p.target === 'name') targetPort = cp.name ?? cp.port;
      else port = cp.port; // targetPort omitted: the Service port is the container port
      if (used.has(port)) return;
      used.add(port);
      ports.push({ name, port, protocol, ...(targetPort !== undefined ? { targetPort } : {}) });
    });
    services.push({ ns: target.ns, name: `svc${i}`, selector, ports, type: s.type });
  });
  const refs: Ref[] = [];
  for (const r of raw.refs) {
    const from = r.from % workloads.length;
    const src = workloads[from] as Wl;
    const t = r.target;
    if (t.kind === 'ip') {
      refs.push({ from, where: r.where, kind: 'ip', ip: t.ip, ...(t.port !== undefined ? { port: t.port } : {}), text: t.port !== undefined ? `${t.ip}:${t.port}` : t.ip });
      continue;
    }
    const svcIndex = t.svc % services.length;
    const svc = services[svcIndex] as Svc;
    const hosts = [`${svc.name}.${svc.ns}`, `${svc.name}.${svc.ns}.svc`, `${svc.name}.${svc.ns}.svc.cluster.local`, ...(svc.ns === src.ns ? [svc.name] : [])];
    const host = hosts[t.form % hosts.length] as string;
    const scheme = ['', 'http://', 'grpc://', 'tcp://', 'redis://'][t.scheme] as string;
    const sp = svc.ports[t.sp % svc.ports.length] as SPort;
    const port = t.port === 0 ? undefined : t.port === 1 ? { number: sp.port } : { name: sp.name };
    const portText = port?.number !== undefined ? `:${port.number}` : port?.name !== undefined ? `:${port.name}` : '';
    const text = `${scheme}${host}${portText}${scheme && t.path ? '/api/v1' : ''}`;
    // a URL without a port dials its scheme's default (http 80, redis 6379): a Service with that port is reached there alone
    const schemeDefault = ({ 'http://': 80, 'redis://': 6379 } as Record<string, number>)[scheme];
    const dialed = port ?? (schemeDefault !== undefined && svc.ports.some((p) => p.port === schemeDefault && p.protocol === 'TCP') ? { number: schemeDefault } : undefined);
    refs.push({ from, where: r.where, kind: 'svc', svc: svcIndex, ...(dialed ? { port: dialed } : {}), text });
  }
  const ingresses: Ing[] = raw.ingresses.map((g) => {
    const svcIndex = g.svc % services.length;
    const svc = services[svcIndex] as Svc;
    const sp = svc.ports[g.sp % svc.ports.length] as SPort;
    // (a backend by port name used to match every Service port without a targetPort; fixed)
    const byName = g.byName;
    return { svc: svcIndex, port: byName ? { name: sp.name } : { number: sp.port } };
  });
  return { workloads, services, refs, ingresses };
}

// --- manifests -----------------------------------------------------------------------------------

const q = (s: string | number) => JSON.stringify(s);

function podSpecYaml(w: Wl, refs: readonly Ref[], indent: string): string {
  const env = refs.filter((r) => r.where === 'env');
  const args = refs.filter((r) => r.where === 'args');
  const cm = refs.some((r) => r.where === 'configmap');
  const out = ['containers:', '  - name: main', '    image: app'];
  if (w.ports.length > 0) {
    out.push('    ports:');
    for (const p of w.ports) out.push(`      - containerPort: ${p.port}`, `        protocol: ${p.protocol}`, ...(p.name ? [`        name: ${p.name}`] : []));
  }
  if (env.length > 0) {
    out.push('    env:');
    env.forEach((r, i) => out.push(`      - name: ADDR_${i}`, `        value: ${q(r.text)}`));
  }
  if (cm) out.push('    envFrom:', '      - configMapRef:', `          name: cm-${w.name}`);
  if (args.length > 0) out.push('    args:', ...args.map((r) => `      - ${q(`--upstream=${r.text}`)}`));
  return out.map((l) => indent + l).join('\n');
}

function appYaml(app: App): string {
  const docs: string[] = [];
  app.workloads.forEach((w, i) => {
    const refs = app.refs.filter((r) => r.from === i);
    const labels = (indent: string) => Object.entries(w.labels).map(([k, v]) => `${indent}${k}: ${v}`).join('\n');
    const meta = `metadata:\n  name: ${w.name}\n  namespace: ${w.ns}\n`;
    if (w.kind === 'Pod') docs.push(`apiVersion: v1\nkind: Pod\n${meta}  labels:\n${labels('    ')}\nspec:\n${podSpecYaml(w, refs, '  ')}\n`);
    else if (w.kind === 'CronJob')
      docs.push(
        `apiVersion: batch/v1\nkind: CronJob\n${meta}spec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          labels:\n${labels('            ')}\n        spec:\n${podSpecYaml(w, refs, '          ')}\n`,
      );
    else docs.push(`apiVersion: apps/v1\nkind: ${w.kind}\n${meta}spec:\n  template:\n    metadata:\n      labels:\n${labels('        ')}\n    spec:\n${podSpecYaml(w, refs, '      ')}\n`);
    const cmRefs = refs.filter((r) => r.where === 'configmap');
    if (cmRefs.length > 0) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${w.name}\n  namespace: ${w.ns}\ndata:\n${cmRefs.map((r, j) => `  ADDR_${j}: ${q(r.text)}`).join('\n')}\n`);
  });
  for (const s of app.services) {
    const ports = s.ports.map((p) => `    - name: ${p.name}\n      port: ${p.port}\n      protocol: ${p.protocol}${p.targetPort !== undefined ? `\n      targetPort: ${typeof p.targetPort === 'number' ? p.targetPort : p.targetPort}` : ''}`);
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${s.name}\n  namespace: ${s.ns}\nspec:\n  type: ${s.type}\n  selector:\n${Object.entries(s.selector)
        .map(([k, v]) => `    ${k}: ${v}`)
        .join('\n')}\n  ports:\n${ports.join('\n')}\n`,
    );
  }
  app.ingresses.forEach((g, i) => {
    const s = app.services[g.svc] as Svc;
    const port = g.port.name !== undefined ? `name: ${g.port.name}` : `number: ${g.port.number}`;
    docs.push(
      `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing${i}\n  namespace: ${s.ns}\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: ${s.name}\n                port:\n                  ${port}\n`,
    );
  });
  return docs.join('---\n');
}

const DNS_KEY = 'kube-system/coredns[Deployment]';

// --- what the app needs, from the model ----------------------------------------------------------------

const wkey = (w: Wl) => `${w.ns}/${w.name}[${w.kind}]`;
const selects = (s: Svc, w: Wl) => w.ns === s.ns && Object.entries(s.selector).every(([k, v]) => w.labels[k] === v);

/** What a Service port reaches on a pod: a numeric target as is, a named one when the pod declares it (same protocol). */
function target(sp: SPort, w: Wl): ConnectionSet {
  const t = sp.targetPort ?? sp.port;
  if (typeof t === 'number') return ConnectionSet.port(sp.protocol, t);
  const cp = w.ports.find((p) => p.name === t && p.protocol === sp.protocol);
  return cp ? ConnectionSet.port(cp.protocol, cp.port) : ConnectionSet.NONE;
}

/**
 * The ingress controller as the engine models it: the TCP Service ports' targets, resolved as
 * for any Service (a numeric targetPort need not be declared by the container).
 */
function declaredTcpTarget(sp: SPort, w: Wl): ConnectionSet {
  return sp.protocol === 'TCP' ? target(sp, w) : ConnectionSet.NONE;
}

function union(map: Map<string, ConnectionSet>, key: string, conns: ConnectionSet): void {
  if (conns.isEmpty) return;
  map.set(key, (map.get(key) ?? ConnectionSet.NONE).union(conns));
}

interface Expected {
  /** The links scan must find: `src => dst` -> connections. */
  readonly links: Map<string, ConnectionSet>;
  /** The connectivity of app + policies + kube-dns. */
  readonly connectivity: Map<string, ConnectionSet>;
}

const pair = (a: string, b: string) => `${a} => ${b}`;
const ipPeer = (ip: string) => `${ip}-${ip}[External]`;
const EVERYWHERE = '0.0.0.0-255.255.255.255[External]';

function expected(app: App): Expected {
  const links = new Map<string, ConnectionSet>();
  const hasEgress = new Set<string>();
  for (const r of app.refs) {
    const src = app.workloads[r.from] as Wl;
    if (r.kind === 'ip') {
      union(links, pair(wkey(src), ipPeer(r.ip)), r.port !== undefined ? ConnectionSet.port('TCP', r.port) : ConnectionSet.ALL);
      hasEgress.add(wkey(src));
      continue;
    }
    const svc = app.services[r.svc] as Svc;
    const sps = svc.ports.filter((sp) => !r.port || sp.port === r.port.number || sp.name === r.port.name);
    for (const dst of app.workloads) {
      if (dst === src || !selects(svc, dst)) continue;
      const conns = sps.reduce((acc, sp) => acc.union(target(sp, dst)), ConnectionSet.NONE);
      if (!conns.isEmpty) hasEgress.add(wkey(src));
      union(links, pair(wkey(src), wkey(dst)), conns);
    }
  }
  const icScan = new Map<string, ConnectionSet>();
  const icEngine = new Map<string, ConnectionSet>();
  for (const g of app.ingresses) {
    const svc = app.services[g.svc] as Svc;
    // an Ingress backend names a Service port by its number or its name (Kubernetes' semantics)
    const sps = svc.ports.filter((sp) => (g.port.number !== undefined && sp.port === g.port.number) || (g.port.name !== undefined && sp.name === g.port.name));
    for (const w of app.workloads) {
      if (!selects(svc, w)) continue;
      for (const sp of sps) {
        union(icScan, wkey(w), target(sp, w).intersect(ConnectionSet.of('TCP')));
        union(icEngine, wkey(w), declaredTcpTarget(sp, w));
      }
    }
  }
  const lb = new Map<string, ConnectionSet>();
  for (const s of app.services) {
    if (s.type === 'ClusterIP') continue;
    for (const w of app.workloads) if (selects(s, w)) for (const sp of s.ports) union(lb, wkey(w), target(sp, w));
  }
  for (const [w, conns] of icScan) union(links, pair('{ingress-controller}', w), conns);
  for (const [w, conns] of lb) union(links, pair(EVERYWHERE, w), conns);

  const connectivity = new Map<string, ConnectionSet>();
  for (const [k, conns] of links) if (!k.startsWith('{ingress-controller}')) union(connectivity, k, conns);
  for (const [w, conns] of icScan) union(connectivity, pair('{ingress-controller}', w), conns.intersect(icEngine.get(w) ?? ConnectionSet.NONE));
  const dns = ConnectionSet.port('UDP', 53).union(ConnectionSet.port('TCP', 53));
  for (const w of hasEgress) union(connectivity, pair(w, DNS_KEY), dns);
  // kube-dns: unpoliced, and in "every namespace"
  union(connectivity, pair(DNS_KEY, EVERYWHERE), ConnectionSet.ALL);
  union(connectivity, pair(EVERYWHERE, DNS_KEY), ConnectionSet.ALL);
  for (const [w, conns] of icScan) union(connectivity, pair(DNS_KEY, w), conns);
  return { links, connectivity };
}



const show = (m: Map<string, ConnectionSet>) =>
  joinExternal(
    [...m].map(([k, c]) => {
      const [src, dst] = k.split(' => ') as [string, string];
      return [src, dst, c.toString()] as const;
    }),
  ).join('\n');

// --- the property ----------------------------------------------------------------------------------

/** The app, kube-dns and the app's synthesized policies, as one manifest text. */
function withPolicies(app: App): { yaml: string; policies: string } {
  const yaml = appYaml(app);
  const loaded = loadManifests([{ path: 'app.yaml', text: yaml }]);
  const scanned = scanTopology(loaded.cluster).value;
  const policies = renderPoliciesYaml(synthesizePolicies(loaded.cluster, scanned.links, DEFAULT_SYNTHESIS_OPTIONS).value.policies);
  return { yaml: `${yaml}---\n${KUBE_DNS}---\n${policies}`, policies };
}

function check(app: App): { links: number; policies: number } {
  const yaml = appYaml(app);
  const loaded = loadManifests([{ path: 'app.yaml', text: yaml }]);
  const problems = loaded.diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length > 0) throw new Error(`generated app has diagnostics: ${JSON.stringify(problems)}\n${yaml}`);
  const scanned = scanTopology(loaded.cluster).value;
  const want = expected(app);
  const context = () => `\n--- app ---\n${yaml}`;

  const got = new Map<string, ConnectionSet>();
  for (const l of scanned.links) union(got, pair(peerKey(l.src), peerKey(l.dst)), l.conns);
  if (show(got) !== show(want.links)) expect(show(got), `scanned links${context()}`).toBe(show(want.links));
  if (scanned.unresolved.length > 0) throw new Error(`unresolved: ${JSON.stringify(scanned.unresolved.map((u) => [u.value, u.reason]))}${context()}`);

  const synth = synthesizePolicies(loaded.cluster, scanned.links, DEFAULT_SYNTHESIS_OPTIONS);
  if (synth.diagnostics.length > 0) throw new Error(`synthesis diagnostics: ${JSON.stringify(synth.diagnostics)}${context()}`);
  const policies = renderPoliciesYaml(synth.value.policies);
  const all = loadManifests([
    { path: 'app.yaml', text: yaml },
    { path: 'dns.yaml', text: KUBE_DNS },
    { path: 'policies.yaml', text: policies },
  ]);
  const allProblems = all.diagnostics.filter((d) => d.severity !== 'info');
  if (allProblems.length > 0) throw new Error(`policies have diagnostics: ${JSON.stringify(allProblems)}${context()}\n--- policies ---\n${policies}`);
  const result = analyzeConnectivity(all.cluster);
  const conn = new Map<string, ConnectionSet>();
  for (const c of result.value.connections) union(conn, pair(peerKey(c.src), peerKey(c.dst)), c.conns);
  if (show(conn) !== show(want.connectivity)) {
    expect(show(conn), `connectivity of the app with its policies${context()}\n--- policies ---\n${policies}`).toBe(show(want.connectivity));
  }
  return { links: scanned.links.length, policies: synth.value.policies.length };
}

describe('synthesized policies allow exactly the required links plus DNS', () => {
  it(`on ${NUM_RUNS} generated apps`, () => {
    let apps = 0;
    let links = 0;
    let withIngress = 0;
    let withLb = 0;
    let withIp = 0;
    fc.assert(
      fc.property(rawApp, (raw) => {
        const app = buildApp(raw);
        const r = check(app);
        apps++;
        links += r.links;
        if (app.ingresses.length > 0) withIngress++;
        if (app.services.some((s) => s.type !== 'ClusterIP')) withLb++;
        if (app.refs.some((x) => x.kind === 'ip')) withIp++;
      }),
      { numRuns: NUM_RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    expect(apps).toBe(NUM_RUNS);
    // the generated apps exercise what they should
    expect(links / apps).toBeGreaterThan(2);
    expect(withIngress).toBeGreaterThan(apps * 0.3);
    expect(withLb).toBeGreaterThan(apps * 0.3);
    expect(withIp).toBeGreaterThan(apps * 0.2);
  });

  /**
   * The same policies through nca 2.1.0 (`--connectivity` on the app, kube-dns and the emitted
   * YAML): a second engine must give the connectivity ours gives, pair by pair. nca's ingress
   * controller is a simulated pod (`ingress-controller-livesim`) that policies match as any pod in
   * a namespace of its own: as a source it is our `{ingress-controller}`, as a destination and
   * towards kube-dns it is nca's model, not the app's, and left out. One more reading of nca's is
   * left out (pinned in test/connectivity/peer-differences.test.ts): it drops a pod from a whole
   * Service when the pod lacks one port's named targetPort, where Kubernetes' endpoints controller
   * skips only that Service port; the controller's pairs towards such pods are not compared.
   * FC_SYNTH_NCA_RUNS sets the number of apps.
   */
  it(`nca 2.1.0 gives the same connectivity for the synthesized policies, on ${NCA_RUNS} generated apps`, () => {
    const nca = findNcaForTests();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-synth-nca-'));
    let pairs = 0;
    try {
      fc.assert(
        fc.property(rawApp, (raw) => {
          const app = buildApp(raw);
          const { yaml, policies } = withPolicies(app);
          writeFileSync(path.join(dir, 'all.yaml'), yaml);
          const ours = analyzeConnectivity(loadManifests([{ path: 'all.yaml', text: yaml }]).cluster).value;
          const mine = parseListing(renderConnectivityTxt(ours), 'netpol-analyzer');
          const r = spawnSync(nca, ['--connectivity', dir, '-r', dir, '-o', 'txt_no_fw_rules'], { encoding: 'utf8', timeout: 120_000 });
          expect(r.status, ncaMessage(r)).toBe(0);
          const controller = 'ingress-controller-ns/ingress-controller-livesim[Pod]';
          const theirs = parseListing(r.stdout, 'nca').map(([s, d, c]) => [s.map((e) => (e.kind === 'workload' && e.key === controller ? { ...e, key: '{ingress-controller}' } : e)), d, c] as const);
          pairs += mine.length;
          // the Ingress backends nca drops: a Service port names a targetPort the pod does not declare
          const dropped = new Set(
            app.ingresses.flatMap((g) => {
              const svc = app.services[g.svc] as Svc;
              return app.workloads
                .filter((w) => selects(svc, w) && svc.ports.some((sp) => typeof sp.targetPort === 'string' && !w.ports.some((p) => p.name === sp.targetPort && p.protocol === sp.protocol)))
                .map((w) => `{ingress-controller} => ${wkey(w)}`);
            }),
          );
          const diffs = differingPairs(mine, theirs, (k) => /-livesim\[/.test(k) || k === `{ingress-controller} => ${DNS_KEY}` || dropped.has(k));
          if (diffs.length > 0) diffs.unshift(`(ours | nca)\n--- app ---\n${appYaml(app)}\n--- policies ---\n${policies}`);
          expect(diffs).toEqual([]);
        }),
        { numRuns: NCA_RUNS, endOnFailure: true, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(pairs).toBeGreaterThan(NCA_RUNS);
  }, 600_000);
});
