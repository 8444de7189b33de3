import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  Codes,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_RENDER_OPTIONS,
  IntegralFloat,
  MAX_CONFIG_DOCUMENT,
  __toESM,
  appendAll,
  diag,
  dnsLabelErrors,
  external_exports,
  labelKeyErrors,
  labelValueErrors,
  locate,
  parseStoredOrFresh,
  portNameErrors,
  renderedAt,
  require_dist,
  withOrigins
} from "./chunk-TBLT5FKE.mjs";

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
function mergeRanges(ranges) {
  const sorted = [...ranges].sort((a, b) => a.family - b.family || (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.family === r.family && last.hi + 1n >= r.lo) out[out.length - 1] = { ...last, hi: last.hi > r.hi ? last.hi : r.hi };
    else out.push(r);
  }
  return out;
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
function rangesToBlocks(ranges) {
  const out = [];
  for (const family of [4, 6]) {
    const sorted = ranges.filter((r) => r.family === family).sort((a, b) => a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0);
    if (sorted.length === 0) continue;
    const joined = [];
    for (const r of sorted) {
      const last = joined[joined.length - 1];
      if (last && r.lo <= last.hi + 1n) joined[joined.length - 1] = { family, lo: last.lo, hi: r.hi > last.hi ? r.hi : last.hi };
      else joined.push(r);
    }
    const plain = joined.flatMap(rangeToCidrs);
    const lo = joined[0].lo;
    const hi = joined[joined.length - 1].hi;
    let size = 0n;
    while (lo >> size !== hi >> size) size++;
    const cover = { family, lo: lo >> size << size, hi: (lo >> size << size) + (1n << size) - 1n };
    const holes = [];
    let next = cover.lo;
    for (const r of joined) {
      if (r.lo > next) holes.push({ family, lo: next, hi: r.lo - 1n });
      next = r.hi + 1n;
    }
    if (next <= cover.hi) holes.push({ family, lo: next, hi: cover.hi });
    const except = holes.flatMap(rangeToCidrs);
    if (holes.length > 0 && 1 + except.length < plain.length) out.push({ cidr: rangeToCidrs(cover)[0], except });
    else out.push(...plain.map((cidr) => ({ cidr })));
  }
  return out;
}
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

// src/model/peer.ts
function workloadKey(ref) {
  let key = workloadKeys.get(ref);
  if (key === void 0) workloadKeys.set(ref, key = `${ref.namespace}/${ref.name}[${ref.kind}]`);
  return key;
}
var workloadKeys = /* @__PURE__ */ new WeakMap();
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

// src/manifests/fast-validate.ts
var INVALID = /* @__PURE__ */ Symbol("invalid");
var compiled = /* @__PURE__ */ new WeakMap();
var compiling = /* @__PURE__ */ new WeakSet();
var accepting = /* @__PURE__ */ new WeakMap();
function withFastAccept(schema, accepts) {
  accepting.set(schema, accepts);
  return schema;
}
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
  const accepts = accepting.get(schema);
  if (accepts) {
    const judged = delegate(schema);
    return (v) => accepts(v) ? v : judged(v);
  }
  if (def.type === "number" && !def.coerce) return compileNumber(schema);
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
    case "enum": {
      const values = new Set(Object.values(def.entries ?? {}));
      const judged = delegate(schema);
      return (v) => values.has(v) ? v : judged(v);
    }
    case "union": {
      if (def.inclusive === false || def.discriminator !== void 0 || !def.options) return delegate(schema);
      const options = def.options.map(checkerOf);
      return (v) => {
        for (const option of options) {
          const r = option(v);
          if (r !== INVALID) return r;
        }
        return INVALID;
      };
    }
    default:
      return delegate(schema);
  }
}
function compileNumber(schema) {
  const judged = delegate(schema);
  let integer = false;
  let min = -Infinity;
  let max = Infinity;
  let minInclusive = true;
  let maxInclusive = true;
  for (const c of schema._zod.def.checks ?? []) {
    const d = c._zod?.def;
    if (d === void 0 || d.when !== void 0) return judged;
    if (d.check === "number_format" && d.format === "safeint") integer = true;
    else if (d.check === "greater_than" && typeof d.value === "number" && min === -Infinity) [min, minInclusive] = [d.value, d.inclusive === true];
    else if (d.check === "less_than" && typeof d.value === "number" && max === Infinity) [max, maxInclusive] = [d.value, d.inclusive === true];
    else return judged;
  }
  if (!integer) return judged;
  return (v) => {
    if (typeof v === "number" && Number.isSafeInteger(v) && (minInclusive ? v >= min : v > min) && (maxInclusive ? v <= max : v < max)) return v;
    return judged(v);
  };
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
    if (!optional && field.optin !== void 0 && !accepting.has(shape[key])) return delegate(schema);
    fields.push({ key, check: checkerOf(shape[key]), optional });
  }
  const declared = new Set(fields.map((f) => f.key));
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return INVALID;
    const input = v;
    let changed;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const value = input[f.key];
      const r = f.check(value);
      const present = value !== void 0 || f.key in input;
      if (r === INVALID) {
        if (f.optional && !present) continue;
        return INVALID;
      }
      if (!present) {
        if (!f.optional) return INVALID;
        continue;
      }
      if (r !== value) (changed ??= /* @__PURE__ */ new Map()).set(f.key, r);
    }
    const plain = Object.getPrototypeOf(input) === Object.prototype && !Object.hasOwn(input, "__proto__");
    if (changed === void 0 && plain && (looseUnknown || onlyDeclared(input, declared))) return input;
    const out = {};
    for (const k in input) {
      if (k === "__proto__") continue;
      if (declared.has(k)) out[k] = changed?.has(k) ? changed.get(k) : input[k];
      else if (looseUnknown) out[k] = input[k];
    }
    return out;
  };
}
function onlyDeclared(input, declared) {
  for (const k in input) if (!declared.has(k)) return false;
  return true;
}

// src/manifests/schemas.ts
var str = external_exports.string({ error: (i) => `expected a string, got ${describe(i.input)}${quoteHint(i.input)}` });
function quoteHint(v) {
  if (typeof v !== "number" && typeof v !== "boolean" && !(v instanceof IntegralFloat)) return "";
  const quoted = v instanceof IntegralFloat ? ` ("${String(v)}")` : " as written";
  return `: YAML reads it as a ${typeof v === "boolean" ? "boolean" : "number"}, which a string field refuses; quote it${quoted}`;
}
function isPlainMapping(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var labels = withFastAccept(
  external_exports.custom(isPlainMapping, { error: (i) => `expected a mapping of labels, got ${describe(i.input)}` }).superRefine((v, ctx) => {
    for (const k of Object.keys(v)) if (typeof v[k] !== "string") ctx.addIssue({ code: "custom", message: labelValueMessage(v[k]), path: [k] });
  }),
  isLabelMap
);
function labelValueMessage(v) {
  if (typeof v !== "number" && typeof v !== "boolean" && !(v instanceof IntegralFloat)) return `expected a string label value, got ${describe(v)}`;
  return `expected a string label value, got ${String(v)}${quoteHint(v)}`;
}
function isLabelMap(v) {
  if (!isPlainMapping(v)) return false;
  for (const k of Object.keys(v)) if (typeof v[k] !== "string") return false;
  return true;
}
var anyMap = external_exports.custom(isPlainMapping, { error: (i) => `expected a mapping, got ${describe(i.input)}` });
var asKubectlSends = (v) => v instanceof IntegralFloat && Number.isSafeInteger(v.value) ? v.value : v;
function int(bounds = {}) {
  let n = external_exports.number({ error: (i) => `expected an integer, got ${describe(i.input)}` }).int({ error: (i) => `expected an integer, got ${describe(i.input)}` });
  if (bounds.min !== void 0) n = n.min(bounds.min);
  if (bounds.max !== void 0) n = n.max(bounds.max);
  const { min = -Infinity, max = Infinity } = bounds;
  return withFastAccept(external_exports.preprocess(asKubectlSends, n), (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= min && v <= max);
}
var lenientInt = () => withFastAccept(external_exports.preprocess(asKubectlSends, external_exports.unknown()), (v) => v !== void 0 && !(v instanceof IntegralFloat));
var intOrString = withFastAccept(
  external_exports.union([int(), external_exports.string()], { error: (i) => `expected a number or a name, got ${describe(i.input)}` }),
  (v) => typeof v === "string" || typeof v === "number" && Number.isSafeInteger(v)
);
var protocol = external_exports.enum(["TCP", "UDP", "SCTP"], { error: (i) => `expected TCP, UDP or SCTP, got ${describe(i.input)}` });
function describe(v) {
  if (v === null) return "null";
  if (v instanceof IntegralFloat) return Number.isSafeInteger(v.value) ? v.text : `${v.text} (kubectl sends ${String(v.value)}, no integer field takes it)`;
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
    configMapKeyRef: external_exports.object({ name: str, key: str, optional: external_exports.boolean().nullish() }).loose().nullish(),
    secretKeyRef: external_exports.object({ name: str, key: str, optional: external_exports.boolean().nullish() }).loose().nullish(),
    fieldRef: external_exports.object({ fieldPath: str }).loose().nullish()
  }).loose().nullish()
}).loose();
var ContainerSchema = external_exports.object({
  name: str.optional(),
  image: str.optional(),
  // on an init container, `Always` makes it a sidecar (runs beside the app containers)
  restartPolicy: str.nullish(),
  ports: external_exports.array(
    external_exports.object({
      // validated in cluster.ts, so that one bad port entry does not drop the whole workload
      containerPort: lenientInt().optional(),
      name: str.nullish(),
      protocol: protocol.nullish()
    }).loose()
  ).nullish(),
  env: external_exports.array(EnvVarSchema).nullish(),
  envFrom: external_exports.array(external_exports.object({ configMapRef: external_exports.object({ name: str }).loose().nullish(), secretRef: external_exports.object({ name: str }).loose().nullish(), prefix: str.nullish() }).loose()).nullish(),
  args: external_exports.array(external_exports.unknown()).nullish(),
  command: external_exports.array(external_exports.unknown()).nullish()
}).loose();
var KeyItems = external_exports.array(external_exports.object({ key: str }).loose()).nullish();
var PodSpecSchema = external_exports.object({
  containers: external_exports.array(ContainerSchema).nullish(),
  initContainers: external_exports.array(ContainerSchema).nullish(),
  hostNetwork: external_exports.boolean().nullish(),
  volumes: external_exports.array(
    external_exports.object({
      name: str.optional(),
      configMap: external_exports.object({ name: str, items: KeyItems }).loose().nullish(),
      secret: external_exports.object({ secretName: str.nullish(), items: KeyItems }).loose().nullish(),
      projected: external_exports.object({ sources: external_exports.array(external_exports.object({ configMap: external_exports.object({ name: str, items: KeyItems }).loose().nullish(), secret: external_exports.object({ name: str, items: KeyItems }).loose().nullish() }).loose()).nullish() }).loose().nullish()
    }).loose()
  ).nullish()
}).loose();
var PodTemplateSchema = external_exports.object({ metadata: MetadataSchema.nullish(), spec: PodSpecSchema.nullish() }).loose();
var PodSchema = external_exports.object({ metadata: MetadataSchema, spec: PodSpecSchema.nullish() }).loose();
var TemplatedWorkloadSchema = external_exports.object({ metadata: MetadataSchema, spec: external_exports.object({ replicas: lenientInt().optional(), template: PodTemplateSchema.nullish() }).loose().nullish() }).loose();
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
        port: int({ min: 1, max: 65535 }),
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
var RouteTargetSchema = external_exports.object({ kind: str.nullish(), name: str, weight: int().nullish() }).loose();
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
    priority: int({ min: 0, max: 1e3 }),
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
var EndpointPortSchema = external_exports.object({ name: str.nullish(), port: int({ min: 1, max: 65535 }), protocol: protocol.nullish() }).loose();
var EndpointAddresses = external_exports.array(external_exports.object({ ip: str }).loose()).nullish();
var EndpointsSchema = external_exports.object({
  metadata: MetadataSchema,
  subsets: external_exports.array(external_exports.object({ addresses: EndpointAddresses, notReadyAddresses: EndpointAddresses, ports: external_exports.array(EndpointPortSchema).nullish() }).loose()).nullish()
}).loose();
var EndpointSliceSchema = external_exports.object({
  metadata: MetadataSchema,
  addressType: str.nullish(),
  endpoints: external_exports.array(external_exports.object({ addresses: external_exports.array(str) }).loose()).nullish(),
  ports: external_exports.array(EndpointPortSchema.extend({ port: int({ min: 1, max: 65535 }).nullish() })).nullish()
}).loose();
var SecretSchema = external_exports.object({ metadata: MetadataSchema, data: anyMap.nullish(), stringData: anyMap.nullish() }).loose();
var SubjectSchema = external_exports.object({ kind: str, name: str, namespace: str.nullish() }).loose();
var RoleBindingSchema = external_exports.object({ metadata: MetadataSchema, subjects: external_exports.array(SubjectSchema).nullish(), roleRef: external_exports.object({ kind: str, name: str }).loose() }).loose();
var BackendRefSchema = external_exports.object({ name: str, namespace: str.nullish(), port: int().nullish(), kind: str.nullish(), group: str.nullish() }).loose();
var GatewayRouteSchema = external_exports.object({
  metadata: MetadataSchema,
  spec: external_exports.object({
    parentRefs: external_exports.array(external_exports.object({ name: str, namespace: str.nullish(), kind: str.nullish(), sectionName: str.nullish() }).loose()).nullish(),
    // HTTPRoute, GRPCRoute, TLSRoute: the host names the route answers
    hostnames: external_exports.array(str).nullish(),
    rules: external_exports.array(external_exports.object({ backendRefs: external_exports.array(BackendRefSchema).nullish() }).loose()).nullish()
  }).loose().nullish()
}).loose();
var VirtualServiceDestinationSchema = external_exports.object({ host: str, port: external_exports.object({ number: int().nullish() }).loose().nullish() }).loose();
var VirtualServiceRoutesSchema = external_exports.array(
  external_exports.object({
    match: external_exports.array(external_exports.object({ gateways: external_exports.array(str).nullish() }).loose()).nullish(),
    route: external_exports.array(external_exports.object({ destination: VirtualServiceDestinationSchema.nullish() }).loose()).nullish(),
    mirror: VirtualServiceDestinationSchema.nullish(),
    mirrors: external_exports.array(external_exports.object({ destination: VirtualServiceDestinationSchema.nullish() }).loose()).nullish(),
    delegate: external_exports.object({ name: str, namespace: str.nullish() }).loose().nullish()
  }).loose()
).nullish();
var VirtualServiceSchema = external_exports.object({
  metadata: MetadataSchema,
  spec: external_exports.object({ gateways: external_exports.array(str).nullish(), http: VirtualServiceRoutesSchema, tcp: VirtualServiceRoutesSchema, tls: VirtualServiceRoutesSchema }).loose().nullish()
}).loose();
var DaprMetadataItemSchema = external_exports.object({ name: str, value: external_exports.unknown().optional(), secretKeyRef: external_exports.object({ name: str, key: str.nullish() }).loose().nullish(), envRef: str.nullish() }).loose();
var DaprComponentSchema = external_exports.object({
  metadata: MetadataSchema,
  spec: external_exports.object({ type: str, version: str.nullish(), metadata: external_exports.array(DaprMetadataItemSchema).nullish() }).loose(),
  scopes: external_exports.array(str).nullish(),
  auth: external_exports.object({ secretStore: str.nullish() }).loose().nullish()
}).loose();
var DaprExporterSchema = external_exports.object({ endpointAddress: str.nullish() }).loose().nullish();
var DaprConfigurationSchema = external_exports.object({
  metadata: MetadataSchema,
  spec: external_exports.object({ tracing: external_exports.object({ samplingRate: external_exports.union([str, external_exports.number()]).nullish(), zipkin: DaprExporterSchema, otel: DaprExporterSchema }).loose().nullish() }).loose().nullish()
}).loose();
var CalledServiceSchema = external_exports.object({ name: str, namespace: str.nullish(), port: int().nullish() }).loose().nullish();
var ApiServiceSchema = external_exports.object({ metadata: MetadataSchema, spec: external_exports.object({ service: CalledServiceSchema }).loose().nullish() }).loose();
var WebhookConfigurationSchema = external_exports.object({ metadata: MetadataSchema, webhooks: external_exports.array(external_exports.object({ name: str.nullish(), clientConfig: external_exports.object({ service: CalledServiceSchema }).loose().nullish() }).loose()).nullish() }).loose();

// src/manifests/cnp-schema.ts
var portSpec = external_exports.object({
  destinationPort: external_exports.object({
    number: int({ min: 1, max: 65535 }).nullish(),
    range: external_exports.object({ start: int({ min: 1, max: 65535 }), end: int({ min: 1, max: 65535 }) }).loose().nullish()
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
    priority: int({ min: 0, max: 1e3 }),
    subject: external_exports.object({ namespaces: LabelSelectorSchema.nullish(), pods: NamespacedPod.nullish() }).loose(),
    ingress: external_exports.array(external_exports.object({ name: external_exports.string().nullish(), action, from: external_exports.array(PeerSchema), protocols: external_exports.array(ProtocolSchema).nullish() }).loose()).nullish(),
    egress: external_exports.array(external_exports.object({ name: external_exports.string().nullish(), action, to: external_exports.array(PeerSchema), protocols: external_exports.array(ProtocolSchema).nullish() }).loose()).nullish()
  }).loose()
}).loose();

// src/manifests/api-groups.ts
var POLICY_KINDS = /* @__PURE__ */ new Set(["NetworkPolicy", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy"]);
var GROUPS = {
  Namespace: [""],
  Pod: [""],
  Service: [""],
  ConfigMap: [""],
  Secret: [""],
  Endpoints: [""],
  EndpointSlice: ["discovery.k8s.io"],
  ReplicationController: [""],
  // extensions/v1beta1 and apps/v1beta1-2 served these until Kubernetes 1.16: the same resource
  Deployment: ["apps", "extensions"],
  DaemonSet: ["apps", "extensions"],
  ReplicaSet: ["apps", "extensions"],
  StatefulSet: ["apps"],
  Job: ["batch"],
  CronJob: ["batch"],
  Ingress: ["networking.k8s.io", "extensions"],
  NetworkPolicy: ["networking.k8s.io", "extensions"],
  // OpenShift 3 served routes in the core group (`apiVersion: v1`)
  Route: ["route.openshift.io", ""],
  AdminNetworkPolicy: ["policy.networking.k8s.io"],
  BaselineAdminNetworkPolicy: ["policy.networking.k8s.io"],
  ClusterNetworkPolicy: ["policy.networking.k8s.io"],
  HTTPRoute: ["gateway.networking.k8s.io"],
  GRPCRoute: ["gateway.networking.k8s.io"],
  TCPRoute: ["gateway.networking.k8s.io"],
  TLSRoute: ["gateway.networking.k8s.io"],
  UDPRoute: ["gateway.networking.k8s.io"],
  // Istio's, read for the routes an ingress gateway serves
  VirtualService: ["networking.istio.io"],
  RoleBinding: ["rbac.authorization.k8s.io"],
  ClusterRoleBinding: ["rbac.authorization.k8s.io"],
  // Dapr's, read for the backends and the tracing endpoints an app's sidecar connects to
  Component: ["dapr.io"],
  Configuration: ["dapr.io"],
  // read for the Services the Kubernetes API server calls (an aggregated API, an admission webhook)
  APIService: ["apiregistration.k8s.io"],
  ValidatingWebhookConfiguration: ["admissionregistration.k8s.io"],
  MutatingWebhookConfiguration: ["admissionregistration.k8s.io"]
};
var VERSION = /^v[1-9][0-9]*(?:(?:alpha|beta)[1-9][0-9]*)?$/;
var SHARED_NAMES = /* @__PURE__ */ new Set(["Component", "Configuration"]);
var expected = (kind) => {
  const group = Object.hasOwn(GROUPS, kind) ? GROUPS[kind][0] ?? "" : "";
  return group === "" ? "apiVersion v1" : `API group ${group}`;
};
var OK = { verdict: "ok" };
function checkApiVersion(kind, apiVersion) {
  const groups = Object.hasOwn(GROUPS, kind) ? GROUPS[kind] : void 0;
  if (!groups || apiVersion === "") return OK;
  const slash = apiVersion.lastIndexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  if (groups.includes(group)) {
    return VERSION.test(version) ? OK : { verdict: "invalid", message: `apiVersion ${JSON.stringify(apiVersion)} has no valid version (like v1 or v1beta1); analysed as ${kind}` };
  }
  const shown = JSON.stringify(apiVersion);
  if (SHARED_NAMES.has(kind)) return { verdict: "unrelated" };
  const kubernetesOwned = group === "" || group === "k8s.io" || group.endsWith(".k8s.io") || !group.includes(".") || /\s/.test(apiVersion);
  if (kubernetesOwned) return { verdict: "invalid", message: `apiVersion ${shown} does not serve ${kind} (${expected(kind)} does); the API server rejects it; analysed as ${kind}` };
  return {
    verdict: "foreign",
    message: `${shown} ${kind} is a custom resource, not the Kubernetes ${kind} (${expected(kind)}); skipped: the report does not include its effect`
  };
}
var MODELLED_BY_FOLDED = new Map(Object.keys(GROUPS).map((k) => [fold(k), k]));
for (const k of ["List"]) MODELLED_BY_FOLDED.set(fold(k), k);
function fold(kind) {
  return kind.replace(/[\s_-]/g, "").toLowerCase();
}
function nearMissKind(kind) {
  if (Object.hasOwn(GROUPS, kind) || kind === "List") return void 0;
  return MODELLED_BY_FOLDED.get(fold(kind));
}

// src/manifests/api-validation.ts
var REPLICATED = /* @__PURE__ */ new Set(["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"]);
var INT32_MAX = 2 ** 31 - 1;
function replicasIssue(replicas, w) {
  if (replicas === void 0 || replicas === null) return;
  const sent = replicas instanceof IntegralFloat ? replicas.value : replicas;
  if (typeof sent === "number" && Number.isInteger(sent) && sent >= 0 && sent <= INT32_MAX) return;
  const shown = replicas instanceof IntegralFloat ? replicas.text : typeof replicas === "object" ? Array.isArray(replicas) ? "a list" : "a mapping" : JSON.stringify(replicas);
  const top = w.down("spec");
  w.report(`replicas must be an integer from 0 to ${INT32_MAX}, got ${shown}`, "replicas");
  w.up(top);
}
function isRec(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function list(v) {
  return Array.isArray(v) ? v : NO_ITEMS;
}
var NO_ITEMS = Object.freeze([]);
var Walk = class {
  /** Made at the first issue: nearly every object has none. */
  issues = void 0;
  /** The path walked; copied into each issue, so one array serves every object (see SCRATCH_PATH). */
  path = SCRATCH_PATH;
  constructor() {
    this.path.length = 0;
  }
  /** An issue at the current path, or at `key` below it. */
  report(message, key, fatal) {
    const path = key === void 0 ? this.path.slice() : [...this.path, key];
    (this.issues ??= []).push(fatal ? { path, message, fatal } : { path, message });
  }
  /** Pushes keys; returns the depth to cut back to. */
  down(a, b, c, d, e) {
    const depth = this.path.length;
    this.path.push(a);
    if (b !== void 0) this.path.push(b);
    if (c !== void 0) this.path.push(c);
    if (d !== void 0) this.path.push(d);
    if (e !== void 0) this.path.push(e);
    return depth;
  }
  up(depth) {
    this.path.length = depth;
  }
};
var SCRATCH_PATH = [];
var NO_ISSUES = [];
function labelMap(v, w, key) {
  if (!isRec(v)) return;
  const depth = w.down(key);
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const value = v[k];
    const keyErrors = labelKeyErrors(k);
    if (keyErrors.length > 0) for (const e of keyErrors) w.report(`label key ${JSON.stringify(k)}: ${e}`, k);
    if (typeof value !== "string") continue;
    const valueErrors = labelValueErrors(value);
    if (valueErrors.length > 0) for (const e of valueErrors) w.report(`label value ${JSON.stringify(value)}: ${e}`, k);
  }
  w.up(depth);
}
function selectorIssues(sel, w, key) {
  if (!isRec(sel)) return;
  const depth = w.down(key);
  labelMap(sel.matchLabels, w, "matchLabels");
  const exprs = list(sel.matchExpressions);
  for (let i = 0; i < exprs.length; i++) {
    const e = exprs[i];
    if (!isRec(e)) continue;
    const at = w.down("matchExpressions", i);
    if (typeof e.key === "string") for (const m of labelKeyErrors(e.key)) w.report(`label key ${JSON.stringify(e.key)}: ${m}`, "key");
    const values = list(e.values);
    if ((e.operator === "In" || e.operator === "NotIn") && values.length === 0) w.report(`must be specified when operator is ${e.operator}`, "values", true);
    if ((e.operator === "Exists" || e.operator === "DoesNotExist") && values.length > 0) w.report(`may not be specified when operator is ${e.operator}`, "values", true);
    for (let j = 0; j < values.length; j++) {
      const v = values[j];
      if (typeof v !== "string") continue;
      const errors = labelValueErrors(v);
      if (errors.length === 0) continue;
      const inValues = w.down("values");
      for (const m of errors) w.report(`label value ${JSON.stringify(v)}: ${m}`, j);
      w.up(inValues);
    }
    w.up(at);
  }
  w.up(depth);
}
function strictCidr(text) {
  if (typeof text !== "string") return { error: "must be a string" };
  if (/\s/.test(text)) return { error: `${JSON.stringify(text)} must not contain blanks` };
  if (!/^[^/]+\/\d{1,3}$/.test(text)) return { error: `${JSON.stringify(text)} must be a CIDR (address/prefix length); a bare IP is not a CIDR` };
  const range = parseCidr(text);
  return range ? { range } : { error: `${JSON.stringify(text)} is not a valid CIDR` };
}
function ipBlockIssues(b, w) {
  if (!isRec(b)) return;
  const depth = w.down("ipBlock");
  const cidr = strictCidr(b.cidr);
  if ("error" in cidr) w.report(cidr.error, "cidr", true);
  const except = list(b.except);
  for (let i = 0; i < except.length; i++) {
    const x = except[i];
    const ex = strictCidr(x);
    const at = w.down("except");
    if ("error" in ex) w.report(ex.error, i, true);
    else if ("range" in cidr) {
      const inside = ex.range.family === cidr.range.family && rangeContains(cidr.range, ex.range) && !(ex.range.lo === cidr.range.lo && ex.range.hi === cidr.range.hi);
      if (!inside) w.report(`${JSON.stringify(x)} must be a strict subset of cidr ${JSON.stringify(b.cidr)}`, i, true);
    }
    w.up(at);
  }
  w.up(depth);
}
function portNameIssue(name, w, key) {
  if (typeof name !== "string" || name === "") return;
  const errors = portNameErrors(name);
  if (errors.length > 0) for (const e of errors) w.report(`port name ${JSON.stringify(name)}: ${e}`, key);
}
var DIRECTIONS = [
  ["ingress", "from"],
  ["egress", "to"]
];
function eachPeer(spec, w, peer, rule) {
  for (let d = 0; d < DIRECTIONS.length; d++) {
    const [direction, field] = DIRECTIONS[d];
    const rules = list(spec[direction]);
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i];
      if (!isRec(r)) continue;
      const peers = list(r[field]);
      for (let j = 0; j < peers.length; j++) {
        const p = peers[j];
        if (!isRec(p)) continue;
        const at = w.down(direction, i, field, j);
        peer(p);
        w.up(at);
      }
      rule?.(r, direction, i);
    }
  }
}
function networkPolicy(spec, w) {
  const top = w.down("spec");
  selectorIssues(spec.podSelector, w, "podSelector");
  eachPeer(
    spec,
    w,
    (p) => {
      selectorIssues(p.podSelector, w, "podSelector");
      selectorIssues(p.namespaceSelector, w, "namespaceSelector");
      ipBlockIssues(p.ipBlock, w);
    },
    (r, direction, i) => {
      const ports = list(r.ports);
      for (let j = 0; j < ports.length; j++) {
        const p = ports[j];
        if (!isRec(p)) continue;
        const at = w.down(direction, i, "ports", j);
        if (typeof p.port === "string" && /^\d+$/.test(p.port)) {
          w.report(`port ${JSON.stringify(p.port)} is quoted, so Kubernetes reads a port name, and a port name must contain a letter: the API server rejects it; write it unquoted`, "port");
        } else if (typeof p.port === "string") portNameIssue(p.port, w, "port");
        if ((p.port === void 0 || p.port === null) && p.endPort !== void 0 && p.endPort !== null) {
          w.report("endPort may not be specified when port is not specified (the API server rejects it)", "endPort", true);
        }
        w.up(at);
      }
    }
  );
  w.up(top);
}
function adminPolicy(kind, o, spec, w) {
  const meta = isRec(o.metadata) ? o.metadata : {};
  if (kind === "BaselineAdminNetworkPolicy" && meta.name !== "default") {
    const at = w.down("metadata");
    w.report(`a BaselineAdminNetworkPolicy must be named "default" (it is a singleton), got ${JSON.stringify(meta.name ?? "")}`, "name", true);
    w.up(at);
  }
  const top = w.down("spec");
  const subject = isRec(spec.subject) ? spec.subject : {};
  const set = ["namespaces", "pods"].filter((f) => subject[f] !== void 0 && subject[f] !== null);
  if (set.length !== 1) w.report(`exactly one of namespaces or pods must be set, got ${set.length === 0 ? "none" : set.join(" and ")}`, "subject", true);
  const inSubject = w.down("subject");
  selectorIssues(subject.namespaces, w, "namespaces");
  if (isRec(subject.pods)) {
    const inPods = w.down("pods");
    selectorIssues(subject.pods.namespaceSelector, w, "namespaceSelector");
    selectorIssues(subject.pods.podSelector, w, "podSelector");
    w.up(inPods);
  }
  w.up(inSubject);
  eachPeer(spec, w, (p) => {
    selectorIssues(p.namespaces, w, "namespaces");
    if (isRec(p.pods)) {
      const inPods = w.down("pods");
      selectorIssues(p.pods.namespaceSelector, w, "namespaceSelector");
      selectorIssues(p.pods.podSelector, w, "podSelector");
      w.up(inPods);
    }
    const networks = list(p.networks);
    for (let k = 0; k < networks.length; k++) {
      const c = strictCidr(networks[k]);
      if (!("error" in c)) continue;
      const inNetworks = w.down("networks");
      w.report(c.error, k, true);
      w.up(inNetworks);
    }
  });
  w.up(top);
}
var CONTAINER_FIELDS = ["containers", "initContainers"];
function podSpecIssues(spec, w) {
  if (!isRec(spec)) return;
  for (let f = 0; f < CONTAINER_FIELDS.length; f++) {
    const field = CONTAINER_FIELDS[f];
    const containers = list(spec[field]);
    for (let ci = 0; ci < containers.length; ci++) {
      const c = containers[ci];
      if (!isRec(c)) continue;
      const ports = list(c.ports);
      for (let pi = 0; pi < ports.length; pi++) {
        const p = ports[pi];
        if (!isRec(p)) continue;
        const at = w.down(field, ci, "ports", pi);
        portNameIssue(p.name, w, "name");
        w.up(at);
      }
    }
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
function podTemplate(object, steps, w) {
  let v = object;
  let depth = 0;
  for (; depth < steps.length; depth++) {
    if (!isRec(v)) break;
    v = v[steps[depth]];
  }
  if (!isRec(v)) {
    const top2 = w.path.length;
    for (const step of steps.slice(0, depth - 1)) w.path.push(step);
    const missing = steps[depth - 1];
    w.report(`${v === void 0 ? "is required" : `must be a mapping, got ${v === null ? "null" : Array.isArray(v) ? "a list" : typeof v}`}: the API server rejects an object without a pod template, and it makes no pod`, missing, true);
    w.up(top2);
    return;
  }
  const top = w.path.length;
  for (let i = 0; i < steps.length; i++) w.path.push(steps[i]);
  if (isRec(v.metadata)) {
    const inMeta = w.down("metadata");
    labelMap(v.metadata.labels, w, "labels");
    w.up(inMeta);
  }
  const inSpec = w.down("spec");
  podSpecIssues(v.spec, w);
  w.up(inSpec);
  w.up(top);
}
function annotationMap(v, w) {
  if (!isRec(v)) return;
  const depth = w.down("annotations");
  for (const k of Object.keys(v)) {
    const value = v[k];
    if (value === null || typeof value === "string") continue;
    const shown = Array.isArray(value) ? "a list" : typeof value === "object" ? "a map" : `${typeof value} ${JSON.stringify(value)}`;
    w.report(`annotation ${JSON.stringify(k)}: the value must be a string, not ${shown}${typeof value === "object" ? "" : " (quote it)"}`, k);
  }
  w.up(depth);
}
function apiValidation(kind, object) {
  const w = new Walk();
  if (!isRec(object)) return { issues: NO_ISSUES, exclude: false };
  if (isRec(object.metadata)) {
    w.down("metadata");
    labelMap(object.metadata.labels, w, "labels");
    annotationMap(object.metadata.annotations, w);
    w.up(0);
  }
  const spec = isRec(object.spec) ? object.spec : {};
  if (kind === "NetworkPolicy") networkPolicy(spec, w);
  else if (kind === "AdminNetworkPolicy" || kind === "BaselineAdminNetworkPolicy" || kind === "ClusterNetworkPolicy") adminPolicy(kind, object, spec, w);
  else if (kind === "Pod") {
    w.down("spec");
    podSpecIssues(spec, w);
    w.up(0);
  } else if (kind === "Service") serviceIssues(spec, w);
  else if (Object.hasOwn(POD_TEMPLATES, kind)) {
    podTemplate(object, POD_TEMPLATES[kind], w);
    if (REPLICATED.has(kind)) replicasIssue(spec.replicas, w);
  }
  const issues = w.issues ?? NO_ISSUES;
  w.path.length = 0;
  return { issues, exclude: (POLICY_KINDS.has(kind) || Object.hasOwn(POD_TEMPLATES, kind)) && issues.some((i) => i.fatal) };
}
function serviceIssues(spec, w) {
  const top = w.down("spec");
  labelMap(spec.selector, w, "selector");
  const ports = list(spec.ports);
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i];
    if (!isRec(p)) continue;
    const at = w.down("ports", i);
    if (typeof p.name === "string" && p.name !== "") for (const e of dnsLabelErrors(p.name)) w.report(`port name ${JSON.stringify(p.name)}: ${e}`, "name");
    if (typeof p.targetPort === "string" && !/^\d+$/.test(p.targetPort)) portNameIssue(p.targetPort, w, "targetPort");
    w.up(at);
  }
  w.up(top);
}

// src/manifests/objects.ts
function originRef(o, sub = []) {
  return locate(o.document, [...o.path, ...sub]);
}
function rawAt(o, sub = []) {
  let v = o.document.value;
  for (const k of [...o.path, ...sub]) v = v !== null && typeof v === "object" ? v[k] : void 0;
  return v;
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
  Secret: SecretSchema,
  Endpoints: EndpointsSchema,
  EndpointSlice: EndpointSliceSchema,
  HTTPRoute: GatewayRouteSchema,
  GRPCRoute: GatewayRouteSchema,
  TCPRoute: GatewayRouteSchema,
  TLSRoute: GatewayRouteSchema,
  UDPRoute: GatewayRouteSchema,
  RoleBinding: RoleBindingSchema,
  ClusterRoleBinding: RoleBindingSchema,
  VirtualService: VirtualServiceSchema,
  Component: DaprComponentSchema,
  Configuration: DaprConfigurationSchema,
  APIService: ApiServiceSchema,
  ValidatingWebhookConfiguration: WebhookConfigurationSchema,
  MutatingWebhookConfiguration: WebhookConfigurationSchema
};
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var NETWORKING_NOT_MODELLED = {
  UserDefinedNetwork: "the report assumes every pod on the cluster default network; pods of a namespace with a primary user-defined network are isolated from other networks in reality",
  ClusterUserDefinedNetwork: "the report assumes every pod on the cluster default network; pods of the namespaces it selects are isolated from other networks in reality",
  NetworkAttachmentDefinition: "secondary networks are not analysed; the report covers the cluster default network only (and, for a primary network attachment, may not hold at all)",
  MultiNetworkPolicy: "policies of secondary networks are not analysed; the report covers the cluster default network only",
  VirtualMachine: "KubeVirt virtual machines are workloads the report does not list; their connections are missing",
  VirtualMachineInstance: "KubeVirt virtual machines are workloads the report does not list; their connections are missing"
};
function operatorReplicas(value) {
  const group = typeof value.apiVersion === "string" && value.apiVersion.includes("/") ? value.apiVersion.slice(0, value.apiVersion.indexOf("/")) : "";
  if (!group.includes(".") || group.endsWith(".k8s.io")) return void 0;
  const replicas = isRecord(value.spec) ? value.spec.replicas : void 0;
  return typeof replicas === "number" && Number.isInteger(replicas) && replicas > 0 ? replicas : void 0;
}
function readObjects(documents, cache) {
  const objects = [];
  const diagnostics = [];
  const skippedKinds = /* @__PURE__ */ new Map();
  const notModelledAt = /* @__PURE__ */ new Map();
  const operatorNamespaces = [];
  const visit = (document, input, path) => {
    let value = input;
    const where = () => locate(document, path);
    if (isRecord(value) && typeof value.kind === "string" && value.apiVersion === void 0 && (Object.hasOwn(SCHEMAS, value.kind) || value.kind.endsWith("List"))) {
      diagnostics.push(diag(Codes.invalidField, "warning", `${value.kind} without apiVersion; analysed by its kind`, { ...where(), path: [...path, "apiVersion"] }));
      value = { ...value, apiVersion: "" };
    }
    if (!isRecord(value) || typeof value.kind !== "string" || typeof value.apiVersion !== "string") {
      const at = path.length > 0 || document.origin ? where() : { file: document.file, doc: document.doc, line: document.startLine, path };
      diagnostics.push(diag(Codes.notKubernetes, path.length > 0 ? "error" : "info", path.length > 0 ? "a List item that is not a Kubernetes object (no apiVersion and kind); skipped" : "not a Kubernetes object (no apiVersion and kind); skipped", at));
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
    if (!Object.hasOwn(SCHEMAS, kind)) {
      const meant = nearMissKind(kind);
      if (meant) {
        diagnostics.push(diag(Codes.kindMisspelt, "error", `${JSON.stringify(kind)} is no Kubernetes kind (kinds are exact and case-sensitive: ${meant}?); skipped`, locate(document, [...path, "kind"])));
        return;
      }
      skippedKinds.set(kind, (skippedKinds.get(kind) ?? 0) + 1);
      const replicas = operatorReplicas(value);
      if (replicas !== void 0) {
        const namespace = isRecord(value.metadata) && typeof value.metadata.namespace === "string" && value.metadata.namespace !== "" ? value.metadata.namespace : void 0;
        operatorNamespaces.push(namespace);
        const name = isRecord(value.metadata) ? `${namespace !== void 0 ? `${namespace}/` : ""}${String(value.metadata.name)}` : "";
        diagnostics.push(diag(Codes.operatorRunsPods, "warning", `${kind} ${name} (${value.apiVersion}) is a custom resource with spec.replicas: ${replicas}: the operator that serves it runs its pods, which the manifests do not hold; the report leaves out their connections, and a policy that selects them selects no pod here`, locate(document, [...path, "spec", "replicas"]), "the pods' links can be added in a links file (synthesize --links), or the analysis run on the live cluster (--cluster)"));
      }
      if (Object.hasOwn(NETWORKING_NOT_MODELLED, kind) && !notModelledAt.has(kind)) notModelledAt.set(kind, path.length > 0 || document.origin ? where() : { file: document.file, doc: document.doc, line: document.startLine, path });
      return;
    }
    const group = checkApiVersion(kind, value.apiVersion);
    if (group.verdict === "unrelated") {
      const other = `${kind} (${value.apiVersion})`;
      skippedKinds.set(other, (skippedKinds.get(other) ?? 0) + 1);
      return;
    }
    if (group.verdict !== "ok") {
      diagnostics.push(diag(Codes.apiVersionMismatch, group.verdict === "foreign" ? "warning" : "error", group.message, locate(document, [...path, "apiVersion"])));
      if (group.verdict === "foreign") {
        const foreign = `${kind} (${value.apiVersion})`;
        skippedKinds.set(foreign, (skippedKinds.get(foreign) ?? 0) + 1);
        return;
      }
    }
    const schema = SCHEMAS[kind];
    let parsed = cache?.validated.get(value);
    if (!parsed) {
      parsed = fastValidate(schema, value) ?? schema.safeParse(value);
      cache?.validated.set(value, parsed);
    }
    if (!parsed.success) {
      const name = isRecord(value.metadata) && typeof value.metadata.name === "string" ? ` ${value.metadata.name}` : "";
      for (const issue of parsed.error.issues) {
        const issuePath = issue.path.filter((p) => typeof p !== "symbol");
        diagnostics.push(
          diag(Codes.invalidField, "error", `${issue.message} (${kind}${name} excluded from the analysis)`, locate(document, [...path, ...issuePath]))
        );
      }
      return;
    }
    if (!hasName(value.metadata)) {
      const at = isRecord(value.metadata) ? [...path, "metadata"] : path;
      diagnostics.push(diag(Codes.objectWithoutName, "error", `${kind} without metadata.name (nor generateName): the API server rejects it; excluded from the analysis`, locate(document, at)));
      return;
    }
    checkNames(parsed.data.metadata, kind, document, path, diagnostics);
    const api = apiValidation(kind, value);
    if (api.issues.length > 0) {
      const name = isRecord(value.metadata) && typeof value.metadata.name === "string" ? ` ${value.metadata.name}` : "";
      const outcome = api.exclude ? `${kind}${name} excluded from the analysis` : `the API server rejects this ${kind}`;
      for (const issue of api.issues) diagnostics.push(diag(Codes.apiValidation, "error", `${issue.message} (${outcome})`, locate(document, [...path, ...issue.path])));
      if (api.exclude) return;
    }
    for (const [at, written] of floatsReadAsIntegers(value, parsed.data)) {
      diagnostics.push(
        diag(
          Codes.integerWrittenAsFloat,
          "warning",
          `${written.text} is read as the integer ${written.value}: kubectl sends YAML through JSON, which writes this float as ${written.value}, so the API server stores ${written.value}; tools that read the YAML itself may refuse it`,
          locate(document, [...path, ...at]),
          `write ${written.value}`
        )
      );
    }
    objects.push({ kind, apiVersion: value.apiVersion, object: parsed.data, origin: { document, path } });
  };
  for (const d of documents) visit(d, d.value, []);
  for (const [kind, at] of [...notModelledAt].sort(([a], [b]) => a < b ? -1 : 1)) {
    const count = skippedKinds.get(kind) ?? 1;
    diagnostics.push(diag(Codes.networkingNotModelled, "warning", `${count} ${kind} object${count === 1 ? "" : "s"} not modelled: ${NETWORKING_NOT_MODELLED[kind]}`, at));
  }
  return { objects, diagnostics, skippedKinds, operatorNamespaces };
}
function floatsReadAsIntegers(raw, data, at = [], out = []) {
  if (raw === data) return out;
  if (raw instanceof IntegralFloat) {
    if (typeof data === "number") out.push([at, raw]);
  } else if (Array.isArray(raw) && Array.isArray(data)) {
    for (let i = 0; i < raw.length && i < data.length; i++) floatsReadAsIntegers(raw[i], data[i], [...at, i], out);
  } else if (isRecord(raw) && isRecord(data)) {
    for (const k of Object.keys(data)) if (Object.hasOwn(raw, k)) floatsReadAsIntegers(raw[k], data[k], [...at, k], out);
  }
  return out;
}
function hasName(meta) {
  if (!isRecord(meta)) return false;
  return typeof meta.name === "string" && meta.name !== "" || typeof meta.generateName === "string" && meta.generateName !== "";
}
var DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
var RBAC_KINDS = /* @__PURE__ */ new Set(["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"]);
function checkNames(meta, kind, document, path, diagnostics) {
  const severity = (v) => /[/\u0000-\u001f\u007f]/.test(v) ? "error" : "warning";
  const name = meta?.name;
  if (name !== void 0 && RBAC_KINDS.has(kind)) {
    if (name === "." || name === ".." || /[/%]/.test(name)) diagnostics.push(diag(Codes.invalidField, severity(name), `${JSON.stringify(name)} is not a valid ${kind} name (not '.' or '..', and no '/' or '%')`, locate(document, [...path, "metadata", "name"])));
  } else if (name !== void 0 && (name.length > 253 || !DNS_SUBDOMAIN.test(name))) {
    diagnostics.push(diag(Codes.invalidField, severity(name), `${JSON.stringify(name)} is not a valid ${kind} name (lower-case letters, digits, '-' and '.')`, locate(document, [...path, "metadata", "name"])));
  }
  const ns = meta?.namespace;
  if (ns && (ns.length > 63 || !DNS_LABEL.test(ns))) {
    diagnostics.push(diag(Codes.invalidField, severity(ns), `${JSON.stringify(ns)} is not a valid namespace name (lower-case letters, digits and '-')`, locate(document, [...path, "metadata", "namespace"])));
  }
}

// src/manifests/job-labels.ts
var JOB_NAME_LABELS = ["job-name", "batch.kubernetes.io/job-name"];
var CONTROLLER_UID_LABELS = ["controller-uid", "batch.kubernetes.io/controller-uid"];
var UNKNOWN_VALUE = "(unknown)";
function jobPodLabels(job, templateLabels) {
  const name = job.metadata.name;
  return generatedLabels(job.spec, templateLabels, typeof name === "string" && name !== "" ? name : UNKNOWN_VALUE);
}
function cronJobPodLabels(jobSpec, templateLabels) {
  return generatedLabels(jobSpec, templateLabels, UNKNOWN_VALUE);
}
function generatedLabels(spec, templateLabels, jobName) {
  if (spec?.manualSelector === true) return templateLabels;
  const out = { ...templateLabels ?? {} };
  const add = (key, value) => {
    if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = value;
  };
  for (const key of JOB_NAME_LABELS) add(key, jobName);
  for (const key of CONTROLLER_UID_LABELS) add(key, UNKNOWN_VALUE);
  return out;
}
function knownLabels(labels2) {
  return Object.fromEntries(Object.entries(labels2).filter(([, v]) => v !== UNKNOWN_VALUE));
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
      const serves = field === "containers" || c.restartPolicy === "Always";
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
        if (!serves) return;
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
  const nameOf = (meta, kind) => {
    if (meta.name !== void 0 && meta.name !== "") return meta.name;
    const generated = meta.generateName ?? "";
    let name = generated;
    for (let n = 2; byKey.has(workloadKey({ namespace: nsOf(meta), name, kind })); n++) name = `${generated}${n}`;
    return name;
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
          { namespace: nsOf(meta), name: nameOf(meta, "CronJob"), kind: "CronJob" },
          podShape(tpl?.spec, cronJobPodLabels(o.object.spec?.jobTemplate?.spec, tpl?.metadata?.labels), o.origin, ["spec", "jobTemplate", "spec", "template", "spec"], diagnostics),
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
        const labels2 = o.kind === "Job" ? jobPodLabels(o.object, tpl?.metadata?.labels) : tpl?.metadata?.labels;
        addWorkload(
          { namespace: nsOf(meta), name: nameOf(meta, o.kind), kind: o.kind },
          podShape(tpl?.spec, labels2, o.origin, ["spec", "template", "spec"], diagnostics),
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
  warnDuplicatePolicies(objects, diagnostics);
  const implied = (name) => {
    if (!namespaces.has(name)) namespaces.set(name, { name, labels: { [NAMESPACE_NAME_LABEL]: name }, declared: false });
  };
  for (const w of byKey.values()) implied(w.ref.namespace);
  for (const o of objects) {
    if (o.kind === "Namespace" || o.kind === "AdminNetworkPolicy" || o.kind === "BaselineAdminNetworkPolicy" || o.kind === "ClusterNetworkPolicy") continue;
    implied(nsOf(o.object.metadata));
  }
  for (const w of byKey.values()) {
    if (!w.pods.some((p) => p.hostNetwork)) continue;
    diagnostics.push(
      diag(
        Codes.hostNetworkUndefined,
        "warning",
        `${workloadKey(w.ref)} runs on the host network: Kubernetes leaves NetworkPolicy for such pods undefined, and most network plugins ignore them in podSelector and namespaceSelector and see their traffic as their node's; analysed as pods on the pod network (as nca and netpol-analyzer do)`,
        originRef(w.origin, [...w.specPath, "hostNetwork"])
      )
    );
  }
  const workloads = [...byKey].sort(([a], [b]) => compareStrings(a, b)).map(([, w]) => ({ ref: w.ref, pods: w.pods, spec: w.spec, origin: w.origin, specPath: w.specPath, ...w.controllerSelector ? { controllerSelector: w.controllerSelector } : {} }));
  return { cluster: { namespaces, workloads, objects }, diagnostics };
}
function warnDuplicatePolicies(objects, diagnostics) {
  const first = /* @__PURE__ */ new Map();
  for (const o of objects) {
    if (!POLICY_KINDS.has(o.kind)) continue;
    const meta = o.object.metadata;
    const scoped = o.kind === "NetworkPolicy" ? `${nsOf(meta)}/` : "";
    const key = `${o.kind} ${scoped}${meta.name ?? ""}`;
    const seen = first.get(key);
    if (!seen) {
      first.set(key, o.origin);
      continue;
    }
    const at = originRef(seen);
    diagnostics.push(diag(Codes.duplicateObject, "warning", `${key} is defined more than once (first at ${at.file}${at.line ? `:${at.line}` : ""}); both are analysed, but the API server keeps only the one applied last`, originRef(o.origin, ["metadata", "name"])));
  }
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
    let text = "";
    for (let i = 0; i < this.bounds.length; i += 2) {
      const lo = this.bounds[i];
      const hi = this.bounds[i + 1];
      text += `${i === 0 ? "" : ","}${lo === hi ? `${lo}` : `${lo}-${hi}`}`;
    }
    return text;
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
    let text = "";
    if (!this.sctp.isEmpty) text = `SCTP ${this.sctp.toString()}`;
    if (!this.tcp.isEmpty) text += `${text === "" ? "" : ","}TCP ${this.tcp.toString()}`;
    if (!this.udp.isEmpty) text += `${text === "" ? "" : ","}UDP ${this.udp.toString()}`;
    this.#text = text;
    return text;
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

// src/connectivity/id-set.ts
var IdSet = class _IdSet {
  constructor(size, count, ids, words) {
    this.size = size;
    this.count = count;
    this.ids = ids;
    this.words = words;
  }
  size;
  count;
  ids;
  words;
  static empty(size) {
    return new _IdSet(size, 0, new Uint32Array(0), void 0);
  }
  static full(size) {
    const words = new Uint32Array(size + 31 >>> 5).fill(4294967295);
    const extra = words.length * 32 - size;
    if (extra > 0) words[words.length - 1] = 4294967295 >>> extra;
    return _IdSet.fromWords(size, words, size);
  }
  /** The set of `ids` (any order, duplicates allowed; each must be in [0, size)). */
  static of(size, ids) {
    const sorted = Uint32Array.from(ids).sort();
    return _IdSet.fromSorted(size, sorted);
  }
  /** The union of many sets of one universe, in one pass (no intermediate sets). */
  static unionAll(size, sets) {
    const list2 = [];
    let total = 0;
    for (const s of sets) {
      if (s.count === 0) continue;
      if (s.count === size) return s;
      list2.push(s);
      total += s.count;
    }
    if (list2.length === 0) return _IdSet.empty(size);
    if (list2.length === 1) return list2[0];
    if (!_IdSet.dense(size, total)) {
      const all = new Uint32Array(total);
      let at = 0;
      for (const s of list2) {
        all.set(s.ids, at);
        at += s.count;
      }
      return _IdSet.fromSorted(size, all.sort());
    }
    const words = new Uint32Array(size + 31 >>> 5);
    for (const s of list2) s.orInto(words);
    return _IdSet.fromWords(size, words, popcount(words));
  }
  has(id) {
    if (this.words) return (this.words[id >>> 5] & 1 << (id & 31)) !== 0;
    const ids = this.ids;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = lo + hi >>> 1;
      const x = ids[mid];
      if (x < id) lo = mid + 1;
      else if (x > id) hi = mid - 1;
      else return true;
    }
    return false;
  }
  union(other) {
    return _IdSet.unionAll(this.size, [this, other]);
  }
  get isEmpty() {
    return this.count === 0;
  }
  /** Calls `f` with each id in ascending order (without an iterator object per id: hot loops use this). */
  forEach(f) {
    if (this.ids) {
      for (let i = 0; i < this.ids.length; i++) f(this.ids[i]);
      return;
    }
    const words = this.words;
    for (let i = 0; i < words.length; i++) {
      let w = words[i];
      while (w !== 0) {
        f(i * 32 + (31 - Math.clz32(w & -w)));
        w &= w - 1;
      }
    }
  }
  /** The ids in ascending order. */
  *[Symbol.iterator]() {
    if (this.ids) {
      yield* this.ids;
      return;
    }
    const words = this.words;
    for (let i = 0; i < words.length; i++) {
      let w = words[i];
      while (w !== 0) {
        yield i * 32 + (31 - Math.clz32(w & -w));
        w &= w - 1;
      }
    }
  }
  /** Sets this set's bits in `words` (a dense buffer of the same universe). */
  orInto(words) {
    if (this.words) {
      for (let i = 0; i < words.length; i++) words[i] = words[i] | this.words[i];
      return;
    }
    for (const id of this.ids) words[id >>> 5] = words[id >>> 5] | 1 << (id & 31);
  }
  /** Dense once the words take less memory than the ids would. */
  static dense(size, count) {
    return count * 32 >= size && count > 0;
  }
  static fromSorted(size, sorted) {
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (n === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i];
    const ids = n === sorted.length ? sorted : sorted.slice(0, n);
    if (!_IdSet.dense(size, n)) return new _IdSet(size, n, ids, void 0);
    const words = new Uint32Array(size + 31 >>> 5);
    for (const id of ids) words[id >>> 5] = words[id >>> 5] | 1 << (id & 31);
    return _IdSet.fromWords(size, words, n);
  }
  static fromWords(size, words, count) {
    if (_IdSet.dense(size, count)) return new _IdSet(size, count, void 0, words);
    const ids = new Uint32Array(count);
    let at = 0;
    for (let i = 0; i < words.length; i++) {
      let w = words[i];
      while (w !== 0) {
        ids[at++] = i * 32 + (31 - Math.clz32(w & -w));
        w &= w - 1;
      }
    }
    return new _IdSet(size, count, ids, void 0);
  }
};
function popcount(words) {
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    w -= w >>> 1 & 1431655765;
    w = (w & 858993459) + (w >>> 2 & 858993459);
    n += (w + (w >>> 4) & 252645135) * 16843009 >>> 24;
  }
  return n;
}

// src/connectivity/policy.ts
var DIRECTIONS2 = ["ingress", "egress"];
function policyKey(ref) {
  return ref.namespace !== void 0 ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}
var NO_NAMED_PORTS = Object.freeze([]);
var ALL_PORTS2 = { fixed: ConnectionSet.ALL, named: NO_NAMED_PORTS };
var EVERYTHING = {};
var SharedPorts = class {
  singles = /* @__PURE__ */ new Map();
  matchers = /* @__PURE__ */ new Map();
  single(protocol2, port) {
    const key = (protocol2 === "TCP" ? 0 : protocol2 === "UDP" ? 1 : 2) * 65536 + port;
    let set = this.singles.get(key);
    if (!set) this.singles.set(key, set = ConnectionSet.port(protocol2, port));
    return set;
  }
  /** The matcher of fixed ports only. */
  matcher(fixed) {
    let m = this.matchers.get(fixed);
    if (!m) this.matchers.set(fixed, m = { fixed, named: NO_NAMED_PORTS });
    return m;
  }
};
function compilePolicies(objects) {
  const policies = [];
  const diagnostics = [];
  const shared = new SharedPorts();
  for (const o of objects) {
    switch (o.kind) {
      case "NetworkPolicy":
        policies.push(compileNetworkPolicy(o, shared, diagnostics));
        break;
      case "AdminNetworkPolicy":
      case "BaselineAdminNetworkPolicy":
      case "ClusterNetworkPolicy":
        policies.push(compileAdminPolicy(o, diagnostics));
        break;
      default:
        break;
    }
  }
  warnSamePriority(policies, diagnostics);
  return { policies, diagnostics };
}
function compileNetworkPolicy(o, shared, diagnostics) {
  const meta = o.object.metadata;
  const namespace = meta.namespace || DEFAULT_NAMESPACE;
  const ref = { kind: "NetworkPolicy", namespace, name: meta.name ?? "" };
  const own = { kind: "named", name: namespace };
  const spec = o.object.spec ?? {};
  const types = spec.policyTypes && spec.policyTypes.length > 0 ? spec.policyTypes : void 0;
  const governs = {
    ingress: types ? types.includes("Ingress") : true,
    egress: types ? types.includes("Egress") : (spec.egress ?? []).length > 0
  };
  const compileRules = (direction) => {
    const raw = direction === "ingress" ? spec.ingress : spec.egress;
    return (raw ?? []).map((r, index) => {
      const peersRaw = (direction === "ingress" ? r.from : r.to) ?? [];
      const peerField = direction === "ingress" ? "from" : "to";
      const peers = peersRaw.length === 0 ? [{ kind: "any" }] : peersRaw.map((p, i) => npPeer(p, own, o.origin, ["spec", direction, index, peerField, i], diagnostics));
      return {
        ref: { policy: ref, direction, index },
        action: "allow",
        peers,
        ports: npPorts(r.ports ?? [], o.origin, ["spec", direction, index, "ports"], shared, diagnostics)
      };
    });
  };
  return {
    ref,
    layer: "np",
    priority: 0,
    subject: { kind: "pods", namespaces: own, pods: spec.podSelector ?? EVERYTHING },
    governs,
    rules: { ingress: governs.ingress ? compileRules("ingress") : [], egress: governs.egress ? compileRules("egress") : [] },
    origin: o.origin
  };
}
function npPeer(p, own, origin, path, diagnostics) {
  if (p.ipBlock) {
    if (p.podSelector || p.namespaceSelector) {
      diagnostics.push(diag(Codes.invalidField, "error", "ipBlock cannot be combined with podSelector or namespaceSelector; the peer matches nothing", originRef(origin, path)));
      return { kind: "none" };
    }
    return ipPeer([p.ipBlock.cidr], p.ipBlock.except ?? [], origin, [...path, "ipBlock"], diagnostics);
  }
  if (!p.podSelector && !p.namespaceSelector) {
    diagnostics.push(diag(Codes.invalidField, "error", "a peer needs podSelector, namespaceSelector or ipBlock; the peer matches nothing", originRef(origin, path)));
    return { kind: "none" };
  }
  return {
    kind: "pods",
    namespaces: p.namespaceSelector ? { kind: "selector", selector: p.namespaceSelector } : own,
    pods: p.podSelector ?? EVERYTHING
  };
}
function ipPeer(cidrs, except, origin, path, diagnostics) {
  const parse = (text, field) => {
    const r = parseCidr(text);
    if (!r) diagnostics.push(diag(Codes.invalidCidr, "error", `invalid CIDR ${JSON.stringify(text)}; it matches nothing`, originRef(origin, field)));
    return r;
  };
  const include = cidrs.flatMap((c, i) => parse(c, cidrs.length === 1 && path[path.length - 1] === "ipBlock" ? [...path, "cidr"] : [...path, i]) ?? []);
  const exclude = except.flatMap((c, i) => parse(c, [...path, "except", i]) ?? []);
  return { kind: "ip", include, exclude };
}
function npPorts(ports, origin, path, shared, diagnostics) {
  if (ports.length === 0) return ALL_PORTS2;
  let fixed = ConnectionSet.NONE;
  const named = [];
  ports.forEach((p, i) => {
    const protocol2 = p.protocol ?? "TCP";
    if (p.port === void 0 || p.port === null) {
      fixed = fixed.union(ConnectionSet.of(protocol2));
    } else if (typeof p.port === "string") {
      if (/^\d+$/.test(p.port)) {
        fixed = fixed.union(portRange(protocol2, Number(p.port), p.endPort ?? void 0, origin, [...path, i], diagnostics, shared));
      } else {
        if (p.endPort !== void 0 && p.endPort !== null) {
          diagnostics.push(diag(Codes.invalidPortRange, "error", "endPort cannot be used with a named port; endPort ignored", originRef(origin, [...path, i, "endPort"])));
        }
        named.push({ name: p.port, protocol: protocol2 });
      }
    } else {
      fixed = fixed.union(portRange(protocol2, p.port, p.endPort ?? void 0, origin, [...path, i], diagnostics, shared));
    }
  });
  return named.length === 0 ? shared.matcher(fixed) : { fixed, named };
}
function portRange(protocol2, port, endPort, origin, path, diagnostics, shared) {
  if (port < 1 || port > 65535) {
    diagnostics.push(diag(Codes.invalidPortRange, "error", `port ${port} is outside 1-65535; it matches nothing`, originRef(origin, [...path, "port"])));
    return ConnectionSet.NONE;
  }
  if (endPort !== void 0) {
    if (endPort < port || endPort > 65535) {
      diagnostics.push(diag(Codes.invalidPortRange, "error", `endPort (${endPort}) < port (${port}) or above 65535; the entry matches nothing`, originRef(origin, [...path, "endPort"])));
      return ConnectionSet.NONE;
    }
    return ConnectionSet.of(protocol2, IntervalSet.range(port, endPort));
  }
  return shared ? shared.single(protocol2, port) : ConnectionSet.port(protocol2, port);
}
function adminSubject(subject) {
  if (subject.namespaces) return { kind: "pods", namespaces: { kind: "selector", selector: subject.namespaces }, pods: EVERYTHING };
  if (subject.pods) return { kind: "pods", namespaces: { kind: "selector", selector: subject.pods.namespaceSelector ?? EVERYTHING }, pods: subject.pods.podSelector ?? EVERYTHING };
  return { kind: "pods", namespaces: { kind: "selector", selector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: [] }] } }, pods: EVERYTHING };
}
var ADMIN_PEER_FIELDS = ["namespaces", "pods", "networks", "nodes", "domainNames"];
function adminPeer(p, action2, origin, path, diagnostics) {
  const set = ADMIN_PEER_FIELDS.filter((f) => p[f] !== void 0 && p[f] !== null);
  if (set.length !== 1) {
    const failClosed = action2 === "deny" ? { kind: "any" } : { kind: "none" };
    diagnostics.push(
      diag(
        Codes.adminPolicyInvalid,
        "error",
        `a peer needs exactly one of ${ADMIN_PEER_FIELDS.slice(0, 4).join(", ")}; got ${set.length === 0 ? "none" : set.join(" and ")}: it fails closed (${action2 === "deny" ? "this Deny rule matches every peer" : `this ${action2 === "allow" ? "Allow" : "Pass"} rule matches no peer`})`,
        originRef(origin, path)
      )
    );
    return failClosed;
  }
  if (p.namespaces) return { kind: "pods", namespaces: { kind: "selector", selector: p.namespaces }, pods: EVERYTHING };
  if (p.pods) return { kind: "pods", namespaces: { kind: "selector", selector: p.pods.namespaceSelector ?? EVERYTHING }, pods: p.pods.podSelector ?? EVERYTHING };
  if (p.networks) return ipPeer(p.networks, [], origin, [...path, "networks"], diagnostics);
  diagnostics.push(diag(Codes.unsupportedValue, "warning", "nodes and domainNames peers are not modelled; this peer matches nothing", originRef(origin, path)));
  return { kind: "none" };
}
function adminRange(protocol2, start, end, origin, path, diagnostics) {
  const bad = [start, end].some((n) => n < 1 || n > 65535) ? `start (${start}) and end (${end}) must be within 1-65535` : start >= end ? `start (${start}) must be less than end (${end})` : void 0;
  if (bad) {
    diagnostics.push(diag(Codes.invalidPortRange, "error", `${bad}; the range matches nothing`, originRef(origin, path)));
    return ConnectionSet.NONE;
  }
  return ConnectionSet.of(protocol2, IntervalSet.range(start, end));
}
function adminPorts(ports, origin, path, diagnostics) {
  if (!ports || ports.length === 0) return ALL_PORTS2;
  let fixed = ConnectionSet.NONE;
  const named = [];
  ports.forEach((p, i) => {
    if (p.portNumber) fixed = fixed.union(portRange(p.portNumber.protocol ?? "TCP", p.portNumber.port, void 0, origin, [...path, i, "portNumber"], diagnostics));
    else if (p.portRange) fixed = fixed.union(adminRange(p.portRange.protocol ?? "TCP", p.portRange.start, p.portRange.end, origin, [...path, i, "portRange"], diagnostics));
    else if (p.namedPort) named.push({ name: p.namedPort, protocol: void 0 });
  });
  return { fixed, named };
}
function cnpPorts(protocols, origin, path, diagnostics) {
  if (!protocols || protocols.length === 0) return ALL_PORTS2;
  let fixed = ConnectionSet.NONE;
  const named = [];
  protocols.forEach((p, i) => {
    for (const [key, proto] of [["tcp", "TCP"], ["udp", "UDP"], ["sctp", "SCTP"]]) {
      const spec = p[key];
      if (!spec) continue;
      const dp = spec.destinationPort;
      if (!dp) fixed = fixed.union(ConnectionSet.of(proto));
      else if (dp.number) fixed = fixed.union(ConnectionSet.port(proto, dp.number));
      else if (dp.range) fixed = fixed.union(adminRange(proto, dp.range.start, dp.range.end, origin, [...path, i, key, "destinationPort", "range"], diagnostics));
    }
    if (p.destinationNamedPort) named.push({ name: p.destinationNamedPort, protocol: void 0 });
  });
  return { fixed, named };
}
var V1ALPHA1 = {
  action: (w) => w.toLowerCase(),
  portsField: "ports",
  ports: (raw, origin, path, diagnostics) => adminPorts(raw, origin, path, diagnostics)
};
var V1ALPHA2 = {
  action: (w) => w === "Accept" ? "allow" : w === "Deny" ? "deny" : "pass",
  portsField: "protocols",
  ports: (raw, origin, path, diagnostics) => cnpPorts(raw, origin, path, diagnostics)
};
function compileAdminPolicy(o, diagnostics) {
  const ref = { kind: o.kind, name: o.object.metadata.name ?? "" };
  const dialect = o.kind === "ClusterNetworkPolicy" ? V1ALPHA2 : V1ALPHA1;
  const spec = o.object.spec;
  const compile2 = (direction) => ((direction === "ingress" ? spec.ingress : spec.egress) ?? []).map((r, index) => {
    const peerField = direction === "ingress" ? "from" : "to";
    const action2 = dialect.action(r.action);
    const peers = r[peerField].map((p, i) => adminPeer(p, action2, o.origin, ["spec", direction, index, peerField, i], diagnostics));
    const name = typeof r.name === "string" && r.name ? r.name : void 0;
    const rawPorts = r[dialect.portsField];
    if (Array.isArray(rawPorts) && rawPorts.length === 0) {
      diagnostics.push(
        diag(
          Codes.emptyAdminPorts,
          "warning",
          `${dialect.portsField}: [] — implementations differ on an empty list; netpol-ci reads it as all ports, like an absent ${dialect.portsField}`,
          originRef(o.origin, ["spec", direction, index, dialect.portsField]),
          `omit ${dialect.portsField} to mean all ports`
        )
      );
    }
    return {
      ref: { policy: ref, direction, index, ...name ? { name } : {} },
      action: action2,
      peers,
      ports: dialect.ports(r[dialect.portsField], o.origin, ["spec", direction, index, dialect.portsField], diagnostics)
    };
  });
  const rules = { ingress: compile2("ingress"), egress: compile2("egress") };
  const [layer, priority] = o.kind === "ClusterNetworkPolicy" ? [o.object.spec.tier === "Admin" ? "admin" : "baseline", o.object.spec.priority] : o.kind === "AdminNetworkPolicy" ? ["admin", o.object.spec.priority] : (
    // A BANP is a singleton that runs after every baseline-tier ClusterNetworkPolicy.
    ["baseline", Number.MAX_SAFE_INTEGER]
  );
  return {
    ref,
    layer,
    priority,
    subject: adminSubject(spec.subject),
    governs: { ingress: rules.ingress.length > 0, egress: rules.egress.length > 0 },
    rules,
    origin: o.origin
  };
}
function warnSamePriority(policies, diagnostics) {
  const seen = /* @__PURE__ */ new Map();
  for (const p of policies) {
    if (p.layer === "np" || p.ref.kind === "BaselineAdminNetworkPolicy") continue;
    const key = `${p.layer}:${p.priority}`;
    const other = seen.get(key);
    if (other) {
      diagnostics.push(
        diag(
          Codes.samePriority,
          "warning",
          `${p.ref.kind} ${p.ref.name} has the same priority (${p.priority}) as ${other.ref.kind} ${other.ref.name}; their order is undefined upstream, netpol-ci orders them by name`,
          originRef(p.origin, ["spec", "priority"])
        )
      );
    } else seen.set(key, p);
  }
}
function sortPolicies(policies) {
  const keyed = policies.map((p) => ({ p, key: `${p.ref.kind}/${p.ref.namespace ?? ""}/${p.ref.name}` }));
  keyed.sort((a, b) => a.p.priority - b.p.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.p);
}

// src/connectivity/cluster-ranges.ts
var overlaps = (a, b) => a.family === b.family && a.lo <= b.hi && b.lo <= a.hi;
function coversPodNetwork(peer, pods) {
  return pods.length > 0 && pods.every((p) => peer.include.some((r) => rangeContains(r, p)) && !peer.exclude.some((x) => overlaps(x, p)));
}
function insideCluster(atom, ranges) {
  return ranges !== void 0 && [...ranges.pods, ...ranges.services].some((r) => rangeContains(r, atom));
}
function addressPeers(p) {
  let out;
  for (let di = 0; di < DIRECTIONS2.length; di++) {
    const d = DIRECTIONS2[di];
    const rules = p.rules[d];
    for (let ri = 0; ri < rules.length; ri++) {
      const r = rules[ri];
      for (let i = 0; i < r.peers.length; i++) {
        const m = r.peers[i];
        if (m.kind === "ip") (out ??= []).push({ direction: d, index: r.ref.index, peer: m });
      }
    }
  }
  return out ?? NO_ADDRESS_PEERS;
}
var NO_ADDRESS_PEERS = [];
function clusterRangeWarnings(policies, families, ranges) {
  const out = [];
  for (let pi = 0; pi < policies.length; pi++) {
    const p = policies[pi];
    const peers = addressPeers(p);
    if (peers.length === 0) continue;
    const warned = /* @__PURE__ */ new Set();
    for (const { direction, index, peer } of peers) {
      const key = `${direction}${index}`;
      if (warned.has(key)) continue;
      const at = () => originRef(p.origin, ["spec", direction, index]);
      if (!ranges || ranges.pods.length === 0) {
        const everything = peer.include.find((r) => families.includes(r.family) && rangeContains(r, fullRange(r.family)));
        if (everything) {
          warned.add(key);
          const cidr = everything.family === 4 ? "0.0.0.0/0" : "::/0";
          out.push(
            diag(Codes.podTrafficNotModelled, "warning", `${cidr} also covers pod addresses; the pod-to-pod traffic it seems to ${direction === "ingress" ? "admit" : "allow"} is not modelled (address peers match only addresses outside the cluster)`, at(), "give --pod-cidr to apply it to pods")
          );
        }
      } else if (!coversPodNetwork(peer, ranges.pods)) {
        const partial = ranges.pods.find((pr) => peer.include.some((r) => overlaps(r, pr)) && !peer.include.some((r) => rangeContains(r, pr) && !peer.exclude.some((x) => overlaps(x, pr))));
        if (partial) {
          warned.add(key);
          out.push(diag(Codes.podTrafficNotModelled, "warning", `covers part of the pod network ${formatRange(partial)}; pod addresses inside it are unknown, so it matches no pod`, at()));
        }
      }
    }
  }
  return out;
}

// src/connectivity/binding.ts
function bindPolicies(policies, classes, atoms, podNetwork) {
  const rules = /* @__PURE__ */ new Map();
  const ingressAllowers = [];
  const diagnostics = [];
  const nClasses = classes.all.length;
  const nAtoms = atoms.length;
  const allClasses = IdSet.full(nClasses);
  const allAtoms = IdSet.full(nAtoms);
  const noAtoms = IdSet.empty(nAtoms);
  const noClasses = IdSet.empty(nClasses);
  const selected = /* @__PURE__ */ new Map();
  const classSet = (ids) => {
    let b = selected.get(ids);
    if (!b) selected.set(ids, b = IdSet.of(nClasses, ids));
    return b;
  };
  const rulesOf = (cls) => {
    let r = rules.get(cls.id);
    if (!r) {
      r = { ingress: { admin: [], np: [], baseline: [], isolatedBy: [] }, egress: { admin: [], np: [], baseline: [], isolatedBy: [] } };
      rules.set(cls.id, r);
    }
    return r;
  };
  const bindRule = (rule, policy) => {
    const peers = rule.peers;
    for (let i = 0; i < peers.length; i++) if (peers[i].kind === "any") return { rule, policy, classes: allClasses, atoms: allAtoms };
    const classParts = [];
    let atomSet = noAtoms;
    for (let i = 0; i < peers.length; i++) {
      const peer = peers[i];
      if (peer.kind === "pods") classParts.push(classSet(classes.select(peer.namespaces, peer.pods, true)));
      else if (peer.kind === "ip") {
        if (podNetwork && coversPodNetwork(peer, podNetwork)) classParts.push(allClasses);
        const ids = atoms.flatMap((atom, i2) => peer.include.some((r) => rangeContains(r, atom)) && !peer.exclude.some((r) => rangeContains(r, atom)) ? [i2] : []);
        atomSet = atomSet.union(IdSet.of(nAtoms, ids));
      }
    }
    const classBits = classParts.length === 0 ? noClasses : IdSet.unionAll(nClasses, classParts);
    return { rule, policy, classes: classBits, atoms: atomSet };
  };
  for (let pi = 0; pi < policies.length; pi++) {
    const policy = policies[pi];
    const subjects = classes.select(policy.subject.namespaces, policy.subject.pods);
    const subjectIds = subjects.filter((id) => {
      const c = classes.all[id];
      if (c.ingressController) return policy.layer !== "np";
      return !c.represents;
    });
    for (let di = 0; di < DIRECTIONS2.length; di++) {
      const direction = DIRECTIONS2[di];
      if (!policy.governs[direction]) continue;
      const rules2 = policy.rules[direction];
      const bound = new Array(rules2.length);
      for (let i = 0; i < rules2.length; i++) bound[i] = bindRule(rules2[i], policy);
      for (let si = 0; si < subjectIds.length; si++) {
        const dr = rulesOf(classes.all[subjectIds[si]])[direction];
        const list2 = policy.layer === "admin" ? dr.admin : policy.layer === "np" ? dr.np : dr.baseline;
        for (let i = 0; i < bound.length; i++) list2.push(bound[i]);
        if (policy.layer === "np") dr.isolatedBy.push(policy);
      }
      if (direction === "ingress" && policy.layer !== "baseline") {
        for (let i = 0; i < bound.length; i++) {
          const b = bound[i];
          if (b.rule.action !== "deny") ingressAllowers.push({ classes: b.classes, subjects: subjectIds });
        }
      }
      unresolvedNamedPorts(bound, subjects, direction, classes, diagnostics);
    }
  }
  return { rules, ingressAllowers, diagnostics };
}
function unresolvedNamedPorts(bound, subjects, direction, classes, out) {
  for (let i = 0; i < bound.length; i++) {
    const b = bound[i];
    if (b.rule.ports.named.length === 0) continue;
    const dsts = direction === "ingress" ? subjects : [...b.classes];
    for (const np of b.rule.ports.named) {
      const resolved = dsts.some((id) => classes.all[id].ports.some((p) => p.name === np.name && (np.protocol === void 0 || p.protocol === np.protocol)));
      if (!resolved) {
        out.push(
          diag(
            Codes.unresolvedNamedPort,
            "warning",
            `named port "${np.name}" matches no container port of the ${direction === "ingress" ? "selected pods" : "destination pods"}; it allows nothing`,
            originRef(b.policy.origin, ["spec", direction, b.rule.ref.index, "ports"])
          )
        );
      }
    }
  }
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
function selectorMatcher(selector) {
  const matchLabels = selector.matchLabels;
  const keys = matchLabels ? Object.keys(matchLabels) : [];
  const values = keys.map((k) => matchLabels[k]);
  const rest = selector.matchExpressions && selector.matchExpressions.length > 0 ? { matchExpressions: selector.matchExpressions } : void 0;
  return (labels2) => {
    for (let i = 0; i < keys.length; i++) if (labels2[keys[i]] !== values[i]) return false;
    return rest === void 0 || selectorMatches(rest, labels2);
  };
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
  if (names.length > SMALL_MAP) names.sort();
  else {
    for (let i = 1; i < names.length; i++) {
      const k = names[i];
      let j = i - 1;
      for (; j >= 0 && names[j] > k; j--) names[j + 1] = names[j];
      names[j + 1] = k;
    }
  }
  let key = "";
  for (let i = 0; i < names.length; i++) {
    const k = names[i];
    const v = labels2[k];
    key += `${k.length}:${k}${v.length}:${v}`;
  }
  return key;
}
var SMALL_MAP = 16;
var ANY_VALUE = { absent: true, kind: "except", values: /* @__PURE__ */ new Set() };
function intersectDomains(a, b) {
  const absent = a.absent && b.absent;
  if (a.kind === "only" && b.kind === "only") return { absent, kind: "only", values: new Set([...a.values].filter((v) => b.values.has(v))) };
  if (a.kind === "except" && b.kind === "except") return { absent, kind: "except", values: /* @__PURE__ */ new Set([...a.values, ...b.values]) };
  const [only, except] = a.kind === "only" ? [a, b] : [b, a];
  return { absent, kind: "only", values: new Set([...only.values].filter((v) => !except.values.has(v))) };
}
function domainWithin(a, b) {
  if (a.absent && !b.absent) return false;
  if (a.kind === "only") return b.kind === "only" ? [...a.values].every((v) => b.values.has(v)) : [...a.values].every((v) => !b.values.has(v));
  return b.kind === "except" && [...b.values].every((v) => a.values.has(v));
}
function domains(selector) {
  const out = /* @__PURE__ */ new Map();
  const add = (key, d) => out.set(key, intersectDomains(out.get(key) ?? ANY_VALUE, d));
  const labels2 = selector.matchLabels ?? {};
  for (const k of Object.keys(labels2)) add(k, { absent: false, kind: "only", values: /* @__PURE__ */ new Set([labels2[k]]) });
  for (const e of selector.matchExpressions ?? []) {
    const values = new Set(e.values ?? []);
    if (e.operator === "In") add(e.key, { absent: false, kind: "only", values });
    else if (e.operator === "NotIn") add(e.key, { absent: true, kind: "except", values });
    else if (e.operator === "Exists") add(e.key, { absent: false, kind: "except", values: /* @__PURE__ */ new Set() });
    else add(e.key, { absent: true, kind: "only", values: /* @__PURE__ */ new Set() });
  }
  return out;
}
function selectorImplies(narrow, broad) {
  const n = domains(narrow);
  for (const d of n.values()) if (!d.absent && d.kind === "only" && d.values.size === 0) return true;
  for (const [key, b] of domains(broad)) if (!domainWithin(n.get(key) ?? ANY_VALUE, b)) return false;
  return true;
}

// src/connectivity/classes.ts
function representedWithin(r, ns, pods) {
  if (!selectorImplies(r.pods, pods)) return false;
  if (r.namespaces === void 0) return true;
  return selectorImplies(r.namespaces, ns.kind === "named" ? { matchLabels: { [NAMESPACE_NAME_LABEL]: ns.name } } : ns.selector);
}
var INGRESS_CONTROLLER_NAMESPACE = "{ingress-controller}";
var PodClasses = class {
  all = [];
  /** The classes of each workload's pods, by the cluster's WorkloadRef object (no key strings built). */
  byRef = /* @__PURE__ */ new Map();
  byKeyString;
  byNamespace = /* @__PURE__ */ new Map();
  /** `key=value` -> ids. */
  byLabel = /* @__PURE__ */ new Map();
  /** namespace -> `key=value` -> ids: a selector of one namespace visits only that namespace's classes. */
  byNamespaceLabel = /* @__PURE__ */ new Map();
  byKey = /* @__PURE__ */ new Map();
  cache = /* @__PURE__ */ new Map();
  namespaceLabels;
  hasRepresentatives;
  constructor(cluster, withIngressController, representatives, ingressControllerAt) {
    this.hasRepresentatives = (representatives?.size ?? 0) > 0;
    const nsLabels = /* @__PURE__ */ new Map();
    for (const ns of cluster.namespaces.values()) nsLabels.set(ns.name, ns.labels);
    const icNamespace = ingressControllerAt?.namespace ?? INGRESS_CONTROLLER_NAMESPACE;
    if (withIngressController && !nsLabels.has(icNamespace)) nsLabels.set(icNamespace, { [NAMESPACE_NAME_LABEL]: icNamespace });
    this.namespaceLabels = nsLabels;
    const index = /* @__PURE__ */ new Map();
    for (const w of cluster.workloads) {
      const classes = [];
      const represents = representatives?.get(w.ref);
      for (const pod of w.pods) {
        let sig = `${w.ref.namespace}\0${labelsKey(pod.labels)}\0${pod.ports.map((p) => `${p.name ?? ""}:${p.port}/${p.protocol}`).join(",")}`;
        if (represents) sig += `\0${workloadKey(w.ref)}`;
        let cls = index.get(sig);
        if (!cls) {
          cls = this.add(w.ref.namespace, pod.labels, pod.ports, false, represents);
          index.set(sig, cls);
        }
        if (cls.workloads[cls.workloads.length - 1] !== w.ref) cls.workloads.push(w.ref);
        if (!classes.includes(cls)) classes.push(cls);
      }
      this.byRef.set(w.ref, classes);
    }
    if (withIngressController) this.add(icNamespace, ingressControllerAt?.podLabels ?? {}, [], true);
  }
  /** The classes of a workload of the cluster (by its WorkloadRef object). */
  classesOf(ref) {
    return this.byRef.get(ref) ?? [];
  }
  /** workloadKey -> the classes of its pods (built on first use: the evaluation goes by ref). */
  get byWorkload() {
    if (!this.byKeyString) {
      this.byKeyString = /* @__PURE__ */ new Map();
      for (const [ref, classes] of this.byRef) this.byKeyString.set(workloadKey(ref), classes);
    }
    return this.byKeyString;
  }
  get ingressController() {
    const last = this.all[this.all.length - 1];
    return last?.ingressController ? last : void 0;
  }
  add(namespace, labels2, ports, ingressController, represents) {
    const cls = {
      id: this.all.length,
      namespace,
      namespaceLabels: this.namespaceLabels.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace },
      labels: labels2,
      ports,
      workloads: [],
      ingressController,
      ...represents ? { represents } : {}
    };
    this.all.push(cls);
    push(this.byNamespace, namespace, cls.id);
    for (const k of Object.keys(labels2)) {
      const label = `${k}=${labels2[k]}`;
      push(this.byLabel, label, cls.id);
      let inNamespace2 = this.byNamespaceLabel.get(namespace);
      if (!inNamespace2) this.byNamespaceLabel.set(namespace, inNamespace2 = /* @__PURE__ */ new Map());
      push(inNamespace2, label, cls.id);
      push(this.byKey, k, cls.id);
    }
    return cls;
  }
  namespaceCache = /* @__PURE__ */ new Map();
  /** The namespaces a namespace match covers (memoised: many rules share a namespace selector). */
  namespaces(match) {
    if (match.kind === "named") return this.namespaceLabels.has(match.name) ? [match.name] : [];
    const key = selectorKey(match.selector);
    let hit = this.namespaceCache.get(key);
    if (!hit) {
      hit = [...this.namespaceLabels.entries()].filter(([, labels2]) => selectorMatches(match.selector, labels2)).map(([name]) => name);
      this.namespaceCache.set(key, hit);
    }
    return hit;
  }
  /** `namespaces(match)` as a set, by the match's key: one set per distinct match, not one per rule. */
  namespaceSets = /* @__PURE__ */ new Map();
  namespaceSet(match, key) {
    let set = this.namespaceSets.get(key);
    if (!set) this.namespaceSets.set(key, set = new Set(this.namespaces(match)));
    return set;
  }
  /**
   * Ids (ascending) of the classes whose pods a namespace match plus pod selector select; memoised.
   * `asPeer`: the match is a rule's peer, which matches a representative class only if it matches
   * every pod the class stands for; a policy's subject selects it by its witness labels.
   */
  select(ns, pods, asPeer = false) {
    const nsKey = ns.kind === "named" ? `=${ns.name}` : `~${selectorKey(ns.selector)}`;
    const peerOfRepresentatives = asPeer && this.hasRepresentatives;
    const key = `${nsKey}\0${selectorKey(pods)}${peerOfRepresentatives ? "\0peer" : ""}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const namespaces = this.namespaceSet(ns, nsKey);
    let candidates;
    const keyed = (pods.matchExpressions ?? []).find((e) => e.operator === "Exists" || e.operator === "In");
    let rarest;
    let global = [];
    const matchLabels = pods.matchLabels ?? {};
    for (const k of Object.keys(matchLabels)) {
      const label = `${k}=${matchLabels[k]}`;
      const ids = this.byLabel.get(label) ?? [];
      if (rarest === void 0 || ids.length < global.length) {
        rarest = label;
        global = ids;
      }
    }
    if (rarest !== void 0) {
      if (namespaces.size < global.length) {
        const inNamespaces = [];
        for (const n of namespaces) for (const id of this.byNamespaceLabel.get(n)?.get(rarest) ?? []) inNamespaces.push(id);
        if (namespaces.size > 1) inNamespaces.sort((a, b) => a - b);
        candidates = inNamespaces;
      } else candidates = global;
    } else if (keyed) {
      candidates = this.byKey.get(keyed.key) ?? [];
    } else {
      const inNamespaces = [];
      for (const n of namespaces) for (const id of this.byNamespace.get(n) ?? []) inNamespaces.push(id);
      candidates = inNamespaces.sort((a, b) => a - b);
    }
    const empty = isEmptySelector(pods);
    const matches2 = selectorMatcher(pods);
    const out = candidates.filter((id) => {
      const c = this.all[id];
      if (!(namespaces.has(c.namespace) && (empty || matches2(c.labels)))) return false;
      return !(peerOfRepresentatives && c.represents) || representedWithin(c.represents, ns, pods);
    });
    this.cache.set(key, out);
    return out;
  }
};
function push(map, key, value) {
  const list2 = map.get(key);
  if (list2) list2.push(value);
  else map.set(key, [value]);
}

// src/connectivity/enumerate.ts
function enumerateConnections(engine) {
  const peers = new PeerIndex(engine);
  const pairs = new PairCollector(peers);
  const all = engine.classes.all;
  const classes = all.filter((c) => !c.ingressController);
  const open = new OpenDestinations(engine, classes);
  const ranks = all.map((c) => c.workloads.map((w) => peers.workload(w)));
  for (const s of classes) {
    const srcRanks = ranks[s.id];
    const candidates = engine.openByDefault(s, "egress") ? open.reachableFrom(s) : engine.allowCandidates(s, "egress");
    candidates.forEach((id) => {
      const d = all[id];
      if (d.ingressController) return;
      const conns = engine.pairConns(s, d);
      if (conns.isEmpty) return;
      for (const dst of ranks[id]) for (const src of srcRanks) if (src !== dst) pairs.add(src, dst, conns);
    });
  }
  addExternal(engine, classes, peers, pairs);
  addIngressController(engine, peers, pairs);
  return pairs.sorted();
}
var OpenDestinations = class {
  openIngress;
  broad = [];
  selectedBy = /* @__PURE__ */ new Map();
  constructor(engine, classes) {
    const n = engine.classes.all.length;
    this.openIngress = IdSet.of(
      n,
      classes.filter((d) => engine.openByDefault(d, "ingress")).map((d) => d.id)
    );
    for (const a of engine.binding.ingressAllowers) {
      if (a.subjects.length === 0 || a.classes.isEmpty) continue;
      if (a.classes.count * 32 >= n) {
        this.broad.push(a);
        continue;
      }
      for (const id of a.classes) {
        const list2 = this.selectedBy.get(id);
        if (list2) list2.push(a.subjects);
        else this.selectedBy.set(id, [a.subjects]);
      }
    }
  }
  reachableFrom(s) {
    const selecting = [];
    for (const subjects of this.selectedBy.get(s.id) ?? []) for (const id of subjects) selecting.push(id);
    for (const a of this.broad) if (a.classes.has(s.id)) for (const id of a.subjects) selecting.push(id);
    return selecting.length === 0 ? this.openIngress : this.openIngress.union(IdSet.of(this.openIngress.size, selecting));
  }
};
var PeerIndex = class {
  peers;
  byWorkload = /* @__PURE__ */ new Map();
  atomRanks;
  ingressControllerRank;
  constructor(engine) {
    const entries = [];
    for (const w of engine.cluster.workloads) entries.push({ key: workloadKey(w.ref), peer: { kind: "workload", ref: w.ref } });
    for (const range of engine.atoms) entries.push({ key: peerKey({ kind: "external", range }), peer: { kind: "external", range } });
    const ic = { kind: "ingress-controller" };
    entries.push({ key: peerKey(ic), peer: ic });
    const order = entries.map((_, i) => i).sort((a, b) => compareStrings(entries[a].key, entries[b].key));
    this.peers = order.map((i) => entries[i].peer);
    const rankOf = new Array(entries.length);
    order.forEach((i, rank) => rankOf[i] = rank);
    const nWorkloads = engine.cluster.workloads.length;
    engine.cluster.workloads.forEach((w, i) => this.byWorkload.set(w.ref, rankOf[i]));
    this.atomRanks = engine.atoms.map((_, i) => rankOf[nWorkloads + i]);
    this.ingressControllerRank = rankOf[entries.length - 1];
  }
  workload(ref) {
    const rank = this.byWorkload.get(ref);
    if (rank === void 0) throw new Error(`bug: ${workloadKey(ref)} is not a workload of the cluster`);
    return rank;
  }
  atom(i) {
    return this.atomRanks[i];
  }
};
var PairCollector = class {
  constructor(index) {
    this.index = index;
    this.dsts = new Array(index.peers.length);
    this.conns = new Array(index.peers.length);
  }
  index;
  dsts;
  conns;
  add(src, dst, conns) {
    if (conns.isEmpty) return;
    const d = this.dsts[src];
    if (d) {
      d.push(dst);
      this.conns[src].push(conns);
    } else {
      this.dsts[src] = [dst];
      this.conns[src] = [conns];
    }
  }
  sorted() {
    const out = [];
    const peers = this.index.peers;
    for (let src = 0; src < peers.length; src++) {
      const dsts = this.dsts[src];
      if (!dsts) continue;
      const conns = this.conns[src];
      const order = Uint32Array.from(dsts, (_, i) => i).sort((a, b) => dsts[a] - dsts[b]);
      for (let i = 0; i < order.length; ) {
        const dst = dsts[order[i]];
        let c = conns[order[i]];
        let j = i + 1;
        for (; j < order.length && dsts[order[j]] === dst; j++) c = c.union(conns[order[j]]);
        out.push({ src: peers[src], dst: peers[dst], conns: c });
        i = j;
      }
      this.dsts[src] = void 0;
      this.conns[src] = void 0;
    }
    return out;
  }
};
function addExternal(engine, classes, peers, pairs) {
  const perWorkload = /* @__PURE__ */ new Map();
  for (const c of classes) {
    const out = engine.perAtom(c, "egress");
    const inn = engine.perAtom(c, "ingress");
    for (const w of c.workloads) {
      const cur = perWorkload.get(w);
      if (!cur) perWorkload.set(w, { out, in: inn });
      else {
        cur.out = cur.out.map((x, i) => x.union(out[i]));
        cur.in = cur.in.map((x, i) => x.union(inn[i]));
      }
    }
  }
  for (const [ref, { out, in: inn }] of perWorkload) {
    const w = peers.workload(ref);
    for (let i = 0; i < engine.atoms.length; i++) {
      pairs.add(w, peers.atom(i), out[i]);
      pairs.add(peers.atom(i), w, inn[i]);
    }
  }
}
function addIngressController(engine, peers, pairs) {
  const ic = engine.classes.ingressController;
  if (!ic) return;
  for (const w of engine.cluster.workloads) {
    const key = workloadKey(w.ref);
    const ports = engine.exposure.ports.get(key);
    if (!ports) continue;
    for (const d of engine.classes.classesOf(w.ref)) {
      const allowed = engine.evaluate(d, "ingress", { kind: "class", cls: ic }).intersect(engine.evaluate(ic, "egress", { kind: "class", cls: d }));
      pairs.add(peers.ingressControllerRank, peers.workload(w.ref), ports.intersect(allowed));
    }
  }
}

// src/connectivity/evaluate.ts
function resolvePorts(ports, dst) {
  if (ports.named.length === 0 || dst.kind === "atom") return ports.fixed;
  let out = ports.fixed;
  const named = ports.named;
  const declared = dst.cls.ports;
  for (let i = 0; i < named.length; i++) {
    const np = named[i];
    for (let j = 0; j < declared.length; j++) {
      const p = declared[j];
      if (p.name === np.name && (np.protocol === void 0 || p.protocol === np.protocol)) out = out.union(ConnectionSet.port(p.protocol, p.port));
    }
  }
  return out;
}
function matches(b, peer) {
  return peer.kind === "class" ? b.classes.has(peer.cls.id) : b.atoms.has(peer.atom);
}
var adminVerdict = (action2) => action2 === "allow" ? "Allow" : action2 === "deny" ? "Deny" : "Pass";
function evaluateRules(dr, subject, direction, peer, trace) {
  if (!dr) {
    trace?.push({ layer: "default", verdict: "Allow", conns: ConnectionSet.ALL });
    return ConnectionSet.ALL;
  }
  const dst = direction === "ingress" ? { kind: "class", cls: subject } : peer;
  let allowed = ConnectionSet.NONE;
  let undecided = ConnectionSet.ALL;
  let passed = ConnectionSet.NONE;
  const admin = dr.admin;
  for (let i = 0; i < admin.length; i++) {
    const b = admin[i];
    if (undecided.isEmpty) break;
    if (!matches(b, peer)) continue;
    const conns = resolvePorts(b.rule.ports, dst).intersect(undecided);
    if (conns.isEmpty) continue;
    undecided = undecided.subtract(conns);
    if (b.rule.action === "allow") allowed = allowed.union(conns);
    else if (b.rule.action === "pass") passed = passed.union(conns);
    trace?.push({ layer: "ANP", verdict: adminVerdict(b.rule.action), rule: b.rule, policy: b.policy, conns });
  }
  let rest = undecided.union(passed);
  if (rest.isEmpty) return allowed;
  if (dr.isolatedBy.length > 0) {
    let npAllowed = ConnectionSet.NONE;
    const np = dr.np;
    for (let i = 0; i < np.length; i++) {
      const b = np[i];
      if (!matches(b, peer)) continue;
      const conns = resolvePorts(b.rule.ports, dst).intersect(rest);
      if (conns.isEmpty) continue;
      npAllowed = npAllowed.union(conns);
      trace?.push({ layer: "NP", verdict: "Allow", rule: b.rule, policy: b.policy, conns });
    }
    const denied = rest.subtract(npAllowed);
    if (trace && !denied.isEmpty) for (const policy of dr.isolatedBy) trace.push({ layer: "NP", verdict: "Isolated", conns: denied, policy });
    return allowed.union(npAllowed);
  }
  const baseline = dr.baseline;
  for (let i = 0; i < baseline.length; i++) {
    const b = baseline[i];
    if (rest.isEmpty) break;
    if (!matches(b, peer)) continue;
    const conns = resolvePorts(b.rule.ports, dst).intersect(rest);
    if (conns.isEmpty) continue;
    rest = rest.subtract(conns);
    if (b.rule.action !== "deny") allowed = allowed.union(conns);
    trace?.push({ layer: "BANP", verdict: adminVerdict(b.rule.action), rule: b.rule, policy: b.policy, conns });
  }
  if (trace && !rest.isEmpty) trace.push({ layer: "default", verdict: "Allow", conns: rest });
  return allowed.union(rest);
}
var VerdictMemo = class {
  /** By subject class id, then direction (0 ingress, 1 egress). */
  bySubject = [];
  evaluate(dr, subject, direction, peer) {
    const slot = subject.id * 2 + (direction === "egress" ? 1 : 0);
    let memo = this.bySubject[slot];
    if (!memo) {
      const peerPorts = direction === "egress" && [dr.admin, dr.np, dr.baseline].some((list2) => list2.some((b) => b.rule.ports.named.length > 0));
      memo = { peerPorts, results: /* @__PURE__ */ new Map() };
      this.bySubject[slot] = memo;
    }
    if (memo.peerPorts) return evaluateRules(dr, subject, direction, peer);
    const key = matchSignature(dr, peer);
    let out = memo.results.get(key);
    if (out === void 0) {
      out = evaluateRules(dr, subject, direction, peer);
      memo.results.set(key, out);
    }
    return out;
  }
};
function matchSignature(dr, peer) {
  const n = dr.admin.length + dr.np.length + dr.baseline.length;
  if (n <= 31) return maskOf(dr.baseline, peer, maskOf(dr.np, peer, maskOf(dr.admin, peer, 0, 0), dr.admin.length), dr.admin.length + dr.np.length);
  const hits = [];
  let i = 0;
  for (const list2 of [dr.admin, dr.np, dr.baseline]) {
    for (const b of list2) {
      if (matches(b, peer)) hits.push(i);
      i++;
    }
  }
  return hits.join(",");
}
function maskOf(list2, peer, mask, first) {
  for (let i = 0; i < list2.length; i++) if (matches(list2[i], peer)) mask |= 1 << first + i;
  return mask;
}

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
var groupings = /* @__PURE__ */ new WeakMap();
function workloadsByNamespace(workloads) {
  const known = groupings.get(workloads);
  if (known) return known;
  const out = /* @__PURE__ */ new Map();
  for (const w of workloads) {
    const list2 = out.get(w.ref.namespace);
    if (list2) list2.push(w);
    else out.set(w.ref.namespace, [w]);
  }
  groupings.set(workloads, out);
  return out;
}
function serviceWorkloads(svc, byNamespace) {
  const selector = svc.spec?.selector;
  if (!selector) return [];
  const keys = Object.keys(selector);
  if (keys.length === 0) return [];
  const ns = svc.metadata.namespace || DEFAULT_NAMESPACE;
  const candidates = workloadsWithLabels(byNamespace, ns, selector, keys);
  const asSelector = { matchLabels: selector };
  return candidates.filter((w) => selectsWorkload(asSelector, w));
}
function selectsWorkload(selector, w) {
  return w.pods.some((p) => selectorMatches(selector, p.labels) || selectsStatefulSetPod(selector.matchLabels, w, p.labels));
}
var labelIndexes = /* @__PURE__ */ new WeakMap();
function workloadsWithLabels(byNamespace, ns, selector, keys) {
  const all = byNamespace.get(ns) ?? [];
  let rarest;
  for (const k of keys) {
    if (k === POD_NAME_LABEL || k === POD_INDEX_LABEL) continue;
    const carrying = labelIndex(byNamespace, ns).get(`${k}\0${selector[k]}`) ?? [];
    if (rarest === void 0 || carrying.length < rarest.length) rarest = carrying;
  }
  return rarest ?? all;
}
function labelIndex(byNamespace, ns) {
  let byNs = labelIndexes.get(byNamespace);
  if (!byNs) labelIndexes.set(byNamespace, byNs = /* @__PURE__ */ new Map());
  let index = byNs.get(ns);
  if (index) return index;
  index = /* @__PURE__ */ new Map();
  for (const w of byNamespace.get(ns) ?? []) {
    for (const p of w.pods) {
      for (const k of Object.keys(p.labels)) {
        const label = `${k}\0${p.labels[k]}`;
        const list2 = index.get(label);
        if (!list2) index.set(label, [w]);
        else if (list2[list2.length - 1] !== w) list2.push(w);
      }
    }
  }
  byNs.set(ns, index);
  return index;
}
var POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
var POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
function selectsStatefulSetPod(selector, w, labels2) {
  if (w.ref.kind !== "StatefulSet") return false;
  const name = labels2[POD_NAME_LABEL] === void 0 ? selector[POD_NAME_LABEL] : void 0;
  const index = labels2[POD_INDEX_LABEL] === void 0 ? selector[POD_INDEX_LABEL] : void 0;
  if (name === void 0 && index === void 0) return false;
  const ordinals = [
    ...name !== void 0 ? [name.startsWith(`${w.ref.name}-`) && /^\d+$/.test(name.slice(w.ref.name.length + 1)) ? Number(name.slice(w.ref.name.length + 1)) : -1] : [],
    ...index !== void 0 ? [/^\d+$/.test(index) ? Number(index) : -1] : []
  ];
  const ordinal = ordinals[0];
  if (ordinal < 0 || ordinals.some((o) => o !== ordinal)) return false;
  const { replicas, start } = ordinalsOf(w);
  if (start !== void 0 && ordinal < start) return false;
  if (replicas !== void 0 && start !== void 0 && ordinal >= start + replicas) return false;
  const rest = Object.fromEntries(Object.entries(selector).filter(([k]) => !(k === POD_NAME_LABEL && name !== void 0 || k === POD_INDEX_LABEL && index !== void 0)));
  return selectorMatches({ matchLabels: rest }, labels2);
}
function ordinalsOf(w) {
  const node = rawAt(w.origin, ["spec"]);
  const spec = node && typeof node === "object" ? node : {};
  const whole = (v, absent) => v === void 0 || v === null ? absent : typeof v === "number" && Number.isInteger(v) ? v : v instanceof IntegralFloat && Number.isSafeInteger(v.value) ? v.value : void 0;
  const ordinals = spec.ordinals && typeof spec.ordinals === "object" ? spec.ordinals : {};
  return { replicas: whole(spec.replicas, 1), start: whole(ordinals.start, 0) };
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
    } else if (o.kind === "VirtualService") {
      backends.push(...virtualServiceBackends(o, virtualServices(objects), diagnostics));
    }
  }
  return { backends, diagnostics };
}
var virtualServiceIndexes = /* @__PURE__ */ new WeakMap();
function virtualServices(objects) {
  let index = virtualServiceIndexes.get(objects);
  if (!index) {
    const m = /* @__PURE__ */ new Map();
    for (const o of objects) if (o.kind === "VirtualService") m.set(`${o.object.metadata.namespace || DEFAULT_NAMESPACE}/${o.object.metadata.name}`, o);
    virtualServiceIndexes.set(objects, index = m);
  }
  return index;
}
function virtualServiceBackends(o, index, diagnostics) {
  const out = [];
  const top = o.object.spec?.gateways ?? [];
  const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
  const via = `VirtualService ${ns}/${o.object.metadata.name}`;
  const atGateway = (rule) => {
    const matches2 = rule.match ?? [];
    const gateways = matches2.length === 0 ? top : matches2.flatMap((m) => m.gateways && m.gateways.length > 0 ? m.gateways : top);
    return gateways.some((g) => g !== "mesh");
  };
  const destinations = (owner, section, rule, ri, ownerNs, depth) => {
    const push2 = (d, path) => {
      if (!d) return;
      const target = virtualServiceHost(d.host, ownerNs);
      if (!target) {
        diagnostics.push(diag(Codes.danglingReference, "warning", `${via}: destination host ${JSON.stringify(d.host)} names no Service (a short name, or name.namespace.svc.cluster.local, as Istio resolves it); not a link from the ingress gateway`, originRef(owner.origin, [...path, "host"])));
        return;
      }
      const number = d?.port?.number ?? void 0;
      out.push({ kind: "gateway", namespace: target.namespace, service: target.name, port: number !== void 0 ? { number } : void 0, via, origin: owner.origin, path });
    };
    (rule.route ?? []).forEach((d, di) => push2(d.destination, ["spec", section, ri, "route", di, "destination"]));
    if (section !== "http") return;
    push2(rule.mirror, ["spec", section, ri, "mirror"]);
    (rule.mirrors ?? []).forEach((m, mi) => push2(m.destination, ["spec", section, ri, "mirrors", mi, "destination"]));
    if (rule.delegate && depth === 0) {
      const delegateKey = `${rule.delegate.namespace || ownerNs}/${rule.delegate.name}`;
      const delegate2 = index.get(delegateKey);
      if (!delegate2) diagnostics.push(diag(Codes.danglingReference, "warning", `${via}: delegate VirtualService ${delegateKey} not found; its routes are not read`, originRef(owner.origin, ["spec", section, ri, "delegate"])));
      const dns = delegate2 ? delegate2.object.metadata.namespace || DEFAULT_NAMESPACE : ownerNs;
      (delegate2?.object.spec?.http ?? []).forEach((r, i) => destinations(delegate2, "http", r, i, dns, depth + 1));
    }
  };
  for (const section of ["http", "tcp", "tls"]) {
    (o.object.spec?.[section] ?? []).forEach((rule, ri) => {
      if (atGateway(rule)) destinations(o, section, rule, ri, ns, 0);
    });
  }
  return out;
}
function virtualServiceHost(host, namespace) {
  if (!host.includes(".")) return { namespace, name: host };
  const m = /^([^.]+)\.([^.]+)\.svc\.cluster\.local$/.exec(host);
  return m ? { namespace: m[2], name: m[1] } : void 0;
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
function backendByTargetPortWarning(via, port, service, at) {
  return diag(
    Codes.backendTargetPort,
    "warning",
    `${via}: Service ${service} has no port ${port?.number}; matched the port whose targetPort is ${port?.number}, as ingress-nginx does`,
    at,
    `name the Service port (${service}'s port), not the container port`
  );
}

// src/connectivity/engine.ts
var PolicyEngine = class {
  constructor(cluster, options = {}) {
    this.cluster = cluster;
    this.options = options;
    const compiled2 = compilePolicies(cluster.objects);
    appendAll(this.diagnostics, compiled2.diagnostics);
    this.policies = sortPolicies(compiled2.policies);
    const exp = ingressExposure(cluster);
    this.exposure = exp.exposure;
    appendAll(this.diagnostics, exp.diagnostics);
    this.classes = new PodClasses(cluster, this.exposure.ports.size > 0, options.representatives, options.ingressController);
    this.families = options.ipFamilies ?? [4];
    const ranged = [];
    for (let i = 0; i < this.policies.length; i++) {
      const policy = this.policies[i];
      const rules = ruleRanges(policy);
      if (rules.length > 0) ranged.push({ policy, rules });
    }
    appendAll(this.diagnostics, otherFamilyWarnings(ranged, this.families));
    appendAll(this.diagnostics, clusterRangeWarnings(this.policies, this.families, options.clusterRanges));
    const cluster_ = options.clusterRanges;
    const own = cluster_ ? [...cluster_.pods, ...cluster_.services].filter((r) => this.families.includes(r.family)) : [];
    this.ipRanges = [...policyRanges(ranged, this.families), ...own];
    this.atoms = atomize(this.ipRanges, this.families).filter((a) => !insideCluster(a, cluster_));
    this.binding = bindPolicies(this.policies, this.classes, this.atoms, cluster_?.pods);
    appendAll(this.diagnostics, this.binding.diagnostics);
  }
  cluster;
  options;
  policies;
  exposure;
  classes;
  families;
  /** Every address range the policies mention, in the analysed families. */
  ipRanges;
  atoms;
  binding;
  diagnostics = [];
  /** The parts of `range` that lie in different atoms, each clipped to the range. */
  atomsWithin(range) {
    return this.atoms.filter((a) => a.family === range.family && a.hi >= range.lo && a.lo <= range.hi).map((a) => ({ family: a.family, lo: a.lo > range.lo ? a.lo : range.lo, hi: a.hi < range.hi ? a.hi : range.hi }));
  }
  /** What `subject` allows in `direction` with `peer` (see evaluateRules); memoised by the rules the peer matches. */
  evaluate(subject, direction, peer, trace) {
    const dr = this.binding.rules.get(subject.id)?.[direction];
    if (trace || !dr || subject.ingressController) return evaluateRules(dr, subject, direction, peer, trace);
    return this.verdicts.evaluate(dr, subject, direction, peer);
  }
  verdicts = new VerdictMemo();
  /** Whether a peer matched by no rule would be allowed: true unless NetworkPolicies isolate the subject. */
  openByDefault(cls, direction) {
    return (this.binding.rules.get(cls.id)?.[direction].isolatedBy.length ?? 0) === 0;
  }
  /** Classes that the allow-capable rules of `cls` in `direction` match. */
  allowCandidates(cls, direction) {
    const dr = this.binding.rules.get(cls.id)?.[direction];
    if (!dr) return IdSet.empty(this.classes.all.length);
    const sets = [];
    for (const b of dr.admin) if (b.rule.action !== "deny") sets.push(b.classes);
    for (const b of dr.np) sets.push(b.classes);
    return IdSet.unionAll(this.classes.all.length, sets);
  }
  /** Class-to-class allowed connections: egress at the source and ingress at the destination. */
  pairConns(src, dst) {
    const egress = this.evaluate(src, "egress", this.classPeer(dst));
    if (egress.isEmpty) return egress;
    return egress.intersect(this.evaluate(dst, "ingress", this.classPeer(src)));
  }
  classPeers = [];
  /** The class as a peer, one object per class (pairs are evaluated by the hundred thousand). */
  classPeer(cls) {
    let p = this.classPeers[cls.id];
    if (!p) this.classPeers[cls.id] = p = { kind: "class", cls };
    return p;
  }
  /**
   * The class's answer for every address atom. When none of its rules in this direction names an
   * address range, every atom gets the same answer, so it is computed once.
   */
  perAtom(c, direction) {
    const dr = this.binding.rules.get(c.id)?.[direction];
    const namesAddresses = dr !== void 0 && [dr.admin, dr.np, dr.baseline].some((list2) => list2.some((b) => !b.atoms.isEmpty));
    if (!namesAddresses && this.atoms.length > 0) {
      const same = this.evaluate(c, direction, { kind: "atom", atom: 0 });
      return this.atoms.map(() => same);
    }
    return this.atoms.map((_, i) => this.evaluate(c, direction, { kind: "atom", atom: i }));
  }
  connectivity() {
    return { connections: enumerateConnections(this), workloads: this.cluster.workloads.map((w) => w.ref), ipRanges: this.ipRanges };
  }
};
var NO_RULE_RANGES = [];
function ruleRanges(p) {
  let out;
  for (let di = 0; di < DIRECTIONS2.length; di++) {
    const d = DIRECTIONS2[di];
    const rules = p.rules[d];
    for (let ri = 0; ri < rules.length; ri++) {
      const r = rules[ri];
      let ranges;
      for (let i = 0; i < r.peers.length; i++) {
        const m = r.peers[i];
        if (m.kind === "ip") (ranges ??= []).push(...m.include, ...m.exclude);
      }
      if (ranges && ranges.length > 0) (out ??= []).push({ direction: d, index: r.ref.index, ranges });
    }
  }
  return out ?? NO_RULE_RANGES;
}
function policyRanges(ranged, families) {
  const out = [];
  for (const { rules } of ranged) for (const r of rules) for (const x of r.ranges) if (families.includes(x.family)) out.push(x);
  return out;
}
function otherFamilyWarnings(ranged, families) {
  const out = [];
  for (const { policy: p, rules } of ranged) {
    for (const r of rules) {
      const other = r.ranges.filter((x) => !families.includes(x.family));
      if (other.length === 0) continue;
      const family = other[0]?.family;
      out.push(
        diag(Codes.unsupportedValue, "warning", `IPv${family} ranges are outside the analysed address space; they match nothing`, originRef(p.origin, ["spec", r.direction, r.index]), `use --ip-family ${family === 6 ? "dual" : "4"} to analyse them`)
      );
    }
  }
  return out;
}
function analyzeConnectivity(cluster, options = {}) {
  const engine = new PolicyEngine(cluster, options);
  const value = engine.connectivity();
  return { value, diagnostics: engine.diagnostics, engine };
}

// src/manifests/pod-templates.ts
var import_yaml = __toESM(require_dist(), 1);
var WORKLOAD_KINDS = /* @__PURE__ */ new Set(["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"]);
var KIND_LINE = /^[ \t]*kind:[ \t]*["']?(Pod|Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob)["']?[ \t]*$/m;
function isRecord2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function hasContainers(o) {
  const spec = o.spec;
  if (!isRecord2(spec)) return false;
  if (Array.isArray(spec.containers)) return true;
  const template = isRecord2(spec.template) ? spec.template : isRecord2(spec.jobTemplate) ? spec.jobTemplate : void 0;
  return template !== void 0 && hasContainers(template);
}
function heldWorkload(text) {
  if (text.length > MAX_CONFIG_DOCUMENT || !KIND_LINE.test(text) || !text.includes("containers")) return void 0;
  for (const doc of (0, import_yaml.parseAllDocuments)(text, { strict: false, uniqueKeys: false })) {
    if (!("contents" in doc) || doc.errors.length > 0) continue;
    let v;
    try {
      v = doc.toJS();
    } catch {
      continue;
    }
    if (isRecord2(v) && typeof v.kind === "string" && WORKLOAD_KINDS.has(v.kind) && typeof v.apiVersion === "string" && hasContainers(v)) return v.kind;
  }
  return void 0;
}
function podTemplateWarnings(objects) {
  const out = [];
  for (const o of objects) {
    if (o.kind !== "ConfigMap" && o.kind !== "Secret") continue;
    const meta = o.object.metadata;
    const name = `${meta.namespace ? `${meta.namespace}/` : ""}${meta.name}`;
    const values = [];
    for (const [k, v] of Object.entries(o.object.data ?? {})) values.push(["data", k, o.kind === "Secret" && typeof v === "string" ? decoded(v) : v]);
    if (o.kind === "Secret") for (const [k, v] of Object.entries(o.object.stringData ?? {})) values.push(["stringData", k, v]);
    for (const [field, key, value] of values) {
      if (typeof value !== "string") continue;
      const kind = heldWorkload(value);
      if (kind === void 0) continue;
      out.push(
        diag(
          Codes.podTemplateInConfig,
          "warning",
          `${o.kind} ${name} key ${key} holds a ${kind} manifest: a template something creates pods from at run time, which no manifest lists; the report leaves out their connections, and a default-deny isolates them`,
          originRef(o.origin, [field, key]),
          "add their links in a links file (synthesize --links), or the template as a manifest of its own"
        )
      );
    }
  }
  return out;
}
function decoded(v) {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(v)) return void 0;
  const text = Buffer.from(v, "base64").toString("utf8");
  return text.includes("�") ? void 0 : text;
}

// src/manifests/load.ts
var CLUSTER_SCOPED = /* @__PURE__ */ new Set(["Namespace", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy"]);
function inNamespace(o, namespace) {
  if (CLUSTER_SCOPED.has(o.kind) || !("metadata" in o.object) || o.object.metadata.namespace) return o;
  return { ...o, object: { ...o.object, metadata: { ...o.object.metadata, namespace } } };
}
function loadObjects(files, cache) {
  const diagnostics = [];
  const documents = [];
  for (const f of files) {
    const r = parseStoredOrFresh(f, cache);
    appendAll(documents, f.origins ? withOrigins(r.documents, f.origins) : r.documents);
    appendAll(diagnostics, f.origins ? r.diagnostics.map((d) => d.at ? { ...d, at: renderedAt(d.at, f.origins) } : d) : r.diagnostics);
  }
  const objects = readObjects(documents, cache);
  appendAll(diagnostics, objects.diagnostics);
  appendAll(diagnostics, podTemplateWarnings(objects.objects));
  const skipped = [...objects.skippedKinds].sort(([a], [b]) => a < b ? -1 : 1).map(([kind, count]) => diag(Codes.skippedKind, "info", `skipped ${count} ${kind} object${count === 1 ? "" : "s"} (kind not modelled)`));
  return { objects: objects.objects, documents, diagnostics, skipped, operatorNamespaces: objects.operatorNamespaces };
}
function loadManifests(files, cache, options = {}) {
  const loaded = loadObjects(files, cache);
  const diagnostics = [...loaded.diagnostics, ...loaded.skipped];
  const ns = options.defaultNamespace;
  const built = buildCluster(ns ? loaded.objects.map((o) => inNamespace(o, ns)) : loaded.objects);
  appendAll(diagnostics, built.diagnostics);
  const operated = loaded.operatorNamespaces.map((n) => n ?? ns ?? DEFAULT_NAMESPACE);
  const cluster = operated.length > 0 ? { ...built.cluster, operatorNamespaces: new Set(operated) } : built.cluster;
  return { cluster, diagnostics, documents: loaded.documents };
}

// src/pipeline/settings.ts
function engineOptions(settings) {
  const pods = settings.podCidrs ?? [];
  const services = settings.serviceCidrs ?? [];
  return {
    ipFamilies: settings.ipFamilies,
    ...pods.length > 0 || services.length > 0 ? { clusterRanges: { pods, services } } : {},
    ...settings.ingressController ? { ingressController: settings.ingressController } : {}
  };
}
var DEFAULT_READ_SETTINGS = { maxFileBytes: DEFAULT_MAX_FILE_BYTES, render: DEFAULT_RENDER_OPTIONS, ipFamilies: [4] };

export {
  fullRange,
  parseCidr,
  formatIp,
  formatRange,
  mergeRanges,
  rangeContains,
  atomize,
  rangesToBlocks,
  rangeToCidrs,
  POLICY_KINDS,
  originRef,
  rawAt,
  readObjects,
  IntervalSet,
  PROTOCOLS,
  isProtocol,
  ConnectionSet,
  parseConns,
  JOB_NAME_LABELS,
  CONTROLLER_UID_LABELS,
  UNKNOWN_VALUE,
  knownLabels,
  workloadKey,
  peerKey,
  parsePeer,
  NAMESPACE_NAME_LABEL,
  DEFAULT_NAMESPACE,
  buildCluster,
  compareStrings,
  DIRECTIONS2 as DIRECTIONS,
  policyKey,
  compilePolicies,
  selectorMatches,
  isEmptySelector,
  selectorKey,
  evaluateRules,
  targetConns,
  workloadsByNamespace,
  serviceWorkloads,
  ingressBackends,
  backendServicePorts,
  backendByTargetPortWarning,
  PolicyEngine,
  analyzeConnectivity,
  inNamespace,
  loadObjects,
  loadManifests,
  engineOptions,
  DEFAULT_READ_SETTINGS
};
