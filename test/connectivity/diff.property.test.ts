import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { ConnectionSet } from '../../src/model/connection-set.js';
import { diffConnectivity, type ConnectivityDiff } from '../../src/connectivity/diff.js';
import { analyzeConnectivity, type Connectivity, type Peer } from '../../src/connectivity/engine.js';
import type { IpFamily, IpRange } from '../../src/model/ip.js';
import { workloadKey } from '../../src/manifests/cluster.js';
import { loadManifests } from '../../src/manifests/load.js';
import type { AdminPeer, AdminPort, AdminSubject, LabelSelector, NpPeer, NpPort, Protocol, RefContainerPort } from '../reference/evaluator.js';
import { adminSelection, selector } from '../helpers/arbitraries.js';

/**
 * The semantic diff against a plain, independent model of "the same connectivity": for random
 * pairs of related configurations (one derived from the other by keeping, replacing, dropping and
 * adding workloads, NetworkPolicies, admin policies and Ingresses), both connectivity maps are
 * refined to the atoms cut at the union of every address boundary in play, and
 *
 * - the diff is empty exactly when the refined maps are equal;
 * - applying the entries to the first map (each covered pair gets `after`) gives the second, exactly;
 * - every entry's `before`/`after` are the two sides' answers on every atom it covers, no pair is
 *   covered twice, and kind, gained, lost and workloadsInfo follow from them;
 * - diff(b, a) is diff(a, b) mirrored.
 *
 * The generator is adapted from engine.property.test.ts (smaller: no ClusterNetworkPolicies).
 * FC_NUM_RUNS and FC_SEED override the number of pairs and the seed.
 */
const NUM_PAIRS = Number(process.env.FC_NUM_RUNS ?? 1500);
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;

// --- alphabets ---------------------------------------------------------------------------------

const NS_NAMES = ['ns0', 'ns1', 'ns2'];
const POD_KEYS = ['app', 'tier'];
const POD_VALUES = ['a', 'b', 'c'];
const NS_KEYS = ['env', 'kubernetes.io/metadata.name'];
const NS_VALUES = ['x', 'y', 'ns0', 'ns1'];
const PORT_NAMES = ['http', 'dns'];
const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];
const PORT_POOL = [53, 79, 80, 81, 443, 8080, 65535];

// --- generators --------------------------------------------------------------------------------

const protocol = fc.constantFrom<Protocol>(...PROTOCOLS);
const portNumber = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PORT_POOL) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 65535 }) });

const podSelector = selector(POD_KEYS, POD_VALUES, 2, 1);
const nsSelector = selector(NS_KEYS, NS_VALUES, 2, 1);
const broadPodSelector = selector(POD_KEYS, POD_VALUES, 4, 1);
const broadNsSelector = selector(NS_KEYS, NS_VALUES, 4, 1);

/** IPv4 CIDRs over a few nested bases with excepts strictly inside, so that the two sides cut the address space differently. */
const BASES = [0, 10 * 2 ** 24, 10 * 2 ** 24 + 2 ** 16, 10 * 2 ** 24 + 2 ** 16 + 2 * 2 ** 8, 172 * 2 ** 24 + 16 * 2 ** 16, 192 * 2 ** 24 + 168 * 2 ** 16 + 2 ** 8];
const PREFIXES = [0, 1, 8, 12, 16, 24, 28, 32];
function ipText(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}
const ipBlock = fc
  .tuple(fc.constantFrom(...BASES), fc.constantFrom(...PREFIXES), fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.nat()), { maxLength: 2 }))
  .map(([base, prefix, excepts]) => {
    const size = 2 ** (32 - prefix);
    const lo = Math.floor(base / size) * size;
    const except: string[] = [];
    for (const [extra, offset] of excepts) {
      const p = Math.min(32, prefix + extra);
      if (p <= prefix) continue;
      except.push(`${ipText(lo + (offset % 2 ** (p - prefix)) * 2 ** (32 - p))}/${p}`);
    }
    return except.length > 0 ? { cidr: `${ipText(lo)}/${prefix}`, except } : { cidr: `${ipText(lo)}/${prefix}` };
  });
/** Now and then an IPv6 block, which matters only when the pair is analysed dual-stack. */
const anyBlock = fc.oneof(
  { weight: 8, arbitrary: ipBlock },
  { weight: 1, arbitrary: fc.constantFrom<{ cidr: string; except?: string[] }>({ cidr: '2001:db8::/32' }, { cidr: '::/0', except: ['2001:db8:1::/48'] }) },
);

const containerPort: fc.Arbitrary<RefContainerPort> = fc.record({ containerPort: portNumber, protocol, name: fc.constantFrom(...PORT_NAMES) }, { requiredKeys: ['containerPort'] });

interface RawWorkload {
  ns: number;
  labels: Record<string, string>;
  ports: RefContainerPort[];
  /** Behind a Service and an Ingress (when it has a TCP port and labels): reachable from the ingress controller. */
  exposed: boolean;
}
const workload: fc.Arbitrary<RawWorkload> = fc.record({
  ns: fc.nat(NS_NAMES.length - 1),
  labels: fc.dictionary(fc.constantFrom(...POD_KEYS), fc.constantFrom(...POD_VALUES), { maxKeys: 2 }),
  ports: fc.array(containerPort, { maxLength: 2 }),
  exposed: fc.boolean(),
});

const npPeer: fc.Arbitrary<NpPeer> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ podSelector }) },
  { weight: 1, arbitrary: fc.record({ namespaceSelector: nsSelector }) },
  { weight: 1, arbitrary: fc.record({ podSelector, namespaceSelector: nsSelector }) },
  { weight: 4, arbitrary: anyBlock.map((b) => ({ ipBlock: b })) },
);
const npPort: fc.Arbitrary<NpPort> = fc.oneof(
  fc.record({ port: portNumber }),
  fc.record({ protocol, port: portNumber }),
  fc.tuple(protocol, portNumber, fc.integer({ min: 0, max: 40 })).map(([p, lo, d]) => ({ protocol: p, port: lo, endPort: Math.min(65535, lo + d) })),
  fc.record({ protocol }),
  fc.record({ port: fc.constantFrom(...PORT_NAMES) }),
);
type NpRule = { from?: NpPeer[]; to?: NpPeer[]; ports?: NpPort[] };
const npRule = (field: 'from' | 'to'): fc.Arbitrary<NpRule> =>
  fc
    .record({ peers: fc.array(npPeer, { minLength: 1, maxLength: 2 }), ports: fc.array(npPort, { minLength: 1, maxLength: 2 }) }, { requiredKeys: [] })
    .map((r) => ({ ...(r.peers ? { [field]: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) }));
const npRules = (field: 'from' | 'to') =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant<NpRule[]>([]) }, { weight: 4, arbitrary: fc.array(npRule(field), { minLength: 1, maxLength: 2 }) });
interface RawNp {
  ns: number;
  podSelector: LabelSelector;
  policyTypes: ('Ingress' | 'Egress')[] | undefined;
  ingress: NpRule[] | undefined;
  egress: NpRule[] | undefined;
}
const networkPolicy: fc.Arbitrary<RawNp> = fc.record({
  ns: fc.nat(NS_NAMES.length - 1),
  podSelector,
  policyTypes: fc.constantFrom<RawNp['policyTypes']>(undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
  ingress: npRules('from'),
  egress: npRules('to'),
});

const admin = adminSelection(broadNsSelector, broadPodSelector);
const adminSubject: fc.Arbitrary<AdminSubject> = admin.subject;
const podsPeer: fc.Arbitrary<AdminPeer> = admin.podsPeer;
const adminPeer = (direction: 'ingress' | 'egress'): fc.Arbitrary<AdminPeer> =>
  direction === 'ingress'
    ? podsPeer
    : fc.oneof({ weight: 3, arbitrary: podsPeer }, { weight: 2, arbitrary: fc.array(ipBlock.map((b) => b.cidr), { minLength: 1, maxLength: 2 }).map((networks) => ({ networks })) });
const adminPort: fc.Arbitrary<AdminPort> = fc.oneof(
  fc.record({ portNumber: fc.record({ protocol, port: portNumber }, { requiredKeys: ['port'] }) }),
  // the API requires start < end
  fc.tuple(protocol, portNumber, fc.integer({ min: 1, max: 40 })).map(([p, port, d]) => {
    const start = Math.min(port, 65534);
    return { portRange: { protocol: p, start, end: Math.min(65535, start + d) } };
  }),
  fc.record({ namedPort: fc.constantFrom(...PORT_NAMES) }),
);
interface RawAdminRule<A> {
  action: A;
  peers: AdminPeer[];
  ports: AdminPort[] | undefined;
}
const adminRules = <A extends string>(direction: 'ingress' | 'egress', actions: A[]) =>
  fc.option(
    fc.array(
      fc.record({
        action: fc.constantFrom(...actions),
        peers: fc.array(adminPeer(direction), { minLength: 1, maxLength: 2 }),
        ports: fc.option(fc.array(adminPort, { minLength: 1, maxLength: 2 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    { nil: undefined, freq: 3 },
  );
interface RawAdmin<A> {
  subject: AdminSubject;
  ingress: RawAdminRule<A>[] | undefined;
  egress: RawAdminRule<A>[] | undefined;
}
const adminPolicy = <A extends string>(actions: A[]): fc.Arbitrary<RawAdmin<A>> =>
  fc.record({ subject: adminSubject, ingress: adminRules('ingress', actions), egress: adminRules('egress', actions) });

/** Slots: a configuration has a fixed number of workload, policy and ANP slots, each filled or empty. */
const WORKLOAD_SLOTS = 5;
const NP_SLOTS = 4;
const ANP_SLOTS = 2;
interface RawConfig {
  nsLabels: Record<string, string>[];
  workloads: (RawWorkload | null)[];
  nps: (RawNp | null)[];
  anps: (RawAdmin<'Allow' | 'Deny' | 'Pass'> | null)[];
  banp: RawAdmin<'Allow' | 'Deny'> | null;
}
const slots = <T>(arb: fc.Arbitrary<T>, n: number, emptyFreq: number) => fc.array(fc.option(arb, { nil: null, freq: emptyFreq }), { minLength: n, maxLength: n });
const rawConfig: fc.Arbitrary<RawConfig> = fc.record({
  nsLabels: fc.array(fc.dictionary(fc.constantFrom('env'), fc.constantFrom('x', 'y'), { maxKeys: 1 }), { minLength: NS_NAMES.length, maxLength: NS_NAMES.length }),
  workloads: slots(workload, WORKLOAD_SLOTS, 4),
  nps: slots(networkPolicy, NP_SLOTS, 3),
  anps: slots(adminPolicy<'Allow' | 'Deny' | 'Pass'>(['Allow', 'Deny', 'Pass']), ANP_SLOTS, 2),
  banp: fc.option(adminPolicy<'Allow' | 'Deny'>(['Allow', 'Deny']), { nil: null, freq: 2 }),
});

/** How the second configuration is made from the first and an independent one: per slot keep, take the other, or empty. */
type Pick = 'keep' | 'other' | 'empty';
const pick = fc.oneof({ weight: 12, arbitrary: fc.constant<Pick>('keep') }, { weight: 2, arbitrary: fc.constant<Pick>('other') }, { weight: 1, arbitrary: fc.constant<Pick>('empty') });
interface Mix {
  identical: boolean;
  nsLabels: boolean;
  workloads: Pick[];
  nps: Pick[];
  anps: Pick[];
  banp: Pick;
  /** Semantically neutral edits on the second side: document order reversed, policies renamed. */
  reverse: boolean;
  rename: boolean;
  families: IpFamily[];
}
const mix: fc.Arbitrary<Mix> = fc.record({
  // one time in five: no slot change at all
  identical: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  nsLabels: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  workloads: fc.array(pick, { minLength: WORKLOAD_SLOTS, maxLength: WORKLOAD_SLOTS }),
  nps: fc.array(pick, { minLength: NP_SLOTS, maxLength: NP_SLOTS }),
  anps: fc.array(pick, { minLength: ANP_SLOTS, maxLength: ANP_SLOTS }),
  banp: pick,
  reverse: fc.boolean(),
  rename: fc.boolean(),
  families: fc.constantFrom<IpFamily[]>([4], [4], [4], [4, 6]),
});

function mixed(a: RawConfig, other: RawConfig, m: Mix): RawConfig {
  if (m.identical) return a;
  const take = <T>(x: T | null, y: T | null, p: Pick): T | null => (p === 'keep' ? x : p === 'other' ? y : null);
  return {
    nsLabels: m.nsLabels ? other.nsLabels : a.nsLabels,
    workloads: a.workloads.map((w, i) => take(w, other.workloads[i] ?? null, m.workloads[i] ?? 'keep')),
    nps: a.nps.map((p, i) => take(p, other.nps[i] ?? null, m.nps[i] ?? 'keep')),
    anps: a.anps.map((p, i) => take(p, other.anps[i] ?? null, m.anps[i] ?? 'keep')),
    banp: take(a.banp, other.banp, m.banp),
  };
}

// --- raw -> YAML ---------------------------------------------------------------------------------

function toYaml(raw: RawConfig, opts: { reverse?: boolean; rename?: boolean } = {}): string {
  const suffix = opts.rename ? '-renamed' : '';
  const docs: unknown[] = NS_NAMES.map((name, i) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, ...(Object.keys(raw.nsLabels[i] ?? {}).length > 0 ? { labels: raw.nsLabels[i] } : {}) },
  }));
  raw.workloads.forEach((w, i) => {
    if (!w) return;
    const namespace = NS_NAMES[w.ns] as string;
    const seen = new Set<string>();
    const ports = w.ports.map((p) => {
      if (p.name === undefined || !seen.has(p.name)) {
        if (p.name !== undefined) seen.add(p.name);
        return p;
      }
      const { name: _dropped, ...rest } = p;
      return rest;
    });
    docs.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `w${i}`, namespace },
      spec: {
        selector: { matchLabels: w.labels },
        template: { metadata: { labels: w.labels }, spec: { containers: [{ name: 'main', image: 'registry.example/app:1', ...(ports.length > 0 ? { ports } : {}) }] } },
      },
    });
    const tcp = ports.find((p) => (p.protocol ?? 'TCP') === 'TCP');
    if (w.exposed && tcp && Object.keys(w.labels).length > 0) {
      docs.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: `svc${i}`, namespace }, spec: { selector: w.labels, ports: [{ port: 80, targetPort: tcp.containerPort }] } });
      docs.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: `ing${i}${suffix}`, namespace },
        spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: `svc${i}`, port: { number: 80 } } } }] } }] },
      });
    }
  });
  raw.nps.forEach((p, i) => {
    if (!p) return;
    docs.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `np${i}${suffix}`, namespace: NS_NAMES[p.ns] },
      spec: { podSelector: p.podSelector, ...(p.policyTypes ? { policyTypes: p.policyTypes } : {}), ...(p.ingress ? { ingress: p.ingress } : {}), ...(p.egress ? { egress: p.egress } : {}) },
    });
  });
  const rules = <A>(list: RawAdminRule<A>[] | undefined, field: 'from' | 'to') =>
    list?.map((r, i) => ({ name: `r${i}`, action: r.action, [field]: r.peers, ...(r.ports ? { ports: r.ports } : {}) }));
  raw.anps.forEach((p, i) => {
    if (!p) return;
    docs.push({
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'AdminNetworkPolicy',
      metadata: { name: `anp${i}${suffix}` },
      // the priority is the slot, so that no two ANPs tie
      spec: { priority: 10 + i, subject: p.subject, ...(p.ingress ? { ingress: rules(p.ingress, 'from') } : {}), ...(p.egress ? { egress: rules(p.egress, 'to') } : {}) },
    });
  });
  if (raw.banp) {
    docs.push({
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'BaselineAdminNetworkPolicy',
      metadata: { name: 'default' },
      spec: { subject: raw.banp.subject, ...(raw.banp.ingress ? { ingress: rules(raw.banp.ingress, 'from') } : {}), ...(raw.banp.egress ? { egress: rules(raw.banp.egress, 'to') } : {}) },
    });
  }
  if (opts.reverse) docs.reverse();
  return docs.map((d) => jsYaml.dump(d, { noRefs: true, lineWidth: -1 })).join('---\n');
}

function connectivityOf(text: string, families: IpFamily[]): Connectivity {
  const loaded = loadManifests([{ path: 'generated.yaml', text }]);
  const result = analyzeConnectivity(loaded.cluster, { ipFamilies: families });
  const errors = [...loaded.diagnostics, ...result.diagnostics].filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`generated config has errors: ${JSON.stringify(errors.map((e) => [e.code, e.message]))}\n${text}`);
  return result.value;
}

// --- the model: connectivity refined to common atoms ---------------------------------------------

const MAX: Record<IpFamily, bigint> = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n };

/** The atoms cut at every given boundary, per family (only families that occur). */
class Atoms {
  private readonly starts = new Map<IpFamily, bigint[]>();
  constructor(ranges: readonly IpRange[]) {
    const cuts = new Map<IpFamily, Set<bigint>>();
    for (const r of ranges) {
      const set = cuts.get(r.family) ?? new Set<bigint>([0n]);
      set.add(r.lo);
      if (r.hi < MAX[r.family]) set.add(r.hi + 1n);
      cuts.set(r.family, set);
    }
    for (const [f, set] of cuts) this.starts.set(f, [...set].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  }
  /** The atoms that tile `r` exactly (every boundary of `r` is a cut). */
  within(r: IpRange): IpRange[] {
    const starts = this.starts.get(r.family) ?? [];
    const out: IpRange[] = [];
    starts.forEach((lo, i) => {
      const next = starts[i + 1];
      const hi = next === undefined ? MAX[r.family] : next - 1n;
      if (lo >= r.lo && hi <= r.hi) out.push({ family: r.family, lo, hi });
    });
    const covered = out.reduce((n, a) => n + (a.hi - a.lo + 1n), 0n);
    if (covered !== r.hi - r.lo + 1n) throw new Error(`range ${r.lo}-${r.hi} is not a union of atoms`);
    return out;
  }
}

function keyOf(p: Peer): string {
  return p.kind === 'workload' ? `w:${workloadKey(p.ref)}` : p.kind === 'external' ? `x:${p.range.family}:${p.range.lo}-${p.range.hi}` : 'ic';
}

/** Every (src, dst) pair, externals split into atoms, with its conns; no pair may be listed twice. */
function expand(src: Peer, dst: Peer, atoms: Atoms): [Peer, Peer][] {
  if (src.kind === 'external') return atoms.within(src.range).map((range) => [{ kind: 'external', range }, dst]);
  if (dst.kind === 'external') return atoms.within(dst.range).map((range) => [src, { kind: 'external', range }]);
  return [[src, dst]];
}
function refine(c: Connectivity, atoms: Atoms): Map<string, ConnectionSet> {
  const out = new Map<string, ConnectionSet>();
  for (const x of c.connections) {
    if (x.conns.isEmpty) throw new Error(`empty connection listed: ${keyOf(x.src)} -> ${keyOf(x.dst)}`);
    for (const [s, d] of expand(x.src, x.dst, atoms)) {
      const key = `${keyOf(s)} -> ${keyOf(d)}`;
      if (out.has(key)) throw new Error(`pair listed twice: ${key}`);
      out.set(key, x.conns);
    }
  }
  return out;
}

function sameMap(x: Map<string, ConnectionSet>, y: Map<string, ConnectionSet>): string | undefined {
  for (const [k, v] of x) {
    const w = y.get(k);
    if (!w) return `${k}: ${v.toString()} vs nothing`;
    if (!w.equals(v)) return `${k}: ${v.toString()} vs ${w.toString()}`;
  }
  for (const [k, w] of y) if (!x.has(k)) return `${k}: nothing vs ${w.toString()}`;
  return undefined;
}

const peerRanges = (p: Peer): IpRange[] => (p.kind === 'external' ? [p.range] : []);

/** Checks every claim of one diff; returns the refined maps for further checks. */
function checkDiff(a: Connectivity, b: Connectivity, diff: ConnectivityDiff, context: () => string): { equal: boolean } {
  const fail = (msg: string): never => {
    throw new Error(`${msg}\n${context()}`);
  };
  const atoms = new Atoms([
    ...a.ipRanges,
    ...b.ipRanges,
    ...[...a.connections, ...b.connections, ...diff.entries].flatMap((x) => [...peerRanges(x.src), ...peerRanges(x.dst)]),
  ]);
  const ra = refine(a, atoms);
  const rb = refine(b, atoms);
  const mismatch = sameMap(ra, rb);
  const equal = mismatch === undefined;
  if (equal !== (diff.entries.length === 0)) fail(equal ? `equal connectivity, but ${diff.entries.length} entries` : `connectivity differs (${mismatch}), but the diff is empty`);

  const aWorkloads = new Set(a.workloads.map(workloadKey));
  const bWorkloads = new Set(b.workloads.map(workloadKey));
  const applied = new Map(ra);
  const covered = new Set<string>();
  for (const e of diff.entries) {
    const name = `${e.kind} ${keyOf(e.src)} -> ${keyOf(e.dst)}`;
    if (e.src.kind === 'external' && e.dst.kind === 'external') fail(`${name}: external to external`);
    if (e.before.equals(e.after)) fail(`${name}: before equals after (${e.before.toString()})`);
    const kind = e.before.isEmpty ? 'added' : e.after.isEmpty ? 'removed' : 'changed';
    if (e.kind !== kind) fail(`${name}: kind should be ${kind}`);
    if (!e.gained.equals(e.after.subtract(e.before))) fail(`${name}: gained ${e.gained.toString()}`);
    if (!e.lost.equals(e.before.subtract(e.after))) fail(`${name}: lost ${e.lost.toString()}`);
    for (const [s, d] of expand(e.src, e.dst, atoms)) {
      const key = `${keyOf(s)} -> ${keyOf(d)}`;
      if (covered.has(key)) fail(`${name}: pair ${key} covered by two entries`);
      covered.add(key);
      const before = ra.get(key) ?? ConnectionSet.NONE;
      const after = rb.get(key) ?? ConnectionSet.NONE;
      if (!before.equals(e.before)) fail(`${name}: at ${key} the first side allows ${before.toString()}, the entry says ${e.before.toString()}`);
      if (!after.equals(e.after)) fail(`${name}: at ${key} the second side allows ${after.toString()}, the entry says ${e.after.toString()}`);
      if (e.after.isEmpty) applied.delete(key);
      else applied.set(key, e.after);
    }
    // workloads-diff-info: exactly the entry's workloads that one side lacks
    const missing = [e.src, e.dst]
      .filter((p): p is Extract<Peer, { kind: 'workload' }> => p.kind === 'workload')
      .map((p) => workloadKey(p.ref))
      .filter((k) => (e.kind === 'added' ? !aWorkloads.has(k) : e.kind === 'removed' ? !bWorkloads.has(k) : false));
    const info = missing.length > 0 ? `workload ${missing.join(' and ')} ${e.kind}` : undefined;
    if (e.workloadsInfo !== info) fail(`${name}: workloadsInfo ${JSON.stringify(e.workloadsInfo)}, expected ${JSON.stringify(info)}`);
    // a workload that one side lacks has no connections on that side
    for (const p of [e.src, e.dst])
      if (p.kind === 'workload' && ((!aWorkloads.has(workloadKey(p.ref)) && !e.before.isEmpty) || (!bWorkloads.has(workloadKey(p.ref)) && !e.after.isEmpty))) fail(`${name}: a missing workload has connections`);
  }
  const left = sameMap(applied, rb);
  if (left !== undefined) fail(`applying the entries to the first side does not give the second: ${left}`);
  expect([...diff.addedWorkloads]).toEqual([...bWorkloads].filter((k) => !aWorkloads.has(k)).sort());
  expect([...diff.removedWorkloads]).toEqual([...aWorkloads].filter((k) => !bWorkloads.has(k)).sort());
  return { equal };
}

/** An entry as a comparable line, sides swapped when `mirror`. */
function entryLines(d: ConnectivityDiff, mirror: boolean): string[] {
  const swap = { added: 'removed', removed: 'added', changed: 'changed' } as const;
  return d.entries
    .map((e) => {
      const [kind, before, after, gained, lost] = mirror ? [swap[e.kind], e.after, e.before, e.lost, e.gained] : [e.kind, e.before, e.after, e.gained, e.lost];
      const info = e.workloadsInfo?.replace(/ (added|removed)$/, (_, k: 'added' | 'removed') => ` ${mirror ? swap[k] : k}`);
      return `${kind} ${keyOf(e.src)} -> ${keyOf(e.dst)}: ${before.toString()} | ${after.toString()} | +${gained.toString()} -${lost.toString()} | ${info ?? ''}`;
    })
    .sort();
}

describe('diffConnectivity against the refined-map model', () => {
  it(`on ${NUM_PAIRS} generated pairs of configurations`, () => {
    const stats = { pairs: 0, empty: 0, withExternal: 0, withWorkloadInfo: 0, withIngress: 0, kinds: { added: 0, removed: 0, changed: 0 } };
    fc.assert(
      fc.property(rawConfig, rawConfig, mix, (a, other, m) => {
        const b = mixed(a, other, m);
        const textA = toYaml(a);
        const textB = toYaml(b, { reverse: m.reverse, rename: m.rename });
        const ca = connectivityOf(textA, m.families);
        const cb = connectivityOf(textB, m.families);
        const context = () => `--- families ${m.families.join(',')}\n--- first ---\n${textA}\n--- second ---\n${textB}`;
        const d = diffConnectivity(ca, cb);
        const { equal } = checkDiff(ca, cb, d, context);
        // the mirror image and determinism
        const back = diffConnectivity(cb, ca);
        checkDiff(cb, ca, back, context);
        expect(entryLines(back, true)).toEqual(entryLines(d, false));
        expect(entryLines(diffConnectivity(ca, cb), false)).toEqual(entryLines(d, false));
        expect(diffConnectivity(ca, ca).entries).toEqual([]);
        stats.pairs++;
        if (equal) stats.empty++;
        if (d.entries.some((e) => e.src.kind === 'external' || e.dst.kind === 'external')) stats.withExternal++;
        if (d.entries.some((e) => e.workloadsInfo !== undefined)) stats.withWorkloadInfo++;
        if (d.entries.some((e) => e.src.kind === 'ingress-controller')) stats.withIngress++;
        for (const e of d.entries) stats.kinds[e.kind]++;
      }),
      { numRuns: NUM_PAIRS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    expect(stats.pairs).toBe(NUM_PAIRS);
    // every interesting shape must be common enough for the property to say something
    expect(stats.empty).toBeGreaterThan(NUM_PAIRS * 0.15);
    expect(stats.pairs - stats.empty).toBeGreaterThan(NUM_PAIRS * 0.4);
    expect(stats.withExternal).toBeGreaterThan(NUM_PAIRS * 0.15);
    expect(stats.withWorkloadInfo).toBeGreaterThan(NUM_PAIRS * 0.1);
    expect(stats.withIngress).toBeGreaterThan(NUM_PAIRS * 0.02);
    for (const k of ['added', 'removed', 'changed'] as const) expect(stats.kinds[k]).toBeGreaterThan(NUM_PAIRS * 0.1);
  }, 120_000);
});

describe('the model rejects wrong diffs', () => {
  // A fixed pair with workload, external and ingress-controller entries of every kind.
  const first: RawConfig = {
    nsLabels: [{}, {}, {}],
    workloads: [
      { ns: 0, labels: { app: 'a' }, ports: [{ containerPort: 80 }], exposed: true },
      { ns: 1, labels: { app: 'b' }, ports: [], exposed: false },
      { ns: 1, labels: { app: 'c' }, ports: [], exposed: false },
      null,
      null,
    ],
    nps: [
      { ns: 0, podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 80 }] }], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] },
      null,
      null,
      null,
    ],
    anps: [null, null],
    banp: null,
  };
  const second: RawConfig = {
    ...first,
    workloads: [first.workloads[0] ?? null, null, first.workloads[2] ?? null, { ns: 2, labels: { app: 'b' }, ports: [], exposed: false }, null],
    nps: [
      { ns: 0, podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 80 }, { port: 443 }] }], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }] },
      null,
      null,
      null,
    ],
  };
  const ca = connectivityOf(toYaml(first), [4]);
  const cb = connectivityOf(toYaml(second), [4]);
  const d = diffConnectivity(ca, cb);
  const check = (x: ConnectivityDiff) => checkDiff(ca, cb, x, () => '');
  type Entry = ConnectivityDiff['entries'][number];
  const tamper = (i: number, f: (e: Entry) => Entry | undefined): ConnectivityDiff => ({
    ...d,
    entries: d.entries.flatMap((e, j) => (j === i ? [f(e)].filter((x): x is Entry => x !== undefined) : [e])),
  });

  it('the real diff passes and has every shape', () => {
    expect(check(d).equal).toBe(false);
    expect(new Set(d.entries.map((e) => e.kind))).toEqual(new Set(['added', 'removed', 'changed']));
    expect(d.entries.some((e) => e.src.kind === 'external' || e.dst.kind === 'external')).toBe(true);
    expect(d.entries.some((e) => e.workloadsInfo !== undefined)).toBe(true);
  });

  it('a dropped, altered, relabelled or duplicated entry fails', () => {
    const ext = d.entries.findIndex((e) => e.dst.kind === 'external');
    const info = d.entries.findIndex((e) => e.workloadsInfo !== undefined);
    const changed = d.entries.findIndex((e) => e.kind === 'changed');
    expect(Math.min(ext, info, changed)).toBeGreaterThanOrEqual(0);
    expect(() => check(tamper(0, () => undefined))).toThrow();
    expect(() => check(tamper(changed, (e) => ({ ...e, after: ConnectionSet.ALL, gained: ConnectionSet.ALL.subtract(e.before) })))).toThrow(/second side allows/);
    expect(() => check(tamper(changed, (e) => ({ ...e, kind: 'added' })))).toThrow(/kind should be changed/);
    expect(() => check(tamper(changed, (e) => ({ ...e, lost: ConnectionSet.ALL })))).toThrow(/lost/);
    expect(() => check(tamper(info, (e) => ({ ...e, workloadsInfo: undefined })))).toThrow(/workloadsInfo/);
    expect(() => check({ ...d, entries: [...d.entries, d.entries[ext] as Entry] })).toThrow(/covered by two entries/);
    // an external entry widened by one address is caught
    expect(() =>
      check(
        tamper(ext, (e) =>
          e.dst.kind === 'external' ? { ...e, dst: { kind: 'external', range: { ...e.dst.range, hi: e.dst.range.hi + 1n } } } : e,
        ),
      ),
    ).toThrow();
  });
});

describe('diffConnectivity: external ranges cut differently on the two sides', () => {
  const app = (egress: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: gw, namespace: net}
spec:
  selector: {matchLabels: {app: gw}}
  template:
    metadata: {labels: {app: gw}}
    spec: {containers: [{name: gw, image: gw:1}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: gw-egress, namespace: net}
spec:
  podSelector: {matchLabels: {app: gw}}
  policyTypes: [Egress]
  egress:
${egress}
`;
  const lines = (d: ConnectivityDiff) => d.entries.map((e) => `${e.kind} ${keyOf(e.src)} -> ${keyOf(e.dst)}: ${e.before.toString()} => ${e.after.toString()}`);
  const v4 = (a: string) => BigInt(a.split('.').reduce((n, x) => n * 256 + Number(x), 0));
  const x = (lo: string, hi: string) => `x:4:${v4(lo)}-${v4(hi)}`;

  it('the same addresses written as one block or as two halves give no diff', () => {
    const one = connectivityOf(app('    - to: [{ipBlock: {cidr: 10.0.0.0/8}}]'), [4]);
    const two = connectivityOf(app('    - to: [{ipBlock: {cidr: 10.0.0.0/9}}, {ipBlock: {cidr: 10.128.0.0/9}}]'), [4]);
    expect(diffConnectivity(one, two).entries).toEqual([]);
  });

  it('an except carves exactly the excepted range, joined back to maximal ranges', () => {
    const before = connectivityOf(app('    - to: [{ipBlock: {cidr: 10.0.0.0/8}}]\n      ports: [{port: 443}]'), [4]);
    const after = connectivityOf(app('    - to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16, 10.2.3.0/24]}}]\n      ports: [{port: 443}]'), [4]);
    const d = diffConnectivity(before, after);
    expect(lines(d)).toEqual([
      `removed w:net/gw[Deployment] -> ${x('10.1.0.0', '10.1.255.255')}: TCP 443 => No Connections`,
      `removed w:net/gw[Deployment] -> ${x('10.2.3.0', '10.2.3.255')}: TCP 443 => No Connections`,
    ]);
    checkDiff(before, after, d, () => '');
  });

  it('overlapping blocks with different ports on the two sides', () => {
    const before = connectivityOf(app('    - to: [{ipBlock: {cidr: 10.0.0.0/16}}]\n      ports: [{port: 80}]'), [4]);
    const after = connectivityOf(app('    - to: [{ipBlock: {cidr: 10.0.128.0/17}}]\n      ports: [{port: 80}, {port: 443}]\n    - to: [{ipBlock: {cidr: 10.1.0.0/16}}]\n      ports: [{port: 80}]'), [4]);
    const d = diffConnectivity(before, after);
    expect(lines(d)).toEqual([
      `changed w:net/gw[Deployment] -> ${x('10.0.128.0', '10.0.255.255')}: TCP 80 => TCP 80,443`,
      `added w:net/gw[Deployment] -> ${x('10.1.0.0', '10.1.255.255')}: No Connections => TCP 80`,
      `removed w:net/gw[Deployment] -> ${x('10.0.0.0', '10.0.127.255')}: TCP 80 => No Connections`,
    ]);
    checkDiff(before, after, d, () => '');
  });
});
