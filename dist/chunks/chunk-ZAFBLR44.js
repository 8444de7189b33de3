import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);

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

export {
  isAddressName,
  findAddressesIn,
  findAddresses,
  looksExternalHost,
  isLocalAddress,
  isIpLiteral,
  evidenceText
};
