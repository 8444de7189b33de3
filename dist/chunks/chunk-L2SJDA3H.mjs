import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  DAPR_INVOCATION,
  daprInvocationTargets,
  findAddresses,
  selfLinks
} from "./chunk-HM4COL5A.mjs";
import {
  CONTROLLER_UID_LABELS,
  ConnectionSet,
  DEFAULT_NAMESPACE,
  JOB_NAME_LABELS,
  UNKNOWN_VALUE,
  compareStrings,
  formatRange,
  isProtocol,
  originRef,
  parseCidr,
  peerKey,
  rangeContains,
  selectorMatches,
  serviceWorkloads,
  targetConns,
  workloadKey,
  workloadsByNamespace
} from "./chunk-O73IRBZ3.mjs";
import {
  Codes,
  ConfigError,
  diag,
  external_exports,
  locate,
  parseManifestFile
} from "./chunk-TBLT5FKE.mjs";

// src/topology/gaps.ts
var CLOSE_INGRESS = "add the callers as reviewed links (scan --format yaml, edit, synthesize --links FILE), or observed traffic (--traffic), or close with --gaps=namespace|open";
var CLOSE_EGRESS = "add the destination as a reviewed link (synthesize --links FILE), or observed traffic (--traffic), or close with --gaps=namespace|open";
var CLOSE_NODE = "add a reviewed link to the nodes' address block (synthesize --links FILE, dst: <node CIDR>), or close with --gaps=namespace|open";
var CLOSE_MESH = "add a reviewed link to the control plane (synthesize --links FILE), or close with --gaps=namespace (egress to its namespace on its ports) or --gaps=open";
var CLOSE_API = "add a reviewed link to the API server address block (synthesize --links FILE, dst: <control-plane CIDR>), or close with --gaps=namespace|open";
function listeningConns(w, selectedBy) {
  let conns = ConnectionSet.NONE;
  for (const s of selectedBy) conns = conns.union(targetConns(s.ports, w.pods));
  for (const pod of w.pods) for (const p of pod.ports) conns = conns.union(ConnectionSet.port(p.protocol, p.port));
  return conns;
}
function findGaps(cluster, topology) {
  const gaps = [];
  const reachedOn = /* @__PURE__ */ new Map();
  for (const l of [...topology.links, ...selfLinks(topology.self)]) if (l.dst.kind === "workload") reachedOn.set(workloadKey(l.dst.ref), (reachedOn.get(workloadKey(l.dst.ref)) ?? ConnectionSet.NONE).union(l.conns));
  const byNs = workloadsByNamespace(cluster.workloads);
  const selectedBy = /* @__PURE__ */ new Map();
  const called = apiServerCalls(cluster);
  for (const o of cluster.objects) {
    if (o.kind !== "Service") continue;
    for (const w of serviceWorkloads(o.object, byNs)) {
      const list = selectedBy.get(workloadKey(w.ref)) ?? [];
      const name = `${w.ref.namespace}/${o.object.metadata.name}`;
      const headless = o.object.spec?.clusterIP === "None";
      list.push({ ports: o.object.spec?.ports ?? [], name, at: originRef(o.origin, ["metadata", "name"]), portAt: (i) => originRef(o.origin, ["spec", "ports", i]), headless, ...called.has(name) ? { calledBy: called.get(name) } : {} });
      selectedBy.set(workloadKey(w.ref), list);
    }
  }
  for (const w of cluster.workloads) {
    const key = workloadKey(w.ref);
    const reached = reachedOn.get(key);
    if (reached) {
      gaps.push(...uncalledServices(w, selectedBy.get(key) ?? [], reached));
      continue;
    }
    const services = selectedBy.get(key) ?? [];
    const conns = listeningConns(w, services);
    if (conns.isEmpty && services.length === 0) continue;
    const apiServer = services.find((x) => x.calledBy);
    const listens = `listens on ${conns.isEmpty ? "ports no container declares" : conns.toString()}`;
    gaps.push({
      direction: "ingress",
      workload: w.ref,
      reason: "no-ingress-source",
      detail: apiServer ? `${apiServerDetail(w, apiServer)}; ${listens}` : `${listens} but no manifest names a caller`,
      at: apiServer?.calledBy?.at ?? originRef(w.origin, ["metadata", "name"]),
      conns: conns.isEmpty ? ConnectionSet.ALL : conns,
      close: CLOSE_INGRESS
    });
  }
  gaps.push(...frontEndGaps(cluster, topology));
  for (const t of daprInvocationTargets(cluster)) {
    gaps.push({
      direction: "ingress",
      workload: t.workload.ref,
      reason: "dapr-invocation",
      detail: `Dapr app ${t.appId} is invoked through the Dapr sidecars (daprd to daprd on ${DAPR_INVOCATION.toString()}); which apps invoke it is in application code`,
      at: t.at,
      conns: DAPR_INVOCATION,
      close: CLOSE_INGRESS
    });
  }
  for (const u of topology.unresolved) {
    const conns = unresolvedConns(u) ?? ConnectionSet.ALL;
    gaps.push({
      direction: "egress",
      workload: u.workload,
      reason: u.reason,
      detail: u.detail,
      at: u.at,
      ...u.via ? { via: u.via } : {},
      ...u.traced ? { traced: u.traced } : {},
      value: u.value,
      conns,
      ...u.namespace !== void 0 ? { namespace: u.namespace } : {},
      ...u.range !== void 0 ? { range: u.range } : {},
      close: u.reason === "api-server" ? CLOSE_API : u.reason === "node-address" ? CLOSE_NODE : u.reason === "mesh-control-plane" ? CLOSE_MESH : CLOSE_EGRESS
    });
  }
  return gaps.sort(
    (a, b) => compareStrings(workloadKey(a.workload), workloadKey(b.workload)) || compareStrings(a.direction, b.direction) || compareStrings(a.at.file, b.at.file) || (a.at.line ?? 0) - (b.at.line ?? 0) || compareStrings(a.value ?? "", b.value ?? "")
  );
}
var IN_CLUSTER_REASONS = /* @__PURE__ */ new Set(["no-such-service", "no-such-port", "no-endpoints", "undefined-variable", "secret-value"]);
var OUTSIDE_REASONS = /* @__PURE__ */ new Set(["external-hostname", "api-server", "node-address"]);
function unresolvedConns(u) {
  if (u.conns !== void 0) return u.conns;
  const port = findAddresses(u.value).find((c) => c.port !== void 0 && /^\d+$/.test(c.port))?.port;
  const n = Number(port);
  return port !== void 0 && n >= 1 && n <= 65535 ? ConnectionSet.port("TCP", n) : void 0;
}
function connsAtDestination(reason, conns) {
  return reason === "api-server" && conns.allows("TCP", 443) ? conns.union(ConnectionSet.port("TCP", 6443)) : conns;
}
function apiServerCalls(cluster) {
  const out = /* @__PURE__ */ new Map();
  const add = (service, by, at) => {
    if (!service) return;
    const key = `${service.namespace || "default"}/${service.name}`;
    if (!out.has(key)) out.set(key, { by, at, port: service.port ?? 443 });
  };
  for (const o of cluster.objects) {
    if (o.kind === "APIService") add(o.object.spec?.service, `APIService ${o.object.metadata.name}`, originRef(o.origin, ["spec", "service"]));
    else if (o.kind === "ValidatingWebhookConfiguration" || o.kind === "MutatingWebhookConfiguration") {
      (o.object.webhooks ?? []).forEach((h, i) => add(h.clientConfig?.service, `${o.kind} ${o.object.metadata.name}`, originRef(o.origin, ["webhooks", i, "clientConfig", "service"])));
    }
  }
  return out;
}
function apiServerDetail(w, s) {
  const call = s.calledBy;
  const on = targetConns(
    s.ports.filter((p) => p.port === call.port),
    w.pods
  );
  return `the Kubernetes API server calls it (${call.by} names Service ${s.name}) on ${on.isEmpty ? `port ${call.port}, which the Service does not have` : on.toString()}, from the control plane's address, which the manifests do not hold`;
}
function calledOn(s, sp, w) {
  const target = targetConns([sp], w.pods);
  return s.headless ? target.union(ConnectionSet.port(sp.protocol ?? "TCP", sp.port)) : target;
}
function uncalledServices(w, services, reachedOn) {
  const gaps = [];
  let named = reachedOn;
  const partly = [];
  for (const s of services) {
    const conns = targetConns(s.ports, w.pods);
    if (conns.isEmpty) continue;
    if (s.ports.some((sp) => !calledOn(s, sp, w).intersect(reachedOn).isEmpty)) {
      partly.push(s);
      continue;
    }
    named = named.union(conns);
    if (s.calledBy) gaps.push({ direction: "ingress", workload: w.ref, reason: "no-ingress-source", detail: `${apiServerDetail(w, s)}; Service ${s.name} selects it on ${conns.toString()}`, at: s.calledBy.at, conns, close: CLOSE_INGRESS });
    else gaps.push({ direction: "ingress", workload: w.ref, reason: "no-ingress-source", detail: `Service ${s.name} selects it on ${conns.toString()}, but no manifest names a caller of that Service`, at: s.at, conns, close: CLOSE_INGRESS });
  }
  for (const s of partly) {
    s.ports.forEach((sp, i) => {
      if (s.headless && !ConnectionSet.port(sp.protocol ?? "TCP", sp.port).intersect(reachedOn).isEmpty) return;
      const conns = targetConns([sp], w.pods).subtract(named);
      if (conns.isEmpty) return;
      named = named.union(conns);
      const port = sp.name ? `${sp.name} (${sp.port})` : String(sp.port);
      gaps.push({ direction: "ingress", workload: w.ref, reason: "no-ingress-source", detail: `Service ${s.name} port ${port} selects it on ${conns.toString()}, but no manifest names a caller of that port`, at: s.portAt(i), conns, close: CLOSE_INGRESS });
    });
  }
  return gaps;
}
function frontEndGaps(cluster, topology) {
  const exposed = /* @__PURE__ */ new Set();
  const calls = /* @__PURE__ */ new Set();
  for (const l of topology.links) {
    if (l.dst.kind === "workload" && l.src.kind !== "workload") exposed.add(workloadKey(l.dst.ref));
    if (l.src.kind === "workload" && l.dst.kind === "workload") calls.add(workloadKey(l.src.ref));
  }
  for (const u of topology.unresolved) if (IN_CLUSTER_REASONS.has(u.reason)) calls.add(workloadKey(u.workload));
  return cluster.workloads.filter((w) => exposed.has(workloadKey(w.ref)) && !calls.has(workloadKey(w.ref))).map((w) => ({
    direction: "egress",
    workload: w.ref,
    reason: "no-egress-target",
    detail: "is reached from outside the cluster but no manifest names anything it calls in the cluster; a front end's upstreams, if any, are built into its image or code",
    at: originRef(w.origin, ["metadata", "name"]),
    conns: ConnectionSet.ALL,
    close: CLOSE_EGRESS
  }));
}

// src/topology/merge.ts
function linkOrigin(l) {
  const observed = l.evidence.some((e) => e.kind === "trace");
  const declared = l.evidence.some((e) => e.kind !== "trace");
  return observed && declared ? "both" : observed ? "observed" : "declared";
}
var pairKey = (src, dst) => `${peerKey(src)}\0${peerKey(dst)}`;
function mergeLinks(...lists) {
  const map = /* @__PURE__ */ new Map();
  for (const list of lists) {
    for (const l of list) {
      const k = pairKey(l.src, l.dst);
      const cur = map.get(k);
      if (cur) {
        cur.conns = cur.conns.union(l.conns);
        for (const e of l.evidence) if (!cur.evidence.some((x) => JSON.stringify(x) === JSON.stringify(e))) cur.evidence.push(e);
      } else map.set(k, { src: l.src, dst: l.dst, conns: l.conns, evidence: [...l.evidence] });
    }
  }
  return [...map.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, l]) => l);
}
function compareDeclaredObserved(declared, observed) {
  const index = (ls) => new Map(mergeLinks(ls).map((l) => [pairKey(l.src, l.dst), l]));
  const d = index(declared);
  const o = index(observed);
  const gaps = (from, other) => {
    const out = [];
    for (const [k, l] of [...from.entries()].sort(([a], [b]) => compareStrings(a, b))) {
      const missing = l.conns.subtract(other.get(k)?.conns ?? ConnectionSet.NONE);
      if (!missing.isEmpty) out.push({ src: l.src, dst: l.dst, conns: missing, evidence: l.evidence });
    }
    return out;
  };
  return { observedNotDeclared: gaps(o, d), declaredNotObserved: gaps(d, o) };
}

// src/topology/traffic/alias-match.ts
function aliasFor(aliases, addr) {
  let best;
  for (const a of aliases) {
    for (const r of a.ranges) {
      if (r.family === addr.family && rangeContains(r, addr) && (!best || r.hi - r.lo < best.range.hi - best.range.lo)) best = { alias: a.name, range: r };
    }
  }
  return best;
}

// src/topology/traffic/pods.ts
var DNS_NAMES = /* @__PURE__ */ new Set(["kube-dns", "coredns"]);
var DNS_NAMESPACE = "kube-system";
var POD_SUFFIX = {
  Deployment: /^[a-z0-9]{1,10}-[a-z0-9]{5}$/,
  ReplicaSet: /^[a-z0-9]{5}$/,
  ReplicationController: /^[a-z0-9]{5}$/,
  DaemonSet: /^[a-z0-9]{5}$/,
  Job: /^[a-z0-9]{5}$/,
  StatefulSet: /^\d+$/,
  CronJob: /^\d+-[a-z0-9]{5}$/
};
var OWNER_SUFFIX = { Deployment: /^[a-z0-9]{1,10}$/, CronJob: /^\d+$/ };
function pick(ws, kind) {
  return ws.find((w) => w.ref.kind === kind) ?? ws.find((w) => w.ref.kind !== "Pod") ?? ws[0];
}
var INGRESS_CONTROLLERS = /* @__PURE__ */ new Set(["ingress-nginx", "nginx-ingress", "traefik", "haproxy-ingress", "kubernetes-ingress", "contour", "kong", "istio-ingressgateway", "emissary-ingress"]);
function isIngressControllerPod(labels2) {
  const name = labels2?.["app.kubernetes.io/name"] ?? labels2?.app;
  return name !== void 0 && INGRESS_CONTROLLERS.has(name);
}
function isDnsPod(labels2, name) {
  return labels2?.["k8s-app"] === "kube-dns" || name !== void 0 && /^(coredns|kube-dns)-/.test(name);
}
function targetPorts(sp, w) {
  const t = sp.targetPort ?? sp.port;
  if (typeof t === "number" || /^\d+$/.test(t)) return [Number(t)];
  const protocol2 = sp.protocol ?? "TCP";
  return [...new Set(w.pods.flatMap((p) => p.ports.filter((cp) => cp.name === t && cp.protocol === protocol2).map((cp) => cp.port)))].sort((a, b) => a - b);
}

// src/topology/traffic/snapshot-model.ts
var EMPTY_SNAPSHOT = { pods: [], services: [], namespaces: [], nodeIps: [] };

// src/topology/traffic/resolve.ts
var GENERATED_KEYS = /* @__PURE__ */ new Set([...JOB_NAME_LABELS, ...CONTROLLER_UID_LABELS]);
function portableBasis(basis) {
  return { workloads: basis.workloads.map((w) => ({ ref: w.ref, pods: w.pods.map((p) => ({ labels: p.labels, ports: p.ports })) })), services: basis.services };
}
function bump(f, e) {
  f.count++;
  if (e.time !== void 0) {
    if (f.first === void 0 || earlier(e.time, f.first)) f.first = e.time;
    if (f.last === void 0 || earlier(f.last, e.time)) f.last = e.time;
  }
}
function isLoopback(r) {
  return r.family === 4 ? r.lo >> 24n === 127n : r.lo === 1n;
}
var TrafficResolver = class {
  constructor(basis, snapshot = EMPTY_SNAPSHOT, aliases = []) {
    this.snapshot = snapshot;
    this.aliases = aliases;
    this.basisWorkloads = basis.workloads;
    for (const w of basis.workloads) {
      for (const [index, k] of [
        [this.byNamespace, w.ref.namespace],
        [this.byName, `${w.ref.namespace}/${w.ref.name}`]
      ]) {
        const list = index.get(k);
        if (list) list.push(w);
        else index.set(k, [w]);
      }
    }
    for (const s of basis.services) {
      const info = { key: `${s.namespace}/${s.name}`, ports: s.ports, namespace: s.namespace, selector: s.selector };
      this.services.set(info.key, info);
      for (const ip of s.clusterIps) this.ipIndex.set(ip, { service: info });
    }
    for (const s of snapshot.services) {
      const key = `${s.namespace}/${s.name}`;
      const info = this.services.get(key) ?? { key, ports: s.ports, namespace: s.namespace, selector: s.selector };
      if (!this.services.has(key)) this.services.set(key, info);
      for (const ip of s.clusterIps) this.ipIndex.set(ip, { service: info });
    }
    for (const p of snapshot.pods) {
      this.podIndex.set(`${p.namespace}/${p.name}`, p);
      if (!p.hostNetwork) for (const ip of p.ips) this.ipIndex.set(ip, { pod: p });
    }
    this.nodeIps = new Set(snapshot.nodeIps);
  }
  snapshot;
  aliases;
  basisWorkloads;
  byNamespace = /* @__PURE__ */ new Map();
  byName = /* @__PURE__ */ new Map();
  services = /* @__PURE__ */ new Map();
  ipIndex = /* @__PURE__ */ new Map();
  podIndex = /* @__PURE__ */ new Map();
  nodeIps;
  flows = /* @__PURE__ */ new Map();
  pending = /* @__PURE__ */ new Map();
  /**
   * The plans of the file being read, by source then destination (a Map per source: the
   * identity hash of a cached resolution is the cheapest key there is), then by (protocol, port):
   * most pairs see one port, kept without a Map. Cleared when the next file starts, since a
   * plan's flows carry their file.
   */
  plans = /* @__PURE__ */ new Map();
  plansFile;
  current;
  counts = { starts: 0, closes: 0, loopback: 0, nodeLocal: 0, dns: 0, sameWorkload: 0, skipped: 0, malformed: 0, unknown: 0 };
  files = /* @__PURE__ */ new Set();
  /** One warning per Service port the Service does not declare, in the order they were first seen. */
  warned = /* @__PURE__ */ new Map();
  selectWorkloads(ns, selector) {
    if (!selector || Object.keys(selector).length === 0) return [];
    return (this.byNamespace.get(ns) ?? []).filter((w) => w.pods.some((p) => selectorMatches({ matchLabels: selector }, p.labels)));
  }
  /** Counts lines the readers skipped, so the summary tells the whole story. */
  noteLine(kind) {
    this.counts[kind]++;
  }
  /** A trace file being read (for the summary's file count). */
  noteFile(file) {
    this.files.add(file);
  }
  add(file, e) {
    if (e.phase === "close") {
      this.counts.closes++;
      return;
    }
    this.counts.starts++;
    const src = this.resolve(e.src, e);
    const dst = this.resolve(e.dst, e);
    if (src.kind === "loopback" || dst.kind === "loopback" || e.src.addr !== void 0 && e.src.addr === e.dst.addr) {
      this.counts.loopback++;
      return;
    }
    if (src.kind === "node" || e.dst.hostIp !== void 0 && e.src.addr === e.dst.hostIp) {
      this.counts.nodeLocal++;
      return;
    }
    if (dst.kind === "dns" || dst.kind === "node" && e.port === 53) {
      this.counts.dns++;
      return;
    }
    if (file !== this.plansFile) {
      this.plans.clear();
      this.plansFile = file;
    }
    let byDst = this.plans.get(src);
    if (!byDst) this.plans.set(src, byDst = /* @__PURE__ */ new Map());
    const pair = byDst.get(dst);
    const portKey = (e.proto === "TCP" ? 0 : e.proto === "UDP" ? 1 : 2) * 65536 + e.port;
    const known = pair === void 0 ? void 0 : pair.first.portKey === portKey ? pair.first : pair.more?.get(portKey);
    if (known) {
      for (let j = 0; j < known.flows.length; j++) bump(known.flows[j], e);
      for (let j = 0; j < known.pending.length; j++) known.pending[j].count++;
      this.counts.sameWorkload += known.same;
      return;
    }
    const plan = { portKey, flows: [], pending: [], same: 0 };
    this.current = plan;
    this.decide(file, e, src, dst);
    this.current = void 0;
    if (pair === void 0) byDst.set(dst, { first: plan });
    else (pair.more ??= /* @__PURE__ */ new Map()).set(portKey, plan);
  }
  sameWorkload() {
    this.counts.sameWorkload++;
    if (this.current) this.current.same++;
  }
  decide(file, e, src, dst) {
    const proto = e.proto;
    if (src.kind !== "peer") {
      const text2 = src.kind === "unresolved" ? src.text : src.kind === "service" ? `Service ${src.key}` : src.kind === "dns" && src.text !== void 0 ? src.text : endpointText(e.src);
      this.unresolved(file, e, text2, dst, src.kind === "unresolved" ? src.reason : "unknown-service", src.kind === "unresolved" ? src.detail : "a Service as a source");
      return;
    }
    if (dst.kind === "node") {
      this.unresolved(file, e, peerKey(src.peer), { kind: "unresolved", text: `${endpointText(e.dst)}`, reason: "external-address", detail: "a node address (host network)" }, "external-address", "a node address (host network)");
      return;
    }
    if (dst.kind === "unresolved") {
      this.unresolved(file, e, peerKey(src.peer), dst, dst.reason, dst.detail);
      return;
    }
    if (dst.kind === "peer") {
      if (src.workload && src.workload === dst.workload) {
        this.sameWorkload();
        return;
      }
      this.flow(file, e, src, dst, proto, e.port, dst.alias ? `to alias ${dst.alias}` : src.alias ? `from alias ${src.alias}` : "");
      return;
    }
    if (dst.kind !== "service") return;
    const sp = dst.ports.find((p) => p.port === e.port && (p.protocol ?? "TCP") === proto);
    if (dst.workloads.length === 0) {
      this.unresolved(file, e, peerKey(src.peer), { kind: "unresolved", text: `Service ${dst.key}`, reason: "unknown-service", detail: "" }, "unknown-service", `Service ${dst.key} selects no workload in the manifests`);
      return;
    }
    if (!sp) {
      const k = `${dst.key}:${proto}/${e.port}`;
      if (!this.warned.has(k)) {
        this.warned.set(k, diag(Codes.traceServicePort, "warning", `traffic to Service ${dst.key} on ${proto} ${e.port}, a port the Service does not declare; kept for review`, { file, doc: 0, line: e.line }));
      }
      this.unresolved(file, e, peerKey(src.peer), { kind: "unresolved", text: `Service ${dst.key}`, reason: "no-service-port", detail: "" }, "no-service-port", `Service ${dst.key} has no ${proto} port ${e.port}`);
      return;
    }
    for (const w of dst.workloads) {
      if (src.workload === w) {
        this.sameWorkload();
        continue;
      }
      const to = this.workloadPeer(w);
      for (const target of targetPorts(sp, w)) this.flow(file, e, src, to, proto, target, `via Service ${dst.key}:${e.port}`);
    }
  }
  workloadPeers = /* @__PURE__ */ new Map();
  otherPeers = /* @__PURE__ */ new Map();
  /**
   * One resolution object per workload: every pod of a workload resolves to the same object, so
   * the per-(source, destination) decisions are made once per workload pair, not per pod pair.
   */
  workloadPeer(w) {
    let p = this.workloadPeers.get(w);
    if (!p) this.workloadPeers.set(w, p = peerOf({ kind: "workload", ref: w.ref }, w));
    return p;
  }
  servicePeers = /* @__PURE__ */ new Map();
  servicePeer(svc) {
    let r = this.servicePeers.get(svc);
    if (!r) this.servicePeers.set(svc, r = { kind: "service", key: svc.key, ports: svc.ports, workloads: this.selectWorkloads(svc.namespace, svc.selector) });
    return r;
  }
  canonical(peer, alias) {
    const key = `${peerKey(peer)}|${alias ?? ""}`;
    let p = this.otherPeers.get(key);
    if (!p) this.otherPeers.set(key, p = peerOf(peer, void 0, alias));
    return p;
  }
  flow(file, e, from, to, proto, port, via) {
    const src = from.peer;
    const dst = to.peer;
    const key = `${from.key}\0${to.key}\0${proto}${port}\0${file}\0${via}`;
    let cur = this.flows.get(key);
    if (cur) bump(cur, e);
    else this.flows.set(key, cur = { src, dst, proto, port, file, line: e.line, count: 1, ...e.time !== void 0 ? { first: e.time, last: e.time } : {}, via });
    this.current?.flows.push(cur);
  }
  unresolved(file, e, src, dst, reason, detail) {
    const dstText = dst.kind === "unresolved" ? dst.text : dst.kind === "peer" ? peerKey(dst.peer) : dst.kind === "service" ? `Service ${dst.key}` : endpointText(e.dst);
    const key = `${src}\0${dstText}\0${e.proto}\0${e.port}\0${reason}\0${file}`;
    let cur = this.pending.get(key);
    if (cur) cur.count++;
    else this.pending.set(key, cur = { src, dst: dstText, proto: e.proto, port: e.port, reason, detail, file, line: e.line, count: 1 });
    this.current?.pending.push(cur);
  }
  /** Named endpoints by kind (and DNS port or not), namespace and pod/Service name (or owner): no string is built per event. */
  byIdentity = /* @__PURE__ */ new Map();
  /** The common case (a pod, not a DNS lookup), one lookup less. */
  pods = /* @__PURE__ */ new Map();
  byAddr = /* @__PURE__ */ new Map();
  /**
   * Cached per endpoint identity. A named pod resolves by name alone, as the first event that
   * names it describes it (its owner, labels); its address is not part of the key: a long trace of
   * one pod costs one entry whatever its ports and IPs. The cache holds one entry per pod, Service
   * and address seen. Other endpoints resolve by a key that holds every field their resolution
   * reads. (Two threads reading two halves of a trace may see a name first with other metadata:
   * `sameNamedResolutions` checks that they resolved it alike.)
   */
  resolve(ep, e) {
    const variant = e.port === 53 ? ep.kind === "pod" ? "pod53" : ep.kind === "svc" ? "svc53" : "x53" : ep.kind;
    const id = ep.name ?? (ep.owner !== void 0 ? `owner:${ep.owner}` : void 0);
    if ((ep.kind === "pod" || ep.kind === "svc") && ep.namespace !== void 0 && id !== void 0) {
      let byNs = variant === "pod" ? this.pods : this.byIdentity.get(variant);
      if (!byNs) this.byIdentity.set(variant, byNs = /* @__PURE__ */ new Map());
      let byName = byNs.get(ep.namespace);
      if (!byName) byNs.set(ep.namespace, byName = /* @__PURE__ */ new Map());
      let r2 = byName.get(id);
      if (!r2) {
        r2 = this.resolveUncached({ ...ep, addr: void 0 }, e.port);
        if (r2.kind === "dns") r2 = { kind: "dns", text: endpointText(ep) };
        byName.set(id, r2);
      }
      if (r2.kind !== "unresolved" || ep.addr === void 0 || !this.ipIndex.has(ep.addr)) return r2;
    }
    const addrOnly = ep.addr !== void 0 && ep.name === void 0 && ep.owner === void 0 && !(ep.kind === "pod" && ep.namespace && ep.labels);
    const key = addrOnly ? ep.addr : `${ep.namespace ?? ""}|${ep.name ?? ""}|${ep.owner ?? ""}|${ep.addr ?? ""}|${ep.name || ep.owner ? "" : labelsKey(ep.labels)}`;
    let byKey = this.byAddr.get(variant);
    if (!byKey) this.byAddr.set(variant, byKey = /* @__PURE__ */ new Map());
    let r = byKey.get(key);
    if (!r) {
      r = this.resolveUncached(ep, e.port);
      byKey.set(key, r);
    }
    return r;
  }
  resolveUncached(ep, port) {
    const range = ep.addr !== void 0 ? parseCidr(ep.addr) : void 0;
    if (range && isLoopback(range)) return { kind: "loopback" };
    if (ep.addr !== void 0 && this.nodeIps.has(ep.addr)) return { kind: "node" };
    if (ep.kind === "svc" && ep.namespace && ep.name) {
      if (port === 53 && ep.namespace === DNS_NAMESPACE && DNS_NAMES.has(ep.name)) return { kind: "dns" };
      const svc = this.services.get(`${ep.namespace}/${ep.name}`);
      if (svc) return this.servicePeer(svc);
      return { kind: "unresolved", text: `Service ${ep.namespace}/${ep.name}`, reason: "unknown-service", detail: `Service ${ep.namespace}/${ep.name} is not in the manifests or the snapshot` };
    }
    if (ep.kind === "pod" && ep.namespace && (ep.name || ep.owner || ep.labels)) {
      if (port === 53 && ep.namespace === DNS_NAMESPACE && isDnsPod(ep.labels, ep.name)) return { kind: "dns" };
      const w = this.podWorkload(ep.namespace, ep.name, ep.owner, ep.ownerKind, ep.labels);
      if (w) return this.workloadPeer(w);
      if (isIngressControllerPod(ep.labels ?? this.podIndex.get(`${ep.namespace}/${ep.name ?? ""}`)?.labels)) return this.canonical({ kind: "ingress-controller" });
      if (!ep.addr || !this.ipIndex.has(ep.addr)) {
        const text2 = `pod ${ep.namespace}/${ep.name ?? ep.owner ?? "?"}`;
        return { kind: "unresolved", text: text2, reason: "unknown-pod", detail: `${text2} belongs to no workload of the manifests` };
      }
    }
    if (ep.addr !== void 0) {
      const hit = this.ipIndex.get(ep.addr);
      if (hit?.service) {
        const [ns, name] = hit.service.key.split("/");
        if (port === 53 && ns === DNS_NAMESPACE && DNS_NAMES.has(name)) return { kind: "dns" };
        return this.servicePeer(hit.service);
      }
      if (hit?.pod) {
        const p = hit.pod;
        if (port === 53 && p.namespace === DNS_NAMESPACE && isDnsPod(p.labels, p.name)) return { kind: "dns" };
        const w = this.podWorkload(p.namespace, p.name, p.owner?.name, p.owner?.kind, p.labels);
        if (w) return this.workloadPeer(w);
        if (isIngressControllerPod(p.labels)) return this.canonical({ kind: "ingress-controller" });
        return { kind: "unresolved", text: `pod ${p.namespace}/${p.name}`, reason: "unknown-pod", detail: `pod ${p.namespace}/${p.name} (${ep.addr}) belongs to no workload of the manifests` };
      }
      if (!range) return { kind: "unresolved", text: ep.addr, reason: "external-address", detail: `${JSON.stringify(ep.addr)} is not an IP address` };
      const alias = aliasFor(this.aliases, range);
      if (alias) return this.canonical({ kind: "external", range: alias.range }, alias.alias);
      return { kind: "unresolved", text: `${formatRange(range)}[External]`, reason: "external-address", detail: `${ep.addr} is no pod or Service of the snapshot and in no --cidr-aliases block` };
    }
    return { kind: "unresolved", text: endpointText(ep), reason: "unknown-pod", detail: "no address and no Kubernetes name in the event" };
  }
  /** The manifests' workload a pod belongs to: its owner (folded: ReplicaSet -> Deployment, Job -> CronJob), its name, else its labels. */
  podWorkload(ns, podName, owner, ownerKind, labels2) {
    const snap = podName ? this.podIndex.get(`${ns}/${podName}`) : void 0;
    for (const [o, kind] of [
      [owner, ownerKind],
      [snap?.owner?.name, snap?.owner?.kind]
    ]) {
      if (!o) continue;
      const exact = this.byName.get(`${ns}/${o}`);
      if (exact) return pick(exact, kind);
      const folded = this.byPrefix(ns, o, OWNER_SUFFIX);
      if (folded) return folded;
    }
    if (podName) {
      const exact = this.byName.get(`${ns}/${podName}`)?.find((w) => w.ref.kind === "Pod");
      if (exact) return exact;
      const named = this.byPrefix(ns, podName, POD_SUFFIX);
      if (named) return named;
    }
    const l = labels2 ?? snap?.labels;
    if (l && Object.keys(l).length > 0) {
      const carries = (k, v) => {
        const has = Object.prototype.hasOwnProperty.call(l, k);
        if (!has) return GENERATED_KEYS.has(k);
        return v === UNKNOWN_VALUE || l[k] === v;
      };
      const matches = (this.byNamespace.get(ns) ?? []).filter((w) => w.pods.some((p) => Object.keys(p.labels).length > 0 && Object.entries(p.labels).every(([k, v]) => carries(k, v))));
      if (matches.length === 1) return matches[0];
    }
    return void 0;
  }
  /** `<workload>-<suffix>` where the suffix is what the workload's kind adds; the longest workload name wins. */
  byPrefix(ns, name, suffixes) {
    for (let i = name.lastIndexOf("-"); i > 0; i = name.lastIndexOf("-", i - 1)) {
      const cands = this.byName.get(`${ns}/${name.slice(0, i)}`);
      const rest = name.slice(i + 1);
      const hit = cands?.find((w) => suffixes[w.ref.kind]?.test(rest));
      if (hit) return hit;
    }
    return void 0;
  }
  /** What this resolver read, as plain data (a worker thread's answer): see `absorb`. */
  partial() {
    const named = [];
    for (const [variant, byNs] of [["pod", this.pods], ...this.byIdentity]) {
      for (const [ns, byName] of byNs) for (const [id, r] of byName) named.push([`${variant}\0${ns}\0${id}`, resolvedKey(r)]);
    }
    return { flows: [...this.flows], pending: [...this.pending], counts: { ...this.counts }, files: [...this.files], warned: [...this.warned], named };
  }
  /**
   * Whether the other resolver resolved every name it shares with this one as this one did. A name
   * resolves as the first event naming it describes the pod; an event of the other part naming it
   * first with other metadata (another owner, other labels) may resolve it otherwise, and then
   * the parts cannot be merged into what one read gives.
   */
  sameNamedResolutions(p) {
    for (const [key, resolved] of p.named) {
      const [variant, ns, id] = key.split("\0");
      const mine = (variant === "pod" ? this.pods : this.byIdentity.get(variant))?.get(ns)?.get(id);
      if (mine !== void 0 && resolvedKey(mine) !== resolved) return false;
    }
    return true;
  }
  /**
   * Adds what another resolver read from the lines right after the ones read here, as if this one
   * had read them: counts add; a flow or unresolved observation seen on both sides keeps this
   * side's first line, the earliest first and the latest last time; one seen only there comes after
   * this side's, in its order, its lines shifted by `lineOffset` (the other side counted its lines
   * from 1); a Service port warned about on both sides is warned once, here. Resolution depends
   * on nothing but the event (see `resolve`), so both sides decide every event as one would.
   */
  absorb(p, lineOffset) {
    for (const [key, f] of p.flows) {
      const cur = this.flows.get(key);
      if (!cur) this.flows.set(key, { ...f, src: this.samePeer(f.src), dst: this.samePeer(f.dst), line: f.line + lineOffset });
      else {
        cur.count += f.count;
        if (f.first !== void 0 && (cur.first === void 0 || earlier(f.first, cur.first))) cur.first = f.first;
        if (f.last !== void 0 && (cur.last === void 0 || earlier(cur.last, f.last))) cur.last = f.last;
      }
    }
    for (const [key, u] of p.pending) {
      const cur = this.pending.get(key);
      if (cur) cur.count += u.count;
      else this.pending.set(key, { ...u, line: u.line + lineOffset });
    }
    for (const k of Object.keys(this.counts)) this.counts[k] += p.counts[k];
    for (const f of p.files) this.files.add(f);
    for (const [key, d] of p.warned) if (!this.warned.has(key)) this.warned.set(key, d.at?.line !== void 0 ? { ...d, at: { ...d.at, line: d.at.line + lineOffset } } : d);
  }
  workloadByKey;
  /** This resolver's own peer for a copy from another thread (workload references are this side's objects). */
  samePeer(peer) {
    if (peer.kind !== "workload") return peer;
    this.workloadByKey ??= new Map(this.basisWorkloads.map((w2) => [peerKey({ kind: "workload", ref: w2.ref }), w2]));
    const w = this.workloadByKey.get(peerKey(peer));
    return w ? this.workloadPeer(w).peer : peer;
  }
  finish() {
    const byPair = /* @__PURE__ */ new Map();
    const flows = [...this.flows.values()].sort((a, b) => compareText(a.file, b.file) || a.line - b.line || compareText(a.proto, b.proto) || a.port - b.port);
    for (const f of flows) {
      const key = `${peerKey(f.src)}\0${peerKey(f.dst)}`;
      const conns = ConnectionSet.port(f.proto, f.port);
      const ev = { kind: "trace", event: `${f.proto} ${f.port}${f.via ? ` ${f.via}` : ""}`, file: f.file, line: f.line, count: f.count, ...f.first !== void 0 ? { firstSeen: f.first, lastSeen: f.last } : {} };
      const cur = byPair.get(key);
      if (cur) {
        cur.conns = cur.conns.union(conns);
        cur.evidence.push(ev);
      } else byPair.set(key, { src: f.src, dst: f.dst, conns, evidence: [ev] });
    }
    const links = [...byPair.entries()].sort(([a], [b]) => compareText(a, b)).map(([, l]) => l);
    const unresolved = [...this.pending.values()].map((u) => ({ src: u.src, dst: u.dst, conns: ConnectionSet.port(u.proto, u.port), reason: u.reason, detail: u.detail, file: u.file, line: u.line, count: u.count })).sort((a, b) => compareText(a.src, b.src) || compareText(a.dst, b.dst) || compareText(a.conns.toString(), b.conns.toString()) || compareText(a.file, b.file) || a.line - b.line);
    const summary = { files: this.files.size, ...this.counts };
    const diagnostics = [...this.warned.values()];
    const noise = summaryText(summary);
    if (noise) diagnostics.push(diag(Codes.trafficFiltered, "info", noise));
    return { value: { links, unresolved, summary }, diagnostics };
  }
};
function summaryText(s) {
  const parts = [
    [s.loopback, "loopback"],
    [s.nodeLocal, "node-local (kubelet probes)"],
    [s.dns, "DNS (synthesize allows DNS itself)"],
    [s.sameWorkload, "within one workload"]
  ].filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  const lines = [s.skipped > 0 ? `${s.skipped} skipped` : "", s.malformed > 0 ? `${s.malformed} malformed` : "", s.unknown > 0 ? `${s.unknown} unreadable` : ""].filter(Boolean);
  return `traffic: ${s.starts} connection starts read${s.closes > 0 ? ` (${s.closes} closes ignored)` : ""}; filtered ${parts.length > 0 ? parts.join(", ") : "nothing"}${lines.length > 0 ? `; lines ${lines.join(", ")}` : ""}`;
}
function peerOf(peer, workload, alias) {
  return { kind: "peer", peer, key: peerKey(peer), ...workload ? { workload } : {}, ...alias ? { alias } : {} };
}
function resolvedKey(r) {
  switch (r.kind) {
    case "peer":
      return `peer\0${r.key}\0${r.alias ?? ""}`;
    case "service":
      return `service\0${r.key}`;
    case "unresolved":
      return `unresolved\0${r.text}\0${r.reason}\0${r.detail}`;
    case "dns":
      return `dns\0${r.text ?? ""}`;
    default:
      return r.kind;
  }
}
function endpointText(ep) {
  if (ep.namespace && ep.name) return `${ep.kind === "svc" ? "Service" : "pod"} ${ep.namespace}/${ep.name}`;
  return ep.addr ?? "?";
}
function earlier(a, b) {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na !== nb) return na;
  if (na && a.length !== b.length) return a.length < b.length;
  return a < b;
}
function labelsKey(labels2) {
  return labels2 === void 0 ? "-" : JSON.stringify(Object.entries(labels2).sort(([a], [b]) => compareText(a, b)));
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/topology/traffic/aliases.ts
var AliasFile = external_exports.record(external_exports.string(), external_exports.unknown());
function valueKind(v) {
  if (v === null || v === void 0) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "a map" : `a ${typeof v}`;
}
function parseCidrAliases(file, text2) {
  const parsed = parseManifestFile({ path: file, text: text2 });
  const doc = parsed.documents[0];
  if (!doc || parsed.diagnostics.some((d) => d.severity === "error")) return { aliases: [], diagnostics: parsed.diagnostics.length > 0 ? parsed.diagnostics : [diag(Codes.invalidField, "error", "empty CIDR aliases file", { file, doc: 1, line: 1 })] };
  const invalid = (message, at) => diag(Codes.invalidField, "error", `${message} (expected name: CIDR or name: [CIDR, ...])`, locate(doc, at));
  const r = AliasFile.safeParse(doc.value);
  if (!r.success) return { aliases: [], diagnostics: r.error.issues.map((i) => invalid(i.message, i.path.filter((p) => typeof p !== "symbol"))) };
  const aliases = [];
  const diagnostics = [];
  for (const [name, raw] of Object.entries(r.data)) {
    if (name.trim() === "") {
      diagnostics.push(invalid("an alias needs a name", [name]));
      continue;
    }
    if (typeof raw !== "string" && !Array.isArray(raw)) {
      diagnostics.push(invalid(`${valueKind(raw)}, not a CIDR`, [name]));
      continue;
    }
    const list = typeof raw === "string" ? [raw] : raw;
    const ranges = [];
    list.forEach((c, i) => {
      const at = locate(doc, typeof raw === "string" ? [name] : [name, i]);
      const range = typeof c === "string" ? parseCidr(c) : void 0;
      if (range) ranges.push(range);
      else diagnostics.push(diag(Codes.invalidCidr, "error", `not a CIDR: ${typeof c === "string" ? JSON.stringify(c) : valueKind(c)}`, at));
    });
    aliases.push({ name, ranges });
  }
  return { aliases, diagnostics };
}

// src/topology/traffic/events.ts
function endpoint(kind, f) {
  return { kind, addr: f.addr, namespace: f.namespace, name: f.name, owner: f.owner, ownerKind: f.ownerKind, labels: f.labels, hostNetwork: f.hostNetwork, hostIp: f.hostIp };
}

// src/topology/traffic/formats.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function field(o, path) {
  if (path in o) return o[path];
  const dot = path.indexOf(".");
  if (dot < 0) return void 0;
  for (let i = dot; i >= 0; i = path.indexOf(".", i + 1)) {
    const head = o[path.slice(0, i)];
    if (isObject(head)) {
      const v = field(head, path.slice(i + 1));
      if (v !== void 0) return v;
    }
  }
  return void 0;
}
function str(o, a, b, c, d, e) {
  let v = field(o, a);
  if (typeof v === "string" && v !== "") return v;
  for (const p of [b, c, d, e]) {
    if (p === void 0) return void 0;
    v = field(o, p);
    if (typeof v === "string" && v !== "") return v;
  }
  return void 0;
}
var num = (o, path) => {
  const v = field(o, path);
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : void 0;
  return n !== void 0 && Number.isInteger(n) ? n : void 0;
};
function labels(v) {
  if (isObject(v)) return v;
  if (typeof v === "string" && v !== "") {
    const out = {};
    for (const pair of v.split(",")) {
      const eq = pair.indexOf("=");
      if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    return out;
  }
  return void 0;
}
function protocol(v) {
  if (v === void 0 || v === "") return "TCP";
  if (v === 6) return "TCP";
  if (v === 17) return "UDP";
  if (v === 132) return "SCTP";
  if (v === "tcp" || v === "TCP") return "TCP";
  if (v === "udp" || v === "UDP") return "UDP";
  const p = typeof v === "string" ? v.toUpperCase() : void 0;
  return isProtocol(p) ? p : void 0;
}
function time(o) {
  const t = o.timestamp;
  return typeof t === "string" && t !== "" ? t : typeof t === "number" ? String(t) : void 0;
}
function nonNormal(o) {
  const t = o.type;
  if (t === "debug" || t === "info" || t === "warn" || t === "err") {
    const message = str(o, "message");
    return `${t} event${message ? ` (${message.slice(0, 80)})` : ""}`;
  }
  return void 0;
}
var event = (format, e) => ({ kind: "event", event: e, format });
function portOf(o, path) {
  const p = num(o, path);
  return p !== void 0 && p >= 1 && p <= 65535 ? p : "bad";
}
var advisorV1 = (o, line) => {
  const type = field(o, "type");
  if (type !== "connect" && type !== "accept" && type !== "close") return { kind: "skip", reason: `event type ${JSON.stringify(type)}`, format: "advisor-v1" };
  const local = endpoint("pod", {
    namespace: str(o, "local_pod_namespace"),
    name: str(o, "local_pod_name"),
    owner: str(o, "local_pod_owner"),
    labels: labels(field(o, "local_pod_labels"))
  });
  const remote = snakeRemote(o);
  if ("skip" in remote) return { kind: "skip", reason: remote.skip, format: "advisor-v1" };
  const port = portOf(o, "port");
  if (port === "bad") return { kind: "malformed", reason: `port ${JSON.stringify(field(o, "port"))} is not 1-65535` };
  const [src, dst] = type === "accept" ? [remote.ep, local] : [local, remote.ep];
  return event("advisor-v1", { line, src, dst, proto: "TCP", port, phase: type === "close" ? "close" : "start", time: time(o) });
};
function snakeRemote(o) {
  const kind = field(o, "remote_kind");
  const addr = str(o, "ip", "remote_other");
  if (kind === "pod") return { ep: endpoint("pod", { addr, namespace: str(o, "remote_pod_namespace"), name: str(o, "remote_pod_name"), labels: labels(field(o, "remote_pod_labels")) }) };
  if (kind === "svc") return { ep: endpoint("svc", { addr, namespace: str(o, "remote_svc_namespace"), name: str(o, "remote_svc_name") }) };
  if (kind === "other" && addr) return { ep: endpoint("raw", { addr }) };
  return { skip: `remote peer of unknown kind ${JSON.stringify(kind ?? null)}${addr ? ` at ${addr}` : ""} (a host-network or node peer)` };
}
var networkGraph = (o, line) => {
  const skipped = nonNormal(o);
  if (skipped) return { kind: "skip", reason: skipped, format: "network-graph" };
  const local = endpoint("pod", {
    addr: str(o, "pod_ip"),
    namespace: str(o, "namespace"),
    name: str(o, "pod"),
    owner: str(o, "pod_owner"),
    labels: labels(field(o, "pod_labels")),
    hostIp: str(o, "pod_host_ip")
  });
  const remote = snakeRemote(o);
  return packetEvent("network-graph", o, line, local, remote, field(o, "pkt_type"));
};
function packetEvent(format, o, line, local, remote, pktType) {
  if ("skip" in remote) return { kind: "skip", reason: remote.skip, format };
  if (pktType !== "HOST" && pktType !== "OUTGOING") return { kind: "skip", reason: `packet type ${JSON.stringify(pktType ?? null)}`, format };
  const proto = protocol(o.proto);
  if (!proto) return { kind: "malformed", reason: `unknown protocol ${JSON.stringify(o.proto)}` };
  const p = o.port;
  const port = typeof p === "number" && Number.isInteger(p) && p >= 1 && p <= 65535 ? p : portOf(o, "port");
  if (port === "bad") return { kind: "malformed", reason: `port ${JSON.stringify(o.port ?? null)} is not 1-65535` };
  const host = pktType === "HOST";
  return { kind: "event", format, event: { line, src: host ? remote.ep : local, dst: host ? local : remote.ep, proto, port, phase: "start", time: time(o) } };
}
var gadgetNetwork = (o, line) => {
  const skipped = nonNormal(o);
  if (skipped) return { kind: "skip", reason: skipped, format: "gadget-network" };
  const k8s = isObject(o.k8s) ? o.k8s : void 0;
  const local = endpoint("pod", {
    addr: text(o.podIP),
    namespace: text(o.namespace) ?? (k8s && text(k8s.namespace)),
    name: text(o.pod) ?? text(o.podName) ?? (k8s && (text(k8s.podName) ?? text(k8s.podname) ?? text(k8s.pod))),
    owner: text(o.podOwner) ?? (k8s && str(k8s, "owner.name")),
    labels: labels(o.podLabels ?? k8s?.podLabels),
    hostIp: text(o.podHostIP),
    hostNetwork: k8s?.hostNetwork === true ? true : void 0
  });
  return packetEvent("gadget-network", o, line, local, camelRemote(o), o.pktType);
};
var text = (v) => typeof v === "string" && v !== "" ? v : void 0;
function camelRemote(o) {
  const dst = o.dst;
  if (isObject(dst)) {
    const kind2 = dst.kind;
    const addr2 = text(dst.addr);
    const base = { addr: addr2, namespace: text(dst.namespace), name: text(dst.podname) ?? text(dst.name), labels: labels(dst.podlabels ?? dst.podLabels) };
    if (kind2 === "pod" || kind2 === "svc") return { ep: endpoint(kind2, base) };
    if (kind2 === "raw" && addr2) return { ep: endpoint("raw", { addr: addr2 }) };
    return { skip: `remote peer of unknown kind ${JSON.stringify(kind2 ?? null)}${addr2 ? ` at ${addr2}` : ""} (a host-network or node peer)` };
  }
  const kind = o.remoteKind;
  const addr = text(o.ip) ?? text(o.addr) ?? text(o.remoteAddr) ?? text(o.remoteOther);
  if (kind === "pod")
    return {
      ep: endpoint("pod", {
        addr,
        namespace: text(o.remotePodNamespace) ?? text(o.remoteNamespace),
        name: text(o.remotePodName) ?? text(o.remoteName),
        labels: labels(o.remotePodLabels ?? o.remoteLabels)
      })
    };
  if (kind === "svc") return { ep: endpoint("svc", { addr, namespace: text(o.remoteServiceNamespace) ?? text(o.remoteNamespace), name: text(o.remoteServiceName) ?? text(o.remoteName) }) };
  if ((kind === "other" || kind === "raw") && addr) return { ep: endpoint("raw", { addr }) };
  return { skip: `remote peer of unknown kind ${JSON.stringify(kind ?? null)}${addr ? ` at ${addr}` : ""} (a host-network or node peer)` };
}
function imageLocal(o, addrPath) {
  return endpoint("pod", {
    addr: addrPath ? str(o, addrPath) : void 0,
    namespace: str(o, "k8s.namespace"),
    name: str(o, "k8s.podName", "k8s.podname"),
    owner: str(o, "k8s.owner.name"),
    ownerKind: str(o, "k8s.owner.kind"),
    labels: labels(field(o, "k8s.podLabels")),
    hostNetwork: field(o, "k8s.hostnetwork") === true || field(o, "k8s.hostNetwork") === true ? true : void 0
  });
}
function imageEndpoint(o, base) {
  const kind = str(o, `${base}.k8s.kind`);
  return endpoint(kind === "pod" || kind === "svc" || kind === "raw" ? kind : "unknown", {
    addr: str(o, `${base}.addr`),
    namespace: str(o, `${base}.k8s.namespace`),
    name: str(o, `${base}.k8s.name`),
    labels: labels(field(o, `${base}.k8s.labels`))
  });
}
var adviseNetworkPolicy = (o, line) => {
  const local = imageLocal(o, "k8s.podIP");
  if (local.hostNetwork) return { kind: "skip", reason: "host-network pod", format: "advise-networkpolicy" };
  const remote = imageEndpoint(o, "endpoint");
  if (remote.kind === "unknown") return { kind: "skip", reason: `remote peer of unknown kind${remote.addr ? ` at ${remote.addr}` : ""}`, format: "advise-networkpolicy" };
  const proto = protocol(field(o, "endpoint.proto"));
  if (!proto) return { kind: "malformed", reason: `unknown protocol ${JSON.stringify(field(o, "endpoint.proto"))}` };
  const port = portOf(o, "endpoint.port");
  if (port === "bad") return { kind: "malformed", reason: `endpoint.port ${JSON.stringify(field(o, "endpoint.port") ?? null)} is not 1-65535` };
  const egress = field(o, "egress");
  const out = egress === 1 || egress === true || egress === "1" || egress === "true";
  const [src, dst] = out ? [local, remote] : [remote, local];
  return event("advise-networkpolicy", { line, src, dst, proto, port, phase: "start", time: time(o) });
};
var traceTcp = (o, line) => {
  const type = field(o, "type");
  if (type !== "connect" && type !== "accept" && type !== "close") {
    const skipped = nonNormal(o);
    return { kind: "skip", reason: skipped ?? `event type ${JSON.stringify(type ?? null)}`, format: "trace-tcp" };
  }
  const error = str(o, "error");
  if (error) return { kind: "skip", reason: `failed ${type} (${error})`, format: "trace-tcp" };
  const meta = imageLocal(o, void 0);
  if (meta.hostNetwork) return { kind: "skip", reason: "host-network pod", format: "trace-tcp" };
  const src = imageEndpoint(o, "src");
  const local = endpoint(meta.kind, { ...meta, addr: src.addr });
  const remote = imageEndpoint(o, "dst");
  const proto = protocol(field(o, "dst.proto"));
  if (!proto) return { kind: "malformed", reason: `unknown protocol ${JSON.stringify(field(o, "dst.proto"))}` };
  const port = portOf(o, type === "accept" ? "src.port" : "dst.port");
  if (port === "bad") return { kind: "malformed", reason: `${type === "accept" ? "src" : "dst"}.port is not 1-65535` };
  const [from, to] = type === "accept" ? [remote, local] : [local, remote];
  return event("trace-tcp", { line, src: from, dst: to, proto, port, phase: type === "close" ? "close" : "start", time: time(o) });
};
var JSON_READERS = {
  "advisor-v1": advisorV1,
  "network-graph": networkGraph,
  "gadget-network": gadgetNetwork,
  "advise-networkpolicy": adviseNetworkPolicy,
  "trace-tcp": traceTcp
};
function detectJsonFormat(o) {
  if ("local_pod_name" in o || "local_pod_namespace" in o || "remote_kind" in o && !("pkt_type" in o)) return "advisor-v1";
  if ("pkt_type" in o) return "network-graph";
  if ("pktType" in o || "remoteKind" in o) return "gadget-network";
  if (field(o, "egress") !== void 0 && field(o, "endpoint") !== void 0) return "advise-networkpolicy";
  if (field(o, "endpoint.addr") !== void 0) return "advise-networkpolicy";
  if (isObject(field(o, "src")) || field(o, "src.addr") !== void 0) return "trace-tcp";
  return void 0;
}
function readJsonEvent(text2, line, forced) {
  let o;
  try {
    o = JSON.parse(text2);
  } catch (e) {
    const merged = /\}\s*\{/.test(text2);
    return { kind: "malformed", reason: merged ? "two JSON events merged on one line" : `truncated or invalid JSON (${e.message.replace(/ in JSON at position \d+.*$/, "")})` };
  }
  if (!isObject(o)) return { kind: "unknown", reason: "a JSON value that is not an event object" };
  const format = forced ?? detectJsonFormat(o);
  if (!format) {
    const skipped = nonNormal(o);
    if (skipped) return { kind: "skip", reason: skipped };
    return { kind: "unknown", reason: "a JSON object of no known trace format" };
  }
  const reader = JSON_READERS[format];
  if (!reader) return { kind: "unknown", reason: `JSON, but --traffic-format ${format} is a text format` };
  if (forced && detectJsonFormat(o) !== forced) {
    const skipped = nonNormal(o);
    if (skipped) return { kind: "skip", reason: skipped };
    return { kind: "unknown", reason: `not a ${forced} event` };
  }
  return reader(o, line);
}

// src/topology/traffic/reader.ts
var TraceLineReader = class {
  constructor(forced, midFile = false) {
    this.forced = forced;
    this.sawContent = midFile;
  }
  forced;
  columns;
  /** Inside a top-level JSON array: the element being collected, and the scanner's state. */
  array;
  sawContent = false;
  /**
   * Reading from the middle of a file (the second part of a trace split between threads): the file
   * has content before, and no JSON array (the caller checks both), but whether a trace_tcp columns
   * header came before is not known. Lines are read as if none did, and `readAsIfNoHeader` says
   * whether a line's outcome depended on that.
   */
  readAsIfNoHeader = false;
  /** Whether a trace_tcp columns header has been read: rows after it are read under it. */
  get hasColumnsHeader() {
    return this.columns !== void 0;
  }
  /** One line (without its newline); returns what each complete event in it is. */
  push(text2, line) {
    const out = [];
    this.read(text2, line, (o) => out.push(o));
    return out;
  }
  /** As `push`, handing each outcome to `sink` (no array per line: the streaming path). */
  read(text2, line, sink) {
    const trimmed = text2.trim();
    if (!this.sawContent && trimmed !== "") {
      this.sawContent = true;
      if (/^\[\s*(\{|\]|$)/.test(trimmed) && this.forced !== "plain" && this.forced !== "trace-tcp-columns") {
        this.array = { depth: 0, inString: false, escaped: false, element: [], elementLine: line, done: false };
      }
    }
    if (this.array) {
      for (const o of this.pushArray(text2, line)) sink(o);
      return;
    }
    if (trimmed === "" || trimmed.startsWith("#")) return;
    if (trimmed.startsWith("{") && this.forced !== "plain" && this.forced !== "trace-tcp-columns") return sink(readJsonEvent(trimmed, line, this.forced));
    if (this.forced === void 0 || this.forced === "trace-tcp-columns") {
      const header = columnsHeader(trimmed);
      if (header) {
        this.columns = { names: header, line };
        return;
      }
      if (this.columns) return sink(columnsRow(trimmed, line, this.columns.names));
      this.readAsIfNoHeader = true;
    }
    if (this.forced === void 0 || this.forced === "plain") {
      const plain = plainLine(trimmed, line);
      if (plain) return sink(plain);
    }
    sink({ kind: "unknown", reason: this.forced ? `not a ${this.forced} line` : "not JSON, not a trace_tcp column row, not a connection line (src ip:port -> dst ip:port proto)" });
  }
  /** Call at the end of the file: a JSON array left open was cut short. */
  end() {
    const a = this.array;
    if (a && !a.done) return { kind: "malformed", reason: `the JSON array that starts here is not closed (truncated file?)` };
    return void 0;
  }
  /**
   * Whether a line starting with `{` is read on its own, one outcome per line: not inside a
   * JSON array (whose elements span lines). Before the first content line the answer is not yet
   * known (that line may open an array), so it is no.
   */
  get readsLineByLine() {
    return this.sawContent && this.array === void 0;
  }
  /** The first line of an unfinished array element, for `end()`'s report. */
  get openLine() {
    return this.array && !this.array.done ? this.array.elementLine : void 0;
  }
  pushArray(text2, line) {
    const a = this.array;
    const out = [];
    let start = a.depth >= 2 ? 0 : -1;
    for (let i = 0; i < text2.length; i++) {
      const c = text2[i];
      if (a.done) {
        if (c !== " " && c !== "	" && c !== "\r") {
          out.push({ kind: "malformed", reason: "text after the end of the JSON array" });
          break;
        }
        continue;
      }
      if (a.inString) {
        if (a.escaped) a.escaped = false;
        else if (c === "\\") a.escaped = true;
        else if (c === '"') a.inString = false;
        continue;
      }
      if (c === '"') a.inString = true;
      else if (c === "{" || c === "[") {
        a.depth++;
        if (a.depth === 2) {
          start = i;
          a.element = [];
          a.elementLine = line;
        }
      } else if (c === "}" || c === "]") {
        a.depth--;
        if (a.depth === 1) {
          a.element.push(text2.slice(start, i + 1));
          out.push(readJsonEvent(a.element.join("\n"), a.elementLine, this.forced));
          a.element = [];
          start = -1;
        } else if (a.depth === 0) a.done = true;
        else if (a.depth < 0) {
          out.push({ kind: "malformed", reason: "unbalanced JSON array" });
          a.done = true;
        }
      }
    }
    if (a.depth >= 2 && start >= 0) a.element.push(text2.slice(start));
    return out.length > 0 ? out : [{ kind: "none" }];
  }
};
function columnsHeader(line) {
  const names = line.split(/\s+/);
  return names.includes("SRC") && names.includes("DST") && names.includes("TYPE") && names.every((n) => /^[A-Z0-9_.]+$/.test(n)) ? names : void 0;
}
function endpointCell(cell) {
  const k8s = /^([ps])\/([^/\s]+)\/([^/\s:]+):(\d+)$/.exec(cell);
  if (k8s) return { ep: endpoint(k8s[1] === "p" ? "pod" : "svc", { namespace: k8s[2], name: k8s[3] }), port: Number(k8s[4]) };
  const hp = hostPort(cell);
  return hp ? { ep: endpoint("raw", { addr: hp.addr }), port: hp.port } : void 0;
}
function hostPort(text2) {
  const m = /^\[([0-9a-fA-F:.]+)\]:(\d+)$/.exec(text2) ?? /^(\d{1,3}(?:\.\d{1,3}){3}):(\d+)$/.exec(text2) ?? /^([0-9a-fA-F]*:[0-9a-fA-F:.]*):(\d+)$/.exec(text2);
  if (!m) return void 0;
  const port = Number(m[2]);
  return port >= 0 && port <= 65535 ? { addr: m[1], port } : void 0;
}
function columnsRow(line, lineNo, names) {
  const cells = line.split(/\s+/);
  if (cells.some((c) => c.includes("…"))) return { kind: "malformed", reason: "a cell cut short by the column width (…); use -o json" };
  if (cells.length !== names.length) return { kind: "malformed", reason: `${cells.length} cells under a header of ${names.length} columns` };
  const get = (n) => {
    const i = names.indexOf(n);
    return i >= 0 ? cells[i] : void 0;
  };
  const type = get("TYPE");
  if (type !== "connect" && type !== "accept" && type !== "close") return { kind: "skip", reason: `event type ${JSON.stringify(type)}`, format: "trace-tcp-columns" };
  const src = endpointCell(get("SRC") ?? "");
  const dst = endpointCell(get("DST") ?? "");
  if (!src || !dst) return { kind: "malformed", reason: `SRC/DST are not endpoints (p/NS/POD:PORT, s/NS/SVC:PORT or ADDR:PORT)` };
  const ns = get("K8S.NAMESPACE");
  const pod = get("K8S.PODNAME");
  const local = src.ep.kind === "raw" && ns && pod && ns !== "" ? endpoint("pod", { ...src.ep, namespace: ns, name: pod }) : src.ep;
  const port = type === "accept" ? src.port : dst.port;
  if (port < 1) return { kind: "malformed", reason: "port 0" };
  const time2 = get("TIMESTAMP");
  const [from, to] = type === "accept" ? [dst.ep, local] : [local, dst.ep];
  return { kind: "event", format: "trace-tcp-columns", event: { line: lineNo, src: from, dst: to, proto: "TCP", port, phase: type === "close" ? "close" : "start", ...time2 ? { time: time2 } : {} } };
}
var PLAIN = /^(?:(\S+)\s+)?(\S+)\s*(?:->|=>|→)\s*(\S+?)(?:\s+(tcp|udp|sctp))?$/i;
function plainLine(line, lineNo) {
  const m = PLAIN.exec(line);
  if (!m) return void 0;
  const src = hostPort(m[2]);
  const dst = hostPort(m[3]);
  if (!src || !dst) return void 0;
  if (dst.port < 1) return { kind: "malformed", reason: "destination port 0" };
  const proto = (m[4] ?? "tcp").toUpperCase();
  return { kind: "event", format: "plain", event: { line: lineNo, src: endpoint("raw", { addr: src.addr }), dst: endpoint("raw", { addr: dst.addr }), proto, port: dst.port, phase: "start", ...m[1] ? { time: m[1] } : {} } };
}

// src/topology/traffic/consumer.ts
var REPORT_LIMIT = 20;
var LineMemo = class _LineMemo {
  static CAPACITY = 1024;
  static PROBE = 256;
  static MIN_HIT_RATIO = 0.1;
  outcomes = /* @__PURE__ */ new Map();
  lookups = 0;
  hits = 0;
  previous = "";
  active = false;
  /** While off: turns on when `text` repeats the line before it. */
  watch(text2) {
    if (text2 === this.previous) this.active = true;
    else this.previous = text2;
  }
  get(text2) {
    const o = this.outcomes.get(text2);
    if (o !== void 0) this.hits++;
    if (++this.lookups === _LineMemo.PROBE) {
      if (this.hits < _LineMemo.PROBE * _LineMemo.MIN_HIT_RATIO) {
        this.active = false;
        this.outcomes.clear();
        this.previous = "";
      }
      this.lookups = 0;
      this.hits = 0;
    }
    return o;
  }
  set(text2, o) {
    if (!this.active) return;
    if (this.outcomes.size >= _LineMemo.CAPACITY) this.outcomes.clear();
    this.outcomes.set(text2, o);
  }
};
var TraceFileConsumer = class {
  constructor(file, resolver, diagnostics, forced, memo = true, midFile = false) {
    this.file = file;
    this.resolver = resolver;
    this.diagnostics = diagnostics;
    this.reader = new TraceLineReader(forced, midFile);
    this.memo = memo && forced !== "plain" && forced !== "trace-tcp-columns" ? new LineMemo() : void 0;
    resolver.noteFile(file);
  }
  file;
  resolver;
  diagnostics;
  reader;
  reported = /* @__PURE__ */ new Map();
  events = 0;
  memo;
  /** The last outcome read (one JSON line gives exactly one), for the memo. One sink for every line: a second one made the reader's call sites polymorphic, and the GC pacing of a 1M-line trace erratic. */
  last;
  sink = (o) => {
    this.last = o;
    this.take(o, this.at);
  };
  at = 0;
  line(text2, line) {
    this.at = line;
    const memo = this.memo;
    if (memo && text2.charCodeAt(0) === 123 && this.reader.readsLineByLine) {
      if (!memo.active) memo.watch(text2);
      if (memo.active) {
        const known = memo.get(text2);
        if (known) return this.take(known, line);
        this.last = void 0;
        this.reader.read(text2, line, this.sink);
        if (this.last) memo.set(text2, this.last);
        return;
      }
    }
    this.reader.read(text2, line, this.sink);
  }
  /** Whether `{` lines are read one per line (not inside a JSON array): see TraceLineReader. */
  get readsLineByLine() {
    return this.reader.readsLineByLine;
  }
  get hasColumnsHeader() {
    return this.reader.hasColumnsHeader;
  }
  get readAsIfNoHeader() {
    return this.reader.readAsIfNoHeader;
  }
  /** What this consumer reported and counted (the second reader's answer): see `absorb`. */
  partial() {
    return { diagnostics: this.diagnostics, reported: [...this.reported], events: this.events };
  }
  /**
   * Takes what the reader of the lines right after these reported, as if read here: its lines
   * shifted by `lineOffset`; per code, lines are shown up to the limit in line order, so its
   * reports come after these and only while the limit is not reached.
   */
  absorb(part, lineOffset) {
    const shown = /* @__PURE__ */ new Map();
    for (const d of part.consumer.diagnostics) {
      const k = shown.get(d.code) ?? 0;
      shown.set(d.code, k + 1);
      if ((this.reported.get(d.code) ?? 0) + k < REPORT_LIMIT) this.diagnostics.push(d.at?.line !== void 0 ? { ...d, at: { ...d.at, line: d.at.line + lineOffset } } : d);
    }
    for (const [code, n] of part.consumer.reported) this.reported.set(code, (this.reported.get(code) ?? 0) + n);
    this.events += part.consumer.events;
  }
  end(lastLine) {
    const open = this.reader.openLine;
    const o = this.reader.end();
    if (o) this.take(o, open ?? lastLine);
    for (const [code, n] of this.reported) {
      if (n > REPORT_LIMIT) this.diagnostics.push(diag(code, code === Codes.traceUnknownLine ? "error" : "warning", `${n - REPORT_LIMIT} more such lines not shown`, { file: this.file, doc: 0 }));
    }
    if (this.events === 0) this.diagnostics.push(diag(Codes.traceEmpty, "warning", "no connection event in this trace", { file: this.file, doc: 0 }));
  }
  take(o, line) {
    switch (o.kind) {
      case "event":
        this.events++;
        this.resolver.add(this.file, o.event);
        return;
      case "none":
        return;
      case "skip":
        this.resolver.noteLine("skipped");
        this.report(Codes.traceSkipped, "warning", `skipped: ${o.reason}`, line);
        return;
      case "malformed":
        this.resolver.noteLine("malformed");
        this.report(Codes.traceMalformed, "warning", `skipped: ${o.reason}`, line);
        return;
      case "unknown":
        this.resolver.noteLine("unknown");
        this.report(Codes.traceUnknownLine, "error", o.reason, line);
        return;
    }
  }
  report(code, severity, message, line) {
    const n = (this.reported.get(code) ?? 0) + 1;
    this.reported.set(code, n);
    if (n <= REPORT_LIMIT) this.diagnostics.push(diag(code, severity, message, { file: this.file, doc: 0, line }));
  }
};

// src/topology/traffic/ingest.ts
function observeTraffic(cluster, inputs, lines, split) {
  const resolver = new TrafficResolver(trafficBasis(cluster), inputs.snapshot, inputs.aliases);
  const diagnostics = [];
  for (const file of inputs.files) {
    const consumer = new TraceFileConsumer(file, resolver, diagnostics, inputs.format, !inputs.noMemo);
    const onLine = (text2, line) => consumer.line(text2, line);
    const half = split?.(file);
    if (!half) {
      consumer.end(lines(file, onLine));
      continue;
    }
    const first = lines(file, onLine, { start: 0, end: half.cut });
    const part = half.collect();
    if (part && consumer.readsLineByLine && !(part.readAsIfNoHeader && consumer.hasColumnsHeader) && resolver.sameNamedResolutions(part.resolver)) {
      consumer.absorb(part, first);
      resolver.absorb(part.resolver, first);
      consumer.end(first + part.lines);
    } else {
      const rest = lines(file, (text2, line) => consumer.line(text2, line + first), { start: half.cut, end: Number.POSITIVE_INFINITY });
      consumer.end(first + rest);
    }
  }
  const r = resolver.finish();
  return { value: r.value, diagnostics: [...diagnostics, ...r.diagnostics] };
}
function trafficBasis(cluster) {
  const services = [];
  for (const o of cluster.objects) {
    if (o.kind !== "Service") continue;
    const ip = o.object.spec?.clusterIP;
    services.push({
      namespace: o.object.metadata.namespace || DEFAULT_NAMESPACE,
      name: o.object.metadata.name ?? "",
      selector: o.object.spec?.selector ?? void 0,
      ports: (o.object.spec?.ports ?? []).map((p) => ({ port: p.port, ...p.name ? { name: p.name } : {}, ...p.targetPort !== void 0 && p.targetPort !== null ? { targetPort: p.targetPort } : {}, ...p.protocol ? { protocol: p.protocol } : {} })),
      clusterIps: typeof ip === "string" && ip !== "None" ? [ip] : []
    });
  }
  return { workloads: cluster.workloads, services };
}

// src/topology/traffic/snapshot.ts
var isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var strMap = (v) => isObj(v) ? Object.fromEntries(Object.entries(v).filter((e) => typeof e[1] === "string")) : {};
var strs = (...vs) => [...new Set(vs.flat().filter((v) => typeof v === "string" && v !== "" && v !== "None"))];
function readClusterSnapshot(files) {
  const pods = [];
  const services = [];
  const namespaces = [];
  const nodeIps = /* @__PURE__ */ new Set();
  const diagnostics = [];
  for (const f of files) {
    const parsed = parseManifestFile(f);
    diagnostics.push(...parsed.diagnostics);
    for (const doc of parsed.documents) {
      const listed = isObj(doc.value) && Array.isArray(doc.value.items);
      const items = listed ? doc.value.items : [doc.value];
      for (const [i, o] of items.entries()) {
        if (!isObj(o) || !isObj(o.metadata) || typeof o.metadata.name !== "string") {
          diagnostics.push(diag(Codes.snapshotObjectSkipped, "warning", `not an object with metadata.name; skipped`, locate(doc, listed ? ["items", i] : [])));
          continue;
        }
        const meta = o.metadata;
        const ns = typeof meta.namespace === "string" && meta.namespace ? meta.namespace : DEFAULT_NAMESPACE;
        const spec = isObj(o.spec) ? o.spec : {};
        const status = isObj(o.status) ? o.status : {};
        if (o.kind === "Pod") {
          const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences.filter(isObj) : [];
          const ctl = owners.find((r) => r.controller === true) ?? owners[0];
          const ips = strs(status.podIP, Array.isArray(status.podIPs) ? status.podIPs.filter(isObj).map((p) => p.ip) : []).filter((ip) => {
            const ok = !ip.includes("/") && parseCidr(ip) !== void 0;
            if (!ok) diagnostics.push(diag(Codes.snapshotObjectSkipped, "warning", `pod ${ns}/${meta.name}: ${JSON.stringify(ip)} is not an IP address; ignored`, locate(doc, listed ? ["items", i, "status"] : ["status"])));
            return ok;
          });
          if (ips.length === 0 && spec.hostNetwork !== true) diagnostics.push(diag(Codes.snapshotIncomplete, "warning", `pod ${ns}/${meta.name} has no status.podIP; traffic to it cannot be recognised by address`, { file: f.path, doc: doc.doc, line: doc.startLine }));
          pods.push({
            namespace: ns,
            name: meta.name,
            ips,
            ...typeof status.hostIP === "string" ? { hostIp: status.hostIP } : {},
            hostNetwork: spec.hostNetwork === true,
            labels: strMap(meta.labels),
            ...ctl && typeof ctl.kind === "string" && typeof ctl.name === "string" ? { owner: { kind: ctl.kind, name: ctl.name } } : {}
          });
          if (typeof status.hostIP === "string") nodeIps.add(status.hostIP);
        } else if (o.kind === "Service") {
          const ports = (Array.isArray(spec.ports) ? spec.ports.filter(isObj) : []).flatMap(
            (p) => typeof p.port === "number" ? [
              {
                port: p.port,
                ...typeof p.name === "string" ? { name: p.name } : {},
                ...typeof p.targetPort === "number" || typeof p.targetPort === "string" ? { targetPort: p.targetPort } : {},
                ...p.protocol === "UDP" || p.protocol === "SCTP" || p.protocol === "TCP" ? { protocol: p.protocol } : {}
              }
            ] : []
          );
          const selector = strMap(spec.selector);
          services.push({ namespace: ns, name: meta.name, clusterIps: strs(spec.clusterIP, Array.isArray(spec.clusterIPs) ? spec.clusterIPs : []), ports, ...Object.keys(selector).length > 0 ? { selector } : {} });
        } else if (o.kind === "Namespace") namespaces.push(meta.name);
        else if (o.kind === "Node") {
          for (const a of Array.isArray(status.addresses) ? status.addresses.filter(isObj) : []) if (a.type === "InternalIP" || a.type === "ExternalIP") for (const ip of strs(a.address)) nodeIps.add(ip);
        }
      }
    }
  }
  return { snapshot: { pods, services, namespaces, nodeIps: [...nodeIps].sort() }, diagnostics };
}

// src/pipeline/live-source.ts
function clusterLabel(source) {
  return source.target.context ? `cluster ${source.target.context}` : "cluster";
}

// src/pipeline/traffic.ts
function readTrafficContext(io, request, settings) {
  const diagnostics = [];
  let snapshot = EMPTY_SNAPSHOT;
  if (request.snapshotDir !== void 0) {
    const read = io.readManifests([request.snapshotDir], { maxFileBytes: settings.maxFileBytes });
    const r = readClusterSnapshot(read.files);
    snapshot = r.snapshot;
    diagnostics.push(...read.diagnostics.filter((d) => d.severity !== "info"), ...r.diagnostics);
  } else if (request.liveSnapshot !== void 0) {
    const r = readLiveSnapshot(io, request.liveSnapshot);
    snapshot = r.snapshot;
    diagnostics.push(...r.diagnostics);
  }
  let aliases = [];
  if (request.cidrAliases !== void 0) {
    const r = parseCidrAliases(request.cidrAliases, io.readText(request.cidrAliases, "--cidr-aliases"));
    aliases = r.aliases;
    diagnostics.push(...r.diagnostics);
  }
  return { snapshot, aliases, diagnostics };
}
function readLiveSnapshot(io, source) {
  const diagnostics = [];
  const label = clusterLabel(source);
  const files = [];
  const take = (what, json) => files.push({ path: `${label}:${what}`, text: json });
  take("namespaces", io.kubectlGet(source.target, ["namespaces"]));
  if (source.namespaces === void 0) take("pods,services", io.kubectlGet(source.target, ["pods", "services"]));
  else for (const ns of [...source.namespaces].sort(compareStrings)) take(`pods,services -n ${ns}`, io.kubectlGet(source.target, ["pods", "services"], ns));
  if (io.kubectlResources(source.target).resources.has("nodes")) {
    try {
      take("nodes", io.kubectlGet(source.target, ["nodes"]));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      diagnostics.push(diag(Codes.snapshotIncomplete, "warning", `nodes not read (${e.message}); kubelet probes are recognised by the pods' host IPs only`));
    }
  }
  const r = readClusterSnapshot(files);
  return { snapshot: r.snapshot, diagnostics: [...diagnostics, ...r.diagnostics] };
}
function readTraffic(io, cluster, request, settings, context) {
  const ctx = context ?? readTrafficContext(io, request, settings);
  const observed = observeTraffic(
    cluster,
    { files: request.files, ...request.format ? { format: request.format } : {}, snapshot: ctx.snapshot, aliases: ctx.aliases },
    (file, onLine, range) => io.forEachLine(file, "--traffic", onLine, range),
    traceSplitter(io, cluster, request, ctx)
  );
  return { value: observed.value, diagnostics: [...context ? [] : ctx.diagnostics, ...observed.diagnostics] };
}
var TRACE_WORKER_DEADLINE_MS = 10 * 60 * 1e3;
function traceSplitter(io, cluster, request, ctx) {
  if (!io.traceCut || !io.startTraceWorker) return void 0;
  let basis;
  return (file) => {
    const cut = io.traceCut?.(file);
    if (cut === void 0) return void 0;
    basis ??= JSON.stringify(portableBasis(trafficBasis(cluster)));
    const job = { file, start: cut, basis, snapshot: ctx.snapshot, aliases: ctx.aliases, ...request.format ? { format: request.format } : {} };
    const worker = io.startTraceWorker?.(job, TRACE_WORKER_DEADLINE_MS);
    return worker ? { cut, collect: () => worker.collect() } : void 0;
  };
}
function unresolvedWarnings(unresolved) {
  return unresolved.map(
    (u) => diag(Codes.trafficUnresolved, "warning", `observed ${u.src} -> ${u.dst} : ${u.conns.toString()} (x${u.count}) is not allowed: ${u.detail}`, { file: u.file, doc: 0, line: u.line }, u.reason === "external-address" ? "name its block in --cidr-aliases, or add a reviewed link" : "add the workload to the manifests, or a reviewed link")
  );
}

export {
  findGaps,
  IN_CLUSTER_REASONS,
  OUTSIDE_REASONS,
  unresolvedConns,
  connsAtDestination,
  linkOrigin,
  mergeLinks,
  compareDeclaredObserved,
  summaryText,
  readTrafficContext,
  readTraffic,
  unresolvedWarnings
};
