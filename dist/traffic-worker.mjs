import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);

// src/io/builtins.ts
import { createRequire } from "node:module";
var load = createRequire(import.meta.url);
var isatty = (fd) => load("node:tty").isatty(fd);
var workerThreads = () => load("node:worker_threads");

// src/io/threads.ts
var STARTED = 1;
var ANSWERED = 2;
var THREAD_THRESHOLD_CHARS = { "check-base": 1024 * 1024 };
function isThreadJob() {
  const { workerData } = workerThreads();
  return typeof workerData === "object" && workerData !== null && "state" in workerData && "port" in workerData;
}
function answerThreadJob(compute) {
  const job = workerThreads().workerData;
  Atomics.store(job.state, 0, STARTED);
  Atomics.notify(job.state, 0);
  let answer;
  try {
    answer = { value: compute(job.input) };
  } catch (e) {
    answer = { error: e.stack ?? String(e) };
  }
  job.port.postMessage(answer);
  Atomics.store(job.state, 0, ANSWERED);
  Atomics.notify(job.state, 0);
}

// src/io/traffic.ts
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";

// src/diagnostics/errors.ts
var ConfigError = class extends Error {
  name = "ConfigError";
};

// src/io/read-policy.ts
function errCode(e) {
  return e.code ?? e.message;
}
var ERRNO_TEXT = {
  ENOENT: "no such file",
  EISDIR: "a folder, not a file",
  ENOTDIR: "a file is where a folder is expected",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "too many levels of symlinks",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many open files",
  EIO: "input/output error"
};
function errnoText(codeOrError) {
  const code = typeof codeOrError === "string" ? codeOrError : errCode(codeOrError);
  const words = ERRNO_TEXT[code];
  return words ? `${words} (${code})` : code;
}

// src/io/traffic.ts
var CHUNK = 1 << 16;
function forEachLine(file, what, onLine, chunk = CHUNK, range) {
  let fd;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    const hint = file === "-" && e.code === "ENOENT" ? `; to read standard input, name /dev/stdin` : "";
    throw new ConfigError(`${what} ${file}: ${errnoText(e)}${hint}`);
  }
  refuseDevice(fd, file, what);
  const buffer = Buffer.allocUnsafe(chunk);
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let line = 0;
  let position = range?.start ?? 0;
  const end = range?.end ?? Number.POSITIVE_INFINITY;
  const emit = (text2) => onLine(text2.endsWith("\r") ? text2.slice(0, -1) : text2, ++line);
  try {
    for (; ; ) {
      let n;
      try {
        n = readSync(fd, buffer, 0, Math.min(chunk, end - position), range ? position : null);
        position += n;
      } catch (e) {
        throw new ConfigError(`${what} ${file}: ${errnoText(e)}`);
      }
      if (n === 0) break;
      if (position === n) refuseCompressed(buffer.subarray(0, n), file, what);
      const piece = decoder.write(buffer.subarray(0, n));
      let nl = piece.indexOf("\n");
      if (nl < 0) {
        carry += piece;
        if (carry.length > MAX_LINE_CHARS) throw new ConfigError(`${what} ${file}: line ${line + 1} is longer than ${MAX_LINE_CHARS} characters; not a trace`);
        continue;
      }
      emit(carry + piece.slice(0, nl));
      let start = nl + 1;
      for (nl = piece.indexOf("\n", start); nl >= 0; nl = piece.indexOf("\n", start)) {
        emit(piece.slice(start, nl));
        start = nl + 1;
      }
      carry = piece.slice(start);
    }
    const rest = carry + decoder.end();
    if (rest !== "") emit(rest);
    return line;
  } finally {
    closeSync(fd);
  }
}
var startsWith = (bytes) => (head) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
var ascii = (text2) => [...text2].map((c) => c.charCodeAt(0));
var COMPRESSED = [
  { name: "gzip", test: startsWith([31, 139]), tool: "gunzip -c" },
  { name: "zstd", test: startsWith([40, 181, 47, 253]), tool: "zstd -dc" },
  { name: "xz", test: startsWith([253, ...ascii("7zXZ"), 0]), tool: "xz -dc" },
  // `BZh`, the block size 1-9, then the block magic (a text line may well start with BZh)
  { name: "bzip2", test: (h) => startsWith(ascii("BZh"))(h) && h[3] >= 49 && h[3] <= 57 && startsWith(ascii("1AY&SY"))(h.subarray(4)), tool: "bzip2 -dc" },
  { name: "zip", test: startsWith([...ascii("PK"), 3, 4]), tool: "unzip -p" }
];
function refuseCompressed(head, file, what) {
  const found = COMPRESSED.find((c) => c.test(head));
  if (found) throw new ConfigError(`${what} ${file}: ${found.name === "xz" ? "an" : "a"} ${found.name}-compressed file, not a trace; decompress it first, or stream it: ${what} <(${found.tool} FILE)`);
}
var MAX_LINE_CHARS = 128 * 1024 * 1024;
function refuseDevice(fd, file, what) {
  const st = fstatSync(fd);
  if (st.isBlockDevice() || st.isCharacterDevice() && !isatty(fd)) {
    closeSync(fd);
    throw new ConfigError(`${what} ${file}: a ${st.isBlockDevice() ? "block" : "character"} device, not a file or a pipe; never read`);
  }
}
var TRACE_SPLIT_BYTES = 16 * 1024 * 1024;

// src/diagnostics/diagnostic.ts
var Codes = {
  /** A file could not be read. */
  unreadable: "NPC001",
  /** A file exceeds the size limit. */
  tooLarge: "NPC002",
  /** A file holds binary data. */
  binary: "NPC003",
  /** A symlink points outside the scanned root. */
  symlinkEscape: "NPC004",
  /** YAML syntax error. */
  yamlSyntax: "NPC005",
  /** Too many aliases (a YAML bomb). */
  aliasBomb: "NPC006",
  /** Duplicate mapping key. */
  duplicateKey: "NPC007",
  /** A YAML document is not a Kubernetes object. */
  notKubernetes: "NPC008",
  /** A Kubernetes kind that netpol-ci does not model. */
  skippedKind: "NPC009",
  /** A field has the wrong type or value. */
  invalidField: "NPC010",
  /** A YAML 1.1 value that YAML 1.2 reads differently (on, yes, 0755). */
  yaml11Trap: "NPC011",
  /** endPort below port, or out of range. */
  invalidPortRange: "NPC012",
  /** An invalid CIDR. */
  invalidCidr: "NPC013",
  /** A named port that no destination container declares. */
  unresolvedNamedPort: "NPC014",
  /** A path given on the command line does not exist or holds no manifests. */
  noInput: "NPC015",
  /** Two objects share kind, namespace and name; the later one wins. */
  duplicateObject: "NPC016",
  /** Admin policies sharing one priority: their relative order is undefined upstream. */
  samePriority: "NPC017",
  /** A Service, Ingress or Route reference that resolves to nothing. */
  danglingReference: "NPC018",
  /** Pods of one owner have different labels, so policies may treat them differently. */
  ownerLabelGap: "NPC019",
  /** A document separator with text after it on the same line. */
  separatorText: "NPC020",
  /** An unsupported or meaningless field value (e.g. policyTypes entry). */
  unsupportedValue: "NPC021",
  /** helm template or kubectl kustomize failed, timed out or produced too much output. */
  renderFailed: "NPC022",
  /** helm or kubectl is not installed (or HELM_PATH / KUBECTL_PATH is wrong). */
  toolMissing: "NPC023",
  /** A chart's dependencies are not vendored under charts/. */
  chartDependencies: "NPC024",
  // --- untrusted repositories (issue 10): reading and writing policies, Kubernetes validation ---
  /** A FIFO, socket or device where a file is expected: never read. */
  notRegularFile: "NPC025",
  /** A folder could not be listed. */
  unreadableFolder: "NPC026",
  /** A dot-folder or dotfile skipped on purpose (.git, .github, ...). */
  skippedDotfile: "NPC027",
  /** A chart or overlay holds a symlink leading outside its own tree: not rendered. */
  renderTreeEscape: "NPC028",
  /** A name from the manifests that cannot become a policy or file name. */
  unsafeOutputName: "NPC029",
  /** A label key or value, selector operator, port name or CIDR that the API server rejects. */
  apiValidation: "NPC030",
  /** A text encoding other than UTF-8 (UTF-16, UTF-32). */
  unsupportedEncoding: "NPC031",
  /** An admin policy the API server rejects (BANP not named default, subject with two selectors). */
  adminPolicyInvalid: "NPC032",
  // Real applications (issue 11): scan and synthesize on real manifests (NPC070-NPC099)
  /** An Ingress backend's port number matched a Service port's targetPort, not its port. */
  backendTargetPort: "NPC070",
  /** A synthesized policy's selector also selects another workload's pods. */
  sharedSelector: "NPC071",
  /** One ConfigMap feeds addresses to several workloads. */
  sharedConfigMap: "NPC072",
  /** Policies land in the `default` namespace because the manifests name none. */
  defaultNamespace: "NPC073",
  /** An address without a port names a Service with several ports: all of them are used. */
  addressWithoutPort: "NPC074",
  /** Gaps: what the manifests cannot tell (summary line with --fail-on-gaps). */
  gaps: "NPC075",
  // verify: repo drift and cluster drift (NPC140-NPC159)
  /** A link the manifests need that the committed policies block (repo drift). */
  driftMissing: "NPC140",
  /** A connection the committed policies allow beyond what the manifests need (repo drift). */
  driftExcess: "NPC141",
  /** A connection the live cluster allows differently from the repository's policies (cluster drift). */
  driftCluster: "NPC142",
  /** kubectl failed: no context, forbidden, timeout, server not answering. */
  kubectlFailed: "NPC143",
  /** A policy found under the manifest paths but outside --policies; it is not part of the comparison. */
  policyOutsideFolder: "NPC144",
  /** A need that verify cannot check against the policies (a Gateway link: the engine has no Gateway proxy). */
  needNotChecked: "NPC145",
  /** A heuristics file (--heuristics) with a bad entry. */
  invalidHeuristics: "NPC146",
  // traffic: observed traces (Inspektor Gadget and friends) and intent files (NPC160-NPC179)
  /** A trace line that parses as no known trace format. */
  traceUnknownLine: "NPC160",
  /** A broken trace line: truncated or merged JSON, a cut cell; skipped. */
  traceMalformed: "NPC161",
  /** A trace event read but not usable (debug events, host-network peers of unknown kind, failed connects); skipped. */
  traceSkipped: "NPC162",
  /** Observed traffic from or to something that resolves to no workload or alias: kept for review, never allowed silently. */
  trafficUnresolved: "NPC163",
  /** Trace noise filtered out (loopback, node-local kubelet probes, DNS, closes): a summary. */
  trafficFiltered: "NPC164",
  /** A cluster snapshot object lacks what resolution needs (a pod without an IP). */
  snapshotIncomplete: "NPC165",
  /** Traffic to a Service port the Service does not declare. */
  traceServicePort: "NPC166",
  /** A links file lists the same source and destination more than once. */
  linkDuplicate: "NPC167",
  /** A links file names a workload the manifests do not have. */
  linkUnknownWorkload: "NPC168",
  /** A trace file holds no connection event. */
  traceEmpty: "NPC169",
  // authoring and review conveniences (issue 17): lint, address ranges, time limits, synthesize controls
  /** lint: a policy that selects no pod in the manifests. */
  lintSelectsNothing: "NPC180",
  /** lint: a rule that can never match (its peers select nothing, or its named ports resolve nowhere). */
  lintNeverMatches: "NPC181",
  /** lint: a policy whose removal changes no connection. */
  lintRedundantPolicy: "NPC182",
  /** lint: a rule whose removal changes no connection. */
  lintRedundantRule: "NPC183",
  /** lint: an admin or baseline rule that never decides anything: higher-priority rules decide all it matches. */
  lintShadowedRule: "NPC184",
  /** lint: a rule (or an admin subject) that matches no pod of the manifests but may match pods of namespaces they do not hold (kube-system's DNS): not judged (info). */
  lintNotJudged: "NPC187",
  /** A rule names 0.0.0.0/0 or ::/0 (or an ANP network covering the pod network) without --pod-cidr: pod traffic it seems to cover is not modelled. */
  podTrafficNotModelled: "NPC185",
  /** An admin-policy rule with `ports: []` (implementations differ on what it means). */
  emptyAdminPorts: "NPC186",
  /** synthesize --existing: a workload an existing policy already selects was left untouched. */
  existingPolicySkipped: "NPC188",
  /** synthesize --check-selectors: a generated selector selects no workload, or more than its own. */
  selectorCheck: "NPC189",
  /** synthesize --preset: a preset names a namespace or workload that is not in the manifests. */
  presetUnknown: "NPC190",
  // check, the PR report (NPC120-NPC129)
  /** A needed link `check` cannot judge against the policies (through a Gateway proxy, which the engine does not model). */
  linkNotJudged: "NPC120",
  // baseline rules (src/baseline/, issue 12): NPC100-NPC119
  /** A baseline rule file, or one of its rules, is invalid. */
  baselineInvalidRule: "NPC100",
  /** A baseline rule file holds no rules. */
  baselineNoRules: "NPC101",
  /** A baseline rule that can match nothing in the configuration (no source or no destination). */
  baselineRuleMatchesNothing: "NPC102",
  /** synthesize --baseline: a deny rule removed (part of) a required link. */
  baselineLinkDropped: "NPC103",
  /** A baseline rule is violated: a connection it forbids is allowed, or one it requires is blocked. */
  baselineViolation: "NPC110",
  /** The built-in engine and nca disagree on a baseline rule. */
  baselineDisagreement: "NPC111",
  /** nca could not decide a rule (missing, timed out, failed, or an input it does not support). */
  baselineEngineNote: "NPC112",
  // traffic with cluster drift, `verify --cluster --traffic` (NPC225-NPC229)
  /** Observed traffic that the repository's or the cluster's policies block (cluster drift with --traffic). */
  trafficBlocked: "NPC225",
  // semantics checked against netpol-analyzer's own corpus (NPC230-NPC231; NPC226-NPC229 left to the traffic block above)
  /** A kind that changes connectivity but is not modelled (user-defined or secondary networks, KubeVirt VMs): the report would be wrong for its pods. */
  networkingNotModelled: "NPC230",
  /** --exposure: an egress rule's named ports towards pods outside the manifests are not listed (their numbers are unknown). */
  exposureNamedPortsOmitted: "NPC231",
  // hostile and malformed input found by the hostile-input hunt (NPC232-NPC239)
  /** No longer emitted (kept so the number is never reused): a reviewed link from a workload to itself is now a self use, which synthesize allows. */
  linkToItself: "NPC232",
  /** A reviewed link to a Service whose `conns` name none of the Service's ports: nothing to allow, so it is left out, said so. */
  linkNoServicePort: "NPC233",
  /** A kustomization names a remote base, resource or chart repository: rendering is offline, so the overlay is not rendered. */
  renderRemoteReference: "NPC234",
  /** A --cluster-snapshot entry that is not an object with a name, or a pod address that is no IP: skipped, said so. */
  snapshotObjectSkipped: "NPC235",
  /** A kustomization's helmCharts entry whose release or chart name helm would read as a flag (or Helm refuses): the overlay is not rendered. */
  renderUnsafeHelmChart: "NPC240",
  // synthesis and verify safety (NPC250-NPC254)
  /** verify --links: a link the manifests state that the reviewed links file does not cover; the policies are not checked for it. */
  unreviewedLink: "NPC250",
  // hostile-input hunt, second round (NPC236-NPC239, then NPC255-NPC259)
  /** A modelled kind under an apiVersion that does not serve it: a custom resource of the same kind name (warning, skipped) or a mistake the API server rejects (error, analysed as the kind). */
  apiVersionMismatch: "NPC236",
  /** A kind that is a misspelling of a modelled kind (`deployment`, `Deployment `): no kind the API server knows; skipped, as an error. */
  kindMisspelt: "NPC237",
  /** An object without metadata.name (nor generateName): the API server rejects it, and two would merge into one `ns/[Kind]`; excluded, as an error. */
  objectWithoutName: "NPC238",
  /** A chart or overlay that renders without error but to no object (all templates conditional, a .helmignore listing templates/): warned, never silent. */
  renderedNothing: "NPC239",
  // drift basis and reviewed-links input (NPC260-NPC264)
  /** A links-file entry with a field the format does not have (`port:` for `conns:`, `destination:`): the entry is rejected, at the field's line. */
  linkUnknownField: "NPC260",
  // rules traced to their manifest line through Helm and Kustomize (NPC270-NPC274)
  /** An overlay rendered, but kustomize could not say where its objects came from: their positions are lines of the rendered output. */
  renderOriginsUnknown: "NPC270",
  // Dapr Components read by scan (NPC275-NPC279)
  /** A Dapr app without dapr.io/app-id (its id is a generated pod name) in a namespace with scoped Components: they are not loaded, so give it no link. */
  daprAppIdMissing: "NPC275",
  // exact manifest lines for what Kustomize makes (NPC285-NPC289)
  /** Objects an overlay's helmCharts entries generate are cited at the kustomization without a line: kustomize keeps no template name or line for them. */
  helmChartsUntraced: "NPC285",
  // corners the random-configuration hunts reached (NPC295-NPC299)
  /** A hostNetwork pod: NetworkPolicy behaviour for it is undefined (the API's own words); analysed as a pod-network pod, warned. */
  hostNetworkUndefined: "NPC295",
  // the endpoints written for Services without a selector (NPC300-NPC304)
  /** An Endpoints or EndpointSlice address that is no IP address (the API server refuses it): left out of the Service's endpoints, warned at its line. */
  endpointAddressInvalid: "NPC300",
  /** An EndpointSlice port without a number: kube-proxy skips it (no traffic reaches it), so it gives no link; warned. */
  endpointPortWithoutNumber: "NPC301",
  // inputs kubectl accepts (NPC305-NPC309)
  /** An integer field written as a whole float (`80.0`, `8.08e3`): kubectl sends JSON's integer (YAML read through JSON), so the server takes it; read as that integer, warned. */
  integerWrittenAsFloat: "NPC305",
  // config files in ConfigMaps and Secrets read by their structure (NPC310-NPC314)
  /** A ConfigMap or Secret value over 1 MB: read as text only, not parsed as a YAML/JSON/INI config file (info, --verbose). */
  configDocumentTooLarge: "NPC310",
  /** A ConfigMap or Secret value holding a workload manifest (a pod template something uses at run time: Airflow's KubernetesExecutor): its pods are in no manifest; warned at the key. */
  podTemplateInConfig: "NPC314",
  // exactness of scan: headless Services as Kubernetes resolves them (NPC316-NPC319, taken from the end)
  /** An address names a headless Service without a port: the client dials its own default port, read as the Service port's number (its targetPort differs; no proxy applies it); warned at the address. */
  headlessPortGuessed: "NPC318",
  /** Through a headless Service a client dials a pod port no container of the selected workload declares (the targetPort is not applied without a proxy): a broken app, warned at the Service. */
  headlessPortNotDeclared: "NPC319",
  // what the manifests leave to an operator (NPC315)
  /** A custom resource with `spec.replicas` (the scale subresource's convention): an operator runs its pods, which the manifests do not hold; warned at the field. */
  operatorRunsPods: "NPC315"
};
function diag(code, severity, message, at, hint) {
  return { code, severity, message, ...at ? { at } : {}, ...hint ? { hint } : {} };
}
var MAX_QUOTED_CHARS = 400;
var LONG_QUOTED = new RegExp(`"(?:[^"\\\\]|\\\\.){${MAX_QUOTED_CHARS + 1},}"`, "g");

// src/topology/traffic/events.ts
function endpoint(kind, f) {
  return { kind, addr: f.addr, namespace: f.namespace, name: f.name, owner: f.owner, ownerKind: f.ownerKind, labels: f.labels, hostNetwork: f.hostNetwork, hostIp: f.hostIp };
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
    let text2 = "";
    for (let i = 0; i < this.bounds.length; i += 2) {
      const lo = this.bounds[i];
      const hi = this.bounds[i + 1];
      text2 += `${i === 0 ? "" : ","}${lo === hi ? `${lo}` : `${lo}-${hi}`}`;
    }
    return text2;
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
    let text2 = "";
    if (!this.sctp.isEmpty) text2 = `SCTP ${this.sctp.toString()}`;
    if (!this.tcp.isEmpty) text2 += `${text2 === "" ? "" : ","}TCP ${this.tcp.toString()}`;
    if (!this.udp.isEmpty) text2 += `${text2 === "" ? "" : ","}UDP ${this.udp.toString()}`;
    this.#text = text2;
    return text2;
  }
  /** A stable key for grouping and memoising. */
  get key() {
    return `${this.tcp.toString()}|${this.udp.toString()}|${this.sctp.toString()}`;
  }
};

// src/topology/traffic/formats.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function field(o, path) {
  if (path in o) return o[path];
  const dot = path.indexOf(".");
  if (dot < 0) return void 0;
  for (let i = dot; i >= 0; i = path.indexOf(".", i + 1)) {
    const head = o[path.slice(0, i)];
    if (isObject(head)) {
      const v = field(head, path.slice(i + 1));
      if (v !== void 0) return v;
    }
  }
  return void 0;
}
function str(o, a, b, c, d, e) {
  let v = field(o, a);
  if (typeof v === "string" && v !== "") return v;
  for (const p of [b, c, d, e]) {
    if (p === void 0) return void 0;
    v = field(o, p);
    if (typeof v === "string" && v !== "") return v;
  }
  return void 0;
}
var num = (o, path) => {
  const v = field(o, path);
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : void 0;
  return n !== void 0 && Number.isInteger(n) ? n : void 0;
};
function labels(v) {
  if (isObject(v)) return v;
  if (typeof v === "string" && v !== "") {
    const out = {};
    for (const pair of v.split(",")) {
      const eq = pair.indexOf("=");
      if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    return out;
  }
  return void 0;
}
function protocol(v) {
  if (v === void 0 || v === "") return "TCP";
  if (v === 6) return "TCP";
  if (v === 17) return "UDP";
  if (v === 132) return "SCTP";
  if (v === "tcp" || v === "TCP") return "TCP";
  if (v === "udp" || v === "UDP") return "UDP";
  const p = typeof v === "string" ? v.toUpperCase() : void 0;
  return isProtocol(p) ? p : void 0;
}
function time(o) {
  const t = o.timestamp;
  return typeof t === "string" && t !== "" ? t : typeof t === "number" ? String(t) : void 0;
}
function nonNormal(o) {
  const t = o.type;
  if (t === "debug" || t === "info" || t === "warn" || t === "err") {
    const message = str(o, "message");
    return `${t} event${message ? ` (${message.slice(0, 80)})` : ""}`;
  }
  return void 0;
}
var event = (format, e) => ({ kind: "event", event: e, format });
function portOf(o, path) {
  const p = num(o, path);
  return p !== void 0 && p >= 1 && p <= 65535 ? p : "bad";
}
var advisorV1 = (o, line) => {
  const type = field(o, "type");
  if (type !== "connect" && type !== "accept" && type !== "close") return { kind: "skip", reason: `event type ${JSON.stringify(type)}`, format: "advisor-v1" };
  const local = endpoint("pod", {
    namespace: str(o, "local_pod_namespace"),
    name: str(o, "local_pod_name"),
    owner: str(o, "local_pod_owner"),
    labels: labels(field(o, "local_pod_labels"))
  });
  const remote = snakeRemote(o);
  if ("skip" in remote) return { kind: "skip", reason: remote.skip, format: "advisor-v1" };
  const port = portOf(o, "port");
  if (port === "bad") return { kind: "malformed", reason: `port ${JSON.stringify(field(o, "port"))} is not 1-65535` };
  const [src, dst] = type === "accept" ? [remote.ep, local] : [local, remote.ep];
  return event("advisor-v1", { line, src, dst, proto: "TCP", port, phase: type === "close" ? "close" : "start", time: time(o) });
};
function snakeRemote(o) {
  const kind = field(o, "remote_kind");
  const addr = str(o, "ip", "remote_other");
  if (kind === "pod") return { ep: endpoint("pod", { addr, namespace: str(o, "remote_pod_namespace"), name: str(o, "remote_pod_name"), labels: labels(field(o, "remote_pod_labels")) }) };
  if (kind === "svc") return { ep: endpoint("svc", { addr, namespace: str(o, "remote_svc_namespace"), name: str(o, "remote_svc_name") }) };
  if (kind === "other" && addr) return { ep: endpoint("raw", { addr }) };
  return { skip: `remote peer of unknown kind ${JSON.stringify(kind ?? null)}${addr ? ` at ${addr}` : ""} (a host-network or node peer)` };
}
var networkGraph = (o, line) => {
  const skipped = nonNormal(o);
  if (skipped) return { kind: "skip", reason: skipped, format: "network-graph" };
  const local = endpoint("pod", {
    addr: str(o, "pod_ip"),
    namespace: str(o, "namespace"),
    name: str(o, "pod"),
    owner: str(o, "pod_owner"),
    labels: labels(field(o, "pod_labels")),
    hostIp: str(o, "pod_host_ip")
  });
  const remote = snakeRemote(o);
  return packetEvent("network-graph", o, line, local, remote, field(o, "pkt_type"));
};
function packetEvent(format, o, line, local, remote, pktType) {
  if ("skip" in remote) return { kind: "skip", reason: remote.skip, format };
  if (pktType !== "HOST" && pktType !== "OUTGOING") return { kind: "skip", reason: `packet type ${JSON.stringify(pktType ?? null)}`, format };
  const proto = protocol(o.proto);
  if (!proto) return { kind: "malformed", reason: `unknown protocol ${JSON.stringify(o.proto)}` };
  const p = o.port;
  const port = typeof p === "number" && Number.isInteger(p) && p >= 1 && p <= 65535 ? p : portOf(o, "port");
  if (port === "bad") return { kind: "malformed", reason: `port ${JSON.stringify(o.port ?? null)} is not 1-65535` };
  const host = pktType === "HOST";
  return { kind: "event", format, event: { line, src: host ? remote.ep : local, dst: host ? local : remote.ep, proto, port, phase: "start", time: time(o) } };
}
var gadgetNetwork = (o, line) => {
  const skipped = nonNormal(o);
  if (skipped) return { kind: "skip", reason: skipped, format: "gadget-network" };
  const k8s = isObject(o.k8s) ? o.k8s : void 0;
  const local = endpoint("pod", {
    addr: text(o.podIP),
    namespace: text(o.namespace) ?? (k8s && text(k8s.namespace)),
    name: text(o.pod) ?? text(o.podName) ?? (k8s && (text(k8s.podName) ?? text(k8s.podname) ?? text(k8s.pod))),
    owner: text(o.podOwner) ?? (k8s && str(k8s, "owner.name")),
    labels: labels(o.podLabels ?? k8s?.podLabels),
    hostIp: text(o.podHostIP),
    hostNetwork: k8s?.hostNetwork === true ? true : void 0
  });
  return packetEvent("gadget-network", o, line, local, camelRemote(o), o.pktType);
};
var text = (v) => typeof v === "string" && v !== "" ? v : void 0;
function camelRemote(o) {
  const dst = o.dst;
  if (isObject(dst)) {
    const kind2 = dst.kind;
    const addr2 = text(dst.addr);
    const base = { addr: addr2, namespace: text(dst.namespace), name: text(dst.podname) ?? text(dst.name), labels: labels(dst.podlabels ?? dst.podLabels) };
    if (kind2 === "pod" || kind2 === "svc") return { ep: endpoint(kind2, base) };
    if (kind2 === "raw" && addr2) return { ep: endpoint("raw", { addr: addr2 }) };
    return { skip: `remote peer of unknown kind ${JSON.stringify(kind2 ?? null)}${addr2 ? ` at ${addr2}` : ""} (a host-network or node peer)` };
  }
  const kind = o.remoteKind;
  const addr = text(o.ip) ?? text(o.addr) ?? text(o.remoteAddr) ?? text(o.remoteOther);
  if (kind === "pod")
    return {
      ep: endpoint("pod", {
        addr,
        namespace: text(o.remotePodNamespace) ?? text(o.remoteNamespace),
        name: text(o.remotePodName) ?? text(o.remoteName),
        labels: labels(o.remotePodLabels ?? o.remoteLabels)
      })
    };
  if (kind === "svc") return { ep: endpoint("svc", { addr, namespace: text(o.remoteServiceNamespace) ?? text(o.remoteNamespace), name: text(o.remoteServiceName) ?? text(o.remoteName) }) };
  if ((kind === "other" || kind === "raw") && addr) return { ep: endpoint("raw", { addr }) };
  return { skip: `remote peer of unknown kind ${JSON.stringify(kind ?? null)}${addr ? ` at ${addr}` : ""} (a host-network or node peer)` };
}
function imageLocal(o, addrPath) {
  return endpoint("pod", {
    addr: addrPath ? str(o, addrPath) : void 0,
    namespace: str(o, "k8s.namespace"),
    name: str(o, "k8s.podName", "k8s.podname"),
    owner: str(o, "k8s.owner.name"),
    ownerKind: str(o, "k8s.owner.kind"),
    labels: labels(field(o, "k8s.podLabels")),
    hostNetwork: field(o, "k8s.hostnetwork") === true || field(o, "k8s.hostNetwork") === true ? true : void 0
  });
}
function imageEndpoint(o, base) {
  const kind = str(o, `${base}.k8s.kind`);
  return endpoint(kind === "pod" || kind === "svc" || kind === "raw" ? kind : "unknown", {
    addr: str(o, `${base}.addr`),
    namespace: str(o, `${base}.k8s.namespace`),
    name: str(o, `${base}.k8s.name`),
    labels: labels(field(o, `${base}.k8s.labels`))
  });
}
var adviseNetworkPolicy = (o, line) => {
  const local = imageLocal(o, "k8s.podIP");
  if (local.hostNetwork) return { kind: "skip", reason: "host-network pod", format: "advise-networkpolicy" };
  const remote = imageEndpoint(o, "endpoint");
  if (remote.kind === "unknown") return { kind: "skip", reason: `remote peer of unknown kind${remote.addr ? ` at ${remote.addr}` : ""}`, format: "advise-networkpolicy" };
  const proto = protocol(field(o, "endpoint.proto"));
  if (!proto) return { kind: "malformed", reason: `unknown protocol ${JSON.stringify(field(o, "endpoint.proto"))}` };
  const port = portOf(o, "endpoint.port");
  if (port === "bad") return { kind: "malformed", reason: `endpoint.port ${JSON.stringify(field(o, "endpoint.port") ?? null)} is not 1-65535` };
  const egress = field(o, "egress");
  const out = egress === 1 || egress === true || egress === "1" || egress === "true";
  const [src, dst] = out ? [local, remote] : [remote, local];
  return event("advise-networkpolicy", { line, src, dst, proto, port, phase: "start", time: time(o) });
};
var traceTcp = (o, line) => {
  const type = field(o, "type");
  if (type !== "connect" && type !== "accept" && type !== "close") {
    const skipped = nonNormal(o);
    return { kind: "skip", reason: skipped ?? `event type ${JSON.stringify(type ?? null)}`, format: "trace-tcp" };
  }
  const error = str(o, "error");
  if (error) return { kind: "skip", reason: `failed ${type} (${error})`, format: "trace-tcp" };
  const meta = imageLocal(o, void 0);
  if (meta.hostNetwork) return { kind: "skip", reason: "host-network pod", format: "trace-tcp" };
  const src = imageEndpoint(o, "src");
  const local = endpoint(meta.kind, { ...meta, addr: src.addr });
  const remote = imageEndpoint(o, "dst");
  const proto = protocol(field(o, "dst.proto"));
  if (!proto) return { kind: "malformed", reason: `unknown protocol ${JSON.stringify(field(o, "dst.proto"))}` };
  const port = portOf(o, type === "accept" ? "src.port" : "dst.port");
  if (port === "bad") return { kind: "malformed", reason: `${type === "accept" ? "src" : "dst"}.port is not 1-65535` };
  const [from, to] = type === "accept" ? [remote, local] : [local, remote];
  return event("trace-tcp", { line, src: from, dst: to, proto, port, phase: type === "close" ? "close" : "start", time: time(o) });
};
var JSON_READERS = {
  "advisor-v1": advisorV1,
  "network-graph": networkGraph,
  "gadget-network": gadgetNetwork,
  "advise-networkpolicy": adviseNetworkPolicy,
  "trace-tcp": traceTcp
};
function detectJsonFormat(o) {
  if ("local_pod_name" in o || "local_pod_namespace" in o || "remote_kind" in o && !("pkt_type" in o)) return "advisor-v1";
  if ("pkt_type" in o) return "network-graph";
  if ("pktType" in o || "remoteKind" in o) return "gadget-network";
  if (field(o, "egress") !== void 0 && field(o, "endpoint") !== void 0) return "advise-networkpolicy";
  if (field(o, "endpoint.addr") !== void 0) return "advise-networkpolicy";
  if (isObject(field(o, "src")) || field(o, "src.addr") !== void 0) return "trace-tcp";
  return void 0;
}
function readJsonEvent(text2, line, forced) {
  let o;
  try {
    o = JSON.parse(text2);
  } catch (e) {
    const merged = /\}\s*\{/.test(text2);
    return { kind: "malformed", reason: merged ? "two JSON events merged on one line" : `truncated or invalid JSON (${e.message.replace(/ in JSON at position \d+.*$/, "")})` };
  }
  if (!isObject(o)) return { kind: "unknown", reason: "a JSON value that is not an event object" };
  const format = forced ?? detectJsonFormat(o);
  if (!format) {
    const skipped = nonNormal(o);
    if (skipped) return { kind: "skip", reason: skipped };
    return { kind: "unknown", reason: "a JSON object of no known trace format" };
  }
  const reader = JSON_READERS[format];
  if (!reader) return { kind: "unknown", reason: `JSON, but --traffic-format ${format} is a text format` };
  if (forced && detectJsonFormat(o) !== forced) {
    const skipped = nonNormal(o);
    if (skipped) return { kind: "skip", reason: skipped };
    return { kind: "unknown", reason: `not a ${forced} event` };
  }
  return reader(o, line);
}

// src/topology/traffic/reader.ts
var TraceLineReader = class {
  constructor(forced, midFile = false) {
    this.forced = forced;
    this.sawContent = midFile;
  }
  forced;
  columns;
  /** Inside a top-level JSON array: the element being collected, and the scanner's state. */
  array;
  sawContent = false;
  /**
   * Reading from the middle of a file (the second part of a trace split between threads): the file
   * has content before, and no JSON array (the caller checks both), but whether a trace_tcp columns
   * header came before is not known. Lines are read as if none did, and `readAsIfNoHeader` says
   * whether a line's outcome depended on that.
   */
  readAsIfNoHeader = false;
  /** Whether a trace_tcp columns header has been read: rows after it are read under it. */
  get hasColumnsHeader() {
    return this.columns !== void 0;
  }
  /** One line (without its newline); returns what each complete event in it is. */
  push(text2, line) {
    const out = [];
    this.read(text2, line, (o) => out.push(o));
    return out;
  }
  /** As `push`, handing each outcome to `sink` (no array per line: the streaming path). */
  read(text2, line, sink) {
    const trimmed = text2.trim();
    if (!this.sawContent && trimmed !== "") {
      this.sawContent = true;
      if (/^\[\s*(\{|\]|$)/.test(trimmed) && this.forced !== "plain" && this.forced !== "trace-tcp-columns") {
        this.array = { depth: 0, inString: false, escaped: false, element: [], elementLine: line, done: false };
      }
    }
    if (this.array) {
      for (const o of this.pushArray(text2, line)) sink(o);
      return;
    }
    if (trimmed === "" || trimmed.startsWith("#")) return;
    if (trimmed.startsWith("{") && this.forced !== "plain" && this.forced !== "trace-tcp-columns") return sink(readJsonEvent(trimmed, line, this.forced));
    if (this.forced === void 0 || this.forced === "trace-tcp-columns") {
      const header = columnsHeader(trimmed);
      if (header) {
        this.columns = { names: header, line };
        return;
      }
      if (this.columns) return sink(columnsRow(trimmed, line, this.columns.names));
      this.readAsIfNoHeader = true;
    }
    if (this.forced === void 0 || this.forced === "plain") {
      const plain = plainLine(trimmed, line);
      if (plain) return sink(plain);
    }
    sink({ kind: "unknown", reason: this.forced ? `not a ${this.forced} line` : "not JSON, not a trace_tcp column row, not a connection line (src ip:port -> dst ip:port proto)" });
  }
  /** Call at the end of the file: a JSON array left open was cut short. */
  end() {
    const a = this.array;
    if (a && !a.done) return { kind: "malformed", reason: `the JSON array that starts here is not closed (truncated file?)` };
    return void 0;
  }
  /**
   * Whether a line starting with `{` is read on its own, one outcome per line: not inside a
   * JSON array (whose elements span lines). Before the first content line the answer is not yet
   * known (that line may open an array), so it is no.
   */
  get readsLineByLine() {
    return this.sawContent && this.array === void 0;
  }
  /** The first line of an unfinished array element, for `end()`'s report. */
  get openLine() {
    return this.array && !this.array.done ? this.array.elementLine : void 0;
  }
  pushArray(text2, line) {
    const a = this.array;
    const out = [];
    let start = a.depth >= 2 ? 0 : -1;
    for (let i = 0; i < text2.length; i++) {
      const c = text2[i];
      if (a.done) {
        if (c !== " " && c !== "	" && c !== "\r") {
          out.push({ kind: "malformed", reason: "text after the end of the JSON array" });
          break;
        }
        continue;
      }
      if (a.inString) {
        if (a.escaped) a.escaped = false;
        else if (c === "\\") a.escaped = true;
        else if (c === '"') a.inString = false;
        continue;
      }
      if (c === '"') a.inString = true;
      else if (c === "{" || c === "[") {
        a.depth++;
        if (a.depth === 2) {
          start = i;
          a.element = [];
          a.elementLine = line;
        }
      } else if (c === "}" || c === "]") {
        a.depth--;
        if (a.depth === 1) {
          a.element.push(text2.slice(start, i + 1));
          out.push(readJsonEvent(a.element.join("\n"), a.elementLine, this.forced));
          a.element = [];
          start = -1;
        } else if (a.depth === 0) a.done = true;
        else if (a.depth < 0) {
          out.push({ kind: "malformed", reason: "unbalanced JSON array" });
          a.done = true;
        }
      }
    }
    if (a.depth >= 2 && start >= 0) a.element.push(text2.slice(start));
    return out.length > 0 ? out : [{ kind: "none" }];
  }
};
function columnsHeader(line) {
  const names = line.split(/\s+/);
  return names.includes("SRC") && names.includes("DST") && names.includes("TYPE") && names.every((n) => /^[A-Z0-9_.]+$/.test(n)) ? names : void 0;
}
function endpointCell(cell) {
  const k8s = /^([ps])\/([^/\s]+)\/([^/\s:]+):(\d+)$/.exec(cell);
  if (k8s) return { ep: endpoint(k8s[1] === "p" ? "pod" : "svc", { namespace: k8s[2], name: k8s[3] }), port: Number(k8s[4]) };
  const hp = hostPort(cell);
  return hp ? { ep: endpoint("raw", { addr: hp.addr }), port: hp.port } : void 0;
}
function hostPort(text2) {
  const m = /^\[([0-9a-fA-F:.]+)\]:(\d+)$/.exec(text2) ?? /^(\d{1,3}(?:\.\d{1,3}){3}):(\d+)$/.exec(text2) ?? /^([0-9a-fA-F]*:[0-9a-fA-F:.]*):(\d+)$/.exec(text2);
  if (!m) return void 0;
  const port = Number(m[2]);
  return port >= 0 && port <= 65535 ? { addr: m[1], port } : void 0;
}
function columnsRow(line, lineNo, names) {
  const cells = line.split(/\s+/);
  if (cells.some((c) => c.includes("…"))) return { kind: "malformed", reason: "a cell cut short by the column width (…); use -o json" };
  if (cells.length !== names.length) return { kind: "malformed", reason: `${cells.length} cells under a header of ${names.length} columns` };
  const get = (n) => {
    const i = names.indexOf(n);
    return i >= 0 ? cells[i] : void 0;
  };
  const type = get("TYPE");
  if (type !== "connect" && type !== "accept" && type !== "close") return { kind: "skip", reason: `event type ${JSON.stringify(type)}`, format: "trace-tcp-columns" };
  const src = endpointCell(get("SRC") ?? "");
  const dst = endpointCell(get("DST") ?? "");
  if (!src || !dst) return { kind: "malformed", reason: `SRC/DST are not endpoints (p/NS/POD:PORT, s/NS/SVC:PORT or ADDR:PORT)` };
  const ns = get("K8S.NAMESPACE");
  const pod = get("K8S.PODNAME");
  const local = src.ep.kind === "raw" && ns && pod && ns !== "" ? endpoint("pod", { ...src.ep, namespace: ns, name: pod }) : src.ep;
  const port = type === "accept" ? src.port : dst.port;
  if (port < 1) return { kind: "malformed", reason: "port 0" };
  const time2 = get("TIMESTAMP");
  const [from, to] = type === "accept" ? [dst.ep, local] : [local, dst.ep];
  return { kind: "event", format: "trace-tcp-columns", event: { line: lineNo, src: from, dst: to, proto: "TCP", port, phase: type === "close" ? "close" : "start", ...time2 ? { time: time2 } : {} } };
}
var PLAIN = /^(?:(\S+)\s+)?(\S+)\s*(?:->|=>|→)\s*(\S+?)(?:\s+(tcp|udp|sctp))?$/i;
function plainLine(line, lineNo) {
  const m = PLAIN.exec(line);
  if (!m) return void 0;
  const src = hostPort(m[2]);
  const dst = hostPort(m[3]);
  if (!src || !dst) return void 0;
  if (dst.port < 1) return { kind: "malformed", reason: "destination port 0" };
  const proto = (m[4] ?? "tcp").toUpperCase();
  return { kind: "event", format: "plain", event: { line: lineNo, src: endpoint("raw", { addr: src.addr }), dst: endpoint("raw", { addr: dst.addr }), proto, port: dst.port, phase: "start", ...m[1] ? { time: m[1] } : {} } };
}

// src/manifests/job-labels.ts
var JOB_NAME_LABELS = ["job-name", "batch.kubernetes.io/job-name"];
var CONTROLLER_UID_LABELS = ["controller-uid", "batch.kubernetes.io/controller-uid"];
var UNKNOWN_VALUE = "(unknown)";

// src/model/ip.ts
var BITS = { 4: 32, 6: 128 };
var MAX = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n };
function parseIPv4(text2) {
  const parts = text2.split(".");
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
function parseIPv6(text2) {
  let s = text2;
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
function parseCidr(text2) {
  const [addr = "", prefixText, ...rest] = text2.trim().split("/");
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

// src/topology/traffic/alias-match.ts
function aliasFor(aliases, addr) {
  let best;
  for (const a of aliases) {
    for (const r of a.ranges) {
      if (r.family === addr.family && rangeContains(r, addr) && (!best || r.hi - r.lo < best.range.hi - best.range.lo)) best = { alias: a.name, range: r };
    }
  }
  return best;
}

// src/topology/traffic/pods.ts
var DNS_NAMES = /* @__PURE__ */ new Set(["kube-dns", "coredns"]);
var DNS_NAMESPACE = "kube-system";
var POD_SUFFIX = {
  Deployment: /^[a-z0-9]{1,10}-[a-z0-9]{5}$/,
  ReplicaSet: /^[a-z0-9]{5}$/,
  ReplicationController: /^[a-z0-9]{5}$/,
  DaemonSet: /^[a-z0-9]{5}$/,
  Job: /^[a-z0-9]{5}$/,
  StatefulSet: /^\d+$/,
  CronJob: /^\d+-[a-z0-9]{5}$/
};
var OWNER_SUFFIX = { Deployment: /^[a-z0-9]{1,10}$/, CronJob: /^\d+$/ };
function pick(ws, kind) {
  return ws.find((w) => w.ref.kind === kind) ?? ws.find((w) => w.ref.kind !== "Pod") ?? ws[0];
}
var INGRESS_CONTROLLERS = /* @__PURE__ */ new Set(["ingress-nginx", "nginx-ingress", "traefik", "haproxy-ingress", "kubernetes-ingress", "contour", "kong", "istio-ingressgateway", "emissary-ingress"]);
function isIngressControllerPod(labels2) {
  const name = labels2?.["app.kubernetes.io/name"] ?? labels2?.app;
  return name !== void 0 && INGRESS_CONTROLLERS.has(name);
}
function isDnsPod(labels2, name) {
  return labels2?.["k8s-app"] === "kube-dns" || name !== void 0 && /^(coredns|kube-dns)-/.test(name);
}
function targetPorts(sp, w) {
  const t = sp.targetPort ?? sp.port;
  if (typeof t === "number" || /^\d+$/.test(t)) return [Number(t)];
  const protocol2 = sp.protocol ?? "TCP";
  return [...new Set(w.pods.flatMap((p) => p.ports.filter((cp) => cp.name === t && cp.protocol === protocol2).map((cp) => cp.port)))].sort((a, b) => a - b);
}

// src/topology/traffic/snapshot-model.ts
var EMPTY_SNAPSHOT = { pods: [], services: [], namespaces: [], nodeIps: [] };

// src/topology/traffic/resolve.ts
var GENERATED_KEYS = /* @__PURE__ */ new Set([...JOB_NAME_LABELS, ...CONTROLLER_UID_LABELS]);
function bump(f, e) {
  f.count++;
  if (e.time !== void 0) {
    if (f.first === void 0 || earlier(e.time, f.first)) f.first = e.time;
    if (f.last === void 0 || earlier(f.last, e.time)) f.last = e.time;
  }
}
function isLoopback(r) {
  return r.family === 4 ? r.lo >> 24n === 127n : r.lo === 1n;
}
var TrafficResolver = class {
  constructor(basis, snapshot = EMPTY_SNAPSHOT, aliases = []) {
    this.snapshot = snapshot;
    this.aliases = aliases;
    this.basisWorkloads = basis.workloads;
    for (const w of basis.workloads) {
      for (const [index, k] of [
        [this.byNamespace, w.ref.namespace],
        [this.byName, `${w.ref.namespace}/${w.ref.name}`]
      ]) {
        const list = index.get(k);
        if (list) list.push(w);
        else index.set(k, [w]);
      }
    }
    for (const s of basis.services) {
      const info = { key: `${s.namespace}/${s.name}`, ports: s.ports, namespace: s.namespace, selector: s.selector };
      this.services.set(info.key, info);
      for (const ip of s.clusterIps) this.ipIndex.set(ip, { service: info });
    }
    for (const s of snapshot.services) {
      const key = `${s.namespace}/${s.name}`;
      const info = this.services.get(key) ?? { key, ports: s.ports, namespace: s.namespace, selector: s.selector };
      if (!this.services.has(key)) this.services.set(key, info);
      for (const ip of s.clusterIps) this.ipIndex.set(ip, { service: info });
    }
    for (const p of snapshot.pods) {
      this.podIndex.set(`${p.namespace}/${p.name}`, p);
      if (!p.hostNetwork) for (const ip of p.ips) this.ipIndex.set(ip, { pod: p });
    }
    this.nodeIps = new Set(snapshot.nodeIps);
  }
  snapshot;
  aliases;
  basisWorkloads;
  byNamespace = /* @__PURE__ */ new Map();
  byName = /* @__PURE__ */ new Map();
  services = /* @__PURE__ */ new Map();
  ipIndex = /* @__PURE__ */ new Map();
  podIndex = /* @__PURE__ */ new Map();
  nodeIps;
  flows = /* @__PURE__ */ new Map();
  pending = /* @__PURE__ */ new Map();
  /**
   * The plans of the file being read, by source then destination (a Map per source: the
   * identity hash of a cached resolution is the cheapest key there is), then by (protocol, port):
   * most pairs see one port, kept without a Map. Cleared when the next file starts, since a
   * plan's flows carry their file.
   */
  plans = /* @__PURE__ */ new Map();
  plansFile;
  current;
  counts = { starts: 0, closes: 0, loopback: 0, nodeLocal: 0, dns: 0, sameWorkload: 0, skipped: 0, malformed: 0, unknown: 0 };
  files = /* @__PURE__ */ new Set();
  /** One warning per Service port the Service does not declare, in the order they were first seen. */
  warned = /* @__PURE__ */ new Map();
  selectWorkloads(ns, selector) {
    if (!selector || Object.keys(selector).length === 0) return [];
    return (this.byNamespace.get(ns) ?? []).filter((w) => w.pods.some((p) => selectorMatches({ matchLabels: selector }, p.labels)));
  }
  /** Counts lines the readers skipped, so the summary tells the whole story. */
  noteLine(kind) {
    this.counts[kind]++;
  }
  /** A trace file being read (for the summary's file count). */
  noteFile(file) {
    this.files.add(file);
  }
  add(file, e) {
    if (e.phase === "close") {
      this.counts.closes++;
      return;
    }
    this.counts.starts++;
    const src = this.resolve(e.src, e);
    const dst = this.resolve(e.dst, e);
    if (src.kind === "loopback" || dst.kind === "loopback" || e.src.addr !== void 0 && e.src.addr === e.dst.addr) {
      this.counts.loopback++;
      return;
    }
    if (src.kind === "node" || e.dst.hostIp !== void 0 && e.src.addr === e.dst.hostIp) {
      this.counts.nodeLocal++;
      return;
    }
    if (dst.kind === "dns" || dst.kind === "node" && e.port === 53) {
      this.counts.dns++;
      return;
    }
    if (file !== this.plansFile) {
      this.plans.clear();
      this.plansFile = file;
    }
    let byDst = this.plans.get(src);
    if (!byDst) this.plans.set(src, byDst = /* @__PURE__ */ new Map());
    const pair = byDst.get(dst);
    const portKey = (e.proto === "TCP" ? 0 : e.proto === "UDP" ? 1 : 2) * 65536 + e.port;
    const known = pair === void 0 ? void 0 : pair.first.portKey === portKey ? pair.first : pair.more?.get(portKey);
    if (known) {
      for (let j = 0; j < known.flows.length; j++) bump(known.flows[j], e);
      for (let j = 0; j < known.pending.length; j++) known.pending[j].count++;
      this.counts.sameWorkload += known.same;
      return;
    }
    const plan = { portKey, flows: [], pending: [], same: 0 };
    this.current = plan;
    this.decide(file, e, src, dst);
    this.current = void 0;
    if (pair === void 0) byDst.set(dst, { first: plan });
    else (pair.more ??= /* @__PURE__ */ new Map()).set(portKey, plan);
  }
  sameWorkload() {
    this.counts.sameWorkload++;
    if (this.current) this.current.same++;
  }
  decide(file, e, src, dst) {
    const proto = e.proto;
    if (src.kind !== "peer") {
      const text2 = src.kind === "unresolved" ? src.text : src.kind === "service" ? `Service ${src.key}` : src.kind === "dns" && src.text !== void 0 ? src.text : endpointText(e.src);
      this.unresolved(file, e, text2, dst, src.kind === "unresolved" ? src.reason : "unknown-service", src.kind === "unresolved" ? src.detail : "a Service as a source");
      return;
    }
    if (dst.kind === "node") {
      this.unresolved(file, e, peerKey(src.peer), { kind: "unresolved", text: `${endpointText(e.dst)}`, reason: "external-address", detail: "a node address (host network)" }, "external-address", "a node address (host network)");
      return;
    }
    if (dst.kind === "unresolved") {
      this.unresolved(file, e, peerKey(src.peer), dst, dst.reason, dst.detail);
      return;
    }
    if (dst.kind === "peer") {
      if (src.workload && src.workload === dst.workload) {
        this.sameWorkload();
        return;
      }
      this.flow(file, e, src, dst, proto, e.port, dst.alias ? `to alias ${dst.alias}` : src.alias ? `from alias ${src.alias}` : "");
      return;
    }
    if (dst.kind !== "service") return;
    const sp = dst.ports.find((p) => p.port === e.port && (p.protocol ?? "TCP") === proto);
    if (dst.workloads.length === 0) {
      this.unresolved(file, e, peerKey(src.peer), { kind: "unresolved", text: `Service ${dst.key}`, reason: "unknown-service", detail: "" }, "unknown-service", `Service ${dst.key} selects no workload in the manifests`);
      return;
    }
    if (!sp) {
      const k = `${dst.key}:${proto}/${e.port}`;
      if (!this.warned.has(k)) {
        this.warned.set(k, diag(Codes.traceServicePort, "warning", `traffic to Service ${dst.key} on ${proto} ${e.port}, a port the Service does not declare; kept for review`, { file, doc: 0, line: e.line }));
      }
      this.unresolved(file, e, peerKey(src.peer), { kind: "unresolved", text: `Service ${dst.key}`, reason: "no-service-port", detail: "" }, "no-service-port", `Service ${dst.key} has no ${proto} port ${e.port}`);
      return;
    }
    for (const w of dst.workloads) {
      if (src.workload === w) {
        this.sameWorkload();
        continue;
      }
      const to = this.workloadPeer(w);
      for (const target of targetPorts(sp, w)) this.flow(file, e, src, to, proto, target, `via Service ${dst.key}:${e.port}`);
    }
  }
  workloadPeers = /* @__PURE__ */ new Map();
  otherPeers = /* @__PURE__ */ new Map();
  /**
   * One resolution object per workload: every pod of a workload resolves to the same object, so
   * the per-(source, destination) decisions are made once per workload pair, not per pod pair.
   */
  workloadPeer(w) {
    let p = this.workloadPeers.get(w);
    if (!p) this.workloadPeers.set(w, p = peerOf({ kind: "workload", ref: w.ref }, w));
    return p;
  }
  servicePeers = /* @__PURE__ */ new Map();
  servicePeer(svc) {
    let r = this.servicePeers.get(svc);
    if (!r) this.servicePeers.set(svc, r = { kind: "service", key: svc.key, ports: svc.ports, workloads: this.selectWorkloads(svc.namespace, svc.selector) });
    return r;
  }
  canonical(peer, alias) {
    const key = `${peerKey(peer)}|${alias ?? ""}`;
    let p = this.otherPeers.get(key);
    if (!p) this.otherPeers.set(key, p = peerOf(peer, void 0, alias));
    return p;
  }
  flow(file, e, from, to, proto, port, via) {
    const src = from.peer;
    const dst = to.peer;
    const key = `${from.key}\0${to.key}\0${proto}${port}\0${file}\0${via}`;
    let cur = this.flows.get(key);
    if (cur) bump(cur, e);
    else this.flows.set(key, cur = { src, dst, proto, port, file, line: e.line, count: 1, ...e.time !== void 0 ? { first: e.time, last: e.time } : {}, via });
    this.current?.flows.push(cur);
  }
  unresolved(file, e, src, dst, reason, detail) {
    const dstText = dst.kind === "unresolved" ? dst.text : dst.kind === "peer" ? peerKey(dst.peer) : dst.kind === "service" ? `Service ${dst.key}` : endpointText(e.dst);
    const key = `${src}\0${dstText}\0${e.proto}\0${e.port}\0${reason}\0${file}`;
    let cur = this.pending.get(key);
    if (cur) cur.count++;
    else this.pending.set(key, cur = { src, dst: dstText, proto: e.proto, port: e.port, reason, detail, file, line: e.line, count: 1 });
    this.current?.pending.push(cur);
  }
  /** Named endpoints by kind (and DNS port or not), namespace and pod/Service name (or owner): no string is built per event. */
  byIdentity = /* @__PURE__ */ new Map();
  /** The common case (a pod, not a DNS lookup), one lookup less. */
  pods = /* @__PURE__ */ new Map();
  byAddr = /* @__PURE__ */ new Map();
  /**
   * Cached per endpoint identity. A named pod resolves by name alone, as the first event that
   * names it describes it (its owner, labels); its address is not part of the key: a long trace of
   * one pod costs one entry whatever its ports and IPs. The cache holds one entry per pod, Service
   * and address seen. Other endpoints resolve by a key that holds every field their resolution
   * reads. (Two threads reading two halves of a trace may see a name first with other metadata:
   * `sameNamedResolutions` checks that they resolved it alike.)
   */
  resolve(ep, e) {
    const variant = e.port === 53 ? ep.kind === "pod" ? "pod53" : ep.kind === "svc" ? "svc53" : "x53" : ep.kind;
    const id = ep.name ?? (ep.owner !== void 0 ? `owner:${ep.owner}` : void 0);
    if ((ep.kind === "pod" || ep.kind === "svc") && ep.namespace !== void 0 && id !== void 0) {
      let byNs = variant === "pod" ? this.pods : this.byIdentity.get(variant);
      if (!byNs) this.byIdentity.set(variant, byNs = /* @__PURE__ */ new Map());
      let byName = byNs.get(ep.namespace);
      if (!byName) byNs.set(ep.namespace, byName = /* @__PURE__ */ new Map());
      let r2 = byName.get(id);
      if (!r2) {
        r2 = this.resolveUncached({ ...ep, addr: void 0 }, e.port);
        if (r2.kind === "dns") r2 = { kind: "dns", text: endpointText(ep) };
        byName.set(id, r2);
      }
      if (r2.kind !== "unresolved" || ep.addr === void 0 || !this.ipIndex.has(ep.addr)) return r2;
    }
    const addrOnly = ep.addr !== void 0 && ep.name === void 0 && ep.owner === void 0 && !(ep.kind === "pod" && ep.namespace && ep.labels);
    const key = addrOnly ? ep.addr : `${ep.namespace ?? ""}|${ep.name ?? ""}|${ep.owner ?? ""}|${ep.addr ?? ""}|${ep.name || ep.owner ? "" : labelsKey(ep.labels)}`;
    let byKey = this.byAddr.get(variant);
    if (!byKey) this.byAddr.set(variant, byKey = /* @__PURE__ */ new Map());
    let r = byKey.get(key);
    if (!r) {
      r = this.resolveUncached(ep, e.port);
      byKey.set(key, r);
    }
    return r;
  }
  resolveUncached(ep, port) {
    const range = ep.addr !== void 0 ? parseCidr(ep.addr) : void 0;
    if (range && isLoopback(range)) return { kind: "loopback" };
    if (ep.addr !== void 0 && this.nodeIps.has(ep.addr)) return { kind: "node" };
    if (ep.kind === "svc" && ep.namespace && ep.name) {
      if (port === 53 && ep.namespace === DNS_NAMESPACE && DNS_NAMES.has(ep.name)) return { kind: "dns" };
      const svc = this.services.get(`${ep.namespace}/${ep.name}`);
      if (svc) return this.servicePeer(svc);
      return { kind: "unresolved", text: `Service ${ep.namespace}/${ep.name}`, reason: "unknown-service", detail: `Service ${ep.namespace}/${ep.name} is not in the manifests or the snapshot` };
    }
    if (ep.kind === "pod" && ep.namespace && (ep.name || ep.owner || ep.labels)) {
      if (port === 53 && ep.namespace === DNS_NAMESPACE && isDnsPod(ep.labels, ep.name)) return { kind: "dns" };
      const w = this.podWorkload(ep.namespace, ep.name, ep.owner, ep.ownerKind, ep.labels);
      if (w) return this.workloadPeer(w);
      if (isIngressControllerPod(ep.labels ?? this.podIndex.get(`${ep.namespace}/${ep.name ?? ""}`)?.labels)) return this.canonical({ kind: "ingress-controller" });
      if (!ep.addr || !this.ipIndex.has(ep.addr)) {
        const text2 = `pod ${ep.namespace}/${ep.name ?? ep.owner ?? "?"}`;
        return { kind: "unresolved", text: text2, reason: "unknown-pod", detail: `${text2} belongs to no workload of the manifests` };
      }
    }
    if (ep.addr !== void 0) {
      const hit = this.ipIndex.get(ep.addr);
      if (hit?.service) {
        const [ns, name] = hit.service.key.split("/");
        if (port === 53 && ns === DNS_NAMESPACE && DNS_NAMES.has(name)) return { kind: "dns" };
        return this.servicePeer(hit.service);
      }
      if (hit?.pod) {
        const p = hit.pod;
        if (port === 53 && p.namespace === DNS_NAMESPACE && isDnsPod(p.labels, p.name)) return { kind: "dns" };
        const w = this.podWorkload(p.namespace, p.name, p.owner?.name, p.owner?.kind, p.labels);
        if (w) return this.workloadPeer(w);
        if (isIngressControllerPod(p.labels)) return this.canonical({ kind: "ingress-controller" });
        return { kind: "unresolved", text: `pod ${p.namespace}/${p.name}`, reason: "unknown-pod", detail: `pod ${p.namespace}/${p.name} (${ep.addr}) belongs to no workload of the manifests` };
      }
      if (!range) return { kind: "unresolved", text: ep.addr, reason: "external-address", detail: `${JSON.stringify(ep.addr)} is not an IP address` };
      const alias = aliasFor(this.aliases, range);
      if (alias) return this.canonical({ kind: "external", range: alias.range }, alias.alias);
      return { kind: "unresolved", text: `${formatRange(range)}[External]`, reason: "external-address", detail: `${ep.addr} is no pod or Service of the snapshot and in no --cidr-aliases block` };
    }
    return { kind: "unresolved", text: endpointText(ep), reason: "unknown-pod", detail: "no address and no Kubernetes name in the event" };
  }
  /** The manifests' workload a pod belongs to: its owner (folded: ReplicaSet -> Deployment, Job -> CronJob), its name, else its labels. */
  podWorkload(ns, podName, owner, ownerKind, labels2) {
    const snap = podName ? this.podIndex.get(`${ns}/${podName}`) : void 0;
    for (const [o, kind] of [
      [owner, ownerKind],
      [snap?.owner?.name, snap?.owner?.kind]
    ]) {
      if (!o) continue;
      const exact = this.byName.get(`${ns}/${o}`);
      if (exact) return pick(exact, kind);
      const folded = this.byPrefix(ns, o, OWNER_SUFFIX);
      if (folded) return folded;
    }
    if (podName) {
      const exact = this.byName.get(`${ns}/${podName}`)?.find((w) => w.ref.kind === "Pod");
      if (exact) return exact;
      const named = this.byPrefix(ns, podName, POD_SUFFIX);
      if (named) return named;
    }
    const l = labels2 ?? snap?.labels;
    if (l && Object.keys(l).length > 0) {
      const carries = (k, v) => {
        const has = Object.prototype.hasOwnProperty.call(l, k);
        if (!has) return GENERATED_KEYS.has(k);
        return v === UNKNOWN_VALUE || l[k] === v;
      };
      const matches = (this.byNamespace.get(ns) ?? []).filter((w) => w.pods.some((p) => Object.keys(p.labels).length > 0 && Object.entries(p.labels).every(([k, v]) => carries(k, v))));
      if (matches.length === 1) return matches[0];
    }
    return void 0;
  }
  /** `<workload>-<suffix>` where the suffix is what the workload's kind adds; the longest workload name wins. */
  byPrefix(ns, name, suffixes) {
    for (let i = name.lastIndexOf("-"); i > 0; i = name.lastIndexOf("-", i - 1)) {
      const cands = this.byName.get(`${ns}/${name.slice(0, i)}`);
      const rest = name.slice(i + 1);
      const hit = cands?.find((w) => suffixes[w.ref.kind]?.test(rest));
      if (hit) return hit;
    }
    return void 0;
  }
  /** What this resolver read, as plain data (a worker thread's answer): see `absorb`. */
  partial() {
    const named = [];
    for (const [variant, byNs] of [["pod", this.pods], ...this.byIdentity]) {
      for (const [ns, byName] of byNs) for (const [id, r] of byName) named.push([`${variant}\0${ns}\0${id}`, resolvedKey(r)]);
    }
    return { flows: [...this.flows], pending: [...this.pending], counts: { ...this.counts }, files: [...this.files], warned: [...this.warned], named };
  }
  /**
   * Whether the other resolver resolved every name it shares with this one as this one did. A name
   * resolves as the first event naming it describes the pod; an event of the other part naming it
   * first with other metadata (another owner, other labels) may resolve it otherwise, and then
   * the parts cannot be merged into what one read gives.
   */
  sameNamedResolutions(p) {
    for (const [key, resolved] of p.named) {
      const [variant, ns, id] = key.split("\0");
      const mine = (variant === "pod" ? this.pods : this.byIdentity.get(variant))?.get(ns)?.get(id);
      if (mine !== void 0 && resolvedKey(mine) !== resolved) return false;
    }
    return true;
  }
  /**
   * Adds what another resolver read from the lines right after the ones read here, as if this one
   * had read them: counts add; a flow or unresolved observation seen on both sides keeps this
   * side's first line, the earliest first and the latest last time; one seen only there comes after
   * this side's, in its order, its lines shifted by `lineOffset` (the other side counted its lines
   * from 1); a Service port warned about on both sides is warned once, here. Resolution depends
   * on nothing but the event (see `resolve`), so both sides decide every event as one would.
   */
  absorb(p, lineOffset) {
    for (const [key, f] of p.flows) {
      const cur = this.flows.get(key);
      if (!cur) this.flows.set(key, { ...f, src: this.samePeer(f.src), dst: this.samePeer(f.dst), line: f.line + lineOffset });
      else {
        cur.count += f.count;
        if (f.first !== void 0 && (cur.first === void 0 || earlier(f.first, cur.first))) cur.first = f.first;
        if (f.last !== void 0 && (cur.last === void 0 || earlier(cur.last, f.last))) cur.last = f.last;
      }
    }
    for (const [key, u] of p.pending) {
      const cur = this.pending.get(key);
      if (cur) cur.count += u.count;
      else this.pending.set(key, { ...u, line: u.line + lineOffset });
    }
    for (const k of Object.keys(this.counts)) this.counts[k] += p.counts[k];
    for (const f of p.files) this.files.add(f);
    for (const [key, d] of p.warned) if (!this.warned.has(key)) this.warned.set(key, d.at?.line !== void 0 ? { ...d, at: { ...d.at, line: d.at.line + lineOffset } } : d);
  }
  workloadByKey;
  /** This resolver's own peer for a copy from another thread (workload references are this side's objects). */
  samePeer(peer) {
    if (peer.kind !== "workload") return peer;
    this.workloadByKey ??= new Map(this.basisWorkloads.map((w2) => [peerKey({ kind: "workload", ref: w2.ref }), w2]));
    const w = this.workloadByKey.get(peerKey(peer));
    return w ? this.workloadPeer(w).peer : peer;
  }
  finish() {
    const byPair = /* @__PURE__ */ new Map();
    const flows = [...this.flows.values()].sort((a, b) => compareText(a.file, b.file) || a.line - b.line || compareText(a.proto, b.proto) || a.port - b.port);
    for (const f of flows) {
      const key = `${peerKey(f.src)}\0${peerKey(f.dst)}`;
      const conns = ConnectionSet.port(f.proto, f.port);
      const ev = { kind: "trace", event: `${f.proto} ${f.port}${f.via ? ` ${f.via}` : ""}`, file: f.file, line: f.line, count: f.count, ...f.first !== void 0 ? { firstSeen: f.first, lastSeen: f.last } : {} };
      const cur = byPair.get(key);
      if (cur) {
        cur.conns = cur.conns.union(conns);
        cur.evidence.push(ev);
      } else byPair.set(key, { src: f.src, dst: f.dst, conns, evidence: [ev] });
    }
    const links = [...byPair.entries()].sort(([a], [b]) => compareText(a, b)).map(([, l]) => l);
    const unresolved = [...this.pending.values()].map((u) => ({ src: u.src, dst: u.dst, conns: ConnectionSet.port(u.proto, u.port), reason: u.reason, detail: u.detail, file: u.file, line: u.line, count: u.count })).sort((a, b) => compareText(a.src, b.src) || compareText(a.dst, b.dst) || compareText(a.conns.toString(), b.conns.toString()) || compareText(a.file, b.file) || a.line - b.line);
    const summary = { files: this.files.size, ...this.counts };
    const diagnostics = [...this.warned.values()];
    const noise = summaryText(summary);
    if (noise) diagnostics.push(diag(Codes.trafficFiltered, "info", noise));
    return { value: { links, unresolved, summary }, diagnostics };
  }
};
function summaryText(s) {
  const parts = [
    [s.loopback, "loopback"],
    [s.nodeLocal, "node-local (kubelet probes)"],
    [s.dns, "DNS (synthesize allows DNS itself)"],
    [s.sameWorkload, "within one workload"]
  ].filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  const lines = [s.skipped > 0 ? `${s.skipped} skipped` : "", s.malformed > 0 ? `${s.malformed} malformed` : "", s.unknown > 0 ? `${s.unknown} unreadable` : ""].filter(Boolean);
  return `traffic: ${s.starts} connection starts read${s.closes > 0 ? ` (${s.closes} closes ignored)` : ""}; filtered ${parts.length > 0 ? parts.join(", ") : "nothing"}${lines.length > 0 ? `; lines ${lines.join(", ")}` : ""}`;
}
function peerOf(peer, workload, alias) {
  return { kind: "peer", peer, key: peerKey(peer), ...workload ? { workload } : {}, ...alias ? { alias } : {} };
}
function resolvedKey(r) {
  switch (r.kind) {
    case "peer":
      return `peer\0${r.key}\0${r.alias ?? ""}`;
    case "service":
      return `service\0${r.key}`;
    case "unresolved":
      return `unresolved\0${r.text}\0${r.reason}\0${r.detail}`;
    case "dns":
      return `dns\0${r.text ?? ""}`;
    default:
      return r.kind;
  }
}
function endpointText(ep) {
  if (ep.namespace && ep.name) return `${ep.kind === "svc" ? "Service" : "pod"} ${ep.namespace}/${ep.name}`;
  return ep.addr ?? "?";
}
function earlier(a, b) {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na !== nb) return na;
  if (na && a.length !== b.length) return a.length < b.length;
  return a < b;
}
function labelsKey(labels2) {
  return labels2 === void 0 ? "-" : JSON.stringify(Object.entries(labels2).sort(([a], [b]) => compareText(a, b)));
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/topology/traffic/consumer.ts
var REPORT_LIMIT = 20;
var LineMemo = class _LineMemo {
  static CAPACITY = 1024;
  static PROBE = 256;
  static MIN_HIT_RATIO = 0.1;
  outcomes = /* @__PURE__ */ new Map();
  lookups = 0;
  hits = 0;
  previous = "";
  active = false;
  /** While off: turns on when `text` repeats the line before it. */
  watch(text2) {
    if (text2 === this.previous) this.active = true;
    else this.previous = text2;
  }
  get(text2) {
    const o = this.outcomes.get(text2);
    if (o !== void 0) this.hits++;
    if (++this.lookups === _LineMemo.PROBE) {
      if (this.hits < _LineMemo.PROBE * _LineMemo.MIN_HIT_RATIO) {
        this.active = false;
        this.outcomes.clear();
        this.previous = "";
      }
      this.lookups = 0;
      this.hits = 0;
    }
    return o;
  }
  set(text2, o) {
    if (!this.active) return;
    if (this.outcomes.size >= _LineMemo.CAPACITY) this.outcomes.clear();
    this.outcomes.set(text2, o);
  }
};
var TraceFileConsumer = class {
  constructor(file, resolver, diagnostics, forced, memo = true, midFile = false) {
    this.file = file;
    this.resolver = resolver;
    this.diagnostics = diagnostics;
    this.reader = new TraceLineReader(forced, midFile);
    this.memo = memo && forced !== "plain" && forced !== "trace-tcp-columns" ? new LineMemo() : void 0;
    resolver.noteFile(file);
  }
  file;
  resolver;
  diagnostics;
  reader;
  reported = /* @__PURE__ */ new Map();
  events = 0;
  memo;
  /** The last outcome read (one JSON line gives exactly one), for the memo. One sink for every line: a second one made the reader's call sites polymorphic, and the GC pacing of a 1M-line trace erratic. */
  last;
  sink = (o) => {
    this.last = o;
    this.take(o, this.at);
  };
  at = 0;
  line(text2, line) {
    this.at = line;
    const memo = this.memo;
    if (memo && text2.charCodeAt(0) === 123 && this.reader.readsLineByLine) {
      if (!memo.active) memo.watch(text2);
      if (memo.active) {
        const known = memo.get(text2);
        if (known) return this.take(known, line);
        this.last = void 0;
        this.reader.read(text2, line, this.sink);
        if (this.last) memo.set(text2, this.last);
        return;
      }
    }
    this.reader.read(text2, line, this.sink);
  }
  /** Whether `{` lines are read one per line (not inside a JSON array): see TraceLineReader. */
  get readsLineByLine() {
    return this.reader.readsLineByLine;
  }
  get hasColumnsHeader() {
    return this.reader.hasColumnsHeader;
  }
  get readAsIfNoHeader() {
    return this.reader.readAsIfNoHeader;
  }
  /** What this consumer reported and counted (the second reader's answer): see `absorb`. */
  partial() {
    return { diagnostics: this.diagnostics, reported: [...this.reported], events: this.events };
  }
  /**
   * Takes what the reader of the lines right after these reported, as if read here: its lines
   * shifted by `lineOffset`; per code, lines are shown up to the limit in line order, so its
   * reports come after these and only while the limit is not reached.
   */
  absorb(part, lineOffset) {
    const shown = /* @__PURE__ */ new Map();
    for (const d of part.consumer.diagnostics) {
      const k = shown.get(d.code) ?? 0;
      shown.set(d.code, k + 1);
      if ((this.reported.get(d.code) ?? 0) + k < REPORT_LIMIT) this.diagnostics.push(d.at?.line !== void 0 ? { ...d, at: { ...d.at, line: d.at.line + lineOffset } } : d);
    }
    for (const [code, n] of part.consumer.reported) this.reported.set(code, (this.reported.get(code) ?? 0) + n);
    this.events += part.consumer.events;
  }
  end(lastLine) {
    const open = this.reader.openLine;
    const o = this.reader.end();
    if (o) this.take(o, open ?? lastLine);
    for (const [code, n] of this.reported) {
      if (n > REPORT_LIMIT) this.diagnostics.push(diag(code, code === Codes.traceUnknownLine ? "error" : "warning", `${n - REPORT_LIMIT} more such lines not shown`, { file: this.file, doc: 0 }));
    }
    if (this.events === 0) this.diagnostics.push(diag(Codes.traceEmpty, "warning", "no connection event in this trace", { file: this.file, doc: 0 }));
  }
  take(o, line) {
    switch (o.kind) {
      case "event":
        this.events++;
        this.resolver.add(this.file, o.event);
        return;
      case "none":
        return;
      case "skip":
        this.resolver.noteLine("skipped");
        this.report(Codes.traceSkipped, "warning", `skipped: ${o.reason}`, line);
        return;
      case "malformed":
        this.resolver.noteLine("malformed");
        this.report(Codes.traceMalformed, "warning", `skipped: ${o.reason}`, line);
        return;
      case "unknown":
        this.resolver.noteLine("unknown");
        this.report(Codes.traceUnknownLine, "error", o.reason, line);
        return;
    }
  }
  report(code, severity, message, line) {
    const n = (this.reported.get(code) ?? 0) + 1;
    this.reported.set(code, n);
    if (n <= REPORT_LIMIT) this.diagnostics.push(diag(code, severity, message, { file: this.file, doc: 0, line }));
  }
};
function observeTracePart(basis, inputs, lines) {
  const resolver = new TrafficResolver(basis, inputs.snapshot, inputs.aliases);
  const consumer = new TraceFileConsumer(inputs.file, resolver, [], inputs.format, !inputs.noMemo, true);
  const n = lines((text2, line) => consumer.line(text2, line));
  return { lines: n, consumer: consumer.partial(), resolver: resolver.partial(), readAsIfNoHeader: consumer.readAsIfNoHeader };
}

// src/pipeline/traffic-worker.ts
if (isThreadJob()) {
  answerThreadJob((input) => {
    const job = input;
    const inputs = { file: job.file, snapshot: job.snapshot, aliases: job.aliases, ...job.format ? { format: job.format } : {} };
    return observeTracePart(JSON.parse(job.basis), inputs, (onLine) => forEachLine(job.file, "--traffic", onLine, void 0, { start: job.start, end: Number.POSITIVE_INFINITY }));
  });
}
