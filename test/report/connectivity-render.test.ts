import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Connection, Connectivity } from '../../src/connectivity/engine.js';
import { ConnectionSet, type Protocol } from '../../src/model/connection-set.js';
import { peerKey, type Peer } from '../../src/model/peer.js';
import { renderConnectivityCsv, renderConnectivityJson, renderConnectivityTxt } from '../../src/report/connectivity.js';
import { csvCell, oneLine } from '../../src/report/escape.js';

/**
 * The connectivity renderers write each line from per-peer and per-set texts computed once; they
 * must give exactly the bytes of the plain definitions (escape the whole line, JSON.stringify the
 * rows, csvCell each cell), whatever the names hold and whether objects are shared or not.
 */
/** Names with what the escapers care about: colons (a `::` line start), CSV specials, control, bidi and zero-width characters. */
const hostileText = fc.array(fc.constantFrom('a', 'b', ':', '=', '+', '-', '@', '"', ',', ' ', '\n', '\r', '\t', '\u0000', '\u202e', '\u200b'), { maxLength: 6 }).map((cs) => cs.join(''));
const workload: fc.Arbitrary<Peer> = fc
  .record({ namespace: hostileText, name: hostileText, kind: fc.constantFrom('Deployment', 'Pod') })
  .map((ref) => ({ kind: 'workload', ref }));
const external: fc.Arbitrary<Peer> = fc.tuple(fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }), fc.bigInt({ min: 0n, max: 1000n })).map(([lo, n]) => ({
  kind: 'external',
  range: { family: 4, lo, hi: lo + n > 2n ** 32n - 1n ? 2n ** 32n - 1n : lo + n },
}));
const peer = fc.oneof(workload, external, fc.constant<Peer>({ kind: 'ingress-controller' }));
const conns = fc.oneof(
  fc.constant(ConnectionSet.ALL),
  fc.tuple(fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP'), fc.integer({ min: 1, max: 65535 })).map(([p, port]) => ConnectionSet.port(p, port)),
);

/** Lines drawn from small pools, so peers and sets are shared between lines as the engine shares them. */
const connectivity: fc.Arbitrary<Connectivity> = fc
  .tuple(fc.array(peer, { minLength: 1, maxLength: 5 }), fc.array(conns, { minLength: 1, maxLength: 3 }))
  .chain(([peers, sets]) =>
    fc.array(
      fc.tuple(fc.nat(peers.length - 1), fc.nat(peers.length - 1), fc.nat(sets.length - 1), fc.boolean()).map(([s, d, c, copy]): Connection => {
        const src = peers[s] as Peer;
        // some lines carry their own copies, as a connectivity read from elsewhere would
        return { src: copy ? { ...src } : src, dst: peers[d] as Peer, conns: sets[c] as ConnectionSet };
      }),
      { maxLength: 12 },
    ),
  )
  .map((connections) => ({ connections, workloads: [], ipRanges: [] }));

describe('connectivity renderers', () => {
  it('txt is oneLine of each whole line', () => {
    fc.assert(
      fc.property(connectivity, (c) => {
        expect(renderConnectivityTxt(c)).toBe(c.connections.map((x) => `${oneLine(`${peerKey(x.src)} => ${peerKey(x.dst)} : ${x.conns.toString()}`)}\n`).join(''));
      }),
      { numRuns: 500 },
    );
  });

  it('json is JSON.stringify of the rows, two-space indented', () => {
    fc.assert(
      fc.property(connectivity, (c) => {
        const rows = c.connections.map((x) => ({ src: peerKey(x.src), dst: peerKey(x.dst), conn: x.conns.toString() }));
        expect(renderConnectivityJson(c)).toBe(`${JSON.stringify(rows, null, 2)}\n`);
      }),
      { numRuns: 500 },
    );
  });

  it('csv is csvCell of each cell', () => {
    fc.assert(
      fc.property(connectivity, (c) => {
        const lines = ['src,dst,conn', ...c.connections.map((x) => [peerKey(x.src), peerKey(x.dst), x.conns.toString()].map(csvCell).join(','))];
        expect(renderConnectivityCsv(c)).toBe(`${lines.join('\n')}\n`);
      }),
      { numRuns: 500 },
    );
  });

  it('a source starting with :: cannot start a workflow command, as before', () => {
    const c: Connectivity = { connections: [{ src: { kind: 'workload', ref: { namespace: '::set-output', name: 'x', kind: 'Pod' } }, dst: { kind: 'ingress-controller' }, conns: ConnectionSet.ALL }], workloads: [], ipRanges: [] };
    expect(renderConnectivityTxt(c)).toBe('\\x3a:set-output/x[Pod] => {ingress-controller} : All Connections\n');
  });
});
