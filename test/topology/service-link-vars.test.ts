import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { type Link, type Topology } from '../../src/topology/links.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * The variables the kubelet sets for the Services of a pod's namespace (Kubernetes, "Service >
 * Discovering services > Environment variables": `{SVCNAME}_SERVICE_HOST` and `{SVCNAME}_SERVICE_PORT`,
 * the name upper-cased with dashes as underscores; kubelet envvars.FromServices adds
 * `{SVCNAME}_SERVICE_PORT_{PORTNAME}` per named port and Docker's link variables). A container's
 * `$(VAR)` in command, args and env values expands to them when the container does not define VAR
 * itself: JupyterHub's proxy runs `--default-target=http://hub:$(HUB_SERVICE_PORT)`. Not with
 * `enableServiceLinks: false`, and never for a headless Service (it has no cluster IP).
 */

function scan(text: string): Topology {
  const r = loadManifests([{ path: 'app.yaml', text }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scanTopology(r.cluster).value;
}

const linkLine = (l: Link) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`;

const HUB = (clusterIP = '') => `apiVersion: v1
kind: Service
metadata: {name: hub, namespace: jh}
spec:
  ${clusterIP}selector: {app: hub}
  ports: [{name: hub, port: 8081, targetPort: http}, {name: metrics, port: 9090, targetPort: 9090}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: hub, namespace: jh}
spec:
  template:
    metadata: {labels: {app: hub}}
    spec:
      containers: [{name: hub, image: x, ports: [{name: http, containerPort: 8081}, {containerPort: 9090}]}]
`;

const PROXY = (args: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: proxy, namespace: jh}
spec:
  template:
    metadata: {labels: {app: proxy}}
    spec:
      ${extra}containers:
        - name: chp
          image: x
          args: ${args}
`;

describe("the kubelet's Service variables in $(VAR) references", () => {
  it('$(HUB_SERVICE_PORT) is the first port of Service hub in the pod\'s namespace: proxy -> hub on its target port', () => {
    const t = scan(`${HUB()}---\n${PROXY('["--default-target=http://hub:$(HUB_SERVICE_PORT)", "--error-target=http://hub:$(HUB_SERVICE_PORT)/hub/error"]')}`);
    expect(t.links.map(linkLine)).toEqual(['jh/proxy[Deployment] => jh/hub[Deployment] : TCP 8081']);
    expect(t.links[0]?.evidence.map((e) => (e.kind === 'address' ? e.value : ''))).toEqual(['http://hub:8081', 'http://hub:8081']);
    expect(t.unresolved).toEqual([]);
  });

  it('the host and a named port: $(HUB_SERVICE_HOST):$(HUB_SERVICE_PORT_METRICS), and the Docker-style $(HUB_PORT_9090_TCP_ADDR)', () => {
    const t = scan(`${HUB()}---\n${PROXY('["--metrics=$(HUB_SERVICE_HOST):$(HUB_SERVICE_PORT_METRICS)", "--x=tcp://$(HUB_PORT_9090_TCP_ADDR):$(HUB_PORT_9090_TCP_PORT)"]')}`);
    expect(t.links.map(linkLine)).toEqual(['jh/proxy[Deployment] => jh/hub[Deployment] : TCP 9090']);
  });

  it('a variable the container defines wins over the Service\'s', () => {
    const t = scan(`${HUB()}---\n${PROXY('["--default-target=http://hub:$(HUB_SERVICE_PORT)"]').replace('args:', 'env: [{name: HUB_SERVICE_PORT, value: "9090"}]\n          args:')}`);
    expect(t.links.map(linkLine)).toEqual(['jh/proxy[Deployment] => jh/hub[Deployment] : TCP 9090']);
  });

  it('enableServiceLinks: false, or a headless Service: no such variable, the reference stays as written: no link on a guessed port, an undefined-variable gap (never dropped)', () => {
    for (const text of [`${HUB()}---\n${PROXY('["--default-target=http://hub:$(HUB_SERVICE_PORT)"]', 'enableServiceLinks: false\n      ')}`, `${HUB('clusterIP: None\n  ')}---\n${PROXY('["--default-target=http://hub:$(HUB_SERVICE_PORT)"]')}`]) {
      const t = scan(text);
      expect(t.links.map(linkLine)).toEqual([]);
      expect(t.unresolved.map((u) => [u.value, u.reason])).toEqual([['--default-target=http://hub:$(HUB_SERVICE_PORT)', 'undefined-variable']]);
    }
  });

  it('an undefined variable where a URL\'s host or port goes is a gap in args and in any env value, not only in an address-named one', () => {
    const t = scan(`${HUB()}---\n${PROXY('["--upstream", "http://$(NOPE_HOST):8081", "--x=hub:$(NOPE_PORT)", "--name=$(NOPE_NAME)"]').replace('args:', 'env: [{name: OPTS, value: "--target=http://hub:$(NOPE_PORT)/x"}]\n          args:')}`);
    expect(t.links.map(linkLine)).toEqual([]);
    expect(t.unresolved.map((u) => [u.value, u.reason]).sort()).toEqual([
      ['--target=http://hub:$(NOPE_PORT)/x', 'undefined-variable'],
      ['--x=hub:$(NOPE_PORT)', 'undefined-variable'],
      ['http://$(NOPE_HOST):8081', 'undefined-variable'],
    ]);
  });
});

describe('an IPv6 cluster IP', () => {
  it('is written in brackets in the Docker-style URL variables, as Go\'s net.JoinHostPort writes it', () => {
    const t = scan(`${HUB('clusterIP: fd00::5\n  ')}---\n${PROXY('["--x=$(HUB_PORT)"]')}`);
    expect(t.links.flatMap((l) => l.evidence.map((e) => (e.kind === 'address' ? e.value : '')))).toEqual(['tcp://[fd00::5]:8081']);
  });
});

describe('the container\'s own variables, whatever their source, hide the Service\'s', () => {
  it('a name set from a Secret the manifests do not hold, or from the node\'s address, is that unknown value, never the Service\'s (kubelet: the container\'s own variables first)', () => {
    const fromSecret = scan(`${HUB()}---\n${PROXY('["--default-target=http://hub:$(HUB_SERVICE_PORT)"]').replace('args:', 'env: [{name: HUB_SERVICE_PORT, valueFrom: {secretKeyRef: {name: elsewhere, key: port}}}]\n          args:')}`);
    expect(fromSecret.links.map(linkLine)).toEqual([]);
    expect(fromSecret.unresolved.map((u) => [u.value, u.reason])).toEqual([['--default-target=http://hub:$(HUB_SERVICE_PORT)', 'undefined-variable']]);
    const fromNode = scan(`${HUB()}---\n${PROXY('["--agent=http://$(HUB_SERVICE_HOST):7000"]').replace('args:', 'env: [{name: HUB_SERVICE_HOST, valueFrom: {fieldRef: {fieldPath: status.hostIP}}}]\n          args:')}`);
    expect(fromNode.links.map(linkLine)).toEqual([]);
    // the args' address is on the node (and so is the variable itself, named for a host)
    expect(fromNode.unresolved.filter((u) => u.value.includes(':7000')).map((u) => u.reason)).toEqual(['node-address']);
    expect(new Set(fromNode.unresolved.map((u) => u.reason))).toEqual(new Set(['node-address']));
  });

  it('an env value sees the names set before it; a name set after it is still the Service\'s there', () => {
    const t = scan(`${HUB()}---\n${PROXY('[]').replace('args: []', 'env: [{name: TARGET_URL, value: "http://hub:$(HUB_SERVICE_PORT)"}, {name: HUB_SERVICE_PORT, valueFrom: {secretKeyRef: {name: elsewhere, key: port}}}]')}`);
    expect(t.links.map(linkLine)).toEqual(['jh/proxy[Deployment] => jh/hub[Deployment] : TCP 8081']);
  });
});

describe('what is not an address around an undefined variable', () => {
  it('an image tag, a label, a word before a colon, or where the workload listens is no gap', () => {
    const t = scan(`${HUB()}---\n${PROXY('["--image=busybox:$(TAG)", "--listen=0.0.0.0:$(PORT)", "echo time:$(T)", "-Dlabel=app:$(NAME)"]').replace('args:', 'env: [{name: IMAGE, value: "nginx:$(TAG)"}, {name: GREETING, value: "hello, world:$(WHO)"}]\n          args:')}`);
    expect(t.unresolved).toEqual([]);
  });

  it('a path list (`/usr/lib:$(EXTRA)`, `PATH=/bin:$(HOME)/bin`) is no gap', () => {
    const t = scan(`${HUB()}---\n${PROXY('["--classpath=/usr/lib:$(EXTRA)", "PATH=/bin:$(HOME)/bin"]')}`);
    expect(t.unresolved).toEqual([]);
  });
});

describe("the API server's variables, which the kubelet always sets", () => {
  it('$(KUBERNETES_SERVICE_PORT) is 443 even with enableServiceLinks: false: JupyterHub\'s image awaiter\'s https://kubernetes.default.svc:$(KUBERNETES_SERVICE_PORT) is the API server, not an undefined variable', () => {
    for (const extra of ['', 'enableServiceLinks: false\n      ']) {
      const t = scan(`${HUB()}---\n${PROXY('["-api-server-address=https://kubernetes.default.svc:$(KUBERNETES_SERVICE_PORT)"]', extra)}`);
      expect(t.unresolved.map((u) => [u.value, u.reason])).toEqual([['https://kubernetes.default.svc:443', 'api-server']]);
    }
  });
});
