import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_NAMESPACE } from '../manifests/cluster.js';
import type { K8sObject, ObjectOrigin } from '../manifests/objects.js';
import { originRef } from '../manifests/objects.js';
import type { AdminPeer, AdminPort, LabelSelector, NpPeer, NpPort } from '../manifests/schemas.js';
import type { CnpPeer, CnpProtocol } from '../manifests/cnp-schema.js';
import { ConnectionSet, type Protocol } from '../model/connection-set.js';
import { IntervalSet } from '../model/interval-set.js';
import { parseCidr, type IpRange } from '../model/ip.js';

/**
 * Every policy kind compiled into one shape: Target (subject) -> rules, each rule a peer matcher
 * and a port matcher with an action. Kubernetes' defaulting (policyTypes, absent vs empty lists,
 * TCP as the default protocol) happens here and nowhere else.
 */
export type Direction = 'ingress' | 'egress';

/** Both directions, in the order reports and rules list them. */
export const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];
export type PolicyKind = 'NetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy' | 'ClusterNetworkPolicy';
export type Layer = 'admin' | 'np' | 'baseline';
export type Action = 'allow' | 'deny' | 'pass';

export interface PolicyRef {
  readonly kind: PolicyKind;
  readonly namespace?: string;
  readonly name: string;
}

export function policyKey(ref: PolicyRef): string {
  return ref.namespace !== undefined ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}

export interface RuleRef {
  readonly policy: PolicyRef;
  readonly direction: Direction;
  readonly index: number;
  readonly name?: string;
}

/** Which namespaces a pod peer may live in. */
export type NamespaceMatch = { readonly kind: 'named'; readonly name: string } | { readonly kind: 'selector'; readonly selector: LabelSelector };

export type PeerMatcher =
  | { readonly kind: 'pods'; readonly namespaces: NamespaceMatch; readonly pods: LabelSelector }
  /** Address ranges (ipBlock cidr minus except, ANP networks); they match only addresses outside the cluster. */
  | { readonly kind: 'ip'; readonly include: readonly IpRange[]; readonly exclude: readonly IpRange[] }
  /** An NP rule without from/to: every pod in every namespace and every address. */
  | { readonly kind: 'any' }
  /** A peer that can select nothing netpol-ci models (ANP nodes). */
  | { readonly kind: 'none' };

export interface NamedPort {
  readonly name: string;
  /** Undefined for ANP/CNP named ports, which match the container port of that name whatever its protocol. */
  readonly protocol: Protocol | undefined;
}

export interface PortMatcher {
  /** Ports that need no per-destination resolution. */
  readonly fixed: ConnectionSet;
  readonly named: readonly NamedPort[];
}

export interface Rule {
  readonly ref: RuleRef;
  readonly action: Action;
  readonly peers: readonly PeerMatcher[];
  readonly ports: PortMatcher;
}

export type Subject = { readonly kind: 'pods'; readonly namespaces: NamespaceMatch; readonly pods: LabelSelector };

export interface Policy {
  readonly ref: PolicyRef;
  readonly layer: Layer;
  /** Lower runs first (admin and CNP tiers); 0 for NetworkPolicies. */
  readonly priority: number;
  readonly subject: Subject;
  /** The directions the policy governs (NetworkPolicy policyTypes; admin policies: those with rules). */
  readonly governs: Readonly<Record<Direction, boolean>>;
  readonly rules: Readonly<Record<Direction, readonly Rule[]>>;
  readonly origin: ObjectOrigin;
}

const NO_NAMED_PORTS: readonly NamedPort[] = Object.freeze([]);
const ALL_PORTS: PortMatcher = { fixed: ConnectionSet.ALL, named: NO_NAMED_PORTS };
const EVERYTHING: LabelSelector = {};

/**
 * The port sets of one compilation, shared: thousands of policies name the same few ports, so
 * one set (and one matcher) per single port is kept instead of one per rule. Less to keep alive
 * means less for the garbage collector to copy, and shared sets meet each other by identity
 * first (union, intersect, and the renderers' text caches).
 */
class SharedPorts {
  private readonly singles = new Map<number, ConnectionSet>();
  private readonly matchers = new Map<ConnectionSet, PortMatcher>();

  single(protocol: Protocol, port: number): ConnectionSet {
    const key = (protocol === 'TCP' ? 0 : protocol === 'UDP' ? 1 : 2) * 65536 + port;
    let set = this.singles.get(key);
    if (!set) this.singles.set(key, (set = ConnectionSet.port(protocol, port)));
    return set;
  }

  /** The matcher of fixed ports only. */
  matcher(fixed: ConnectionSet): PortMatcher {
    let m = this.matchers.get(fixed);
    if (!m) this.matchers.set(fixed, (m = { fixed, named: NO_NAMED_PORTS }));
    return m;
  }
}

export function compilePolicies(objects: readonly K8sObject[]): { policies: Policy[]; diagnostics: Diagnostic[] } {
  const policies: Policy[] = [];
  const diagnostics: Diagnostic[] = [];
  const shared = new SharedPorts();
  for (const o of objects) {
    switch (o.kind) {
      case 'NetworkPolicy':
        policies.push(compileNetworkPolicy(o, shared, diagnostics));
        break;
      case 'AdminNetworkPolicy':
      case 'BaselineAdminNetworkPolicy':
      case 'ClusterNetworkPolicy':
        policies.push(compileAdminPolicy(o, diagnostics));
        break;
      default:
        break;
    }
  }
  warnSamePriority(policies, diagnostics);
  return { policies, diagnostics };
}

function compileNetworkPolicy(o: Extract<K8sObject, { kind: 'NetworkPolicy' }>, shared: SharedPorts, diagnostics: Diagnostic[]): Policy {
  const meta = o.object.metadata;
  const namespace = meta.namespace || DEFAULT_NAMESPACE;
  const ref: PolicyRef = { kind: 'NetworkPolicy', namespace, name: meta.name ?? '' };
  // the policy's own namespace, one object for its subject and every peer without a namespaceSelector
  const own: NamespaceMatch = { kind: 'named', name: namespace };
  const spec = o.object.spec ?? {};
  // Kubernetes' defaulting (SetDefaults_NetworkPolicy): an absent or empty policyTypes means
  // Ingress always, Egress only if there are egress rules.
  const types = spec.policyTypes && spec.policyTypes.length > 0 ? spec.policyTypes : undefined;
  const governs = {
    ingress: types ? types.includes('Ingress') : true,
    egress: types ? types.includes('Egress') : (spec.egress ?? []).length > 0,
  };
  const compileRules = (direction: Direction): Rule[] => {
    const raw = direction === 'ingress' ? spec.ingress : spec.egress;
    return (raw ?? []).map((r, index) => {
      const peersRaw = (direction === 'ingress' ? (r as { from?: NpPeer[] | null }).from : (r as { to?: NpPeer[] | null }).to) ?? [];
      const peerField = direction === 'ingress' ? 'from' : 'to';
      const peers: PeerMatcher[] =
        peersRaw.length === 0
          ? [{ kind: 'any' }]
          : peersRaw.map((p, i) => npPeer(p, own, o.origin, ['spec', direction, index, peerField, i], diagnostics));
      return {
        ref: { policy: ref, direction, index },
        action: 'allow' as const,
        peers,
        ports: npPorts(r.ports ?? [], o.origin, ['spec', direction, index, 'ports'], shared, diagnostics),
      };
    });
  };
  return {
    ref,
    layer: 'np',
    priority: 0,
    subject: { kind: 'pods', namespaces: own, pods: spec.podSelector ?? EVERYTHING },
    governs,
    rules: { ingress: governs.ingress ? compileRules('ingress') : [], egress: governs.egress ? compileRules('egress') : [] },
    origin: o.origin,
  };
}

function npPeer(p: NpPeer, own: NamespaceMatch, origin: ObjectOrigin, path: (string | number)[], diagnostics: Diagnostic[]): PeerMatcher {
  if (p.ipBlock) {
    if (p.podSelector || p.namespaceSelector) {
      diagnostics.push(diag(Codes.invalidField, 'error', 'ipBlock cannot be combined with podSelector or namespaceSelector; the peer matches nothing', originRef(origin, path)));
      return { kind: 'none' };
    }
    return ipPeer([p.ipBlock.cidr], p.ipBlock.except ?? [], origin, [...path, 'ipBlock'], diagnostics);
  }
  if (!p.podSelector && !p.namespaceSelector) {
    diagnostics.push(diag(Codes.invalidField, 'error', 'a peer needs podSelector, namespaceSelector or ipBlock; the peer matches nothing', originRef(origin, path)));
    return { kind: 'none' };
  }
  return {
    kind: 'pods',
    namespaces: p.namespaceSelector ? { kind: 'selector', selector: p.namespaceSelector } : own,
    pods: p.podSelector ?? EVERYTHING,
  };
}

function ipPeer(cidrs: readonly string[], except: readonly string[], origin: ObjectOrigin, path: (string | number)[], diagnostics: Diagnostic[]): PeerMatcher {
  const parse = (text: string, field: (string | number)[]): IpRange | undefined => {
    const r = parseCidr(text);
    if (!r) diagnostics.push(diag(Codes.invalidCidr, 'error', `invalid CIDR ${JSON.stringify(text)}; it matches nothing`, originRef(origin, field)));
    return r;
  };
  const include = cidrs.flatMap((c, i) => parse(c, cidrs.length === 1 && path[path.length - 1] === 'ipBlock' ? [...path, 'cidr'] : [...path, i]) ?? []);
  const exclude = except.flatMap((c, i) => parse(c, [...path, 'except', i]) ?? []);
  return { kind: 'ip', include, exclude };
}

function npPorts(ports: readonly NpPort[], origin: ObjectOrigin, path: (string | number)[], shared: SharedPorts, diagnostics: Diagnostic[]): PortMatcher {
  if (ports.length === 0) return ALL_PORTS;
  let fixed = ConnectionSet.NONE;
  const named: NamedPort[] = [];
  ports.forEach((p, i) => {
    const protocol = p.protocol ?? 'TCP';
    if (p.port === undefined || p.port === null) {
      fixed = fixed.union(ConnectionSet.of(protocol));
    } else if (typeof p.port === 'string') {
      if (/^\d+$/.test(p.port)) {
        // an IntOrString written as a quoted number is a number to Kubernetes
        fixed = fixed.union(portRange(protocol, Number(p.port), p.endPort ?? undefined, origin, [...path, i], diagnostics, shared));
      } else {
        if (p.endPort !== undefined && p.endPort !== null) {
          diagnostics.push(diag(Codes.invalidPortRange, 'error', 'endPort cannot be used with a named port; endPort ignored', originRef(origin, [...path, i, 'endPort'])));
        }
        named.push({ name: p.port, protocol });
      }
    } else {
      fixed = fixed.union(portRange(protocol, p.port, p.endPort ?? undefined, origin, [...path, i], diagnostics, shared));
    }
  });
  return named.length === 0 ? shared.matcher(fixed) : { fixed, named };
}

function portRange(protocol: Protocol, port: number, endPort: number | undefined, origin: ObjectOrigin, path: (string | number)[], diagnostics: Diagnostic[], shared?: SharedPorts): ConnectionSet {
  if (port < 1 || port > 65535) {
    diagnostics.push(diag(Codes.invalidPortRange, 'error', `port ${port} is outside 1-65535; it matches nothing`, originRef(origin, [...path, 'port'])));
    return ConnectionSet.NONE;
  }
  if (endPort !== undefined) {
    if (endPort < port || endPort > 65535) {
      diagnostics.push(diag(Codes.invalidPortRange, 'error', `endPort (${endPort}) < port (${port}) or above 65535; the entry matches nothing`, originRef(origin, [...path, 'endPort'])));
      return ConnectionSet.NONE;
    }
    return ConnectionSet.of(protocol, IntervalSet.range(port, endPort));
  }
  return shared ? shared.single(protocol, port) : ConnectionSet.port(protocol, port);
}

function adminSubject(subject: { namespaces?: LabelSelector | null; pods?: { namespaceSelector?: LabelSelector | null; podSelector?: LabelSelector | null } | null }): Subject {
  if (subject.namespaces) return { kind: 'pods', namespaces: { kind: 'selector', selector: subject.namespaces }, pods: EVERYTHING };
  if (subject.pods) return { kind: 'pods', namespaces: { kind: 'selector', selector: subject.pods.namespaceSelector ?? EVERYTHING }, pods: subject.pods.podSelector ?? EVERYTHING };
  // neither: select nothing (the API requires exactly one)
  return { kind: 'pods', namespaces: { kind: 'selector', selector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: [] }] } }, pods: EVERYTHING };
}

const ADMIN_PEER_FIELDS = ['namespaces', 'pods', 'networks', 'nodes', 'domainNames'] as const;

/**
 * One admin peer. The API requires exactly one field; a peer with none (`{}`, or only fields this
 * version does not know) or several must fail CLOSED, as the network-policy-api says: in a Deny
 * rule it matches everything, in an Allow or Pass rule nothing, so it never lets more through.
 */
function adminPeer(p: AdminPeer | CnpPeer, action: Action, origin: ObjectOrigin, path: (string | number)[], diagnostics: Diagnostic[]): PeerMatcher {
  const set = ADMIN_PEER_FIELDS.filter((f) => (p as Record<string, unknown>)[f] !== undefined && (p as Record<string, unknown>)[f] !== null);
  if (set.length !== 1) {
    const failClosed: PeerMatcher = action === 'deny' ? { kind: 'any' } : { kind: 'none' };
    diagnostics.push(
      diag(
        Codes.adminPolicyInvalid,
        'error',
        `a peer needs exactly one of ${ADMIN_PEER_FIELDS.slice(0, 4).join(', ')}; got ${set.length === 0 ? 'none' : set.join(' and ')}: it fails closed (${action === 'deny' ? 'this Deny rule matches every peer' : `this ${action === 'allow' ? 'Allow' : 'Pass'} rule matches no peer`})`,
        originRef(origin, path),
      ),
    );
    return failClosed;
  }
  if (p.namespaces) return { kind: 'pods', namespaces: { kind: 'selector', selector: p.namespaces }, pods: EVERYTHING };
  if (p.pods) return { kind: 'pods', namespaces: { kind: 'selector', selector: p.pods.namespaceSelector ?? EVERYTHING }, pods: p.pods.podSelector ?? EVERYTHING };
  if (p.networks) return ipPeer(p.networks, [], origin, [...path, 'networks'], diagnostics);
  diagnostics.push(diag(Codes.unsupportedValue, 'warning', 'nodes and domainNames peers are not modelled; this peer matches nothing', originRef(origin, path)));
  return { kind: 'none' };
}

/** An admin port range (`start`, `end`), checked in the API's own words before it becomes a set. */
function adminRange(protocol: Protocol, start: number, end: number, origin: ObjectOrigin, path: (string | number)[], diagnostics: Diagnostic[]): ConnectionSet {
  const bad = [start, end].some((n) => n < 1 || n > 65535) ? `start (${start}) and end (${end}) must be within 1-65535` : start >= end ? `start (${start}) must be less than end (${end})` : undefined;
  if (bad) {
    diagnostics.push(diag(Codes.invalidPortRange, 'error', `${bad}; the range matches nothing`, originRef(origin, path)));
    return ConnectionSet.NONE;
  }
  return ConnectionSet.of(protocol, IntervalSet.range(start, end));
}

function adminPorts(ports: readonly AdminPort[] | null | undefined, origin: ObjectOrigin, path: (string | number)[], diagnostics: Diagnostic[]): PortMatcher {
  if (!ports || ports.length === 0) return ALL_PORTS;
  let fixed = ConnectionSet.NONE;
  const named: NamedPort[] = [];
  ports.forEach((p, i) => {
    if (p.portNumber) fixed = fixed.union(portRange(p.portNumber.protocol ?? 'TCP', p.portNumber.port, undefined, origin, [...path, i, 'portNumber'], diagnostics));
    else if (p.portRange) fixed = fixed.union(adminRange(p.portRange.protocol ?? 'TCP', p.portRange.start, p.portRange.end, origin, [...path, i, 'portRange'], diagnostics));
    else if (p.namedPort) named.push({ name: p.namedPort, protocol: undefined });
  });
  return { fixed, named };
}

function cnpPorts(protocols: readonly CnpProtocol[] | null | undefined, origin: ObjectOrigin, path: (string | number)[], diagnostics: Diagnostic[]): PortMatcher {
  if (!protocols || protocols.length === 0) return ALL_PORTS;
  let fixed = ConnectionSet.NONE;
  const named: NamedPort[] = [];
  protocols.forEach((p, i) => {
    for (const [key, proto] of [['tcp', 'TCP'], ['udp', 'UDP'], ['sctp', 'SCTP']] as const) {
      const spec = p[key];
      if (!spec) continue;
      const dp = spec.destinationPort;
      if (!dp) fixed = fixed.union(ConnectionSet.of(proto));
      else if (dp.number) fixed = fixed.union(ConnectionSet.port(proto, dp.number));
      else if (dp.range) fixed = fixed.union(adminRange(proto, dp.range.start, dp.range.end, origin, [...path, i, key, 'destinationPort', 'range'], diagnostics));
    }
    if (p.destinationNamedPort) named.push({ name: p.destinationNamedPort, protocol: undefined });
  });
  return { fixed, named };
}

type AdminObject = Extract<K8sObject, { kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy' | 'ClusterNetworkPolicy' }>;

/** What differs between the admin-policy kinds: the action words and the port field. */
interface AdminDialect {
  readonly action: (word: string) => Action;
  readonly portsField: 'ports' | 'protocols';
  readonly ports: (raw: unknown, origin: ObjectOrigin, path: (string | number)[], diagnostics: Diagnostic[]) => PortMatcher;
}

const V1ALPHA1: AdminDialect = {
  action: (w) => w.toLowerCase() as Action,
  portsField: 'ports',
  ports: (raw, origin, path, diagnostics) => adminPorts(raw as AdminPort[] | undefined, origin, path, diagnostics),
};
const V1ALPHA2: AdminDialect = {
  action: (w) => (w === 'Accept' ? 'allow' : w === 'Deny' ? 'deny' : 'pass'),
  portsField: 'protocols',
  ports: (raw, origin, path, diagnostics) => cnpPorts(raw as CnpProtocol[] | undefined, origin, path, diagnostics),
};

/** AdminNetworkPolicy, BaselineAdminNetworkPolicy (v1alpha1) and ClusterNetworkPolicy (v1alpha2), in one shape. */
function compileAdminPolicy(o: AdminObject, diagnostics: Diagnostic[]): Policy {
  const ref: PolicyRef = { kind: o.kind, name: o.object.metadata.name ?? '' };
  const dialect = o.kind === 'ClusterNetworkPolicy' ? V1ALPHA2 : V1ALPHA1;
  const spec = o.object.spec as { ingress?: Record<string, unknown>[] | null; egress?: Record<string, unknown>[] | null; subject: Parameters<typeof adminSubject>[0] };
  const compile = (direction: Direction): Rule[] =>
    ((direction === 'ingress' ? spec.ingress : spec.egress) ?? []).map((r, index) => {
      const peerField = direction === 'ingress' ? 'from' : 'to';
      const action = dialect.action(r.action as string);
      const peers = (r[peerField] as (AdminPeer | CnpPeer)[]).map((p, i) => adminPeer(p, action, o.origin, ['spec', direction, index, peerField, i], diagnostics));
      const name = typeof r.name === 'string' && r.name ? r.name : undefined;
      const rawPorts = r[dialect.portsField];
      if (Array.isArray(rawPorts) && rawPorts.length === 0) {
        diagnostics.push(
          diag(
            Codes.emptyAdminPorts,
            'warning',
            `${dialect.portsField}: [] — implementations differ on an empty list; netpol-ci reads it as all ports, like an absent ${dialect.portsField}`,
            originRef(o.origin, ['spec', direction, index, dialect.portsField]),
            `omit ${dialect.portsField} to mean all ports`,
          ),
        );
      }
      return {
        ref: { policy: ref, direction, index, ...(name ? { name } : {}) },
        action,
        peers,
        ports: dialect.ports(r[dialect.portsField], o.origin, ['spec', direction, index, dialect.portsField], diagnostics),
      };
    });
  const rules = { ingress: compile('ingress'), egress: compile('egress') };
  const [layer, priority]: [Layer, number] =
    o.kind === 'ClusterNetworkPolicy'
      ? [o.object.spec.tier === 'Admin' ? 'admin' : 'baseline', o.object.spec.priority]
      : o.kind === 'AdminNetworkPolicy'
        ? ['admin', o.object.spec.priority]
        : // A BANP is a singleton that runs after every baseline-tier ClusterNetworkPolicy.
          ['baseline', Number.MAX_SAFE_INTEGER];
  return {
    ref,
    layer,
    priority,
    subject: adminSubject(spec.subject),
    governs: { ingress: rules.ingress.length > 0, egress: rules.egress.length > 0 },
    rules,
    origin: o.origin,
  };
}

function warnSamePriority(policies: readonly Policy[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, Policy>();
  for (const p of policies) {
    if (p.layer === 'np' || p.ref.kind === 'BaselineAdminNetworkPolicy') continue;
    const key = `${p.layer}:${p.priority}`;
    const other = seen.get(key);
    if (other) {
      diagnostics.push(
        diag(
          Codes.samePriority,
          'warning',
          `${p.ref.kind} ${p.ref.name} has the same priority (${p.priority}) as ${other.ref.kind} ${other.ref.name}; their order is undefined upstream, netpol-ci orders them by name`,
          originRef(p.origin, ['spec', 'priority']),
        ),
      );
    } else seen.set(key, p);
  }
}

/** The order in which a layer's rules are consulted: priority, then kind and name (rules keep their order). */
export function sortPolicies(policies: readonly Policy[]): Policy[] {
  const keyed = policies.map((p) => ({ p, key: `${p.ref.kind}/${p.ref.namespace ?? ''}/${p.ref.name}` }));
  keyed.sort((a, b) => a.p.priority - b.p.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.p);
}
