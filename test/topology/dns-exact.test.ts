import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { scanTopology } from '../../src/topology/scan.js';
import { peerKey, workloadKey } from '../../src/model/peer.js';
import { parseCidr } from '../../src/model/ip.js';
import { findAddressesIn } from '../../src/topology/addresses.js';

/**
 * DNS uses, exactly (review of session 9): only a real address after `resolver`/`nameserver` is one
 * (never a word of free text), uses from two documents stay two, and IPv6 cluster DNS ClusterIPs
 * (kind's `fd00:10:96::a`) count as the IPv4 ones do.
 */

/** A Deployment that mounts ConfigMap `conf` (key `file`) and sets env RESOLVER_NOTE. */
function app(file: string, env = 'x'): string {
  const indented = file
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
  return `apiVersion: v1
kind: ConfigMap
metadata: {name: conf, namespace: web}
data:
  file: |
${indented}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: web}
spec:
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      containers:
        - name: app
          image: app
          env: [{name: RESOLVER_NOTE, value: ${JSON.stringify(env)}}]
          volumeMounts: [{name: conf, mountPath: /etc/app}]
      volumes: [{name: conf, configMap: {name: conf}}]
`;
}

function scan(text: string) {
  const load = loadManifests([{ path: 'app.yaml', text }]);
  const topo = scanTopology(load.cluster).value;
  return {
    links: topo.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} ${l.conns.toString()}`),
    unresolved: topo.unresolved.map((u) => `${u.value} ${u.reason}`),
    dns: (topo.dns ?? []).map((u) => `${workloadKey(u.workload)} ${u.evidence.kind === 'address' ? `${u.evidence.value} :${u.evidence.at.line ?? 0}` : ''}`),
  };
}

const NOTHING = { links: [], unresolved: [], dns: [] };

describe('resolver and nameserver: only real addresses', () => {
  it.each([
    'the resolver e.g. is set by the platform',
    'the nameserver i.e. the cluster one',
    'resolver_timeout 5s',
    'nameserver: auto',
    'the nameserver is set by the platform',
    'resolver local=on valid=10s;',
    'nameserver from.the platform',
    'resolver config.yaml is read at start',
  ])('free text %j is no address: no link, no gap, no DNS use', (text) => {
    expect(scan(app(`server {\n  # config\n  ${text}\n}`))).toEqual(NOTHING);
    expect(scan(app('x', text))).toEqual(NOTHING);
  });

  it('a resolv.conf: search domains and options are no hosts (man 5 resolv.conf), the nameserver is the only address', () => {
    const conf = 'nameserver 10.96.0.10\nsearch a.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5 timeout:2 attempts:3\ndomain corp.example.com\n';
    expect(findAddressesIn(conf, 'text').map((c) => c.host)).toEqual(['10.96.0.10']);
    // without a nameserver line the same words are read as before (no resolv.conf to speak of)
    expect(findAddressesIn('options ndots:5', 'text').length).toBeGreaterThan(0);
  });

  it('an env var named for DNS servers (RESOLVER, NAMESERVERS, DNS_SERVER) is spoken to on UDP and TCP 53, not on every port', () => {
    for (const name of ['RESOLVER', 'NAMESERVERS', 'UPSTREAM_DNS_SERVER']) {
      const text = app('x').replace('RESOLVER_NOTE, value: "x"', `${name}, value: "8.8.4.4"`);
      expect(scan(text).links, name).toEqual(['web/app[Deployment] => 8.8.4.4-8.8.4.4[External] TCP 53,UDP 53']);
    }
    // a name that only mentions one (RESOLVER_NOTE) is no DNS setting
    expect(scan(app('x', '8.8.4.4')).links).toEqual(['web/app[Deployment] => 8.8.4.4-8.8.4.4[External] All Connections']);
  });

  it('a comment line is no setting', () => {
    expect(scan(app('# the nameserver is 10.96.0.10, set by the platform\nkeepalive 5'))).toEqual(NOTHING);
  });

  it.each([
    ['resolver 10.96.0.10 valid=10s;', 'web/app[Deployment] 10.96.0.10 :6'],
    ['nameserver 10.96.0.10', 'web/app[Deployment] 10.96.0.10 :6'],
    ['resolver kube-dns.kube-system.svc.cluster.local valid=10s;', 'web/app[Deployment] kube-dns.kube-system.svc.cluster.local :6'],
  ])('the real setting %j is a DNS use', (text, use) => {
    expect(scan(app(text)).dns).toEqual([use]);
  });

  it('a resolver named by the name of an in-cluster Service is a link on the DNS ports, not every port', () => {
    const text = `${app('resolver dns.infra valid=10s;')}---
apiVersion: v1
kind: Service
metadata: {name: dns, namespace: infra}
spec:
  selector: {app: dns}
  ports: [{name: dns, port: 53, protocol: UDP}, {name: dns-tcp, port: 53, protocol: TCP}, {name: metrics, port: 9153}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: dns, namespace: infra}
spec:
  selector: {matchLabels: {app: dns}}
  template:
    metadata: {labels: {app: dns}}
    spec:
      containers: [{name: dns, image: coredns, ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53, protocol: TCP}, {containerPort: 9153}]}]
`;
    expect(scan(text).links).toEqual(['web/app[Deployment] => infra/dns[Deployment] TCP 53,UDP 53']);
  });
});

describe('IPv6 cluster DNS ClusterIPs', () => {
  it.each([
    ['nameserver fd00:10:96::a', 'fd00:10:96::a'],
    ['resolver [fd00:10:96::a] valid=10s;', 'fd00:10:96::a'],
    ['resolver [fd00:10:96::a]:53 valid=10s;', 'fd00:10:96::a'],
  ])('%j is a DNS use and keeps its link on the DNS ports, as 10.96.0.10', (text, ip) => {
    const r = scan(app(text));
    expect(r.dns).toHaveLength(1);
    expect(r.dns[0]).toMatch(/^web\/app\[Deployment\] /);
    expect(r.links).toEqual([`web/app[Deployment] => ${ip}-${ip}[External] TCP 53,UDP 53`]);
    expect(r.unresolved).toEqual([]);
  });

  it('a public IPv6 resolver is an outside address only', () => {
    const r = scan(app('nameserver 2001:4860:4860::8888'));
    expect(r.dns).toEqual([]);
    expect(r.links).toEqual(['web/app[Deployment] => 2001:4860:4860::8888-2001:4860:4860::8888[External] TCP 53,UDP 53']);
  });
});

describe('DNS uses from two documents', () => {
  // two ConfigMaps (one template rendered twice gives the same file and line; a scan without lines, as
  // the check's base side, gives the same place too): the workload names the DNS Service in each
  const twoConfigMaps = `apiVersion: v1
kind: ConfigMap
metadata: {name: a, namespace: web}
data: {resolv.conf: "nameserver 10.96.0.10"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b, namespace: web}
data: {resolv.conf: "nameserver 10.96.0.10"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: web}
spec:
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      containers: [{name: app, image: app}]
      volumes: [{name: a, configMap: {name: a}}, {name: b, configMap: {name: b}}]
`;

  it.each([true, false])('stay two, told apart by their document (evidence lines: %s)', (evidenceLines) => {
    const load = loadManifests([{ path: 'app.yaml', text: twoConfigMaps }]);
    const uses = scanTopology(load.cluster, { evidenceLines }).value.dns ?? [];
    expect(uses.map((u) => (u.evidence.kind === 'address' ? `${workloadKey(u.workload)} [doc ${u.evidence.at.doc}] ${u.evidence.configMap ?? ''}` : ''))).toEqual([
      'web/app[Deployment] [doc 1] web/a',
      'web/app[Deployment] [doc 2] web/b',
    ]);
  });
});

describe("a pod's own DNS settings (spec.dnsPolicy, spec.dnsConfig.nameservers)", () => {
  /** A Deployment `app` in `web` with the given pod spec lines (indented under `spec:`), calling api.example.com:443. */
  const pod = (specLines: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: web}
spec:
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
${specLines
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
      containers: [{name: app, image: app, env: [{name: API_URL, value: "https://203.0.113.7:443"}]}]
`;
  function scanPod(specLines: string) {
    const load = loadManifests([{ path: 'app.yaml', text: pod(specLines) }]);
    const topo = scanTopology(load.cluster).value;
    return {
      links: topo.links.map((l) => `${peerKey(l.dst)} ${l.conns.toString()}`),
      gaps: topo.unresolved.map((u) => `${u.reason} ${u.value} ${u.conns?.toString() ?? ''} ${(u.at.path ?? []).join('.')}`),
      dns: (topo.dns ?? []).map((u) => (u.evidence.kind === 'address' ? `${u.evidence.value} ${(u.evidence.at.path ?? []).join('.')}:${u.evidence.at.line ?? 0}` : '')),
    };
  }

  it('an explicit nameserver outside the cluster is a link to it on UDP and TCP 53 (dnsPolicy None)', () => {
    expect(scanPod('dnsPolicy: None\ndnsConfig:\n  nameservers: [192.0.2.53]')).toEqual({
      links: ['192.0.2.53-192.0.2.53[External] TCP 53,UDP 53', '203.0.113.7-203.0.113.7[External] TCP 443'],
      gaps: [],
      dns: [],
    });
  });

  it('with ClusterFirst the nameservers come after the cluster DNS: each is needed too', () => {
    expect(scanPod('dnsPolicy: ClusterFirst\ndnsConfig:\n  nameservers: ["1.1.1.1", "2606:4700:4700::1111"]').links).toEqual([
      '1.1.1.1-1.1.1.1[External] TCP 53,UDP 53',
      '203.0.113.7-203.0.113.7[External] TCP 443',
      '2606:4700:4700::1111-2606:4700:4700::1111[External] TCP 53,UDP 53',
    ]);
  });

  it('the cluster DNS ClusterIP as a nameserver is a DNS use at its line (IPv4 and IPv6)', () => {
    const r = scanPod('dnsPolicy: None\ndnsConfig:\n  nameservers:\n    - 10.96.0.10\n    - fd00:10:96::a');
    expect(r.dns).toEqual(['10.96.0.10 spec.template.spec.dnsConfig.nameservers.0:12', 'fd00:10:96::a spec.template.spec.dnsConfig.nameservers.1:13']);
    expect(r.gaps).toEqual([]);
  });

  it("dnsPolicy Default resolves through the node's resolvers, which the manifests do not hold: a gap on the DNS ports", () => {
    expect(scanPod('dnsPolicy: Default').gaps).toEqual(['node-address dnsPolicy: Default TCP 53,UDP 53 spec.template.spec.dnsPolicy']);
  });

  it('a hostNetwork pod with ClusterFirst falls back to Default (the node resolves); ClusterFirstWithHostNet uses the cluster DNS', () => {
    expect(scanPod('hostNetwork: true').gaps).toEqual(['node-address hostNetwork: true TCP 53,UDP 53 spec.template.spec.hostNetwork']);
    expect(scanPod('hostNetwork: true\ndnsPolicy: ClusterFirstWithHostNet').gaps).toEqual([]);
  });

  it('nothing for a pod with no egress, or the default ClusterFirst', () => {
    expect(scanPod('dnsPolicy: ClusterFirst').gaps).toEqual([]);
    const load = loadManifests([{ path: 'app.yaml', text: pod('dnsPolicy: Default').replace(', env: [{name: API_URL, value: "https://203.0.113.7:443"}]', '') }]);
    expect(scanTopology(load.cluster).value.unresolved).toEqual([]);
  });
});

describe("an IP that a Service of the manifests holds as its ClusterIP is that Service (kube-proxy sends it to the Service's pods)", () => {
  const text = (nameserver: string) => `apiVersion: v1
kind: Service
metadata: {name: mydns, namespace: dns}
spec:
  clusterIP: 10.96.0.53
  selector: {app: coredns}
  ports: [{name: dns, port: 53, protocol: UDP}, {name: dns-tcp, port: 53, protocol: TCP}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: mydns, namespace: dns}
spec:
  selector: {matchLabels: {app: coredns}}
  template:
    metadata: {labels: {app: coredns}}
    spec:
      containers: [{name: coredns, image: coredns, ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53, protocol: TCP}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: a}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      dnsPolicy: None
      dnsConfig: {nameservers: ["${nameserver}"]}
      containers: [{name: web, image: web}]
`;
  it('dnsConfig.nameservers naming the ClusterIP: a link to the DNS pods on UDP and TCP 53, no ipBlock, no gap', () => {
    const r = scan(text('10.96.0.53'));
    expect(r.links).toEqual(['a/web[Deployment] => dns/mydns[Deployment] TCP 53,UDP 53']);
    expect(r.unresolved).toEqual([]);
  });
  it('another address stays an ipBlock link on the DNS ports', () => {
    expect(scan(text('10.96.0.54')).links).toEqual(['a/web[Deployment] => 10.96.0.54-10.96.0.54[External] TCP 53,UDP 53']);
  });
});

describe('--service-cidr: a DNS server inside the Service network is the cluster DNS ClusterIP', () => {
  it.each([
    ['resolver 10.96.0.10 valid=10s;', '10.96.0.0/12'],
    ['resolver [fd00:10:96::a] valid=10s;', 'fd00:10:96::/112'],
    ['nameserver 10.100.0.53', '10.100.0.0/16'],
  ])('%s within %s: a DNS use and no link to an outside address', (text, cidr) => {
    const load = loadManifests([{ path: 'app.yaml', text: app(text) }]);
    const range = parseCidr(cidr);
    if (!range) throw new Error(cidr);
    const topo = scanTopology(load.cluster, { serviceCidrs: [range] }).value;
    expect(topo.links).toEqual([]);
    expect((topo.dns ?? []).map((u) => workloadKey(u.workload))).toEqual(['web/app[Deployment]']);
    // without it, the address may as well be a DNS server of the network: both are kept
    expect(scanTopology(load.cluster).value.links).toHaveLength(1);
  });
});
