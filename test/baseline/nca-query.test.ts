import { describe, expect, it } from 'vitest';
import { parseNcaConns, parseNcaConnectivity } from '../../src/baseline/nca-query.js';
import { peerKey } from '../../src/model/peer.js';

describe("reading nca's answers", () => {
  it.each([
    ['All connections', 'All Connections'],
    ["{'protocols': 'TCP', 'dst_ports': '8080'}", 'TCP 8080'],
    ["{'protocols': 'TCP,UDP', 'dst_ports': '53,8000-8079'}", 'TCP 53,8000-8079,UDP 53,8000-8079'],
    ["{'protocols': 'all but TCP, UDP'}", 'SCTP 1-65535'],
    ["{'protocols': 'all but TCP', 'dst_ports': '1-10'}", 'SCTP 1-10,UDP 1-10'],
    ["{'protocols': 'ICMP'}", 'No Connections'],
  ])('permits/forbids conn %j is %s', (text, expected) => {
    expect(parseNcaConns(text)?.toString()).toBe(expected);
  });

  it('rejects what it cannot read (the answer then counts as missing, never as "no violation")', () => {
    expect(parseNcaConns('protocols TCP')).toBeUndefined();
  });

  it('connectivity lines map representative pods back to workloads and split comma-separated ranges', () => {
    const pods = new Map([
      ['ns/w0-0', { namespace: 'ns', name: 'web', kind: 'Deployment' }],
      ['ns/w1-0', { namespace: 'ns', name: 'db', kind: 'StatefulSet' }],
    ]);
    const r = parseNcaConnectivity(
      [
        'ns/w0-0[Pod] => ns/w1-0[Pod] : {protocols:TCP,dst_ports:5432}',
        '0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255 => ns/w0-0[Pod] : All connections',
        'kube-system/kube-dns-livesim[Pod] => ns/w0-0[Pod] : {protocols:UDP,dst_ports:53}',
        'ns/w1-0[Pod] => 8.8.8.8 : {protocols:all but TCP,dst_ports:53}',
      ].join('\n'),
      pods,
    );
    expect(r?.connections.map((c) => `${peerKey(c.src)} => ${peerKey(c.dst)} : ${c.conns.toString()}`)).toEqual([
      'ns/web[Deployment] => ns/db[StatefulSet] : TCP 5432',
      '0.0.0.0-9.255.255.255[External] => ns/web[Deployment] : All Connections',
      '11.0.0.0-255.255.255.255[External] => ns/web[Deployment] : All Connections',
      'ns/db[StatefulSet] => 8.8.8.8-8.8.8.8[External] : SCTP 53,UDP 53',
    ]);
    expect(r?.unknownPeers).toEqual(['kube-system/kube-dns-livesim[Pod]']);
  });
});
