import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compareStrings, DEFAULT_NAMESPACE, type Cluster, workloadKey } from '../manifests/cluster.js';
import { originRef, type K8sObject } from '../manifests/objects.js';
import { selectorMatches } from '../connectivity/selector.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from './synthesize.js';

/**
 * Incremental adoption (ACS): the workloads that an existing NetworkPolicy already selects are
 * left untouched. Policies netpol-ci generated (label app.kubernetes.io/managed-by: netpol-ci)
 * do not count: they are ours to regenerate. Admin policies do not count either: they are the
 * cluster operator's guard rails, not a workload's own policy.
 */
export function existingSelections(cluster: Cluster, existing: readonly K8sObject[]): { skip: Map<string, string>; diagnostics: Diagnostic[] } {
  const skip = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const policies = existing.flatMap((o) => (o.kind === 'NetworkPolicy' && o.object.metadata.labels?.[MANAGED_BY_LABEL] !== MANAGED_BY ? [o] : []));
  const sorted = [...cluster.workloads].sort((a, b) => compareStrings(workloadKey(a.ref), workloadKey(b.ref)));
  for (const w of sorted) {
    for (const p of policies) {
      const ns = p.object.metadata.namespace || DEFAULT_NAMESPACE;
      if (ns !== w.ref.namespace) continue;
      const selector = p.object.spec?.podSelector ?? {};
      if (!w.pods.some((pod) => selectorMatches(selector, pod.labels))) continue;
      const name = `NetworkPolicy ${ns}/${p.object.metadata.name ?? ''}`;
      const at = originRef(p.origin, ['spec', 'podSelector']);
      skip.set(workloadKey(w.ref), name);
      diagnostics.push(
        diag(Codes.existingPolicySkipped, 'info', `${workloadKey(w.ref)} left untouched: the existing ${name} already selects it${at.line !== undefined ? ` (${at.file}:${at.line})` : ''}`, originRef(w.origin, ['metadata', 'name'])),
      );
      break;
    }
  }
  return { skip, diagnostics };
}
