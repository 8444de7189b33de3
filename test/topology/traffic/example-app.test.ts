import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/cli.js';
import { loadManifests } from '../../../src/manifests/load.js';
import { peerKey } from '../../../src/model/peer.js';
import { parseCidrAliases } from '../../../src/topology/traffic/aliases.js';
import { observeTraffic, type LineSource } from '../../../src/topology/traffic/ingest.js';
import { readClusterSnapshot } from '../../../src/topology/traffic/snapshot.js';
import { formatDiagnostic } from '../../../src/diagnostics/diagnostic.js';
import type { TrafficFormat } from '../../../src/topology/traffic/events.js';

/**
 * Each trace format, written for the bundled example app (fixtures/example-app) with the field
 * names of Inspektor Gadget's own sources, read against the app's manifests, the exported
 * cluster snapshot and the reviewed CIDR aliases: the exact links, folded owners, unresolved
 * observations, filtered noise and reported lines.
 */

const APP = 'fixtures/example-app/manifests';
const DIR = 'fixtures/traffic/example-app';
const TRACE = (f: string) => `${DIR}/traces/${f}`;

const read = (rel: string) => readFileSync(path.join(REPO_ROOT, rel), 'utf8');
const manifestFiles = (dir: string) =>
  readdirSync(path.join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)))
    .sort()
    .map((p) => ({ path: p, text: read(p) }));

const cluster = loadManifests(manifestFiles(APP)).cluster;
const snapshot = readClusterSnapshot(manifestFiles(`${DIR}/snapshot`));
const aliases = parseCidrAliases(`${DIR}/cidr-aliases.yaml`, read(`${DIR}/cidr-aliases.yaml`));

/** Lines as the I/O would stream them (here from the whole text: the reader sees the same sequence). */
const lines: LineSource = (file, onLine) => {
  const all = read(file).split('\n');
  if (all[all.length - 1] === '') all.pop();
  all.forEach((t, i) => onLine(t, i + 1));
  return all.length;
};

function observe(file: string, options: { snapshot?: boolean; format?: TrafficFormat } = {}) {
  const r = observeTraffic(cluster, { files: [TRACE(file)], ...(options.snapshot === false ? {} : { snapshot: snapshot.snapshot }), aliases: aliases.aliases, ...(options.format ? { format: options.format } : {}) }, lines);
  return {
    links: r.value.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`),
    evidence: r.value.links.flatMap((l) => l.evidence.map((e) => (e.kind === 'trace' ? `${peerKey(l.src)} ${e.line} x${e.count}${e.firstSeen !== undefined ? ` ${e.firstSeen}..${e.lastSeen}` : ''}` : ''))),
    unresolved: r.value.unresolved.map((u) => `${u.line} ${u.src} -> ${u.dst} : ${u.conns.toString()} x${u.count} ${u.reason}`),
    summary: r.value.summary,
    diagnostics: r.diagnostics.filter((d) => d.severity !== 'info').map(formatDiagnostic),
  };
}

describe('trace formats on the example app', () => {
  it('inputs are clean', () => {
    expect(snapshot.diagnostics).toEqual([]);
    expect(aliases.diagnostics).toEqual([]);
  });

  it('gadget-network (camelCase, flat: pktType, ip, remoteKind, remoteService*, podOwner): every link, one the manifests miss, and the noise filtered', () => {
    const r = observe('gadget-network.ndjson');
    expect(r.links).toEqual([
      'backend/orders[Deployment] => backend/catalog[Deployment] : TCP 8080',
      'backend/orders[Deployment] => payments/payments[Deployment] : TCP 8080',
      'frontend/web[Deployment] => backend/catalog[Deployment] : TCP 8080',
      'frontend/web[Deployment] => backend/orders[Deployment] : TCP 8080',
      'payments/fraud-check[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
      'payments/payments[Deployment] => payments/fraud-check[Deployment] : TCP 9000',
      '{ingress-controller} => frontend/web[Deployment] : TCP 8080',
    ]);
    // the three connects of web to catalog aggregate (line of the first, count)
    expect(r.evidence).toContain('frontend/web[Deployment] 1 x3');
    expect(r.evidence).toContain('payments/fraud-check[Deployment] 8 x2');
    expect(r.unresolved).toEqual(['15 backend/orders[Deployment] -> 198.51.100.7-198.51.100.7[External] : TCP 443 x1 external-address']);
    expect(r.summary).toEqual({ files: 1, starts: 15, closes: 0, loopback: 1, nodeLocal: 1, dns: 2, sameWorkload: 0, skipped: 0, malformed: 0, unknown: 0 });
    expect(r.diagnostics).toEqual([]);
  });

  it('gadget-network with a dst endpoint and k8s metadata, as one pretty-printed JSON array: same links; first and last seen from the timestamps', () => {
    const flat = observe('gadget-network.ndjson');
    const r = observe('gadget-network-dst.json');
    expect(r.links).toEqual(flat.links);
    expect(r.evidence).toContain('frontend/web[Deployment] 2 x3 1718000000000000000..1718000002000000000');
    expect(r.unresolved).toEqual(['542 backend/orders[Deployment] -> 198.51.100.7-198.51.100.7[External] : TCP 443 x1 external-address']);
    expect(r.summary.starts).toBe(15);
  });

  it('advisor-v1 (the first advisor: local_pod_*, remote_svc_*, remote_pod_*, a JSON array): connect and accept, the close ignored', () => {
    const r = observe('advisor-v1.json');
    expect(r.links).toEqual([
      'backend/orders[Deployment] => backend/catalog[Deployment] : TCP 8080',
      'frontend/web[Deployment] => backend/catalog[Deployment] : TCP 8080',
      'payments/fraud-check[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
      'payments/payments[Deployment] => payments/fraud-check[Deployment] : TCP 9000',
    ]);
    // an accept: the remote pod is the client; the line is the element's first line
    expect(r.evidence).toContain('backend/orders[Deployment] 20 x1');
    expect(r.summary).toMatchObject({ starts: 4, closes: 1 });
  });

  it('network-graph (snake_case pkt_type): HOST and OUTGOING; kubelet probe filtered; debug event and host-network peer reported with file:line', () => {
    const r = observe('network-graph.ndjson');
    expect(r.links).toEqual(['backend/orders[Deployment] => payments/payments[Deployment] : TCP 8080', 'frontend/web[Deployment] => backend/orders[Deployment] : TCP 8080']);
    expect(r.summary).toMatchObject({ starts: 3, nodeLocal: 1, skipped: 2 });
    expect(r.diagnostics).toEqual([
      `${TRACE('network-graph.ndjson')}:4 warning NPC162 skipped: debug event (tracer: attached to netns 4026532885)`,
      `${TRACE('network-graph.ndjson')}:5 warning NPC162 skipped: remote peer of unknown kind "" at 10.0.0.12 (a host-network or node peer)`,
    ]);
  });

  it('advise_networkpolicy (image-based: egress, endpoint.*, k8s.* with labels as k=v,k=v): egress and ingress, DNS filtered, host-network pod skipped', () => {
    const r = observe('advise-networkpolicy.ndjson', { snapshot: false });
    expect(r.links).toEqual([
      'backend/orders[Deployment] => backend/catalog[Deployment] : TCP 8080',
      'frontend/web[Deployment] => backend/catalog[Deployment] : TCP 8080',
      'payments/fraud-check[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
    ]);
    expect(r.summary).toMatchObject({ starts: 4, dns: 1, skipped: 1 });
    expect(r.diagnostics).toEqual([`${TRACE('advise-networkpolicy.ndjson')}:5 warning NPC162 skipped: host-network pod`]);
  });

  it('trace_tcp JSON (src/dst l4endpoints, type connect|accept|close): the accept client is dst; a failed connect is skipped; ISO timestamps', () => {
    const r = observe('trace-tcp.ndjson', { snapshot: false });
    expect(r.links).toEqual(['backend/orders[Deployment] => backend/catalog[Deployment] : TCP 8080', 'frontend/web[Deployment] => backend/catalog[Deployment] : TCP 8080']);
    expect(r.evidence).toContain('frontend/web[Deployment] 1 x2 2024-06-10T08:00:01.000000000Z..2024-06-10T08:05:00.000000000Z');
    expect(r.summary).toMatchObject({ starts: 3, closes: 1, skipped: 1 });
    expect(r.diagnostics).toEqual([`${TRACE('trace-tcp.ndjson')}:5 warning NPC162 skipped: failed connect (ECONNREFUSED)`]);
  });

  it('trace_tcp -o columns (p/NS/POD:PORT, s/NS/SVC:PORT, ADDR:PORT): no snapshot needed; a cell cut by the column width is reported', () => {
    const r = observe('trace-tcp.columns.txt', { snapshot: false });
    expect(r.links).toEqual([
      'backend/orders[Deployment] => payments/payments[Deployment] : TCP 8080',
      'frontend/web[Deployment] => backend/orders[Deployment] : TCP 8080',
      'payments/fraud-check[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
    ]);
    expect(r.summary).toMatchObject({ starts: 3, closes: 1, malformed: 1 });
    expect(r.diagnostics).toEqual([`${TRACE('trace-tcp.columns.txt')}:6 warning NPC161 skipped: a cell cut short by the column width (…); use -o json`]);
  });

  it('plain connection lines: addresses resolved through the snapshot (pod IP, Service IP -> targetPort); kubelet and DNS filtered', () => {
    const r = observe('plain.txt');
    expect(r.links).toEqual([
      'backend/orders[Deployment] => payments/payments[Deployment] : TCP 8080',
      'payments/fraud-check[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
      'payments/payments[Deployment] => payments/fraud-check[Deployment] : TCP 9000',
    ]);
    expect(r.evidence).toContain('backend/orders[Deployment] 3 x2 2024-06-10T08:00:02Z..2024-06-10T08:00:09Z');
    expect(r.summary).toMatchObject({ starts: 6, nodeLocal: 1, dns: 1 });
  });

  it('plain lines without a snapshot: every address is outside the cluster, kept as /32 and listed, none allowed', () => {
    const r = observeTraffic(cluster, { files: [TRACE('plain.txt')] }, lines);
    expect(r.value.links).toEqual([]);
    expect(r.value.unresolved.map((u) => `${u.src} -> ${u.dst} : ${u.conns.toString()} x${u.count}`)).toEqual([
      '10.0.0.11-10.0.0.11[External] -> 10.244.1.20-10.244.1.20[External] : TCP 8080 x1',
      '10.244.1.50-10.244.1.50[External] -> 203.0.113.40-203.0.113.40[External] : TCP 443 x1',
      '10.244.2.30-10.244.2.30[External] -> 10.96.0.10-10.96.0.10[External] : UDP 53 x1',
      '10.244.2.30-10.244.2.30[External] -> 10.96.30.40-10.96.30.40[External] : TCP 8080 x2',
      '10.244.2.40-10.244.2.40[External] -> 10.96.30.50-10.96.30.50[External] : TCP 9000 x1',
    ]);
  });

  it('messy lines: truncated, merged, debug, host-network, unreadable; each reported with file:line, the rest read', () => {
    const r = observe('messy.ndjson');
    expect(r.links).toEqual(['frontend/web[Deployment] => backend/catalog[Deployment] : TCP 8080']);
    const f = TRACE('messy.ndjson');
    expect(r.diagnostics).toEqual([
      `${f}:2 warning NPC161 skipped: truncated or invalid JSON (Unterminated string)`,
      `${f}:3 warning NPC161 skipped: two JSON events merged on one line`,
      `${f}:4 warning NPC162 skipped: debug event (perf ring buffer lost 12 events)`,
      `${f}:5 warning NPC162 skipped: remote peer of unknown kind "" at 10.0.0.12 (a host-network or node peer)`,
      `${f}:6 error NPC160 not JSON, not a trace_tcp column row, not a connection line (src ip:port -> dst ip:port proto)`,
      `${f}:7 error NPC160 a JSON object of no known trace format`,
    ]);
    expect(r.summary).toMatchObject({ starts: 1, skipped: 2, malformed: 2, unknown: 2 });
  });

  it('--traffic-format forces one reader: events of another format are errors, not guesses', () => {
    const r = observe('trace-tcp.ndjson', { snapshot: false, format: 'gadget-network' });
    expect(r.links).toEqual([]);
    expect(r.diagnostics.filter((d) => d.includes('NPC160')).length).toBe(5);
    expect(r.diagnostics[0]).toBe(`${TRACE('trace-tcp.ndjson')}:1 error NPC160 not a gadget-network event`);
    const forced = observe('trace-tcp.ndjson', { snapshot: false, format: 'trace-tcp' });
    expect(forced.links).toEqual(observe('trace-tcp.ndjson', { snapshot: false }).links);
  });
});
