import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { type Link, type Topology } from '../../src/topology/links.js';
import { scanTopology } from '../../src/topology/scan.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

afterAll(cleanupTempDirs);

/**
 * A link-local address (IPv4 169.254.0.0/16, RFC 3927; IPv6 fe80::/10, RFC 4291) is not forwarded
 * beyond the link (RFC 3927 §2.6.2, §7), so from a pod it is answered on its own node: a cloud's
 * instance metadata service (169.254.169.254), a node-local cache. No workload of the manifests
 * has one. JupyterHub's chart hands the hub all its values, among them
 * `singleuser.cloudMetadata: {blockWithIptables: true, ip: 169.254.169.254}`, the address its user
 * pods are kept from: read as a destination, that gave the hub All Connections to the metadata
 * service. Such an address is a node-address gap (on its port, when written), decided by a
 * reviewer, never an opened ipBlock. A DNS setting naming one (NodeLocal DNSCache's
 * `nameserver 169.254.20.10`) stays a DNS server, reached on DNS's ports.
 */

function scan(text: string): Topology {
  const r = loadManifests([{ path: 'app.yaml', text }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scanTopology(r.cluster).value;
}

const linkLine = (l: Link) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`;

const HUB = (data: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: hub, namespace: jh}
data:
${data}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: hub, namespace: jh}
spec:
  template:
    metadata: {labels: {app: hub}}
    spec:
      containers: [{name: hub, image: x, envFrom: [{configMapRef: {name: hub}}], volumeMounts: [{name: c, mountPath: /etc/hub}]}]
      volumes: [{name: c, configMap: {name: hub}}]
`;

describe('link-local addresses', () => {
  it('169.254.169.254 in a values file is a node-address gap on no port, not an ipBlock with All Connections', () => {
    const t = scan(HUB('  values.yaml: |\n    singleuser:\n      cloudMetadata:\n        blockWithIptables: true\n        ip: 169.254.169.254\n'));
    expect(t.links.map(linkLine)).toEqual([]);
    expect(t.unresolved.map((u) => [u.value, u.reason, u.conns?.toString()])).toEqual([['169.254.169.254', 'node-address', undefined]]);
    expect(t.unresolved[0]?.detail).toMatch(/link-local/);
  });

  it('a URL to it keeps its port in the gap; IPv6 fe80:: too', () => {
    const t = scan(HUB('  METADATA_URL: "http://169.254.169.254:80/latest/meta-data/"\n  AGENT: "[fe80::1]:8126"'));
    expect(t.links.map(linkLine)).toEqual([]);
    expect(t.unresolved.map((u) => [u.value, u.reason, u.conns?.toString()]).sort()).toEqual([
      ['[fe80::1]:8126', 'node-address', 'TCP 8126'],
      ['http://169.254.169.254:80', 'node-address', 'TCP 80'],
    ]);
  });

  it('a DNS server at a link-local address (NodeLocal DNSCache) is still reached on UDP and TCP 53', () => {
    const t = scan(HUB('  resolv.conf: |\n    nameserver 169.254.20.10\n'));
    expect(t.links.map(linkLine)).toEqual(['jh/hub[Deployment] => 169.254.20.10-169.254.20.10[External] : TCP 53,UDP 53']);
  });
});

describe('closing a link-local gap opens that address only', () => {
  const app = `apiVersion: apps/v1
kind: Deployment
metadata: {name: hub, namespace: jh}
spec:
  selector: {matchLabels: {app: hub}}
  template:
    metadata: {labels: {app: hub}}
    spec:
      containers: [{name: hub, image: x, env: [{name: META_URL, value: "http://169.254.169.254/latest/meta-data"}]}]
`;

  it('synthesize --gaps=namespace: egress to 169.254.169.254/32 on the scheme\'s port, never 0.0.0.0/0; verify --gaps=namespace agrees', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'app'));
    writeFileSync(path.join(dir, 'app', 'hub.yaml'), app);
    mkdirSync(path.join(dir, 'policies'));
    const r = runCli(['synthesize', path.join(dir, 'app'), '--gaps=namespace', '-q', '-o', path.join(dir, 'policies')]);
    expect(r.code, r.stderr).toBe(0);
    const text = readdirSync(path.join(dir, 'policies')).map((f) => readFileSync(path.join(dir, 'policies', f), 'utf8')).join('\n');
    expect(text).toMatch(/cidr: 169\.254\.169\.254\/32[\s\S]*?port: 80\b/);
    expect(text).not.toMatch(/0\.0\.0\.0\/0/);
    const v = runCli(['verify', path.join(dir, 'app'), '--policies', path.join(dir, 'policies'), '--gaps=namespace', '-q']);
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });
});

describe('an IPv4-mapped IPv6 literal is its IPv4 address on the wire (RFC 4291 §2.5.5.2)', () => {
  it('::ffff:169.254.169.254 (or ::ffff:a9fe:a9fe) is the link-local gap; ::ffff:203.0.113.7 the IPv4 link, never an IPv6 block', () => {
    for (const host of ['[::ffff:169.254.169.254]', '[::ffff:a9fe:a9fe]']) {
      const t = scan(`apiVersion: apps/v1
kind: Deployment
metadata: {name: hub, namespace: jh}
spec:
  template:
    metadata: {labels: {app: hub}}
    spec: {containers: [{name: hub, image: x, env: [{name: META_URL, value: "http://${host}/latest"}]}]}
`);
      expect(t.links.map(linkLine), host).toEqual([]);
      expect(t.unresolved.map((u) => u.reason), host).toEqual(['node-address']);
    }
    const out = scan(`apiVersion: apps/v1
kind: Deployment
metadata: {name: hub, namespace: jh}
spec:
  template:
    metadata: {labels: {app: hub}}
    spec: {containers: [{name: hub, image: x, env: [{name: API_URL, value: "https://[::ffff:203.0.113.7]:8443/v1"}]}]}
`);
    expect(out.links.map(linkLine)).toEqual(['jh/hub[Deployment] => 203.0.113.7-203.0.113.7[External] : TCP 8443']);
  });
});
