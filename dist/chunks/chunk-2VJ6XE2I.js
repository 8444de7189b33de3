import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  readLiveCluster
} from "./chunk-RYGMOCXF.js";
import {
  withObservedTraffic
} from "./chunk-AJ2YPX4S.js";
import {
  scanTopology
} from "./chunk-AV2U6Z46.js";
import {
  findAddresses
} from "./chunk-ZAFBLR44.js";
import {
  analyzeConnectivity
} from "./chunk-3HQQSEID.js";
import {
  ConnectionSet,
  compareStrings,
  engineOptions,
  locate,
  peerKey
} from "./chunk-YS4F6JR5.js";
import {
  Codes,
  diag,
  external_exports,
  parseManifestFile,
  yaml
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError
} from "./chunk-LJ56FUY6.js";

// src/topology/heuristics.ts
var PortSchema = external_exports.object({ protocol: external_exports.enum(["TCP", "UDP", "SCTP"]).default("TCP"), port: external_exports.number().int().min(1).max(65535), endPort: external_exports.number().int().min(1).max(65535).optional() }).strict();
var ComponentSchema = external_exports.object({
  name: external_exports.string().min(1),
  role: external_exports.enum(["database", "cache", "messaging", "search", "ingress-controller", "observability"]),
  /** Globs (`*`, `?`) over workload names and container images; either matching identifies the component. */
  match: external_exports.object({ names: external_exports.array(external_exports.string().min(1)).default([]), images: external_exports.array(external_exports.string().min(1)).default([]) }).strict(),
  ports: external_exports.array(PortSchema).default([]),
  /** Scrapers: the container port names (globs) and whether prometheus.io annotations count. */
  scrape: external_exports.object({ portNames: external_exports.array(external_exports.string().min(1)).default([]), annotations: external_exports.boolean().default(true) }).strict().optional()
}).strict();
var HeuristicsSchema = external_exports.object({ apiVersion: external_exports.literal("netpol-ci.io/v1"), kind: external_exports.literal("Heuristics"), components: external_exports.array(ComponentSchema) }).strict();
var db = (name, names, images2, port, role = "database") => ({ name, role, match: { names, images: images2 }, ports: [{ protocol: "TCP", port }] });
var DEFAULT_HEURISTICS = {
  apiVersion: "netpol-ci.io/v1",
  kind: "Heuristics",
  components: [
    db("postgresql", ["postgres", "postgres-*", "*-postgres", "*-postgres-*", "postgresql*", "*-postgresql*", "pg", "pgbouncer*"], ["*postgres*", "*pgbouncer*"], 5432),
    db("mysql", ["mysql", "mysql-*", "*-mysql", "*-mysql-*", "mariadb*", "*-mariadb*"], ["*mysql*", "*mariadb*"], 3306),
    db("mongodb", ["mongo", "mongo-*", "mongodb*", "*-mongodb*", "*-mongo"], ["*mongo*"], 27017),
    db("cassandra", ["cassandra*", "*-cassandra*"], ["*cassandra*"], 9042),
    db("redis", ["redis", "redis-*", "*-redis", "*-redis-*", "valkey*"], ["*redis*", "*valkey*"], 6379, "cache"),
    db("memcached", ["memcached*", "*-memcached*"], ["*memcached*"], 11211, "cache"),
    db("elasticsearch", ["elasticsearch*", "*-elasticsearch*", "opensearch*"], ["*elasticsearch*", "*opensearch*"], 9200, "search"),
    db("rabbitmq", ["rabbitmq*", "*-rabbitmq*"], ["*rabbitmq*"], 5672, "messaging"),
    db("kafka", ["kafka", "kafka-*", "*-kafka", "*-kafka-*"], ["*kafka*"], 9092, "messaging"),
    db("zookeeper", ["zookeeper*", "*-zookeeper*"], ["*zookeeper*"], 2181, "messaging"),
    db("nats", ["nats", "nats-*", "*-nats"], ["*nats*"], 4222, "messaging"),
    { name: "ingress-nginx", role: "ingress-controller", match: { names: ["ingress-nginx-controller*", "*-ingress-nginx-controller", "nginx-ingress*"], images: ["*ingress-nginx/controller*", "*nginx-ingress*"] }, ports: [] },
    { name: "traefik", role: "ingress-controller", match: { names: ["traefik", "traefik-*"], images: ["*traefik*"] }, ports: [] },
    { name: "haproxy-ingress", role: "ingress-controller", match: { names: ["haproxy-ingress*", "*-haproxy-ingress*"], images: ["*haproxy-ingress*", "*kubernetes-ingress*"] }, ports: [] },
    { name: "contour-envoy", role: "ingress-controller", match: { names: ["envoy", "contour-envoy*"], images: ["*envoyproxy/envoy*"] }, ports: [] },
    { name: "istio-ingressgateway", role: "ingress-controller", match: { names: ["istio-ingressgateway*"], images: [] }, ports: [] },
    { name: "prometheus", role: "observability", match: { names: ["prometheus", "prometheus-server*", "prometheus-*-prometheus", "prometheus-k8s*"], images: ["*prometheus/prometheus*"] }, ports: [{ protocol: "TCP", port: 9090 }], scrape: { portNames: ["metrics", "http-metrics", "*-metrics", "metrics-*", "prometheus"], annotations: true } }
  ]
};
var BUILTIN_HEURISTICS_FILE = "(built-in heuristics)";
function defaultHeuristicsYaml() {
  return `# netpol-ci heuristics: well-known components recognised by workload name or container image (globs: * and ?).
# Pass an edited copy with --heuristics FILE; it replaces this list.
${yaml.dump(DEFAULT_HEURISTICS, { lineWidth: -1, noRefs: true, flowLevel: 4 })}`;
}
function parseHeuristics(file) {
  const parsed = parseManifestFile(file);
  const diagnostics = [...parsed.diagnostics];
  const doc = parsed.documents[0];
  if (!doc || parsed.documents.length !== 1) {
    diagnostics.push(diag(Codes.invalidHeuristics, "error", "a heuristics file holds exactly one YAML document (kind: Heuristics)", { file: file.path, doc: 1, line: 1 }));
    return { diagnostics };
  }
  const r = HeuristicsSchema.safeParse(doc.value);
  if (!r.success) {
    for (const issue of r.error.issues) {
      diagnostics.push(diag(Codes.invalidHeuristics, "error", issue.message, locate(doc, issue.path.filter((p) => typeof p !== "symbol"))));
    }
    return { diagnostics };
  }
  return { value: { components: r.data.components, at: r.data.components.map((_, i) => locate(doc, ["components", i])) }, diagnostics };
}
function glob(pattern) {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
}
var anyMatch = (patterns, value) => patterns.some((p) => glob(p).test(value));
function images(w) {
  return [...w.spec?.containers ?? [], ...w.spec?.initContainers ?? []].map((c) => c.image ?? "").filter((i) => i !== "");
}
function identify(w, h) {
  const i = h.components.findIndex((c) => anyMatch(c.match.names, w.ref.name) || images(w).some((img) => anyMatch(c.match.images, img)));
  return i >= 0 ? i : void 0;
}
function portsOf(c) {
  return c.ports.reduce((acc, p) => acc.union(ConnectionSet.port(p.protocol, p.port, p.endPort ?? p.port)), ConnectionSet.NONE);
}
function addressOf(value) {
  const a = findAddresses(value)[0];
  const port = a?.port !== void 0 && /^\d+$/.test(a.port) ? Number(a.port) : void 0;
  return { host: (a?.host ?? value).toLowerCase(), ...port !== void 0 ? { port } : {} };
}
function applyHeuristics(cluster, topology, h) {
  const roles = /* @__PURE__ */ new Map();
  for (const w of cluster.workloads) {
    const i = identify(w, h);
    if (i !== void 0) roles.set(peerKey({ kind: "workload", ref: w.ref }), i);
  }
  const instances = (pred) => cluster.workloads.filter((w) => {
    const i = roles.get(peerKey({ kind: "workload", ref: w.ref }));
    return i !== void 0 && pred(h.components[i]);
  });
  const intent = (w) => ({ kind: "intent", at: h.at[roles.get(peerKey({ kind: "workload", ref: w.ref }))] });
  const links = [];
  const controllers = instances((c) => c.role === "ingress-controller");
  for (const l of topology.links) {
    if (l.src.kind === "ingress-controller" && controllers.length > 0) {
      for (const c of controllers) links.push({ ...l, src: { kind: "workload", ref: c.ref }, evidence: [...l.evidence, intent(c)] });
    } else links.push(l);
  }
  for (const s of instances((c) => c.scrape !== void 0)) {
    const scrape = h.components[roles.get(peerKey({ kind: "workload", ref: s.ref }))].scrape;
    for (const w of cluster.workloads) {
      if (w === s) continue;
      let conns = ConnectionSet.NONE;
      for (const pod of w.pods) for (const p of pod.ports) if (p.name && anyMatch(scrape.portNames, p.name)) conns = conns.union(ConnectionSet.port(p.protocol, p.port));
      const annotations = templateAnnotations(w) ?? {};
      const port = Number(annotations["prometheus.io/port"]);
      if (scrape.annotations && annotations["prometheus.io/scrape"] === "true" && Number.isInteger(port) && port >= 1 && port <= 65535) conns = conns.union(ConnectionSet.port("TCP", port));
      if (!conns.isEmpty) links.push({ src: { kind: "workload", ref: s.ref }, dst: { kind: "workload", ref: w.ref }, conns, evidence: [intent(s)] });
    }
  }
  const servers = instances((c) => c.ports.length > 0 && c.role !== "observability" && c.role !== "ingress-controller");
  const unresolved = [];
  for (const u of topology.unresolved) {
    if (u.reason !== "no-such-service") {
      unresolved.push(u);
      continue;
    }
    const address = addressOf(u.value);
    const labels = address.host.split(".");
    const ns = labels.length >= 3 && labels[2] !== "svc" ? labels[2] : u.workload.namespace;
    const named = (w) => w.ref.namespace === ns && [labels[0], labels[1]].some((l) => l !== void 0 && (l === w.ref.name || new RegExp(`^${w.ref.name.replace(/[.]/g, "\\.")}-\\d+$`).test(l)));
    const hits = servers.filter(named);
    if (hits.length === 0) {
      unresolved.push(u);
      continue;
    }
    for (const w of hits) {
      const c = h.components[roles.get(peerKey({ kind: "workload", ref: w.ref }))];
      const conns = address.port !== void 0 ? ConnectionSet.port("TCP", address.port) : portsOf(c);
      links.push({ src: { kind: "workload", ref: u.workload }, dst: { kind: "workload", ref: w.ref }, conns, evidence: [{ kind: "address", at: u.at, value: u.value, ...u.via ? { via: u.via } : {} }, intent(w)] });
    }
  }
  const key = (p) => peerKey(p);
  links.sort((a, b) => compareStrings(key(a.src), key(b.src)) || compareStrings(key(a.dst), key(b.dst)));
  return { value: { links: mergeLinks(links), unresolved }, diagnostics: [] };
}
function templateAnnotations(w) {
  const doc = w.origin.document.value;
  let node = doc;
  for (const k of [...w.origin.path, ...w.specPath.slice(0, -1), "metadata", "annotations"]) node = node && typeof node === "object" ? node[k] : void 0;
  return node && typeof node === "object" ? node : void 0;
}
function mergeLinks(links) {
  const out = /* @__PURE__ */ new Map();
  for (const l of links) {
    const k = `${peerKey(l.src)}\0${peerKey(l.dst)}`;
    const cur = out.get(k);
    out.set(k, cur ? { ...cur, conns: cur.conns.union(l.conns), evidence: [...cur.evidence, ...l.evidence] } : l);
  }
  return [...out.values()];
}

// src/pipeline/live.ts
function runLiveConnectivity(io, source, settings) {
  const live = readLiveCluster(io, source, settings);
  const result = analyzeConnectivity(live.cluster, engineOptions(settings));
  return { connectivity: result.value, diagnostics: [...live.diagnostics, ...result.diagnostics] };
}
function runLiveScan(io, source, settings, heuristicsFile, traffic) {
  const file = heuristicsFile === void 0 ? { path: BUILTIN_HEURISTICS_FILE, text: defaultHeuristicsYaml() } : { path: heuristicsFile, text: io.readText(heuristicsFile, "--heuristics") };
  const heuristics = parseHeuristics(file);
  if (!heuristics.value) {
    const first = heuristics.diagnostics.find((d) => d.severity === "error");
    if (heuristicsFile === void 0 || !first) throw new ConfigError("the built-in heuristics do not parse (a bug)");
    return { topology: { links: [], unresolved: [] }, diagnostics: heuristics.diagnostics };
  }
  const live = readLiveCluster(io, source, settings);
  const scanned = scanTopology(live.cluster);
  const completed = applyHeuristics(live.cluster, scanned.value, heuristics.value);
  const diagnostics = [...heuristics.diagnostics, ...live.diagnostics, ...scanned.diagnostics, ...completed.diagnostics];
  if (!traffic) return { topology: completed.value, diagnostics };
  const observed = withObservedTraffic(io, live.cluster, completed.value, source.kind === "kubectl" ? { ...traffic, liveSnapshot: source } : traffic, settings);
  return { topology: observed.topology, diagnostics: [...diagnostics, ...observed.diagnostics], traffic: observed.traffic };
}
function exportHeuristics() {
  return defaultHeuristicsYaml();
}

export {
  runLiveConnectivity,
  runLiveScan,
  exportHeuristics
};
