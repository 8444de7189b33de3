import { describe, expect, it } from 'vitest';
import { Codes } from '../../src/diagnostics/diagnostic.js';
import { loadManifests } from '../../src/manifests/load.js';
import { analyzeConnectivity } from '../../src/connectivity/engine.js';

// Two namespaces, each on its own primary user-defined network (OVN-Kubernetes): in a real cluster
// their pods cannot reach each other, whatever NetworkPolicies say. netpol-ci does not model user-
// defined networks, so it must say so instead of printing default-network connectivity silently.
const udn = (ns: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels:
    k8s.ovn.org/primary-user-defined-network: ""
---
apiVersion: k8s.ovn.org/v1
kind: UserDefinedNetwork
metadata:
  name: net-${ns}
  namespace: ${ns}
spec:
  topology: Layer2
  layer2: {role: Primary, subnets: [10.${ns.length}.0.0/16]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: ${ns}, labels: {app: web}}
spec:
  containers: [{name: c, image: nginx}]
`;

describe('kinds that change connectivity but are not modelled', () => {
  it('a UserDefinedNetwork gives one located warning per kind, with its count; the rest is still analysed', () => {
    const r = loadManifests([
      { path: 'red.yaml', text: udn('red') },
      { path: 'blue.yaml', text: udn('blue') },
    ]);
    const warnings = r.diagnostics.filter((d) => d.code === Codes.networkingNotModelled);
    expect(warnings.map((d) => [d.severity, d.at?.file, d.at?.doc, d.message.split(':')[0]])).toEqual([['warning', 'red.yaml', 2, '2 UserDefinedNetwork objects not modelled']]);
    // the pods are still there, and the connectivity says what it assumes (the default network)
    expect(analyzeConnectivity(r.cluster).value.connections.length).toBeGreaterThan(0);
  });

  it('VirtualMachines, secondary networks and their policies are each named', () => {
    const other = (kind: string, apiVersion: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x, namespace: default}\nspec: {}\n`;
    const r = loadManifests([
      { path: 'vm.yaml', text: other('VirtualMachine', 'kubevirt.io/v1') },
      { path: 'nad.yaml', text: other('NetworkAttachmentDefinition', 'k8s.cni.cncf.io/v1') },
      { path: 'mnp.yaml', text: other('MultiNetworkPolicy', 'k8s.cni.cncf.io/v1beta1') },
      { path: 'cudn.yaml', text: other('ClusterUserDefinedNetwork', 'k8s.ovn.org/v1') },
    ]);
    const kinds = r.diagnostics.filter((d) => d.code === Codes.networkingNotModelled).map((d) => [d.at?.file, d.message.split(' ')[1]]);
    expect(kinds).toEqual([
      ['cudn.yaml', 'ClusterUserDefinedNetwork'],
      ['mnp.yaml', 'MultiNetworkPolicy'],
      ['nad.yaml', 'NetworkAttachmentDefinition'],
      ['vm.yaml', 'VirtualMachine'],
    ]);
  });

  it('other unmodelled kinds stay informational', () => {
    const r = loadManifests([{ path: 'cm.yaml', text: 'apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: default}\n' }]);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
