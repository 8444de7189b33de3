import { parseCidr } from '../model/ip.js';
import { printedText } from './printed-text.js';

/**
 * Finds network addresses inside configuration strings: `svc`, `svc.ns`, `svc.ns.svc`,
 * `svc.ns.svc.cluster.local`, with an optional scheme (`http://`, `redis://`,
 * `postgres://user:pw@`), an optional `:port` (number or name) and a path, also inside longer
 * strings such as comma-separated lists or JDBC URLs. Recognising *which* Service a host names
 * happens in scan.ts; this module only tokenises.
 */
export interface AddressCandidate {
  /** The host as written, lower-cased. */
  readonly host: string;
  /** The port as written (a number or a port name), if any. */
  readonly port?: string;
  readonly scheme?: string;
  /** The exact text that was matched. */
  readonly text: string;
  /**
   * Whether the text is clearly meant as a network address (a scheme, a port, a cluster DNS
   * suffix or an IP): such a candidate that resolves to nothing is reported as unresolved.
   */
  readonly explicit: boolean;
  /**
   * A two-label name ending in a file type (`run.sh`, `app.py`): a file named in a command as much
   * as a Service in a namespace (`orders.py` is Service `orders` of namespace `py`). It is a link
   * where a Service resolves, and nothing otherwise: neither a gap nor an outside host.
   */
  readonly fileLike?: true;
  /** Where the match starts in the value (for the line of a multi-line value). */
  readonly offset: number;
  /**
   * Named as a DNS server by a setting (nginx's `resolver`, resolv.conf's `nameserver`): spoken to
   * on DNS's ports, UDP and TCP (53 unless the setting writes another).
   */
  readonly dnsServer?: true;
  /**
   * Printed by a script's `echo` or `printf` to its output (printed-text.ts): a message's URL ("file
   * an issue at https://...") or configuration, should stdout be a file. A link where a Service of
   * the manifests answers (a silently dropped in-cluster call is a blocked one); never an
   * outside-host gap.
   */
  readonly printed?: true;
}

/**
 * Where a value stands decides what in it may be an address:
 * - `address`: the whole value is meant as an address list (an env var named like `*_HOST`,
 *   `*_ADDR`, `*_URL`, `*_ENDPOINT`, `*_SERVICE`, a ConfigMap key named so, a `--flag=` whose
 *   name says host/addr/url...): bare names count;
 * - `text`: anything else (scripts, JSON documents, descriptions, other env vars): only forms
 *   that can only be addresses count: a URL with a scheme, `host:port` with a numeric port (or a
 *   port name that the Service declares), a cluster DNS name (`*.svc`, `*.svc.cluster.local`),
 *   an IP literal, a value that is exactly one dotted host name (or all of a `--flag=`, `key=` or
 *   `key:` value, when it is no public host name), `--flag=host` with an address-like flag name,
 *   and `nc|telnet host port`; an address may follow a `key:` prefix. A bare word is never a link;
 * - `own`: the workload's own address, where it listens or what it announces to its peers (an env
 *   var, key or flag named like `LISTEN_ADDR`, `--bind-address`, `--advertise-client-urls`,
 *   `KAFKA_ADVERTISED_LISTENERS`, `VIRTUAL_IP`): never a destination, so nothing counts.
 */
export type ValueContext = 'address' | 'text' | 'own';

const ADDRESS_NAME = /(?:^|[._-])(?:host|hosts|hostname|addr|address|addrs|addresses|url|urls|uri|uris|endpoint|endpoints|service|services|svc|server|servers|broker|brokers|bootstrap[._-]?servers|dsn|upstream|upstreams|backend|backends|target|peers?)(?:[._-]?\d+)?$/i;

/** Whether an env var name, ConfigMap key or flag name announces an address (`REDIS_ADDR`, `db.host`, `--upstream`). */
export function isAddressName(name: string): boolean {
  return ADDRESS_NAME.test(name.replace(/^-+/, ''));
}

// the own word ends the name, alone or before what it qualifies (`LISTEN_ADDR`, `--listen-client-urls`,
// `ADVERTISED_LISTENERS`); `LISTEN_QUEUE_URL` (a queue the workload consumes from) is a destination
const OWN_ADDRESS_NAME =
  /(?:^|[._-])(?:(?:listen|bind|advertised?)(?:[._-]?(?:client|peer|peers|http|https|grpc|metrics|api|public|private))?(?:[._-]?(?:addr|address|addresses|host|hostname|ip|url|urls|port|listeners?))?|listeners|virtual[._-]?ips?)$/i;

/** Whether a name announces the workload's own address (`LISTEN_ADDR`, `--bind-address`, `--advertise-client-urls`, `VIRTUAL_IP`). */
export function isOwnAddressName(name: string): boolean {
  return OWN_ADDRESS_NAME.test(name.replace(/^-+/, ''));
}

/** The context of a value stored under these names (an env var and the ConfigMap key it reads, say); see ValueContext. */
export function valueContext(...names: readonly string[]): ValueContext {
  if (names.some(isOwnAddressName)) return 'own';
  return names.some(isAddressName) ? 'address' : 'text';
}

const FLAG = /(?:^|\s)(--?[a-z0-9][a-z0-9._-]*)=(\S+)/gi;
/**
 * A key=value connection string (ADO.NET/Npgsql, SQL Server, ODBC: `Host=db;Port=5432;Database=x`,
 * `Server=tcp:db,1433;...`; libpq: `host=db port=5432 dbname=x`): the host key and its value. The
 * value is an address only where the string holds another `key=value` pair (see connectionString).
 */
const CONN_HOST = /(?<=^|[;\s])(host|hostname|server|data source|address|addr)\s*=\s*([^;\s]+)/gi;
const CONN_PORT = /(?<=^|[;\s])port\s*=\s*(\d{1,5})(?=$|[;\s])/i;
const CONN_PAIRS = /(?<=^|[;\s])[a-z][a-z ]*?\s*=\s*[^;\s]*/gi;

/**
 * The DNS servers a configuration names, as the programs that read it define the setting; a word
 * of free text (`the nameserver is set by the platform`, `resolver_timeout 5s`, `nameserver: auto`)
 * names none:
 * - nginx's `resolver address ... [valid=time] [ipv4=on|off] [ipv6=on|off] [status_zone=zone];`
 *   (https://nginx.org/en/docs/http/ngx_http_core_module.html#resolver): a statement at the start
 *   of a line (or after `;`, `{`, `}`), ended by `;` or the line's end, whose every word is an
 *   address (an IP, IPv6 in brackets when a port follows, or a dotted host name, each with an
 *   optional port) or one of those parameters;
 * - resolv.conf's `nameserver address` (man 5 resolv.conf: an IP address, IPv4 or IPv6, alone on its line);
 * - HAProxy's `nameserver <id> <ip>[:port]` in a `resolvers` section.
 */
const RESOLVER_STATEMENT = /(?:^|[;{}])[ \t]*resolver[ \t]+([^;{}\n#]*?)[ \t]*(?=;|\n|$)/gm;
const RESOLVER_PARAM = /^(?:valid|ipv4|ipv6|status_zone)=\S+$/i;
const NAMESERVER_LINE = /^[ \t]*nameserver[ \t]+(?:([a-z0-9_.-]+)[ \t]+)?(\S+)[ \t]*(?:#[^\n]*)?$/gim;
const ADDRESS_WITH_PORT = /^(?:\[([0-9a-f:.]+)\]|([^\s:[\]]+))(?::(\d{1,5}))?$/i;
const DNS_HOST_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+\.?$/i;

/** One word of a DNS server setting as an address: `ip`, `ip:port`, `[v6]:port`, a bare IPv6, or (where names are allowed) `name[:port]`. */
function dnsServerWord(word: string, offset: number, namesAllowed: boolean): AddressCandidate | undefined {
  // a bare IPv6 address (resolv.conf's `nameserver fd00:10:96::a`, a link-local one with its `%zone`)
  const bare = word.replace(/%[\w.-]+$/, '');
  if (parseCidr(bare)?.family === 6 && !bare.includes('/')) return { host: bare.toLowerCase(), text: word, explicit: true, offset, dnsServer: true };
  const m = ADDRESS_WITH_PORT.exec(word);
  if (!m) return undefined;
  const host = (m[1] ?? m[2] ?? '').toLowerCase().replace(/\.$/, '');
  const ip = parseCidr(host) !== undefined && !host.includes('/') && (m[1] === undefined) === !host.includes(':');
  // a host name has a letter in its last label (`1.2` is a version) and is no file (`config.yaml`)
  const name = namesAllowed && m[1] === undefined && DNS_HOST_NAME.test(host) && /[a-z]/i.test(host.slice(host.lastIndexOf('.') + 1)) && !(FILE_NAME.test(host) && host.split('.').length === 2);
  if (!ip && !name) return undefined;
  return { host, ...(m[3] !== undefined ? { port: m[3] } : {}), text: word, explicit: true, offset: offset + (m[1] !== undefined ? 1 : 0), dnsServer: true };
}

/** The DNS servers the settings of a value name (see RESOLVER_STATEMENT). */
function dnsServerSettings(value: string): AddressCandidate[] {
  const out: AddressCandidate[] = [];
  if (value.includes('resolver')) {
    for (const m of value.matchAll(RESOLVER_STATEMENT)) {
      const body = m[1] as string;
      const bodyStart = (m.index ?? 0) + m[0].length - body.length;
      const found: AddressCandidate[] = [];
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
  if (value.includes('nameserver')) {
    for (const m of value.matchAll(NAMESERVER_LINE)) {
      const word = m[2] as string;
      // resolv.conf's address has no port; HAProxy's `nameserver <id> <ip>[:port]` may
      const c = dnsServerWord(word, (m.index ?? 0) + m[0].lastIndexOf(word), false);
      if (c && (m[1] !== undefined || c.port === undefined)) out.push(c);
    }
  }
  return out;
}

/** A resolv.conf line that names no host: `search a.svc.cluster.local svc.cluster.local`, `options ndots:5 timeout:2`. */
const RESOLV_CONF_DIRECTIVE = /^[ \t]*(?:search|domain|options|sortlist)[ \t]+[^\n]*$/gm;

/** An nginx upstream block's name: `upstream core {`. */
const UPSTREAM_BLOCK = /(?:^|[\s;{}])upstream[ \t]+([a-z0-9_][a-z0-9_.-]*)[ \t]*\{/gi;

// options before the host may carry a number, attached or apart (`-w2`, `-w 2`: netcat's timeout)
const NC = /\b(?:nc|ncat|netcat|telnet)\b(?:\s+-[a-z]+\d*(?:\s+\d+(?=\s))?)*\s+([a-z0-9][a-z0-9.-]*)\s+(\d{1,5})\b/gi;

/** The candidates of a value, as its context allows (see ValueContext). */
export function findAddressesIn(value: string, context: ValueContext): AddressCandidate[] {
  if (context === 'own') return [];
  const found = findAddressesAnywhere(value, context);
  if (!value.includes('\n')) return found;
  // a configuration file's comment lines (`#` in redis.conf, nginx.conf, shell, YAML; `//` in JSON
  // with comments) are no part of what the program does: a documentation URL or an upstream commented out is no destination
  const comments = commentLines(value);
  const inside = (spans: readonly (readonly [number, number])[], c: AddressCandidate) => spans.some(([from, to]) => c.offset >= from && c.offset < to);
  const kept = comments.length === 0 ? found : found.filter((c) => !inside(comments, c));
  // what a script's echo prints may be a message or configuration: marked, and judged where it resolves
  const printed = printedText(value);
  return printed.length === 0 ? kept : kept.map((c) => (inside(printed, c) ? { ...c, printed: true as const } : c));
}

/** The [start, end) offsets of the lines of a text that are comments: `#` (conf, shell, YAML) or `//` (JSON with comments, C-like) first. */
function commentLines(value: string): (readonly [number, number])[] {
  const out: (readonly [number, number])[] = [];
  for (const m of value.matchAll(/^[ \t]*(?:#|\/\/)[^\n]*/gm)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** A file's name by its type: scripts, configuration, archives (`run.sh`, `app.py`, `config.json`). */
const FILE_NAME = /\.(?:sh|bash|py|rb|pl|js|mjs|ts|lua|php|jar|war|json|ya?ml|toml|ini|conf|cfg|properties|xml|txt|sql|csv|log|pem|crt|key|tar|tgz|gz|zip)$/i;

function findAddressesAnywhere(value: string, context: ValueContext): AddressCandidate[] {
  if (context === 'address') return findAddresses(value);
  const whole = value.trim();
  // the `--flag=value` items, found once (a flag needs an `=`: most values have none, and skip the pattern)
  const flags = value.includes('=') ? [...value.matchAll(FLAG)] : [];
  // `--listen-client-urls=https://10.0.0.5:2379`: what a flag about the workload's own address holds is no destination
  const own = flags.filter((m) => isOwnAddressName(m[1] as string)).map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  const candidates = findAddresses(value).filter((c) => !own.some(([from, to]) => c.offset >= from && c.offset < to));
  const out = candidates.flatMap((c): AddressCandidate[] => {
    if (c.scheme !== undefined || (c.port !== undefined && /^\d+$/.test(c.port)) || /\.svc(\.cluster\.local)?$/.test(c.host) || isIpLiteral(c.host)) return [c];
    // `db:pg` (a port name) counts only where it names a Service port: never reported when it does not
    if (c.port !== undefined) return [{ ...c, explicit: false }];
    // a value that is exactly one dotted host name (`db.payments`, `cache.team2`, `smtp.example.org`), or all
    // that follows a `--flag=`, `key=` or `key:` prefix, is an address; its last label has a letter, so that a
    // version (`1.2`, `v1.2`) is not; after a prefix only an in-cluster name counts (`--domain=example.com` is
    // configuration, not a peer to report)
    // a script or file named in a command (`bash update_config_map.sh`) is no host: a host name has no `_`
    // (RFC 1123); a name ending in a file type is a file, even where that is also a top-level domain
    // (`.sh`), unless a Service answers to it (`orders.py`: Service orders, namespace py), and a
    // longer name ending so is a host (`mail.example.pl`)
    const dotted = c.host.includes('.') && /[a-z]/.test(c.host.slice(c.host.lastIndexOf('.') + 1)) && !c.host.includes('_');
    const fileLike = FILE_NAME.test(c.host) && c.host.split('.').length === 2;
    if (dotted && (c.text === whole || (c.text === whole.replace(/^-{0,2}[a-z][a-z0-9._-]*[=:]/i, '') && !looksExternalHost(c.host)))) return [fileLike ? { ...c, explicit: false, fileLike: true } : c];
    return [];
  });
  const seen = new Set(out.map((c) => c.offset));
  for (const m of flags) {
    if (!isAddressName(m[1] as string) || isOwnAddressName(m[1] as string)) continue;
    const start = (m.index ?? 0) + m[0].length - (m[2] as string).length;
    for (const c of findAddresses(m[2] as string)) if (!seen.has(start + c.offset)) out.push({ ...c, offset: start + c.offset });
  }
  // a connection string's host pair wins over what the generic forms read in it (`tcp:db` is no host:port)
  const pairs = connectionString(value);
  for (const p of pairs) {
    for (let i = out.length - 1; i >= 0; i--) if ((out[i] as AddressCandidate).offset >= p.valueStart && (out[i] as AddressCandidate).offset < p.valueEnd) out.splice(i, 1);
  }
  for (const p of pairs) out.push(...p.candidates);
  for (const m of value.matchAll(NC)) {
    const host = (m[1] as string).toLowerCase();
    const offset = (m.index ?? 0) + m[0].lastIndexOf(m[1] as string, m[0].length - (m[2] as string).length - 1);
    const nc: AddressCandidate = { host, port: m[2] as string, text: `${m[1]} ${m[2]}`, explicit: true, offset };
    // the host alone was read already (a cluster DNS name is an address by itself): the command's port is where it connects
    const i = out.findIndex((c) => c.offset === offset);
    if (i >= 0 && (out[i] as AddressCandidate).port === undefined && (out[i] as AddressCandidate).scheme === undefined) out[i] = nc;
    else if (i < 0 && !seen.has(offset)) out.push(nc);
  }
  // nginx's `proxy_pass http://core/` where `upstream core { server harbor-core:80; }` is defined: the
  // block's name, whose servers are the destinations (found above), no host of its own
  const upstreams = value.includes('upstream') ? new Set([...value.matchAll(UPSTREAM_BLOCK)].map((m) => (m[1] as string).toLowerCase())) : undefined;
  if (upstreams && upstreams.size > 0) {
    for (let i = out.length - 1; i >= 0; i--) {
      const c = out[i] as AddressCandidate;
      if (c.scheme !== undefined && c.port === undefined && upstreams.has(c.host)) out.splice(i, 1);
    }
  }
  // a resolv.conf (a `nameserver` line beside them): `search`/`domain` name DNS search domains, `options`
  // (ndots:5, timeout:2) and `sortlist` resolver settings (man 5 resolv.conf), none of them a host to call
  if (value.includes('nameserver') && value.search(NAMESERVER_LINE) >= 0) {
    for (const m of value.matchAll(RESOLV_CONF_DIRECTIVE)) {
      const from = m.index ?? 0;
      const to = from + m[0].length;
      for (let i = out.length - 1; i >= 0; i--) if ((out[i] as AddressCandidate).offset >= from && (out[i] as AddressCandidate).offset < to) out.splice(i, 1);
    }
  }
  // a DNS server setting says what its addresses are: it wins over what the generic forms read at the same place
  const servers = dnsServerSettings(value);
  for (const d of servers) {
    const i = out.findIndex((c) => c.offset === d.offset || c.offset === d.offset - 1);
    if (i >= 0) out.splice(i, 1);
    out.push(d);
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/**
 * The hosts of a key=value connection string, each with the string's `Port=` (or SQL Server's
 * `host,port`) when it has one. Other keys (user, password, database) are never shown: the text is
 * the host pair and the port pair only.
 */
function connectionString(value: string): { valueStart: number; valueEnd: number; candidates: AddressCandidate[] }[] {
  if ([...value.matchAll(CONN_PAIRS)].length < 2) return [];
  const portPair = CONN_PORT.exec(value);
  const found: { valueStart: number; valueEnd: number; candidates: AddressCandidate[] }[] = [];
  for (const m of value.matchAll(CONN_HOST)) {
    const raw = m[2] as string;
    const start = (m.index ?? 0) + m[0].length - raw.length;
    // `tcp:db,1433` (SQL Server): protocol prefix and comma port; libpq lists hosts with commas
    const listed = raw.replace(/^(?:tcp|np|lpc):/i, '');
    const skipped = raw.length - listed.length;
    const sqlServerPort = /^[^,]+,(\d{1,5})$/.exec(listed)?.[1];
    let offset = start + skipped;
    const out: AddressCandidate[] = [];
    for (const part of sqlServerPort !== undefined ? [listed.slice(0, listed.indexOf(','))] : listed.split(',')) {
      const hostPort = /^([a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?)(?::(\d{1,5}))?$/i.exec(part);
      if (hostPort) {
        const port = hostPort[2] ?? sqlServerPort ?? portPair?.[1];
        const text = `${m[1]}=${raw}${port !== undefined && hostPort[2] === undefined && sqlServerPort === undefined ? ` (Port=${port})` : ''}`;
        out.push({ host: (hostPort[1] as string).toLowerCase(), ...(port !== undefined ? { port } : {}), text, explicit: true, offset });
      }
      offset += part.length + 1;
    }
    found.push({ valueStart: start, valueEnd: start + raw.length, candidates: out });
  }
  return found;
}

// scheme://[user[:pw]@]host[:port][/path]  or  host:port  or a bare (possibly dotted) name
const ADDRESS =
  /(?:(?<scheme>[a-z][a-z0-9+.-]*):\/\/(?:[^\s/@,;'"]*@)?)?(?<host>\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*)(?::(?<port>[0-9]{1,5}|[a-z][a-z0-9-]{0,14})(?![a-z0-9.-]))?/gi;

const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;

/** Characters that may stand right before an address: start, separators, quotes, `=`, `(`, `@` is excluded (user info). */
function boundaryBefore(text: string, index: number): boolean {
  if (index === 0) return true;
  // a colon only after a `key:` prefix that did not stand alone (findAddresses looks again there)
  return /[\s,;=([{'"|>:]/.test(text[index - 1] as string) || text.startsWith('//', index - 2);
}

function boundaryAfter(text: string, end: number): boolean {
  if (end >= text.length) return true;
  return /[\s,;)\]}'"|/?#&<]/.test(text[end] as string);
}

export function findAddresses(value: string): AddressCandidate[] {
  const out: AddressCandidate[] = [];
  // the one global pattern, from the start (exec leaves lastIndex at 0 when it finds no more; nothing below calls back here)
  const re = ADDRESS;
  re.lastIndex = 0;
  for (let m = re.exec(value); m !== null; m = re.exec(value)) {
    const start = m.index;
    const end = start + m[0].length;
    const g = m.groups ?? {};
    const scheme = g.scheme?.toLowerCase();
    const host = (g.host ?? '').toLowerCase();
    // without a scheme, the token must stand on its own (not part of a flag like -Dfoo.bar=...)
    const standsAlone = (scheme !== undefined || boundaryBefore(value, start)) && boundaryAfter(value, end);
    if (!standsAlone) {
      // `server:db:5432`, `name:http://api`: an address may follow a `key:` prefix; look again after its colon
      const colon = m[0].indexOf(':');
      if (colon >= 0 && !m[0].startsWith('://', colon)) re.lastIndex = start + colon + 1;
      continue;
    }
    if (/^\d+$/.test(host)) continue;
    // `sqlite3:db/db.sqlite3`, `file:data/app.db`: a scheme and a relative path (RFC 3986's rootless
    // path), a local file; a host's port is a number before a path (`db:5432/app`), never a name
    if (!scheme && g.port !== undefined && !/^\d+$/.test(g.port) && value[end] === '/') continue;
    const isIp = IPV4.test(host) || host.startsWith('[');
    // `10.96.0.0/12` is an address block (a pool, a Service range), not an address something connects to
    if (isIp && !scheme && /^\/\d{1,3}(?![\w.])/.test(value.slice(end))) continue;
    const explicit = Boolean(scheme) || g.port !== undefined || isIp || /\.svc(\.cluster\.local)?$/.test(host);
    // credentials never leave the manifest: `postgres://user:secret@db` is reported as `postgres://user:***@db`
    const text = m[0].replace(/^([a-z][a-z0-9+.-]*:\/\/[^\s/@:,;'"]*):[^\s/@,;'"]*@/i, '$1:***@');
    out.push({ host: host.replace(/^\[(.*)\]$/, '$1'), ...(g.port !== undefined ? { port: g.port.toLowerCase() } : {}), ...(scheme ? { scheme } : {}), text, explicit, offset: start });
  }
  return out;
}

/** Top-level domains that mark a hostname as outside the cluster (a short, common list; the rest are still reported when explicit). */
const PUBLIC_TLDS = new Set([
  'com', 'net', 'org', 'io', 'dev', 'app', 'cloud', 'ai', 'co', 'info', 'biz', 'me', 'us', 'uk', 'de', 'fr', 'eu', 'jp', 'cn', 'in', 'ca', 'au', 'nl', 'se', 'ch', 'es', 'it', 'ru', 'br', 'gov', 'edu', 'sh', 'xyz', 'tech', 'so',
]);

export function looksExternalHost(host: string): boolean {
  const labels = host.split('.');
  return labels.length >= 2 && PUBLIC_TLDS.has(labels[labels.length - 1] as string) && !host.endsWith('.svc.cluster.local');
}

/** Names and addresses that never leave the pod or name no peer: loopback, and the unspecified address of a listener. */
export function isLocalAddress(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0' || host === '::';
}

/**
 * A link-local address, IPv4 169.254.0.0/16 (RFC 3927) or IPv6 fe80::/10 (RFC 4291): never forwarded
 * beyond the link (RFC 3927 §2.6.2), so from a pod it is answered on its own node (a cloud's
 * instance metadata service at 169.254.169.254, a node-local cache), never by a workload.
 */
export function isLinkLocalAddress(host: string): boolean {
  return /^169\.254\.\d{1,3}\.\d{1,3}$/.test(host) || /^fe[89ab][0-9a-f]:[0-9a-f:.]*$/i.test(host);
}

/**
 * The IPv4 address an IPv4-mapped IPv6 literal stands for (`::ffff:169.254.169.254`,
 * `::ffff:a9fe:a9fe`): a socket given one sends IPv4 on the wire (RFC 4291 §2.5.5.2), so policies
 * see, and an ipBlock must name, the IPv4 address. Undefined for any other host.
 */
export function ipv4Mapped(host: string): string | undefined {
  if (!host.includes(':') || !isIpLiteral(host)) return undefined;
  const r = parseCidr(host);
  if (!r || r.family !== 6 || r.lo !== r.hi || r.lo >> 32n !== 0xffffn) return undefined;
  const v = Number(r.lo & 0xffffffffn);
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
}

export function isIpLiteral(host: string): boolean {
  if (host.includes(':')) return /^[0-9a-f:.]+$/i.test(host);
  return IPV4.test(host) && host.split('.').every((o) => Number(o) <= 255);
}
