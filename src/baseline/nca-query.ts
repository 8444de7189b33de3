import { dump as dumpYaml, load as loadYaml } from 'js-yaml';
import { UNKNOWN_VALUE } from '../manifests/job-labels.js';
import type { Cluster, Workload } from '../manifests/cluster.js';
import type { K8sObject } from '../manifests/objects.js';
import { ConnectionSet, isProtocol, PROTOCOLS } from '../model/connection-set.js';
import { IntervalSet } from '../model/interval-set.js';
import { formatIp, parseCidr, type IpRange } from '../model/ip.js';
import type { Peer, WorkloadRef } from '../model/peer.js';
import { RuleMatcher } from './match.js';
import type { BaselineRule, Endpoint } from './rules.js';
import { toLabelSelector, type LabelRequirements, type Requirement } from './selector.js';
import type { RuleRef, Violation } from './violation.js';

/**
 * nca's side of a baseline check, pure: the rules expressed as NetworkPolicies (as
 * baseline-rules-verifier does), asked of nca with its own queries (`permits` for an allow rule,
 * `forbids` for a deny rule), all in ONE scheme file so that one nca process answers many rules;
 * and nca's YAML answers read back into violations.
 *
 * Scoping: each rule gets its own cut-down configuration holding only the workloads it can touch
 * (its sources and destinations), their namespaces' policies and every namespace. A
 * NetworkPolicy verdict for a pair depends only on the two pods, their namespaces and the
 * policies selecting them, so the cut is exact, and nca's cost (about W^2.5) stays small.
 *
 * Workloads are handed to nca as one representative Pod per distinct pod template, with the same
 * namespace, labels and container ports, named `w<index>-<n>` so that nca's answers map back to
 * workloads exactly; policies and namespaces are the objects from the manifests.
 */

export interface NcaFile {
  readonly name: string;
  readonly text: string;
}

export interface NcaQuery {
  readonly id: string;
  readonly rule: RuleRef;
  readonly kind: 'permits' | 'forbids';
  /** The output file nca writes the query's YAML answer to (relative to the work folder). */
  readonly output: string;
}

export interface NcaBatch {
  /** Files to write into the work folder, the scheme among them. */
  readonly files: readonly NcaFile[];
  readonly scheme: string;
  readonly queries: readonly NcaQuery[];
  /** Rules nca is not asked, with why. */
  readonly skipped: readonly { readonly rule: RuleRef; readonly reason: string }[];
  /** Pod name (`ns/w3-0`) -> workload. */
  readonly pods: ReadonlyMap<string, WorkloadRef>;
  /** nca's whole connectivity (for `default: deny`), when asked for: the output file it is written to. */
  readonly connectivityOutputs: readonly string[];
}

/** A batch before its scheme is written (see mergeNcaBatches). */
export interface NcaBatchParts extends NcaBatch {
  readonly configs: readonly Record<string, unknown>[];
  readonly schemeQueries: readonly Record<string, unknown>[];
}

const ADMIN_KINDS = new Set(['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy']);

/** Why nca cannot answer for this configuration at all, or undefined. */
export function ncaUnsupported(cluster: Cluster): string | undefined {
  const admin = cluster.objects.filter((o) => ADMIN_KINDS.has(o.kind));
  if (admin.length > 0) return `the configuration has ${admin.length} admin network polic${admin.length === 1 ? 'y' : 'ies'} (AdminNetworkPolicy/BaselineAdminNetworkPolicy), which nca 2.1.0 does not model`;
  return undefined;
}

function rawObject(o: K8sObject): Record<string, unknown> {
  let v: unknown = o.origin.document.value;
  for (const p of o.origin.path) v = (v as Record<string | number, unknown>)[p];
  const obj = { ...(v as Record<string, unknown>) };
  obj.kind = o.kind;
  obj.apiVersion = typeof obj.apiVersion === 'string' && obj.apiVersion ? obj.apiVersion : 'networking.k8s.io/v1';
  const meta = { ...((obj.metadata as Record<string, unknown> | undefined) ?? {}) };
  if (!meta.namespace) meta.namespace = 'default';
  obj.metadata = meta;
  return obj;
}

function portsOf(conns: ConnectionSet): Record<string, unknown>[] | undefined {
  if (conns.isAll) return undefined;
  const out: Record<string, unknown>[] = [];
  for (const [protocol, ports] of conns.entries()) {
    for (const [lo, hi] of ports.intervals()) out.push(lo === hi ? { protocol, port: lo } : { protocol, port: lo, endPort: hi });
  }
  return out;
}

function cidrText(r: IpRange): string {
  // a rule's CIDR is one prefix: its size gives the prefix length
  const bits = r.family === 4 ? 32 : 128;
  const size = r.hi - r.lo + 1n;
  const prefix = bits - (size.toString(2).length - 1);
  return `${formatIp(r.family, r.lo)}/${prefix}`;
}

/**
 * nca 2.1.0 departs from Kubernetes on `Exists` and `DoesNotExist` in a rule peer that has a
 * namespaceSelector: it only matches pods of the policy's own namespace (LabelSelectorRequirement:
 * "If the operator is Exists or DoesNotExist, the values array must be empty" - they test the key
 * alone, on every pod of every selected namespace). The rules' own policies therefore write
 * `k Exists` as `k In (every value k has in the configuration)` and `k DoesNotExist` as
 * `k NotIn (...)`, which select exactly the same pods and namespaces here.
 */
function ncaRequirements(reqs: LabelRequirements, valuesOf: (key: string) => string[]): LabelRequirements {
  return reqs.flatMap((r): Requirement[] => {
    if (r.op === 'In' || r.op === 'NotIn') return [r];
    const values = valuesOf(r.key);
    if (r.op === 'Exists') return [{ op: 'In', key: r.key, values: values.length > 0 ? values : [NO_VALUE] }];
    return values.length === 0 ? [] : [{ op: 'NotIn', key: r.key, values }];
  });
}

/**
 * A pod's labels as nca reads them: a value no manifest knows (manifests/job-labels.ts, not a valid
 * label value) written as a valid one no selector names, so that nca answers as the built-in engine.
 */
function ncaLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v === UNKNOWN_VALUE ? UNKNOWN_FOR_NCA : v]));
}
const UNKNOWN_FOR_NCA = 'netpol-ci.unknown-value';

/** A label value no object carries (`In` over it selects nothing). */
const NO_VALUE = 'netpol-ci.no-such-value';

interface LabelValues {
  readonly pods: (key: string) => string[];
  readonly namespaces: (key: string) => string[];
}

function labelValues(cluster: Cluster): LabelValues {
  const collect = (labelSets: Iterable<Readonly<Record<string, string>>>) => {
    const m = new Map<string, Set<string>>();
    for (const l of labelSets) for (const [k, v] of Object.entries(l)) (m.get(k) ?? m.set(k, new Set()).get(k))?.add(v);
    return (key: string) => [...(m.get(key) ?? [])].sort();
  };
  return {
    pods: collect(cluster.workloads.flatMap((w) => w.pods.map((p) => ncaLabels(p.labels)))),
    namespaces: collect([...cluster.namespaces.values()].map((n) => n.labels)),
  };
}

function peersOf(e: Endpoint, values: LabelValues): Record<string, unknown>[] | undefined {
  if (e.kind === 'any') return undefined;
  if (e.kind === 'cidr') return [{ ipBlock: { cidr: cidrText(e.range) } }];
  return [{ podSelector: toLabelSelector(ncaRequirements(e.pods, values.pods)), namespaceSelector: toLabelSelector(ncaRequirements(e.namespaces, values.namespaces)) }];
}

function yamlDocs(objs: readonly unknown[]): string {
  return objs.map((o) => dumpYaml(o, { noRefs: true, lineWidth: -1, sortKeys: true })).join('---\n');
}

/**
 * The scheme parts and files for the rules (each rule scoped to what it can touch). `prefix`
 * (lower-case letters, digits, dashes) keeps names apart when batches are merged.
 */
export function buildNcaBatch(cluster: Cluster, rules: readonly BaselineRule[], prefix = '', options: { readonly connectivity?: boolean } = {}): NcaBatchParts {
  const matcher = new RuleMatcher(cluster);
  const values = labelValues(cluster);
  const index = new Map(cluster.workloads.map((w, i) => [w, i]));
  const pods = new Map<string, WorkloadRef>();
  const podsOf = (w: Workload): Record<string, unknown>[] =>
    w.pods.map((shape, n) => {
      const name = `${prefix}w${index.get(w)}-${n}`;
      pods.set(`${w.ref.namespace}/${name}`, w.ref);
      return {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: w.ref.namespace, labels: ncaLabels(shape.labels) },
        spec: {
          ...(shape.hostNetwork ? { hostNetwork: true } : {}),
          containers: [{ name: 'c', image: 'x', ports: shape.ports.map((p) => ({ containerPort: p.port, protocol: p.protocol, ...(p.name ? { name: p.name } : {}) })) }],
        },
      };
    });
  const namespaces = [...cluster.namespaces.values()]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((ns) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, labels: { ...ns.labels } } }));
  const policies = cluster.objects.filter((o) => o.kind === 'NetworkPolicy').map(rawObject);
  const nsFile = `${prefix}namespaces.yaml`;
  const files: NcaFile[] = [{ name: nsFile, text: yamlDocs(namespaces) }];
  const configs: Record<string, unknown>[] = [];
  // queries run in order, smallest scope first: within a time budget, nca answers as many rules as it can
  const planned: { size: number; order: number; query: NcaQuery; scheme: Record<string, unknown> }[] = [];
  const skipped: { rule: RuleRef; reason: string }[] = [];
  rules.forEach((rule, i) => {
    const ref: RuleRef = { kind: 'rule', rule };
    const srcs = cluster.workloads.filter((w) => matcher.workloads(rule.from).has(key(w)));
    const dsts = cluster.workloads.filter((w) => matcher.workloads(rule.to).has(key(w)));
    const touched = [...new Set([...srcs, ...dsts])];
    const nsTouched = new Set(touched.map((w) => w.ref.namespace));
    const parts: { part: string; policies: Record<string, unknown>[] }[] = [];
    const ports = portsOf(rule.conns);
    // sources may be external when the rule names a CIDR or nothing
    if (rule.to.kind !== 'cidr' && dsts.length > 0) {
      const from = peersOf(rule.from, values);
      const ns = [...new Set(dsts.map((w) => w.ref.namespace))].sort();
      parts.push({
        part: 'in',
        policies: ns.map((n, k) => ({
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: `baseline-${i}-in-${k}`, namespace: n },
          spec: {
            podSelector: rule.to.kind === 'pods' ? toLabelSelector(rule.to.pods) : {},
            policyTypes: ['Ingress'],
            ingress: [{ ...(from ? { from } : {}), ...(ports ? { ports } : {}) }],
          },
        })),
      });
    }
    if (rule.from.kind !== 'cidr' && rule.to.kind !== 'pods' && srcs.length > 0) {
      const ns = [...new Set(srcs.map((w) => w.ref.namespace))].sort();
      const cidr = rule.to.kind === 'cidr' ? cidrText(rule.to.range) : '0.0.0.0/0';
      parts.push({
        part: 'out',
        policies: ns.map((n, k) => ({
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: `baseline-${i}-out-${k}`, namespace: n },
          spec: {
            podSelector: rule.from.kind === 'pods' ? toLabelSelector(rule.from.pods) : {},
            policyTypes: ['Egress'],
            egress: [{ to: [{ ipBlock: { cidr } }], ...(ports ? { ports } : {}) }],
          },
        })),
      });
    }
    if (parts.length === 0) {
      skipped.push({ rule: ref, reason: 'the rule matches no workload: nothing for nca to check' });
      return;
    }
    files.push({ name: `${prefix}r${i}-pods.yaml`, text: touched.length > 0 ? yamlDocs(touched.flatMap(podsOf)) : '' });
    files.push({ name: `${prefix}r${i}-policies.yaml`, text: yamlDocs(policies.filter((p) => nsTouched.has((p.metadata as { namespace: string }).namespace))) });
    configs.push({ name: `${prefix}base${i}`, namespaceList: nsFile, podList: `${prefix}r${i}-pods.yaml`, networkPolicyList: [`${prefix}r${i}-policies.yaml`] });
    for (const { part, policies: rp } of parts) {
      files.push({ name: `${prefix}r${i}-${part}.yaml`, text: yamlDocs(rp) });
      configs.push({ name: `${prefix}rule${i}${part}`, namespaceList: nsFile, podList: `${prefix}r${i}-pods.yaml`, networkPolicyList: [`${prefix}r${i}-${part}.yaml`] });
      const kind = rule.action === 'allow' ? 'permits' : 'forbids';
      const id = `${prefix}q${i}${part}`;
      const output = `out-${id}.yaml`;
      planned.push({
        size: touched.length,
        order: planned.length,
        query: { id, rule: ref, kind, output },
        scheme: { name: id, [kind]: [`${prefix}base${i}`, `${prefix}rule${i}${part}`], outputConfiguration: { outputFormat: 'yaml', outputPath: output, fullExplanation: true } },
      });
    }
  });
  planned.sort((a, b) => a.size - b.size || a.order - b.order);
  const schemeQueries = planned.map((p) => p.scheme);
  const connectivityOutputs: string[] = [];
  if (options.connectivity) {
    // the whole configuration's connectivity, asked last (it is the largest scope)
    files.push({ name: `${prefix}all-pods.yaml`, text: yamlDocs(cluster.workloads.flatMap(podsOf)) });
    files.push({ name: `${prefix}all-policies.yaml`, text: yamlDocs(policies) });
    configs.push({ name: `${prefix}all`, namespaceList: nsFile, podList: `${prefix}all-pods.yaml`, networkPolicyList: [`${prefix}all-policies.yaml`] });
    const output = `out-${prefix}connectivity.txt`;
    connectivityOutputs.push(output);
    schemeQueries.push({ name: `${prefix}connectivity`, connectivityMap: [`${prefix}all`], outputConfiguration: { outputFormat: 'txt_no_fw_rules', outputPath: output } });
  }
  return { files, scheme: `${prefix}scheme.yaml`, queries: planned.map((p) => p.query), skipped, pods, configs, schemeQueries, connectivityOutputs };
}

/** One scheme over several batches (built with distinct prefixes): one nca process answers them all. */
export function mergeNcaBatches(batches: readonly NcaBatchParts[], name = 'scheme.yaml'): NcaBatch {
  const scheme = dumpYaml({ networkConfigList: batches.flatMap((b) => b.configs), queries: batches.flatMap((b) => b.schemeQueries) }, { noRefs: true, lineWidth: -1 });
  const pods = new Map<string, WorkloadRef>();
  for (const b of batches) for (const [k, v] of b.pods) pods.set(k, v);
  return {
    files: [...batches.flatMap((b) => b.files), { name, text: scheme }],
    scheme: name,
    queries: batches.flatMap((b) => b.queries),
    skipped: batches.flatMap((b) => b.skipped),
    pods,
    connectivityOutputs: batches.flatMap((b) => b.connectivityOutputs),
  };
}

function key(w: Workload): string {
  return `${w.ref.namespace}/${w.ref.name}[${w.ref.kind}]`;
}

/** nca's connection text: `All connections`, or `{'protocols': 'TCP,UDP', 'dst_ports': '80,8000-8080'}`, `{'protocols': 'all but TCP, UDP'}` (possibly several). */
export function parseNcaConns(text: string): ConnectionSet | undefined {
  const t = text.trim();
  if (/^all connections$/i.test(t)) return ConnectionSet.ALL;
  if (/^no connections$/i.test(t)) return ConnectionSet.NONE;
  let out = ConnectionSet.NONE;
  const items = t.match(/\{[^{}]*\}/g);
  if (!items) return undefined;
  for (const item of items) {
    const protos = /'protocols':\s*'([^']*)'/.exec(item)?.[1];
    const ports = /'dst_ports':\s*'([^']*)'/.exec(item)?.[1];
    if (!protos) return undefined;
    let portSet = IntervalSet.range(1, 65535);
    if (ports !== undefined) {
      const ranges: [number, number][] = [];
      for (const p of ports.split(',').map((s) => s.trim()).filter(Boolean)) {
        const m = /^(\d+)(?:-(\d+))?$/.exec(p);
        if (!m) return undefined;
        ranges.push([Number(m[1]), Number(m[2] ?? m[1])]);
      }
      portSet = IntervalSet.of(ranges);
    }
    // `all but TCP, UDP` is every protocol except those listed
    const allBut = /^all but\s+(.*)$/i.exec(protos.trim());
    const listed = (allBut ? (allBut[1] as string) : protos).split(',').map((s) => s.trim());
    const chosen = allBut ? PROTOCOLS.filter((p) => !listed.includes(p)) : listed.filter(isProtocol);
    // ICMP and other protocols without ports are outside what NetworkPolicies and rules talk about
    for (const proto of chosen) out = out.union(ConnectionSet.of(proto, portSet));
  }
  return out;
}

/** An nca endpoint: `ns/pod` (one of our representatives), or address ranges `a.b.c.d/n`, `a-b`, comma-separated. */
function peersOfNca(text: string, pods: ReadonlyMap<string, WorkloadRef>): Peer[] | undefined {
  const parts = text.split(',').map((p) => peerOfNca(p, pods));
  return parts.every((p): p is Peer => p !== undefined) ? parts : undefined;
}

function peerOfNca(text: string, pods: ReadonlyMap<string, WorkloadRef>): Peer | undefined {
  const t = text.trim();
  const ref = pods.get(t);
  if (ref) return { kind: 'workload', ref };
  const dash = /^([0-9a-f:.]+)-([0-9a-f:.]+)$/i.exec(t);
  if (dash) {
    const lo = parseCidr(dash[1] as string);
    const hi = parseCidr(dash[2] as string);
    if (lo && hi) return { kind: 'external', range: { family: lo.family, lo: lo.lo, hi: hi.hi } };
  }
  const r = parseCidr(t);
  if (r) return { kind: 'external', range: r };
  return undefined;
}

export interface NcaAnswer {
  readonly holds: boolean;
  readonly violations: Violation[];
  /** Peers nca named that we cannot map back (e.g. nca's own simulated kube-dns pods). */
  readonly unknownPeers: string[];
}

/** Reads one query's YAML answer into violations of its rule. */
export function parseNcaAnswer(query: NcaQuery, text: string, pods: ReadonlyMap<string, WorkloadRef>): NcaAnswer | undefined {
  let doc: unknown;
  try {
    doc = loadYaml(text);
  } catch {
    return undefined;
  }
  const results = Array.isArray(doc) ? doc : [doc];
  const violations: Violation[] = [];
  const unknownPeers: string[] = [];
  let holds = true;
  for (const r of results as Record<string, unknown>[]) {
    if (!r || typeof r !== 'object' || typeof r.numerical_result !== 'number') return undefined;
    if (r.numerical_result !== 0) holds = false;
    for (const e of (r.explanation as Record<string, unknown>[] | undefined) ?? []) {
      for (const c of (e.connections as Record<string, unknown>[] | undefined) ?? []) {
        const conns = parseNcaConns(String(c.conn ?? ''));
        if (!conns) return undefined;
        if (conns.isEmpty) continue;
        const srcs = (c.src as string[] | undefined) ?? [];
        const dsts = (c.dst as string[] | undefined) ?? [];
        for (const s of srcs) {
          const srcPeers = peersOfNca(String(s), pods);
          if (!srcPeers) {
            unknownPeers.push(String(s));
            continue;
          }
          for (const d of dsts) {
            const dstPeers = peersOfNca(String(d), pods);
            if (!dstPeers) {
              unknownPeers.push(String(d));
              continue;
            }
            for (const src of srcPeers) {
              for (const dst of dstPeers) {
                if (src.kind === 'workload' && dst.kind === 'workload' && src.ref === dst.ref) continue;
                violations.push({ rule: query.rule, kind: query.kind === 'permits' ? 'required-blocked' : 'forbidden-allowed', src, dst, conns, engine: 'nca', causes: [] });
              }
            }
          }
        }
      }
    }
  }
  return { holds, violations, unknownPeers: [...new Set(unknownPeers)].sort() };
}

/**
 * nca's connectivity (`txt_no_fw_rules`: `src => dst : conns` lines, conns `All connections` or
 * `{protocols:TCP,dst_ports:53}`), mapped back onto workloads and address ranges. Lines naming
 * endpoints that are not ours (nca's simulated kube-dns) are returned apart.
 */
export function parseNcaConnectivity(text: string, pods: ReadonlyMap<string, WorkloadRef>): { connections: { src: Peer; dst: Peer; conns: ConnectionSet }[]; unknownPeers: string[] } | undefined {
  const connections: { src: Peer; dst: Peer; conns: ConnectionSet }[] = [];
  const unknown = new Set<string>();
  const endpoint = (t: string): Peer[] | undefined => peersOfNca(t.replace(/\[[A-Za-z]+\]$/, ''), pods);
  for (const line of text.split('\n')) {
    const m = /^(\S+) => (\S+) : (.*)$/.exec(line.trim());
    if (!m) continue;
    const conns = parseNcaTxtConns(m[3] as string);
    if (!conns) return undefined;
    const srcs = endpoint(m[1] as string);
    const dsts = endpoint(m[2] as string);
    if (!srcs || !dsts) {
      unknown.add(!srcs ? (m[1] as string) : (m[2] as string));
      continue;
    }
    for (const src of srcs) for (const dst of dsts) if (!(src.kind === 'workload' && dst.kind === 'workload' && src.ref === dst.ref)) connections.push({ src, dst, conns });
  }
  return { connections, unknownPeers: [...unknown].sort() };
}

function parseNcaTxtConns(text: string): ConnectionSet | undefined {
  const t = text.trim();
  if (/^all connections$/i.test(t)) return ConnectionSet.ALL;
  let out = ConnectionSet.NONE;
  const items = [...t.matchAll(/\{protocols:([^}]*?)(?:,dst_ports:([0-9,-]+?))?(?:,hosts:[^}]*)?\}/g)];
  if (items.length === 0) return undefined;
  for (const m of items) {
    const ranges = (m[2] ?? '1-65535').split(',').map((p) => {
      const [a, b] = p.split('-');
      return [Number(a), Number(b ?? a)] as [number, number];
    });
    const ports = IntervalSet.of(ranges);
    const protos = (m[1] as string).trim();
    const allBut = /^all but\s+(.*)$/i.exec(protos);
    const listed = (allBut ? (allBut[1] as string) : protos).split(',').map((x) => x.trim());
    for (const p of allBut ? PROTOCOLS.filter((x) => !listed.includes(x)) : listed.filter(isProtocol)) out = out.union(ConnectionSet.of(p, ports));
  }
  return out;
}
