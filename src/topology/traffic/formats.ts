import { isProtocol, type Protocol } from '../../model/connection-set.js';
import { endpoint, type LineOutcome, type TraceEndpoint, type TraceEvent, type TrafficFormat } from './events.js';

/**
 * Readers of one JSON event per format. Every field name below was read from Inspektor Gadget's
 * own sources (github.com/inspektor-gadget/inspektor-gadget); the comment on each reader names
 * the file and commit the shape comes from. Pure: an object in, an outcome out.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A field by dotted path, whether the trace nests it (`{"k8s": {"podName": ...}}`, as `-o json`
 * writes image-based gadgets) or keeps the dotted key (`{"k8s.podName": ...}`, as some exports do).
 */
export function field(o: Json, path: string): unknown {
  if (path in o) return o[path];
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  for (let i = dot; i >= 0; i = path.indexOf('.', i + 1)) {
    const head = o[path.slice(0, i)];
    if (isObject(head)) {
      const v = field(head, path.slice(i + 1));
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

/** The first of the fields that holds a non-empty string (fixed arity: called millions of times, no rest array). */
function str(o: Json, a: string, b?: string, c?: string, d?: string, e?: string): string | undefined {
  let v = field(o, a);
  if (typeof v === 'string' && v !== '') return v;
  for (const p of [b, c, d, e]) {
    if (p === undefined) return undefined;
    v = field(o, p);
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}

const num = (o: Json, path: string): number | undefined => {
  const v = field(o, path);
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isInteger(n) ? n : undefined;
};

/** Labels as a map (older gadgets) or as the image-based gadgets' `k=v,k=v` string. */
function labels(v: unknown): Readonly<Record<string, string>> | undefined {
  // a map is used as it is (label values the gadget writes are strings; a non-string never equals one)
  if (isObject(v)) return v as Record<string, string>;
  if (typeof v === 'string' && v !== '') {
    const out: Record<string, string> = {};
    for (const pair of v.split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    return out;
  }
  return undefined;
}

function protocol(v: unknown): Protocol | undefined {
  if (v === undefined || v === '') return 'TCP';
  if (v === 6) return 'TCP';
  if (v === 17) return 'UDP';
  if (v === 132) return 'SCTP';
  if (v === 'tcp' || v === 'TCP') return 'TCP';
  if (v === 'udp' || v === 'UDP') return 'UDP';
  const p = typeof v === 'string' ? v.toUpperCase() : undefined;
  return isProtocol(p) ? p : undefined;
}

function time(o: Json): string | undefined {
  const t = o.timestamp;
  return typeof t === 'string' && t !== '' ? t : typeof t === 'number' ? String(t) : undefined;
}

/** Event types of Inspektor Gadget's `eventtypes.EventType` other than `normal`: debug, info, warn, err. */
function nonNormal(o: Json): string | undefined {
  const t = o.type;
  if (t === 'debug' || t === 'info' || t === 'warn' || t === 'err') {
    const message = str(o, 'message');
    return `${t} event${message ? ` (${message.slice(0, 80)})` : ''}`;
  }
  return undefined;
}

type Reader = (o: Json, line: number) => LineOutcome;

const event = (format: TrafficFormat, e: TraceEvent): LineOutcome => ({ kind: 'event', event: e, format });

function portOf(o: Json, path: string): number | 'bad' {
  const p = num(o, path);
  return p !== undefined && p >= 1 && p <= 65535 ? p : 'bad';
}

/**
 * The first network-policy advisor (tcptracer-based; pkg/gadgets/networkpolicy, removed in
 * commit cb5a5ce43 "Delete old networkpolicyadvisor"): `type` connect|accept, `remote_kind`
 * pod|svc|other, `port`, `local_pod_{namespace,name,owner,labels}`, `remote_svc_{namespace,name,
 * label_selector}`, `remote_pod_{namespace,name,labels}`, `remote_other` (the address), `debug`.
 * TCP only. Its testdata is a pretty-printed JSON array.
 */
const advisorV1: Reader = (o, line) => {
  const type = field(o, 'type');
  if (type !== 'connect' && type !== 'accept' && type !== 'close') return { kind: 'skip', reason: `event type ${JSON.stringify(type)}`, format: 'advisor-v1' };
  const local = endpoint('pod', {
    namespace: str(o, 'local_pod_namespace'),
    name: str(o, 'local_pod_name'),
    owner: str(o, 'local_pod_owner'),
    labels: labels(field(o, 'local_pod_labels')),
  });
  const remote = snakeRemote(o);
  if ('skip' in remote) return { kind: 'skip', reason: remote.skip, format: 'advisor-v1' };
  const port = portOf(o, 'port');
  if (port === 'bad') return { kind: 'malformed', reason: `port ${JSON.stringify(field(o, 'port'))} is not 1-65535` };
  const [src, dst] = type === 'accept' ? [remote.ep, local] : [local, remote.ep];
  return event('advisor-v1', { line, src, dst, proto: 'TCP', port, phase: type === 'close' ? 'close' : 'start', time: time(o) });
};


/** `remote_kind` pod|svc|other with the snake_case remote_* fields (advisor-v1 and network-graph). */
function snakeRemote(o: Json): { ep: TraceEndpoint } | { skip: string } {
  const kind = field(o, 'remote_kind');
  const addr = str(o, 'ip', 'remote_other');
  if (kind === 'pod') return { ep: endpoint('pod', { addr, namespace: str(o, 'remote_pod_namespace'), name: str(o, 'remote_pod_name'), labels: labels(field(o, 'remote_pod_labels')) }) };
  if (kind === 'svc') return { ep: endpoint('svc', { addr, namespace: str(o, 'remote_svc_namespace'), name: str(o, 'remote_svc_name') }) };
  if (kind === 'other' && addr) return { ep: endpoint('raw', { addr }) };
  return { skip: `remote peer of unknown kind ${JSON.stringify(kind ?? null)}${addr ? ` at ${addr}` : ''} (a host-network or node peer)` };
}

/**
 * The network-graph gadget (commit ae5e87d6a, pkg/gadgets/trace/network/types/types.go, until
 * commit b062da535 renamed the fields): `type` normal|debug, `node`, `namespace`, `pod`,
 * `pkt_type` HOST|OUTGOING, `proto` tcp|udp, `ip`, `port`, `remote_kind`, `pod_host_ip`, `pod_ip`,
 * `pod_owner`, `pod_labels`, and the same remote_* fields as advisor-v1.
 */
const networkGraph: Reader = (o, line) => {
  const skipped = nonNormal(o);
  if (skipped) return { kind: 'skip', reason: skipped, format: 'network-graph' };
  const local = endpoint('pod', {
    addr: str(o, 'pod_ip'),
    namespace: str(o, 'namespace'),
    name: str(o, 'pod'),
    owner: str(o, 'pod_owner'),
    labels: labels(field(o, 'pod_labels')),
    hostIp: str(o, 'pod_host_ip'),
  });
  const remote = snakeRemote(o);
  return packetEvent('network-graph', o, line, local, remote, field(o, 'pkt_type'));
};

/** HOST: the packet came to the local pod (remote is the client); OUTGOING: the local pod sent it. */
function packetEvent(format: TrafficFormat, o: Json, line: number, local: TraceEndpoint, remote: { ep: TraceEndpoint } | { skip: string }, pktType: unknown): LineOutcome {
  if ('skip' in remote) return { kind: 'skip', reason: remote.skip, format };
  if (pktType !== 'HOST' && pktType !== 'OUTGOING') return { kind: 'skip', reason: `packet type ${JSON.stringify(pktType ?? null)}`, format };
  const proto = protocol(o.proto);
  if (!proto) return { kind: 'malformed', reason: `unknown protocol ${JSON.stringify(o.proto)}` };
  const p = o.port;
  const port = typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 65535 ? p : portOf(o, 'port');
  if (port === 'bad') return { kind: 'malformed', reason: `port ${JSON.stringify(o.port ?? null)} is not 1-65535` };
  const host = pktType === 'HOST';
  return { kind: 'event', format, event: { line, src: host ? remote.ep : local, dst: host ? local : remote.ep, proto, port, phase: 'start', time: time(o) } };
}

/**
 * The built-in network gadget's camelCase events (`kubectl gadget advise network-policy monitor`),
 * in its three layouts: flat with `ip`, `remoteKind`, `remoteServiceNamespace`/`remotePodName`…
 * (commit b062da535), flat with `remoteAddr`, `remoteName`, `remoteNamespace`, `remoteLabels`
 * (commit 67f863c27), and with a `dst` L3Endpoint {addr, kind, namespace, podname, podlabels}
 * and `k8s` {namespace, podName, …} (commit 614bc0a3f). All carry `pktType` HOST|OUTGOING,
 * `proto`, `port`, `podIP`, `podHostIP`, `podOwner`, `podLabels`.
 */
const gadgetNetwork: Reader = (o, line) => {
  const skipped = nonNormal(o);
  if (skipped) return { kind: 'skip', reason: skipped, format: 'gadget-network' };
  // the flat layout's fields are read by name (monomorphic property access: this runs per line of
  // traces of millions); the nested layout's through `field`
  const k8s = isObject(o.k8s) ? o.k8s : undefined;
  const local = endpoint('pod', {
    addr: text(o.podIP),
    namespace: text(o.namespace) ?? (k8s && text(k8s.namespace)),
    name: text(o.pod) ?? text(o.podName) ?? (k8s && (text(k8s.podName) ?? text(k8s.podname) ?? text(k8s.pod))),
    owner: text(o.podOwner) ?? (k8s && str(k8s, 'owner.name')),
    labels: labels(o.podLabels ?? k8s?.podLabels),
    hostIp: text(o.podHostIP),
    hostNetwork: k8s?.hostNetwork === true ? true : undefined,
  });
  return packetEvent('gadget-network', o, line, local, camelRemote(o), o.pktType);
};

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function camelRemote(o: Json): { ep: TraceEndpoint } | { skip: string } {
  const dst = o.dst;
  if (isObject(dst)) {
    const kind = dst.kind;
    const addr = text(dst.addr);
    const base = { addr, namespace: text(dst.namespace), name: text(dst.podname) ?? text(dst.name), labels: labels(dst.podlabels ?? dst.podLabels) };
    if (kind === 'pod' || kind === 'svc') return { ep: endpoint(kind, base) };
    if (kind === 'raw' && addr) return { ep: endpoint('raw', { addr }) };
    return { skip: `remote peer of unknown kind ${JSON.stringify(kind ?? null)}${addr ? ` at ${addr}` : ''} (a host-network or node peer)` };
  }
  const kind = o.remoteKind;
  const addr = text(o.ip) ?? text(o.addr) ?? text(o.remoteAddr) ?? text(o.remoteOther);
  if (kind === 'pod')
    return {
      ep: endpoint('pod', {
        addr,
        namespace: text(o.remotePodNamespace) ?? text(o.remoteNamespace),
        name: text(o.remotePodName) ?? text(o.remoteName),
        labels: labels(o.remotePodLabels ?? o.remoteLabels),
      }),
    };
  if (kind === 'svc') return { ep: endpoint('svc', { addr, namespace: text(o.remoteServiceNamespace) ?? text(o.remoteNamespace), name: text(o.remoteServiceName) ?? text(o.remoteName) }) };
  if ((kind === 'other' || kind === 'raw') && addr) return { ep: endpoint('raw', { addr }) };
  return { skip: `remote peer of unknown kind ${JSON.stringify(kind ?? null)}${addr ? ` at ${addr}` : ''} (a host-network or node peer)` };
}

/** `k8s.*` metadata of image-based gadgets (pkg/datasource/compat/wrapper.go): labels as `k=v,k=v`. */
function imageLocal(o: Json, addrPath: string | undefined): TraceEndpoint {
  return endpoint('pod', {
    addr: addrPath ? str(o, addrPath) : undefined,
    namespace: str(o, 'k8s.namespace'),
    name: str(o, 'k8s.podName', 'k8s.podname'),
    owner: str(o, 'k8s.owner.name'),
    ownerKind: str(o, 'k8s.owner.kind'),
    labels: labels(field(o, 'k8s.podLabels')),
    hostNetwork: field(o, 'k8s.hostnetwork') === true || field(o, 'k8s.hostNetwork') === true ? true : undefined,
  });
}

/** An `l4endpoint` of image-based gadgets: addr, port, proto, and `k8s` {kind pod|svc|raw, name, namespace, labels}. */
function imageEndpoint(o: Json, base: string): TraceEndpoint {
  const kind = str(o, `${base}.k8s.kind`);
  return endpoint(kind === 'pod' || kind === 'svc' || kind === 'raw' ? kind : 'unknown', {
    addr: str(o, `${base}.addr`),
    namespace: str(o, `${base}.k8s.namespace`),
    name: str(o, `${base}.k8s.name`),
    labels: labels(field(o, `${base}.k8s.labels`)),
  });
}

/**
 * The image-based advise_networkpolicy gadget's `network_connections` data source
 * (gadgets/advise_networkpolicy/program.bpf.c, pkg/operators/generate_networkpolicy/
 * generate_networkpolicy_op.go): `egress` 0|1, `endpoint` {addr, port, proto, k8s {kind, name,
 * namespace, labels, podSelector}}, `k8s` {namespace, podName, podLabels "k=v,k=v", podIP,
 * hostnetwork, owner {kind, name}}. The gadget records every (peer, port) once per run.
 */
const adviseNetworkPolicy: Reader = (o, line) => {
  const local = imageLocal(o, 'k8s.podIP');
  if (local.hostNetwork) return { kind: 'skip', reason: 'host-network pod', format: 'advise-networkpolicy' };
  const remote = imageEndpoint(o, 'endpoint');
  if (remote.kind === 'unknown') return { kind: 'skip', reason: `remote peer of unknown kind${remote.addr ? ` at ${remote.addr}` : ''}`, format: 'advise-networkpolicy' };
  const proto = protocol(field(o, 'endpoint.proto'));
  if (!proto) return { kind: 'malformed', reason: `unknown protocol ${JSON.stringify(field(o, 'endpoint.proto'))}` };
  const port = portOf(o, 'endpoint.port');
  if (port === 'bad') return { kind: 'malformed', reason: `endpoint.port ${JSON.stringify(field(o, 'endpoint.port') ?? null)} is not 1-65535` };
  const egress = field(o, 'egress');
  const out = egress === 1 || egress === true || egress === '1' || egress === 'true';
  const [src, dst] = out ? [local, remote] : [remote, local];
  return event('advise-networkpolicy', { line, src, dst, proto, port, phase: 'start', time: time(o) });
};

/**
 * trace_tcp's JSON (gadgets/trace_tcp/gadget.yaml, ebpf/common.h, test/integration): `type`
 * connect|accept|close, `src` and `dst` l4endpoints, `error`, `k8s` of the traced pod. `src` is
 * always the local socket: for an accept, `src.port` is the listening port and `dst` the client.
 */
const traceTcp: Reader = (o, line) => {
  const type = field(o, 'type');
  if (type !== 'connect' && type !== 'accept' && type !== 'close') {
    const skipped = nonNormal(o);
    return { kind: 'skip', reason: skipped ?? `event type ${JSON.stringify(type ?? null)}`, format: 'trace-tcp' };
  }
  const error = str(o, 'error');
  if (error) return { kind: 'skip', reason: `failed ${type} (${error})`, format: 'trace-tcp' };
  const meta = imageLocal(o, undefined);
  if (meta.hostNetwork) return { kind: 'skip', reason: 'host-network pod', format: 'trace-tcp' };
  const src = imageEndpoint(o, 'src');
  // the traced pod's metadata, at the local socket's address
  const local = endpoint(meta.kind, { ...meta, addr: src.addr });
  const remote = imageEndpoint(o, 'dst');
  const proto = protocol(field(o, 'dst.proto'));
  if (!proto) return { kind: 'malformed', reason: `unknown protocol ${JSON.stringify(field(o, 'dst.proto'))}` };
  const port = portOf(o, type === 'accept' ? 'src.port' : 'dst.port');
  if (port === 'bad') return { kind: 'malformed', reason: `${type === 'accept' ? 'src' : 'dst'}.port is not 1-65535` };
  const [from, to] = type === 'accept' ? [remote, local] : [local, remote];
  return event('trace-tcp', { line, src: from, dst: to, proto, port, phase: type === 'close' ? 'close' : 'start', time: time(o) });
};

export const JSON_READERS: Partial<Record<TrafficFormat, Reader>> = {
  'advisor-v1': advisorV1,
  'network-graph': networkGraph,
  'gadget-network': gadgetNetwork,
  'advise-networkpolicy': adviseNetworkPolicy,
  'trace-tcp': traceTcp,
};

/** Which JSON format an object is, from the fields only that format has. */
export function detectJsonFormat(o: Json): TrafficFormat | undefined {
  if ('local_pod_name' in o || 'local_pod_namespace' in o || 'remote_kind' in o && !('pkt_type' in o)) return 'advisor-v1';
  if ('pkt_type' in o) return 'network-graph';
  if ('pktType' in o || 'remoteKind' in o) return 'gadget-network';
  if (field(o, 'egress') !== undefined && field(o, 'endpoint') !== undefined) return 'advise-networkpolicy';
  if (field(o, 'endpoint.addr') !== undefined) return 'advise-networkpolicy';
  if (isObject(field(o, 'src')) || field(o, 'src.addr') !== undefined) return 'trace-tcp';
  return undefined;
}

/** One JSON text (a line, or an element of an array) as an event. */
export function readJsonEvent(text: string, line: number, forced: TrafficFormat | undefined): LineOutcome {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch (e) {
    // `{...}{...}`: two events written onto one line; an unbalanced one: cut short
    const merged = /\}\s*\{/.test(text);
    return { kind: 'malformed', reason: merged ? 'two JSON events merged on one line' : `truncated or invalid JSON (${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')})` };
  }
  if (!isObject(o)) return { kind: 'unknown', reason: 'a JSON value that is not an event object' };
  const format = forced ?? detectJsonFormat(o);
  if (!format) {
    const skipped = nonNormal(o);
    if (skipped) return { kind: 'skip', reason: skipped };
    return { kind: 'unknown', reason: 'a JSON object of no known trace format' };
  }
  const reader = JSON_READERS[format];
  if (!reader) return { kind: 'unknown', reason: `JSON, but --traffic-format ${format} is a text format` };
  if (forced && detectJsonFormat(o) !== forced) {
    const skipped = nonNormal(o);
    if (skipped) return { kind: 'skip', reason: skipped };
    return { kind: 'unknown', reason: `not a ${forced} event` };
  }
  return reader(o, line);
}
