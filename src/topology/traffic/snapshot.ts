import { Codes, diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { parseManifestFile, type ManifestFile } from '../../manifests/documents.js';
import { DEFAULT_NAMESPACE } from '../../manifests/cluster.js';
import { locate } from '../../manifests/positions.js';
import { parseCidr } from '../../model/ip.js';
import type { ClusterSnapshot, SnapshotPod, SnapshotService, SnapshotServicePort } from './snapshot-model.js';

export { EMPTY_SNAPSHOT, type ClusterSnapshot, type SnapshotPod, type SnapshotService, type SnapshotServicePort } from './snapshot-model.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strMap = (v: unknown): Record<string, string> => (isObj(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {});
const strs = (...vs: unknown[]): string[] => [...new Set(vs.flat().filter((v): v is string => typeof v === 'string' && v !== '' && v !== 'None'))];

/**
 * Reads exported objects (`kubectl get pods,svc,ns,nodes -A -o yaml`, one object per document or
 * a `kind: List`) into the addresses the resolver needs. Other kinds are ignored.
 */
export function readClusterSnapshot(files: readonly ManifestFile[]): { snapshot: ClusterSnapshot; diagnostics: Diagnostic[] } {
  const pods: SnapshotPod[] = [];
  const services: SnapshotService[] = [];
  const namespaces: string[] = [];
  const nodeIps = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    const parsed = parseManifestFile(f);
    diagnostics.push(...parsed.diagnostics);
    for (const doc of parsed.documents) {
      const listed = isObj(doc.value) && Array.isArray(doc.value.items);
      const items = listed ? (doc.value as { items: unknown[] }).items : [doc.value];
      for (const [i, o] of items.entries()) {
        if (!isObj(o) || !isObj(o.metadata) || typeof o.metadata.name !== 'string') {
          // never skipped in silence: a pod missing from the snapshot turns its traffic into unknown addresses
          diagnostics.push(diag(Codes.snapshotObjectSkipped, 'warning', `not an object with metadata.name; skipped`, locate(doc, listed ? ['items', i] : [])));
          continue;
        }
        const meta = o.metadata as Obj & { name: string };
        const ns = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : DEFAULT_NAMESPACE;
        const spec = isObj(o.spec) ? o.spec : {};
        const status = isObj(o.status) ? o.status : {};
        if (o.kind === 'Pod') {
          const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences.filter(isObj) : [];
          const ctl = owners.find((r) => r.controller === true) ?? owners[0];
          const ips = strs(status.podIP, Array.isArray(status.podIPs) ? status.podIPs.filter(isObj).map((p) => p.ip) : []).filter((ip) => {
            const ok = !ip.includes('/') && parseCidr(ip) !== undefined;
            if (!ok) diagnostics.push(diag(Codes.snapshotObjectSkipped, 'warning', `pod ${ns}/${meta.name}: ${JSON.stringify(ip)} is not an IP address; ignored`, locate(doc, listed ? ['items', i, 'status'] : ['status'])));
            return ok;
          });
          if (ips.length === 0 && spec.hostNetwork !== true) diagnostics.push(diag(Codes.snapshotIncomplete, 'warning', `pod ${ns}/${meta.name} has no status.podIP; traffic to it cannot be recognised by address`, { file: f.path, doc: doc.doc, line: doc.startLine }));
          pods.push({
            namespace: ns,
            name: meta.name,
            ips,
            ...(typeof status.hostIP === 'string' ? { hostIp: status.hostIP } : {}),
            hostNetwork: spec.hostNetwork === true,
            labels: strMap(meta.labels),
            ...(ctl && typeof ctl.kind === 'string' && typeof ctl.name === 'string' ? { owner: { kind: ctl.kind, name: ctl.name } } : {}),
          });
          if (typeof status.hostIP === 'string') nodeIps.add(status.hostIP);
        } else if (o.kind === 'Service') {
          const ports = (Array.isArray(spec.ports) ? spec.ports.filter(isObj) : []).flatMap((p): SnapshotServicePort[] =>
            typeof p.port === 'number'
              ? [
                  {
                    port: p.port,
                    ...(typeof p.name === 'string' ? { name: p.name } : {}),
                    ...(typeof p.targetPort === 'number' || typeof p.targetPort === 'string' ? { targetPort: p.targetPort } : {}),
                    ...(p.protocol === 'UDP' || p.protocol === 'SCTP' || p.protocol === 'TCP' ? { protocol: p.protocol } : {}),
                  },
                ]
              : [],
          );
          const selector = strMap(spec.selector);
          services.push({ namespace: ns, name: meta.name, clusterIps: strs(spec.clusterIP, Array.isArray(spec.clusterIPs) ? spec.clusterIPs : []), ports, ...(Object.keys(selector).length > 0 ? { selector } : {}) });
        } else if (o.kind === 'Namespace') namespaces.push(meta.name);
        else if (o.kind === 'Node') {
          for (const a of Array.isArray(status.addresses) ? status.addresses.filter(isObj) : []) if (a.type === 'InternalIP' || a.type === 'ExternalIP') for (const ip of strs(a.address)) nodeIps.add(ip);
        }
      }
    }
  }
  return { snapshot: { pods, services, namespaces, nodeIps: [...nodeIps].sort() }, diagnostics };
}
