import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  ConnectionSet,
  DEFAULT_NAMESPACE,
  backendByTargetPortWarning,
  backendServicePorts,
  compareStrings,
  fullRange,
  ingressBackends,
  mergeRanges,
  originRef,
  parseCidr,
  peerKey,
  rangeContains,
  rawAt,
  serviceWorkloads,
  targetConns,
  workloadKey,
  workloadsByNamespace
} from "./chunk-O73IRBZ3.mjs";
import {
  Codes,
  MAX_CONFIG_DOCUMENT,
  __toESM,
  aliasChain,
  diag,
  isRenderedName,
  locate,
  placeText,
  renderedSource,
  require_dist
} from "./chunk-TBLT5FKE.mjs";

// src/topology/scan.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/topology/volume-mounts.ts
import path from "node:path";
var EVERY_KEY = () => true;
var mountCache = /* @__PURE__ */ new WeakMap();
function mountsOf(spec) {
  const known = mountCache.get(spec);
  if (known) return known;
  const out = /* @__PURE__ */ new Map();
  for (const list of [spec.initContainers, spec.containers, spec.ephemeralContainers]) {
    if (!Array.isArray(list)) continue;
    for (const container of list) {
      const mounts = container?.volumeMounts;
      if (!Array.isArray(mounts)) continue;
      for (const m of mounts) {
        const { name, subPath, subPathExpr } = m ?? {};
        if (typeof name !== "string") continue;
        const expr = subPathExpr !== void 0 && subPathExpr !== null && subPathExpr !== "";
        const mount = { name, subPath: typeof subPath === "string" && !expr ? cleaned(subPath) : void 0 };
        const same = out.get(name);
        if (same) same.push(mount);
        else out.set(name, [mount]);
      }
    }
  }
  mountCache.set(spec, out);
  return out;
}
function cleaned(subPath) {
  const p = path.posix.normalize(subPath).replace(/^\/+/, "").replace(/\/+$/, "");
  if (p === "" || p === "." || p.startsWith("..")) return void 0;
  return p;
}
function readableKeys(spec, volumeName, items) {
  const listed = items && items.length > 0 ? filesByKey(items) : void 0;
  const keyListed = listed ? (key) => listed.has(key) : EVERY_KEY;
  if (volumeName === void 0 || !spec) return keyListed;
  const mounts = mountsOf(spec).get(volumeName) ?? [];
  if (mounts.length === 0 || mounts.some((m) => m.subPath === void 0)) return keyListed;
  const subPaths = mounts.map((m) => m.subPath);
  return (key) => {
    const files = listed ? listed.get(key) : [key];
    return files !== void 0 && files.some((file) => subPaths.some((s) => file === s || file.startsWith(`${s}/`)));
  };
}
function filesByKey(items) {
  const out = /* @__PURE__ */ new Map();
  for (const i of items) {
    const file = (typeof i.path === "string" ? cleaned(i.path) : void 0) ?? i.key;
    const files = out.get(i.key);
    if (files) files.push(file);
    else out.set(i.key, [file]);
  }
  return out;
}

// src/topology/printed-text.ts
var COMPOUND_OUTPUT = /(?:^|[;&])[ \t]*(?:done|fi|esac|[})])(?:[ \t]*(?:[02-9]?<|[02-9]>)&?[ \t]*[^\s|;&<>]+)*[ \t]*(?:1?>|&>|\|(?!\|))/m;
var EXEC_OUTPUT = /(?:^|[;&])[ \t]*exec[ \t]+(?:1|&)?>>?[ \t]*(?!&|\/dev\/(?:stderr|null|tty)\b)\S/m;
var FUNCTION_DEFINITION = /(?:^|[;&{(])[ \t]*(?:function[ \t]+([A-Za-z_][\w-]*)|([A-Za-z_][\w-]*)[ \t]*\(\))/gm;
function echoesConfigure(value) {
  if (COMPOUND_OUTPUT.test(value)) return true;
  for (const m of value.matchAll(FUNCTION_DEFINITION)) {
    const name = m[1] ?? m[2] ?? "";
    const call = new RegExp(`(?:(?:^|[;&|({]|\\b(?:then|do|else))[ \\t]*${name}(?:[ \\t]+[^\\n;|&<>]*)?[ \\t]*(?:1?>|&>|\\|(?!\\|))|(?:\\$\\(|\`)[ \\t]*${name}(?![\\w-]))`, "m");
    if (call.test(value)) return true;
  }
  return false;
}
function substitutions(value) {
  const spans = /* @__PURE__ */ new Map();
  const walk = (start, close) => {
    let quote;
    let depth = 0;
    for (let i = start; i < value.length; i++) {
      const ch = value[i];
      if (quote === "'") {
        if (ch === "'") quote = void 0;
        continue;
      }
      if (ch === "\\") {
        i++;
        continue;
      }
      if (ch === "$" && value[i + 1] === "(") {
        const end = walk(i + 2, ")");
        spans.set(i, end);
        i = end - 1;
        continue;
      }
      if (ch === "`" && close !== "`") {
        const end = walk(i + 1, "`");
        spans.set(i, end);
        i = end - 1;
        continue;
      }
      if (quote === '"') {
        if (ch === '"') quote = void 0;
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === "`" && close === "`") return i + 1;
      else if (ch === "(") depth++;
      else if (ch === ")" && close === ")" && depth-- === 0) return i + 1;
      else if (ch === "#" && (i === 0 || /\s/.test(value[i - 1]))) i = lineEnd(value, i) - 1;
      else if (ch === "<" && value[i + 1] === "<" && value[i + 2] !== "<") i = hereDocumentEnd(value, i) - 1;
    }
    return value.length;
  };
  walk(0, void 0);
  return spans;
}
function lineEnd(value, from) {
  const nl = value.indexOf("\n", from);
  return nl < 0 ? value.length : nl;
}
function hereDocumentEnd(value, at) {
  const m = /^<<-?[ \t]*(['"]?)([A-Za-z_][\w-]*)\1/.exec(value.slice(at));
  if (!m) return at + 2;
  const word = m[2];
  let i = lineEnd(value, at);
  while (i < value.length) {
    const next = lineEnd(value, i + 1);
    if (value.slice(i + 1, next).replace(/^\t+/, "") === word) return next;
    i = next;
  }
  return value.length;
}
function printedText(value) {
  if (!/\b(?:echo|printf)\b/.test(value) || echoesConfigure(value)) return [];
  const exec = EXEC_OUTPUT.exec(value);
  const until = exec ? exec.index : value.length;
  const subs = substitutions(value);
  const inSubstitution = (offset) => [...subs].some(([from, to]) => offset >= from && offset < to);
  const out = [];
  for (const m of value.matchAll(/(?:^|;|&&|\|\||\b(?:then|do|else))[ \t]*(?:echo|printf)(?=[ \t])/gm)) {
    const from = (m.index ?? 0) + m[0].length;
    if (from >= until || inSubstitution(from)) continue;
    let quote;
    const skipped = [];
    let to = from;
    for (; to < value.length; to++) {
      const ch = value[to];
      const sub = quote !== "'" ? subs.get(to) : void 0;
      if (sub !== void 0) {
        skipped.push([to, sub]);
        to = sub - 1;
      } else if (quote !== void 0) {
        if (ch === "\\" && quote === '"') to++;
        else if (ch === quote) quote = void 0;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === "\\") to++;
      else if ("\n;|&><".includes(ch)) break;
    }
    const end = value[to];
    if (end === ">" || end === "|" || end === "&" && value[to + 1] === ">") continue;
    let start = from;
    for (const [a, b] of skipped) {
      if (a > start) out.push([start, a]);
      start = b;
    }
    if (to > start) out.push([start, to]);
  }
  return out;
}

// src/topology/addresses.ts
var ADDRESS_NAME = /(?:^|[._-])(?:host|hosts|hostname|addr|address|addrs|addresses|url|urls|uri|uris|endpoint|endpoints|service|services|svc|server|servers|broker|brokers|bootstrap[._-]?servers|dsn|upstream|upstreams|backend|backends|target|peers?)(?:[._-]?\d+)?$/i;
function isAddressName(name) {
  return ADDRESS_NAME.test(name.replace(/^-+/, ""));
}
var OWN_ADDRESS_NAME = /(?:^|[._-])(?:(?:listen|bind|advertised?)(?:[._-]?(?:client|peer|peers|http|https|grpc|metrics|api|public|private))?(?:[._-]?(?:addr|address|addresses|host|hostname|ip|url|urls|port|listeners?))?|listeners|virtual[._-]?ips?)$/i;
function isOwnAddressName(name) {
  return OWN_ADDRESS_NAME.test(name.replace(/^-+/, ""));
}
function valueContext(...names) {
  if (names.some(isOwnAddressName)) return "own";
  return names.some(isAddressName) ? "address" : "text";
}
var FLAG = /(?:^|\s)(--?[a-z0-9][a-z0-9._-]*)=(\S+)/gi;
var CONN_HOST = /(?<=^|[;\s])(host|hostname|server|data source|address|addr)\s*=\s*([^;\s]+)/gi;
var CONN_PORT = /(?<=^|[;\s])port\s*=\s*(\d{1,5})(?=$|[;\s])/i;
var CONN_PAIRS = /(?<=^|[;\s])[a-z][a-z ]*?\s*=\s*[^;\s]*/gi;
var RESOLVER_STATEMENT = /(?:^|[;{}])[ \t]*resolver[ \t]+([^;{}\n#]*?)[ \t]*(?=;|\n|$)/gm;
var RESOLVER_PARAM = /^(?:valid|ipv4|ipv6|status_zone)=\S+$/i;
var NAMESERVER_LINE = /^[ \t]*nameserver[ \t]+(?:([a-z0-9_.-]+)[ \t]+)?(\S+)[ \t]*(?:#[^\n]*)?$/gim;
var ADDRESS_WITH_PORT = /^(?:\[([0-9a-f:.]+)\]|([^\s:[\]]+))(?::(\d{1,5}))?$/i;
var DNS_HOST_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+\.?$/i;
function dnsServerWord(word, offset, namesAllowed) {
  const bare = word.replace(/%[\w.-]+$/, "");
  if (parseCidr(bare)?.family === 6 && !bare.includes("/")) return { host: bare.toLowerCase(), text: word, explicit: true, offset, dnsServer: true };
  const m = ADDRESS_WITH_PORT.exec(word);
  if (!m) return void 0;
  const host = (m[1] ?? m[2] ?? "").toLowerCase().replace(/\.$/, "");
  const ip = parseCidr(host) !== void 0 && !host.includes("/") && m[1] === void 0 === !host.includes(":");
  const name = namesAllowed && m[1] === void 0 && DNS_HOST_NAME.test(host) && /[a-z]/i.test(host.slice(host.lastIndexOf(".") + 1)) && !(FILE_NAME.test(host) && host.split(".").length === 2);
  if (!ip && !name) return void 0;
  return { host, ...m[3] !== void 0 ? { port: m[3] } : {}, text: word, explicit: true, offset: offset + (m[1] !== void 0 ? 1 : 0), dnsServer: true };
}
function dnsServerSettings(value) {
  const out = [];
  if (value.includes("resolver")) {
    for (const m of value.matchAll(RESOLVER_STATEMENT)) {
      const body = m[1];
      const bodyStart = (m.index ?? 0) + m[0].length - body.length;
      const found = [];
      let valid = body.length > 0;
      for (const w of body.matchAll(/\S+/g)) {
        if (RESOLVER_PARAM.test(w[0])) continue;
        const c = dnsServerWord(w[0], bodyStart + (w.index ?? 0), true);
        if (!c) valid = false;
        else found.push(c);
      }
      if (valid) out.push(...found);
    }
  }
  if (value.includes("nameserver")) {
    for (const m of value.matchAll(NAMESERVER_LINE)) {
      const word = m[2];
      const c = dnsServerWord(word, (m.index ?? 0) + m[0].lastIndexOf(word), false);
      if (c && (m[1] !== void 0 || c.port === void 0)) out.push(c);
    }
  }
  return out;
}
var RESOLV_CONF_DIRECTIVE = /^[ \t]*(?:search|domain|options|sortlist)[ \t]+[^\n]*$/gm;
var UPSTREAM_BLOCK = /(?:^|[\s;{}])upstream[ \t]+([a-z0-9_][a-z0-9_.-]*)[ \t]*\{/gi;
var NC = /\b(?:nc|ncat|netcat|telnet)\b(?:\s+-[a-z]+\d*(?:\s+\d+(?=\s))?)*\s+([a-z0-9][a-z0-9.-]*)\s+(\d{1,5})\b/gi;
function findAddressesIn(value, context) {
  if (context === "own") return [];
  const found = findAddressesAnywhere(value, context);
  if (!value.includes("\n")) return found;
  const comments = commentLines(value);
  const inside = (spans, c) => spans.some(([from, to]) => c.offset >= from && c.offset < to);
  const kept = comments.length === 0 ? found : found.filter((c) => !inside(comments, c));
  const printed = printedText(value);
  return printed.length === 0 ? kept : kept.map((c) => inside(printed, c) ? { ...c, printed: true } : c);
}
function commentLines(value) {
  const out = [];
  for (const m of value.matchAll(/^[ \t]*(?:#|\/\/)[^\n]*/gm)) out.push([m.index, m.index + m[0].length]);
  return out;
}
var FILE_NAME = /\.(?:sh|bash|py|rb|pl|js|mjs|ts|lua|php|jar|war|json|ya?ml|toml|ini|conf|cfg|properties|xml|txt|sql|csv|log|pem|crt|key|tar|tgz|gz|zip)$/i;
function findAddressesAnywhere(value, context) {
  if (context === "address") return findAddresses(value);
  const whole = value.trim();
  const flags = value.includes("=") ? [...value.matchAll(FLAG)] : [];
  const own = flags.filter((m) => isOwnAddressName(m[1])).map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const candidates = findAddresses(value).filter((c) => !own.some(([from, to]) => c.offset >= from && c.offset < to));
  const out = candidates.flatMap((c) => {
    if (c.scheme !== void 0 || c.port !== void 0 && /^\d+$/.test(c.port) || /\.svc(\.cluster\.local)?$/.test(c.host) || isIpLiteral(c.host)) return [c];
    if (c.port !== void 0) return [{ ...c, explicit: false }];
    const dotted = c.host.includes(".") && /[a-z]/.test(c.host.slice(c.host.lastIndexOf(".") + 1)) && !c.host.includes("_");
    const fileLike = FILE_NAME.test(c.host) && c.host.split(".").length === 2;
    if (dotted && (c.text === whole || c.text === whole.replace(/^-{0,2}[a-z][a-z0-9._-]*[=:]/i, "") && !looksExternalHost(c.host))) return [fileLike ? { ...c, explicit: false, fileLike: true } : c];
    return [];
  });
  const seen = new Set(out.map((c) => c.offset));
  for (const m of flags) {
    if (!isAddressName(m[1]) || isOwnAddressName(m[1])) continue;
    const start = (m.index ?? 0) + m[0].length - m[2].length;
    for (const c of findAddresses(m[2])) if (!seen.has(start + c.offset)) out.push({ ...c, offset: start + c.offset });
  }
  const pairs = connectionString(value);
  for (const p of pairs) {
    for (let i = out.length - 1; i >= 0; i--) if (out[i].offset >= p.valueStart && out[i].offset < p.valueEnd) out.splice(i, 1);
  }
  for (const p of pairs) out.push(...p.candidates);
  for (const m of value.matchAll(NC)) {
    const host = m[1].toLowerCase();
    const offset = (m.index ?? 0) + m[0].lastIndexOf(m[1], m[0].length - m[2].length - 1);
    const nc = { host, port: m[2], text: `${m[1]} ${m[2]}`, explicit: true, offset };
    const i = out.findIndex((c) => c.offset === offset);
    if (i >= 0 && out[i].port === void 0 && out[i].scheme === void 0) out[i] = nc;
    else if (i < 0 && !seen.has(offset)) out.push(nc);
  }
  const upstreams = value.includes("upstream") ? new Set([...value.matchAll(UPSTREAM_BLOCK)].map((m) => m[1].toLowerCase())) : void 0;
  if (upstreams && upstreams.size > 0) {
    for (let i = out.length - 1; i >= 0; i--) {
      const c = out[i];
      if (c.scheme !== void 0 && c.port === void 0 && upstreams.has(c.host)) out.splice(i, 1);
    }
  }
  if (value.includes("nameserver") && value.search(NAMESERVER_LINE) >= 0) {
    for (const m of value.matchAll(RESOLV_CONF_DIRECTIVE)) {
      const from = m.index ?? 0;
      const to = from + m[0].length;
      for (let i = out.length - 1; i >= 0; i--) if (out[i].offset >= from && out[i].offset < to) out.splice(i, 1);
    }
  }
  const servers = dnsServerSettings(value);
  for (const d of servers) {
    const i = out.findIndex((c) => c.offset === d.offset || c.offset === d.offset - 1);
    if (i >= 0) out.splice(i, 1);
    out.push(d);
  }
  return out.sort((a, b) => a.offset - b.offset);
}
function connectionString(value) {
  if ([...value.matchAll(CONN_PAIRS)].length < 2) return [];
  const portPair = CONN_PORT.exec(value);
  const found = [];
  for (const m of value.matchAll(CONN_HOST)) {
    const raw = m[2];
    const start = (m.index ?? 0) + m[0].length - raw.length;
    const listed = raw.replace(/^(?:tcp|np|lpc):/i, "");
    const skipped = raw.length - listed.length;
    const sqlServerPort = /^[^,]+,(\d{1,5})$/.exec(listed)?.[1];
    let offset = start + skipped;
    const out = [];
    for (const part of sqlServerPort !== void 0 ? [listed.slice(0, listed.indexOf(","))] : listed.split(",")) {
      const hostPort = /^([a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?)(?::(\d{1,5}))?$/i.exec(part);
      if (hostPort) {
        const port = hostPort[2] ?? sqlServerPort ?? portPair?.[1];
        const text = `${m[1]}=${raw}${port !== void 0 && hostPort[2] === void 0 && sqlServerPort === void 0 ? ` (Port=${port})` : ""}`;
        out.push({ host: hostPort[1].toLowerCase(), ...port !== void 0 ? { port } : {}, text, explicit: true, offset });
      }
      offset += part.length + 1;
    }
    found.push({ valueStart: start, valueEnd: start + raw.length, candidates: out });
  }
  return found;
}
var ADDRESS = /(?:(?<scheme>[a-z][a-z0-9+.-]*):\/\/(?:[^\s/@,;'"]*@)?)?(?<host>\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*)(?::(?<port>[0-9]{1,5}|[a-z][a-z0-9-]{0,14})(?![a-z0-9.-]))?/gi;
var IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
function boundaryBefore(text, index) {
  if (index === 0) return true;
  return /[\s,;=([{'"|>:]/.test(text[index - 1]) || text.startsWith("//", index - 2);
}
function boundaryAfter(text, end) {
  if (end >= text.length) return true;
  return /[\s,;)\]}'"|/?#&<]/.test(text[end]);
}
function findAddresses(value) {
  const out = [];
  const re = ADDRESS;
  re.lastIndex = 0;
  for (let m = re.exec(value); m !== null; m = re.exec(value)) {
    const start = m.index;
    const end = start + m[0].length;
    const g = m.groups ?? {};
    const scheme = g.scheme?.toLowerCase();
    const host = (g.host ?? "").toLowerCase();
    const standsAlone = (scheme !== void 0 || boundaryBefore(value, start)) && boundaryAfter(value, end);
    if (!standsAlone) {
      const colon = m[0].indexOf(":");
      if (colon >= 0 && !m[0].startsWith("://", colon)) re.lastIndex = start + colon + 1;
      continue;
    }
    if (/^\d+$/.test(host)) continue;
    if (!scheme && g.port !== void 0 && !/^\d+$/.test(g.port) && value[end] === "/") continue;
    const isIp = IPV4.test(host) || host.startsWith("[");
    if (isIp && !scheme && /^\/\d{1,3}(?![\w.])/.test(value.slice(end))) continue;
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
function isLinkLocalAddress(host) {
  return /^169\.254\.\d{1,3}\.\d{1,3}$/.test(host) || /^fe[89ab][0-9a-f]:[0-9a-f:.]*$/i.test(host);
}
function ipv4Mapped(host) {
  if (!host.includes(":") || !isIpLiteral(host)) return void 0;
  const r = parseCidr(host);
  if (!r || r.family !== 6 || r.lo !== r.hi || r.lo >> 32n !== 0xffffn) return void 0;
  const v = Number(r.lo & 0xffffffffn);
  return [v >>> 24, v >>> 16 & 255, v >>> 8 & 255, v & 255].join(".");
}
function isIpLiteral(host) {
  if (host.includes(":")) return /^[0-9a-f:.]+$/i.test(host);
  return IPV4.test(host) && host.split(".").every((o) => Number(o) <= 255);
}

// src/topology/host-aliases.ts
var cache = /* @__PURE__ */ new WeakMap();
function aliasesOf(spec) {
  const known = cache.get(spec);
  if (known) return known;
  const out = /* @__PURE__ */ new Map();
  const list = spec.hostAliases;
  for (const entry of Array.isArray(list) ? list : []) {
    const { ip, hostnames } = entry ?? {};
    if (typeof ip !== "string" || !isIpLiteral(ip) || !Array.isArray(hostnames)) continue;
    for (const name of hostnames) if (typeof name === "string" && name !== "" && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), ip);
  }
  cache.set(spec, out);
  return out;
}
function hostAlias(spec, host) {
  if (!spec || isIpLiteral(host)) return void 0;
  return aliasesOf(spec).get(host.toLowerCase().replace(/\.$/, ""));
}

// src/topology/headless.ts
function headlessDial(ports, written, schemePort2) {
  const numbered = (n) => {
    const same = ports.filter((sp) => sp.port === n);
    return same.length > 0 ? same.reduce((acc, sp) => acc.union(ConnectionSet.port(sp.protocol ?? "TCP", n)), ConnectionSet.NONE) : ConnectionSet.port("TCP", n);
  };
  if (written !== void 0 && /^\d+$/.test(written)) return { kind: "written", conns: numbered(Number(written)) };
  if (written !== void 0) {
    const named = ports.filter((sp) => sp.name === written);
    return named.length > 0 ? { kind: "srv", ports: named } : void 0;
  }
  if (schemePort2 !== void 0) return { kind: "scheme", conns: numbered(schemePort2) };
  return { kind: "service-port", ports, conns: ports.reduce((acc, sp) => acc.union(ConnectionSet.port(sp.protocol ?? "TCP", sp.port)), ConnectionSet.NONE) };
}
function dialedConns(dial, w) {
  return dial.kind === "srv" ? targetConns(dial.ports, w.pods) : dial.conns;
}
function remappedPorts(ports, workloads) {
  return ports.filter((sp) => workloads.some((w) => !targetConns([sp], w.pods).isSubsetOf(ConnectionSet.port(sp.protocol ?? "TCP", sp.port))));
}
function undeclared(conns, w) {
  let declared = ConnectionSet.NONE;
  for (const pod of w.pods) for (const p of pod.ports) declared = declared.union(ConnectionSet.port(p.protocol, p.port));
  return declared.isEmpty ? ConnectionSet.NONE : conns.subtract(declared);
}

// src/topology/manual-endpoints.ts
var SERVICE_NAME_LABEL = "kubernetes.io/service-name";
var SKIP_MIRROR_LABEL = "endpointslice.kubernetes.io/skip-mirror";
var MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
var SLICE_CONTROLLER = "endpointslice-controller.k8s.io";
function endpointsFromSlices(endpoints) {
  return (endpoints ?? []).filter((e) => e.from === "EndpointSlice");
}
var REFUSED = ["0.0.0.0/32", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/24", "::/128", "::1/128", "fe80::/10", "ff02::/16"].map((c) => parseCidr(c));
function manualEndpoints(objects, defaultNamespace, diagnostics) {
  const out = /* @__PURE__ */ new Map();
  const addressRange = (o, ip, path2) => {
    const r = isIpLiteral(ip) ? parseCidr(ip) : void 0;
    const refused = r !== void 0 && REFUSED.some((x) => rangeContains(x, r));
    if (r && r.lo === r.hi && !refused) return [r];
    const why = refused ? "an address the API server refuses for an endpoint (loopback, link-local or unspecified)" : "no IP address";
    diagnostics.push(diag(Codes.endpointAddressInvalid, "warning", `${JSON.stringify(ip)} is ${why}; left out of the endpoints of its Service`, originRef(o.origin, path2)));
    return [];
  };
  const put = (key, e) => {
    if (e.addresses.length === 0) return;
    const list = out.get(key);
    if (list) list.push(e);
    else out.set(key, [e]);
  };
  for (const o of objects) {
    if (o.kind === "Endpoints") {
      if (o.object.metadata.labels?.[SKIP_MIRROR_LABEL] === "true") continue;
      const key = `${o.object.metadata.namespace || defaultNamespace}/${o.object.metadata.name}`;
      (o.object.subsets ?? []).forEach((s, si) => {
        const addresses = ["addresses", "notReadyAddresses"].flatMap((field) => (s[field] ?? []).flatMap((a, ai) => addressRange(o, a.ip, ["subsets", si, field, ai, "ip"])));
        put(key, { from: "Endpoints", addresses, ports: (s.ports ?? []).map((p) => ({ name: p.name ?? "", port: p.port, protocol: p.protocol ?? "TCP" })) });
      });
    } else if (o.kind === "EndpointSlice") {
      const service = o.object.metadata.labels?.[SERVICE_NAME_LABEL];
      if (!service || o.object.addressType !== "IPv4" && o.object.addressType !== "IPv6") continue;
      const addresses = (o.object.endpoints ?? []).flatMap((e, ei) => e.addresses.length > 0 ? addressRange(o, e.addresses[0], ["endpoints", ei, "addresses", 0]) : []);
      const ports = [];
      (o.object.ports ?? []).forEach((p, pi) => {
        if (typeof p.port === "number") ports.push({ name: p.name ?? "", port: p.port, protocol: p.protocol ?? "TCP" });
        else diagnostics.push(diag(Codes.endpointPortWithoutNumber, "warning", "an EndpointSlice port without a number is skipped by kube-proxy: no traffic reaches it", originRef(o.origin, ["ports", pi])));
      });
      const from = o.object.metadata.labels?.[MANAGED_BY_LABEL] === SLICE_CONTROLLER ? "controller-slice" : "EndpointSlice";
      put(`${o.object.metadata.namespace || defaultNamespace}/${service}`, { from, addresses, ports });
    }
  }
  return out;
}
function manualTargets(endpoints, servicePort) {
  const byConns = /* @__PURE__ */ new Map();
  for (const e of endpoints) {
    const ports = e.ports.filter((p) => p.name === servicePort.name && p.protocol === servicePort.protocol);
    if (ports.length === 0) continue;
    const conns = ports.reduce((acc, p) => acc.union(ConnectionSet.port(p.protocol, p.port)), ConnectionSet.NONE);
    const k = conns.toString();
    const entry = byConns.get(k) ?? { conns, ranges: [] };
    entry.ranges.push(...e.addresses);
    byConns.set(k, entry);
  }
  return [...byConns.values()].flatMap(({ conns, ranges }) => mergeRanges(ranges).map((range) => ({ range, conns })));
}
function dialedTargets(endpoints, conns) {
  return mergeRanges(endpoints.flatMap((e) => e.addresses)).map((range) => ({ range, conns }));
}

// src/topology/named-templates.ts
var NamedTemplates = class {
  /** Each name's body; null where it is defined more than once. */
  bodies = /* @__PURE__ */ new Map();
  reached = /* @__PURE__ */ new Map();
  constructor(files) {
    for (const f of files) {
      for (const [name, body] of defines(f.text)) this.bodies.set(name, this.bodies.has(name) ? null : body);
    }
  }
  /** The bodies of the named templates a text reaches with the root context, at any depth. */
  reachedFrom(text) {
    const hit = this.reached.get(text);
    if (hit) return hit;
    const seen = /* @__PURE__ */ new Set();
    const out = [];
    const queue = [...rootCalls(text)];
    while (queue.length > 0) {
      const name = queue.shift();
      if (seen.has(name)) continue;
      seen.add(name);
      const body = this.bodies.get(name);
      if (typeof body !== "string") continue;
      out.push(body);
      queue.push(...rootCalls(body));
    }
    this.reached.set(text, out);
    return out;
  }
};
var ACTION = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
var BLOCK_START = /^(if|with|range|define|block)\b/;
var END = /^end\b/;
var CALL = /\b(?:include|template)\s+"((?:[^"\\]|\\.)*)"\s+(\$|\.)(?![\w.$])/g;
function defines(text) {
  const out = [];
  const stack = [];
  for (const m of text.matchAll(ACTION)) {
    const action = m[1];
    if (action.startsWith("/*")) continue;
    const start = BLOCK_START.exec(action);
    if (start) {
      const name = start[1] === "define" ? /^define\s+"((?:[^"\\]|\\.)*)"/.exec(action)?.[1] : void 0;
      stack.push({ kind: start[1], ...name !== void 0 ? { name } : {}, bodyStart: (m.index ?? 0) + m[0].length });
    } else if (END.test(action)) {
      const open = stack.pop();
      if (open?.kind === "define" && open.name !== void 0) out.push([open.name, text.slice(open.bodyStart, m.index)]);
    }
  }
  return out;
}
function rootCalls(text) {
  const out = [];
  const stack = [];
  for (const m of text.matchAll(ACTION)) {
    const action = m[1];
    if (action.startsWith("/*")) continue;
    const inDefine = stack.includes("define") || stack.includes("block");
    const rebound = stack.includes("with") || stack.includes("range");
    if (!inDefine) {
      for (const c of action.matchAll(CALL)) if (c[2] === "$" || !rebound) out.push(c[1]);
    }
    const start = BLOCK_START.exec(action);
    if (start) stack.push(start[1]);
    else if (END.test(action)) stack.pop();
    else if (/^else\s+(?:with|range)\b/.test(action) && stack.length > 0) stack[stack.length - 1] = "with";
  }
  return out;
}

// src/topology/api-clients.ts
function apiServerClients(cluster, already) {
  const bindings = cluster.objects.filter((o) => o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding").sort((a, b) => compareStrings(a.origin.document.file, b.origin.document.file) || a.origin.document.doc - b.origin.document.doc);
  if (bindings.length === 0) return [];
  const grants = grantIndex(bindings);
  const out = [];
  for (const w of cluster.workloads) {
    if (already.has(workloadKey(w.ref))) continue;
    const spec = w.spec ?? {};
    if (spec.automountServiceAccountToken === false) continue;
    const named = typeof spec.serviceAccountName === "string" && spec.serviceAccountName !== "" ? "serviceAccountName" : typeof spec.serviceAccount === "string" && spec.serviceAccount !== "" ? "serviceAccount" : void 0;
    const account = named ? spec[named] : "default";
    const found = [...grants.get(`${w.ref.namespace}/${account}`) ?? [], ...grants.get(`${w.ref.namespace}/*`) ?? [], ...grants.get("*") ?? []];
    const first = found[0];
    if (!first) continue;
    const binding = `${first.binding.kind} ${first.binding.kind === "RoleBinding" ? `${first.binding.object.metadata.namespace || DEFAULT_NAMESPACE}/` : ""}${first.binding.object.metadata.name ?? ""}`;
    const more = found.length > 1 ? ` (and ${found.length - 1} more binding${found.length > 2 ? "s" : ""})` : "";
    out.push({
      workload: w.ref,
      value: "kubernetes.default.svc:443",
      at: originRef(first.binding.origin, ["subjects", first.index]),
      ...named ? { via: originRef(w.origin, [...w.specPath, named]) } : {},
      reason: "api-server",
      detail: `${workloadKey(w.ref)} runs as ServiceAccount ${w.ref.namespace}/${account}, bound to ${first.binding.object.roleRef.kind} ${first.binding.object.roleRef.name} by ${binding}${more}, so it calls the Kubernetes API server, whose address the manifests do not hold`
    });
  }
  return out;
}
function grantIndex(bindings) {
  const out = /* @__PURE__ */ new Map();
  const add = (key, g) => out.set(key, [...out.get(key) ?? [], g]);
  for (const b of bindings) {
    const bindingNs = b.object.metadata.namespace || DEFAULT_NAMESPACE;
    (b.object.subjects ?? []).forEach((s, index) => {
      if (s.kind === "ServiceAccount") {
        const ns = s.namespace || (b.kind === "RoleBinding" ? bindingNs : void 0);
        if (ns) add(`${ns}/${s.name}`, { binding: b, index });
      } else if (s.kind === "User" && /^system:serviceaccount:[^:]+:[^:]+$/.test(s.name)) {
        const [, , ns, name] = s.name.split(":");
        add(`${ns}/${name}`, { binding: b, index });
      } else if (s.kind === "Group" && s.name === "system:serviceaccounts") add("*", { binding: b, index });
      else if (s.kind === "Group" && s.name.startsWith("system:serviceaccounts:")) add(`${s.name.slice("system:serviceaccounts:".length)}/*`, { binding: b, index });
    });
  }
  return out;
}
function apiServerGapHolders(unresolved) {
  return new Set(unresolved.filter((u) => u.reason === "api-server").map((u) => workloadKey(u.workload)));
}

// src/topology/config-documents.ts
var import_yaml = __toESM(require_dist(), 1);
function configValueAddresses(value, context, readings, key) {
  const sectionFile = context === "address" && key !== void 0 && value.includes("\n");
  if (context !== "text" && !sectionFile) return findAddressesIn(value, context);
  const section = key !== void 0 && SECTION_KEY.test(key) ? key : void 0;
  const cacheKey = section === void 0 ? value : `${section}\0${value}`;
  let reading = readings.get(cacheKey);
  if (reading === void 0 && !readings.has(cacheKey)) {
    reading = readConfigDocument(value, section);
    readings.set(cacheKey, reading);
  }
  if (sectionFile && !reading) return findAddressesIn(value, context);
  const text = findAddressesIn(value, "text");
  if (!reading) return text;
  const inside = (spans, offset) => spans.some(([from, to]) => offset >= from && offset < to);
  const kept = text.filter((c) => !inside(reading.ownSpans, c.offset) && !inside(reading.hostSpans, c.offset));
  return [...kept, ...reading.addresses].sort((a, b) => a.offset - b.offset);
}
var WORTH_READING = /host|server|address|listen|bind|advertis/i;
var SECTION_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
function readConfigDocument(value, section) {
  if (value.length > MAX_CONFIG_DOCUMENT || !(value.includes("\n") || value.trimStart().startsWith("{")) || !(WORTH_READING.test(value) || section !== void 0 && WORTH_READING.test(section))) return void 0;
  return readYaml(value) ?? readIni(value, section);
}
var OWN_KEY_PATH = /^(?:network|http|transport)\.(?:bind_|publish_)?host$/i;
var HOST_KEY = /^(?:(.*?)[_-])?(host|hosts|hostname|host_name|server|address)$/i;
var HOST_ALONE = /^(?:host|hosts|hostname|host_name)$/i;
function hostItems(value, word) {
  const parts = word === "hosts" ? [...value.matchAll(/[^,]+/g)].map((m) => ({ text: m[0], at: m.index })) : [{ text: value, at: 0 }];
  return parts.flatMap((p) => {
    const raw = p.text.trim();
    return raw === "" ? [] : [{ raw, at: p.at + p.text.indexOf(raw) }];
  });
}
function hostKey(leaf) {
  const m = HOST_KEY.exec(leaf);
  return m ? { prefix: (m[1] ?? "").toLowerCase(), word: m[2].toLowerCase() } : void 0;
}
function isPortKey(leaf, prefix) {
  const l = leaf.toLowerCase();
  return prefix === "" ? l === "port" : l === `${prefix}_port` || l === `${prefix}-port`;
}
var HOST_VALUE = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?)(?::\d{1,5})?$/i;
var SWITCH = /^(?:on|off|true|false|yes|no|enabled?|disabled?|none|null)$/i;
function portNumber(raw) {
  const s = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  return /^\d{1,5}$/.test(s) && Number(s) >= 1 && Number(s) <= 65535 ? String(Number(s)) : void 0;
}
function leafOf(e) {
  const dot = e.key.lastIndexOf(".");
  return dot < 0 ? { leaf: e.key, group: e.group } : { leaf: e.key.slice(dot + 1), group: `${e.group}\0${e.key.slice(0, dot).toLowerCase()}` };
}
function readEntries(entries, ownSpans) {
  const addresses = [];
  const hostSpans = [];
  const groups = /* @__PURE__ */ new Map();
  for (const e of entries) {
    const { leaf, group } = leafOf(e);
    if (isOwnAddressName(leaf) || isOwnAddressName(e.key) || OWN_KEY_PATH.test(e.path)) {
      ownSpans.push([e.start, Math.max(e.end, e.start + 1)]);
      continue;
    }
    const siblings = groups.get(group);
    if (siblings) siblings.push({ e, leaf });
    else groups.set(group, [{ e, leaf }]);
  }
  const own = (offset) => ownSpans.some(([from, to]) => offset >= from && offset < to);
  for (const siblings of groups.values()) {
    for (const { e, leaf } of siblings) {
      const hk = hostKey(leaf);
      if (!hk || e.value === void 0 || own(e.start)) continue;
      const port = siblings.find((s) => isPortKey(s.leaf, hk.prefix));
      const portValue = port ? portNumber(port.e.value) : void 0;
      if (hk.word === "hosts" && hk.prefix !== "" && portValue === void 0) continue;
      let read = false;
      for (const { raw, at } of hostItems(e.value, hk.word)) {
        if (!HOST_VALUE.test(raw) || /^\d+$/.test(raw) || SWITCH.test(raw)) continue;
        const [found] = findAddresses(raw);
        if (!found || found.text !== raw) continue;
        const written = `${e.key}${e.separator}${raw}`;
        const offset = e.start + at;
        if (found.port !== void 0) {
          addresses.push({ ...found, text: written, explicit: true, offset });
        } else if (portValue !== void 0 && port) {
          addresses.push({ host: found.host, port: portValue, text: `${written} (${port.e.key}${port.e.separator}${portValue})`, explicit: true, offset });
        } else if (HOST_ALONE.test(hk.word)) {
          addresses.push({ host: found.host, text: written, explicit: found.host.includes(".") || isIpLiteral(found.host), offset });
        } else continue;
        read = true;
      }
      if (read) hostSpans.push([e.start, e.end]);
    }
  }
  return { addresses, hostSpans, ownSpans };
}
function isKubernetesObject(node) {
  return (0, import_yaml.isMap)(node) && node.has("apiVersion") && node.has("kind");
}
function readYaml(value) {
  let doc;
  try {
    doc = (0, import_yaml.parseDocument)(value, { uniqueKeys: false, strict: false, prettyErrors: false });
  } catch {
    return void 0;
  }
  if (doc.errors.length > 0) return void 0;
  const root = doc.contents;
  if (!(0, import_yaml.isMap)(root) && !(0, import_yaml.isSeq)(root)) return void 0;
  if (isKubernetesObject(root) || (0, import_yaml.isSeq)(root) && root.items.some(isKubernetesObject)) return void 0;
  const entries = [];
  const ownSpans = [];
  let groups = 0;
  const walk = (node, depth, above) => {
    if ((0, import_yaml.isSeq)(node)) {
      for (const item of node.items) walk(item, depth + 1, above);
      return;
    }
    if (!(0, import_yaml.isMap)(node)) return;
    const group = String(groups++);
    for (const pair of node.items) {
      if (!(0, import_yaml.isScalar)(pair.key) || pair.key.value === null || pair.key.value === void 0) continue;
      const key = String(pair.key.value);
      const path2 = above === "" ? key : `${above}.${key}`;
      const v = pair.value;
      const range = v?.range;
      if (depth === 0 && range && (key === "server" && (0, import_yaml.isMap)(v) && ownServerSection(v.items.flatMap((p) => (0, import_yaml.isScalar)(p.key) ? [String(p.key.value)] : [])) || key.startsWith("server.") && !DESTINATION_KEY.test(key.slice("server.".length)))) {
        ownSpans.push([range[0], Math.max(range[1], range[0] + 1)]);
        continue;
      }
      if ((0, import_yaml.isScalar)(v) && range && (typeof v.value === "string" || typeof v.value === "number")) {
        const quoted = v.type === "QUOTE_DOUBLE" || v.type === "QUOTE_SINGLE";
        const start = range[0] + (quoted ? 1 : 0);
        entries.push({ key, path: path2, group, value: String(v.value), start, end: Math.max(start, range[1] - (quoted ? 1 : 0)), separator: ": " });
      } else {
        if (range) entries.push({ key, path: path2, group, value: void 0, start: range[0], end: range[1], separator: ": " });
        walk(v, depth + 1, path2);
      }
    }
  };
  walk(root, 0, "");
  return readEntries(entries, ownSpans);
}
var INI_SECTION = /^[ \t]*\[{1,2}[ \t]*([^\]\n$`|&<>]+?)[ \t]*\]{1,2}[ \t]*(?:[#;].*)?$/;
var SPACED_SECTION = /^[A-Z][A-Z_]*$/;
var SPACED_ENTRY = /^([ \t]+)([A-Za-z][A-Za-z0-9_.-]*)[ \t]+(\S(?:.*\S)?)[ \t]*$/;
var INI_ENTRY = /^([ \t]*)("[^"\n]*"|[A-Za-z0-9_.-]+)[ \t]*=[ \t]*(.*)$/;
var DESTINATION_KEY = /^(?:url|uri|host|hostname|endpoint|endpoints|target)$/i;
function ownServerSection(keys) {
  return keys.some((k) => /listen|bind/i.test(k)) || !keys.some((k) => DESTINATION_KEY.test(k));
}
var INI_VALUE = /^(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#;"']+))[ \t]*(?:[#;].*)?$/;
function readIni(value, keySection) {
  const entries = [];
  const ownSpans = [];
  const named = keySection !== void 0 && !value.split("\n").some((line) => INI_SECTION.test(line.replace(/\r$/, "")));
  let section = named ? keySection : "";
  let occurrence = 0;
  let sectionStart = named ? 0 : -1;
  let offset = 0;
  let spaced;
  let sectionKeys = [];
  const closeSection = (end) => {
    if (sectionStart >= 0 && (section.toLowerCase() === "server" && ownServerSection(sectionKeys) || spaced === true && section === "SERVICE")) ownSpans.push([sectionStart, end]);
    sectionKeys = [];
  };
  let serverIsOwn;
  const serverKeysOwn = () => serverIsOwn ??= !value.split("\n").some((line) => {
    const key = INI_ENTRY.exec(line.replace(/\r$/, ""))?.[2];
    return key === "server" || key?.startsWith("server.") === true && DESTINATION_KEY.test(key.slice("server.".length));
  });
  for (const line of value.split("\n")) {
    const lineStart = offset;
    offset += line.length + 1;
    const body = line.replace(/\r$/, "");
    if (/^[ \t]*(?:[#;].*)?$/.test(body)) continue;
    const s = INI_SECTION.exec(body);
    if (s) {
      closeSection(lineStart);
      section = s[1].trim();
      occurrence++;
      sectionStart = lineStart;
      continue;
    }
    const m = INI_ENTRY.exec(body);
    if (!m) {
      if (/^@(?:INCLUDE|SET)\s/i.test(body.trim()) && spaced !== false) continue;
      const sp = SPACED_SECTION.test(section) && spaced !== false ? SPACED_ENTRY.exec(body) : null;
      if (!sp) return void 0;
      spaced = true;
      const raw = sp[3];
      const start2 = lineStart + body.indexOf(raw, sp[1].length + sp[2].length);
      entries.push({ key: sp[2], path: `${section}.${sp[2]}`, group: `${occurrence}\0${section.toLowerCase()}`, value: raw, start: start2, end: start2 + raw.length, separator: " " });
      continue;
    }
    if (spaced === true) return void 0;
    spaced = false;
    const key = m[2].replace(/^"|"$/g, "");
    const rest = m[3];
    const restStart = lineStart + body.length - rest.length;
    const v = INI_VALUE.exec(rest);
    const text = v ? v[1] ?? v[2] ?? v[3] : void 0;
    const start = v ? restStart + (v[3] !== void 0 ? 0 : 1) : restStart;
    const group = `${occurrence}\0${section.toLowerCase()}`;
    sectionKeys.push(key);
    if (section === "" && key.startsWith("server.") && serverKeysOwn()) {
      ownSpans.push([restStart, Math.max(lineStart + body.length, restStart + 1)]);
      continue;
    }
    entries.push({ key, path: section === "" ? key : `${section}.${key}`, group, value: text, start, end: start + (text?.length ?? rest.length), separator: " = " });
  }
  closeSection(value.length);
  return entries.length > 0 ? readEntries(entries, ownSpans) : void 0;
}

// src/topology/config-sidecars.ts
function sidecarConfigMaps(env, namespace, configMaps) {
  const list = env ?? [];
  const literal = (name) => {
    const i = list.findIndex((e) => e.name === name);
    const value = i >= 0 ? list[i]?.value : void 0;
    return typeof value === "string" ? { value, index: i } : void 0;
  };
  const label = literal("LABEL");
  if (!label || label.value === "" || !literal("FOLDER")) return [];
  const resource = (literal("RESOURCE")?.value ?? "configmap").toLowerCase();
  if (resource !== "configmap" && resource !== "both") return [];
  const wanted = literal("LABEL_VALUE")?.value;
  const ns = literal("NAMESPACE")?.value;
  const namespaces = ns === void 0 || ns.trim() === "" ? [namespace] : ns.trim().toUpperCase() === "ALL" ? void 0 : ns.split(",").map((n) => n.trim());
  const out = [];
  for (const cm of configMaps) {
    const labels = cm.object.metadata.labels ?? {};
    const cmNs = cm.object.metadata.namespace || DEFAULT_NAMESPACE;
    if (!(label.value in labels) || wanted !== void 0 && labels[label.value] !== wanted) continue;
    if (namespaces && !namespaces.includes(cmNs)) continue;
    out.push({ cm, labelIndex: label.index });
  }
  const key = (c) => `${c.object.metadata.namespace || DEFAULT_NAMESPACE}/${c.object.metadata.name}`;
  return out.sort((a, b) => compareStrings(key(a.cm), key(b.cm)));
}

// src/topology/mesh.ts
var ISTIO = { name: "Istio", namespace: "istio-system", conns: ConnectionSet.port("TCP", 15012), ports: "istiod TCP 15012" };
var LINKERD = {
  name: "Linkerd",
  namespace: "linkerd",
  conns: ConnectionSet.port("TCP", 8080).union(ConnectionSet.port("TCP", 8086)).union(ConnectionSet.port("TCP", 8090)),
  ports: "identity TCP 8080, destination TCP 8086, policy TCP 8090"
};
var DAPR = {
  name: "Dapr",
  namespace: "dapr-system",
  conns: [6500, 50001, 50005, 50006].reduce((c, p) => c.union(ConnectionSet.port("TCP", p)), ConnectionSet.NONE),
  ports: "operator TCP 6500, sentry TCP 50001, placement TCP 50005, scheduler TCP 50006"
};
var TRUTHY = /* @__PURE__ */ new Set(["y", "yes", "true", "t", "on", "1"]);
var str = (m, key) => {
  const v = m && typeof m === "object" ? m[key] : void 0;
  return typeof v === "string" ? v : typeof v === "boolean" ? String(v) : void 0;
};
function asked(meta, origin, metaPath, forPod) {
  const inject = [];
  const optOut = /* @__PURE__ */ new Set();
  const veto = /* @__PURE__ */ new Set();
  const at = (field, key) => originRef(origin, [...metaPath, field, key]);
  for (const field of ["labels", "annotations"]) {
    const m = meta?.[field];
    const istio = str(m, "sidecar.istio.io/inject");
    if (istio !== void 0 && (forPod || field === "labels")) {
      if (istio === "true") inject.push({ mesh: ISTIO, at: at(field, "sidecar.istio.io/inject"), value: `sidecar.istio.io/inject: "true"` });
      else if (istio === "false") optOut.add(ISTIO.name);
    }
    const rev = field === "labels" ? str(m, "istio.io/rev") : void 0;
    if (rev !== void 0 && rev !== "") inject.push({ mesh: ISTIO, at: at("labels", "istio.io/rev"), value: `istio.io/rev: ${rev}` });
    if (!forPod && field === "labels" && str(m, "istio-injection") === "enabled") inject.push({ mesh: ISTIO, at: at("labels", "istio-injection"), value: "istio-injection: enabled" });
    if (!forPod && field === "labels" && str(m, "istio-injection") === "disabled") {
      optOut.add(ISTIO.name);
      veto.add(ISTIO.name);
    }
    const linkerd = field === "annotations" ? str(m, "linkerd.io/inject") : void 0;
    if (linkerd === "enabled" || forPod && linkerd === "ingress") inject.push({ mesh: LINKERD, at: at("annotations", "linkerd.io/inject"), value: `linkerd.io/inject: ${linkerd}` });
    else if (linkerd === "disabled") optOut.add(LINKERD.name);
    const dapr = forPod && field === "annotations" ? str(m, "dapr.io/enabled") : void 0;
    if (dapr !== void 0 && TRUTHY.has(dapr.toLowerCase())) inject.push({ mesh: DAPR, at: at("annotations", "dapr.io/enabled"), value: `dapr.io/enabled: ${JSON.stringify(dapr)}` });
  }
  return { inject, optOut, veto };
}
function meshedWorkloads(cluster) {
  const byNamespace = /* @__PURE__ */ new Map();
  for (const o of cluster.objects) {
    if (o.kind !== "Namespace") continue;
    const raw = rawAt(o.origin);
    const name = typeof raw?.metadata?.name === "string" ? raw.metadata.name : void 0;
    if (name !== void 0) byNamespace.set(name, asked(raw?.metadata, o.origin, ["metadata"], false));
  }
  const out = [];
  for (const w of cluster.workloads) {
    const metaPath = [...w.specPath.slice(0, -1), "metadata"];
    const pod = asked(rawAt(w.origin, metaPath), w.origin, metaPath, true);
    const ns = byNamespace.get(w.ref.namespace || DEFAULT_NAMESPACE);
    const seen = /* @__PURE__ */ new Set();
    const fromPod = pod.inject.filter((f) => !ns?.veto.has(f.mesh.name));
    for (const f of [...fromPod, ...(ns?.inject ?? []).filter((f2) => !pod.optOut.has(f2.mesh.name) && !ns?.optOut.has(f2.mesh.name))]) {
      if (seen.has(f.mesh.name)) continue;
      seen.add(f.mesh.name);
      out.push({ workload: w, found: f });
    }
  }
  return out;
}
function meshControlPlaneGaps(cluster) {
  return meshedWorkloads(cluster).map(({ workload: w, found: f }) => ({
    workload: w.ref,
    value: f.value,
    at: f.at,
    reason: "mesh-control-plane",
    detail: `the ${f.mesh.name} sidecar injected into its pods must reach the control plane in namespace ${f.mesh.namespace} (${f.mesh.ports}); the injector adds it at admission, so no manifest value names that address`,
    conns: f.mesh.conns,
    namespace: f.mesh.namespace
  })).sort((a, b) => compareStrings(a.at.file, b.at.file) || (a.at.line ?? 0) - (b.at.line ?? 0));
}
var DAPR_INVOCATION = ConnectionSet.port("TCP", 50002);
function daprInvocationTargets(cluster) {
  const out = [];
  for (const { workload: w, found } of meshedWorkloads(cluster)) {
    if (found.mesh !== DAPR) continue;
    const metaPath = [...w.specPath.slice(0, -1), "metadata"];
    const annotations = rawAt(w.origin, metaPath)?.annotations;
    if (str(annotations, "dapr.io/app-port") === void 0) continue;
    out.push({ workload: w, at: originRef(w.origin, [...metaPath, "annotations", "dapr.io/app-port"]), appId: str(annotations, "dapr.io/app-id") ?? w.ref.name });
  }
  return out;
}

// src/topology/public-hosts.ts
function publicHosts(cluster, serviceWorkloads2) {
  const out = /* @__PURE__ */ new Map();
  const add = (host, ns, service, path2) => {
    if (!host || host.includes("*") || !service) return;
    const h = host.toLowerCase();
    const routes = out.get(h) ?? { all: /* @__PURE__ */ new Set(), byPath: [] };
    const at = path2 || "/";
    let entry = routes.byPath.find((r) => r.path === at);
    if (!entry) routes.byPath.push(entry = { path: at, workloads: /* @__PURE__ */ new Set() });
    for (const w of serviceWorkloads2(`${ns}/${service}`)) {
      routes.all.add(workloadKey(w.ref));
      entry.workloads.add(workloadKey(w.ref));
    }
    out.set(h, routes);
  };
  for (const o of cluster.objects) {
    if (o.kind === "Ingress") {
      const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
      for (const rule of o.object.spec?.rules ?? []) {
        for (const p of rule.http?.paths ?? []) add(rule.host, ns, p.backend?.service?.name ?? p.backend?.serviceName, p.path);
      }
    } else if (o.kind === "HTTPRoute" || o.kind === "GRPCRoute" || o.kind === "TLSRoute") {
      const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
      for (const rule of o.object.spec?.rules ?? []) {
        const paths = (rule.matches ?? []).flatMap((m) => typeof m.path?.value === "string" ? [m.path.value] : []);
        for (const b of rule.backendRefs ?? []) {
          if (b.kind && b.kind !== "Service") continue;
          for (const host of o.object.spec?.hostnames ?? []) for (const path2 of paths.length > 0 ? paths : ["/"]) add(host, b.namespace || ns, b.name, path2);
        }
      }
    } else if (o.kind === "Route") {
      const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
      const path2 = o.object.spec.path;
      for (const target of [o.object.spec.to, ...o.object.spec.alternateBackends ?? []]) if (!target.kind || target.kind === "Service") add(o.object.spec.host, ns, target.name, typeof path2 === "string" ? path2 : void 0);
    }
  }
  return out;
}
function under(prefix, path2) {
  return prefix === "/" || path2 === prefix || path2.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`);
}
function isOwnPublicHost(hosts, host, w, urlPath) {
  const routes = hosts.get(host.toLowerCase());
  const me = workloadKey(w.ref);
  if (!routes?.all.has(me)) return false;
  if (routes.all.size === 1 || urlPath === void 0 || urlPath === "" || urlPath === "/") return true;
  let best;
  for (const r of routes.byPath) if (under(r.path, urlPath) && (best === void 0 || r.path.length > best.path.length)) best = r;
  return best?.workloads.has(me) ?? false;
}

// src/topology/service-links.ts
function serviceLinkVariables(services, enableServiceLinks) {
  const vars = new Map(API_SERVER_VARIABLES);
  if (enableServiceLinks === false) return vars;
  for (const s of services) {
    const spec = s.spec;
    const ports = spec?.ports ?? [];
    const svc = s.metadata.name;
    if (!svc || !hasClusterIp(spec) || ports.length === 0) continue;
    const name = envName(svc);
    const ip = clusterIpOf(spec);
    const host = ip ?? svc;
    vars.set(`${name}_SERVICE_HOST`, host);
    vars.set(`${name}_SERVICE_PORT`, String(ports[0]?.port));
    ports.forEach((p, i) => {
      if (p.name) vars.set(`${name}_SERVICE_PORT_${envName(p.name)}`, String(p.port));
      const proto = (p.protocol ?? "TCP").toUpperCase();
      const url = `${proto.toLowerCase()}://${host.includes(":") ? `[${host}]` : host}:${p.port}`;
      if (i === 0) vars.set(`${name}_PORT`, url);
      const prefix = `${name}_PORT_${p.port}_${proto}`;
      vars.set(prefix, url);
      vars.set(`${prefix}_PROTO`, proto.toLowerCase());
      vars.set(`${prefix}_PORT`, String(p.port));
      vars.set(`${prefix}_ADDR`, host);
    });
  }
  return vars;
}
var API_SERVER = "kubernetes.default.svc";
var API_SERVER_VARIABLES = [
  ["KUBERNETES_SERVICE_HOST", API_SERVER],
  ["KUBERNETES_SERVICE_PORT", "443"],
  ["KUBERNETES_SERVICE_PORT_HTTPS", "443"],
  ["KUBERNETES_PORT", `tcp://${API_SERVER}:443`],
  ["KUBERNETES_PORT_443_TCP", `tcp://${API_SERVER}:443`],
  ["KUBERNETES_PORT_443_TCP_PROTO", "tcp"],
  ["KUBERNETES_PORT_443_TCP_PORT", "443"],
  ["KUBERNETES_PORT_443_TCP_ADDR", API_SERVER]
];
function hasClusterIp(spec) {
  return spec?.type !== "ExternalName" && spec?.clusterIP !== "None";
}
function clusterIpOf(spec) {
  const ip = spec?.clusterIP;
  return typeof ip === "string" && ip !== "" && ip !== "None" ? ip : void 0;
}
var envName = (s) => s.toUpperCase().replace(/-/g, "_");

// src/topology/dapr-components.ts
var words = (name) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2");
function metadataContext(name) {
  return valueContext(name, words(name));
}
function holdsAddress(name) {
  return metadataContext(name) === "address" || /connection[_-]?string|(?:^|_)dsn$/i.test(words(name));
}
var str2 = (m, key) => {
  const v = m && typeof m === "object" ? m[key] : void 0;
  return typeof v === "string" ? v : void 0;
};
function appIds(w, annotations) {
  const id = str2(annotations, "dapr.io/app-id");
  if (id !== void 0 && id !== "") return { generated: false, has: (s) => s === id };
  if (w.ref.kind === "Pod") return { generated: false, has: (s) => s === w.ref.name };
  if (w.ref.kind === "StatefulSet") return { generated: false, has: (s) => s.startsWith(`${w.ref.name}-`) && /^\d+$/.test(s.slice(w.ref.name.length + 1)) };
  return { generated: true, has: () => false };
}
var CLOUDS = { aws: "AWS", azure: "Azure", gcp: "Google Cloud", alicloud: "Alibaba Cloud", huawei: "Huawei Cloud", tencentcloud: "Tencent Cloud", oci: "Oracle Cloud", cloudflare: "Cloudflare" };
function cloudService(c) {
  const cloud = c.object.spec.type.split(".").slice(1, 2)[0];
  if (cloud === void 0 || !Object.hasOwn(CLOUDS, cloud)) return void 0;
  const addressed = (c.object.spec.metadata ?? []).some(
    (item) => holdsAddress(item.name) && (typeof item.value === "string" && item.value.trim() !== "" || item.secretKeyRef || item.envRef)
  );
  return addressed ? void 0 : CLOUDS[cloud];
}
function tracingEndpoints(w, configurations, metaPath) {
  const name = str2(rawAt(w.origin, metaPath)?.annotations, "dapr.io/config");
  const config = name ? configurations.get(`${w.ref.namespace || DEFAULT_NAMESPACE}/${name}`) : void 0;
  const tracing = config?.object.spec?.tracing;
  if (!config || !tracing) return [];
  const rate = Number(tracing.samplingRate ?? Number.NaN);
  if (tracing.samplingRate !== void 0 && tracing.samplingRate !== null && String(tracing.samplingRate).trim() !== "" && rate === 0) return [];
  const via = () => originRef(w.origin, [...metaPath, "annotations", "dapr.io/config"]);
  const out = [];
  for (const exporter of ["zipkin", "otel"]) {
    const value = tracing[exporter]?.endpointAddress;
    if (typeof value === "string" && value !== "") out.push({ value, context: "address", origin: config.origin, path: ["spec", "tracing", exporter, "endpointAddress"], via });
  }
  return out;
}
var componentKey = (c) => `${c.object.metadata.namespace || DEFAULT_NAMESPACE}/${c.object.metadata.name ?? ""}`;
function daprComponentSources(cluster) {
  const byNamespace = /* @__PURE__ */ new Map();
  const configurations = /* @__PURE__ */ new Map();
  for (const o of cluster.objects) {
    if (o.kind === "Configuration") configurations.set(`${o.object.metadata.namespace || DEFAULT_NAMESPACE}/${o.object.metadata.name ?? ""}`, o);
    if (o.kind !== "Component") continue;
    const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
    byNamespace.set(ns, [...byNamespace.get(ns) ?? [], o]);
  }
  for (const list of byNamespace.values()) list.sort((a, b) => compareStrings(componentKey(a), componentKey(b)));
  const byWorkload = /* @__PURE__ */ new Map();
  const diagnostics = [];
  if (byNamespace.size === 0 && configurations.size === 0) return { byWorkload, diagnostics };
  for (const { workload: w, found } of meshedWorkloads(cluster)) {
    if (found.mesh !== DAPR) continue;
    const components = byNamespace.get(w.ref.namespace || DEFAULT_NAMESPACE) ?? [];
    const metaPath = [...w.specPath.slice(0, -1), "metadata"];
    const ids = appIds(w, rawAt(w.origin, metaPath)?.annotations);
    const values = [];
    const unknown = [];
    const skippedScoped = [];
    for (const c of components) {
      const scopes = c.object.scopes ?? [];
      if (scopes.length > 0 && !scopes.some(ids.has)) {
        if (ids.generated) skippedScoped.push(componentKey(c));
        continue;
      }
      const what = `Dapr Component ${componentKey(c)} (${c.object.spec.type})`;
      const cloud = cloudService(c);
      if (cloud) {
        unknown.push({
          workload: w.ref,
          value: c.object.spec.type,
          at: originRef(c.origin, ["spec", "type"]),
          via: found.at,
          reason: "external-hostname",
          detail: `${what} is a ${cloud} service outside the cluster, at an address its SDK derives from the account and region; NetworkPolicy cannot name hosts, only address blocks`
        });
      }
      (c.object.spec.metadata ?? []).forEach((item, i) => {
        if (typeof item.value === "string") {
          values.push({ value: item.value, context: metadataContext(item.name), origin: c.origin, path: ["spec", "metadata", i, "value"], via: () => found.at });
          return;
        }
        if (item.value !== void 0 && item.value !== null) return;
        if (!holdsAddress(item.name)) return;
        const ref = item.secretKeyRef;
        if (ref) {
          const store = c.object.auth?.secretStore || "kubernetes";
          unknown.push({
            workload: w.ref,
            value: `${item.name}: secretKeyRef ${ref.name}${ref.key ? `/${ref.key}` : ""}`,
            at: originRef(c.origin, ["spec", "metadata", i, "secretKeyRef"]),
            via: found.at,
            reason: "secret-value",
            detail: `${what} reads ${item.name} from secret ${ref.name}${ref.key ? ` key ${ref.key}` : ""} (secret store ${store}), which the manifests do not hold: the address its sidecar connects to is known only at run time`
          });
        } else if (typeof item.envRef === "string") {
          unknown.push({
            workload: w.ref,
            value: `${item.name}: envRef ${item.envRef}`,
            at: originRef(c.origin, ["spec", "metadata", i, "envRef"]),
            via: found.at,
            reason: "undefined-variable",
            detail: `${what} reads ${item.name} from the sidecar's environment variable ${item.envRef}: the address its sidecar connects to is known only at run time`
          });
        }
      });
    }
    if (skippedScoped.length > 0) {
      diagnostics.push(
        diag(
          Codes.daprAppIdMissing,
          "warning",
          `${w.ref.namespace}/${w.ref.name} is a Dapr app without dapr.io/app-id: its app id is its pod's name, which its ${w.ref.kind} generates when it creates the pod, so the scoped Component${skippedScoped.length === 1 ? "" : "s"} ${skippedScoped.join(", ")} ${skippedScoped.length === 1 ? "is not loaded and gives" : "are not loaded and give"} it no link`,
          found.at,
          "set dapr.io/app-id on the pod template, and list that id in the Component's scopes if the app uses it"
        )
      );
    }
    values.push(...tracingEndpoints(w, configurations, metaPath));
    if (values.length > 0 || unknown.length > 0) byWorkload.set(w, { values, unknown });
  }
  return { byWorkload, diagnostics };
}

// src/topology/links.ts
function selfLinks(uses) {
  return (uses ?? []).map((u) => ({ src: { kind: "workload", ref: u.workload }, dst: { kind: "workload", ref: u.workload }, conns: u.conns, evidence: u.evidence }));
}
function dnsUsesByWorkload(uses) {
  const out = /* @__PURE__ */ new Map();
  for (const u of uses ?? []) {
    const key = workloadKey(u.workload);
    const list = out.get(key);
    if (list) list.push(u.evidence);
    else out.set(key, [u.evidence]);
  }
  return out;
}
function evidenceText(e) {
  switch (e.kind) {
    case "address":
      return `${placeText(e.at)} ${pathText(e.at.path)} = ${JSON.stringify(e.value)}${e.via ? ` (via ${e.configMap ? `ConfigMap ${e.configMap}, referenced at ` : e.secret ? `Secret ${e.secret}, referenced at ` : ""}${placeText(e.via)})` : ""}${e.traced ? ` (values ${placeText(e.traced)}${e.traced.path && e.traced.path.length > 0 ? ` ${e.traced.path.join(".")}` : ""})` : ""}`;
    case "exposure":
      return `${e.object} (${placeText(e.at)})`;
    case "trace":
      return `trace ${e.file}:${e.line} ${e.event} x${e.count}${e.firstSeen !== void 0 ? ` (${e.firstSeen === e.lastSeen ? e.firstSeen : `${e.firstSeen} .. ${e.lastSeen ?? ""}`})` : ""}`;
    case "intent":
      return `intent ${placeText(e.at)}`;
    case "baseline":
      return `baseline rule ${e.rule} ${placeText(e.at)}`;
    case "gap":
      return `gap (--gaps=${e.mode}) ${placeText(e.at)}: ${e.detail}`;
  }
}
function pathText(path2) {
  let out = "";
  for (const p of path2 ?? []) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

// src/topology/env.ts
function expandVarsDetailed(value, vars, fallback) {
  const missing = [];
  const out = value.replace(/\$\$|\$\(([^()$]+)\)/g, (m, name) => {
    if (m === "$$") return "$";
    if (name !== void 0 && vars.has(name)) return vars.get(name);
    const byKubelet = name !== void 0 ? fallback?.(name) : void 0;
    if (byKubelet !== void 0) return byKubelet;
    if (name !== void 0) missing.push(name);
    return m;
  });
  return { value: out, missing };
}
var HOST_HALF = /^(.*?)_(SERVICE_HOST|HOSTNAME|HOSTS|HOST|ADDR|ADDRESS|SERVERS|SERVER)$/i;
function pairedPorts(hostVar, vars) {
  const m = HOST_HALF.exec(hostVar);
  if (!m) return [];
  const prefix = m[1];
  const upper = hostVar === hostVar.toUpperCase();
  const numeric = (name) => {
    const v = vars.get(name)?.trim();
    return v !== void 0 && /^\d{1,5}$/.test(v) ? { name, port: v } : void 0;
  };
  for (const suffix of ["PORT", "SERVICE_PORT"]) {
    const exact = numeric(`${prefix}_${upper ? suffix : suffix.toLowerCase()}`);
    if (exact) return [{ ...exact, exact: true }];
  }
  const p = prefix.toLowerCase();
  const hasOwnHost = (middle) => [...vars.keys()].some((k) => HOST_HALF.exec(k)?.[1]?.toLowerCase() === `${p}_${middle}`);
  const out = [];
  for (const name of [...vars.keys()].sort()) {
    const lower = name.toLowerCase();
    if (!lower.startsWith(`${p}_`)) continue;
    const rest = lower.slice(p.length + 1);
    const suffixed = /^port_[a-z0-9_]+$/.test(rest);
    const middle = /^([a-z0-9_]+)_port$/.exec(rest)?.[1];
    if (!suffixed && (middle === void 0 || hasOwnHost(middle))) continue;
    const found = numeric(name);
    if (found) out.push(found);
  }
  return out;
}

// src/topology/downward.ts
function downwardField(fieldPath, workload) {
  const field = fieldPath.trim();
  if (field === "metadata.namespace") return { kind: "value", field, value: workload.namespace };
  if (field === "status.hostIP" || field === "status.hostIPs") return { kind: "node", field };
  if (field === "status.podIP" || field === "status.podIPs") return { kind: "own", field };
  return { kind: "runtime", field };
}
function refAsHost(value, name) {
  const ref = `$(${name})`;
  const at = value.indexOf(ref);
  if (at < 0) return false;
  if (value.trim() === ref) return true;
  const before = value.slice(0, at);
  const after = value.slice(at + ref.length);
  return /(?:^|:\/\/|[\s=,@])$/.test(before) && /^(?::\d{1,5}|\/|$|[\s,;])/.test(after);
}
function portAfterRef(value, name) {
  const i = value.indexOf(`$(${name}):`);
  if (i < 0) return void 0;
  const m = /^\d{1,5}/.exec(value.slice(i + name.length + 4));
  const n = m ? Number(m[0]) : void 0;
  return n !== void 0 && n >= 1 && n <= 65535 ? n : void 0;
}

// src/topology/scan.ts
var CLUSTER_SUFFIXES = [".svc.cluster.local", ".svc"];
function traceValue(at, c, values) {
  const { file: templateFile, as } = renderedSource(at.file);
  const chart = values.find((v) => at.file.startsWith(`${v.chart}/`)) ?? values.find((v) => v.templates?.some((t) => t.path === templateFile));
  if (!chart || chart.setValues || at.line !== void 0 && at.line > 0 && !isRenderedName(at.file)) return void 0;
  const templates = chart.templates?.filter((t) => t.path === templateFile && (as === void 0 || t.source === void 0 || aliasChain(t.source) === as)) ?? [];
  const template = templates[0]?.text;
  if (template === void 0) return void 0;
  const named = namedTemplatesOf(chart);
  const prefixes = templates.map((t) => {
    const prefix = [];
    for (let rest = t.source ?? templateFile.slice(chart.chart.length + 1), m = /^charts\/([^/]+)\//.exec(rest); m; rest = rest.slice(m[0].length), m = /^charts\/([^/]+)\//.exec(rest)) prefix.push(m[1]);
    return prefix;
  });
  const defaults = [...chart.defaults ?? []].sort((x, y) => y.prefix.length - x.prefix.length);
  const sources = [...defaults, ...chart.files];
  const scalars = [
    ...defaults.map((f) => valueScalars(f).map((v) => v.key[0] === "global" ? v : { ...v, key: [...f.prefix, ...v.key], own: v.key })),
    ...chart.files.map((f) => valueScalars(f))
  ];
  const found = /* @__PURE__ */ new Map();
  for (const needle of c.host.includes(".") ? [c.text, c.host] : [c.text]) {
    scalars.forEach((file, i) => {
      for (const s of file) {
        if (!s.value.toLowerCase().includes(needle.toLowerCase())) continue;
        const key = s.key.join(".");
        const own = ownKey(s.key, prefixes);
        if (own === void 0 || !readsValueThrough(template, own.join("."), named)) continue;
        if (scalars.slice(i + 1).some((later) => later.some((l) => l.key.join(".") === key))) continue;
        found.set(key, { file: sources[i].path, doc: 0, line: s.line, column: s.column, path: s.own ?? s.key });
      }
    });
    if (found.size > 0) break;
  }
  const places = new Map([...found.values()].map((r) => [`${r.file}\0${r.line ?? 0}\0${r.column ?? 0}`, r]));
  return places.size === 1 ? [...places.values()][0] : void 0;
}
function ownKey(key, prefixes) {
  if (key[0] === "global") return key;
  const prefix = prefixes.find((p) => key.length > p.length && p.every((name, k) => key[k] === name));
  return prefix ? key.slice(prefix.length) : void 0;
}
function namedTemplatesOf(chart) {
  let named = NAMED_TEMPLATES.get(chart);
  if (!named) NAMED_TEMPLATES.set(chart, named = new NamedTemplates([...chart.partials ?? [], ...chart.templates ?? []]));
  return named;
}
var NAMED_TEMPLATES = /* @__PURE__ */ new WeakMap();
function readsValueThrough(template, key, named) {
  return readsValue(template, key) || named.reachedFrom(template).some((body) => readsValue(body, key));
}
function readsValue(template, key) {
  const at = template.indexOf(`.Values.${key}`);
  if (at < 0) return false;
  for (let i = at; i >= 0; i = template.indexOf(`.Values.${key}`, i + 1)) {
    const next = template[i + `.Values.${key}`.length] ?? "";
    if (!/[\w.-]/.test(next)) return true;
  }
  return false;
}
function valueScalars(f) {
  let scalars = VALUE_SCALARS.get(f);
  if (!scalars) VALUE_SCALARS.set(f, scalars = readValueScalars(f));
  return scalars;
}
var VALUE_SCALARS = /* @__PURE__ */ new WeakMap();
function readValueScalars(f) {
  const lines = new import_yaml2.LineCounter();
  const doc = (0, import_yaml2.parseDocument)(f.text, { lineCounter: lines, uniqueKeys: false, strict: false });
  const out = [];
  const walk = (node, key) => {
    if (!(0, import_yaml2.isMap)(node)) return;
    for (const pair of node.items) {
      const k = (0, import_yaml2.isScalar)(pair.key) ? String(pair.key.value) : void 0;
      if (k === void 0) continue;
      if ((0, import_yaml2.isScalar)(pair.value) && (typeof pair.value.value === "string" || typeof pair.value.value === "number") && pair.value.range) {
        const pos = lines.linePos(pair.value.range[0]);
        out.push({ key: [...key, k], value: String(pair.value.value), line: pos.line, column: pos.col });
      } else walk(pair.value, [...key, k]);
    }
  };
  walk(doc.contents, []);
  return out;
}
function scanTopology(cluster, options = {}) {
  const values = options.values ?? [];
  const services = /* @__PURE__ */ new Map();
  const configMaps = /* @__PURE__ */ new Map();
  const secrets = /* @__PURE__ */ new Map();
  const byNamespace = workloadsByNamespace(cluster.workloads);
  for (const o of cluster.objects) {
    const ns = "metadata" in o.object && o.object.metadata.namespace || DEFAULT_NAMESPACE;
    if (o.kind === "Service") {
      const key = `${ns}/${o.object.metadata.name}`;
      services.set(key, [...services.get(key) ?? [], { object: o.object, origin: o.origin, workloads: serviceWorkloads(o.object, byNamespace) }]);
    } else if (o.kind === "ConfigMap") configMaps.set(`${ns}/${o.object.metadata.name}`, o);
    else if (o.kind === "Secret") secrets.set(`${ns}/${o.object.metadata.name}`, secretAsConfigMap(o));
  }
  const links = new LinkSet();
  const self = new LinkSet();
  const unresolved = [];
  const dns = [];
  const sharing = /* @__PURE__ */ new Map();
  const portChoices = /* @__PURE__ */ new Map();
  const dapr = daprComponentSources(cluster);
  const endpointDiagnostics = [];
  const ctx = { services, endpoints: manualEndpoints(cluster.objects, DEFAULT_NAMESPACE, endpointDiagnostics), links, self, unresolved, dns, values, serviceCidrs: options.serviceCidrs ?? [], sharing, portChoices, evidenceLines: options.evidenceLines ?? true, docLines: /* @__PURE__ */ new Map(), configReadings: /* @__PURE__ */ new Map(), configNotes: /* @__PURE__ */ new Map(), serviceVars: /* @__PURE__ */ new Map(), dapr: dapr.byWorkload, publicHosts: publicHosts(cluster, (key) => (services.get(key) ?? []).flatMap((e) => e.workloads)) };
  for (const w of cluster.workloads) scanWorkload(w, configMaps, ctx, secrets);
  podDnsSettings(cluster.workloads, ctx);
  const diagnostics = [...duplicateServiceWarnings(services), ...endpointDiagnostics, ...dapr.diagnostics, ...addExposures(cluster, services, links), ...portChoices.values(), ...sharedConfigMapWarnings(sharing), ...ctx.configNotes.values()];
  unresolved.push(...apiServerClients(cluster, apiServerGapHolders(unresolved)), ...meshControlPlaneGaps(cluster));
  const sortedUnresolved = unresolved.sort(
    (a, b) => compareStrings(a.at.file, b.at.file) || (a.at.line ?? 0) - (b.at.line ?? 0) || compareStrings(a.value, b.value)
  );
  const selfUses = self.sorted().flatMap((l) => l.src.kind === "workload" ? [{ workload: l.src.ref, conns: l.conns, evidence: l.evidence }] : []);
  return {
    value: { links: links.sorted(), unresolved: dedupeUnresolved(sortedUnresolved), ...dns.length > 0 ? { dns: sortedDnsUses(dns) } : {}, ...selfUses.length > 0 ? { self: selfUses } : {} },
    diagnostics
  };
}
var REF_AS_HOST = /:\/\/\$\(|\$\([^()$]+\):(?:\d|\$\()/;
var HOST_THEN_REF = /(?:^|[\s=,@]|\/\/)([a-z0-9][a-z0-9_.-]*):\$\(([^()$]+)\)/gi;
var ADDRESS_PART_NAME = /(?:^|_)(?:PORT|HOST|ADDR|ADDRESS|URL|URI|SERVER|ENDPOINT|SVC|SERVICE)(?:_|$)/i;
function refInAddress(text) {
  if (REF_AS_HOST.test(text)) return true;
  for (const m of text.matchAll(HOST_THEN_REF)) {
    const [host, name] = [m[1], m[2]];
    if (isLocalAddress(host) || host === "0.0.0.0") continue;
    if (ADDRESS_PART_NAME.test(name) || host.includes(".") && !/^[\d.]+$/.test(host)) return true;
  }
  return false;
}
function serviceVariables(w, ctx) {
  const enabled = w.spec?.enableServiceLinks !== false;
  const key = `${enabled}\0${w.ref.namespace}`;
  let vars = ctx.serviceVars.get(key);
  if (!vars) {
    const prefix = `${w.ref.namespace}/`;
    const inNamespace = [...ctx.services].filter(([k]) => k.startsWith(prefix)).flatMap(([, entries]) => entries[0] ? [entries[0].object] : []);
    vars = serviceLinkVariables(inNamespace, enabled);
    ctx.serviceVars.set(key, vars);
  }
  return vars;
}
var STANDARD_PORTS = { http: 80, ws: 80, https: 443, wss: 443 };
var CLIENT_DEFAULT_PORTS = {
  ...STANDARD_PORTS,
  postgres: 5432,
  postgresql: 5432,
  mysql: 3306,
  mongodb: 27017,
  redis: 6379,
  rediss: 6379,
  amqp: 5672,
  amqps: 5671,
  nats: 4222,
  ldap: 389,
  ldaps: 636
};
var portOf = (table, scheme) => {
  const key = scheme?.toLowerCase();
  return key !== void 0 && Object.hasOwn(table, key) ? table[key] : void 0;
};
var clientDefaultPort = (scheme) => portOf(CLIENT_DEFAULT_PORTS, scheme);
var schemePort = (scheme) => portOf(STANDARD_PORTS, scheme);
var MAX_CNAMES = 8;
function clusterServiceName(externalName) {
  const m = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc\.cluster\.local\.?$/i.exec(externalName.trim());
  return m ? `${m[1].toLowerCase()}.${m[3].toLowerCase()}.svc.cluster.local` : void 0;
}
function urlPathAt(value, offset) {
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|\/\/)?[^\s/"'?#]*(\/[^\s"'?#]*)?/i.exec(value.slice(offset, offset + 2048))?.[1];
}
function scanWorkload(w, configMaps, ctx, secrets = /* @__PURE__ */ new Map()) {
  const cmData = (name) => {
    const cm = configMaps.get(`${w.ref.namespace}/${name}`);
    return cm ? [cm, configMapFiles(cm)] : void 0;
  };
  const secretData = (name) => {
    const s = typeof name === "string" ? secrets.get(`${w.ref.namespace}/${name}`) : void 0;
    return s ? [s, configMapFiles(s)] : void 0;
  };
  const serviceVar = (name) => serviceVariables(w, ctx).get(name);
  const secretKey = (s) => `${s.object.metadata.namespace || DEFAULT_NAMESPACE}/${s.object.metadata.name}`;
  const emit = (value, context, origin, path2, extra = {}) => {
    const withPorts = (c) => {
      if (c.port !== void 0 || !extra.ports || extra.ports.length === 0) return [c];
      if (!extra.ports.some((p) => p.exact)) {
        const target = serviceFor(c.host, w.ref.namespace, ctx.services);
        const declared = new Set((target?.entries ?? []).flatMap((e) => (e.object.spec?.ports ?? []).map((sp) => String(sp.port))));
        if (target && !extra.ports.some((p) => declared.has(p.port))) return [c];
      }
      return extra.ports.map((p) => ({ ...c, port: p.port, text: `${c.text} (${p.name}=${p.port})`, explicit: true }));
    };
    const candidates = extra.configMap || extra.secret ? configValueAddresses(value, context, ctx.configReadings, typeof path2[1] === "string" ? path2[1] : void 0) : findAddressesIn(value, context);
    if ((extra.configMap || extra.secret) && value.length > MAX_CONFIG_DOCUMENT) configTooLarge(value, origin, path2, ctx.configNotes);
    for (const c of candidates.flatMap(withPorts)) {
      const found = {
        c,
        // once per candidate: an address reaching a Service of several workloads gives one link each
        at: once(() => lineOf(origin, path2, value, c.offset, ctx.docLines)),
        place: () => ({ file: origin.document.file, doc: origin.document.doc, path: [...origin.path, ...path2] }),
        ...extra.via ? { via: once(extra.via) } : {},
        ...extra.configMap ? { configMap: { key: `${extra.configMap.object.metadata.namespace || DEFAULT_NAMESPACE}/${extra.configMap.object.metadata.name}`, origin: extra.configMap.origin } } : {},
        ...extra.secret ? { secret: secretKey(extra.secret) } : {},
        ...c.dnsServer || extra.dnsName || DNS_SETTING.test(value.slice(Math.max(0, c.offset - 64), c.offset)) ? { dnsSetting: true } : {},
        ...c.scheme !== void 0 ? { urlPath: () => urlPathAt(value, c.offset) } : {}
      };
      resolveAddress(found, w, ctx);
    }
  };
  (w.spec?.volumes ?? []).forEach((v, vi) => {
    const at = [...w.specPath, "volumes", vi];
    const sources = v.projected?.sources ?? [];
    const only = (items) => ({ keys: readableKeys(w.spec, v.name, items ?? void 0) });
    const configMaps2 = [
      ...v.configMap ? [{ name: v.configMap.name, path: [...at, "configMap"], ...only(v.configMap.items) }] : [],
      ...sources.flatMap((src, si) => src.configMap ? [{ name: src.configMap.name, path: [...at, "projected", "sources", si, "configMap"], ...only(src.configMap.items) }] : [])
    ];
    const secrets2 = [
      ...v.secret ? [{ name: v.secret.secretName, path: [...at, "secret"], ...only(v.secret.items) }] : [],
      ...sources.flatMap((src, si) => src.secret ? [{ name: src.secret.name, path: [...at, "projected", "sources", si, "secret"], ...only(src.secret.items) }] : [])
    ];
    const mounted = [...configMaps2.map((m) => ({ ...m, secret: false, found: cmData(m.name) })), ...secrets2.map((m) => ({ ...m, secret: true, found: secretData(m.name) }))];
    for (const m of mounted) {
      if (!m.found) continue;
      const [object, data] = m.found;
      const from = m.secret ? { secret: object } : { configMap: object };
      for (const [key, value] of data) {
        if (!m.keys(key)) continue;
        emit(value, valueContext(key), object.origin, dataPath(object, key), { via: () => originRef(w.origin, m.path), ...from });
      }
    }
  });
  for (const field of ["initContainers", "containers"]) {
    (w.spec?.[field] ?? []).forEach((container, ci) => {
      const base = [...w.specPath, field, ci];
      for (const { cm, labelIndex } of sidecarConfigMaps(container.env, w.ref.namespace, configMaps.values())) {
        for (const [key, value] of configMapFiles(cm)) emit(value, valueContext(key), cm.origin, ["data", key], { via: () => originRef(w.origin, [...base, "env", labelIndex, "value"]), configMap: cm });
      }
      const vars = /* @__PURE__ */ new Map();
      const declared = /* @__PURE__ */ new Set();
      const serviceVarHere = (name) => declared.has(name) ? void 0 : serviceVar(name);
      const imported = [];
      (container.envFrom ?? []).forEach((ef, fi) => {
        const fromSecret = !ef.configMapRef && ef.secretRef ? secretData(ef.secretRef.name) : void 0;
        const found = ef.configMapRef ? cmData(ef.configMapRef.name) : fromSecret;
        if (!found) return;
        const [cm, data] = found;
        const prefix = typeof ef.prefix === "string" ? ef.prefix : "";
        const field2 = fromSecret ? "secretRef" : "configMapRef";
        for (const [key, value] of data) {
          vars.set(`${prefix}${key}`, value);
          declared.add(`${prefix}${key}`);
          imported.push({ cm, key, value, via: () => originRef(w.origin, [...base, "envFrom", fi, field2]), ...fromSecret ? { secret: true } : {} });
        }
      });
      const entries = [];
      const downward = /* @__PURE__ */ new Map();
      const nodeNamed = [];
      const envEntry = (env, ei) => {
        if (typeof env.value === "string") {
          const { value: value2, missing } = expandVarsDetailed(env.value, vars, serviceVarHere);
          vars.set(env.name, value2);
          const context = valueContext(env.name);
          if (missing.length > 0 && context !== "own" && (context === "address" || refInAddress(env.value))) {
            runtimeReference(w, value2, missing, downward, originRef(w.origin, [...base, "env", ei, "value"]), ctx.unresolved);
          }
          entries.push({ name: env.name, value: value2, origin: w.origin, path: [...base, "env", ei, "value"], context });
          return;
        }
        const fieldPath = env.valueFrom?.fieldRef?.fieldPath;
        if (fieldPath !== void 0) {
          const d = downwardField(fieldPath, w.ref);
          if (d.kind === "value") vars.set(env.name, d.value);
          else downward.set(env.name, d);
          if (d.kind === "node" && valueContext(env.name) === "address") nodeNamed.push({ name: env.name, field: d.field, at: originRef(w.origin, [...base, "env", ei, "valueFrom", "fieldRef", "fieldPath"]) });
          return;
        }
        const sref = env.valueFrom?.secretKeyRef;
        if (sref) {
          const fromSecret = secretData(sref.name);
          const value2 = fromSecret?.[1].find(([k]) => k === sref.key)?.[1];
          if (!fromSecret || value2 === void 0) return;
          vars.set(env.name, value2);
          entries.push({ name: env.name, value: value2, origin: fromSecret[0].origin, path: dataPath(fromSecret[0], sref.key), via: () => originRef(w.origin, [...base, "env", ei, "valueFrom", "secretKeyRef"]), cm: fromSecret[0], secret: true, context: valueContext(env.name, sref.key) });
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
          context: valueContext(env.name, ref.key)
        });
      };
      (container.env ?? []).forEach((env, ei) => {
        envEntry(env, ei);
        declared.add(env.name);
      });
      for (const n of nodeNamed) {
        const paired = pairedPorts(n.name, vars);
        const ports = paired.length > 0 ? paired : [void 0];
        for (const p of ports) {
          ctx.unresolved.push({
            workload: w.ref,
            value: `$(${n.field})${p ? ` (${p.name}=${p.port})` : ""}`,
            at: n.at,
            reason: "node-address",
            detail: nodeDetail(n.name, n.field),
            ...p ? { conns: ConnectionSet.port("TCP", Number(p.port)) } : {}
          });
        }
      }
      for (const i of imported) {
        emit(i.value, valueContext(i.key), i.cm.origin, dataPath(i.cm, i.key), { via: i.via, ...i.secret ? { secret: i.cm } : { configMap: i.cm }, ports: pairedPorts(i.key, vars), dnsName: DNS_SETTING_NAME.test(i.key) });
      }
      for (const e of entries) {
        emit(e.value, e.context, e.origin, e.path, { ...e.via ? { via: e.via } : {}, ...e.cm ? e.secret ? { secret: e.cm } : { configMap: e.cm } : {}, ports: pairedPorts(e.name, vars), dnsName: DNS_SETTING_NAME.test(e.name) });
      }
      for (const list of ["command", "args"]) {
        const items = container[list] ?? [];
        items.forEach((arg, ai) => {
          if (typeof arg !== "string") return;
          const prev = ai > 0 ? items[ai - 1] : void 0;
          const flag = typeof prev === "string" && /^--?[a-z0-9][a-z0-9._-]*$/i.test(prev) && !arg.startsWith("-") ? prev : void 0;
          const context = flag && isOwnAddressName(flag) ? "own" : flag && isAddressName(flag) ? "address" : "text";
          const { value, missing } = expandVarsDetailed(arg, vars, serviceVarHere);
          const runtime = missing.filter((m) => downward.has(m) && refAsHost(value, m));
          const undefinedRefs = runtime.length > 0 || context === "own" ? [] : missing.filter((m) => !downward.has(m));
          if (runtime.length > 0 && context !== "own") runtimeReference(w, value, runtime, downward, originRef(w.origin, [...base, list, ai]), ctx.unresolved);
          else if (undefinedRefs.length > 0 && (context === "address" || refInAddress(arg))) runtimeReference(w, value, undefinedRefs, downward, originRef(w.origin, [...base, list, ai]), ctx.unresolved);
          emit(value, context, w.origin, [...base, list, ai]);
        });
      }
    });
  }
  const dapr = ctx.dapr.get(w);
  if (dapr) {
    for (const d of dapr.values) emit(d.value, d.context, d.origin, d.path, { via: d.via });
    ctx.unresolved.push(...dapr.unknown);
  }
}
function configTooLarge(value, origin, path2, notes) {
  const key = `${origin.document.file}\0${origin.document.doc}\0${[...origin.path, ...path2].join(".")}`;
  if (notes.has(key)) return;
  const mb = (value.length / (1024 * 1024)).toFixed(1);
  notes.set(key, diag(Codes.configDocumentTooLarge, "info", `a value of ${mb} MB, over the 1 MB read as a config file: its addresses are read as text only (no host/port pairs)`, originRef(origin, path2)));
}
function podDnsSettings(workloads, ctx) {
  const withEgress = /* @__PURE__ */ new Set([...ctx.links.sources(), ...ctx.self.sources(), ...ctx.unresolved.map((u) => workloadKey(u.workload)), ...ctx.dns.map((u) => workloadKey(u.workload))]);
  for (const w of workloads) {
    const spec = w.spec;
    const nameservers = Array.isArray(spec?.dnsConfig?.nameservers) ? spec.dnsConfig.nameservers : [];
    nameservers.forEach((ns, i) => {
      if (typeof ns !== "string" || parseCidr(ns.trim()) === void 0 || ns.includes("/")) return;
      const path2 = [...w.specPath, "dnsConfig", "nameservers", i];
      const at = () => originRef(w.origin, path2);
      const host = ns.trim().toLowerCase();
      resolveAddress({ c: { host, text: ns.trim(), explicit: true, offset: 0, dnsServer: true }, at: once(at), place: at, dnsSetting: true }, w, ctx);
    });
    const policy = dnsPolicyOf(w);
    const fromNode = policy === "Default";
    if (!fromNode || !(withEgress.has(workloadKey(w.ref)) || nameservers.length > 0)) continue;
    const written = spec?.dnsPolicy === "Default";
    ctx.unresolved.push({
      workload: w.ref,
      value: written ? "dnsPolicy: Default" : "hostNetwork: true",
      at: originRef(w.origin, [...w.specPath, written ? "dnsPolicy" : "hostNetwork"]),
      reason: "node-address",
      detail: `${written ? "dnsPolicy: Default" : "a hostNetwork pod with dnsPolicy ClusterFirst (use ClusterFirstWithHostNet for the cluster DNS)"} resolves names through its node's resolvers (the node's resolv.conf), whose addresses the manifests do not hold; the DNS rule to the cluster DNS does not reach them`,
      conns: dnsPorts(53)
    });
  }
}
function dnsPolicyOf(w) {
  const spec = w.spec;
  const written = spec?.dnsPolicy;
  if (written === "Default" || written === "None") return written;
  if (written === "ClusterFirstWithHostNet") return spec?.hostNetwork === true ? "ClusterFirstWithHostNet" : "ClusterFirst";
  return spec?.hostNetwork === true ? "Default" : "ClusterFirst";
}
function resolvesThroughClusterDns(w) {
  const policy = dnsPolicyOf(w);
  return policy === "ClusterFirst" || policy === "ClusterFirstWithHostNet";
}
function nodeDetail(name, field) {
  return `$(${name}) is the node's address (${field}): an agent on the node (hostNetwork or a hostPort); policies reach node addresses only through ipBlocks, and the manifests do not hold the nodes' CIDR`;
}
function runtimeReference(w, value, missing, downward, at, unresolved) {
  const node = missing.find((m) => downward.get(m)?.kind === "node");
  if (node !== void 0) {
    const port = portAfterRef(value, node);
    unresolved.push({ workload: w.ref, value, at, reason: "node-address", detail: nodeDetail(node, downward.get(node).field), ...port !== void 0 ? { conns: ConnectionSet.port("TCP", port) } : {} });
    return;
  }
  if (missing.some((m) => downward.get(m)?.kind === "own")) return;
  const first = missing[0];
  const d = downward.get(first);
  unresolved.push({
    workload: w.ref,
    value,
    at,
    reason: "undefined-variable",
    detail: d ? `$(${first}) is the pod's ${d.field} (Downward API), known only at run time` : `$(${first}) is defined neither by this container (for an env value, by an earlier entry) nor by the kubelet's Service variables, so Kubernetes leaves it as written`
  });
}
function configMapFiles(cm) {
  return Object.entries(cm.object.data ?? {}).filter((e) => typeof e[1] === "string" && !/(^|[._-])known_hosts$/i.test(e[0])).sort(([a], [b]) => compareStrings(a, b));
}
function lineOf(origin, path2, value, offset, docLines) {
  const before = value.slice(0, offset);
  const index = before.split("\n").length - 1;
  const valueLine = (value.split("\n")[index] ?? "").trim();
  if (valueLine === "") return originRef(origin, path2);
  return locate(origin.document, [...origin.path, ...path2], (doc, at) => {
    if (at.line === void 0) return at;
    let lines = docLines.get(doc);
    if (!lines) {
      lines = doc.text.split("\n");
      docLines.set(doc, lines);
    }
    const first = at.line - doc.startLine;
    const exact = lines[first + 1 + index];
    if (index > 0 && exact !== void 0 && exact.includes(valueLine)) {
      return { ...at, line: doc.startLine + first + 1 + index, column: exact.indexOf(valueLine) + 1 + (offset - before.lastIndexOf("\n") - 1) - value.split("\n")[index].indexOf(valueLine) };
    }
    for (let j = Math.max(first, 0); j < lines.length && j <= first + index + 2 + (value.match(/\n\s*\n/g)?.length ?? 0); j++) {
      const col = lines[j].indexOf(valueLine);
      if (col >= 0 && (j > first || index === 0)) return { ...at, line: doc.startLine + j, column: col + 1 + (offset - before.lastIndexOf("\n") - 1) - value.split("\n")[index].indexOf(valueLine) };
    }
    return at;
  });
}
function resolveAddress(found, w, ctx) {
  const aliased = hostAlias(w.spec, found.c.host) ?? ipv4Mapped(found.c.host);
  if (aliased !== void 0) return resolveAddress({ ...found, c: { ...found.c, host: aliased } }, w, ctx);
  const f = found.dnsSetting && found.c.port === void 0 ? { ...found, c: { ...found.c, port: "53" } } : found;
  const { c, at, via } = f;
  const { services, links, unresolved, values } = ctx;
  const src = { kind: "workload", ref: w.ref };
  const port = c.port !== void 0 && /^\d+$/.test(c.port) ? Number(c.port) : void 0;
  const gapConns = port !== void 0 && port >= 1 && port <= 65535 ? { conns: ConnectionSet.port("TCP", port) } : {};
  const outsidePort = port ?? schemePort(c.scheme);
  const outsideConns = outsidePort !== void 0 ? { conns: ConnectionSet.port("TCP", outsidePort) } : gapConns;
  const report = (reason, detail, namespace, conns = gapConns) => {
    const where = at();
    const traced = values.length > 0 ? traceValue(where, c, values) : void 0;
    unresolved.push({ workload: w.ref, value: shownValue(f), at: where, ...via ? { via: via() } : {}, reason, detail, ...conns, ...namespace !== void 0 ? { namespace } : {}, ...traced ? { traced } : {} });
  };
  const add = (dst, conns, service) => {
    const own = dst.kind === "workload" && workloadKey(dst.ref) === workloadKey(w.ref);
    (own ? ctx.self : links).add(src, dst, conns, ctx.evidenceLines ? evidence(f, service, values) : placedEvidence(f, service));
    if (f.configMap) {
      const s = ctx.sharing.get(f.configMap.key) ?? { origin: f.configMap.origin, workloads: /* @__PURE__ */ new Set() };
      s.workloads.add(workloadKey(w.ref));
      ctx.sharing.set(f.configMap.key, s);
    }
  };
  if (isLocalAddress(c.host)) return;
  if (port !== void 0 && (port < 1 || port > 65535)) {
    report("no-such-port", `port ${c.port} is outside 1-65535`);
    return;
  }
  const dnsUse = () => ctx.dns.push({ workload: w.ref, evidence: ctx.evidenceLines ? evidence(f, void 0, values) : placedEvidence(f, void 0) });
  const ipLiteral = isIpLiteral(c.host);
  const byClusterIp = ipLiteral ? serviceByClusterIp(c.host, services, ctx) : void 0;
  if (ipLiteral && !byClusterIp) {
    const range = parseCidr(c.host);
    if (range && (port === void 0 || port === 53) && f.dnsSetting && ctx.serviceCidrs.some((s) => rangeContains(s, range))) {
      dnsUse();
      return;
    }
    if (isClusterDnsAddress(c.host, port, f.dnsSetting === true)) {
      dnsUse();
      if (range) add({ kind: "external", range }, dnsPorts(port ?? 53), void 0);
      return;
    }
    if (!range) return;
    if (isLinkLocalAddress(c.host) && !f.dnsSetting) {
      report("node-address", `${c.host} is a link-local address, answered on the pod's own node (a cloud's instance metadata service at 169.254.169.254, a node-local agent or cache), never by a workload of the manifests; if the workload calls it, a reviewed link to it`, void 0, { ...outsideConns, range });
      return;
    }
    add({ kind: "external", range }, f.dnsSetting && port !== void 0 ? dnsPorts(port) : outsidePort !== void 0 && !f.dnsSetting ? ConnectionSet.port("TCP", outsidePort) : ConnectionSet.ALL, void 0);
    return;
  }
  const target = byClusterIp ?? serviceFor(c.host, w.ref.namespace, services);
  if (isApiServerHost(c.host, w.ref.namespace) && (!target || target.key === "default/kubernetes")) {
    report("api-server", `${c.host} is the Kubernetes API server; an egress rule needs the cluster's API server address, which the manifests do not hold`);
    return;
  }
  if (!target && isClusterDnsHost(c.host) && (port === void 0 || port === 53)) {
    dnsUse();
    return;
  }
  if (!target) {
    if (c.fileLike) return;
    if (isOwnPublicHost(ctx.publicHosts, c.host, w, f.urlPath?.())) return;
    if (looksExternalHost(c.host) && c.printed) return;
    if (looksExternalHost(c.host)) report("external-hostname", `${c.host} is outside the cluster; NetworkPolicy cannot name hosts, only address blocks`, void 0, outsideConns);
    else if (c.explicit) report("no-such-service", `no Service matches ${c.host}`, namedNamespace(c.host, w.ref.namespace));
    return;
  }
  const inCluster = target.entries.filter((e) => e.object.spec?.type !== "ExternalName");
  if (inCluster.length === 0) {
    const name = target.entries[0].object.spec.externalName;
    const alias = typeof name === "string" ? clusterServiceName(name) : void 0;
    if (alias !== void 0 && (f.cnames ?? 0) < MAX_CNAMES) return resolveAddress({ ...f, c: { ...c, host: alias }, cnames: (f.cnames ?? 0) + 1 }, w, ctx);
    report("external-hostname", `Service ${target.key} is an ExternalName for ${typeof name === "string" ? name : "?"}, outside the cluster; NetworkPolicy cannot name hosts`, void 0, outsideConns);
    return;
  }
  const schemeDial = c.port === void 0 ? clientDefaultPort(c.scheme) : void 0;
  if (schemeDial !== void 0 && inCluster.some((e) => e.object.spec?.clusterIP !== "None" && (e.object.spec?.ports ?? []).some((sp) => sp.port === schemeDial && (sp.protocol ?? "TCP") === "TCP"))) {
    return resolveAddress({ ...f, c: { ...c, port: String(schemeDial) } }, w, ctx);
  }
  const withPort = inCluster.map((svc) => ({ svc, all: svc.object.spec?.ports ?? [] })).map((d) => ({ ...d, ports: d.all.filter((sp) => c.port === void 0 || String(sp.port) === c.port || (sp.name ?? void 0) === c.port) })).filter((d) => d.ports.length > 0);
  const headless = inCluster.every((e) => e.object.spec?.clusterIP === "None");
  const manual = inCluster.some((e) => !hasSelector(e)) ? ctx.endpoints.get(target.key) : void 0;
  if (manual && headless) {
    const named = withPort.flatMap((d) => d.ports).find((sp) => sp.name === c.port);
    const dialed = port ?? named?.port;
    const conns = dialed !== void 0 ? ConnectionSet.port(named?.protocol ?? "TCP", dialed) : manual.flatMap((e) => e.ports).reduce((acc, p) => acc.union(ConnectionSet.port(p.protocol, p.port)), ConnectionSet.NONE);
    if (!conns.isEmpty) {
      for (const t of dialedTargets(manual, conns)) add({ kind: "external", range: t.range }, t.conns, target.key);
      return;
    }
  }
  const slices = target.pod === void 0 && inCluster.some(hasSelector) ? endpointsFromSlices(ctx.endpoints.get(target.key)) : [];
  if (headless && inCluster.every(hasSelector)) {
    const dials = inCluster.flatMap((svc) => {
      const dial = headlessDial(svc.object.spec?.ports ?? [], c.port, clientDefaultPort(c.scheme));
      return dial ? [{ svc, dial }] : [];
    });
    if (dials.length === 0) {
      if (c.explicit) report("no-such-port", `Service ${target.key} has no port ${c.port}`);
      return;
    }
    const sliced = dials.flatMap(
      ({ dial }) => dial.kind === "srv" ? dial.ports.flatMap((sp) => manualTargets(slices, { name: sp.name ?? "", protocol: sp.protocol ?? "TCP" })) : dialedTargets(slices, dial.conns)
    );
    for (const t of sliced) add({ kind: "external", range: t.range }, t.conns, target.key);
    if (dials.every((d) => d.svc.workloads.length === 0)) {
      if (sliced.length === 0) report("no-endpoints", `Service ${target.key} selects no workload in the manifests`);
      return;
    }
    for (const d of dials) reachHeadless(f, w, ctx, target.key, { ...d, workloads: podOwners(d.svc.workloads, target.pod) }, add);
    return;
  }
  if (withPort.length === 0 && port !== void 0 && headless) {
    const owners = [...new Set(inCluster.flatMap((e) => podOwners(e.workloads, target.pod)))];
    if (owners.length === 0) report("no-endpoints", `Service ${target.key} selects no workload in the manifests`);
    for (const dw of owners) add({ kind: "workload", ref: dw.ref }, ConnectionSet.port("TCP", port), target.key);
    return;
  }
  if (withPort.length === 0) {
    if (!c.explicit) return;
    report("no-such-port", `Service ${target.key} has no port ${c.port}`);
    return;
  }
  const reaching = withPort.filter((d) => d.svc.workloads.length > 0);
  const selectorless = manual ? withPort.filter((d) => !hasSelector(d.svc)).flatMap((d) => d.ports) : [];
  const written = [
    ...manual ? selectorless.flatMap((sp) => manualTargets(manual, { name: sp.name ?? "", protocol: sp.protocol ?? "TCP" })) : [],
    // the hand-written slices of a Service with a selector, paired with its ports as kube-proxy pairs them: by name and protocol
    ...withPort.filter((d) => hasSelector(d.svc)).flatMap((d) => d.ports.flatMap((sp) => manualTargets(slices, { name: sp.name ?? "", protocol: sp.protocol ?? "TCP" })))
  ];
  for (const t of written) add({ kind: "external", range: t.range }, t.conns, target.key);
  if (reaching.length === 0) {
    if (written.length > 0) return;
    const names = [...new Set(selectorless.map((sp) => `${JSON.stringify(sp.name ?? "")}/${sp.protocol ?? "TCP"}`))].join(", ");
    report("no-endpoints", manual ? `the Endpoints of Service ${target.key} list no port ${names} (paired by name and protocol)` : `Service ${target.key} selects no workload in the manifests`);
    return;
  }
  for (const d of reaching) reachService(f, w, ctx, target.key, { ...d, workloads: podOwners(d.svc.workloads, target.pod) }, add);
}
var hasSelector = (e) => Object.keys(e.object.spec?.selector ?? {}).length > 0;
function podOwners(workloads, pod) {
  if (pod === void 0) return workloads;
  const named = workloads.filter(
    (dw) => dw.ref.kind === "StatefulSet" && pod.startsWith(`${dw.ref.name}-`) && /^\d+$/.test(pod.slice(dw.ref.name.length + 1)) || dw.spec?.hostname === pod
  );
  return named.length > 0 ? named : workloads;
}
function reachHeadless(f, w, ctx, service, definition, add) {
  const { svc, dial, workloads } = definition;
  const all = svc.object.spec?.ports ?? [];
  const client = workloadKey(w.ref);
  if (dial.kind === "service-port") {
    warnPortChoice(f, w, ctx, service, all);
    const remapped = remappedPorts(all, workloads);
    const key = `headless\0${client}\0${service}`;
    if (remapped.length > 0 && !ctx.portChoices.has(key)) {
      const numbers = remapped.map((sp) => `${sp.port} (targetPort ${String(sp.targetPort)})`).join(", ");
      ctx.portChoices.set(
        key,
        diag(
          Codes.headlessPortGuessed,
          "warning",
          `${JSON.stringify(f.c.text)} names headless Service ${service} without a port: its name resolves to the pods' own addresses and no proxy maps ports, so ${client} dials its own default port, read as the Service port ${numbers}`,
          f.at(),
          "write the port in the address, or make the Service port equal its targetPort"
        )
      );
    }
  }
  for (const dw of workloads) {
    const conns = dialedConns(dial, dw);
    if (conns.isEmpty) continue;
    add({ kind: "workload", ref: dw.ref }, conns, service);
    const missing = dial.kind === "srv" ? ConnectionSet.NONE : undeclared(conns, dw);
    const key = `headless-port\0${client}\0${service}\0${workloadKey(dw.ref)}\0${missing.toString()}`;
    if (missing.isEmpty || ctx.portChoices.has(key)) continue;
    const i = all.findIndex((sp) => missing.allows(sp.protocol ?? "TCP", sp.port));
    ctx.portChoices.set(
      key,
      diag(
        Codes.headlessPortNotDeclared,
        "warning",
        `Service ${service} is headless: its name resolves to the pods' own addresses, so ${client} reaches ${workloadKey(dw.ref)} on ${missing.toString()} as dialed (no proxy applies a targetPort), a port no container of ${workloadKey(dw.ref)} declares`,
        originRef(svc.origin, i >= 0 ? ["spec", "ports", i, "port"] : ["metadata", "name"]),
        "have the client dial the port the container serves, or make the Service port equal its targetPort"
      )
    );
  }
}
function warnPortChoice(f, w, ctx, service, all) {
  const { c, at } = f;
  if (c.port !== void 0 || all.length < 2) return;
  const key = `${workloadKey(w.ref)}\0${service}`;
  if (ctx.portChoices.has(key)) return;
  ctx.portChoices.set(
    key,
    diag(
      Codes.addressWithoutPort,
      "warning",
      `${JSON.stringify(c.text)} names Service ${service} without a port; it has ${all.length} ports (${all.map((sp) => sp.name ? `${sp.name}/${sp.port}` : String(sp.port)).join(", ")}), so ${workloadKey(w.ref)} may reach all of them`,
      at(),
      "write the port in the address (host:port) or review the link in a links file"
    )
  );
}
function reachService(f, w, ctx, service, definition, add) {
  const { all, ports, workloads } = definition;
  warnPortChoice(f, w, ctx, service, all);
  for (const dw of workloads) {
    const conns = targetConns(ports, dw.pods);
    if (!conns.isEmpty) add({ kind: "workload", ref: dw.ref }, conns, service);
  }
}
function duplicateServiceWarnings(services) {
  const out = [];
  for (const [key, entries] of [...services].sort(([a], [b]) => compareStrings(a, b))) {
    if (entries.length < 2) continue;
    const places = entries.map((e) => originRef(e.origin, ["metadata", "name"])).map((at) => `${at.file}:${at.line ?? "?"}`);
    for (const e of entries.slice(1)) {
      out.push(
        diag(
          Codes.duplicateObject,
          "warning",
          `Service ${key} is defined more than once (${places.join(", ")}); an address that names it gets links to the workloads of every definition`,
          originRef(e.origin, ["metadata", "name"]),
          "keep one definition, or rename one of the Services"
        )
      );
    }
  }
  return out;
}
var DNS_SETTING_NAME = /(?:^|_)(?:RESOLVERS?|NAMESERVERS?|DNS_?SERVERS?)$/i;
var DNS_SETTING = /(?:^|[\s;{"'])(?:resolvers?|nameservers?(?:\s+[\w.-]+)?|dns[_-]?servers?|--dns(?:-server)?)\s*[:=]?\s*$/i;
function dnsPorts(port) {
  return ConnectionSet.port("UDP", port).union(ConnectionSet.port("TCP", port));
}
function isClusterDnsAddress(host, port, dnsSetting) {
  if (!(port === 53 || port === void 0 && dnsSetting)) return false;
  const range = parseCidr(host);
  if (!range) return false;
  if (range.family === 6) {
    return range.lo >> 121n === 0x7en && (range.lo & 0xffffn) === 0xan && (range.lo >> 16n & 0xffffn) === 0n;
  }
  const m = /^(\d+)\.(\d+)\.\d+\.10$/.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 10 || a === 172 && b >= 16 && b <= 31 || a === 192 && b === 168;
}
function sortedDnsUses(uses) {
  const at = (u) => u.evidence.kind === "address" ? u.evidence.at : void 0;
  const via = (u) => u.evidence.kind === "address" && u.evidence.via ? `${u.evidence.via.file}\0${u.evidence.via.doc}\0${(u.evidence.via.path ?? []).join(".")}` : "";
  const key = (u) => `${workloadKey(u.workload)}\0${at(u)?.file ?? ""}\0${String(at(u)?.doc ?? 0).padStart(9, "0")}\0${String(at(u)?.line ?? 0).padStart(9, "0")}\0${u.evidence.kind === "address" ? u.evidence.value : ""}\0${(at(u)?.path ?? []).join(".")}\0${via(u)}`;
  const seen = /* @__PURE__ */ new Map();
  for (const u of uses) if (!seen.has(key(u))) seen.set(key(u), u);
  return [...seen.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, u]) => u);
}
function isClusterDnsHost(host) {
  return /^(kube-dns|coredns)\.kube-system(\.svc(\.[a-z0-9-]+(\.[a-z0-9-]+)*)?)?\.?$/i.test(host);
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
      value: shownValue(f),
      ...f.via ? { via: f.via() } : {},
      ...f.configMap ? { configMap: f.configMap.key } : {},
      ...f.secret ? { secret: f.secret } : {},
      ...service ? { service } : {},
      ...traced ? { traced } : {}
    };
  }
  const ev = { kind: "address" };
  lazyField(ev, "at", f.at);
  ev.value = shownValue(f);
  if (f.via) lazyField(ev, "via", f.via);
  if (f.configMap) ev.configMap = f.configMap.key;
  if (f.secret) ev.secret = f.secret;
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
  return { kind: "address", at: f.place(), value: shownValue(f), ...f.configMap ? { configMap: f.configMap.key } : {}, ...f.secret ? { secret: f.secret } : {}, ...service ? { service } : {} };
}
function shownValue(f) {
  return f.secret ? `${f.c.host}${f.c.port !== void 0 ? `:${f.c.port}` : ""}` : f.c.text;
}
function secretAsConfigMap(o) {
  const data = {};
  for (const [k, v] of Object.entries(o.object.data ?? {})) {
    if (typeof v !== "string" || !/^[A-Za-z0-9+/=\s]*$/.test(v)) continue;
    const text = Buffer.from(v, "base64").toString("utf8");
    if (!text.includes("�")) data[k] = text;
  }
  for (const [k, v] of Object.entries(o.object.stringData ?? {})) if (typeof v === "string") data[k] = v;
  return { kind: "ConfigMap", apiVersion: o.apiVersion, object: { ...o.object, data }, origin: o.origin };
}
function dataPath(cm, key) {
  const written = cm.object.stringData;
  return written !== null && typeof written === "object" && typeof written[key] === "string" ? ["stringData", key] : ["data", key];
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
function withoutClusterSuffix(host) {
  let h = host;
  let suffixed = false;
  for (const s of CLUSTER_SUFFIXES) {
    if (h.endsWith(s)) {
      h = h.slice(0, -s.length);
      suffixed = true;
    }
  }
  return { h, suffixed };
}
function namedNamespace(host, namespace) {
  const { h, suffixed } = withoutClusterSuffix(host);
  const parts = h.split(".");
  const ns = parts.length === 2 ? parts[1] : parts.length === 3 && suffixed ? parts[2] : void 0;
  return ns !== void 0 && ns !== namespace && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(ns) ? ns : void 0;
}
function serviceAddresses(o) {
  const spec = o.spec ?? {};
  const ingress = (o.status ?? {}).loadBalancer?.ingress;
  const list = (v) => Array.isArray(v) ? v : [];
  return [
    spec.clusterIP,
    ...list(spec.clusterIPs),
    ...list(spec.externalIPs),
    spec.loadBalancerIP,
    ...list(ingress).flatMap((i) => i !== null && typeof i === "object" && i.ipMode !== "Proxy" ? [i.ip] : [])
  ];
}
function serviceByClusterIp(ip, services, ctx) {
  if (ctx.clusterIps === void 0) {
    const index = /* @__PURE__ */ new Map();
    for (const [key2, entries2] of services) {
      for (const e of entries2) {
        const ips = serviceAddresses(e.object);
        for (const v of ips) if (typeof v === "string" && v !== "None" && v !== "" && !index.has(v.toLowerCase())) index.set(v.toLowerCase(), key2);
      }
    }
    ctx.clusterIps = index;
  }
  const key = ctx.clusterIps.get(ip.toLowerCase());
  const entries = key !== void 0 ? services.get(key) : void 0;
  return key !== void 0 && entries ? { key, entries } : void 0;
}
function serviceFor(host, namespace, services) {
  const { h, suffixed } = withoutClusterSuffix(host);
  const parts = h.split(".");
  const headlessPod = () => {
    if (suffixed || parts.length !== 2 && parts.length !== 3) return void 0;
    const headlessKey = `${parts[2] ?? namespace}/${parts[1]}`;
    const headless = (services.get(headlessKey) ?? []).filter((e) => e.object.spec?.clusterIP === "None");
    return headless.length > 0 ? { key: headlessKey, entries: headless, pod: parts[0] } : void 0;
  };
  const first = parts.length === 2 ? headlessPod() : void 0;
  if (first) return first;
  const key = parts.length === 1 ? `${namespace}/${parts[0]}` : parts.length === 2 ? `${parts[1]}/${parts[0]}` : parts.length === 3 && suffixed ? `${parts[2]}/${parts[1]}` : void 0;
  const entries = key ? services.get(key) : void 0;
  if (key && entries) return { key, entries, ...parts.length === 3 ? { pod: parts[0] } : {} };
  return parts.length === 3 ? headlessPod() : void 0;
}
function addExposures(cluster, services, links) {
  const warnings = [];
  const expose = (src, ns, name, port, kind, object, at) => {
    at = once(at);
    for (const svc of services.get(`${ns}/${name}`) ?? []) {
      const picked = backendServicePorts(svc.object.spec?.ports ?? [], port, kind);
      if (picked.byTargetPort) warnings.push(backendByTargetPortWarning(object, port, name, at()));
      const ports = picked.ports;
      for (const w of svc.workloads) {
        const reached = targetConns(ports, w.pods);
        const conns = src.kind === "ingress-controller" ? reached.intersect(ConnectionSet.of("TCP")) : reached;
        if (!conns.isEmpty) links.add(src, { kind: "workload", ref: w.ref }, conns, exposureEvidence(object, at));
      }
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
        const svc = services.get(`${ns}/${o.object.metadata.name}`)?.find((e) => e.object === o.object);
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
  /** The workload keys with a link from them. */
  sources() {
    const out = [];
    for (const l of this.map.values()) if (l.src.kind === "workload") out.push(workloadKey(l.src.ref));
    return out;
  }
  sorted() {
    for (const l of this.map.values()) if (l.evidence.length > 1) l.evidence.sort(compareEvidence);
    return [...this.map.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, l]) => l);
  }
};
function compareEvidence(a, b) {
  const at = (e) => "at" in e ? e.at : void 0;
  const x = at(a);
  const y = at(b);
  return compareStrings(x?.file ?? "", y?.file ?? "") || (x?.doc ?? 0) - (y?.doc ?? 0) || (x?.line ?? 0) - (y?.line ?? 0) || compareStrings(evidenceText(a), evidenceText(b));
}
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
  DAPR_INVOCATION,
  daprInvocationTargets,
  selfLinks,
  dnsUsesByWorkload,
  evidenceText,
  scanTopology,
  resolvesThroughClusterDns
};
