import { IntervalSet } from './interval-set.js';

// Alphabetical, as netpol-analyzer prints them.
export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const MIN_PORT = 1;
export const MAX_PORT = 65535;
const ALL_PORTS = IntervalSet.range(MIN_PORT, MAX_PORT);

export function isProtocol(value: unknown): value is Protocol {
  return value === 'TCP' || value === 'UDP' || value === 'SCTP';
}

/**
 * Allowed connections: one canonical port set per protocol. There is a single encoding of
 * "everything" (all three protocols with ports 1-65535) and of "nothing", so equality is
 * structural.
 */
export class ConnectionSet {
  static readonly NONE = new ConnectionSet(IntervalSet.EMPTY, IntervalSet.EMPTY, IntervalSet.EMPTY);
  static readonly ALL = new ConnectionSet(ALL_PORTS, ALL_PORTS, ALL_PORTS);

  /** toString's answer, once asked. */
  #text: string | undefined = undefined;

  private constructor(
    readonly tcp: IntervalSet,
    readonly udp: IntervalSet,
    readonly sctp: IntervalSet,
  ) {}

  static of(protocol: Protocol, ports: IntervalSet = ALL_PORTS): ConnectionSet {
    // policies' ports are nearly always inside 1-65535 already: clip only when they are not
    const p = ports.within(MIN_PORT, MAX_PORT) ? ports : ports.intersect(ALL_PORTS);
    return ConnectionSet.make(
      protocol === 'TCP' ? p : IntervalSet.EMPTY,
      protocol === 'UDP' ? p : IntervalSet.EMPTY,
      protocol === 'SCTP' ? p : IntervalSet.EMPTY,
    );
  }

  static port(protocol: Protocol, port: number, endPort = port): ConnectionSet {
    return ConnectionSet.of(protocol, IntervalSet.range(port, endPort));
  }

  private static make(tcp: IntervalSet, udp: IntervalSet, sctp: IntervalSet): ConnectionSet {
    if (tcp.isEmpty && udp.isEmpty && sctp.isEmpty) return ConnectionSet.NONE;
    if (tcp.equals(ALL_PORTS) && udp.equals(ALL_PORTS) && sctp.equals(ALL_PORTS)) return ConnectionSet.ALL;
    return new ConnectionSet(tcp, udp, sctp);
  }

  ports(protocol: Protocol): IntervalSet {
    return protocol === 'TCP' ? this.tcp : protocol === 'UDP' ? this.udp : this.sctp;
  }

  get isEmpty(): boolean {
    return this === ConnectionSet.NONE;
  }

  get isAll(): boolean {
    return this === ConnectionSet.ALL;
  }

  allows(protocol: Protocol, port: number): boolean {
    return this.ports(protocol).contains(port);
  }

  union(o: ConnectionSet): ConnectionSet {
    if (o.isEmpty || this.isAll || this === o) return this;
    if (this.isEmpty || o.isAll) return o;
    return ConnectionSet.make(this.tcp.union(o.tcp), this.udp.union(o.udp), this.sctp.union(o.sctp));
  }

  intersect(o: ConnectionSet): ConnectionSet {
    if (this.isEmpty || o.isAll || this === o) return this;
    if (o.isEmpty || this.isAll) return o;
    return ConnectionSet.make(this.tcp.intersect(o.tcp), this.udp.intersect(o.udp), this.sctp.intersect(o.sctp));
  }

  subtract(o: ConnectionSet): ConnectionSet {
    if (this.isEmpty || o.isEmpty) return this;
    if (o.isAll || this === o) return ConnectionSet.NONE;
    return ConnectionSet.make(this.tcp.subtract(o.tcp), this.udp.subtract(o.udp), this.sctp.subtract(o.sctp));
  }

  equals(o: ConnectionSet): boolean {
    return this === o || (this.tcp.equals(o.tcp) && this.udp.equals(o.udp) && this.sctp.equals(o.sctp));
  }

  isSubsetOf(o: ConnectionSet): boolean {
    return this.subtract(o).isEmpty;
  }

  /** Protocols in a fixed order, each with its non-empty port set. */
  *entries(): IterableIterator<[Protocol, IntervalSet]> {
    for (const p of PROTOCOLS) {
      const ports = this.ports(p);
      if (!ports.isEmpty) yield [p, ports];
    }
  }

  /** netpol-analyzer's format: `All Connections`, `No Connections`, or `TCP 80,443,UDP 53`. */
  toString(): string {
    // computed once: the value never changes, and one set is shared by many lines of a report
    if (this.#text !== undefined) return this.#text;
    if (this.isAll) return 'All Connections';
    if (this.isEmpty) return 'No Connections';
    // the protocols in PROTOCOLS' order, without entries()' generator: one text per distinct set
    // of a report, mostly made before V8 optimises this
    let text = '';
    if (!this.sctp.isEmpty) text = `SCTP ${this.sctp.toString()}`;
    if (!this.tcp.isEmpty) text += `${text === '' ? '' : ','}TCP ${this.tcp.toString()}`;
    if (!this.udp.isEmpty) text += `${text === '' ? '' : ','}UDP ${this.udp.toString()}`;
    this.#text = text;
    return text;
  }

  /** A stable key for grouping and memoising. */
  get key(): string {
    return `${this.tcp.toString()}|${this.udp.toString()}|${this.sctp.toString()}`;
  }
}

/** `All Connections`, `No Connections`, or `TCP 80,443,8000-8080,UDP 53`. */
export function parseConns(text: string): ConnectionSet | undefined {
  const t = text.trim();
  if (t === 'All Connections') return ConnectionSet.ALL;
  if (t === 'No Connections' || t === '') return ConnectionSet.NONE;
  let out = ConnectionSet.NONE;
  let proto: string | undefined;
  for (const item of t.split(',').map((s) => s.trim())) {
    const m = /^(?:(TCP|UDP|SCTP)\s+)?(\d+)(?:-(\d+))?$/.exec(item) ?? /^(TCP|UDP|SCTP)$/.exec(item);
    if (!m) return undefined;
    if (m[1]) proto = m[1];
    if (!proto || !isProtocol(proto)) return undefined;
    if (m[2] === undefined) {
      out = out.union(ConnectionSet.of(proto));
      continue;
    }
    const lo = Number(m[2]);
    const hi = m[3] !== undefined ? Number(m[3]) : lo;
    if (lo < 1 || hi > 65535 || hi < lo) return undefined;
    out = out.union(ConnectionSet.of(proto, IntervalSet.range(lo, hi)));
  }
  return out;
}
