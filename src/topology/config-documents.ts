import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { findAddresses, findAddressesIn, isIpLiteral, isOwnAddressName, type AddressCandidate, type ValueContext } from './addresses.js';
import { MAX_CONFIG_DOCUMENT } from '../manifests/documents.js';

/**
 * Addresses in configuration files that ConfigMaps and Secrets hold, read by their structure rather
 * than as text: a YAML or JSON document (Argo Workflows' `persistence.postgresql: {host: postgres,
 * port: 5432}`, Spring's `spring.redis.host` + `spring.redis.port`, Rails' database.yml), or an
 * INI/TOML/properties file (`[database]\nhost = db\nport = 5432`, Kong's `pg_host`/`pg_port`), or
 * Fluent Bit's classic configuration (`[OUTPUT]\n    Host elasticsearch\n    Port 9200`).
 *
 * What the structure adds to the text reading (addresses.ts), and nothing more:
 * - a host key (`host`, `hostname`, `server`, `address`, also prefixed: `db_host`, `redis-host`) and
 *   the port key beside it in the same mapping (`port`, `db_port`) are one address, host:port, cited
 *   at the host's line; a `host`/`hostname` key alone is an address as an env var `DB_HOST` is (a
 *   bare name counts where a Service answers to it);
 * - what the workload's own address is, is no destination, whatever the text reading found there:
 *   a key named like `listen`, `bind`, `http_listen_port`, `advertise_addr`, and the document's root
 *   `server` section (Spring's `server.port`/`server.address`, Loki's and Tempo's `server:` block,
 *   Grafana's `[server]` with its `root_url`), which configure where the app itself listens, and
 *   Elasticsearch's/OpenSearch's `network.host` (also `http.host`, `transport.host`), the node's own.
 * Every other value is read as before (a URL, `host:port`, a cluster DNS name). A listen address
 * (`0.0.0.0`, `localhost`, `127.0.0.1`) is never a destination (scan.ts drops local addresses).
 *
 * Bounded: a value over 1 MB, one that parses as neither, and a Kubernetes object kept in a
 * ConfigMap (a manifest some tool applies, whose `host:` is an Ingress rule's) are read as text only.
 */


/** What a value's structure says, with offsets into the value. */
export interface ConfigReading {
  /** The addresses a host key gives (with its sibling port key when it has one). */
  readonly addresses: readonly AddressCandidate[];
  /** [from, to) of each host value read: what the text reading found there is replaced by the address above. */
  readonly hostSpans: readonly (readonly [number, number])[];
  /** [from, to) of values that are the workload's own address: nothing found there is a destination. */
  readonly ownSpans: readonly (readonly [number, number])[];
}

/** A read value: the structured reading (undefined: text only) per distinct value text (and the section its key names), computed once per scan. */
export type ConfigReadings = Map<string, ConfigReading | undefined>;

/**
 * The candidates of a ConfigMap or Secret value, stored under `key`: the text reading, with what
 * the structure says (see the module comment) applied over it.
 */
export function configValueAddresses(value: string, context: ValueContext, readings: ConfigReadings, key?: string): AddressCandidate[] {
  // a key named like an address (`server`) holding a whole configuration file (Gitea's `[server]`
  // section, lines of KEY=value) is that file, read by its structure, not a list of addresses
  const sectionFile = context === 'address' && key !== undefined && value.includes('\n');
  if (context !== 'text' && !sectionFile) return findAddressesIn(value, context);
  const section = key !== undefined && SECTION_KEY.test(key) ? key : undefined;
  const cacheKey = section === undefined ? value : `${section}\u0000${value}`;
  let reading = readings.get(cacheKey);
  if (reading === undefined && !readings.has(cacheKey)) {
    reading = readConfigDocument(value, section);
    readings.set(cacheKey, reading);
  }
  if (sectionFile && !reading) return findAddressesIn(value, context);
  const text = findAddressesIn(value, 'text');
  if (!reading) return text;
  const inside = (spans: readonly (readonly [number, number])[], offset: number) => spans.some(([from, to]) => offset >= from && offset < to);
  const kept = text.filter((c) => !inside(reading.ownSpans, c.offset) && !inside(reading.hostSpans, c.offset));
  return [...kept, ...reading.addresses].sort((a, b) => a.offset - b.offset);
}

/** Worth parsing: a document over lines (or a JSON object), under the size bound, naming a key this module reads. */
const WORTH_READING = /host|server|address|listen|bind|advertis/i;

/**
 * A key that can name an INI section (`server`, `database`: a word, no file type): Gitea's chart keeps
 * app.ini one section per key of its inline config, which its init container writes under `[key]`.
 */
const SECTION_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A configuration file's structured reading, or undefined when it is no YAML/JSON mapping nor an
 * unambiguous INI file. `section`: the key the value is stored under, the section its entries are
 * in when the value has no section header of its own.
 */
export function readConfigDocument(value: string, section?: string): ConfigReading | undefined {
  if (value.length > MAX_CONFIG_DOCUMENT || !(value.includes('\n') || value.trimStart().startsWith('{')) || !(WORTH_READING.test(value) || (section !== undefined && WORTH_READING.test(section)))) return undefined;
  return readYaml(value) ?? readIni(value, section);
}

// ---- keys ----------------------------------------------------------------------------------

/**
 * Keys that hold a node's own address in Elasticsearch's and OpenSearch's settings ("Networking":
 * `network.host` binds and publishes, `http.host`/`transport.host` for one layer): the node itself.
 */
const OWN_KEY_PATH = /^(?:network|http|transport)\.(?:bind_|publish_)?host$/i;

/**
 * A host key: `host`, `hostname`, `server`, `address`, alone or after a prefix (`db_host`,
 * `redis-hostname`, `smtp.server`); or `hosts`, a comma-separated list of hosts that share the
 * sibling port (Temporal's Cassandra store, gocql: `hosts: "cass-0,cass-1"` beside `port: 9042`).
 */
const HOST_KEY = /^(?:(.*?)[_-])?(host|hosts|hostname|host_name|server|address)$/i;
/** A host key that is an address on its own, without a port beside it (`host: db`, `DB_HOST = db`). */
const HOST_ALONE = /^(?:host|hosts|hostname|host_name)$/i;

/** The hosts a host key's value names, each with its offset in the value: one, or for `hosts` each item of the list. */
function hostItems(value: string, word: string): { raw: string; at: number }[] {
  const parts = word === 'hosts' ? [...value.matchAll(/[^,]+/g)].map((m) => ({ text: m[0], at: m.index })) : [{ text: value, at: 0 }];
  return parts.flatMap((p) => {
    const raw = p.text.trim();
    return raw === '' ? [] : [{ raw, at: p.at + p.text.indexOf(raw) }];
  });
}

/** A key's host part: the prefix that its port key shares (`db` of `db_host`) and the host word. */
function hostKey(leaf: string): { prefix: string; word: string } | undefined {
  const m = HOST_KEY.exec(leaf);
  return m ? { prefix: (m[1] ?? '').toLowerCase(), word: (m[2] as string).toLowerCase() } : undefined;
}

/** The port key of a prefix: `port`, or `db_port`/`db-port` beside `db_host`. */
function isPortKey(leaf: string, prefix: string): boolean {
  const l = leaf.toLowerCase();
  return prefix === '' ? l === 'port' : l === `${prefix}_port` || l === `${prefix}-port`;
}

/** A host as a config file writes it: a DNS name or an IP, with an optional `:port`; nothing templated, no scheme, no list. */
const HOST_VALUE = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?)(?::\d{1,5})?$/i;

/** A switch's value, as INI, YAML 1.1 and Fluent Bit write it. */
const SWITCH = /^(?:on|off|true|false|yes|no|enabled?|disabled?|none|null)$/i;

/** A port: a number in 1-65535. */
function portNumber(raw: unknown): string | undefined {
  const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  return /^\d{1,5}$/.test(s) && Number(s) >= 1 && Number(s) <= 65535 ? String(Number(s)) : undefined;
}

/** One key/value of a mapping (or an INI section), with offsets into the value text. */
interface Entry {
  /** The key as written (`host`, `spring.redis.host`). */
  readonly key: string;
  /** The keys of the mappings above it and its own, dotted (`network.host`). */
  readonly path: string;
  /** The mapping it is in: entries of one group are siblings. */
  readonly group: string;
  /** The scalar, as a string (numbers too), or undefined for a mapping, a list, a null. */
  readonly value: string | undefined;
  /** Where the value's text starts and ends (inside quotes). */
  readonly start: number;
  readonly end: number;
  /** The separator between key and value as written, for the evidence text (`host: db`, `host = db`, `Host db`). */
  readonly separator: ': ' | ' = ' | ' ';
}

/** The last segment of a dotted key (`spring.redis.host` -> `host`) and the group it joins (its mapping plus `spring.redis`). */
function leafOf(e: Entry): { leaf: string; group: string } {
  const dot = e.key.lastIndexOf('.');
  return dot < 0 ? { leaf: e.key, group: e.group } : { leaf: e.key.slice(dot + 1), group: `${e.group}\u0000${e.key.slice(0, dot).toLowerCase()}` };
}

/** The addresses and spans of a document's entries (the shape shared by YAML and INI). */
function readEntries(entries: readonly Entry[], ownSpans: (readonly [number, number])[]): ConfigReading {
  const addresses: AddressCandidate[] = [];
  const hostSpans: (readonly [number, number])[] = [];
  const groups = new Map<string, { e: Entry; leaf: string }[]>();
  for (const e of entries) {
    const { leaf, group } = leafOf(e);
    // a key about the workload's own address: what it holds is no destination
    if (isOwnAddressName(leaf) || isOwnAddressName(e.key) || OWN_KEY_PATH.test(e.path)) {
      ownSpans.push([e.start, Math.max(e.end, e.start + 1)]);
      continue;
    }
    const siblings = groups.get(group);
    if (siblings) siblings.push({ e, leaf });
    else groups.set(group, [{ e, leaf }]);
  }
  const own = (offset: number) => ownSpans.some(([from, to]) => offset >= from && offset < to);
  for (const siblings of groups.values()) {
    for (const { e, leaf } of siblings) {
      const hk = hostKey(leaf);
      if (!hk || e.value === undefined || own(e.start)) continue;
      const port = siblings.find((s) => isPortKey(s.leaf, hk.prefix));
      const portValue = port ? portNumber(port.e.value) : undefined;
      // `allowed_hosts`, `trusted_hosts`: names the app answers to, no peers; a prefixed list counts only beside its port
      if (hk.word === 'hosts' && hk.prefix !== '' && portValue === undefined) continue;
      let read = false;
      for (const { raw, at } of hostItems(e.value, hk.word)) {
        // a number, or a switch (`HTTP_Server On` beside `HTTP_Port 2020`), names no host
        if (!HOST_VALUE.test(raw) || /^\d+$/.test(raw) || SWITCH.test(raw)) continue;
        const [found] = findAddresses(raw);
        if (!found || found.text !== raw) continue;
        const written = `${e.key}${e.separator}${raw}`;
        const offset = e.start + at;
        if (found.port !== undefined) {
          // `address: minio:9000`: the port written with the host wins over a sibling port
          addresses.push({ ...found, text: written, explicit: true, offset });
        } else if (portValue !== undefined && port) {
          addresses.push({ host: found.host, port: portValue, text: `${written} (${port.e.key}${port.e.separator}${portValue})`, explicit: true, offset });
        } else if (HOST_ALONE.test(hk.word)) {
          // alone, as an env var `DB_HOST` is: a bare name is a link where a Service answers to it, a dotted or IP one is explicit
          addresses.push({ host: found.host, text: written, explicit: found.host.includes('.') || isIpLiteral(found.host), offset });
        } else continue;
        read = true;
      }
      if (read) hostSpans.push([e.start, e.end]);
    }
  }
  return { addresses, hostSpans, ownSpans };
}

// ---- YAML and JSON -------------------------------------------------------------------------

/** A Kubernetes object kept as data (a manifest some tool applies): its `host:` fields are an Ingress rule's, a pod's name. */
function isKubernetesObject(node: unknown): boolean {
  return isMap(node) && node.has('apiVersion') && node.has('kind');
}

function readYaml(value: string): ConfigReading | undefined {
  let doc;
  try {
    doc = parseDocument(value, { uniqueKeys: false, strict: false, prettyErrors: false });
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0) return undefined;
  const root = doc.contents;
  if (!isMap(root) && !isSeq(root)) return undefined;
  if (isKubernetesObject(root) || (isSeq(root) && root.items.some(isKubernetesObject))) return undefined;
  const entries: Entry[] = [];
  const ownSpans: (readonly [number, number])[] = [];
  let groups = 0;
  const walk = (node: unknown, depth: number, above: string) => {
    if (isSeq(node)) {
      for (const item of node.items) walk(item, depth + 1, above);
      return;
    }
    if (!isMap(node)) return;
    const group = String(groups++);
    for (const pair of node.items as Pair<unknown, unknown>[]) {
      if (!isScalar(pair.key) || pair.key.value === null || pair.key.value === undefined) continue;
      const key = String(pair.key.value);
      const path = above === '' ? key : `${above}.${key}`;
      const v = pair.value as Node | null;
      const range = v?.range;
      // the root `server` section (Spring's `server.*`, Loki's `server:`) configures the app's own listener,
      // unless it names where to connect (a client's `server: api:8080`, `server: {host: api, port: 8080}`)
      if (depth === 0 && range && ((key === 'server' && isMap(v) && ownServerSection(v.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : [])))) || (key.startsWith('server.') && !DESTINATION_KEY.test(key.slice('server.'.length))))) {
        ownSpans.push([range[0], Math.max(range[1], range[0] + 1)]);
        continue;
      }
      if (isScalar(v) && range && (typeof v.value === 'string' || typeof v.value === 'number')) {
        const quoted = v.type === 'QUOTE_DOUBLE' || v.type === 'QUOTE_SINGLE';
        const start = range[0] + (quoted ? 1 : 0);
        entries.push({ key, path, group, value: String(v.value), start, end: Math.max(start, range[1] - (quoted ? 1 : 0)), separator: ': ' });
      } else {
        if (range) entries.push({ key, path, group, value: undefined, start: range[0], end: range[1], separator: ': ' });
        walk(v, depth + 1, path);
      }
    }
  };
  walk(root, 0, '');
  return readEntries(entries, ownSpans);
}

// ---- INI, TOML, properties -----------------------------------------------------------------

// a section name has no shell in it: `[ -n "$X" ]` is a test in a script, not a section
const INI_SECTION = /^[ \t]*\[{1,2}[ \t]*([^\]\n$`|&<>]+?)[ \t]*\]{1,2}[ \t]*(?:[#;].*)?$/;
/** Fluent Bit's classic format: an indented `Key  Value` under an upper-case `[SECTION]` (`[OUTPUT]\n    Host es\n    Port 9200`). */
const SPACED_SECTION = /^[A-Z][A-Z_]*$/;
const SPACED_ENTRY = /^([ \t]+)([A-Za-z][A-Za-z0-9_.-]*)[ \t]+(\S(?:.*\S)?)[ \t]*$/;
const INI_ENTRY = /^([ \t]*)("[^"\n]*"|[A-Za-z0-9_.-]+)[ \t]*=[ \t]*(.*)$/;
/** Keys that name where to connect: a `server` section holding one is a client's, not the app's own listener. */
const DESTINATION_KEY = /^(?:url|uri|host|hostname|endpoint|endpoints|target)$/i;

/** Whether a root `server` section with these keys configures the app's own listener: one that says where to listen, or one that names nowhere to connect. */
function ownServerSection(keys: readonly string[]): boolean {
  return keys.some((k) => /listen|bind/i.test(k)) || !keys.some((k) => DESTINATION_KEY.test(k));
}

const INI_VALUE = /^(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#;"']+))[ \t]*(?:[#;].*)?$/;

/**
 * An INI/TOML/properties file, read only where that is unambiguous: every line is blank, a comment
 * (`#`, `;`), a section header (`[database]`, TOML's `[[servers]]`, each occurrence a mapping of its
 * own) or a `key = value` entry, and there is at least one entry; or, in Fluent Bit's classic
 * format, every entry an indented `Key Value` under an upper-case section (`[OUTPUT]`), with its
 * `@INCLUDE`/`@SET` directives. A shell script, an nginx.conf or free text is no such file.
 */
function readIni(value: string, keySection?: string): ConfigReading | undefined {
  const entries: Entry[] = [];
  const ownSpans: (readonly [number, number])[] = [];
  // the section the key names, for a value with no section header (Gitea's `server` key: its `[server]`)
  const named = keySection !== undefined && !value.split('\n').some((line) => INI_SECTION.test(line.replace(/\r$/, '')));
  let section = named ? (keySection as string) : '';
  let occurrence = 0;
  let sectionStart = named ? 0 : -1;
  let offset = 0;
  // which entry form the file uses (`key = value`, or Fluent Bit's `Key Value`): one only
  let spaced: boolean | undefined;
  // the keys of the current section: a `[server]` naming where to connect (`host = api`) is a client's, not the app's own
  let sectionKeys: string[] = [];
  const closeSection = (end: number) => {
    // Grafana's `[server]` (http_port, domain, root_url): where the app itself is served; Fluent
    // Bit's `[SERVICE]` (HTTP_Listen, HTTP_Port): the agent's own settings
    if (sectionStart >= 0 && ((section.toLowerCase() === 'server' && ownServerSection(sectionKeys)) || (spaced === true && section === 'SERVICE'))) ownSpans.push([sectionStart, end]);
    sectionKeys = [];
  };
  // Spring's application.properties: `server.port=8080`, `server.address=0.0.0.0` are the app's own;
  // a client's `server=api:8080` or `server.host=api` with `server.port=8080` name where it connects
  // (read once, and only for a file that has a `server.` key: most have none)
  let serverIsOwn: boolean | undefined;
  const serverKeysOwn = () =>
    (serverIsOwn ??= !value.split('\n').some((line) => {
      const key = INI_ENTRY.exec(line.replace(/\r$/, ''))?.[2];
      return key === 'server' || (key?.startsWith('server.') === true && DESTINATION_KEY.test(key.slice('server.'.length)));
    }));
  for (const line of value.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const body = line.replace(/\r$/, '');
    if (/^[ \t]*(?:[#;].*)?$/.test(body)) continue;
    const s = INI_SECTION.exec(body);
    if (s) {
      closeSection(lineStart);
      section = (s[1] as string).trim();
      occurrence++;
      sectionStart = lineStart;
      continue;
    }
    const m = INI_ENTRY.exec(body);
    if (!m) {
      // Fluent Bit's `Key Value` (and its `@INCLUDE file`, `@SET k=v` directives), in that format only
      if (/^@(?:INCLUDE|SET)\s/i.test(body.trim()) && spaced !== false) continue;
      const sp = SPACED_SECTION.test(section) && spaced !== false ? SPACED_ENTRY.exec(body) : null;
      if (!sp) return undefined;
      spaced = true;
      const raw = sp[3] as string;
      const start = lineStart + body.indexOf(raw, (sp[1] as string).length + (sp[2] as string).length);
      entries.push({ key: sp[2] as string, path: `${section}.${sp[2] as string}`, group: `${occurrence}\u0000${section.toLowerCase()}`, value: raw, start, end: start + raw.length, separator: ' ' });
      continue;
    }
    if (spaced === true) return undefined;
    spaced = false;
    const key = (m[2] as string).replace(/^"|"$/g, '');
    const rest = m[3] as string;
    const restStart = lineStart + body.length - rest.length;
    const v = INI_VALUE.exec(rest);
    const text = v ? (v[1] ?? v[2] ?? v[3]) : undefined;
    const start = v ? restStart + (v[3] !== undefined ? 0 : 1) : restStart;
    const group = `${occurrence}\u0000${section.toLowerCase()}`;
    sectionKeys.push(key);
    if (section === '' && key.startsWith('server.') && serverKeysOwn()) {
      ownSpans.push([restStart, Math.max(lineStart + body.length, restStart + 1)]);
      continue;
    }
    entries.push({ key, path: section === '' ? key : `${section}.${key}`, group, value: text, start, end: start + (text?.length ?? rest.length), separator: ' = ' });
  }
  closeSection(value.length);
  return entries.length > 0 ? readEntries(entries, ownSpans) : undefined;
}
