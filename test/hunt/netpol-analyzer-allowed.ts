import { spawnSync } from 'node:child_process';
import { ConnectionSet, parseConns } from '../../src/model/connection-set.js';
import type { Doc } from '../helpers/random-config.js';

/**
 * The differences between our connectivity and netpol-analyzer v1.4.2's that the netpol-analyzer
 * hunt (netpol-analyzer.hunt.ts) accepts, each with why we are right. A test sees one differing
 * line as connectivityDifferences writes it, `src => dst : OURS | THEIRS`, and answers only for
 * the exact shape its reason explains (anything else stays a finding).
 *
 * Other differences, found by hand around the hunt, that its generator steers clear of (each is
 * netpol-analyzer v1.4.2's, not ours; see the reasons):
 * - an IPv6 ipBlock (`2001:db8::/32`) is read as the IPv4 address made of its first four bytes
 *   (`32.1.13.184`); we analyse IPv4 unless `--ip-family dual` and warn (NPC021) that IPv6 ranges
 *   match nothing then;
 * - two workloads of different kinds with the same namespace and name (a Deployment and a
 *   DaemonSet `ns1/a`, which the API allows: objects are keyed by kind) become one, silently: the
 *   later one wins, and a diff reports the other as removed;
 * - an `networking.k8s.io/v1beta1` Ingress (`serviceName`/`servicePort`, removed in 1.22) is
 *   ignored ("ignoring rule backend without Service"); we read it;
 * - a UDP or SCTP container port counts as a TCP port the ingress controller may reach
 *   (PodExposedTCPConnections compares its own constant: `protocol == TCP` is always true), which
 *   shows only behind an Ingress or Route to a UDP Service port (a misconfiguration: the
 *   generators route to TCP Service ports only);
 * - an egress rule with a named port and an IP destination makes the whole folder an error (the
 *   hunt gives both tools napeerForm, test/helpers/netpol-analyzer.ts, which keeps the meaning);
 * - sidecar ports (init containers with `restartPolicy: Always`) are not read (napeerForm again).
 */
export interface AllowedContext {
  /** The configuration both tools read. */
  readonly docs: readonly Doc[];
  /** The folder holding it (for a second question to netpol-analyzer). */
  readonly dir: string;
  /** netpol-analyzer's binary. */
  readonly bin: string;
}
export interface Allowed {
  readonly name: string;
  readonly why: string;
  readonly test: (line: string, ctx: AllowedContext) => boolean;
}

interface Line {
  readonly src: string;
  readonly dst: string;
  readonly ours: ConnectionSet;
  readonly theirs: ConnectionSet;
}
function parseLine(line: string): Line | undefined {
  const m = /^(\S+) => (\S+) : (.*) \| (.*)$/.exec(line);
  const [ours, theirs] = [parseConns(m?.[3] ?? ''), parseConns(m?.[4] ?? '')];
  return m && ours && theirs ? { src: m[1] as string, dst: m[2] as string, ours, theirs } : undefined;
}

// --- the pods of a workload, from the documents -------------------------------------------------

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const asArr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** Every pod spec an object holds (a Pod's own, a template's, a CronJob's job template's). */
function podSpecs(d: Doc): Obj[] {
  const out: Obj[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (v === null || typeof v !== 'object') return;
    const o = v as Obj;
    if (Array.isArray(o.containers)) out.push(o);
    Object.values(o).forEach(visit);
  };
  visit(d.spec);
  return out;
}

/** The objects of workload `ns/name[Kind]`: the object itself, or the pods an absent owner of that name created. */
function workloadObjects(key: string, docs: readonly Doc[]): Doc[] {
  const m = /^([^/]+)\/([^[]+)\[(\w+)\]$/.exec(key);
  if (!m) return [];
  const [, ns, name, kind] = m;
  return docs.filter((d) => {
    const meta = asObj(d.metadata);
    if (meta.namespace !== ns) return false;
    if (d.kind === kind && meta.name === name) return true;
    return asArr(meta.ownerReferences).some((o) => o.kind === kind && o.name === name);
  });
}

/** The TCP ports a workload's pods declare (app containers and sidecars: the ports a named targetPort can name). */
function declaredTcpPorts(key: string, docs: readonly Doc[]): Set<number> {
  const out = new Set<number>();
  for (const spec of workloadObjects(key, docs).flatMap(podSpecs)) {
    const containers = [...asArr(spec.containers), ...asArr(spec.initContainers).filter((c) => c.restartPolicy === 'Always')];
    for (const p of containers.flatMap((c) => asArr(c.ports))) if ((p.protocol ?? 'TCP') === 'TCP') out.add(Number(p.containerPort));
  }
  return out;
}

/** The template labels of workload `ns/name[Kind]` (its pod specs' metadata, or the Pod's own). */
function podLabels(key: string, docs: readonly Doc[]): Record<string, string>[] {
  return workloadObjects(key, docs).flatMap((d) => {
    if (d.kind === 'Pod') return [asObj(asObj(d.metadata).labels) as Record<string, string>];
    const out: Record<string, string>[] = [];
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(visit);
      if (v === null || typeof v !== 'object') return;
      const o = v as Obj;
      if (o.spec && Array.isArray(asObj(o.spec).containers)) out.push(asObj(asObj(o.metadata).labels) as Record<string, string>);
      Object.values(o).forEach(visit);
    };
    visit(d.spec);
    return out;
  });
}

/** The numeric target ports (a Service port's own number when it has none) of the Services an Ingress or Route in the workload's namespace sends to, that select the workload. */
function routedTargetPorts(key: string, docs: readonly Doc[]): Set<number> {
  const ns = /^([^/]+)\//.exec(key)?.[1];
  const labels = podLabels(key, docs);
  const routed = new Set<string>();
  for (const d of docs) {
    if (asObj(d.metadata).namespace !== ns) continue;
    const spec = asObj(d.spec);
    if (d.kind === 'Ingress') {
      const backends = [asObj(spec.defaultBackend), ...asArr(spec.rules).flatMap((r) => asArr(asObj(r.http).paths).map((p) => asObj(p.backend)))];
      for (const b of backends) if (typeof asObj(b.service).name === 'string') routed.add(asObj(b.service).name as string);
    } else if (d.kind === 'Route' && typeof asObj(spec.to).name === 'string') routed.add(asObj(spec.to).name as string);
  }
  const out = new Set<number>();
  for (const d of docs) {
    const meta = asObj(d.metadata);
    if (d.kind !== 'Service' || meta.namespace !== ns || !routed.has(meta.name as string)) continue;
    const selector = asObj(asObj(d.spec).selector) as Record<string, string>;
    if (Object.keys(selector).length === 0 || !labels.some((l) => Object.entries(selector).every(([k, v]) => l[k] === v))) continue;
    for (const p of asArr(asObj(d.spec).ports)) {
      const t = p.targetPort;
      const n = t === undefined || t === null || t === 0 ? Number(p.port) : typeof t === 'number' ? t : /^\d+$/.test(String(t)) ? Number(t) : undefined;
      if (n !== undefined && (p.protocol ?? 'TCP') === 'TCP') out.add(n);
    }
  }
  return out;
}

// --- netpol-analyzer's own explanation of a pair --------------------------------------------------

/** `TCP:[443-5001], UDP:[443]` or `UDP, SCTP` (a whole protocol) as a connection set. */
function explainedConns(text: string): ConnectionSet {
  const parts = [...text.matchAll(/(TCP|UDP|SCTP)(?::\[([0-9,-]+)\])?/g)].map((m) => (m[2] ? `${m[1] as string} ${m[2]}` : (m[1] as string)));
  return parseConns(parts.join(',')) ?? ConnectionSet.NONE;
}

/**
 * What netpol-analyzer's `--explain` says it allows and denies between two workloads (its own
 * account of the pair, computed per direction before the two are intersected).
 */
function explainedPair(bin: string, dir: string, src: string, dst: string): { allowed: ConnectionSet; denied: ConnectionSet } | undefined {
  const name = (k: string) => k.replace(/\[\w+\]$/, '');
  const r = spawnSync(bin, ['list', '--dirpath', dir, '-o', 'txt', '--explain', '--focusworkload', name(src), '--focusworkload-peer', name(dst)], { encoding: 'utf8', timeout: 120_000 });
  // no answer (the binary failed) or no account of the pair explains nothing
  if (r.status !== 0 || r.error) return undefined;
  const text = r.stdout ?? '';
  const start = text.indexOf(`Connections between ${src} => ${dst}:`);
  if (start < 0) return undefined;
  let allowed = ConnectionSet.NONE;
  let denied = ConnectionSet.NONE;
  const section = text.slice(start).split(/\n-{20,}\n/)[0] as string;
  for (const m of section.matchAll(/^\s*(Allowed|Denied) (.*?) due to/gm)) {
    if (m[1] === 'Allowed') allowed = allowed.union(explainedConns(m[2] as string));
    else denied = denied.union(explainedConns(m[2] as string));
  }
  return { allowed, denied };
}

export const ALLOWED: readonly Allowed[] = [
  {
    name: 'ingress controller on an undeclared numeric target port',
    why:
      'Ingress/Route backends are reachable from {ingress-controller} on a numeric target port whether the pod declares it or not ' +
      '(README "connectivity"; Container.ports: "Not specifying a port here DOES NOT prevent that port from being exposed"). ' +
      'netpol-analyzer keeps only ports the pod declares (PodExposedTCPConnections in pkg/netpol/eval/internal/k8s/pod.go).',
    test: (line, { docs }) => {
      const l = parseLine(line);
      if (!l || l.src !== '{ingress-controller}' || !l.theirs.isSubsetOf(l.ours)) return false;
      const extra = l.ours.subtract(l.theirs);
      if (!extra.ports('UDP').isEmpty || !extra.ports('SCTP').isEmpty) return false;
      const declared = declaredTcpPorts(l.dst, docs);
      // and only the numeric target ports of Services an Ingress or Route sends to the workload
      const routed = routedTargetPorts(l.dst, docs);
      const routedSet = [...routed].reduce((acc, p) => acc.union(ConnectionSet.port('TCP', p)), ConnectionSet.NONE);
      return !extra.isEmpty && extra.isSubsetOf(routedSet) && [...declared].every((p) => !extra.allows('TCP', p));
    },
  },
  {
    name: 'netpol-analyzer loses ports it neither allows nor denies',
    why:
      "netpol-analyzer's own --explain of the pair accounts for these ports in neither its allowed nor its denied connections: " +
      'they are lost when it intersects an egress answer partitioned by explanation (an ANP egress Pass over part of the ports, ' +
      'the rest by the system default) with an ingress answer that an ANP Allow and a NetworkPolicy decide together ' +
      '(ConnectionSet.Intersection in pkg/netpol/internal/common). By the network-policy-api spec both directions allow them: ' +
      'egress passes or matches no admin rule and no NetworkPolicy isolates the source; ingress has an ANP Allow.',
    test: (line, { dir, bin }) => {
      const l = parseLine(line);
      if (!l || !l.theirs.isSubsetOf(l.ours) || /^[0-9{]/.test(l.src) || /^[0-9{]/.test(l.dst)) return false;
      const lost = l.ours.subtract(l.theirs);
      const explained = explainedPair(bin, dir, l.src, l.dst);
      if (!explained) return false;
      // their explanation must agree with their listing where it speaks, and say nothing about the lost ports
      return explained.allowed.equals(l.theirs) && lost.subtract(explained.denied).equals(lost);
    },
  },
];
