import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConnectionSet } from '../../src/model/connection-set.js';
import { peerKey, type Peer } from '../../src/model/peer.js';
import type { Evidence, Link } from '../../src/topology/links.js';
import { compareDeclaredObserved, linkOrigin, mergeLinks } from '../../src/topology/merge.js';

/** Declared and observed links side by side: merge unions per (src, dst); the two gap lists are exact set differences per connection. */

const w = (name: string): Peer => ({ kind: 'workload', ref: { namespace: 'ns', name, kind: 'Deployment' } });
const declared: Evidence = { kind: 'exposure', object: 'Ingress ns/x', at: { file: 'a.yaml', doc: 1, line: 3 } };
const trace = (line: number): Evidence => ({ kind: 'trace', event: 'TCP 80', file: 't.ndjson', line, count: 2 });
const link = (src: string, dst: string, conns: ConnectionSet, ev: Evidence): Link => ({ src: w(src), dst: w(dst), conns, evidence: [ev] });

const arbLinks = (ev: Evidence) =>
  fc.array(
    fc.record({ src: fc.constantFrom('a', 'b', 'c'), dst: fc.constantFrom('a', 'b', 'c'), port: fc.integer({ min: 1, max: 6 }), udp: fc.boolean() }).map((r) => link(r.src, r.dst, ConnectionSet.port(r.udp ? 'UDP' : 'TCP', r.port), ev)),
    { maxLength: 8 },
  );

const allows = (ls: readonly { src: Peer; dst: Peer; conns: ConnectionSet }[], s: Peer, d: Peer, proto: 'TCP' | 'UDP', port: number) =>
  ls.some((l) => peerKey(l.src) === peerKey(s) && peerKey(l.dst) === peerKey(d) && l.conns.allows(proto, port));

describe('merge', () => {
  it('origin: declared, observed or both, from the evidence', () => {
    const [m] = mergeLinks([link('a', 'b', ConnectionSet.port('TCP', 80), declared)], [link('a', 'b', ConnectionSet.port('TCP', 80), trace(4))]);
    expect(m && linkOrigin(m)).toBe('both');
    expect(m?.evidence).toEqual([declared, trace(4)]);
  });

  it('a partly observed link leaves the rest under declared-but-never-observed', () => {
    const r = compareDeclaredObserved([link('a', 'b', ConnectionSet.port('TCP', 80).union(ConnectionSet.port('TCP', 443)), declared)], [link('a', 'b', ConnectionSet.port('TCP', 80), trace(1)), link('b', 'c', ConnectionSet.port('UDP', 53), trace(2))]);
    expect(r.declaredNotObserved.map((g) => `${peerKey(g.src)}>${peerKey(g.dst)} ${g.conns.toString()}`)).toEqual(['ns/a[Deployment]>ns/b[Deployment] TCP 443']);
    expect(r.observedNotDeclared.map((g) => `${peerKey(g.src)}>${peerKey(g.dst)} ${g.conns.toString()}`)).toEqual(['ns/b[Deployment]>ns/c[Deployment] UDP 53']);
  });

  it('property: every (src, dst, proto, port) is in exactly the list the set algebra says', () => {
    fc.assert(
      fc.property(arbLinks(declared), arbLinks(trace(1)), (d, o) => {
        const r = compareDeclaredObserved(d, o);
        const merged = mergeLinks(d, o);
        for (const s of ['a', 'b', 'c'])
          for (const t of ['a', 'b', 'c'])
            for (const proto of ['TCP', 'UDP'] as const)
              for (let port = 1; port <= 6; port++) {
                const inD = allows(d, w(s), w(t), proto, port);
                const inO = allows(o, w(s), w(t), proto, port);
                expect(allows(r.observedNotDeclared, w(s), w(t), proto, port)).toBe(inO && !inD);
                expect(allows(r.declaredNotObserved, w(s), w(t), proto, port)).toBe(inD && !inO);
                expect(allows(merged, w(s), w(t), proto, port)).toBe(inD || inO);
              }
        // one link per pair, sorted, and merging is idempotent
        expect(new Set(merged.map((l) => `${peerKey(l.src)}>${peerKey(l.dst)}`)).size).toBe(merged.length);
        expect(mergeLinks(merged, merged).map((l) => `${peerKey(l.src)}>${peerKey(l.dst)} ${l.conns.toString()} ${l.evidence.length}`)).toEqual(merged.map((l) => `${peerKey(l.src)}>${peerKey(l.dst)} ${l.conns.toString()} ${l.evidence.length}`));
      }),
      { numRuns: 200 },
    );
  });
});
