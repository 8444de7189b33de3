import { describe, expect, it } from 'vitest';
import { analyzeConnectivity } from '../../src/connectivity/engine.js';
import { loadManifests } from '../../src/manifests/load.js';
import { renderConnectivityTxt } from '../../src/report/connectivity.js';

/**
 * Which containers' ports a named port resolves against: the app containers and the sidecars
 * (init containers with `restartPolicy: Always`), never a plain init container, which has run to
 * completion before the app containers start. That is Kubernetes' own resolution of a named port
 * (FindPort, pkg/api/v1/pod/util.go: `spec.containers`, then "also support sidecar container
 * (initContainer with restartPolicy=Always)"). Found by the random-configuration hunt (test/hunt/).
 */
function pairs(yaml: string): { lines: string[]; codes: string[] } {
  const { cluster, diagnostics } = loadManifests([{ path: 'm.yaml', text: yaml }]);
  const result = analyzeConnectivity(cluster);
  const lines = renderConnectivityTxt(result.value).split('\n').filter((l) => l !== '' && !l.includes('[External]'));
  return { lines, codes: [...diagnostics, ...result.diagnostics].map((d) => d.code) };
}

const web = (initContainers: string) => `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: alpha, labels: {app: web}}
spec:
  initContainers: ${initContainers}
  containers: [{name: main, image: nginx, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: alpha, labels: {app: client}}
spec: {containers: [{name: c, image: curl}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: alpha}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{ports: [{port: http}, {port: metrics}]}]
`;

describe('named ports: app containers and sidecars, not init containers', () => {
  it('a plain init container\'s named port resolves to nothing (and is warned about as unresolved)', () => {
    const { lines, codes } = pairs(web('[{name: setup, image: busybox, ports: [{name: metrics, containerPort: 9090}]}]'));
    expect(lines).toContain('alpha/client[Pod] => alpha/web[Pod] : TCP 8080');
    expect(codes.length).toBeGreaterThan(0);
  });

  it('a sidecar\'s (restartPolicy: Always) named port resolves like an app container\'s', () => {
    const { lines, codes } = pairs(web('[{name: proxy, image: envoy, restartPolicy: Always, ports: [{name: metrics, containerPort: 9090}]}]'));
    expect(lines).toContain('alpha/client[Pod] => alpha/web[Pod] : TCP 8080,9090');
    expect(codes).toEqual([]);
  });

  it('a Service\'s named targetPort reaches a sidecar\'s port but not an init container\'s (ingress controller)', () => {
    const svc = (initContainers: string) =>
      web(initContainers) +
      `---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: alpha}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: metrics}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: alpha}
spec: {rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]}
`;
    const sidecar = pairs(svc('[{name: proxy, image: envoy, restartPolicy: Always, ports: [{name: metrics, containerPort: 9090}]}]'));
    expect(sidecar.lines).toContain('{ingress-controller} => alpha/web[Pod] : TCP 9090');
    const init = pairs(svc('[{name: setup, image: busybox, ports: [{name: metrics, containerPort: 9090}]}]'));
    expect(init.lines.filter((l) => l.startsWith('{ingress-controller}'))).toEqual([]);
  });
});
