import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { scanTopology } from '../../src/topology/scan.js';
import { findGaps } from '../../src/topology/gaps.js';

/**
 * A workload whose ServiceAccount RBAC lets call the API server does call it (controllers,
 * operators, Grafana's config sidecar, the OpenTelemetry collector's k8s attributes), through the
 * variables the kubelet injects: no manifest value names the API server. Argo CD's install.yaml
 * binds six of its components; without a gap their egress to the API server was silently blocked.
 */
const workload = (name: string, ns: string, spec = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${spec}      containers: [{name: c, image: x}]
`;
const binding = (kind: 'RoleBinding' | 'ClusterRoleBinding', name: string, ns: string | undefined, subjects: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata: {name: ${name}${ns ? `, namespace: ${ns}` : ''}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ${kind === 'RoleBinding' ? 'Role' : 'ClusterRole'}, name: ${name}}
subjects:
${subjects}`;

function apiGaps(...docs: string[]) {
  const load = loadManifests([{ path: 'app.yaml', text: docs.join('---\n') }]);
  expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const t = scanTopology(load.cluster).value;
  return { unresolved: t.unresolved.filter((u) => u.reason === 'api-server'), gaps: findGaps(load.cluster, t).filter((g) => g.reason === 'api-server') };
}

describe('workloads bound by RBAC are API server clients: an api-server gap at the binding', () => {
  it('a RoleBinding subject without namespace means the binding\'s namespace; the gap is at the subject, via serviceAccountName, on TCP 443', () => {
    const r = apiGaps(workload('controller', 'ops', '      serviceAccountName: controller\n'), binding('RoleBinding', 'controller', 'ops', '- {kind: ServiceAccount, name: controller}\n'));
    expect(r.unresolved).toEqual([
      expect.objectContaining({
        workload: { namespace: 'ops', name: 'controller', kind: 'Deployment' },
        value: 'kubernetes.default.svc:443',
        at: expect.objectContaining({ file: 'app.yaml', line: 17, path: ['subjects', 0] }),
        via: expect.objectContaining({ line: 9 }),
        detail: expect.stringContaining('ops/controller[Deployment] runs as ServiceAccount ops/controller, bound to Role controller by RoleBinding ops/controller'),
      }),
    ]);
    expect(r.gaps.map((g) => `${g.direction} ${g.conns.toString()}`)).toEqual(['egress TCP 443']);
  });

  it('a ClusterRoleBinding names the namespace; the default ServiceAccount; groups of ServiceAccounts', () => {
    const crb = binding('ClusterRoleBinding', 'reader', undefined, '- {kind: ServiceAccount, name: default, namespace: a}\n- {kind: ServiceAccount, name: default, namespace: b}\n');
    const r = apiGaps(workload('w', 'a'), workload('w', 'c'), crb);
    expect(r.unresolved.map((u) => u.workload.namespace)).toEqual(['a']);
    const group = binding('RoleBinding', 'all', 'c', '- {kind: Group, name: "system:serviceaccounts:c", apiGroup: rbac.authorization.k8s.io}\n');
    expect(apiGaps(workload('w', 'a'), workload('w', 'c'), group).unresolved.map((u) => u.workload.namespace)).toEqual(['c']);
  });

  it('a RoleBinding in another namespace that names the account grants it rights there: a gap too', () => {
    const other = binding('RoleBinding', 'x', 'b', '- {kind: ServiceAccount, name: controller, namespace: ops}\n');
    expect(apiGaps(workload('controller', 'ops', '      serviceAccountName: controller\n'), other).unresolved.map((u) => u.detail)).toEqual([expect.stringContaining('by RoleBinding b/x')]);
  });

  it('a User subject spelled as a ServiceAccount token\'s user name (`system:serviceaccount:ops:controller`) binds that account (found in review)', () => {
    const user = binding('ClusterRoleBinding', 'u', undefined, '- {kind: User, name: "system:serviceaccount:ops:controller"}\n');
    expect(apiGaps(workload('controller', 'ops', '      serviceAccountName: controller\n'), user).unresolved.map((u) => u.detail)).toEqual([expect.stringContaining('by ClusterRoleBinding u')]);
    const otherNs = binding('ClusterRoleBinding', 'v', undefined, '- {kind: User, name: "system:serviceaccount:b:controller"}\n');
    expect(apiGaps(workload('controller', 'ops', '      serviceAccountName: controller\n'), otherNs).unresolved).toEqual([]);
  });

  it('no gap: another account, a subject without namespace in another namespace\'s binding, a user, a pod without a token', () => {
    const account = binding('RoleBinding', 'y', 'ops', '- {kind: ServiceAccount, name: someone-else}\n- {kind: User, name: controller}\n');
    const elsewhere = binding('RoleBinding', 'z', 'b', '- {kind: ServiceAccount, name: controller}\n');
    expect(apiGaps(workload('controller', 'ops', '      serviceAccountName: controller\n'), account, elsewhere).unresolved).toEqual([]);
    const bound = binding('RoleBinding', 'z', 'ops', '- {kind: ServiceAccount, name: controller}\n');
    expect(apiGaps(workload('controller', 'ops', '      serviceAccountName: controller\n      automountServiceAccountToken: false\n'), bound).unresolved).toEqual([]);
  });

  it('one gap per workload: an address naming the API server already is one', () => {
    const named = workload('controller', 'ops', '      serviceAccountName: controller\n').replace('containers: [{name: c, image: x}]', 'containers: [{name: c, image: x, env: [{name: API_URL, value: "https://kubernetes.default.svc:443"}]}]');
    const r = apiGaps(named, binding('RoleBinding', 'controller', 'ops', '- {kind: ServiceAccount, name: controller}\n'), binding('RoleBinding', 'again', 'ops', '- {kind: ServiceAccount, name: controller}\n'));
    expect(r.unresolved.map((u) => u.value)).toEqual(['https://kubernetes.default.svc:443']);
  });
});
