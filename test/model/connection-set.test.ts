import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConnectionSet, MAX_PORT, MIN_PORT, PROTOCOLS, isProtocol, type Protocol } from '../../src/model/connection-set.js';
import { IntervalSet } from '../../src/model/interval-set.js';

const protocol = fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP');
/** Ports biased to the edges of the port space, with some out-of-range values (which must be clipped). */
const port = fc.oneof(
  fc.constantFrom(0, 1, 2, 79, 80, 81, 443, 65534, 65535, 65536),
  fc.integer({ min: 1, max: 100 }),
  fc.integer({ min: 0, max: 65536 }),
);
const clause = fc.tuple(protocol, port, port).map(([p, a, b]) => ConnectionSet.port(p, Math.min(a, b), Math.max(a, b)));
const connectionSet = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(ConnectionSet.ALL, ConnectionSet.NONE) },
  { weight: 1, arbitrary: protocol.map((p) => ConnectionSet.of(p)) },
  { weight: 6, arbitrary: fc.array(clause, { maxLength: 5 }).map((cs) => cs.reduce((a, b) => a.union(b), ConnectionSet.NONE)) },
);
/** Probe points: every protocol at ports around the interesting edges. */
const PROBES: [Protocol, number][] = PROTOCOLS.flatMap((p) => [0, 1, 2, 50, 79, 80, 81, 100, 443, 30000, 65534, 65535, 65536].map((n) => [p, n] as [Protocol, number]));

describe('ConnectionSet basics', () => {
  it('ALL and NONE print and behave as expected', () => {
    expect(ConnectionSet.ALL.toString()).toBe('All Connections');
    expect(ConnectionSet.NONE.toString()).toBe('No Connections');
    expect(ConnectionSet.ALL.isAll).toBe(true);
    expect(ConnectionSet.NONE.isEmpty).toBe(true);
    expect(ConnectionSet.ALL.isEmpty).toBe(false);
    expect(ConnectionSet.NONE.isAll).toBe(false);
    for (const p of PROTOCOLS) {
      expect(ConnectionSet.ALL.allows(p, MIN_PORT)).toBe(true);
      expect(ConnectionSet.ALL.allows(p, MAX_PORT)).toBe(true);
      expect(ConnectionSet.ALL.allows(p, 0)).toBe(false);
      expect(ConnectionSet.ALL.allows(p, 65536)).toBe(false);
      expect(ConnectionSet.NONE.allows(p, 80)).toBe(false);
    }
  });

  it('has a single encoding of everything and of nothing', () => {
    const all = ConnectionSet.of('TCP').union(ConnectionSet.of('UDP')).union(ConnectionSet.of('SCTP'));
    expect(all).toBe(ConnectionSet.ALL);
    expect(all.isAll).toBe(true);
    const pieced = ConnectionSet.port('TCP', 1, 100)
      .union(ConnectionSet.port('TCP', 101, 65535))
      .union(ConnectionSet.port('UDP', 1, 65535))
      .union(ConnectionSet.of('SCTP', IntervalSet.range(0, 70000)));
    expect(pieced).toBe(ConnectionSet.ALL);
    expect(ConnectionSet.port('TCP', 80).subtract(ConnectionSet.port('TCP', 80))).toBe(ConnectionSet.NONE);
    expect(ConnectionSet.port('TCP', 80).intersect(ConnectionSet.port('UDP', 80))).toBe(ConnectionSet.NONE);
    expect(ConnectionSet.ALL.subtract(ConnectionSet.port('TCP', 1)).union(ConnectionSet.port('TCP', 1))).toBe(ConnectionSet.ALL);
    expect(ConnectionSet.of('TCP', IntervalSet.EMPTY)).toBe(ConnectionSet.NONE);
  });

  it('clips ports to 1..65535', () => {
    expect(ConnectionSet.port('TCP', 0)).toBe(ConnectionSet.NONE);
    expect(ConnectionSet.port('TCP', 65536)).toBe(ConnectionSet.NONE);
    expect(ConnectionSet.port('TCP', 0, 1).toString()).toBe('TCP 1');
    expect(ConnectionSet.port('UDP', 65535, 65536).toString()).toBe('UDP 65535');
    expect(ConnectionSet.of('SCTP', IntervalSet.range(0, 65536)).equals(ConnectionSet.of('SCTP'))).toBe(true);
    expect(ConnectionSet.of('TCP').toString()).toBe('TCP 1-65535');
    expect(ConnectionSet.port('TCP', 5, 4)).toBe(ConnectionSet.NONE);
  });

  it('prints protocol clauses in netpol-analyzer order', () => {
    const c = ConnectionSet.port('UDP', 53).union(ConnectionSet.port('TCP', 443)).union(ConnectionSet.port('TCP', 80));
    expect(c.toString()).toBe('TCP 80,443,UDP 53');
    const d = c.union(ConnectionSet.port('SCTP', 9000, 9010)).union(ConnectionSet.port('TCP', 8000, 8080));
    expect(d.toString()).toBe('SCTP 9000-9010,TCP 80,443,8000-8080,UDP 53');
    expect(ConnectionSet.of('TCP').union(ConnectionSet.of('UDP')).toString()).toBe('TCP 1-65535,UDP 1-65535');
    expect([...d.entries()].map(([p]) => p)).toEqual(['SCTP', 'TCP', 'UDP']);
    expect([...ConnectionSet.NONE.entries()]).toEqual([]);
  });

  it('allows exactly the endpoints of a range', () => {
    const c = ConnectionSet.port('TCP', 8000, 8080);
    expect(c.allows('TCP', 7999)).toBe(false);
    expect(c.allows('TCP', 8000)).toBe(true);
    expect(c.allows('TCP', 8080)).toBe(true);
    expect(c.allows('TCP', 8081)).toBe(false);
    expect(c.allows('UDP', 8000)).toBe(false);
    expect(c.ports('TCP').toString()).toBe('8000-8080');
    expect(c.ports('SCTP').isEmpty).toBe(true);
  });

  it('isProtocol accepts exactly TCP, UDP and SCTP', () => {
    for (const v of ['TCP', 'UDP', 'SCTP']) expect(isProtocol(v)).toBe(true);
    for (const v of ['tcp', 'ICMP', '', undefined, 6]) expect(isProtocol(v)).toBe(false);
  });

  it('key distinguishes sets and matches on equal sets', () => {
    const a = ConnectionSet.port('TCP', 80).union(ConnectionSet.port('UDP', 80));
    const b = ConnectionSet.port('UDP', 80).union(ConnectionSet.port('TCP', 80));
    expect(a.key).toBe(b.key);
    expect(a.key).not.toBe(ConnectionSet.port('TCP', 80).key);
    expect(ConnectionSet.port('TCP', 80).key).not.toBe(ConnectionSet.port('UDP', 80).key);
  });
});

describe('ConnectionSet laws', () => {
  it('operations are pointwise per protocol and port', () => {
    fc.assert(
      fc.property(connectionSet, connectionSet, (a, b) => {
        const u = a.union(b);
        const i = a.intersect(b);
        const d = a.subtract(b);
        for (const [p, n] of PROBES) {
          expect(u.allows(p, n)).toBe(a.allows(p, n) || b.allows(p, n));
          expect(i.allows(p, n)).toBe(a.allows(p, n) && b.allows(p, n));
          expect(d.allows(p, n)).toBe(a.allows(p, n) && !b.allows(p, n));
        }
        for (const p of PROTOCOLS) {
          expect(u.ports(p).equals(a.ports(p).union(b.ports(p)))).toBe(true);
          expect(i.ports(p).equals(a.ports(p).intersect(b.ports(p)))).toBe(true);
          expect(d.ports(p).equals(a.ports(p).subtract(b.ports(p)))).toBe(true);
        }
      }),
    );
  });

  it('never holds a port outside 1..65535', () => {
    fc.assert(
      fc.property(connectionSet, connectionSet, (a, b) => {
        for (const c of [a, b, a.union(b), a.intersect(b), a.subtract(b), ConnectionSet.ALL.subtract(a)]) {
          for (const p of PROTOCOLS) {
            expect(c.allows(p, 0)).toBe(false);
            expect(c.allows(p, 65536)).toBe(false);
            expect(c.ports(p).isSubsetOf(IntervalSet.range(1, 65535))).toBe(true);
          }
        }
      }),
    );
  });

  it('union and intersect are commutative and associative', () => {
    fc.assert(
      fc.property(connectionSet, connectionSet, connectionSet, (a, b, c) => {
        expect(a.union(b).equals(b.union(a))).toBe(true);
        expect(a.intersect(b).equals(b.intersect(a))).toBe(true);
        expect(a.union(b).union(c).equals(a.union(b.union(c)))).toBe(true);
        expect(a.intersect(b).intersect(c).equals(a.intersect(b.intersect(c)))).toBe(true);
        expect(a.union(b).toString()).toBe(b.union(a).toString());
      }),
    );
  });

  it('a ⊆ a∪b, (a−b)∩b = ∅, a = (a−b) ∪ (a∩b)', () => {
    fc.assert(
      fc.property(connectionSet, connectionSet, (a, b) => {
        expect(a.isSubsetOf(a.union(b))).toBe(true);
        expect(a.intersect(b).isSubsetOf(b)).toBe(true);
        expect(a.subtract(b).intersect(b).isEmpty).toBe(true);
        expect(a.subtract(b).intersect(b)).toBe(ConnectionSet.NONE);
        expect(a.subtract(b).union(a.intersect(b)).equals(a)).toBe(true);
      }),
    );
  });

  it('ALL and NONE are identities and absorbers, and the singletons are kept', () => {
    fc.assert(
      fc.property(connectionSet, (a) => {
        expect(a.union(ConnectionSet.NONE).equals(a)).toBe(true);
        expect(a.intersect(ConnectionSet.ALL).equals(a)).toBe(true);
        expect(a.union(ConnectionSet.ALL)).toBe(ConnectionSet.ALL);
        expect(a.intersect(ConnectionSet.NONE)).toBe(ConnectionSet.NONE);
        expect(a.subtract(ConnectionSet.ALL)).toBe(ConnectionSet.NONE);
        expect(a.subtract(a)).toBe(ConnectionSet.NONE);
        expect(ConnectionSet.ALL.subtract(ConnectionSet.ALL.subtract(a)).equals(a)).toBe(true);
        expect(ConnectionSet.ALL.subtract(a).union(a)).toBe(ConnectionSet.ALL);
        // isAll / isEmpty are identity checks, so they must agree with structure
        expect(a.isAll).toBe(a.equals(ConnectionSet.ALL));
        expect(a.isEmpty).toBe(a.equals(ConnectionSet.NONE));
        expect(a.isEmpty).toBe(PROTOCOLS.every((p) => a.ports(p).isEmpty));
      }),
    );
  });

  it('canonical round-trip: the same set built differently is equal and prints the same', () => {
    fc.assert(
      fc.property(connectionSet, (a) => {
        // rebuilt from its entries, protocols in reverse order, intervals in reverse order
        const entries = [...a.entries()].reverse();
        let b = ConnectionSet.NONE;
        for (const [p, ports] of entries) for (const [lo, hi] of [...ports.intervals()].reverse()) b = b.union(ConnectionSet.port(p, lo, hi));
        // as a double complement
        const c = ConnectionSet.ALL.subtract(ConnectionSet.ALL.subtract(a));
        // via ConnectionSet.of per protocol
        const d = PROTOCOLS.reduce((acc, p) => acc.union(ConnectionSet.of(p, a.ports(p))), ConnectionSet.NONE);
        for (const s of [b, c, d]) {
          expect(s.equals(a)).toBe(true);
          expect(s.toString()).toBe(a.toString());
          expect(s.key).toBe(a.key);
          expect(s.isAll).toBe(a.isAll);
          expect(s.isEmpty).toBe(a.isEmpty);
        }
      }),
    );
  });

  it('isSubsetOf agrees with subtraction and with equality', () => {
    fc.assert(
      fc.property(connectionSet, connectionSet, (a, b) => {
        expect(a.isSubsetOf(b)).toBe(a.subtract(b).isEmpty);
        expect(a.isSubsetOf(b) && b.isSubsetOf(a)).toBe(a.equals(b));
      }),
    );
  });
});
