import jsYaml from 'js-yaml';
import { z } from 'zod';
import { Codes, diag, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import { compareStrings, type Cluster, type Workload } from '../manifests/cluster.js';
import { parseManifestFile, type ManifestFile, type ParsedDocument } from '../manifests/documents.js';
import { locate } from '../manifests/positions.js';
import { rawAt } from '../manifests/objects.js';
import { ConnectionSet } from '../model/connection-set.js';
import { peerKey, type Peer } from '../model/peer.js';
import { findAddresses } from './addresses.js';
import type { Link, Topology, Unresolved } from './links.js';

/**
 * Name-based heuristics for well-known components, used when the topology comes from a live
 * cluster (`scan --cluster`), where what a workload is can often be told from its name or image:
 * - an **ingress controller** (ingress-nginx, Traefik, ...) found running becomes the source of
 *   the links that manifests attribute to `{ingress-controller}`;
 * - an **observability** scraper (Prometheus) needs to reach every workload's metrics ports (ports
 *   named like `metrics`, or announced by `prometheus.io/scrape` + `prometheus.io/port`);
 * - a **database** or other server with well-known ports (PostgreSQL, Redis, Kafka, ...) resolves
 *   addresses that name it without a Service (`postgres-0.postgres`): a link on its ports.
 * Every link made this way carries an `intent` evidence pointing at the component's line in the
 * heuristics file (or in the built-in list, as `--export-heuristics` prints it).
 */

const PortSchema = z.object({ protocol: z.enum(['TCP', 'UDP', 'SCTP']).default('TCP'), port: z.number().int().min(1).max(65535), endPort: z.number().int().min(1).max(65535).optional() }).strict();

const ComponentSchema = z
  .object({
    name: z.string().min(1),
    role: z.enum(['database', 'cache', 'messaging', 'search', 'ingress-controller', 'observability']),
    /** Globs (`*`, `?`) over workload names and container images; either matching identifies the component. */
    match: z.object({ names: z.array(z.string().min(1)).default([]), images: z.array(z.string().min(1)).default([]) }).strict(),
    ports: z.array(PortSchema).default([]),
    /** Scrapers: the container port names (globs) and whether prometheus.io annotations count. */
    scrape: z.object({ portNames: z.array(z.string().min(1)).default([]), annotations: z.boolean().default(true) }).strict().optional(),
  })
  .strict();

const HeuristicsSchema = z.object({ apiVersion: z.literal('netpol-ci.io/v1'), kind: z.literal('Heuristics'), components: z.array(ComponentSchema) }).strict();

export type Component = z.infer<typeof ComponentSchema>;

export interface Heuristics {
  readonly components: readonly Component[];
  /** Where each component is written, for provenance. */
  readonly at: readonly SourceRef[];
}

const db = (name: string, names: string[], images: string[], port: number, role: Component['role'] = 'database') => ({ name, role, match: { names, images }, ports: [{ protocol: 'TCP', port }] });

/** The built-in list; `--export-heuristics` prints it, `--heuristics FILE` replaces it. */
export const DEFAULT_HEURISTICS = {
  apiVersion: 'netpol-ci.io/v1',
  kind: 'Heuristics',
  components: [
    db('postgresql', ['postgres', 'postgres-*', '*-postgres', '*-postgres-*', 'postgresql*', '*-postgresql*', 'pg', 'pgbouncer*'], ['*postgres*', '*pgbouncer*'], 5432),
    db('mysql', ['mysql', 'mysql-*', '*-mysql', '*-mysql-*', 'mariadb*', '*-mariadb*'], ['*mysql*', '*mariadb*'], 3306),
    db('mongodb', ['mongo', 'mongo-*', 'mongodb*', '*-mongodb*', '*-mongo'], ['*mongo*'], 27017),
    db('cassandra', ['cassandra*', '*-cassandra*'], ['*cassandra*'], 9042),
    db('redis', ['redis', 'redis-*', '*-redis', '*-redis-*', 'valkey*'], ['*redis*', '*valkey*'], 6379, 'cache'),
    db('memcached', ['memcached*', '*-memcached*'], ['*memcached*'], 11211, 'cache'),
    db('elasticsearch', ['elasticsearch*', '*-elasticsearch*', 'opensearch*'], ['*elasticsearch*', '*opensearch*'], 9200, 'search'),
    db('rabbitmq', ['rabbitmq*', '*-rabbitmq*'], ['*rabbitmq*'], 5672, 'messaging'),
    db('kafka', ['kafka', 'kafka-*', '*-kafka', '*-kafka-*'], ['*kafka*'], 9092, 'messaging'),
    db('zookeeper', ['zookeeper*', '*-zookeeper*'], ['*zookeeper*'], 2181, 'messaging'),
    db('nats', ['nats', 'nats-*', '*-nats'], ['*nats*'], 4222, 'messaging'),
    { name: 'ingress-nginx', role: 'ingress-controller', match: { names: ['ingress-nginx-controller*', '*-ingress-nginx-controller', 'nginx-ingress*'], images: ['*ingress-nginx/controller*', '*nginx-ingress*'] }, ports: [] },
    { name: 'traefik', role: 'ingress-controller', match: { names: ['traefik', 'traefik-*'], images: ['*traefik*'] }, ports: [] },
    { name: 'haproxy-ingress', role: 'ingress-controller', match: { names: ['haproxy-ingress*', '*-haproxy-ingress*'], images: ['*haproxy-ingress*', '*kubernetes-ingress*'] }, ports: [] },
    { name: 'contour-envoy', role: 'ingress-controller', match: { names: ['envoy', 'contour-envoy*'], images: ['*envoyproxy/envoy*'] }, ports: [] },
    { name: 'istio-ingressgateway', role: 'ingress-controller', match: { names: ['istio-ingressgateway*'], images: [] }, ports: [] },
    { name: 'prometheus', role: 'observability', match: { names: ['prometheus', 'prometheus-server*', 'prometheus-*-prometheus', 'prometheus-k8s*'], images: ['*prometheus/prometheus*'] }, ports: [{ protocol: 'TCP', port: 9090 }], scrape: { portNames: ['metrics', 'http-metrics', '*-metrics', 'metrics-*', 'prometheus'], annotations: true } },
  ],
} as const;

export const BUILTIN_HEURISTICS_FILE = '(built-in heuristics)';

/** The built-in list as YAML: what `--export-heuristics` prints, and the text built-in provenance points into. */
export function defaultHeuristicsYaml(): string {
  return `# netpol-ci heuristics: well-known components recognised by workload name or container image (globs: * and ?).\n# Pass an edited copy with --heuristics FILE; it replaces this list.\n${jsYaml.dump(DEFAULT_HEURISTICS, { lineWidth: -1, noRefs: true, flowLevel: 4 })}`;
}

/** Reads a heuristics file (or the built-in list); every bad field is a diagnostic with its line. */
export function parseHeuristics(file: ManifestFile): { value?: Heuristics; diagnostics: Diagnostic[] } {
  const parsed = parseManifestFile(file);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const doc = parsed.documents[0] as ParsedDocument | undefined;
  if (!doc || parsed.documents.length !== 1) {
    diagnostics.push(diag(Codes.invalidHeuristics, 'error', 'a heuristics file holds exactly one YAML document (kind: Heuristics)', { file: file.path, doc: 1, line: 1 }));
    return { diagnostics };
  }
  const r = HeuristicsSchema.safeParse(doc.value);
  if (!r.success) {
    for (const issue of r.error.issues) {
      diagnostics.push(diag(Codes.invalidHeuristics, 'error', issue.message, locate(doc, issue.path.filter((p): p is string | number => typeof p !== 'symbol'))));
    }
    return { diagnostics };
  }
  return { value: { components: r.data.components, at: r.data.components.map((_, i) => locate(doc, ['components', i])) }, diagnostics };
}

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
}

const anyMatch = (patterns: readonly string[], value: string) => patterns.some((p) => glob(p).test(value));

function images(w: Workload): string[] {
  return [...(w.spec?.containers ?? []), ...(w.spec?.initContainers ?? [])].map((c) => (c as { image?: string }).image ?? '').filter((i) => i !== '');
}

/** The component a workload is, by name or image; the first listed wins. */
export function identify(w: Workload, h: Heuristics): number | undefined {
  const i = h.components.findIndex((c) => anyMatch(c.match.names, w.ref.name) || images(w).some((img) => anyMatch(c.match.images, img)));
  return i >= 0 ? i : undefined;
}

function portsOf(c: Component): ConnectionSet {
  return c.ports.reduce((acc, p) => acc.union(ConnectionSet.port(p.protocol, p.port, p.endPort ?? p.port)), ConnectionSet.NONE);
}

function addressOf(value: string): { host: string; port?: number } {
  const a = findAddresses(value)[0];
  const port = a?.port !== undefined && /^\d+$/.test(a.port) ? Number(a.port) : undefined;
  return { host: (a?.host ?? value).toLowerCase(), ...(port !== undefined ? { port } : {}) };
}

/**
 * Adds what the heuristics know to a scanned topology: the running ingress controller as the
 * source of ingress links, scrapers' links to metrics ports, and addresses that name a well-known
 * server directly (a StatefulSet pod, no Service) resolved to it. Sorted like scan's own links.
 */
export function applyHeuristics(cluster: Cluster, topology: Topology, h: Heuristics): { value: Topology; diagnostics: Diagnostic[] } {
  const roles = new Map<string, number>();
  for (const w of cluster.workloads) {
    const i = identify(w, h);
    if (i !== undefined) roles.set(peerKey({ kind: 'workload', ref: w.ref }), i);
  }
  const instances = (pred: (c: Component) => boolean) => cluster.workloads.filter((w) => {
    const i = roles.get(peerKey({ kind: 'workload', ref: w.ref }));
    return i !== undefined && pred(h.components[i] as Component);
  });
  const intent = (w: Workload) => ({ kind: 'intent' as const, at: h.at[roles.get(peerKey({ kind: 'workload', ref: w.ref })) as number] as SourceRef });
  const links: Link[] = [];
  const controllers = instances((c) => c.role === 'ingress-controller');
  for (const l of topology.links) {
    if (l.src.kind === 'ingress-controller' && controllers.length > 0) {
      for (const c of controllers) links.push({ ...l, src: { kind: 'workload', ref: c.ref }, evidence: [...l.evidence, intent(c)] });
    } else links.push(l);
  }
  for (const s of instances((c) => c.scrape !== undefined)) {
    const scrape = (h.components[roles.get(peerKey({ kind: 'workload', ref: s.ref })) as number] as Component).scrape as NonNullable<Component['scrape']>;
    for (const w of cluster.workloads) {
      if (w === s) continue;
      let conns = ConnectionSet.NONE;
      for (const pod of w.pods) for (const p of pod.ports) if (p.name && anyMatch(scrape.portNames, p.name)) conns = conns.union(ConnectionSet.port(p.protocol, p.port));
      const annotations = templateAnnotations(w) ?? {};
      const port = Number(annotations['prometheus.io/port']);
      if (scrape.annotations && annotations['prometheus.io/scrape'] === 'true' && Number.isInteger(port) && port >= 1 && port <= 65535) conns = conns.union(ConnectionSet.port('TCP', port));
      if (!conns.isEmpty) links.push({ src: { kind: 'workload', ref: s.ref }, dst: { kind: 'workload', ref: w.ref }, conns, evidence: [intent(s)] });
    }
  }
  const servers = instances((c) => c.ports.length > 0 && c.role !== 'observability' && c.role !== 'ingress-controller');
  const unresolved: Unresolved[] = [];
  for (const u of topology.unresolved) {
    if (u.reason !== 'no-such-service') {
      unresolved.push(u);
      continue;
    }
    const address = addressOf(u.value);
    const labels = address.host.split('.');
    const ns = labels.length >= 3 && labels[2] !== 'svc' ? labels[2] : u.workload.namespace;
    // `name`, `name-0` (a StatefulSet pod), `name-0.name` (pod.headless-service)
    const named = (w: Workload) => w.ref.namespace === ns && [labels[0], labels[1]].some((l) => l !== undefined && (l === w.ref.name || new RegExp(`^${w.ref.name.replace(/[.]/g, '\\.')}-\\d+$`).test(l)));
    const hits = servers.filter(named);
    if (hits.length === 0) {
      unresolved.push(u);
      continue;
    }
    for (const w of hits) {
      const c = h.components[roles.get(peerKey({ kind: 'workload', ref: w.ref })) as number] as Component;
      // the port the address names, else the component's well-known ports
      const conns = address.port !== undefined ? ConnectionSet.port('TCP', address.port) : portsOf(c);
      links.push({ src: { kind: 'workload', ref: u.workload }, dst: { kind: 'workload', ref: w.ref }, conns, evidence: [{ kind: 'address', at: u.at, value: u.value, ...(u.via ? { via: u.via } : {}) }, intent(w)] });
    }
  }
  const key = (p: Peer) => peerKey(p);
  links.sort((a, b) => compareStrings(key(a.src), key(b.src)) || compareStrings(key(a.dst), key(b.dst)));
  return { value: { links: mergeLinks(links), unresolved }, diagnostics: [] };
}

function templateAnnotations(w: Workload): Record<string, string> | undefined {
  // the pod template's annotations sit beside its spec in the object: metadata of the template (or of a bare pod)
  const node = rawAt(w.origin, [...w.specPath.slice(0, -1), 'metadata', 'annotations']);
  return node && typeof node === 'object' ? (node as Record<string, string>) : undefined;
}

/** Links with the same ends merge: their connections and evidence add up. */
function mergeLinks(links: readonly Link[]): Link[] {
  const out = new Map<string, Link>();
  for (const l of links) {
    const k = `${peerKey(l.src)}\u0000${peerKey(l.dst)}`;
    const cur = out.get(k);
    out.set(k, cur ? { ...cur, conns: cur.conns.union(l.conns), evidence: [...cur.evidence, ...l.evidence] } : l);
  }
  return [...out.values()];
}
