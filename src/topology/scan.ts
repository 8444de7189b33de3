import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { readableKeys } from './volume-mounts.js';
import { hostAlias } from './host-aliases.js';
import { dialedConns, headlessDial, remappedPorts, undeclared, type HeadlessDial } from './headless.js';
import { dialedTargets, endpointsFromSlices, manualEndpoints, manualTargets, type ManualEndpoints } from './manual-endpoints.js';
import { ConnectionSet } from '../model/connection-set.js';
import { NamedTemplates } from './named-templates.js';
import { targetConns, type ServicePort } from '../manifests/service-ports.js';
import { backendByTargetPortWarning, backendServicePorts, ingressBackends, serviceWorkloads, workloadsByNamespace, type BackendKind, type ServicePortRef } from '../connectivity/exposure.js';
import { fullRange, parseCidr, rangeContains, type IpRange } from '../model/ip.js';
import { Codes, diag, type Diagnostic, type SourceRef, type StageResult } from '../diagnostics/diagnostic.js';
import { compareStrings, DEFAULT_NAMESPACE, type Cluster, type Workload } from '../manifests/cluster.js';
import { MAX_CONFIG_DOCUMENT, type ManifestFile, type ParsedDocument } from '../manifests/documents.js';
import { originRef, type K8sObject, type ObjectOf, type ObjectOrigin } from '../manifests/objects.js';
import { locate } from '../manifests/positions.js';
import { findAddressesIn, ipv4Mapped, isAddressName, isIpLiteral, isLinkLocalAddress, isLocalAddress, isOwnAddressName, looksExternalHost, valueContext, type AddressCandidate, type ValueContext } from './addresses.js';
import { apiServerClients, apiServerGapHolders } from './api-clients.js';
import { configValueAddresses, type ConfigReadings } from './config-documents.js';
import { sidecarConfigMaps } from './config-sidecars.js';
import { meshControlPlaneGaps } from './mesh.js';
import { isOwnPublicHost, publicHosts, type PublicHosts } from './public-hosts.js';
import { serviceLinkVariables } from './service-links.js';
import { daprComponentSources, type DaprSources } from './dapr-components.js';
import { evidenceText, type DnsUse, type Evidence, type Link, type SelfUse, type Topology, type Unresolved } from './links.js';
import { expandVarsDetailed, pairedPorts } from './env.js';
import { downwardField, portAfterRef, refAsHost, type DownwardField } from './downward.js';
import { peerKey, workloadKey, type Peer } from '../model/peer.js';
import { aliasChain, isRenderedName, renderedSource } from '../manifests/rendered-name.js';

type ServiceEntry = { readonly object: ObjectOf<'Service'>; readonly origin: ObjectOrigin; readonly workloads: readonly Workload[] };

const CLUSTER_SUFFIXES = ['.svc.cluster.local', '.svc'];

/**
 * The links an application needs, read from its manifests with cluster-topology-analyzer's
 * approach and more: addresses in env values (and the ConfigMap keys they reference), args and
 * command of every container; exposure through Ingress, Route, Gateway API routes and
 * LoadBalancer/NodePort Services. Every link carries where it came from.
 */
/** The values files of a rendered chart, whose rendered files are named `<chart>/templates/...`. */
export interface ChartValuesFiles {
  readonly chart: string;
  /** The values files, in the order helm merges them (the chart's values.yaml first; a later file wins). */
  readonly files: readonly ManifestFile[];
  /** The templates the chart's rendered files came from, with helm's own path under the chart (`charts/<alias>/templates/x.yaml`). */
  readonly templates?: readonly (ManifestFile & { readonly source?: string })[];
  /**
   * The own values.yaml of each subchart the templates lie in (a folder, a `file://` folder, an
   * archive's member), with the subchart's names under the parent (`['primary']`, `['a', 'b']`):
   * helm merges these defaults below the parent's values (a deeper subchart's below its parent's).
   */
  readonly defaults?: readonly (ManifestFile & { readonly prefix: readonly string[] })[];
  /** The partials (`templates/_helpers.tpl`) of the chart and its subcharts: the named templates (`define`) the templates include. */
  readonly partials?: readonly ManifestFile[];
  /** Values were also set with `--set`, which overrides every file: no value is traced to a file then. */
  readonly setValues?: true;
}

export interface ScanOptions {
  readonly values?: readonly ChartValuesFiles[];
  /**
   * Where each link's address evidence was written: line and column, the ConfigMap reference and
   * the values-file line of a rendered chart (default true). Finding lines is a good part of a
   * scan's cost; a caller that reads only which links exist (the PR check's base side: the links
   * the PR breaks are judged against it, never shown from it) passes false and gets each address
   * evidence at its document and YAML path only. Links, gaps, diagnostics and exposure evidence are
   * the same either way.
   */
  readonly evidenceLines?: boolean;
  /**
   * The cluster's Service networks (`--service-cidr`), when given: an address inside one that is
   * named as a DNS server is a ClusterIP, the cluster DNS Service's, and nothing else: a DNS use
   * with no link to an outside address (an ipBlock never matches a ClusterIP).
   */
  readonly serviceCidrs?: readonly IpRange[];
}

/**
 * The values-file line a rendered value came from, with its key, only where that is exact: the
 * template the value was rendered from reads the key (`.Values.api.cacheUrl`; a subchart's template
 * reads its own part, `cache.port` as `.Values.port`), the file that sets it last holds the address,
 * and no other key the template reads does.
 */
function traceValue(at: SourceRef, c: AddressCandidate, values: readonly ChartValuesFiles[]): SourceRef | undefined {
  // a `file://` dependency's templates are cited in its own folder, outside the chart's
  const { file: templateFile, as } = renderedSource(at.file);
  const chart = values.find((v) => at.file.startsWith(`${v.chart}/`)) ?? values.find((v) => v.templates?.some((t) => t.path === templateFile));
  // `--set` overrides every values file; a template line that is known is text the template writes itself (origins.ts: only lines without an action map)
  if (!chart || chart.setValues || (at.line !== undefined && at.line > 0 && !isRenderedName(at.file))) return undefined;
  // a copy named for its alias (`[rendered as primary]`) reads that alias's values only
  const templates = chart.templates?.filter((t) => t.path === templateFile && (as === undefined || t.source === undefined || aliasChain(t.source) === as)) ?? [];
  const template = templates[0]?.text;
  if (template === undefined) return undefined;
  const named = namedTemplatesOf(chart);
  // the subcharts the template lies in, as helm names them (an alias, else the chart's name): their
  // values are the parent's under those names; a subchart installed under two aliases has one
  // template and two prefixes, and the value must then be found under exactly one of them
  const prefixes = templates.map((t) => {
    const prefix: string[] = [];
    for (let rest = t.source ?? templateFile.slice(chart.chart.length + 1), m = /^charts\/([^/]+)\//.exec(rest); m; rest = rest.slice(m[0].length), m = /^charts\/([^/]+)\//.exec(rest)) prefix.push(m[1] as string);
    return prefix;
  });
  // the values in helm's merge order, lowest first: each subchart's own values.yaml (a deeper one
  // first), its keys under the subchart's names (`global` stays every chart's own), then the chart's files
  const defaults = [...(chart.defaults ?? [])].sort((x, y) => y.prefix.length - x.prefix.length);
  const sources: ManifestFile[] = [...defaults, ...chart.files];
  const scalars = [
    ...defaults.map((f) => valueScalars(f).map((v): Scalar => (v.key[0] === 'global' ? v : { ...v, key: [...f.prefix, ...v.key], own: v.key }))),
    ...chart.files.map((f): readonly Scalar[] => valueScalars(f)),
  ];
  const found = new Map<string, SourceRef>();
  // the whole address, or a qualified host; a bare name like `api` would match unrelated keys
  for (const needle of c.host.includes('.') ? [c.text, c.host] : [c.text]) {
    scalars.forEach((file, i) => {
      for (const s of file) {
        if (!s.value.toLowerCase().includes(needle.toLowerCase())) continue;
        const key = s.key.join('.');
        const own = ownKey(s.key, prefixes);
        if (own === undefined || !readsValueThrough(template, own.join('.'), named)) continue;
        // a later values file that sets the key wins: then this one is not where the value came from
        if (scalars.slice(i + 1).some((later) => later.some((l) => l.key.join('.') === key))) continue;
        // a subchart's default is cited under its key in that file (`port`, not `primary.port`)
        found.set(key, { file: (sources[i] as ManifestFile).path, doc: 0, line: s.line, column: s.column, path: s.own ?? s.key });
      }
    });
    if (found.size > 0) break;
  }
  // one place: a subchart's default that two aliases both read unchanged is one line
  const places = new Map([...found.values()].map((r) => [`${r.file}\u0000${r.line ?? 0}\u0000${r.column ?? 0}`, r]));
  return places.size === 1 ? [...places.values()][0] : undefined;
}

/**
 * A parent's values key as a subchart's template reads it: under one of the subchart's names
 * (`primary.port` as `port`), or a `global` key as it is (`global` is every chart's own).
 */
function ownKey(key: readonly string[], prefixes: readonly (readonly string[])[]): readonly string[] | undefined {
  if (key[0] === 'global') return key;
  const prefix = prefixes.find((p) => key.length > p.length && p.every((name, k) => key[k] === name));
  return prefix ? key.slice(prefix.length) : undefined;
}

/** The named templates of a chart's partials and templates, read once per chart (only when a value is traced). */
function namedTemplatesOf(chart: ChartValuesFiles): NamedTemplates {
  let named = NAMED_TEMPLATES.get(chart);
  if (!named) NAMED_TEMPLATES.set(chart, (named = new NamedTemplates([...(chart.partials ?? []), ...(chart.templates ?? [])])));
  return named;
}
const NAMED_TEMPLATES = new WeakMap<ChartValuesFiles, NamedTemplates>();

/** Whether a template reads `.Values.<key>`, itself or in a named template it provably hands the root context (named-templates.ts). */
function readsValueThrough(template: string, key: string, named: NamedTemplates): boolean {
  return readsValue(template, key) || named.reachedFrom(template).some((body) => readsValue(body, key));
}

/** Whether a template reads `.Values.<key>` itself (not a longer key that starts with it). */
function readsValue(template: string, key: string): boolean {
  const at = template.indexOf(`.Values.${key}`);
  if (at < 0) return false;
  for (let i = at; i >= 0; i = template.indexOf(`.Values.${key}`, i + 1)) {
    const next = template[i + `.Values.${key}`.length] ?? '';
    if (!/[\w.-]/.test(next)) return true;
  }
  return false;
}

/** A values file's scalar: its key path (as merged), where it is, and its key in its own file where that differs (a subchart's default). */
type Scalar = { key: string[]; value: string; line: number; column: number; own?: string[] };

/** The string and number scalars of a values file under mappings, with their key paths and places (read once per file: every traced address reads them). */
function valueScalars(f: ManifestFile): readonly { key: string[]; value: string; line: number; column: number }[] {
  let scalars = VALUE_SCALARS.get(f);
  if (!scalars) VALUE_SCALARS.set(f, (scalars = readValueScalars(f)));
  return scalars;
}
const VALUE_SCALARS = new WeakMap<ManifestFile, readonly { key: string[]; value: string; line: number; column: number }[]>();

function readValueScalars(f: ManifestFile): { key: string[]; value: string; line: number; column: number }[] {
  const lines = new LineCounter();
  const doc = parseDocument(f.text, { lineCounter: lines, uniqueKeys: false, strict: false });
  const out: { key: string[]; value: string; line: number; column: number }[] = [];
  const walk = (node: unknown, key: string[]) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (k === undefined) continue;
      if (isScalar(pair.value) && (typeof pair.value.value === 'string' || typeof pair.value.value === 'number') && pair.value.range) {
        const pos = lines.linePos(pair.value.range[0]);
        out.push({ key: [...key, k], value: String(pair.value.value), line: pos.line, column: pos.col });
      } else walk(pair.value, [...key, k]);
    }
  };
  walk(doc.contents, []);
  return out;
}

export function scanTopology(cluster: Cluster, options: ScanOptions = {}): StageResult<Topology> {
  const values = options.values ?? [];
  // every definition of a Service: a name defined twice (a copy-paste slip, two variants of an app) may mean either
  const services = new Map<string, ServiceEntry[]>();
  const configMaps = new Map<string, Extract<K8sObject, { kind: 'ConfigMap' }>>();
  // Secrets are read like ConfigMaps (their data decoded), and their values never shown
  const secrets = new Map<string, ConfigMapObject>();
  const byNamespace = workloadsByNamespace(cluster.workloads);
  for (const o of cluster.objects) {
    const ns = ('metadata' in o.object && o.object.metadata.namespace) || DEFAULT_NAMESPACE;
    if (o.kind === 'Service') {
      const key = `${ns}/${o.object.metadata.name}`;
      services.set(key, [...(services.get(key) ?? []), { object: o.object, origin: o.origin, workloads: serviceWorkloads(o.object, byNamespace) }]);
    }
    else if (o.kind === 'ConfigMap') configMaps.set(`${ns}/${o.object.metadata.name}`, o);
    else if (o.kind === 'Secret') secrets.set(`${ns}/${o.object.metadata.name}`, secretAsConfigMap(o));
  }
  const links = new LinkSet();
  // a workload naming itself: kept apart from the links (connectivity has no self-pairs), merged alike
  const self = new LinkSet();
  const unresolved: Unresolved[] = [];
  const dns: DnsUse[] = [];

  const sharing = new Map<string, { origin: ObjectOrigin; workloads: Set<string> }>();
  const portChoices = new Map<string, Diagnostic>();
  const dapr = daprComponentSources(cluster);
  const endpointDiagnostics: Diagnostic[] = [];
  const ctx: ResolveContext = { services, endpoints: manualEndpoints(cluster.objects, DEFAULT_NAMESPACE, endpointDiagnostics), links, self, unresolved, dns, values, serviceCidrs: options.serviceCidrs ?? [], sharing, portChoices, evidenceLines: options.evidenceLines ?? true, docLines: new Map(), configReadings: new Map(), configNotes: new Map(), serviceVars: new Map(), dapr: dapr.byWorkload, publicHosts: publicHosts(cluster, (key) => (services.get(key) ?? []).flatMap((e) => e.workloads)) };
  for (const w of cluster.workloads) scanWorkload(w, configMaps, ctx, secrets);
  podDnsSettings(cluster.workloads, ctx);
  const diagnostics = [...duplicateServiceWarnings(services), ...endpointDiagnostics, ...dapr.diagnostics, ...addExposures(cluster, services, links), ...portChoices.values(), ...sharedConfigMapWarnings(sharing), ...ctx.configNotes.values()];
  unresolved.push(...apiServerClients(cluster, apiServerGapHolders(unresolved)), ...meshControlPlaneGaps(cluster));
  const sortedUnresolved = unresolved.sort(
    (a, b) => compareStrings(a.at.file, b.at.file) || (a.at.line ?? 0) - (b.at.line ?? 0) || compareStrings(a.value, b.value),
  );
  const selfUses: SelfUse[] = self.sorted().flatMap((l) => (l.src.kind === 'workload' ? [{ workload: l.src.ref, conns: l.conns, evidence: l.evidence }] : []));
  return {
    value: { links: links.sorted(), unresolved: dedupeUnresolved(sortedUnresolved), ...(dns.length > 0 ? { dns: sortedDnsUses(dns) } : {}), ...(selfUses.length > 0 ? { self: selfUses } : {}) },
    diagnostics,
  };
}

/** What the scan of every workload shares. */
interface ResolveContext {
  readonly services: ReadonlyMap<string, readonly ServiceEntry[]>;
  /** The endpoints written for Services without a selector (manual-endpoints.ts). */
  readonly endpoints: ManualEndpoints;
  readonly links: LinkSet;
  /** The workloads that name themselves (SelfUse), each as a link from it to it. */
  readonly self: LinkSet;
  readonly unresolved: Unresolved[];
  /** The workloads that name the cluster DNS Service (see DnsUse). */
  readonly dns: DnsUse[];
  readonly values: readonly ChartValuesFiles[];
  /** See ScanOptions.serviceCidrs. */
  readonly serviceCidrs: readonly IpRange[];
  /** ConfigMap `ns/name` -> the workloads that got links from its values. */
  readonly sharing: Map<string, { origin: ObjectOrigin; workloads: Set<string> }>;
  /** One warning per (workload, Service) reached by an address without a port on a multi-port Service, and the headless Service warnings (reachHeadless), each keyed so. */
  readonly portChoices: Map<string, Diagnostic>;
  /** See ScanOptions.evidenceLines. */
  readonly evidenceLines: boolean;
  /** The lines of each document a value's line was looked for in (split once per document, not once per value). */
  readonly docLines: Map<ParsedDocument, readonly string[]>;
  /** The structured reading of each distinct ConfigMap/Secret value (config-documents.ts), parsed once per scan. */
  readonly configReadings: ConfigReadings;
  /** One note per ConfigMap/Secret value too large to be read as a config file (`file:doc:path`). */
  readonly configNotes: Map<string, Diagnostic>;
  /** The Dapr Components each Dapr app's sidecar loads (dapr-components.ts). */
  readonly dapr: ReadonlyMap<Workload, DaprSources>;
  /** Ingress, Route and Gateway API route hosts -> the workloads they route to (public-hosts.ts). */
  readonly publicHosts: PublicHosts;
  /** `enabled\u0000namespace` -> the kubelet's Service variables there (serviceVariables), made on first use. */
  readonly serviceVars: Map<string, ReadonlyMap<string, string>>;
  /** ClusterIP -> the Service key that holds it, made on first use (serviceByClusterIp). */
  clusterIps?: Map<string, string>;
}

/**
 * A `$(VAR)` where an address's host or port goes: `http://$(X)`, `$(X):8080`, `$(X):$(Y)`,
 * `hub:$(PORT)`. Left as written when undefined, the address is unknown: a gap, never dropped.
 */
// (a host stands alone or after `//`, `=`, `@`, a space or a comma: `/usr/lib:$(EXTRA)`, a path list, is none)
const REF_AS_HOST = /:\/\/\$\(|\$\([^()$]+\):(?:\d|\$\()/;
const HOST_THEN_REF = /(?:^|[\s=,@]|\/\/)([a-z0-9][a-z0-9_.-]*):\$\(([^()$]+)\)/gi;
/** A variable named for a port or an address (`NOPE_PORT`, `DB_ADDR`): what `host:$(VAR)` most likely holds. */
const ADDRESS_PART_NAME = /(?:^|_)(?:PORT|HOST|ADDR|ADDRESS|URL|URI|SERVER|ENDPOINT|SVC|SERVICE)(?:_|$)/i;
/**
 * `host:$(VAR)` is an address only when VAR is named for a port or address, or the host is a dotted
 * name: `nginx:$(TAG)` (an image), `app:$(NAME)` (a label) and `0.0.0.0:$(PORT)` (where the workload
 * listens) are none.
 */
function refInAddress(text: string): boolean {
  if (REF_AS_HOST.test(text)) return true;
  for (const m of text.matchAll(HOST_THEN_REF)) {
    const [host, name] = [m[1] as string, m[2] as string];
    if (isLocalAddress(host) || host === '0.0.0.0') continue;
    if (ADDRESS_PART_NAME.test(name) || (host.includes('.') && !/^[\d.]+$/.test(host))) return true;
  }
  return false;
}

/** The kubelet's Service variables for a workload's pods, made once per namespace (and per enableServiceLinks). */
function serviceVariables(w: Workload, ctx: ResolveContext): ReadonlyMap<string, string> {
  const enabled = (w.spec as { enableServiceLinks?: unknown } | undefined)?.enableServiceLinks !== false;
  const key = `${enabled}\u0000${w.ref.namespace}`;
  let vars = ctx.serviceVars.get(key);
  if (!vars) {
    const prefix = `${w.ref.namespace}/`;
    // a Service defined twice (duplicateServiceWarnings) is read as its first definition, as elsewhere
    const inNamespace = [...ctx.services].filter(([k]) => k.startsWith(prefix)).flatMap(([, entries]) => (entries[0] ? [entries[0].object] : []));
    vars = serviceLinkVariables(inNamespace, enabled);
    ctx.serviceVars.set(key, vars);
  }
  return vars;
}

/** The default port of a URL scheme whose standard fixes one: http and ws 80, https and wss 443 (RFC 9110 §4.2, RFC 6455 §3). */
const STANDARD_PORTS: Readonly<Record<string, number>> = { http: 80, ws: 80, https: 443, wss: 443 };

/**
 * The port a client dials for a URL scheme without a port, as each client's own URI specification
 * documents it: PostgreSQL's connection URIs (libpq: 5432), MySQL's (3306), the MongoDB connection
 * string (27017; not `mongodb+srv`, an SRV lookup), Redis' URI scheme (IANA: 6379, TLS too), the
 * AMQP 0-9-1 URI spec (5672, amqps 5671), NATS (4222), LDAP (RFC 4516: 389, ldaps 636); and the
 * standard ones. Used in the cluster only, where a Service port of that number agrees with it;
 * outside, no Service says which ports, and only the standards count.
 */
const CLIENT_DEFAULT_PORTS: Readonly<Record<string, number>> = {
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
  ldaps: 636,
};

const portOf = (table: Readonly<Record<string, number>>, scheme: string | undefined): number | undefined => {
  const key = scheme?.toLowerCase();
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
};
const clientDefaultPort = (scheme: string | undefined) => portOf(CLIENT_DEFAULT_PORTS, scheme);
const schemePort = (scheme: string | undefined) => portOf(STANDARD_PORTS, scheme);

/** One address candidate found in a value, with where it was written. */
interface Found {
  readonly c: AddressCandidate;
  readonly at: () => SourceRef;
  /** The document and YAML path of the value, without looking for its line (see ScanOptions.evidenceLines). */
  readonly place: () => SourceRef;
  readonly via?: () => SourceRef;
  /** The ConfigMap (`ns/name`) the value came from. */
  readonly configMap?: { readonly key: string; readonly origin: ObjectOrigin };
  /** The Secret (`ns/name`) the value came from: the evidence shows the address's host and port only. */
  readonly secret?: string;
  /** The value names it as a DNS server (`resolver 10.96.0.10`, `nameserver 10.96.0.10`): see isClusterDnsAddress. */
  readonly dnsSetting?: true;
  /** A URL's path (`/api` of `https://shop.example.com/api`): which workload behind a public host it calls; read only when asked. */
  readonly urlPath?: () => string | undefined;
  /** How many ExternalName aliases were followed to get here (clusterServiceName). */
  readonly cnames?: number;
}

/** CNAMEs of ExternalName Services followed before giving up (glibc's resolver follows as many; a loop ends here). */
const MAX_CNAMES = 8;

/**
 * The Service an ExternalName's `externalName` names inside the cluster, as `svc.ns.svc.cluster.local`,
 * or undefined. The cluster DNS answers the ExternalName with a CNAME, whose target is an absolute
 * name: only a Service's full name (`<svc>.<ns>.svc.cluster.local`, a trailing dot allowed) resolves
 * in the cluster; `postgres.data` as a CNAME target is looked up as is, outside it.
 */
function clusterServiceName(externalName: string): string | undefined {
  const m = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc\.cluster\.local\.?$/i.exec(externalName.trim());
  return m ? `${(m[1] as string).toLowerCase()}.${(m[3] as string).toLowerCase()}.svc.cluster.local` : undefined;
}

/** The path of the URL at `offset` in `value` (after its scheme, host and port), if it has one. */
function urlPathAt(value: string, offset: number): string | undefined {
  // the candidate's offset is at its scheme, at the `//` after it, or at its host, as the reader found it
  // (the path optional: a regular expression that needed one would find it by reading `https:` as the host)
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|\/\/)?[^\s/"'?#]*(\/[^\s"'?#]*)?/i.exec(value.slice(offset, offset + 2048))?.[1];
}

type ConfigMapObject = Extract<K8sObject, { kind: 'ConfigMap' }>;

/**
 * The addresses of one workload: env values (after `$(VAR)` expansion, HOST/PORT pairs joined),
 * the ConfigMap keys they reference, ConfigMaps mounted or imported whole, command and args, and
 * for a Dapr app the metadata values of the Dapr Components its sidecar loads.
 */
function scanWorkload(w: Workload, configMaps: ReadonlyMap<string, ConfigMapObject>, ctx: ResolveContext, secrets: ReadonlyMap<string, ConfigMapObject> = new Map()): void {
  const cmData = (name: string): [ConfigMapObject, [string, string][]] | undefined => {
    const cm = configMaps.get(`${w.ref.namespace}/${name}`);
    return cm ? [cm, configMapFiles(cm)] : undefined;
  };
  const secretData = (name: string | null | undefined): [ConfigMapObject, [string, string][]] | undefined => {
    const s = typeof name === 'string' ? secrets.get(`${w.ref.namespace}/${name}`) : undefined;
    return s ? [s, configMapFiles(s)] : undefined;
  };
  // `$(HUB_SERVICE_PORT)`: the variables the kubelet sets for the Services of the namespace (service-links.ts)
  const serviceVar = (name: string) => serviceVariables(w, ctx).get(name);
  const secretKey = (s: ConfigMapObject) => `${s.object.metadata.namespace || DEFAULT_NAMESPACE}/${s.object.metadata.name}`;
  const emit = (value: string, context: ValueContext, origin: ObjectOrigin, path: readonly (string | number)[], extra: { via?: () => SourceRef; configMap?: ConfigMapObject; secret?: ConfigMapObject; ports?: readonly { name: string; port: string; exact?: true }[]; dnsName?: boolean } = {}) => {
    // an address without a port takes each port its HOST/PORT variables pair it with; ports paired by
    // name alone (`REDIS_EXPORTER_PORT` beside `REDIS_HOST`) only when the Service has one of them
    // (else they belong to something else, and the address stays without a port)
    const withPorts = (c: AddressCandidate): AddressCandidate[] => {
      if (c.port !== undefined || !extra.ports || extra.ports.length === 0) return [c];
      if (!extra.ports.some((p) => p.exact)) {
        const target = serviceFor(c.host, w.ref.namespace, ctx.services);
        const declared = new Set((target?.entries ?? []).flatMap((e) => (e.object.spec?.ports ?? []).map((sp) => String(sp.port))));
        if (target && !extra.ports.some((p) => declared.has(p.port))) return [c];
      }
      return extra.ports.map((p) => ({ ...c, port: p.port, text: `${c.text} (${p.name}=${p.port})`, explicit: true }));
    };
    // a ConfigMap's or Secret's value may be a config file: its structure says more (config-documents.ts)
    const candidates = extra.configMap || extra.secret ? configValueAddresses(value, context, ctx.configReadings, typeof path[1] === 'string' ? path[1] : undefined) : findAddressesIn(value, context);
    if ((extra.configMap || extra.secret) && value.length > MAX_CONFIG_DOCUMENT) configTooLarge(value, origin, path, ctx.configNotes);
    for (const c of candidates.flatMap(withPorts)) {
      const found: Found = {
        c,
        // once per candidate: an address reaching a Service of several workloads gives one link each
        at: once(() => lineOf(origin, path, value, c.offset, ctx.docLines)),
        place: () => ({ file: origin.document.file, doc: origin.document.doc, path: [...origin.path, ...path] }),
        ...(extra.via ? { via: once(extra.via) } : {}),
        ...(extra.configMap ? { configMap: { key: `${extra.configMap.object.metadata.namespace || DEFAULT_NAMESPACE}/${extra.configMap.object.metadata.name}`, origin: extra.configMap.origin } } : {}),
        ...(extra.secret ? { secret: secretKey(extra.secret) } : {}),
        ...(c.dnsServer || extra.dnsName || DNS_SETTING.test(value.slice(Math.max(0, c.offset - 64), c.offset)) ? { dnsSetting: true as const } : {}),
        ...(c.scheme !== undefined ? { urlPath: () => urlPathAt(value, c.offset) } : {}),
      };
      resolveAddress(found, w, ctx);
    }
  };
  // ConfigMaps and Secrets mounted as volumes hold configuration files the containers read (a
  // `DATABASE_URL` file, a generated config): a volume's ConfigMaps first, then its Secrets
  (w.spec?.volumes ?? []).forEach((v, vi) => {
    const at = [...w.specPath, 'volumes', vi];
    const sources = v.projected?.sources ?? [];
    // a volume that lists `items` holds those keys only (harbor's core mounts just app.conf of the
    // ConfigMap it also imports as its environment, where the host has its paired port); an empty
    // list is no list (the kubelet projects every key, as for an absent one); and a mount with a
    // subPath shows only that file (volume-mounts.ts)
    const only = (items: readonly { key: string }[] | null | undefined) => ({ keys: readableKeys(w.spec, v.name, items ?? undefined) });
    const configMaps = [
      ...(v.configMap ? [{ name: v.configMap.name, path: [...at, 'configMap'], ...only(v.configMap.items) }] : []),
      ...sources.flatMap((src, si) => (src.configMap ? [{ name: src.configMap.name, path: [...at, 'projected', 'sources', si, 'configMap'], ...only(src.configMap.items) }] : [])),
    ];
    const secrets = [
      ...(v.secret ? [{ name: v.secret.secretName, path: [...at, 'secret'], ...only(v.secret.items) }] : []),
      ...sources.flatMap((src, si) => (src.secret ? [{ name: src.secret.name, path: [...at, 'projected', 'sources', si, 'secret'], ...only(src.secret.items) }] : [])),
    ];
    const mounted = [...configMaps.map((m) => ({ ...m, secret: false, found: cmData(m.name) })), ...secrets.map((m) => ({ ...m, secret: true, found: secretData(m.name) }))];
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
  for (const field of ['initContainers', 'containers'] as const) {
    (w.spec?.[field] ?? []).forEach((container, ci) => {
      const base = [...w.specPath, field, ci];
      // ConfigMaps a config-loader sidecar copies in by label are read like mounted ones
      for (const { cm, labelIndex } of sidecarConfigMaps(container.env, w.ref.namespace, configMaps.values())) {
        for (const [key, value] of configMapFiles(cm)) emit(value, valueContext(key), cm.origin, ['data', key], { via: () => originRef(w.origin, [...base, 'env', labelIndex, 'value']), configMap: cm });
      }
      // the container's variables in Kubernetes' order: envFrom sources, then env entries
      const vars = new Map<string, string>();
      // every name the container sets so far, also where its value is unknown here (a node's
      // address, a Secret not in the manifests): the kubelet's Service variable of that name is
      // overridden (kubelet_pods.go makeEnvironmentVariables: the container's own variables first)
      const declared = new Set<string>();
      const serviceVarHere = (name: string) => (declared.has(name) ? undefined : serviceVar(name));
      const imported: { cm: ConfigMapObject; key: string; value: string; via: () => SourceRef; secret?: true }[] = [];
      (container.envFrom ?? []).forEach((ef, fi) => {
        const fromSecret = !ef.configMapRef && ef.secretRef ? secretData(ef.secretRef.name) : undefined;
        const found = ef.configMapRef ? cmData(ef.configMapRef.name) : fromSecret;
        if (!found) return;
        const [cm, data] = found;
        const prefix = typeof (ef as { prefix?: unknown }).prefix === 'string' ? ((ef as { prefix: string }).prefix) : '';
        const field = fromSecret ? 'secretRef' : 'configMapRef';
        for (const [key, value] of data) {
          vars.set(`${prefix}${key}`, value);
          declared.add(`${prefix}${key}`);
          imported.push({ cm, key, value, via: () => originRef(w.origin, [...base, 'envFrom', fi, field]), ...(fromSecret ? { secret: true as const } : {}) });
        }
      });
      const entries: { name: string; value: string; origin: ObjectOrigin; path: (string | number)[]; via?: () => SourceRef; cm?: ConfigMapObject; secret?: true; context: ValueContext }[] = [];
      // variables the Downward API sets at run time (the node's or pod's address, the pod's name)
      const downward = new Map<string, DownwardField>();
      const nodeNamed: { name: string; field: string; at: SourceRef }[] = [];
      const envEntry = (env: NonNullable<typeof container.env>[number], ei: number) => {
        if (typeof env.value === 'string') {
          const { value, missing } = expandVarsDetailed(env.value, vars, serviceVarHere);
          vars.set(env.name, value);
          // `http://$(NOT_YET_DEFINED):8080`: Kubernetes leaves the reference as written; the address is unknown
          const context = valueContext(env.name);
          if (missing.length > 0 && context !== 'own' && (context === 'address' || refInAddress(env.value))) {
            runtimeReference(w, value, missing, downward, originRef(w.origin, [...base, 'env', ei, 'value']), ctx.unresolved);
          }
          entries.push({ name: env.name, value, origin: w.origin, path: [...base, 'env', ei, 'value'], context });
          return;
        }
        const fieldPath = env.valueFrom?.fieldRef?.fieldPath;
        if (fieldPath !== undefined) {
          const d = downwardField(fieldPath, w.ref);
          if (d.kind === 'value') vars.set(env.name, d.value);
          else downward.set(env.name, d);
          // INSTANA_AGENT_HOST / DD_AGENT_HOST from status.hostIP: the workload calls an agent on its node
          if (d.kind === 'node' && valueContext(env.name) === 'address') nodeNamed.push({ name: env.name, field: d.field, at: originRef(w.origin, [...base, 'env', ei, 'valueFrom', 'fieldRef', 'fieldPath']) });
          return;
        }
        const sref = env.valueFrom?.secretKeyRef;
        if (sref) {
          const fromSecret = secretData(sref.name);
          const value = fromSecret?.[1].find(([k]) => k === sref.key)?.[1];
          if (!fromSecret || value === undefined) return;
          vars.set(env.name, value);
          entries.push({ name: env.name, value, origin: fromSecret[0].origin, path: dataPath(fromSecret[0], sref.key), via: () => originRef(w.origin, [...base, 'env', ei, 'valueFrom', 'secretKeyRef']), cm: fromSecret[0], secret: true, context: valueContext(env.name, sref.key) });
          return;
        }
        const ref = env.valueFrom?.configMapKeyRef;
        const found = ref ? cmData(ref.name) : undefined;
        const value = found && ref ? found[1].find(([k]) => k === ref.key)?.[1] : undefined;
        if (!found || !ref || value === undefined) return;
        vars.set(env.name, value);
        entries.push({
          name: env.name,
          value,
          origin: found[0].origin,
          path: ['data', ref.key],
          via: () => originRef(w.origin, [...base, 'env', ei, 'valueFrom', 'configMapKeyRef']),
          cm: found[0],
          context: valueContext(env.name, ref.key),
        });
      };
      (container.env ?? []).forEach((env, ei) => {
        envEntry(env, ei);
        declared.add(env.name);
      });
      for (const n of nodeNamed) {
        // its port is a paired variable's (INSTANA_AGENT_PORT), when the manifests set one
        const paired = pairedPorts(n.name, vars);
        const ports = paired.length > 0 ? paired : [undefined];
        for (const p of ports) {
          ctx.unresolved.push({
            workload: w.ref,
            value: `$(${n.field})${p ? ` (${p.name}=${p.port})` : ''}`,
            at: n.at,
            reason: 'node-address',
            detail: nodeDetail(n.name, n.field),
            ...(p ? { conns: ConnectionSet.port('TCP', Number(p.port)) } : {}),
          });
        }
      }
      for (const i of imported) {
        emit(i.value, valueContext(i.key), i.cm.origin, dataPath(i.cm, i.key), { via: i.via, ...(i.secret ? { secret: i.cm } : { configMap: i.cm }), ports: pairedPorts(i.key, vars), dnsName: DNS_SETTING_NAME.test(i.key) });
      }
      for (const e of entries) {
        emit(e.value, e.context, e.origin, e.path, { ...(e.via ? { via: e.via } : {}), ...(e.cm ? (e.secret ? { secret: e.cm } : { configMap: e.cm }) : {}), ports: pairedPorts(e.name, vars), dnsName: DNS_SETTING_NAME.test(e.name) });
      }
      for (const list of ['command', 'args'] as const) {
        const items = container[list] ?? [];
        items.forEach((arg, ai) => {
          if (typeof arg !== 'string') return;
          // `--cart-svc carts`: the value after an address-named flag (given as its own item) is an address;
          // after `--bind-address` it is the workload's own; an item that is itself a flag is no flag's value
          // (`--listen --upstream=http://api:8080`: a switch, then an address)
          const prev = ai > 0 ? items[ai - 1] : undefined;
          const flag = typeof prev === 'string' && /^--?[a-z0-9][a-z0-9._-]*$/i.test(prev) && !arg.startsWith('-') ? prev : undefined;
          const context: ValueContext = flag && isOwnAddressName(flag) ? 'own' : flag && isAddressName(flag) ? 'address' : 'text';
          const { value, missing } = expandVarsDetailed(arg, vars, serviceVarHere);
          // `--collector.host-port=$(HOST_IP):14267`: a Downward API variable where a host goes
          const runtime = missing.filter((m) => downward.has(m) && refAsHost(value, m));
          // `--default-target=http://hub:$(NOPE)`: an undefined variable where the host or port goes, left as written
          const undefinedRefs = runtime.length > 0 || context === 'own' ? [] : missing.filter((m) => !downward.has(m));
          if (runtime.length > 0 && context !== 'own') runtimeReference(w, value, runtime, downward, originRef(w.origin, [...base, list, ai]), ctx.unresolved);
          else if (undefinedRefs.length > 0 && (context === 'address' || refInAddress(arg))) runtimeReference(w, value, undefinedRefs, downward, originRef(w.origin, [...base, list, ai]), ctx.unresolved);
          emit(value, context, w.origin, [...base, list, ai]);
        });
      }
    });
  }
  // a Dapr app's sidecar, in its pod, connects to the backends of the Components it loads and to its tracing endpoints
  const dapr = ctx.dapr.get(w);
  if (dapr) {
    for (const d of dapr.values) emit(d.value, d.context, d.origin, d.path, { via: d.via });
    ctx.unresolved.push(...dapr.unknown);
  }
}

/** A ConfigMap/Secret value over the size bound: said once (with --verbose), as it is read as text only. */
function configTooLarge(value: string, origin: ObjectOrigin, path: readonly (string | number)[], notes: Map<string, Diagnostic>): void {
  const key = `${origin.document.file}\u0000${origin.document.doc}\u0000${[...origin.path, ...path].join('.')}`;
  if (notes.has(key)) return;
  const mb = (value.length / (1024 * 1024)).toFixed(1);
  notes.set(key, diag(Codes.configDocumentTooLarge, 'info', `a value of ${mb} MB, over the 1 MB read as a config file: its addresses are read as text only (no host/port pairs)`, originRef(origin, path)));
}

/**
 * Where a pod sends its DNS queries, as its own spec says
 * (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy):
 * - `dnsConfig.nameservers` are written into the pod's resolv.conf: alone with `dnsPolicy: None`,
 *   after the cluster DNS with `ClusterFirst` (a resolver turns to them when the first does not
 *   answer), so each is needed: the cluster DNS ClusterIP is a DNS use, any other address a link on
 *   UDP and TCP 53 (an ipBlock);
 * - `dnsPolicy: Default` "inherits the name resolution configuration from the node", and a
 *   hostNetwork pod with `ClusterFirst` (the default) "will fallback to the behavior of the Default
 *   policy": the node's resolvers, which the manifests do not hold. A workload with egress needs
 *   them: a gap on the DNS ports, at the field that says so.
 * Runs after every workload was scanned: whether a workload has egress is known then.
 */
function podDnsSettings(workloads: readonly Workload[], ctx: ResolveContext): void {
  const withEgress = new Set<string>([...ctx.links.sources(), ...ctx.self.sources(), ...ctx.unresolved.map((u) => workloadKey(u.workload)), ...ctx.dns.map((u) => workloadKey(u.workload))]);
  for (const w of workloads) {
    const spec = w.spec as { dnsPolicy?: unknown; dnsConfig?: { nameservers?: unknown } | null; hostNetwork?: unknown } | undefined;
    const nameservers = Array.isArray(spec?.dnsConfig?.nameservers) ? spec.dnsConfig.nameservers : [];
    nameservers.forEach((ns, i) => {
      if (typeof ns !== 'string' || parseCidr(ns.trim()) === undefined || ns.includes('/')) return;
      const path = [...w.specPath, 'dnsConfig', 'nameservers', i];
      const at = () => originRef(w.origin, path);
      const host = ns.trim().toLowerCase();
      resolveAddress({ c: { host, text: ns.trim(), explicit: true, offset: 0, dnsServer: true }, at: once(at), place: at, dnsSetting: true }, w, ctx);
    });
    const policy = dnsPolicyOf(w);
    const fromNode = policy === 'Default';
    if (!fromNode || !(withEgress.has(workloadKey(w.ref)) || nameservers.length > 0)) continue;
    const written = spec?.dnsPolicy === 'Default';
    ctx.unresolved.push({
      workload: w.ref,
      value: written ? 'dnsPolicy: Default' : 'hostNetwork: true',
      at: originRef(w.origin, [...w.specPath, written ? 'dnsPolicy' : 'hostNetwork']),
      reason: 'node-address',
      detail: `${written ? 'dnsPolicy: Default' : 'a hostNetwork pod with dnsPolicy ClusterFirst (use ClusterFirstWithHostNet for the cluster DNS)'} resolves names through its node's resolvers (the node's resolv.conf), whose addresses the manifests do not hold; the DNS rule to the cluster DNS does not reach them`,
      conns: dnsPorts(53),
    });
  }
}

/**
 * A workload's DNS policy as it takes effect: `ClusterFirst` when unset, and `Default` for a
 * hostNetwork pod with `ClusterFirst` ("Pods running with hostNetwork and ClusterFirst will fallback
 * to the behavior of the Default policy", Kubernetes' DNS for Services and Pods).
 */
export function dnsPolicyOf(w: Workload): 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None' {
  const spec = w.spec as { dnsPolicy?: unknown; hostNetwork?: unknown } | undefined;
  const written = spec?.dnsPolicy;
  if (written === 'Default' || written === 'None') return written;
  if (written === 'ClusterFirstWithHostNet') return spec?.hostNetwork === true ? 'ClusterFirstWithHostNet' : 'ClusterFirst';
  return spec?.hostNetwork === true ? 'Default' : 'ClusterFirst';
}

/** Whether a workload's pods send their queries to the cluster DNS (not the node's resolvers, nor only servers of their own `dnsConfig`). */
export function resolvesThroughClusterDns(w: Workload): boolean {
  const policy = dnsPolicyOf(w);
  return policy === 'ClusterFirst' || policy === 'ClusterFirstWithHostNet';
}

/** The detail of a gap for an address that is the node's (`status.hostIP`). */
function nodeDetail(name: string, field: string): string {
  return `$(${name}) is the node's address (${field}): an agent on the node (hostNetwork or a hostPort); policies reach node addresses only through ipBlocks, and the manifests do not hold the nodes' CIDR`;
}

/**
 * An address value that still holds `$(NAME)` references after expansion: a reference to the
 * node's address (Downward API `status.hostIP`) is a node-address gap; one to the pod's own
 * address (`status.podIP`) is no destination; anything else (undefined, or known only at run time
 * like `metadata.name`) leaves the address unknown: an undefined-variable gap.
 */
function runtimeReference(w: Workload, value: string, missing: readonly string[], downward: ReadonlyMap<string, DownwardField>, at: SourceRef, unresolved: Unresolved[]): void {
  const node = missing.find((m) => downward.get(m)?.kind === 'node');
  if (node !== undefined) {
    const port = portAfterRef(value, node);
    unresolved.push({ workload: w.ref, value, at, reason: 'node-address', detail: nodeDetail(node, (downward.get(node) as DownwardField).field), ...(port !== undefined ? { conns: ConnectionSet.port('TCP', port) } : {}) });
    return;
  }
  if (missing.some((m) => downward.get(m)?.kind === 'own')) return;
  const first = missing[0] as string;
  const d = downward.get(first);
  unresolved.push({
    workload: w.ref,
    value,
    at,
    reason: 'undefined-variable',
    detail: d
      ? `$(${first}) is the pod's ${d.field} (Downward API), known only at run time`
      : `$(${first}) is defined neither by this container (for an env value, by an earlier entry) nor by the kubelet's Service variables, so Kubernetes leaves it as written`,
  });
}

/**
 * A ConfigMap's string values by key, sorted, without SSH known_hosts files (`ssh_known_hosts`,
 * `known_hosts`): they list the hosts whose keys are trusted, not hosts the workload connects to
 * (Argo CD's argocd-ssh-known-hosts-cm gave every Argo CD component fourteen "outside the
 * cluster" gaps for github.com, gitlab.com, bitbucket.org, ...).
 */
function configMapFiles(cm: ConfigMapObject): [string, string][] {
  return Object.entries(cm.object.data ?? {})
    .filter((e): e is [string, string] => typeof e[1] === 'string' && !/(^|[._-])known_hosts$/i.test(e[0]))
    .sort(([a], [b]) => compareStrings(a, b));
}

/**
 * The line that holds a match inside a value: the value's own line for a one-line value; inside
 * a block scalar (a script, a config file), the document line that holds the matched line.
 */
function lineOf(origin: ObjectOrigin, path: readonly (string | number)[], value: string, offset: number, docLines: Map<ParsedDocument, readonly string[]>): SourceRef {
  const before = value.slice(0, offset);
  const index = before.split('\n').length - 1;
  const valueLine = (value.split('\n')[index] ?? '').trim();
  if (valueLine === '') return originRef(origin, path);
  // found in the text that holds the value (for a rendered document: the file it came from), then translated
  return locate(origin.document, [...origin.path, ...path], (doc, at) => {
    if (at.line === undefined) return at;
    let lines = docLines.get(doc);
    if (!lines) {
      lines = doc.text.split('\n');
      docLines.set(doc, lines);
    }
    const first = at.line - doc.startLine;
    // a literal block scalar keeps its lines: line `index` of a value over several lines is the block's line `index` after the key's
    const exact = lines[first + 1 + index];
    if (index > 0 && exact !== undefined && exact.includes(valueLine)) {
      return { ...at, line: doc.startLine + first + 1 + index, column: exact.indexOf(valueLine) + 1 + (offset - before.lastIndexOf('\n') - 1) - (value.split('\n')[index] as string).indexOf(valueLine) };
    }
    // a plain one-line value sits on its key's line; a block scalar's first line is the one after `|`
    for (let j = Math.max(first, 0); j < lines.length && j <= first + index + 2 + (value.match(/\n\s*\n/g)?.length ?? 0); j++) {
      const col = (lines[j] as string).indexOf(valueLine);
      if (col >= 0 && (j > first || index === 0)) return { ...at, line: doc.startLine + j, column: col + 1 + (offset - before.lastIndexOf('\n') - 1) - (value.split('\n')[index] as string).indexOf(valueLine) };
    }
    return at;
  });
}

function resolveAddress(found: Found, w: Workload, ctx: ResolveContext): void {
  // a host the pod's /etc/hosts names (hostAliases) is that address, before any DNS name (host-aliases.ts)
  // and an IPv4-mapped IPv6 literal is its IPv4 address on the wire
  const aliased = hostAlias(w.spec, found.c.host) ?? ipv4Mapped(found.c.host);
  if (aliased !== undefined) return resolveAddress({ ...found, c: { ...found.c, host: aliased } }, w, ctx);
  // a DNS server is spoken to on DNS's port (53 unless written): a Service it names is reached there, not on all its ports
  const f: Found = found.dnsSetting && found.c.port === undefined ? { ...found, c: { ...found.c, port: '53' } } : found;
  const { c, at, via } = f;
  const { services, links, unresolved, values } = ctx;
  const src: Peer = { kind: 'workload', ref: w.ref };
  const port = c.port !== undefined && /^\d+$/.test(c.port) ? Number(c.port) : undefined;
  // the address's port, also when it came from a paired variable (`DB_HOST` + `DB_PORT`) and so is not in the text
  const gapConns = port !== undefined && port >= 1 && port <= 65535 ? { conns: ConnectionSet.port('TCP', port) } : {};
  // outside the cluster no Service says which ports: an http(s) URL's are its scheme's (https://api.example.com: 443)
  const outsidePort = port ?? schemePort(c.scheme);
  const outsideConns = outsidePort !== undefined ? { conns: ConnectionSet.port('TCP', outsidePort) } : gapConns;
  const report = (reason: Unresolved['reason'], detail: string, namespace?: string, conns: { conns?: ConnectionSet; range?: IpRange } = gapConns) => {
    const where = at();
    // a values-only PR that breaks an address is reviewed at the values line it changed, not the template
    const traced = values.length > 0 ? traceValue(where, c, values) : undefined;
    unresolved.push({ workload: w.ref, value: shownValue(f), at: where, ...(via ? { via: via() } : {}), reason, detail, ...conns, ...(namespace !== undefined ? { namespace } : {}), ...(traced ? { traced } : {}) });
  };
  const add = (dst: Peer, conns: ConnectionSet, service: string | undefined) => {
    // its own pods: a self use, which policies must allow as any other (no same-workload allowance)
    const own = dst.kind === 'workload' && workloadKey(dst.ref) === workloadKey(w.ref);
    (own ? ctx.self : links).add(src, dst, conns, ctx.evidenceLines ? evidence(f, service, values) : placedEvidence(f, service));
    if (f.configMap) {
      const s = ctx.sharing.get(f.configMap.key) ?? { origin: f.configMap.origin, workloads: new Set<string>() };
      s.workloads.add(workloadKey(w.ref));
      ctx.sharing.set(f.configMap.key, s);
    }
  };
  if (isLocalAddress(c.host)) return;
  if (port !== undefined && (port < 1 || port > 65535)) {
    report('no-such-port', `port ${c.port} is outside 1-65535`);
    return;
  }
  // the workload resolves names through the cluster DNS Service it names: DNS, allowed and judged by the DNS rule
  const dnsUse = () => ctx.dns.push({ workload: w.ref, evidence: ctx.evidenceLines ? evidence(f, undefined, values) : placedEvidence(f, undefined) });
  // an IP that a Service of the manifests holds as its ClusterIP (`spec.clusterIP`, `clusterIPs`), an
  // external IP or its load balancer's: that Service, whose pods kube-proxy sends the traffic to (a
  // DNS server named by its ClusterIP too)
  const ipLiteral = isIpLiteral(c.host);
  const byClusterIp = ipLiteral ? serviceByClusterIp(c.host, services, ctx) : undefined;
  if (ipLiteral && !byClusterIp) {
    const range = parseCidr(c.host);
    // what looks like the cluster DNS Service's ClusterIP (a private x.y.z.10 named as a DNS server)
    // may as well be a DNS server of the network (192.168.7.10): both are kept, never one guessed.
    // The DNS use gets the DNS rule; the address keeps its link, on DNS's ports.
    if (range && (port === undefined || port === 53) && f.dnsSetting && ctx.serviceCidrs.some((s) => rangeContains(s, range))) {
      // inside the Service network the user gave (--service-cidr): a ClusterIP, so the cluster DNS Service's
      dnsUse();
      return;
    }
    if (isClusterDnsAddress(c.host, port, f.dnsSetting === true)) {
      dnsUse();
      if (range) add({ kind: 'external', range }, dnsPorts(port ?? 53), undefined);
      return;
    }
    if (!range) return;
    // a link-local address is answered on the pod's own node (the metadata service a chart names to block
    // it): a node-address gap a reviewer decides, never an opened ipBlock; a DNS server there stays DNS
    if (isLinkLocalAddress(c.host) && !f.dnsSetting) {
      report('node-address', `${c.host} is a link-local address, answered on the pod's own node (a cloud's instance metadata service at 169.254.169.254, a node-local agent or cache), never by a workload of the manifests; if the workload calls it, a reviewed link to it`, undefined, { ...outsideConns, range });
      return;
    }
    // a DNS server (`nameserver 8.8.8.8`) answers on UDP, and on TCP for large answers (RFC 7766)
    add({ kind: 'external', range }, f.dnsSetting && port !== undefined ? dnsPorts(port) : outsidePort !== undefined && !f.dnsSetting ? ConnectionSet.port('TCP', outsidePort) : ConnectionSet.ALL, undefined);
    return;
  }
  const target = byClusterIp ?? serviceFor(c.host, w.ref.namespace, services);
  if (isApiServerHost(c.host, w.ref.namespace) && (!target || target.key === 'default/kubernetes')) {
    report('api-server', `${c.host} is the Kubernetes API server; an egress rule needs the cluster's API server address, which the manifests do not hold`);
    return;
  }
  // the cluster's DNS Service by name (nginx's `resolver kube-dns.kube-system.svc.cluster.local`):
  // DNS, which the DNS rule allows (also to a workload with no other egress), not a Service to find
  if (!target && isClusterDnsHost(c.host) && (port === undefined || port === 53)) {
    dnsUse();
    return;
  }
  if (!target) {
    if (c.fileLike) return;
    // the workload's own public address (an Ingress, Route or Gateway route host that routes to it): where it is reached
    if (isOwnPublicHost(ctx.publicHosts, c.host, w, f.urlPath?.())) return;
    // a URL a script's echo prints to its output (a message's "file an issue at https://...") is no call to report
    if (looksExternalHost(c.host) && c.printed) return;
    if (looksExternalHost(c.host)) report('external-hostname', `${c.host} is outside the cluster; NetworkPolicy cannot name hosts, only address blocks`, undefined, outsideConns);
    else if (c.explicit) report('no-such-service', `no Service matches ${c.host}`, namedNamespace(c.host, w.ref.namespace));
    return;
  }
  // each definition of the Service (usually one) reaches its own workloads on its own ports
  const inCluster = target.entries.filter((e) => e.object.spec?.type !== 'ExternalName');
  if (inCluster.length === 0) {
    const name = ((target.entries[0] as ServiceEntry).object.spec as { externalName?: unknown }).externalName;
    // a CNAME to another Service's cluster name (an alias across namespaces) is that Service
    const alias = typeof name === 'string' ? clusterServiceName(name) : undefined;
    if (alias !== undefined && (f.cnames ?? 0) < MAX_CNAMES) return resolveAddress({ ...f, c: { ...c, host: alias }, cnames: (f.cnames ?? 0) + 1 }, w, ctx);
    report('external-hostname', `Service ${target.key} is an ExternalName for ${typeof name === 'string' ? name : '?'}, outside the cluster; NetworkPolicy cannot name hosts`, undefined, outsideConns);
    return;
  }
  // a URL without a port dials its scheme's (http://api: 80, postgres://db: 5432): a ClusterIP forwards
  // only its own ports, so a Service with that port is reached there alone (headless ones dial the
  // pods: headless.ts)
  const schemeDial = c.port === undefined ? clientDefaultPort(c.scheme) : undefined;
  if (schemeDial !== undefined && inCluster.some((e) => (e.object.spec as { clusterIP?: unknown } | null | undefined)?.clusterIP !== 'None' && (e.object.spec?.ports ?? []).some((sp) => sp.port === schemeDial && (sp.protocol ?? 'TCP') === 'TCP'))) {
    return resolveAddress({ ...f, c: { ...c, port: String(schemeDial) } }, w, ctx);
  }
  const withPort = inCluster
    .map((svc) => ({ svc, all: svc.object.spec?.ports ?? [] }))
    .map((d) => ({ ...d, ports: d.all.filter((sp) => c.port === undefined || String(sp.port) === c.port || (sp.name ?? undefined) === c.port) }))
    .filter((d) => d.ports.length > 0);
  const headless = inCluster.every((e) => (e.object.spec as { clusterIP?: unknown } | null | undefined)?.clusterIP === 'None');
  // a Service without a selector reaches the addresses its Endpoints (EndpointSlices) list (manual-endpoints.ts)
  const manual = inCluster.some((e) => !hasSelector(e)) ? ctx.endpoints.get(target.key) : undefined;
  if (manual && headless) {
    // its name resolves to those addresses, no proxy in between: they are dialed on the port as
    // written (a Service port's name gives its number); without one, on the endpoints' own ports
    const named = withPort.flatMap((d) => d.ports).find((sp) => sp.name === c.port);
    const dialed = port ?? named?.port;
    const conns = dialed !== undefined ? ConnectionSet.port(named?.protocol ?? 'TCP', dialed) : manual.flatMap((e) => e.ports).reduce((acc, p) => acc.union(ConnectionSet.port(p.protocol, p.port)), ConnectionSet.NONE);
    if (!conns.isEmpty) {
      for (const t of dialedTargets(manual, conns)) add({ kind: 'external', range: t.range }, t.conns, target.key);
      return;
    }
  }
  // a Service with a selector also reaches the addresses of the EndpointSlices written for it by
  // hand (kube-proxy reads every slice labelled with its name); not a pod's own name (`db-0.db`)
  const slices = target.pod === undefined && inCluster.some(hasSelector) ? endpointsFromSlices(ctx.endpoints.get(target.key)) : [];
  if (headless && inCluster.every(hasSelector)) {
    // its name resolves to the pods themselves: each definition's pods on the port the client dials (headless.ts)
    const dials = inCluster.flatMap((svc) => {
      const dial = headlessDial(svc.object.spec?.ports ?? [], c.port, clientDefaultPort(c.scheme));
      return dial ? [{ svc, dial }] : [];
    });
    if (dials.length === 0) {
      if (c.explicit) report('no-such-port', `Service ${target.key} has no port ${c.port}`);
      return;
    }
    // and to the slices' addresses, dialed alike: an SRV lookup answers the endpoint port of the name
    const sliced = dials.flatMap(({ dial }) =>
      dial.kind === 'srv' ? dial.ports.flatMap((sp) => manualTargets(slices, { name: sp.name ?? '', protocol: sp.protocol ?? 'TCP' })) : dialedTargets(slices, dial.conns),
    );
    for (const t of sliced) add({ kind: 'external', range: t.range }, t.conns, target.key);
    if (dials.every((d) => d.svc.workloads.length === 0)) {
      if (sliced.length === 0) report('no-endpoints', `Service ${target.key} selects no workload in the manifests`);
      return;
    }
    for (const d of dials) reachHeadless(f, w, ctx, target.key, { ...d, workloads: podOwners(d.svc.workloads, target.pod) }, add);
    return;
  }
  if (withPort.length === 0 && port !== undefined && headless) {
    // a headless Service's names resolve to the pods themselves (no proxy maps Service ports): a port
    // no Service port names is dialed on the pods as written (`db-0.db:15432`, a container port)
    const owners = [...new Set(inCluster.flatMap((e) => podOwners(e.workloads, target.pod)))];
    if (owners.length === 0) report('no-endpoints', `Service ${target.key} selects no workload in the manifests`);
    for (const dw of owners) add({ kind: 'workload', ref: dw.ref }, ConnectionSet.port('TCP', port), target.key);
    return;
  }
  if (withPort.length === 0) {
    if (!c.explicit) return;
    report('no-such-port', `Service ${target.key} has no port ${c.port}`);
    return;
  }
  const reaching = withPort.filter((d) => d.svc.workloads.length > 0);
  const selectorless = manual ? withPort.filter((d) => !hasSelector(d.svc)).flatMap((d) => d.ports) : [];
  const written = [
    ...(manual ? selectorless.flatMap((sp) => manualTargets(manual, { name: sp.name ?? '', protocol: sp.protocol ?? 'TCP' })) : []),
    // the hand-written slices of a Service with a selector, paired with its ports as kube-proxy pairs them: by name and protocol
    ...withPort.filter((d) => hasSelector(d.svc)).flatMap((d) => d.ports.flatMap((sp) => manualTargets(slices, { name: sp.name ?? '', protocol: sp.protocol ?? 'TCP' }))),
  ];
  for (const t of written) add({ kind: 'external', range: t.range }, t.conns, target.key);
  if (reaching.length === 0) {
    if (written.length > 0) return;
    const names = [...new Set(selectorless.map((sp) => `${JSON.stringify(sp.name ?? '')}/${sp.protocol ?? 'TCP'}`))].join(', ');
    report('no-endpoints', manual ? `the Endpoints of Service ${target.key} list no port ${names} (paired by name and protocol)` : `Service ${target.key} selects no workload in the manifests`);
    return;
  }
  for (const d of reaching) reachService(f, w, ctx, target.key, { ...d, workloads: podOwners(d.svc.workloads, target.pod) }, add);
}

/** Whether the Service selects pods (the controller writes its endpoints); one without a selector has the endpoints the manifests write. */
const hasSelector = (e: ServiceEntry): boolean => Object.keys(e.object.spec?.selector ?? {}).length > 0;

/**
 * The workloads whose pod an address like `db-0.db` names: a StatefulSet's pod `<name>-<ordinal>`, or
 * a pod whose `hostname` is that name; when none is, every workload of the Service (the name may be
 * set where the manifests do not say).
 */
function podOwners(workloads: readonly Workload[], pod: string | undefined): readonly Workload[] {
  if (pod === undefined) return workloads;
  const named = workloads.filter(
    (dw) => (dw.ref.kind === 'StatefulSet' && pod.startsWith(`${dw.ref.name}-`) && /^\d+$/.test(pod.slice(dw.ref.name.length + 1))) || (dw.spec as { hostname?: unknown } | undefined)?.hostname === pod,
  );
  return named.length > 0 ? named : workloads;
}

/**
 * The links an address gives through one definition of a headless Service with a selector: to each
 * workload it selects, on the port the client dials (headless.ts), never a targetPort mapping. Said
 * where that reading is a choice (no port written, a targetPort that differs: NPC318) and where the
 * dialed port is one the workload's containers do not declare (NPC319, at the Service).
 */
function reachHeadless(
  f: Found,
  w: Workload,
  ctx: ResolveContext,
  service: string,
  definition: { readonly svc: ServiceEntry; readonly dial: HeadlessDial; readonly workloads: readonly Workload[] },
  add: (dst: Peer, conns: ConnectionSet, service: string | undefined) => void,
): void {
  const { svc, dial, workloads } = definition;
  const all = svc.object.spec?.ports ?? [];
  const client = workloadKey(w.ref);
  if (dial.kind === 'service-port') {
    warnPortChoice(f, w, ctx, service, all);
    const remapped = remappedPorts(all, workloads);
    const key = `headless\u0000${client}\u0000${service}`;
    if (remapped.length > 0 && !ctx.portChoices.has(key)) {
      const numbers = remapped.map((sp) => `${sp.port} (targetPort ${String(sp.targetPort)})`).join(', ');
      ctx.portChoices.set(
        key,
        diag(
          Codes.headlessPortGuessed,
          'warning',
          `${JSON.stringify(f.c.text)} names headless Service ${service} without a port: its name resolves to the pods' own addresses and no proxy maps ports, so ${client} dials its own default port, read as the Service port ${numbers}`,
          f.at(),
          'write the port in the address, or make the Service port equal its targetPort',
        ),
      );
    }
  }
  for (const dw of workloads) {
    const conns = dialedConns(dial, dw);
    if (conns.isEmpty) continue;
    add({ kind: 'workload', ref: dw.ref }, conns, service);
    // an SRV answer is the target port itself: only a dialed number can miss what the pods serve
    const missing = dial.kind === 'srv' ? ConnectionSet.NONE : undeclared(conns, dw);
    const key = `headless-port\u0000${client}\u0000${service}\u0000${workloadKey(dw.ref)}\u0000${missing.toString()}`;
    if (missing.isEmpty || ctx.portChoices.has(key)) continue;
    const i = all.findIndex((sp) => missing.allows(sp.protocol ?? 'TCP', sp.port));
    ctx.portChoices.set(
      key,
      diag(
        Codes.headlessPortNotDeclared,
        'warning',
        `Service ${service} is headless: its name resolves to the pods' own addresses, so ${client} reaches ${workloadKey(dw.ref)} on ${missing.toString()} as dialed (no proxy applies a targetPort), a port no container of ${workloadKey(dw.ref)} declares`,
        originRef(svc.origin, i >= 0 ? ['spec', 'ports', i, 'port'] : ['metadata', 'name']),
        'have the client dial the port the container serves, or make the Service port equal its targetPort',
      ),
    );
  }
}

/** An address without a port on a Service of several ports: all of them are reached, and one warning per (client, Service) names the choice. */
function warnPortChoice(f: Found, w: Workload, ctx: ResolveContext, service: string, all: readonly ServicePort[]): void {
  const { c, at } = f;
  if (c.port !== undefined || all.length < 2) return;
  const key = `${workloadKey(w.ref)}\u0000${service}`;
  if (ctx.portChoices.has(key)) return;
  ctx.portChoices.set(
    key,
    diag(
      Codes.addressWithoutPort,
      'warning',
      `${JSON.stringify(c.text)} names Service ${service} without a port; it has ${all.length} ports (${all.map((sp) => (sp.name ? `${sp.name}/${sp.port}` : String(sp.port))).join(', ')}), so ${workloadKey(w.ref)} may reach all of them`,
      at(),
      'write the port in the address (host:port) or review the link in a links file',
    ),
  );
}

/** The links an address gives through one definition of a Service: to each workload it selects, on the target ports. */
function reachService(
  f: Found,
  w: Workload,
  ctx: ResolveContext,
  service: string,
  definition: { readonly all: readonly ServicePort[]; readonly ports: readonly ServicePort[]; readonly workloads: readonly Workload[] },
  add: (dst: Peer, conns: ConnectionSet, service: string | undefined) => void,
): void {
  const { all, ports, workloads } = definition;
  // an address without a port: a one-port Service means that port; with several, all of them, and a warning names the choice
  warnPortChoice(f, w, ctx, service, all);
  for (const dw of workloads) {
    const conns = targetConns(ports, dw.pods);
    if (!conns.isEmpty) add({ kind: 'workload', ref: dw.ref }, conns, service);
  }
}

/** A Service defined more than once: which definition a cluster keeps depends on the order of apply, so an address that names it gets links through each. */
function duplicateServiceWarnings(services: ReadonlyMap<string, readonly ServiceEntry[]>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [key, entries] of [...services].sort(([a], [b]) => compareStrings(a, b))) {
    if (entries.length < 2) continue;
    const places = entries.map((e) => originRef(e.origin, ['metadata', 'name'])).map((at) => `${at.file}:${at.line ?? '?'}`);
    for (const e of entries.slice(1)) {
      out.push(
        diag(
          Codes.duplicateObject,
          'warning',
          `Service ${key} is defined more than once (${places.join(', ')}); an address that names it gets links to the workloads of every definition`,
          originRef(e.origin, ['metadata', 'name']),
          'keep one definition, or rename one of the Services',
        ),
      );
    }
  }
  return out;
}

/** An env var or ConfigMap key that names DNS servers (`RESOLVER`, `NAMESERVERS`, `UPSTREAM_DNS_SERVER`): its addresses are spoken to on DNS's ports. */
const DNS_SETTING_NAME = /(?:^|_)(?:RESOLVERS?|NAMESERVERS?|DNS_?SERVERS?)$/i;
/** A value's text just before an address that names it as a DNS server: nginx's `resolver`, resolv.conf's `nameserver`, HAProxy's `nameserver dns1`, `--dns-server=`. */
const DNS_SETTING = /(?:^|[\s;{"'])(?:resolvers?|nameservers?(?:\s+[\w.-]+)?|dns[_-]?servers?|--dns(?:-server)?)\s*[:=]?\s*$/i;

/** A DNS server's ports: UDP, and TCP for large answers (RFC 7766), on port 53 unless written otherwise. */
function dnsPorts(port: number): ConnectionSet {
  return ConnectionSet.port('UDP', port).union(ConnectionSet.port('TCP', port));
}

/**
 * The cluster DNS Service by address: its ClusterIP is by convention the tenth address of the
 * Service network (kubeadm's and kind's 10.96.0.10, EKS's 10.100.0.10 and 172.20.0.10), a private
 * address, here named as a DNS server (a `resolver`/`nameserver` setting, or port 53). No ipBlock
 * can allow a ClusterIP (it is translated to a DNS pod before policies see the packet): the DNS
 * rule to the DNS pods does, so it is a DNS use. It may also be a DNS server of the network
 * (192.168.7.10): so the address keeps its link too. Any other address, a public resolver such as
 * 8.8.8.8:53 included, is an outside address only.
 */
function isClusterDnsAddress(host: string, port: number | undefined, dnsSetting: boolean): boolean {
  if (!(port === 53 || (port === undefined && dnsSetting))) return false;
  const range = parseCidr(host);
  if (!range) return false;
  if (range.family === 6) {
    // IPv6 and dual-stack clusters: the tenth address of a unique local (fc00::/7, RFC 4193) Service
    // network, such as kind's and kubeadm's fd00:10:96::a
    return (range.lo >> 121n) === 0x7en && (range.lo & 0xffffn) === 0xan && ((range.lo >> 16n) & 0xffffn) === 0n;
  }
  const m = /^(\d+)\.(\d+)\.\d+\.10$/.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * DNS uses sorted by workload, then place; one per (workload, place, value). A place is its file,
 * document, line and path, and the reference that led there: two documents rendered from one
 * template (or scanned without lines) share file and line, and are two uses, as diagnostics tell
 * them apart by `[doc N]`.
 */
function sortedDnsUses(uses: readonly DnsUse[]): DnsUse[] {
  const at = (u: DnsUse) => (u.evidence.kind === 'address' ? u.evidence.at : undefined);
  const via = (u: DnsUse) => (u.evidence.kind === 'address' && u.evidence.via ? `${u.evidence.via.file}\u0000${u.evidence.via.doc}\u0000${(u.evidence.via.path ?? []).join('.')}` : '');
  const key = (u: DnsUse) =>
    `${workloadKey(u.workload)}\u0000${at(u)?.file ?? ''}\u0000${String(at(u)?.doc ?? 0).padStart(9, '0')}\u0000${String(at(u)?.line ?? 0).padStart(9, '0')}\u0000${u.evidence.kind === 'address' ? u.evidence.value : ''}\u0000${(at(u)?.path ?? []).join('.')}\u0000${via(u)}`;
  const seen = new Map<string, DnsUse>();
  for (const u of uses) if (!seen.has(key(u))) seen.set(key(u), u);
  return [...seen.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, u]) => u);
}

/** The cluster DNS Service's names (`kube-dns.kube-system`, `coredns.kube-system.svc.cluster.local`); its pods carry `k8s-app=kube-dns`. */
function isClusterDnsHost(host: string): boolean {
  return /^(kube-dns|coredns)\.kube-system(\.svc(\.[a-z0-9-]+(\.[a-z0-9-]+)*)?)?\.?$/i.test(host);
}

/** `kubernetes.default[.svc[.cluster.local]]`, or `kubernetes` from the default namespace: the API server's Service. */
function isApiServerHost(host: string, namespace: string): boolean {
  return /^kubernetes\.default(\.svc(\.cluster\.local)?)?$/.test(host) || (host === 'kubernetes' && namespace === 'default');
}

function evidence(f: Found, service: string | undefined, values: readonly ChartValuesFiles[]): Evidence {
  if (values.length > 0) {
    // whether there is a values-file line depends on the value's line: found now
    const where = f.at();
    const traced = traceValue(where, f.c, values);
    return {
      kind: 'address',
      at: where,
      value: shownValue(f),
      ...(f.via ? { via: f.via() } : {}),
      ...(f.configMap ? { configMap: f.configMap.key } : {}),
      ...(f.secret ? { secret: f.secret } : {}),
      ...(service ? { service } : {}),
      ...(traced ? { traced } : {}),
    };
  }
  // Finding a value's line costs a walk of its document, and most links' evidence is never shown
  // (a check shows only the links a PR breaks): `at` and `via` are found on first read. The object
  // is the same plain data with the same fields in the same order: JSON, spreads, the result cache
  // and equality read the values through the getters.
  const ev = { kind: 'address' } as { kind: 'address'; at: SourceRef; value: string; via?: SourceRef; configMap?: string; secret?: string; service?: string };
  lazyField(ev, 'at', f.at);
  ev.value = shownValue(f);
  if (f.via) lazyField(ev, 'via', f.via);
  if (f.configMap) ev.configMap = f.configMap.key;
  if (f.secret) ev.secret = f.secret;
  if (service) ev.service = service;
  return ev;
}

/** Exposure evidence whose line is found on first read (see `evidence`). */
function exposureEvidence(object: string, at: () => SourceRef): Evidence {
  const ev = { kind: 'exposure', object } as { kind: 'exposure'; object: string; at: SourceRef };
  lazyField(ev, 'at', at);
  return ev;
}

/** A function that computes once and then answers from memory. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** An enumerable own field of a plain object, computed by `get` on first read. */
function lazyField<O extends object>(o: O, key: keyof O & string, get: () => unknown): void {
  Object.defineProperty(o, key, { get, enumerable: true, configurable: true });
}

/** Address evidence without lines (ScanOptions.evidenceLines false): where in which document, what, and the Service. */
function placedEvidence(f: Found, service: string | undefined): Evidence {
  return { kind: 'address', at: f.place(), value: shownValue(f), ...(f.configMap ? { configMap: f.configMap.key } : {}), ...(f.secret ? { secret: f.secret } : {}), ...(service ? { service } : {}) };
}

/**
 * The text an address is shown by: as written, except in a Secret, whose text may hold credentials
 * (`postgres://app:s3cret@db:5432/app`): there only the host and port the link is about.
 */
function shownValue(f: Found): string {
  return f.secret ? `${f.c.host}${f.c.port !== undefined ? `:${f.c.port}` : ''}` : f.c.text;
}

/**
 * A Secret read as a ConfigMap: `data` decoded from base64 (a value that is no UTF-8 text, a
 * certificate or a key, is left out), `stringData` over it as the API server merges them.
 */
function secretAsConfigMap(o: Extract<K8sObject, { kind: 'Secret' }>): ConfigMapObject {
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.object.data ?? {})) {
    if (typeof v !== 'string' || !/^[A-Za-z0-9+/=\s]*$/.test(v)) continue;
    const text = Buffer.from(v, 'base64').toString('utf8');
    if (!text.includes('\uFFFD')) data[k] = text;
  }
  for (const [k, v] of Object.entries(o.object.stringData ?? {})) if (typeof v === 'string') data[k] = v;
  return { kind: 'ConfigMap', apiVersion: o.apiVersion, object: { ...o.object, data }, origin: o.origin };
}

/**
 * Where a key's value is written: `stringData.KEY` for a Secret's key the manifest writes there
 * (secretAsConfigMap merges it into `data`, as the API server does), else `data.KEY`.
 */
function dataPath(cm: ConfigMapObject, key: string): (string | number)[] {
  const written = (cm.object as { stringData?: unknown }).stringData;
  return written !== null && typeof written === 'object' && typeof (written as Record<string, unknown>)[key] === 'string' ? ['stringData', key] : ['data', key];
}

/** A ConfigMap whose values give links to several workloads: each gets every address it names, which the manifests cannot narrow. */
function sharedConfigMapWarnings(sharing: ReadonlyMap<string, { origin: ObjectOrigin; workloads: Set<string> }>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [key, s] of [...sharing].sort(([a], [b]) => compareStrings(a, b))) {
    if (s.workloads.size < 2) continue;
    const names = [...s.workloads].sort(compareStrings);
    out.push(
      diag(
        Codes.sharedConfigMap,
        'warning',
        `ConfigMap ${key} is shared by ${names.length} workloads (${names.join(', ')}); each gets a link to every address it names`,
        originRef(s.origin, ['metadata', 'name']),
        'if only some of them use an address, review the links in a links file (synthesize --links)',
      ),
    );
  }
  return out;
}

/** A host without its cluster suffix (`.svc.cluster.local`, `.svc`), and whether it had one. */
function withoutClusterSuffix(host: string): { h: string; suffixed: boolean } {
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

/**
 * The namespace an in-cluster host names when it is not the client's own (`svc.ns`,
 * `svc.ns.svc[.cluster.local]`): where a missing Service lives (a collector installed apart, in
 * namespace `tracing`), so that a gap closure opens that namespace rather than the client's.
 */
function namedNamespace(host: string, namespace: string): string | undefined {
  const { h, suffixed } = withoutClusterSuffix(host);
  const parts = h.split('.');
  const ns = parts.length === 2 ? parts[1] : parts.length === 3 && suffixed ? parts[2] : undefined;
  return ns !== undefined && ns !== namespace && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(ns) ? ns : undefined;
}

/**
 * The addresses kube-proxy answers for a Service on its ports, sending the traffic to its pods: its
 * ClusterIPs, its `externalIPs`, and its load balancer's (`spec.loadBalancerIP`, and each
 * `status.loadBalancer.ingress[].ip` unless its `ipMode` is `Proxy`, where the traffic goes out to
 * the load balancer itself). Read leniently: the schema does not validate these fields.
 */
function serviceAddresses(o: { spec?: unknown; status?: unknown }): unknown[] {
  const spec = (o.spec ?? {}) as { clusterIP?: unknown; clusterIPs?: unknown; externalIPs?: unknown; loadBalancerIP?: unknown };
  const ingress = ((o.status ?? {}) as { loadBalancer?: { ingress?: unknown } }).loadBalancer?.ingress;
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  return [
    spec.clusterIP,
    ...list(spec.clusterIPs),
    ...list(spec.externalIPs),
    spec.loadBalancerIP,
    ...list(ingress).flatMap((i) => (i !== null && typeof i === 'object' && (i as { ipMode?: unknown }).ipMode !== 'Proxy' ? [(i as { ip?: unknown }).ip] : [])),
  ];
}

/** The Service of the manifests that holds `ip` (serviceAddresses; an index made once per scan). */
function serviceByClusterIp(ip: string, services: ReadonlyMap<string, readonly ServiceEntry[]>, ctx: { clusterIps?: Map<string, string> }): { key: string; entries: readonly ServiceEntry[]; pod?: string } | undefined {
  if (ctx.clusterIps === undefined) {
    const index = new Map<string, string>();
    for (const [key, entries] of services) {
      for (const e of entries) {
        const ips = serviceAddresses(e.object as { spec?: unknown; status?: unknown });
        for (const v of ips) if (typeof v === 'string' && v !== 'None' && v !== '' && !index.has(v.toLowerCase())) index.set(v.toLowerCase(), key);
      }
    }
    ctx.clusterIps = index;
  }
  const key = ctx.clusterIps.get(ip.toLowerCase());
  const entries = key !== undefined ? services.get(key) : undefined;
  return key !== undefined && entries ? { key, entries } : undefined;
}

/**
 * `svc` (same namespace), `svc.ns`, `svc.ns.svc`, `svc.ns.svc.cluster.local`, and a pod of a
 * headless Service (`db-0.db.ns.svc.cluster.local`, a StatefulSet's stable name), also as the
 * pod's DNS search path completes it (`db-0.db`, `db-0.db.ns`); `pod` is the pod's name then.
 */
function serviceFor(host: string, namespace: string, services: ReadonlyMap<string, readonly ServiceEntry[]>): { key: string; entries: readonly ServiceEntry[]; pod?: string } | undefined {
  const { h, suffixed } = withoutClusterSuffix(host);
  const parts = h.split('.');
  // a pod of a headless Service, as the pod's DNS search path completes it: `db-0.db` (the client's
  // namespace), `db-0.db.ns`
  const headlessPod = () => {
    if (suffixed || (parts.length !== 2 && parts.length !== 3)) return undefined;
    const headlessKey = `${parts[2] ?? namespace}/${parts[1]}`;
    const headless = (services.get(headlessKey) ?? []).filter((e) => (e.object.spec as { clusterIP?: unknown } | null | undefined)?.clusterIP === 'None');
    return headless.length > 0 ? { key: headlessKey, entries: headless, pod: parts[0] as string } : undefined;
  };
  // `db-0.db`: the search path tries `db-0.db.<client's namespace>.svc.cluster.local` (the pod of a
  // headless Service `db` there) before `db-0.db.svc.cluster.local` (Service `db-0` of namespace `db`)
  const first = parts.length === 2 ? headlessPod() : undefined;
  if (first) return first;
  const key =
    parts.length === 1 ? `${namespace}/${parts[0]}` : parts.length === 2 ? `${parts[1]}/${parts[0]}` : parts.length === 3 && suffixed ? `${parts[2]}/${parts[1]}` : undefined;
  const entries = key ? services.get(key) : undefined;
  if (key && entries) return { key, entries, ...(parts.length === 3 ? { pod: parts[0] as string } : {}) };
  return parts.length === 3 ? headlessPod() : undefined;
}

function addExposures(cluster: Cluster, services: ReadonlyMap<string, readonly ServiceEntry[]>, links: LinkSet): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const expose = (src: Peer, ns: string, name: string, port: ServicePortRef, kind: BackendKind, object: string, at: () => SourceRef) => {
    at = once(at);
    for (const svc of services.get(`${ns}/${name}`) ?? []) {
      const picked = backendServicePorts(svc.object.spec?.ports ?? [], port, kind);
      if (picked.byTargetPort) warnings.push(backendByTargetPortWarning(object, port, name, at()));
      const ports = picked.ports;
      for (const w of svc.workloads) {
        const reached = targetConns(ports, w.pods);
        // Ingress and Route carry HTTP(S) only; Gateway routes may carry UDP too (UDPRoute).
        const conns = src.kind === 'ingress-controller' ? reached.intersect(ConnectionSet.of('TCP')) : reached;
        if (!conns.isEmpty) links.add(src, { kind: 'workload', ref: w.ref }, conns, exposureEvidence(object, at));
      }
    }
  };
  const ic: Peer = { kind: 'ingress-controller' };
  const ingress = ingressBackends(cluster.objects);
  for (const b of ingress.backends) expose(ic, b.namespace, b.service, b.port, b.kind, b.via, () => originRef(b.origin, b.path));
  for (const o of cluster.objects) {
    const ns = ('metadata' in o.object && o.object.metadata.namespace) || DEFAULT_NAMESPACE;
    switch (o.kind) {
      case 'HTTPRoute':
      case 'GRPCRoute':
      case 'TCPRoute':
      case 'TLSRoute':
      case 'UDPRoute': {
        const object = `${o.kind} ${ns}/${o.object.metadata.name}`;
        const parents = (o.object.spec?.parentRefs ?? []).filter((p) => !p.kind || p.kind === 'Gateway');
        (o.object.spec?.rules ?? []).forEach((rule, ri) =>
          (rule.backendRefs ?? []).forEach((b, bi) => {
            if (b.kind && b.kind !== 'Service') return;
            for (const p of parents) {
              const gw: Peer = { kind: 'gateway', namespace: p.namespace || ns, name: p.name };
              expose(gw, b.namespace || ns, b.name, b.port ? { number: b.port } : undefined, 'gateway', object, () => originRef(o.origin, ['spec', 'rules', ri, 'backendRefs', bi]));
            }
          }),
        );
        break;
      }
      case 'Service': {
        const type = o.object.spec?.type;
        if (type !== 'LoadBalancer' && type !== 'NodePort') break;
        const svc = services.get(`${ns}/${o.object.metadata.name}`)?.find((e) => e.object === o.object);
        for (const w of svc?.workloads ?? []) {
          const conns = targetConns(o.object.spec?.ports ?? [], w.pods);
          if (!conns.isEmpty)
            links.add({ kind: 'external', range: fullRange(4) }, { kind: 'workload', ref: w.ref }, conns, {
              kind: 'exposure',
              object: `Service ${ns}/${o.object.metadata.name} (${type})`,
              at: originRef(o.origin, ['spec', 'type']),
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

/** Links keyed by (src, dst): connections are unioned and evidence accumulated. */
class LinkSet {
  private readonly map = new Map<string, { src: Peer; dst: Peer; conns: ConnectionSet; evidence: Evidence[] }>();

  add(src: Peer, dst: Peer, conns: ConnectionSet, ev: Evidence): void {
    const key = `${peerKey(src)}\u0000${peerKey(dst)}`;
    const cur = this.map.get(key);
    if (cur) {
      cur.conns = cur.conns.union(conns);
      const text = evidenceText(ev);
      if (!cur.evidence.some((e) => evidenceText(e) === text)) cur.evidence.push(ev);
    } else this.map.set(key, { src, dst, conns, evidence: [ev] });
  }

  /** The workload keys with a link from them. */
  sources(): string[] {
    const out: string[] = [];
    for (const l of this.map.values()) if (l.src.kind === 'workload') out.push(workloadKey(l.src.ref));
    return out;
  }

  sorted(): Link[] {
    // evidence in the order of the files and lines it was found at, not in the order the files were given
    for (const l of this.map.values()) if (l.evidence.length > 1) l.evidence.sort(compareEvidence);
    return [...this.map.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, l]) => l);
  }
}

/** By file, document, line, then text: a link's provenance reads the same whatever the order of the input files. */
function compareEvidence(a: Evidence, b: Evidence): number {
  const at = (e: Evidence): SourceRef | undefined => ('at' in e ? e.at : undefined);
  const x = at(a);
  const y = at(b);
  return compareStrings(x?.file ?? '', y?.file ?? '') || (x?.doc ?? 0) - (y?.doc ?? 0) || (x?.line ?? 0) - (y?.line ?? 0) || compareStrings(evidenceText(a), evidenceText(b));
}

function dedupeUnresolved(list: Unresolved[]): Unresolved[] {
  const seen = new Set<string>();
  return list.filter((u) => {
    const k = `${u.workload.namespace}/${u.workload.name}[${u.workload.kind}]:${u.at.file}:${u.at.line}:${u.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

