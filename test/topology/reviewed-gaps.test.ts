import { describe, expect, it } from 'vitest';
import { ConnectionSet } from '../../src/model/connection-set.js';
import { parseCidr, type IpRange } from '../../src/model/ip.js';
import type { Link, Unresolved } from '../../src/topology/links.js';
import { unresolvedLeftOpen } from '../../src/topology/reviewed-gaps.js';

// A reviewed links file closes a manifest's unresolved address only with a link that can be that
// call: the right kind of destination (an address block for a host outside the cluster, a workload
// of the gap's namespace when it names one) on the address's port.
const ref = (namespace: string, name: string) => ({ namespace, name, kind: 'Deployment' });
const at = { file: 'm.yaml', doc: 1, line: 1 };
const api = ref('shop', 'api');
const link = (dst: Link['dst'], conns: string): Link => ({ src: { kind: 'workload', ref: api }, dst, conns: ConnectionSet.port('TCP', Number(conns)), evidence: [] });
const workload = (namespace: string, name: string): Link['dst'] => ({ kind: 'workload', ref: ref(namespace, name) });
const block = (cidr: string): Link['dst'] => ({ kind: 'external', range: parseCidr(cidr) as IpRange });

const mesh: Unresolved = { workload: api, value: 'sidecar.istio.io/inject: "true"', at, reason: 'mesh-control-plane', detail: '', conns: ConnectionSet.port('TCP', 15012), namespace: 'istio-system' };
const otherNs: Unresolved = { workload: api, value: 'pg.other.svc.cluster.local (DB_PORT=5432)', at, reason: 'no-such-service', detail: '', conns: ConnectionSet.port('TCP', 5432), namespace: 'other' };
const stripe: Unresolved = { workload: api, value: 'https://api.stripe.com:443', at, reason: 'external-hostname', detail: '' };
const apiServer: Unresolved = { workload: api, value: 'kubernetes.default.svc:443', at, reason: 'api-server', detail: '' };

describe('unresolved addresses a reviewed links file leaves open', () => {
  it('a link elsewhere in the namespace closes neither a mesh control-plane gap nor an address in another namespace', () => {
    expect(unresolvedLeftOpen([mesh, otherNs], [link(workload('shop', 'db'), '5432')], [])).toEqual([mesh, otherNs]);
  });

  it('a link to a workload of the gap’s namespace on its port closes it', () => {
    expect(unresolvedLeftOpen([mesh, otherNs], [link(workload('istio-system', 'istiod'), '15012'), link(workload('other', 'pg'), '5432')], [])).toEqual([]);
    expect(unresolvedLeftOpen([mesh], [link(workload('istio-system', 'istiod'), '443')], [])).toEqual([mesh]);
  });

  it('a host outside the cluster is closed only by an address block on its port (6443 too for the API server)', () => {
    expect(unresolvedLeftOpen([stripe, apiServer], [link(workload('shop', 'db'), '443')], [])).toEqual([stripe, apiServer]);
    expect(unresolvedLeftOpen([stripe, apiServer], [link(block('198.51.100.0/24'), '8443')], [])).toEqual([stripe, apiServer]);
    expect(unresolvedLeftOpen([stripe, apiServer], [link(block('198.51.100.0/24'), '443')], [])).toEqual([]);
    expect(unresolvedLeftOpen([apiServer], [link(block('10.0.0.1/32'), '6443')], [])).toEqual([]);
  });

  it('a link the scan found too adds nothing', () => {
    const scanned = [link(block('198.51.100.0/24'), '443')];
    expect(unresolvedLeftOpen([stripe], scanned, scanned)).toEqual([stripe]);
  });
});
