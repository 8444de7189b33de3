import { safeLine, visible } from './sanitize.js';

/**
 * Everything user-facing that is not a result is a Diagnostic. The codes below are the stable
 * contract (tests, SARIF rules and users' filters key on them, each listed once here with what it
 * means); the message text is written where the problem is found, because only that place knows
 * the values worth naming (the field, the port, the selector). Every message goes through `diag`
 * and is printed by `formatDiagnostic`, nowhere else.
 */
export interface SourceRef {
  readonly file: string;
  /** 1-based document index within the file. */
  readonly doc: number;
  readonly line?: number;
  readonly column?: number;
  /** YAML path of the field, e.g. ['spec', 'ingress', 0, 'ports', 1, 'port']. */
  readonly path?: readonly (string | number)[];
}

export type Severity = 'error' | 'warning' | 'info';

export const Codes = {
  /** A file could not be read. */
  unreadable: 'NPC001',
  /** A file exceeds the size limit. */
  tooLarge: 'NPC002',
  /** A file holds binary data. */
  binary: 'NPC003',
  /** A symlink points outside the scanned root. */
  symlinkEscape: 'NPC004',
  /** YAML syntax error. */
  yamlSyntax: 'NPC005',
  /** Too many aliases (a YAML bomb). */
  aliasBomb: 'NPC006',
  /** Duplicate mapping key. */
  duplicateKey: 'NPC007',
  /** A YAML document is not a Kubernetes object. */
  notKubernetes: 'NPC008',
  /** A Kubernetes kind that netpol-ci does not model. */
  skippedKind: 'NPC009',
  /** A field has the wrong type or value. */
  invalidField: 'NPC010',
  /** A YAML 1.1 value that YAML 1.2 reads differently (on, yes, 0755). */
  yaml11Trap: 'NPC011',
  /** endPort below port, or out of range. */
  invalidPortRange: 'NPC012',
  /** An invalid CIDR. */
  invalidCidr: 'NPC013',
  /** A named port that no destination container declares. */
  unresolvedNamedPort: 'NPC014',
  /** A path given on the command line does not exist or holds no manifests. */
  noInput: 'NPC015',
  /** Two objects share kind, namespace and name; the later one wins. */
  duplicateObject: 'NPC016',
  /** Admin policies sharing one priority: their relative order is undefined upstream. */
  samePriority: 'NPC017',
  /** A Service, Ingress or Route reference that resolves to nothing. */
  danglingReference: 'NPC018',
  /** Pods of one owner have different labels, so policies may treat them differently. */
  ownerLabelGap: 'NPC019',
  /** A document separator with text after it on the same line. */
  separatorText: 'NPC020',
  /** An unsupported or meaningless field value (e.g. policyTypes entry). */
  unsupportedValue: 'NPC021',
  /** helm template or kubectl kustomize failed, timed out or produced too much output. */
  renderFailed: 'NPC022',
  /** helm or kubectl is not installed (or HELM_PATH / KUBECTL_PATH is wrong). */
  toolMissing: 'NPC023',
  /** A chart's dependencies are not vendored under charts/. */
  chartDependencies: 'NPC024',

  // --- untrusted repositories (issue 10): reading and writing policies, Kubernetes validation ---
  /** A FIFO, socket or device where a file is expected: never read. */
  notRegularFile: 'NPC025',
  /** A folder could not be listed. */
  unreadableFolder: 'NPC026',
  /** A dot-folder or dotfile skipped on purpose (.git, .github, ...). */
  skippedDotfile: 'NPC027',
  /** A chart or overlay holds a symlink leading outside its own tree: not rendered. */
  renderTreeEscape: 'NPC028',
  /** A name from the manifests that cannot become a policy or file name. */
  unsafeOutputName: 'NPC029',
  /** A label key or value, selector operator, port name or CIDR that the API server rejects. */
  apiValidation: 'NPC030',
  /** A text encoding other than UTF-8 (UTF-16, UTF-32). */
  unsupportedEncoding: 'NPC031',
  /** An admin policy the API server rejects (BANP not named default, subject with two selectors). */
  adminPolicyInvalid: 'NPC032',
  // Real applications (issue 11): scan and synthesize on real manifests (NPC070-NPC099)
  /** An Ingress backend's port number matched a Service port's targetPort, not its port. */
  backendTargetPort: 'NPC070',
  /** A synthesized policy's selector also selects another workload's pods. */
  sharedSelector: 'NPC071',
  /** One ConfigMap feeds addresses to several workloads. */
  sharedConfigMap: 'NPC072',
  /** Policies land in the `default` namespace because the manifests name none. */
  defaultNamespace: 'NPC073',
  /** An address without a port names a Service with several ports: all of them are used. */
  addressWithoutPort: 'NPC074',
  /** Gaps: what the manifests cannot tell (summary line with --fail-on-gaps). */
  gaps: 'NPC075',
  // verify: repo drift and cluster drift (NPC140-NPC159)
  /** A link the manifests need that the committed policies block (repo drift). */
  driftMissing: 'NPC140',
  /** A connection the committed policies allow beyond what the manifests need (repo drift). */
  driftExcess: 'NPC141',
  /** A connection the live cluster allows differently from the repository's policies (cluster drift). */
  driftCluster: 'NPC142',
  /** kubectl failed: no context, forbidden, timeout, server not answering. */
  kubectlFailed: 'NPC143',
  /** A policy found under the manifest paths but outside --policies; it is not part of the comparison. */
  policyOutsideFolder: 'NPC144',
  /** A need that verify cannot check against the policies (a Gateway link: the engine has no Gateway proxy). */
  needNotChecked: 'NPC145',
  /** A heuristics file (--heuristics) with a bad entry. */
  invalidHeuristics: 'NPC146',
  // traffic: observed traces (Inspektor Gadget and friends) and intent files (NPC160-NPC179)
  /** A trace line that parses as no known trace format. */
  traceUnknownLine: 'NPC160',
  /** A broken trace line: truncated or merged JSON, a cut cell; skipped. */
  traceMalformed: 'NPC161',
  /** A trace event read but not usable (debug events, host-network peers of unknown kind, failed connects); skipped. */
  traceSkipped: 'NPC162',
  /** Observed traffic from or to something that resolves to no workload or alias: kept for review, never allowed silently. */
  trafficUnresolved: 'NPC163',
  /** Trace noise filtered out (loopback, node-local kubelet probes, DNS, closes): a summary. */
  trafficFiltered: 'NPC164',
  /** A cluster snapshot object lacks what resolution needs (a pod without an IP). */
  snapshotIncomplete: 'NPC165',
  /** Traffic to a Service port the Service does not declare. */
  traceServicePort: 'NPC166',
  /** A links file lists the same source and destination more than once. */
  linkDuplicate: 'NPC167',
  /** A links file names a workload the manifests do not have. */
  linkUnknownWorkload: 'NPC168',
  /** A trace file holds no connection event. */
  traceEmpty: 'NPC169',
  // authoring and review conveniences (issue 17): lint, address ranges, time limits, synthesize controls
  /** lint: a policy that selects no pod in the manifests. */
  lintSelectsNothing: 'NPC180',
  /** lint: a rule that can never match (its peers select nothing, or its named ports resolve nowhere). */
  lintNeverMatches: 'NPC181',
  /** lint: a policy whose removal changes no connection. */
  lintRedundantPolicy: 'NPC182',
  /** lint: a rule whose removal changes no connection. */
  lintRedundantRule: 'NPC183',
  /** lint: an admin or baseline rule that never decides anything: higher-priority rules decide all it matches. */
  lintShadowedRule: 'NPC184',
  /** lint: a rule (or an admin subject) that matches no pod of the manifests but may match pods of namespaces they do not hold (kube-system's DNS): not judged (info). */
  lintNotJudged: 'NPC187',
  /** A rule names 0.0.0.0/0 or ::/0 (or an ANP network covering the pod network) without --pod-cidr: pod traffic it seems to cover is not modelled. */
  podTrafficNotModelled: 'NPC185',
  /** An admin-policy rule with `ports: []` (implementations differ on what it means). */
  emptyAdminPorts: 'NPC186',
  /** synthesize --existing: a workload an existing policy already selects was left untouched. */
  existingPolicySkipped: 'NPC188',
  /** synthesize --check-selectors: a generated selector selects no workload, or more than its own. */
  selectorCheck: 'NPC189',
  /** synthesize --preset: a preset names a namespace or workload that is not in the manifests. */
  presetUnknown: 'NPC190',
  // check, the PR report (NPC120-NPC129)
  /** A needed link `check` cannot judge against the policies (through a Gateway proxy, which the engine does not model). */
  linkNotJudged: 'NPC120',
  // baseline rules (src/baseline/, issue 12): NPC100-NPC119
  /** A baseline rule file, or one of its rules, is invalid. */
  baselineInvalidRule: 'NPC100',
  /** A baseline rule file holds no rules. */
  baselineNoRules: 'NPC101',
  /** A baseline rule that can match nothing in the configuration (no source or no destination). */
  baselineRuleMatchesNothing: 'NPC102',
  /** synthesize --baseline: a deny rule removed (part of) a required link. */
  baselineLinkDropped: 'NPC103',
  /** A baseline rule is violated: a connection it forbids is allowed, or one it requires is blocked. */
  baselineViolation: 'NPC110',
  /** The built-in engine and nca disagree on a baseline rule. */
  baselineDisagreement: 'NPC111',
  /** nca could not decide a rule (missing, timed out, failed, or an input it does not support). */
  baselineEngineNote: 'NPC112',
  // traffic with cluster drift, `verify --cluster --traffic` (NPC225-NPC229)
  /** Observed traffic that the repository's or the cluster's policies block (cluster drift with --traffic). */
  trafficBlocked: 'NPC225',
  // semantics checked against netpol-analyzer's own corpus (NPC230-NPC231; NPC226-NPC229 left to the traffic block above)
  /** A kind that changes connectivity but is not modelled (user-defined or secondary networks, KubeVirt VMs): the report would be wrong for its pods. */
  networkingNotModelled: 'NPC230',
  /** --exposure: an egress rule's named ports towards pods outside the manifests are not listed (their numbers are unknown). */
  exposureNamedPortsOmitted: 'NPC231',
  // hostile and malformed input found by the hostile-input hunt (NPC232-NPC239)
  /** No longer emitted (kept so the number is never reused): a reviewed link from a workload to itself is now a self use, which synthesize allows. */
  linkToItself: 'NPC232',
  /** A reviewed link to a Service whose `conns` name none of the Service's ports: nothing to allow, so it is left out, said so. */
  linkNoServicePort: 'NPC233',
  /** A kustomization names a remote base, resource or chart repository: rendering is offline, so the overlay is not rendered. */
  renderRemoteReference: 'NPC234',
  /** A --cluster-snapshot entry that is not an object with a name, or a pod address that is no IP: skipped, said so. */
  snapshotObjectSkipped: 'NPC235',
  /** A kustomization's helmCharts entry whose release or chart name helm would read as a flag (or Helm refuses): the overlay is not rendered. */
  renderUnsafeHelmChart: 'NPC240',
  // synthesis and verify safety (NPC250-NPC254)
  /** verify --links: a link the manifests state that the reviewed links file does not cover; the policies are not checked for it. */
  unreviewedLink: 'NPC250',
  // hostile-input hunt, second round (NPC236-NPC239, then NPC255-NPC259)
  /** A modelled kind under an apiVersion that does not serve it: a custom resource of the same kind name (warning, skipped) or a mistake the API server rejects (error, analysed as the kind). */
  apiVersionMismatch: 'NPC236',
  /** A kind that is a misspelling of a modelled kind (`deployment`, `Deployment `): no kind the API server knows; skipped, as an error. */
  kindMisspelt: 'NPC237',
  /** An object without metadata.name (nor generateName): the API server rejects it, and two would merge into one `ns/[Kind]`; excluded, as an error. */
  objectWithoutName: 'NPC238',
  /** A chart or overlay that renders without error but to no object (all templates conditional, a .helmignore listing templates/): warned, never silent. */
  renderedNothing: 'NPC239',
  // drift basis and reviewed-links input (NPC260-NPC264)
  /** A links-file entry with a field the format does not have (`port:` for `conns:`, `destination:`): the entry is rejected, at the field's line. */
  linkUnknownField: 'NPC260',
  // rules traced to their manifest line through Helm and Kustomize (NPC270-NPC274)
  /** An overlay rendered, but kustomize could not say where its objects came from: their positions are lines of the rendered output. */
  renderOriginsUnknown: 'NPC270',
  // Dapr Components read by scan (NPC275-NPC279)
  /** A Dapr app without dapr.io/app-id (its id is a generated pod name) in a namespace with scoped Components: they are not loaded, so give it no link. */
  daprAppIdMissing: 'NPC275',
  // exact manifest lines for what Kustomize makes (NPC285-NPC289)
  /** Objects an overlay's helmCharts entries generate are cited at the kustomization without a line: kustomize keeps no template name or line for them. */
  helmChartsUntraced: 'NPC285',
  // corners the random-configuration hunts reached (NPC295-NPC299)
  /** A hostNetwork pod: NetworkPolicy behaviour for it is undefined (the API's own words); analysed as a pod-network pod, warned. */
  hostNetworkUndefined: 'NPC295',
  // the endpoints written for Services without a selector (NPC300-NPC304)
  /** An Endpoints or EndpointSlice address that is no IP address (the API server refuses it): left out of the Service's endpoints, warned at its line. */
  endpointAddressInvalid: 'NPC300',
  /** An EndpointSlice port without a number: kube-proxy skips it (no traffic reaches it), so it gives no link; warned. */
  endpointPortWithoutNumber: 'NPC301',
  // inputs kubectl accepts (NPC305-NPC309)
  /** An integer field written as a whole float (`80.0`, `8.08e3`): kubectl sends JSON's integer (YAML read through JSON), so the server takes it; read as that integer, warned. */
  integerWrittenAsFloat: 'NPC305',
  // config files in ConfigMaps and Secrets read by their structure (NPC310-NPC314)
  /** A ConfigMap or Secret value over 1 MB: read as text only, not parsed as a YAML/JSON/INI config file (info, --verbose). */
  configDocumentTooLarge: 'NPC310',
  /** A ConfigMap or Secret value holding a workload manifest (a pod template something uses at run time: Airflow's KubernetesExecutor): its pods are in no manifest; warned at the key. */
  podTemplateInConfig: 'NPC314',
  // exactness of scan: headless Services as Kubernetes resolves them (NPC316-NPC319, taken from the end)
  /** An address names a headless Service without a port: the client dials its own default port, read as the Service port's number (its targetPort differs; no proxy applies it); warned at the address. */
  headlessPortGuessed: 'NPC318',
  /** Through a headless Service a client dials a pod port no container of the selected workload declares (the targetPort is not applied without a proxy): a broken app, warned at the Service. */
  headlessPortNotDeclared: 'NPC319',
  // what the manifests leave to an operator (NPC315)
  /** A custom resource with `spec.replicas` (the scale subresource's convention): an operator runs its pods, which the manifests do not hold; warned at the field. */
  operatorRunsPods: 'NPC315',
} as const;
export type DiagnosticCode = (typeof Codes)[keyof typeof Codes];

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly at?: SourceRef;
  readonly hint?: string;
}

export function diag(code: DiagnosticCode, severity: Severity, message: string, at?: SourceRef, hint?: string): Diagnostic {
  return { code, severity, message, ...(at ? { at } : {}), ...(hint ? { hint } : {}) };
}

/** `spec.ingress[0].ports[1].port` */
export function formatPath(path: readonly (string | number)[] | undefined): string {
  if (!path || path.length === 0) return '';
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return visible(out);
}

/**
 * `deploy/np.yaml:14:9 [doc 2] error NPC012 spec.ingress[0].ports[1].endPort: endPort (80) < port (443)`
 * File names, messages and hints come from the input: the line is made safe (sanitize.ts), so a
 * file named `x\n::error::forged` prints one line that no runner reads as a command.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.at
    ? `${visible(d.at.file)}${d.at.line !== undefined ? `:${d.at.line}` : ''}${d.at.column !== undefined ? `:${d.at.column}` : ''}${d.at.doc > 0 ? ` [doc ${d.at.doc}]` : ''} `
    : '';
  const field = d.at?.path && d.at.path.length > 0 ? `${clipMiddle(formatPath(d.at.path), MAX_FIELD_CHARS)}: ` : '';
  return safeLine(`${where}${d.severity} ${d.code} ${field}${clipMiddle(clipQuoted(d.message), MAX_MESSAGE_CHARS)}${d.hint ? ` (${d.hint})` : ''}`);
}

/**
 * A field path or message quotes the input: a 300,000-character label key would be printed whole,
 * twice, in one line of a CI log. A quoted value (`"…"`, as messages quote the input) over
 * MAX_QUOTED_CHARS and a field path over MAX_FIELD_CHARS lose their middle (saying how much): the
 * start names the value, the end keeps the explanation. A message's own text (a list of the
 * workloads a selector also covers) is cut only past MAX_MESSAGE_CHARS, a bound for what no
 * message of ours reaches.
 */
const MAX_FIELD_CHARS = 400;
const MAX_QUOTED_CHARS = 400;
const MAX_MESSAGE_CHARS = 20_000;

/** Each quoted value over MAX_QUOTED_CHARS clipped in the middle (a linear scan: no nested repetition). */
function clipQuoted(message: string): string {
  if (message.length <= MAX_QUOTED_CHARS) return message;
  return message.replace(LONG_QUOTED, (q) => `"${clipMiddle(q.slice(1, -1), MAX_QUOTED_CHARS)}"`);
}
const LONG_QUOTED = new RegExp(`"(?:[^"\\\\]|\\\\.){${MAX_QUOTED_CHARS + 1},}"`, 'g');

function clipMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const keep = Math.floor((max - 40) / 2);
  // never half of a surrogate pair on either side of the cut
  const head = /[\ud800-\udbff]/.test(text.charAt(keep - 1)) ? keep - 1 : keep;
  const tail = /[\udc00-\udfff]/.test(text.charAt(text.length - keep)) ? text.length - keep + 1 : text.length - keep;
  return `${text.slice(0, head)}…[${tail - head} characters left out]…${text.slice(tail)}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.at?.file ?? '';
  const fb = b.at?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const da = a.at?.doc ?? 0;
  const db = b.at?.doc ?? 0;
  if (da !== db) return da - db;
  const la = a.at?.line ?? 0;
  const lb = b.at?.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.at?.column ?? 0;
  const cb = b.at?.column ?? 0;
  if (ca !== cb) return ca - cb;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** What every pure stage returns: its value and the problems it found (never thrown). */
export interface StageResult<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

/** The diagnostics with repeats left out (the same message at the same place, as printed), in their order. */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const k = formatDiagnostic(d);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** `file:line` as reports print a place; just `file` when its line is not known (a rendered template's, say), never `file:0`. */
export function placeText(at: { readonly file: string; readonly line?: number }): string {
  return at.line !== undefined && at.line > 0 ? `${at.file}:${at.line}` : at.file;
}
