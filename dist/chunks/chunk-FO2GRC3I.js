import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  ConnectionSet,
  DEFAULT_NAMESPACE,
  backendByTargetPortWarning,
  backendServicePorts,
  compareStrings,
  fullRange,
  ingressBackends,
  originRef,
  parseCidr,
  peerKey,
  serviceWorkloads,
  targetConns,
  workloadKey,
  workloadsByNamespace
} from "./chunk-S2WSBLV4.js";
import {
  Codes,
  diag
} from "./chunk-ZJ4JOIE2.js";

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
function boundaryBefore(text, index) {
  if (index === 0) return true;
  return /[\s,;=([{'"|>]/.test(text[index - 1]) || text.startsWith("//", index - 2);
}
function boundaryAfter(text, end) {
  if (end >= text.length) return true;
  return /[\s,;)\]}'"|/?#&<]/.test(text[end]);
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
    const text = m[0].replace(/^([a-z][a-z0-9+.-]*:\/\/[^\s/@:,;'"]*):[^\s/@,;'"]*@/i, "$1:***@");
    out.push({ host: host.replace(/^\[(.*)\]$/, "$1"), ...g.port !== void 0 ? { port: g.port.toLowerCase() } : {}, ...scheme ? { scheme } : {}, text, explicit, offset: start });
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
  const labels = host.split(".");
  return labels.length >= 2 && PUBLIC_TLDS.has(labels[labels.length - 1]) && !host.endsWith(".svc.cluster.local");
}
function isLocalAddress(host) {
  return host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "::1" || host === "0.0.0.0" || host === "::";
}
function isIpLiteral(host) {
  if (host.includes(":")) return /^[0-9a-f:.]+$/i.test(host);
  return IPV4.test(host) && host.split(".").every((o) => Number(o) <= 255);
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
  const ctx = { services, links, unresolved, values, sharing, portChoices, evidenceLines: options.evidenceLines ?? true, docLines: /* @__PURE__ */ new Map() };
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
        // once per candidate: an address reaching a Service of several workloads gives one link each
        at: once(() => lineOf(origin, path, value, c.offset, ctx.docLines)),
        place: () => ({ file: origin.document.file, doc: origin.document.doc, path: [...origin.path, ...path] }),
        ...extra.via ? { via: once(extra.via) } : {},
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
  for (const field of ["initContainers", "containers"]) {
    (w.spec?.[field] ?? []).forEach((container, ci) => {
      const base = [...w.specPath, field, ci];
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
function lineOf(origin, path, value, offset, docLines) {
  const at = originRef(origin, path);
  const before = value.slice(0, offset);
  const index = before.split("\n").length - 1;
  const valueLine = (value.split("\n")[index] ?? "").trim();
  if (at.line === void 0 || valueLine === "") return at;
  const doc = origin.document;
  let lines = docLines.get(doc);
  if (!lines) {
    lines = doc.text.split("\n");
    docLines.set(doc, lines);
  }
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
  if (values.length > 0) {
    const where = f.at();
    const traced = traceValue(where, f.c, values);
    return {
      kind: "address",
      at: where,
      value: f.c.text,
      ...f.via ? { via: f.via() } : {},
      ...f.configMap ? { configMap: f.configMap.key } : {},
      ...service ? { service } : {},
      ...traced ? { traced } : {}
    };
  }
  const ev = { kind: "address" };
  lazyField(ev, "at", f.at);
  ev.value = f.c.text;
  if (f.via) lazyField(ev, "via", f.via);
  if (f.configMap) ev.configMap = f.configMap.key;
  if (service) ev.service = service;
  return ev;
}
function exposureEvidence(object, at) {
  const ev = { kind: "exposure", object };
  lazyField(ev, "at", at);
  return ev;
}
function once(compute) {
  let done = false;
  let value;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
function lazyField(o, key, get) {
  Object.defineProperty(o, key, { get, enumerable: true, configurable: true });
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
    at = once(at);
    const picked = backendServicePorts(svc.object.spec?.ports ?? [], port, kind);
    if (picked.byTargetPort) warnings.push(backendByTargetPortWarning(object, port, name, at()));
    const ports = picked.ports;
    for (const w of svc.workloads) {
      const reached = targetConns(ports, w.pods);
      const conns = src.kind === "ingress-controller" ? reached.intersect(ConnectionSet.of("TCP")) : reached;
      if (!conns.isEmpty) links.add(src, { kind: "workload", ref: w.ref }, conns, exposureEvidence(object, at));
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
      const text = evidenceText(ev);
      if (!cur.evidence.some((e) => evidenceText(e) === text)) cur.evidence.push(ev);
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
  findAddresses,
  evidenceText,
  scanTopology
};
