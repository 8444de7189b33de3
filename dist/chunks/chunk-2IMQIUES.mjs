import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  scanTopology
} from "./chunk-HM4COL5A.mjs";
import {
  ConnectionSet,
  IntervalSet,
  PROTOCOLS,
  PolicyEngine,
  engineOptions,
  loadManifests,
  peerKey
} from "./chunk-O73IRBZ3.mjs";
import {
  ParseCache
} from "./chunk-TBLT5FKE.mjs";

// src/pipeline/result-codec.ts
var Unstorable = class extends Error {
};
var TAG = {
  conns: "\0conns",
  ports: "\0ports",
  map: "\0map",
  set: "\0set",
  bigint: "\0bigint",
  undefined: "\0undefined",
  /** A plain object one of whose own keys starts with NUL (never in practice; kept faithful anyway). */
  object: "\0object"
};
function define(o, k, value) {
  if (k === "__proto__") Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
  else o[k] = value;
}
var flat = (s) => [...s.intervals()].flat();
function isPlainObject(v) {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
function encodeResult(value) {
  const open = /* @__PURE__ */ new Set();
  const enc = (v) => {
    switch (typeof v) {
      case "string":
      case "boolean":
        return v;
      case "number":
        if (!Number.isFinite(v) || Object.is(v, -0)) throw new Unstorable(`number ${String(v)}`);
        return v;
      case "bigint":
        return { [TAG.bigint]: v.toString() };
      case "undefined":
        return { [TAG.undefined]: 0 };
      case "object": {
        if (v === null) return null;
        if (open.has(v)) throw new Unstorable("a cycle");
        open.add(v);
        try {
          if (v instanceof ConnectionSet) return { [TAG.conns]: PROTOCOLS.map((p) => flat(v.ports(p))) };
          if (v instanceof IntervalSet) return { [TAG.ports]: flat(v) };
          if (v instanceof Map) return { [TAG.map]: [...v.entries()].map(([k, x]) => [enc(k), enc(x)]) };
          if (v instanceof Set) return { [TAG.set]: [...v].map(enc) };
          if (Array.isArray(v)) {
            const out = [];
            for (let i = 0; i < v.length; i++) {
              if (!(i in v)) throw new Unstorable("a sparse array");
              out.push(enc(v[i]));
            }
            return out;
          }
          if (!isPlainObject(v)) throw new Unstorable(`an instance of ${v.constructor?.name ?? "a class"}`);
          const keys = Object.keys(v);
          const o = {};
          for (const k of keys) define(o, k, enc(v[k]));
          return keys.some((k) => k.startsWith("\0")) ? { [TAG.object]: o } : o;
        } finally {
          open.delete(v);
        }
      }
      default:
        throw new Unstorable(`a ${typeof v}`);
    }
  };
  return enc(value);
}
function intervals(raw, min, max) {
  if (!Array.isArray(raw) || raw.length % 2 !== 0) throw new Unstorable("port list");
  const pairs = [];
  let last = min - 2;
  for (let i = 0; i < raw.length; i += 2) {
    const lo = raw[i];
    const hi = raw[i + 1];
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) throw new Unstorable("port");
    const [a, b] = [lo, hi];
    if (a > b || a <= last + 1 || a < min || b > max) throw new Unstorable("non-canonical port list");
    pairs.push([a, b]);
    last = b;
  }
  return IntervalSet.of(pairs);
}
function connectionSet(raw) {
  if (!Array.isArray(raw) || raw.length !== PROTOCOLS.length) throw new Unstorable("connection set");
  return PROTOCOLS.reduce((acc, p, i) => acc.union(ConnectionSet.of(p, intervals(raw[i], 1, 65535))), ConnectionSet.NONE);
}
function decodeResult(json) {
  const dec = (v) => {
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new Unstorable("number");
      return v;
    }
    if (Array.isArray(v)) return v.map(dec);
    if (typeof v !== "object") throw new Unstorable(typeof v);
    const keys = Object.keys(v);
    const first = keys[0];
    if (keys.length === 1 && first !== void 0 && first.startsWith("\0")) {
      const body = v[first];
      switch (first) {
        case TAG.conns:
          return connectionSet(body);
        case TAG.ports:
          return intervals(body, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
        case TAG.map:
          if (!Array.isArray(body)) throw new Unstorable("map");
          return new Map(
            body.map((e) => {
              if (!Array.isArray(e) || e.length !== 2) throw new Unstorable("map entry");
              return [dec(e[0]), dec(e[1])];
            })
          );
        case TAG.set:
          if (!Array.isArray(body)) throw new Unstorable("set");
          return new Set(body.map(dec));
        case TAG.bigint:
          if (typeof body !== "string" || !/^-?\d+$/.test(body)) throw new Unstorable("bigint");
          return BigInt(body);
        case TAG.undefined:
          return void 0;
        case TAG.object:
          if (body === null || typeof body !== "object" || Array.isArray(body)) throw new Unstorable("object");
          return plain(body);
        default:
          throw new Unstorable(`unknown tag ${JSON.stringify(first)}`);
      }
    }
    if (keys.some((k) => k.startsWith("\0"))) throw new Unstorable("stray tag");
    return plain(v);
  };
  const plain = (v) => {
    const o = {};
    for (const k of Object.keys(v)) define(o, k, dec(v[k]));
    return o;
  };
  return dec(json);
}

// src/pipeline/check/base-thread.ts
function baseThreadInput(files, values, settings) {
  return {
    // a rendered file's origins travel with it: base's positions are cited in the same files as head's
    files: files.map((f) => ({ path: f.path, text: f.text, ...f.origins ? { origins: f.origins } : {} })),
    values: values.map((v) => ({ chart: v.chart, files: v.files.map((f) => ({ path: f.path, text: f.text })) })),
    ...settings.namespace !== void 0 ? { namespace: settings.namespace } : {},
    ipFamilies: settings.ipFamilies,
    ...settings.podCidrs ? { podCidrs: settings.podCidrs } : {},
    ...settings.serviceCidrs ? { serviceCidrs: settings.serviceCidrs } : {},
    ...settings.ingressController ? { ingressController: settings.ingressController } : {}
  };
}
function analyzeBase(input) {
  const load = loadManifests(input.files, new ParseCache(), input.namespace ? { defaultNamespace: input.namespace } : {});
  const engine = new PolicyEngine(load.cluster, engineOptions(input));
  const scan = scanTopology(load.cluster, { values: input.values, evidenceLines: false, ...input.serviceCidrs ? { serviceCidrs: input.serviceCidrs } : {} });
  const connections = engine.connectivity().connections;
  return { connections, topology: scan.value, engineDiagnostics: engine.diagnostics, scanDiagnostics: scan.diagnostics };
}
function isPlainJson(v) {
  switch (typeof v) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(v) && !Object.is(v, -0);
    case "object": {
      if (v === null) return true;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (!(i in v) || !isPlainJson(v[i])) return false;
        return true;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype) return false;
      for (const k in v) if (k.startsWith("\0") || k === "__proto__" || !isPlainJson(v[k])) return false;
      return true;
    }
    default:
      return false;
  }
}
var part = (v) => isPlainJson(v) ? { raw: v } : { tagged: encodeResult(v) };
var unpart = (p) => "raw" in p ? p.raw : decodeResult(p.tagged);
function encodeBaseAnalysis(a) {
  const peers = [];
  const peerIndex = /* @__PURE__ */ new Map();
  const conns = [];
  const connsIndex = /* @__PURE__ */ new Map();
  const peerAt = (p) => {
    const key = peerKey(p);
    let i = peerIndex.get(key);
    if (i === void 0) {
      i = peers.push(p) - 1;
      peerIndex.set(key, i);
    }
    return i;
  };
  const connsAt = (c) => {
    let i = connsIndex.get(c.key);
    if (i === void 0) {
      i = conns.push(c) - 1;
      connsIndex.set(c.key, i);
    }
    return i;
  };
  const triples = (list) => list.flatMap((c) => [peerAt(c.src), peerAt(c.dst), connsAt(c.conns)]);
  const wire = {
    connections: triples(a.connections),
    links: triples(a.topology.links),
    peers: encodeResult(peers),
    conns: encodeResult(conns),
    evidence: part(a.topology.links.map((l) => l.evidence)),
    unresolved: part(a.topology.unresolved),
    engineDiagnostics: part(a.engineDiagnostics),
    scanDiagnostics: part(a.scanDiagnostics)
  };
  return JSON.stringify(wire);
}
function decodeBaseAnalysis(text) {
  try {
    return decodeWire(JSON.parse(text));
  } catch (e) {
    if (e instanceof Unstorable || e instanceof SyntaxError || e instanceof TypeError) return void 0;
    throw e;
  }
}
function decodeWire(wire) {
  const peers = decodeResult(wire.peers);
  const conns = decodeResult(wire.conns);
  const peer = (i) => {
    const p = peers[i];
    if (!p) throw new Unstorable("peer index");
    return p;
  };
  const connsOf = (i) => {
    const c = conns[i];
    if (!c) throw new Unstorable("connection set index");
    return c;
  };
  const connections = [];
  const t = wire.connections;
  for (let i = 0; i < t.length; i += 3) connections.push({ src: peer(t[i]), dst: peer(t[i + 1]), conns: connsOf(t[i + 2]) });
  const evidence = unpart(wire.evidence);
  const links = [];
  const l = wire.links;
  if (evidence.length * 3 !== l.length) throw new Unstorable("links");
  for (let i = 0; i < l.length; i += 3) links.push({ src: peer(l[i]), dst: peer(l[i + 1]), conns: connsOf(l[i + 2]), evidence: evidence[i / 3] });
  return {
    connections,
    topology: { links, unresolved: unpart(wire.unresolved) },
    engineDiagnostics: unpart(wire.engineDiagnostics),
    scanDiagnostics: unpart(wire.scanDiagnostics)
  };
}

export {
  Unstorable,
  encodeResult,
  decodeResult,
  baseThreadInput,
  analyzeBase,
  encodeBaseAnalysis,
  decodeBaseAnalysis
};
