import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  ConnectionSet,
  compareStrings,
  formatRange,
  parseCidr,
  peerKey,
  rangeContains,
  selectorMatches
} from "./chunk-YS4F6JR5.js";
import {
  Codes,
  diag
} from "./chunk-TZ6IWUHF.js";

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
function isIngressControllerPod(labels) {
  const name = labels?.["app.kubernetes.io/name"] ?? labels?.app;
  return name !== void 0 && INGRESS_CONTROLLERS.has(name);
}
function isDnsPod(labels, name) {
  return labels?.["k8s-app"] === "kube-dns" || name !== void 0 && /^(coredns|kube-dns)-/.test(name);
}
function targetPorts(sp, w) {
  const t = sp.targetPort ?? sp.port;
  if (typeof t === "number" || /^\d+$/.test(t)) return [Number(t)];
  const protocol = sp.protocol ?? "TCP";
  return [...new Set(w.pods.flatMap((p) => p.ports.filter((cp) => cp.name === t && cp.protocol === protocol).map((cp) => cp.port)))].sort((a, b) => a - b);
}

// src/topology/traffic/snapshot-model.ts
var EMPTY_SNAPSHOT = { pods: [], services: [], namespaces: [], nodeIps: [] };

// src/topology/traffic/resolve.ts
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
      const text = src.kind === "unresolved" ? src.text : src.kind === "service" ? `Service ${src.key}` : src.kind === "dns" && src.text !== void 0 ? src.text : endpointText(e.src);
      this.unresolved(file, e, text, dst, src.kind === "unresolved" ? src.reason : "unknown-service", src.kind === "unresolved" ? src.detail : "a Service as a source");
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
        const text = `pod ${ep.namespace}/${ep.name ?? ep.owner ?? "?"}`;
        return { kind: "unresolved", text, reason: "unknown-pod", detail: `${text} belongs to no workload of the manifests` };
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
  podWorkload(ns, podName, owner, ownerKind, labels) {
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
    const l = labels ?? snap?.labels;
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
function labelsKey(labels) {
  return labels === void 0 ? "-" : JSON.stringify(Object.entries(labels).sort(([a], [b]) => compareText(a, b)));
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
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

export {
  linkOrigin,
  mergeLinks,
  compareDeclaredObserved,
  EMPTY_SNAPSHOT,
  portableBasis,
  TrafficResolver,
  summaryText
};
