/**
 * A plain, per-packet reference evaluator for NetworkPolicy, AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy (v1alpha1) and ClusterNetworkPolicy (v1alpha2), written straight
 * from the spec (DESIGN.md "Semantics" and the network-policy-api layering). It answers one
 * question: is this one packet allowed?
 *
 * It is a test oracle for the set-based engine, so it deliberately shares no code with
 * src/connectivity (no interval sets, no pod classes, no compiled policies, no atoms) and is
 * written to be obviously right rather than fast: every call walks every policy.
 */

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type Labels = Record<string, string>;

export interface SelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}
export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: SelectorRequirement[];
}

// --- the configuration, as plain objects -------------------------------------------------------

export interface RefNamespace {
  name: string;
  /** Declared labels; kubernetes.io/metadata.name is added by the evaluator. */
  labels: Labels;
}

export interface RefContainerPort {
  name?: string;
  containerPort: number;
  /** Defaults to TCP. */
  protocol?: Protocol;
}

export interface RefInitContainer {
  /** `Always` makes it a sidecar, which runs beside the app containers (Kubernetes 1.28+). */
  restartPolicy?: 'Always';
  ports: RefContainerPort[];
}

export interface RefWorkload {
  namespace: string;
  name: string;
  labels: Labels;
  /** The app containers' ports (one container holds them all: which one does not matter). */
  ports: RefContainerPort[];
  initContainers?: RefInitContainer[];
}

export interface NpPort {
  protocol?: Protocol;
  port?: number | string;
  endPort?: number;
}
export interface NpPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}
export interface NetworkPolicy {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'NetworkPolicy';
  metadata: { name: string; namespace: string };
  spec: {
    podSelector: LabelSelector;
    policyTypes?: ('Ingress' | 'Egress')[];
    ingress?: { from?: NpPeer[]; ports?: NpPort[] }[];
    egress?: { to?: NpPeer[]; ports?: NpPort[] }[];
  };
}

export interface AdminSubject {
  namespaces?: LabelSelector;
  pods?: { namespaceSelector?: LabelSelector; podSelector?: LabelSelector };
}
export interface AdminPeer {
  namespaces?: LabelSelector;
  pods?: { namespaceSelector?: LabelSelector; podSelector?: LabelSelector };
  networks?: string[];
  nodes?: LabelSelector;
}
export interface AdminPort {
  portNumber?: { protocol?: Protocol; port: number };
  portRange?: { protocol?: Protocol; start: number; end: number };
  namedPort?: string;
}
export interface AdminRule<A extends string> {
  name?: string;
  action: A;
  ports?: AdminPort[];
}
export interface AdminNetworkPolicy {
  apiVersion: 'policy.networking.k8s.io/v1alpha1';
  kind: 'AdminNetworkPolicy';
  metadata: { name: string };
  spec: {
    priority: number;
    subject: AdminSubject;
    ingress?: (AdminRule<'Allow' | 'Deny' | 'Pass'> & { from: AdminPeer[] })[];
    egress?: (AdminRule<'Allow' | 'Deny' | 'Pass'> & { to: AdminPeer[] })[];
  };
}
export interface BaselineAdminNetworkPolicy {
  apiVersion: 'policy.networking.k8s.io/v1alpha1';
  kind: 'BaselineAdminNetworkPolicy';
  metadata: { name: string };
  spec: {
    subject: AdminSubject;
    ingress?: (AdminRule<'Allow' | 'Deny'> & { from: AdminPeer[] })[];
    egress?: (AdminRule<'Allow' | 'Deny'> & { to: AdminPeer[] })[];
  };
}

export interface CnpPortSpec {
  destinationPort?: { number?: number; range?: { start: number; end: number } };
}
export interface CnpProtocol {
  tcp?: CnpPortSpec;
  udp?: CnpPortSpec;
  sctp?: CnpPortSpec;
  destinationNamedPort?: string;
}
export interface CnpRule {
  name?: string;
  action: 'Accept' | 'Deny' | 'Pass';
  protocols?: CnpProtocol[];
}
export interface ClusterNetworkPolicy {
  apiVersion: 'policy.networking.k8s.io/v1alpha2';
  kind: 'ClusterNetworkPolicy';
  metadata: { name: string };
  spec: {
    tier: 'Admin' | 'Baseline';
    priority: number;
    subject: AdminSubject;
    ingress?: (CnpRule & { from: AdminPeer[] })[];
    egress?: (CnpRule & { to: AdminPeer[] })[];
  };
}

/**
 * A Service behind an Ingress: the ingress controller sends HTTP (TCP) to the pods of `namespace`
 * that `selector` selects (a Service with no selector has no endpoints), on `targetPort`.
 */
export interface RefIngressBackend {
  namespace: string;
  selector: Labels;
  targetPort: number;
}

export interface RefConfig {
  /** Ingress backends, for packets from the ingress controller. */
  ingressBackends?: RefIngressBackend[];
  namespaces: RefNamespace[];
  workloads: RefWorkload[];
  networkPolicies: NetworkPolicy[];
  adminNetworkPolicies: AdminNetworkPolicy[];
  baselineAdminNetworkPolicy?: BaselineAdminNetworkPolicy;
  clusterNetworkPolicies: ClusterNetworkPolicy[];
}

// --- one packet ----------------------------------------------------------------------------------

/** A workload named `namespace/name`, or an IPv4 address outside the cluster. */
/** A workload named `namespace/name`, an IPv4 address outside the cluster, or the ingress controller (a source only). */
export type Endpoint = { workload: string } | { ip: string } | { controller: true };

export interface Packet {
  src: Endpoint;
  dst: Endpoint;
  protocol: Protocol;
  port: number;
}

// --- helpers ---------------------------------------------------------------------------------------

const NAME_LABEL = 'kubernetes.io/metadata.name';

/** A resolved endpoint: a pod (with its namespace's labels) or an external IPv4 address as a number. */
type Ep = { pod: RefWorkload; nsLabels: Labels } | { ip: number };

function isPod(e: Ep): e is { pod: RefWorkload; nsLabels: Labels } {
  return 'pod' in e;
}

export function selectorMatches(sel: LabelSelector, labels: Labels): boolean {
  for (const key of Object.keys(sel.matchLabels ?? {})) {
    if (labels[key] !== sel.matchLabels?.[key]) return false;
  }
  for (const req of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    const value = labels[req.key];
    const values = req.values ?? [];
    if (req.operator === 'In' && !(has && values.includes(value as string))) return false;
    if (req.operator === 'NotIn' && has && values.includes(value as string)) return false;
    if (req.operator === 'Exists' && !has) return false;
    if (req.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Parses dotted-quad IPv4 into a number, or undefined. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^[0-9]+$/.test(p) || p.length > 3) return undefined;
    const b = parseInt(p, 10);
    if (b > 255) return undefined;
    n = n * 256 + b;
  }
  return n;
}

/**
 * Whether an IPv4 address lies in a CIDR. Host bits of the CIDR are ignored; a CIDR of another
 * family (IPv6) or an unparseable one contains no IPv4 address.
 */
export function cidrContains(cidr: string, ip: number): boolean {
  const [addr, bitsText, ...rest] = cidr.split('/');
  if (rest.length > 0 || addr === undefined) return false;
  const base = parseIPv4(addr);
  if (base === undefined) return false;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const size = 2 ** (32 - bits);
  const start = Math.floor(base / size) * size;
  return ip >= start && ip < start + size;
}

function protocolOf(p: RefContainerPort): Protocol {
  return p.protocol ?? 'TCP';
}

/**
 * The ports a named port can name: the app containers' and the sidecars'. A plain init container
 * has exited before the pod serves (Kubernetes' FindPort, pkg/api/v1/pod/util.go, reads
 * `spec.containers` and the init containers with restartPolicy Always).
 */
function servingPorts(pod: RefWorkload): RefContainerPort[] {
  return [...pod.ports, ...(pod.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').flatMap((c) => c.ports)];
}

// --- NetworkPolicy -----------------------------------------------------------------------------

type Direction = 'ingress' | 'egress';

function npGoverns(np: NetworkPolicy, dir: Direction): boolean {
  const types = np.spec.policyTypes;
  // Kubernetes defaults an absent or empty list alike (SetDefaults_NetworkPolicy: len(policyTypes) == 0)
  if (types !== undefined && types.length > 0) return types.includes(dir === 'ingress' ? 'Ingress' : 'Egress');
  if (dir === 'ingress') return true;
  return (np.spec.egress ?? []).length > 0;
}

function npSelects(np: NetworkPolicy, pod: RefWorkload): boolean {
  return pod.namespace === np.metadata.namespace && selectorMatches(np.spec.podSelector, pod.labels);
}

function npPeerMatches(np: NetworkPolicy, peer: NpPeer, other: Ep): boolean {
  if (peer.ipBlock) {
    if (isPod(other)) return false; // ipBlocks never match pods
    if (!cidrContains(peer.ipBlock.cidr, other.ip)) return false;
    for (const e of peer.ipBlock.except ?? []) if (cidrContains(e, other.ip)) return false;
    return true;
  }
  if (!isPod(other)) return false;
  if (peer.namespaceSelector === undefined) {
    // only a podSelector: pods of the policy's own namespace
    if (other.pod.namespace !== np.metadata.namespace) return false;
  } else if (!selectorMatches(peer.namespaceSelector, other.nsLabels)) {
    return false;
  }
  if (peer.podSelector !== undefined && !selectorMatches(peer.podSelector, other.pod.labels)) return false;
  return true;
}

function npPortMatches(port: NpPort, dstPod: RefWorkload | undefined, protocol: Protocol, n: number): boolean {
  const proto = port.protocol ?? 'TCP';
  if (proto !== protocol) return false;
  if (port.port === undefined) return true;
  if (typeof port.port === 'number') {
    const end = port.endPort ?? port.port;
    return n >= port.port && n <= end;
  }
  // a named port: the destination pod must declare it, with this protocol and this number
  if (!dstPod) return false;
  return servingPorts(dstPod).some((p) => p.name === port.port && protocolOf(p) === protocol && p.containerPort === n);
}

/**
 * The NetworkPolicy verdict for `subject` in `dir`: undefined if no NetworkPolicy isolates the
 * subject in that direction; otherwise whether some rule of a selecting policy allows the packet.
 */
function npVerdict(cfg: RefConfig, subject: RefWorkload, dir: Direction, other: Ep, dstPod: RefWorkload | undefined, protocol: Protocol, port: number): boolean | undefined {
  let isolated = false;
  let allowed = false;
  for (const np of cfg.networkPolicies) {
    if (!npSelects(np, subject) || !npGoverns(np, dir)) continue;
    isolated = true;
    const rules = dir === 'ingress' ? (np.spec.ingress ?? []) : (np.spec.egress ?? []);
    for (const rule of rules) {
      const peers = dir === 'ingress' ? (rule as { from?: NpPeer[] }).from : (rule as { to?: NpPeer[] }).to;
      const peerOk = peers === undefined || peers.length === 0 || peers.some((p) => npPeerMatches(np, p, other));
      const ports = rule.ports ?? [];
      const portOk = ports.length === 0 || ports.some((p) => npPortMatches(p, dstPod, protocol, port));
      if (peerOk && portOk) allowed = true;
    }
  }
  return isolated ? allowed : undefined;
}

// --- admin policies --------------------------------------------------------------------------------

function adminSubjectSelects(cfg: RefConfig, subject: AdminSubject, pod: RefWorkload): boolean {
  const nsLabels = namespaceLabels(cfg, pod.namespace);
  if (subject.namespaces) return selectorMatches(subject.namespaces, nsLabels);
  if (subject.pods) {
    return selectorMatches(subject.pods.namespaceSelector ?? {}, nsLabels) && selectorMatches(subject.pods.podSelector ?? {}, pod.labels);
  }
  return false;
}

function adminPeerMatches(peer: AdminPeer, other: Ep): boolean {
  if (peer.namespaces) return isPod(other) && selectorMatches(peer.namespaces, other.nsLabels);
  if (peer.pods) {
    return isPod(other) && selectorMatches(peer.pods.namespaceSelector ?? {}, other.nsLabels) && selectorMatches(peer.pods.podSelector ?? {}, other.pod.labels);
  }
  if (peer.networks) return !isPod(other) && peer.networks.some((c) => cidrContains(c, other.ip));
  return false; // nodes: no pod here is a node
}

/** A named port of an admin policy matches the destination's container port of that name, whatever its protocol. */
function namedPortMatches(name: string, dstPod: RefWorkload | undefined, protocol: Protocol, n: number): boolean {
  return dstPod !== undefined && servingPorts(dstPod).some((p) => p.name === name && protocolOf(p) === protocol && p.containerPort === n);
}

function anpPortsMatch(ports: AdminPort[] | undefined, dstPod: RefWorkload | undefined, protocol: Protocol, n: number): boolean {
  if (ports === undefined || ports.length === 0) return true;
  for (const p of ports) {
    if (p.portNumber && (p.portNumber.protocol ?? 'TCP') === protocol && p.portNumber.port === n) return true;
    if (p.portRange && (p.portRange.protocol ?? 'TCP') === protocol && n >= p.portRange.start && n <= p.portRange.end) return true;
    if (p.namedPort !== undefined && namedPortMatches(p.namedPort, dstPod, protocol, n)) return true;
  }
  return false;
}

function cnpPortsMatch(protocols: CnpProtocol[] | undefined, dstPod: RefWorkload | undefined, protocol: Protocol, n: number): boolean {
  if (protocols === undefined || protocols.length === 0) return true;
  for (const p of protocols) {
    const spec = protocol === 'TCP' ? p.tcp : protocol === 'UDP' ? p.udp : p.sctp;
    if (spec) {
      const dp = spec.destinationPort;
      if (!dp) return true;
      if (dp.number !== undefined && dp.number === n) return true;
      if (dp.range && n >= dp.range.start && n <= dp.range.end) return true;
    }
    if (p.destinationNamedPort !== undefined && namedPortMatches(p.destinationNamedPort, dstPod, protocol, n)) return true;
  }
  return false;
}

/** One admin-style rule reduced to what the layering needs. */
interface FlatRule {
  action: 'allow' | 'deny' | 'pass';
  peers: AdminPeer[];
  matchesPort: (dstPod: RefWorkload | undefined, protocol: Protocol, n: number) => boolean;
}
interface FlatPolicy {
  kind: string;
  name: string;
  priority: number;
  subject: AdminSubject;
  ingress: FlatRule[];
  egress: FlatRule[];
}

function flattenAnp(p: AdminNetworkPolicy | BaselineAdminNetworkPolicy, priority: number): FlatPolicy {
  const rule = (r: AdminRule<string>, peers: AdminPeer[]): FlatRule => ({
    action: r.action === 'Allow' ? 'allow' : r.action === 'Deny' ? 'deny' : 'pass',
    peers,
    matchesPort: (dstPod, protocol, n) => anpPortsMatch(r.ports, dstPod, protocol, n),
  });
  return {
    kind: p.kind,
    name: p.metadata.name,
    priority,
    subject: p.spec.subject,
    ingress: (p.spec.ingress ?? []).map((r) => rule(r, r.from)),
    egress: (p.spec.egress ?? []).map((r) => rule(r, r.to)),
  };
}

function flattenCnp(p: ClusterNetworkPolicy): FlatPolicy {
  const rule = (r: CnpRule, peers: AdminPeer[]): FlatRule => ({
    action: r.action === 'Accept' ? 'allow' : r.action === 'Deny' ? 'deny' : 'pass',
    peers,
    matchesPort: (dstPod, protocol, n) => cnpPortsMatch(r.protocols, dstPod, protocol, n),
  });
  return {
    kind: p.kind,
    name: p.metadata.name,
    priority: p.spec.priority,
    subject: p.spec.subject,
    ingress: (p.spec.ingress ?? []).map((r) => rule(r, r.from)),
    egress: (p.spec.egress ?? []).map((r) => rule(r, r.to)),
  };
}

function byPriorityThenName(a: FlatPolicy, b: FlatPolicy): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  const ka = `${a.kind}/${a.name}`;
  const kb = `${b.kind}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The first matching rule's action in a list of policies (in order), or undefined. */
function firstMatch(
  cfg: RefConfig,
  policies: FlatPolicy[],
  subject: RefWorkload,
  dir: Direction,
  other: Ep,
  dstPod: RefWorkload | undefined,
  protocol: Protocol,
  port: number,
): FlatRule['action'] | undefined {
  for (const p of policies) {
    if (!adminSubjectSelects(cfg, p.subject, subject)) continue;
    for (const r of p[dir]) {
      if (r.peers.some((peer) => adminPeerMatches(peer, other)) && r.matchesPort(dstPod, protocol, port)) return r.action;
    }
  }
  return undefined;
}

// --- the verdict -------------------------------------------------------------------------------

function namespaceLabels(cfg: RefConfig, name: string): Labels {
  const ns = cfg.namespaces.find((n) => n.name === name);
  return { ...(ns?.labels ?? {}), [NAME_LABEL]: name };
}

/**
 * The ingress controller: an unlabelled pod in a namespace of its own, which no policy of the
 * configuration lives in or names by name (so only selectors that match every pod, or every
 * namespace without some label, match it).
 */
const CONTROLLER: RefWorkload = { namespace: 'ingress-controller-reference', name: 'ingress-controller', labels: {}, ports: [] };

function resolve(cfg: RefConfig, e: Endpoint): Ep {
  if ('controller' in e) return { pod: CONTROLLER, nsLabels: namespaceLabels(cfg, CONTROLLER.namespace) };
  if ('workload' in e) {
    const pod = cfg.workloads.find((w) => `${w.namespace}/${w.name}` === e.workload);
    if (!pod) throw new Error(`unknown workload ${e.workload}`);
    return { pod, nsLabels: namespaceLabels(cfg, pod.namespace) };
  }
  const ip = parseIPv4(e.ip);
  if (ip === undefined) throw new Error(`not an IPv4 address: ${e.ip}`);
  return { ip };
}

/**
 * Whether `subject` lets the packet through in `dir` (ingress: `other` is the source; egress:
 * `other` is the destination), following the network-policy-api layering:
 * 1. Admin tier (AdminNetworkPolicies and Admin-tier ClusterNetworkPolicies) by ascending
 *    priority, rules in order: the first matching rule decides; Allow/Accept and Deny are final,
 *    Pass goes on to step 2.
 * 2. If a NetworkPolicy selects the subject for `dir`, NetworkPolicies decide.
 * 3. Otherwise the Baseline tier (Baseline-tier ClusterNetworkPolicies by priority, then the
 *    BaselineAdminNetworkPolicy): the first matching rule decides; a Pass skips the rest of the
 *    baseline tier.
 * 4. Otherwise allowed.
 */
function directionAllows(cfg: RefConfig, subject: RefWorkload, dir: Direction, other: Ep, protocol: Protocol, port: number): boolean {
  const dstPod = dir === 'ingress' ? subject : isPod(other) ? other.pod : undefined;

  const admin = [
    ...cfg.adminNetworkPolicies.map((p) => flattenAnp(p, p.spec.priority)),
    ...cfg.clusterNetworkPolicies.filter((p) => p.spec.tier === 'Admin').map(flattenCnp),
  ].sort(byPriorityThenName);
  const adminAction = firstMatch(cfg, admin, subject, dir, other, dstPod, protocol, port);
  if (adminAction === 'allow') return true;
  if (adminAction === 'deny') return false;

  const np = npVerdict(cfg, subject, dir, other, dstPod, protocol, port);
  if (np !== undefined) return np;

  const baseline = [
    ...cfg.clusterNetworkPolicies.filter((p) => p.spec.tier === 'Baseline').map(flattenCnp).sort(byPriorityThenName),
    // the BANP runs after every Baseline-tier ClusterNetworkPolicy
    ...(cfg.baselineAdminNetworkPolicy ? [flattenAnp(cfg.baselineAdminNetworkPolicy, Infinity)] : []),
  ];
  const baselineAction = firstMatch(cfg, baseline, subject, dir, other, dstPod, protocol, port);
  if (baselineAction === 'deny') return false;
  return true; // allow, pass (skip the rest of the baseline tier) or nothing matched
}

/**
 * Is the packet allowed? A pod source needs its egress to allow it, a pod destination its ingress.
 * An external address has no policies of its own.
 */
export function isAllowed(cfg: RefConfig, packet: Packet): boolean {
  const src = resolve(cfg, packet.src);
  const dst = resolve(cfg, packet.dst);
  if (!isPod(src) && !isPod(dst)) throw new Error('a packet needs a workload at one end at least');
  if ('controller' in packet.dst) throw new Error('the ingress controller is a source only');
  if ('controller' in packet.src) {
    // it sends only to Ingress backends, on their target ports, over TCP
    const dstPod = isPod(dst) ? dst.pod : undefined;
    const backend = (cfg.ingressBackends ?? []).some(
      (b) => dstPod !== undefined && b.namespace === dstPod.namespace && Object.keys(b.selector).length > 0 && selectorMatches({ matchLabels: b.selector }, dstPod.labels) && b.targetPort === packet.port,
    );
    if (!backend || packet.protocol !== 'TCP') return false;
  }
  if (isPod(src) && !directionAllows(cfg, src.pod, 'egress', dst, packet.protocol, packet.port)) return false;
  if (isPod(dst) && !directionAllows(cfg, dst.pod, 'ingress', src, packet.protocol, packet.port)) return false;
  return true;
}
