import { describe, expect, it } from 'vitest';
import { Codes } from '../../src/diagnostics/diagnostic.js';
import { loadManifests } from '../../src/manifests/load.js';

/**
 * The API server validates RBAC object names as path segments, not DNS names
 * (pkg/apis/rbac/validation: `ValidateRBACName = path.IsValidPathSegmentName`): anything but `.`,
 * `..`, and names holding `/` or `%`. Kubernetes' own `system:auth-delegator` ClusterRole, and the
 * `resource-metrics:system:auth-delegator` binding kube-prometheus ships, are valid.
 */
const binding = (kind: string, name: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: ${JSON.stringify(name)}${kind.startsWith('Cluster') ? '' : '\n  namespace: monitoring'}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:auth-delegator}
subjects: [{kind: ServiceAccount, name: prometheus-adapter, namespace: monitoring}]
`;

const nameDiagnostics = (text: string) => loadManifests([{ path: 'rbac.yaml', text }]).diagnostics.filter((d) => d.code === Codes.invalidField && d.at?.path?.join('.') === 'metadata.name');

describe('RBAC binding names are path segments (the roles themselves are not modelled)', () => {
  it('binding names with `:`, `_` and upper case draw no diagnostic', () => {
    const text = [binding('ClusterRoleBinding', 'resource-metrics:system:auth-delegator'), binding('RoleBinding', 'System:Reader'), binding('ClusterRoleBinding', 'system:monitoring:Reader'), binding('RoleBinding', 'Config_Reader')].join('---\n');
    expect(nameDiagnostics(text)).toEqual([]);
  });

  it('`.`, `..`, and a name holding `/` or `%` are rejected (`/` as an error: it would split `ns/name`)', () => {
    const text = [binding('ClusterRoleBinding', '..'), binding('RoleBinding', 'a%2Fb'), binding('ClusterRoleBinding', 'team/reader')].join('---\n');
    expect(nameDiagnostics(text).map((d) => [d.severity, d.at?.line])).toEqual([
      ['warning', 4],
      ['warning', 11],
      ['error', 19],
    ]);
  });

  it('other kinds keep the DNS subdomain rule', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "a:b", namespace: monitoring}\n`;
    expect(nameDiagnostics(text).map((d) => d.severity)).toEqual(['warning']);
  });
});
