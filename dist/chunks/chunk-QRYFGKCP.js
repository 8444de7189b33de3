import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  ConnectionSet,
  DEFAULT_NAMESPACE,
  PolicyEngine,
  backendByTargetPortWarning,
  backendServicePorts,
  buildCluster,
  compareStrings,
  diffConnectivity,
  engineOptions,
  explainDiff,
  formatRange,
  fullRange,
  ingressBackends,
  isProtocol,
  loadObjects,
  locate,
  originRef,
  parseCidr,
  peerKey,
  rangeContains,
  selectorMatches,
  serviceWorkloads,
  targetConns,
  workloadKey,
  workloadsByNamespace
} from "./chunk-W5GPRM7E.js";
import {
  Codes,
  ConfigError,
  appendAll,
  diag,
  external_exports,
  parseManifestFile,
  yaml
} from "./chunk-5H3LHJPL.js";

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

// src/topology/traffic/aliases.ts
var AliasFile = external_exports.record(external_exports.string(), external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]));
function parseCidrAliases(file, text2) {
  const parsed = parseManifestFile({ path: file, text: text2 });
  const doc = parsed.documents[0];
  if (!doc || parsed.diagnostics.some((d) => d.severity === "error")) return { aliases: [], diagnostics: parsed.diagnostics.length > 0 ? parsed.diagnostics : [diag(Codes.invalidField, "error", "empty CIDR aliases file", { file, doc: 1, line: 1 })] };
  const r = AliasFile.safeParse(doc.value);
  if (!r.success) {
    return { aliases: [], diagnostics: r.error.issues.map((i) => diag(Codes.invalidField, "error", `${i.message} (expected name: CIDR or name: [CIDR, ...])`, locate(doc, i.path.filter((p) => typeof p !== "symbol")))) };
  }
  const aliases = [];
  const diagnostics = [];
  for (const [name, v] of Object.entries(r.data)) {
    const list = typeof v === "string" ? [v] : v;
    const ranges = [];
    list.forEach((c, i) => {
      const range = parseCidr(c);
      if (range) ranges.push(range);
      else diagnostics.push(diag(Codes.invalidCidr, "error", `not a CIDR: ${JSON.stringify(c)}`, locate(doc, typeof v === "string" ? [name] : [name, i])));
    });
    aliases.push({ name, ranges });
  }
  return { aliases, diagnostics };
}
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

// src/topology/traffic/snapshot.ts
var EMPTY_SNAPSHOT = { pods: [], services: [], namespaces: [], nodeIps: [] };
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
      const items = isObj(doc.value) && Array.isArray(doc.value.items) ? doc.value.items : [doc.value];
      for (const o of items) {
        if (!isObj(o) || !isObj(o.metadata) || typeof o.metadata.name !== "string") continue;
        const meta = o.metadata;
        const ns = typeof meta.namespace === "string" && meta.namespace ? meta.namespace : DEFAULT_NAMESPACE;
        const spec = isObj(o.spec) ? o.spec : {};
        const status = isObj(o.status) ? o.status : {};
        if (o.kind === "Pod") {
          const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences.filter(isObj) : [];
          const ctl = owners.find((r) => r.controller === true) ?? owners[0];
          const ips = strs(status.podIP, Array.isArray(status.podIPs) ? status.podIPs.filter(isObj).map((p) => p.ip) : []);
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

// src/topology/traffic/resolve.ts
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
  constructor(cluster, snapshot = EMPTY_SNAPSHOT, aliases = []) {
    this.snapshot = snapshot;
    this.aliases = aliases;
    this.byNamespace = workloadsByNamespace(cluster.workloads);
    for (const w of cluster.workloads) {
      const k = `${w.ref.namespace}/${w.ref.name}`;
      const list = this.byName.get(k);
      if (list) list.push(w);
      else this.byName.set(k, [w]);
    }
    for (const o of cluster.objects) {
      if (o.kind !== "Service") continue;
      const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
      const selector = o.object.spec?.selector ?? void 0;
      const ports = (o.object.spec?.ports ?? []).map((p) => ({ port: p.port, ...p.name ? { name: p.name } : {}, ...p.targetPort !== void 0 && p.targetPort !== null ? { targetPort: p.targetPort } : {}, ...p.protocol ? { protocol: p.protocol } : {} }));
      const info = { key: `${ns}/${o.object.metadata.name}`, ports, workloads: this.selectWorkloads(ns, selector ?? void 0) };
      this.services.set(info.key, info);
      const ip = o.object.spec?.clusterIP;
      if (typeof ip === "string" && ip !== "None") this.ipIndex.set(ip, { service: info });
    }
    for (const s of snapshot.services) {
      const key = `${s.namespace}/${s.name}`;
      const info = this.services.get(key) ?? { key, ports: s.ports, workloads: this.selectWorkloads(s.namespace, s.selector) };
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
  byNamespace;
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
  diagnostics = [];
  warnedPorts = /* @__PURE__ */ new Set();
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
      const text2 = src.kind === "unresolved" ? src.text : src.kind === "service" ? `Service ${src.key}` : endpointText(e.src);
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
      if (!this.warnedPorts.has(k)) {
        this.warnedPorts.add(k);
        this.diagnostics.push(diag(Codes.traceServicePort, "warning", `traffic to Service ${dst.key} on ${proto} ${e.port}, a port the Service does not declare; kept for review`, { file, doc: 0, line: e.line }));
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
    if (!r) this.servicePeers.set(svc, r = { kind: "service", ...svc });
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
  /** Resolutions by kind (and DNS port or not), namespace and pod/Service name (or owner, or address): no string is built per event. */
  byIdentity = /* @__PURE__ */ new Map();
  /** The common case (a pod, not a DNS lookup), one lookup less. */
  pods = /* @__PURE__ */ new Map();
  byAddr = /* @__PURE__ */ new Map();
  /**
   * Cached per endpoint identity. A named pod resolves by name alone (its address is not part of
   * the key: a long trace of one pod costs one entry whatever its ports), so the cache holds one
   * entry per pod, Service and address seen, not per line.
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
        byName.set(id, r2);
      }
      if (r2.kind !== "unresolved" || ep.addr === void 0 || !this.ipIndex.has(ep.addr)) return r2;
    }
    const key = ep.addr !== void 0 && ep.name === void 0 && ep.owner === void 0 ? ep.addr : `${ep.namespace ?? ""}|${ep.name ?? ""}|${ep.owner ?? ""}|${ep.addr ?? ""}|${ep.name || ep.owner ? "" : JSON.stringify(ep.labels ?? {})}`;
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
      const matches = (this.byNamespace.get(ns) ?? []).filter((w) => w.pods.some((p) => Object.keys(p.labels).length > 0 && Object.entries(p.labels).every(([k, v]) => l[k] === v)));
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
  finish() {
    const byPair = /* @__PURE__ */ new Map();
    const flows = [...this.flows.values()].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.proto, b.proto) || a.port - b.port);
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
    const links = [...byPair.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, l]) => l);
    const unresolved = [...this.pending.values()].map((u) => ({ src: u.src, dst: u.dst, conns: ConnectionSet.port(u.proto, u.port), reason: u.reason, detail: u.detail, file: u.file, line: u.line, count: u.count })).sort((a, b) => compareStrings(a.src, b.src) || compareStrings(a.dst, b.dst) || compareStrings(a.conns.toString(), b.conns.toString()) || compareStrings(a.file, b.file) || a.line - b.line);
    const summary = { files: this.files.size, ...this.counts };
    const diagnostics = [...this.diagnostics];
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
function endpointText(ep) {
  if (ep.namespace && ep.name) return `${ep.kind === "svc" ? "Service" : "pod"} ${ep.namespace}/${ep.name}`;
  return ep.addr ?? "?";
}
function earlier(a, b) {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a.length !== b.length ? a.length < b.length : a < b;
  return a < b;
}

// src/manifests/live.ts
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var SERVER_METADATA = ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink"];
var LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
function clean(item) {
  const out = { ...item };
  delete out.status;
  if (isRecord(item.metadata)) {
    const meta = { ...item.metadata };
    for (const k of SERVER_METADATA) delete meta[k];
    if (isRecord(meta.annotations)) {
      const annotations = { ...meta.annotations };
      delete annotations[LAST_APPLIED];
      if (Object.keys(annotations).length > 0) meta.annotations = annotations;
      else delete meta.annotations;
    }
    out.metadata = meta;
  }
  return out;
}
function finishedPod(item) {
  const phase = isRecord(item.status) ? item.status.phase : void 0;
  return item.kind === "Pod" && (phase === "Succeeded" || phase === "Failed");
}
function liveName(label, item) {
  const meta = isRecord(item.metadata) ? item.metadata : {};
  const ns = typeof meta.namespace === "string" && meta.namespace ? `${meta.namespace}/` : "";
  return `${label}:${String(item.kind)}/${ns}${String(meta.name ?? "")}`;
}
function liveFiles(listJson, label) {
  let list;
  try {
    list = JSON.parse(listJson);
  } catch (e) {
    return { files: [], diagnostics: [diag(Codes.kubectlFailed, "error", `kubectl printed something that is not JSON: ${e.message}`)] };
  }
  if (!isRecord(list) || !Array.isArray(list.items)) return { files: [], diagnostics: [diag(Codes.kubectlFailed, "error", "kubectl printed JSON that is not a List")] };
  const files = [];
  for (const item of list.items) {
    if (!isRecord(item) || finishedPod(item)) continue;
    files.push({ path: liveName(label, item), text: yaml.dump(clean(item), { lineWidth: -1, noRefs: true, sortKeys: false }) });
  }
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files, diagnostics: [] };
}
var CONTROLLERS = {
  // kind -> the owner kinds it folds into
  ReplicaSet: ["Deployment"],
  Job: ["CronJob"]
};
function controllerOf(o) {
  const refs = o.object.metadata.ownerReferences ?? [];
  const r = refs.find((x) => x.controller) ?? refs[0];
  return r?.kind ? { kind: r.kind, name: r.name } : void 0;
}
function foldLiveOwners(objects) {
  const key = (kind, ns, name) => `${kind}\0${ns}\0${name}`;
  const present = /* @__PURE__ */ new Map();
  for (const o of objects) present.set(key(o.kind, o.object.metadata.namespace ?? "", o.object.metadata.name ?? ""), o);
  const top = (kind, ns, name) => {
    const self = present.get(key(kind, ns, name));
    const folds = CONTROLLERS[kind];
    if (!self || !folds) return { kind, name };
    const owner = controllerOf(self);
    if (!owner || !folds.includes(owner.kind) || !present.has(key(owner.kind, ns, owner.name))) return { kind, name };
    return top(owner.kind, ns, owner.name);
  };
  const out = [];
  for (const o of objects) {
    const ns = o.object.metadata.namespace ?? "";
    if (o.kind in CONTROLLERS) {
      const t = top(o.kind, ns, o.object.metadata.name ?? "");
      if (t.kind !== o.kind) continue;
    }
    if (o.kind === "Pod") {
      const phase = o.object.status?.phase;
      if (phase === "Succeeded" || phase === "Failed") continue;
      const owner = controllerOf(o);
      if (owner && owner.kind in CONTROLLERS) {
        const t = top(owner.kind, ns, owner.name);
        if (t.kind !== owner.kind) {
          const metadata = { ...o.object.metadata, ownerReferences: [{ kind: t.kind, name: t.name, controller: true }] };
          out.push({ ...o, object: { ...o.object, metadata } });
          continue;
        }
      }
    }
    out.push(o);
  }
  const withPods = /* @__PURE__ */ new Set();
  for (const o of out) {
    if (o.kind !== "Pod") continue;
    const owner = controllerOf(o);
    if (owner) withPods.add(key(owner.kind, o.object.metadata.namespace ?? "", owner.name));
  }
  return out.filter((o) => o.kind === "Pod" || !withPods.has(key(o.kind, o.object.metadata.namespace ?? "", o.object.metadata.name ?? "")));
}

// src/pipeline/cluster-drift.ts
var POLICY_KINDS = /* @__PURE__ */ new Set(["NetworkPolicy", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy"]);
var CLUSTER_SCOPED = ["namespaces", "adminnetworkpolicies.policy.networking.k8s.io", "baselineadminnetworkpolicies.policy.networking.k8s.io", "clusternetworkpolicies.policy.networking.k8s.io"];
var NAMESPACED = [
  "pods",
  "replicationcontrollers",
  "services",
  "configmaps",
  "deployments.apps",
  "statefulsets.apps",
  "daemonsets.apps",
  "replicasets.apps",
  "jobs.batch",
  "cronjobs.batch",
  "ingresses.networking.k8s.io",
  "networkpolicies.networking.k8s.io",
  "routes.route.openshift.io",
  "httproutes.gateway.networking.k8s.io",
  "grpcroutes.gateway.networking.k8s.io",
  "tcproutes.gateway.networking.k8s.io",
  "tlsroutes.gateway.networking.k8s.io",
  "udproutes.gateway.networking.k8s.io"
];
var REQUIRED = ["namespaces", "pods", "networkpolicies.networking.k8s.io"];
function clusterLabel(source) {
  return source.target.context ? `cluster ${source.target.context}` : "cluster";
}
function objectsOf(files, diagnostics) {
  const r = loadObjects(files);
  appendAll(diagnostics, r.diagnostics);
  return r.objects;
}
function readLiveObjects(io, source, settings) {
  const diagnostics = [];
  let files;
  let label;
  if (source.kind === "export") {
    if (!io.isDirectory(source.dir)) throw new ConfigError(`--cluster-export ${source.dir}: not a folder`);
    const read = io.readManifests([source.dir], { maxFileBytes: settings.maxFileBytes, render: settings.render });
    diagnostics.push(...read.diagnostics);
    files = read.files;
    label = source.dir;
  } else {
    label = clusterLabel(source);
    const discovery = io.kubectlResources(source.target);
    const served = discovery.resources;
    if (discovery.warning) diagnostics.push(diag(Codes.kubectlFailed, "warning", `kubectl api-resources: ${discovery.warning}; the other resource types are read`));
    const missing = REQUIRED.filter((r) => !served.has(r));
    if (missing.length > 0) throw new ConfigError(`the cluster does not serve ${missing.join(", ")} (kubectl api-resources); is this a Kubernetes API server?`);
    const clusterScoped = CLUSTER_SCOPED.filter((r) => served.has(r));
    const namespaced = NAMESPACED.filter((r) => served.has(r));
    files = [];
    const take = (json) => {
      const r = liveFiles(json, "cluster");
      files.push(...r.files);
      diagnostics.push(...r.diagnostics);
    };
    take(io.kubectlGet(source.target, clusterScoped));
    if (source.namespaces === void 0) take(io.kubectlGet(source.target, namespaced));
    else for (const ns of [...source.namespaces].sort(compareStrings)) take(io.kubectlGet(source.target, namespaced, ns));
  }
  let objects = foldLiveOwners(objectsOf(files, diagnostics));
  if (source.kind === "kubectl" && source.namespaces !== void 0) {
    const scope = new Set(source.namespaces);
    objects = objects.filter((o) => o.kind === "Namespace" ? scope.has(o.object.metadata.name ?? "") : true);
  }
  return { objects, label, diagnostics };
}
function liveSeverity(d) {
  return d.code === Codes.ownerLabelGap ? { ...d, severity: "info" } : d;
}
function readLiveCluster(io, source, settings) {
  const live = readLiveObjects(io, source, settings);
  const built = buildCluster(live.objects);
  return { cluster: built.cluster, label: live.label, diagnostics: [...live.diagnostics, ...built.diagnostics.map(liveSeverity)] };
}
function policyName(o) {
  const ns = o.object.metadata.namespace;
  return `${o.kind} ${ns ? `${ns}/` : ""}${o.object.metadata.name ?? ""}`;
}
function isClusterScoped(o) {
  return o.kind === "AdminNetworkPolicy" || o.kind === "BaselineAdminNetworkPolicy" || o.kind === "ClusterNetworkPolicy";
}
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v).sort().filter((k) => v[k] !== void 0 && v[k] !== null).map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}
function where(o) {
  const at = originRef(o.origin);
  return at.line !== void 0 ? `${at.file}:${at.line}` : at.file;
}
function runClusterDrift(io, request, settings) {
  if (!io.isDirectory(request.policies)) throw new ConfigError(`--policies ${request.policies}: not a folder`);
  const diagnostics = [];
  let scope;
  if (request.source.kind === "kubectl" && request.source.namespaces) scope = new Set(request.source.namespaces);
  else if (request.paths && request.paths.length > 0) {
    const read2 = io.readManifests(request.paths, { maxFileBytes: settings.maxFileBytes, render: settings.render });
    diagnostics.push(...read2.diagnostics);
    const repo = buildCluster(objectsOf(read2.files, diagnostics));
    scope = new Set(repo.cluster.workloads.map((w) => w.ref.namespace));
  }
  const live = readLiveObjects(io, request.source, settings);
  diagnostics.push(...live.diagnostics);
  const inScope = (o) => {
    if (scope === void 0 || isClusterScoped(o)) return true;
    if (o.kind === "Namespace") return scope.has(o.object.metadata.name ?? "");
    return scope.has(o.object.metadata.namespace || DEFAULT_NAMESPACE);
  };
  const liveObjects = live.objects.filter(inScope);
  const read = io.readManifests([request.policies], { maxFileBytes: settings.maxFileBytes, render: settings.render });
  diagnostics.push(...read.diagnostics);
  const repoPolicies = [];
  for (const o of objectsOf(read.files, diagnostics)) {
    if (!POLICY_KINDS.has(o.kind)) continue;
    if (inScope(o)) repoPolicies.push(o);
    else diagnostics.push(diag(Codes.policyOutsideFolder, "info", `${policyName(o)} is in a namespace outside the compared ones; left out`, originRef(o.origin)));
  }
  const liveNonPolicy = liveObjects.filter((o) => !POLICY_KINDS.has(o.kind));
  const repoCluster = buildCluster([...liveNonPolicy, ...repoPolicies]);
  const liveCluster = buildCluster(liveObjects);
  diagnostics.push(...liveCluster.diagnostics.map(liveSeverity));
  const repoEngine = new PolicyEngine(repoCluster.cluster, engineOptions(settings));
  const liveEngine = new PolicyEngine(liveCluster.cluster, engineOptions(settings));
  diagnostics.push(...repoEngine.diagnostics, ...liveEngine.diagnostics);
  const diff = diffConnectivity(repoEngine.connectivity(), liveEngine.connectivity());
  const explanations = explainDiff(repoEngine, liveEngine, diff);
  return {
    diff,
    explanations,
    refs: { before: "repository", after: live.label },
    inventory: inventoryOf(repoPolicies, liveObjects.filter((o) => POLICY_KINDS.has(o.kind))),
    namespaces: scope ? [...scope].sort(compareStrings) : "all",
    diagnostics
  };
}
function inventoryOf(repo, live) {
  const byName = (list) => new Map(list.map((o) => [policyName(o), o]));
  const a = byName(repo);
  const b = byName(live);
  const out = [];
  for (const [name, o] of a) {
    const l = b.get(name);
    if (!l) out.push({ policy: name, state: "repository-only", repository: where(o) });
    else if (canonical(o.object.spec) !== canonical(l.object.spec)) out.push({ policy: name, state: "edited", repository: where(o), cluster: where(l) });
  }
  for (const [name, o] of b) if (!a.has(name)) out.push({ policy: name, state: "cluster-only", cluster: where(o) });
  return out.sort((x, y) => compareStrings(x.policy, y.policy));
}

// src/topology/traffic/events.ts
function endpoint(kind, f) {
  return { kind, addr: f.addr, namespace: f.namespace, name: f.name, owner: f.owner, ownerKind: f.ownerKind, labels: f.labels, hostNetwork: f.hostNetwork, hostIp: f.hostIp };
}
var TRAFFIC_FORMATS = ["advisor-v1", "network-graph", "gadget-network", "advise-networkpolicy", "trace-tcp", "trace-tcp-columns", "plain"];

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
  constructor(forced) {
    this.forced = forced;
  }
  forced;
  columns;
  /** Inside a top-level JSON array: the element being collected, and the scanner's state. */
  array;
  sawContent = false;
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

// src/topology/traffic/ingest.ts
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
  constructor(file, resolver, diagnostics, forced, memo = true) {
    this.file = file;
    this.resolver = resolver;
    this.diagnostics = diagnostics;
    this.reader = new TraceLineReader(forced);
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
function observeTraffic(cluster, inputs, lines) {
  const resolver = new TrafficResolver(cluster, inputs.snapshot, inputs.aliases);
  const diagnostics = [];
  for (const file of inputs.files) {
    const consumer = new TraceFileConsumer(file, resolver, diagnostics, inputs.format, !inputs.noMemo);
    const n = lines(file, (text2, line) => consumer.line(text2, line));
    consumer.end(n);
  }
  const r = resolver.finish();
  return { value: r.value, diagnostics: [...diagnostics, ...r.diagnostics] };
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
    (file, onLine) => io.forEachLine(file, "--traffic", onLine)
  );
  return { value: observed.value, diagnostics: [...context ? [] : ctx.diagnostics, ...observed.diagnostics] };
}
function unresolvedWarnings(unresolved) {
  return unresolved.map(
    (u) => diag(Codes.trafficUnresolved, "warning", `observed ${u.src} -> ${u.dst} : ${u.conns.toString()} (x${u.count}) is not allowed: ${u.detail}`, { file: u.file, doc: 0, line: u.line }, u.reason === "external-address" ? "name its block in --cidr-aliases, or add a reviewed link" : "add the workload to the manifests, or a reviewed link")
  );
}

// src/topology/links.ts
function evidenceText(e) {
  switch (e.kind) {
    case "address":
      return `${e.at.file}:${e.at.line ?? 0} ${pathText(e.at.path)} = ${JSON.stringify(e.value)}${e.via ? ` (via ${e.configMap ? `ConfigMap ${e.configMap}, referenced at ` : ""}${e.via.file}:${e.via.line ?? 0})` : ""}${e.traced ? ` (values ${e.traced.file}:${e.traced.line ?? 0})` : ""}`;
    case "exposure":
      return `${e.object} (${e.at.file}:${e.at.line ?? 0})`;
    case "trace":
      return `trace ${e.file}:${e.line} ${e.event} x${e.count}${e.firstSeen !== void 0 ? ` (${e.firstSeen === e.lastSeen ? e.firstSeen : `${e.firstSeen} .. ${e.lastSeen ?? ""}`})` : ""}`;
    case "intent":
      return `intent ${e.at.file}:${e.at.line ?? 0}`;
    case "baseline":
      return `baseline rule ${e.rule} ${e.at.file}:${e.at.line ?? 0}`;
  }
}
function pathText(path) {
  let out = "";
  for (const p of path ?? []) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

// src/topology/addresses.ts
var ADDRESS_NAME = /(?:^|[._-])(?:host|hosts|hostname|addr|address|addrs|addresses|url|urls|uri|uris|endpoint|endpoints|service|services|svc|server|servers|broker|brokers|bootstrap[._-]?servers|dsn|upstream|upstreams|backend|backends|target|peers?)(?:[._-]?\d+)?$/i;
function isAddressName(name) {
  return ADDRESS_NAME.test(name.replace(/^-+/, ""));
}
var FLAG = /(?:^|\s)(--?[a-z0-9][a-z0-9._-]*)=(\S+)/gi;
var NC = /\b(?:nc|ncat|netcat|telnet)\b(?:\s+-[a-z]+)*\s+([a-z0-9][a-z0-9.-]*)\s+(\d{1,5})\b/gi;
function findAddressesIn(value, context) {
  if (context === "address") return findAddresses(value);
  const whole = value.trim();
  const out = findAddresses(value).flatMap((c) => {
    if (c.scheme !== void 0 || c.port !== void 0 && /^\d+$/.test(c.port) || /\.svc(\.cluster\.local)?$/.test(c.host) || isIpLiteral(c.host)) return [c];
    if (c.port !== void 0) return [{ ...c, explicit: false }];
    if (c.text === whole && c.host.includes(".") && /[a-z]$/.test(c.host)) return [c];
    return [];
  });
  const seen = new Set(out.map((c) => c.offset));
  for (const m of value.matchAll(FLAG)) {
    if (!isAddressName(m[1])) continue;
    const start = (m.index ?? 0) + m[0].length - m[2].length;
    for (const c of findAddresses(m[2])) if (!seen.has(start + c.offset)) out.push({ ...c, offset: start + c.offset });
  }
  for (const m of value.matchAll(NC)) {
    const host = m[1].toLowerCase();
    const offset = (m.index ?? 0) + m[0].lastIndexOf(m[1], m[0].length - m[2].length - 1);
    if (seen.has(offset) || out.some((c) => c.offset === offset)) continue;
    out.push({ host, port: m[2], text: `${m[1]} ${m[2]}`, explicit: true, offset });
  }
  return out.sort((a, b) => a.offset - b.offset);
}
var ADDRESS = /(?:(?<scheme>[a-z][a-z0-9+.-]*):\/\/(?:[^\s/@,;'"]*@)?)?(?<host>\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*)(?::(?<port>[0-9]{1,5}|[a-z][a-z0-9-]{0,14})(?![a-z0-9.-]))?/gi;
var IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
function boundaryBefore(text2, index) {
  if (index === 0) return true;
  return /[\s,;=([{'"|>]/.test(text2[index - 1]) || text2.startsWith("//", index - 2);
}
function boundaryAfter(text2, end) {
  if (end >= text2.length) return true;
  return /[\s,;)\]}'"|/?#&<]/.test(text2[end]);
}
function findAddresses(value) {
  const out = [];
  for (const m of value.matchAll(ADDRESS)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const g = m.groups ?? {};
    const scheme = g.scheme?.toLowerCase();
    const host = (g.host ?? "").toLowerCase();
    if (!scheme && !boundaryBefore(value, start)) continue;
    if (!boundaryAfter(value, end)) continue;
    if (/^\d+$/.test(host)) continue;
    const isIp = IPV4.test(host) || host.startsWith("[");
    const explicit = Boolean(scheme) || g.port !== void 0 || isIp || /\.svc(\.cluster\.local)?$/.test(host);
    const text2 = m[0].replace(/^([a-z][a-z0-9+.-]*:\/\/[^\s/@:,;'"]*):[^\s/@,;'"]*@/i, "$1:***@");
    out.push({ host: host.replace(/^\[(.*)\]$/, "$1"), ...g.port !== void 0 ? { port: g.port.toLowerCase() } : {}, ...scheme ? { scheme } : {}, text: text2, explicit, offset: start });
  }
  return out;
}
var PUBLIC_TLDS = /* @__PURE__ */ new Set([
  "com",
  "net",
  "org",
  "io",
  "dev",
  "app",
  "cloud",
  "ai",
  "co",
  "info",
  "biz",
  "me",
  "us",
  "uk",
  "de",
  "fr",
  "eu",
  "jp",
  "cn",
  "in",
  "ca",
  "au",
  "nl",
  "se",
  "ch",
  "es",
  "it",
  "ru",
  "br",
  "gov",
  "edu",
  "sh",
  "xyz",
  "tech",
  "so"
]);
function looksExternalHost(host) {
  const labels2 = host.split(".");
  return labels2.length >= 2 && PUBLIC_TLDS.has(labels2[labels2.length - 1]) && !host.endsWith(".svc.cluster.local");
}
function isLocalAddress(host) {
  return host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "::1" || host === "0.0.0.0" || host === "::";
}
function isIpLiteral(host) {
  if (host.includes(":")) return /^[0-9a-f:.]+$/i.test(host);
  return IPV4.test(host) && host.split(".").every((o) => Number(o) <= 255);
}

// src/topology/env.ts
function expandVars(value, vars) {
  return expandVarsDetailed(value, vars).value;
}
function expandVarsDetailed(value, vars) {
  const missing = [];
  const out = value.replace(/\$\$|\$\(([^()$]+)\)/g, (m, name) => {
    if (m === "$$") return "$";
    if (name !== void 0 && vars.has(name)) return vars.get(name);
    if (name !== void 0) missing.push(name);
    return m;
  });
  return { value: out, missing };
}
var HOST_HALF = /^(.*?)_(SERVICE_HOST|HOSTNAME|HOST|ADDR|ADDRESS|SERVER)$/i;
function pairedPort(hostVar, vars) {
  const m = HOST_HALF.exec(hostVar);
  if (!m) return void 0;
  const prefix = m[1];
  const upper = hostVar === hostVar.toUpperCase();
  for (const suffix of ["PORT", "SERVICE_PORT"]) {
    const name = `${prefix}_${upper ? suffix : suffix.toLowerCase()}`;
    const v = vars.get(name)?.trim();
    if (v !== void 0 && /^\d{1,5}$/.test(v)) return { name, port: v };
  }
  return void 0;
}

// src/topology/scan.ts
var CLUSTER_SUFFIXES = [".svc.cluster.local", ".svc"];
function traceValue(at, c, values) {
  const chart = values.find((v) => at.file.startsWith(`${v.chart}/`));
  if (!chart) return void 0;
  for (const needle of c.host.includes(".") ? [c.text, c.host] : [c.text]) {
    for (const f of chart.files) {
      const lines = f.text.split("\n");
      const i = lines.findIndex((l) => !l.trimStart().startsWith("#") && l.toLowerCase().includes(needle.toLowerCase()));
      if (i >= 0) return { file: f.path, doc: 0, line: i + 1, column: lines[i].toLowerCase().indexOf(needle.toLowerCase()) + 1 };
    }
  }
  return void 0;
}
function scanTopology(cluster, options = {}) {
  const values = options.values ?? [];
  const services = /* @__PURE__ */ new Map();
  const configMaps = /* @__PURE__ */ new Map();
  const byNamespace = workloadsByNamespace(cluster.workloads);
  for (const o of cluster.objects) {
    const ns = "metadata" in o.object && o.object.metadata.namespace || DEFAULT_NAMESPACE;
    if (o.kind === "Service") services.set(`${ns}/${o.object.metadata.name}`, { object: o.object, origin: o.origin, workloads: serviceWorkloads(o.object, byNamespace) });
    else if (o.kind === "ConfigMap") configMaps.set(`${ns}/${o.object.metadata.name}`, o);
  }
  const links = new LinkSet();
  const unresolved = [];
  const sharing = /* @__PURE__ */ new Map();
  const portChoices = /* @__PURE__ */ new Map();
  const ctx = { services, links, unresolved, values, sharing, portChoices, evidenceLines: options.evidenceLines ?? true };
  for (const w of cluster.workloads) scanWorkload(w, configMaps, ctx);
  const diagnostics = [...addExposures(cluster, services, links), ...portChoices.values(), ...sharedConfigMapWarnings(sharing)];
  const sortedUnresolved = unresolved.sort(
    (a, b) => compareStrings(a.at.file, b.at.file) || (a.at.line ?? 0) - (b.at.line ?? 0) || compareStrings(a.value, b.value)
  );
  return { value: { links: links.sorted(), unresolved: dedupeUnresolved(sortedUnresolved) }, diagnostics };
}
function scanWorkload(w, configMaps, ctx) {
  const cmData = (name) => {
    const cm = configMaps.get(`${w.ref.namespace}/${name}`);
    if (!cm) return void 0;
    const data = Object.entries(cm.object.data ?? {}).filter((e) => typeof e[1] === "string").sort(([a], [b]) => compareStrings(a, b));
    return [cm, data];
  };
  const emit = (value, context, origin, path, extra = {}) => {
    for (let c of findAddressesIn(value, context)) {
      if (c.port === void 0 && extra.port) c = { ...c, port: extra.port.port, text: `${c.text} (${extra.port.name}=${extra.port.port})`, explicit: true };
      const found = {
        c,
        at: () => lineOf(origin, path, value, c.offset),
        place: () => ({ file: origin.document.file, doc: origin.document.doc, path: [...origin.path, ...path] }),
        ...extra.via ? { via: extra.via } : {},
        ...extra.configMap ? { configMap: { key: `${extra.configMap.object.metadata.namespace || DEFAULT_NAMESPACE}/${extra.configMap.object.metadata.name}`, origin: extra.configMap.origin } } : {}
      };
      resolveAddress(found, w, ctx);
    }
  };
  (w.spec?.volumes ?? []).forEach((v, vi) => {
    const mounted = [
      ...v.configMap ? [{ name: v.configMap.name, path: [...w.specPath, "volumes", vi, "configMap"] }] : [],
      ...(v.projected?.sources ?? []).flatMap((src, si) => src.configMap ? [{ name: src.configMap.name, path: [...w.specPath, "volumes", vi, "projected", "sources", si, "configMap"] }] : [])
    ];
    for (const m of mounted) {
      const found = cmData(m.name);
      if (!found) continue;
      const [cm, data] = found;
      for (const [key, value] of data) emit(value, isAddressName(key) ? "address" : "text", cm.origin, ["data", key], { via: () => originRef(w.origin, m.path), configMap: cm });
    }
  });
  for (const field2 of ["initContainers", "containers"]) {
    (w.spec?.[field2] ?? []).forEach((container, ci) => {
      const base = [...w.specPath, field2, ci];
      const vars = /* @__PURE__ */ new Map();
      const imported = [];
      (container.envFrom ?? []).forEach((ef, fi) => {
        const found = ef.configMapRef ? cmData(ef.configMapRef.name) : void 0;
        if (!found) return;
        const [cm, data] = found;
        const prefix = typeof ef.prefix === "string" ? ef.prefix : "";
        for (const [key, value] of data) {
          vars.set(`${prefix}${key}`, value);
          imported.push({ cm, key, value, via: () => originRef(w.origin, [...base, "envFrom", fi, "configMapRef"]) });
        }
      });
      const entries = [];
      (container.env ?? []).forEach((env, ei) => {
        if (typeof env.value === "string") {
          const { value: value2, missing } = expandVarsDetailed(env.value, vars);
          vars.set(env.name, value2);
          if (missing.length > 0 && (isAddressName(env.name) || /:\/\/\$\(|\$\([^()$]+\):\d/.test(env.value))) {
            ctx.unresolved.push({
              workload: w.ref,
              value: value2,
              at: originRef(w.origin, [...base, "env", ei, "value"]),
              reason: "undefined-variable",
              detail: `$(${missing[0]}) is not defined by an earlier env entry of this container, so Kubernetes leaves it as written`
            });
          }
          entries.push({ name: env.name, value: value2, origin: w.origin, path: [...base, "env", ei, "value"], context: isAddressName(env.name) ? "address" : "text" });
          return;
        }
        const ref = env.valueFrom?.configMapKeyRef;
        const found = ref ? cmData(ref.name) : void 0;
        const value = found && ref ? found[1].find(([k]) => k === ref.key)?.[1] : void 0;
        if (!found || !ref || value === void 0) return;
        vars.set(env.name, value);
        entries.push({
          name: env.name,
          value,
          origin: found[0].origin,
          path: ["data", ref.key],
          via: () => originRef(w.origin, [...base, "env", ei, "valueFrom", "configMapKeyRef"]),
          cm: found[0],
          context: isAddressName(env.name) || isAddressName(ref.key) ? "address" : "text"
        });
      });
      for (const i of imported) {
        const port = pairedPort(i.key, vars);
        emit(i.value, isAddressName(i.key) ? "address" : "text", i.cm.origin, ["data", i.key], { via: i.via, configMap: i.cm, ...port ? { port } : {} });
      }
      for (const e of entries) {
        const port = pairedPort(e.name, vars);
        emit(e.value, e.context, e.origin, e.path, { ...e.via ? { via: e.via } : {}, ...e.cm ? { configMap: e.cm } : {}, ...port ? { port } : {} });
      }
      for (const list of ["command", "args"]) {
        const items = container[list] ?? [];
        items.forEach((arg, ai) => {
          if (typeof arg !== "string") return;
          const prev = ai > 0 ? items[ai - 1] : void 0;
          const afterFlag = typeof prev === "string" && /^--?[a-z0-9][a-z0-9._-]*$/i.test(prev) && isAddressName(prev);
          emit(expandVars(arg, vars), afterFlag ? "address" : "text", w.origin, [...base, list, ai]);
        });
      }
    });
  }
}
function lineOf(origin, path, value, offset) {
  const at = originRef(origin, path);
  const before = value.slice(0, offset);
  const index = before.split("\n").length - 1;
  const valueLine = (value.split("\n")[index] ?? "").trim();
  if (at.line === void 0 || valueLine === "") return at;
  const doc = origin.document;
  const lines = doc.text.split("\n");
  const first = at.line - doc.startLine;
  for (let j = Math.max(first, 0); j < lines.length && j <= first + index + 2 + (value.match(/\n\s*\n/g)?.length ?? 0); j++) {
    const col = lines[j].indexOf(valueLine);
    if (col >= 0 && (j > first || index === 0)) return { ...at, line: doc.startLine + j, column: col + 1 + (offset - before.lastIndexOf("\n") - 1) - value.split("\n")[index].indexOf(valueLine) };
  }
  return at;
}
function resolveAddress(f, w, ctx) {
  const { c, at, via } = f;
  const { services, links, unresolved, values } = ctx;
  const src = { kind: "workload", ref: w.ref };
  const report = (reason, detail) => unresolved.push({ workload: w.ref, value: c.text, at: at(), ...via ? { via: via() } : {}, reason, detail });
  const add = (dst, conns, service) => {
    links.add(src, dst, conns, ctx.evidenceLines ? evidence(f, service, values) : placedEvidence(f, service));
    if (f.configMap) {
      const s = ctx.sharing.get(f.configMap.key) ?? { origin: f.configMap.origin, workloads: /* @__PURE__ */ new Set() };
      s.workloads.add(workloadKey(w.ref));
      ctx.sharing.set(f.configMap.key, s);
    }
  };
  if (isLocalAddress(c.host)) return;
  const port = c.port !== void 0 && /^\d+$/.test(c.port) ? Number(c.port) : void 0;
  if (port !== void 0 && (port < 1 || port > 65535)) {
    report("no-such-port", `port ${c.port} is outside 1-65535`);
    return;
  }
  if (isIpLiteral(c.host)) {
    const range = parseCidr(c.host);
    if (!range) return;
    add({ kind: "external", range }, port !== void 0 ? ConnectionSet.port("TCP", port) : ConnectionSet.ALL, void 0);
    return;
  }
  const target = serviceFor(c.host, w.ref.namespace, services);
  if (isApiServerHost(c.host, w.ref.namespace) && (!target || target.key === "default/kubernetes")) {
    report("api-server", `${c.host} is the Kubernetes API server; an egress rule needs the cluster's API server address, which the manifests do not hold`);
    return;
  }
  if (!target) {
    if (looksExternalHost(c.host)) report("external-hostname", `${c.host} is outside the cluster; NetworkPolicy cannot name hosts, only address blocks`);
    else if (c.explicit) report("no-such-service", `no Service matches ${c.host}`);
    return;
  }
  const svc = target.entry;
  if (svc.object.spec?.type === "ExternalName") {
    const name = svc.object.spec.externalName;
    report("external-hostname", `Service ${target.key} is an ExternalName for ${typeof name === "string" ? name : "?"}, outside the cluster; NetworkPolicy cannot name hosts`);
    return;
  }
  const all = svc.object.spec?.ports ?? [];
  const ports = all.filter((sp) => c.port === void 0 || String(sp.port) === c.port || (sp.name ?? void 0) === c.port);
  if (ports.length === 0) {
    if (!c.explicit) return;
    report("no-such-port", `Service ${target.key} has no port ${c.port}`);
    return;
  }
  if (svc.workloads.length === 0) {
    report("no-endpoints", `Service ${target.key} selects no workload in the manifests`);
    return;
  }
  if (c.port === void 0 && all.length > 1) {
    const key = `${workloadKey(w.ref)}\0${target.key}`;
    if (!ctx.portChoices.has(key)) {
      ctx.portChoices.set(
        key,
        diag(
          Codes.addressWithoutPort,
          "warning",
          `${JSON.stringify(c.text)} names Service ${target.key} without a port; it has ${all.length} ports (${all.map((sp) => sp.name ? `${sp.name}/${sp.port}` : String(sp.port)).join(", ")}), so ${workloadKey(w.ref)} may reach all of them`,
          at(),
          "write the port in the address (host:port) or review the link in a links file"
        )
      );
    }
  }
  for (const dw of svc.workloads) {
    if (dw === w) continue;
    const conns = targetConns(ports, dw.pods);
    if (!conns.isEmpty) add({ kind: "workload", ref: dw.ref }, conns, target.key);
  }
}
function isApiServerHost(host, namespace) {
  return /^kubernetes\.default(\.svc(\.cluster\.local)?)?$/.test(host) || host === "kubernetes" && namespace === "default";
}
function evidence(f, service, values) {
  const where2 = f.at();
  const traced = values.length > 0 ? traceValue(where2, f.c, values) : void 0;
  return {
    kind: "address",
    at: where2,
    value: f.c.text,
    ...f.via ? { via: f.via() } : {},
    ...f.configMap ? { configMap: f.configMap.key } : {},
    ...service ? { service } : {},
    ...traced ? { traced } : {}
  };
}
function placedEvidence(f, service) {
  return { kind: "address", at: f.place(), value: f.c.text, ...f.configMap ? { configMap: f.configMap.key } : {}, ...service ? { service } : {} };
}
function sharedConfigMapWarnings(sharing) {
  const out = [];
  for (const [key, s] of [...sharing].sort(([a], [b]) => compareStrings(a, b))) {
    if (s.workloads.size < 2) continue;
    const names = [...s.workloads].sort(compareStrings);
    out.push(
      diag(
        Codes.sharedConfigMap,
        "warning",
        `ConfigMap ${key} is shared by ${names.length} workloads (${names.join(", ")}); each gets a link to every address it names`,
        originRef(s.origin, ["metadata", "name"]),
        "if only some of them use an address, review the links in a links file (synthesize --links)"
      )
    );
  }
  return out;
}
function serviceFor(host, namespace, services) {
  let h = host;
  let suffixed = false;
  for (const s of CLUSTER_SUFFIXES) {
    if (h.endsWith(s)) {
      h = h.slice(0, -s.length);
      suffixed = true;
    }
  }
  const parts = h.split(".");
  const key = parts.length === 1 ? `${namespace}/${parts[0]}` : parts.length === 2 ? `${parts[1]}/${parts[0]}` : parts.length === 3 && suffixed ? `${parts[2]}/${parts[1]}` : void 0;
  const entry = key ? services.get(key) : void 0;
  return key && entry ? { key, entry } : void 0;
}
function addExposures(cluster, services, links) {
  const warnings = [];
  const expose = (src, ns, name, port, kind, object, at) => {
    const svc = services.get(`${ns}/${name}`);
    if (!svc) return;
    const picked = backendServicePorts(svc.object.spec?.ports ?? [], port, kind);
    if (picked.byTargetPort) warnings.push(backendByTargetPortWarning(object, port, name, at()));
    const ports = picked.ports;
    for (const w of svc.workloads) {
      const reached = targetConns(ports, w.pods);
      const conns = src.kind === "ingress-controller" ? reached.intersect(ConnectionSet.of("TCP")) : reached;
      if (!conns.isEmpty) links.add(src, { kind: "workload", ref: w.ref }, conns, { kind: "exposure", object, at: at() });
    }
  };
  const ic = { kind: "ingress-controller" };
  const ingress = ingressBackends(cluster.objects);
  for (const b of ingress.backends) expose(ic, b.namespace, b.service, b.port, b.kind, b.via, () => originRef(b.origin, b.path));
  for (const o of cluster.objects) {
    const ns = "metadata" in o.object && o.object.metadata.namespace || DEFAULT_NAMESPACE;
    switch (o.kind) {
      case "HTTPRoute":
      case "GRPCRoute":
      case "TCPRoute":
      case "TLSRoute":
      case "UDPRoute": {
        const object = `${o.kind} ${ns}/${o.object.metadata.name}`;
        const parents = (o.object.spec?.parentRefs ?? []).filter((p) => !p.kind || p.kind === "Gateway");
        (o.object.spec?.rules ?? []).forEach(
          (rule, ri) => (rule.backendRefs ?? []).forEach((b, bi) => {
            if (b.kind && b.kind !== "Service") return;
            for (const p of parents) {
              const gw = { kind: "gateway", namespace: p.namespace || ns, name: p.name };
              expose(gw, b.namespace || ns, b.name, b.port ? { number: b.port } : void 0, "gateway", object, () => originRef(o.origin, ["spec", "rules", ri, "backendRefs", bi]));
            }
          })
        );
        break;
      }
      case "Service": {
        const type = o.object.spec?.type;
        if (type !== "LoadBalancer" && type !== "NodePort") break;
        const svc = services.get(`${ns}/${o.object.metadata.name}`);
        for (const w of svc?.workloads ?? []) {
          const conns = targetConns(o.object.spec?.ports ?? [], w.pods);
          if (!conns.isEmpty)
            links.add({ kind: "external", range: fullRange(4) }, { kind: "workload", ref: w.ref }, conns, {
              kind: "exposure",
              object: `Service ${ns}/${o.object.metadata.name} (${type})`,
              at: originRef(o.origin, ["spec", "type"])
            });
        }
        break;
      }
      default:
        break;
    }
  }
  return [...ingress.diagnostics, ...warnings];
}
var LinkSet = class {
  map = /* @__PURE__ */ new Map();
  add(src, dst, conns, ev) {
    const key = `${peerKey(src)}\0${peerKey(dst)}`;
    const cur = this.map.get(key);
    if (cur) {
      cur.conns = cur.conns.union(conns);
      const text2 = evidenceText(ev);
      if (!cur.evidence.some((e) => evidenceText(e) === text2)) cur.evidence.push(ev);
    } else this.map.set(key, { src, dst, conns, evidence: [ev] });
  }
  sorted() {
    return [...this.map.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, l]) => l);
  }
};
function dedupeUnresolved(list) {
  const seen = /* @__PURE__ */ new Set();
  return list.filter((u) => {
    const k = `${u.workload.namespace}/${u.workload.name}[${u.workload.kind}]:${u.at.file}:${u.at.line}:${u.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export {
  linkOrigin,
  mergeLinks,
  compareDeclaredObserved,
  TRAFFIC_FORMATS,
  summaryText,
  POLICY_KINDS,
  readLiveCluster,
  runClusterDrift,
  readTrafficContext,
  readTraffic,
  unresolvedWarnings,
  findAddresses,
  evidenceText,
  scanTopology
};
