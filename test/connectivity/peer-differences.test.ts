import { describe, expect, it } from 'vitest';
import { analyzeConnectivity } from '../../src/connectivity/engine.js';
import { loadManifests } from '../../src/manifests/load.js';
import { renderConnectivityTxt } from '../../src/report/connectivity.js';

/**
 * Where the random configurations (test/connectivity/peers-random.property.test.ts and the wider
 * hunt behind it) found nca 2.1.0 or netpol-analyzer answering otherwise than Kubernetes does: our
 * answer, pinned with the reason. Each case is the smallest configuration that showed it.
 */
function lines(yaml: string): string[] {
  const { cluster } = loadManifests([{ path: 'm.yaml', text: yaml }]);
  return renderConnectivityTxt(analyzeConnectivity(cluster).value).split('\n').filter((l) => l !== '' && !l.includes('[External]'));
}

const pod = (ns: string, name: string, labels: string, ports = '[]') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${ns}, labels: ${labels}}
spec: {containers: [{name: c, image: nginx, ports: ${ports}}]}
---
`;
const ns = (name: string, labels = '{}') => `apiVersion: v1
kind: Namespace
metadata: {name: ${name}, labels: ${labels}}
---
`;
const policy = (nsName: string, spec: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: ${nsName}}
spec: ${spec}
---
`;

describe('answers where a peer differs from Kubernetes', () => {
  it('a podSelector with Exists, beside namespaceSelector {}, matches pods of every namespace (nca: only of the policy\'s own)', () => {
    const out = lines(
      ns('alpha') + ns('gamma') + pod('alpha', 'a', '{app: x}') + pod('gamma', 'g', '{version: v1}') +
        policy('alpha', '{podSelector: {}, policyTypes: [Egress], egress: [{to: [{namespaceSelector: {}, podSelector: {matchExpressions: [{key: version, operator: Exists}]}}]}]}'),
    );
    expect(out).toContain('alpha/a[Pod] => gamma/g[Pod] : All Connections');
  });

  it('an absent label is not the value "": {env: ""} and In [""] need the key, NotIn [""] holds without it (nca reads absent as "")', () => {
    const base = ns('alpha') + ns('other', '{team: dev}') + pod('alpha', 'a', '{app: x}') + pod('other', 'd', '{app: x}');
    const from = (sel: string) => lines(base + policy('alpha', `{podSelector: {}, policyTypes: [Ingress], ingress: [{from: [{namespaceSelector: ${sel}}]}]}`));
    expect(from('{matchLabels: {env: ""}}')).not.toContain('other/d[Pod] => alpha/a[Pod] : All Connections');
    expect(from('{matchExpressions: [{key: env, operator: In, values: [""]}]}')).not.toContain('other/d[Pod] => alpha/a[Pod] : All Connections');
    expect(from('{matchExpressions: [{key: env, operator: NotIn, values: [prod, ""]}]}')).toContain('other/d[Pod] => alpha/a[Pod] : All Connections');
  });

  it('`egress: []` without policyTypes leaves egress open (Kubernetes defaults policyTypes from a non-empty list; nca isolates)', () => {
    const out = lines(ns('delta') + pod('delta', 'a', '{app: x}') + pod('delta', 'b', '{app: y}') + policy('delta', '{podSelector: {matchLabels: {app: x}}, egress: []}'));
    expect(out).toContain('delta/a[Pod] => delta/b[Pod] : All Connections');
    expect(out).not.toContain('delta/b[Pod] => delta/a[Pod] : All Connections');
  });

  it('a Namespace\'s written kubernetes.io/metadata.name gives way to its name, as the API server sets it (netpol-analyzer keeps the written value)', () => {
    const out = lines(
      ns('alpha', '{kubernetes.io/metadata.name: beta}') + ns('beta') + pod('alpha', 'a', '{app: x}') + pod('beta', 'b', '{app: y}') +
        policy('beta', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: beta}}}]}]}'),
    );
    expect(out).not.toContain('alpha/a[Pod] => beta/b[Pod] : All Connections');
    expect(out).toContain('beta/b[Pod] => alpha/a[Pod] : All Connections');
  });

  it('a Deployment and a StatefulSet of one name in one namespace are two workloads (netpol-analyzer keeps one)', () => {
    const workload = (kind: string, app: string) => `apiVersion: apps/v1
kind: ${kind}
metadata: {name: web, namespace: alpha}
spec:
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec: {containers: [{name: c, image: nginx}]}
---
`;
    const out = lines(ns('alpha') + workload('Deployment', 'd') + workload('StatefulSet', 's'));
    expect(out).toEqual(['alpha/web[Deployment] => alpha/web[StatefulSet] : All Connections', 'alpha/web[StatefulSet] => alpha/web[Deployment] : All Connections']);
  });

  it('ports an admin egress rule does not name fall through to the next tier, beside admin ingress denies on other ports (netpol-analyzer drops TCP 1082-5000 here)', () => {
    const anp = (name: string, priority: number, body: string) => `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: ${name}}
spec:
  priority: ${priority}
${body}
---
`;
    const out = lines(
      ns('alpha') + pod('alpha', 'src', '{version: web}') + pod('alpha', 'dst', '{tier: v2}') +
        anp('allow-range', 5, `  subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {version: web}}}}
  egress: [{name: r1, action: Allow, to: [{namespaces: {}}], ports: [{portRange: {protocol: TCP, start: 81, end: 1081}}]}]`) +
        anp('deny-two', 10, `  subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {tier: v2}}}}
  ingress:
  - {name: r3, action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {protocol: TCP, port: 5001}}, {portNumber: {protocol: TCP, port: 443}}]}
  - {name: r1, action: Allow, from: [{namespaces: {}}]}`),
    );
    expect(out).toContain('alpha/src[Pod] => alpha/dst[Pod] : SCTP 1-65535,TCP 1-442,444-5000,5002-65535,UDP 1-65535');
  });

  it('two egress rules, TCP 443-5443 and all TCP, are all TCP, less the admin ingress denies (netpol-analyzer drops TCP 5444-8079 here)', () => {
    const out = lines(
      ns('gamma') +
        pod('gamma', 'src', '{tier: web}') +
        pod('gamma', 'dst', '{role: v2}', '[{containerPort: 8080, name: metrics}, {containerPort: 8443, name: http}]') +
        policy('gamma', '{podSelector: {}, ingress: [{ports: []}], egress: [{to: [{podSelector: {}}], ports: [{port: 443, endPort: 5443}]}, {to: [{podSelector: {}}], ports: [{protocol: TCP}]}]}') +
        `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: deny}
spec:
  priority: 50
  subject: {namespaces: {}}
  ingress:
  - {name: r3, action: Deny, from: [{namespaces: {}}], ports: [{namedPort: metrics}, {namedPort: http}, {portRange: {protocol: TCP, start: 5001, end: 5051}}]}
`,
    );
    expect(out).toContain('gamma/src[Pod] => gamma/dst[Pod] : TCP 1-5000,5052-8079,8081-8442,8444-65535');
  });

  it('the ingress controller reaches only TCP Service ports: a UDP or SCTP one is no HTTP backend (netpol-analyzer counts it as TCP)', () => {
    const svc = `apiVersion: v1
kind: Service
metadata: {name: s, namespace: alpha}
spec:
  selector: {app: x}
  ports: [{name: u, port: 443, targetPort: 80, protocol: UDP}, {name: t, port: 8080, targetPort: 5000}]
---
apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: r, namespace: alpha}
spec: {host: r.example.com, to: {kind: Service, name: s}}
---
`;
    const out = lines(ns('alpha') + pod('alpha', 'a', '{app: x}', '[{containerPort: 80, protocol: UDP}, {containerPort: 5000}]') + svc);
    expect(out).toContain('{ingress-controller} => alpha/a[Pod] : TCP 5000');
  });

  it('a sidecar\'s (an init container with restartPolicy: Always) named port resolves, a plain init container\'s does not (nca 2.1.0 reads only spec.containers)', () => {
    // Kubernetes' FindPort (pkg/api/v1/pod/util.go) reads spec.containers, then "also support sidecar
    // container (initContainer with restartPolicy=Always)"; sidecars are KEP-753 (beta, on by default, 1.29)
    const web = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: alpha, labels: {app: web}}
spec:
  initContainers:
  - {name: setup, image: busybox, ports: [{name: admin, containerPort: 9000}]}
  - {name: proxy, image: envoy, restartPolicy: Always, ports: [{name: metrics, containerPort: 9090}]}
  containers: [{name: main, image: nginx, ports: [{name: http, containerPort: 8080}]}]
---
`;
    const out = lines(ns('alpha') + web + pod('alpha', 'api', '{app: api}', '[{containerPort: 7000, name: admin}]') + pod('alpha', 'client', '{app: client}') +
      policy('alpha', '{podSelector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}, ingress: [{ports: [{port: http}, {port: metrics}, {port: admin}]}]}'));
    expect(out).toContain('alpha/client[Pod] => alpha/web[Pod] : TCP 8080,9090');
    expect(out).toContain('alpha/client[Pod] => alpha/api[Pod] : TCP 7000');
  });

  it('a pod that lacks one Service port\'s named targetPort is still an endpoint of the other ports (nca 2.1.0 drops it from the whole Service)', () => {
    // Kubernetes' endpoints controller (pkg/controller/endpoint/endpoints_controller.go) loops over the
    // Service ports per pod: FindPort failing for one port skips that port ("continue"), not the pod.
    // Found by the synthesize-vs-nca hunt (test/synthesis/synthesize.property.test.ts, seed 31).
    const out = lines(
      ns('ns-a') +
        pod('ns-a', 'w4', '{app: x}') +
        `apiVersion: v1
kind: Service
metadata: {name: svc1, namespace: ns-a}
spec:
  selector: {app: x}
  ports:
  - {name: sp0, port: 9000, protocol: TCP, targetPort: http}
  - {name: sp1, port: 80, protocol: TCP, targetPort: 443}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ing1, namespace: ns-a}
spec: {rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: svc1, port: {name: sp1}}}}]}}]}
---
`,
    );
    expect(out).toContain('{ingress-controller} => ns-a/w4[Pod] : TCP 443');
  });
});
