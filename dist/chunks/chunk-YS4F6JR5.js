import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  Codes,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_RENDER_OPTIONS,
  IntegralFloat,
  appendAll,
  diag,
  external_exports,
  parseStoredOrFresh,
  require_dist
} from "./chunk-TZ6IWUHF.js";
import {
  __toESM
} from "./chunk-UQ363SVG.js";

// src/manifests/positions.ts
var import_yaml = __toESM(require_dist(), 1);

// src/manifests/fast-locate.ts
var lineCache = /* @__PURE__ */ new WeakMap();
function isContent(l) {
  const t = l.trimStart();
  return t !== "" && !t.startsWith("#");
}
function keyOf(text) {
  const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[&*!|>%@`][^:#]*?|[^\s#'"{[&*!|>%@`]):(?:\s+|$)/.exec(text);
  if (!m) return void 0;
  let key = m[1];
  if (key.startsWith('"')) key = JSON.parse(key);
  else if (key.startsWith("'")) key = key.slice(1, -1).replace(/''/g, "'");
  else key = key.trimEnd();
  return { key, rest: text.slice(m[0].length), restOffset: m[0].length };
}
function restIsBlock(rest) {
  const r = rest.trim();
  return r === "" || r.startsWith("#");
}
var nodeCache = /* @__PURE__ */ new WeakMap();
function prefixKey(path, n) {
  let k = "";
  for (let i = 0; i < n; i++) {
    const seg = path[i];
    k += typeof seg === "number" ? `${seg}` : `${seg}`;
  }
  return k;
}
function fastLocate(owner, text, path) {
  let lines = lineCache.get(owner);
  if (!lines) {
    lines = text.split("\n");
    lineCache.set(owner, lines);
  }
  const all = lines;
  let nodes = nodeCache.get(owner);
  if (!nodes) {
    nodes = /* @__PURE__ */ new Map();
    nodeCache.set(owner, nodes);
  }
  const lineAt = (node2, i) => {
    if (node2.virtual && node2.virtual.index === i) return node2.virtual.line;
    const raw = all[i];
    if (!isContent(raw)) return void 0;
    const indent = raw.length - raw.trimStart().length;
    return { indent, text: raw.slice(indent).replace(/\r$/, "") };
  };
  let node = nodes.get("") ?? { from: 0, to: all.length, virtual: void 0, here: { line: 0, column: 1 } };
  nodes.set("", node);
  for (let s = 0; s < path.length; s++) {
    const seg = path[s];
    const last = s === path.length - 1;
    const cur = node;
    if (cur.first === void 0) {
      let first2 = cur.from;
      while (first2 < cur.to && !lineAt(cur, first2)) first2++;
      cur.first = first2;
      cur.childIndent = first2 < cur.to ? lineAt(cur, first2).indent : -1;
    }
    const first = cur.first;
    if (first >= cur.to) return void 0;
    const childIndent = cur.childIndent;
    const key = prefixKey(path, s + 1);
    const known = nodes.get(key);
    if (typeof seg === "string") {
      if (!cur.keys) {
        cur.keys = /* @__PURE__ */ new Map();
        for (let i = first; i < cur.to; i++) {
          const l2 = lineAt(cur, i);
          if (!l2 || l2.indent !== childIndent) continue;
          const k = keyOf(l2.text);
          if (k && !cur.keys.has(k.key)) cur.keys.set(k.key, { line: i, info: k });
        }
      }
      const hit = cur.keys.get(seg);
      if (!hit) return void 0;
      const l = lineAt(cur, hit.line);
      if (last) {
        const inline = !restIsBlock(hit.info.rest);
        return { line: hit.line, column: l.indent + 1 + (inline ? hit.info.restOffset : 0) };
      }
      if (!restIsBlock(hit.info.rest)) return void 0;
      if (known) {
        node = known;
        continue;
      }
      let end = hit.line + 1;
      while (end < cur.to) {
        const c = lineAt(cur, end);
        if (c && (c.indent < l.indent || c.indent === l.indent && !c.text.startsWith("-"))) break;
        end++;
      }
      node = { from: hit.line + 1, to: end, virtual: void 0, here: { line: hit.line, column: l.indent + 1 } };
      nodes.set(key, node);
    } else {
      if (!cur.items) {
        cur.items = [];
        for (let i = first; i < cur.to; i++) {
          const l = lineAt(cur, i);
          if (!l || l.indent !== childIndent || !(l.text === "-" || l.text.startsWith("- "))) continue;
          cur.items.push(i);
        }
      }
      const found = cur.items[seg];
      if (found === void 0) return void 0;
      const dash = lineAt(cur, found);
      const after = dash.text.slice(1);
      const pad = after.length - after.trimStart().length;
      const content = after.trimStart();
      if (last) return { line: found, column: dash.indent + 1 + (content ? 1 + pad : 0) };
      if (known) {
        node = known;
        continue;
      }
      let end = found + 1;
      while (end < cur.to) {
        const c = lineAt(cur, end);
        if (c && c.indent <= dash.indent) break;
        end++;
      }
      const here = { line: found, column: dash.indent + 1 };
      if (content === "" || content.startsWith("#")) node = { from: found + 1, to: end, virtual: void 0, here };
      else {
        if (content.startsWith("- ") || content.startsWith("{") || content.startsWith("[")) return void 0;
        node = { from: found, to: end, virtual: { index: found, line: { indent: dash.indent + 1 + pad, text: content } }, here };
      }
      nodes.set(key, node);
    }
  }
  if (path.length === 0) {
    const first = all.findIndex((l) => isContent(l) && !/^---(\s|$)/.test(l));
    return first >= 0 ? { line: first, column: 1 } : node.here;
  }
  return node.here;
}

// src/manifests/positions.ts
var cache = /* @__PURE__ */ new WeakMap();
function parsed(d) {
  let hit = cache.get(d);
  if (!hit) {
    const lines = new import_yaml.LineCounter();
    const doc = (0, import_yaml.parseDocument)(d.text, { lineCounter: lines, uniqueKeys: false, strict: false });
    hit = { doc, lines };
    cache.set(d, hit);
  }
  return hit;
}
function locate(d, path) {
  const fast = fastLocate(d, d.text, path);
  if (fast) return { file: d.file, doc: d.doc, line: d.startLine + fast.line, column: fast.column, path: [...path] };
  return locateWithParser(d, path);
}
function locateWithParser(d, path) {
  const { doc, lines } = parsed(d);
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if ((0, import_yaml.isNode)(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { file: d.file, doc: d.doc, line: d.startLine + pos.line - 1, column: pos.col, path: [...path] };
    }
  }
  return { file: d.file, doc: d.doc, line: d.startLine, path: [...path] };
}

// src/manifests/schemas.ts
var str = external_exports.string();
function isPlainMapping(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var labels = external_exports.custom(isPlainMapping, { error: (i) => `expected a mapping of labels, got ${describe(i.input)}` }).superRefine((v, ctx) => {
  for (const k of Object.keys(v)) if (typeof v[k] !== "string") ctx.addIssue({ code: "custom", message: "expected a string label value", path: [k] });
});
var anyMap = external_exports.custom(isPlainMapping, { error: (i) => `expected a mapping, got ${describe(i.input)}` });
var intOrString = external_exports.union([external_exports.number().int(), external_exports.string()], { error: (i) => `expected a number or a name, got ${describe(i.input)}` });
var int = () => external_exports.number({ error: (i) => `expected an integer, got ${describe(i.input)}` }).int({ error: (i) => `expected an integer, got ${describe(i.input)}` });
var protocol = external_exports.enum(["TCP", "UDP", "SCTP"], { error: (i) => `expected TCP, UDP or SCTP, got ${describe(i.input)}` });
function describe(v) {
  if (v === null) return "null";
  if (v instanceof IntegralFloat) return `${v.text} (a number with a fraction or exponent, not an integer)`;
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}
var LabelSelectorSchema = external_exports.object({
  matchLabels: labels.nullish(),
  matchExpressions: external_exports.array(
    external_exports.object({
      key: str,
      operator: external_exports.enum(["In", "NotIn", "Exists", "DoesNotExist"], { error: (i) => `expected In, NotIn, Exists or DoesNotExist, got ${describe(i.input)}` }),
      values: external_exports.array(external_exports.string()).nullish()
    }).loose()
  ).nullish()
}).loose();
var MetadataSchema = external_exports.object({
  name: str.optional(),
  generateName: str.optional(),
  namespace: str.nullish(),
  labels: labels.nullish(),
  annotations: anyMap.nullish(),
  ownerReferences: external_exports.array(external_exports.object({ kind: str.optional(), name: str, apiVersion: str.optional(), controller: external_exports.boolean().nullish() }).loose()).nullish()
}).loose();
var EnvVarSchema = external_exports.object({
  name: str,
  value: external_exports.unknown().optional(),
  valueFrom: external_exports.object({
    configMapKeyRef: external_exports.object({ name: str, key: str, optional: external_exports.boolean().nullish() }).loose().nullish()
  }).loose().nullish()
}).loose();
var ContainerSchema = external_exports.object({
  name: str.optional(),
  image: str.optional(),
  ports: external_exports.array(
    external_exports.object({
      // validated in cluster.ts, so that one bad port entry does not drop the whole workload
      containerPort: external_exports.unknown().optional(),
      name: str.nullish(),
      protocol: protocol.nullish()
    }).loose()
  ).nullish(),
  env: external_exports.array(EnvVarSchema).nullish(),
  envFrom: external_exports.array(external_exports.object({ configMapRef: external_exports.object({ name: str }).loose().nullish(), prefix: str.nullish() }).loose()).nullish(),
  args: external_exports.array(external_exports.unknown()).nullish(),
  command: external_exports.array(external_exports.unknown()).nullish()
}).loose();
var PodSpecSchema = external_exports.object({
  containers: external_exports.array(ContainerSchema).nullish(),
  initContainers: external_exports.array(ContainerSchema).nullish(),
  hostNetwork: external_exports.boolean().nullish(),
  volumes: external_exports.array(
    external_exports.object({
      name: str.optional(),
      configMap: external_exports.object({ name: str }).loose().nullish(),
      projected: external_exports.object({ sources: external_exports.array(external_exports.object({ configMap: external_exports.object({ name: str }).loose().nullish() }).loose()).nullish() }).loose().nullish()
    }).loose()
  ).nullish()
}).loose();
var PodTemplateSchema = external_exports.object({ metadata: MetadataSchema.nullish(), spec: PodSpecSchema.nullish() }).loose();
var PodSchema = external_exports.object({ metadata: MetadataSchema, spec: PodSpecSchema.nullish() }).loose();
var TemplatedWorkloadSchema = external_exports.object({ metadata: MetadataSchema, spec: external_exports.object({ template: PodTemplateSchema.nullish() }).loose().nullish() }).loose();
var CronJobSchema = external_exports.object({
  metadata: MetadataSchema,
  spec: external_exports.object({ jobTemplate: external_exports.object({ spec: external_exports.object({ template: PodTemplateSchema.nullish() }).loose().nullish() }).loose().nullish() }).loose().nullish()
}).loose();
var NamespaceSchema = external_exports.object({ metadata: MetadataSchema }).loose();
var ServiceSchema = external_exports.object({
  metadata: MetadataSchema,
  spec: external_exports.object({
    type: str.nullish(),
    selector: labels.nullish(),
    ports: external_exports.array(
      external_exports.object({
        name: str.nullish(),
        port: int().min(1).max(65535),
        targetPort: intOrString.nullish(),
        protocol: protocol.nullish(),
        nodePort: int().nullish()
      }).loose()
    ).nullish()
  }).loose().nullish()
}).loose();
var IngressBackendSchema = external_exports.object({
  service: external_exports.object({ name: str, port: external_exports.object({ number: int().nullish(), name: str.nullish() }).loose().nullish() }).loose().nullish(),
  // extensions/v1beta1 and networking.k8s.io/v1beta1
  serviceName: str.nullish(),
  servicePort: intOrString.nullish(),
  resource: external_exports.unknown().optional()
}).loose();
var IngressSchema = external_exports.object({
  metadata: MetadataSchema,
  spec: external_exports.object({
    defaultBackend: IngressBackendSchema.nullish(),
    backend: IngressBackendSchema.nullish(),
    rules: external_exports.array(
      external_exports.object({
        host: str.nullish(),
        http: external_exports.object({ paths: external_exports.array(external_exports.object({ path: str.nullish(), backend: IngressBackendSchema }).loose()).nullish() }).loose().nullish()
      }).loose()
    ).nullish()
  }).loose().nullish()
}).loose();
var RouteTargetSchema = external_exports.object({ kind: str.nullish(), name: str, weight: external_exports.number().nullish() }).loose();
var RouteSchema = external_exports.object({
  metadata: MetadataSchema,
  spec: external_exports.object({
    host: str.nullish(),
    to: RouteTargetSchema,
    alternateBackends: external_exports.array(RouteTargetSchema).nullish(),
    port: external_exports.object({ targetPort: intOrString }).loose().nullish()
  }).loose()
}).loose();
var IpBlockSchema = external_exports.object({ cidr: str, except: external_exports.array(str).nullish() }).loose();
var NpPeerSchema = external_exports.object({ podSelector: LabelSelectorSchema.nullish(), namespaceSelector: LabelSelectorSchema.nullish(), ipBlock: IpBlockSchema.nullish() }).loose();
var NpPortSchema = external_exports.object({ protocol: protocol.nullish(), port: intOrString.nullish(), endPort: int().nullish() }).loose();
var NetworkPolicySchema = external_exports.object({
  metadata: MetadataSchema,
  spec: external_exports.object({
    podSelector: LabelSelectorSchema.nullish(),
    policyTypes: external_exports.array(external_exports.enum(["Ingress", "Egress"], { error: (i) => `expected Ingress or Egress, got ${describe(i.input)}` })).nullish(),
    ingress: external_exports.array(external_exports.object({ from: external_exports.array(NpPeerSchema).nullish(), ports: external_exports.array(NpPortSchema).nullish() }).loose()).nullish(),
    egress: external_exports.array(external_exports.object({ to: external_exports.array(NpPeerSchema).nullish(), ports: external_exports.array(NpPortSchema).nullish() }).loose()).nullish()
  }).loose().nullish()
}).loose();
var NamespacedPodSchema = external_exports.object({ namespaceSelector: LabelSelectorSchema.nullish(), podSelector: LabelSelectorSchema.nullish() }).loose();
var AdminSubjectSchema = external_exports.object({ namespaces: LabelSelectorSchema.nullish(), pods: NamespacedPodSchema.nullish() }).loose();
var AdminPeerSchema = external_exports.object({
  namespaces: LabelSelectorSchema.nullish(),
  pods: NamespacedPodSchema.nullish(),
  networks: external_exports.array(str).nullish(),
  nodes: LabelSelectorSchema.nullish()
}).loose();
var AdminPortSchema = external_exports.object({
  portNumber: external_exports.object({ protocol: protocol.nullish(), port: int() }).loose().nullish(),
  namedPort: str.nullish(),
  portRange: external_exports.object({ protocol: protocol.nullish(), start: int(), end: int() }).loose().nullish()
}).loose();
var anpAction = external_exports.enum(["Allow", "Deny", "Pass"], { error: (i) => `expected Allow, Deny or Pass, got ${describe(i.input)}` });
var banpAction = external_exports.enum(["Allow", "Deny"], { error: (i) => `expected Allow or Deny, got ${describe(i.input)}` });
var adminRules = (action2) => ({
  ingress: external_exports.array(external_exports.object({ name: str.nullish(), action: action2, from: external_exports.array(AdminPeerSchema), ports: external_exports.array(AdminPortSchema).nullish() }).loose()).nullish(),
  egress: external_exports.array(external_exports.object({ name: str.nullish(), action: action2, to: external_exports.array(AdminPeerSchema), ports: external_exports.array(AdminPortSchema).nullish() }).loose()).nullish()
});
var AdminNetworkPolicySchema = external_exports.object({
  metadata: MetadataSchema,
  spec: external_exports.object({
    priority: int().min(0).max(1e3),
    subject: AdminSubjectSchema,
    ...adminRules(anpAction)
  }).loose()
}).loose();
var BaselineAdminNetworkPolicySchema = external_exports.object({
  metadata: MetadataSchema,
  spec: external_exports.object({
    subject: AdminSubjectSchema,
    ...adminRules(banpAction)
  }).loose()
}).loose();
var ConfigMapSchema = external_exports.object({ metadata: MetadataSchema, data: anyMap.nullish() }).loose();
var BackendRefSchema = external_exports.object({ name: str, namespace: str.nullish(), port: int().nullish(), kind: str.nullish(), group: str.nullish() }).loose();
var GatewayRouteSchema = external_exports.object({
  metadata: MetadataSchema,
  spec: external_exports.object({
    parentRefs: external_exports.array(external_exports.object({ name: str, namespace: str.nullish(), kind: str.nullish(), sectionName: str.nullish() }).loose()).nullish(),
    rules: external_exports.array(external_exports.object({ backendRefs: external_exports.array(BackendRefSchema).nullish() }).loose()).nullish()
  }).loose().nullish()
}).loose();

// src/manifests/cnp-schema.ts
var portSpec = external_exports.object({
  destinationPort: external_exports.object({
    number: int().min(1).max(65535).nullish(),
    range: external_exports.object({ start: int().min(1).max(65535), end: int().min(1).max(65535) }).loose().nullish()
  }).loose().nullish()
}).loose();
var ProtocolSchema = external_exports.object({ tcp: portSpec.nullish(), udp: portSpec.nullish(), sctp: portSpec.nullish(), destinationNamedPort: external_exports.string().nullish() }).loose();
var NamespacedPod = external_exports.object({ namespaceSelector: LabelSelectorSchema.nullish(), podSelector: LabelSelectorSchema.nullish() }).loose();
var PeerSchema = external_exports.object({
  namespaces: LabelSelectorSchema.nullish(),
  pods: NamespacedPod.nullish(),
  networks: external_exports.array(external_exports.string()).nullish(),
  nodes: LabelSelectorSchema.nullish(),
  domainNames: external_exports.array(external_exports.string()).nullish()
}).loose();
var action = external_exports.enum(["Accept", "Deny", "Pass"], { error: (i) => `expected Accept, Deny or Pass, got ${JSON.stringify(i.input)}` });
var ClusterNetworkPolicySchema = external_exports.object({
  metadata: MetadataSchema,
  spec: external_exports.object({
    tier: external_exports.enum(["Admin", "Baseline"], { error: (i) => `expected Admin or Baseline, got ${JSON.stringify(i.input)}` }),
    priority: int().min(0).max(1e3),
    subject: external_exports.object({ namespaces: LabelSelectorSchema.nullish(), pods: NamespacedPod.nullish() }).loose(),
    ingress: external_exports.array(external_exports.object({ name: external_exports.string().nullish(), action, from: external_exports.array(PeerSchema), protocols: external_exports.array(ProtocolSchema).nullish() }).loose()).nullish(),
    egress: external_exports.array(external_exports.object({ name: external_exports.string().nullish(), action, to: external_exports.array(PeerSchema), protocols: external_exports.array(ProtocolSchema).nullish() }).loose()).nullish()
  }).loose()
}).loose();

// src/model/ip.ts
var BITS = { 4: 32, 6: 128 };
var MAX = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n };
function fullRange(family) {
  return { family, lo: 0n, hi: MAX[family] };
}
function parseIPv4(text) {
  const parts = text.split(".");
  if (parts.length !== 4) return void 0;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return void 0;
    const n = Number(p);
    if (n > 255) return void 0;
    v = v << 8n | BigInt(n);
  }
  return v;
}
function parseIPv6(text) {
  let s = text;
  const lastColon = s.lastIndexOf(":");
  if (s.includes(".", lastColon)) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (v4 === void 0) return void 0;
    s = `${s.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return void 0;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return void 0;
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return void 0;
    v = v << 16n | BigInt(parseInt(g, 16));
  }
  return v;
}
function parseCidr(text) {
  const [addr = "", prefixText, ...rest] = text.trim().split("/");
  if (rest.length > 0) return void 0;
  const family = addr.includes(":") ? 6 : 4;
  const value = family === 4 ? parseIPv4(addr) : parseIPv6(addr);
  if (value === void 0) return void 0;
  const bits = BITS[family];
  const prefix = prefixText === void 0 ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return void 0;
  const hostBits = BigInt(bits - prefix);
  const lo = value >> hostBits << hostBits;
  const hi = lo | (1n << hostBits) - 1n;
  return { family, lo, hi };
}
function formatIp(family, value) {
  if (family === 4) {
    return [24n, 16n, 8n, 0n].map((s) => (value >> s & 0xffn).toString()).join(".");
  }
  const groups = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push((value >> s & 0xffffn).toString(16));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === "0") j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(":");
  return `${groups.slice(0, best).join(":")}::${groups.slice(best + bestLen).join(":")}`;
}
function formatRange(r) {
  return `${formatIp(r.family, r.lo)}-${formatIp(r.family, r.hi)}`;
}
function rangeContains(outer, inner) {
  return outer.family === inner.family && outer.lo <= inner.lo && inner.hi <= outer.hi;
}
function atomize(ranges, alwaysInclude = [4]) {
  const atoms = [];
  for (const family of [4, 6]) {
    const inFamily = ranges.filter((r) => r.family === family);
    if (inFamily.length === 0 && !alwaysInclude.includes(family)) continue;
    const cuts = /* @__PURE__ */ new Set([0n]);
    for (const r of inFamily) {
      cuts.add(r.lo);
      if (r.hi < MAX[family]) cuts.add(r.hi + 1n);
    }
    const sorted = [...cuts].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
    sorted.forEach((lo, i) => {
      const next = sorted[i + 1];
      atoms.push({ family, lo, hi: next === void 0 ? MAX[family] : next - 1n });
    });
  }
  return atoms;
}
var CIDR_BITS = { 4: 32, 6: 128 };
function rangeToCidrs(r) {
  const out = [];
  const bits = CIDR_BITS[r.family];
  let lo = r.lo;
  while (lo <= r.hi) {
    let size = 0;
    while (size < bits && (lo & (1n << BigInt(size + 1)) - 1n) === 0n && lo + (1n << BigInt(size + 1)) - 1n <= r.hi) size++;
    out.push(`${formatIp(r.family, lo)}/${bits - size}`);
    lo += 1n << BigInt(size);
  }
  return out;
}

// src/manifests/k8s-names.ts
var DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
var DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
var LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
var IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
var VALID_KEY = /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\/)?(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
var NONE = Object.freeze([]);
function dnsLabelErrors(v) {
  const out = [];
  if (v.length > 63) out.push("must be no more than 63 characters");
  if (!DNS_LABEL.test(v)) out.push("must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character");
  return out;
}
function dnsSubdomainErrors(v) {
  const out = [];
  if (v.length > 253) out.push("must be no more than 253 characters");
  if (!DNS_SUBDOMAIN.test(v)) out.push("must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
  return out;
}
function labelKeyErrors(key) {
  if (key.length <= 63 && VALID_KEY.test(key)) return NONE;
  const parts = key.split("/");
  let name = key;
  const out = [];
  if (parts.length === 2) {
    const [prefix, rest] = parts;
    if (prefix.length === 0) out.push("prefix part must be non-empty");
    else out.push(...dnsSubdomainErrors(prefix).map((e) => `prefix part ${e}`));
    name = rest;
  } else if (parts.length > 2) {
    return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', with an optional DNS subdomain prefix and '/'"];
  }
  if (name.length === 0) out.push("name part must be non-empty");
  else if (name.length > 63) out.push("name part must be no more than 63 characters");
  if (name.length > 0 && !QUALIFIED_NAME.test(name)) out.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
  return out;
}
function labelValueErrors(v) {
  if (v.length <= 63 && LABEL_VALUE.test(v)) return NONE;
  const out = [];
  if (v.length > 63) out.push("must be no more than 63 characters");
  if (!LABEL_VALUE.test(v)) out.push("must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
  return out;
}
function portNameErrors(v) {
  const out = [];
  if (v.length > 15) out.push("must be no more than 15 characters");
  if (!IANA_SVC_NAME.test(v)) out.push("must contain only lower case alphanumeric characters or '-', and start and end with an alphanumeric character");
  if (v.includes("--")) out.push("must not contain consecutive hyphens");
  if (!/[a-z]/.test(v)) out.push("must contain at least one letter");
  return out;
}
function isDnsLabel(v) {
  return dnsLabelErrors(v).length === 0;
}

// src/manifests/api-validation.ts
var POLICY_KINDS = /* @__PURE__ */ new Set(["NetworkPolicy", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy"]);
function isRec(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function list(v) {
  return Array.isArray(v) ? v : [];
}
function labelMap(v, path, out) {
  if (!isRec(v)) return;
  for (const k of Object.keys(v)) {
    const value = v[k];
    for (const e of labelKeyErrors(k)) out.push({ path: [...path, k], message: `label key ${JSON.stringify(k)}: ${e}` });
    if (typeof value === "string") for (const e of labelValueErrors(value)) out.push({ path: [...path, k], message: `label value ${JSON.stringify(value)}: ${e}` });
  }
}
function selectorIssues(sel, path, out) {
  if (!isRec(sel)) return;
  labelMap(sel.matchLabels, [...path, "matchLabels"], out);
  list(sel.matchExpressions).forEach((e, i) => {
    if (!isRec(e)) return;
    const at2 = [...path, "matchExpressions", i];
    if (typeof e.key === "string") for (const m of labelKeyErrors(e.key)) out.push({ path: [...at2, "key"], message: `label key ${JSON.stringify(e.key)}: ${m}` });
    const values = list(e.values);
    if ((e.operator === "In" || e.operator === "NotIn") && values.length === 0) {
      out.push({ path: [...at2, "values"], message: `must be specified when operator is ${e.operator}`, fatal: true });
    }
    if ((e.operator === "Exists" || e.operator === "DoesNotExist") && values.length > 0) {
      out.push({ path: [...at2, "values"], message: `may not be specified when operator is ${e.operator}`, fatal: true });
    }
    values.forEach((v, j) => {
      if (typeof v === "string") for (const m of labelValueErrors(v)) out.push({ path: [...at2, "values", j], message: `label value ${JSON.stringify(v)}: ${m}` });
    });
  });
}
function strictCidr(text) {
  if (typeof text !== "string") return { error: "must be a string" };
  if (/\s/.test(text)) return { error: `${JSON.stringify(text)} must not contain blanks` };
  if (!/^[^/]+\/\d{1,3}$/.test(text)) return { error: `${JSON.stringify(text)} must be a CIDR (address/prefix length); a bare IP is not a CIDR` };
  const range = parseCidr(text);
  return range ? { range } : { error: `${JSON.stringify(text)} is not a valid CIDR` };
}
function ipBlockIssues(b, path, out) {
  if (!isRec(b)) return;
  const cidr = strictCidr(b.cidr);
  if ("error" in cidr) out.push({ path: [...path, "cidr"], message: cidr.error, fatal: true });
  list(b.except).forEach((x, i) => {
    const ex = strictCidr(x);
    if ("error" in ex) out.push({ path: [...path, "except", i], message: ex.error, fatal: true });
    else if ("range" in cidr) {
      const inside = ex.range.family === cidr.range.family && rangeContains(cidr.range, ex.range) && !(ex.range.lo === cidr.range.lo && ex.range.hi === cidr.range.hi);
      if (!inside) out.push({ path: [...path, "except", i], message: `${JSON.stringify(x)} must be a strict subset of cidr ${JSON.stringify(b.cidr)}`, fatal: true });
    }
  });
}
function portNameIssue(name, path, out) {
  if (typeof name !== "string" || name === "") return;
  for (const e of portNameErrors(name)) out.push({ path, message: `port name ${JSON.stringify(name)}: ${e}` });
}
function networkPolicy(spec, out) {
  selectorIssues(spec.podSelector, ["spec", "podSelector"], out);
  for (const [direction, field] of [
    ["ingress", "from"],
    ["egress", "to"]
  ]) {
    list(spec[direction]).forEach((r, i) => {
      if (!isRec(r)) return;
      list(r[field]).forEach((p, j) => {
        if (!isRec(p)) return;
        const at2 = ["spec", direction, i, field, j];
        selectorIssues(p.podSelector, [...at2, "podSelector"], out);
        selectorIssues(p.namespaceSelector, [...at2, "namespaceSelector"], out);
        ipBlockIssues(p.ipBlock, [...at2, "ipBlock"], out);
      });
      list(r.ports).forEach((p, j) => {
        if (isRec(p) && typeof p.port === "string" && !/^\d+$/.test(p.port)) portNameIssue(p.port, ["spec", direction, i, "ports", j, "port"], out);
      });
    });
  }
}
function adminPolicy(kind, o, spec, out) {
  const meta = isRec(o.metadata) ? o.metadata : {};
  if (kind === "BaselineAdminNetworkPolicy" && meta.name !== "default") {
    out.push({ path: ["metadata", "name"], message: `a BaselineAdminNetworkPolicy must be named "default" (it is a singleton), got ${JSON.stringify(meta.name ?? "")}`, fatal: true });
  }
  const subject = isRec(spec.subject) ? spec.subject : {};
  const set = ["namespaces", "pods"].filter((f) => subject[f] !== void 0 && subject[f] !== null);
  if (set.length !== 1) out.push({ path: ["spec", "subject"], message: `exactly one of namespaces or pods must be set, got ${set.length === 0 ? "none" : set.join(" and ")}`, fatal: true });
  selectorIssues(subject.namespaces, ["spec", "subject", "namespaces"], out);
  if (isRec(subject.pods)) {
    selectorIssues(subject.pods.namespaceSelector, ["spec", "subject", "pods", "namespaceSelector"], out);
    selectorIssues(subject.pods.podSelector, ["spec", "subject", "pods", "podSelector"], out);
  }
  for (const [direction, field] of [
    ["ingress", "from"],
    ["egress", "to"]
  ]) {
    list(spec[direction]).forEach((r, i) => {
      if (!isRec(r)) return;
      list(r[field]).forEach((p, j) => {
        if (!isRec(p)) return;
        const at2 = ["spec", direction, i, field, j];
        selectorIssues(p.namespaces, [...at2, "namespaces"], out);
        if (isRec(p.pods)) {
          selectorIssues(p.pods.namespaceSelector, [...at2, "pods", "namespaceSelector"], out);
          selectorIssues(p.pods.podSelector, [...at2, "pods", "podSelector"], out);
        }
        list(p.networks).forEach((n, k) => {
          const c = strictCidr(n);
          if ("error" in c) out.push({ path: [...at2, "networks", k], message: c.error, fatal: true });
        });
      });
    });
  }
}
function podSpecIssues(spec, path, out) {
  if (!isRec(spec)) return;
  for (const field of ["containers", "initContainers"]) {
    list(spec[field]).forEach((c, ci) => {
      if (!isRec(c)) return;
      list(c.ports).forEach((p, pi) => {
        if (isRec(p)) portNameIssue(p.name, [...path, field, ci, "ports", pi, "name"], out);
      });
    });
  }
}
var POD_TEMPLATES = {
  Deployment: ["spec", "template"],
  StatefulSet: ["spec", "template"],
  DaemonSet: ["spec", "template"],
  ReplicaSet: ["spec", "template"],
  ReplicationController: ["spec", "template"],
  Job: ["spec", "template"],
  CronJob: ["spec", "jobTemplate", "spec", "template"]
};
function at(o, path) {
  let v = o;
  for (const p of path) v = isRec(v) || Array.isArray(v) ? v[p] : void 0;
  return v;
}
function apiValidation(kind, object) {
  const out = [];
  if (!isRec(object)) return { issues: out, exclude: false };
  const meta = isRec(object.metadata) ? object.metadata : {};
  labelMap(meta.labels, ["metadata", "labels"], out);
  const spec = isRec(object.spec) ? object.spec : {};
  if (kind === "NetworkPolicy") networkPolicy(spec, out);
  else if (kind === "AdminNetworkPolicy" || kind === "BaselineAdminNetworkPolicy" || kind === "ClusterNetworkPolicy") adminPolicy(kind, object, spec, out);
  else if (kind === "Pod") podSpecIssues(spec, ["spec"], out);
  else if (kind === "Service") {
    labelMap(spec.selector, ["spec", "selector"], out);
    list(spec.ports).forEach((p, i) => {
      if (!isRec(p)) return;
      if (typeof p.name === "string" && p.name !== "") for (const e of dnsLabelErrors(p.name)) out.push({ path: ["spec", "ports", i, "name"], message: `port name ${JSON.stringify(p.name)}: ${e}` });
      if (typeof p.targetPort === "string" && !/^\d+$/.test(p.targetPort)) portNameIssue(p.targetPort, ["spec", "ports", i, "targetPort"], out);
    });
  } else if (kind in POD_TEMPLATES) {
    const tpl = POD_TEMPLATES[kind];
    labelMap(at(object, [...tpl, "metadata", "labels"]), [...tpl, "metadata", "labels"], out);
    podSpecIssues(at(object, [...tpl, "spec"]), [...tpl, "spec"], out);
  }
  return { issues: out, exclude: POLICY_KINDS.has(kind) && out.some((i) => i.fatal) };
}

// src/manifests/fast-validate.ts
var INVALID = /* @__PURE__ */ Symbol("invalid");
var compiled = /* @__PURE__ */ new WeakMap();
var compiling = /* @__PURE__ */ new WeakSet();
function fastValidate(schema, value) {
  const data = checkerOf(schema)(value);
  return data === INVALID ? void 0 : { success: true, data };
}
function checkerOf(schema) {
  let check = compiled.get(schema);
  if (!check) {
    if (compiling.has(schema)) return delegate(schema);
    compiling.add(schema);
    check = compile(schema);
    compiling.delete(schema);
    compiled.set(schema, check);
  }
  return check;
}
var SYNC = { async: false };
function delegate(schema) {
  const zod = schema._zod;
  return (value) => {
    const payload = zod.run({ value, issues: [] }, SYNC);
    return payload instanceof Promise || payload.issues.length > 0 ? INVALID : payload.value;
  };
}
function compile(schema) {
  const { def } = schema._zod;
  if ((def.checks?.length ?? 0) > 0 || def.coerce) return delegate(schema);
  switch (def.type) {
    case "string":
      return (v) => typeof v === "string" ? v : INVALID;
    case "boolean":
      return (v) => typeof v === "boolean" ? v : INVALID;
    case "unknown":
    case "any":
      return (v) => v;
    case "optional": {
      const inner = def.innerType;
      if (inner._zod.optin === "defaulted") return delegate(schema);
      const check = checkerOf(inner);
      return (v) => v === void 0 ? v : check(v);
    }
    case "nullable": {
      const check = checkerOf(def.innerType);
      return (v) => v === null ? v : check(v);
    }
    case "array": {
      const check = checkerOf(def.element);
      return (v) => {
        if (!Array.isArray(v)) return INVALID;
        let out;
        for (let i = 0; i < v.length; i++) {
          const r = check(v[i]);
          if (r === INVALID) return INVALID;
          if (r !== v[i] && !out) out = v.slice(0, i);
          if (out) out[i] = r;
        }
        return out ?? v;
      };
    }
    case "object":
      return compileObject(schema);
    default:
      return delegate(schema);
  }
}
function compileObject(schema) {
  const { def } = schema._zod;
  const shape = def.shape ?? {};
  if (Object.getOwnPropertySymbols(shape).length > 0) return delegate(schema);
  const catchall = def.catchall?._zod;
  const looseUnknown = catchall !== void 0 && catchall.def.type === "unknown" && (catchall.def.checks?.length ?? 0) === 0;
  if (catchall !== void 0 && !looseUnknown) return delegate(schema);
  const fields = [];
  for (const key of Object.keys(shape)) {
    if (key === "__proto__") continue;
    const field = shape[key]._zod;
    const optional = field.optin === "optional" && field.optout === "optional";
    if (!optional && field.optin !== void 0) return delegate(schema);
    fields.push({ key, check: checkerOf(shape[key]), optional });
  }
  const declared = new Map(fields.map((f, i) => [f.key, i]));
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return INVALID;
    const input = v;
    let same = looseUnknown && Object.getPrototypeOf(input) === Object.prototype && inZodOrder(input, declared);
    const values = new Array(fields.length);
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const value = input[f.key];
      const r = f.check(value);
      const present = f.key in input;
      if (r === INVALID) {
        if (f.optional && !present) continue;
        return INVALID;
      }
      if (!present) {
        if (!f.optional) return INVALID;
        continue;
      }
      values[i] = r;
      if (r !== value) same = false;
    }
    if (same) return input;
    const out = {};
    for (let i = 0; i < fields.length; i++) {
      const key = fields[i].key;
      if (key in input) out[key] = values[i];
    }
    if (looseUnknown) {
      for (const k in input) {
        if (k === "__proto__" || declared.has(k)) continue;
        out[k] = input[k];
      }
    }
    return out;
  };
}
function inZodOrder(input, declared) {
  let last = -1;
  let undeclaredSeen = false;
  for (const k in input) {
    if (k === "__proto__") return false;
    const i = declared.get(k);
    if (i === void 0) undeclaredSeen = true;
    else if (undeclaredSeen || i < last) return false;
    else last = i;
  }
  return true;
}

// src/manifests/objects.ts
function originRef(o, sub = []) {
  return locate(o.document, [...o.path, ...sub]);
}
var SCHEMAS = {
  Namespace: NamespaceSchema,
  Pod: PodSchema,
  Deployment: TemplatedWorkloadSchema,
  StatefulSet: TemplatedWorkloadSchema,
  DaemonSet: TemplatedWorkloadSchema,
  ReplicaSet: TemplatedWorkloadSchema,
  ReplicationController: TemplatedWorkloadSchema,
  Job: TemplatedWorkloadSchema,
  CronJob: CronJobSchema,
  Service: ServiceSchema,
  Ingress: IngressSchema,
  Route: RouteSchema,
  NetworkPolicy: NetworkPolicySchema,
  AdminNetworkPolicy: AdminNetworkPolicySchema,
  BaselineAdminNetworkPolicy: BaselineAdminNetworkPolicySchema,
  ClusterNetworkPolicy: ClusterNetworkPolicySchema,
  ConfigMap: ConfigMapSchema,
  HTTPRoute: GatewayRouteSchema,
  GRPCRoute: GatewayRouteSchema,
  TCPRoute: GatewayRouteSchema,
  TLSRoute: GatewayRouteSchema,
  UDPRoute: GatewayRouteSchema
};
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function readObjects(documents, cache2) {
  const objects = [];
  const diagnostics = [];
  const skippedKinds = /* @__PURE__ */ new Map();
  const visit = (document, input, path) => {
    let value = input;
    const where = () => locate(document, path);
    if (isRecord(value) && typeof value.kind === "string" && value.apiVersion === void 0 && (value.kind in SCHEMAS || value.kind.endsWith("List"))) {
      diagnostics.push(diag(Codes.invalidField, "warning", `${value.kind} without apiVersion; analysed by its kind`, { ...where(), path: [...path, "apiVersion"] }));
      value = { ...value, apiVersion: "" };
    }
    if (!isRecord(value) || typeof value.kind !== "string" || typeof value.apiVersion !== "string") {
      const at2 = path.length > 0 ? where() : { file: document.file, doc: document.doc, line: document.startLine, path };
      diagnostics.push(diag(Codes.notKubernetes, path.length > 0 ? "error" : "info", path.length > 0 ? "a List item that is not a Kubernetes object (no apiVersion and kind); skipped" : "not a Kubernetes object (no apiVersion and kind); skipped", at2));
      return;
    }
    const kind = value.kind;
    if (kind === "List" || kind.endsWith("List") && Array.isArray(value.items)) {
      if (!Array.isArray(value.items)) {
        diagnostics.push(diag(Codes.invalidField, "error", `a ${kind} needs an items list`, where()));
        return;
      }
      value.items.forEach((item, i) => {
        const typed = isRecord(item) && item.kind === void 0 && kind !== "List" ? { ...item, kind: kind.slice(0, -4), apiVersion: value.apiVersion } : item;
        visit(document, typed, [...path, "items", i]);
      });
      return;
    }
    if (!(kind in SCHEMAS)) {
      skippedKinds.set(kind, (skippedKinds.get(kind) ?? 0) + 1);
      return;
    }
    const schema = SCHEMAS[kind];
    let parsed2 = cache2?.validated.get(value);
    if (!parsed2) {
      parsed2 = fastValidate(schema, value) ?? schema.safeParse(value);
      cache2?.validated.set(value, parsed2);
    }
    if (!parsed2.success) {
      const name = isRecord(value.metadata) && typeof value.metadata.name === "string" ? ` ${value.metadata.name}` : "";
      for (const issue of parsed2.error.issues) {
        const issuePath = issue.path.filter((p) => typeof p !== "symbol");
        diagnostics.push(
          diag(Codes.invalidField, "error", `${issue.message} (${kind}${name} excluded from the analysis)`, locate(document, [...path, ...issuePath]))
        );
      }
      return;
    }
    checkNames(parsed2.data.metadata, kind, document, path, diagnostics);
    const api = apiValidation(kind, value);
    if (api.issues.length > 0) {
      const name = isRecord(value.metadata) && typeof value.metadata.name === "string" ? ` ${value.metadata.name}` : "";
      const outcome = api.exclude ? `${kind}${name} excluded from the analysis` : `the API server rejects this ${kind}`;
      for (const issue of api.issues) diagnostics.push(diag(Codes.apiValidation, "error", `${issue.message} (${outcome})`, locate(document, [...path, ...issue.path])));
      if (api.exclude) return;
    }
    objects.push({ kind, apiVersion: value.apiVersion, object: parsed2.data, origin: { document, path } });
  };
  for (const d of documents) visit(d, d.value, []);
  return { objects, diagnostics, skippedKinds };
}
var DNS_SUBDOMAIN2 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var DNS_LABEL2 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function checkNames(meta, kind, document, path, diagnostics) {
  const severity = (v) => /[/\u0000-\u001f\u007f]/.test(v) ? "error" : "warning";
  const name = meta?.name;
  if (name !== void 0 && (name.length > 253 || !DNS_SUBDOMAIN2.test(name))) {
    diagnostics.push(diag(Codes.invalidField, severity(name), `${JSON.stringify(name)} is not a valid ${kind} name (lower-case letters, digits, '-' and '.')`, locate(document, [...path, "metadata", "name"])));
  }
  const ns = meta?.namespace;
  if (ns && (ns.length > 63 || !DNS_LABEL2.test(ns))) {
    diagnostics.push(diag(Codes.invalidField, severity(ns), `${JSON.stringify(ns)} is not a valid namespace name (lower-case letters, digits and '-')`, locate(document, [...path, "metadata", "namespace"])));
  }
}

// src/model/peer.ts
function workloadKey(ref) {
  return `${ref.namespace}/${ref.name}[${ref.kind}]`;
}
var INGRESS_CONTROLLER = "{ingress-controller}";
function peerKey(p) {
  switch (p.kind) {
    case "workload":
      return workloadKey(p.ref);
    case "ingress-controller":
      return INGRESS_CONTROLLER;
    case "gateway":
      return `{gateway ${p.namespace}/${p.name}}`;
    case "external":
      return `${formatRange(p.range)}[External]`;
  }
}
var fail = (error) => ({ ok: false, error });
function parsePeer(text, workloads) {
  const t = text.trim();
  if (t === INGRESS_CONTROLLER || t === "ingress-controller") return { ok: true, peer: { kind: "ingress-controller" } };
  const gw = /^\{gateway ([^/\s]+)\/([^}\s]+)\}$/.exec(t);
  if (gw) return { ok: true, peer: { kind: "gateway", namespace: gw[1], name: gw[2] } };
  const ext = t.replace(/\[External\]$/, "");
  const dash = /^([0-9a-f:.]+)-([0-9a-f:.]+)$/i.exec(ext);
  if (dash) {
    const lo = parseCidr(dash[1]);
    const hi = parseCidr(dash[2]);
    if (lo && hi && lo.family === hi.family && lo.lo <= hi.hi) return { ok: true, peer: { kind: "external", range: { family: lo.family, lo: lo.lo, hi: hi.hi } } };
    return fail(`${JSON.stringify(text)} is not a valid address range`);
  }
  const range = parseCidr(ext);
  if (range) return { ok: true, peer: { kind: "external", range } };
  if (/^[0-9.]+(\/\d+)?$/.test(ext) || ext.includes(":") && /^[0-9a-f:.]+(\/\d+)?$/i.test(ext)) return fail(`${JSON.stringify(text)} is not a valid address or CIDR`);
  const m = /^([^/\s[\]]+)\/([^/\s[\]]+)(?:\[([A-Za-z]+)\])?$/.exec(t);
  if (!m || m[3] === "External") return fail(`${JSON.stringify(text)} is not ns/name[Kind], an IP address or {ingress-controller}`);
  const [, namespace, name, kind] = m;
  if (!workloads) {
    if (!kind) return fail(`${JSON.stringify(text)} needs its kind: ns/name[Kind]`);
    return { ok: true, peer: { kind: "workload", ref: { namespace, name, kind } } };
  }
  const found = workloads.filter((w) => w.namespace === namespace && w.name === name && (!kind || w.kind === kind));
  if (found.length === 0) return fail(`no workload ${text}`);
  if (found.length > 1) return fail(`${text} is ambiguous: ${found.map(workloadKey).join(", ")}`);
  return { ok: true, peer: { kind: "workload", ref: found[0] } };
}

// src/manifests/cluster.ts
var NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
var DEFAULT_NAMESPACE = "default";
function controllerSelectorOf(spec, kind) {
  const sel = spec?.selector;
  const map = kind === "ReplicationController" ? sel : sel?.matchLabels;
  if (!map || typeof map !== "object" || Array.isArray(map)) return void 0;
  const entries = Object.entries(map);
  if (entries.length === 0 || !entries.every(([, v]) => typeof v === "string")) return void 0;
  return Object.fromEntries(entries);
}
function nsOf(meta) {
  return meta.namespace || DEFAULT_NAMESPACE;
}
var OWNER_KINDS = /* @__PURE__ */ new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"]);
function podShape(spec, labels2, origin, specPath, diagnostics) {
  const ports = [];
  for (const field of ["containers", "initContainers"]) {
    (spec?.[field] ?? []).forEach((c, ci) => {
      (c.ports ?? []).forEach((p, pi) => {
        const n = p.containerPort;
        if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 65535) {
          const typo = Object.keys(p).find((k) => k !== "containerPort" && k.toLowerCase() === "containerport");
          diagnostics.push(
            diag(
              Codes.invalidField,
              // a value out of range is an error; a missing one (often a mistyped key) stays a warning, as
              // upstream corpora (netpol-analyzer's named-port test) rely on such manifests loading
              n === void 0 ? "warning" : "error",
              `expected a port number 1-65535, got ${n === void 0 ? "nothing" : typeof n === "object" && n !== null ? String(n) : JSON.stringify(n)}; this port entry is ignored`,
              originRef(origin, [...specPath, field, ci, "ports", pi, "containerPort"]),
              typo ? `did you mean containerPort instead of ${typo}?` : void 0
            )
          );
          return;
        }
        const protocol2 = p.protocol ?? "TCP";
        ports.push(p.name ? { name: p.name, port: n, protocol: protocol2 } : { port: n, protocol: protocol2 });
      });
    });
  }
  return { labels: { ...labels2 ?? {} }, ports, hostNetwork: spec?.hostNetwork === true };
}
function sameShape(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
function buildCluster(objects) {
  const diagnostics = [];
  const namespaces = /* @__PURE__ */ new Map();
  const byKey = /* @__PURE__ */ new Map();
  const addWorkload = (ref, pod, spec, origin, specPath, fromPod, controllerSelector) => {
    const key = workloadKey(ref);
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, { ref, pods: [pod], spec, origin, specPath, ...controllerSelector ? { controllerSelector } : {} });
      return;
    }
    if (!fromPod) {
      diagnostics.push(diag(Codes.duplicateObject, "warning", `${ref.kind} ${ref.namespace}/${ref.name} is defined more than once; definitions are merged`, originRef(origin)));
    }
    if (!existing.pods.some((p) => sameShape(p, pod))) {
      existing.pods.push(pod);
      if (fromPod) {
        diagnostics.push(
          diag(
            Codes.ownerLabelGap,
            "warning",
            `pods of ${key} differ in labels or ports; the workload's connectivity is the union of its pods'`,
            originRef(origin, ["metadata", "labels"])
          )
        );
      }
    }
  };
  for (const o of objects) {
    switch (o.kind) {
      case "Namespace": {
        const name = o.object.metadata.name ?? "";
        namespaces.set(name, { name, labels: { ...o.object.metadata.labels ?? {}, [NAMESPACE_NAME_LABEL]: name }, declared: true });
        break;
      }
      case "Pod": {
        const meta = o.object.metadata;
        const owners = meta.ownerReferences ?? [];
        const candidate = owners.find((r) => r.controller) ?? owners[0];
        const owner = candidate && (!candidate.kind || OWNER_KINDS.has(candidate.kind)) ? candidate : void 0;
        const ref = owner ? { namespace: nsOf(meta), name: owner.name, kind: owner.kind || "Pod" } : { namespace: nsOf(meta), name: meta.name ?? meta.generateName ?? "", kind: "Pod" };
        addWorkload(ref, podShape(o.object.spec, meta.labels, o.origin, ["spec"], diagnostics), o.object.spec ?? void 0, o.origin, ["spec"], true);
        break;
      }
      case "CronJob": {
        const meta = o.object.metadata;
        const tpl = o.object.spec?.jobTemplate?.spec?.template;
        addWorkload(
          { namespace: nsOf(meta), name: meta.name ?? "", kind: "CronJob" },
          podShape(tpl?.spec, tpl?.metadata?.labels, o.origin, ["spec", "jobTemplate", "spec", "template", "spec"], diagnostics),
          tpl?.spec ?? void 0,
          o.origin,
          ["spec", "jobTemplate", "spec", "template", "spec"],
          false
        );
        break;
      }
      case "Deployment":
      case "StatefulSet":
      case "DaemonSet":
      case "ReplicaSet":
      case "ReplicationController":
      case "Job": {
        const meta = o.object.metadata;
        const tpl = o.object.spec?.template;
        addWorkload(
          { namespace: nsOf(meta), name: meta.name ?? "", kind: o.kind },
          podShape(tpl?.spec, tpl?.metadata?.labels, o.origin, ["spec", "template", "spec"], diagnostics),
          tpl?.spec ?? void 0,
          o.origin,
          ["spec", "template", "spec"],
          false,
          controllerSelectorOf(o.object.spec, o.kind)
        );
        break;
      }
      default:
        break;
    }
  }
  const implied = (name) => {
    if (!namespaces.has(name)) namespaces.set(name, { name, labels: { [NAMESPACE_NAME_LABEL]: name }, declared: false });
  };
  for (const w of byKey.values()) implied(w.ref.namespace);
  for (const o of objects) {
    if (o.kind === "Namespace" || o.kind === "AdminNetworkPolicy" || o.kind === "BaselineAdminNetworkPolicy" || o.kind === "ClusterNetworkPolicy") continue;
    implied(nsOf(o.object.metadata));
  }
  const workloads = [...byKey].sort(([a], [b]) => compareStrings(a, b)).map(([, w]) => ({ ref: w.ref, pods: w.pods, spec: w.spec, origin: w.origin, specPath: w.specPath, ...w.controllerSelector ? { controllerSelector: w.controllerSelector } : {} }));
  return { cluster: { namespaces, workloads, objects }, diagnostics };
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/model/interval-set.ts
var IntervalSet = class _IntervalSet {
  constructor(bounds) {
    this.bounds = bounds;
  }
  bounds;
  static EMPTY = new _IntervalSet([]);
  static range(lo, hi) {
    return lo > hi ? _IntervalSet.EMPTY : new _IntervalSet([lo, hi]);
  }
  static point(n) {
    return new _IntervalSet([n, n]);
  }
  /** Builds a set from arbitrary (possibly overlapping, unsorted) inclusive intervals. */
  static of(intervals) {
    const sorted = [...intervals].filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const out = [];
    for (const [lo, hi] of sorted) {
      const last = out.length - 1;
      if (last > 0 && lo <= out[last] + 1) {
        if (hi > out[last]) out[last] = hi;
      } else {
        out.push(lo, hi);
      }
    }
    return out.length === 0 ? _IntervalSet.EMPTY : new _IntervalSet(out);
  }
  get isEmpty() {
    return this.bounds.length === 0;
  }
  /** Whether every member lies in [lo, hi] (the empty set does). */
  within(lo, hi) {
    return this.bounds.length === 0 || this.bounds[0] >= lo && this.bounds[this.bounds.length - 1] <= hi;
  }
  /** The intervals as [lo, hi] pairs, in order. */
  *intervals() {
    for (let i = 0; i < this.bounds.length; i += 2) yield [this.bounds[i], this.bounds[i + 1]];
  }
  get size() {
    let n = 0;
    for (let i = 0; i < this.bounds.length; i += 2) n += this.bounds[i + 1] - this.bounds[i] + 1;
    return n;
  }
  contains(n) {
    let lo = 0;
    let hi = this.bounds.length / 2 - 1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      const a = this.bounds[2 * mid];
      const b = this.bounds[2 * mid + 1];
      if (n < a) hi = mid - 1;
      else if (n > b) lo = mid + 1;
      else return true;
    }
    return false;
  }
  equals(other) {
    if (this === other) return true;
    const a = this.bounds;
    const b = other.bounds;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  union(other) {
    if (other.isEmpty || this === other) return this;
    if (this.isEmpty) return other;
    return _IntervalSet.merge(this.bounds, other.bounds, (x, y) => x || y);
  }
  intersect(other) {
    if (this.isEmpty || other.isEmpty) return _IntervalSet.EMPTY;
    if (this === other) return this;
    return _IntervalSet.merge(this.bounds, other.bounds, (x, y) => x && y);
  }
  subtract(other) {
    if (this.isEmpty || other.isEmpty) return this;
    return _IntervalSet.merge(this.bounds, other.bounds, (x, y) => x && !y);
  }
  isSubsetOf(other) {
    return this.subtract(other).isEmpty;
  }
  overlaps(other) {
    return !this.intersect(other).isEmpty;
  }
  /** `80,443,8000-8080`; empty is the empty string. */
  toString() {
    const parts = [];
    for (const [lo, hi] of this.intervals()) parts.push(lo === hi ? `${lo}` : `${lo}-${hi}`);
    return parts.join(",");
  }
  /**
   * Sweeps the boundaries of two canonical sets and keeps the points where `keep(inA, inB)` holds.
   * Boundaries are half-open internally ([lo, hi+1)) so adjacent output intervals fuse naturally.
   */
  static merge(a, b, keep) {
    const out = [];
    let i = 0;
    let j = 0;
    let inA = false;
    let inB = false;
    let open = false;
    while (i < a.length || j < b.length) {
      const nextA = i < a.length ? i % 2 === 0 ? a[i] : a[i] + 1 : Infinity;
      const nextB = j < b.length ? j % 2 === 0 ? b[j] : b[j] + 1 : Infinity;
      const x = Math.min(nextA, nextB);
      if (nextA === x) {
        inA = i % 2 === 0;
        i++;
      }
      if (nextB === x) {
        inB = j % 2 === 0;
        j++;
      }
      const now = keep(inA, inB);
      if (now && !open) {
        out.push(x);
        open = true;
      } else if (!now && open) {
        out.push(x - 1);
        open = false;
      }
    }
    return out.length === 0 ? _IntervalSet.EMPTY : new _IntervalSet(out);
  }
};

// src/model/connection-set.ts
var PROTOCOLS = ["SCTP", "TCP", "UDP"];
var MIN_PORT = 1;
var MAX_PORT = 65535;
var ALL_PORTS = IntervalSet.range(MIN_PORT, MAX_PORT);
function isProtocol(value) {
  return value === "TCP" || value === "UDP" || value === "SCTP";
}
var ConnectionSet = class _ConnectionSet {
  constructor(tcp, udp, sctp) {
    this.tcp = tcp;
    this.udp = udp;
    this.sctp = sctp;
  }
  tcp;
  udp;
  sctp;
  static NONE = new _ConnectionSet(IntervalSet.EMPTY, IntervalSet.EMPTY, IntervalSet.EMPTY);
  static ALL = new _ConnectionSet(ALL_PORTS, ALL_PORTS, ALL_PORTS);
  /** toString's answer, once asked. */
  #text = void 0;
  static of(protocol2, ports = ALL_PORTS) {
    const p = ports.within(MIN_PORT, MAX_PORT) ? ports : ports.intersect(ALL_PORTS);
    return _ConnectionSet.make(
      protocol2 === "TCP" ? p : IntervalSet.EMPTY,
      protocol2 === "UDP" ? p : IntervalSet.EMPTY,
      protocol2 === "SCTP" ? p : IntervalSet.EMPTY
    );
  }
  static port(protocol2, port, endPort = port) {
    return _ConnectionSet.of(protocol2, IntervalSet.range(port, endPort));
  }
  static make(tcp, udp, sctp) {
    if (tcp.isEmpty && udp.isEmpty && sctp.isEmpty) return _ConnectionSet.NONE;
    if (tcp.equals(ALL_PORTS) && udp.equals(ALL_PORTS) && sctp.equals(ALL_PORTS)) return _ConnectionSet.ALL;
    return new _ConnectionSet(tcp, udp, sctp);
  }
  ports(protocol2) {
    return protocol2 === "TCP" ? this.tcp : protocol2 === "UDP" ? this.udp : this.sctp;
  }
  get isEmpty() {
    return this === _ConnectionSet.NONE;
  }
  get isAll() {
    return this === _ConnectionSet.ALL;
  }
  allows(protocol2, port) {
    return this.ports(protocol2).contains(port);
  }
  union(o) {
    if (o.isEmpty || this.isAll || this === o) return this;
    if (this.isEmpty || o.isAll) return o;
    return _ConnectionSet.make(this.tcp.union(o.tcp), this.udp.union(o.udp), this.sctp.union(o.sctp));
  }
  intersect(o) {
    if (this.isEmpty || o.isAll || this === o) return this;
    if (o.isEmpty || this.isAll) return o;
    return _ConnectionSet.make(this.tcp.intersect(o.tcp), this.udp.intersect(o.udp), this.sctp.intersect(o.sctp));
  }
  subtract(o) {
    if (this.isEmpty || o.isEmpty) return this;
    if (o.isAll || this === o) return _ConnectionSet.NONE;
    return _ConnectionSet.make(this.tcp.subtract(o.tcp), this.udp.subtract(o.udp), this.sctp.subtract(o.sctp));
  }
  equals(o) {
    return this === o || this.tcp.equals(o.tcp) && this.udp.equals(o.udp) && this.sctp.equals(o.sctp);
  }
  isSubsetOf(o) {
    return this.subtract(o).isEmpty;
  }
  /** Protocols in a fixed order, each with its non-empty port set. */
  *entries() {
    for (const p of PROTOCOLS) {
      const ports = this.ports(p);
      if (!ports.isEmpty) yield [p, ports];
    }
  }
  /** netpol-analyzer's format: `All Connections`, `No Connections`, or `TCP 80,443,UDP 53`. */
  toString() {
    if (this.#text !== void 0) return this.#text;
    if (this.isAll) return "All Connections";
    if (this.isEmpty) return "No Connections";
    const parts = [];
    for (const [p, ports] of this.entries()) parts.push(`${p} ${ports.toString()}`);
    this.#text = parts.join(",");
    return this.#text;
  }
  /** A stable key for grouping and memoising. */
  get key() {
    return `${this.tcp.toString()}|${this.udp.toString()}|${this.sctp.toString()}`;
  }
};
function parseConns(text) {
  const t = text.trim();
  if (t === "All Connections") return ConnectionSet.ALL;
  if (t === "No Connections" || t === "") return ConnectionSet.NONE;
  let out = ConnectionSet.NONE;
  let proto;
  for (const item of t.split(",").map((s) => s.trim())) {
    const m = /^(?:(TCP|UDP|SCTP)\s+)?(\d+)(?:-(\d+))?$/.exec(item) ?? /^(TCP|UDP|SCTP)$/.exec(item);
    if (!m) return void 0;
    if (m[1]) proto = m[1];
    if (!proto || !isProtocol(proto)) return void 0;
    if (m[2] === void 0) {
      out = out.union(ConnectionSet.of(proto));
      continue;
    }
    const lo = Number(m[2]);
    const hi = m[3] !== void 0 ? Number(m[3]) : lo;
    if (lo < 1 || hi > 65535 || hi < lo) return void 0;
    out = out.union(ConnectionSet.of(proto, IntervalSet.range(lo, hi)));
  }
  return out;
}

// src/connectivity/selector.ts
function selectorMatches(selector, labels2) {
  const matchLabels = selector.matchLabels;
  if (matchLabels) {
    for (const k of Object.keys(matchLabels)) if (labels2[k] !== matchLabels[k]) return false;
  }
  const exprs = selector.matchExpressions;
  if (!exprs) return true;
  for (const e of exprs) {
    const has = Object.prototype.hasOwnProperty.call(labels2, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case "In":
        if (!has || !values.includes(labels2[e.key])) return false;
        break;
      case "NotIn":
        if (has && values.includes(labels2[e.key])) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
    }
  }
  return true;
}
function isEmptySelector(selector) {
  const labels2 = selector.matchLabels;
  if (labels2) {
    for (const _ in labels2) if (Object.prototype.hasOwnProperty.call(labels2, _)) return false;
  }
  return (selector.matchExpressions?.length ?? 0) === 0;
}
function selectorKey(selector) {
  let key = selector.matchLabels ? labelsKey(selector.matchLabels) : "";
  const exprs = selector.matchExpressions;
  if (exprs && exprs.length > 0) key += `|${exprs.map((e) => JSON.stringify([e.key, e.operator, [...new Set(e.values ?? [])].sort()])).sort().join(",")}`;
  return key;
}
function labelsKey(labels2) {
  const names = Object.keys(labels2);
  if (names.length > 1) names.sort();
  let key = "";
  for (const k of names) {
    const v = labels2[k];
    key += `${k.length}:${k}${v.length}:${v}`;
  }
  return key;
}

// src/manifests/load.ts
var CLUSTER_SCOPED = /* @__PURE__ */ new Set(["Namespace", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy"]);
function inNamespace(o, namespace) {
  if (CLUSTER_SCOPED.has(o.kind) || !("metadata" in o.object) || o.object.metadata.namespace) return o;
  return { ...o, object: { ...o.object, metadata: { ...o.object.metadata, namespace } } };
}
function loadObjects(files, cache2) {
  const diagnostics = [];
  const documents = [];
  for (const f of files) {
    const r = parseStoredOrFresh(f, cache2);
    appendAll(documents, r.documents);
    appendAll(diagnostics, r.diagnostics);
  }
  const objects = readObjects(documents, cache2);
  appendAll(diagnostics, objects.diagnostics);
  const skipped = [...objects.skippedKinds].sort(([a], [b]) => a < b ? -1 : 1).map(([kind, count]) => diag(Codes.skippedKind, "info", `skipped ${count} ${kind} object${count === 1 ? "" : "s"} (kind not modelled)`));
  return { objects: objects.objects, documents, diagnostics, skipped };
}
function loadManifests(files, cache2, options = {}) {
  const loaded = loadObjects(files, cache2);
  const diagnostics = [...loaded.diagnostics, ...loaded.skipped];
  const ns = options.defaultNamespace;
  const built = buildCluster(ns ? loaded.objects.map((o) => inNamespace(o, ns)) : loaded.objects);
  appendAll(diagnostics, built.diagnostics);
  return { cluster: built.cluster, diagnostics, documents: loaded.documents };
}

// src/pipeline/settings.ts
function engineOptions(settings) {
  const pods = settings.podCidrs ?? [];
  const services = settings.serviceCidrs ?? [];
  return { ipFamilies: settings.ipFamilies, ...pods.length > 0 || services.length > 0 ? { clusterRanges: { pods, services } } : {} };
}
var DEFAULT_READ_SETTINGS = { maxFileBytes: DEFAULT_MAX_FILE_BYTES, render: DEFAULT_RENDER_OPTIONS, ipFamilies: [4] };

// src/manifests/service-ports.ts
function resolveTargetPort(sp, pod) {
  const target = effectiveTarget(sp);
  if (typeof target === "number") return target;
  const protocol2 = sp.protocol ?? "TCP";
  return pod.ports.find((p) => p.name === target && p.protocol === protocol2)?.port;
}
function effectiveTarget(sp) {
  const t = sp.targetPort;
  if (t === void 0 || t === null || t === 0 || t === "0" || t === "") return sp.port;
  if (typeof t === "number") return t;
  return /^\d+$/.test(t) ? Number(t) : t;
}
function targetConns(ports, pods) {
  let conns = ConnectionSet.NONE;
  for (const sp of ports) {
    const protocol2 = sp.protocol ?? "TCP";
    for (const pod of pods) {
      const p = resolveTargetPort(sp, pod);
      if (p !== void 0 && p >= 1 && p <= 65535) conns = conns.union(ConnectionSet.port(protocol2, p));
    }
  }
  return conns;
}

// src/connectivity/exposure.ts
function servicesByName(objects) {
  const map = /* @__PURE__ */ new Map();
  for (const o of objects) if (o.kind === "Service") map.set(`${o.object.metadata.namespace || DEFAULT_NAMESPACE}/${o.object.metadata.name}`, o);
  return map;
}
function workloadsByNamespace(workloads) {
  const out = /* @__PURE__ */ new Map();
  for (const w of workloads) {
    const list2 = out.get(w.ref.namespace);
    if (list2) list2.push(w);
    else out.set(w.ref.namespace, [w]);
  }
  return out;
}
function serviceWorkloads(svc, byNamespace) {
  const selector = svc.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return [];
  const ns = svc.metadata.namespace || DEFAULT_NAMESPACE;
  return (byNamespace.get(ns) ?? []).filter((w) => w.pods.some((p) => selectorMatches({ matchLabels: selector }, p.labels)));
}
function backendOf(b, namespace, via) {
  if (!b) return void 0;
  if (b.service) {
    const port = b.service.port ? { ...b.service.port.number ? { number: b.service.port.number } : {}, ...b.service.port.name ? { name: b.service.port.name } : {} } : void 0;
    return { kind: "ingress", namespace, service: b.service.name, port, via };
  }
  if (b.serviceName) {
    const sp = b.servicePort;
    const port = sp === void 0 || sp === null ? void 0 : typeof sp === "number" ? { number: sp } : /^\d+$/.test(sp) ? { number: Number(sp) } : { name: sp };
    return { kind: "ingress", namespace, service: b.serviceName, port, via };
  }
  return void 0;
}
function ingressBackends(objects) {
  const diagnostics = [];
  const backends = [];
  for (const o of objects) {
    if (o.kind === "Ingress") {
      const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
      const via = `Ingress ${ns}/${o.object.metadata.name}`;
      const spec = o.object.spec;
      const candidates = [
        { b: spec?.defaultBackend ?? spec?.backend, path: ["spec", spec?.defaultBackend ? "defaultBackend" : "backend"] },
        ...(spec?.rules ?? []).flatMap((r, ri) => (r.http?.paths ?? []).map((p, pi) => ({ b: p.backend, path: ["spec", "rules", ri, "http", "paths", pi, "backend"] })))
      ];
      for (const { b, path } of candidates) {
        const ref = backendOf(b, ns, via);
        if (ref) backends.push({ ...ref, origin: o.origin, path });
      }
    } else if (o.kind === "Route") {
      const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
      const via = `Route ${ns}/${o.object.metadata.name}`;
      const spec = o.object.spec;
      const tp = spec.port?.targetPort;
      const port = tp === void 0 ? void 0 : typeof tp === "number" ? { number: tp } : { name: tp };
      [spec.to, ...spec.alternateBackends ?? []].forEach((target, i) => {
        const path = i === 0 ? ["spec", "to"] : ["spec", "alternateBackends", i - 1];
        if (target.kind && target.kind !== "Service") {
          diagnostics.push(diag(Codes.unsupportedValue, "warning", `${via}: backend kind ${target.kind} is not a Service; ignored`, originRef(o.origin, path)));
          return;
        }
        backends.push({ kind: "route", namespace: ns, service: target.name, port, via, origin: o.origin, path });
      });
    }
  }
  return { backends, diagnostics };
}
function ingressExposure(cluster) {
  const { backends, diagnostics } = ingressBackends(cluster.objects);
  const services = servicesByName(cluster.objects);
  const byNamespace = workloadsByNamespace(cluster.workloads);
  const ports = /* @__PURE__ */ new Map();
  const exposedBy = /* @__PURE__ */ new Map();
  for (const b of backends) {
    const svc = services.get(`${b.namespace}/${b.service}`);
    if (!svc) {
      diagnostics.push(diag(Codes.danglingReference, "warning", `${b.via}: Service ${b.namespace}/${b.service} not found; backend ignored`));
      continue;
    }
    const picked = backendServicePorts(svc.object.spec?.ports ?? [], b.port, b.kind);
    if (picked.byTargetPort) diagnostics.push(backendByTargetPortWarning(b.via, b.port, b.service, originRef(b.origin, [...b.path, "service", "port", "number"])));
    const svcPorts = picked.ports.filter((sp) => (sp.protocol ?? "TCP") === "TCP");
    for (const w of serviceWorkloads(svc.object, byNamespace)) {
      let conns = ConnectionSet.NONE;
      for (const pod of w.pods) {
        for (const sp of svcPorts) {
          const p = resolveTargetPort(sp, pod);
          if (p !== void 0) conns = conns.union(ConnectionSet.port("TCP", p));
        }
      }
      if (conns.isEmpty) continue;
      const key = workloadKey(w.ref);
      ports.set(key, (ports.get(key) ?? ConnectionSet.NONE).union(conns));
      const list2 = exposedBy.get(key) ?? [];
      if (!list2.includes(b.via)) list2.push(b.via);
      exposedBy.set(key, list2);
    }
  }
  return { exposure: { ports, exposedBy }, diagnostics };
}
function backendServicePorts(ports, want, kind) {
  if (!want || want.number === void 0 && want.name === void 0) return { ports: [...ports], byTargetPort: false };
  const target = (sp) => sp.targetPort === void 0 || sp.targetPort === null || sp.targetPort === 0 ? sp.port : sp.targetPort;
  if (want.number !== void 0) {
    const n = want.number;
    const exact = ports.filter((sp) => sp.port === n || kind === "route" && Number(target(sp)) === n);
    if (exact.length > 0 || kind === "gateway") return { ports: exact, byTargetPort: false };
    const named = ports.filter((sp) => sp.name === String(n));
    if (named.length > 0) return { ports: named, byTargetPort: false };
    const byTarget = ports.filter((sp) => Number(target(sp)) === n);
    return { ports: byTarget, byTargetPort: byTarget.length > 0 };
  }
  return { ports: ports.filter((sp) => sp.name !== void 0 && sp.name !== null && sp.name === want.name || kind === "route" && sp.targetPort === want.name), byTargetPort: false };
}
function backendByTargetPortWarning(via, port, service, at2) {
  return diag(
    Codes.backendTargetPort,
    "warning",
    `${via}: Service ${service} has no port ${port?.number}; matched the port whose targetPort is ${port?.number}, as ingress-nginx does`,
    at2,
    `name the Service port (${service}'s port), not the container port`
  );
}

export {
  fullRange,
  parseCidr,
  formatIp,
  formatRange,
  rangeContains,
  atomize,
  rangeToCidrs,
  workloadKey,
  peerKey,
  parsePeer,
  locate,
  dnsLabelErrors,
  dnsSubdomainErrors,
  isDnsLabel,
  originRef,
  readObjects,
  IntervalSet,
  PROTOCOLS,
  isProtocol,
  ConnectionSet,
  parseConns,
  NAMESPACE_NAME_LABEL,
  DEFAULT_NAMESPACE,
  buildCluster,
  compareStrings,
  selectorMatches,
  isEmptySelector,
  selectorKey,
  labelsKey,
  targetConns,
  workloadsByNamespace,
  serviceWorkloads,
  ingressBackends,
  ingressExposure,
  backendServicePorts,
  backendByTargetPortWarning,
  loadObjects,
  loadManifests,
  engineOptions,
  DEFAULT_READ_SETTINGS
};
