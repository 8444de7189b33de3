import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  EMPTY_SNAPSHOT,
  TrafficResolver,
  portableBasis
} from "./chunk-W3TQMIRJ.js";
import {
  refine
} from "./chunk-NCDNHDM5.js";
import {
  ConnectionSet,
  DEFAULT_NAMESPACE,
  atomize,
  compareStrings,
  isProtocol,
  locate,
  parseCidr,
  peerKey
} from "./chunk-YS4F6JR5.js";
import {
  Codes,
  diag,
  external_exports,
  parseManifestFile
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError
} from "./chunk-LJ56FUY6.js";

// src/topology/traffic/events.ts
function endpoint(kind, f) {
  return { kind, addr: f.addr, namespace: f.namespace, name: f.name, owner: f.owner, ownerKind: f.ownerKind, labels: f.labels, hostNetwork: f.hostNetwork, hostIp: f.hostIp };
}
var TRAFFIC_FORMATS = ["advisor-v1", "network-graph", "gadget-network", "advise-networkpolicy", "trace-tcp", "trace-tcp-columns", "plain"];

// src/pipeline/live-source.ts
function clusterLabel(source) {
  return source.target.context ? `cluster ${source.target.context}` : "cluster";
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

// src/drift/observed.ts
var pairKey = (src, dst) => `${peerKey(src)}\0${peerKey(dst)}`;
function covers(need, atom) {
  if (atom.kind === "external") return need.kind === "external" && need.range.family === atom.range.family && need.range.lo <= atom.range.lo && atom.range.hi <= need.range.hi;
  return peerKey(need) === peerKey(atom);
}
function checkObserved(links, sides, families) {
  const notChecked = [];
  const rows = [];
  const cuts = [...sides.repository.ipRanges, ...sides.cluster.ipRanges];
  const checkable = [];
  for (const l of links) {
    if (l.src.kind === "gateway" || l.dst.kind === "gateway" || l.dst.kind === "ingress-controller") {
      notChecked.push(l);
      continue;
    }
    if (l.src.kind === "external" && !families.includes(l.src.range.family) || l.dst.kind === "external" && !families.includes(l.dst.range.family)) continue;
    for (const p of [l.src, l.dst]) if (p.kind === "external") cuts.push(p.range);
    rows.push({ src: l.src, dst: l.dst, conns: l.conns });
    checkable.push(l);
  }
  const atoms = atomize(cuts, families);
  const observed = refine({ connections: rows, workloads: sides.repository.workloads, ipRanges: [] }, atoms);
  const repository = refine(sides.repository, atoms);
  const cluster = refine(sides.cluster, atoms);
  const blocked = [];
  for (const [k, o] of observed) {
    const byRepository = o.conns.subtract(repository.get(k)?.conns ?? ConnectionSet.NONE);
    const byCluster = o.conns.subtract(cluster.get(k)?.conns ?? ConnectionSet.NONE);
    if (byRepository.isEmpty && byCluster.isEmpty) continue;
    const evidence = checkable.filter((l) => covers(l.src, o.src) && covers(l.dst, o.dst)).flatMap((l) => l.evidence);
    blocked.push({ src: o.src, dst: o.dst, observed: o.conns, repository: byRepository, cluster: byCluster, evidence });
  }
  blocked.sort((a, b) => compareStrings(pairKey(a.src, a.dst), pairKey(b.src, b.dst)));
  return { blocked, checked: observed.size, notChecked };
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
function checkTrafficAgainst(io, cluster, request, settings, sides, scope) {
  const observed = readTraffic(io, cluster, request, settings);
  const inScope = (p) => scope === void 0 || p.kind !== "workload" || scope.has(p.ref.namespace);
  const links = observed.value.links.filter((l) => inScope(l.src) && inScope(l.dst));
  const check = checkObserved(links, sides, settings.ipFamilies);
  const notChecked = check.notChecked.map(
    (l) => diag(Codes.needNotChecked, "info", `observed ${l.src.kind === "gateway" || l.dst.kind === "gateway" ? "through a Gateway" : "towards the ingress controller"}: not checked against policies`, l.evidence[0]?.kind === "trace" ? { file: l.evidence[0].file, doc: 0, line: l.evidence[0].line } : void 0)
  );
  return {
    traffic: { check, links: links.length, outsideScope: observed.value.links.length - links.length, unresolved: observed.value.unresolved, summary: observed.value.summary },
    diagnostics: [...observed.diagnostics, ...unresolvedWarnings(observed.value.unresolved), ...notChecked]
  };
}

export {
  TRAFFIC_FORMATS,
  clusterLabel,
  readTrafficContext,
  readTraffic,
  unresolvedWarnings,
  checkTrafficAgainst
};
