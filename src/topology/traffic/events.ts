import type { Protocol } from '../../model/connection-set.js';

/**
 * One side of an observed connection, with whatever Kubernetes metadata the trace carried.
 * Readers fill what their format has (absent fields may be present as undefined: readers build
 * these objects a million times, so they skip the copying that dropping them would cost); the
 * resolver (resolve.ts) decides what the endpoint stands for.
 */
export interface TraceEndpoint {
  /** IP address, when the trace has it. */
  readonly addr?: string | undefined;
  /** What the tracer's own resolver said this endpoint is. */
  readonly kind: 'pod' | 'svc' | 'raw' | 'unknown';
  readonly namespace?: string | undefined;
  /** Pod name (kind pod) or Service name (kind svc). */
  readonly name?: string | undefined;
  /** The pod's owner as the trace names it (a Deployment, or a ReplicaSet / Job to fold). */
  readonly owner?: string | undefined;
  readonly ownerKind?: string | undefined;
  readonly labels?: Readonly<Record<string, string>> | undefined;
  /** The pod runs in the node's network namespace. */
  readonly hostNetwork?: boolean | undefined;
  /** The node IP of the pod (older advisor events: podHostIP), to recognise node-local probes. */
  readonly hostIp?: string | undefined;
}

/**
 * An endpoint with every field present (undefined when absent), in one order: every reader
 * builds its endpoints here, so they share one hidden class and the resolver's reads of them stay
 * monomorphic whatever the format (it reads a few fields of two endpoints per line).
 */
export function endpoint(kind: TraceEndpoint['kind'], f: Omit<TraceEndpoint, 'kind'>): TraceEndpoint {
  return { kind, addr: f.addr, namespace: f.namespace, name: f.name, owner: f.owner, ownerKind: f.ownerKind, labels: f.labels, hostNetwork: f.hostNetwork, hostIp: f.hostIp };
}

/**
 * A connection as a trace saw it, normalised to client -> server: `dst.port` is the port the
 * server listens on (or the Service port, when `dst` is a Service address).
 */
export interface TraceEvent {
  /** 1-based line of the event in its file (the first line, for a multi-line JSON element). */
  readonly line: number;
  readonly src: TraceEndpoint;
  readonly dst: TraceEndpoint;
  readonly proto: Protocol;
  readonly port: number;
  /** Only connection starts count; a `close` is read and dropped. */
  readonly phase: 'start' | 'close';
  /** The event's timestamp as written (ISO text or nanoseconds), when it has one. */
  readonly time?: string | undefined;
}

/** The trace formats read; `--traffic-format` takes these names. */
export const TRAFFIC_FORMATS = ['advisor-v1', 'network-graph', 'gadget-network', 'advise-networkpolicy', 'trace-tcp', 'trace-tcp-columns', 'plain'] as const;
export type TrafficFormat = (typeof TRAFFIC_FORMATS)[number];

/** What a reader says about one line (or one JSON element). */
export type LineOutcome =
  | { readonly kind: 'event'; readonly event: TraceEvent; readonly format: TrafficFormat }
  /** A line that is not data: a header, a blank, a comment. */
  | { readonly kind: 'none' }
  /** A line read but not usable: debug events, host-network peers of unknown kind. */
  | { readonly kind: 'skip'; readonly reason: string; readonly format?: TrafficFormat }
  /** A line that should have been an event but is broken (truncated or merged JSON). */
  | { readonly kind: 'malformed'; readonly reason: string }
  /** A line that parses as no known format. */
  | { readonly kind: 'unknown'; readonly reason: string };
