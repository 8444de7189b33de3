import type { IpRange } from '../model/ip.js';
import { placeText } from '../diagnostics/diagnostic.js';
import type { ConnectionSet } from '../model/connection-set.js';
import { workloadKey, type Peer, type WorkloadRef } from '../model/peer.js';
import type { SourceRef } from '../diagnostics/diagnostic.js';

/**
 * A Link is a *required* communication found in the manifests (or in traffic), never a
 * Service. Its peers are workloads, the ingress controller, a Gateway, or an outside address.
 * Why a link exists: a value in a manifest (with the reference that led there), or an exposing object.
 */
export type Evidence =
  | {
      readonly kind: 'address';
      /** Where the address was written (an env value, an arg, a ConfigMap key). */
      readonly at: SourceRef;
      /** The matched text. */
      readonly value: string;
      /** For ConfigMap values: the workload's reference to the ConfigMap. */
      readonly via?: SourceRef;
      /** For ConfigMap values: the ConfigMap, `ns/name`. */
      readonly configMap?: string;
      /** For Secret values: the Secret, `ns/name`; `value` is then only the host and port, never the Secret's text. */
      readonly secret?: string;
      /** The Service it resolved to, `ns/name`. */
      readonly service?: string;
      /** For a rendered chart: the values-file line and key (`path`) the value came from, where that is exact. */
      readonly traced?: SourceRef;
    }
  | { readonly kind: 'exposure'; readonly object: string; readonly at: SourceRef }
  | {
      readonly kind: 'trace';
      /** What was seen, e.g. `TCP 9080 via Service default/details`. */
      readonly event: string;
      /** The trace file and the line of the first event of this kind. */
      readonly file: string;
      readonly line: number;
      /** How many connection starts the trace holds for it. */
      readonly count: number;
      /** First and last timestamps, as the trace writes them (absent when it has none). */
      readonly firstSeen?: string;
      readonly lastSeen?: string;
    }
  | { readonly kind: 'intent'; readonly at: SourceRef }
  /** An allow baseline rule (`synthesize --baseline`): its connections are synthesized. */
  | { readonly kind: 'baseline'; readonly rule: string; readonly at: SourceRef }
  /** A gap closed by `--gaps=namespace|open` (verify counts what the closure opens as needed). */
  | { readonly kind: 'gap'; readonly mode: string; readonly at: SourceRef; readonly detail: string };

export interface Link {
  readonly src: Peer;
  readonly dst: Peer;
  readonly conns: ConnectionSet;
  readonly evidence: readonly Evidence[];
}

/** An address-like value that resolved to nothing, or a hostname that policies cannot express. */
export interface Unresolved {
  readonly workload: WorkloadRef;
  readonly value: string;
  readonly at: SourceRef;
  readonly via?: SourceRef;
  /**
   * `node-address`: the node's own address (`status.hostIP`), where a node-local agent listens;
   * `mesh-control-plane`: the control plane an injected mesh proxy must reach (see mesh.ts);
   * `secret-value`: an address read from a Secret (a Dapr Component's `secretKeyRef`), which the manifests do not hold.
   */
  readonly reason: 'no-such-service' | 'no-such-port' | 'no-endpoints' | 'external-hostname' | 'api-server' | 'undefined-variable' | 'node-address' | 'mesh-control-plane' | 'secret-value';
  readonly detail: string;
  /** The connections, where the value does not write them as `host:port` (a paired `FOO_PORT` variable, a mesh's ports). */
  readonly conns?: ConnectionSet;
  /** The namespace the destination is known to live in (a mesh's control plane). */
  readonly namespace?: string;
  /** The destination's address, where it is known but no link is made (a link-local address): a gap closure opens no more than it. */
  readonly range?: IpRange;
  /** For a rendered chart: the values-file line and key (`path`) the value came from, where that is exact (as a link's evidence). */
  readonly traced?: SourceRef;
}

/**
 * A workload that names the cluster's DNS Service itself (nginx's `resolver kube-dns.kube-system.svc.cluster.local`,
 * `nameserver 10.96.0.10` in a mounted resolv.conf): it resolves names, so it needs DNS even when it
 * has no other egress. Not a link: the DNS pods are rarely in the manifests, and the DNS rule
 * (`--dns-*`) is where synthesize, verify and check allow and judge it.
 */
export interface DnsUse {
  readonly workload: WorkloadRef;
  /** Where the DNS Service was named (an `address` evidence). */
  readonly evidence: Evidence;
}

/**
 * A workload whose pods call each other (a StatefulSet naming its own `<name>-0.<svc>` pods for
 * replication, a Service that selects the caller itself). Not a link: connectivity reports pairs of
 * distinct workloads. But Kubernetes has no same-workload allowance: a policy isolates one
 * workload's replicas from each other like any other pods, so synthesize must allow these ports.
 */
export interface SelfUse {
  readonly workload: WorkloadRef;
  readonly conns: ConnectionSet;
  /** Where the workload names itself, in the order of files and lines. */
  readonly evidence: readonly Evidence[];
}

export interface Topology {
  readonly links: readonly Link[];
  readonly unresolved: readonly Unresolved[];
  /** The workloads that name the cluster DNS Service, sorted by workload then place (absent: none, or not scanned). */
  readonly dns?: readonly DnsUse[];
  /** The workloads whose pods call each other, sorted by workload (absent: none, or not scanned). */
  readonly self?: readonly SelfUse[];
}

/**
 * Each self use as a link from the workload to itself, for the stages that allow and judge
 * connections per workload (synthesize's rules, gaps' callers): never for connectivity's pairs.
 */
export function selfLinks(uses: readonly SelfUse[] | undefined): Link[] {
  return (uses ?? []).map((u) => ({ src: { kind: 'workload', ref: u.workload }, dst: { kind: 'workload', ref: u.workload }, conns: u.conns, evidence: u.evidence }));
}

/** The DNS uses by workload key, for the DNS rule's provenance and the DNS need. */
export function dnsUsesByWorkload(uses: readonly DnsUse[] | undefined): ReadonlyMap<string, readonly Evidence[]> {
  const out = new Map<string, Evidence[]>();
  for (const u of uses ?? []) {
    const key = workloadKey(u.workload);
    const list = out.get(key);
    if (list) list.push(u.evidence);
    else out.set(key, [u.evidence]);
  }
  return out;
}

export function evidenceText(e: Evidence): string {
  switch (e.kind) {
    case 'address':
      return `${placeText(e.at)} ${pathText(e.at.path)} = ${JSON.stringify(e.value)}${e.via ? ` (via ${e.configMap ? `ConfigMap ${e.configMap}, referenced at ` : e.secret ? `Secret ${e.secret}, referenced at ` : ''}${placeText(e.via)})` : ''}${e.traced ? ` (values ${placeText(e.traced)}${e.traced.path && e.traced.path.length > 0 ? ` ${e.traced.path.join('.')}` : ''})` : ''}`;
    case 'exposure':
      return `${e.object} (${placeText(e.at)})`;
    case 'trace':
      return `trace ${e.file}:${e.line} ${e.event} x${e.count}${e.firstSeen !== undefined ? ` (${e.firstSeen === e.lastSeen ? e.firstSeen : `${e.firstSeen} .. ${e.lastSeen ?? ''}`})` : ''}`;
    case 'intent':
      return `intent ${placeText(e.at)}`;
    case 'baseline':
      return `baseline rule ${e.rule} ${placeText(e.at)}`;
    case 'gap':
      return `gap (--gaps=${e.mode}) ${placeText(e.at)}: ${e.detail}`;
  }
}

function pathText(path: readonly (string | number)[] | undefined): string {
  let out = '';
  for (const p of path ?? []) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}
