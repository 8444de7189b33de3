import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { scanTopology } from '../../src/topology/scan.js';
import { peerKey, workloadKey } from '../../src/model/peer.js';

/**
 * The cluster's DNS Service named as an address (nginx's `resolver kube-dns.kube-system.svc.cluster.local`,
 * as DeathStarBench's socialNetwork chart writes it) is DNS: every synthesized policy with egress
 * already allows it (the DNS rule), so it is neither a link to a Service the manifests lack nor a
 * gap. Any other port of it, or a name that only looks alike, is still reported.
 */

const nginx = (resolver: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: nginx, namespace: web}
data:
  nginx.conf: |
    http {
      resolver ${resolver} valid=10s ipv6=off;
    }
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: nginx, namespace: web}
spec:
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
        - name: nginx
          image: nginx
          ports: [{containerPort: 8080}]
          volumeMounts: [{name: conf, mountPath: /etc/nginx/nginx.conf, subPath: nginx.conf}]
      volumes: [{name: conf, configMap: {name: nginx}}]
`;

function unresolved(resolver: string) {
  const load = loadManifests([{ path: 'app.yaml', text: nginx(resolver) }]);
  const topo = scanTopology(load.cluster).value;
  return { links: topo.links, unresolved: topo.unresolved.map((u) => `${u.value} ${u.reason}`) };
}

/** The DNS uses scan records: `workload value file:line`. */
function dnsUses(resolver: string): string[] {
  const load = loadManifests([{ path: 'app.yaml', text: nginx(resolver) }]);
  return (scanTopology(load.cluster).value.dns ?? []).map((u) => `${workloadKey(u.workload)} ${u.evidence.kind === 'address' ? `${u.evidence.value} ${u.evidence.at.file}:${u.evidence.at.line ?? 0}` : ''}`);
}

describe('the cluster DNS Service as an address', () => {
  it.each(['kube-dns.kube-system.svc.cluster.local', 'kube-dns.kube-system.svc', 'kube-dns.kube-system', 'coredns.kube-system.svc.cluster.local', 'kube-dns.kube-system.svc.cluster.local:53'])('%s is DNS, served by the DNS rule: no link, no gap', (resolver) => {
    expect(unresolved(resolver)).toEqual({ links: [], unresolved: [] });
  });

  it.each(['kube-dns.kube-system.svc.cluster.local', 'coredns.kube-system'])('%s is recorded as a DNS use at its line, so the workload needs DNS', (resolver) => {
    expect(dnsUses(resolver)).toEqual([`web/nginx[Deployment] ${resolver} app.yaml:7`]);
    expect(unresolved(resolver)).toEqual({ links: [], unresolved: [] });
  });

  // the tenth address of a private network named as a DNS server is likely the DNS Service's
  // ClusterIP, and may be a DNS server of the network (a company's 192.168.7.10): both are kept
  it.each(['10.96.0.10', '10.100.0.10', '172.20.0.10', '10.96.0.10:53', '192.168.7.10:53'])('%s is a DNS use at its line, and keeps its link to the address on the DNS ports', (resolver) => {
    expect(dnsUses(resolver)).toEqual([`web/nginx[Deployment] ${resolver} app.yaml:7`]);
    const ip = resolver.replace(/:53$/, '');
    const r = unresolved(resolver);
    expect(r.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} ${l.conns.toString()}`)).toEqual([`web/nginx[Deployment] => ${ip}-${ip}[External] TCP 53,UDP 53`]);
    expect(r.unresolved).toEqual([]);
  });

  it('an address that only looks like the DNS ClusterIP stays what it was', () => {
    // a public resolver is outside the cluster: a link to that address, which an ipBlock allows, on
    // the ports a DNS server answers on (UDP, and TCP for large answers: RFC 7766)
    expect(dnsUses('8.8.8.8:53')).toEqual([]);
    expect(unresolved('8.8.8.8:53').links.map((l) => `${peerKey(l.dst)} ${l.conns.toString()}`)).toEqual(['8.8.8.8-8.8.8.8[External] TCP 53,UDP 53']);
    expect(unresolved('8.8.8.8').links.map((l) => `${peerKey(l.dst)} ${l.conns.toString()}`)).toEqual(['8.8.8.8-8.8.8.8[External] TCP 53,UDP 53']);
    // not the tenth address, or not named as a DNS server
    expect(dnsUses('10.96.0.11')).toEqual([]);
    const load = loadManifests([{ path: 'app.yaml', text: nginx('x').replace('resolver x valid=10s ipv6=off;', 'proxy_pass http://10.96.0.10:8080;') }]);
    expect(scanTopology(load.cluster).value.dns).toBeUndefined();
  });

  it.each([
    ['kube-dns.kube-system.svc.cluster.local:9153', 'no-such-service'],
    ['kube-dns.other.svc.cluster.local', 'no-such-service'],
  ])('%s is not the DNS port or namespace: still a gap', (resolver, reason) => {
    expect(unresolved(resolver).unresolved).toEqual([`${resolver} ${reason}`]);
  });
});
